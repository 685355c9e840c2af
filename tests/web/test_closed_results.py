"""A closed workshop on a phone: per activity the party's role and the agreed wished rung, as
the handout has them; nothing "yet" once closed; the closed notice once (a tester's finding)."""

from __future__ import annotations

import html

import pytest

from tests.web.conftest import Room, Server


@pytest.mark.parametrize(
    ("lang", "role", "rungs", "nothing", "notice"),
    [
        (
            "et",
            "Teie roll: Eestvedaja",
            "Kokkulepitud aste: 1. Kommunikatsioon → soovitud: 2. Kooperatsioon",
            "Teie osapoolelt ei oodatud midagi.",
            "Töötuba on lõpetatud: muudatusi enam ei tehta.",
        ),
        (
            "en",
            "Your role: Lead",
            "Agreed rung: 1. Communication → wished: 2. Cooperation",
            "Nothing was expected of your party.",
            "The workshop is closed: no more changes are made.",
        ),
    ],
)
async def test_the_closed_results_name_the_role_and_the_wished_rung(
    server: Server, room: Room, lang: str, role: str, rungs: str, nothing: str, notice: str
) -> None:
    svc = room.service
    for activity in (room.x, room.y):
        svc.agree(activity, current="communication", wished="cooperation")
    svc.set_role(room.x, room.b, "lead")
    svc.set_role(room.y, room.b, "partner")
    phone = server.phone()
    await phone.get(f"/?lang={lang}")
    status, _ = await phone.join("ABC234", None)
    assert status == 200
    await phone.post("/party", {"party": room.b, "name": "Mari"})
    svc.close_session()
    _, page = await phone.get("/")
    text = html.unescape(page)
    assert text.count(role) == 1  # the lead of one activity, a partner in the other
    assert text.count(rungs) == 2
    assert text.count(nothing) == 2
    assert "veel" not in text.split(rungs, 1)[1] and " yet" not in text.split(rungs, 1)[1]
    assert text.count(notice) <= 1
