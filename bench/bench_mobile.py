"""Benchmark of the light page for phones (/m/, data/curated/m/) over a slow mobile link.

Headless Chromium with its network emulated (Chrome DevTools Protocol: 1.6 Mbit/s down and up,
150 ms latency) loads the page from a local static server that answers as the front does
(index.html.gz with Content-Encoding: gzip), side by side with a minimal page in the same run.
Measured: bytes on the wire (every response's encoded length) and the time until the first
target's answer is on screen. Goals: ≤ 300 KB on the wire, content in ≤ 3 s.
"""

import os
import platform
import statistics
import sys
import threading
import time
from datetime import UTC, datetime
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from data_prep import CURATED_DIR  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from bench_front import slow_phone  # noqa: E402

RESULTS = ROOT / "docs" / "benchmarks.md"
RUNS = 5
MINIMAL = (
    "<!doctype html><html lang=zh-CN><meta charset=utf-8><h1>准东</h1><div class=card>ok</div>"
)


class Handler(SimpleHTTPRequestHandler):
    """Static files; /m/ answered with its .gz as nginx's gzip_static would."""

    def do_GET(self) -> None:
        if self.path.startswith("/m/"):
            body = (Path(self.directory) / "m" / "index.html.gz").read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        if self.path.startswith("/minimal"):
            body = MINIMAL.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        self.send_error(404)

    def log_message(self, *args) -> None:
        pass


def load(browser, url: str) -> tuple[float, int]:
    """(seconds to the first card on screen, bytes on the wire) for one cold load."""
    context, page, cdp = slow_phone(browser)
    wire = []
    cdp.on("Network.loadingFinished", lambda event: wire.append(event["encodedDataLength"]))
    start = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_selector(".card", state="visible", timeout=30_000)
    seconds = time.perf_counter() - start
    page.wait_for_load_state("load")
    context.close()
    return seconds, int(sum(wire))


def main() -> None:
    folder = CURATED_DIR
    if not (folder / "m" / "index.html.gz").is_file():
        sys.exit(f"{folder}/m/index.html.gz is missing: run `make tables` first")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        version = browser.version
        for name, path in (("/m/", "/m/"), ("minimal page", "/minimal")):
            runs = [load(browser, base + path) for _ in range(RUNS)]
            results[name] = runs
        browser.close()
    server.shutdown()
    today = datetime.now(UTC).date().isoformat()
    lines = [
        f"## light page for phones (/m/) ({today})",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, "
        f"Chromium {version}. Network emulated by Chromium (CDP): 1.6 Mbit/s down and up, 150 ms "
        "latency, cache off; a local static server sends /m/ as its gzip file, as the front does. "
        "Time: from navigation to the first card visible.",
        "",
        "| page | runs | bytes on the wire | median s to content | min-max s | goal |",
        "|---|---|---|---|---|---|",
    ]
    for name, runs in results.items():
        times = [seconds for seconds, _ in runs]
        goal = "≤ 300 KB, ≤ 3 s" if name == "/m/" else ""
        lines.append(
            f"| {name} | {len(runs)} | {runs[0][1]:,} | {statistics.median(times):.2f} | "
            f"{min(times):.2f}-{max(times):.2f} | {goal} |"
        )
    lines.append("")
    section = "\n".join(lines)
    print(section)
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.is_file() else "# Benchmarks\n"
    marker = "## light page for phones (/m/)"
    if marker in text:
        head, _, rest = text.partition(marker)
        tail = rest.split("\n## ", 1)
        text = head + section + ("\n## " + tail[1] if len(tail) > 1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
