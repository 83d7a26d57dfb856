"""Benchmarks of the dashboard in headless Chromium against real `streamlit run` servers on
loopback: cold loads against a minimal one-chart page, page switches, 1/10/25 concurrent sessions
with render times and server memory. Bounded in count and time; results in docs/benchmarks.md.

Goals: cold load of / and /targets at most 1.5x the minimal page; page switch under 1 s median;
server RSS after every page is visited once under 400 MB.
"""

import asyncio
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from playwright.async_api import async_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, Front, Server  # noqa: E402 (the same servers as the tests)
from tests.browser.test_pages import PAGES as PAGE_PATHS  # noqa: E402
from tests.browser.test_pages import TITLES  # noqa: E402

RESULTS = ROOT / "docs" / "benchmarks.md"
ARGS = CHROMIUM_ARGS
# Each page's address and title, as the browser tests know them.
PAGES = {path: TITLES[name] for name, path in PAGE_PATHS.items()}
COLD_RUNS = 7
SESSIONS = (1, 10, 25)
DEADLINE_S = 1500  # the whole benchmark stops by itself after this
PAGE_TIMEOUT_MS = 180_000


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def rendered(page, title: str) -> None:
    """Until the page shows its title, has finished running, and has drawn its charts."""
    await page.wait_for_function(
        """(title) => {
            const h1 = document.querySelector('h1');
            if (!h1 || !h1.innerText.startsWith(title)) return false;
            if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
            const charts = document.querySelectorAll('[data-testid="stPlotlyChart"]');
            return [...charts].every(c => c.querySelector('.main-svg'));
        }""",
        arg=title,
        timeout=PAGE_TIMEOUT_MS,
    )


async def cold_load(browser, url: str, title: str) -> float:
    context = await browser.new_context(viewport={"width": 1366, "height": 900})
    page = await context.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    started = time.perf_counter()
    await page.goto(url)
    await rendered(page, title)
    elapsed = time.perf_counter() - started
    await context.close()
    return elapsed


async def visit_every_page(page, url: str, times: list[float]) -> None:
    """Open the app, then go to every page through the sidebar, as a reader does; the render
    time of each page is appended to `times` (the first one includes loading the app)."""
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    started = time.perf_counter()
    await page.goto(url)
    await rendered(page, PAGES[""])
    times.append(time.perf_counter() - started)
    for path, title in [*list(PAGES.items())[1:], ("", PAGES[""])]:
        link = page.locator(f'[data-testid="stSidebarNav"] a[href$="/{path}"]').first
        started = time.perf_counter()
        await link.click()
        await rendered(page, title)
        times.append(time.perf_counter() - started)


async def page_switches(browser, url: str) -> list[float]:
    context = await browser.new_context(viewport={"width": 1366, "height": 900})
    times: list[float] = []
    await visit_every_page(await context.new_page(), url, times)
    await context.close()
    return times[1:]


async def session(context, url: str, times: list[float], hold: asyncio.Event) -> None:
    """One reader: a tab of its own (its own Streamlit session) visiting every page."""
    page = await context.new_page()
    await visit_every_page(page, url, times)
    await hold.wait()  # keep the session open while memory is read
    await page.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(share * len(ordered)), len(ordered) - 1)]


def _row(name: str, values: list[float], ratio: str = "", goal: str = "") -> str:
    spread = f"{min(values):.2f}-{max(values):.2f}"
    median = statistics.median(values)
    return f"| {name} | {len(values)} | {median:.2f} | {spread} | {ratio} | {goal} |"


