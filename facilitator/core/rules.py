"""The room's rules for a participant's device: what a party may change, and when.

A party places only the activity the facilitator opened, in the placement phase, until its
reveal; it commits, expects, answers and signs off only in the roles and expectations phase,
on its own activities whose rung has been agreed, and its answers stay open until it signs
off; once the workshop is closed (`session.closed`), it changes nothing. `check` runs
inside the change's transaction (`changes.apply_change`), on the tables as they are under
the lock, so the app, the phones and the CLI can't disagree and a phase changed a moment
earlier counts. The facilitator (no `Author`) keeps every power, and a
replay of the log is not checked again.

The same rules read a `Session` too (`refusal`): a phone's page offers only the forms its
party may use now, and says why of the others, in the words a refusal would use.

Each refusal is a `NotAllowed` with one sentence in the catalogue (`error.rule.*`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from facilitator.core.errors import ChangeRejected, NotAllowed
from facilitator.core.kinds.base import Context
from facilitator.core.model import (
    ACTIVITIES,
    EXPECTATIONS,
    FOLLOWUPS,
    PARTIES,
    SIGNOFFS,
    Activity,
    FollowUp,
    Session,
)
from facilitator.core.scenario import Scenario
from facilitator.core.schema.events import (
    CommitmentAdded,
    ExpectationAdded,
    ExpectationAnswered,
    FollowUpRecorded,
    PlacementRecorded,
    SignOffChange,
)
from facilitator.core.schema.table import pair_id

PLACE, AGREE, FOLLOWUP = "place", "agree", "followup"
"""The agenda phase kinds in which a party places, agrees roles and expectations, and answers
for its own promises of last time."""


class Facts(Protocol):
    """What the rules read of a session: the tables under the lock, or a built `Session`."""

    def phase_kind(self) -> str: ...
    def closed(self) -> bool: ...
    def open_activity(self) -> str | None: ...
    def activity(self, activity_id: Any) -> Activity: ...
    def party_name(self, party_id: Any) -> str: ...
    def signed_off(self, activity_id: str, party_id: str) -> bool: ...
    def addressee(self, expectation_id: Any) -> tuple[str, str]:
        """(the party it is addressed to, its activity)."""
        ...

    def followup(self, item_id: Any) -> FollowUp: ...


def _phase_kind(phase_id: str, scenario: Scenario) -> str:
    return next((p.kind for p in scenario.agenda if p.id == phase_id), "")


class _Tables:
    """The facts as the change's transaction sees them."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def phase_kind(self) -> str:
        return _phase_kind(self.ctx.info().phase, self.ctx.scenario)

    def closed(self) -> bool:
        return bool(self.ctx.info().closed_at)

    def open_activity(self) -> str | None:
        return self.ctx.info().open_activity

    def activity(self, activity_id: Any) -> Activity:
        return self.ctx.need(ACTIVITIES, activity_id)

    def party_name(self, party_id: Any) -> str:
        return self.ctx.need(PARTIES, party_id).name

    def signed_off(self, activity_id: str, party_id: str) -> bool:
        return self.ctx.find(SIGNOFFS, pair_id(activity_id, party_id)) is not None

    def addressee(self, expectation_id: Any) -> tuple[str, str]:
        found = self.ctx.need(EXPECTATIONS, expectation_id)
        return found.to_party, found.activity_id

    def followup(self, item_id: Any) -> FollowUp:
        return self.ctx.need(FOLLOWUPS, item_id)


