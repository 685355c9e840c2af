"""Every endpoint of the participants' server through aiohttp's test client, refusals included."""

from __future__ import annotations

import asyncio
import logging
import re

import aiohttp
import pytest

from facilitator.web import core_api
from facilitator.web import server as web_server
from facilitator.web.joining import GUESS_WINDOW, WRONG_GUESSES, JoinDesk
from facilitator.web.running import WebServer
from facilitator.web.server import CSP, MAX_BODY
from tests.web.conftest import Phone, Room, Server

HOSTILE = '<script>alert(1)</script> "quoted" [b]x[/b]'


async def joined(server: Server, party: str, name: str = "") -> Phone:
    phone = server.phone()
    status, _text = await phone.join("abc-234", party, name)  # case and dashes don't matter
    assert status == 200
    return phone


def placements(room: Room) -> list[tuple[str, str, str]]:
    return [(p.party_id, p.current, p.wished) for p in room.service.session.placements]


async def test_join_page_has_strict_headers_and_no_inline_script(server: Server) -> None:
    phone = server.phone()
    async with phone.http.get(phone.base + "/?code=ABC234") as response:
        text = await response.text()
        assert response.status == 200
        assert response.headers["Content-Security-Policy"] == CSP
        assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        cookie = response.cookies["fac_pre"]
        assert cookie["httponly"] and cookie["samesite"] == "Strict"
    assert 'value="ABC234"' in text  # the QR code's address fills the code in
    assert "<script>" not in text and "onclick" not in text and "style=" not in text


async def test_join_sets_a_random_httponly_strict_device_cookie(server: Server, room: Room) -> None:
    phone = server.phone()
    await phone.get("/")
    async with phone.http.post(
        phone.base + "/join", data={"code": "ABC234", "csrf": phone.csrf}, allow_redirects=False
    ) as response:
        assert response.status == 303
        cookie = response.cookies["fac_device"]
        assert cookie["httponly"] and cookie["samesite"] == "Strict"
        assert len(cookie.value) >= 40
    _status, text = await phone.get("/")
    assert "Police" in text and "Municipality" in text  # now: pick your party
    assert len(server.desk.devices) == 1


async def test_wrong_code_is_refused_and_rate_limited_per_address(server: Server) -> None:
    phone = server.phone()
    for _ in range(WRONG_GUESSES):
        status, text = await phone.join("ZZZZZZ")
        assert status == 403
        assert "not right" in text
    status, text = await phone.join("ABC234")  # even the right code, until the window passes
    assert status == 429
    assert "Try again in" in text
    assert server.desk.devices == {}
    assert GUESS_WINDOW >= 30


async def test_join_without_the_form_token_is_refused(server: Server) -> None:
    phone = server.phone()
    status, text = await phone.post("/join", {"code": "ABC234"}, csrf=False)
    assert status == 403
    assert "expired" in text
    assert server.desk.devices == {}


async def test_joining_closed_refuses_new_devices_but_keeps_joined_ones(server: Server, room: Room) -> None:
    first = await joined(server, room.a)
    server.desk.open = False
    late = server.phone()
    status, text = await late.get("/")
    assert "Joining is closed" in text
    status, text = await late.join("ABC234")
    assert status == 403
    assert "Joining is closed" in text
    status, text = await first.get("/")
    assert status == 200 and "Street lights" in text
    assert len(server.desk.devices) == 1


async def test_device_cap_answers_a_clear_message(server: Server, room: Room) -> None:
    for _ in range(server.desk.max_devices):
        await joined(server, room.a)
    status, text = await server.phone().join("ABC234")
    assert status == 503
    assert "full: 5 devices" in text


async def test_party_choice_must_be_a_party_and_the_name_is_kept_as_text(server: Server, room: Room) -> None:
    phone = server.phone()
    await phone.join("ABC234")
    status, text = await phone.post("/party", {"party": "nope"})
    assert status == 400
    status, text = await phone.post("/party", {"party": room.a, "name": HOSTILE})
    assert status == 200
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


async def test_the_page_follows_the_room(server: Server, room: Room) -> None:
    phone = await joined(server, room.a)
    _status, text = await phone.get("/")
    assert "Street lights" in text and "Fix the dark corners" in text
    assert "Police, Municipality" in text
    assert text.count('type="radio"') == 8  # four rungs, now and wished
    assert "1. Communication" in text and "Information exchange between the parties." in text


