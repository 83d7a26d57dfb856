"""The production front (deploy/front.py: nginx before two Streamlit processes) in a real browser:
what the first load weighs and where it goes, the headers nginx adds, and the frame's fixes seen
by a reader (share link, tab title, unknown paths, the report selector after a language switch)."""

import asyncio
import re
import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest

from dashboard import geo
from tests.browser.conftest import ARTIFACTS, ROOT
from tests.browser.test_map import canvas_png, drawn_share, open_offline
from tests.browser.test_pages import PAGES, downloads_work

LIMIT = 3_000_000  # bytes on the wire for the Overview's first load: 3 MB


def opened(browser, url: str, width: int = 1366):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("[data-testid=stSidebar] code", timeout=60_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )
    page.wait_for_timeout(1000)
    return context, page


@pytest.mark.browser
def test_overview_first_load_is_light_and_asks_no_other_host(browser, front_url):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    urls: dict[str, str] = {}
    sizes: dict[str, float] = {}
    cdp.on(
        "Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"])
    )
    cdp.on(
        "Network.loadingFinished",
        lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]),
    )
    frames: list[int] = []
    cdp.on(
        "Network.webSocketFrameReceived", lambda e: frames.append(len(e["response"]["payloadData"]))
    )
    page.goto(front_url)
    page.wait_for_selector(".js-plotly-plot", timeout=90_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )
    page.wait_for_timeout(2000)
    total = sum(sizes.values()) + sum(frames)
    hosts = {urlsplit(url).netloc for url in urls.values() if not url.startswith("data:")}
    context.close()
    (ARTIFACTS / "front-overview-weight.txt").write_text(
        f"{len(urls)} requests, {total} bytes (of which WebSocket {sum(frames)})\n"
        + "\n".join(sorted(set(urls.values())))
    )
    assert hosts == {urlsplit(front_url).netloc}, hosts
    assert total <= LIMIT, f"{total / 1e6:.2f} MB on the wire"
    assert not any("highlight" in url or "prism" in url.lower() for url in urls.values())


def test_front_compresses_caches_and_sets_headers(front_url):
    with urllib.request.urlopen(front_url) as response:
        html = response.read().decode()
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
        assert "zd_worker=" in response.headers["Set-Cookie"]
    bundle = re.search(r"static/js/index\.[\w-]+\.js", html).group(0)
    request = urllib.request.Request(f"{front_url}/{bundle}", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        assert response.headers["Content-Encoding"] == "gzip"
        assert "immutable" in response.headers["Cache-Control"]
        packed = len(response.read())
    with urllib.request.urlopen(f"{front_url}/{bundle}") as response:
        assert packed * 2 < len(response.read())


@pytest.mark.browser
def test_share_link_keeps_every_value_of_a_repeated_key(browser, front_url):
    context, page = opened(browser, f"{front_url}/chemicals?product=olefins&product=methanol")
    link = page.locator("[data-testid=stSidebar] code").last.inner_text()
    context.close()
    assert link.endswith("/chemicals?product=olefins&product=methanol"), link


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("", "目标与进度 · 准东开发区发展看板"),
        ("?lang=en", "Targets and progress · Zhundong development dashboard"),
    ],
)
def test_tab_title_is_in_the_readers_language(browser, front_url, query, title):
    context, page = opened(browser, f"{front_url}/targets{query}")
    shown = page.title()
    context.close()
    assert shown == title


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "notice", "link"),
    [
        ("", "没有找到页面“no-such-page”", "打开总览"),
        ("?lang=en", "There is no page “no-such-page”", "Open the overview"),
    ],
)
def test_unknown_path_says_so_and_links_to_the_overview(browser, front_url, query, notice, link):
    context, page = opened(browser, f"{front_url}/no-such-page{query}")
    page.screenshot(path=str(ARTIFACTS / f"front-not-found{query.replace('?', '-')}.png"))
    text = page.locator("[data-testid=stMain]").inner_text()
    share = page.locator("[data-testid=stSidebar] code").last.inner_text()
    page.get_by_test_id("stPageLink-NavLink").get_by_text(link).click()
    page.wait_for_selector(".js-plotly-plot", timeout=60_000)
    context.close()
    assert notice in text
    assert "no-such-page" not in share


