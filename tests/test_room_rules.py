"""The room's rules for a participant's device (`core.rules`), kept by the core for every front end.

Each refusal is tried through `for_party`: it changes nothing and says why in one sentence,
in Estonian and in English. What a device sends is recorded with the device and the name typed.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from facilitator.core.errors import ChangeRejected, NotAllowed
from facilitator.core.i18n import Translator, explain
from facilitator.core.party import PartyService
from facilitator.core.rules import refusal
from facilitator.core.service import SessionService

COMM, COOP, COORD = "communication", "cooperation", "coordination"


class Room:
    """Police and Youth in Talks and Walks (Walks also School); phones for Police and Youth."""

    def __init__(self, service: SessionService) -> None:
        self.service = service
        self.police = service.add_party("Police")
        self.youth = service.add_party("Youth workers")
        self.school = service.add_party("School")
        self.talks = service.add_activity("Talks", party_ids=[self.police, self.youth])
        self.walks = service.add_activity("Walks", party_ids=[self.police, self.youth, self.school])

    def phone(self, party_id: str, name: str = "Mari Tamm", device: str = "dev-1") -> PartyService:
        return self.service.for_party(party_id, device=device, name=name)

    def placing(self, activity_id: str | None = None) -> None:
        self.service.set_phase("place")
        self.service.open_placement(activity_id or self.talks)

    def agreeing(self, *activity_ids: str) -> None:
        for activity_id in activity_ids or (self.talks,):
            self.service.agree(activity_id, current=COOP)
        self.service.set_phase("agree")


@pytest.fixture
def room(service: SessionService) -> Room:
    return Room(service)


def refused(room: Room, attempt: Callable[[], object], key: str) -> ChangeRejected:
    """The attempt is refused with `key`, writes nothing, and reads as one sentence in both languages."""
    before = room.service.session.last_seq
    with pytest.raises(ChangeRejected) as caught:
        attempt()
    assert caught.value.key == key, str(caught.value)
    assert room.service.session.last_seq == before
    for language in ("et", "en"):
        said = explain(caught.value, Translator(language))
        assert said.endswith(".") and "\n" not in said and "{" not in said
        assert said != str(caught.value)  # from the catalogue, not the English log text
    return caught.value


# ----------------------------------------------------------------- placing


def test_a_party_places_only_in_the_placement_phase(room: Room) -> None:
    room.service.open_placement(room.talks)  # opened, but the room is still setting up
    refused(room, lambda: room.phone(room.police).place(room.talks, COMM, COOP), "error.rule.not_placing")
    room.agreeing()
    room.service.open_placement(room.talks)
    refused(room, lambda: room.phone(room.police).place(room.talks, COMM, COOP), "error.rule.not_placing")


def test_a_party_places_only_the_activity_the_facilitator_opened(room: Room) -> None:
    room.placing(room.talks)
    error = refused(
        room, lambda: room.phone(room.police).place(room.walks, COMM, COOP), "error.rule.not_open"
    )
    assert "Walks" in explain(error, Translator("et"))
    room.service.open_placement(None)
    refused(room, lambda: room.phone(room.police).place(room.talks, COMM, COOP), "error.rule.not_open")
    room.service.open_placement(room.talks)
    room.phone(room.police).place(room.talks, COMM, COOP)


def test_a_party_places_until_the_reveal_only(room: Room) -> None:
    room.placing()
    phone = room.phone(room.police)
    phone.place(room.talks, COMM, COOP)
    phone.place(room.talks, COOP, COORD)  # changed its mind before the reveal
    room.service.reveal(room.talks)
    refused(room, lambda: phone.place(room.talks, COMM, COMM), "error.already_revealed")


def test_a_party_places_only_for_itself_and_where_it_takes_part(room: Room) -> None:
    room.placing(room.talks)
    refused(room, lambda: room.phone(room.school).place(room.talks, COMM, COOP), "error.not_involved")
    phone = room.phone(room.police)
    refused(
        room,
        lambda: room.service.place(room.talks, room.youth, COMM, COOP, actor=phone.author),
        "error.rule.own_party",
    )


# ----------------------------------------------------------------- roles and expectations


def test_commitments_expectations_and_sign_offs_wait_for_the_roles_phase(room: Room) -> None:
    room.service.agree(room.talks, current=COOP)
    room.placing(room.talks)
    phone = room.phone(room.police)
    key = "error.rule.not_agreeing"
    refused(room, lambda: phone.add_commitment(room.talks, "We will"), key)
    refused(room, lambda: phone.add_expectation(room.talks, room.youth, "Come"), key)
    refused(room, lambda: phone.sign_off(room.talks), key)
    asked = room.service.add_expectation(room.talks, room.youth, room.police, "Bring lamps")
    refused(room, lambda: phone.answer_expectation(asked, "accepted"), key)


def test_only_activities_with_an_agreed_rung_take_commitments_answers_and_sign_offs(room: Room) -> None:
    room.agreeing(room.talks)  # Walks has no agreed rung
    phone = room.phone(room.police)
    key = "error.rule.not_agreed"
    refused(room, lambda: phone.add_commitment(room.walks, "We will"), key)
    refused(room, lambda: phone.add_expectation(room.walks, room.youth, "Come"), key)
    refused(room, lambda: phone.sign_off(room.walks), key)
    asked = room.service.add_expectation(room.walks, room.youth, room.police, "Bring lamps")
    refused(room, lambda: phone.answer_expectation(asked, "accepted"), key)
    phone.add_commitment(room.talks, "We will walk")
    phone.sign_off(room.talks)


def test_a_party_works_only_on_its_own_activities_and_expectations(room: Room) -> None:
    room.agreeing(room.talks)
    school = room.phone(room.school)
    refused(room, lambda: school.add_commitment(room.talks, "We will"), "error.not_involved")
    refused(room, lambda: school.sign_off(room.talks), "error.not_involved")
    police = room.phone(room.police)
    refused(room, lambda: police.add_expectation(room.talks, room.police, "Us"), "error.self_expectation")
    refused(room, lambda: police.add_expectation(room.talks, room.school, "You"), "error.not_involved_to")
    asked = police.add_expectation(room.talks, room.youth, "Bring the young people")
    refused(room, lambda: police.answer_expectation(asked, "accepted"), "error.not_yours")
    refused(room, lambda: room.phone(room.youth).answer_expectation(asked, "open"), "error.rule.answer")


def test_an_answer_changes_until_the_party_signs_off_and_every_change_is_logged(room: Room) -> None:
    room.agreeing(room.talks)
    asked = room.service.add_expectation(room.talks, room.police, room.youth, "Bring the young people")
    youth = room.phone(room.youth, name="Jaan")
    youth.answer_expectation(asked, "accepted")
    youth.answer_expectation(asked, "declined", "Not on weekdays")
    youth.answer_expectation(asked, "accepted")
    youth.sign_off(room.talks)
    error = refused(
        room, lambda: youth.answer_expectation(asked, "declined", "Changed our mind"), "error.rule.signed_off"
    )
    assert "Youth workers" in explain(error, Translator("en"))
    refused(room, lambda: youth.add_commitment(room.talks, "More"), "error.rule.signed_off")
    (expectation,) = room.service.session.expectations
    assert expectation.state == "accepted"
    answers = [e.data["state"] for e in room.service.session.events if e.kind == "expectation.answered"]
    assert answers == ["accepted", "declined", "accepted"]


def test_a_phase_changed_by_the_facilitator_counts_at_once(room: Room) -> None:
    """The rule is read under the lock: a device's facade made before the change obeys it."""
    room.agreeing(room.talks)
    phone = room.phone(room.police)
    room.service.set_phase("place")
    refused(room, lambda: phone.add_commitment(room.talks, "We will"), "error.rule.not_agreeing")


