"""What a public copy keeps, decided field by field in one table (`PUBLIC`).

A public export is for people outside the room: the organisations and what they agreed stay;
people's names (participants, the facilitator, who placed, which device), notes marked
private, the event log (which names everyone who acted) and placements of rounds not revealed
yet go. Every format goes through the same table: `public_data` cuts the session file's
tables (the JSON export, re-importable), `public_session` the model the other formats (md,
html, csv, svg, handouts) are written from.

Public by construction: a table or a field the table does not name is left out, so a new
field holding a name can't slip through unnoticed (the test lists every model field).

Who entered a party's word (`authorship.Said`) is told from `by` and the log's actors, neither
of which is public: a public copy keeps how it came in (entered by the facilitator, or from the
party's phone) and never the name (`public_said`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from facilitator.core.authorship import Said
from facilitator.core.model import Placement, Session

KEEP = "keep"
BLANK = "blank"
"""Emptied ("" or None): the field stays, so the copy is still a valid session file."""
UNLESS_PRIVATE = "unless-private"
"""Kept unless the record is marked private (`note_private`): then emptied."""

_ID, _ORDER = {"id": KEEP}, {"order": KEEP}
_INITIAL = {"title": KEEP, "date": KEEP, "place": KEEP, "facilitator": BLANK, "phase": KEEP}

PUBLIC: dict[str, dict[str, Any] | None] = {
    "meta": {
        **_ID,
        "kind": KEEP,
        "schema": KEEP,
        "scenario_id": KEEP,
        "language": KEEP,
        "scenario": KEEP,
        "created_at": KEEP,
        "title": KEEP,
        "date": KEEP,
        "place": KEEP,
        "facilitator": BLANK,
        "phase": KEEP,
        "open_activity": KEEP,
        "previous_id": KEEP,
        "previous_title": KEEP,  # the workshop before, as its handout names it
        "previous_date": KEEP,
        "closed_at": KEEP,  # when the workshop was closed: a time, no person
        "initial": _INITIAL,
    },
    "parties": {**_ID, **_ORDER, "name": KEEP, "suggested_id": KEEP, "affected": KEEP},
    "participants": None,
    "activities": {
        **_ID,
        **_ORDER,
        "title": KEEP,
        "description": KEEP,
        "party_ids": KEEP,
        "approaches": KEEP,
        "approach": KEEP,  # a file from before several approaches
        "concerns": KEEP,
        "flows": KEEP,
        "round": KEEP,
        "revealed": KEEP,
        "agreed_current": KEEP,
        "agreed_wished": KEEP,
        "agreed_note": UNLESS_PRIVATE,
        "note_private": KEEP,
    },
    "placements": {
        **_ID,
        "activity_id": KEEP,
        "party_id": KEEP,
        "round": KEEP,
        "current": KEEP,
        "wished": KEEP,
        "at": KEEP,
        "by": BLANK,
        "device": BLANK,
        "replaced_by": BLANK,
        "replaced_device": BLANK,
    },
    "roles": {**_ID, "activity_id": KEEP, "party_id": KEEP, "role_id": KEEP},
    "commitments": {**_ID, **_ORDER, "activity_id": KEEP, "party_id": KEEP, "text": KEEP},
    "expectations": {
        **_ID,
        **_ORDER,
        "activity_id": KEEP,
        "from_party": KEEP,
        "to_party": KEEP,
        "text": KEEP,
        "state": KEEP,
        "response": KEEP,
    },
    "fields": {**_ID, "activity_id": KEEP, "field_id": KEEP, "value": KEEP},
    "signoffs": {**_ID, "activity_id": KEEP, "party_id": KEEP, "at": KEEP},
    "actions": {
        **_ID,
        **_ORDER,
        "text": KEEP,
        "owner": KEEP,
        "activity_id": KEEP,
        "due": KEEP,
        "done": KEEP,
    },
    "followups": {  # last time's promises of organisations, and what the room recorded of them
        **_ID,
        **_ORDER,
        "kind": KEEP,
        "source_id": KEEP,
        "text": KEEP,
        "party_id": KEEP,
        "party_name": KEEP,
        "from_party": KEEP,
        "activity_id": KEEP,
        "activity": KEEP,
        "due": KEEP,
        "current": KEEP,
        "wished": KEEP,
        "outcome": KEEP,
        "note": KEEP,
        "confirmed": KEEP,
        "carried_action": KEEP,
    },
    "timers": {
        **_ID,
        "phase_id": KEEP,
        "duration": KEEP,
        "elapsed": KEEP,
        "started_at": KEEP,
        "planned": KEEP,
    },
    "events": None,
}
"""Per table, per field: KEEP, BLANK, UNLESS_PRIVATE, or a nested table of the same; None: the
table is emptied. A table or field not named here is left out of every public copy."""

MODEL_TABLES = {
    "info": "meta",
    "parties": "parties",
    "participants": "participants",
    "activities": "activities",
    "placements": "placements",
    "roles": "roles",
    "commitments": "commitments",
    "expectations": "expectations",
    "fields": "fields",
    "signoffs": "signoffs",
    "actions": "actions",
    "followups": "followups",
    "timers": "timers",
    "events": "events",
}
"""Which table each of `Session`'s fields is built from (`scenario` is the scenario's: public)."""


def _blank(value: Any) -> Any:
    return "" if isinstance(value, str) else None if not isinstance(value, bool) else value


def public_record(record: Mapping[str, Any], fields: Mapping[str, Any]) -> dict[str, Any]:
    """One stored document as a public copy keeps it: only the fields `fields` names."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        rule = fields.get(key)
        if rule is None:
            continue  # not named: left out
        if isinstance(rule, Mapping):
            out[key] = public_record(value, rule) if isinstance(value, Mapping) else _blank(value)
        elif rule == KEEP or (rule == UNLESS_PRIVATE and not record.get("note_private")):
            out[key] = value
        else:
            out[key] = _blank(value)
    return out


