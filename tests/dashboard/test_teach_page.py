"""/updates says what an assignment taught (AppTest): under the decision just recorded, and in
the list of decided proposals, on our own report that calls coal output 开采量."""

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from data_prep import SEEDS_DIR, measures
from data_prep.add import add_report
from tests.dashboard.test_pages import HOME
from tests.data_prep.test_teach import figure_of, report


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    seeds, out = tmp_path / "seeds", tmp_path / "curated"
    shutil.copytree(SEEDS_DIR, seeds)
    new = add_report(report(2025, "2.7亿吨"), "coal_2025.txt", "2026-01-10", seeds_dir=seeds,
                     out_dir=out)  # fmt: skip
    monkeypatch.setenv("ZHUNDONG_SEEDS", str(seeds))
    monkeypatch.setenv("ZHUNDONG_DATA", str(out))
    monkeypatch.delenv("ZHUNDONG_HOSTED", raising=False)
    yield new.report_id, out
    measures.use_taught(SEEDS_DIR)


def test_an_assignment_shows_what_it_taught(workspace):
    report_id, out = workspace
    test = AppTest.from_file(HOME, default_timeout=120)
    test.query_params["lang"] = "zh"
    test.run()
    test = test.switch_page("views/updates.py").run()
    test.selectbox(key="updates_screen_report").set_value(report_id).run()
    test.selectbox(key=f"updates_figure_{report_id}").set_value(figure_of(out, "2.7亿吨")).run()
    test.selectbox(key=f"updates_assign_metric_{report_id}").set_value("coal_output")
    test.button(key=f"FormSubmitter:updates_assign_{report_id}-归入").click().run()
    assert not test.exception
    assert test.success[0].value == "已记录：2\\.7亿吨 → coal\\_output"
    assert "已学会：“开采量”即“产量”" in [c.value for c in test.caption]
    (decided,) = [d.value for d in test.dataframe if "已学会" in d.value.columns]
    assert list(decided["已学会"]) == ["“开采量”即“产量”"]
