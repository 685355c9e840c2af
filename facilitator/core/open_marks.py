"""Which processes on this computer hold a session open: the app showing it, a server serving it.

Whoever watches a session (`watcher.SessionWatch`: every screen and server holds one) leaves a
file named after the session and its process id in the state folder's `open/`, holds an
operating-system lock on it while it runs, and removes it when it stops. `facilitator delete`
asks here first: deleting a session a workshop is running on leaves the room with nothing to
save into. A mark nobody holds locked is stale (its process ended without removing it: killed,
a crash, a closed terminal) and is swept away. The lock, not the process id, says who is
there: the system lets go of it when the process ends, on every system, and an id used again
by another program after a restart proves nothing.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from facilitator.core.device import state_folder, state_path

_HELD: dict[Path, tuple[int, int]] = {}
"""This process's marks: the open file holding the lock, and how many watches share it."""


def _marks(session_path: Path, folder: Path | None = None) -> tuple[Path, str]:
    """The folder of marks and this session's prefix in it (as its view state is named)."""
    return (folder or state_folder()) / "open", state_path(session_path, folder).stem + "."


def _lock(fd: int) -> bool:
    """Take the mark's lock without waiting; False when another process holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # (per open file: no other close frees it)
    except OSError:
        return False
    return True


def mark_open(session_path: Path, folder: Path | None = None) -> Path | None:
    """Note that this process holds the session open; the mark's path, or None if it can't be
    made (a read-only state folder costs the warning, never the session)."""
    where, prefix = _marks(session_path, folder)
    mark = where / f"{prefix}{os.getpid()}"
    if mark in _HELD:
        fd, count = _HELD[mark]
        _HELD[mark] = (fd, count + 1)
        return mark
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd = os.open(mark, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        return None
    if not _lock(fd):
        os.close(fd)
        return None
    _HELD[mark] = (fd, 1)
    return mark


def unmark(mark: Path | None) -> None:
    if mark is None or mark not in _HELD:
        return
    fd, count = _HELD.pop(mark)
    if count > 1:
        _HELD[mark] = (fd, count - 1)
        return
    os.close(fd)  # (first: an open file can't be removed on Windows)
    with contextlib.suppress(OSError):
        mark.unlink()


def _held_by_another(mark: Path) -> bool:
    """Whether a live process holds `mark` locked; a stale mark is removed."""
    try:
        fd = os.open(mark, os.O_RDWR)
    except FileNotFoundError:
        return False
    except OSError:
        return True  # can't look: count it, a mark only warns
    try:
        if not _lock(fd):
            return True
    finally:
        os.close(fd)
    with contextlib.suppress(OSError):
        mark.unlink()
    return False


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
        if _held_by_another(where / name):
            holders.append(int(pid_text))
    return sorted(holders)
