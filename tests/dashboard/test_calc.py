"""The calculations and formatting behind the pages, without Streamlit."""

import math

import pandas as pd
import pytest

from dashboard.calc import (
    LATEST,
    cagr,
    gas_margin_per_tonne,
    implied_gas_per_tonne,
    latest_projects,
    methanol_profit_per_tonne,
    pipeline_by_product,
    rows_for_report,
    status_changes,
    target_progress,
    what_changed,
)
from dashboard.components.text import escape_markdown, hover_text, mark_figures
from dashboard.fmt import quantity


@pytest.fixture(scope="module")
def tables(curated_dir):
    def read(name):
        return pd.read_csv(
            curated_dir / f"{name}.csv", encoding="utf-8-sig", dtype={"report_id": str}
        )

    return {name: read(name) for name in ("metrics", "projects", "targets", "reports")}


def test_cagr_of_a_doubling_over_three_years():
    assert cagr(2000, 4000, 3) == pytest.approx(2 ** (1 / 3) - 1)
    assert cagr(0, 4000, 3) is None
    assert cagr(2000, 4000, 0) is None


def test_latest_takes_each_metric_from_its_newest_report():
    metrics = pd.DataFrame(
        {
            "metric_id": ["a", "a", "b"],
            "report_id": ["000", "003", "000"],
            "report_date": ["2025-08", "2026-02", "2025-08"],
            "value": [1, 2, 3],
        }
    )
    latest = rows_for_report(metrics, LATEST, "metric_id")
    assert dict(zip(latest["metric_id"], latest["value"], strict=True)) == {"a": 2, "b": 3}
    assert list(rows_for_report(metrics, "000", "metric_id")["value"]) == [1, 3]


def test_pipeline_counts_a_project_inside_its_group_once():
    projects = pd.DataFrame(
        {
            "product": ["煤制气", "煤制气", "煤制烯烃"],
            "capacity": [2e9, 6e9, 1.6e6],
            "part_of": ["sng_60", None, None],
        }
    )
    assert pipeline_by_product(projects) == {"煤制气": 6e9, "煤制烯烃": 1.6e6}


def test_a_plan_sentence_is_no_status_change(tables):
    # 000: "…160万吨煤制烯烃项目开工建设"; 003: "加快推进…160万吨煤制烯烃等重点项目" is a plan
    # that mentions the project: no stage changed, so neither history nor "what changed" lists it.
    assert status_changes(tables["projects"]).empty
    changed = what_changed(tables["metrics"], tables["projects"], tables["reports"])
    assert not set(changed["kind"]) & {"status", "new_project"}
    # the newest stated stage stays the one the fact sentence gave
    latest = latest_projects(tables["projects"]).set_index("project_id")
    assert latest.loc["olefins_160", "status_raw"] == "开工建设"
    assert latest.loc["sng_60", "status_raw"] == "先后落地"


def test_nothing_changed_is_not_no_earlier_report(tables):
    # The chemicals page keeps project changes only: for 003 none (its sentence is a plan), and
    # the earlier report it was compared with stays known, so the page says nothing changed.
    changed = what_changed(tables["metrics"], tables["projects"], tables["reports"], "003")
    projects_only = changed[changed["kind"].isin(["new_project", "status"])]
    assert projects_only.empty and projects_only.attrs["previous_id"] == "000"
    # 000 is the earliest: nothing to compare with
    first = what_changed(tables["metrics"], tables["projects"], tables["reports"], "000")
    assert first.empty and "previous_id" not in first.attrs


def test_target_readings_are_the_tables(tables):
    progress = target_progress(tables["targets"], tables["projects"], tables["metrics"])
    rows = progress.set_index("target_id")
    output = rows.loc["industrial_output_2027"]
    # No report states Zhundong's industrial output: no current value, no progress, no growth.
    assert math.isnan(output["current"]) and math.isnan(output["progress"])
    assert math.isnan(output["cagr_needed"])
    assert output["reading"] == "cannot_judge"
    # Olefins: 160万吨 under construction + 710万吨 with no stage stated, against 870万吨/年以上:
    # a pipeline, never a current value or progress.
    olefins = rows.loc["olefins_capacity_2030"]
    assert math.isnan(olefins["progress"]) and olefins["pipeline"] == pytest.approx(8.7e6)
    # Coal-to-gas: the 60亿立方米 group (Tianchi's 20亿 inside it) counted once.
    assert rows.loc["coal_to_gas_capacity_2030", "pipeline"] == pytest.approx(6e9)
    # Workers: "目前…汇聚产业工人30000余名", 10万名以上 by 2027; (1e5/3e4)^(1/2) - 1 = 82.6%.
    assert rows.loc["jijihu_workers_2027", "progress"] == pytest.approx(0.3)
    assert rows.loc["jijihu_workers_2027", "cagr_needed"] == pytest.approx(0.825742, abs=1e-6)
    assert rows.loc["jijihu_workers_2027", "reading"] == "cannot_judge"
    assert math.isnan(rows.loc["trillion_output_park", "progress"])


