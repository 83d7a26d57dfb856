"""The light page for phones (/m/) in a real browser at 390 px: fits without a sideways scroll,
opens a sentence on a tap; a screenshot under tests/artifacts/ to look at."""

import pytest

from tests.browser.conftest import ARTIFACTS


@pytest.mark.browser
def test_light_page_fits_a_phone_and_opens_a_sentence(browser, curated_dir):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto((curated_dir / "m" / "index.html").as_uri())
        page.get_by_text("已落地60亿立方米/年", exact=False).first.wait_for()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        summary = page.locator("details summary").first
        summary.click()
        assert page.locator("details[open] blockquote").first.is_visible()
        page.screenshot(path=str(ARTIFACTS / "mobile-light-phone.png"), full_page=True)
    finally:
        context.close()
