"""Reports in the wild: measures, places, periods, companies and stages as real reports phrase them.

Every sentence here is written for these tests; the facts, figures and phrasings come from public
reports about 准东, about other zones, and about Xinjiang and Changji as a whole, listed in
tests/fixtures/wild/SOURCES.md. Each row is read off its sentence by hand: what an official of the
zone would track from it, and what must never be proposed as the zone's.
"""

import pytest

from data_prep import meaning
from data_prep.add import add_report
from data_prep.check import read_csv
from data_prep.curate import _lead_of, load_catalog
from data_prep.measures import (
    bind,
    clause_of,
    measure_of,
    parts_of,
    sentence_before,
    sentence_bindings,
)
from data_prep.pipeline import read_report
from data_prep.projects import companies_in, product_named, stage_in
from tests.conftest import FIXTURES

MEASURES = [m for m in map(measure_of, load_catalog()["metrics"]) if m is not None]


def _figures(text: str, tmp_path) -> list[dict]:
    path = tmp_path / "wild.txt"
    path.write_text("准东开发区新闻\n\n本报讯 " + text + "\n", encoding="utf-8")
    return [f.row() for f in read_report(path, report_year=2025).figures if f.role == "body"]


def proposable(text: str, tmp_path) -> set[tuple[str, str]]:
    """(metric_id, raw) of the figures of `text` that would be proposed as the zone's: bound to a
    measure, of the measure's kind of statement, and about the zone by their own clause."""
    found = set()
    for binding, measure, _ in bind(_figures(text, tmp_path), MEASURES):
        row, anchor = binding.figure, binding.anchor
        if meaning.statement_kind(clause_of(row), _lead_of(row)) != measure.statement:
            continue
        clause = binding.clause if anchor is row else clause_of(anchor)
        scope = meaning.scope_in_context(binding.subject, clause, sentence_before(anchor), "")
        if scope == "zhundong":
            found.add((measure.metric_id, str(row["raw"])))
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a measure composed of its parts, whatever stands between them
        (
            "准东开发区预测煤炭储量3900亿吨，约占全疆煤炭储量的17.8%、全国储量的7%。",
            {
                ("coal_reserves", "3900亿吨"),
                ("coal_reserves_share_xinjiang", "17.8%"),
                ("coal_reserves_share_china", "7%"),
            },
        ),
        (
            "准东煤田预测煤炭资源储量3900亿吨，占全疆储量（2.19万亿吨）的17.8%，"
            "全国煤炭储量（5.56万亿吨）的7%。",
            {
                ("coal_reserves", "3900亿吨"),
                ("coal_reserves_share_xinjiang", "17.8%"),
                ("coal_reserves_share_china", "7%"),
            },
        ),
        # 探明 is not 预测: another measure of the reserves
        ("准东煤田目前已探明煤炭资源储量2136亿吨。", set()),
        # 度 = 千瓦时; 送往华东 is power sent out; a rate per year is the year's
        ("去年，准东将685亿度电送往华东地区。", {("power_sent_out", "685亿度")}),
        # an earlier superlative about a mine does not make the figure China's
        (
            "这里有全国单体产能最大的露天煤矿，每年“疆电外送”620亿度。",
            {("power_sent_out", "620亿度")},
        ),
        ("2024年，准东“疆煤外运”突破5000万吨。", {("coal_shipped_out", "5000万吨")}),
        (
            "2022年，准东开发区全年煤炭产量达1.89亿吨、增长28%，占全疆45.8%，"
            "向疆内各地供煤约1.1亿吨。",
            {("coal_output", "1.89亿吨"), ("coal_output_share_xinjiang", "45.8%")},
        ),
        (
            "全年完成发电量1185亿千瓦时，疆电外送电量达632亿千瓦时，日均外送电量1.73亿千瓦时。",
            {("power_generation", "1185亿千瓦时"), ("power_sent_out", "632亿千瓦时")},
        ),
        ("年产千万吨及以上的大型煤矿达7家。", {("large_mines", "7家")}),
        ("开发区内已建成21家火电厂。", {("thermal_power_plants", "21家")}),
        ("准东是一个面积达1.55万平方公里的开发区。", {("zone_area", "1.55万平方公里")}),
        (
            "准东开发区铁路总里程达529.3公里，年运力1.78亿吨。",
            {("railway_length", "529.3公里"), ("railway_capacity", "1.78亿吨")},
        ),
        # periods: a cumulative total and a plan period's sum never stand for a year's figure
        (
            "五年来，准东开发区累计完成固定资产投资3000亿元，其中“十三五”期间完成1000亿元。",
            {
                ("fixed_asset_investment_cumulative", "3000亿元"),
                ("fixed_asset_investment_plan_period", "1000亿元"),
            },
        ),
        (
            "准东开发区累计完成基础设施建设投资372亿元。",
            {("infrastructure_investment_cumulative", "372亿元")},
        ),
        (
            "截至目前，准东“疆电外送”累计输送电量突破2000亿千瓦时。",
            {("power_sent_out_cumulative", "2000亿千瓦时")},
        ),
        ("今年上半年，准东开发区原煤产量1.2亿吨。", set()),
        ("今年1—10月，准东开发区完成固定资产投资320亿元。", set()),
        # a facility's or a company's figure is not the zone's total
        ("准东的昌吉换流站一季度向疆外输送电量84亿千瓦时。", set()),
        (
            "准东开发区规划煤电装机规模3373万千瓦，已建成2725万千瓦。",
            {
                ("coal_power_planned", "3373万千瓦"),
                ("coal_power_built", "2725万千瓦"),
            },
        ),
        # a forecast is never an actual
        ("准东四号露天矿今年预计完成原煤产量600万吨。", set()),
        # a built capacity needs no 已建成; a capacity under construction is no built one
        (
            "截至2023年底，准东开发区煤电装机规模达2725万千瓦。",
            {("coal_power_built", "2725万千瓦")},
        ),
        ("准东开发区在建煤电装机800万千瓦。", set()),
        # a 其中 part of another indicator is a measure of its own; of another kind, no total
        (
            "准东开发区全年发电量1300亿千瓦时，其中外送电量700亿千瓦时。",
            {("power_generation", "1300亿千瓦时"), ("power_sent_out", "700亿千瓦时")},
        ),
        (
            "准东开发区原煤产量完成2.3亿吨，同比增长9%，其中露天煤矿产量2.1亿吨。",
            {("coal_output", "2.3亿吨")},
        ),
        # the zone's part of the prefecture's total is the zone's
        ("我州原煤产量4.1亿吨，其中准东开发区2.4亿吨。", {("coal_output", "2.4亿吨")}),
        # traps: Changji prefecture, Xinjiang, China, another zone
        ("我州煤炭、电解铝、多晶硅产能均占全疆50%左右。", set()),
        ("全州“疆电外送”累计输送电量突破1200亿千瓦时。", set()),
        ("全区煤炭产量4.57亿吨、同比增长10.7%，“疆煤外运”首次突破1亿吨。", set()),
        ("2023年，全疆原煤产量5.4亿吨，发电量5300亿千瓦时。", set()),
        ("目前，准格尔旗黑岱沟露天煤矿核定产能3400万吨/年。", set()),
        ("鄂尔多斯市今年煤炭产量7.5亿吨。", set()),
    ],
)
def test_what_a_sentence_proposes_as_the_zones(text, expected, tmp_path):
    assert proposable(text, tmp_path) == expected


