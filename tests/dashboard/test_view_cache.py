"""What pages compute is cached per view and data version and shared by sessions
(dashboard/data.py): a rebuild by any process shows at once, two languages never share a figure,
and a cached figure is built once and never changed by the pages that show it."""

import json
import threading

import pydeck
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import data
from dashboard.calc import LATEST
from dashboard.components import charts
from data_prep.build import decide_and_rebuild
from data_prep.check import read_csv
from tests.dashboard import review_workspace
from tests.dashboard.test_pages import HOME


def shown(test: AppTest) -> str:
    return "\n".join([m.value for m in test.markdown] + [c.value for c in test.caption])


def specs(test: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in test.get("plotly_chart")]


def page(name: str, lang: str = "zh") -> AppTest:
    test = AppTest.from_file(HOME, default_timeout=90)
    test.query_params["lang"] = lang
    test.run()
    if name != "overview":
        test.switch_page(f"views/{name}.py").run()
    assert not test.exception
    return test


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """A local copy's seeds and tables with a new report's proposals waiting."""
    seeds, out = review_workspace.make(tmp_path)
    if review_workspace.decide_is_stub(seeds, out):
        pytest.fail("data_prep.review.decide is a placeholder")
    monkeypatch.setenv("ZHUNDONG_SEEDS", str(seeds))
    monkeypatch.setenv("ZHUNDONG_DATA", str(out))
    monkeypatch.delenv("ZHUNDONG_HOSTED", raising=False)
    return seeds, out


def test_a_decision_made_on_the_command_line_shows_in_a_cached_view(workspace):
    seeds, out = workspace
    pending = [r for r in read_csv(out / "proposals.csv") if r["decision"] == "proposed"]
    metric_ids = {r["target_id"] for r in pending if r["target_type"] == "metric"}
    assert {"coal_output", "coal_power_built"} <= metric_ids
    before = data.metrics_for(LATEST)
    assert set(before.loc[before["review_status"] == "proposed", "metric_id"]) == metric_ids
    assert "（待核实）" in shown(page("coal_power"))  # the view is cached now

    # Another process (`python -m data_prep review --accept`) decides and rebuilds: nothing in
    # this process is told, the tables' version alone changes.
    decide_and_rebuild([r["proposal_id"] for r in pending], "accepted", seeds, out)

    after = data.metrics_for(LATEST)
    assert "proposed" not in set(after["review_status"])
    accepted = after[after["metric_id"] == "coal_output"]
    assert list(accepted["review_status"]) == ["accepted"]
    assert list(accepted["report_date"]) == [review_workspace.NEW_DATE]
    test = page("coal_power")
    assert "待核实" not in shown(test)
    assert "待核实" not in json.dumps(specs(test), ensure_ascii=False)


def test_two_languages_do_not_share_a_cached_figure():
    chinese = specs(page("coal_power", "zh"))
    english = specs(page("coal_power", "en"))
    assert len(chinese) == len(english) >= 3
    for zh, en in zip(chinese, english, strict=True):
        assert zh["layout"]["title"]["text"] != en["layout"]["title"]["text"]
        assert not any("\u4e00" <= char <= "\u9fff" for char in en["layout"]["title"]["text"])
    bars = english[0]["data"][0]
    assert any(label.startswith("Coal output") for label in bars["y"])
    assert not any(label.startswith("煤炭产量") for label in bars["y"])


def test_a_cached_figure_is_built_once_and_not_changed_by_the_pages(monkeypatch):
    built = []
    original = charts.hbar

    def counted(*args, **kwargs):
        built.append(args[4])  # the title
        return original(*args, **kwargs)

    data._forget_tables()  # as after a rebuild
    monkeypatch.setattr(charts, "hbar", counted)
    first = specs(page("coal_power", "en"))
    once = len(built)
    assert once >= 3
    second = specs(page("coal_power", "en"))
    assert len(built) == once  # a second session's run builds no figure
    assert first == second
    # the progress bars get their labels added once, however often the page shows them
    overview = [specs(page("overview")) for _ in range(2)]
    assert overview[0] == overview[1]


def test_a_view_is_computed_once_for_every_session(monkeypatch):
    calls = []
    original = data.progress.compute

    def counted(report):
        calls.append(report)
        return original(report)

    data._views.clear()
    monkeypatch.setattr(data, "progress", data.per_view(counted))  # the same cache, counted
    page("targets")
    page("targets", "en")
    page("overview")
    assert calls == [LATEST]


def test_a_page_run_reads_the_tables_version_once(monkeypatch):
    reads = []
    read = data._manifest_version

    def counted() -> str:
        reads.append(1)
        return read()

    monkeypatch.setattr(data, "_manifest_version", counted)
    test = AppTest.from_file(HOME, default_timeout=90)
    test.run()
    assert not test.exception
    assert len(reads) == 1  # the overview reads a dozen tables and readings
    test.switch_page("views/chemicals.py").run()
    assert not test.exception
    assert len(reads) == 2
    # Outside a page run (the command line, a test) every read looks again.
    data.table("reports")
    data.table("metrics")
    assert len(reads) == 4


def test_the_map_is_serialised_once_for_every_session_that_asks(monkeypatch):
    made = []
    to_json = pydeck.Deck.to_json

    def counted(deck) -> str:
        made.append(1)
        return to_json(deck)

    monkeypatch.setattr(pydeck.Deck, "to_json", counted)
    data._views.clear()
    first, second = page("park_map"), page("park_map")
    spec = [chart.proto.json for chart in first.get("deck_gl_json_chart")]
    assert spec and spec == [chart.proto.json for chart in second.get("deck_gl_json_chart")]
    assert '"spec"' not in spec[0]  # the memo is no attribute the JSON is made of
    assert len(made) == 1
    english = page("park_map", "en").get("deck_gl_json_chart")[0].proto.json
    assert len(made) == 2 and english != spec[0]


def test_viewers_arriving_together_wait_for_one_computation():
    cache = data.SharedCache(entries=4, seconds=60)
    started, release, calls = threading.Event(), threading.Event(), []

    def slow():
        calls.append(1)
        started.set()
        release.wait(10)
        return "view"

    results = []
    threads = [
        threading.Thread(target=lambda: results.append(cache.get(("page", "zh"), slow)))
        for _ in range(5)
    ]
    threads[0].start()
    started.wait(10)
    for thread in threads[1:]:
        thread.start()
    release.set()
    for thread in threads:
        thread.join(10)
    assert results == ["view"] * 5 and calls == [1]
    # bounded: six views asked for, four kept
    for index in range(5):
        cache.get(("page", index), lambda index=index: index)
    assert len(cache) == 4
    # an argument that cannot be a key is computed, never cached
    assert cache.get(("page", ["a", "list"]), lambda: "computed") == "computed"
    assert len(cache) == 4
