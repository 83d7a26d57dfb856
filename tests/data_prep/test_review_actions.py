"""A reviewer's own rows: a figure assigned to a metric (candidates of a fitting unit, nearest
meaning first), a proposal corrected before it is accepted, a new metric started from a figure;
each a decision in decisions.toml that a fresh build reproduces, with who and when."""

import ast
import shutil
import tomllib
from pathlib import Path

import pytest

from data_prep import review
from data_prep.build import build
from data_prep.check import check_tables, read_csv
from data_prep.curate import load_catalog
from data_prep.errors import InputError
from tests.dashboard import report_workspace

# Our own report of about 1,500 characters on 2025: "2025年，准东完成原煤产量2.65亿吨，占全疆的
# 44%…2024年，这个数字是2.38亿吨。" (the 2024 figure no measure binds: "这个数字" names none),
# "年输送电量约620亿千瓦时" (a line's yearly transmission: no metric claims it), "目前准东已建成煤电
# 装机2860万千瓦" (the stock at the end of 2025, reported in January 2026):
# report_workspace.ENERGY_BASE, added as report 004.
METRICS = {metric["metric_id"]: metric for metric in load_catalog()["metrics"]}
LINE = {
    "metric_id": "uhv_line_transmission",
    "label_zh": "准东—皖南特高压年输送电量",
    "label_en": "Zhundong–Wannan UHV line, yearly transmission",
    "display_unit": "亿千瓦时/年",
    "category": "power",
}


@pytest.fixture(scope="module")
def added(tmp_path_factory) -> tuple[Path, Path]:
    return report_workspace.added(tmp_path_factory.mktemp("actions"))


@pytest.fixture
def work(added, tmp_path) -> tuple[Path, Path]:
    return report_workspace.copied(added, tmp_path)


def figure_id(out: Path, raw: str) -> str:
    source = {r["report_id"]: r["source"] for r in read_csv(out / "reports.csv")}["004"]
    starts = [r["start"] for r in read_csv(out / "figures.csv") if (r["source"], r["raw"]) == (
        source, raw)]  # fmt: skip
    assert len(starts) == 1, starts
    return f"004@{starts[0]}"


def proposal_of(out: Path, metric_id: str) -> dict[str, str]:
    return next(
        r
        for r in read_csv(out / "proposals.csv")
        if (r["report_id"], r["target_id"]) == ("004", metric_id)
    )


def test_candidates_have_the_figures_unit_nearest_meaning_first(work):
    _, out = work
    coal, _ = review.find_figure(figure_id(out, "2.38亿吨"), out)
    found = review.candidates(coal, list(METRICS.values()), review.text_before(coal, out))
    assert found[0]["metric_id"] == "coal_output"  # "原煤产量" in the sentence before
    assert all(review.metric_unit(m)[0] == "吨" for m in found)
    power, _ = review.find_figure(figure_id(out, "620亿千瓦时"), out)
    ids = [m["metric_id"] for m in review.candidates(power, list(METRICS.values()))]
    assert "power_sent_out" in ids and "coal_output" not in ids


def test_assign_correct_and_create_are_rows_a_fresh_build_reproduces(work, tmp_path):
    seeds, out = work
    # 2.38亿吨 is coal output of 2024, as its sentence says
    review.assign(figure_id(out, "2.38亿吨"), METRICS["coal_output"], seeds, out, by="王工")
    # 2860万千瓦 built: the stock at the end of 2025, not a figure of 2026
    built = proposal_of(out, "coal_power_built")
    review.correct(built["proposal_id"], seeds, out, "王工", year="2025", period="cumulative")
    # 620亿千瓦时 a year: a new metric
    review.assign(figure_id(out, "620亿千瓦时"), LINE, seeds, out, "李工", create=True)
    build(out, seeds)
    rows = {
        (r["metric_id"], r["year"]): r
        for r in read_csv(out / "metrics.csv")
        if r["report_id"] == "004"
    }
    coal = rows[("coal_output", "2024")]
    assert (coal["value"], coal["review_status"]) == ("238000000", "accepted")
    assert rows[("coal_output", "2025")]["review_status"] == "proposed"  # 2.65亿吨 still waits
    stock = rows[("coal_power_built", "2025")]
    assert (stock["value"], stock["period"], stock["year_basis"]) == (
        "28600000",
        "累计",
        "reviewer",
    )
    assert ("coal_power_built", "2026") not in rows
    line = rows[("uhv_line_transmission", "2026")]  # no year in its sentence: the report's
    assert (line["value"], line["label_zh"], line["display_unit"]) == (
        "62000000000",
        "准东—皖南特高压年输送电量",
        "亿千瓦时/年",
    )
    assert check_tables(out) == []
    decided = [r for r in read_csv(out / "proposals.csv") if r["decision"] == "accepted"]
    assert {r["decided_by"] for r in decided} == {"王工", "李工"}
    assert all(r["decided_on"].endswith("+08:00") for r in decided)  # Beijing time
    entries = tomllib.loads((seeds / "decisions.toml").read_text(encoding="utf-8"))["decisions"]
    assert sorted(e["action"] for e in entries) == ["assign", "correct", "create"]
    # a clone of the seeds builds the same rows
    clone_seeds, clone_out = tmp_path / "clone" / "seeds", tmp_path / "clone" / "curated"
    shutil.copytree(seeds, clone_seeds)
    build(clone_out, clone_seeds)
    for table in ("metrics", "proposals"):
        assert read_csv(clone_out / f"{table}.csv") == read_csv(out / f"{table}.csv")


