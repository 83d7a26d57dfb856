"""The light page for phones (/m/, /m/en/) in a real browser at 390 px: fits without a sideways
scroll, opens a sentence on a tap; a screenshot under tests/artifacts/ to look at."""

import pytest

from tests.browser.conftest import ARTIFACTS


@pytest.mark.browser
@pytest.mark.parametrize(
    ("path", "words", "shot"),
    [
        ("index.html", "已落地60亿立方米/年", "mobile-light-phone.png"),
        ("en/index.html", "6 billion m³/yr landed", "mobile-light-phone-en.png"),
    ],
)
def test_light_page_fits_a_phone_and_opens_a_sentence(browser, curated_dir, path, words, shot):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto((curated_dir / "m" / path).as_uri())
        page.get_by_text(words, exact=False).first.wait_for()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        summary = page.locator("details summary").first
        summary.click()
        assert page.locator("details[open] blockquote").first.is_visible()
        page.screenshot(path=str(ARTIFACTS / shot), full_page=True)
    finally:
        context.close()
