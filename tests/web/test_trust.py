"""A device speaks for its own party only; joining holds up; every answer is a page with headers."""

from __future__ import annotations

import pytest
from aiohttp import web

from facilitator.core.errors import SessionFileError, SessionWriteError
from facilitator.web import joining
from facilitator.web import server as web_server
from facilitator.web.joining import (
    PICK_SECONDS,
    ROOM_WRONG_GUESSES,
    WRONG_GUESSES,
    JoinDesk,
    Refused,
    disagreements,
)
from facilitator.web.server import CSP
from tests.web.conftest import Phone, Room, Server

PLACE = {"current": "communication", "wished": "coordination"}


async def joined(server: Server, party: str, name: str = "") -> Phone:
    phone = server.phone()
    status, _text = await phone.join("ABC234", party, name)
    assert status == 200
    return phone


def placements(room: Room) -> list[tuple[str, str, str]]:
    return [(p.party_id, p.current, p.wished) for p in room.service.session.placements]


async def test_a_phone_cannot_switch_party_after_joining(server: Server, room: Room) -> None:
    police = await joined(server, room.a, "Mari")
    status, text = await police.post("/party", {"party": room.b, "name": "Jaan"})
    assert status == 403
    assert "Only the facilitator can move a device" in text
    (device,) = server.desk.listed()
    assert (device.party_id, device.name) == (room.a, "Mari")
    await police.post("/place", {"activity": room.x, **PLACE})
    assert placements(room) == [(room.a, "communication", "coordination")]
    last = room.service.session.events[-1]
    assert (last.actor, last.device) == ("Mari", device.id)  # recorded with the device and the name


async def test_only_the_facilitator_moves_a_device(server: Server, room: Room) -> None:
    phone = await joined(server, room.a)
    (device,) = server.desk.listed()
    assert server.desk.move(device.id, room.b)
    _status, text = await phone.get("/")
    assert "Your party: Municipality" in text
    await phone.post("/place", {"activity": room.x, **PLACE})
    assert placements(room) == [(room.b, "communication", "coordination")]


async def test_leaving_asks_first_and_joining_again_is_a_new_device(server: Server, room: Room) -> None:
    phone = await joined(server, room.a)
    (first,) = server.desk.listed()
    status, text = await phone.get("/leave")
    assert status == 200 and "Leave the workshop on this device?" in text
    assert len(server.desk.devices) == 1  # asking changed nothing
    status, text = await phone.post("/leave", {})
    assert "Join the workshop" in text and server.desk.devices == {}
    await phone.join("ABC234", room.b)
    (again,) = server.desk.listed()
    assert again.id != first.id and again.party_id == room.b
    assert not server.desk.rejoined(again)  # another party: not the same person's seat
    await phone.post("/leave", {})
    await phone.join("ABC234", room.b)
    (third,) = server.desk.listed()
    assert server.desk.rejoined(third) is False  # no name typed: nothing to tell them apart
    mari = await joined(server, room.a, "Mari")
    await mari.post("/leave", {})
    mari = await joined(server, room.a, "Mari")
    assert [server.desk.rejoined(d) for d in server.desk.listed()] == [False, True]


async def test_a_device_whose_party_was_removed_chooses_again(server: Server, room: Room) -> None:
    phone = await joined(server, room.c)
    room.service.remove_party(room.c)
    _status, text = await phone.get("/")
    assert "Which party are you from?" in text
    status, _text = await phone.post("/party", {"party": room.b})
    assert status == 200
    assert [d.party_id for d in server.desk.listed()] == [room.b]


async def test_two_devices_of_one_party_that_placed_differently_are_flagged(
    server: Server, room: Room
) -> None:
    mari = await joined(server, room.a, "Mari")
    jaan = await joined(server, room.a, "Jaan")
    await mari.post("/place", {"activity": room.x, **PLACE})
    rounds = {room.x: 1}
    assert disagreements(server.desk.listed(), rounds) == []
    await jaan.post("/place", {"activity": room.x, "current": "collaboration", "wished": "collaboration"})
    assert disagreements(server.desk.listed(), rounds) == [(room.a, room.x)]
    assert disagreements(server.desk.listed(), {room.x: 2}) == []  # a new round starts afresh