@pytest.mark.parametrize(
    ("before", "after", "earlier", "expected"),
    [
        ("全年煤炭产量达", "", "", ("煤炭", "产量", set())),
        ("煤炭预测储量", "", "", ("煤炭", "储量", {"预测"})),
        ("预测储量高达", "", "准东，以煤炭资源丰富而著称，", ("煤炭", "储量", {"预测"})),
        ("已建成", "", "规划煤电装机规模3373万千瓦，", ("煤电", "装机", {"已建成"})),
        # a clause of its own keeps its own words: 供煤 is no coal output
        ("向疆内各地供煤约", "", "全年煤炭产量达1.89亿吨，", ("", "", set())),
        ("全疆煤炭产量", "", "", ("煤炭", "产量", set())),
        ("新能源发电量", "", "", ("新能源", "发电量", set())),
        ("将", "电送往华东地区", "", ("电力", "外送", set())),
    ],
)
def test_parts_of_a_clause(before, after, earlier, expected):
    parts = parts_of(before, after, earlier)
    assert (parts.object, parts.indicator, set(parts.qualifiers)) == expected


@pytest.mark.parametrize(
    ("text", "raw", "period"),
    [
        ("2024年，准东完成煤炭产量2.4亿吨。", "2.4亿吨", "year"),
        ("准东累计完成投资833亿元。", "833亿元", "cumulative"),
        ("截至2024年底，外送电量累计达3000亿千瓦时。", "3000亿千瓦时", "cumulative"),
        ("“十三五”期间，准东完成固定资产投资1000亿元。", "1000亿元", "span"),
        ("五年来，准东完成固定资产投资3000亿元。", "3000亿元", "span"),
        ("准东年均增长12.5%。", "12.5%", "average"),
        ("日均外送电量1.73亿千瓦时。", "1.73亿千瓦时", "daily"),
        ("上半年，准东原煤产量1.2亿吨。", "1.2亿吨", "part_year"),
        ("1—10月，准东完成投资320亿元。", "320亿元", "part_year"),
        # a year of its own ends the span an earlier clause named
        ("五年来准东变化巨大，今年完成投资500亿元。", "500亿元", "year"),
    ],
)
def test_period_of_a_figure(text, raw, period, tmp_path):
    rows = _figures(text, tmp_path)
    bindings = {str(b.figure["raw"]): b for b in sentence_bindings(rows)}
    assert bindings[raw].parts.period() == period


