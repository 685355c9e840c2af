"""When the live pages hear that something changed: soon, once for a burst, after the answers.

Every open page keeps an event stream, and each piece of news costs the server one render of
the live part per page, on its one event loop: forty pages, some forty milliseconds. Forty
phones placing at the same instant must not wait behind that. So news is held while phones'
changes are on their way to disk (they are answered first) and told once they are all
answered, at most `HOLD_SECONDS` later; and at most once per `REFRESH_SECONDS` in any case.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator

REFRESH_SECONDS = 0.3  # live pages are told of changes at most this often (forty placements: few refreshes)
HOLD_SECONDS = 0.5
"""The longest news waits for the phones' changes in flight (a steady stream of them must not
keep the pages from ever hearing)."""


class LiveNews:
    """The version live pages follow, and when it moves (on the server's event loop only)."""

    def __init__(self) -> None:
        self.version = 0
        self.closing = False
        self.told = 0
        """How often the pages were woken (tests count them)."""
        self._changed = asyncio.Event()
        self._pending = False
        self._in_flight = 0
        self._held_since: float | None = None
        self._told_at = -REFRESH_SECONDS
        self._timer: asyncio.TimerHandle | None = None

    def session_changed(self) -> None:
        """The session changed: wake every live page when it is time (see the module)."""
        self._pending = True
        self._schedule()

    @contextlib.contextmanager
    def change_in_flight(self) -> Iterator[None]:
        """A phone's change is on its way to disk, until its answer is made: news waits for it."""
        self._in_flight += 1
        try:
            yield
        finally:
            self._in_flight -= 1
            if not self._in_flight:
                self._schedule()

    def poke(self) -> None:
        """Wake every live page now: the session or the list of devices changed."""
        self.version += 1
        self.told += 1
        event, self._changed = self._changed, asyncio.Event()
        event.set()

    async def wait(self, seen: int, timeout: float) -> None:
        """Until the version moves past `seen` (or the server closes), at most `timeout` seconds."""
        if self.version != seen or self.closing:
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._changed.wait(), timeout)

    def close(self) -> None:
        self.closing = True
        self._cancel()
        self._pending = False
        self.poke()

    def _schedule(self) -> None:
        if not self._pending or self.closing:
            return
        loop = asyncio.get_running_loop()
        now = loop.time()
        due = self._told_at + REFRESH_SECONDS
        if self._in_flight:
            if self._held_since is None:
                self._held_since = now
            due = max(due, self._held_since + HOLD_SECONDS)
        self._cancel()
        if due <= now:
            self._tell()
        else:
            self._timer = loop.call_at(due, self._tell)

    def _tell(self) -> None:
        self._timer = None
        self._pending = False
        self._held_since = None
        self._told_at = asyncio.get_running_loop().time()
        self.poke()

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
