"""Benchmarks of data_prep: the seed build, the ledger over 1,000 synthetic articles, and a build
with 100 added reports, every figure of which goes through binding and proposal.

Each measurement runs in a fresh Python process (so jieba's dictionary load is counted), several
times; results are written to docs/benchmarks.md with the machine and the date.
Goals: seed build under 2 s wall, 1,000 articles under 30 s, 100 added reports under 30 s, peak
memory reported.
"""

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "docs" / "benchmarks.md"
RUNS = 5
ARTICLES = 1000

# Prepended to a child's code: articles made from the seeds' own sentences with fresh numbers, so
# the extractor sees text in the shape it meets, at the length of a news article (~1,500 chars).
MAKE_ARTICLES = r"""
import random
from pathlib import Path
from data_prep.clean import clean
from data_prep.figures import split_sentences
from data_prep.load import read_text


def articles(count, seed, keep=lambda sentence: True):
    texts = [clean(read_text(path)[0]).text for path in sorted(Path("seeds").glob("*.txt"))]
    sentences = [s for text in texts for s in split_sentences(text) if keep(s)]
    rng = random.Random(seed)
    for _ in range(count):
        body, size = [], 0
        while size < 1500:
            sentence = rng.choice(sentences)
            sentence = "".join(str(rng.randint(0, 9)) if c.isdigit() else c for c in sentence)
            body.append(sentence)
            size += len(sentence)
        yield "".join(body)
"""

CORPUS_CHILD = (
    MAKE_ARTICLES
    + r"""
import json, resource, sys, time
from data_prep.pipeline import read_report

folder = Path(sys.argv[1])
for index, body in enumerate(articles(int(sys.argv[2]), 7)):
    (folder / f"a{index:04d}.txt").write_text("准东新闻\n\n" + body + "\n", encoding="utf-8")
started = time.perf_counter()
figures = sum(len(read_report(path).figures) for path in sorted(folder.glob("*.txt")))
elapsed = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "figures": figures, "peak_mb": peak}))
"""
)

BUILD_CHILD = r"""
import json, resource, sys, time
started = time.perf_counter()
from data_prep.build import build
from pathlib import Path
build(Path(sys.argv[1]) / "curated")
elapsed = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "peak_mb": peak}))
"""

# Runs in the child: the seeds plus ADDED synthetic reports (made as above, each recorded in a
# scratch reports.toml), built from process start; every added report is proposal-land.
ADDED_CHILD = (
    MAKE_ARTICLES
    + r"""
import hashlib, json, resource, shutil, sys, time
from data_prep.build import build
from data_prep.check import read_csv

root = Path(sys.argv[1])
seeds = root / "seeds"
shutil.copytree("seeds", seeds)
entries = []
# Fresh digits would turn a range upside down ("1.4-1.8元"), which the build rightly refuses.
made = articles(int(sys.argv[2]), 11, lambda s: "-" not in s and "至" not in s)
for index, body in enumerate(made):
    text = "准东新闻\n\n本报记者 某某\n\n" + body + "\n"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    name = f"{100 + index:03d}_{digest[:16]}.txt"
    (seeds / name).write_text(text, encoding="utf-8")
    entries.append(
        f'[[reports]]\nreport_id = "{100 + index:03d}"\nfile = "{name}"\nnewspaper = "x"\n'
        f'lead_headline = "准东新闻"\nreport_date = "2026-{1 + index % 12:02d}"\n'
        f'date_basis = "bench"\nsha256 = "{digest}"\n'
    )
toml = seeds / "reports.toml"
toml.write_text(toml.read_text(encoding="utf-8") + "\n" + "\n".join(entries), encoding="utf-8")
started = time.perf_counter()
build(root / "curated", seeds)
elapsed = time.perf_counter() - started
proposals = len(read_csv(root / "curated" / "proposals.csv"))
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "proposals": proposals, "peak_mb": peak}))
"""
)
ADDED = 100


def _child(code: str, *args: str) -> tuple[dict, float]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1]), time.perf_counter() - started


def _runs(code: str, times: int, *args: str) -> list[tuple[dict, float]]:
    """`code` run `times` times, each in a fresh process with a scratch folder as its first
    argument: (what it printed, wall seconds) of each run."""
    results = []
    for _ in range(times):
        with tempfile.TemporaryDirectory() as folder:
            results.append(_child(code, folder, *args))
    return results


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, Python {platform.python_version()}"


def _summary(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} (min {min(values):.2f}, max {max(values):.2f})"


def main() -> None:
    builds = _runs(BUILD_CHILD, RUNS)
    build_wall = [wall for _, wall in builds]
    build_peak = [stats["peak_mb"] for stats, _ in builds]
    corpus = [stats for stats, _ in _runs(CORPUS_CHILD, 3, str(ARTICLES))]
    corpus_seconds = [stats["seconds"] for stats in corpus]
    corpus_peak = [stats["peak_mb"] for stats in corpus]
    figures = corpus[-1]["figures"]
    added = [stats for stats, _ in _runs(ADDED_CHILD, 3, str(ADDED))]
    added_seconds = [stats["seconds"] for stats in added]
    added_peak = [stats["peak_mb"] for stats in added]
    proposals = added[-1]["proposals"]
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    added_row = f"{_summary(added_seconds)} | < 30 | {statistics.median(added_peak):.0f} |"
    build_row = f"{_summary(build_wall)} | < 2 | {statistics.median(build_peak):.0f} |"
    corpus_row = f"{_summary(corpus_seconds)} | < 30 | {statistics.median(corpus_peak):.0f} |"
    section = f"""## data_prep ({today})

Machine: {_machine()}. Each run is a fresh process; medians with min and max.

| measurement | runs | seconds | goal | peak memory (MB) |
|---|---|---|---|---|
| seed build, process start to tables written (jieba load included) | {RUNS} | {build_row}
| ledger of {ARTICLES:,} synthetic articles (~1,500 chars, {figures:,} figures) | 3 | {corpus_row}
| build with {ADDED} added reports ({proposals:,} proposals), after making them | 3 | {added_row}

Run with `make bench`.
"""
    RESULTS.parent.mkdir(exist_ok=True)
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmarks\n\n"
    head, _, rest = old.partition("## data_prep")
    others = rest.split("\n## ", 1)[1] if "\n## " in rest else ""
    RESULTS.write_text(
        head.rstrip() + "\n\n" + section + ("\n## " + others if others else ""), encoding="utf-8"
    )
    print(section)


if __name__ == "__main__":
    main()
