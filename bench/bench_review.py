"""Benchmark of review: how many actions, and how much waiting, a reviewer needs to turn a report
of about 1,500 characters into its right rows.

The report is tests/fixtures/energy_base_2026.txt (our own sentences on real facts: coal
output 2.65亿吨 in 2025, 外送电量685亿千瓦时, a line's 年输送电量约620亿千瓦时 that no metric
claims, 2.38亿吨 of 2024 that no measure binds). Its right rows, read off the article by hand,
are the answer key below; each is reached by one action, through the functions the command line
and /updates call (record, then rebuild, as the one writer). Beside it, in the same run, a build
of the same seeds with no change: the floor under every action's wait.
Results go to the "review" section of docs/benchmarks.md with the machine and the date.
"""

import os
import platform
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from data_prep import review  # noqa: E402
from data_prep.build import build, decide_and_rebuild, record_and_rebuild  # noqa: E402
from data_prep.check import read_csv  # noqa: E402
from data_prep.curate import load_catalog  # noqa: E402
from tests.dashboard import report_workspace  # noqa: E402

RESULTS = ROOT / "docs" / "benchmarks.md"
REPORT = report_workspace.ENERGY_BASE
LINE = {
    "metric_id": "uhv_line_transmission",
    "label_zh": "准东—皖南特高压年输送电量",
    "label_en": "Zhundong–Wannan UHV line, yearly transmission",
    "display_unit": "亿千瓦时/年",
    "category": "power",
}
# (metric or project, year, value) of report 004 once reviewed, read off the article.
RIGHT_ROWS = {
    ("coal_reserves", "2026", "390000000000"),  # 煤炭预测储量3900亿吨, as reported
    ("coal_output", "2025", "265000000"),  # 2025年，准东完成原煤产量2.65亿吨
    ("coal_output", "2024", "238000000"),  # 2024年，这个数字是2.38亿吨
    ("coal_output_share_xinjiang", "2025", "44"),  # 占全疆的44%
    ("coal_power_built", "2025", "28600000"),  # 目前…已建成2860万千瓦: the stock at end-2025
    ("coal_power_planned", "2026", "33730000"),  # 规划煤电装机规模3373万千瓦, as reported
    ("power_sent_out", "2025", "68500000000"),  # 2025年，准东全年外送电量685亿千瓦时
    ("jijihu_workers", "2026", "30000"),  # 目前已汇聚产业工人3万余名
    ("uhv_line_transmission", "2026", "62000000000"),  # 年输送电量约620亿千瓦时: a new metric
}


def _machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"{memory:.0f} GiB, Python {platform.python_version()}"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()  # the seeds' copy (milliseconds) and the report's add
        seeds, out = report_workspace.added(Path(scratch), REPORT)
        added = time.perf_counter() - started
        floors = []
        for _ in range(3):
            started = time.perf_counter()
            build(out, seeds)
            floors.append(time.perf_counter() - started)
        proposals = {
            r["target_id"]: r["proposal_id"]
            for r in read_csv(out / "proposals.csv")
            if r["report_id"] == "004"
        }
        source = {r["report_id"]: r["source"] for r in read_csv(out / "reports.csv")}["004"]
        figures = {r["raw"]: f"004@{r['start']}" for r in read_csv(out / "figures.csv")
                   if r["source"] == source}  # fmt: skip
        metrics = {m["metric_id"]: m for m in load_catalog()["metrics"]}
        unclaimed = sum(r["source"] == source for r in read_csv(out / "unclaimed.csv"))
        accept = [
            "coal_reserves",
            "coal_output",
            "coal_output_share_xinjiang",
            "coal_power_planned",
            "power_sent_out",
            "olefins_160",
        ]
        actions = [
            (f"accept {name}", lambda n=name: decide_and_rebuild([proposals[n]], "accepted",
                                                                 seeds, out))
            for name in accept
        ]  # fmt: skip
        actions += [
            ("correct coal_power_built: 2025, cumulative", lambda: record_and_rebuild(
                lambda: review.correct(proposals["coal_power_built"], seeds, out, "bench",
                                       year="2025", period="cumulative"), seeds, out)),
            ("assign 2.38亿吨 to coal_output", lambda: record_and_rebuild(
                lambda: review.assign(figures["2.38亿吨"], metrics["coal_output"], seeds, out,
                                      "bench"), seeds, out)),
            ("assign 3万余名 to jijihu_workers", lambda: record_and_rebuild(
                lambda: review.assign(figures["3万余名"], metrics["jijihu_workers"], seeds, out,
                                      "bench"), seeds, out)),
            ("create a metric from 620亿千瓦时", lambda: record_and_rebuild(
                lambda: review.assign(figures["620亿千瓦时"], LINE, seeds, out, "bench",
                                      create=True), seeds, out)),
        ]  # fmt: skip
        waits = []
        for _, act in actions:
            started = time.perf_counter()
            act()
            waits.append(time.perf_counter() - started)
        rows = {
            (r["metric_id"], r["year"], r["value"])
            for r in read_csv(out / "metrics.csv")
            if r["report_id"] == "004" and r["review_status"] == "accepted"
        }
        projects = [
            r for r in read_csv(out / "projects.csv")
            if r["report_id"] == "004" and r["review_status"] == "accepted"
        ]  # fmt: skip
        pending = [
            r for r in read_csv(out / "proposals.csv")
            if r["report_id"] == "004" and r["decision"] == "proposed"
        ]  # fmt: skip
        right = rows == RIGHT_ROWS and len(projects) == 1 and not pending
        chars = len(REPORT.read_text(encoding="utf-8"))
    floor = statistics.median(floors)
    section = "\n".join(
        [
            f"## review ({datetime.now(UTC):%Y-%m-%d})",
            "",
            f"Machine: {_machine()}. One process; each action records its decision and rebuilds "
            "as the one writer, as `python -m data_prep review` and /updates do.",
            "",
            f"Report: `tests/fixtures/energy_base_2026.txt`, {chars} characters, "
            f"{len(proposals)} proposals and {unclaimed} figures nothing claims; added in "
            f"{added:.1f} s.",
            "",
            "| action | seconds |",
            "|---|---|",
            *[f"| {name} | {wait:.1f} |" for (name, _), wait in zip(actions, waits, strict=True)],
            f"| **{len(actions)} actions** | **{sum(waits):.1f}** |",
            f"| floor: rebuild of the same seeds, no change (median of 3) | {floor:.1f} |",
            "",
            f"Right rows reached: {'yes' if right else 'NO'} — {len(rows)} metric rows and "
            f"{len(projects)} project row accepted, {len(pending)} proposals left. Left "
            "unclaimed on purpose: ±1100千伏 (a voltage) and 12万平方米 (no measure tracks "
            "factory floor space).",
            "",
            "Run with `python bench/bench_review.py`.",
            "",
        ]
    )
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmarks\n\n"
    head, found, rest = old.partition("\n## review (")
    tail = ("\n## " + rest.split("\n## ", 1)[1]) if found and "\n## " in rest else ""
    RESULTS.write_text(head.rstrip() + "\n\n" + section + tail, encoding="utf-8")
    print(section)
    if not right:
        sys.exit(f"the rows are not the right ones: {sorted(rows ^ RIGHT_ROWS)}")


if __name__ == "__main__":
    main()
