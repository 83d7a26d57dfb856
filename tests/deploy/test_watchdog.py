"""The front's watchdog decides alone, on a fake supervisord: a process that fails its health
checks without using CPU is hung and restarted after --failures ticks; one that fails them while
working is busy and restarted only after five minutes; one that answers is left alone."""

import importlib.util
import time

import pytest

from tests.browser.conftest import ROOT

spec = importlib.util.spec_from_file_location("watchdog", ROOT / "deploy" / "watchdog.py")
watchdog = importlib.util.module_from_spec(spec)
spec.loader.exec_module(watchdog)


class Supervisor:
    """supervisord's XML-RPC as the watchdog uses it: one RUNNING program, started long ago."""

    def __init__(self):
        self.calls: list[str] = []
        self.supervisor = self

    def getAllProcessInfo(self):
        return [{"name": "worker-1", "pid": 4242, "state": 20, "start": time.time() - 3600}]

    def stopProcess(self, name):
        self.calls.append(f"stop {name}")

    def startProcess(self, name):
        self.calls.append(f"start {name}")


@pytest.mark.parametrize(
    ("answers", "cpu_per_tick", "ticks", "restarted"),
    [
        (False, 0.0, 3, True),  # hung: no answer, no CPU
        (False, 0.0, 2, False),  # not yet
        (False, 0.5, 59, False),  # busy: no answer, but working
        (False, 0.5, 60, True),  # busy for five minutes: restarted after all
        (True, 0.0, 20, False),  # answering
    ],
)
def test_hung_is_told_from_busy(monkeypatch, answers, cpu_per_tick, ticks, restarted):
    used = iter(range(200))
    monkeypatch.setattr(watchdog, "healthy", lambda url, timeout: answers)
    monkeypatch.setattr(watchdog, "cpu_seconds", lambda pid: next(used) * cpu_per_tick)
    monkeypatch.setattr(watchdog, "log", lambda message: None)
    rpc = Supervisor()
    dog = watchdog.Watchdog(
        rpc, {"worker-1": "http://127.0.0.1:9/_stcore/health"}, failures=3, timeout=1, grace=20
    )
    dog.worked("worker-1", 4242)  # the tick before: the CPU time to compare with
    for _ in range(ticks):
        dog.tick()
    assert rpc.calls == (["stop worker-1", "start worker-1"] if restarted else [])
