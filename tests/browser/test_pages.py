"""Every page in a real browser at laptop and phone width: renders, no exception block, no console
error, and a screenshot under tests/artifacts/ to look at."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS

PAGES = {
    "overview": "",
    "targets": "targets",
    "coal-power": "coal-power",
    "chemicals": "chemicals",
    "materials": "materials",
    "innovation": "innovation",
    "map": "map",
    "sources": "sources",
}
WIDTHS = {"laptop": 1366, "phone": 390}
TITLES_EN = {
    "overview": "Zhundong development dashboard",
    "targets": "Targets and progress",
    "coal-power": "Coal and power",
    "chemicals": "Coal chemicals",
    "materials": "Silicon and aluminium",
    "innovation": "Innovation",
    "map": "Park map",
    "sources": "Sources",
}
TITLES = {
    "overview": "准东开发区发展看板",
    "targets": "目标与进度",
    "coal-power": "煤炭与煤电",
    "chemicals": "现代煤化工",
    "materials": "硅铝新材料",
    "innovation": "科技创新",
    "map": "园区地图",
    "sources": "资料来源",
}
# Map tiles cannot load without a network. Opened at a page's own address (/targets), Streamlit's
# front end first probes /targets/_stcore/health and host-config, which answer 404 before it finds
# the server's root; failed loads are judged by their responses below, not by the console line.
ALLOWED_ERRORS = re.compile(
    r"tile|basemaps|mapbox|carto|ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|"
    r"Failed to load resource"
)
ALLOWED_FAILURES = re.compile(r"/[\w-]+/_stcore/(health|host-config)$|tile|basemaps|carto")


def unexpected(errors: list[str], page_name: str) -> list[str]:
    """Errors other than Streamlit's page-path probes and, on the map, the offline basemap."""
    return [
        error
        for error in errors
        if not ALLOWED_ERRORS.search(error)
        and not (page_name == "map" and "Failed to fetch" in error)
    ]


def open_page(browser, url: str, width: int):
    context = browser.new_context(viewport={"width": width, "height": 900}, device_scale_factor=1)
    page = context.new_page()
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "response",
        lambda response: (
            errors.append(f"{response.status} {response.url}")
            if response.status >= 400 and not ALLOWED_FAILURES.search(response.url)
            else None
        ),
    )
    page.goto(url)
    page.wait_for_selector("h1", timeout=60_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )
    page.wait_for_timeout(800)  # the last charts draw after the script has finished
    return context, page, errors


def screenshot(page, path) -> None:
    """The whole page: Streamlit scrolls inside its main block, so grow the viewport to fit it."""
    height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size(
        {"width": page.viewport_size["width"], "height": min(max(height, 600), 8000)}
    )
    page.wait_for_timeout(800)
    page.screenshot(path=str(path))


# The map at laptop width renders with every other host blocked in tests/browser/test_map.py,
# with its screenshots; loaded here too it would be the same page twice.
RENDERS = [
    (name, width) for name in PAGES for width in WIDTHS if (name, width) != ("map", "laptop")
]


@pytest.mark.browser
@pytest.mark.parametrize(("name", "width_name"), RENDERS)
def test_page_renders_without_errors(browser, server_url, name, width_name):
    width = WIDTHS[width_name]
    context, page, errors = open_page(browser, f"{server_url}/{PAGES[name]}", width)
    try:
        screenshot(page, ARTIFACTS / f"{name}-{width_name}.png")
        assert page.locator("h1").first.inner_text().startswith(TITLES[name])
        assert page.locator("[data-testid='stException']").count() == 0
        assert unexpected(errors, name) == []
        if name not in ("sources", "map"):
            page.wait_for_selector(".js-plotly-plot", timeout=30_000)
        if name in PHONE_ANSWERS and width_name == "phone":
            answer_fits_a_phone(page, PHONE_ANSWERS[name]["zh"])
        if name == "materials":
            sankey_labels_stay_inside(page, width, "zh")
    finally:
        context.close()


# English in the browser where its longer words could break the layout: the answers on a phone,
# the materials flow's labels, the wide project charts. Every page's English title and a run
# without an exception: tests/dashboard/test_pages.py; the map in English: tests/browser/test_map.py
# (at phone width, offline).
ENGLISH = [
    ("overview", "laptop"),
    ("overview", "phone"),
    ("targets", "laptop"),
    ("targets", "phone"),
    ("chemicals", "laptop"),
    ("materials", "laptop"),
    ("materials", "phone"),
]


@pytest.mark.browser
@pytest.mark.parametrize(("name", "width_name"), ENGLISH)
def test_page_in_english(browser, server_url, name, width_name):
    width = WIDTHS[width_name]
    context, page, errors = open_page(browser, f"{server_url}/{PAGES[name]}?lang=en", width)
    try:
        screenshot(page, ARTIFACTS / f"{name}-{width_name}-en.png")
        assert page.locator("h1").first.inner_text() == TITLES_EN[name]
        assert page.locator("[data-testid='stException']").count() == 0
        assert unexpected(errors, name) == []
        assert "lang=en" in page.url
        page.wait_for_selector(".js-plotly-plot", timeout=30_000)
        if name in PHONE_ANSWERS and width_name == "phone":
            answer_fits_a_phone(page, PHONE_ANSWERS[name]["en"])
        if name == "materials":  # English labels are the longer ones
            sankey_labels_stay_inside(page, width, "en")
    finally:
        context.close()


