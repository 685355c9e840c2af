"""Who may see what (`party_view`) and who may do what (`for_party`): decided in the core."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.core.errors import ChangeRejected, NotAllowed, UserError
from facilitator.core.library import SessionLibrary
from facilitator.core.party import ALLOWED, HIDDEN, party_view, room_placements
from facilitator.core.scenario import Scenario
from facilitator.core.service import SessionService

COMM, COOP, COORD, COLLAB = "communication", "cooperation", "coordination", "collaboration"


@pytest.fixture
def room(service: SessionService) -> dict[str, str]:
    ids = {
        "police": service.add_party("Police"),
        "youth": service.add_party("Youth workers"),
        "school": service.add_party("School"),
    }
    ids["talks"] = service.add_activity("Talks", party_ids=[ids["police"], ids["youth"]])
    ids["walks"] = service.add_activity("Walks", party_ids=[ids["police"], ids["school"]])
    return ids


def placing(service: SessionService, activity_id: str) -> None:
    """The room as a party may place in it: the placement phase, the activity opened."""
    service.set_phase("place")
    service.open_placement(activity_id)


def agreeing(service: SessionService, *activity_ids: str) -> None:
    """The room as a party may commit, expect, answer and sign off: the roles phase, rungs agreed."""
    for activity_id in activity_ids:
        service.agree(activity_id, current=COOP)
    service.set_phase("agree")


def test_a_party_sees_its_own_placement_and_nobody_elses_before_the_reveal(
    service: SessionService, room: dict[str, str]
) -> None:
    placing(service, room["talks"])
    police = service.for_party(room["police"])
    youth = service.for_party(room["youth"], actor="Mari")
    police.place(room["talks"], COMM, COOP)
    youth.place(room["talks"], COLLAB, COLLAB)
    mine = {p.party_id: (p.current, p.wished) for p in police.session.placements}
    assert mine == {room["police"]: (COMM, COOP), room["youth"]: (HIDDEN, HIDDEN)}
    # The log is cut the same way: the other party's rungs are not in its events either.
    told = [e.data for e in police.session.events if e.kind == "placement.recorded"]
    assert {(d["party_id"], d["current"]) for d in told} == {(room["police"], COMM), (room["youth"], HIDDEN)}
    # The room (projector, reports) sees that both placed, not where.
    assert {p.current for p in party_view(service.session, None).placements} == {HIDDEN}
    service.reveal(room["talks"])
    after = {p.party_id: p.current for p in police.session.placements}
    assert after == {room["police"]: COMM, room["youth"]: COLLAB}
    assert next(p for p in service.session.placements if p.party_id == room["youth"]).by == "Mari"


def test_a_party_changes_its_placement_until_the_reveal(
    service: SessionService, room: dict[str, str]
) -> None:
    placing(service, room["talks"])
    police = service.for_party(room["police"])
    police.place(room["talks"], COMM, COOP)
    police.place(room["talks"], COOP, COORD)
    assert [(p.current, p.wished) for p in service.session.placements] == [(COOP, COORD)]
    service.reveal(room["talks"])
    with pytest.raises(NotAllowed):
        police.place(room["talks"], COMM, COMM)


REFUSED = {
    "another party's placement": lambda s, r: s.for_party(r["school"]).place(r["talks"], COMM, COMM),
    "reveal": lambda s, r: s.for_party(r["police"]).do("reveal", activity_id=r["talks"]),
    "agree": lambda s, r: s.for_party(r["police"]).do("agree", activity_id=r["talks"], current=COMM),
    "re-vote": lambda s, r: s.for_party(r["police"]).do("revote", activity_id=r["talks"]),
    "remove an activity": lambda s, r: s.for_party(r["police"]).do("remove_activity", activity_id=r["talks"]),
    "rename a party": lambda s, r: s.for_party(r["police"]).do("update_party", party_id=r["youth"], name="X"),
    "set a role": lambda s, r: s.for_party(r["police"]).do("set_role", activity_id=r["talks"]),
    "commit where not involved": lambda s, r: s.for_party(r["school"]).add_commitment(r["talks"], "We will"),
    "expect of itself": lambda s, r: s.for_party(r["police"]).add_expectation(r["talks"], r["police"], "Do"),
    "expect of a party not involved": lambda s, r: s.for_party(r["police"]).add_expectation(
        r["talks"], r["school"], "Do"
    ),
    "sign off where not involved": lambda s, r: s.for_party(r["school"]).sign_off(r["talks"]),
    "an unknown party": lambda s, r: s.for_party("nobody"),
    "an unknown activity": lambda s, r: s.for_party(r["police"]).place("nothing", COMM, COMM),
    "wrong details": lambda s, r: s.for_party(r["police"]).do("place", activity=r["talks"]),
}


@pytest.mark.parametrize("refused", REFUSED)
def test_a_party_may_not_do_what_only_the_facilitator_or_another_party_may(
    service: SessionService, room: dict[str, str], refused: str
) -> None:
    agreeing(service, room["talks"], room["walks"])
    placing(service, room["talks"])
    before = service.session
    with pytest.raises(ChangeRejected) as error:  # NotAllowed, or "gone" for what isn't there
        REFUSED[refused](service, room)
    assert str(error.value)  # a clear message, not an empty refusal
    assert service.session.last_seq == before.last_seq  # nothing was written


def test_expectations_are_answered_only_by_the_party_they_address(
    service: SessionService, room: dict[str, str]
) -> None:
    agreeing(service, room["talks"])
    police, youth = service.for_party(room["police"]), service.for_party(room["youth"])
    asked = police.add_expectation(room["talks"], room["youth"], "Bring the young people")
    with pytest.raises(NotAllowed):
        police.answer_expectation(asked, "accepted")
    with pytest.raises(NotAllowed):
        youth.answer_expectation(asked, "open")
    with pytest.raises(UserError):
        youth.answer_expectation(asked, "declined")  # a decline needs its reason
    youth.answer_expectation(asked, "amended", "Bring some of them")
    (expectation,) = service.session.expectations
    assert (expectation.state, expectation.response) == ("amended", "Bring some of them")
    committed = youth.add_commitment(room["talks"], "We will invite them")
    assert [c.id for c in service.session.commitments] == [committed]
    youth.sign_off(room["talks"])
    youth.withdraw_sign_off(room["talks"])
    assert [e.actor for e in service.session.events][-3:] == ["Youth workers"] * 3


def test_only_the_documented_actions_are_offered() -> None:
    assert {"place", "answer_expectation", "add_commitment", "add_expectation", "sign_off"} <= ALLOWED
    assert not ALLOWED & {"reveal", "agree", "revote", "remove_activity", "set_role", "update_session"}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_placement_leaks_through_party_view_before_its_reveal(
    data: st.DataObject, library: SessionLibrary, scenario: Scenario
) -> None:
    """Random sessions: every rung a viewer sees is its own or from a revealed round; the room's
    view of one activity (`room_placements`) is the room's view of the session's."""
    svc = library.create(scenario, "Random")
    parties = [svc.add_party(f"Party {n}") for n in range(data.draw(st.integers(2, 4)))]
    rungs = st.sampled_from(scenario.rung_ids())
    activities = [
        svc.add_activity(
            f"A{n}", party_ids=data.draw(st.lists(st.sampled_from(parties), min_size=2, unique=True))
        )
        for n in range(data.draw(st.integers(1, 3)))
    ]
    for _ in range(data.draw(st.integers(0, 25))):
        session = svc.session
        activity = session.activity(data.draw(st.sampled_from(activities)))
        step = data.draw(st.sampled_from(["place", "place", "reveal", "revote"]))
        if step == "place" and not activity.revealed:
            svc.place(
                activity.id,
                data.draw(st.sampled_from(activity.party_ids)),
                data.draw(rungs),
                data.draw(rungs),
            )
        elif step == "reveal":
            svc.reveal(activity.id)
        elif step == "revote" and activity.revealed:
            svc.revote(activity.id)
    session = svc.session
    for viewer in [None, *parties]:
        view = party_view(session, viewer)
        for placement in view.placements:
            activity = session.activity(placement.activity_id)
            shown = placement.current != HIDDEN
            revealed = placement.round < activity.round or activity.revealed
            assert shown == (placement.party_id == viewer or revealed)
        rounds: dict[str, int] = {}
        for event in view.events:
            if event.kind == "activity.revote":
                rounds[event.data["id"]] = rounds.get(event.data["id"], 1) + 1
            if event.kind == "placement.recorded" and event.data["party_id"] != viewer:
                activity = session.activity(event.data["activity_id"])
                round_number = rounds.get(activity.id, 1)
                revealed = round_number < activity.round or activity.revealed
                assert (event.data["current"] != HIDDEN) == revealed
    room = party_view(session, None)
    for activity_id in activities:
        assert room_placements(session, activity_id) == room.placements_for(activity_id)


WRITER = """
import sys
from pathlib import Path
from facilitator.core.service import SessionService
service = SessionService(Path(sys.argv[1]))
party = service.for_party(sys.argv[2], actor="phone")
for n in range(int(sys.argv[4])):
    party.add_commitment(sys.argv[3], f"phone {n}")
"""


def test_facilitator_and_a_party_writing_at_once_lose_nothing(
    service: SessionService, room: dict[str, str], tmp_path: Path
) -> None:
    count = 40
    agreeing(service, room["talks"])
    script = tmp_path / "phone.py"
    script.write_text(WRITER, encoding="utf-8")
    phone = subprocess.Popen(
        [sys.executable, str(script), str(service.path), room["police"], room["talks"], str(count)],
        cwd=Path(__file__).resolve().parent.parent,
    )
    try:
        for n in range(count):
            service.add_commitment(room["walks"], room["school"], f"facilitator {n}")
    finally:
        assert phone.wait(timeout=120) == 0
    texts = {c.text for c in SessionService(service.path).session.commitments}
    assert texts == {f"phone {n}" for n in range(count)} | {f"facilitator {n}" for n in range(count)}
    seqs = [e.seq for e in SessionService(service.path).session.events]
    assert seqs == list(range(1, len(seqs) + 1))
