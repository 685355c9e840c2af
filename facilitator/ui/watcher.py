"""The one watcher of an open session: every screen hears of every change through it.

Whoever changed the file (this app, the CLI, a participant's phone through the server,
another facilitator process), the watcher notices from the file's content (the newest event
number) and publishes the new `Session` once to every subscribed screen: our own changes at
once, when the service call returns; others' at the next poll, within `POLL_SECONDS`.
Tests call `check()` instead of waiting.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from textual.app import App
from textual.dom import DOMNode
from textual.signal import Signal
from textual.timer import Timer

from facilitator.core.model import Event, Session
from facilitator.core.service import SessionService
from facilitator.core.watcher import SessionWatcher

POLL_SECONDS = 0.1
"""How often the file's signature is looked at (a `stat`): a change elsewhere shows within this."""


class SessionWatch:
    """Publishes `changed` (with the new `Session`) when the session's file changed."""

    def __init__(self, app: App[Any], service: SessionService) -> None:
        self.service = service
        self.core = SessionWatcher(service)
        self.changed: Signal[Session] = Signal(app, "session-changed")
        self._thread = threading.get_ident()
        self._loop = asyncio.get_running_loop()
        self._unsubscribe = service.subscribe(self._own_change)
        self._timer: Timer = app.set_interval(POLL_SECONDS, self.check, name="session-watch")

    def subscribe(self, node: DOMNode, callback: Any) -> None:
        """`callback(session)` is called once per change, in the turn that noticed it.

        For our own change that is right after the service call returns, so a view that adds
        an item and then selects it finds it drawn; for another process's, the watcher's poll.
        """
        self.changed.subscribe(node, callback, immediate=True)

    def _own_change(self, event: Event) -> None:
        if threading.get_ident() == self._thread:
            self.check()
        else:  # a phone's change, made on the web server's writer thread: look on the app's own
            self._loop.call_soon_threadsafe(self.check)

    def check(self) -> Session | None:
        """Look now; publish and return the new session if it changed since the last look."""
        session = self.core.check()
        if session is not None:
            self.changed.publish(session)
        return session

    def close(self) -> None:
        self._timer.stop()
        self._unsubscribe()
