"""Each form a phone's page shows that records something carries a `once` of its own: the same
form posted twice (a double tap, a browser without the script, a resend after a slow answer),
one after the other or at the same time, is recorded once and answered as the first was; a
page loaded again has new ones, so a deliberate send of the same values is a new answer."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable

import pytest

from tests.web.conftest import Phone, Room, Server

LIVE = {"X-Live-Part": "1"}
FORM = re.compile(r'<form method="post" action="(/[a-z]+)"[^>]*>(.*?)</form>', re.S)
HIDDEN = re.compile(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)">')


def form_of(html: str, action: str) -> dict[str, str]:
    """The hidden fields of the page's first form posting to `action`, as the browser sends them."""
    for found in FORM.finditer(html):
        if found.group(1) == action:
            return dict(HIDDEN.findall(found.group(2)))
    raise AssertionError(f"no {action} form on the page")


def recorded(room: Room, kind: str) -> int:
    return sum(1 for event in room.service.session.events if event.kind == kind)


async def police(server: Server, room: Room) -> Phone:
    phone = server.phone()
    status, _ = await phone.join("ABC234", room.a)
    assert status == 200
    return phone


def agreeing(room: Room) -> None:
    room.service.agree(room.x, current="cooperation")
    room.service.set_phase("agree")


def to_answer(room: Room) -> None:
    agreeing(room)
    room.service.add_expectation(room.x, room.b, room.a, "Report broken lights")


def signed(room: Room) -> None:
    agreeing(room)
    room.service.sign_off(room.x, room.a)


CASES: dict[str, tuple[Callable[[Room], None], str, str, dict[str, str], str]] = {
    # name: (room set-up, page, form, fields the person fills in, the event it records)
    "placement": (
        lambda r: None,
        "/",
        "/place",
        {"current": "communication", "wished": "cooperation"},
        "placement.recorded",
    ),
    "commitment": (agreeing, "/", "/commitment", {"text": "We fix the lamps"}, "commitment.added"),
    "expectation": (agreeing, "/", "/expectation", {"to_party": "B", "text": "Fund"}, "expectation.added"),
    "answer": (
        to_answer,
        "/",
        "/answer",
        {"state": "accepted", "response": "By May"},
        "expectation.answered",
    ),
    "sign-off": (agreeing, "/signoff?activity=X", "/signoff", {}, "signoff.given"),
    "withdraw": (signed, "/", "/withdraw", {}, "signoff.withdrawn"),
}


async def filled(phone: Phone, room: Room, case: str) -> dict[str, str]:
    _set_up, page, action, fields, _kind = CASES[case]
    status, html = await phone.get(page.replace("X", room.x))
    assert status == 200
    values = {k: room.b if v == "B" else v for k, v in fields.items()}
    return {**form_of(html, action), **values}


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("together", [False, True], ids=["one-after-the-other", "at-once"])
async def test_one_form_posted_twice_is_recorded_once(
    server: Server, room: Room, case: str, together: bool
) -> None:
    set_up, _page, action, _fields, kind = CASES[case]
    set_up(room)
    phone = await police(server, room)
    form = await filled(phone, room, case)
    assert form.get("once"), "the form carries its own once"
    before = recorded(room, kind)

    def post() -> Awaitable[tuple[int, str]]:
        return phone.post(action, form, headers=LIVE)

    answers = list(await asyncio.gather(post(), post())) if together else [await post(), await post()]
    assert [status for status, _ in answers] == [200, 200]  # the second answered as the first
    assert recorded(room, kind) == before + 1


async def test_the_same_values_sent_again_from_a_new_page_are_a_new_answer(
    server: Server, room: Room
) -> None:
    """A deliberate send after the page loaded again is what the party said again: recorded."""
    agreeing(room)
    phone = await police(server, room)
    first = await filled(phone, room, "commitment")
    assert (await phone.post("/commitment", first))[0] == 200
    again = await filled(phone, room, "commitment")
    assert again["once"] != first["once"]
    assert (await phone.post("/commitment", again))[0] == 200
    assert [c.text for c in room.service.session.commitments] == ["We fix the lamps"] * 2


async def test_the_same_form_sent_with_other_values_is_not_swallowed(server: Server, room: Room) -> None:
    """Typed again into a form whose page was not swapped yet: the other text is recorded."""
    agreeing(room)
    phone = await police(server, room)
    form = await filled(phone, room, "commitment")
    assert (await phone.post("/commitment", form))[0] == 200
    assert (await phone.post("/commitment", {**form, "text": "And the bins"}))[0] == 200
    assert [c.text for c in room.service.session.commitments] == ["We fix the lamps", "And the bins"]
