"""Nothing lost: one writer at a time across threads and processes, a kill at every step of add,
decide and build leaves whole seeds and tables that the next run mends, and every file that
cannot be trusted is refused by name."""

import errno
import os
import subprocess
import sys
import threading
import time
import tomllib
from pathlib import Path

import pytest

from data_prep import store
from data_prep.add import add_report
from data_prep.build import build, decide_and_rebuild
from data_prep.check import check_tables, read_csv
from data_prep.errors import InputError
from data_prep.reports import load_reports
from data_prep.review import DECISIONS_FILE, decide, load_decisions
from tests.conftest import FIXTURES
from tests.dashboard import report_workspace

ROOT = Path(__file__).resolve().parents[2]
RESULTS = FIXTURES / "unseen" / "changji_results.txt"  # proposes 7 metric rows and more
NEW = FIXTURES / "zhundong_2026_05.txt"


@pytest.fixture(scope="module")
def proposing(tmp_path_factory) -> tuple[Path, Path]:
    """Seeds with a report the catalog does not name, and its tables: proposals to decide."""
    return report_workspace.added(tmp_path_factory.mktemp("proposing"), RESULTS, "2025-01-20")


@pytest.fixture
def work(proposing, tmp_path) -> tuple[Path, Path]:
    """A private copy of `proposing`: its seeds, and its tables behind their link."""
    return report_workspace.copied(proposing, tmp_path)


def _pending(out: Path) -> list[str]:
    return [
        r["proposal_id"] for r in read_csv(out / "proposals.csv") if r["decision"] == "proposed"
    ]


def _decided(seeds: Path) -> dict[str, str]:
    return {pid: d.decision for pid, d in load_decisions(seeds).items()}


# --- one writer at a time ---------------------------------------------------------------------


def _bump(counter: Path, seeds: Path, rounds: int) -> None:
    """Read, wait, write back one more: without the lock two writers lose each other's update."""
    for _ in range(rounds):
        with store.writing(seeds):
            value = int(counter.read_text())
            time.sleep(0.002)
            store.write_atomic(counter, f"{value + 1}".encode())


