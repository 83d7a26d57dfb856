"""The park map in a real browser, with no network: the layers draw (pixels, not just a canvas)."""

import io

import numpy as np
import pytest
from PIL import Image

from tests.browser.conftest import ARTIFACTS
from tests.browser.test_pages import open_page, screenshot, unexpected


def drawn_share(png: bytes) -> float:
    """Share of pixels that are neither white nor the plain background: what the layers drew."""
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)
    spread = pixels.max(axis=2) - pixels.min(axis=2)
    drawn = (spread > 12) | (pixels.max(axis=2) < 200)
    return float(drawn.mean())


def canvas_share(page) -> float:
    """The drawn share of the map's canvas once the deck has had time to draw."""
    canvas = page.locator("[data-testid='stDeckGlJsonChart'] canvas").first
    canvas.wait_for(timeout=30_000)
    page.wait_for_timeout(2500)
    return drawn_share(canvas.screenshot())


def share_at(browser, url: str) -> float:
    context, page, _ = open_page(browser, url, 1366)
    try:
        return canvas_share(page)
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize(("width_name", "width"), [("laptop", 1366), ("phone", 390)])
def test_map_draws_its_layers_without_tiles(browser, server_url, width_name, width):
    context, page, errors = open_page(browser, f"{server_url}/map", width)
    try:
        share = canvas_share(page)
        screenshot(page, ARTIFACTS / f"map-{width_name}-full.png")
        page.locator("[data-testid='stDeckGlJsonChart']").first.screenshot(
            path=str(ARTIFACTS / f"map-{width_name}-canvas.png")
        )
        assert share > 0.02, f"only {share:.1%} of the map canvas is drawn"
        assert page.locator("[data-testid='stException']").count() == 0
        assert unexpected(errors, "map") == []
    finally:
        context.close()


@pytest.mark.browser
def test_map_with_layers_off_draws_less(browser, server_url):
    only_labels = share_at(browser, f"{server_url}/map?layers=labels")
    everything = share_at(browser, f"{server_url}/map")
    assert 0 < only_labels < everything
