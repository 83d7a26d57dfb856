"""Who can reach a local copy and who may write: `make run` listens on loopback only and accepts
the WebSocket only for its own host names; writing is decided by the hosted flag, the address the
server listens on and a password, never by the reader's address."""

import os
import shlex
import socket
import subprocess
import sys

import pytest
import websockets
from websockets.sync.client import connect

from dashboard.context import listens_on_network, writing_allowed
from tests.browser.conftest import ARTIFACTS, ROOT, front


def make_run(*variables: str) -> list[str]:
    """The command `make run` would start (make -n prints it last)."""
    # under `make test` the parent make's MAKEFLAGS and MAKELEVEL would add "Entering directory"
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    printed = subprocess.run(
        ["make", "--no-print-directory", "-n", "run", *variables],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    return shlex.split(printed.strip().splitlines()[-1])


def option(command: list[str], name: str) -> list[str]:
    return [command[i + 1] for i, word in enumerate(command[:-1]) if word == name]


def test_make_run_listens_on_loopback_unless_asked():
    assert option(make_run(), "--server.address") == ["127.0.0.1"]
    assert option(make_run("ADDRESS=0.0.0.0"), "--server.address") == ["0.0.0.0"]
    assert option(make_run(), "--server.allowedHosts") == ["localhost", "127.0.0.1"]


def stream_opens(port: int, host: str) -> bool:
    """Whether the app's WebSocket on 127.0.0.1:`port` opens for a page that came by the name
    `host` (its Host header and origin), as a site whose name resolves to 127.0.0.1 would.
    The synchronous client: the shared browser's Playwright already runs an event loop here."""
    try:
        with connect(
            f"ws://{host}:{port}/_stcore/stream",
            sock=socket.create_connection(("127.0.0.1", port), timeout=60),  # whatever the name
            subprotocols=["streamlit"],
            origin=f"http://{host}:{port}",
            open_timeout=60,  # a busy machine; the answer, not its speed, is the point
            proxy=None,
        ):
            return True
    except websockets.InvalidStatus as refused:
        assert refused.response.status_code == 403
        return False


def test_make_run_refuses_a_websocket_for_a_foreign_host_name():
    """DNS rebinding: a page of another site whose name resolves to 127.0.0.1 gets no stream."""
    command = make_run()
    port = front.free_port()
    command[command.index("--server.port") + 1] = str(port)
    command[0] = str(ROOT / command[0])
    log = (ARTIFACTS / "make-run.log").open("w")
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    try:
        front.wait_healthy(f"http://127.0.0.1:{port}", [process])
        own = stream_opens(port, "localhost")
        foreign = stream_opens(port, "rebind.example")
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()
    assert own
    assert not foreign


@pytest.mark.parametrize(
    ("address", "network"),
    [
        ("127.0.0.1", False),
        ("localhost", False),
        ("::1", False),
        ("127.0.1.1", False),
        ("0.0.0.0", True),
        ("", True),  # Streamlit's default: every interface
        (None, True),
        ("192.168.1.20", True),
    ],
)
def test_a_server_reachable_from_other_machines_is_the_network(address, network):
    assert listens_on_network(address) is network


@pytest.mark.parametrize(
    ("hosted", "network", "secret", "given", "allowed"),
    [
        (False, False, "", "", True),  # make run: loopback only, no password needed
        (True, False, "pw", "pw", False),  # the hosted link (the front's loopback workers): never
        (False, True, "", "", False),  # make serve without a password set: nobody
        (False, True, "pw", "nope", False),
        (False, True, "pw", "pw", True),
    ],
)
def test_writing_follows_the_hosted_flag_the_address_and_the_password(
    hosted, network, secret, given, allowed
):
    assert writing_allowed(hosted, network, secret, given) is allowed


def test_the_frame_never_reads_the_readers_address():
    frame = (ROOT / "dashboard" / "Home.py").read_text(encoding="utf-8")
    assert "ip_address" not in frame and "X-Forwarded" not in frame
    assert sys.modules["dashboard.context"].listens_on_network.__name__ in frame
