"""The whole session as JSON, re-importable with `facilitator import`.

The same text as `SessionLibrary.export_json`: the file's tables and its embedded
scenario, sorted keys, two-space indent. The public version is still a valid session
file, meant for sharing: participants, the facilitator's name, notes marked private,
the event log (which records names, every earlier wording of a note and every
placement as it was made), the placements of rounds not revealed yet and the
facilitator's view state are taken out; everything the organisations agreed stays.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any


def public_data(data: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of the session file's data without anything personal or private."""
    out: dict[str, Any] = {k: v for k, v in data.items() if k not in ("view",)}
    out["participants"] = {}
    out["events"] = {}
    meta = dict(data["meta"])
    session = dict(meta["session"])
    session["facilitator"] = ""
    if isinstance(session.get("initial"), Mapping):
        session["initial"] = {**session["initial"], "facilitator": ""}
    meta["session"] = session
    out["meta"] = meta
    activities = data.get("activities", {})
    out["activities"] = {
        key: ({**doc, "agreed_note": ""} if doc.get("note_private") else doc)
        for key, doc in activities.items()
    }
    hidden = {
        (doc.get("id"), doc.get("round")) for doc in activities.values() if not doc.get("revealed")
    }  # the round being placed blind: nobody outside the room sees where anyone put it
    out["placements"] = {
        key: doc
        for key, doc in data.get("placements", {}).items()
        if (doc.get("activity_id"), doc.get("round")) not in hidden
    }
    return out


def render(data: Mapping[str, Any], *, public: bool = False) -> str:
    if public:
        data = public_data(data)
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
