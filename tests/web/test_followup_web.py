"""A phone answers for its own party's promises of last time, in the follow-up phase; the
facilitator confirms. Through aiohttp's test client, refusals included."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from facilitator.core.followup import promises
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService
from facilitator.web.joining import JoinDesk
from facilitator.web.server import make_app
from tests.web.conftest import Phone, Server

HOSTILE = '<script>alert(1)</script> "quoted"'


def shown(html: str) -> str:
    """The page's HTML without the spans that keep a party's text on its own lines."""
    return html.replace('<span class="said">', "").replace("</span>", "")


@pytest.fixture
def later(library: SessionLibrary) -> SessionService:
    earlier = library.create(find_scenario("community-safety"), "2026")
    police, town = earlier.add_party("Police"), earlier.add_party("Town")
    lights = earlier.add_activity("Street lights", party_ids=[police, town])
    earlier.agree(lights, current="communication")
    earlier.add_commitment(lights, police, f"We patrol {HOSTILE}")
    earlier.add_commitment(lights, town, "We fix the lamps")
    service = library.create_from(earlier.session.id)
    return service


@pytest.fixture
async def served(later: SessionService) -> AsyncIterator[Server]:
    desk = JoinDesk(code="ABC234", max_devices=5)
    client = TestClient(TestServer(make_app(later, desk)))
    await client.start_server()
    made = Server(client, desk, [])
    yield made
    for session in made.phones:
        await session.close()
    await client.close()


async def police_phone(served: Server, later: SessionService) -> Phone:
    phone = served.phone()
    police = later.session.parties[0].id
    status, _ = await phone.join("ABC234", police, "Mari")
    assert status == 200
    return phone


async def test_a_phone_answers_its_own_items_and_the_room_confirms(
    served: Server, later: SessionService
) -> None:
    phone = await police_phone(served, later)
    _, text = await phone.get("/")
    assert "What came of your promises" not in text  # not the follow-up phase yet
    police_item, town_item = promises(later.session)
    status, _ = await phone.post("/followup", {"item": police_item.id, "outcome": "done"})
    assert status == 403 and promises(later.session)[0].outcome == ""
    later.set_phase("followup")
    _, text = await phone.get("/")
    assert "What came of your promises" in text and "We fix the lamps" not in text
    assert "&lt;script&gt;" in text and "<script>alert" not in text
    status, text = await phone.post(
        "/followup", {"item": police_item.id, "outcome": "partly", "note": "most nights"}
    )
    assert status == 200
    answered = promises(later.session)[0]
    assert (answered.outcome, answered.note, answered.confirmed) == ("partly", "most nights", False)
    assert "the facilitator confirms it" in text
    assert later.session.events[-1].actor == "Mari"
    status, _ = await phone.post("/followup", {"item": town_item.id, "outcome": "done"})
    assert status == 403 and promises(later.session)[1].outcome == ""  # another party's
    status, _ = await phone.post("/followup", {"item": police_item.id, "outcome": "finished"})
    assert status == 400
    later.confirm_followup(police_item.id)
    _, text = await phone.get("/")
    assert (
        "✓ partly done" in text and 'name="item"' not in text.split("What came of")[1].split("</section>")[0]
    )
    status, _ = await phone.post("/followup", {"item": police_item.id, "outcome": "done"})
    assert status == 403 and promises(later.session)[0].outcome == "partly"


async def test_the_phone_speaks_estonian_to_an_estonian_session(library: SessionLibrary) -> None:
    earlier = library.create(find_scenario("kogukondlik-turvalisus"), "2026")
    police = earlier.add_party("Politsei")
    town = earlier.add_party("Vald")
    lights = earlier.add_activity("Tänavavalgustus", party_ids=[police, town])
    earlier.add_action("Vahetame lambid", police, activity_id=lights, due="2027-03-01")
    later = library.create_from(earlier.session.id)
    later.set_phase("followup")
    desk = JoinDesk(code="ABC234", max_devices=5)
    client = TestClient(TestServer(make_app(later, desk)))
    await client.start_server()
    session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
    try:
        phone = Phone(session, str(client.make_url("")).rstrip("/"))
        await phone.join("ABC234", police)
        _, text = await phone.get("/")
        assert "Mis sai teie eelmise korra lubadustest?" in text and "Vahetame lambid" in text
        assert "01.03.2027" in text and "2027-03-01" not in text  # the date as Estonians write it
    finally:
        await session.close()
        await client.close()


async def test_a_closed_workshops_page_keeps_the_partys_follow_up_and_its_handout_live(
    served: Server, later: SessionService
) -> None:
    """The workshop closes while the phone's page is open: the stream brings the closed page
    with the party's follow-up of last time (read-only), its next steps with their due dates
    and the link to its printable page, without a reload; nothing of another party's."""
    phone = await police_phone(served, later)
    police, town = (p.id for p in later.session.parties)
    police_item, _town_item = promises(later.session)
    later.record_followup(police_item.id, "partly", "most nights")
    later.add_action("Call the school", police, due="2027-02-01")
    later.add_action("Book the hall", town, due="2027-01-15")
    async with phone.http.get(phone.base + "/events") as stream:
        await asyncio.wait_for(stream.content.readline(), 2)
        await stream.content.readline()
        later.close_session()
        lines = [await asyncio.wait_for(stream.content.readline(), 2.0)]
        while lines[-1] != b"\n":
            lines.append(await asyncio.wait_for(stream.content.readline(), 2.0))
    assert lines[0] == b"event: live\n"
    html = "\n".join(line[6:].decode().rstrip("\n") for line in lines[1:-1])
    assert "The workshop is closed." in html
    assert 'href="/handout"' in html  # live: no reload needed
    followup = html.split("What came of your promises of last time?")[1].split("</section>")[0]
    followup = shown(followup)  # (lines kept)
    assert "We patrol &lt;script&gt;" in followup and "✓ partly done: most nights" in followup
    assert "<form" not in followup and "We fix the lamps" not in html
    steps = shown(html.split("Your party&#39;s next steps")[1].split("</section>")[0])
    assert "Call the school <small>(due 2027-02-01)</small>" in steps and "Book the hall" not in html
    _, page = await phone.get("/")
    assert page.count('href="/handout"') == 1  # the page as loaded says the same, once


