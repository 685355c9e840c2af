"""Who entered a party's word: the log keeps it (actor and device), the rows do not.

A commitment, an expectation, an answer, a sign-off or what came of last time's promise the
facilitator typed in for a party reads, in a list of the party's words, exactly like one the
party sent from a phone. The phone page, the roles view, the reports and the handouts say
which were entered for the party; this finds them. The index is kept with the session (which
never changes) and, after a change that appended to the log, extended by the new events
alone: forty phones refreshing after each change do not walk the log forty times, nor once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from facilitator.core.model import Event, Placement, Session
from facilitator.core.schema.table import pair_id
from facilitator.core.service import DEFAULT_ACTOR

_WORDS = {
    "commitment.added": "commitment",
    "commitment.updated": "commitment",
    "expectation.added": "expectation",
    "expectation.answered": "answer",
    "followup.recorded": "followup",
    "signoff.given": "signoff",
}
"""The events that set a party's word, and which word: the last one per item says who entered it."""

FACILITATOR, PHONE, REPLACED = "facilitator", "phone", "replaced"


class Said(NamedTuple):
    """Who entered a party's word: `how` is FACILITATOR (typed in for the party), PHONE (sent
    from the party's own device, `name` as typed there), REPLACED (a placement the facilitator
    entered over one the party sent from a phone, `name` as typed there) or "" when the log
    says neither (no event, as in a public copy, or a name without a device from before phones
    logged theirs)."""

    how: str = ""
    name: str = ""


def said_by(actor: str, device: str, is_party: Callable[[str], bool]) -> Said:
    """Who entered a change logged with `actor` and `device`. Files from before placements
    were logged as the facilitator's name the party's id as the actor of what the facilitator
    entered for it (and as a placement's `by`): that was the facilitator too."""
    if device:
        return Said(PHONE, actor)
    return Said(FACILITATOR) if actor == DEFAULT_ACTOR or is_party(actor) else Said()


def _item_id(event: Event) -> str | None:
    """The item whose word the event sets (a sign-off is one per activity and party), or None
    when it sets none. Confirming a follow-up answer (no outcome in it) keeps the answer the
    party gave: whoever confirms it, the word is still the party's."""
    if event.kind not in _WORDS:
        return None
    data = event.data
    if event.kind == "signoff.given":
        activity, party = data.get("activity_id"), data.get("party_id")
        return pair_id(activity, party) if isinstance(activity, str) and isinstance(party, str) else None
    if event.kind == "followup.recorded" and "outcome" not in data:
        return None
    item = data.get("id")
    return item if isinstance(item, str) else None


def logged_by_facilitator(event: Event, is_party: Callable[[str], bool]) -> bool:
    """Whether the facilitator made the change (in the app): no device, and the facilitator's
    word as actor (`said_by`). Another name without a device claims nothing either way."""
    return said_by(event.actor, event.device, is_party).how == FACILITATOR


def placed_by(placement: Placement, is_party: Callable[[str], bool]) -> Said:
    """Who entered a placement: the row keeps it (`by`, `device`) as the log does, and whose
    placement from a phone the facilitator's replaced (`replaced_by`, `replaced_device`)."""
    said = said_by(placement.by, placement.device, is_party)
    if said.how == FACILITATOR and placement.replaced_device:
        return Said(REPLACED, placement.replaced_by)
    return said


class _Index(NamedTuple):
    events: tuple[Event, ...]
    last: dict[tuple[str, str], Event]  # (word, item id): the event that last set it


class _Last:
    """The index last made, replaced in one assignment (a thread reading meanwhile sees one whole)."""

    index: _Index | None = None


_LAST = _Last()


def _index(events: tuple[Event, ...]) -> dict[tuple[str, str], Event]:
    old = _LAST.index
    start = 0
    last: dict[tuple[str, str], Event] = {}
    # Appended to: the known events are the very same objects (compared by identity first,
    # a few microseconds for thousands), so only the new ones are looked at.
    if old is not None and events[: len(old.events)] == old.events:
        start, last = len(old.events), old.last
    new = [(e, item) for e in events[start:] if (item := _item_id(e)) is not None]
    if new:
        last = dict(last)
        for event, item in new:
            last[(_WORDS[event.kind], item)] = event
    _LAST.index = _Index(events, last)
    return last


class EnteredFor:
    """Which of the parties' words in a session the facilitator entered for them."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.last: dict[tuple[str, str], Event] | None = None
        """Made when first asked: a page with none of the parties' words never reads the log."""

    def _words(self) -> dict[tuple[str, str], Event]:
        if self.last is None:
            self.last = _index(self.session.events)
        return self.last

    def _last(self, word: str, item_id: str) -> Event | None:
        return self._words().get((word, item_id))

    def _by_facilitator(self, word: str, item_id: str) -> bool:
        return self.said(word, item_id).how == FACILITATOR

    def any_said(self) -> bool:
        """Whether the log tells who entered any of the parties' words."""
        has_party = self.session.has_party
        return any(said_by(e.actor, e.device, has_party).how for e in self._words().values())

    def said(self, word: str, item_id: str) -> Said:
        """Who entered the item's word as it stands; `word` is "commitment", "expectation",
        "answer", "followup" or "signoff" (its id: `pair_id(activity, party)`)."""
        event = self._last(word, item_id)
        return Said() if event is None else said_by(event.actor, event.device, self.session.has_party)

    def by_phone(self, word: str, item_id: str) -> str:
        """The name a phone sent the item's word as it stands with ("" if no phone sent it);
        `word` is "commitment", "expectation" or "answer"."""
        event = self._last(word, item_id)
        return event.actor if event is not None and event.device else ""

    def commitment(self, commitment_id: str) -> bool:
        """The commitment's text as it stands was entered by the facilitator."""
        return self._by_facilitator("commitment", commitment_id)

    def expectation(self, expectation_id: str) -> bool:
        return self._by_facilitator("expectation", expectation_id)

    def answer(self, expectation_id: str) -> bool:
        """The addressee's answer as it stands was entered by the facilitator."""
        return self._by_facilitator("answer", expectation_id)

    def followup(self, item_id: str) -> bool:
        """What came of last time's item, as it stands, was recorded by the facilitator."""
        return self._by_facilitator("followup", item_id)


def entered_for(session: Session) -> EnteredFor:
    """The index for this session, made once (kept with it, like `party_view`)."""
    found = session.__dict__.get("_entered_for")
    if found is None:
        found = session.__dict__["_entered_for"] = EnteredFor(session)
    return found
