"""The park map in a real browser with no network at all: every request that is not to the test
server is blocked and recorded. The offline base layer must cover most of the map at laptop and
phone width, the layers must draw on it, and the page must ask no other host for anything."""

import io
from urllib.parse import urlsplit

import numpy as np
import pytest
from PIL import Image

from dashboard import geo
from tests.browser.conftest import ARTIFACTS
from tests.browser.test_pages import (
    ALLOWED_FAILURES,
    TITLES,
    TITLES_EN,
    screenshot,
    unexpected,
)

WIDTHS = {"laptop": 1366, "phone": 390}


def drawn_share(png: bytes) -> float:
    """Share of pixels that are neither white nor the plain background: what the layers drew."""
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)
    spread = pixels.max(axis=2) - pixels.min(axis=2)
    drawn = (spread > 12) | (pixels.max(axis=2) < 200)
    return float(drawn.mean())


def open_offline(browser, url: str, width: int):
    """The page with every request to another host blocked; returns (context, page, errors,
    blocked), `blocked` being the list of addresses the page tried to reach elsewhere."""
    server = urlsplit(url).netloc
    context = browser.new_context(viewport={"width": width, "height": 900}, device_scale_factor=1)
    blocked: list[str] = []

    def only_the_server(route):
        if urlsplit(route.request.url).netloc == server:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort("internetdisconnected")

    context.route("**/*", only_the_server)
    page = context.new_page()
    page.served = []  # (status, address) of what the server answered
    page.on("response", lambda response: page.served.append((response.status, response.url)))
    errors: list[str] = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.wait_for_selector("h1", timeout=60_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000
    )
    return context, page, errors, blocked


def canvas_png(page) -> bytes:
    canvas = page.locator("[data-testid='stDeckGlJsonChart'] canvas").first
    canvas.wait_for(timeout=30_000)
    page.wait_for_timeout(2500)
    return canvas.screenshot()


def share_at(browser, url: str, width: int = 1366) -> float:
    context, page, _, _ = open_offline(browser, url, width)
    try:
        return drawn_share(canvas_png(page))
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize(("width_name", "lang"), [("laptop", "zh"), ("phone", "en")])
def test_offline_map_draws_the_base_layer_and_asks_no_other_host(
    browser, server_url, width_name, lang
):
    """The Chinese map at phone width renders in test_pages (screenshots there); at laptop width
    only here, where a park's tooltip is checked too."""
    suffix = "" if lang == "zh" else "-en"
    url = f"{server_url}/map" + ("?lang=en" if lang == "en" else "")
    context, page, errors, blocked = open_offline(browser, url, WIDTHS[width_name])
    try:
        share = drawn_share(canvas_png(page))
        page.locator("[data-testid='stDeckGlJsonChart']").first.screenshot(
            path=str(ARTIFACTS / f"map-{width_name}-canvas{suffix}.png")
        )
        if width_name == "laptop":  # on the page already open
            hovering_a_park_shows_its_sentence_and_confidence(page)
        screenshot(page, ARTIFACTS / f"map-{width_name}-full{suffix}.png")
        assert share > 0.6, f"only {share:.0%} of the map carries the base layer"
        counties = geo.COUNTIES_URL
        assert (200, f"{server_url}/{counties}") in page.served, "no county boundaries"
        asked = blocked
        assert asked == [], f"the map page asked other hosts: {asked}"
        title = TITLES["map"] if lang == "zh" else TITLES_EN["map"]
        assert page.locator("h1").first.inner_text().startswith(title)
        assert page.locator("[data-testid='stException']").count() == 0
        assert unexpected(errors, "map") == []
        failed = [(s, u) for s, u in page.served if s >= 400 and not ALLOWED_FAILURES.search(u)]
        assert failed == []
    finally:
        context.close()


@pytest.mark.browser
def test_the_base_layer_is_what_covers_the_map(browser, server_url):
    """Every layer but the base draws little of the canvas; with the base, above, most of it."""
    without_base = "areas&layers=clusters&layers=facilities&layers=projects&layers=towns"
    no_base = share_at(browser, f"{server_url}/map?layers=labels&layers={without_base}")
    assert 0 < no_base < 0.3


def hovering_a_park_shows_its_sentence_and_confidence(page) -> None:
    """大井产业园 under the mouse: its tooltip quotes the sentence and says the place is
    approximate."""
    chart = page.locator("[data-testid='stDeckGlJsonChart'] canvas").first.bounding_box()
    view = geo.MAP_SETTINGS["view"]
    cx, cy = geo._world_px(view["lon"], view["lat"], view["zoom"])
    x, y = geo._world_px(89.55, 44.70, view["zoom"])  # 大井产业园
    page.mouse.move(
        chart["x"] + chart["width"] / 2 + x - cx, chart["y"] + chart["height"] / 2 + y - cy
    )
    tooltip = page.locator(".deck-tooltip")
    tooltip.wait_for(state="visible", timeout=10_000)
    page.screenshot(path=str(ARTIFACTS / "map-laptop-tooltip.png"))
    text = tooltip.inner_text()
    assert "大井产业园" in text
    assert "芨芨湖、西黑山、大井、将军庙四个产业园环绕四周" in text
    assert "位置近似" in text
    page.mouse.move(0, 0)
    tooltip.wait_for(state="hidden", timeout=10_000)
