"""A phone's page after every facilitator action that changes an activity: never a contradiction.

Open, place, close the round, a refused rung, reveal, agree, close, move, re-vote: the page
offers the placement form only while the party may place, and says an agreed rung only once
there is one. In the roles phase a sign-off another party's change reopened says which
change, and a party's forms say whose sign-offs its next answer would reopen."""

from __future__ import annotations

import html

import pytest

from facilitator.core.errors import ChangeRejected
from tests.web.conftest import Phone, Room, Server

PLACE_FORM = 'action="/place"'
JUST_AGREED = "Just agreed"
WAITING = "Waiting for the facilitator to open an activity"


async def joined(server: Server, party: str, name: str = "") -> Phone:
    phone = server.phone()
    status, _text = await phone.join("ABC234", party, name)
    assert status == 200
    return phone


async def page(phone: Phone) -> str:
    status, text = await phone.get("/")
    assert status == 200
    return html.unescape(text)


def agreed_said(text: str) -> bool:
    return "Agreed rung:" in text


async def test_the_page_after_each_facilitator_action_on_the_round(server: Server, room: Room) -> None:
    service = room.service
    police = await joined(server, room.a, "Mari")
    text = await page(police)
    assert PLACE_FORM in text and not agreed_said(text) and JUST_AGREED not in text
    placed = {"activity": room.x, "current": "communication", "wished": "cooperation"}
    status, _ = await police.post("/place", placed)
    assert status == 200
    service.place(room.x, room.b, "cooperation", "cooperation")  # entered in the app
    service.open_placement(None)  # Esc: the round closed, nothing revealed
    text = await page(police)
    assert PLACE_FORM not in text and JUST_AGREED not in text and not agreed_said(text)
    assert WAITING in text
    with pytest.raises(ChangeRejected) as refused:  # the board's u: not over hidden placements
        service.agree(room.x, current="cooperation")
    assert refused.value.key == "error.round_open"
    assert await page(police) == text
    service.open_placement(room.x)
    text = await page(police)
    assert PLACE_FORM in text and "Placed" in text  # still open: the party may change its view
    service.reveal(room.x)
    text = await page(police)
    assert PLACE_FORM not in text and "1. Communication" in text and not agreed_said(text)
    service.agree(room.x, current="cooperation")
    text = await page(police)
    assert "Agreed rung: 2. Cooperation" in text and PLACE_FORM not in text
    service.open_placement(None)
    text = await page(police)
    assert JUST_AGREED in text and "Agreed rung: 2. Cooperation" in text and PLACE_FORM not in text
    service.agree(room.x, current="coordination")  # moved on the board after the reveal
    text = await page(police)
    assert "Agreed rung: 3. Coordination" in text and PLACE_FORM not in text
    service.revote(room.x)  # a new round: the old rung is gone, nothing is "just agreed"
    text = await page(police)
    assert JUST_AGREED not in text and not agreed_said(text)
    assert PLACE_FORM not in text and WAITING in text
    service.open_placement(room.x)
    text = await page(police)
    assert PLACE_FORM in text and "round 2" in text and "✓ Placed" not in text


async def test_a_card_agreed_directly_after_its_round_closed_unplaced_shows_no_form(
    server: Server, room: Room
) -> None:
    """Opened, nobody placed, closed, then moved on the board: agreed, and no form offered
    (the page showed "Just agreed", the form and "Waiting…" at once, and sending it was refused)."""
    police = await joined(server, room.a)
    room.service.open_placement(None)
    room.service.agree(room.x, current="cooperation")  # nothing hidden: a direct move
    text = await page(police)
    assert JUST_AGREED in text and "Agreed rung: 2. Cooperation" in text
    assert PLACE_FORM not in text


async def test_a_reopened_sign_off_says_which_change_reopened_it(server: Server, room: Room) -> None:
    service = room.service
    service.open_placement(None)
    service.agree(room.x, current="cooperation")
    service.set_phase("agree")
    police = await joined(server, room.a, "Mari")
    town = await joined(server, room.b, "Jaan")
    await police.post("/signoff", {"activity": room.x})
    text = await page(town)
    assert "Signed off already: Police. A commitment, expectation or answer you send now reopens" in text
    status, _ = await town.post("/commitment", {"activity": room.x, "text": "We fund two lamps"})
    assert status == 200
    assert service.session.signoffs_for(room.x) == ()
    text = await page(police)
    assert "Your sign-off was reopened: the commitments changed (sent from a phone by Jaan)" in text
    assert "Signed off" not in text.replace("Signed off already", "")
    service.set_role(room.x, room.b, "lead")  # the facilitator's change: no sign-off left to reopen
    await police.post("/signoff", {"activity": room.x})
    assert "reopened" not in (await page(police))
    service.set_role(room.x, room.a, "partner")
    text = await page(police)
    assert "Your sign-off was reopened: the roles changed (changed by the facilitator)" in text
    await police.get("/?lang=et")
    text = await page(police)
    assert "Teie kinnitus avati uuesti: rollid muutusid (muutis läbiviija)" in text