async def test_place_then_change_until_reveal(server: Server, room: Room) -> None:
    phone = await joined(server, room.a, "Mari")
    status, text = await phone.post(
        "/place", {"activity": room.x, "current": "communication", "wished": "coordination"}
    )
    assert status == 200
    assert "Placed" in text
    status, text = await phone.post(
        "/place", {"activity": room.x, "current": "cooperation", "wished": "collaboration"}
    )
    assert "Placed" in text
    assert placements(room) == [(room.a, "cooperation", "collaboration")]
    assert room.service.session.events[-1].actor == "Mari"


async def test_the_pages_script_gets_the_live_part_as_the_answer_a_plain_form_the_redirect(
    server: Server, room: Room
) -> None:
    """The script swaps the live part in: no page fetched by the redirect and thrown away, then
    loaded again. A form sent without script still gets post, redirect, get."""
    phone = await joined(server, room.a)
    form = {"activity": room.x, "current": "communication", "wished": "coordination"}
    status, text = await phone.post("/place", form, headers={"X-Live-Part": "1"}, allow_redirects=False)
    assert status == 200
    assert text.lstrip().startswith('<div id="live-root"') and "✓ Placed" in text and "<html" not in text
    _, live = await phone.get("/live")
    new_each_time = re.compile(r' data-version="\d+"| name="once" value="[0-9a-f]+"')  # as the script does
    assert new_each_time.sub("", text) == new_each_time.sub("", live)  # (the news moved the version since)
    status, _ = await phone.post("/place", form, allow_redirects=False)
    assert status == 303
    bad = {**form, "current": "no-such-rung"}
    status, text = await phone.post("/place", bad, headers={"X-Live-Part": "1"}, allow_redirects=False)
    assert status == 400 and "<html" in text  # a refusal is its own page, as before


async def test_placements_of_others_are_never_shown_before_the_reveal(server: Server, room: Room) -> None:
    police = await joined(server, room.a)
    town = await joined(server, room.b)
    await town.post("/place", {"activity": room.x, "current": "collaboration", "wished": "collaboration"})
    await police.post("/place", {"activity": room.x, "current": "communication", "wished": "communication"})
    _, text = await police.get("/")
    assert "4. Collaboration" not in text.split("Where is it now?")[0]
    assert 'value="collaboration" required\n          checked' not in text
    _, live = await police.get("/live")
    assert "Everyone&#39;s placements" not in live and "Everyone's placements" not in live
    room.service.reveal(room.x)
    _, live = await police.get("/live")
    assert "Everyone" in live
    assert "Municipality" in live and "4. Collaboration" in live and "1. Communication" in live


async def test_another_partys_placement_is_refused(server: Server, room: Room) -> None:
    residents = await joined(server, room.c)  # not part of Street lights
    _, text = await residents.get("/")
    assert "not part of this activity" in text
    status, text = await residents.post(
        "/place", {"activity": room.x, "current": "communication", "wished": "communication"}
    )
    assert status == 403
    assert placements(room) == []
    police = await joined(server, room.a)  # the form's party is only the page's: another is refused
    status, _ = await police.post(
        "/place", {"activity": room.x, "party": room.b, "current": "communication", "wished": "communication"}
    )
    assert status == 409 and placements(room) == []
    await police.post("/place", {"activity": room.x, "current": "communication", "wished": "communication"})
    assert placements(room) == [(room.a, "communication", "communication")]


async def test_placing_after_the_reveal_is_refused(server: Server, room: Room) -> None:
    police = await joined(server, room.a)
    room.service.reveal(room.x)
    status, _text = await police.post(
        "/place", {"activity": room.x, "current": "communication", "wished": "communication"}
    )
    assert status == 403
    assert placements(room) == []


async def test_a_phone_cannot_reveal_or_agree(server: Server, room: Room) -> None:
    police = await joined(server, room.a)
    for path in ("/reveal", "/agree", "/phase", "/revote"):
        status, text = await police.post(path, {"activity": room.x, "id": room.x})
        assert status in (404, 405)
        assert "no such page" in text
    assert not room.service.session.activity(room.x).revealed
    facade = core_api.for_party(room.service, room.a)
    assert not hasattr(facade, "reveal") and not hasattr(facade, "agree")


async def test_bad_rung_is_a_clear_message_and_changes_nothing(server: Server, room: Room) -> None:
    police = await joined(server, room.a)
    status, text = await police.post("/place", {"activity": room.x, "current": "top", "wished": ""})
    assert status == 400
    assert "rung" in text
    assert placements(room) == []


