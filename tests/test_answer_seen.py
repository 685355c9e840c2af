"""The core keeps an answer the facilitator did not see from being overwritten: an answer that
names the answer it replaces (`seen`) is refused when another device answered since."""

from __future__ import annotations

import dataclasses

import pytest

from facilitator.core.errors import ChangeRejected
from facilitator.core.i18n import Translator, explain
from facilitator.core.service import SessionService, replay
from tests.test_room_rules import Room


def test_an_answer_over_one_not_seen_is_refused_and_over_the_one_seen_is_saved(
    service: SessionService,
) -> None:
    room = Room(service)
    room.agreeing(room.talks)
    asked = service.add_expectation(room.talks, room.police, room.youth, "Bring the young people")
    youth = room.phone(room.youth, name="Jüri")
    youth.answer_expectation(asked, "amended", "Once a week")
    seen = ("open", "")  # what the facilitator's form showed, before the phone answered
    before = service.session.last_seq
    with pytest.raises(ChangeRejected) as caught:
        service.answer_expectation(asked, "accepted", seen=seen)
    assert caught.value.key == "error.change.answer_changed"
    assert service.session.last_seq == before
    assert explain(caught.value, Translator("et")) == (
        "Vastust muudeti vahepeal (nüüd: muudetud): see tuleb enne uut vastust üle vaadata."
    )
    service.answer_expectation(asked, "accepted", seen=("amended", "Once a week"))
    (answer,) = service.session.expectations
    assert (answer.state, answer.response, answer.text) == ("accepted", "", "Bring the young people")
    last = service.session.events[-1]
    assert (last.data["seen_state"], last.data["seen_response"]) == ("amended", "Once a week")


def test_a_replay_applies_what_was_saved(service: SessionService) -> None:
    """The check is the live room's: the timeline replays the log as it happened."""
    room = Room(service)
    room.agreeing(room.talks)
    asked = service.add_expectation(room.talks, room.police, room.youth, "Bring the young people")
    room.phone(room.youth).answer_expectation(asked, "declined", "No staff")
    session = service.session
    last = session.events[-1]
    stale = {"id": asked, "state": "accepted", "response": "", "seen_state": "open", "seen_response": ""}
    older = dataclasses.replace(last, seq=last.seq + 1, kind="expectation.answered", device="", data=stale)
    meta = service.file.read()["meta"]["session"]
    rebuilt = replay(meta, [*session.events, older], session.scenario)
    assert rebuilt.expectations[0].state == "accepted"
