"""Notices that a session changed, whoever changed it: this process, another one, a phone.

What the watcher has seen is the newest event's number read from the file's content, never
the moment of our own write: a change another process made in the same instant as ours
is in the file we read, so it is seen. Checking is a `stat` when nothing changed.
"""

from __future__ import annotations

from facilitator.core.errors import UserError
from facilitator.core.model import Session
from facilitator.core.service import SessionService


class SessionWatcher:
    """`check()` returns the new `Session` once per change, else None."""

    def __init__(self, service: SessionService) -> None:
        self.service = service
        self.seen: int | None = None
        self.error: UserError | None = None
        """The last error reading the file (it is kept; the watcher tries again next time)."""
        try:
            self.seen = service.session.last_seq
        except UserError as error:
            self.error = error

    def check(self) -> Session | None:
        try:
            session = self.service.session
        except UserError as error:
            self.error = error
            return None
        self.error = None
        if session.last_seq == self.seen:
            return None
        self.seen = session.last_seq
        return session
