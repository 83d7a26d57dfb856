"""One screen per report in a real browser: assign an unclaimed figure, correct a proposal,
create a metric from a figure and assign a capacity to a project on /updates, at laptop width;
the screen read at phone width."""

import tomllib

import pytest

from data_prep.check import read_csv
from tests.browser.conftest import ARTIFACTS, Server
from tests.browser.test_pages import open_page, screenshot, unexpected
from tests.dashboard import report_workspace


@pytest.fixture(scope="module")
def screen_server(tmp_path_factory):
    seeds, out = report_workspace.added(tmp_path_factory.mktemp("screen"))
    server = Server({"ZHUNDONG_SEEDS": str(seeds), "ZHUNDONG_DATA": str(out)}, "server-screen.log")
    yield server.url, seeds, out
    server.stop()


def choose(page, key: str, text: str) -> None:
    """Pick the option of a selectbox (by its key) that contains `text`."""
    box = page.locator(f".st-key-{key} input[role='combobox']")
    box.click()
    box.fill(text)  # typed, as with the keyboard: the list narrows to the options that match
    page.get_by_role("option").filter(has_text=text).first.click()
    settle(page)


def settle(page) -> None:
    """Wait until the rerun a widget started has finished and its stale elements are gone."""
    page.wait_for_timeout(300)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && !document.querySelector('[data-stale=\"true\"]')",
        timeout=90_000,
    )


def form_of(page, title: str):
    """The form (st.form) whose title is `title`."""
    return page.locator("[data-testid='stForm']").filter(has=page.get_by_text(title, exact=True))


def wait_done(page, text: str) -> None:
    page.get_by_text(f"已记录：{text}").wait_for(timeout=90_000)
    settle(page)


@pytest.mark.browser
def test_assign_correct_and_create_round_trip(browser, screen_server):
    url, seeds, out = screen_server
    context, page, errors = open_page(browser, f"{url}/updates", 1366)
    try:
        page.get_by_text("逐篇核对").wait_for(timeout=90_000)
        page.get_by_text("未归属").first.wait_for(timeout=30_000)
        # assign 2.38亿吨 (no measure binds "这个数字") to coal output
        choose(page, "updates_figure_004", "2.38亿吨")
        form = form_of(page, "归入指标")
        form.wait_for(timeout=30_000)
        metric = form.locator("input[role='combobox']").first
        assert metric.input_value() == "煤炭产量"  # the nearest metric first
        form.locator("input[aria-label='审核人']").fill("王工")
        form.get_by_role("button", name="归入").click()
        wait_done(page, "2.38亿吨")
        # correct 2860万千瓦: the stock at the end of 2025
        choose(page, "updates_figure_004", "2860万千瓦")
        form = form_of(page, "更正后接受")
        form.locator("input[aria-label='年份']").fill("2025")
        choose(page, "updates_correct_004_period", "累计")
        form.get_by_role("button", name="更正并接受").click()
        wait_done(page, "2860万千瓦")
        # create a metric from 620亿千瓦时 a year, with the keyboard
        choose(page, "updates_figure_004", "620亿千瓦时")
        form = form_of(page, "据此新建指标")
        form.locator("input[aria-label^='指标编号']").fill("uhv_line_transmission")
        form.locator("input[aria-label='中文名称']").fill("准东—皖南特高压年输送电量")
        form.locator("input[aria-label='英文名称']").fill("Zhundong–Wannan UHV line, yearly")
        form.locator("input[aria-label^='显示单位']").fill("亿千瓦时/年")
        choose(page, "updates_create_category_004", "电力")
        form.get_by_role("button", name="新建并归入").focus()
        page.keyboard.press("Enter")
        wait_done(page, "620亿千瓦时")
        # assign 160万吨 (of "160万吨煤制烯烃项目建成投产") to the known project, nearest first
        choose(page, "updates_figure_004", "160万吨")
        form = form_of(page, "归入已有项目")
        form.wait_for(timeout=30_000)
        project = form.locator("input[role='combobox']").first
        assert project.input_value() == "山能化工、东明塑胶煤制烯烃项目"
        form.locator("input[aria-label='审核人']").fill("王工")
        form.get_by_role("button", name="归入项目").click()
        wait_done(page, "160万吨 → 山能化工、东明塑胶煤制烯烃项目")
        page.get_by_text("已学会：").first.wait_for(timeout=30_000)  # what the decision taught
        screenshot(page, ARTIFACTS / "review-screen-laptop.png")
        assert page.locator("[data-testid='stException']").count() == 0
        assert unexpected(errors, "updates") == []
    finally:
        context.close()
    entries = tomllib.loads((seeds / "decisions.toml").read_text(encoding="utf-8"))["decisions"]
    assert sorted((e["action"], e["target"]) for e in entries) == [
        ("assign", "metric:coal_output"),
        ("assign", "project:olefins_160"),
        ("correct", "metric:coal_power_built"),
        ("create", "metric:uhv_line_transmission"),
    ]
    rows = {
        (r["metric_id"], r["year"]): r["review_status"]
        for r in read_csv(out / "metrics.csv")
        if r["report_id"] == "004"
    }
    assert rows[("coal_output", "2024")] == "accepted"
    assert rows[("coal_power_built", "2025")] == "accepted"
    assert rows[("uhv_line_transmission", "2026")] == "accepted"
    (project,) = [r for r in read_csv(out / "projects.csv") if r["report_id"] == "004"]
    assert (project["project_id"], project["capacity"], project["review_status"]) == (
        "olefins_160",
        "1600000",
        "accepted",
    )
    assert project["quote"].startswith("煤化工方面，芨芨湖产业园内160万吨煤制烯烃项目建成投产")


@pytest.mark.browser
@pytest.mark.parametrize(("lang", "width"), [("zh", 390), ("en", 1366)])
def test_the_screen_reads_at_every_width(browser, screen_server, lang, width):
    url, _, _ = screen_server
    context, page, errors = open_page(browser, f"{url}/updates?lang={lang}", width)
    try:
        title = "逐篇核对" if lang == "zh" else "Review one report"
        page.get_by_text(title).wait_for(timeout=90_000)
        screenshot(page, ARTIFACTS / f"review-screen-{lang}-{width}.png")
        # the controls as the reader sees them, one screen at a time (a page grown to its full
        # height draws some labels late)
        page.set_viewport_size({"width": width, "height": 900})
        for name, locator in (
            ("article", page.locator("[data-testid='stExpander']").last),
            ("forms", page.locator("[data-testid='stForm']").first),
        ):
            locator.scroll_into_view_if_needed()
            page.wait_for_timeout(1500)
            page.screenshot(path=str(ARTIFACTS / f"review-screen-{lang}-{width}-{name}.png"))
        # a capacity's project forms: a known project, or a new one
        choose(page, "updates_figure_004", "160万吨")
        title = "据此新建项目" if lang == "zh" else "Start a new project from it"
        form_of(page, title).scroll_into_view_if_needed()
        page.wait_for_timeout(1500)
        page.screenshot(path=str(ARTIFACTS / f"review-screen-{lang}-{width}-projects.png"))
        # the forms fit the width: nothing wider than the screen
        wide = page.evaluate(
            "() => [...document.querySelectorAll('[data-testid=\"stForm\"]')]"
            ".filter(f => f.getBoundingClientRect().right > window.innerWidth + 1).length"
        )
        assert wide == 0
        assert page.locator("[data-testid='stException']").count() == 0
        assert unexpected(errors, "updates") == []
    finally:
        context.close()
