"""The room of one session on this computer: join code, joined devices, port, whether served.

Kept in the per-device state folder (`FACILITATOR_STATE_DIR`), beside the view state,
not in the session file: it is this computer's server, and a session file is mailed and
archived. Tokens are kept hashed; the file is 0600 in a 0700 folder. A bad file (too big,
too deep, not a regular file, not JSON) is set aside (`<name>.bad`, with a notice): the
room starts afresh, the session is untouched.

One server at a time serves a room: the app's or `facilitator serve`'s, in one process or
another. The one serving holds a lock beside the room file (`claim`) for as long as it
serves, and notes its process and address in the room (`owner`); a second one is refused
with that address (`RoomTaken`) and writes nothing, so neither overwrites the other's port,
code or devices. The operating system drops the lock when its process ends, so a server
that crashed leaves nothing behind to take over by hand.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.core.device import state_folder, state_path
from facilitator.core.errors import UserError
from facilitator.core.i18n import Translator
from facilitator.core.plain import read_json_or_set_aside, set_aside
from facilitator.core.store import atomic_write_text, make_private_folder

if TYPE_CHECKING:
    from filelock import FileLock

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


class RoomTaken(UserError):
    """Another server on this computer serves this session's room (its address, if known)."""


class RoomFile:
    """One session's room on this computer: read once, written whole (atomically) on change."""

    def __init__(self, session_path: Path, folder: Path | None = None) -> None:
        self.path = room_path(session_path, folder)
        self.values: dict[str, Any] = _read(self.path)
        self._updating = threading.Lock()
        self._claim: FileLock | None = None

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".serving")

    @property
    def claimed(self) -> bool:
        return self._claim is not None

    def _lock(self) -> FileLock:
        # filelock is imported here, by a server's claim or look: importing it took ~14 ms, and a
        # start reads the room file (`was_served`) right after its first frame.
        from filelock import FileLock

        # Not thread-local: the app takes it on its loop and may let it go from another thread.
        return FileLock(self.lock_path, timeout=0, thread_local=False)

    def claim(self) -> None:
        """Serve this room from here: refused (`RoomTaken`) while another server serves it.

        The room is read again once claimed: the server before this one (another process,
        maybe) kept its devices and code there. A state folder that can't hold a lock (read-
        only) serves unclaimed, as it serves without a room file."""
        if self._claim is not None:
            return
        lock = self._lock()
        from filelock import Timeout  # (imported by `_lock`)

        try:
            with contextlib.suppress(OSError):
                make_private_folder(self.path.parent.parent)
                make_private_folder(self.path.parent)
            # A moment's wait: another process's `served_elsewhere` takes the lock for an
            # instant to look; a claim at that instant must not be refused for it.
            lock.acquire(timeout=0.3)
        except Timeout:
            raise self.taken() from None
        except OSError:
            return
        self._claim = lock
        self.values = _read(self.path)
        self.update(owner={"pid": os.getpid()})

    def serving_at(self, url: str) -> None:
        """Note where this room is served, for a second server's refusal to name."""
        if self._claim is not None:
            self.update(owner={"pid": os.getpid(), "url": url})

    def release(self) -> None:
        """No longer served from here: the owner's record goes, the next server may claim it."""
        if self._claim is None:
            return
        with self._updating:
            self.values.pop("owner", None)
            self.write()
        self._claim.release()
        self._claim = None

    def served_elsewhere(self) -> bool:
        """Whether another server (process, or app) serves this room now."""
        if self._claim is not None:
            return False
        lock = self._lock()
        from filelock import Timeout  # (imported by `_lock`)

        try:
            lock.acquire()
        except Timeout:
            return True
        except OSError:
            return False
        lock.release()
        return False

    def taken(self) -> RoomTaken:
        """The refusal a second server gets: the running one's address, read from the room now."""
        owner = _read(self.path).get("owner")
        owner = owner if isinstance(owner, dict) else {}
        pid, url = str(owner.get("pid", "?")), owner.get("url")
        if isinstance(url, str) and url:
            values = {"url": url, "pid": pid}
            return RoomTaken(Translator("en")("room.taken", **values), "room.taken", **values)
        return RoomTaken(Translator("en")("room.taken.starting", pid=pid), "room.taken.starting", pid=pid)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def update(self, **values: Any) -> None:
        """Keep these values; a read-only state folder costs the room, never the session.

        One update at a time (the desk is saved on a thread of its own, the port on the loop).
        Not serving from here, the values go onto the room as it is on disk now, not as it was
        read: another server may have served it meanwhile (its code, its devices)."""
        with self._updating:
            if self._claim is None and self.path.exists():
                self.values = _read(self.path)
            merged = {**self.values, **values}
            if merged == self.values and self.path.exists():
                return
            self.values = merged
            self.write()

    def write(self) -> None:
        """Write the room whole; never over the room of another server serving it now."""
        if self.served_elsewhere():
            return
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


def phone_parties(desk: Mapping[str, Any]) -> set[str]:
    """The parties with an admitted device in a desk as the room file keeps it."""
    return set(phones_by_party(desk))


def phones_by_party(desk: Mapping[str, Any]) -> Counter[str]:
    """How many admitted devices each party has in a desk as the room file keeps it."""
    devices = desk.get("devices")
    listed = devices if isinstance(devices, list) else []
    return Counter(
        d["party_id"]
        for d in listed
        if isinstance(d, dict) and isinstance(d.get("party_id"), str) and d.get("admitted", True)
    )
