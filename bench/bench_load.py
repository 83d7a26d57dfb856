"""The front under load, side by side with the minimal app in the same run:

1. server CPU per page switch: the dashboard (hosted, every page in turn) against the minimal app
   (bench/minimal_app.py: two pages, one Plotly chart each), both bare `streamlit run` on loopback,
   measured alternately twice, the same number of page runs each; goal: at most 1.5x the minimal;
   and against bench/elements_app.py, which sends as many elements as two dashboard pages and
   computes nothing (what is left of a page run beyond it is the dashboard's own work);
2. a burst of viewers through the production front (deploy/front.py, 2 workers): `--viewers`
   arriving evenly within `--within` seconds, each opening the Overview, then one other page;
   goals for 100 in 60 s: no error, p95 at most 10 s to a finished page run;
3. memory: the workers' RSS before the burst, with every viewer's session open, and after they all
   left, past Streamlit's disconnectedSessionTTL (60 s) and a round of dashboard/memory.py; goal:
   at most 5 MB per session, returned when they close.

    python bench/bench_load.py [--viewers 100] [--within 60] [--bursts 1] [--skip-switch]

Prints a Markdown block for docs/benchmarks.md. Clients speak Streamlit's own WebSocket protocol
(bench/load_front.py); a page run ends at `script_finished`, when every element has been sent.
"""

import argparse
import asyncio
import os
import platform
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from load_front import (  # noqa: E402
    PAGE_PATHS,
    cpu_per_switch,
    p95,
    rss_mb,
    run_burst,
    streamlit_pids,
)

from tests.browser.conftest import Front, Server  # noqa: E402

MINIMAL_PATHS = ["", "second"]
TTL = 60  # .streamlit/config.toml: server.disconnectedSessionTTL
# When memory is read after the viewers left: past the TTL and one round of dashboard/memory.py
# (every 30 s), which shuts down the sessions past their TTL.
AFTER = TTL + 45


def switch_cost(sessions: int, rounds: int) -> list[str]:
    dashboard = Server(env={"ZHUNDONG_HOSTED": "1"}, log_name="bench-load-dashboard.log")
    minimal = Server(log_name="bench-load-minimal.log", script="bench/minimal_app.py")
    elements = Server(log_name="bench-load-elements.log", script="bench/elements_app.py")
    lines = []
    try:
        costs: dict[str, list[float]] = {"dashboard": [], "minimal": [], "elements": []}
        for _ in range(2):
            for name, server, paths, times in (
                ("dashboard", dashboard, PAGE_PATHS, rounds),
                ("minimal", minimal, MINIMAL_PATHS, rounds * len(PAGE_PATHS) // 2),
                ("elements", elements, MINIMAL_PATHS, rounds * len(PAGE_PATHS) // 2),
            ):
                cost, load = cpu_per_switch(
                    server.url, [server.process.pid], paths, sessions, times
                )
                costs[name].append(cost)
                lines.append(
                    f"- {name}: {len(load.runs)} page runs, {len(load.errors)} errors, "
                    f"{cost * 1000:.0f} ms server CPU per page run"
                )
        mean = {name: statistics.mean(values) for name, values in costs.items()}
        lines.append(
            f"- ratio dashboard / minimal: **{mean['dashboard'] / mean['minimal']:.2f}x** "
            "(goal at most 1.5x)"
        )
        lines.append(
            f"- ratio dashboard / the same elements computing nothing (bench/elements_app.py): "
            f"**{mean['dashboard'] / mean['elements']:.2f}x**"
        )
    finally:
        dashboard.stop()
        minimal.stop()
        elements.stop()
    return lines


def burst(viewers: int, within: float, bursts: int = 1) -> list[str]:
    front = Front(workers=2, log_name="bench-load-front.log")
    lines = []
    try:
        # Warm, as after a deploy: every worker has run pages (a worker that has run none holds
        # some 70 MB, one that has run the Overview some 300 MB). Two viewers left one of two
        # workers cold half the time, by their random sticky cookies; ten leave one cold once
        # in 500 runs, and the RSS of each worker is printed.
        asyncio.run(run_burst(front.url, 10, 5, 180))
        time.sleep(AFTER)
        pids = streamlit_pids(front.process.pid)
        before = rss_mb(pids)
        each = " + ".join(f"{rss_mb([pid]):.0f}" for pid in sorted(pids))
        lines.append(f"- workers' RSS after the warm-up: {before:.0f} MB ({each})")
        for number in range(1, bursts + 1):
            opened: list[float] = []
            started = time.monotonic()
            result = asyncio.run(
                run_burst(
                    front.url, viewers, within, 600, hold=within + 90,
                    on_open=lambda opened=opened: opened.append(rss_mb(pids)),
                )
            )  # fmt: skip
            elapsed = time.monotonic() - started
            time.sleep(AFTER)
            after = rss_mb(pids)
            both = result.first + result.second
            lines += [
                f"- burst {number}: {viewers} viewers arriving within {within:.0f} s, Overview"
                f" then one other page, through the front (2 workers), done in {elapsed:.0f} s:"
                f" {len(result.errors)} errors",
                f"- Overview (connection included): p50 {statistics.median(result.first):.1f} s,"
                f" p95 {p95(result.first):.1f} s; other page: p50"
                f" {statistics.median(result.second):.1f} s, p95 {p95(result.second):.1f} s;"
                f" both: **p95 {p95(both):.1f} s** (goal at most 10 s)",
                f"- workers' RSS: {before:.0f} MB before, {opened[0]:.0f} MB with {viewers}"
                f" sessions open (**{(opened[0] - before) / viewers:.1f} MB per session**, goal"
                f" at most 5), {after:.0f} MB {AFTER} s after they left",
            ]
            lines += [f"- error: {error}" for error in result.errors[:5]]
            before = after
        restarted = sorted(set(pids) - set(streamlit_pids(front.process.pid)))
        if restarted:
            lines.append(f"- workers restarted meanwhile (pids {restarted}): memory void")
    finally:
        front.stop()
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--viewers", type=int, default=100)
    parser.add_argument("--within", type=float, default=60)
    parser.add_argument("--sessions", type=int, default=4, help="for the CPU per page run")
    parser.add_argument("--rounds", type=int, default=2, help="for the CPU per page run")
    parser.add_argument("--skip-burst", action="store_true")
    parser.add_argument("--bursts", type=int, default=1, help="bursts in a row, one front")
    parser.add_argument("--skip-switch", action="store_true")
    args = parser.parse_args()
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    load = os.getloadavg()[0]
    lines = [f"### Load ({when}; {machine}; load average {load:.1f} at the start)", ""]
    if not args.skip_switch:
        lines += ["Server CPU per page switch, bare `streamlit run`, alternately:", ""]
        lines += switch_cost(args.sessions, args.rounds)
    print("\n".join(lines), flush=True)
    if not args.skip_burst:
        print(
            "\n".join(
                [
                    "",
                    "A burst through the production front:",
                    "",
                    *burst(args.viewers, args.within, args.bursts),
                ]
            )
        )


if __name__ == "__main__":
    main()