async def test_with_admitting_on_a_new_device_waits_for_the_facilitator(server: Server, room: Room) -> None:
    server.desk.set_admit_each(True)
    phone = await joined(server, room.a)
    _status, text = await phone.get("/")
    assert "Waiting for the facilitator to let this device in" in text
    assert "Send placement" not in text
    status, text = await phone.post("/place", {"activity": room.x, **PLACE})
    assert status == 403 and "not admitted this device yet" in text
    assert placements(room) == []
    assert server.desk.admit_waiting() == 1
    status, _text = await phone.post("/place", {"activity": room.x, **PLACE})
    assert status == 200 and len(placements(room)) == 1


def test_wrong_codes_are_limited_for_the_whole_room() -> None:
    desk = JoinDesk(code="ABC234")
    for n in range(ROOM_WRONG_GUESSES):
        with pytest.raises(Refused):
            desk.join("ZZZZZZ", f"10.0.{n // 250}.{n % 250}", now=100.0)
    with pytest.raises(Refused) as refused:
        desk.join("ABC234", "10.9.9.9", now=101.0)  # even the right code, from a new address
    assert refused.value.key == "web.refused.room_wait" and refused.value.status == 429
    assert desk.room_limited
    old = desk.code
    desk.renew_code()  # the facilitator's new code: the limit starts afresh
    assert desk.code != old and not desk.room_limited
    with pytest.raises(Refused):
        desk.join(old, "10.9.9.9", now=102.0)
    device, _token = desk.join(desk.code, "10.9.9.9", now=103.0)
    assert device.party_id is None


async def test_the_room_limit_is_a_clear_page(server: Server) -> None:
    for n in range(ROOM_WRONG_GUESSES):
        with pytest.raises(Refused):
            server.desk.join("ZZZZZZ", f"10.1.{n // 250}.{n % 250}")
    status, text = await server.phone().join("ABC234")
    assert status == 429 and "ask the facilitator for a new code" in text
    assert server.desk.devices == {}


