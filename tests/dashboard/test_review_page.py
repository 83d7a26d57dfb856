"""The review on /updates through AppTest, on a workspace with a new report's proposals: the list,
accept and reject through data_prep.review.decide, and the hosted link without proposed rows."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import data
from data_prep import review as data_review
from data_prep.check import read_csv
from data_prep.errors import InputError
from tests.dashboard import report_workspace, review_workspace
from tests.dashboard.test_pages import HOME, PAGES, open_page


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """The workspace built once for the module."""
    return review_workspace.make(tmp_path_factory.mktemp("review"))


@pytest.fixture
def workspace(made, tmp_path, monkeypatch):
    """A private copy of the seeds and tables with proposals; `calls` records every decide the
    page makes."""
    seeds, out = report_workspace.copied(made, tmp_path)
    monkeypatch.setenv("ZHUNDONG_SEEDS", str(seeds))
    monkeypatch.setenv("ZHUNDONG_DATA", str(out))
    monkeypatch.delenv("ZHUNDONG_HOSTED", raising=False)
    real = review_workspace.fake_decide if review_workspace.decide_is_stub(seeds, out) else None
    real = real or data_review.decide
    calls = []

    def recorded(proposal_ids, decision, seeds_dir, out_dir, by=""):
        calls.append((list(proposal_ids), decision, seeds_dir, out_dir))
        return real(proposal_ids, decision, seeds_dir, out_dir)

    monkeypatch.setattr(data_review, "decide", recorded)
    return seeds, out, calls


def pending_rows(out) -> list[dict[str, str]]:
    return [row for row in read_csv(out / "proposals.csv") if row["decision"] == "proposed"]


def updates_page(lang: str = "zh") -> AppTest:
    test = AppTest.from_file(HOME, default_timeout=90)
    test.query_params["lang"] = lang
    test.run()
    return test.switch_page("views/updates.py").run()


def shown(test: AppTest) -> str:
    return "\n".join([m.value for m in test.markdown] + [c.value for c in test.caption])


def test_the_list_shows_each_pending_proposal_with_its_buttons(workspace):
    _, out, _ = workspace
    pending = pending_rows(out)
    assert pending
    test = updates_page()
    assert not test.exception
    assert "待核实的数据" in [header.value for header in test.subheader]
    keys = {button.key for button in test.button}
    for row in pending:
        assert f"updates_accept_{row['proposal_id']}" in keys
        assert f"updates_reject_{row['proposal_id']}" in keys
        assert f"**{row['label_zh']}**" in shown(test)
    assert "已发布：" in shown(test)
    english = updates_page("en")
    assert "Figures awaiting review" in [header.value for header in english.subheader]
    labels = {button.label for button in english.button if button.key.startswith("updates_")}
    assert {"Accept", "Reject"} <= labels


def test_accept_calls_decide_with_its_id_and_says_what_was_decided(workspace):
    seeds, out, calls = workspace
    first = pending_rows(out)[0]
    test = updates_page()
    test.button(key=f"updates_accept_{first['proposal_id']}").click().run()
    assert not test.exception
    assert calls == [([first["proposal_id"]], "accepted", seeds, out)]
    assert test.success[0].value == f"已接受：{first['label_zh']}"
    assert f"updates_accept_{first['proposal_id']}" not in {b.key for b in test.button}
    accepted = [
        r for r in read_csv(out / "metrics.csv") if r["proposal_id"] == first["proposal_id"]
    ]
    assert [r["review_status"] for r in accepted] == ["accepted"]
    assert first["proposal_id"] not in {r["proposal_id"] for r in pending_rows(out)}


def test_reject_takes_the_row_out_of_the_tables(workspace):
    seeds, out, calls = workspace
    first = pending_rows(out)[0]
    test = updates_page("en")
    test.button(key=f"updates_reject_{first['proposal_id']}").click().run()
    assert calls == [([first["proposal_id"]], "rejected", seeds, out)]
    assert test.success[0].value == f"Rejected: {first['label_en']}"
    assert first["proposal_id"] not in {r["proposal_id"] for r in read_csv(out / "metrics.csv")}


def test_an_unknown_proposal_is_refused_and_changes_nothing(workspace):
    _, out, _ = workspace
    before = (out / "metrics.csv").read_bytes()
    with pytest.raises(InputError):
        data.decide(["no-such-proposal"], "accepted")
    assert (out / "metrics.csv").read_bytes() == before


def test_hosted_link_shows_no_proposed_rows(workspace, monkeypatch):
    _, out, _ = workspace
    proposed = [r for r in read_csv(out / "metrics.csv") if r["review_status"] == "proposed"]
    assert proposed
    local = data.table("metrics")
    assert set(local.loc[local["review_status"] == "proposed", "proposal_id"]) == {
        r["proposal_id"] for r in proposed
    }
    assert all(label.endswith("（待核实）") for label in local.loc[
        local["review_status"] == "proposed", "label_zh"])  # fmt: skip
    overview = AppTest.from_file(HOME, default_timeout=90).run()
    assert "（待核实）" in "\n".join(m.value for m in overview.markdown)

    monkeypatch.setenv("ZHUNDONG_HOSTED", "1")
    hosted = data.table("metrics")
    assert "proposed" not in set(hosted["review_status"])
    assert len(hosted) == len(local) - len(proposed)
    with pytest.raises(InputError, match="hosted"):
        data.decide([proposed[0]["proposal_id"]], "accepted")
    overview = AppTest.from_file(HOME, default_timeout=90).run()
    assert not overview.exception
    assert "待核实" not in "\n".join(m.value for m in overview.markdown)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_with_proposed_rows(workspace, page):
    test = open_page(AppTest.from_file(HOME, default_timeout=90).run(), page)
    assert not test.exception


def test_a_proposed_value_is_marked_in_the_trend_and_its_download(workspace):
    _, out, _ = workspace
    proposed = {
        r["metric_id"] for r in read_csv(out / "metrics.csv") if r["review_status"] == "proposed"
    }
    assert "coal_output" in proposed  # "2025年，准东完成煤炭产量2.65亿吨": a line on the overview
    overview = AppTest.from_file(HOME, default_timeout=90).run()
    traces = [
        trace
        for chart in overview.get("plotly_chart")
        for trace in json.loads(chart.proto.spec)["data"]
        if trace.get("mode") == "lines+markers+text"
    ]
    marked = [trace for trace in traces if trace["name"].endswith("（待核实）")]
    assert marked
    for trace in marked:  # the older, published points stay unmarked
        assert trace["text"][-1].endswith("<br>待核实")
        assert "待核实" not in trace["text"][0]
    unmarked = [trace for trace in traces if trace not in marked]
    assert all("待核实" not in text for trace in unmarked for text in trace["text"])


@pytest.mark.parametrize(
    ("code", "said"),
    [
        ("", "未能记录决定：proposals.csv："),
        ("busy", "未能记录决定：decisions.toml：另一项更改正在保存，请稍后再试"),
        ("disk_full", "未能记录决定：decisions.toml：磁盘已满"),
    ],
)
def test_a_refused_decision_is_said_and_the_proposal_stays(workspace, monkeypatch, code, said):
    _, out, _ = workspace
    first = pending_rows(out)[0]

    def refuse(proposal_ids, decision, seeds_dir, out_dir, by=""):
        if code:  # another writer holds the lock; the disk is full
            raise InputError(seeds_dir / "decisions.toml", "refused", code=code)
        raise InputError(out_dir / "proposals.csv", f"unknown proposal {proposal_ids[0]}")

    monkeypatch.setattr(data_review, "decide", refuse)
    test = updates_page()
    test.button(key=f"updates_accept_{first['proposal_id']}").click().run()
    assert not test.exception and not test.success
    assert test.error[0].value.startswith(said)
    assert f"updates_accept_{first['proposal_id']}" in {b.key for b in test.button}


def test_sources_page_says_how_many_rows_of_a_report_await_review(workspace):
    _, out, _ = workspace
    rows = read_csv(out / "metrics.csv") + read_csv(out / "projects.csv")
    waiting = sum(row.get("review_status") == "proposed" for row in rows)
    test = open_page(AppTest.from_file(HOME, default_timeout=90).run(), "sources")
    assert not test.exception
    badges = [m.value for m in test.markdown if "待核实" in m.value]
    assert len(badges) == 1 and f"{waiting} 项数据待核实" in badges[0]
    # a report added without a subtitle shows its headline alone
    assert not any("——nan" in m.value for m in test.markdown)
