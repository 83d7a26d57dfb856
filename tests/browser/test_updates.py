"""The updates page in a real browser: upload a report file, preview it, save it."""

import shutil

import pytest

from data_prep import SEEDS_DIR
from data_prep.build import build
from data_prep.check import read_csv
from tests.browser.conftest import ARTIFACTS, Server
from tests.browser.test_pages import open_page, screenshot, unexpected
from tests.conftest import FIXTURES


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
        assert page.locator("[data-testid='stException']").count() == 0
        assert unexpected(errors, "updates") == []
    finally:
        context.close()
    assert "004" in {row["report_id"] for row in read_csv(out / "reports.csv")}
    assert any(path.name.startswith("004_") for path in seeds.iterdir())
