"""Page logic through Streamlit's AppTest: every page runs, shows the curated values (checked
against the article's own words), keeps its view in the URL, and survives hostile parameters."""

import functools
import json
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from data_prep.check import read_csv

HOME = str(Path(__file__).resolve().parents[2] / "dashboard" / "Home.py")
PAGES = [
    "overview",
    "targets",
    "coal_power",
    "chemicals",
    "materials",
    "innovation",
    "park_map",
    "sources",
]
TITLES = {
    "zh": [
        "准东开发区发展看板",
        "目标与进度",
        "煤炭与煤电",
        "现代煤化工",
        "硅铝新材料",
        "科技创新",
        "园区地图",
        "资料来源",
    ],
    "en": [
        "Zhundong development dashboard",
        "Targets and progress",
        "Coal and power",
        "Coal chemicals",
        "Silicon and aluminium",
        "Innovation",
        "Park map",
        "Sources",
    ],
}


def app(**params: str) -> AppTest:
    test = AppTest.from_file(HOME, default_timeout=60)
    for key, value in params.items():
        test.query_params[key] = value
    return test.run()


def open_page(test: AppTest, page: str) -> AppTest:
    if page != "overview":
        test.switch_page(f"views/{page}.py").run()
    return test


@functools.cache
def opened(page: str) -> AppTest:
    """A page as first opened, in Chinese with the newest report: run once, shared by the tests
    that only read it (a test that clicks or types opens its own)."""
    return open_page(app(), page)


def shown_text(test: AppTest) -> str:
    parts = [m.value for m in test.metric] + [c.value for c in test.caption]
    parts += [s.value for s in test.subheader]
    parts += [m.value for m in test.markdown] + [t.value for t in test.title]
    parts += [i.value for i in test.info]
    for frame in test.dataframe:
        parts.append(frame.value.to_string())
    return "\n".join(str(part) for part in parts)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_page_runs_in_both_languages(lang):
    test = app(lang=lang)
    for page, title in zip(PAGES, TITLES[lang], strict=True):
        open_page(test, page)
        assert not test.exception, (page, [e.value for e in test.exception])
        assert test.title[0].value == title


def _metric_row(metric_id: str) -> dict[str, str]:
    from data_prep import CURATED_DIR

    (row,) = [r for r in read_csv(CURATED_DIR / "metrics.csv") if r["metric_id"] == metric_id]
    return row


@pytest.mark.parametrize(
    ("page", "metric_id", "written", "shown"),
    [
        # (page, metric, as the article writes it, as the page must show it)
        ("overview", "coal_output", "2.4亿吨", "2.4亿吨"),
        ("overview", "coal_power_built", "2725 万千瓦", "2725万千瓦"),
        ("overview", "aluminium_capacity", "296.6 万吨", "296.6万吨"),
        ("coal_power", "approved_mine_capacity", "3.542亿吨", "3.542亿吨"),
        ("coal_power", "coal_reserves", "3900亿吨", "3900亿吨"),
        ("coal_power", "jijihu_coal_capacity", "年产能超1.6亿吨", "超1.6亿吨"),
        ("innovation", "new_innovation_entities", "创新主体26家", "26家"),
    ],
)
def test_pages_show_the_curated_values(page, metric_id, written, shown):
    row = _metric_row(metric_id)
    # the table's value is the article's: its quote holds the figure as written
    assert written.replace(" ", "") in row["quote"]
    test = opened(page)
    assert shown in shown_text(test)


def test_targets_page_answers_every_target_with_what_is_known():
    test = opened("targets")
    assert not test.dataframe  # cards, not a wide table that hides its answer on a phone
    text = shown_text(test).replace("\\", "")  # as read: without Markdown's escapes
    # "到2027年…工业总产值达到4000亿元", a goal: no current value, the related 13.4% beside it
    assert "**工业总产值 2027** · 2027年目标 4000亿元" in text
    assert "相关但不可比：2025年规上工业增加值增长13.4%" in text
    assert "2000亿元" not in text  # no base derived from "经济总量实现翻番"
    # "再翻一番": the pace between the two goals, in words, not as raw numbers
    assert "（8000亿元 ÷ 4000亿元）的三分之一次方减1" in text
    assert "800000000000" not in text
    # "预计到2030年…煤制气产能将达到140亿立方米/年": a forecast, answered by its pipeline
    assert "**煤制气产能 2030** · 2030年预测 140亿立方米/年" in text
    assert "已落地60亿立方米/年" in text and "不算进度" in text
    assert "报道未点名任何煤制油项目" in text and "合计0" not in text
    # "规划煤电装机规模3373万千瓦，已建成2725万千瓦": coal power is tracked
    assert "已建成2725万千瓦，为规划3373万千瓦的81%" in text
    # "目前…汇聚产业工人30000余名" beside the forecast "预计将进驻10万名以上"
    assert "为预测的 30%" in text and "为目标的" not in text
    assert text.count("须有报道写明") >= 9
    # every target's sentences one tap away, the answer's among them
    assert len(test.get("popover")) >= 11
    assert "60亿立方米煤制气项目先后落地" in text