@pytest.mark.browser
def test_downloads_are_what_excel_and_a_printer_need(browser, server_url):
    """Through the front's proxy too: tests/browser/test_front.py."""
    downloads_work(browser, server_url)


def downloads_work(browser, url: str) -> None:
    """The CSV has a BOM and Chinese headers, the briefing is HTML and PDF."""
    context, page, _ = open_page(browser, url, 1366)
    try:
        # Sentences and downloads sit in one compact control under each chart.
        page.get_by_role("button", name="原文与下载").first.click()
        expect(page.get_by_text("原文句子").first).to_be_visible()
        with page.expect_download() as csv_download:
            page.get_by_role("button", name="下载 CSV").first.click()
        data = Path(csv_download.value.path()).read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")  # a BOM, so that Excel reads UTF-8
        assert "工业总产值" in data.decode("utf-8-sig")
        with page.expect_download() as briefing:
            page.get_by_role("button", name="下载简报（HTML，可打印）").click()
        html = Path(briefing.value.path()).read_text(encoding="utf-8")
        assert html.startswith("<!doctype html>") and "<h2>煤炭与煤电</h2>" in html
        with page.expect_download() as pdf:
            page.get_by_role("button", name="下载简报（PDF）").click()
        assert Path(pdf.value.path()).read_bytes().startswith(b"%PDF-")
    finally:
        context.close()


# Where each target stands, as the Overview and Targets write it (the gas target's pipeline; the
# coal-to-olefins project of unstated stage).
PHONE_ANSWERS = {
    "overview": {"zh": "未说明阶段710万吨/年", "en": "7.1 Mt/yr"},
    "targets": {"zh": "已落地60亿立方米/年", "en": "6 billion m³/yr landed"},
}


def answer_fits_a_phone(page, answer: str) -> None:
    """At 390 px the answer (value or evidence, and the reading) is on screen without a
    sideways scroll: nothing is wider than the phone, the targets are stacked cards."""
    box = page.get_by_text(answer, exact=False).first.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    wide = page.evaluate(
        "() => [...document.querySelectorAll('[data-testid=stMain] *')]"
        ".filter(e => e.getBoundingClientRect().right > 392 && e.offsetParent)"
        ".map(e => e.tagName + '.' + (e.getAttribute('data-testid') || '')).slice(0, 5)"
    )
    assert wide == []


PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 1,
    "is_mobile": True,
    "has_touch": True,
    "user_agent": (
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/126.0 Mobile Safari/537.36"
    ),
}


@pytest.mark.browser
def test_choosing_a_page_on_a_phone_closes_the_sidebar(browser, server_url):
    """On a phone the sidebar opens over the page; choosing a page there closes it again
    (Streamlit's own behaviour on a mobile browser), and the chosen page is in view."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    try:
        page.goto(server_url)
        page.wait_for_selector("h1", timeout=60_000)
        sidebar = page.locator("[data-testid=stSidebar]")
        page.locator("[data-testid=stExpandSidebarButton]").click()
        expect(sidebar).to_be_in_viewport()
        assert sidebar.bounding_box()["width"] > 200  # open, over most of the phone
        page.locator("[data-testid=stSidebarNavLink]", has_text="目标与进度").click()
        expect(page.locator("h1").first).to_have_text("目标与进度", timeout=60_000)
        page.wait_for_timeout(800)
        box = sidebar.bounding_box()
        assert box is None or box["x"] + box["width"] <= 0  # closed
        heading = page.locator("h1").first.bounding_box()
        assert heading["x"] >= 0 and heading["x"] + heading["width"] <= 390
        page.screenshot(path=str(ARTIFACTS / "nav-phone.png"))
    finally:
        context.close()


def sankey_labels_stay_inside(page, width: int, lang: str) -> None:
    """Every node label of the materials flow lies inside the chart and clear of the next
    column's nodes."""
    chart = page.locator("[data-testid=stPlotlyChart]:has(.sankey)").first
    chart.scroll_into_view_if_needed()
    page.wait_for_timeout(800)
    chart.screenshot(path=str(ARTIFACTS / f"sankey-{width}-{lang}.png"))
    frame = chart.bounding_box()
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('.sankey .sankey-node')].map(n => {
            const r = n.querySelector('.node-rect').getBoundingClientRect();
            const t = n.querySelector('.node-label').getBoundingClientRect();
            return {rect: [r.left, r.right, r.top, r.bottom],
                    label: [t.left, t.right, t.top, t.bottom]};
        })"""
    )
    assert len(boxes) >= 5
    for box in boxes:
        left, right, _, _ = box["label"]
        assert left >= frame["x"] - 1 and right <= frame["x"] + frame["width"] + 1, box
    # no label runs over another node's bar
    for box in boxes:
        for other in boxes:
            if other is box:
                continue
            lx0, lx1, ly0, ly1 = box["label"]
            rx0, rx1, ry0, ry1 = other["rect"]
            assert lx1 <= rx0 or lx0 >= rx1 or ly1 <= ry0 or ly0 >= ry1, (box, other)
