"""Proposed rows on screen: hidden on the hosted link, marked 待核实 on a local copy, left out of
the briefing; and the review list's wording of each proposal, checked against its sentence."""

import shutil

import pandas as pd
import pytest

from dashboard import data, geo, review
from dashboard.briefing import briefing_html
from dashboard.components.charts import lines
from dashboard.components.metric_chart import DOWNLOAD_COLUMNS
from dashboard.components.provenance import csv_bytes
from data_prep import SEEDS_DIR
from data_prep.add import add_report
from data_prep.build import build
from data_prep.check import read_csv
from tests.conftest import FIXTURES

# "2025年，准东完成煤炭产量2.65亿吨，占全疆的44%" (tests/fixtures/zhundong_2026_05.txt) beside
# "2024年，准东完成煤炭产量2.4亿吨" (the seed report 003).
COAL_2025 = {
    "proposal_id": "p1",
    "report_id": "004",
    "report_date": "2026-05-10",
    "label_zh": "煤炭产量",
    "label_en": "Coal output",
    "value": 2.65e8,
    "value_high": float("nan"),
    "qualifier": "",
    "display_unit": "亿吨",
    "raw": "2.65亿吨",
    "year": 2025,
    "confidence_level": "high",
    "confidence_reason_zh": "分句中指标名与数字相邻",
    "confidence_reason_en": "the measure's name stands next to the figure",
    "evidence": "准东完成煤炭产量2.65亿吨",
    "quote": "2025年，准东完成煤炭产量2.65亿吨，占全疆的44%，较上年继续增长。",
    "relation": "follows",
    "current_value": 2.4e8,
    "current_year": 2024,
    "decision": "proposed",
    "decided_on": "",
}


def proposal(**changes) -> pd.Series:
    return pd.Series({**COAL_2025, **changes})


def metrics_frame(status: list[str] | None) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "metric_id": ["coal_output", "coal_output"],
            "label_zh": ["煤炭产量", "煤炭产量"],
            "label_en": ["Coal output", "Coal output"],
            "value": [2.4e8, 2.65e8],
        }
    )
    return frame if status is None else frame.assign(review_status=status)


def test_a_table_built_before_review_is_all_seed_rows():
    frame = review.with_status(metrics_frame(None))
    assert list(frame["review_status"]) == ["seed", "seed"]
    assert len(review.for_screen(metrics_frame(None), "metrics", hosted=True)) == 2


def test_hosted_link_drops_proposed_rows_and_a_local_copy_marks_them():
    hosted = review.for_screen(metrics_frame(["seed", "proposed"]), "metrics", hosted=True)
    assert list(hosted["value"]) == [2.4e8]
    local = review.for_screen(metrics_frame(["seed", "proposed"]), "metrics", hosted=False)
    assert list(local["label_zh"]) == ["煤炭产量", "煤炭产量（待核实）"]
    assert list(local["label_en"]) == ["Coal output", "Coal output (unverified)"]
    accepted = review.for_screen(metrics_frame(["seed", "accepted"]), "metrics", hosted=True)
    assert list(accepted["label_zh"]) == ["煤炭产量", "煤炭产量"]


def test_project_names_are_marked_and_other_tables_untouched():
    projects = pd.DataFrame(
        {"name_zh": ["甲项目"], "name_en": ["Project A"], "review_status": ["proposed"]}
    )
    assert review.for_screen(projects, "projects", hosted=False)["name_zh"][0] == "甲项目（待核实）"
    reports = pd.DataFrame({"report_id": ["000"]})
    assert "review_status" not in review.for_screen(reports, "reports", hosted=True).columns


def test_pending_groups_by_report_newest_first_without_decided_or_stale():
    proposals = pd.DataFrame(
        [
            {**COAL_2025, "proposal_id": "a", "report_id": "004", "report_date": "2026-05-10"},
            {**COAL_2025, "proposal_id": "b", "report_id": "005", "report_date": "2026-07-01"},
            {**COAL_2025, "proposal_id": "c", "report_id": "004", "report_date": "2026-05-10"},
            {**COAL_2025, "proposal_id": "d", "decision": "accepted", "decided_on": "2026-11-01"},
            {**COAL_2025, "proposal_id": "e", "decision": "stale"},
        ]
    )
    groups = review.pending(proposals)
    assert [(report, list(rows["proposal_id"])) for report, rows in groups] == [
        ("005", ["b"]),
        ("004", ["a", "c"]),
    ]
    assert list(review.decided(proposals)["proposal_id"]) == ["d"]
    assert list(review.stale(proposals)["proposal_id"]) == ["e"]


