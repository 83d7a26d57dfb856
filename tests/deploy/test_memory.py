"""A worker gives back the sessions of viewers who left (dashboard/memory.py), on Streamlit's own
session manager and storage: the ones past their TTL are shut down once, the others are kept for a
reconnect."""

import threading

from streamlit.runtime.caching.ttl_cache import TTLCache
from streamlit.runtime.memory_session_storage import MemorySessionStorage
from streamlit.runtime.session_manager import SessionInfo
from streamlit.runtime.websocket_session_manager import WebsocketSessionManager

from dashboard import memory


class Session:
    """What the storage and the release touch of an AppSession."""

    def __init__(self, session_id: str) -> None:
        self.id = session_id
        self.shutdowns = 0

    def shutdown(self) -> None:
        self.shutdowns += 1


def manager(clock: list[float], ttl: float = 60) -> WebsocketSessionManager:
    storage = MemorySessionStorage(ttl_seconds=int(ttl))
    storage._cache = TTLCache(maxsize=128, ttl=ttl, timer=lambda: clock[0])
    return WebsocketSessionManager(storage, None, None, None)


def test_sessions_past_their_ttl_are_shut_down_once_and_the_others_kept():
    clock = [0.0]
    sessions = manager(clock)
    left_early, left_late = Session("early"), Session("late")
    sessions._session_storage.save(SessionInfo(client=None, session=left_early))
    clock[0] = 50.0
    sessions._session_storage.save(SessionInfo(client=None, session=left_late))

    clock[0] = 70.0  # the first left 70 s ago, the second 20 s ago; nobody has left since
    assert memory.release_expired(sessions) == 1
    assert (left_early.shutdowns, left_late.shutdowns) == (1, 0)
    # the second can still come back
    assert sessions.get_session_info("late").session is left_late

    assert memory.release_expired(sessions) == 0
    clock[0] = 111.0
    assert memory.release_expired(sessions) == 1
    assert (left_early.shutdowns, left_late.shutdowns) == (1, 1)
    assert sessions.list_sessions() == []


def test_without_a_server_a_release_round_does_nothing_to_sessions():
    # Under AppTest or `python -c`, no Streamlit runtime runs: nothing to shut down, no error.
    assert memory.release() == 0


def test_one_releasing_thread_per_process_however_often_pages_start_it():
    before = {thread for thread in threading.enumerate() if thread.name == "zhundong-memory"}
    results = [memory.start(interval=3600) for _ in range(5)]
    running = [thread for thread in threading.enumerate() if thread.name == "zhundong-memory"]
    assert len(running) == 1
    assert results.count(True) == (0 if before else 1)
