"""The participants' server's shared state: the session, the join desk, the pages' news.

One per running application (`server.make_app`), reached from a request by `state_of`.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import jinja2
from aiohttp import web

from facilitator.core.model import Session
from facilitator.core.service import SessionService
from facilitator.web import core_api
from facilitator.web.joining import JoinDesk
from facilitator.web.news import LiveNews
from facilitator.web.sent_once import SentOnce

TEMPLATES = Path(__file__).resolve().parent / "templates"
WRITER_THREADS = 128  # phones whose changes may wait for the same write (the device cap is 100)


class WebState:
    """The server's shared state: the session, the join desk and the change signal."""

    def __init__(self, service: SessionService, desk: JoinDesk, sessions: core_api.OpenSessions) -> None:
        self.service = service
        self.desk = desk
        self.sessions = sessions
        self.handle: core_api.SessionHandle | None = None
        """The session held open while the server runs (the process's one watcher of it)."""
        self.news = LiveNews()
        """When live pages hear of changes (held while phones' changes are in flight)."""
        self.sent_once = SentOnce()
        """Which sendings of a form were applied: one sent again is not applied twice."""
        self.writers = ThreadPoolExecutor(WRITER_THREADS, thread_name_prefix="web-change")
        """Phones' changes wait for the disk here, not on the event loop (see party_action)."""
        self.env = jinja2.Environment(
            auto_reload=False,
            loader=jinja2.FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
        )

    def views(self) -> tuple[Session, Session]:
        """The newest session and the room's view of it (made once per change, shared by all)."""
        session = self.service.session
        return session, core_api.party_view(session, None)  # party_view keeps it with the session

    def open(self) -> None:
        """Hold the session open: the watcher's news wakes the live pages (never inside a request)."""
        self.handle = self.sessions.open(self.service)
        self.handle.on_change(lambda _session: self.news.session_changed())
        self.handle.on_trouble(lambda _error: self.news.session_changed())  # the pages say it at once

    @property
    def version(self) -> int:
        return self.news.version

    @property
    def closing(self) -> bool:
        return self.news.closing

    def poke(self) -> None:
        """Something the pages show changed: the session, or the list of devices."""
        self.news.poke()

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
        self.news.close()
        self.writers.shutdown(wait=False)


STATE = web.AppKey("state", WebState)