async def test_changes_need_the_form_token(server: Server, room: Room) -> None:
    police = await joined(server, room.a)
    data = {"activity": room.x, "current": "communication", "wished": "communication"}
    status, _text = await police.post("/place", data, csrf=False)
    assert status == 403
    status, _ = await police.post("/place", {**data, "csrf": "forged"}, csrf=False)
    assert status == 403
    status, _ = await police.post("/place", data, headers={"Origin": "http://evil.example"})
    assert status == 403
    assert placements(room) == []


async def test_changes_need_a_joined_device(server: Server, room: Room) -> None:
    stranger = server.phone()
    status, text = await stranger.post(
        "/place", {"activity": room.x, "current": "communication", "wished": "communication"}
    )
    assert status == 401
    assert "has not joined" in text
    for path in ("/live", "/events", "/version"):
        async with stranger.http.get(stranger.base + path) as response:
            assert response.status == 401
    assert placements(room) == []


async def test_an_oversized_body_is_refused_with_a_message(server: Server, room: Room) -> None:
    police = await joined(server, room.a)
    status, text = await police.post("/commitment", {"activity": room.x, "text": "x" * (MAX_BODY + 1)})
    assert status == 413
    assert "too much text" in text
    assert room.service.session.commitments == ()


async def test_removed_device_stops_working(server: Server, room: Room) -> None:
    police = await joined(server, room.a)
    (device,) = server.desk.listed()
    assert server.desk.remove(device.id)
    status, text = await police.post(
        "/place", {"activity": room.x, "current": "communication", "wished": "communication"}
    )
    assert status == 401
    _, text = await police.get("/")
    assert "Join the workshop" in text


async def test_leave_forgets_the_device(server: Server, room: Room) -> None:
    police = await joined(server, room.a)
    status, text = await police.post("/leave", {})
    assert status == 200 and "Join the workshop" in text
    assert server.desk.devices == {}


async def test_language_switch(server: Server, room: Room) -> None:
    police = await joined(server, room.a)
    _, text = await police.get("/?lang=et")
    assert 'lang="et"' in text and "Paigutamiseks avatud" in text
    _, text = await police.get("/?lang=en")
    assert "Open for placing" in text


async def test_version_and_events_follow_changes(server: Server, room: Room) -> None:
    police = await joined(server, room.a)
    async with police.http.get(police.base + "/version") as response:
        before = (await response.json())["version"]
    async with police.http.get(police.base + "/events") as stream:
        assert stream.headers["Content-Type"] == "text/event-stream"
        first = await asyncio.wait_for(stream.content.readline(), 2)
        assert first.startswith(b"data: ")
        await stream.content.readline()
        room.service.set_phase("agree")  # the facilitator, through their own service
        # The live part itself comes on the stream (no fetch): an event named `live`, the
        # page's HTML one `data:` line each, a blank line after.
        lines = [await asyncio.wait_for(stream.content.readline(), 1.0)]
        while lines[-1] != b"\n":
            lines.append(await asyncio.wait_for(stream.content.readline(), 1.0))
        assert lines[0] == b"event: live\n"
        assert all(line.startswith(b"data: ") for line in lines[1:-1])
        html = "\n".join(line[6:].decode().rstrip("\n") for line in lines[1:-1])
        _, page = await police.get("/live")
        assert html == page  # what /live answers, exactly
        assert "Roles and expectations" in html
    async with police.http.get(police.base + "/version") as response:
        assert (await response.json())["version"] > before


async def test_a_device_without_a_party_is_told_the_version(server: Server, room: Room) -> None:
    phone = server.phone()
    status, _text = await phone.join("ABC234")
    assert status == 200
    async with phone.http.get(phone.base + "/events") as stream:
        await asyncio.wait_for(stream.content.readline(), 2)
        await stream.content.readline()
        room.service.set_phase("agree")
        line = await asyncio.wait_for(stream.content.readline(), 1.0)
        assert line.startswith(b"data: ")  # nothing to push: the page reloads what it shows


@pytest.fixture
async def agreeing(server: Server, room: Room) -> tuple[Phone, str]:
    room.service.agree(room.x, current="cooperation")  # a party agrees only on an agreed rung
    room.service.set_phase("agree")
    expectation = room.service.add_expectation(room.x, room.b, room.a, "Report broken lights")
    return await joined(server, room.a), expectation


