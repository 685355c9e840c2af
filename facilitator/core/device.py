"""Where one device's screens are in a session: selection, scroll, intro page, open dialog.

Not session data: moving the selection must not rewrite the shared session file or wake
the other devices. Each device keeps one small file per session in the platform's state
folder (`FACILITATOR_STATE_DIR` overrides it), named after the session file's path, so two
data folders on one machine don't mix. Losing it loses only positions on screen.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import platformdirs

from facilitator.core.plain import read_json_or_set_aside, set_aside
from facilitator.core.store import atomic_write_text, make_private_folder

ENV_STATE_DIR = "FACILITATOR_STATE_DIR"
MAX_STATE_BYTES = 1_000_000  # positions on screen: anything bigger is not ours


def state_folder() -> Path:
    override = os.environ.get(ENV_STATE_DIR)
    if override:
        return Path(override)
    return Path(platformdirs.user_state_dir("facilitator", appauthor=False))


def cache_folder() -> Path:
    """This device's caches: what saves time at the next start and may be deleted at any
    moment. The platform's cache folder; inside the state folder when `FACILITATOR_STATE_DIR`
    moves that (tests, benchmarks), so one variable keeps all of a run's device files together."""
    override = os.environ.get(ENV_STATE_DIR)
    if override:
        return Path(override) / "cache"
    return Path(platformdirs.user_cache_dir("facilitator", appauthor=False))


def state_path(session_path: Path, folder: Path | None = None) -> Path:
    """This device's view-state file for a session file."""
    key = hashlib.sha256(str(session_path.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return (folder or state_folder()) / "views" / f"{session_path.stem}-{key}.json"


class DeviceState:
    """One session's positions on this device: read once, written whole (atomically) on change."""

    def __init__(self, session_path: Path, folder: Path | None = None) -> None:
        self.path = state_path(session_path, folder)
        self._values: dict[str, Any] = {}
        self._signature: tuple[int, int] | None = None  # of the file the values were read from
        self.writes = 0  # for tests and the benchmark

    def _stat(self) -> tuple[int, int] | None:
        try:
            st = self.path.stat()
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size)

    def get(self) -> dict[str, Any]:
        """The positions as saved (re-read when another window of this device saved them)."""
        signature = self._stat()
        if signature != self._signature:
            self._signature = signature
            self._values = self._load() if signature is not None else {}
        return dict(self._values)

    def _load(self) -> dict[str, Any]:
        """The saved positions; a file that is not ours to read (too big, too deep, a FIFO,
        not JSON) is set aside with a notice, and the device starts from nothing."""
        data = read_json_or_set_aside(self.path, MAX_STATE_BYTES)
        if data is not None and not isinstance(data, dict):
            set_aside(self.path, "not a table of positions")
            return {}
        return data or {}

    def adopt(self, legacy: Mapping[str, Any]) -> None:
        """Positions an old session file kept in its `view` table, unless this device has its own."""
        if not self.get() and legacy:
            self.update(**legacy)

    def update(self, **values: Any) -> None:
        current = self.get()
        merged = {**current, **values}
        if merged == current and self._signature is not None:
            return
        self._values = merged
        with contextlib.suppress(OSError):  # a read-only state folder costs positions, never data
            make_private_folder(self.path.parent.parent)  # the state folder, 0700 when made here
            make_private_folder(self.path.parent)
            atomic_write_text(self.path, json.dumps(merged, ensure_ascii=False))
            self.writes += 1
            self._signature = self._stat()
