"""A figure assigned to a project by a reviewer: a known project (chosen nearest first: same
company, product, capacity unit) or a new one with its company, product, capacity, stage and
date; each a decision in decisions.toml that a fresh build reproduces as a row of projects.csv
quoting the figure's sentence; and the refusals, each naming its file."""

import shutil
import tomllib
from pathlib import Path

import pytest

from data_prep import review, teach
from data_prep.__main__ import main
from data_prep.add import add_report
from data_prep.build import build, record_and_rebuild
from data_prep.check import check_tables, read_csv
from data_prep.errors import InputError
from tests.conftest import FIXTURES
from tests.dashboard import report_workspace

# Our own report: "在五彩湾产业园，一套年产60万吨煤制烯烃装置于2026年3月18日开工建设，由宏远化工负责
# 建设运营。" (a 装置, not a 项目: the build proposes no project of it, and no metric claims it) and
# "芨芨湖产业园内，山能化工、东明塑胶煤制烯烃项目运行平稳，该项目总投资约300亿元。" (the investment
# of the catalog's olefins_160, a sentence that states no stage).
REPORT = FIXTURES / "project_figures_2026_04.txt"
CAPACITY = (
    "在五彩湾产业园，一套年产60万吨煤制烯烃装置于2026年3月18日开工建设，由宏远化工负责建设运营。"
)
INVESTMENT = "芨芨湖产业园内，山能化工、东明塑胶煤制烯烃项目运行平稳，该项目总投资约300亿元。"
# And a later one: "6月18日，宏远化工五彩湾煤制烯烃装置实现投料试车" (no capacity: only a company
# the build knows makes it a project's sentence).
TRIAL = FIXTURES / "project_trial_2026_06.txt"
NEW = {
    "company": "宏远化工",
    "product": "煤制烯烃",
    "stage": "under_construction",
    "stage_date": "2026-03-18",
}


@pytest.fixture(scope="module")
def added(tmp_path_factory) -> tuple[Path, Path]:
    return report_workspace.added(tmp_path_factory.mktemp("projects"), REPORT, "2026-04-20")


@pytest.fixture
def work(added, tmp_path) -> tuple[Path, Path]:
    return report_workspace.copied(added, tmp_path)


def figure_id(out: Path, raw: str) -> str:
    source = {r["report_id"]: r["source"] for r in read_csv(out / "reports.csv")}["004"]
    (start,) = [r["start"] for r in read_csv(out / "figures.csv") if (r["source"], r["raw"]) == (
        source, raw)]  # fmt: skip
    return f"004@{start}"


def rows_of(out: Path) -> dict[str, dict[str, str]]:
    return {r["project_id"]: r for r in read_csv(out / "projects.csv") if r["report_id"] == "004"}


def test_both_figures_wait_unclaimed_and_the_nearest_project_comes_first(work):
    _, out = work
    unclaimed = {r["raw"] for r in read_csv(out / "unclaimed.csv") if r["report_id"] == "004"}
    assert unclaimed == {"60万吨", "300亿元"}
    assert rows_of(out) == {}
    known = review.known_projects(read_csv(out / "projects.csv"))
    investment, _ = review.find_figure(figure_id(out, "300亿元"), out)
    # 山能化工 and 东明塑胶 are olefins_160's companies, and the sentence names its product
    assert review.project_candidates(investment, known)[0]["project_id"] == "olefins_160"
    capacity, _ = review.find_figure(figure_id(out, "60万吨"), out)
    # no known project is 宏远化工's: the olefins projects (product, tonnes) first, gas last
    ranked = [p["project_id"] for p in review.project_candidates(capacity, known)]
    assert set(ranked[:2]) == {"olefins_160", "olefins_710"}
    assert ranked.index("tianchi_sng_20") > ranked.index("methanol_1200")


