"""What each figure's sentence claims: statement kind, scope and period, against a key written by
reading the two seed articles; the reading rules as tables; and reports that DO state an actual."""

import csv
import shutil
from pathlib import Path

import pytest

from data_prep import SEEDS_DIR, meaning
from data_prep.add import add_report
from data_prep.build import build
from data_prep.build import decide_and_rebuild as decide
from data_prep.check import check_tables, read_csv
from tests.conftest import FIXTURES

# ---------------------------------------------------------------- rules, as tables


@pytest.mark.parametrize(
    ("figure_year", "clause", "sentence", "report_year", "expected"),
    [
        # a year written with the figure wins
        (
            2024,
            "准东完成煤炭产量2.4亿吨",
            "2024年，准东完成煤炭产量2.4亿吨。",
            2025,
            (2024, "", "sentence"),
        ),
        # 十四五收官 describes 2025, whatever the report's year
        (
            "",
            "规上工业增加值增长13.4%",
            "在“十四五”规划收官之际，准东开发区交出了…：规上工业增加值增长13.4%。",
            2026,
            (2025, "十四五收官", "period word"),
        ),
        (
            "",
            "实现工业总产值2600亿元",
            "去年，准东开发区实现工业总产值2600亿元。",
            2026,
            (2025, "去年", "period word"),
        ),
        (
            "",
            "工业投资增长20%",
            "今年以来，工业投资增长20%。",
            2026,
            (2026, "今年以来", "report date"),
        ),
        ("", "产量增长8%", "今年上半年，产量增长8%。", 2026, (2026, "上半年", "report date")),
        (
            "",
            "汇聚产业工人30000余名",
            "目前建成区…汇聚产业工人30000余名。",
            2025,
            (2025, "目前", "report date"),
        ),
        # 项目前期 is not 目前
        (
            "",
            "共收集到企业创新需求42项",
            "科技项目前期调研座谈会共收集到企业创新需求42项。",
            2026,
            (2026, "", "report date"),
        ),
        # the one year the sentence names
        (
            "",
            "累计投资50亿元",
            "该项目于2023年开工，累计投资50亿元。",
            2025,
            (2023, "", "year in sentence"),
        ),
        # the ledger's year that is only 今年 read as the report's year says so
        (
            "2025",
            "累计投资规模达到833亿元",
            "这是今年第6个大型煤化工项目…累计投资规模达到833亿元。",
            2025,
            (2025, "今年", "report date"),
        ),
        # nothing else possible: the report's year, and the basis says so
        (
            "",
            "单矿最高产能可达8000万吨",
            "单矿最高产能可达8000万吨。",
            2025,
            (2025, "", "report date"),
        ),
    ],
)
def test_period_rules(figure_year, clause, sentence, report_year, expected):
    assert meaning.period(figure_year, clause, sentence, report_year) == expected


@pytest.mark.parametrize(
    ("clause", "lead", "kind"),
    [
        ("准东完成煤炭产量2.4亿吨", "2024年，准东完成煤炭产量2.4亿吨", "fact"),
        (
            "工业总产值达到4000亿元",
            "文件明确提出奋斗目标：到2027年，经济总量实现翻番，工业总产值达到4000亿元",
            "goal",
        ),
        (
            "煤制油产能达到600万吨/年",
            "预计到2030年，准东煤制气产能将达到140亿立方米/年，煤制油产能达到600万吨/年",
            "forecast",
        ),
        (
            "加快推进60亿立方米煤制气、160万吨煤制烯烃等重点项目",
            "坚持…，加快推进60亿立方米煤制气、160万吨煤制烯烃等重点项目",
            "plan",
        ),
        ("将实现年利税47亿元", "…准东煤化一体化项目建成后，将实现年利税47亿元", "condition"),
        (
            "当甲醇价格为2200元/吨时",
            "煤制甲醇成本平均每吨1100元，当甲醇价格为2200元/吨时",
            "condition",
        ),
        # a condition governs what follows it, not what stands before it
        ("煤制甲醇成本平均每吨1100元", "煤制甲醇成本平均每吨1100元", "fact"),
        # "其亚、富德共1200万吨煤制甲醇等项目也在加快推进": projects under way, not a plan sentence
        (
            "其亚、富德共1200万吨煤制甲醇等项目也在加快推进",
            "其亚、富德共1200万吨煤制甲醇等项目也在加快推进",
            "fact",
        ),
        # a planned size in its own clause; a built size after it stays a fact
        ("规划煤电装机规模3373万千瓦", "规划煤电装机规模3373万千瓦", "plan"),
        ("已建成2725万千瓦", "规划煤电装机规模3373万千瓦，已建成2725万千瓦", "fact"),
        ("未来3年，计划投入100亿元", "未来3年，计划投入100亿元", "plan"),
    ],
)
def test_statement_kind_rules(clause, lead, kind):
    assert meaning.statement_kind(clause, lead) == kind