def test_the_lock_serialises_threads_of_one_process(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    counter = tmp_path / "counter"
    counter.write_text("0")
    threads = [threading.Thread(target=_bump, args=(counter, seeds, 25)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert counter.read_text() == "100"
    assert not list(tmp_path.glob(".*.tmp"))  # every scratch name renamed or gone


def test_the_lock_serialises_processes(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    counter = tmp_path / "counter"
    counter.write_text("0")
    code = (  # _bump's loop, importing nothing but the store
        "import sys, time; from pathlib import Path; from data_prep import store\n"
        "counter, seeds = Path(sys.argv[1]), Path(sys.argv[2])\n"
        "for _ in range(40):\n"
        "    with store.writing(seeds):\n"
        "        value = int(counter.read_text()); time.sleep(0.002)\n"
        "        store.write_atomic(counter, f'{value + 1}'.encode())\n"
    )
    runs = [
        subprocess.Popen([sys.executable, "-c", code, str(counter), str(seeds)], cwd=ROOT)
        for _ in range(3)
    ]
    assert [run.wait(timeout=120) for run in runs] == [0, 0, 0]
    assert counter.read_text() == "120"


def test_a_writer_that_waits_too_long_is_told_to_try_again(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with store.writing(seeds):
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(10)
    started = time.monotonic()
    with pytest.raises(InputError) as refused, store.writing(seeds, timeout=0.3):
        pass
    assert time.monotonic() - started < 5  # told, not hung
    assert refused.value.code == "busy" and "try again" in str(refused.value)
    release.set()
    holder.join(10)
    with store.writing(seeds, timeout=1), store.writing(seeds, timeout=1):
        pass  # free again; and re-entrant in one thread


def test_decisions_from_threads_and_processes_at_once_are_all_kept(work):
    """Two sessions of one server (threads) and two command lines (processes) decide at the
    same moment, round after round: each is kept, or its writer is told to retry."""
    seeds, out = work
    pending = _pending(out)
    assert len(pending) >= 6
    kept: dict[str, str] = {}
    busy = []
    for round_ids in (pending[0:2], pending[2:4]):
        outcome: dict[str, str] = {}

        def decide_one(pid: str, outcome: dict[str, str] = outcome) -> None:
            try:
                decide([pid], "rejected", seeds, out)
                outcome[pid] = "rejected"
            except InputError as error:
                assert error.code == "busy", error
                busy.append(pid)

        threads = [threading.Thread(target=decide_one, args=(pid,)) for pid in round_ids]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        kept |= outcome
    # two processes deciding and rebuilding at once
    code = (
        "import sys; from pathlib import Path; from data_prep.__main__ import main; "
        "sys.exit(main(['review', '--reject', sys.argv[1], '--seeds', sys.argv[2], "
        "'--out', sys.argv[3]]))"
    )
    runs = {
        pid: subprocess.Popen(
            [sys.executable, "-c", code, pid, str(seeds), str(out)],
            cwd=ROOT,
            stderr=subprocess.PIPE,
            text=True,
        )
        for pid in pending[4:6]
    }
    for pid, run in runs.items():
        _, errors = run.communicate(timeout=300)
        if run.returncode == 0:
            kept[pid] = "rejected"
        else:
            assert "try again" in errors, errors
            busy.append(pid)
    assert len(kept) + len(busy) == 6
    assert _decided(seeds) == kept  # nothing lost, nothing invented
    build(out, seeds)
    rejected = {
        r["proposal_id"] for r in read_csv(out / "proposals.csv") if r["decision"] == "rejected"
    }
    assert rejected == set(kept)


def test_many_rounds_of_concurrent_decisions_lose_nothing(work):
    """The record itself (no rebuild), many rounds of four threads at once."""
    seeds, out = work
    pending = _pending(out)
    kept = {}
    for round_number in range(6):
        chosen = pending[(round_number % 2) * 3 : (round_number % 2) * 3 + 3]
        decision = ("accepted", "rejected")[round_number % 2]
        errors: list[BaseException] = []

        def one(pid: str, decision: str = decision, errors: list = errors) -> None:
            try:
                decide([pid], decision, seeds, out)
            except InputError as error:  # a second value for one metric and year is refused
                errors.append(error)

        threads = [threading.Thread(target=one, args=(pid,)) for pid in chosen]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert all(e.code in ("busy", "second_value") for e in errors), errors
        refused = {e.params.get("proposal") for e in errors}
        kept |= {pid: decision for pid in chosen if pid not in refused}
        assert _decided(seeds) == kept


# --- a kill at every step ---------------------------------------------------------------------

CUT = """
import os, sys
from data_prep import store
from data_prep.__main__ import main
at = sys.argv[1]
def step(name):
    if name == at:
        os._exit(77)
store.step = step
sys.exit(main(sys.argv[2:]))
"""


def _cut(at: str, *argv: str) -> None:
    run = subprocess.run(
        [sys.executable, "-c", CUT, at, *argv], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 77, f"never reached {at}: {run.returncode} {run.stderr[-2000:]}"


def _whole(seeds: Path, out: Path) -> None:
    """What a reader finds after a kill, before anyone mends: the tables of the last good build,
    complete and checked; seeds whose records and texts agree once recovered."""
    assert (out / "manifest.json").is_file()
    assert check_tables(out) == []
    with store.writing(seeds):
        store.recover(seeds, out)
    load_reports(seeds)
    assert not [p for p in seeds.iterdir() if p.name.startswith(".")]
    assert [p.name for p in out.parent.glob(".curated-*")] == [os.readlink(out)]


# add's own steps, and the last of its rebuild (the rebuild's other steps: decide and build)
ADD_STEPS = [
    "add:text-staged",
    "add:record-staged",
    "add:recorded",
    "add:text-in-place",
    "build:linked",
]


@pytest.mark.parametrize("at", ADD_STEPS)
def test_a_kill_at_every_step_of_add_leaves_the_report_whole(work, at):
    seeds, out = work
    before = read_csv(out / "reports.csv")
    _cut(at, "add", str(NEW), "--date", "2026-05-10", "--seeds", str(seeds), "--out", str(out))
    _whole(seeds, out)
    reports = load_reports(seeds)
    added = ADD_STEPS.index(at) >= ADD_STEPS.index("add:recorded")
    # added whole (record and text) from the commit point on, or not at all before it
    assert len(reports) == len(before) + added
    if added:
        assert (seeds / reports[-1].file).read_text(encoding="utf-8") == NEW.read_text("utf-8")
    build(out, seeds)  # the next run builds, with the report when it was added
    assert len(read_csv(out / "reports.csv")) == len(before) + added


DECIDE_STEPS = ["decide:recorded", "build:tables-written", "build:manifest-written", "build:linked"]


@pytest.mark.parametrize("at", DECIDE_STEPS)
def test_a_kill_at_every_step_of_decide_keeps_the_decision(work, at):
    seeds, out = work
    pid = _pending(out)[0]
    _cut(at, "review", "--reject", pid, "--seeds", str(seeds), "--out", str(out))
    _whole(seeds, out)
    assert _decided(seeds) == {pid: "rejected"}  # recorded before the kill, so kept
    build(out, seeds)
    assert {r["proposal_id"]: r["decision"] for r in read_csv(out / "proposals.csv")}[pid] == (
        "rejected"
    )


@pytest.mark.parametrize(
    "at", ["build:moved-plain-folder", "build:tables-written", "build:manifest-written"]
)
def test_a_kill_at_every_step_of_build_leaves_the_last_good_tables(work, at):
    seeds, out = work
    if at == "build:moved-plain-folder":  # tables of the older layout: a plain folder
        target = out.resolve()
        out.unlink()
        target.rename(out)
    before = (out / "metrics.csv").read_bytes()
    _cut(at, "build", "--seeds", str(seeds), "--out", str(out))
    if at == "build:moved-plain-folder":
        # the one moment without tables: the reader's next call mends it
        assert not out.exists()
        subprocess.run(
            [sys.executable, "-m", "data_prep", "review", "--seeds", str(seeds), "--out", str(out)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
    _whole(seeds, out)
    assert (out / "metrics.csv").read_bytes() == before


# --- files that cannot be trusted -------------------------------------------------------------


@pytest.fixture
def decided(work) -> tuple[Path, Path, str]:
    seeds, out = work
    pid = _pending(out)[0]
    decide_and_rebuild([pid], "rejected", seeds, out)
    return seeds, out, pid


@pytest.mark.parametrize("how", ["emptied", "deleted", "comments only"])
def test_a_decisions_file_that_lost_entries_is_refused(decided, how):
    seeds, out, pid = decided
    path = seeds / DECISIONS_FILE
    if how == "deleted":
        path.unlink()
    else:
        path.write_text("" if how == "emptied" else "# decisions\n", encoding="utf-8")
    before = (out / "proposals.csv").read_bytes()
    for attempt in (
        lambda: build(out, seeds),
        lambda: decide_and_rebuild([_pending(out)[0]], "rejected", seeds, out),
    ):
        with pytest.raises(InputError, match=rf"{DECISIONS_FILE}.*lost \({pid}\)") as refused:
            attempt()
        assert refused.value.code == "decisions_lost"
    assert (out / "proposals.csv").read_bytes() == before  # the tables still show the decision


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        ("twice", "decision_twice"),
        ("contradicting", "decision_contradicts"),
        ("bad date", "decision_bad_date"),
    ],
)
def test_a_duplicate_contradicting_or_misdated_decision_is_refused(decided, edit, code):
    seeds, out, _ = decided
    path = seeds / DECISIONS_FILE
    text = path.read_text(encoding="utf-8")
    entry = text[text.index("[[decisions]]") :]
    if edit == "twice":
        text += "\n" + entry
    elif edit == "contradicting":
        text += "\n" + entry.replace('"rejected"', '"accepted"')
    else:
        moment = tomllib.loads(text)["decisions"][0]["decided_on"]
        text = text.replace(moment, "2026-13-45")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=DECISIONS_FILE) as refused:
        build(out, seeds)
    assert refused.value.code == code


def test_a_report_date_that_does_not_exist_is_refused(work):
    seeds, out = work
    toml = seeds / "reports.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace('"2025-01-20"', '"2026-13-45"'), encoding="utf-8"
    )
    with pytest.raises(InputError, match=r"reports\.toml.*2026-13-45.*does not exist"):
        build(out, seeds)
    with pytest.raises(InputError, match="does not exist") as refused:
        add_report(NEW.read_bytes(), str(NEW), "2026-13-45", seeds_dir=seeds, out_dir=out)
    assert refused.value.code in ("no_such_date",)


def test_a_full_disk_is_said_and_changes_nothing(work, monkeypatch):
    seeds, out = work
    pid = _pending(out)[0]
    (seeds / DECISIONS_FILE).write_text("# none yet\n", encoding="utf-8")
    before = (seeds / DECISIONS_FILE).read_bytes()

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store.os, "fsync", full)
    with pytest.raises(InputError, match=rf"{DECISIONS_FILE}: the disk is full") as refused:
        decide([pid], "rejected", seeds, out)
    assert refused.value.code == "disk_full"
    assert (seeds / DECISIONS_FILE).read_bytes() == before
    assert not [p for p in seeds.iterdir() if p.name.startswith(".")]


def test_leftovers_are_cleaned_at_the_next_build(work):
    seeds, out = work
    (seeds / f".{DECISIONS_FILE}.1234.tmp").write_text("half", encoding="utf-8")
    (out.parent / ".curated-new-1234").mkdir()  # the old code's names
    (out.parent / ".curated-old-1234").mkdir()
    build(out, seeds)
    assert not [p for p in seeds.iterdir() if p.name.startswith(".")]
    assert [p.name for p in out.parent.glob(".curated-*")] == [os.readlink(out)]


def test_an_add_whose_rebuild_fails_is_taken_back_whole(work, monkeypatch):
    seeds, out = work
    before = {p.name: p.read_bytes() for p in seeds.iterdir()}

    def fail(out_dir, seeds_dir):
        raise InputError(out_dir, "checks failed")

    monkeypatch.setattr("data_prep.add.build", fail)
    with pytest.raises(InputError, match="checks failed"):
        add_report(NEW.read_bytes(), str(NEW), "2026-05-10", seeds_dir=seeds, out_dir=out)
    assert {p.name: p.read_bytes() for p in seeds.iterdir()} == before  # no text, no record