def test_a_known_projects_investment_on_the_command_line(work, tmp_path, capsys):
    seeds, out = work
    where = ["--seeds", str(seeds), "--out", str(out)]
    figure = figure_id(out, "300亿元")
    args = ["review", "--assign", figure, "--project", "olefins_160", "--by", "王工"]
    assert main([*args, *where]) == 0
    said = capsys.readouterr().out
    assert "olefins_160" in said and "learned: nothing" in said
    (entry,) = tomllib.loads((seeds / "decisions.toml").read_text(encoding="utf-8"))["decisions"]
    assert (entry["action"], entry["target"], entry["raw"], entry["decided_by"]) == (
        "assign",
        "project:olefins_160",
        "300亿元",
        "王工",
    )
    assert entry["decided_on"].endswith("+08:00")  # Beijing time
    row = rows_of(out)["olefins_160"]
    assert (row["investment_cny"], row["capacity"], row["quote"]) == ("30000000000", "", INVESTMENT)
    # "运行平稳" states no stage: a mention, which changes no stage the seeds set
    assert (row["status"], row["status_raw"], row["sets_stage"], row["review_status"]) == (
        "mentioned",
        "未述阶段",
        "False",
        "accepted",
    )
    unclaimed = {r["raw"] for r in read_csv(out / "unclaimed.csv") if r["report_id"] == "004"}
    assert unclaimed == {"60万吨"}
    # the review list says who decided what and when
    assert main(["review", *where]) == 0
    listed = capsys.readouterr().out
    assert f"accepted [{entry['proposal_id']}] olefins_160 = 300亿元" in listed
    assert "by 王工" in listed
    assert check_tables(out) == []
    # reproducible from the seeds alone
    clone = tmp_path / "clone"
    shutil.copytree(seeds, clone / "seeds")
    build(clone / "curated", clone / "seeds")
    assert rows_of(clone / "curated") == rows_of(out)


def test_a_new_project_from_an_unclaimed_capacity(work):
    seeds, out = work
    done = record_and_rebuild(
        lambda: review.assign_project(figure_id(out, "60万吨"), "", seeds, out, "李工", **NEW),
        seeds,
        out,
    )
    assert done.target.startswith("new_project:new_")
    project_id = done.target.split(":", 1)[1]
    row = rows_of(out)[project_id]
    assert (row["name_zh"], row["companies"], row["product"]) == (
        "宏远化工60万吨煤制烯烃项目",
        "宏远化工",
        "煤制烯烃",
    )
    assert (row["capacity"], row["capacity_unit"], row["capacity_per"]) == ("600000", "吨", "年")
    # the stage as the sentence words it, and the reviewer's date (which the sentence gives)
    assert (row["status"], row["status_raw"], row["stage_date"]) == (
        "under_construction",
        "开工建设",
        "2026-03-18",
    )
    assert (row["quote"], row["review_status"], row["sets_stage"]) == (CAPACITY, "accepted", "True")
    proposal = next(
        r for r in read_csv(out / "proposals.csv") if r["proposal_id"] == done.proposal_id
    )
    assert (proposal["decision"], proposal["decided_by"], proposal["target_type"]) == (
        "accepted",
        "李工",
        "new_project",
    )
    assert check_tables(out) == []


def test_a_new_projects_company_is_taught_and_the_next_report_is_proposed_by_itself(work):
    seeds, out = work
    done = record_and_rebuild(
        lambda: review.assign_project(figure_id(out, "60万吨"), "", seeds, out, "李工", **NEW),
        seeds,
        out,
    )
    (entry,) = teach.load_taught(teach.taught_path(seeds))
    assert (entry.kind, entry.name, entry.word, entry.decision, entry.decided_by) == (
        "companies",
        "宏远化工",
        "宏远化工",
        done.proposal_id,
        "李工",
    )
    proposal = next(
        r for r in read_csv(out / "proposals.csv") if r["proposal_id"] == done.proposal_id
    )
    assert proposal["taught"] == "宏远化工：宏远化工"
    # the next report states the project's trial run by its company, without a capacity
    add_report(TRIAL.read_bytes(), str(TRIAL), "2026-06-20", seeds_dir=seeds, out_dir=out)
    (row,) = [r for r in read_csv(out / "projects.csv") if r["report_id"] == "005"]
    assert (row["companies"], row["status"], row["status_raw"], row["review_status"]) == (
        "宏远化工",
        "trial_run",
        "投料试车",
        "proposed",
    )
    # unlearned, the sentence names no company the build knows: nothing is proposed
    teach.taught_path(seeds).unlink()
    build(out, seeds)
    assert [r for r in read_csv(out / "projects.csv") if r["report_id"] == "005"] == []


def test_a_company_named_otherwise_or_known_teaches_nothing():
    assert teach.company_lesson(CAPACITY, "宏远化工") == ("companies", "宏远化工", "宏远化工")
    assert teach.company_lesson(CAPACITY, "宏远化工集团") is None  # not as the sentence writes it
    assert teach.company_lesson(INVESTMENT, "山能化工") is None  # companies.toml knows it
    assert teach.company_lesson("五彩湾公司开工建设", "五彩湾") is None  # a place
    assert teach.company_lesson(CAPACITY, "Hongyuan") is None


