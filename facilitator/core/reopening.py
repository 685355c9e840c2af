"""Sign-offs a change would reopen, and which change reopened a party's sign-off.

A party signs off an activity's agreement: its rung, roles, commitments, expectations and
fields. A change to any of them makes every sign-off of the activity void (the kinds declare
which: `EventKind.reopens`), and the parties sign again on what it now says. Nothing of this
happens unseen: the app asks before such a change, naming whom it reopens
(`would_reopen`), and says after it what it reopened; a party's phone says which change
reopened its sign-off (`reopenings`). Pure functions over a built `Session`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from facilitator.core.model import Activity, Event, Session

REASONS = {
    "activity.agreed": "agree.reason.rung",
    "activity.revote": "agree.reason.revote",
    "role.set": "agree.reason.roles",
    "commitment.added": "agree.reason.commitments",
    "commitment.updated": "agree.reason.commitments",
    "commitment.removed": "agree.reason.commitments",
    "expectation.added": "agree.reason.expectations",
    "expectation.answered": "agree.reason.expectations",
    "expectation.removed": "agree.reason.expectations",
    "field.set": "agree.reason.fields",
}
"""Why a kind of change reopened sign-offs, as the catalogue says it."""


def reason_key(kind: str) -> str:
    """The catalogue's words for why a change of `kind` reopened sign-offs."""
    return REASONS.get(kind, "agree.reason.other")


def signed_parties(session: Session, activity_id: str) -> tuple[str, ...]:
    """The parties that have signed off the activity's agreement, in the activity's order."""
    signed = {s.party_id for s in session.signoffs_for(activity_id)}
    activity = session.activity(activity_id)
    ordered = [p for p in activity.party_ids if p in signed]
    return (*ordered, *sorted(signed - set(ordered)))


def would_reopen(session: Session, kind: str, activity_id: str) -> tuple[str, ...]:
    """The parties whose sign-offs a change of `kind` to the activity would make void."""
    from facilitator.core.kinds import KINDS  # (the kinds when first asked: not at the app's start)

    declared = KINDS.get(kind)
    if declared is None or not declared.reopens or not session.has_activity(activity_id):
        return ()
    return signed_parties(session, activity_id)


def agreement_mark(session: Session, activity_id: str) -> int:
    """Where the activity's agreement (what a sign-off is on) last changed: the number of the
    latest change of a kind that reopens sign-offs (0: none). Equal marks, the same agreement."""
    marks = session.__dict__.get("_agreement_marks")
    if marks is None:  # one walk of the log per session, kept with it: forty phones' pages
        import facilitator.core.kinds  # noqa: F401  (every kind declared: which ones reopen)
        from facilitator.core.kinds.base import reopened_activity

        marks = session.__dict__["_agreement_marks"] = {}
        for event in session.events:
            if isinstance(concerned := reopened_activity(event.kind, event.data), str):
                marks[concerned] = event.seq
    mark: int = marks.get(activity_id, 0)
    return mark


_AT_MOST: ContextVar[frozenset[str] | None] = ContextVar("reopen_at_most", default=None)


@contextmanager
def reopening_at_most(parties: Iterable[str]) -> Iterator[None]:
    """Changes made inside (this thread, this task) may void only these parties' sign-offs.

    The check is made under the file's lock, against the file as it is then: a sign-off
    given on a phone after the facilitator was asked refuses the change (`SignedMeanwhile`)
    instead of being voided unasked. Phones' own changes, on other threads, are not bound."""
    token = _AT_MOST.set(frozenset(parties))
    try:
        yield
    finally:
        _AT_MOST.reset(token)


def reopen_allowance() -> frozenset[str] | None:
    """The parties a change made now may reopen (`reopening_at_most`), or None: no bound."""
    return _AT_MOST.get()


def blind_round_open(session: Session, activity: Activity) -> bool:
    """Whether the activity's blind round is under way, so its rung can't be agreed yet."""
    from facilitator.core.kinds.placement import round_open

    return round_open(activity, bool(session.placements_for(activity.id)))


@dataclass(frozen=True)
class Reopening:
    """The change that made a party's sign-off void, which the party has not signed again since."""

    kind: str
    actor: str
    """Who made it: the name typed on a phone, or the facilitator's name."""
    from_phone: bool
    at: str

    @property
    def reason(self) -> str:
        return reason_key(self.kind)


def reopenings(session: Session, party_id: str | None = None) -> dict[str, dict[str, Reopening]]:
    """Per activity, the parties (only `party_id`, if given) whose sign-off a change voided
    and who have not signed again: the latest such change. One walk of the log per session,
    kept with it (like `authorship.entered_for`): forty phones' pages walk it once."""
    every = session.__dict__.get("_reopenings")
    if every is None:
        every = session.__dict__["_reopenings"] = _walk(session)
    if party_id is None:
        return every
    return {a: {party_id: r} for a, parties in every.items() if (r := parties.get(party_id)) is not None}


def _walk(session: Session) -> dict[str, dict[str, Reopening]]:
    found: dict[str, dict[str, Event]] = {}
    for event in session.events:
        data = event.data
        activity_id = data.get("activity_id") or data.get("id")
        if not isinstance(activity_id, str):
            continue
        if event.kind in ("signoff.given", "signoff.withdrawn"):
            found.get(activity_id, {}).pop(str(data.get("party_id")), None)
        for party in data.get("reopened", ()):
            found.setdefault(activity_id, {})[party] = event
    out: dict[str, dict[str, Reopening]] = {}
    for activity_id, parties in found.items():
        if not session.has_activity(activity_id):
            continue
        signed = {s.party_id for s in session.signoffs_for(activity_id)}
        kept = {
            party: Reopening(e.kind, e.actor, bool(e.device), e.at)
            for party, e in parties.items()
            if party not in signed
        }
        if kept:
            out[activity_id] = kept
    return out