async def test_a_closed_workshop_says_what_was_not_followed_up(served: Server, later: SessionService) -> None:
    phone = await police_phone(served, later)
    later.close_session()
    _, text = await phone.get("/")
    followup = text.split("What came of your promises of last time?")[1].split("</section>")[0]
    assert "We patrol" in followup and "not followed up yet" in followup and "<form" not in followup


async def test_a_phone_says_which_follow_up_answers_the_facilitator_recorded(
    served: Server, later: SessionService
) -> None:
    """What came of a promise reads the same whoever said it: the log says who. The party's
    own answer, confirmed in the room, has no note; one the room recorded over it has."""
    phone = await police_phone(served, later)
    police_item, _town_item = promises(later.session)
    later.set_phase("followup")
    await phone.post("/followup", {"item": police_item.id, "outcome": "partly", "note": "most nights"})
    later.confirm_followup(police_item.id)  # the facilitator confirms: still the party's word
    note = "<small>(entered by the facilitator)</small>"
    _, text = await phone.get("/")
    followup = text.split("What came of your promises")[1].split("</section>")[0]
    followup = shown(followup)
    assert "✓ partly done: most nights</p>" in followup and "entered by the facilitator" not in followup
    later.record_followup(police_item.id, "done", "every night")  # the room says otherwise
    _, text = await phone.get("/")
    followup = text.split("What came of your promises")[1].split("</section>")[0]
    followup = shown(followup)
    assert f"✓ done: every night {note}</p>" in followup
    later.close_session()
    _, text = await phone.get("/")
    assert f"✓ done: every night {note}</p>" in shown(text)  # the closed page keeps saying so


async def follow_up_form(served: Server, later: SessionService) -> tuple[Phone, dict[str, str]]:
    """The police's phone in the follow-up phase, and its follow-up form as a tap on done sends it."""
    from tests.web.test_form_once import form_of

    later.set_phase("followup")
    phone = await police_phone(served, later)
    _, html = await phone.get("/")
    return phone, {**form_of(html, "/followup"), "outcome": "done", "note": "every night"}


async def test_one_follow_up_form_posted_twice_is_recorded_once(
    served: Server, later: SessionService
) -> None:
    """A double tap on the follow-up form: the form's own `once` makes it one answer."""
    import asyncio

    phone, form = await follow_up_form(served, later)
    assert form.get("once")
    answers = await asyncio.gather(*(phone.post("/followup", form) for _ in range(2)))
    assert [status for status, _ in answers] == [200, 200]
    assert [e.kind for e in later.session.events].count("followup.recorded") == 1


async def test_every_forged_follow_up_field_is_refused_in_words(
    served: Server, later: SessionService
) -> None:
    from tests.web.test_forged_forms import check_forged

    phone, form = await follow_up_form(served, later)
    await check_forged(phone, lambda: len(later.session.events), "/followup", form)
