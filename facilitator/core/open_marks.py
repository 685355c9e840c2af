"""Which processes on this computer hold a session open: the app showing it, a server serving it.

Whoever watches a session (`watcher.SessionWatch`: every screen and server holds one) leaves an
empty file named after the session and its process id in the state folder's `open/`, and
removes it when it stops. `facilitator delete` asks here first: deleting a session a workshop
is running on leaves the room with nothing to save into. A process that ended without removing
its mark (killed) is seen to be gone, and its mark is swept away then. No lock is needed: a
mark only warns, it never stops anyone.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from facilitator.core.device import state_folder, state_path


def _marks(session_path: Path, folder: Path | None = None) -> tuple[Path, str]:
    """The folder of marks and this session's prefix in it (as its view state is named)."""
    return (folder or state_folder()) / "open", state_path(session_path, folder).stem + "."


def mark_open(session_path: Path, folder: Path | None = None) -> Path | None:
    """Note that this process holds the session open; the mark's path, or None if it can't be
    made (a read-only state folder costs the warning, never the session)."""
    where, prefix = _marks(session_path, folder)
    mark = where / f"{prefix}{os.getpid()}"
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        mark.touch(mode=0o600)
    except OSError:
        return None
    return mark


def unmark(mark: Path | None) -> None:
    if mark is not None:
        with contextlib.suppress(OSError):
            mark.unlink()


def _alive(pid: int) -> bool:
    if os.name == "nt":  # (signal 0 is CTRL_C_EVENT there): a mark counts until removed
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def held_elsewhere(session_path: Path, folder: Path | None = None) -> list[int]:
    """The other processes on this computer that hold the session open now (marks of ended
    ones are removed)."""
    where, prefix = _marks(session_path, folder)
    try:
        names = [entry.name for entry in os.scandir(where) if entry.name.startswith(prefix)]
    except OSError:
        return []
    holders = []
    for name in names:
        pid_text = name[len(prefix) :]
        if not pid_text.isdigit() or int(pid_text) == os.getpid():
            continue
        if _alive(int(pid_text)):
            holders.append(int(pid_text))
        else:
            unmark(where / name)
    return sorted(holders)
