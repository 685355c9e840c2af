"""Who may join and who has joined: the join code, wrong-guess limits and the devices.

Pure state with the clock passed in, so the rules are tested without a server. The
code is read aloud and typed on phones: no characters that look alike (0/O, 1/I/L).
Device and form tokens are random (`secrets`) and compared in constant time.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
DEFAULT_MAX_DEVICES = 100
WRONG_GUESSES = 5  # per address ...
GUESS_WINDOW = 60.0  # ... in this many seconds


def new_code(length: int = CODE_LENGTH) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def normalise_code(typed: str) -> str:
    """What a person typed, as the code is written: case, spaces and dashes don't matter."""
    return "".join(ch for ch in typed.upper() if ch not in " -\t")


def same(a: str, b: str) -> bool:
    """Constant-time comparison of two tokens."""
    return hmac.compare_digest(a.encode("utf-8", "replace"), b.encode("utf-8", "replace"))


@dataclass
class Device:
    """One joined phone or laptop. The token is its cookie; `csrf` goes in its forms."""

    token: str
    csrf: str
    address: str
    joined_at: float
    party_id: str | None = None
    name: str = ""
    last_seen: float = 0.0
    language: str | None = None

    @property
    def id(self) -> str:
        """A short public handle (the facilitator's list); never the token itself."""
        return self.csrf[:8]


class Refused(Exception):
    """Joining refused; `key` is the catalogue message, `values` fill it in."""

    def __init__(self, key: str, status: int, **values: Any) -> None:
        super().__init__(key)
        self.key = key
        self.status = status
        self.values: dict[str, Any] = values


@dataclass
class JoinDesk:
    """The join code, the open/closed switch, the wrong-guess limit and the joined devices."""

    code: str = field(default_factory=new_code)
    max_devices: int = DEFAULT_MAX_DEVICES
    open: bool = True
    devices: dict[str, Device] = field(default_factory=dict)
    _wrong: dict[str, deque[float]] = field(default_factory=dict)

    def join(self, typed_code: str, address: str, now: float | None = None) -> Device:
        """A new device, or `Refused` (closed, too many wrong guesses, wrong code, full)."""
        now = time.monotonic() if now is None else now
        if not self.open:
            raise Refused("web.refused.closed", 403)
        wrong = self._wrong.setdefault(address, deque())
        while wrong and wrong[0] <= now - GUESS_WINDOW:
            wrong.popleft()
        if len(wrong) >= WRONG_GUESSES:
            wait = max(1, int(wrong[0] + GUESS_WINDOW - now + 0.999))
            raise Refused("web.refused.wait", 429, seconds=wait)
        if not same(normalise_code(typed_code), self.code):
            wrong.append(now)
            raise Refused("web.refused.code", 403)
        if not wrong:
            self._wrong.pop(address, None)
        if len(self.devices) >= self.max_devices:
            raise Refused("web.refused.full", 503, limit=self.max_devices)
        device = Device(secrets.token_urlsafe(32), secrets.token_urlsafe(24), address, now, last_seen=now)
        self.devices[device.token] = device
        return device

    def device(self, token: str | None) -> Device | None:
        """The device behind a cookie, if it is still joined."""
        if not token:
            return None
        return self.devices.get(token)

    def remove(self, device_id: str) -> bool:
        """The facilitator removes a device: its cookie stops working at once."""
        for token, device in list(self.devices.items()):
            if device.id == device_id:
                del self.devices[token]
                return True
        return False

    def listed(self) -> list[Device]:
        """Joined devices, in the order they joined."""
        return sorted(self.devices.values(), key=lambda d: d.joined_at)
