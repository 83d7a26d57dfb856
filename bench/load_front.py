"""Many viewers at once, without a browser each: clients of Streamlit's own WebSocket protocol
(the BackMsg/ForwardMsg protobuf messages the `streamlit` package ships) open sessions through the
front, each asking for every page once, as a browser does: a `rerun_script` with the page's name and
query string, then reading ForwardMsgs until `script_finished`.

    python bench/load_front.py [--sessions 100] [--workers 2]   (starts its own front)
    python bench/load_front.py --url http://127.0.0.1:8080       (an already running front)

Reports errors (a failed or unfinished run, a dropped connection, an exception element), p50 and
p95 of a page's run, and the Streamlit processes' memory per session.
"""

import argparse
import asyncio
import os
import secrets
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser.conftest import Front  # noqa: E402 (the same front as the tests)
from tests.browser.test_pages import PAGES  # noqa: E402

PAGE_PATHS = list(PAGES.values())  # "" is the overview, at the root


@dataclass
class Load:
    runs: list[float] = field(default_factory=list)  # seconds per page run
    errors: list[str] = field(default_factory=list)


async def one_page(socket, path: str, url: str, deadline: float) -> str | None:
    """Ask for a page and read until its run finishes; an error message or None."""
    message = BackMsg()
    message.rerun_script.query_string = ""
    message.rerun_script.page_name = path
    message.rerun_script.context_info.url = f"{url}/{path}"
    await socket.send(message.SerializeToString())
    while True:
        raw = await asyncio.wait_for(socket.recv(), timeout=max(deadline - time.monotonic(), 0.1))
        reply = ForwardMsg()
        reply.ParseFromString(raw)
        kind = reply.WhichOneof("type")
        if kind == "delta" and reply.delta.new_element.WhichOneof("type") == "exception":
            return f"/{path}: exception {reply.delta.new_element.exception.message[:80]}"
        if kind == "script_finished":
            if reply.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                return None
            if reply.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                return f"/{path}: script finished with status {reply.script_finished}"


def connect(url: str):
    """A viewer's WebSocket, with its own sticky cookie."""
    stream = url.replace("http://", "ws://") + "/_stcore/stream"
    headers = {"Cookie": f"zd_worker={secrets.token_hex(16)}", "Origin": url}
    return websockets.connect(
        stream,
        subprotocols=["streamlit"],
        additional_headers=headers,
        max_size=None,
        ping_interval=None,  # as in one_session
        open_timeout=120,
    )


async def one_session(
    url: str, load: Load, deadline: float, paths: list[str] | None = None, rounds: int = 1
) -> None:
    """One viewer: its own sticky cookie, every page once (or `paths`, `rounds` times)."""
    stream = url.replace("http://", "ws://") + "/_stcore/stream"
    headers = {"Cookie": f"zd_worker={secrets.token_hex(16)}", "Origin": url}
    try:
        async with websockets.connect(
            stream,
            subprotocols=["streamlit"],
            additional_headers=headers,
            max_size=None,
            # No client pings: a busy server answers them late, and a browser does not drop the
            # connection for that; the deadline bounds the run instead.
            ping_interval=None,
            open_timeout=120,
        ) as socket:
            for path in (paths or PAGE_PATHS) * rounds:
                started = time.monotonic()
                error = await one_page(socket, path, url, deadline)
                if error:
                    load.errors.append(error)
                else:
                    load.runs.append(time.monotonic() - started)
    except (TimeoutError, OSError, websockets.WebSocketException) as error:
        load.errors.append(f"session: {type(error).__name__} {error}")


async def run_load(
    url: str, sessions: int, seconds: float, paths: list[str] | None = None, rounds: int = 1
) -> Load:
    """`sessions` viewers at once, all done within `seconds` (else counted as errors)."""
    load = Load()
    deadline = time.monotonic() + seconds
    await asyncio.gather(
        *(one_session(url, load, deadline, paths, rounds) for _ in range(sessions))
    )
    return load