def test_a_correction_to_another_metric_rejects_the_proposal_it_corrects(work):
    seeds, out = work
    planned = proposal_of(out, "coal_power_planned")
    # (as if the build had bound 3373万千瓦 to the built capacity: the reviewer moves it back)
    done = review.correct(planned["proposal_id"], seeds, out, "王工", METRICS["coal_power_built"])
    assert done.replaces == planned["proposal_id"]
    build(out, seeds)
    decisions = {r["proposal_id"]: r for r in read_csv(out / "proposals.csv")}
    assert decisions[planned["proposal_id"]]["decision"] == "rejected"
    assert decisions[done.proposal_id]["decision"] == "accepted"
    build(out, seeds)  # the rejected proposal is covered by its correction: nothing is "lost"


def test_a_unit_that_does_not_fit_is_refused_and_nothing_changes(work):
    seeds, out = work
    with pytest.raises(InputError, match=r"12万平方米 is in 平方米, coal_output in 吨") as refused:
        review.assign(figure_id(out, "12万平方米"), METRICS["coal_output"], seeds, out)
    assert refused.value.code == "unit_mismatch"
    assert not (seeds / "decisions.toml").exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"action": "assign", "period": "weekly"}, "period 'weekly'"),
        ({"action": "create", "label_zh": "x"}, "create lacks label_en, unit, category"),
        ({"action": "move"}, "action 'move'"),
        ({"action": "assign", "year": "20250"}, "year '20250'"),
        ({"action": "assign", "statement_kind": "rumour"}, "statement_kind 'rumour'"),
    ],
)
def test_an_invalid_action_is_refused_naming_the_entry(work, fields, message):
    seeds, out = work
    entry = review.Decision(
        review.proposal_key("004", "metric:coal_output", "2.38亿吨", "这个数字是2.38亿吨"),
        "004",
        "metric:coal_output",
        "2.38亿吨",
        "这个数字是2.38亿吨",
        "accepted",
        "2026-12-02T08:00+08:00",
        **fields,
    )
    (seeds / "decisions.toml").write_text(
        review.decisions_text({entry.proposal_id: entry}), encoding="utf-8"
    )
    with pytest.raises(InputError, match=rf"decisions\.toml: decision #1: {message}"):
        build(out, seeds)


def test_one_figure_assigned_to_two_metrics_is_refused(work):
    seeds, out = work
    first = review.assign(figure_id(out, "2.38亿吨"), METRICS["coal_output"], seeds, out)
    text = (seeds / "decisions.toml").read_text(encoding="utf-8")
    other = review.proposal_key("004", "metric:coal_reserves", first.raw, first.evidence)
    text += "\n" + text[text.index("[[decisions]]") :].replace(first.proposal_id, other).replace(
        "metric:coal_output", "metric:coal_reserves"
    )
    (seeds / "decisions.toml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="assigned to both metric:coal_output and metric:coal_"):
        build(out, seeds)


def test_review_records_and_never_builds():
    """The flow goes one way: the command line rebuilds after review records."""
    tree = ast.parse(Path(review.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert not {"data_prep.build", "data_prep.add", "data_prep.curate"} & imported
