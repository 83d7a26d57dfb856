"""The review of proposals in a real browser: /updates lists a new report's proposals, accepting
one records it and says so, at laptop and phone width, in Chinese and English."""

import os

import pytest

from data_prep.check import read_csv
from tests.browser.conftest import ARTIFACTS, ROOT, Server
from tests.browser.test_pages import open_page, screenshot, unexpected
from tests.dashboard import review_workspace

# Where the build does not make proposals yet, the server decides through the workspace's
# stand-in (see tests/dashboard/review_workspace.py), installed before the app starts.
STAND_IN = """
from data_prep import review
from tests.dashboard.review_workspace import fake_decide

review.decide = fake_decide
"""


@pytest.fixture(scope="module")
def review_server(tmp_path_factory):
    """A server on a workspace whose new report waits for review."""
    folder = tmp_path_factory.mktemp("review")
    seeds, out = review_workspace.make(folder)
    paths = [str(ROOT)]
    if review_workspace.decide_is_stub(seeds, out):
        (folder / "stand_in").mkdir()
        (folder / "stand_in" / "sitecustomize.py").write_text(STAND_IN, encoding="utf-8")
        paths.insert(0, str(folder / "stand_in"))
    env = {
        "ZHUNDONG_SEEDS": str(seeds),
        "ZHUNDONG_DATA": str(out),
        "PYTHONPATH": os.pathsep.join(paths),
    }
    server = Server(env, "server-review.log")
    yield server.url, out
    server.stop()


def pending(out) -> list[dict[str, str]]:
    return [row for row in read_csv(out / "proposals.csv") if row["decision"] == "proposed"]


@pytest.mark.browser
def test_accept_round_trip(browser, review_server):
    url, out = review_server
    first = pending(out)[0]
    context, page, errors = open_page(browser, f"{url}/updates", 1366)
    try:
        page.get_by_text("待核实的数据").wait_for(timeout=60_000)
        screenshot(page, ARTIFACTS / "review-laptop.png")
        page.locator(f".st-key-updates_accept_{first['proposal_id']} button").click()
        page.get_by_text(f"已接受：{first['label_zh']}").wait_for(timeout=60_000)
        page.get_by_text("已处理的提议").click()  # the decided ones, folded away until asked for
        page.locator("[data-testid='stExpander'] [data-testid='stDataFrame']").wait_for(
            timeout=30_000
        )
        screenshot(page, ARTIFACTS / "review-accepted-laptop.png")
        assert page.locator("[data-testid='stException']").count() == 0
        assert unexpected(errors, "updates") == []
    finally:
        context.close()
    decided = {row["proposal_id"]: row for row in read_csv(out / "proposals.csv")}
    assert decided[first["proposal_id"]]["decision"] == "accepted"
    statuses = {r["proposal_id"]: r["review_status"] for r in read_csv(out / "metrics.csv")}
    assert statuses[first["proposal_id"]] == "accepted"


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "width"), [("zh", 390), ("en", 1366), ("en", 390)])
def test_review_list_reads_at_every_width(browser, review_server, lang, width):
    url, out = review_server
    context, page, errors = open_page(browser, f"{url}/updates?lang={lang}", width)
    try:
        title = "待核实的数据" if lang == "zh" else "Figures awaiting review"
        page.get_by_text(title).wait_for(timeout=60_000)
        accept = "接受" if lang == "zh" else "Accept"
        buttons = page.get_by_role("button", name=accept, exact=True)
        buttons.first.wait_for(timeout=60_000)  # the list may come after its title
        assert buttons.count() == len(pending(out))
        screenshot(page, ARTIFACTS / f"review-{'phone' if width == 390 else 'laptop'}-{lang}.png")
        assert page.locator("[data-testid='stException']").count() == 0
        assert unexpected(errors, "updates") == []
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize(
    ("path", "width", "mark"),
    [("", 390, "（待核实）"), ("coal-power", 1366, "（待核实）"), ("sources", 390, "项数据待核实")],
)
def test_a_proposed_value_is_marked(browser, review_server, path, width, mark):
    url, _ = review_server
    context, page, errors = open_page(browser, f"{url}/{path}", width)
    try:
        page.get_by_text(mark).first.wait_for(timeout=60_000)
        name = path or "overview"
        screenshot(page, ARTIFACTS / f"review-{name}-{'phone' if width == 390 else 'laptop'}.png")
        assert page.locator("[data-testid='stException']").count() == 0
        assert unexpected(errors, name) == []
    finally:
        context.close()
