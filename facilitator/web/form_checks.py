"""What a phone's form says before the core hears of it: a refusal in the page's words, or
that what it asks for is so already.

A form comes back in many ways besides the one tap: a double tap, the page's script sending
it again when no answer came, the browser's back button and a send from the page it shows
again, a page left open while the facilitator moved on. The `once` a form carries
(`sent_once`) makes one sending count once; these checks make a sending that asks for what
is already so (the same placement from the same device, a sign-off given, an answer already
the one sent) an answer as done, not a second recorded change. Each reads the session the
handler already read: no extra look at the file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from facilitator.core.model import OUTCOMES, Session
from facilitator.core.text import clean

Form = Mapping[str, str]
AlreadySo = Callable[[Session, str, str, Form], bool]
"""(session, party id, device id, form) → the form asks for nothing that is not so already."""


def rungs_refusal(session: Session, data: Form) -> str | None:
    """The place form's rungs as a person would choose them: both, and this workshop's (the
    core's refusal names the field and the id sent, which says nothing to a phone's user)."""
    current, wished = data.get("current", ""), data.get("wished", "")
    if not current or not wished:
        return "web.refused.both_rungs"
    if not {current, wished} <= {rung.id for rung in session.scenario.rungs}:
        return "web.refused.rung_unknown"
    return None


def outcome_refusal(_session: Session, data: Form) -> str | None:
    """The follow-up form's buttons: one of them (an answer with none would clear the party's)."""
    return None if data.get("outcome", "") in OUTCOMES else "web.refused.outcome"


def placed_already(session: Session, party_id: str, device_id: str, data: Form) -> bool:
    """This round's placement of the party is the one sent, and this device sent it."""
    activity_id = data.get("activity", "")
    if not session.has_activity(activity_id):
        return False
    return any(
        p.party_id == party_id
        and p.device == device_id
        and (p.current, p.wished) == (data.get("current"), data.get("wished"))
        for p in session.placements_for(activity_id)
    )


def signed_already(session: Session, party_id: str, _device_id: str, data: Form) -> bool:
    activity_id = data.get("activity", "")
    return session.has_activity(activity_id) and any(
        s.party_id == party_id for s in session.signoffs_for(activity_id)
    )


def withdrawn_already(session: Session, party_id: str, device_id: str, data: Form) -> bool:
    """Not signed off (any more): a withdrawal sent again, e.g. from the page before it."""
    return session.has_activity(data.get("activity", "")) and not signed_already(
        session, party_id, device_id, data
    )


def answered_already(session: Session, party_id: str, _device_id: str, data: Form) -> bool:
    """The expectation to this party already has the answer sent (state and words)."""
    wanted = data.get("expectation", "")
    found = next((e for e in session.expectations if e.id == wanted and e.to_party == party_id), None)
    return (
        found is not None
        and found.state == data.get("state")
        and found.response == clean(data.get("response", ""))
    )


def followed_up_already(session: Session, party_id: str, _device_id: str, data: Form) -> bool:
    """The party's item already has the outcome and note sent, not yet confirmed by the room."""
    wanted = data.get("item", "")
    found = next((f for f in session.followups if f.id == wanted and f.party_id == party_id), None)
    return (
        found is not None
        and not found.confirmed
        and found.outcome == data.get("outcome")
        and found.note == clean(data.get("note", "").strip())
    )
