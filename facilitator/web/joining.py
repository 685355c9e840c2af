"""Who may join and who has joined: the join code, the limits and the devices.

Pure state with the clock passed in, so the rules are tested without a server. The
code is read aloud and typed on phones: no characters that look alike (0/O, 1/I/L).
A device's token (its cookie) is random (`secrets`) and kept only as a hash; its form
token is derived from it, so neither is on disk and a restart keeps both working.

A device's party is its own: chosen once, after joining; only the facilitator moves a
device to another party. Wrong codes are limited per address and for the whole room;
joins per address; a device that never picks a party is dropped after a while.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
DEFAULT_MAX_DEVICES = 100
WRONG_GUESSES = 5  # per address ...
GUESS_WINDOW = 60.0  # ... in this many seconds
ROOM_WRONG_GUESSES = 100  # wrong codes checked per GUESS_WINDOW for the whole room
JOINS_PER_ADDRESS = 20  # new devices per address per GUESS_WINDOW (a shared laptop re-joins)
PICK_SECONDS = 15 * 60.0  # a device that has not picked its party by then is dropped
MAX_NAME = 80
SAME_JOIN = 30.0  # seconds in which one join form sent again is the same device


def new_code(length: int = CODE_LENGTH) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def normalise_code(typed: str) -> str:
    """What a person typed, as the code is written: case, spaces and dashes don't matter."""
    return "".join(ch for ch in typed.upper() if ch not in " -\t")


def same(a: str, b: str) -> bool:
    """Constant-time comparison of two tokens."""
    return hmac.compare_digest(a.encode("utf-8", "replace"), b.encode("utf-8", "replace"))


def token_hash(token: str) -> str:
    """What is kept of a device's token: enough to recognise it, useless to present."""
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def form_token(token: str) -> str:
    """The token a device's forms carry, derived from its cookie (so it is never stored)."""
    return hmac.new(token.encode("utf-8", "replace"), b"form", hashlib.sha256).hexdigest()[:32]


@dataclass
class Device:
    """One joined phone or laptop: its public id, its party (chosen once) and the name typed."""

    id: str
    key: str  # token_hash of its cookie
    address: str
    joined_at: float
    party_id: str | None = None
    name: str = ""
    last_seen: float = 0.0
    language: str | None = None
    admitted: bool = True
    placed: dict[str, list[Any]] = field(default_factory=dict)  # activity → [round, current, wished]
    csrf: str = ""  # this request's form token (from the cookie); never saved

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "key": self.key,
            "address": self.address,
            "joined_at": self.joined_at,
            "party_id": self.party_id,
            "name": self.name,
            "language": self.language,
            "admitted": self.admitted,
            "placed": {
                k: list(v) for k, v in self.placed.items()
            },  # a copy: the saved one must not change with it
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Device | None:
        """A saved device, or None when the record is not one of ours."""
        try:
            placed = {
                str(k): [int(v[0]), str(v[1]), str(v[2])]
                for k, v in dict(data.get("placed") or {}).items()
                if isinstance(v, list) and len(v) == 3
            }
            joined = float(data["joined_at"])
            party = data.get("party_id")
            language = data.get("language")
            return cls(
                id=str(data["id"])[:16],
                key=str(data["key"])[:64],
                address=str(data.get("address", "?"))[:64],
                joined_at=joined,
                party_id=party if isinstance(party, str) else None,
                name=str(data.get("name", ""))[:MAX_NAME],
                last_seen=joined,
                language=language if isinstance(language, str) else None,
                admitted=bool(data.get("admitted", True)),
                placed=placed,
            )
        except (KeyError, TypeError, ValueError, IndexError):
            return None


class Refused(Exception):
    """Refused; `key` is the catalogue message, `values` fill it in."""

    def __init__(self, key: str, status: int, **values: Any) -> None:
        super().__init__(key)
        self.key = key
        self.status = status
        self.values: dict[str, Any] = values


def _recent(times: deque[float], now: float) -> deque[float]:
    while times and times[0] <= now - GUESS_WINDOW:
        times.popleft()
    return times