def cpu_seconds(pids: list[int]) -> float:
    """User and system CPU time the processes (all their threads) have used."""
    ticks = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def cpu_per_switch(url: str, pids: list[int], paths: list[str], sessions: int, rounds: int):
    """Server CPU seconds per page run, each of `sessions` viewers going `rounds` times through
    `paths` (after one warm-up round, as after a deploy); and the load."""
    asyncio.run(run_load(url, 1, 300, paths))
    before = cpu_seconds(pids)
    load = asyncio.run(run_load(url, sessions, 600, paths, rounds))
    return (cpu_seconds(pids) - before) / max(len(load.runs), 1), load


@dataclass
class Burst:
    first: list[float] = field(default_factory=list)  # s from arrival to the Overview drawn
    second: list[float] = field(default_factory=list)  # s from the click to the other page drawn
    errors: list[str] = field(default_factory=list)


async def burst_viewer(url: str, other: str, burst: Burst, deadline: float, hold: float) -> None:
    """A viewer arriving: the Overview (connection included), then one other page; then it keeps
    the page open `hold` seconds (memory of open sessions) and leaves."""
    started = time.monotonic()
    try:
        async with connect(url) as socket:
            for path, times in (("", burst.first), (other, burst.second)):
                error = await one_page(socket, path, url, deadline)
                if error:
                    burst.errors.append(error)
                    return
                times.append(time.monotonic() - started)
                started = time.monotonic()
            await asyncio.sleep(hold)
    except (TimeoutError, OSError, websockets.WebSocketException) as error:
        burst.errors.append(f"viewer: {type(error).__name__} {error}")


async def run_burst(
    url: str, viewers: int, within: float, seconds: float, hold: float = 0, on_open=None
) -> Burst:
    """`viewers` arriving evenly within `within` seconds, each opening the Overview and one other
    page (in turn every other page); all done within `seconds`. `on_open` is called once every
    viewer has both pages (while they hold them open)."""
    burst = Burst()
    deadline = time.monotonic() + seconds
    others = PAGE_PATHS[1:]

    async def arrive(index: int) -> None:
        await asyncio.sleep(index * within / viewers)
        await burst_viewer(url, others[index % len(others)], burst, deadline, hold)

    tasks = [asyncio.create_task(arrive(index)) for index in range(viewers)]
    if on_open:
        while len(burst.second) + len(burst.errors) < viewers and time.monotonic() < deadline:
            await asyncio.sleep(0.5)
        on_open()
    await asyncio.gather(*tasks)
    return burst


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] if ordered else float("nan")


def rss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:  # restarted meanwhile
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def streamlit_pids(front_pid: int) -> list[int]:
    """The Streamlit processes the front started (its children other than nginx)."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().split(") ")[-1].split()
            command = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == front_pid and b"streamlit" in command:
            pids.append(int(stat.parent.name))
    return pids


def summary(load: Load, sessions: int, elapsed: float, memory: tuple[float, float] | None) -> str:
    runs = sorted(load.runs)
    p50 = statistics.median(runs) if runs else float("nan")
    p95 = runs[min(len(runs) - 1, int(0.95 * len(runs)))] if runs else float("nan")
    lines = [
        f"{sessions} sessions x {len(PAGE_PATHS)} pages in {elapsed:.1f} s: "
        f"{len(runs)} page runs, {len(load.errors)} errors",
        f"page run p50 {p50:.2f} s, p95 {p95:.2f} s",
    ]
    if memory:
        before, after = memory
        lines.append(
            f"Streamlit RSS {before:.0f} MB before, {after:.0f} MB after them: "
            f"{(after - before) / sessions:.1f} MB per session"
        )
    lines += [f"error: {error}" for error in load.errors[:10]]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--url")
    args = parser.parse_args()
    front = None if args.url else Front(workers=args.workers, log_name="front-load.log")
    url = args.url or front.url
    try:
        pids = streamlit_pids(front.process.pid) if front else []
        asyncio.run(run_load(url, 1, 120))  # warm: the tables and caches, as after a deploy
        before = rss_mb(pids) if pids else None
        started = time.monotonic()
        load = asyncio.run(run_load(url, args.sessions, args.seconds))
        elapsed = time.monotonic() - started
        memory = (before, rss_mb(pids)) if pids else None
        print(summary(load, args.sessions, elapsed, memory))
    finally:
        if front:
            front.stop()


if __name__ == "__main__":
    main()
