"""Notices that a session changed, whoever changed it: this process, another one, a phone.

What the watcher has seen is the newest event's number read from the file's content, never
the moment of our own write: a change another process made in the same instant as ours
is in the file we read, so it is seen. Checking is a `stat` when nothing changed.

An open session is a handle with a lifetime. Whoever shows or serves a session (a screen,
the participants' server) opens a `SessionHandle` from the process's `OpenSessions` and
closes it when it goes. Every handle on one session file shares one `SessionWatch`: one look
at the file per `POLL_SECONDS`, stopped when the last handle closes, so nothing is watched
that nobody shows. News reaches a handle on a later turn of the event loop, never inside
the call that made the change (a service call, a request handler).

Another process's change costs a read of the whole file (at 500 activities some 30 ms of
CPU). While such changes keep coming (a room of phones placing through the server), the
watch reads the file at once when the first is noticed, then waits a while proportional to
what that read cost (`READ_SHARE`, at most `SETTLE_SECONDS`) before reading again: the
changes made meanwhile arrive together in one read, the newest file always last. Only
showing waits: every change is written read-modify-write under the lock, on the newest file.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from pathlib import Path

from facilitator.core.errors import UserError
from facilitator.core.model import Event, Session
from facilitator.core.open_marks import mark_open, unmark
from facilitator.core.service import SessionService

POLL_SECONDS = 0.1
"""How often an open session's file is looked at (a `stat`): a change elsewhere shows within this."""

SETTLE_SECONDS = 0.3
"""The longest another process's newer changes wait, after a read, for the next one."""

READ_SHARE = 8.0
"""After a read of another process's change, the next waits this many times its CPU cost
(at most `SETTLE_SECONDS`): while changes keep coming, reading takes at most about a ninth of
a core. A small session's read is cheap: it waits no longer than the next poll."""

Listener = Callable[[Session], None]
TroubleListener = Callable[[UserError | None], None]


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


class SessionHandle:
    """One holder's open session: `on_change` listeners hear of each change until `close()`."""

    def __init__(self, watch: SessionWatch, service: SessionService, seen: int | None) -> None:
        self.service = service
        self.seen = seen
        """The newest event number this holder was told of (or had when it opened)."""
        self.closed = False
        self._watch = watch
        self._listeners: list[Listener] = []
        self.trouble_listeners: list[TroubleListener] = []
        self.trouble: str | None = None  # the reason it was last told, to tell each once
        self._unsubscribe = service.subscribe(self._own_change)

    def on_change(self, listener: Listener) -> None:
        """`listener(session)` is called once per change, on a turn of its own."""
        self._listeners.append(listener)

    def on_trouble(self, listener: TroubleListener) -> None:
        """`listener(error)` hears at once when the file can't be read any more (deleted,
        corrupted, replaced by a newer version), before anyone tries a change; None when it can
        again. A holder that opens while the file is unreadable hears of it on its first look."""
        self.trouble_listeners.append(listener)

    def _own_change(self, _event: Event) -> None:
        self._watch.look_soon()  # after the call that made it has returned

    def tell(self, session: Session) -> None:
        """The watcher's news (from the watch's own service: another service re-reads it)."""
        if self.closed or session.last_seq == self.seen:
            return
        self.seen = session.last_seq
        if self.service is not self._watch.service:
            try:
                session = self.service.session  # names in this holder's language
            except UserError:
                return
        for listener in list(self._listeners):
            listener(session)

    def close(self) -> None:
        """Done with the session: the watcher stops when this was its last holder."""
        if self.closed:
            return
        self.closed = True
        self._listeners.clear()
        self.trouble_listeners.clear()
        self._unsubscribe()
        self._watch.release(self)


