"""Every form of the phone's page sent again, as phones do: a double tap, the page's script
sending the second tap after the first was answered, a send from the page the back button
shows again, a form left open while the facilitator moved on (round revealed, device moved,
phase over). Each lands where the person meant to be or says why in one sentence of the
page's language; none records a second change or a change for another party."""

from __future__ import annotations

import asyncio
import html
import re

import aiohttp
import pytest

from facilitator.core.i18n import Translator
from tests.web.conftest import Phone, Room, Server
from tests.web.test_followup_web import later, police_phone, served
from tests.web.test_form_once import CASES, agreeing, filled, form_of, recorded, signed, to_answer

__all__ = ["later", "served"]  # the follow-up session's fixtures

NOTICE = re.compile(r'<section class="card notice" role="alert">.*?<p class="big">(.*?)</p>', re.S)
LIVE = {"X-Live-Part": "1"}


def said(text: str) -> str:
    """The one sentence of a message page ("" for any other page)."""
    found = NOTICE.search(text)
    return html.unescape(found.group(1)) if found else ""


async def joined(server: Server, party: str, lang: str = "en") -> Phone:
    phone = server.phone()
    status, _ = await phone.join("ABC234", party)
    assert status == 200
    await phone.get(f"/?lang={lang}")
    return phone


async def test_a_double_tapped_join_is_one_device_on_the_party_choice(server: Server) -> None:
    phone = server.phone()
    await phone.get("/")
    pre = phone.csrf
    answers = await asyncio.gather(  # no script: both taps go, with the same join form
        phone.post("/join", {"code": "ABC234"}), phone.post("/join", {"code": "ABC234"})
    )
    assert [status for status, _ in answers] == [200, 200]
    assert len(server.desk.devices) == 1
    # The script's queue: the second tap goes once the first is answered (device cookie set,
    # the join form's cookie gone), as does a join form sent again after the back button.
    server.desk.set_open(False)  # even once the facilitator has closed joining
    status, text = await phone.post("/join", {"code": "ABC234", "csrf": pre})
    assert status == 200 and said(text) == ""
    assert 'action="/party"' in text and len(server.desk.devices) == 1


async def test_a_join_form_sent_again_long_after_is_a_new_device(server: Server) -> None:
    """The same join form is the same device only for a moment: never an old device's cookie."""
    first, token = server.desk.join("ABC234", "1.2.3.4", now=1000.0, pre="p" * 32)
    again, same = server.desk.join("ABC234", "1.2.3.4", now=1001.0, pre="p" * 32)
    assert (again, same) == (first, token)
    later, other = server.desk.join("ABC234", "1.2.3.4", now=1100.0, pre="p" * 32)
    assert later is not first and other != token and len(server.desk.devices) == 2


async def test_choosing_the_same_party_again_lands_on_its_page(server: Server, room: Room) -> None:
    phone = server.phone()
    await phone.join("ABC234")
    await phone.get("/?lang=et")
    answers = await asyncio.gather(
        phone.post("/party", {"party": room.a}), phone.post("/party", {"party": room.a})
    )
    assert [status for status, _ in answers] == [200, 200]
    assert all(said(text) == "" and 'action="/place"' in text for _, text in answers)
    status, text = await phone.post("/party", {"party": room.a})  # the back button's page, again
    assert status == 200 and 'action="/place"' in text
    status, text = await phone.post("/party", {"party": room.b})  # another party: refused
    assert status == 403
    assert said(text) == Translator("et")("web.refused.party_fixed")
    assert [d.party_id for d in server.desk.devices.values()] == [room.a]


async def test_leaving_twice_lands_on_the_join_page(server: Server, room: Room) -> None:
    phone = await joined(server, room.a)
    csrf = phone.csrf
    status, text = await phone.post("/leave", {})
    assert status == 200 and 'action="/join"' in text
    status, text = await phone.post("/leave", {"csrf": csrf})  # the second tap
    assert status == 200 and said(text) == "" and 'action="/join"' in text
    assert server.desk.devices == {}


async def test_the_same_placement_from_a_new_page_is_not_recorded_again(server: Server, room: Room) -> None:
    phone = await joined(server, room.a)
    first = await filled(phone, room, "placement")
    assert (await phone.post("/place", first))[0] == 200
    again = await filled(phone, room, "placement")  # the page shown again: a new `once`
    status, text = await phone.post("/place", again, headers=LIVE)
    assert status == 200 and "Placed" in text
    assert recorded(room, "placement.recorded") == 1
    other = await filled(phone, room, "placement")
    assert (await phone.post("/place", {**other, "wished": "coordination"}))[0] == 200
    assert recorded(room, "placement.recorded") == 2  # a change of mind is recorded
    second = await joined(server, room.a)  # another device of the party: its own say
    assert (await second.post("/place", await filled(second, room, "placement")))[0] == 200
    assert recorded(room, "placement.recorded") == 3


