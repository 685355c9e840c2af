"""What a change to an agreement undoes, decided in the core (`core.reopening`, the round rule).

An agreed rung is not set over a blind round nobody has seen (the guide's order: place blind,
reveal, discuss, agree), whoever asks: the app, a script, a phone. The sign-offs a change would
reopen are known before it is made, and which change reopened a party's sign-off after."""

from __future__ import annotations

import dataclasses

import pytest

from facilitator.core.errors import ChangeRejected
from facilitator.core.i18n import Translator, explain
from facilitator.core.reopening import blind_round_open, reopenings, signed_parties, would_reopen
from facilitator.core.service import SessionService, replay

COMM, COOP = "communication", "cooperation"


@pytest.fixture
def talks(service: SessionService) -> tuple[SessionService, str, str, str]:
    police, town = service.add_party("Police"), service.add_party("Town")
    activity = service.add_activity("Talks", party_ids=[police, town])
    service.set_phase("place")
    return service, activity, police, town


def test_an_open_blind_round_gets_no_agreed_rung_until_its_reveal(
    talks: tuple[SessionService, str, str, str],
) -> None:
    service, activity, police, _town = talks
    service.open_placement(activity)
    assert not blind_round_open(service.session, service.session.activity(activity))  # nothing hidden yet
    service.place(activity, police, COMM, COOP)
    assert blind_round_open(service.session, service.session.activity(activity))
    service.open_placement(None)  # closed, not revealed: the placement is still hidden
    for fields in ({"current": COMM}, {"wished": COOP}, {"current": COMM, "wished": COOP}):
        with pytest.raises(ChangeRejected) as refused:
            service.agree(activity, **fields)
    et = explain(refused.value, Translator("et"))
    assert et.startswith("Tegevuse „Talks“ paigutamine on veel pooleli: enne tuleb see avalikustada (Enter)")
    assert service.session.activity(activity).agreed_current is None
    service.agree(activity, note="we talk first")  # the note alone, or clearing, is no rung
    service.agree(activity, current=None)
    service.reveal(activity)
    assert not blind_round_open(service.session, service.session.activity(activity))
    service.agree(activity, current=COOP)
    assert service.session.activity(activity).agreed_current == COOP


def test_an_activity_never_placed_is_moved_directly(talks: tuple[SessionService, str, str, str]) -> None:
    service, activity, _police, _town = talks
    service.agree(activity, current=COMM)  # no round under way: the board's direct move
    assert service.session.activity(activity).agreed_current == COMM


def test_an_older_log_that_agreed_before_the_reveal_still_replays(
    talks: tuple[SessionService, str, str, str],
) -> None:
    """A replay applies what happened, under the rules of its time."""
    service, activity, police, _town = talks
    service.place(activity, police, COMM, COOP)
    session = service.session
    last = session.events[-1]
    older = dataclasses.replace(
        last, seq=last.seq + 1, kind="activity.agreed", data={"id": activity, "current": COMM}
    )
    meta = service.file.read()["meta"]["session"]
    rebuilt = replay(meta, [*session.events, older], session.scenario)
    assert rebuilt.activity(activity).agreed_current == COMM


def test_which_sign_offs_a_change_would_reopen_and_which_change_did(
    talks: tuple[SessionService, str, str, str],
) -> None:
    service, activity, police, town = talks
    service.agree(activity, current=COMM)
    service.set_phase("agree")
    assert would_reopen(service.session, "activity.agreed", activity) == ()
    service.sign_off(activity, town)
    service.sign_off(activity, police)
    session = service.session
    assert signed_parties(session, activity) == (police, town)  # in the activity's order
    for kind in ("activity.agreed", "role.set", "commitment.added", "field.set", "expectation.answered"):
        assert would_reopen(session, kind, activity) == (police, town)
    for kind in ("signoff.given", "placement.recorded", "phase.changed"):
        assert would_reopen(session, kind, activity) == ()
    assert reopenings(session) == {}
    phone = service.for_party(town, device="dev-7", name="Mari Tamm")
    phone.withdraw_sign_off(activity)
    phone.add_commitment(activity, "We light the yard")  # reopens Police's sign-off
    found = reopenings(service.session)
    assert list(found) == [activity] and list(found[activity]) == [police]
    why = found[activity][police]
    assert (why.kind, why.actor, why.from_phone, why.reason) == (
        "commitment.added",
        "Mari Tamm",
        True,
        "agree.reason.commitments",
    )
    assert reopenings(service.session, town) == {}
    service.sign_off(activity, police)  # signed again: nothing to explain any more
    assert reopenings(service.session) == {}


def test_a_change_bound_to_the_parties_asked_about_is_refused_when_another_signed_meanwhile(
    talks: tuple[SessionService, str, str, str],
) -> None:
    """The decisive check is made under the lock, against the file as it is then: another
    process (a phone's server) signing after the question refuses the change, whole."""
    from facilitator.core.errors import SignedMeanwhile
    from facilitator.core.reopening import reopening_at_most

    service, activity, police, town = talks
    service.agree(activity, current=COMM)
    service.set_phase("agree")
    service.sign_off(activity, police)
    asked = would_reopen(service.session, "role.set", activity)
    assert asked == (police,)
    SessionService(service.path).sign_off(activity, town)  # a phone, after the question
    before = len(service.session.events)
    with reopening_at_most(asked), pytest.raises(SignedMeanwhile) as refused:
        service.set_role(activity, police, "lead")
    said = explain(refused.value, Translator("et"))
    assert said.startswith("Osapool kinnitas vahepeal: midagi ei muudetud")
    after = service.session
    assert len(after.events) == before and len(after.signoffs_for(activity)) == 2
    assert after.roles_for(activity) == {}
    with reopening_at_most((police, town)):  # asked again, about both: now it is made
        service.set_role(activity, police, "lead")
    assert service.session.events[-1].data["reopened"] == sorted([police, town])
    service.add_commitment(activity, town, "We walk")  # outside the bound: no bound (CLI, phones)


def test_a_sign_off_on_an_agreement_changed_since_it_was_shown_is_refused_under_the_lock(
    talks: tuple[SessionService, str, str, str],
) -> None:
    """A party signs off the agreement it saw (`seen_mark`): a change another process made after
    it was shown refuses the sign-off, nothing written; a party signed already gets no second
    sign-off in the log; an old log without marks still replays."""
    from facilitator.core.errors import AgreementChanged, AlreadySigned
    from facilitator.core.reopening import agreement_mark

    service, activity, police, town = talks
    service.set_phase("agree")
    shown = agreement_mark(service.session, activity)
    SessionService(service.path).set_role(activity, police, "lead")  # another process, after it was shown
    before = len(service.session.events)
    with pytest.raises(AgreementChanged) as refused:
        service.sign_off(activity, town, mark=shown)
    assert explain(refused.value, Translator("et")).startswith("Kokkulepet muudeti pärast selle näitamist")
    assert len(service.session.events) == before and service.session.signoffs_for(activity) == ()
    now = agreement_mark(service.session, activity)
    assert now > shown
    service.sign_off(activity, town, mark=now)  # shown again, signed on what holds now
    assert service.session.events[-1].data["seen_mark"] == now
    count = len(service.session.events)
    with pytest.raises(AlreadySigned):  # signed meanwhile (its phone): no second event
        service.sign_off(activity, town, mark=now)
    assert len(service.session.events) == count
    service.sign_off(activity, police)  # no mark (an older caller, the CLI): as before
    session, meta = service.session, service.file.read()["meta"]["session"]
    assert len(replay(meta, session.events, session.scenario).signoffs_for(activity)) == 2  # not re-judged
