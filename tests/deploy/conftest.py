"""The production front's own tests share the browser tests' servers and Chromium."""

from tests.browser.conftest import browser  # noqa: F401 (a fixture, used by name)