@dataclass
class JoinDesk:
    """The join code, the open/closed switch, the limits and the joined devices.

    `changed` is called after every change worth keeping (the room file saves it).
    """

    code: str = field(default_factory=new_code)
    max_devices: int = DEFAULT_MAX_DEVICES
    open: bool = True
    admit_each: bool = False  # the facilitator admits each new device before it can act
    devices: dict[str, Device] = field(default_factory=dict)  # by token hash
    changed: Callable[[], None] | None = None
    _wrong: dict[str, deque[float]] = field(default_factory=dict)
    _room_wrong: deque[float] = field(default_factory=deque)
    _joins: dict[str, deque[float]] = field(default_factory=dict)
    room_limited: bool = False  # the room's wrong-code limit tripped since the code was made
    left: deque[Device] = field(default_factory=lambda: deque(maxlen=20))  # devices that left
    _secret: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)

    def rejoined(self, device: Device) -> bool:
        """A device whose person left earlier (same party and name): joining again made it new."""
        return bool(device.name) and any(
            d.party_id == device.party_id and d.name == device.name and d.joined_at < device.joined_at
            for d in self.left
        )

    def _save(self) -> None:
        if self.changed is not None:
            self.changed()

    def join(
        self, typed_code: str, address: str, now: float | None = None, pre: str = ""
    ) -> tuple[Device, str]:
        """A new device and its token (the cookie), or `Refused` (closed, limits, wrong code, full).

        `pre`: the join form's own token. The same form sent again within `SAME_JOIN` seconds
        (a double tap whose first answer the browser dropped) is the same device, not a second."""
        now = time.time() if now is None else now
        if not self.open:
            raise Refused("web.refused.closed", 403)
        wrong = _recent(self._wrong.setdefault(address, deque()), now)
        if len(wrong) >= WRONG_GUESSES:
            raise Refused("web.refused.wait", 429, seconds=_wait(wrong, now))
        room = _recent(self._room_wrong, now)
        if len(room) >= ROOM_WRONG_GUESSES:
            self.room_limited = True
            raise Refused("web.refused.room_wait", 429, seconds=_wait(room, now))
        if not same(normalise_code(typed_code), self.code):
            wrong.append(now)
            room.append(now)
            raise Refused("web.refused.code", 403)
        if not wrong:
            self._wrong.pop(address, None)
        token = self._token_for(pre) if pre else secrets.token_urlsafe(32)
        again = self.devices.get(token_hash(token))
        if again is not None and again.joined_at > now - SAME_JOIN:
            return again, token
        if again is not None:  # an old join form's token sent again: a new device after all
            token = secrets.token_urlsafe(32)
        joins = _recent(self._joins.setdefault(address, deque()), now)
        if len(joins) >= JOINS_PER_ADDRESS:
            raise Refused("web.refused.wait", 429, seconds=_wait(joins, now))
        self.sweep(now)
        if len(self.devices) >= self.max_devices:
            raise Refused("web.refused.full", 503, limit=self.max_devices)
        joins.append(now)
        device = Device(
            secrets.token_hex(4), token_hash(token), address, now, last_seen=now, admitted=not self.admit_each
        )
        self.devices[device.key] = device
        self._save()
        return device, token

    def _token_for(self, pre: str) -> str:
        """The device token one join form makes: unguessable without this desk's secret."""
        return hmac.new(self._secret, pre.encode("utf-8", "replace"), hashlib.sha256).hexdigest()

    def device(self, token: str | None) -> Device | None:
        """The device behind a cookie, if it is still joined (with its form token filled in)."""
        if not token:
            return None
        device = self.devices.get(token_hash(token))
        if device is not None:
            device.csrf = form_token(token)
        return device

    def by_id(self, device_id: str) -> Device | None:
        return next((d for d in self.devices.values() if d.id == device_id), None)

    def choose_party(self, device: Device, party_id: str, name: str) -> None:
        """The device's party, once: a second choice is refused (only the facilitator moves it)."""
        if device.party_id is not None:
            raise Refused("web.refused.party_fixed", 403)
        device.party_id, device.name = party_id, name[:MAX_NAME]
        self._save()

    def move(self, device_id: str, party_id: str) -> bool:
        """The facilitator moves a device to another party."""
        device = self.by_id(device_id)
        if device is None:
            return False
        device.party_id = party_id
        self._save()
        return True

    def admit_waiting(self) -> int:
        """Admit every device waiting for the facilitator; how many were waiting."""
        waiting = [d for d in self.devices.values() if not d.admitted]
        for device in waiting:
            device.admitted = True
        if waiting:
            self._save()
        return len(waiting)

    def set_admit_each(self, on: bool) -> None:
        self.admit_each = on
        self._save()

    def set_open(self, on: bool) -> None:
        if self.open != on:
            self.open = on
            self._save()

    def renew_code(self) -> str:
        """A new join code (the old one stops working); joined devices stay."""
        self.code = new_code(len(self.code) or CODE_LENGTH)
        self._room_wrong.clear()
        self._wrong.clear()
        self.room_limited = False
        self._save()
        return self.code

    def remember(
        self, device: Device, activity_id: str, round_number: int, current: str, wished: str
    ) -> None:
        """What a device placed (the panel compares two devices of one party)."""
        device.placed[activity_id] = [round_number, current, wished]
        self._save()

    def set_language(self, device: Device, language: str) -> None:
        if device.language != language:
            device.language = language
            self._save()

    def sweep(self, now: float | None = None) -> int:
        """Drop devices that never picked a party within PICK_SECONDS; how many went."""
        now = time.time() if now is None else now
        stale = [
            k for k, d in self.devices.items() if d.party_id is None and d.joined_at < now - PICK_SECONDS
        ]
        for key in stale:
            del self.devices[key]
        if stale:
            self._save()
        return len(stale)

    def remove(self, device_id: str, left: bool = False) -> bool:
        """The facilitator removes a device (or it `left`): its cookie stops working at once."""
        device = self.by_id(device_id)
        if device is None:
            return False
        del self.devices[device.key]
        if left:
            self.left.append(device)
        self._save()
        return True

    def forget_party(self, device: Device) -> None:
        """The device's party is no longer in the session: it chooses again."""
        device.party_id = None
        self._save()

    def listed(self) -> list[Device]:
        """Joined devices, in the order they joined."""
        return sorted(self.devices.values(), key=lambda d: d.joined_at)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "open": self.open,
            "admit_each": self.admit_each,
            "devices": [d.to_json() for d in self.listed()],
        }

    def restore(self, data: Mapping[str, Any]) -> None:
        """Take the code, switches and devices a room file kept (anything odd is skipped)."""
        code = data.get("code")
        if isinstance(code, str) and code and all(ch in CODE_ALPHABET for ch in code) and len(code) <= 12:
            self.code = code
        self.open = bool(data.get("open", True))
        self.admit_each = bool(data.get("admit_each", False))
        saved = data.get("devices")
        for item in saved[: self.max_devices] if isinstance(saved, list) else []:
            device = Device.from_json(item) if isinstance(item, Mapping) else None
            if device is not None:
                self.devices[device.key] = device


def _wait(times: deque[float], now: float) -> int:
    """Seconds until the oldest counted attempt leaves the window."""
    return max(1, int(times[0] + GUESS_WINDOW - now + 0.999))


def disagreements(devices: list[Device], rounds: Mapping[str, int]) -> list[tuple[str, str]]:
    """(party id, activity id) where two devices of one party placed differently this round.

    `rounds` is each activity's current round: an older round's placement is not compared.
    """
    seen: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for device in devices:
        if device.party_id is None:
            continue
        for activity_id, (round_number, current, wished) in device.placed.items():
            if rounds.get(activity_id) == round_number:
                seen.setdefault((device.party_id, activity_id), set()).add((current, wished))
    return sorted(key for key, placed in seen.items() if len(placed) > 1)
