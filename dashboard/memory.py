"""What a Streamlit process holds for viewers who left, given back while it serves.

Streamlit keeps the session of a viewer who left (a closed tab, a phone that lost its network) for
`server.disconnectedSessionTTL` seconds, for a reconnect. Its session storage only forgets an
expired session when the next viewer leaves, and then drops it without shutting it down: after a
burst of viewers who all left within the TTL, every one of their sessions stayed in memory until
somebody else left, with its media files and script runners. And with the full collection after
each run off (`runner.postScriptGC`, .streamlit/config.toml), a finished script runner is kept by
its reference cycles until Python's collector reaches the oldest generation.

`start()` starts one thread per process that, every `INTERVAL` seconds, shuts the expired
sessions down on the runtime's event loop (where Streamlit itself handles sessions), collects
cycles, and asks glibc to give its free pages back to the system (`malloc_trim`). It reaches into
Streamlit's session manager; if a Streamlit upgrade renames what it reads, it does nothing.
"""

import asyncio
import concurrent.futures
import contextlib
import ctypes
import ctypes.util
import gc
import logging
import threading
import time
from collections.abc import Callable

from streamlit import runtime

INTERVAL = 30.0  # seconds; a session is released at most this long after its TTL ran out

_logger = logging.getLogger(__name__)
_lock = threading.Lock()
_thread: threading.Thread | None = None


def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None elsewhere (musl, macOS)."""
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        return None


_TRIM = _malloc_trim()


def trim() -> bool:
    """Give glibc's free pages back to the system; False where there is no malloc_trim."""
    return bool(_TRIM and _TRIM(0))


def expired_sessions(session_mgr) -> list:
    """Remove the stored sessions whose TTL ran out from Streamlit's session storage; their
    AppSessions. Call on the runtime's event loop: the storage is not thread-safe."""
    cache = getattr(getattr(session_mgr, "_session_storage", None), "_cache", None)
    expire = getattr(cache, "expire", None)
    if expire is None:
        return []
    lock = getattr(session_mgr, "_storage_lock", None) or threading.Lock()
    with lock:
        removed = expire()
    return [info.session for _, info in removed]


def release_expired(session_mgr) -> int:
    """Shut down the sessions whose TTL ran out (their media files, uploads, caches and script
    runner go with them); how many."""
    sessions = expired_sessions(session_mgr)
    for session in sessions:
        session.shutdown()
    return len(sessions)


def release(timeout: float = 30.0) -> int:
    """One round: expired sessions shut down, cycles collected, free pages trimmed. The number of
    sessions shut down (0 without a running Streamlit server, e.g. under AppTest)."""
    released = 0
    if runtime.exists():
        instance = runtime.get_instance()
        loop = getattr(getattr(instance, "_async_objs", None), "eventloop", None)
        session_mgr = getattr(instance, "_session_mgr", None)
        if loop is not None and session_mgr is not None and not loop.is_closed():

            async def on_loop() -> int:
                return release_expired(session_mgr)

            future = asyncio.run_coroutine_threadsafe(on_loop(), loop)
            # a loop busy past the timeout still runs it, later; this round counts none
            with contextlib.suppress(concurrent.futures.TimeoutError):
                released = future.result(timeout)
    gc.collect()
    trim()
    return released


def _run(interval: float) -> None:
    while True:
        time.sleep(interval)
        try:
            started = time.monotonic()
            released = release()
            _logger.debug("released %d sessions in %.2f s", released, time.monotonic() - started)
        except Exception:  # never take the process down; try again next round
            _logger.exception("releasing closed sessions failed")


def start(interval: float = INTERVAL) -> bool:
    """Start the releasing thread once per process; True when this call started it."""
    global _thread
    with _lock:
        if _thread is not None and _thread.is_alive():
            return False
        _thread = threading.Thread(
            target=_run, args=(interval,), name="zhundong-memory", daemon=True
        )
        _thread.start()
        return True