@pytest.mark.parametrize(
    ("subject", "clause", "before", "scope"),
    [
        (
            "每年“疆电外送”",
            "每年“疆电外送”620亿度",
            "这里有全国单体产能最大的露天煤矿，每年“疆电外送”",
            "zhundong",
        ),
        (
            "多晶硅产能均占全疆",
            "多晶硅产能均占全疆50%左右",
            "我州煤炭、电解铝、多晶硅产能均占全疆",
            "prefecture",
        ),
        ("", "全州外送电量", "全州外送电量", "prefecture"),
        ("全区煤炭产量", "全区煤炭产量4.57亿吨", "会上介绍，全区煤炭产量", "xinjiang"),
        ("我区原煤产量", "我区原煤产量5.4亿吨", "我区原煤产量", "xinjiang"),
        ("", "我国煤炭产量47亿吨", "我国煤炭产量", "china"),
        (
            "核定产能",
            "黑岱沟露天煤矿核定产能3400万吨/年",
            "准格尔旗黑岱沟露天煤矿核定产能",
            "other_zone",
        ),
        ("", "哈密原煤产量1.8亿吨", "哈密原煤产量", "other_zone"),
        # a company's name holds 国家 but names no place
        ("", "国家能源集团准东20亿立方米/年", "国家能源集团准东", "zhundong"),
        ("外送电量", "外送电量700亿千瓦时", "五彩湾新城外送电量", "zhundong"),
    ],
)
def test_scope_of_a_figure(subject, clause, before, scope):
    assert meaning.scope_in_context(subject, clause, before, "") == scope


@pytest.mark.parametrize(
    ("text", "companies"),
    [
        ("国家能源集团准东20亿立方米/年煤制天然气项目", {"国家能源集团"}),
        ("国家能源投资集团所属国能新疆化工", {"国家能源集团"}),
        ("国能红沙泉露天煤矿", {"国家能源集团"}),
        ("山东能源兖矿新疆能化准东煤化一体化项目", {"山东能源集团"}),
        ("新疆兖矿其能煤业有限公司四号露天矿", {"山东能源集团"}),
        ("新疆山能化工有限公司80万吨/年煤制烯烃项目", {"山东能源集团"}),
        ("新疆新业能源化工有限责任公司", {"新业集团"}),
        ("新业集团准东煤制气项目", {"新业集团"}),
        ("新疆东明塑胶有限公司80万吨/年煤制烯烃项目", {"东方希望集团"}),
        ("特变电工新疆天池能源有限责任公司南露天煤矿", {"天池能源"}),
        # 全国能源 holds 国能 but names no company
        ("保障全国能源安全", set()),
    ],
)
def test_company_aliases(text, companies):
    assert companies_in(text) == companies


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("国家发展改革委核准新疆某煤业有限公司四号露天矿一期工程", "approved"),
        ("项目节能评估报告专家评审会在北京召开并顺利通过预审", "energy_review"),
        ("项目已取得自治区发改委节能审查意见", "energy_review"),
        ("项目环境影响报告通过自治区生态环境厅评估中心组织的技术评审", "eia_review"),
        ("煤制天然气项目获得国家生态环境部环评批复", "eia_approved"),
        ("项目正式开工建设", "under_construction"),
        ("烯烃项目一次投料试车成功", "trial_run"),
        ("选煤厂进入联合试运转", "trial_run"),
        ("四号露天矿实现首次见煤", "trial_run"),
        ("一期工程建成投产", "operating"),
        # work towards a stage is no stage
        ("大力推进两个煤制烯烃项目环评报批工作", None),
    ],
)
def test_stage_words(text, status):
    found = stage_in(text)
    assert (found[1] if found else None) == status