@pytest.mark.parametrize(
    ("subject", "clause", "scope"),
    [
        ("", "准东完成煤炭产量2.4亿吨", "zhundong"),
        ("全疆", "占全疆的43%", "zhundong"),  # a share of Xinjiang describes 准东
        ("", "新疆有效增加保障性住房供给20.67万套", "xinjiang"),
        ("", "全国煤炭产量47.8亿吨", "china"),
        ("", "哈密煤制气产能达到40亿立方米", "other_zone"),
        ("", "准东的煤炭储量足以支撑全国开采使用100年以上", "zhundong"),
    ],
)
def test_scope_rules(subject, clause, scope):
    assert meaning.scope(subject, clause) == scope


def test_reading_needs_an_actual_and_the_same_measure():
    # no actual: cannot judge, and the reason says no current value is reported
    verdict, reason_zh, _ = meaning.reading(None, None, 4000, 2027, 0.134, "", "工业总产值")
    assert verdict == "cannot_judge" and "未报道现值" in reason_zh
    # an actual, but the only growth is another measure: cannot judge, and why
    verdict, reason_zh, reason_en = meaning.reading(
        2600, 2025, 4000, 2027, None, "规上工业增加值增长", "工业总产值"
    )
    assert verdict == "cannot_judge"
    assert "不是同一指标" in reason_zh and "not the same measure" in reason_en
    # same measure: (4000/2600)^(1/2) - 1 = 24.0% needed against 15% reported
    assert meaning.reading(2600, 2025, 4000, 2027, 0.15, "工业总产值", "工业总产值")[0] == "at_risk"
    assert (
        meaning.reading(2600, 2025, 4000, 2027, 0.30, "工业总产值", "工业总产值")[0] == "on_track"
    )
    assert meaning.required_growth(2600, 4000, 2) == pytest.approx((4000 / 2600) ** 0.5 - 1)


# ---------------------------------------------------------------- the key, read from the seeds