async def test_expectations_to_my_party_are_listed_and_answered(
    server: Server, room: Room, agreeing: tuple[Phone, str]
) -> None:
    police, expectation = agreeing
    _, text = await police.get("/")
    assert "Report broken lights" in text and "Expected of us" in text
    assert "Youth nights" not in text  # not the police's activity
    status, text = await police.post(
        "/answer", {"expectation": expectation, "state": "amended", "response": "Report within a week"}
    )
    assert status == 200
    (answered,) = room.service.session.expectations
    assert (answered.state, answered.response) == ("amended", "Report within a week")
    assert 'amended: <span class="said">Report within a week</span>' in text  # (its lines kept)


async def test_decline_needs_a_reason(server: Server, room: Room, agreeing: tuple[Phone, str]) -> None:
    police, expectation = agreeing
    status, _text = await police.post("/answer", {"expectation": expectation, "state": "declined"})
    assert status == 400
    assert room.service.session.expectations[0].state == "open"


async def test_another_partys_expectation_cannot_be_answered(
    server: Server, room: Room, agreeing: tuple[Phone, str]
) -> None:
    _police, _ = agreeing
    other = room.service.add_expectation(room.x, room.a, room.b, "Budget for lights")
    police = _police
    status, _ = await police.post("/answer", {"expectation": other, "state": "accepted"})
    assert status == 403
    assert [e.state for e in room.service.session.expectations] == ["open", "open"]


async def test_commitments_expectations_and_sign_off(
    server: Server, room: Room, agreeing: tuple[Phone, str]
) -> None:
    police, _ = agreeing
    await police.post("/commitment", {"activity": room.x, "text": HOSTILE})
    status, text = await police.post(
        "/expectation", {"activity": room.x, "to_party": room.b, "text": "Fund two lamps"}
    )
    assert status == 200
    assert "&lt;script&gt;" in text and "<script>alert" not in text
    status, _ = await police.post("/expectation", {"activity": room.x, "to_party": room.a, "text": "x"})
    assert status == 403  # not to ourselves
    status, _ = await police.post("/commitment", {"activity": room.y, "text": "Not ours"})
    assert status == 403
    status, text = await police.post("/signoff", {"activity": room.x})
    assert "Signed off" in text
    session = room.service.session
    assert [c.text for c in session.commitments] == [HOSTILE]
    assert [(e.from_party, e.to_party) for e in session.expectations][-1] == (room.a, room.b)
    assert [(s.activity_id, s.party_id) for s in session.signoffs] == [(room.x, room.a)]


async def test_static_files_are_served_from_the_package(server: Server) -> None:
    phone = server.phone()
    for path, kind in (("/static/app.js", "javascript"), ("/static/app.css", "text/css")):
        async with phone.http.get(phone.base + path) as response:
            assert response.status == 200
            assert kind in response.headers["Content-Type"]
            body = await response.text()
            assert "http://" not in body and "https://" not in body  # nothing from elsewhere


async def test_a_phone_leaving_its_event_stream_leaves_no_error_in_the_log(
    room: Room, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A phone closing the page is normal: its stream ends quietly, no stack trace in `serve`.

    Served as `serve` serves (`WebServer`: a lost connection does not cancel the handler)."""
    monkeypatch.setattr(web_server, "KEEPALIVE_SECONDS", 0.02)
    served = WebServer(room.service, JoinDesk(code="ABC234"))
    binding = await served.start(port=0)
    caplog.set_level(logging.DEBUG)
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        police = Phone(http, binding.url.rstrip("/"))
        assert (await police.join("ABC234", room.a))[0] == 200
        async with http.get(police.base + "/events") as stream:
            await asyncio.wait_for(stream.content.readline(), 2)
            stream.close()  # the phone closes the page
        await asyncio.sleep(0.3)  # keep-alives written to the gone phone
    await served.stop()
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text


async def test_a_live_part_reads_the_session_once(
    server: Server, room: Room, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each read of the session is a look at its file (a `stat`); forty live parts after a
    burst asked for it some five times each (language, title, page, ...)."""
    from facilitator.core.store import SessionFile

    phone = await joined(server, room.a)
    reads: list[int] = []
    real = SessionFile.current
    monkeypatch.setattr(SessionFile, "current", lambda self: reads.append(1) or real(self))
    status, _ = await phone.get("/live")
    assert status == 200
    assert len(reads) <= 2  # (the device's party checked, then the part)
