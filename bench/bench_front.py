"""First load of each page over a slow mobile link (1.6 Mbit/s, 150 ms; Chromium's network
emulation through CDP), served by the bare `streamlit run` and by the production front: bytes on the
wire and seconds to the first chart (or, on a page without one, to the title). Bounded: one load of
each page per server, at most 180 s each.

    python bench/bench_front.py [--pages overview,targets]
"""

import argparse
import os
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, Front, Server  # noqa: E402
from tests.browser.test_pages import PAGES  # noqa: E402

LINK = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 200_000,
    "uploadThroughput": 200_000,
}
DRAWN = ".js-plotly-plot, canvas, [data-testid=stDataFrame]"


def slow_phone(browser):
    """(context, page, CDP session) of a phone-sized page with an empty cache on the slow link."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", LINK)
    return context, page, cdp


def first_load(browser, url: str) -> tuple[int, float]:
    """Bytes on the wire and seconds until something is drawn, with an empty cache."""
    context, page, cdp = slow_phone(browser)
    sizes: dict[str, int] = {}
    frames: list[int] = []
    cdp.on(
        "Network.loadingFinished",
        lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]),
    )
    cdp.on(
        "Network.webSocketFrameReceived", lambda e: frames.append(len(e["response"]["payloadData"]))
    )
    started = time.monotonic()
    page.goto(url, timeout=180_000)
    page.wait_for_selector(DRAWN, timeout=180_000)
    seconds = time.monotonic() - started
    page.wait_for_timeout(1000)
    context.close()
    return int(sum(sizes.values()) + sum(frames)), seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", default=",".join(PAGES))
    args = parser.parse_args()
    names = args.pages.split(",")
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {platform.machine()}, {os.cpu_count()} cores")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for label, start in (
            ("front", lambda: Front(workers=1, log_name="front-bench.log")),
            ("bare", Server),
        ):
            server = start()
            try:
                first_load(browser, server.url)  # warm the server's caches, as after a deploy
                for name in names:
                    size, seconds = first_load(browser, f"{server.url}/{PAGES[name]}")
                    print(f"{label:5} {name:11} {size / 1e6:6.2f} MB {seconds:6.1f} s")
            finally:
                server.stop()
        browser.close()


if __name__ == "__main__":
    main()