def _revealed_rounds(activities: Mapping[str, Mapping[str, Any]]) -> set[tuple[Any, Any]]:
    """(activity, round) pairs still being placed blind: nobody outside the room sees them."""
    return {(doc.get("id"), doc.get("round")) for doc in activities.values() if not doc.get("revealed")}


def public_data(data: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of the session file's tables as `PUBLIC` keeps them (still a valid session file)."""
    hidden = _revealed_rounds(data.get("activities", {}))
    out: dict[str, Any] = {}
    for table, docs in data.items():
        if table not in PUBLIC:
            continue
        fields = PUBLIC[table]
        if fields is None or not isinstance(docs, Mapping):
            out[table] = {}
            continue
        out[table] = {
            key: public_record(doc, fields)
            for key, doc in docs.items()
            if isinstance(doc, Mapping)
            and not (table == "placements" and (doc.get("activity_id"), doc.get("round")) in hidden)
        }
    return out


def _public_object(item: Any, fields: Mapping[str, Any]) -> Any:
    """A model record (a frozen dataclass) as a public copy keeps it, by the same rules."""
    kept = public_record({f.name: getattr(item, f.name) for f in dataclasses.fields(item)}, fields)
    changes = {
        f.name: kept[f.name] if f.name in kept else _default(f, getattr(item, f.name))
        for f in dataclasses.fields(item)
        if f.name not in kept or kept[f.name] is not getattr(item, f.name)
    }
    return dataclasses.replace(item, **changes) if changes else item


def _default(field: dataclasses.Field[Any], value: Any) -> Any:
    if field.default is not dataclasses.MISSING:
        return field.default
    return _blank(value)


def is_revealed(session: Session, placement: Placement) -> bool:
    """A placement of an earlier round, or of the current one once it has been revealed."""
    activity = session.activity(placement.activity_id)
    return activity.revealed or placement.round != activity.round


def public_session(session: Session) -> Session:
    """The session as `PUBLIC` keeps it: the same cut as `public_data`, on the model."""
    changes: dict[str, Any] = {}
    for attribute, table in MODEL_TABLES.items():
        fields = PUBLIC[table]
        value = getattr(session, attribute)
        if fields is None:
            changes[attribute] = ()
        elif isinstance(value, tuple):
            if attribute == "placements":
                value = tuple(p for p in value if is_revealed(session, p))
            changes[attribute] = tuple(_public_object(item, fields) for item in value)
        else:
            changes[attribute] = _public_object(value, fields)
    return dataclasses.replace(session, **changes)


def public_said(said: Said) -> Said:
    """Who entered a party's word, as a public copy tells it: how, without the name typed on
    the phone (a placement's `by` is BLANK and the log, with its actors, is left out)."""
    return Said(said.how) if said.name else said
