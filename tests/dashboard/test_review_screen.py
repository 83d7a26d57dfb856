"""One screen per report on /updates (AppTest): the article with every figure coloured by its
state, and assign, correct and create through forms, on our own report of 2025's results."""

import tomllib

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard import review
from dashboard.components.review_list import learned
from data_prep.check import read_csv
from tests.dashboard import report_workspace
from tests.dashboard.test_pages import HOME


@pytest.fixture(scope="module")
def added(tmp_path_factory):
    return report_workspace.added(tmp_path_factory.mktemp("screen"))


@pytest.fixture
def workspace(added, tmp_path, monkeypatch):
    seeds, out = report_workspace.copied(added, tmp_path)
    monkeypatch.setenv("ZHUNDONG_SEEDS", str(seeds))
    monkeypatch.setenv("ZHUNDONG_DATA", str(out))
    monkeypatch.delenv("ZHUNDONG_HOSTED", raising=False)
    return seeds, out


def screen(lang: str = "zh") -> AppTest:
    test = AppTest.from_file(HOME, default_timeout=120)
    test.query_params["lang"] = lang
    test.run()
    return test.switch_page("views/updates.py").run()


def figure_id(out, raw: str) -> str:
    source = {r["report_id"]: r["source"] for r in read_csv(out / "reports.csv")}["004"]
    (start,) = [r["start"] for r in read_csv(out / "figures.csv") if (r["source"], r["raw"]) == (
        source, raw)]  # fmt: skip
    return f"004@{start}"


def decisions(seeds) -> list[dict]:
    path = seeds / "decisions.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))["decisions"] if path.exists() else []


def test_states_are_coloured_and_the_text_escaped():
    text = "产量2.65亿吨，外送[链接](x)620亿千瓦时。"
    spans = [(text.index(raw), text.index(raw) + len(raw)) for raw in ("2.65亿吨", "620亿千瓦时")]
    states = pd.DataFrame(
        {
            "start": [a for a, _ in spans],
            "end": [b for _, b in spans],
            "state": ["proposed", "unclaimed"],
        }
    )
    shown = review.states_markdown(text, states)
    assert ":orange-badge[2\\.65亿吨]" in shown
    assert ":blue-badge[620亿千瓦时]" in shown
    assert "\\[链接\\]\\(x\\)" in shown  # article text never becomes a link or HTML


def test_the_screen_marks_every_figure_by_its_state_with_a_legend(workspace):
    test = screen()
    assert not test.exception
    shown = "\n".join(m.value for m in test.markdown)
    for word in ("待核实", "已接受", "已驳回", "未归属"):
        assert word in shown  # the legend
    assert ":orange-badge[2\\.65亿吨]" in shown  # proposed: coal output 2025
    assert ":blue-badge[620亿千瓦时]" in shown  # unclaimed: no metric claims it
    english = screen("en")
    assert "Review one report" in [s.value for s in english.subheader]


def test_assign_an_unclaimed_figure_through_its_form(workspace):
    seeds, out = workspace
    test = screen()
    test.selectbox(key="updates_figure_004").set_value(figure_id(out, "2.38亿吨")).run()
    assert test.selectbox(key="updates_assign_metric_004").value == "coal_output"  # nearest
    test.text_input(key="updates_by_004_a").input("王工")
    test.button(key="FormSubmitter:updates_assign_004-归入").click().run()
    assert not test.exception
    assert [(d["action"], d["target"], d["raw"], d["decided_by"]) for d in decisions(seeds)] == [
        ("assign", "metric:coal_output", "2.38亿吨", "王工")
    ]
    row = next(r for r in read_csv(out / "metrics.csv") if r["raw"] == "2.38亿吨")
    assert (row["year"], row["review_status"]) == ("2024", "accepted")  # "2024年，这个数字…"
    assert test.success[0].value == "已记录：2\\.38亿吨 → coal\\_output"


def test_correct_a_proposal_then_accept_it(workspace):
    seeds, out = workspace
    test = screen()
    test.selectbox(key="updates_figure_004").set_value(figure_id(out, "2860万千瓦")).run()
    test.text_input(key="updates_correct_004_year").input("2025")
    test.selectbox(key="updates_correct_004_period").set_value("cumulative")
    test.button(key="FormSubmitter:updates_correct_004-更正并接受").click().run()
    assert not test.exception
    (entry,) = decisions(seeds)
    assert (entry["action"], entry["year"], entry["period"]) == ("correct", "2025", "cumulative")
    row = next(r for r in read_csv(out / "metrics.csv") if r["raw"] == "2860万千瓦"
               and r["report_id"] == "004")  # fmt: skip
    assert (row["year"], row["period"], row["review_status"]) == ("2025", "累计", "accepted")