def test_targets_page_in_english_says_forecasts_and_pipelines():
    text = shown_text(open_page(app(lang="en"), "targets")).replace("\\", "")
    assert "This is a forecast (预计), not a goal." in text
    assert "6 billion m³/yr landed" in text and "not progress" in text
    assert "Related, not comparable" in text


def test_chemicals_page_tells_nothing_changed_from_no_earlier_report():
    # 003 mentions the olefins and gas projects only in a plan sentence: nothing changed since 000
    later = open_page(app(report="003"), "chemicals")
    infos = [i.value for i in later.info]
    assert any("与2025-08的报道相比" in i and "没有变化" in i for i in infos)
    assert not any("更早的报道" in i for i in infos)
    earliest = open_page(app(report="000"), "chemicals")
    assert any("没有更早的报道" in i.value for i in earliest.info)
    # the plan and the condition are listed as mentions, with their sentences
    assert any("未说明阶段" in e.label for e in later.expander)


def test_chemicals_table_keeps_investment_and_report_in_view():
    table = opened("chemicals").dataframe[0].value
    columns = list(table.columns)
    # at 1366 px the first five columns are in view: name, stage, capacity, investment, report
    assert columns.index("总投资") < 5 and columns.index("报道") < 5
    tianchi = table[table["项目"].str.startswith("天池能源")].iloc[0]
    assert tianchi["总投资"] == "170.39亿元"  # "这项总投资170.39亿元的煤制天然气项目"


def test_chemicals_charts_name_every_colour():
    test = opened("chemicals")
    for chart in test.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        if len(spec["data"]) and spec["data"][0].get("type") == "bar":
            assert spec["layout"].get("showlegend") is True
            assert all(trace.get("name") for trace in spec["data"])


def test_query_parameters_round_trip():
    test = app(lang="en", report="003")
    assert test.segmented_control(key="lang").value == "en"
    assert test.selectbox(key="report").value == "003"
    assert test.query_params == {"lang": "en", "report": "003"}
    test.segmented_control(key="lang").set_value("zh").run()
    assert test.title[0].value == TITLES["zh"][0]
    assert test.query_params == {"report": "003"}


def test_report_choice_changes_what_pages_show():
    coal = open_page(app(report="003"), "coal_power")
    assert "所选报道中没有这部分数据" in shown_text(coal)
    innovation = open_page(app(report="003"), "innovation")
    assert "42项" in shown_text(innovation)


def test_chemicals_filters_live_in_the_url():
    test = app()
    test.query_params["product"] = ["olefins"]
    open_page(test, "chemicals")
    table = test.dataframe[0].value
    assert set(table["产品"]) == {"煤制烯烃"}
    assert len(table) == 2  # 160万吨 and 710万吨 groups
    assert test.query_params["product"] == "olefins"
    test.multiselect(key="product").set_value(["sng", "methanol"]).run()
    assert set(test.dataframe[0].value["产品"]) == {"煤制气", "煤制甲醇"}
    assert test.query_params["product"] == ["sng", "methanol"]


def test_margin_calculator_starts_at_the_article():
    test = open_page(app(), "chemicals")
    values = {m.label: m.value for m in test.metric}
    assert values["每吨原料煤毛利"] == "600 元/吨"  # "可实现约600元毛利"
    assert values["每吨甲醇利润"] == "1100 元/吨"  # "每吨利润可达1100元"
    test.slider(key="chemicals_methanol_price").set_value(2500.0).run()
    assert {m.label: m.value for m in test.metric}["每吨甲醇利润"] == "1400 元/吨"


