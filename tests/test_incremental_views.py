"""After a change, the room's cut (`party_view`) and the mismatches are redone for what changed
only; what they return must be exactly what a first look at the same file returns."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from facilitator.core import mismatches as mismatch_module
from facilitator.core import party as party_module
from facilitator.core.mismatches import Mismatch, mismatches
from facilitator.core.model import Session
from facilitator.core.party import party_view
from facilitator.core.service import SessionService

COMM, COOP, COORD = "communication", "cooperation", "coordination"


@contextmanager
def memos_kept() -> Iterator[None]:
    """A look at another copy of the session that leaves what the memos hold as it was, so the
    next look at the live session still starts from its own last one."""
    kept = (mismatch_module._LAST.state, party_module._LAST.hidden, party_module._LAST.logs)
    try:
        yield
    finally:
        mismatch_module._LAST.state, party_module._LAST.hidden, party_module._LAST.logs = kept


def said(found: list[Mismatch]) -> list[tuple[Mismatch, dict[str, str]]]:
    return [(m, m.values) for m in found]  # `values` is left out of a Mismatch's equality


def cut(session: Session, party_id: str | None) -> tuple[Any, Any]:
    shown = party_view(session, party_id)
    return shown.placements, shown.events


def assert_same_as_first_look(service: SessionService, parties: list[str]) -> None:
    live = service.session
    found = said(mismatches(live))
    views = {p: cut(live, p) for p in [None, *parties]}
    with memos_kept():
        first = SessionService(service.path).session  # every object new: nothing can be reused
        assert found == said(mismatches(first))
        for party_id, view in views.items():
            assert view == cut(first, party_id), party_id


Step = Callable[[SessionService, dict[str, str]], object]

STEPS: list[tuple[str, Step]] = [
    ("open the round", lambda s, ids: (s.set_phase("place"), s.open_placement(ids["talks"]))),
    ("a placement", lambda s, ids: s.place(ids["talks"], ids["police"], COMM, COOP)),
    ("a phone's placement", lambda s, ids: s.for_party(ids["youth"]).place(ids["talks"], COOP, COOP)),
    ("another activity placed", lambda s, ids: s.place(ids["walks"], ids["police"], COOP, COORD)),
    ("the reveal", lambda s, ids: s.reveal(ids["talks"])),
    ("a re-vote", lambda s, ids: s.revote(ids["talks"])),
    ("a placement in round 2", lambda s, ids: s.place(ids["talks"], ids["youth"], COORD, COORD)),
    ("walks revealed", lambda s, ids: s.reveal(ids["walks"])),  # its rung is agreed after the reveal
    ("agreed", lambda s, ids: s.agree(ids["walks"], current=COOP, wished=COORD)),
    ("a role", lambda s, ids: s.set_role(ids["walks"], ids["police"], "lead")),
    ("a commitment", lambda s, ids: s.add_commitment(ids["walks"], ids["police"], "We walk")),
    ("the same, by another", lambda s, ids: s.add_commitment(ids["walks"], ids["school"], "we  WALK")),
    ("an expectation", lambda s, ids: s.add_expectation(ids["walks"], ids["police"], ids["youth"], "Come")),
    ("a step", lambda s, ids: s.add_action("Plan it", ids["police"], activity_id=ids["walks"])),
    ("a sign-off", lambda s, ids: s.sign_off(ids["walks"], ids["police"])),
    ("a party renamed", lambda s, ids: s.update_party(ids["police"], name="Politsei")),
    (
        "a party added to an activity",
        lambda s, ids: s.update_activity(ids["talks"], party_ids=list(ids.values())[:3]),
    ),
    ("an activity removed", lambda s, ids: s.remove_activity(ids["walks"])),
]


@pytest.fixture
def room(service: SessionService) -> dict[str, str]:
    ids = {name: service.add_party(name.title()) for name in ("police", "youth", "school")}
    ids["talks"] = service.add_activity("Talks", party_ids=[ids["police"], ids["youth"]])
    ids["walks"] = service.add_activity("Walks", party_ids=[ids["police"], ids["school"]])
    for number in range(6):  # activities no change touches: their findings are kept
        service.add_activity(f"Other {number}", party_ids=[ids["youth"], ids["school"]])
    return ids


def test_each_change_looks_as_a_first_look_would(service: SessionService, room: dict[str, str]) -> None:
    parties = [room["police"], room["youth"], room["school"]]
    assert_same_as_first_look(service, parties)
    for name, step in STEPS:
        step(service, room)
        try:
            assert_same_as_first_look(service, parties)
        except AssertionError as error:
            raise AssertionError(f"after {name}: {error}") from None


def test_one_change_looks_again_at_one_activity(
    service: SessionService, room: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    mismatches(service.session)
    looked: list[str] = []
    first_rule = mismatch_module.RULES[0]

    def counted(rule: Any) -> Any:
        def rule_counted(session: Session, activity: Any) -> Any:
            if rule is first_rule:
                looked.append(activity.title)
            return rule(session, activity)

        return rule_counted

    monkeypatch.setattr(mismatch_module, "RULES", tuple(counted(r) for r in mismatch_module.RULES))
    service.agree(room["walks"], current=COOP)
    mismatches(service.session)
    assert looked == ["Walks"]
    looked.clear()
    service.update_party(room["school"], name="Kool")  # names are in every text: all again
    mismatches(service.session)
    assert len(looked) == len(service.session.activities)


def test_the_room_view_of_the_room_view_is_itself(service: SessionService, room: dict[str, str]) -> None:
    service.set_phase("place")
    service.open_placement(room["talks"])
    service.place(room["talks"], room["police"], COMM, COOP)
    shown = service.room_view
    assert shown is not service.session  # a placement is hidden
    assert party_view(shown, None) is shown  # so `mismatches(room_view)` cuts nothing twice
