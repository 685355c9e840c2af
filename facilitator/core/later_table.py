"""A trusted session file's event log, parsed when first asked for.

A file this device left (its signature noted, `SessionService.remember_trust`) is read with
its shape checked only; where its event log lies in its bytes is noted with the signature. The
log is more than half of the file and the first frame does not show it, so the start parses
the rest and leaves the log in its bytes (~86 M instructions of a start at 500 activities).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from typing import Any

from facilitator.core.errors import SessionFileError
from facilitator.core.i18n import Worded
from facilitator.core.validate import Data

Signature = tuple[int, int, int]
"""A file's inode, nanosecond stamp and size (`store.signature`)."""
EventsSpan = tuple[int, int, int]
"""Where a file's event log lies in its bytes, [start, end), and the newest event's number."""


class LaterTable:
    """The event log of a trusted file, parsed when first asked for.

    Calling this parses it and puts it into the file's data in place of the empty table held
    meanwhile: reading the whole data (`SessionFile.current`, every write) calls it first, so
    nothing ever sees or writes the placeholder. Bytes that don't parse are a clear
    `SessionFileError`, never an empty log."""

    def __init__(self, data: Data, raw: bytes, last_seq: int, source: str) -> None:
        self.data = data
        self.last_seq = last_seq
        self._raw: bytes | None = raw
        self._source = source
        self._lock = threading.Lock()

    @property
    def parsed(self) -> bool:
        return self._raw is None

    def __call__(self) -> dict[str, dict[str, Any]]:
        with self._lock:
            if self._raw is not None:
                try:
                    table = json.loads(self._raw)
                except (ValueError, RecursionError):
                    table = None
                if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
                    detail = Worded("corrupt.table", table=repr("events"))
                    raise SessionFileError.worded("file.corrupt", path=self._source, detail=detail)
                self.data["events"] = table
                self._raw = None
            return self.data["events"]


def events_apart(raw: bytes, span: EventsSpan, source: str) -> tuple[Data, LaterTable] | None:
    """The file's data with its event log left in its bytes (`LaterTable`), when `span` (noted with
    the file's signature) still frames exactly the top-level "events" table; None otherwise."""
    start, end, last_seq = span
    key = b'"events":'
    if not (
        0 < start - len(key) < start < end < len(raw)
        and raw[start - len(key) - 1 : start] in (b"{" + key, b"," + key)
        and raw[start : start + 1] == b"{"
        and raw[end - 1 : end + 1] in (b"},", b"}}")
    ):
        return None
    try:
        data = json.loads(raw[:start] + b"{}" + raw[end:])
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or data.get("events") != {}:
        return None
    return data, LaterTable(data, raw[start:end], last_seq, source)


def noted_trust(state: Mapping[str, Any]) -> tuple[Signature | None, EventsSpan | None]:
    """The signature of the file as this device left it, and where its event log lies if that
    was noted with the same signature (see `trust_note_values`)."""
    trusted = _ints(state.get("trusted"), 3)
    events = _ints(state.get("trusted_events"), 6)
    if trusted is None:
        return None, None
    sig = (trusted[0], trusted[1], trusted[2])
    if events is None or events[:3] != trusted:
        return sig, None
    return sig, (events[3], events[4], events[5])


def trust_note_values(sig: Signature, events: EventsSpan | None) -> dict[str, Any]:
    """What this device notes of a file it leaves: its signature, and the log's span with it."""
    return {"trusted": list(sig), "trusted_events": [*sig, *events] if events is not None else None}


def _ints(value: Any, count: int) -> list[int] | None:
    if isinstance(value, list) and len(value) == count and all(type(v) is int for v in value):
        return value
    return None
