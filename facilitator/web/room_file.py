"""The room of one session on this computer: join code, joined devices, port, whether served.

Kept in the per-device state folder (`FACILITATOR_STATE_DIR`), beside the view state,
not in the session file: it is this computer's server, and a session file is mailed and
archived. Tokens are kept hashed; the file is 0600 in a 0700 folder. A bad file (too big,
too deep, not a regular file, not JSON) is set aside (`<name>.bad`, with a notice): the
room starts afresh, the session is untouched.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from facilitator.core.device import state_folder, state_path
from facilitator.core.plain import read_json_or_set_aside, set_aside
from facilitator.core.store import atomic_write_text, make_private_folder

MAX_ROOM_BYTES = 2_000_000  # a hundred devices fit many times over
PRIVATE_FILE = 0o600


def room_path(session_path: Path, folder: Path | None = None) -> Path:
    """This computer's room file for a session file (named as the view state is)."""
    views = state_path(session_path, folder)
    return (folder or state_folder()) / "rooms" / views.name


def _read(path: Path) -> dict[str, Any]:
    """The saved room, or {}: a bad file (not regular, too big, too deep) is set aside with a
    notice, as the view state is (`read_json_or_set_aside`)."""
    data = read_json_or_set_aside(path, MAX_ROOM_BYTES)
    if data is not None and not isinstance(data, dict):
        set_aside(path, "not a room")
        return {}
    return data or {}


class RoomFile:
    """One session's room on this computer: read once, written whole (atomically) on change."""

    def __init__(self, session_path: Path, folder: Path | None = None) -> None:
        self.path = room_path(session_path, folder)
        self.values: dict[str, Any] = _read(self.path)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def update(self, **values: Any) -> None:
        """Keep these values; a read-only state folder costs the room, never the session."""
        merged = {**self.values, **values}
        if merged == self.values and self.path.exists():
            return
        self.values = merged
        self.write()

    def write(self) -> None:
        with contextlib.suppress(OSError):
            make_private_folder(self.path.parent.parent)
            make_private_folder(self.path.parent)
            atomic_write_text(self.path, json.dumps(self.values, ensure_ascii=False), mode=PRIVATE_FILE)

    def desk(self) -> Mapping[str, Any]:
        saved = self.values.get("desk")
        return saved if isinstance(saved, dict) else {}

    def port(self) -> int | None:
        port = self.values.get("port")
        return port if isinstance(port, int) and 0 < port < 65536 else None


def was_served(session_path: Path) -> bool:
    """Was this session being served from the app when the app last ended? (No aiohttp import.)"""
    return bool(RoomFile(session_path).get("serving", False))
