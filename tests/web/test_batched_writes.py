"""Phones' changes wait for the disk off the event loop, so they go in one write together."""

from __future__ import annotations

import asyncio
import threading

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
    police, town, police_again = [await joined(server, party) for party in (room.a, room.b, room.a)]
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
    while group.waiting < 2:
        await asyncio.sleep(0.005)
    clock.release.set()
    answers = [await first] + [await task for task in others]
    assert [status for status, _ in answers] == [200, 200, 400]  # (200: the page after the redirect)
    assert group.batches == batches + 2  # the held write, then one for the two that came meanwhile
    placed = {(p.party_id, p.current) for p in room.service.session.placements}
    assert placed == {(room.a, "communication"), (room.b, "cooperation")}  # the bad rung was refused alone