def test_a_closed_workshop_takes_no_change_from_a_device(room: Room) -> None:
    """Closing ends the room for every phone: nothing placed, committed, answered or signed off."""
    room.agreeing(room.talks)
    asked = room.service.add_expectation(room.talks, room.youth, room.police, "Bring lamps")
    police = room.phone(room.police)
    police.sign_off(room.talks)
    room.service.close_session()
    key = "error.rule.closed"
    error = refused(room, lambda: police.withdraw_sign_off(room.talks), key)
    assert explain(error, Translator("et")) == "Töötuba on lõpetatud: muudatusi enam ei tehta."
    youth = room.phone(room.youth)
    refused(room, lambda: youth.sign_off(room.talks), key)
    refused(room, lambda: youth.add_commitment(room.talks, "We will"), key)
    refused(room, lambda: police.answer_expectation(asked, "accepted"), key)
    found = refusal(
        room.service.session, room.youth, "signoff.given", {"party_id": room.youth, "activity_id": room.talks}
    )
    assert found is not None and found.key == key
    room.service.reopen_session()
    youth.sign_off(room.talks)


def test_the_facilitator_keeps_every_power(room: Room) -> None:
    """The rules bind devices: the facilitator enters a placement or an answer at any time."""
    room.service.place(room.walks, room.school, COMM, COOP)
    room.service.add_commitment(room.walks, room.school, "We will")
    assert len(room.service.session.placements) == 1


