"""The whole session as JSON, re-importable with `facilitator import`.

The same text as `SessionLibrary.export_json`: the file's tables and its embedded
scenario, sorted keys, two-space indent. The public version is still a valid session
file, meant for sharing: participants, the facilitator's name, notes marked private,
the event log (which records names and every earlier wording of a note) and the
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
    out["activities"] = {
        key: ({**doc, "agreed_note": ""} if doc.get("note_private") else doc)
        for key, doc in data.get("activities", {}).items()
    }
    return out


def render(data: Mapping[str, Any], *, public: bool = False) -> str:
    if public:
        data = public_data(data)
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
