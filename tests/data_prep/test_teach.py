"""A reviewer's decision teaches: a figure assigned to a metric whose clause calls the measure by
a word the vocabulary does not know adds that word to seeds/taught.toml, so the next report
phrased the same way is proposed by itself; removing the entry removes the effect."""

import shutil

import pytest

from data_prep import SEEDS_DIR, measures, review, teach
from data_prep.__main__ import main
from data_prep.add import add_report
from data_prep.build import build, record_and_rebuild
from data_prep.check import read_csv
from data_prep.curate import load_catalog
from data_prep.errors import InputError

METRICS = {metric["metric_id"]: metric for metric in load_catalog()["metrics"]}
COAL = METRICS["coal_output"]


# Our own reports: coal output called 开采量, a word the vocabulary does not know.
def report(year: int, value: str) -> bytes:
    return (
        f"准东开发区{year}年煤炭生产情况\n\n"
        f"本报讯 记者从准东开发区了解到，{year}年，准东全年原煤开采量达到{value}，"
        "开发区煤炭外运通道继续畅通。准东开发区负责人表示，准东将继续推进煤矿智能化建设。\n"
    ).encode()


def coal_rows(out, report_id: str) -> list[dict[str, str]]:
    return [
        r
        for r in read_csv(out / "proposals.csv")
        if (r["report_id"], r["target_id"]) == (report_id, "coal_output")
    ]


def figure_of(out, raw: str) -> str:
    sources = {r["source"]: r["report_id"] for r in read_csv(out / "reports.csv")}
    rows = [r for r in read_csv(out / "figures.csv") if r["raw"] == raw]
    assert len(rows) == 1, rows
    return f"{sources[rows[0]['source']]}@{rows[0]['start']}"


@pytest.fixture
def taught(tmp_path):
    seeds, out = tmp_path / "seeds", tmp_path / "curated"
    shutil.copytree(SEEDS_DIR, seeds)
    first = add_report(report(2025, "2.7亿吨"), "coal_2025.txt", "2026-01-10", seeds_dir=seeds,
                       out_dir=out)  # fmt: skip
    assert coal_rows(out, first.report_id) == []  # a new phrasing: not proposed
    figure = figure_of(out, "2.7亿吨")
    decision = record_and_rebuild(
        lambda: review.assign(figure, COAL, seeds, out, by="王工"), seeds, out
    )
    yield seeds, out, decision
    measures.use_taught(SEEDS_DIR)


def test_an_assignment_teaches_its_word_and_the_next_report_is_proposed(taught):
    seeds, out, decision = taught
    entries = teach.load_taught(seeds / "taught.toml")
    assert [(e.kind, e.name, e.word, e.decision, e.decided_by) for e in entries] == [
        ("indicators", "产量", "开采量", decision.proposal_id, "王工")
    ]
    first = coal_rows(out, decision.report_id)
    assert [(r["raw"], r["decision"], r["taught"]) for r in first] == [
        ("2.7亿吨", "accepted", "产量：开采量")
    ]
    second = add_report(report(2026, "2.9亿吨"), "coal_2026.txt", "2027-01-12", seeds_dir=seeds,
                        out_dir=out)  # fmt: skip
    rows = coal_rows(out, second.report_id)
    assert [(r["raw"], r["year"], r["decision"]) for r in rows] == [("2.9亿吨", "2026", "proposed")]
    # the word teaches the vocabulary, not the rule: nothing else of the report is bound
    assert {r["target_id"] for r in read_csv(out / "proposals.csv")
            if r["report_id"] == second.report_id} == {"coal_output"}  # fmt: skip

    # removing the entry removes the effect; the decision itself stays
    (seeds / "taught.toml").write_text("", encoding="utf-8")
    build(out, seeds)
    assert coal_rows(out, second.report_id) == []
    assert [r["decision"] for r in coal_rows(out, decision.report_id)] == ["accepted"]


@pytest.mark.parametrize(
    ("clause", "raw", "expected"),
    [
        ("准东全年原煤开采量达到2.7亿吨", "2.7亿吨", ("indicators", "产量", "开采量")),
        ("2025年准东原煤开采量为3.1亿吨", "3.1亿吨", ("indicators", "产量", "开采量")),
        ("昌吉州原煤开采量达到2.7亿吨", "2.7亿吨", ("indicators", "产量", "开采量")),
        ("全年原煤产量达2.38亿吨", "2.38亿吨", None),  # known already
        ("准东开采量2亿吨", "2亿吨", None),  # neither part named: unsure
        ("全年原煤的开采量2亿吨", "2亿吨", None),  # not beside the part it names
        ("有色金属产量2亿吨", "2亿吨", None),  # 有 may begin a word: unsure
        ("国家能源集团开采原煤2亿吨", "2亿吨", None),  # a company, not a word of the measure
        ("准东原煤开采量2025年达2亿吨", "2亿吨", ("indicators", "产量", "开采量")),
    ],
)
def test_a_lesson_is_one_word_of_the_clause_never_a_number_place_or_company(clause, raw, expected):
    found = teach.lesson(clause, raw, COAL["measure"])
    assert found == expected
    if found:
        word = found[2]
        assert not any(ch.isdigit() for ch in word)
        assert not any(place in word for place in ("准东", "昌吉", "全疆", "新疆"))
        assert "国家能源" not in word


def test_a_malformed_taught_file_is_refused_naming_it(tmp_path):
    path = tmp_path / "taught.toml"
    path.write_text('[[taught]]\nkind = "places"\nname = "x"\nword = "y"\ndecision = "p1"\n')
    with pytest.raises(InputError, match=r"taught\.toml"):
        teach.load_taught(path)


def test_the_command_line_says_what_an_assignment_taught(tmp_path, capsys):
    seeds, out = tmp_path / "seeds", tmp_path / "curated"
    shutil.copytree(SEEDS_DIR, seeds)
    add_report(report(2025, "2.7亿吨"), "coal_2025.txt", "2026-01-10", seeds_dir=seeds,
               out_dir=out)  # fmt: skip
    where = ["--seeds", str(seeds), "--out", str(out)]
    try:
        args = ["review", "--assign", figure_of(out, "2.7亿吨"), "--metric", "coal_output"]
        assert main([*args, "--by", "王工", *where]) == 0
        said = capsys.readouterr().out
        assert "learned: 开采量 names indicator 产量" in said
        assert main(["review", *where]) == 0
        assert "learned: 产量：开采量" in capsys.readouterr().out
    finally:
        measures.use_taught(SEEDS_DIR)


def test_a_rebuild_that_fails_takes_back_the_decision_and_what_it_taught(tmp_path, monkeypatch):
    seeds, out = tmp_path / "seeds", tmp_path / "curated"
    shutil.copytree(SEEDS_DIR, seeds)
    add_report(report(2025, "2.7亿吨"), "coal_2025.txt", "2026-01-10", seeds_dir=seeds,
               out_dir=out)  # fmt: skip
    figure = figure_of(out, "2.7亿吨")

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("data_prep.build.build", fail)
    try:
        with pytest.raises(OSError):
            record_and_rebuild(lambda: review.assign(figure, COAL, seeds, out), seeds, out)
    finally:
        measures.use_taught(SEEDS_DIR)
    assert not (seeds / "taught.toml").exists()
    assert not (seeds / "decisions.toml").exists()