@pytest.mark.parametrize(
    ("text", "product"),
    [
        ("国家能源集团准东20亿立方米/年煤制天然气项目", "煤制气"),
        ("新疆兖矿其能煤业有限公司五彩湾矿区四号露天矿", "露天煤矿"),
        ("山能化工年产80万吨煤制烯烃项目", "煤制烯烃"),
        ("两台66万千瓦煤电机组所在的电厂", "煤电"),
    ],
)
def test_project_products(text, product):
    assert product_named(text)[0] == product


def test_a_report_of_stages_proposes_each_companys_own_project(workspace):
    """tests/fixtures/wild/projects_2025.txt, read off by hand: 国家能源集团's 20亿立方米 project is
    not 天池能源's of the same size but a new one in the 国能 group; 新业集团's too; a mine's first
    coal is a stage of a new project named by company and product, without a capacity; a
    forecast, a company's half year and a mine of 准格尔 propose nothing."""
    seeds, out = workspace
    path = FIXTURES / "wild" / "projects_2025.txt"
    new = add_report(path.read_bytes(), str(path), "2025-12-01", seeds_dir=seeds, out_dir=out)
    proposals = [r for r in read_csv(out / "proposals.csv") if r["report_id"] == new.report_id]
    assert {r["target_type"] for r in proposals} == {"new_project"}
    projects = {
        row["name_zh"]: row
        for row in read_csv(out / "projects.csv")
        if row["report_id"] == new.report_id
    }
    assert {
        name: (row["status"], row["part_of"], row["stage_date"]) for name, row in projects.items()
    } == {
        "国家能源集团准东20亿立方米/年煤制天然气项目": ("eia_approved", "sng_60", "2025-07-09"),
        "新业集团准东20亿立方米/年煤制天然气项目": ("energy_review", "sng_60", "2025-10-11"),
        "兖矿其能煤业有限公司五彩湾矿区四号露天矿": ("trial_run", "", "2025-07-01"),
    }


@pytest.mark.parametrize(
    ("sentence", "headline", "zone"),
    [
        # an article on the prefecture speaks of the prefecture where a sentence names no zone
        ("“疆电外送”累计输送电量突破1200亿千瓦时。", "我州能源产业高质量发展综述", False),
        ("昌吉换流站一季度向疆外输送电量84亿千瓦时。", "昌吉州一季度工业经济增势强劲", False),
        ("全区煤炭产量4.57亿吨。", "新疆建成两个亿吨级煤炭生产基地", False),
        # its sentences on the zone stay the zone's
        ("其中，准东开发区原煤产量2.61亿吨。", "2025年全疆能源生产情况", True),
        ("位于准东开发区的换流站满负荷运行。", "昌吉州一季度工业经济增势强劲", True),
        # an article on the zone, or with no place in its headline, reads each figure's own words
        ("全年煤炭产量达1.89亿吨。", "准东开发区再获核准千万吨级露天煤矿", True),
        ("全年煤炭产量达1.89亿吨。", "能源保供成效显著", True),
        # a company's name is no place: 国家能源集团 does not make a headline China's
        ("项目年产天然气20亿立方米。", "国家能源集团煤制天然气项目获环评批复", True),
    ],
)
def test_an_articles_topic_holds_where_a_sentence_names_no_place(sentence, headline, zone):
    assert meaning.zone_figure_in(sentence, headline) is zone


@pytest.mark.parametrize(
    ("text", "raw", "per"),
    [
        ("铁路总里程达529.3公里，年运力1.78亿吨。", "1.78亿吨", "年"),
        ("项目建成后年可转化煤炭507万吨。", "507万吨", "年"),
        ("项目建成后年生产天然气20亿立方米。", "20亿立方米", "年"),
        ("项目年用原料煤约186.34万吨。", "186.34万吨", "年"),
        ("四号露天矿每年可采煤2300万吨。", "2300万吨", "年"),
        ("日均外送电量1.73亿千瓦时。", "1.73亿千瓦时", "日"),
        # a year's total is no rate
        ("全年煤炭产量达1.89亿吨。", "1.89亿吨", ""),
        ("今年预计完成原煤产量600万吨。", "600万吨", ""),
    ],
)
def test_rates_are_kept(text, raw, per, tmp_path):
    rows = {str(row["raw"]): row for row in _figures(text, tmp_path)}
    assert rows[raw]["per"] == per
