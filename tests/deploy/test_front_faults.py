"""The front under supervisord, one process at a time killed (kill -9) or hung (SIGSTOP) while a
reader's browser session is open: a new viewer still gets a drawn page, supervisord or its
watchdog brings the process back, and the reader's page draws again. Killing supervisord itself
leaves nothing holding the port, and the next front binds it.

One front for the module, with short health checks (two missed 2-s checks, 6 s of grace after a
start); every wait is bounded, none asserts a speed."""

import os
import signal
import socket
import time
from pathlib import Path

import pytest

from tests.browser.conftest import ARTIFACTS, Front

HEALTH = ["--failures", "2", "--timeout", "2", "--grace", "6"]
CHART = ".js-plotly-plot"


def until(condition, seconds: float, what: str):
    """Poll `condition` until it gives something true, for at most `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.5)
    pytest.fail(f"{what}: not within {seconds:.0f} s")


def alive(pid: int) -> bool:
    """Whether a process runs (a zombie, dead but not yet reaped, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


def port_free(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as nginx binds
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def new_viewer_sees_a_chart(browser, url: str, name: str) -> None:
    """A browser that never visited opens the Overview and waits for its first chart."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    try:
        page = context.new_page()
        page.goto(url, timeout=60_000)
        page.wait_for_selector(CHART, state="visible", timeout=90_000)
        page.screenshot(path=str(ARTIFACTS / f"front-fault-{name}.png"))
    finally:
        context.close()


@pytest.fixture(scope="module")
def fleet():
    front = Front(workers=2, log_name="front-faults.log", options=HEALTH)
    yield front
    front.stop()


@pytest.fixture(scope="module")
def reader(browser, fleet):
    """A reader who keeps the Overview open through every fault."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(fleet.url)
    page.wait_for_selector(CHART, state="visible", timeout=90_000)
    yield page
    context.close()


def reader_draws_again(page) -> None:
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=90_000
    )
    page.wait_for_selector(CHART, state="visible", timeout=90_000)


@pytest.mark.browser
@pytest.mark.parametrize("program", ["worker-1", "nginx"])
def test_a_killed_process_is_restarted_and_new_viewers_get_a_page(browser, fleet, reader, program):
    before = fleet.pid(program)
    assert before and alive(before)
    os.kill(before, signal.SIGKILL)
    if program != "nginx":  # the other worker serves while this one restarts
        new_viewer_sees_a_chart(browser, fleet.url, f"kill-{program}")
    after = until(lambda: (pid := fleet.pid(program)) != before and pid, 60, f"{program} back")
    assert alive(after)
    if program == "nginx":
        new_viewer_sees_a_chart(browser, fleet.url, f"after-kill-{program}")
    reader_draws_again(reader)


@pytest.mark.browser
@pytest.mark.parametrize("program", ["worker-2", "nginx"])
def test_a_hung_process_is_restarted_by_the_watchdog(browser, fleet, reader, program):
    before = fleet.pid(program)
    assert before and alive(before)
    os.kill(before, signal.SIGSTOP)
    try:
        if program != "nginx":  # with nginx hung nobody is served until the watchdog acts
            new_viewer_sees_a_chart(browser, fleet.url, f"stop-{program}")
        after = until(lambda: (pid := fleet.pid(program)) != before and pid, 90, "restart")
    finally:
        if alive(before):
            os.kill(before, signal.SIGCONT)
    assert not alive(before), "the hung process was left behind"
    assert alive(after)
    if program == "nginx":
        new_viewer_sees_a_chart(browser, fleet.url, f"after-stop-{program}")
    reader_draws_again(reader)


@pytest.mark.browser
def test_killing_supervisord_leaves_no_process_and_the_next_front_binds(fleet):
    programs = ["worker-1", "worker-2", "nginx", "watchdog"]
    pids = {program: fleet.pid(program) for program in programs}
    assert all(pids.values()), pids
    fleet.process.kill()
    fleet.process.wait(timeout=10)
    until(lambda: not any(alive(pid) for pid in pids.values()), 20, "children gone")
    until(lambda: port_free(fleet.port), 20, "port free")
    # The next `make prod` on the same port binds and serves (Front waits for a worker's health
    # answer through nginx).
    fleet.stop()
    again = Front(workers=1, log_name="front-faults-again.log", options=HEALTH, port=fleet.port)
    try:
        pids = {program: again.pid(program) for program in ("worker-1", "nginx")}
        assert all(pids.values()), pids
    finally:
        again.stop()
    # Stopping the front (SIGTERM, as Ctrl-C or `docker stop`) stops every program.
    assert not any(alive(pid) for pid in pids.values())
    assert port_free(fleet.port)