def test_a_new_project_from_an_investment_takes_the_reviewers_capacity(work):
    seeds, out = work
    fields = {**NEW, "company": "新疆某化工", "capacity": "40", "capacity_unit": "万吨/年"}
    done = record_and_rebuild(
        lambda: review.assign_project(figure_id(out, "300亿元"), "", seeds, out, **fields),
        seeds,
        out,
    )
    row = rows_of(out)[done.target.split(":", 1)[1]]
    assert (row["capacity"], row["capacity_unit"], row["investment_cny"]) == (
        "400000",
        "吨",
        "30000000000",
    )
    # the sentence states no stage: the reviewer's, said to be the reviewer's
    assert (row["status"], row["status_raw"]) == ("under_construction", "审核人认定")


DECISIONS, PROJECTS = "decisions.toml", "projects.csv"
OTHER_CAPACITY = {"capacity": "80", "capacity_unit": "万吨/年"}
REFUSALS = [
    # (figure, project, fields, file named, code)
    ("300亿元", "no_such_project", {}, PROJECTS, "no_project"),
    ("60万吨", "tianchi_sng_20", {}, PROJECTS, "project_unit"),  # 吨; its gas in 立方米
    ("60万吨", "", {**NEW, "stage": "built"}, DECISIONS, "bad_stage"),
    ("60万吨", "", {**NEW, "stage_date": "2026-13-45"}, DECISIONS, "bad_stage_date"),
    ("60万吨", "", {**NEW, "stage_date": "2026-03"}, DECISIONS, "bad_stage_date"),
    ("60万吨", "", {**NEW, "product": "烯烃装置"}, DECISIONS, "bad_product"),
    ("60万吨", "", {**NEW, "company": ""}, DECISIONS, "project_lacks"),
    (
        "300亿元",
        "",
        {**NEW, **OTHER_CAPACITY, "capacity_unit": "万千瓦"},
        DECISIONS,
        "capacity_unit",
    ),
    ("300亿元", "", {**NEW, **OTHER_CAPACITY, "capacity": "八十"}, DECISIONS, "bad_capacity"),
    ("60万吨", "", {**NEW, **OTHER_CAPACITY}, PROJECTS, "capacity_twice"),  # it is the capacity
]


@pytest.mark.parametrize(("raw", "project", "fields", "named", "code"), REFUSALS)
def test_refusals_name_the_file_and_change_nothing(work, raw, project, fields, named, code):
    seeds, out = work
    with pytest.raises(InputError) as refused:
        review.assign_project(figure_id(out, raw), project, seeds, out, "王工", **fields)
    assert (Path(refused.value.path).name, refused.value.code) == (named, code)
    assert not (seeds / "decisions.toml").exists()


def test_a_figure_of_another_unit_goes_to_no_project(work):
    seeds, out = work
    # a share of the seeds' own report: no capacity, no investment
    source = {r["report_id"]: r["source"] for r in read_csv(out / "reports.csv")}["000"]
    share = next(r for r in read_csv(out / "figures.csv") if r["source"] == source
                 and r["unit"] == "%")  # fmt: skip
    with pytest.raises(InputError) as refused:
        review.assign_project(f"000@{share['start']}", "olefins_160", seeds, out)
    assert refused.value.code == "unit_mismatch_project"
    assert Path(refused.value.path).name == "figures.csv"


def test_the_command_line_refuses_in_words_naming_the_file(work, capsys):
    seeds, out = work
    where = ["--seeds", str(seeds), "--out", str(out)]
    args = ["review", "--assign", figure_id(out, "60万吨"), "--new-project"]
    fields = ["--company", "宏远化工", "--product", "煤制烯烃", "--stage", "under_construction"]
    assert main([*args, *fields, "--stage-date", "2026-13-45", *where]) == 1
    said = capsys.readouterr().err
    assert "decisions.toml" in said and "2026-13-45" in said and "YYYY-MM-DD" in said
    assert main([*args[:3], "--project", "olefins_9", *where]) == 1
    assert "projects.csv" in capsys.readouterr().err
    assert not (seeds / "decisions.toml").exists()


def test_a_file_with_a_bad_project_decision_is_refused(work):
    seeds, out = work
    record_and_rebuild(
        lambda: review.assign_project(figure_id(out, "60万吨"), "", seeds, out, **NEW), seeds, out
    )
    path = seeds / "decisions.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("under_construction", "half_built"),
        encoding="utf-8",
    )
    with pytest.raises(InputError) as refused:
        review.load_decisions(seeds)
    assert refused.value.path == str(path) and "half_built" in str(refused.value)
