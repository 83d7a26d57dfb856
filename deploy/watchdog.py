"""The front's health watchdog: a supervisord event listener that restarts a program whose HTTP
health check fails several times in a row.

    [eventlistener:watchdog]
    command=python deploy/watchdog.py --failures 3 worker-1=http://127.0.0.1:8501/_stcore/health
    events=TICK_5

On every tick it asks each program's URL in parallel (a stuck one costs one timeout, not one per
program). A program that supervisord reports RUNNING for at least --grace seconds and fails
--failures checks in a row is restarted through supervisord's XML-RPC interface (stop, then start):
a process that hangs (SIGSTOP, a deadlock) still counts as running to supervisord, which only sees
exits. One slow answer under load is not enough, and a process still booting is left alone.
A process that exits needs no watchdog: supervisord restarts it (autorestart).

Like superlance's httpok, on which it is modelled, but httpok restarts on the first missed check
and checks a process still starting up.
"""

import argparse
import os
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from xmlrpc.client import Fault

from supervisor import childutils
from supervisor.states import ProcessStates


def healthy(url: str, timeout: float) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status == 200
    except Exception:
        return False


def log(message: str) -> None:
    print(f"{time.strftime('%Y-%m-%d %H:%M:%S')} watchdog: {message}", file=sys.stderr, flush=True)


class Watchdog:
    def __init__(self, rpc, checks: dict[str, str], failures: int, timeout: float, grace: float):
        self.rpc = rpc
        self.checks = checks
        self.failures = failures
        self.timeout = timeout
        self.grace = grace
        self.missed = dict.fromkeys(checks, 0)
        self.pool = ThreadPoolExecutor(max(1, len(checks)))

    def running(self) -> set[str]:
        """The watched programs up for at least the grace period."""
        now = time.time()
        return {
            info["name"]
            for info in self.rpc.supervisor.getAllProcessInfo()
            if info["name"] in self.checks
            and info["state"] == ProcessStates.RUNNING
            and now - info["start"] >= self.grace
        }

    def tick(self) -> None:
        up = self.running()
        names = [name for name in self.checks if name in up]
        results = self.pool.map(lambda name: healthy(self.checks[name], self.timeout), names)
        for name, ok in zip(names, results, strict=True):
            self.missed[name] = 0 if ok else self.missed[name] + 1
            if not ok:
                log(f"{name}: health check failed ({self.missed[name]}/{self.failures})")
            if self.missed[name] >= self.failures:
                self.restart(name)
        for name in self.checks:
            if name not in up:
                self.missed[name] = 0

    def restart(self, name: str) -> None:
        log(f"{name}: restarting")
        self.missed[name] = 0
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
    parser.add_argument("--failures", type=int, default=3, help="checks missed in a row")
    parser.add_argument("--timeout", type=float, default=4.0, help="seconds per check")
    parser.add_argument("--grace", type=float, default=20.0, help="seconds after a start")
    args = parser.parse_args()
    rpc = childutils.getRPCInterface(os.environ)
    Watchdog(rpc, dict(args.checks), args.failures, args.timeout, args.grace).run()


if __name__ == "__main__":
    main()