@pytest.mark.browser
def test_report_selector_follows_a_language_switch(browser, front_url):
    context, page = opened(browser, front_url)
    selector = page.locator("[data-testid=stSidebar] [data-testid=stSelectbox]")
    shown = "el => el.innerText + [...el.querySelectorAll('input')].map(i => i.value).join(' ')"
    before = selector.evaluate(shown)
    page.locator("[data-testid=stSidebar]").get_by_text("English").click()
    page.wait_for_selector("text=Report", timeout=30_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )
    page.wait_for_timeout(1500)
    after = selector.evaluate(shown)
    page.screenshot(path=str(ARTIFACTS / "front-language-switch.png"))
    context.close()
    assert "最新（每项取最近报道）" in before
    assert "Latest (each figure from its newest report)" in after, after


def test_five_protocol_clients_load_every_page_through_the_front(front_url):
    """The load test's client, small: five sessions at once, every page, no error."""
    sys.path.insert(0, str(ROOT / "bench"))
    from load_front import PAGE_PATHS, run_load

    # In a thread of its own: Playwright's sync API keeps an event loop in this one.
    with ThreadPoolExecutor(1) as pool:
        load = pool.submit(asyncio.run, run_load(front_url, sessions=5, seconds=240)).result()
    assert load.errors == []
    assert len(load.runs) == 5 * len(PAGE_PATHS)


@pytest.mark.browser
def test_every_page_works_under_the_content_security_policy(browser, front_url):
    """The front's Content-Security-Policy blocks nothing the app needs: each page renders without
    a policy violation, the Overview draws its charts and the map its canvas."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    violations: dict[str, list[str]] = {}
    with urllib.request.urlopen(front_url) as response:
        policy = response.headers["Content-Security-Policy"]
    for name, path in PAGES.items():
        page.goto(f"{front_url}/{path}")
        page.wait_for_selector("h1", timeout=60_000)
        page.wait_for_function(
            "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
        )
        if name == "overview":
            page.wait_for_selector(".js-plotly-plot .main-svg", state="visible", timeout=60_000)
            charts = page.locator(".js-plotly-plot").count()
        if name == "map":
            canvas = page.locator("[data-testid='stDeckGlJsonChart'] canvas").first
            canvas.wait_for(timeout=30_000)
            page.wait_for_timeout(2500)
            share = drawn_share(canvas.screenshot())
            page.screenshot(path=str(ARTIFACTS / "front-csp-map.png"))
        page.wait_for_timeout(500)
        violations[name] = page.evaluate("window.__violations")
    context.close()
    assert "default-src 'self'" in policy and "frame-ancestors 'self'" in policy
    assert not any(violations.values()), violations
    assert not [text for text in console if "Content Security Policy" in text]
    assert charts >= 1
    assert share > 0.02, f"the map's canvas is {share:.1%} drawn"


@pytest.mark.browser
def test_the_front_serves_the_base_layer_itself(browser, front_url):
    """Through the front's static files as through `streamlit run` (tests/browser/test_map.py):
    the counties are served, the canvas is drawn and no request leaves for another host."""
    context, page, _, blocked = open_offline(browser, f"{front_url}/map", 1366)
    try:
        share = drawn_share(canvas_png(page))
        assert (200, f"{front_url}/{geo.COUNTIES_URL}") in page.served, "no county boundaries"
        assert share > 0.6
        assert blocked == []
    finally:
        context.close()


@pytest.mark.browser
def test_downloads_pass_the_proxy(browser, front_url):
    """The CSV, HTML and PDF downloads through nginx, as tests/browser/test_pages.py checks them
    on `streamlit run`."""
    downloads_work(browser, front_url)