# ----------------------------------------------------------------- who sent it


def test_every_change_from_a_device_records_the_device_and_the_name_typed(room: Room) -> None:
    room.placing()
    room.phone(room.police, name=" Mari\x1b Tamm\u202e ", device="dev-7").place(room.talks, COMM, COOP)
    room.phone(room.youth, name="", device="dev-8").place(room.talks, COOP, COOP)
    session = room.service.session
    placed = [e for e in session.events if e.kind == "placement.recorded"]
    assert [(e.actor, e.device) for e in placed] == [("Mari Tamm", "dev-7"), ("Youth workers", "dev-8")]
    by_party = {p.party_id: p for p in session.placements}
    assert (by_party[room.police].by, by_party[room.police].device) == ("Mari Tamm", "dev-7")
    assert by_party[room.police].from_device
    room.service.set_phase("intro")
    assert all(e.device == "" for e in room.service.session.events if e.kind == "phase.changed")


def test_a_name_over_80_characters_is_refused_with_the_limit(room: Room) -> None:
    error = refused(room, lambda: room.phone(room.police, name="M" * 81), "error.too_long")
    assert "80" in explain(error, Translator("et"))
    assert room.phone(room.police, name="M" * 80).actor == "M" * 80


def test_the_facilitator_entering_over_a_phone_keeps_both_and_says_whose_it_replaced(room: Room) -> None:
    room.placing()
    room.phone(room.police, name="Mari Tamm", device="dev-1").place(room.talks, COMM, COOP)
    room.service.place(room.talks, room.police, COORD, COORD)
    (placement,) = room.service.session.placements
    assert (placement.current, placement.by, placement.device) == (COORD, "facilitator", "")  # who entered it
    assert (placement.replaced_by, placement.replaced_device) == ("Mari Tamm", "dev-1")
    placed = [
        (e.actor, e.data["current"]) for e in room.service.session.events if e.kind == "placement.recorded"
    ]
    assert placed == [("Mari Tamm", COMM), ("facilitator", COORD)]
    room.phone(room.police, name="Mari Tamm", device="dev-1").place(room.talks, COMM, COMM)
    (placement,) = room.service.session.placements
    assert (placement.replaced_by, placement.device) == ("", "dev-1")


def test_a_device_may_do_nothing_else(room: Room) -> None:
    phone = room.phone(room.police)
    with pytest.raises(NotAllowed):
        room.service.reveal(room.talks, actor=phone.author)
    with pytest.raises(NotAllowed):
        room.service.update_party(room.youth, actor=phone.author, name="Nobody")


def test_a_page_asks_the_same_rules_of_a_built_session(room: Room) -> None:
    """`rules.refusal` reads a `Session` (a phone's page) and says what the live check would."""
    party, talks = room.police, room.talks
    commit = {"party_id": party, "activity_id": talks}

    def said() -> str | None:
        found = refusal(room.service.session, party, "commitment.added", commit)
        return found.key if found else None

    assert said() == "error.rule.not_agreeing"
    room.service.set_phase("agree")
    assert said() == "error.rule.not_agreed"
    room.service.agree(talks, current=COOP)
    assert said() is None
    room.phone(party).sign_off(talks)
    assert said() == "error.rule.signed_off"
    found = refusal(
        room.service.session, room.school, "commitment.added", {"party_id": room.school, "activity_id": talks}
    )
    assert found is not None and found.key == "error.not_involved"
    place = {"party_id": party, "activity_id": talks}
    assert (
        getattr(refusal(room.service.session, party, "placement.recorded", place), "key", None)
        == "error.rule.not_placing"
    )
    assert (
        getattr(refusal(room.service.session, party, "activity.revealed", {"id": talks}), "key", None)
        == "error.not_allowed"
    )
