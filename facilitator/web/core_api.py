"""The few core names the web pages use, in one place.

The web package only reaches the session through this module: what a party may see
(`party_view`), what it may do (`for_party`), where the room is (`room_of`) and whether
the file changed (`Watcher`). A renamed core function is one edit here.

Until the core's multi-device API lands, the module carries a stand-in with the same
behaviour built on `SessionService`; it goes away with the merge.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Protocol

from facilitator.core.errors import ChangeRejected
from facilitator.core.model import Event, Session
from facilitator.core.service import SessionService


class NotAllowed(ChangeRejected):
    """A party tried something its facade does not offer."""


class PartyActions(Protocol):
    """What one party's devices may do; anything else is not offered."""

    party_id: str
    actor: str

    @property
    def session(self) -> Session: ...

    def place(self, activity_id: str, current: str, wished: str) -> Event: ...

    def answer_expectation(self, expectation_id: str, state: str, response: str = "") -> Event: ...

    def add_commitment(self, activity_id: str, text: str) -> str: ...

    def add_expectation(self, activity_id: str, to_party: str, text: str) -> str: ...

    def sign_off(self, activity_id: str) -> Event: ...


@dataclass(frozen=True)
class Room:
    """What the whole room is on: the agenda phase and the activity open for placement."""

    phase: str
    open_activity: str | None


def party_view(session: Session, party_id: str | None) -> Session:
    """What one party may see: others' placements only for revealed rounds."""
    revealed = {a.id: a.round for a in session.activities if a.revealed}
    kept = tuple(
        p
        for p in session.placements
        if revealed.get(p.activity_id) == p.round
        or (party_id is not None and p.party_id == party_id)
        or (p.activity_id in revealed and p.round < revealed[p.activity_id])
    )
    return dataclasses.replace(session, placements=kept)


_OPEN_KEY = "placement"  # the app's view-state key of the open placement (ui/view_state.py)


def room_of(service: SessionService, session: Session) -> Room:
    """The room's focus, as the facilitator set it."""
    open_id = service.view_state.get(_OPEN_KEY)
    if not isinstance(open_id, str) or not session.has_activity(open_id):
        open_id = None
    return Room(session.info.phase, open_id)


def last_seq(session: Session) -> int:
    """The newest event's number: changes whenever the session does."""
    return session.events[-1].seq if session.events else 0


def open_for_placement(service: SessionService, activity_id: str | None) -> None:
    """The facilitator opens an activity for blind placement (used by tests and the bench)."""
    service.set_view_state(**{_OPEN_KEY: activity_id})


def for_party(service: SessionService, party_id: str, actor: str | None = None) -> PartyActions:
    """The facade of one party."""
    return _PartyService(service, party_id, actor or party_id)


class Watcher:
    """Tells whether the session file changed since the last check; cheap otherwise."""

    def __init__(self, service: SessionService) -> None:
        self.service = service
        self._generation: object = None

    def check(self) -> Session | None:
        session = self.service.session
        generation = self.service.file.generation
        if generation == self._generation:
            return None
        self._generation = generation
        return session


class _PartyService:
    """Stand-in for the core's `PartyService` until it lands on main."""

    def __init__(self, service: SessionService, party_id: str, actor: str) -> None:
        self.service = service
        self.party_id = party_id
        self.actor = actor

    @property
    def session(self) -> Session:
        return party_view(self.service.session, self.party_id)

    def _involved(self, activity_id: str) -> Session:
        session = self.service.session
        if not session.has_activity(activity_id):
            raise NotAllowed(f"no activity with id {activity_id!r}")
        if self.party_id not in session.activity(activity_id).party_ids:
            raise NotAllowed("your party is not part of this activity")
        return session

    def place(self, activity_id: str, current: str, wished: str) -> Event:
        session = self._involved(activity_id)
        if session.activity(activity_id).revealed:
            raise NotAllowed("this round has been revealed")
        return self.service.place(activity_id, self.party_id, current, wished, actor=self.actor)

    def answer_expectation(self, expectation_id: str, state: str, response: str = "") -> Event:
        found = [e for e in self.service.session.expectations if e.id == expectation_id]
        if not found or found[0].to_party != self.party_id:
            raise NotAllowed("only expectations to your party can be answered")
        if state not in ("accepted", "amended", "declined"):
            raise NotAllowed(f"no answer {state!r}")
        return self.service.answer_expectation(expectation_id, state, response, actor=self.actor)

    def add_commitment(self, activity_id: str, text: str) -> str:
        self._involved(activity_id)
        return self.service.add_commitment(activity_id, self.party_id, text, actor=self.actor)

    def add_expectation(self, activity_id: str, to_party: str, text: str) -> str:
        self._involved(activity_id)
        if to_party == self.party_id:
            raise NotAllowed("an expectation goes to another party")
        return self.service.add_expectation(activity_id, self.party_id, to_party, text, actor=self.actor)

    def sign_off(self, activity_id: str) -> Event:
        self._involved(activity_id)
        return self.service.sign_off(activity_id, self.party_id, actor=self.actor)