class _Built:
    """The facts as a built session shows them (a phone's page)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def phase_kind(self) -> str:
        return _phase_kind(self.session.room.phase, self.session.scenario)

    def closed(self) -> bool:
        return bool(self.session.info.closed_at)

    def open_activity(self) -> str | None:
        return self.session.room.open_activity

    def activity(self, activity_id: Any) -> Activity:
        if not isinstance(activity_id, str) or not self.session.has_activity(activity_id):
            raise ChangeRejected(f"no activity with id {activity_id!r}", "error.gone")
        return self.session.activity(activity_id)

    def party_name(self, party_id: Any) -> str:
        if not isinstance(party_id, str) or not self.session.has_party(party_id):
            raise ChangeRejected(f"no party with id {party_id!r}", "error.gone")
        return self.session.party_name(party_id)

    def signed_off(self, activity_id: str, party_id: str) -> bool:
        return any(s.party_id == party_id for s in self.session.signoffs_for(activity_id))

    def addressee(self, expectation_id: Any) -> tuple[str, str]:
        found = next((e for e in self.session.expectations if e.id == expectation_id), None)
        if found is None:
            raise ChangeRejected(f"no expectation with id {expectation_id!r}", "error.gone")
        return found.to_party, found.activity_id

    def followup(self, item_id: Any) -> FollowUp:
        found = next((f for f in self.session.followups if f.id == item_id), None)
        if found is None:
            raise ChangeRejected(f"no follow-up item with id {item_id!r}", "error.gone")
        return found


def _own(party: str, claimed: Any) -> None:
    if claimed != party:
        raise NotAllowed("a device speaks only for its own party", "error.rule.own_party")


def _involved(facts: Facts, activity_id: Any, party: str) -> Activity:
    activity = facts.activity(activity_id)
    if party not in activity.party_ids:
        name = facts.party_name(party)
        raise NotAllowed(
            f"{name!r} does not take part in {activity.title!r}",
            "error.not_involved",
            party=name,
            activity=activity.title,
        )
    return activity


def _placing(facts: Facts, data: PlacementRecorded, party: str) -> None:
    _own(party, data.get("party_id"))
    if facts.phase_kind() != PLACE:
        raise NotAllowed("placements are made in the placement phase", "error.rule.not_placing")
    activity = _involved(facts, data.get("activity_id"), party)
    if facts.open_activity() != activity.id:
        raise NotAllowed(
            f"the facilitator has not opened {activity.title!r} for placement",
            "error.rule.not_open",
            activity=activity.title,
        )
    if activity.revealed:
        raise NotAllowed("this round is already revealed", "error.already_revealed")


def _agreeing(facts: Facts, activity_id: Any, party: str, *, signing: bool = False) -> None:
    """The roles and expectations phase, the party's own activity, its rung agreed, and
    (unless this is the sign-off itself) the party not signed off yet."""
    if facts.phase_kind() != AGREE:
        raise NotAllowed(
            "commitments, expectations, answers and sign-offs are made in the roles and expectations phase",
            "error.rule.not_agreeing",
        )
    activity = _involved(facts, activity_id, party)
    if activity.agreed_current is None:
        raise NotAllowed(
            f"{activity.title!r} has no agreed rung yet", "error.rule.not_agreed", activity=activity.title
        )
    if not signing and facts.signed_off(activity.id, party):
        name = facts.party_name(party)
        raise NotAllowed(
            f"{name!r} has signed off {activity.title!r}: its answers can't change any more",
            "error.rule.signed_off",
            party=name,
            activity=activity.title,
        )


def _committing(facts: Facts, data: CommitmentAdded, party: str) -> None:
    _own(party, data.get("party_id"))
    _agreeing(facts, data.get("activity_id"), party)


def _expecting(facts: Facts, data: ExpectationAdded, party: str) -> None:
    _own(party, data.get("from_party"))
    _agreeing(facts, data.get("activity_id"), party)
    if "to_party" not in data:
        return  # asked by a page: whether it may address anyone here at all
    if data.get("to_party") == party:
        raise NotAllowed("a party's own promise is a commitment", "error.self_expectation")
    if data.get("to_party") not in facts.activity(data.get("activity_id")).party_ids:
        raise NotAllowed("expectations go to another party of the same activity", "error.not_involved_to")


def _answering(facts: Facts, data: ExpectationAnswered, party: str) -> None:
    to_party, activity_id = facts.addressee(data.get("id"))
    if to_party != party:
        raise NotAllowed("only the party it is addressed to answers an expectation", "error.not_yours")
    _agreeing(facts, activity_id, party)


def _signing(facts: Facts, data: SignOffChange, party: str) -> None:
    _own(party, data.get("party_id"))
    _agreeing(facts, data.get("activity_id"), party, signing=True)


def _following_up(facts: Facts, data: FollowUpRecorded, party: str) -> None:
    """A party's own item of last time, in the follow-up phase, until the room has recorded it;
    its answer waits for the facilitator's confirmation."""
    if facts.phase_kind() != FOLLOWUP:
        raise NotAllowed(
            "last time's promises are followed up in the follow-up phase", "error.rule.not_following_up"
        )
    item = facts.followup(data.get("id"))
    if item.party_id != party or item.kind == "activity":
        raise NotAllowed("a party answers for its own promises only", "error.not_yours")
    if item.confirmed:
        raise NotAllowed("the room has recorded this one already", "error.rule.followed_up")
    if data.get("confirmed") is not False:
        raise NotAllowed("only the facilitator confirms an answer", "error.not_allowed")


RULES: dict[str, Callable[[Facts, Any, str], None]] = {
    "placement.recorded": _placing,
    "commitment.added": _committing,
    "expectation.added": _expecting,
    "expectation.answered": _answering,
    "signoff.given": _signing,
    "signoff.withdrawn": _signing,
    "followup.recorded": _following_up,
}
"""The kinds of change a participant's device may make, each with its rule."""


def _apply(facts: Facts, kind: str, data: Mapping[str, object], party: str) -> None:
    rule = RULES.get(kind)
    if rule is None:
        raise NotAllowed(
            f"a participant's device may not make a {kind!r} change: only the facilitator may",
            "error.not_allowed",
        )
    facts.party_name(party)  # the party itself is still there
    if facts.closed():
        raise NotAllowed("the workshop is closed: a party changes nothing any more", "error.rule.closed")
    rule(facts, data, party)


def check(ctx: Context, kind: str, data: Mapping[str, object], party: str) -> None:
    """Refuse (`NotAllowed`) a change a device of `party` may not make now; else nothing."""
    _apply(_Tables(ctx), kind, data, party)


def refusal(session: Session, party: str, kind: str, data: Mapping[str, object]) -> ChangeRejected | None:
    """Why a device of `party` may not make this change on `session` now (None: it may).

    For a page deciding which forms to offer: `data` needs only what the rule reads (an
    expectation's addressee may be left out: then whether the party may address anyone)."""
    try:
        _apply(_Built(session), kind, data, party)
    except ChangeRejected as error:
        return error
    return None
