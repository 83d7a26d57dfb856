"""The updates page: preview, refusals and saving, on copies of the seeds and tables; then the new
report as the newest point of its series and in the "what changed" table."""

import json
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.review import MARK, chart_mark
from data_prep import SEEDS_DIR
from data_prep.build import build
from data_prep.check import read_csv
from data_prep.review import PROPOSED
from tests.conftest import FIXTURES
from tests.dashboard import report_workspace
from tests.dashboard.test_pages import HOME
from tests.data_prep.make_documents import two_column_pdf, word_file

NEW = FIXTURES / "zhundong_2026_05.txt"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The seeds copied and their tables built, once for the module."""
    folder = tmp_path_factory.mktemp("updates")
    seeds, out = folder / "seeds", folder / "curated"
    shutil.copytree(SEEDS_DIR, seeds)
    build(out, seeds)
    return seeds, out


@pytest.fixture
def workspace(built, tmp_path, monkeypatch):
    """A private copy of the seeds and tables."""
    seeds, out = report_workspace.copied(built, tmp_path)
    monkeypatch.setenv("ZHUNDONG_SEEDS", str(seeds))
    monkeypatch.setenv("ZHUNDONG_DATA", str(out))
    return seeds, out


def plain(text: str) -> str:
    """`text` without the 待核实 mark of a label or of a value on a chart."""
    return text.replace(chart_mark(PROPOSED, "zh"), "").replace(MARK[0], "")


def table_with(test: AppTest, column: str):
    """The dataframe on the page that has `column`."""
    return next(frame.value for frame in test.dataframe if column in frame.value.columns)


def updates_page() -> AppTest:
    test = AppTest.from_file(HOME, default_timeout=90).run()
    return test.switch_page("views/updates.py").run()


def test_upload_previews_then_saves(workspace):
    seeds, out = workspace
    test = updates_page()
    test.date_input(key="updates_date").set_value("2026-05-10")
    test.file_uploader(key="updates_file").set_value(
        ("new.txt", NEW.read_bytes(), "text/plain")
    ).run()
    assert not test.exception
    would_add = table_with(test, "数值")
    shown = dict(zip(would_add["指标"], would_add["数值"], strict=True))
    assert shown["煤炭产量"] == "2.65亿吨"  # "2025年，准东完成煤炭产量2.65亿吨"
    assert shown["已建成煤电装机"] == "2860万千瓦"  # "已建成2860万千瓦"
    assert not (seeds / "004_7c760dfe8b5bea8e.txt").exists()  # a preview writes nothing
    test.button(key="updates_save").click().run()
    assert "已保存为报道 004" in test.success[0].value
    assert [r["report_id"] for r in read_csv(out / "reports.csv")] == ["000", "003", "004"]

    overview = AppTest.from_file(HOME, default_timeout=90).run()
    assert not overview.exception
    changes = table_with(overview, "变化")
    # A saved report's rows may wait for review, marked 待核实 on this local copy
    # (tests/dashboard/test_review_page.py): compared here without the mark.
    labels = [plain(label) for label in changes["指标"]]
    kinds = dict(zip(labels, changes["变化"], strict=True))
    now = dict(zip(labels, changes["此次"], strict=True))
    assert now["煤炭产量"] == "2.65亿吨 (2025)"
    assert kinds["煤炭产量"] == "新的年度数字"  # 2.4亿吨 for 2024, now 2.65亿吨 for 2025
    assert kinds["山能化工、东明塑胶煤制烯烃项目"] == "状态变化"  # 开工建设 / 加快推进 -> 建成投产
    # coal output is now a line over time: 2024 then 2025
    figures = [json.loads(chart.proto.spec) for chart in overview.get("plotly_chart")]
    lines = [
        trace
        for figure in figures
        for trace in figure["data"]
        if plain(trace.get("name", "")) == "煤炭产量"
    ]
    assert [(line["x"], [plain(text) for text in line["text"]]) for line in lines] == [
        (["2024", "2025"], ["2.4亿吨", "2.65亿吨"])
    ]


def test_gbk_upload_and_refusals_change_nothing(workspace):
    seeds, out = workspace
    before = sorted(p.name for p in seeds.iterdir())
    tables_before = (out / "metrics.csv").read_bytes()
    test = updates_page()
    test.file_uploader(key="updates_file").set_value(
        ("gbk.txt", NEW.read_text(encoding="utf-8").encode("gbk"), "text/plain")
    ).run()
    assert not test.exception and not test.error  # GBK is read
    # In the Chinese view the reason is in Chinese (it was the pipeline's English before).
    for content, message in [
        (b"", "文件是空的"),
        (b"\x00\x01PK" * 100, "二进制文件"),
        ((SEEDS_DIR / "000_c63fa3f7ffda9a0e.txt").read_bytes(), "已经添加过，是报道 000"),
    ]:
        test.file_uploader(key="updates_file").set_value(("bad.txt", content, "text/plain")).run()
        assert message in test.error[0].value and "未作任何更改" in test.error[0].value
        assert not test.exception
    assert sorted(p.name for p in seeds.iterdir()) == before
    assert (out / "metrics.csv").read_bytes() == tables_before


def test_hosted_link_has_no_updates_page(monkeypatch):
    monkeypatch.setenv("ZHUNDONG_HOSTED", "1")
    test = AppTest.from_file(HOME, default_timeout=90).run()
    with pytest.raises(ValueError, match="updates"):
        test.switch_page("views/updates.py")


def _footer(test: AppTest) -> str:
    return next(
        caption.value
        for caption in test.caption
        if caption.value.startswith(("资料来源", "Sources"))
    )


def test_footer_and_report_list_name_the_saved_report_at_once(workspace):
    test = updates_page()
    assert "开门红" not in _footer(test)
    test.date_input(key="updates_date").set_value("2026-05-10")
    test.file_uploader(key="updates_file").set_value(
        ("new.txt", NEW.read_bytes(), "text/plain")
    ).run()
    test.button(key="updates_save").click().run()
    assert not test.exception and not test.error
    assert "已保存为报道 004" in test.success[0].value
    assert "2026-05-10 《准东开发区一季度“开门红”》" in _footer(test)
    assert "2026-05-10 准东开发区一季度“开门红”" in test.selectbox(key="report").options


def test_refusals_speak_the_readers_language(workspace):
    test = updates_page()
    test.file_uploader(key="updates_file").set_value(
        ("bad.pdf", b"%PDF-1.4\n\x00junk" * 30, "application/pdf")
    ).run()
    assert test.error[0].value == "bad.pdf：不是可读的 PDF 文件，可能已损坏。未作任何更改。"
    english = AppTest.from_file(HOME, default_timeout=90)
    english.query_params["lang"] = "en"
    english = english.run().switch_page("views/updates.py").run()
    english.file_uploader(key="updates_file").set_value(
        ("bad.pdf", b"%PDF-1.4\n\x00junk" * 30, "application/pdf")
    ).run()
    assert english.error[0].value == (
        "bad.pdf: it is not a readable PDF file: it may be damaged. Nothing was changed."
    )


def test_upload_limit_is_said_before_a_file_is_chosen(workspace):
    test = updates_page()
    limit = next(c.value for c in test.caption if "MB" in c.value)
    assert limit.startswith("文件不超过 2 MB")  # .streamlit/config.toml: maxUploadSize = 2
    assert "粘贴文本" in limit  # and what to do with a larger file


@pytest.mark.parametrize("name", ["page.pdf", "report.docx"])
def test_office_files_preview_like_text(workspace, name):
    paragraphs = NEW.read_text(encoding="utf-8").split("\n\n")
    body = ["".join(p.split("\n")) for p in paragraphs[2:]]
    content = (
        two_column_pdf(paragraphs[0], body[:2], body[2:])
        if name.endswith(".pdf")
        else word_file([paragraphs[0], *body])
    )
    test = updates_page()
    test.date_input(key="updates_date").set_value("2026-05-10")
    test.file_uploader(key="updates_file").set_value(
        (name, content, "application/octet-stream")
    ).run()
    assert not test.exception and not test.error
    shown = dict(
        zip(table_with(test, "数值")["指标"], table_with(test, "数值")["数值"], strict=True)
    )
    assert shown["煤炭产量"] == "2.65亿吨"  # "2025年，准东完成煤炭产量2.65亿吨"


def test_a_report_put_into_seeds_by_hand_is_named_on_the_page(workspace):
    seeds, _ = workspace
    (seeds / "by_hand.pdf").write_bytes(b"%PDF-1.4")
    test = updates_page()
    assert not test.exception
    assert test.warning[0].value.startswith("by_hand.pdf 放在 seeds/ 中却没有登记")
    test.file_uploader(key="updates_file").set_value(
        ("new.txt", NEW.read_bytes(), "text/plain")
    ).run()
    assert "by_hand.pdf" in test.error[0].value  # and nothing is previewed or saved
