"""The room's rules through the server: each refusal comes from the core (`core.rules`), is
translated for the phone (one sentence, its language) and changes nothing; what a phone sends
is recorded with its device and the name typed, cleaned."""

from __future__ import annotations

import html

from facilitator.core.i18n import Translator
from facilitator.core.text import TEXT_LIMIT

from .conftest import Phone, Room, Server


async def joined(server: Server, party: str, name: str = "", lang: str = "en") -> Phone:
    phone = server.phone()
    status, _ = await phone.join("ABC234", party, name)
    assert status == 200
    await phone.get(f"/?lang={lang}")
    return phone


async def refused(room: Room, phone: Phone, path: str, data: dict[str, str], status: int) -> str:
    before = room.service.session.last_seq
    got, text = await phone.post(path, data)
    assert got == status
    assert room.service.session.last_seq == before
    return html.unescape(text)


async def test_a_phone_places_only_the_open_activity_in_the_placement_phase(
    server: Server, room: Room
) -> None:
    police = await joined(server, room.a, "Mari Tamm", lang="et")
    said = await refused(
        room, police, "/place", {"activity": room.y, "current": "communication", "wished": "cooperation"}, 403
    )
    assert Translator("et")("error.not_involved", party="Police", activity="Youth nights") in said
    room.service.open_placement(None)
    said = await refused(
        room, police, "/place", {"activity": room.x, "current": "communication", "wished": "cooperation"}, 403
    )
    assert "Läbiviija ei ole tegevust „Street lights“ paigutamiseks avanud." in said
    room.service.open_placement(room.x)
    room.service.set_phase("intro")
    said = await refused(
        room, police, "/place", {"activity": room.x, "current": "communication", "wished": "cooperation"}, 403
    )
    assert "oodake, kuni läbiviija selle avab" in said


async def test_a_phone_signs_off_and_commits_only_in_the_roles_phase_on_an_agreed_rung(
    server: Server, room: Room
) -> None:
    police = await joined(server, room.a)
    said = await refused(room, police, "/signoff", {"activity": room.x}, 403)
    assert "roles and expectations phase" in said
    room.service.set_phase("agree")
    said = await refused(room, police, "/commitment", {"activity": room.x, "text": "We will"}, 403)
    assert "“Street lights” has no agreed rung yet" in said
    room.service.agree(room.x, current="cooperation")
    status, _ = await police.post("/signoff", {"activity": room.x})
    assert status == 200
    asked = room.service.add_expectation(room.x, room.b, room.a, "Report broken lights")
    room.service.sign_off(room.x, room.a)  # adding the expectation reopened the sign-off
    said = await refused(
        room, police, "/answer", {"expectation": asked, "state": "declined", "response": "No"}, 403
    )
    assert Translator("en")("error.rule.signed_off", party="Police", activity="Street lights") in said


async def test_a_text_over_the_limit_is_refused_with_the_limit(server: Server, room: Room) -> None:
    room.service.agree(room.x, current="cooperation")
    room.service.set_phase("agree")
    police = await joined(server, room.a, lang="et")
    said = await refused(room, police, "/commitment", {"activity": room.x, "text": "x" * 31_000}, 400)
    assert f"{TEXT_LIMIT:,}".replace(",", "\u00a0") in said and "lubadus" in said  # 4 000 in Estonian


async def test_what_a_phone_sends_is_recorded_with_its_device_and_the_name_typed(
    server: Server, room: Room
) -> None:
    police = await joined(server, room.a, "Mari\x1b Tamm\u202e")
    status, _ = await police.post(
        "/place", {"activity": room.x, "current": "communication", "wished": "cooperation"}
    )
    assert status == 200
    (device,) = [d for d in server.desk.listed() if d.party_id == room.a]
    (event,) = [e for e in room.service.session.events if e.kind == "placement.recorded"]
    assert (event.actor, event.device) == ("Mari Tamm", device.id)
    (placement,) = room.service.session.placements
    assert (placement.by, placement.device) == ("Mari Tamm", device.id)


async def test_the_phone_says_when_the_facilitator_changed_its_placement(server: Server, room: Room) -> None:
    police = await joined(server, room.a, "Mari Tamm", lang="et")
    await police.post("/place", {"activity": room.x, "current": "communication", "wished": "cooperation"})
    _, text = await police.get("/")
    assert "Läbiviija muutis" not in text
    room.service.place(room.x, room.a, "coordination", "coordination")  # the facilitator, in the app
    _, text = await police.get("/")
    assert "Läbiviija muutis seda paigutust, mille Mari Tamm oli saatnud telefonist." in html.unescape(text)


async def test_the_page_offers_only_the_forms_the_party_may_use_and_says_why(
    server: Server, room: Room
) -> None:
    room.service.set_phase("agree")
    police = await joined(server, room.a)
    _, text = await police.get("/")
    assert "“Street lights” has no agreed rung yet" in html.unescape(text)
    assert 'action="/commitment"' not in text and 'action="/signoff"' not in text
    room.service.agree(room.x, current="cooperation")
    _, text = await police.get("/")
    assert 'action="/commitment"' in text and 'action="/signoff"' in text


async def test_an_answer_can_be_changed_on_the_phone_until_the_party_signs_off(
    server: Server, room: Room
) -> None:
    room.service.agree(room.x, current="cooperation")
    room.service.set_phase("agree")
    asked = room.service.add_expectation(room.x, room.b, room.a, "Report broken lights")
    police = await joined(server, room.a)
    status, text = await police.post("/answer", {"expectation": asked, "state": "accepted"})
    assert status == 200 and "Change the answer" in text
    status, _ = await police.post(
        "/answer", {"expectation": asked, "state": "declined", "response": "Not weekly"}
    )
    assert status == 200 and room.service.session.expectations[0].state == "declined"
    status, text = await police.post("/signoff", {"activity": room.x})
    assert status == 200 and "Change the answer" not in text
    answers = [e.data["state"] for e in room.service.session.events if e.kind == "expectation.answered"]
    assert answers == ["accepted", "declined"]


async def test_a_closed_workshop_takes_nothing_from_a_phone_and_its_page_says_so(
    server: Server, room: Room
) -> None:
    room.service.agree(room.x, current="cooperation")
    room.service.set_phase("agree")
    room.service.add_commitment(room.x, room.a, "We light the corners")
    police = await joined(server, room.a, lang="et")
    room.service.close_session()
    said = await refused(room, police, "/signoff", {"activity": room.x}, 403)
    assert "Töötuba on lõpetatud: muudatusi enam ei tehta." in said
    assert room.service.session.events[-1].kind == "session.closed"
    _, text = await police.get("/")
    page = html.unescape(text)
    assert "Töötuba on lõpetatud." in page and "Street lights" in page and "We light the corners" in page
    assert "<form" not in text.split('id="live-root"')[1]