async def test_a_sign_off_sent_again_is_given_once(server: Server, room: Room) -> None:
    agreeing(room)
    phone = await joined(server, room.a, lang="et")
    first = await filled(phone, room, "sign-off")
    again = await filled(phone, room, "sign-off")  # a second tab, or the page before the answer
    assert (await phone.post("/signoff", first))[0] == 200
    status, text = await phone.post("/signoff", again)
    assert status == 200 and said(text) == ""
    assert recorded(room, "signoff.given") == 1
    status, text = await phone.get(f"/signoff?activity={room.x}")  # the back button: nothing to ask
    assert status == 200 and 'action="/signoff"' not in text and 'action="/withdraw"' in text


async def test_a_withdrawal_sent_again_is_made_once(server: Server, room: Room) -> None:
    signed(room)
    phone = await joined(server, room.a)
    first = await filled(phone, room, "withdraw")
    again = await filled(phone, room, "withdraw")
    assert (await phone.post("/withdraw", first))[0] == 200
    status, text = await phone.post("/withdraw", again)
    assert status == 200 and said(text) == ""  # not "That was removed in the meantime"
    assert recorded(room, "signoff.withdrawn") == 1


async def test_the_same_answer_from_a_new_page_is_not_recorded_again(server: Server, room: Room) -> None:
    to_answer(room)
    phone = await joined(server, room.a)
    assert (await phone.post("/answer", await filled(phone, room, "answer")))[0] == 200
    status, text = await phone.post("/answer", await filled(phone, room, "answer"))
    assert status == 200 and said(text) == ""
    assert recorded(room, "expectation.answered") == 1
    other = {**await filled(phone, room, "answer"), "state": "amended", "response": "By June"}
    assert (await phone.post("/answer", other))[0] == 200
    assert recorded(room, "expectation.answered") == 2


async def test_the_same_follow_up_answer_again_is_not_recorded_again(served: Server, later: object) -> None:
    from facilitator.core.followup import promises
    from facilitator.core.service import SessionService

    assert isinstance(later, SessionService)
    later.set_phase("followup")
    phone = await police_phone(served, later)
    item = promises(later.session)[0].id
    for once in ("a" * 16, "b" * 16):  # two pages' forms, the same answer
        status, text = await phone.post(
            "/followup", {"item": item, "outcome": "partly", "note": "most ", "once": once}
        )
        assert status == 200 and said(text) == ""
    assert sum(1 for e in later.session.events if e.kind == "followup.recorded") == 1


async def test_a_form_from_before_the_device_was_moved_is_not_recorded_for_the_new_party(
    server: Server, room: Room
) -> None:
    agreeing(room)
    phone = await joined(server, room.a, lang="et")
    form = await filled(phone, room, "commitment")
    assert form["party"] == room.a
    device = next(iter(server.desk.devices.values()))
    server.desk.move(device.id, room.b)  # B takes part in the activity too
    status, text = await phone.post("/commitment", form)
    assert status == 409
    assert said(text) == Translator("et")("web.refused.moved", party="Municipality")
    assert room.service.session.commitments == ()
    status, text = await phone.post("/commitment", await filled(phone, room, "commitment"))
    assert status == 200 and [c.party_id for c in room.service.session.commitments] == [room.b]


async def test_a_placement_after_the_reveal_is_refused_in_the_phones_words(
    server: Server, room: Room
) -> None:
    phone = await joined(server, room.a, lang="et")
    form = await filled(phone, room, "placement")
    room.service.reveal(room.x)
    status, text = await phone.post("/place", form)
    assert status == 403
    assert (
        said(text)
        == "See voor on juba avalikustatud: teie paigutust enam muuta ei saa. Tulemus on teie lehel."
    )
    assert recorded(room, "placement.recorded") == 0


async def test_a_placement_applied_then_sent_again_after_the_reveal_is_answered_as_done(
    server: Server, room: Room
) -> None:
    """A stale `once` of a sending that landed: its answer, not a refusal of what was done."""
    phone = await joined(server, room.a)
    form = await filled(phone, room, "placement")
    assert (await phone.post("/place", form))[0] == 200
    room.service.reveal(room.x)
    status, text = await phone.post("/place", form)
    assert status == 200 and said(text) == "" and "Everyone's placements" in html.unescape(text)
    assert recorded(room, "placement.recorded") == 1