# (report, metric) -> (statement kind, scope, year, year_basis), each from the article's words.
KEY = {
    # 000: "预测储量高达3900亿吨，占新疆的17.8%、全国的7%": no year, no 目前 -> the report's.
    ("000", "coal_reserves"): ("fact", "zhundong", "2025", "report date"),
    ("000", "coal_reserves_share_xinjiang"): ("fact", "zhundong", "2025", "report date"),
    ("000", "coal_reserves_share_china"): ("fact", "zhundong", "2025", "report date"),
    # "准东的煤炭储量足以支撑全国开采使用100年以上": 准东's reserves, in years of China's use
    ("000", "coal_reserves_years"): ("fact", "zhundong", "2025", "report date"),
    ("000", "largest_mine_capacity"): ("fact", "zhundong", "2025", "report date"),
    # "已核准17处国家大中型煤矿，总产能达3.542亿吨，占全疆一半以上"
    ("000", "approved_mines"): ("fact", "zhundong", "2025", "report date"),
    ("000", "approved_mine_capacity"): ("fact", "zhundong", "2025", "report date"),
    ("000", "approved_mine_capacity_share_xinjiang"): ("fact", "zhundong", "2025", "report date"),
    ("000", "mining_efficiency_gain"): ("fact", "zhundong", "2025", "report date"),
    ("000", "energy_per_tonne_reduction"): ("fact", "zhundong", "2025", "report date"),
    # "2024年，准东完成煤炭产量2.4亿吨，占全疆的43%"
    ("000", "coal_output"): ("fact", "zhundong", "2024", "sentence"),
    ("000", "coal_output_share_xinjiang"): ("fact", "zhundong", "2024", "sentence"),
    # "…9家煤矿为代表的煤炭产业组团，年产能超1.6亿吨；…6家煤电产业集群…装机规模超500万千瓦"
    ("000", "jijihu_coal_mines"): ("fact", "zhundong", "2025", "report date"),
    ("000", "jijihu_coal_capacity"): ("fact", "zhundong", "2025", "report date"),
    ("000", "jijihu_power_plants"): ("fact", "zhundong", "2025", "report date"),
    ("000", "jijihu_power_capacity"): ("fact", "zhundong", "2025", "report date"),
    # "规划煤电装机规模3373万千瓦，已建成2725万千瓦"
    ("000", "coal_power_planned"): ("plan", "zhundong", "2025", "report date"),
    ("000", "coal_power_built"): ("fact", "zhundong", "2025", "report date"),
    # "2024年，发电量达1298亿千瓦时，占全疆的25%；疆电外送684亿千瓦时，占全疆的54%"
    ("000", "power_generation"): ("fact", "zhundong", "2024", "sentence"),
    ("000", "power_generation_share_xinjiang"): ("fact", "zhundong", "2024", "sentence"),
    ("000", "power_sent_out"): ("fact", "zhundong", "2024", "sentence"),
    ("000", "power_sent_out_share_xinjiang"): ("fact", "zhundong", "2024", "sentence"),
    ("000", "transmission_distance"): ("fact", "zhundong", "2025", "report date"),
    ("000", "households_served"): ("fact", "zhundong", "2025", "report date"),
    ("000", "people_served"): ("fact", "zhundong", "2025", "report date"),
    # "目前，已建成电解铝产能296.6万吨…分别占全疆的40%、18%和12%"
    ("000", "aluminium_capacity"): ("fact", "zhundong", "2025", "report date"),
    ("000", "industrial_silicon_capacity"): ("fact", "zhundong", "2025", "report date"),
    ("000", "polysilicon_capacity"): ("fact", "zhundong", "2025", "report date"),
    ("000", "aluminium_share_xinjiang"): ("fact", "zhundong", "2025", "report date"),
    ("000", "industrial_silicon_share_xinjiang"): ("fact", "zhundong", "2025", "report date"),
    ("000", "polysilicon_share_xinjiang"): ("fact", "zhundong", "2025", "report date"),
    ("000", "wafer_slicing_capacity"): ("fact", "zhundong", "2025", "report date"),
    ("000", "aluminium_downstream_parks"): ("fact", "zhundong", "2025", "report date"),
    ("000", "aluminium_products_capacity"): ("fact", "zhundong", "2025", "report date"),
    # "这是今年第6个大型煤化工项目落地…累计投资规模达到833亿元": 今年, the report's year
    ("000", "coal_chem_cumulative_investment"): ("fact", "zhundong", "2025", "report date"),
    ("000", "jijihu_area"): ("fact", "zhundong", "2025", "report date"),
    # "目前建成区规划面积8.47平方公里，汇聚产业工人30000余名"
    ("000", "jijihu_built_up_area"): ("plan", "zhundong", "2025", "report date"),
    ("000", "jijihu_workers"): ("fact", "zhundong", "2025", "report date"),
    ("000", "jijihu_parks"): ("fact", "zhundong", "2025", "report date"),
    ("000", "jijihu_development_years"): ("fact", "zhundong", "2025", "report date"),
    # "未来3年，计划投入100亿元"
    ("000", "jijihu_planned_investment"): ("plan", "zhundong", "2025", "report date"),
    ("000", "jijihu_district_centres"): ("fact", "zhundong", "2025", "report date"),
    ("000", "jijihu_home_centres"): ("fact", "zhundong", "2025", "report date"),
    ("000", "jijihu_clusters"): ("fact", "zhundong", "2025", "report date"),
    # "到2027年，…预计将进驻10万名以上产业工人，且平均年龄在30岁以下"
    ("000", "jijihu_worker_age"): ("forecast", "zhundong", "2027", "sentence"),
    # "着力打造2个千亿级产业…以及3个百亿级产业集群": an intention
    ("000", "thousand_billion_industries"): ("plan", "zhundong", "2025", "report date"),
    ("000", "ten_billion_clusters"): ("plan", "zhundong", "2025", "report date"),
    # "煤制气完全成本在1.4-1.8元/立方米之间，若以3元/立方米的价格销售，…可实现约600元毛利；
    #  煤制甲醇成本平均每吨1100元，当甲醇价格为2200元/吨时，每吨利润可达1100元"
    ("000", "coal_to_gas_cost"): ("fact", "zhundong", "2025", "report date"),
    ("000", "coal_to_gas_price"): ("condition", "zhundong", "2025", "report date"),
    ("000", "coal_to_gas_margin_per_tonne_coal"): ("condition", "zhundong", "2025", "report date"),
    ("000", "methanol_cost"): ("fact", "zhundong", "2025", "report date"),
    ("000", "methanol_price"): ("condition", "zhundong", "2025", "report date"),
    ("000", "methanol_profit"): ("condition", "zhundong", "2025", "report date"),
    # "…煤化一体化项目建成后，将实现年利税47亿元，社会贡献总额70亿元，新增就业2000余人"
    ("000", "yankuang_tax_profit"): ("condition", "zhundong", "2025", "report date"),
    ("000", "yankuang_social_contribution"): ("condition", "zhundong", "2025", "report date"),
    ("000", "yankuang_new_jobs"): ("condition", "zhundong", "2025", "report date"),
    # 003: "加快推进…重点项目，…加快打造3个百亿级、2个千亿级产业集群"
    ("003", "thousand_billion_industries"): ("plan", "zhundong", "2026", "report date"),
    ("003", "ten_billion_clusters"): ("plan", "zhundong", "2026", "report date"),
    # "在“十四五”规划收官之际…规上工业增加值增长13.4%、固定资产投资增长32%、…增长13.2%": 2025
    ("003", "industrial_value_added_growth"): ("fact", "zhundong", "2025", "period word"),
    ("003", "fixed_asset_investment_growth"): ("fact", "zhundong", "2025", "period word"),
    ("003", "budget_revenue_growth"): ("fact", "zhundong", "2025", "period word"),
    # "科技项目前期调研座谈会共收集到企业创新需求42项"; "参会的16家企业代表": no year given
    ("003", "innovation_needs"): ("fact", "zhundong", "2026", "report date"),
    ("003", "innovation_meeting_enterprises"): ("fact", "zhundong", "2026", "report date"),
    # "2025年新增高新技术企业等各类创新主体26家"
    ("003", "new_innovation_entities"): ("fact", "zhundong", "2025", "sentence"),
}

