"""Who may see what, and who may do what: the one place blindness and participants' powers live.

`party_view` is the cut every front end shows: a party sees its own placements, other
parties' only once their round is revealed, and everything agreed. The room (the projector,
reports, the timeline, mismatch texts) is `party_view(session, None)`: nobody's placement
before the reveal, only that it was made. `PartyService` is what a participant's device may
do, for its own party only; the facilitator's `SessionService` keeps every power.
"""

from __future__ import annotations

import dataclasses
import inspect
from typing import Any, Protocol

from facilitator.core.errors import NotAllowed
from facilitator.core.i18n import Worded
from facilitator.core.model import PLACEMENTS, Activity, Author, Event, LaterEvents, Placement, Session


class SessionChanges(Protocol):
    """What a party's facade asks of the session service: the newest session, and the changes
    a party may make, each made as the party's `actor` (the service imports this module, for
    `for_party` and `party_view`, so the facade sees the service through this declaration)."""

    @property
    def session(self) -> Session: ...

    def place(
        self, activity_id: str, party_id: str, current: str, wished: str, actor: Any = None
    ) -> Event: ...

    def answer_expectation(
        self, expectation_id: str, state: str, response: str = "", actor: Any = None
    ) -> Event: ...

    def add_commitment(self, activity_id: str, party_id: str, text: str, actor: Any = None) -> str: ...

    def add_expectation(
        self, activity_id: str, from_party: str, to_party: str, text: str, actor: Any = None
    ) -> str: ...

    def sign_off(self, activity_id: str, party_id: str, actor: Any = None, *, mark: int = -1) -> Event: ...

    def withdraw_sign_off(self, activity_id: str, party_id: str, actor: Any = None) -> Event: ...

    def record_followup(
        self,
        item_id: str,
        outcome: str,
        note: str | None = None,
        *,
        confirmed: bool = True,
        actor: Any = None,
    ) -> Event: ...


HIDDEN = ""
"""The rung of a placement the viewer may not see yet: that it was made shows, not where."""


def round_revealed(activity: Activity, round_number: int) -> bool:
    """A round is revealed once the facilitator revealed it; a re-vote needs a revealed round."""
    return round_number < activity.round or (round_number == activity.round and activity.revealed)


def _cut_placement(placement: Placement) -> Placement:
    return PLACEMENTS.replaced(placement, current=HIDDEN, wished=HIDDEN)


class _LastCut:
    """What the last cuts made, kept so the next cut (after one change) redoes only what changed:
    the hidden copy of each placement (by the placement's identity: rows never change in place),
    and per viewer the log as cut, with what it was cut from. Each is replaced in one assignment,
    so a thread reading meanwhile sees the old or the new, whole."""

    def __init__(self) -> None:
        self.hidden: dict[int, tuple[Placement, Placement]] = {}
        self.logs: dict[str | None, _CutLog] = {}


class _CutLog:
    """One viewer's cut of the log: from which events, under which open rounds, to what."""

    __slots__ = ("events", "known", "open_rounds", "result", "rounds")

    def __init__(
        self,
        events: tuple[Event, ...],
        open_rounds: dict[str, int],
        known: set[str],
        rounds: dict[str, int],
        result: tuple[Event, ...],
    ) -> None:
        self.events, self.open_rounds, self.known = events, open_rounds, known
        self.rounds, self.result = rounds, result

    def extends(self, events: tuple[Event, ...], open_rounds: dict[str, int], known: set[str]) -> bool:
        """Whether `events` is this log with events appended, under the same rounds: then only
        the new events need cutting."""
        old = self.events
        return (
            len(events) >= len(old)
            and (not old or (events[0] is old[0] and events[len(old) - 1] is old[-1]))
            and open_rounds == self.open_rounds
            and known == self.known
        )


_LAST = _LastCut()


