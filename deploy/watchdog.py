"""The front's health watchdog: a supervisord event listener that restarts a program whose HTTP
health check fails several times in a row.

    [eventlistener:watchdog]
    command=python deploy/watchdog.py --failures 3 worker-1=http://127.0.0.1:8501/_stcore/health
    events=TICK_5

On every tick it asks each program's URL in parallel (a stuck one costs one timeout, not one per
program). A program that supervisord reports RUNNING for at least --grace seconds and fails
--failures checks in a row *without using any CPU in between* is hung (SIGSTOP, a deadlock) and is
restarted through supervisord's XML-RPC interface (stop, then start): a hung process still counts
as running to supervisord, which only sees exits. A process that fails its checks while working
(a burst of viewers starves its event loop) is busy, not hung: restarting it would drop every
session it serves, so it gets --busy-failures checks in a row (default 60: five minutes) first.
A process still booting is left alone; one that exits needs no watchdog (supervisord restarts it).

Like superlance's httpok, on which it is modelled, but httpok restarts on the first missed check
and checks a process still starting up.
"""

import argparse
import os
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from xmlrpc.client import Fault

from supervisor import childutils
from supervisor.states import ProcessStates


def healthy(url: str, timeout: float) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status == 200
    except Exception:
        return False


MIN_WORK = 0.02  # CPU seconds between two ticks that show a process is working
# Checks a working process may miss in a row: five minutes of ticks. Under a burst of viewers a
# worker's health answer waits behind page runs for a minute and more (bench/bench_load.py); a
# restart then would drop every session it serves.
BUSY_TICKS = 60


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process, all its threads (0 when it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def log(message: str) -> None:
    print(f"{time.strftime('%Y-%m-%d %H:%M:%S')} watchdog: {message}", file=sys.stderr, flush=True)


class Watchdog:
    def __init__(
        self,
        rpc,
        checks: dict[str, str],
        failures: int,
        timeout: float,
        grace: float,
        busy_failures: int = 0,
    ):
        self.rpc = rpc
        self.checks = checks
        self.failures = failures
        self.timeout = timeout
        self.grace = grace
        self.busy_failures = busy_failures or BUSY_TICKS
        self.missed = dict.fromkeys(checks, 0)  # failed checks in a row, no CPU used
        self.slow = dict.fromkeys(checks, 0)  # failed checks in a row, CPU used
        self.cpu: dict[str, tuple[int, float]] = {}  # pid and its CPU seconds at the last tick
        self.pool = ThreadPoolExecutor(max(1, len(checks)))

    def running(self) -> dict[str, int]:
        """The watched programs up for at least the grace period, with their pids."""
        now = time.time()
        return {
            info["name"]: info["pid"]
            for info in self.rpc.supervisor.getAllProcessInfo()
            if info["name"] in self.checks
            and info["state"] == ProcessStates.RUNNING
            and now - info["start"] >= self.grace
        }

    def worked(self, name: str, pid: int) -> bool:
        """Whether the process used CPU since the last tick (unknown counts as no)."""
        used = cpu_seconds(pid)
        last = self.cpu.get(name)
        self.cpu[name] = (pid, used)
        return last is not None and last[0] == pid and used - last[1] >= MIN_WORK

    def tick(self) -> None:
        up = self.running()
        names = [name for name in self.checks if name in up]
        results = list(self.pool.map(lambda name: healthy(self.checks[name], self.timeout), names))
        for name, ok in zip(names, results, strict=True):
            busy = self.worked(name, up[name])
            if ok:
                self.missed[name] = self.slow[name] = 0
                continue
            self.slow[name] += 1
            self.missed[name] = 0 if busy else self.missed[name] + 1
            log(
                f"{name}: health check failed, {'busy' if busy else 'no CPU used'}"
                f" ({self.missed[name]}/{self.failures} idle,"
                f" {self.slow[name]}/{self.busy_failures} in all)"
            )
            if self.missed[name] >= self.failures or self.slow[name] >= self.busy_failures:
                self.restart(name)
        for name in self.checks:
            if name not in up:
                self.missed[name] = self.slow[name] = 0

    def restart(self, name: str) -> None:
        log(f"{name}: restarting")
        self.missed[name] = self.slow[name] = 0
        for action in ("stopProcess", "startProcess"):
            try:
                getattr(self.rpc.supervisor, action)(name)
            except Fault as fault:  # e.g. already stopped: supervisord's own restart came first
                log(f"{name}: {action} failed: {fault.faultString}")

    def run(self) -> None:
        while True:
            headers, _ = childutils.listener.wait(sys.stdin, sys.stdout)
            try:
                if headers["eventname"].startswith("TICK"):
                    self.tick()
            except Exception as error:  # never die on one bad tick: supervisord would restart us
                log(f"check failed: {error!r}")
            childutils.listener.ok(sys.stdout)


def parse_check(text: str) -> tuple[str, str]:
    name, sep, url = text.partition("=")
    if not sep or not name or not url.startswith("http"):
        raise argparse.ArgumentTypeError(f"expected PROGRAM=URL, got {text!r}")
    return name, url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checks", nargs="+", type=parse_check, metavar="PROGRAM=URL")
    parser.add_argument("--failures", type=int, default=3, help="checks missed in a row, idle")
    parser.add_argument("--busy-failures", type=int, default=BUSY_TICKS, help="in all, busy")
    parser.add_argument("--timeout", type=float, default=4.0, help="seconds per check")
    parser.add_argument("--grace", type=float, default=20.0, help="seconds after a start")
    args = parser.parse_args()
    rpc = childutils.getRPCInterface(os.environ)
    checks = dict(args.checks)
    Watchdog(rpc, checks, args.failures, args.timeout, args.grace, args.busy_failures).run()


if __name__ == "__main__":
    main()