@pytest.mark.parametrize(
    ("changes", "lang", "expected"),
    [
        ({}, "zh", "2.4亿吨（2024年），此数为其后续年份"),
        ({}, "en", "240 Mt (2024); this is for a later year"),
        (
            {"relation": "replaces", "current_year": 2025},
            "zh",
            "2.4亿吨（2025年），同一年份，此数将替换它",
        ),
        ({"relation": "repeats", "current_value": 2.65e8}, "zh", "2.65亿吨（2024年），与此数相同"),
        (
            {"relation": "earlier"},
            "en",
            "240 Mt (2024); this is for an earlier year and replaces nothing",
        ),
        ({"relation": "new", "current_value": float("nan")}, "zh", "未报道"),
        ({"relation": "new", "current_value": float("nan")}, "en", "not reported"),
    ],
)
def test_published_value_beside_a_proposal(changes, lang, expected):
    assert review.published_text(proposal(**changes), lang) == expected


def test_value_year_and_confidence_as_the_sentence_gives_them():
    assert review.value_text(proposal(), "zh") == "2.65亿吨（2025年）"
    assert review.value_text(proposal(), "en") == "265 Mt (2025)"
    assert review.value_text(proposal(value=float("nan")), "zh") == "–"
    # "已建成2860万千瓦" gives no year: the report's date, not a year it does not state
    built = proposal(value=2.86e7, display_unit="万千瓦", year=2026, year_basis="report date")
    assert review.value_text(built, "zh") == "2860万千瓦（据2026-05-10报道）"
    assert review.value_text(built, "en") == "28.6 GW (as reported 2026-05-10)"
    assert review.confidence_text(proposal(), "zh") == ("高", "分句中指标名与数字相邻")
    assert review.confidence_text(proposal(confidence_level="low"), "en")[0] == "low"


def test_evidence_marks_the_figure_and_escapes_the_article_text():
    assert review.evidence_markdown(proposal()) == (
        r"准东完成煤炭产量:orange-background[**2\.65亿吨**]"
    )
    hostile = proposal(evidence="<b>准东</b>完成煤炭产量2.65亿吨[链接](javascript:x)")
    shown = review.evidence_markdown(hostile)
    assert "<b>" not in shown and "](" not in shown
    assert ":orange-background[**2\\.65亿吨**]" in shown
    assert "\n" not in review.evidence_markdown(proposal(evidence="准东完成\n煤炭产量2.65亿吨"))
    # the figure not in the clause: the clause, unmarked, still escaped
    assert review.evidence_markdown(proposal(raw="9亿吨")) == r"准东完成煤炭产量2\.65亿吨"


def test_mark_only_for_proposed_rows():
    assert review.mark("proposed", "zh") == "（待核实）"
    assert review.mark("accepted", "en") == ""
    assert review.chart_mark("proposed", "zh") == "<br>待核实"
    assert review.chart_mark("proposed", "en") == "<br>unverified"
    assert review.chart_mark("seed", "zh") == ""


def test_briefing_leaves_proposed_rows_out_and_counts_them(curated_dir):
    def read(name):
        return pd.read_csv(
            curated_dir / f"{name}.csv", encoding="utf-8-sig", dtype={"report_id": str}
        )

    metrics, targets, projects, reports = (
        read(name) for name in ("metrics", "targets", "projects", "reports")
    )
    coal = metrics[metrics["metric_id"] == "coal_output"].iloc[-1]
    newer = coal.copy()
    newer[["value", "year", "report_date", "quote"]] = [
        2.65e8,
        2025,
        "2026-05-10",
        "准东完成煤炭产量2.65亿吨",
    ]
    with_proposal = pd.concat([metrics, newer.to_frame().T], ignore_index=True)
    status = ["seed"] * len(metrics) + ["proposed"]
    page = briefing_html(
        with_proposal.assign(review_status=status), targets, projects, reports, "zh"
    )
    assert "2.65亿吨" not in page
    assert "2.4亿吨" in page  # the published 2024 figure stays: "2024年，准东完成煤炭产量2.4亿吨"
    assert "另有 1 行新报道数据待核实，未列入本简报。" in page
    accepted = briefing_html(
        with_proposal.assign(review_status=[*status[:-1], "accepted"]),
        targets,
        projects,
        reports,
        "zh",
    )
    assert "2.65亿吨" in accepted and "待核实" not in accepted


def test_line_values_stay_inside_the_plot_and_apart():
    planned = {
        "name": "规划",
        "x": ["2025-08", "2026-05-10"],
        "y": [3373, 3373],
        "quotes": ["", ""],
    }
    built = {
        "name": "已建成",
        "x": ["2025-08", "2026-05-10"],
        "y": [2725, 2860],
        "quotes": ["", ""],
    }
    figure = lines(
        [{**built, "text": ["2725万千瓦", "2860万千瓦<br>待核实"]}, {**planned, "text": ["", ""]}],
        "历次报道中的数字",
        "万千瓦",
    )
    lower, upper = figure.data
    assert list(lower.textposition) == ["bottom right", "bottom left"]
    assert list(upper.textposition) == ["top right", "top left"]
    assert lower.cliponaxis is False
    assert figure.layout.yaxis.range == (0, 3373 * 1.3)


