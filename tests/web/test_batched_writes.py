"""Phones' changes wait for the disk off the event loop, so they go in one write together."""

from __future__ import annotations

import asyncio
import threading

import pytest

from facilitator.core.service import now
from tests.web.conftest import Phone, Room, Server


class HeldClock:
    """The next change's clock (read inside its write) waits until let go."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()

    def __call__(self) -> str:
        if not self.entered.is_set():
            self.entered.set()
            assert self.release.wait(10)
        return now()


async def joined(server: Server, party: str) -> Phone:
    phone = server.phone()
    status, _text = await phone.join("ABC234", party)
    assert status == 200
    return phone


async def test_placements_sent_during_a_write_go_together_and_the_page_still_answers(
    server: Server, room: Room
) -> None:
    """... and the live pages hear of them once, after every phone is answered: the news (a
    render per page on the server's loop) does not come between the two writes."""
    from facilitator.web.server import STATE

    police, town, police_again = [await joined(server, party) for party in (room.a, room.b, room.a)]
    news = server.client.app[STATE].news
    await asyncio.sleep(0.35)  # past the joins' own news
    told = news.told
    group = room.service.file.group
    batches = group.batches
    clock = room.service.clock = HeldClock()
    first = asyncio.create_task(
        police.post("/place", {"activity": room.x, "current": "communication", "wished": "cooperation"})
    )
    while not clock.entered.is_set():
        await asyncio.sleep(0.005)
    # The write is held on its thread: the server still answers pages meanwhile.
    status, _text = await town.get("/")
    assert status == 200
    others = [
        asyncio.create_task(
            town.post("/place", {"activity": room.x, "current": "cooperation", "wished": "coordination"})
        ),
        asyncio.create_task(
            police_again.post(
                "/place", {"activity": room.x, "current": "no-such-rung", "wished": "coordination"}
            )
        ),
    ]
    # The unknown rung is refused at the door (the page's own words), before the store; the
    # town's placement waits for the held write. (Waiting for two here hung the suite.)
    for _ in range(2000):
        if group.waiting >= 1 and others[1].done():
            break
        await asyncio.sleep(0.005)
    assert group.waiting == 1 and others[1].done()
    clock.release.set()
    answers = [await first] + [await task for task in others]
    assert [status for status, _ in answers] == [200, 200, 400]  # (200: the page after the redirect)
    assert group.batches == batches + 2  # the held write, then one for the two that came meanwhile
    placed = {(p.party_id, p.current) for p in room.service.session.placements}
    assert placed == {(room.a, "communication"), (room.b, "cooperation")}  # the bad rung was refused alone
    await asyncio.sleep(0.6)  # past the refresh and the longest hold
    assert news.told == told + 1


async def test_a_burst_of_placements_writes_the_room_file_once(room: Room) -> None:
    """What each device placed is noted in the room file soon after, once for a burst (it was a
    fsynced write per placement on the event loop), off the loop, and for certain when the server
    stops."""
    import aiohttp

    from facilitator.web.room_file import RoomFile, room_path
    from facilitator.web.running import DESK_SAVE_SECONDS, WebServer

    server = WebServer(room.service)
    binding = await server.start("127.0.0.1", 0)
    writes: list[object] = []
    real = RoomFile.update

    threads: list[str] = []

    def counted(self: RoomFile, **values: object) -> None:
        writes.append(values)
        threads.append(threading.current_thread().name)
        real(self, **values)

    RoomFile.update = counted  # type: ignore[method-assign]
    sessions = [aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) for _ in range(2)]
    try:
        phones = [Phone(http, binding.url.rstrip("/")) for http in sessions]
        for phone, party in zip(phones, (room.a, room.b), strict=True):
            status, _ = await phone.join(server.desk.code, party)
            assert status == 200
        await asyncio.sleep(DESK_SAVE_SECONDS * 2)
        writes.clear()
        answers = await asyncio.gather(
            *(
                p.post("/place", {"activity": room.x, "current": "cooperation", "wished": "cooperation"})
                for p in phones
            )
        )
        assert [status for status, _ in answers] == [200, 200]
        assert writes == []  # not yet: the burst gathers
        await asyncio.sleep(DESK_SAVE_SECONDS * 2)
        assert len(writes) == 1
        assert threads[-1] != threading.main_thread().name  # its fsync does not hold the loop
        saved = room_path(room.service.path).read_text(encoding="utf-8")
        assert saved.count(room.x) >= 2  # both devices' placements noted
        writes.clear()
        await phones[0].post(
            "/place", {"activity": room.x, "current": "coordination", "wished": "cooperation"}
        )
        await server.stop()
        assert len(writes) == 1 and "coordination" in room_path(room.service.path).read_text(encoding="utf-8")
    finally:
        RoomFile.update = real  # type: ignore[method-assign]
        for http in sessions:
            await http.close()
        await server.stop()


def test_the_server_limits_glibcs_memory_arenas() -> None:
    """Many writer threads must not each get a memory arena of their own (glibc only)."""
    import platform

    from facilitator.web.running import limit_malloc_arenas

    expected = platform.system() == "Linux" and platform.libc_ver()[0] == "glibc"
    assert limit_malloc_arenas() is expected


async def test_a_started_server_is_warmed_up_before_the_first_phone(
    room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first placement encodes only its own documents: the server encoded the file's text
    (and built the room's view) when it started, not in the first phone's write."""
    from facilitator.core import store
    from facilitator.core.service import SessionService
    from facilitator.web.running import WebServer

    served = SessionService(room.service.path)  # fresh: knows no text of the file yet
    server = WebServer(served)
    await server.start("127.0.0.1", 0)
    try:
        encoded: list[object] = []
        real = store._encode
        monkeypatch.setattr(store, "_encode", lambda value: encoded.append(value) or real(value))
        await asyncio.to_thread(served.place, room.x, room.a, "cooperation", "coordination")
        assert 0 < len(encoded) < 10
    finally:
        await server.stop()


def test_serve_leaves_what_it_holds_out_of_later_full_garbage_collections() -> None:
    import gc

    from facilitator.web.running import settle_the_heap

    try:
        settle_the_heap()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