# target -> kind, from "文件明确提出奋斗目标：到2027年…" and "预计到2030年…"
TARGET_KINDS = {
    "industrial_output_2027": "goal",
    "industrial_output_2030": "goal",
    "trillion_output_park": "ambition",  # "朝着万亿产值园区的宏伟目标": no year
    "coal_to_gas_capacity_2030": "forecast",
    "coal_to_oil_capacity_2030": "forecast",
    "olefins_capacity_2030": "forecast",
    "methanol_capacity_2030": "forecast",
    "high_end_chemicals_capacity_2030": "forecast",
    "coal_conversion_rate_2030": "forecast",
    "jijihu_workers_2027": "forecast",  # "预计将进驻10万名以上产业工人"
    "coal_power_capacity_plan": "plan",  # "规划煤电装机规模3373万千瓦，已建成2725万千瓦"
}


def test_every_curated_figure_matches_the_key(curated_dir):
    rows = read_csv(curated_dir / "metrics.csv")
    found = {
        (r["report_id"], r["metric_id"]): (
            r["statement_kind"],
            r["scope"],
            r["year"],
            r["year_basis"],
        )
        for r in rows
    }
    assert found == KEY


def test_every_target_kind_matches_the_key(curated_dir):
    rows = read_csv(curated_dir / "targets.csv")
    assert {r["target_id"]: r["target_kind"] for r in rows} == TARGET_KINDS


# ---------------------------------------------------------------- reports that state an actual

OUTPUT = FIXTURES / "zhundong_output_2026_03.txt"  # "去年，…实现工业总产值2600亿元，同比增长15%"
GAS = FIXTURES / "zhundong_gas_2026_07.txt"  # "截至今年6月底，…已建成投产煤制气产能40亿立方米/年"


@pytest.fixture(scope="module")
def with_actuals(tmp_path_factory) -> Path:
    """Tables built from the seeds and the two articles that state an actual, whose proposed
    rows an analyst has accepted; before that, no target takes them (asserted here)."""
    root = tmp_path_factory.mktemp("actuals")
    seeds = root / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    out = root / "curated"
    build(out, seeds)
    for path, date in ((OUTPUT, "2026-03-12"), (GAS, "2026-07-08")):
        add_report(path.read_bytes(), str(path), date, seeds_dir=seeds, out_dir=out)
    proposed = {r["target_id"]: r["proposal_id"] for r in read_csv(out / "proposals.csv")}
    assert set(proposed) == {
        "industrial_output",
        "industrial_output_growth",
        "coal_to_gas_operating_capacity",
    }
    with_value = {r["target_id"] for r in read_csv(out / "targets.csv") if r["current_value"]}
    assert with_value == {"jijihu_workers_2027"}  # the seed's 30000余名, nothing proposed
    decide(list(proposed.values()), "accepted", seeds, out)
    return out


def _targets(folder: Path) -> dict[str, dict[str, str]]:
    return {r["target_id"]: r for r in read_csv(folder / "targets.csv")}