def test_a_proposed_project_is_marked_in_its_map_tooltip(curated_dir):
    # read as the dashboard reads it
    projects = pd.read_csv(
        curated_dir / "projects.csv", encoding="utf-8-sig", dtype=data._TEXT_COLUMNS
    )
    places = pd.read_csv(curated_dir / "places.csv", encoding="utf-8-sig")
    placed = projects[projects["park"].fillna("") != ""].index[0]
    status = ["seed"] * len(projects)
    status[projects.index.get_loc(placed)] = "proposed"
    shown = review.for_screen(projects.assign(review_status=status), "projects", hosted=False)
    rows = geo.project_rows(shown, places, "zh")
    marked = [tip for tip in rows["tooltip"] if "（待核实）" in tip]
    assert len(marked) == 1 and marked[0].startswith(projects.loc[placed, "name_zh"] + "（待核实）")
    hosted = review.for_screen(projects.assign(review_status=status), "projects", hosted=True)
    published_rows = geo.project_rows(hosted, places, "zh")
    assert len(published_rows) == len(rows) - 1  # the project's seed rows stay
    assert not any("待核实" in tip for tip in published_rows["tooltip"])


def test_chart_downloads_carry_the_review_status():
    rows = pd.DataFrame(
        [
            {column: "" for column in DOWNLOAD_COLUMNS} | {"metric_id": "coal_output"},
            {column: "" for column in DOWNLOAD_COLUMNS} | {"metric_id": "coal_output"},
        ]
    ).assign(review_status=["seed", "proposed"])
    text = csv_bytes(rows[DOWNLOAD_COLUMNS]).decode("utf-8-sig")
    assert text.splitlines()[0].endswith(",review_status")
    assert text.splitlines()[2].endswith(",proposed")


def test_rows_awaiting_review_are_counted_per_report():
    metrics = pd.DataFrame(
        {"report_id": ["003", "004", "004"], "review_status": ["seed", "proposed", "proposed"]}
    )
    projects = pd.DataFrame(
        {"report_id": ["004", "005"], "review_status": ["proposed", "accepted"]}
    )
    assert review.waiting_by_report(metrics, projects) == {"004": 3}
    assert review.waiting_by_report(metrics.drop(columns="review_status")) == {}


# "山能化工、东明塑胶共160万吨煤制烯烃项目建成投产" beside 003's "加快推进…重点项目".
OLEFINS_OPERATING = {
    "target_type": "project",
    "label_zh": "山能化工、东明塑胶煤制烯烃项目",
    "value": 1.6e6,
    "display_unit": "万吨",
    "raw": "160万吨",
    "year": float("nan"),
    "stage": "建成投产",
    "current_stage": "加快推进",
    "current_report_id": "003",
    "current_value": 1.6e6,
}


def test_a_project_proposal_shows_its_stage_beside_the_published_one():
    row = proposal(**OLEFINS_OPERATING)
    assert review.value_text(row, "zh") == "160万吨 · 建成投产"
    assert review.published_text(row, "zh") == "该项目此前：加快推进（报道003）"
    assert review.published_text(row, "en") == "the project before: 加快推进 (report 003)"
    new = proposal(**{**OLEFINS_OPERATING, "target_type": "new_project", "current_stage": ""})
    assert review.published_text(new, "zh") == "新项目，此前未报道"


def test_a_proposed_value_placed_on_the_map_stays_off_the_hosted_link(tmp_path):
    # "全年原煤产量达2.38亿吨" (tests/fixtures/unseen/changji_results.txt) is proposed coal output,
    # which the map places on the zone: its place fact carries the status, so the hosted link
    # leaves it out and a local copy marks it.
    seeds, out = tmp_path / "seeds", tmp_path / "curated"
    shutil.copytree(SEEDS_DIR, seeds)
    build(out, seeds)
    report = FIXTURES / "unseen" / "changji_results.txt"
    new = add_report(report.read_bytes(), str(report), "2025-01-20", seeds_dir=seeds, out_dir=out)
    facts = pd.DataFrame(read_csv(out / "place_facts.csv"))
    coal = facts[(facts["metric_id"] == "coal_output") & (facts["report_id"] == new.report_id)]
    assert list(coal["review_status"]) == ["proposed"]
    hosted = review.for_screen(facts, "place_facts", hosted=True)
    assert new.report_id not in set(hosted["report_id"])
    local = review.for_screen(facts, "place_facts", hosted=False)
    labels = local.loc[local["report_id"] == new.report_id, "label_zh"]
    assert list(labels) == ["煤炭产量（待核实）"]
