"""The few core names the web pages use, in one place.

The web package reaches the session only through this module: what a party may see
(`party_view`), what it may do (`for_party`), where the room is (`room_of`) and whether
the file changed (`OpenSessions`, the process's watchers). A renamed core function is one edit here.
"""

from __future__ import annotations

from facilitator.core.errors import NotAllowed
from facilitator.core.followup import promises
from facilitator.core.model import Room, Session
from facilitator.core.party import PartyService, party_view
from facilitator.core.reports import party_handout
from facilitator.core.rules import refusal
from facilitator.core.service import SessionService
from facilitator.core.watcher import OpenSessions, SessionHandle

PartyActions = PartyService

__all__ = [
    "NotAllowed",
    "OpenSessions",
    "PartyActions",
    "Room",
    "SessionHandle",
    "for_party",
    "last_seq",
    "open_for_placement",
    "party_handout",
    "party_view",
    "promises",
    "refusal",
    "room_of",
]


def room_of(session: Session) -> Room:
    """What the whole room is on: the phase and the activity open for placement."""
    return session.room


def last_seq(session: Session) -> int:
    """The newest event's number: changes whenever the session does."""
    return session.last_seq


def open_for_placement(service: SessionService, activity_id: str | None) -> None:
    """The facilitator opens an activity for blind placement (tests and the bench)."""
    service.open_placement(activity_id)


def for_party(service: SessionService, party_id: str, *, device: str = "", name: str = "") -> PartyService:
    """The facade of one party: the only door a phone has into the session. Every change
    through it records the `device` and the `name` typed (else the log names the party);
    the room's rules are the core's (`core.rules`)."""
    return service.for_party(party_id, device=device, name=name)