async def _cold_and_switch(browser, url: str, minimal_url: str, front_url: str) -> list[str]:
    await cold_load(browser, url, PAGES[""])  # the first visit fills the caches; not counted
    await cold_load(browser, front_url, PAGES[""])
    await cold_load(browser, minimal_url, "最小页面")
    cold: dict[str, list[float]] = {
        "/": [],
        "/targets": [],
        "/ through the front": [],
        "/targets through the front": [],
        "minimal": [],
    }
    for _ in range(COLD_RUNS):  # alternating, so that drift hits them all alike
        cold["minimal"].append(await cold_load(browser, minimal_url, "最小页面"))
        cold["/"].append(await cold_load(browser, url, PAGES[""]))
        cold["/targets"].append(await cold_load(browser, f"{url}/targets", PAGES["targets"]))
        cold["/ through the front"].append(await cold_load(browser, front_url, PAGES[""]))
        cold["/targets through the front"].append(
            await cold_load(browser, f"{front_url}/targets", PAGES["targets"])
        )
    base = statistics.median(cold["minimal"])
    lines = [
        "| measurement | runs | median s | min-max s | ratio to minimal | goal |",
        "|---|---|---|---|---|---|",
    ]
    for name, values in cold.items():
        ratio = f"{statistics.median(values) / base:.2f}"
        goal = "" if name == "minimal" else "≤ 1.25" if "front" in name else "≤ 1.5"
        lines.append(_row(f"cold load {name}", values, ratio, goal))
    lines.append(_row("page switch inside a session", await page_switches(browser, url), "", "< 1"))
    return lines


async def _load(browser, url: str, pid: int) -> list[str]:
    lines = [
        "| concurrent sessions | pages rendered | errors | p50 render s | p95 render s | "
        "server RSS MB |",
        "|---|---|---|---|---|---|",
    ]
    memory = {}
    failures: list[str] = []
    for count in SESSIONS:
        times: list[float] = []
        hold = asyncio.Event()
        # The tabs share one browser context, as readers' browsers cache the app's scripts:
        # the load is the server's sessions, not 25 downloads of the same files.
        context = await browser.new_context(viewport={"width": 1366, "height": 900})
        tasks = [asyncio.create_task(session(context, url, times, hold)) for _ in range(count)]
        expected = count * (len(PAGES) + 1)
        while len(times) < expected and not all(task.done() for task in tasks):
            await asyncio.sleep(0.2)
        memory[count] = rss_mb(pid)
        hold.set()
        results = await asyncio.gather(*tasks, return_exceptions=True)
        await context.close()
        failures += [
            f"{count} sessions: {str(r).splitlines()[0]}"
            for r in results
            if isinstance(r, Exception)
        ]
        errors = sum(isinstance(r, Exception) for r in results)
        p50, p95 = percentile(times, 0.5), percentile(times, 0.95)
        lines.append(
            f"| {count} | {len(times)} of {expected} | {errors} | {p50:.2f} | "
            f"{p95:.2f} | {memory[count]:.0f} |"
        )
    per_session = (memory[SESSIONS[-1]] - memory[SESSIONS[0]]) / (SESSIONS[-1] - SESSIONS[0])
    lines += ["", f"Memory per extra open session: {per_session:.1f} MB."]
    lines += [f"- failed: {failure}" for failure in failures]
    return lines


async def run() -> str:
    dashboard = Server({"ZHUNDONG_HOSTED": "1"}, "bench-dashboard.log")
    minimal = Server(log_name="bench-minimal.log", script="bench/minimal_app.py")
    front = Front(workers=1, log_name="bench-front.log")
    url, minimal_url = dashboard.url, minimal.url
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            lines = await _cold_and_switch(browser, url, minimal_url, front.url)
            after = rss_mb(dashboard.process.pid)
            lines += [
                "",
                f"Server RSS after every page was visited: **{after:.0f} MB** (goal < 400).",
                "",
            ]
            lines += await _load(browser, url, dashboard.process.pid)
            await browser.close()
    finally:
        dashboard.stop()
        minimal.stop()
        front.stop()
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.machine()
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    chromium = subprocess.run(
        [CHROMIUM, "--version"], capture_output=True, text=True
    ).stdout.strip()
    python = platform.python_version()
    return f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, Python {python}, {chromium}"


def main() -> None:
    table = asyncio.run(asyncio.wait_for(run(), DEADLINE_S))
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    section = (
        f"## dashboard ({today})\n\nMachine: {machine()}. Servers on 127.0.0.1 with "
        "`ZHUNDONG_HOSTED=1`; the browsers are contexts of one headless Chromium on the same "
        f"2 cores, so the load figures include the browsers' own work.\n\n{table}\n\n"
        "Run with `make bench`.\n"
    )
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmarks\n"
    head, _, rest = old.partition("## dashboard")
    others = rest.split("\n## ", 1)[1] if "\n## " in rest else ""
    tail = "\n## " + others if others else ""
    RESULTS.write_text(head.rstrip() + "\n\n" + section + tail, encoding="utf-8")
    print(section)


if __name__ == "__main__":
    main()