HOSTILE = [
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "\x00",
    "x" * 10_000,
    "🏭🔥",
    "' OR 1=1 --",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_parameters_fall_back_to_defaults(value):
    """One address full of a hostile value, then every page in turn: each runs in Chinese with
    the newest report."""
    test = AppTest.from_file(HOME, default_timeout=60)
    for page in PAGES:
        for key in ("lang", "report", "product", "status", "company", "layers"):
            test.query_params[key] = value  # again: a page may have put the defaults back
        if page != "overview":  # the address of the page itself, run once
            test.switch_page(f"views/{page}.py")
        test.run()
        assert not test.exception, (page, value)
        assert test.title[0].value == TITLES["zh"][PAGES.index(page)]
        assert test.selectbox(key="report").value == "latest"


def test_capacity_chart_counts_a_project_within_its_group_once():
    test = opened("chemicals")
    figures = [json.loads(chart.proto.spec) for chart in test.get("plotly_chart")]
    gas = next(
        f
        for f in figures
        if "亿立方米/年" in f["layout"]["title"]["text"] and "状态" in f["layout"]["title"]["text"]
    )
    # "60亿立方米煤制气项目" (国能、天池能源、新业), which holds 天池能源's "20亿立方米/年" project
    assert sum(y for trace in gas["data"] for y in trace["y"]) == 60
    assert any(
        "天池能源" in caption.value and "不重复计算" in caption.value for caption in test.caption
    )


def _helps(test: AppTest) -> str:
    """The "?" of every card, as read (without Markdown's escapes)."""
    return "\n".join(m.proto.help for m in test.markdown if m.proto.help).replace("\\", "")


@pytest.mark.parametrize(
    "page, sentence",
    [
        # the Overview's cards: each "?" holds its sentence, then the reasoning
        ("overview", "2024年，准东完成煤炭产量2.4亿吨，占全疆的43%"),
        ("overview", "规划煤电装机规模3373万千瓦，已建成2725万千瓦。"),
        ("overview", "山能化工、东明塑胶共160万吨煤制烯烃项目开工建设"),
        ("overview", "汇聚产业工人30000余名"),
        # 煤炭与煤电: 3900亿吨, 17.8%, 7%; 17处; 3293公里, 5000万家庭, 2亿多人
        ("coal_power", "预测储量高达3900亿吨，占新疆的17.8%、全国的7%"),
        ("coal_power", "已核准17处国家大中型煤矿"),
        ("coal_power", "电力跨越3293公里，惠及华东地区5000万家庭2亿多人。"),
    ],
)
def test_every_card_shows_its_sentence(page, sentence):
    assert sentence in _helps(opened(page))


def test_a_share_of_another_year_says_its_year(curated_dir):
    from dashboard.components.key_figures import _beside

    metrics = pd.read_csv(curated_dir / "metrics.csv", dtype=str)
    metrics["year"] = metrics["year"].astype(float)
    metrics["value"] = metrics["value"].astype(float)
    # an accepted 2025 output beside the 2024 share "2024年，准东完成煤炭产量2.4亿吨，占全疆的43%"
    later = metrics[metrics["metric_id"] == "coal_output"].assign(year=2025.0, value=2.65e8)
    shown = pd.concat([metrics[metrics["metric_id"] != "coal_output"], later])
    text, _ = _beside(shown, shown, "coal_output", "coal_output_share_xinjiang", "zh")
    assert text == "2024年煤炭产量占全疆比重 43%"
    same, _ = _beside(metrics, metrics, "coal_output", "coal_output_share_xinjiang", "zh")
    assert same == "煤炭产量占全疆比重 43%"  # both 2024's: the card's year says it


def test_the_sidebar_offers_the_light_page_for_phones():
    captions = [c.value for c in app().sidebar.caption]
    assert any("轻量版" in c and "/m/" in c and "/m/en/" not in c for c in captions)
    captions = [c.value for c in app(lang="en").sidebar.caption]
    assert any("light page" in c and "/m/en/" in c for c in captions)


def test_the_overview_names_every_report_its_cards_use():
    # the output card's related fact, 13.4%, is the 2026-02 report's
    captions = [c.value for c in opened("overview").caption]
    first = next(c for c in captions if c.startswith("来源："))
    assert "2025-08" in first and "2026-02" in first
