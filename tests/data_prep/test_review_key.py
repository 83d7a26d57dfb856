"""The hand key of tests/fixtures/review/ holds together: every figure it names is written once in
its text and read by the ledger as one figure with that raw, and it names only catalog metrics,
catalog projects and catalog stages. (What the proposal step makes of the texts is tested
against this key where that step is tested.)"""

import datetime
import re
from pathlib import Path

import pytest

from data_prep.curate import load_catalog
from data_prep.pipeline import read_report
from data_prep.projects import stages
from tests.data_prep.review_key import (
    ADDED_METRICS,
    EXPECTED,
    NOT_METRICS,
    NOT_PROJECTS,
)

REVIEW = Path(__file__).parent.parent / "fixtures" / "review"
CATALOG = load_catalog()


def _keyed_raws(name: str) -> set[str]:
    key = EXPECTED[name]
    return (
        {raw for _, raw, _ in key["metrics"]}
        | {raw for _, raw, _ in key["projects"]}
        | set(NOT_METRICS[name])
        | set(NOT_PROJECTS[name])
    )


def written_as_figure(raw: str, text: str) -> int:
    """How often `raw` stands in `text` as a whole figure: "7%" is not counted inside "17%"."""
    return len(re.findall(r"(?<![\d.±])" + re.escape(raw) + r"(?![\d.])", text))


def test_every_review_text_has_a_key():
    texts = sorted(p.name for p in REVIEW.glob("*.txt"))
    assert texts == sorted(EXPECTED) == sorted(NOT_METRICS) == sorted(NOT_PROJECTS)


def test_written_as_figure_counts_whole_figures_only():
    assert written_as_figure("7%", "占全疆的17.8%、全国的7%") == 1
    assert written_as_figure("7%", "占全疆的17%") == 0
    assert written_as_figure("2亿吨", "产量12亿吨，外运2亿吨，又2亿吨") == 2


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_keyed_figure_is_written_once(name):
    text = (REVIEW / name).read_text(encoding="utf-8")
    counts = {raw: written_as_figure(raw, text) for raw in _keyed_raws(name)}
    assert {raw: n for raw, n in counts.items() if n != 1} == {}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_keyed_figure_is_one_figure_of_the_ledger(name):
    raws = [f.quantity.raw for f in read_report(REVIEW / name).figures]
    assert {raw: raws.count(raw) for raw in _keyed_raws(name) if raws.count(raw) != 1} == {}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_figure_is_either_expected_or_refused(name):
    expected = {raw for _, raw, _ in EXPECTED[name]["metrics"]}
    assert expected & set(NOT_METRICS[name]) == set()
    proposed = {raw for _, raw, _ in EXPECTED[name]["projects"]}
    assert proposed & set(NOT_PROJECTS[name]) == set()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_key_names_catalog_metrics_projects_and_stages(name):
    key = EXPECTED[name]
    report_year = datetime.date.fromisoformat(key["report_date"]).year
    metric_ids = {m["metric_id"] for m in CATALOG["metrics"]} | ADDED_METRICS
    project_ids = {p["project_id"] for p in CATALOG["projects"]} | {"new"}
    statuses = {stage.status for stage in stages()} | {"mentioned"}
    assert [m for m, _, _ in key["metrics"] if m not in metric_ids] == []
    assert [y for _, _, y in key["metrics"] if not 2000 <= y <= report_year] == []
    assert [p for p, _, _ in key["projects"] if p not in project_ids] == []
    assert [s for _, _, s in key["projects"] if s not in statuses] == []
    # one row per metric and year: two would be the same figure proposed twice
    pairs = [(m, y) for m, _, y in key["metrics"]]
    assert len(pairs) == len(set(pairs))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_review_text_reads_like_a_newspaper_report(name):
    text = (REVIEW / name).read_text(encoding="utf-8")
    headline, byline, *paragraphs = [line for line in text.splitlines() if line.strip()]
    assert 400 <= len(text) <= 1200
    assert len(headline) <= 30 and "。" not in headline
    assert byline.startswith("本报记者 ") and "某" in byline
    assert len(paragraphs) >= 4