def test_create_a_metric_from_a_figure_and_refuse_an_empty_form(workspace):
    seeds, out = workspace
    test = screen()
    test.selectbox(key="updates_figure_004").set_value(figure_id(out, "620亿千瓦时")).run()
    test.button(key="FormSubmitter:updates_create_004-新建并归入").click().run()
    assert not test.exception
    assert test.error[0].value.startswith("请填写：")
    assert decisions(seeds) == []
    test.text_input(key="updates_create_id_004").input("uhv_line_transmission")
    test.text_input(key="updates_create_zh_004").input("准东—皖南特高压年输送电量")
    test.text_input(key="updates_create_en_004").input("Zhundong–Wannan UHV line, yearly")
    test.text_input(key="updates_create_unit_004").input("亿千瓦时/年")
    test.selectbox(key="updates_create_category_004").set_value("power")
    test.button(key="FormSubmitter:updates_create_004-新建并归入").click().run()
    assert not test.exception
    row = next(
        r for r in read_csv(out / "metrics.csv") if r["metric_id"] == "uhv_line_transmission"
    )
    assert (row["value"], row["label_zh"], row["review_status"]) == (
        "62000000000",
        "准东—皖南特高压年输送电量",
        "accepted",
    )


def project_key(out, raw: str) -> str:
    """The key of the project choice of a figure (one per figure: its nearest first)."""
    return "updates_project_id_" + figure_id(out, raw).replace("@", "_")


def project_row(out, project_id: str) -> dict:
    return next(
        r
        for r in read_csv(out / "projects.csv")
        if (r["project_id"], r["report_id"]) == (project_id, "004")
    )


def test_assign_a_capacity_to_a_known_project_and_see_what_it_taught(workspace):
    seeds, out = workspace
    test = screen()
    test.selectbox(key="updates_figure_004").set_value(figure_id(out, "160万吨")).run()
    # "160万吨煤制烯烃项目": the known olefins project of 160万吨 first
    assert test.selectbox(key=project_key(out, "160万吨")).value == "olefins_160"
    # 160万吨 is tonnes; the gas project's capacity is in cubic metres: refused, in Chinese
    test.selectbox(key=project_key(out, "160万吨")).set_value("tianchi_sng_20")
    test.button(key="FormSubmitter:updates_project_004-归入项目").click().run()
    assert not test.exception
    assert test.error[0].value == (
        "未能记录决定：projects.csv：160万吨 的单位与项目 tianchi_sng_20 的产能单位不符。"
        "未作任何更改。"
    )
    assert decisions(seeds) == []
    test.selectbox(key=project_key(out, "160万吨")).set_value("olefins_160")
    test.text_input(key="updates_project_004_date").input("2026-13-45")
    test.button(key="FormSubmitter:updates_project_004-归入项目").click().run()
    assert test.error[0].value.startswith(
        "未能记录决定：decisions.toml：阶段日期 2026-13-45 不是有效日期"
    )
    assert decisions(seeds) == []
    test.text_input(key="updates_project_004_date").input("")
    test.text_input(key="updates_by_004_p").input("王工")
    test.button(key="FormSubmitter:updates_project_004-归入项目").click().run()
    assert not test.exception
    assert [(d["action"], d["target"], d["raw"], d["decided_by"]) for d in decisions(seeds)] == [
        ("assign", "project:olefins_160", "160万吨", "王工")
    ]
    row = project_row(out, "olefins_160")
    assert (row["capacity"], row["status_raw"], row["review_status"]) == (
        "1600000",
        "建成投产",
        "accepted",
    )
    assert test.success[0].value == "已记录：160万吨 → 山能化工、东明塑胶煤制烯烃项目"
    assert any(c.value.startswith("已学会：") for c in test.caption)
    # the decided list says who decided, when (Beijing time), and what it taught
    (decided,) = [d.value for d in test.dataframe if "已学会" in d.value.columns]
    (who,) = decided.loc[decided["数值"].str.startswith("160万吨"), "决定人与时间（北京时间）"]
    assert who.endswith("· 王工")


def test_start_a_new_project_from_a_figure_in_english(workspace):
    seeds, out = workspace
    test = screen("en")
    test.selectbox(key="updates_figure_004").set_value(figure_id(out, "160万吨")).run()
    form = "FormSubmitter:updates_new_project_004-Create project"
    test.button(key=form).click().run()
    assert test.error[0].value == "Please fill in: Company"
    assert decisions(seeds) == []
    test.text_input(key="updates_new_project_company_004").input("山能化工")
    test.selectbox(key="updates_new_project_product_004").set_value("煤制烯烃")
    test.selectbox(key="updates_new_project_004_stage").set_value("operating")
    test.button(key=form).click().run()
    assert not test.exception
    (entry,) = decisions(seeds)
    assert (entry["action"], entry["company"], entry["stage"]) == (
        "create",
        "山能化工",
        "operating",
    )
    row = project_row(out, entry["target"].split(":", 1)[1])
    assert (row["companies"], row["capacity"], row["status"]) == (
        "山东能源集团",
        "1600000",
        "operating",
    )
    # the build's own proposal of the figure for olefins_160 gives way to the reviewer's
    assert "olefins_160" not in {
        r["project_id"] for r in read_csv(out / "projects.csv") if r["report_id"] == "004"
    }
    assert test.success[0].value.startswith("Recorded: 160万吨 → ")


def test_what_a_decision_taught_reads_as_words():
    assert learned("产量：开采量", "zh") == "“开采量”即“产量”"
    assert learned("宏远化工：宏远化工", "zh") == "“宏远化工”是企业名称"  # a company
    assert learned("宏远化工：宏远化工", "en") == "“宏远化工” is a company"