async def test_joins_are_limited_per_address(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(joining, "JOINS_PER_ADDRESS", 2)
    for _ in range(2):
        status, _ = await server.phone().join("ABC234")
        assert status == 200
    status, text = await server.phone().join("ABC234")
    assert status == 429 and "Try again in" in text
    assert len(server.desk.devices) == 2


def test_devices_that_never_pick_a_party_are_dropped_after_a_while() -> None:
    desk = JoinDesk(code="ABC234")
    idle, _ = desk.join("ABC234", "10.0.0.1", now=0.0)
    busy, _ = desk.join("ABC234", "10.0.0.2", now=0.0)
    desk.choose_party(busy, "police", "Mari")
    assert desk.sweep(now=PICK_SECONDS - 1) == 0
    assert desk.sweep(now=PICK_SECONDS + 1) == 1
    assert [d.id for d in desk.listed()] == [busy.id]
    assert idle.id not in {d.id for d in desk.listed()}


def test_renewing_the_code_keeps_joined_devices_and_clears_wrong_guesses() -> None:
    desk = JoinDesk(code="ABC234")
    device, token = desk.join("ABC234", "10.0.0.1", now=0.0)
    for _ in range(WRONG_GUESSES):
        with pytest.raises(Refused):
            desk.join("ZZZZZZ", "10.0.0.2", now=1.0)
    desk.renew_code()
    assert desk.device(token) is device
    desk.join(desk.code, "10.0.0.2", now=2.0)  # the address may try the new code at once


async def test_invalid_utf8_is_a_400_with_a_message_and_headers(server: Server, room: Room) -> None:
    police = await joined(server, room.a)
    room.service.set_phase("agree")
    body = f"csrf={police.csrf}&activity={room.x}&text=".encode() + b"\xff\xfe caf\xe9"
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    async with police.http.post(police.base + "/commitment", data=body, headers=headers) as response:
        text = await response.text()
        assert response.status == 400
        assert "The form could not be read" in text
        assert response.headers["Content-Security-Policy"] == CSP
    assert room.service.session.commitments == ()
    await police.get("/?lang=et")
    async with police.http.post(police.base + "/commitment", data=body, headers=headers) as response:
        assert "Vormi ei õnnestunud lugeda" in await response.text()


async def test_every_answer_carries_the_security_headers(
    server: Server, room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    phone = server.phone()

    async def broken(request: web.Request) -> web.Response:
        raise RuntimeError("a bug")

    server.client.app.router._frozen = False  # a route that fails, to see the failure's answer
    server.client.app.router.add_get("/broken", broken)
    for method, path, status in (("GET", "/nope", 404), ("PUT", "/", 405), ("GET", "/broken", 500)):
        async with phone.http.request(method, phone.base + path) as response:
            text = await response.text()
            assert response.status == status, path
            assert response.headers["Content-Security-Policy"] == CSP, path
            assert response.headers["X-Content-Type-Options"] == "nosniff", path
            assert "Traceback" not in text and "a bug" not in text


async def test_a_full_disk_says_so_in_the_phones_language_without_a_path(
    server: Server, room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    police = await joined(server, room.a)
    await police.get("/?lang=et")
    path = room.service.path

    def full(*args: object, **kwargs: object) -> None:
        raise SessionWriteError(path, "No space left on device")

    monkeypatch.setattr(room.service, "place", full)
    status, text = await police.post("/place", {"activity": room.x, **PLACE})
    assert status == 409
    assert "ei saanud seda salvestada" in text
    assert str(path) not in text and str(path.parent) not in text
    assert "No space" not in text and "cannot save" not in text


async def test_an_english_only_refusal_is_not_shown_on_an_estonian_phone(
    server: Server, room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    police = await joined(server, room.a)
    await police.get("/?lang=et")
    error = web_server.ChangeRejected("something only the log says")
    monkeypatch.setattr(room.service, "place", lambda *a, **k: (_ for _ in ()).throw(error))
    status, text = await police.post("/place", {"activity": room.x, **PLACE})
    assert status == 400
    assert "Seda muudatust ei võetud vastu" in text and "only the log" not in text


async def test_a_session_file_that_cannot_be_read_is_a_page_not_a_traceback(
    server: Server, room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    police = await joined(server, room.a)
    await police.get("/?lang=et")

    def unreadable(self: object) -> None:
        raise SessionFileError(f"{room.service.path}: corrupt session file")

    monkeypatch.setattr(type(room.service), "session", property(unreadable))
    status, text = await police.get("/")
    assert status == 503 and "ei saa töötuba praegu avada" in text
    assert str(room.service.path) not in text


async def test_serve_says_once_when_the_room_limit_trips(room: Room, monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio

    from facilitator.web import running

    server = running.WebServer(room.service, JoinDesk(code="ABC234"))
    said: list[str] = []
    real_sleep = asyncio.sleep
    monkeypatch.setattr(running.asyncio, "sleep", lambda _s: real_sleep(0.01))
    watching = asyncio.create_task(running.watch_the_desk(server, lambda: said.append("limited")))
    for n in range(ROOM_WRONG_GUESSES + 1):
        with pytest.raises(Refused):
            server.desk.join("ZZZZZZ", f"10.3.{n // 250}.{n % 250}")
    await real_sleep(0.1)
    assert said == ["limited"]  # once, not every second
    watching.cancel()


async def test_a_request_that_is_not_http_is_one_line_in_the_terminal(
    room: Room, caplog: pytest.LogCaptureFixture
) -> None:
    import asyncio

    from facilitator.web.running import WebServer

    server = WebServer(room.service, JoinDesk(code="ABC234"))
    binding = await server.start("127.0.0.1", 0)
    reader, writer = await asyncio.open_connection("127.0.0.1", binding.port)
    writer.write(b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n")
    answer = await asyncio.wait_for(reader.read(4000), 5)
    writer.close()
    await server.stop()
    assert answer.startswith(b"HTTP/1.0 400")
    (record,) = [r for r in caplog.records if r.name == "facilitator.web.protocol"]
    assert record.exc_info is None  # no traceback, one line naming what was wrong
    assert "Invalid character in Content-Length" in record.getMessage()
    assert "\n" not in record.getMessage()


async def test_a_name_is_cleaned_and_an_over_long_one_refused(server: Server, room: Room) -> None:
    phone = server.phone()
    await phone.join("ABC234")
    status, text = await phone.post("/party", {"party": room.a, "name": "x" * 81})
    assert status == 400 and "at most 80" in text
    assert server.desk.listed()[0].party_id is None  # nothing chosen: it may try again
    status, _text = await phone.post("/party", {"party": room.a, "name": "Mari\u202e\x1b[31m Tamm"})
    assert status == 200
    assert server.desk.listed()[0].name == "Mari[31m Tamm"


async def test_after_the_reveal_a_phone_says_who_entered_each_placement(server: Server, room: Room) -> None:
    """A placement the facilitator entered for a party is shown as that, never as the party's
    own phone's; one a phone sent names the person who sent it."""
    police = await joined(server, room.a, "Mari")
    await police.post("/place", {"activity": room.x, **PLACE})
    room.service.place(room.x, room.b, "cooperation", "cooperation")  # in the room, for Municipality
    room.service.reveal(room.x)
    _, live = await police.get("/live")
    rows = {
        name: live.split(f'class="party">{name}', 1)[1].split("</th>", 1)[0]
        for name in ("Police", "Municipality")
    }
    assert rows["Police"].strip() == "<small>Mari</small>"
    assert rows["Municipality"].strip() == "<small>entered by the facilitator</small>"


async def test_a_phone_says_when_its_partys_placement_was_entered_by_the_facilitator(
    server: Server, room: Room
) -> None:
    police = await joined(server, room.a, "Mari")
    room.service.place(room.x, room.a, "cooperation", "cooperation")  # in the room, for Police
    _, live = await police.get("/live")
    assert "The facilitator entered this placement for your party." in live
    await police.post("/place", {"activity": room.x, **PLACE})  # now the phone's own
    _, live = await police.get("/live")
    assert "entered this placement" not in live and "The facilitator changed" not in live
    room.service.place(room.x, room.a, "cooperation", "cooperation")  # over the phone's: said so
    _, live = await police.get("/live")
    assert "The facilitator changed this placement, which Mari had sent from a phone." in live
    assert "entered this placement" not in live


def _items(live: str) -> dict[str, str]:
    """Each listed text of the roles page, with what follows it on its line."""
    found: dict[str, str] = {}
    for line in live.splitlines():
        line = line.replace('<span class="said">', "").replace("</span>", "")  # (a text keeps its lines)
        for text in ("We light it", "We fix lamps", "Report dark corners", "Pay for it", "Fine", "Later"):
            if text in line:
                found[text] = line.split(text, 1)[1]
    return found


async def test_a_phone_says_which_of_its_partys_words_the_facilitator_entered(
    server: Server, room: Room
) -> None:
    """Its commitments, its expectations and the answers to them: the rows keep no author, the
    log does. One the phone sent has no note; one the facilitator typed in for the party has."""
    police = await joined(server, room.a, "Mari")
    service = room.service
    service.agree(room.x, current="cooperation")
    service.set_phase("agree")
    service.add_commitment(room.x, room.a, "We light it")  # in the room, for Police
    await police.post("/commitment", {"activity": room.x, "text": "We fix lamps"})
    await police.post("/expectation", {"activity": room.x, "to_party": room.b, "text": "Pay for it"})
    theirs = service.add_expectation(room.x, room.b, room.a, "Report dark corners")
    ours = next(e.id for e in service.session.expectations if e.text == "Pay for it")
    service.answer_expectation(ours, "declined", "Later")  # for Municipality, in the room
    await police.post("/answer", {"expectation": theirs, "state": "amended", "response": "Fine"})
    _, live = await police.get("/live")
    items = _items(live)
    note = "<small>(entered by the facilitator)</small>"
    assert items["We light it"].startswith(f" {note}")
    assert "entered by the facilitator" not in items["We fix lamps"]
    assert "entered by the facilitator" not in items["Pay for it"].split("Later")[0]
    assert items["Later"].startswith("; entered by the facilitator)")
    assert items["Report dark corners"].startswith(f" {note}")  # Municipality's, as the room entered it
    assert "entered by the facilitator" not in items["Fine"]  # Police answered it from the phone
    phones = next(c.id for c in service.session.commitments if c.text == "We fix lamps")
    service.update_commitment(phones, "We fix lamps at night")  # reworded in the room: said so
    _, live = await police.get("/live")
    assert _items(live)["We fix lamps"].startswith(f" at night {note}")
