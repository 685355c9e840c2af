"""What `list` showed of a session file, kept on this device under the file's signature.

Listing read and deeply checked every session whole to show one line (0.9 s for a file of
32,000 activities, every time). While a file keeps its signature (inode, modification time,
size) its line is the one worked out before. Kept beside this device's view state, never in
the data folder; losing it costs one read of each file again.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from facilitator.core.device import state_folder, state_path
from facilitator.core.store import Signature, atomic_write_text, make_private_folder, signature

MAX_CACHE_BYTES = 100_000  # one summary: anything bigger is not ours


def cache_path(session_path: Path) -> Path:
    """Named as the view-state file is (after the session file's full path), in a folder beside it."""
    return state_folder() / "listed" / state_path(session_path).name


def cached(session_path: Path, sig: Signature) -> dict[str, Any] | None:
    """The fields noted for this file when it had `sig`, or None (not noted, or changed since)."""
    path = cache_path(session_path)
    try:
        if path.stat().st_size > MAX_CACHE_BYTES:
            return None
        noted = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(noted, dict) or noted.get("signature") != list(sig):
        return None
    fields = noted.get("fields")
    return fields if isinstance(fields, dict) else None


def note(session_path: Path, sig: Signature, fields: dict[str, Any]) -> None:
    """Keep the fields for the next listing; a cache that can't be written is no error."""
    path = cache_path(session_path)
    with contextlib.suppress(OSError, ValueError):
        make_private_folder(path.parent)
        atomic_write_text(path, json.dumps({"signature": list(sig), "fields": fields}, ensure_ascii=False))


def current_signature(session_path: Path) -> Signature | None:
    try:
        return signature(session_path)
    except OSError:
        return None