class SessionWatch:
    """One session file's watcher, shared by every handle open on it in this process."""

    def __init__(self, service: SessionService, stopped: Callable[[SessionWatch], None]) -> None:
        self.service = service
        self.core = SessionWatcher(service)
        self.handles: list[SessionHandle] = []
        self.looks = 0
        """How often the file was looked at (tests and the benchmark count them)."""
        self.settled_at = 0.0
        """The loop's time before which another process's change is not read (see `_tick`)."""
        self._stopped = stopped
        self._loop = asyncio.get_running_loop()
        self._thread = threading.get_ident()
        self._soon: asyncio.Handle | None = None
        self._poll: asyncio.TimerHandle | None = self._loop.call_later(POLL_SECONDS, self._tick)
        self._mark = mark_open(service.path)
        """This process holds the session open: `facilitator delete` elsewhere warns (`open_marks`)."""

    def look_soon(self) -> None:
        """Look on the next turn of the event loop (several changes in one turn: one look).

        A phone's change is made on one of the web server's writer threads: the look is
        handed to the loop's own thread."""
        if threading.get_ident() != self._thread:
            self._loop.call_soon_threadsafe(self.look_soon)
        elif self._soon is None and self._poll is not None:
            self._soon = self._loop.call_soon(self._look_soon)

    def _look_soon(self) -> None:
        self._soon = None
        self.check()

    def _tick(self) -> None:
        if not self.service.file.changed_elsewhere():
            self.check()  # nothing to parse: what this process wrote, or nothing new
        elif self._loop.time() >= self.settled_at:
            spent = time.thread_time()
            self.check()
            spent = time.thread_time() - spent
            self.settled_at = self._loop.time() + min(SETTLE_SECONDS, READ_SHARE * spent)
        self._poll = self._loop.call_later(POLL_SECONDS, self._tick)

    def check(self) -> Session | None:
        """Look now; tell every handle that has not seen it yet. Returns the session if it changed."""
        self.looks += 1
        changed = self.core.check()
        self._tell_trouble(self.service.trouble)
        if changed is None and all(handle.seen == self.core.seen for handle in self.handles):
            return None
        try:
            session = changed or self.service.session
        except UserError:
            return None
        for handle in list(self.handles):
            handle.tell(session)
        return changed

    def _tell_trouble(self, error: UserError | None) -> None:
        now = None if error is None else str(error)
        for handle in list(self.handles):
            if handle.trouble != now:
                handle.trouble = now
                for listener in list(handle.trouble_listeners):
                    listener(error)

    def release(self, handle: SessionHandle) -> None:
        if handle in self.handles:
            self.handles.remove(handle)
        if not self.handles:
            self.stop()

    def stop(self) -> None:
        for pending in (self._poll, self._soon):
            if pending is not None:
                pending.cancel()
        self._poll = self._soon = None
        unmark(self._mark)
        self._mark = None
        self._stopped(self)


class OpenSessions:
    """The sessions open in this process: one watcher per session file, however many hold it.

    The app keeps one and hands it to the participants' server it starts, so a session shown
    on the projector and served to phones is looked at once.
    """

    def __init__(self) -> None:
        self._watches: dict[Path, SessionWatch] = {}

    def open(self, service: SessionService, seen: int | None = None) -> SessionHandle:
        """Hold a session open (in a running event loop). `seen`: the newest event number the
        holder has shown; if the file is newer, the holder hears of it on the next turn."""
        key = service.path.resolve()
        watch = self._watches.get(key)
        if watch is None:
            watch = self._watches[key] = SessionWatch(service, self._stopped)
        handle = SessionHandle(watch, service, watch.core.seen if seen is None else seen)
        watch.handles.append(handle)
        if handle.seen != watch.core.seen:
            watch.look_soon()
        return handle

    def _stopped(self, watch: SessionWatch) -> None:
        key = watch.service.path.resolve()
        if self._watches.get(key) is watch:
            del self._watches[key]

    @property
    def watched(self) -> list[Path]:
        """The session files watched now (one watcher each)."""
        return list(self._watches)

    def watch_of(self, service: SessionService) -> SessionWatch | None:
        """The watcher of a service's file, if anyone holds it open."""
        return self._watches.get(service.path.resolve())

    def check(self, service: SessionService) -> Session | None:
        """Look at a service's file now rather than at the next poll (tests, the benchmark)."""
        watch = self.watch_of(service)
        return watch.check() if watch is not None else None
