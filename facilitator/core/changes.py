"""Applying and telling recorded changes: the one path for the live service and the replay.

Every change to a session is an event (`kind` + `data`). The live service applies it
to the file's tables inside a transaction; the timeline replays the same events on an
empty in-memory database. One code path for both means a replay can't drift from what
happened live. The kinds themselves are declared in `facilitator.core.kinds`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from tinydb import TinyDB

from facilitator.core.errors import ChangeRejected, SignedMeanwhile
from facilitator.core.i18n import Translator, Worded
from facilitator.core.kinds import KINDS, EventKind
from facilitator.core.kinds.base import MAX_TEXT, SESSION_FIELDS, Context, Names, Telling, text
from facilitator.core.kinds.payload import check_payload
from facilitator.core.model import SIGNOFFS, Author, Event
from facilitator.core.rules import check as check_rules
from facilitator.core.scenario import Scenario
from facilitator.core.schema.events import Payload
from facilitator.core.text import one_line

__all__ = ["MAX_TEXT", "SESSION_FIELDS", "Names", "apply_change", "describe", "kind", "kinds", "text"]


def kind(name: str) -> EventKind:
    found = KINDS.get(name)
    if found is None:
        raise ChangeRejected(Worded("error.change.unknown", kind=repr(name)))
    return found


def apply_change(
    db: TinyDB,
    scenario: Scenario,
    kind_name: str,
    data: dict[str, object],
    at: str,
    actor: str | Author = "",
    *,
    live: bool = False,
    may_reopen: frozenset[str] | None = None,
) -> None:
    """Validate and apply one change; may add `reopened` to `data` for the log.

    A change from a participant's device (an `Author`) must also keep the room's rules
    (`rules.check`), read here under the same lock as the change itself. `live`: made now,
    not replayed (`Context.live`). `may_reopen`: the only parties whose sign-offs it may void
    (the ones the facilitator was asked about); another's, signed meanwhile, refuses it."""
    declared = kind(kind_name)
    author = actor if isinstance(actor, Author) else None
    name = actor.name if isinstance(actor, Author) else actor
    ctx = Context(db, scenario, at, name, author, live)
    check_payload(ctx, kind_name, data)  # first: the room's rules and the handler read it as declared
    payload = cast(Payload, data)
    if author is not None:
        check_rules(ctx, kind_name, data, author.party)
    declared.apply(ctx, payload)
    if declared.reopens:
        activity_id = data.get("activity_id") or data.get("id")
        reopened = ctx.delete_where(SIGNOFFS, "activity_id", activity_id)
        parties = sorted(i.split("/", 1)[1] for i in reopened)
        if may_reopen is not None and not may_reopen.issuperset(parties):
            raise SignedMeanwhile(Worded("error.change.signed_meanwhile"))
        if parties:
            data["reopened"] = parties


def describe(
    event: Event, names: Names, scenario: Scenario, t: Translator
) -> tuple[str, str | None, str | None]:
    """The event in words, the activity it concerns, and the party whose own word it records
    (`Telling.speaker`); updates `names` as the event did."""
    d = event.data
    key = "id" if event.kind.startswith("activity.") else "activity_id"
    tell = Telling(names, scenario, t, d.get(key) if isinstance(d.get(key), str) else None)
    declared = KINDS.get(event.kind)
    payload = cast(Payload, d)  # as declared: checked live, or when the file was opened
    told = (
        declared.describe(payload, tell) if declared else t("review.event.unknown", kind=one_line(event.kind))
    )
    reopened = d.get("reopened")
    if isinstance(reopened, list) and reopened:
        known = list(names.parties)  # in the order the parties were added
        ordered = sorted(reopened, key=lambda p: known.index(p) if p in known else len(known))
        told += t("review.event.reopened", parties=", ".join(names.party(p) for p in ordered))
    return told, tell.activity_id, tell.speaker


def kinds() -> Iterable[str]:
    return sorted(KINDS)
