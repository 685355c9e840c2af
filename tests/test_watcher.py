"""Open sessions: one watcher per session file, shared by its holders, gone with the last one."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from facilitator.core import watcher
from facilitator.core.model import Session
from facilitator.core.service import SessionService
from facilitator.core.watcher import POLL_SECONDS, OpenSessions, SessionHandle


def held(service: SessionService) -> tuple[OpenSessions, SessionHandle, list[Session]]:
    """A session held open, and what its holder heard."""
    sessions = OpenSessions()
    heard: list[Session] = []
    handle = sessions.open(service)
    handle.on_change(heard.append)
    return sessions, handle, heard


async def test_every_holder_shares_one_watcher_until_the_last_closes(service: SessionService) -> None:
    sessions = OpenSessions()
    first = sessions.open(service)
    second = sessions.open(SessionService(service.path))  # another holder, its own service
    assert sessions.watched == [service.path.resolve()]
    first.close()
    assert sessions.watched == [service.path.resolve()]
    second.close()
    second.close()  # closing twice is harmless
    assert sessions.watched == []


async def test_a_change_is_heard_on_a_later_turn_never_inside_the_call_that_made_it(
    service: SessionService,
) -> None:
    _sessions, handle, heard = held(service)
    service.add_party("Police")
    service.add_party("School")
    assert heard == []  # not inside the calls
    await asyncio.sleep(0)
    assert [len(s.parties) for s in heard] == [2]  # both changes of the turn, told once
    handle.close()


async def test_another_process_s_change_is_heard_at_the_next_poll(service: SessionService) -> None:
    _sessions, _handle, heard = held(service)
    SessionService(service.path).add_party("Police")  # another process: no event here
    for _ in range(50):
        await asyncio.sleep(POLL_SECONDS / 2)
        if heard:
            break
    assert [p.name for p in heard[0].parties] == ["Police"]


async def test_a_closed_handle_hears_nothing_and_its_file_is_no_longer_looked_at(
    service: SessionService,
) -> None:
    sessions, handle, heard = held(service)
    watch = sessions.watch_of(service)
    assert watch is not None
    handle.close()
    looks = watch.looks
    service.add_party("Police")
    await asyncio.sleep(3 * POLL_SECONDS)
    assert heard == [] and watch.looks == looks and sessions.watch_of(service) is None


async def test_reopening_with_what_was_shown_tells_what_changed_meanwhile(service: SessionService) -> None:
    sessions = OpenSessions()
    handle = sessions.open(service)
    shown = handle.seen
    handle.close()
    service.add_party("Police")  # while nobody held it
    heard: list[Session] = []
    sessions.open(service, shown).on_change(heard.append)
    await asyncio.sleep(0)
    assert [p.name for p in heard[0].parties] == ["Police"]


async def test_a_change_made_on_another_thread_is_heard_on_the_loop_s_own(service: SessionService) -> None:
    """A phone's change is made on one of the web server's writer threads."""
    _sessions, handle, heard = held(service)
    threads: list[int] = []
    handle.on_change(lambda _session: threads.append(threading.get_ident()))
    await asyncio.to_thread(service.add_party, "Police")
    for _ in range(50):
        if heard:
            break
        await asyncio.sleep(0.01)
    assert [p.name for p in heard[0].parties] == ["Police"]
    assert threads == [threading.get_ident()]


async def another_process_s_stream(
    service: SessionService, changes: int, every: float, first: int = 0
) -> SessionService:
    """`changes` parties added by another process (its own service, no event here), `every` apart."""
    other = SessionService(service.path)
    for n in range(first, first + changes):
        await asyncio.to_thread(other.add_party, f"Party {n}")
        await asyncio.sleep(every)
    return other


def counted_reads(monkeypatch: pytest.MonkeyPatch, service: SessionService) -> list[int]:
    """A list that grows by one each time `service` reads its file whole."""
    reads: list[int] = []
    load = service.file._load
    monkeypatch.setattr(service.file, "_load", lambda previous=None: reads.append(1) or load(previous))
    return reads


async def test_a_stream_of_another_process_s_changes_is_read_a_few_times_and_the_last_is_shown(
    service: SessionService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A room of phones placing through the server: the app reads the file a few times, not
    at every poll (at 500 activities a read costs some 30 ms of CPU), and ends on the newest."""
    monkeypatch.setattr(watcher, "READ_SHARE", 1e9)  # each read as dear as a big session's
    sessions, _handle, heard = held(service)
    reads = counted_reads(monkeypatch, service)
    await another_process_s_stream(service, 30, 0.03)  # about 1.2 s: 12 polls
    written = time.monotonic()
    while not heard or len(heard[-1].parties) < 30:
        assert time.monotonic() - written < 1.0, "the last change never reached the holder"
        await asyncio.sleep(0.01)
    assert [p.name for p in heard[-1].parties][-1] == "Party 29"
    assert heard[-1].last_seq == SessionService(service.path).session.last_seq  # the newest file
    assert 2 <= len(reads) <= 7  # one at the first change, then one per SETTLE_SECONDS at most
    assert [s.last_seq for s in heard] == sorted({s.last_seq for s in heard})  # never back, never twice
    watch = sessions.watch_of(service)
    assert watch is not None and watch.check() is None  # nothing left unread


async def test_a_lone_change_of_another_process_is_read_at_the_next_poll_without_waiting(
    service: SessionService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(watcher, "READ_SHARE", 1e9)
    _sessions, _handle, heard = held(service)
    await another_process_s_stream(service, 1, 0)
    await asyncio.sleep(0.5)  # quiet: the next lone change waits for nothing
    heard.clear()
    await another_process_s_stream(service, 1, 0, first=1)
    written = time.monotonic()
    while not heard:
        await asyncio.sleep(0.005)
    assert time.monotonic() - written < watcher.POLL_SECONDS + 0.1
    assert len(heard[0].parties) == 2


async def test_our_own_change_is_shown_at_once_while_another_process_s_wait(
    service: SessionService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the reading of another process's changes waits: ours (and theirs, read with it) not."""
    monkeypatch.setattr(watcher, "READ_SHARE", 1e9)
    _sessions, _handle, heard = held(service)
    await another_process_s_stream(service, 3, 0.05)  # the watch now waits to read again
    service.add_party("Ours")
    await asyncio.sleep(0)
    assert [p.name for p in heard[-1].parties] == ["Party 0", "Party 1", "Party 2", "Ours"]
