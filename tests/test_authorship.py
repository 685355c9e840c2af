"""Every later view says truthfully who did what: a party's own word (a placement, an answer, a
promise, a sign-off, a follow-up answer) that the facilitator entered for it is told as entered
by the facilitator for that party, never as if the party had sent it; one a phone sent is told
with the name and the device the log keeps."""

from __future__ import annotations

import dataclasses

import pytest

from facilitator.core.followup import promises
from facilitator.core.i18n import Translator
from facilitator.core.library import SessionLibrary
from facilitator.core.model import Event, Session
from facilitator.core.review import EventLine, describe_events
from facilitator.core.rules import RULES
from facilitator.core.scenario import Scenario

ENTERED = {
    "en": "entered by the facilitator for the party Police",
    "et": "sisestas läbiviija osapoole Police eest",
}
PHONE = {"en": "from a phone (d1a2b3c4)", "et": "telefonist (d1a2b3c4)"}


def spoken_for(library: SessionLibrary, scenario: Scenario) -> tuple[Session, dict[str, str]]:
    """A session in which the facilitator enters, for the party Police, every kind of change
    that Police's phone could have made itself (`rules.RULES`), and rewords its promise."""
    first = library.create(scenario, "Last year")
    police, town = first.add_party("Police"), first.add_party("Town")
    talks = first.add_activity("Themed talks", party_ids=[police, town])
    first.add_commitment(talks, police, "We come to every meeting")
    service = library.create_from(first.session.id)
    service.place(talks, police, "communication", "cooperation")
    service.reveal(talks)
    service.agree(talks, current="communication")
    commitment = service.add_commitment(talks, police, "We bring the figures")
    service.update_commitment(commitment, "We bring the latest figures")
    service.add_expectation(talks, police, town, "Book the hall")
    asked = service.add_expectation(talks, town, police, "Tell us early")
    service.answer_expectation(asked, "accepted")
    service.sign_off(talks, police)
    service.withdraw_sign_off(talks, police)
    service.set_phase("followup")
    item = next(i for i in promises(service.session) if i.party_id == police)
    service.record_followup(item.id, "done", "", confirmed=False)  # as the phone would: to confirm
    return service.session, {"police": police, "town": town}


def lines_of(session: Session, language: str, events: tuple[Event, ...] | None = None) -> list[EventLine]:
    return describe_events(session, Translator(language), events=events)


@pytest.mark.parametrize("language", ["en", "et"])
def test_a_partys_word_entered_by_the_facilitator_is_told_as_entered_for_it(
    library: SessionLibrary, scenario: Scenario, language: str
) -> None:
    session, _ids = spoken_for(library, scenario)
    lines = lines_of(session, language)
    facilitator = Translator(language)("review.actor.facilitator")
    told = {line.kind for line in lines if line.what.endswith(ENTERED[language])}
    assert set(RULES) | {"commitment.updated"} <= told  # every kind a party's phone could make
    for line in lines:
        assert line.who == facilitator, line  # nothing here came from Police's phone
        if line.kind in ("phase.changed", "party.added", "activity.added", "activity.revealed"):
            assert "Police eest" not in line.what and "for the party Police" not in line.what
    placed = next(line for line in lines if line.kind == "placement.recorded")
    assert "Police placed" not in placed.what and "paigutanud: Police" not in placed.what


@pytest.mark.parametrize("language", ["en", "et"])
def test_the_same_changes_sent_from_a_phone_name_its_person_and_device(
    library: SessionLibrary, scenario: Scenario, language: str
) -> None:
    session, _ids = spoken_for(library, scenario)
    from_phone = tuple(
        dataclasses.replace(e, actor="Mari Tamm", device="d1a2b3c4") if e.kind in RULES else e
        for e in session.events
    )
    lines = lines_of(session, language, from_phone)
    phone_lines = [line for line in lines if line.kind in RULES]
    assert {line.kind for line in phone_lines} == set(RULES)
    for line in phone_lines:
        assert line.who == "Mari Tamm"
        assert line.what.endswith(PHONE[language]), line.what
        assert ENTERED[language] not in line.what


def test_an_older_file_that_logged_the_partys_id_for_the_facilitators_placement(
    library: SessionLibrary, scenario: Scenario
) -> None:
    """Before, `place` logged the party's id as the actor of the facilitator's placement: the
    timeline of such a file still says the facilitator entered it."""
    session, ids = spoken_for(library, scenario)
    older = tuple(
        dataclasses.replace(e, actor=ids["police"]) if e.kind == "placement.recorded" else e
        for e in session.events
    )
    placed = next(line for line in lines_of(session, "en", older) if line.kind == "placement.recorded")
    assert placed.who == "facilitator"
    assert placed.what.endswith(ENTERED["en"])


def test_the_facilitators_placement_is_logged_as_the_facilitators(
    library: SessionLibrary, scenario: Scenario
) -> None:
    session, ids = spoken_for(library, scenario)
    event = next(e for e in session.events if e.kind == "placement.recorded")
    assert (event.actor, event.device) == ("facilitator", "")
    placement = next(p for p in session.placements if p.party_id == ids["police"])
    assert (placement.by, placement.device) == ("facilitator", "")


def test_a_change_the_log_names_neither_way_is_told_as_logged(
    library: SessionLibrary, scenario: Scenario
) -> None:
    """No device and a name that is not the facilitator's (a file from before phones logged
    their device): the line names who the log names and claims nothing about who entered it."""
    session, _ids = spoken_for(library, scenario)
    older = tuple(
        dataclasses.replace(e, actor="Mari Tamm") if e.kind == "signoff.given" else e for e in session.events
    )
    signed = next(line for line in lines_of(session, "en", older) if line.kind == "signoff.given")
    assert signed.who == "Mari Tamm"
    assert "facilitator" not in signed.what and "phone" not in signed.what


def test_the_index_of_entered_words_follows_the_log(library: SessionLibrary, scenario: Scenario) -> None:
    """`authorship.entered_for`: what the facilitator entered for a party, from the log, also
    when extended by appended events alone (as after each change), and for older files that
    logged the party's id as the actor; a phone's word (a device) and another name are not."""
    from facilitator.core.authorship import entered_for

    session, ids = spoken_for(library, scenario)
    commitment = next(c for c in session.commitments if c.text == "We bring the latest figures")
    asked = next(e for e in session.expectations if e.text == "Tell us early")
    first = entered_for(session)
    assert first.commitment(commitment.id) and first.expectation(asked.id) and first.answer(asked.id)
    assert entered_for(session) is first  # made once per session
    by_phone = dataclasses.replace(session.events[-1], seq=session.events[-1].seq + 1)
    answered = dataclasses.replace(
        by_phone,
        kind="expectation.answered",
        data={"id": asked.id, "state": "declined"},
        device="d1",
        actor="Mari",
    )
    later = dataclasses.replace(session, events=(*session.events, answered))
    assert not entered_for(later).answer(asked.id)  # extended: the phone's answer now stands
    assert entered_for(later).commitment(commitment.id)
    older = tuple(
        dataclasses.replace(e, actor=ids["police"]) if e.kind == "expectation.answered" else e
        for e in session.events
    )
    assert entered_for(dataclasses.replace(session, events=older)).answer(asked.id)
    renamed = tuple(
        dataclasses.replace(e, actor="Mari Tamm") if e.kind == "commitment.updated" else e
        for e in session.events
    )
    assert not entered_for(dataclasses.replace(session, events=renamed)).commitment(commitment.id)
