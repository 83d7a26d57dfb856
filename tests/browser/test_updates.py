"""The updates page in a real browser: upload a report file, preview it, save it."""

import shutil

import pytest

from data_prep import SEEDS_DIR
from data_prep.build import build
from data_prep.check import read_csv
from tests.browser.conftest import ARTIFACTS, Server
from tests.browser.test_pages import open_page, screenshot, unexpected
from tests.conftest import FIXTURES
from tests.data_prep.make_documents import two_column_pdf


@pytest.fixture(scope="module")
def scratch_server(tmp_path_factory):
    """A server on copies of the seeds and tables, so that saving leaves the project alone."""
    folder = tmp_path_factory.mktemp("updates")
    seeds, out = folder / "seeds", folder / "curated"
    shutil.copytree(SEEDS_DIR, seeds)
    build(out, seeds)
    server = Server({"ZHUNDONG_SEEDS": str(seeds), "ZHUNDONG_DATA": str(out)}, "server-updates.log")
    yield server.url, seeds, out
    server.stop()


@pytest.mark.browser
def test_upload_preview_and_save(browser, scratch_server):
    url, seeds, out = scratch_server
    context, page, errors = open_page(browser, f"{url}/updates", 1366)
    try:
        page.locator("input[type=file]").set_input_files(str(FIXTURES / "zhundong_2026_05.txt"))
        page.get_by_text("保存后将作为报道 004 新增以下数据").wait_for(timeout=60_000)
        page.wait_for_timeout(1000)
        screenshot(page, ARTIFACTS / "updates-preview-laptop.png")
        page.get_by_role("button", name="保存为新报道").click()
        page.get_by_text("已保存为报道 004").wait_for(timeout=60_000)
        # The footer under the page names the report just saved, without a reload.
        footer = page.get_by_text("资料来源：").filter(has_text="《准东开发区一季度“开门红”》")
        footer.wait_for(timeout=30_000)
        # and the review list above offers the report's figures for review
        page.get_by_text("报道：").filter(has_text="准东开发区一季度").wait_for(timeout=30_000)
        screenshot(page, ARTIFACTS / "updates-saved-laptop.png")
        assert page.locator("[data-testid='stException']").count() == 0
        assert unexpected(errors, "updates") == []
    finally:
        context.close()
    assert "004" in {row["report_id"] for row in read_csv(out / "reports.csv")}
    assert any(path.name.startswith("004_") for path in seeds.iterdir())


@pytest.mark.browser
def test_pdf_page_refusals_and_the_size_limit(browser, scratch_server, tmp_path):
    url, _, _ = scratch_server
    paragraphs = (FIXTURES / "zhundong_2026_05.txt").read_text(encoding="utf-8").split("\n\n")
    body = ["".join(p.split("\n")) for p in paragraphs[2:]]
    pdf = tmp_path / "e-paper.pdf"
    pdf.write_bytes(two_column_pdf(paragraphs[0], body[:2], body[2:]))
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00broken" * 40)
    big = tmp_path / "big.txt"
    big.write_bytes("准东开发区原煤产量2.65亿吨。\n".encode() * 120_000)  # about 4 MB
    context, page, errors = open_page(browser, f"{url}/updates", 390)
    try:
        limit = page.get_by_text("文件不超过 2 MB")
        limit.wait_for(timeout=30_000)
        page.locator("input[type=file]").set_input_files(str(pdf))
        page.get_by_text("2.65亿吨").first.wait_for(timeout=60_000)
        page.wait_for_timeout(1000)
        screenshot(page, ARTIFACTS / "updates-pdf-phone.png")
        page.locator("input[type=file]").set_input_files(str(broken))
        page.get_by_text(
            "broken.docx：不是可读的 Word（.docx）文件，可能已损坏。未作任何更改。"
        ).wait_for(timeout=60_000)
        screenshot(page, ARTIFACTS / "updates-refused-phone.png")
        page.locator("input[type=file]").set_input_files(str(big))
        page.wait_for_timeout(2000)
        assert limit.is_visible()  # the reason stands on the page in Chinese
        screenshot(page, ARTIFACTS / "updates-too-big-phone.png")
        assert page.locator("[data-testid='stException']").count() == 0
        assert unexpected(errors, "updates") == []
    finally:
        context.close()