def test_calculators_reproduce_the_article_at_its_numbers():
    # "煤制气完全成本在1.4-1.8元/立方米之间，若以3元/立方米的价格销售，1吨原料煤…约600元毛利"
    gas_per_tonne = implied_gas_per_tonne(600, 3, 1.8)
    assert gas_per_tonne == pytest.approx(500)
    assert gas_margin_per_tonne(1.8, 3, gas_per_tonne) == pytest.approx(600)
    assert gas_margin_per_tonne(1.4, 3, gas_per_tonne) == pytest.approx(800)
    # "煤制甲醇成本平均每吨1100元，当甲醇价格为2200元/吨时，每吨利润可达1100元"
    assert methanol_profit_per_tonne(1100, 2200) == 1100


@pytest.mark.parametrize(
    ("value", "unit", "lang", "qualifier", "high", "text"),
    [
        (240_000_000, "亿吨", "zh", "", None, "2.4亿吨"),
        (354_200_000, "亿吨", "zh", "", None, "3.542亿吨"),
        (27_250_000, "万千瓦", "zh", "", None, "2725万千瓦"),
        (27_250_000, "万千瓦", "en", "", None, "27.25 GW"),
        (160_000_000, "亿吨", "zh", "超", None, "超1.6亿吨"),
        (160_000_000, "亿吨", "en", "超", None, "over 160 Mt"),
        (30_000, "人", "zh", "余", None, "30000余人"),
        (100_000, "人", "en", "以上", None, "100,000 people or more"),
        (200_000_000, "亿人", "zh", "多", None, "2亿多人"),
        (8_700_000, "万吨/年", "zh", "以上", None, "870万吨/年以上"),
        (1.4, "元/立方米", "zh", "", 1.8, "1.4–1.8元/立方米"),
        (129_800_000_000, "亿千瓦时", "en", "", None, "129.8 TWh"),
        (1e12, "万亿元", "zh", "", None, "1万亿元"),
        (17.8, "%", "en", "", None, "17.8%"),
    ],
)
def test_quantities_read_as_officials_write_them(value, unit, lang, qualifier, high, text):
    assert quantity(value, unit, lang, qualifier, high) == text


def test_article_text_cannot_become_markup():
    hostile = "<script>alert(1)</script> **粗体** [链接](http://x) :red[红] $x$"
    escaped = escape_markdown(hostile)
    for token in ("<script>", "**", "](", ":red[", "$x$"):
        assert token not in escaped
    assert "&lt;script&gt;" in hover_text("<script>")


def test_figures_are_marked_and_the_rest_escaped():
    marked = mark_figures("产能*达* 296.6万吨。", [(6, 13)])
    assert marked == "产能\\*达\\* :orange-background[**296\\.6万吨**]。"


def test_no_page_renders_html():
    from pathlib import Path

    dashboard = Path(__file__).resolve().parents[2] / "dashboard"
    sources = {path.name: path.read_text(encoding="utf-8") for path in dashboard.rglob("*.py")}
    offenders = [
        name
        for name, code in sources.items()
        if "unsafe_allow_html=True" in code or "st.html(" in code
    ]
    assert offenders == []


def test_progress_bar_labels_are_not_clipped():
    from dashboard.components import charts
    from dashboard.components.progress import unclipped

    figure = unclipped(
        charts.progress_bars(
            ["甲", "乙"],
            [1.2, 0.3],
            ["120% · 无法判断", "为预测的 30% · 无法判断"],
            ["", ""],
            "t",
            "x",
        ),
        [1.2, 0.3],
    )
    bar = figure.data[0]
    assert bar.cliponaxis is False and bar.textposition == "none"
    # each label starts right of its bar and of the 100% line, never across it
    starts = {a.text: a.x for a in figure.layout.annotations}
    assert starts["120%<br>无法判断"] > 120 and starts["为预测的 30%<br>无法判断"] > 100
    # the axis reaches past the longest bar, so that its label fits beside it
    assert figure.layout.xaxis.range[1] >= 120 * 1.5


def test_timelines_plot_only_what_the_reports_state(tables):
    from dashboard.components.progress import measures, required_path, timeline_points

    progress = target_progress(tables["targets"], tables["projects"], tables["metrics"])
    by_measure = {rows["label_zh"].iloc[0]: rows for rows in measures(progress)}
    # "到2027年…工业总产值达到4000亿元；到2030年，工业总产值再翻一番，达到8000亿元": two goals,
    # no actual, and so no path
    output = by_measure["工业总产值"]
    assert timeline_points(output) == [("goal", 2027.0, 4e11), ("goal", 2030.0, 8e11)]
    assert all(required_path(row) == [] for row in output.itertuples())
    # workers: 30000余名 now (2025), 10万名以上 by 2027; the derived path joins them
    workers = by_measure["芨芨湖新城产业工人"]
    assert ("actual", 2025.0, 30000.0) in timeline_points(workers)
    path = required_path(next(workers.itertuples()))
    assert [year for year, _ in path] == [2025.0, 2026.0, 2027.0]
    assert path[0][1] == pytest.approx(30000) and path[-1][1] == pytest.approx(100000)


def test_a_report_whose_rows_all_await_review_changes_nothing_yet(tables):
    # On the hosted link a newly added report's proposed rows are left out: it has no rows, so
    # "what changed" compares the newest report that has, not an empty one.
    reports = pd.concat(
        [tables["reports"], pd.DataFrame([{"report_id": "004", "report_date": "2026-05"}])]
    )
    newest = what_changed(tables["metrics"], tables["projects"], reports)
    assert newest.attrs.get("previous_id") == "000"  # 003 against 000, as before 004 came
    assert what_changed(tables["metrics"], tables["projects"], reports, "004").empty
