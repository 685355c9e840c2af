"""A form a phone sends again is applied once. The page's script keeps a sent form until the
server answers and sends it again when no answer came (slow Wi-Fi: the change may have landed
and only its answer been lost); each sending carries its own random `once`, and the server
answers a sending it has applied as done, without applying it again."""

from __future__ import annotations

import asyncio

from tests.web.conftest import Phone, Room, Server

LIVE = {"X-Live-Part": "1"}


async def agreeing_police(server: Server, room: Room) -> Phone:
    room.service.agree(room.x, current="cooperation")  # a party commits only on an agreed rung
    room.service.set_phase("agree")
    phone = server.phone()
    status, _ = await phone.join("ABC234", room.a)
    assert status == 200
    return phone


def commitments(room: Room) -> list[str]:
    return [c.text for c in room.service.session.commitments]


async def test_a_form_sent_again_is_applied_once(server: Server, room: Room) -> None:
    police = await agreeing_police(server, room)
    form = {"activity": room.x, "text": "We fix the lamps", "once": "3f9a1c0d"}
    first = await police.post("/commitment", form, headers=LIVE)
    again = await police.post("/commitment", form, headers=LIVE)
    assert first[0] == again[0] == 200 and "We fix the lamps" in again[1]
    assert commitments(room) == ["We fix the lamps"]
    status, _ = await police.post("/commitment", {**form, "once": "77aa0102"})  # another sending
    assert status == 200 and commitments(room) == ["We fix the lamps"] * 2


async def test_the_same_sending_twice_at_once_is_applied_once(server: Server, room: Room) -> None:
    police = await agreeing_police(server, room)
    form = {"activity": room.x, "text": "Two lamps by May", "once": "a1b2c3d4"}
    answers = await asyncio.gather(*(police.post("/commitment", form, headers=LIVE) for _ in range(3)))
    assert [status for status, _ in answers] == [200, 200, 200]
    assert commitments(room) == ["Two lamps by May"]


async def test_a_refused_sending_is_tried_again_when_sent_again(server: Server, room: Room) -> None:
    police = await agreeing_police(server, room)
    room.service.set_phase("place")  # no commitments while placing
    form = {"activity": room.x, "text": "Later", "once": "0badc0de"}
    status, _ = await police.post("/commitment", form)
    assert status == 403 and commitments(room) == []
    room.service.set_phase("agree")
    status, _ = await police.post("/commitment", form)
    assert status == 200 and commitments(room) == ["Later"]


async def test_a_sending_is_remembered_when_the_server_moves(room: Room) -> None:
    """The facilitator moves the server (another network): a form whose answer was lost just
    before is still applied once when the phone sends it again."""
    import aiohttp

    from facilitator.web.running import WebServer

    room.service.agree(room.x, current="cooperation")
    room.service.set_phase("agree")
    server = WebServer(room.service)
    binding = await server.start("127.0.0.1", 0)
    http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
    try:
        police = Phone(http, binding.url.rstrip("/"))
        status, _ = await police.join(server.desk.code, room.a)
        assert status == 200
        form = {"activity": room.x, "text": "We fix the lamps", "once": "5e5e5e5e"}
        assert (await police.post("/commitment", form))[0] == 200
        moved = await server.start("127.0.0.1", binding.port)  # started again: a new application
        police.base = moved.url.rstrip("/")
        assert (await police.post("/commitment", form))[0] == 200
        assert commitments(room) == ["We fix the lamps"]
    finally:
        await http.close()
        await server.stop()