async def test_the_sign_off_page_after_the_phase_moved_on_says_why(server: Server, room: Room) -> None:
    agreeing(room)
    phone = await joined(server, room.a, lang="et")
    room.service.set_phase("place")
    status, text = await phone.get(f"/signoff?activity={room.x}")
    assert status == 403 and 'action="/signoff"' not in text
    assert said(text) == Translator("et")("error.rule.not_agreeing")


async def test_a_post_without_the_script_answers_with_a_redirect(server: Server, room: Room) -> None:
    """A reload after a post reloads the page (a GET): the browser never asks to resend a form."""
    phone = await joined(server, room.a)
    form = await filled(phone, room, "placement")
    async with phone.http.post(phone.base + "/place", data=form, allow_redirects=False) as response:
        assert response.status == 303
    async with phone.http.post(phone.base + "/place", data=form, allow_redirects=False) as response:
        assert response.status == 303  # sent again: the same answer
    assert isinstance(phone.http, aiohttp.ClientSession)


@pytest.mark.parametrize("case", CASES)
async def test_every_form_sent_after_the_workshop_closed_is_refused_in_words(
    server: Server, room: Room, case: str
) -> None:
    """The page was open when the facilitator closed the workshop: one sentence, nothing recorded."""
    set_up, _page, action, _fields, _kind = CASES[case]
    set_up(room)
    phone = await joined(server, room.a, lang="et")
    form = await filled(phone, room, case)
    room.service.close_session()
    before = room.service.session.last_seq
    status, text = await phone.post(action, form)
    assert status == 403
    assert said(text) == Translator("et")("error.rule.closed")
    assert room.service.session.last_seq == before


async def test_a_moved_device_s_page_names_its_new_party_at_once(server: Server, room: Room) -> None:
    """The party line is in the live part: the page that updates itself says the new party."""
    phone = await joined(server, room.a)
    device = next(iter(server.desk.devices.values()))
    server.desk.move(device.id, room.b)
    status, text = await phone.get("/live")
    assert status == 200 and "Your party: Municipality" in text and 'name="party" value="' + room.b in text


async def test_a_sign_off_on_an_agreement_changed_since_the_page_is_refused_and_asked_again(
    server: Server, room: Room
) -> None:
    """The sign-off page was shown; the facilitator added a commitment before Yes: nothing is
    recorded (checked under the lock), it says so in the page's language, and the question is
    asked again on the agreement as it is now; Yes on that one signs."""
    agreeing(room)
    phone = await joined(server, room.a, lang="et")
    shown = await filled(phone, room, "sign-off")
    assert shown["mark"].isdigit()
    room.service.add_commitment(room.x, room.b, "We fund two lamps")  # the facilitator, meanwhile
    status, text = await phone.post("/signoff", shown)
    assert status == 409 and recorded(room, "signoff.given") == 0
    said_now = Translator("et")("error.change.agreement_changed")
    assert said_now.startswith("Kokkulepet muudeti") and said_now in html.unescape(text)
    again = form_of(text, "/signoff")
    assert int(again["mark"]) > int(shown["mark"])
    status, text = await phone.post("/signoff", again)
    assert status == 200 and recorded(room, "signoff.given") == 1


async def test_the_live_page_asks_for_a_sign_off_on_the_agreement_it_shows(
    server: Server, room: Room
) -> None:
    """The live page's button carries the agreement it showed: changed before the question
    opened, the question says so and asks on the agreement as it is now."""
    agreeing(room)
    phone = await joined(server, room.a, lang="et")
    status, page = await phone.get("/")
    mark = re.search(r'name="mark" value="(\d+)"', page)
    assert status == 200 and mark is not None
    status, text = await phone.get(f"/signoff?activity={room.x}&mark={mark.group(1)}")
    assert status == 200 and "Kokkulepet muudeti" not in html.unescape(text)
    room.service.add_commitment(room.x, room.b, "We fund two lamps")  # the facilitator, meanwhile
    status, text = await phone.get(f"/signoff?activity={room.x}&mark={mark.group(1)}")
    assert status == 200 and "Kokkulepet muudeti pärast selle näitamist" in html.unescape(text)
    assert int(form_of(text, "/signoff")["mark"]) > int(mark.group(1))
    assert recorded(room, "signoff.given") == 0