def _cut_events(session: Session, party_id: str | None) -> tuple[Event, ...]:
    """The log with the rungs of placements the viewer may not see yet taken out.

    Only placements into a round still open can be hidden: an earlier round was revealed
    before its re-vote. So only those activities' placement events (and of activities
    since removed) are looked at closely; the rest of the log is passed by its kind.
    After a change that appended to the log and left every round as it was, only the
    appended events are looked at.
    """
    open_rounds = {a.id: a.round for a in session.activities if not a.revealed}
    known = {a.id for a in session.activities}
    events = session.events
    last = _LAST.logs.get(party_id)
    if last is not None and last.extends(events, open_rounds, known):
        start, rounds, done = len(last.events), dict(last.rounds), last.result
        nothing_hidden = last.result is last.events
    else:
        start, rounds, done, nothing_hidden = 0, {}, (), True
    new = events[start:]
    replaced: dict[int, Event] = {}
    for index, event in enumerate(new):
        kind = event.kind
        if kind == "activity.revote":
            activity_id = event.data.get("id")
            if isinstance(activity_id, str):
                rounds[activity_id] = rounds.get(activity_id, 1) + 1
            continue
        if kind != "placement.recorded":
            continue
        data = event.data
        activity_id = data.get("activity_id")
        if activity_id in known and activity_id not in open_rounds:
            continue  # revealed
        if data.get("party_id") == party_id or data.get("current") == HIDDEN:
            continue
        if activity_id in open_rounds and rounds.get(str(activity_id), 1) < open_rounds[str(activity_id)]:
            continue  # an earlier round, revealed before the re-vote
        hidden = {k: v for k, v in data.items() if k not in ("current", "wished")}
        replaced[index] = dataclasses.replace(event, data={**hidden, "current": HIDDEN, "wished": HIDDEN})
    if nothing_hidden and not replaced:
        result = events  # nothing hidden, then or now: the log itself
    else:
        result = done + tuple(replaced.get(index, event) for index, event in enumerate(new))
    _LAST.logs = {**_LAST.logs, party_id: _CutLog(events, open_rounds, known, rounds, result)}
    return result


def party_view(session: Session, party_id: str | None) -> Session:
    """What one party may see (None: the room, i.e. no party's blind placement).

    Kept with the session (which never changes), so the board, the mismatch texts and the
    reports asking for the same cut of the same session pay for it once.
    """
    views: dict[str | None, Session] = session.__dict__.setdefault("_party_views", {})
    if party_id not in views:
        views[party_id] = _cut(session, party_id)
    return views[party_id]


def room_placements(session: Session, activity_id: str) -> tuple[Placement, ...]:
    """One activity's placements in its round as the room sees them (as `party_view(session,
    None)` has them): a screen that shows one activity need not cut the whole session (the
    placement screen, at each change: ~1-2 ms at 500 activities)."""
    placements = session.placements_for(activity_id)
    if session.activity(activity_id).revealed:
        return placements
    return tuple(p if p.current == HIDDEN else _cut_placement(p) for p in placements)


def _cut(session: Session, party_id: str | None) -> Session:
    # Only a placement into a round still open can be hidden (an earlier round was revealed
    # before its re-vote): look closely at those alone.
    open_rounds = {a.id: a.round for a in session.activities if not a.revealed}
    last_hidden = _LAST.hidden
    hidden_now: dict[int, tuple[Placement, Placement]] = {}
    cut: list[Placement] | None = None
    for index, p in enumerate(session.placements):
        hide = (
            p.current != HIDDEN
            and p.party_id != party_id
            and (open_rounds.get(p.activity_id) == p.round or not session.has_activity(p.activity_id))
        )
        if hide:
            if cut is None:
                cut = list(session.placements[:index])
            known = last_hidden.get(id(p))
            copy = known[1] if known is not None and known[0] is p else _cut_placement(p)
            hidden_now[id(p)] = (p, copy)
            cut.append(copy)
        elif cut is not None:
            cut.append(p)
    _LAST.hidden = (
        {**last_hidden, **hidden_now} if len(last_hidden) < 4 * len(hidden_now) + 64 else hidden_now
    )
    placements = tuple(cut) if cut is not None else session.placements
    # The log is cut when first read (the first frame shows the board, not the log).
    events = LaterEvents(lambda: _cut_events(session, party_id), session.last_seq)
    shown = dataclasses.replace(session, placements=placements, events=events)
    shown.__dict__["_party_views"] = {party_id: shown}  # the same cut of a cut is itself
    return shown