def test_without_a_stated_actual_there_is_no_progress(curated_dir):
    targets = _targets(curated_dir)
    for target_id in (
        "industrial_output_2027",
        "industrial_output_2030",
        "coal_to_gas_capacity_2030",
    ):
        row = targets[target_id]
        assert (row["current_value"], row["required_growth"]) == ("", "")
        assert row["reading"] == "cannot_judge"


def test_a_stated_output_gives_progress_and_a_reading(with_actuals):
    row = _targets(with_actuals)["industrial_output_2027"]
    # 去年 in a March 2026 report: 2025
    assert (row["current_value"], row["current_year"]) == ("260000000000", "2025")
    assert row["current_year_basis"] == "period word"
    assert "工业总产值2600亿元" in row["current_quote"]
    assert float(row["required_growth"]) == pytest.approx((4000 / 2600) ** 0.5 - 1, abs=1e-6)
    assert "^(1/(2027 − 2025))" in row["required_growth_formula"]
    # the same measure grew 15%, short of the 24.0% a year needed
    assert row["reading"] == "at_risk"
    assert "24.0%" in row["reading_reason_zh"] and "15.0%" in row["reading_reason_zh"]
    assert check_tables(with_actuals) == []


def test_a_stated_operating_capacity_gives_progress_but_no_verdict(with_actuals):
    targets = _targets(with_actuals)
    gas = targets["coal_to_gas_capacity_2030"]
    # "截至今年6月底，…已建成投产煤制气产能40亿立方米/年" in a 2026 report
    assert (gas["current_value"], gas["current_year"]) == ("4000000000", "2026")
    # no growth rate of this capacity is reported: cannot judge, with the growth it needs
    assert gas["reading"] == "cannot_judge"
    assert float(gas["required_growth"]) == pytest.approx((140 / 40) ** 0.25 - 1, abs=1e-6)
    # the other capacity forecasts still have no current value
    assert targets["coal_to_oil_capacity_2030"]["current_value"] == ""


# ---------------------------------------------------------------- check refuses


def _rewrite(folder: Path, table: str, change) -> None:
    path = folder / f"{table}.csv"
    rows = read_csv(path)
    header = list(rows[0])
    for row in rows:
        change(row)
    header += [column for column in rows[0] if column not in header]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def tables(curated_dir, tmp_path) -> Path:
    copy = tmp_path / "curated"
    shutil.copytree(curated_dir, copy)
    return copy


def test_check_refuses_a_baseline_taken_from_the_targets_own_sentence(tables):
    def derive(row):
        if row["target_id"] == "industrial_output_2027":
            row.update(current_value="200000000000", current_quote=row["quote"])

    _rewrite(tables, "targets", derive)
    assert any(
        "industrial_output_2027" in p and "not a reported fact" in p for p in check_tables(tables)
    )


def test_check_refuses_a_derived_baseline_column(tables):
    _rewrite(tables, "targets", lambda row: row.update(baseline_is_derived="True"))
    assert any("derived baseline" in p for p in check_tables(tables))


def test_check_refuses_a_stage_set_by_a_plan(tables):
    def promote(row):
        if row["project_id"] == "olefins_160" and row["report_id"] == "003":
            row.update(status="advancing", sets_stage="True")

    _rewrite(tables, "projects", promote)
    assert any("olefins_160" in p and "set by a plan" in p for p in check_tables(tables))


def test_check_refuses_a_fact_dated_after_its_report(tables):
    def later(row):
        if row["metric_id"] == "coal_output":
            row["year"] = "2027"

    _rewrite(tables, "metrics", later)
    assert any("coal_output" in p and "after its report" in p for p in check_tables(tables))


def test_the_needed_growth_is_said_in_words_with_amounts():
    # 30000 people in 2025 to 100000 in 2027: (100000 / 30000)^(1/2) − 1 = 82.6% a year
    def shown(value, lang):
        return f"{value / 1e4:g}万人" if lang == "zh" else f"{value:,.0f} people"

    verdict, reason_zh, reason_en = meaning.reading(
        30000, 2025, 100000, 2027, None, "", "职工", shown
    )
    assert verdict == "cannot_judge"
    assert "从2025年的3万人到2027年的10万人" in reason_zh and "82.6%" in reason_zh
    assert "30,000 people in 2025 to 100,000 people in 2027" in reason_en
    for reason in (reason_zh, reason_en):
        assert not any(mark in reason for mark in ("^", "目标/实际", "goal/actual", "1/"))