class PartyService:
    """What a participant's device may do, for its own party; anything else is `NotAllowed`.

    Each change carries its `Author` (the name typed, the device, the party), and the room's
    rules are checked where the change is applied, under the lock (`core.rules`)."""

    def __init__(self, service: SessionChanges, party_id: str, actor: str, device: str = "") -> None:
        self._service = service
        self.party_id = party_id
        if not service.session.has_party(party_id):
            raise NotAllowed(f"no party with id {party_id!r}", "error.gone")
        self.author = Author(actor, device, party_id)

    @property
    def actor(self) -> str:
        """The name the log gives this device's changes: the name typed, else the party's."""
        return self.author.name

    @property
    def device(self) -> str:
        return self.author.device

    @property
    def session(self) -> Session:
        """The newest session as this party may see it."""
        return party_view(self._service.session, self.party_id)

    # ---------------------------------------------------------------- what a party may do
    def place(self, activity_id: str, current: str, wished: str) -> Event:
        """This party's view of the open round: changeable until the reveal."""
        return self._service.place(activity_id, self.party_id, current, wished, actor=self.author)

    def answer_expectation(self, expectation_id: str, state: str, response: str = "") -> Event:
        """Accept, amend (new text) or decline (a reason) an expectation addressed to this party;
        changeable (each change logged) until the party signs the activity off."""
        if state not in ("accepted", "amended", "declined"):
            raise NotAllowed("answer with accepted, amended or declined", "error.rule.answer")
        return self._service.answer_expectation(expectation_id, state, response, actor=self.author)

    def add_commitment(self, activity_id: str, text: str) -> str:
        return self._service.add_commitment(activity_id, self.party_id, text, actor=self.author)

    def add_expectation(self, activity_id: str, to_party: str, text: str) -> str:
        return self._service.add_expectation(activity_id, self.party_id, to_party, text, actor=self.author)

    def sign_off(self, activity_id: str, mark: int = -1) -> Event:
        """`mark`: the agreement as the page showed it (`agreement_mark`): refused if it changed."""
        return self._service.sign_off(activity_id, self.party_id, actor=self.author, mark=mark)

    def withdraw_sign_off(self, activity_id: str) -> Event:
        return self._service.withdraw_sign_off(activity_id, self.party_id, actor=self.author)

    def answer_followup(self, item_id: str, outcome: str, note: str = "") -> Event:
        """What came of one of this party's own items of last time, in the follow-up phase; the
        facilitator confirms it (`core.rules` checks whose item it is and that it is still open)."""
        return self._service.record_followup(item_id, outcome, note, confirmed=False, actor=self.author)

    def do(self, action: str, **arguments: Any) -> object:
        """One of `ALLOWED` by name (a front end's request); anything else is `NotAllowed`."""
        if action not in ALLOWED:
            raise NotAllowed(
                f"a participant's device may not {action.replace('_', ' ')!s}: only the facilitator may",
                "error.not_allowed",
            )
        method = getattr(self, action)
        try:
            inspect.signature(method).bind(**arguments)
        except TypeError:
            raise NotAllowed(Worded("error.change.details", action=repr(action))) from None
        return method(**arguments)


ALLOWED = frozenset(
    {
        "place",
        "answer_expectation",
        "add_commitment",
        "add_expectation",
        "sign_off",
        "withdraw_sign_off",
        "answer_followup",
    }
)
"""What a participant's device may do; the facilitator's `SessionService` may do everything."""
