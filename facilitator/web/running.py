"""Starting and stopping the participants' server on the running asyncio loop.

The same code serves `facilitator serve` and the app's join panel (aiohttp on Textual's
own loop). It binds to loopback unless the facilitator chose the local network; then
it names the address phones should open.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import gc
import logging
import socket
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from aiohttp import web

from facilitator.core.errors import UserError, os_reason
from facilitator.core.i18n import Translator
from facilitator.core.service import SessionService
from facilitator.web.core_api import OpenSessions
from facilitator.web.joining import JoinDesk
from facilitator.web.room_file import RoomFile
from facilitator.web.server import STATE, WebState, make_app

LOOPBACK = "127.0.0.1"
LAN_HOST = "0.0.0.0"  # every interface: what "the local network" binds
DEFAULT_PORT = 8765


def lan_address() -> str:
    """This computer's address on the local network (no packet is sent), else loopback.

    Connecting a UDP socket only picks the interface a packet would leave by; the
    documentation-only address 192.0.2.1 is never contacted.
    """
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))
        address = str(probe.getsockname()[0])
    except OSError:
        return LOOPBACK
    finally:
        probe.close()
    return address if not address.startswith("0.") else LOOPBACK


@dataclass(frozen=True)
class Binding:
    """Where the server listens, and the address people open."""

    host: str
    port: int
    shown_host: str

    @property
    def url(self) -> str:
        return f"http://{self.shown_host}:{self.port}/"

    @property
    def on_lan(self) -> bool:
        return self.host not in (LOOPBACK, "localhost", "::1")


DESK_SAVE_SECONDS = 0.2
"""How long the desk's changes gather before one write (forty placements at once: one write)."""


class DeskSaver:
    """Writes the join desk to the room file soon after it changes, once for a burst of changes.

    Each placement notes what the device placed (the panel compares two devices of a party);
    written at once, forty placements at the same instant would be forty fsynced writes on
    the server's event loop, one after the other, with the phones waiting for them. The desk
    is taken on the loop and written on a thread of the saver's own (one: in order), so the
    fsync does not hold the loop either. Without a running loop (a test, a script) it writes
    at once; `flush` writes what is pending and returns once everything is written. Only a
    server that serves the room (`RoomFile.claim`) saves its desk: a stale desk of one that
    doesn't (an app refused while `serve` runs) would undo that server's joins and code."""

    def __init__(self, room: RoomFile, desk: JoinDesk) -> None:
        self.room = room
        self.desk = desk
        self._pending: asyncio.TimerHandle | None = None
        self._writer = ThreadPoolExecutor(1, thread_name_prefix="room-file")

    def soon(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.flush()
            return
        if self._pending is None:
            self._pending = loop.call_later(DESK_SAVE_SECONDS, self._save)

    def _save(self) -> Future[None]:
        self._pending = None
        if not self.room.claimed:  # not serving: the room's desk is the server's that serves it
            skipped: Future[None] = Future()
            skipped.set_result(None)
            return skipped
        return self._writer.submit(self.room.update, desk=self.desk.to_json())

    def flush(self) -> None:
        if self._pending is not None:
            self._pending.cancel()
        self._save().result()


MALLOC_ARENAS = 2


def limit_malloc_arenas(arenas: int = MALLOC_ARENAS) -> bool:
    """Ask glibc for at most `arenas` memory arenas; True where it was asked (glibc only).

    The server waits for the disk on many threads (phones whose changes share a write);
    glibc gives each thread that allocates an arena of its own, up to 8 per core, and the
    server's memory grew with them: 139 MB at 40 phones against 81 MB with two arenas
    (bench_phones.py). The same as setting MALLOC_ARENA_MAX=2, from inside."""
    import platform

    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return False
    import ctypes

    m_arena_max = -8  # malloc.h
    try:
        return bool(ctypes.CDLL(None).mallopt(m_arena_max, arenas))
    except (OSError, AttributeError):
        return False


def kept_desk(room: RoomFile) -> tuple[JoinDesk, DeskSaver]:
    """The join desk a room file kept (code, devices, switches), saving itself soon after a change."""
    desk = JoinDesk()
    desk.restore(room.desk())
    saver = DeskSaver(room, desk)
    desk.changed = saver.soon
    return desk, saver


class OneLine(logging.Filter):
    """A request aiohttp could not even read (bad bytes, not HTTP) is one line in the
    terminal, not a traceback: it is the sender's mistake, not ours."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            text = str(getattr(error, "message", "") or error)
            reason = " ".join(line.strip() for line in text.splitlines() if line.strip() not in ("", "^"))
            record.msg = f"{record.getMessage()}: {reason}"
            record.args = ()
            record.exc_info = None
            record.exc_text = None
        return True


PROTOCOL_LOG = logging.getLogger("facilitator.web.protocol")
PROTOCOL_LOG.addFilter(OneLine())


class WebServer:
    """One running participants' server; `stop` ends it (and every live page's stream).

    Without a desk of its own it keeps the session's room on this computer (`RoomFile`):
    the code, the joined devices and the port survive a restart of the app or `serve`.
    """

    def __init__(
        self,
        service: SessionService,
        desk: JoinDesk | None = None,
        room: RoomFile | None = None,
        sessions: OpenSessions | None = None,
    ) -> None:
        self.service = service
        self.room = room if room is not None or desk is not None else RoomFile(service.path)
        self._saver: DeskSaver | None = None
        if desk is None and self.room is not None:
            desk, self._saver = kept_desk(self.room)
        self.desk = desk if desk is not None else JoinDesk()  # (an empty desk is falsy)
        self.sessions = sessions
        """The app's open sessions when it runs in the app (one watcher for both), else its own."""
        self.app = make_app(service, self.desk, sessions)
        self._runner: web.AppRunner | None = None
        self.binding: Binding | None = None

    @property
    def state(self) -> WebState:
        return self.app[STATE]

    @property
    def running(self) -> bool:
        return self._runner is not None

    def claim(self) -> None:
        """Serve the session's room from here; `RoomTaken` (naming the running one's address)
        while another server on this computer serves it. Claimed, the desk is the room's as
        it was left (by another process, maybe), so nothing of that server's is lost."""
        if self.room is None or self.room.claimed:
            return
        self.room.claim()
        if self._saver is not None:  # the desk is the room's: as the room file has it now
            self.desk.devices.clear()
            self.desk.restore(self.room.desk())

    async def start(self, host: str = LOOPBACK, port: int = DEFAULT_PORT, lan: bool = False) -> Binding:
        """Listen; `lan` binds every interface and names this computer's network address.

        Port 0 picks a free port. A port already in use is an OSError for the caller (the
        room stays claimed for another try: `stop` lets it go); another server serving this
        session is `RoomTaken`, before anything is bound.
        Starting a running server again moves it (the network choice): joined devices
        stay joined, their pages reconnect by themselves.
        """
        self.claim()
        await self._stop_listening()
        limit_malloc_arenas()
        if self.app.frozen:  # an application runs once: a restart (other network) gets a new one
            sent_once = self.state.sent_once  # a form sent again after the move is still applied once
            self.app = make_app(self.service, self.desk, self.sessions)
            self.state.sent_once = sent_once
        bind_host = LAN_HOST if lan else host
        runner = web.AppRunner(self.app, access_log=None, shutdown_timeout=1.0, logger=PROTOCOL_LOG)
        await runner.setup()
        site = web.TCPSite(runner, bind_host, port, reuse_address=True)
        try:
            await site.start()
        except OSError:
            await runner.cleanup()
            raise
        self._runner = runner
        server = site._server
        sockets = getattr(server, "sockets", None) or []
        actual_port = int(sockets[0].getsockname()[1]) if sockets else port
        shown = lan_address() if bind_host == LAN_HOST else bind_host
        self.binding = Binding(bind_host, actual_port, shown)
        if self.room is not None:
            self.room.update(port=actual_port, lan=bind_host == LAN_HOST, desk=self.desk.to_json())
            self.room.serving_at(self.binding.url)  # before warming up: a second server names it
        await self.warm_up()
        return self.binding

    async def warm_up(self) -> None:
        """Ready for a room of changes before the first phone waits (`SessionService.warm_up`),
        on a writer thread: the loop answers pages meanwhile."""
        with contextlib.suppress(UserError):  # an unreadable file: the first page says so
            await asyncio.get_running_loop().run_in_executor(self.state.writers, self.service.warm_up)

    def saved_port(self, default: int = DEFAULT_PORT) -> int:
        """The port this session was served on last time (phones' bookmarks still work)."""
        return (self.room.port() if self.room is not None else None) or default

    def saved_lan(self) -> bool:
        return bool(self.room.get("lan", False)) if self.room is not None else False

    def join_url(self) -> str:
        """The address with the code filled in: what the QR code holds."""
        assert self.binding is not None
        return f"{self.binding.url}?code={self.desk.code}"

    async def _stop_listening(self) -> None:
        runner, self._runner = self._runner, None
        if runner is not None:
            self.state.close()
            await runner.cleanup()

    async def stop(self, for_good: bool = False) -> None:
        """Stop listening and let the room go; `for_good` (the facilitator stopped it) also
        forgets to restart it."""
        await self._stop_listening()
        if self._saver is not None:
            self._saver.flush()
        if for_good and self.room is not None:
            self.room.update(serving=False)
        if self.room is not None:
            self.room.release()


async def watch_the_desk(server: WebServer, room_limited: Callable[[], None]) -> None:
    """Until cancelled: say once when the room's wrong-code limit trips; drop devices that
    never picked a party (the join panel does both in the app)."""
    said = False
    while True:
        await asyncio.sleep(1.0)
        server.desk.sweep()
        if server.desk.room_limited and not said:
            room_limited()
        said = server.desk.room_limited


def settle_the_heap() -> None:
    """Collect now, then leave everything alive out of later full garbage collections.

    The server, warmed up, holds the session as some hundred thousand objects; a full
    collection walks them all (40-50 ms at 500 activities, more under load) and came in the
    middle of the first burst of placements. Frozen objects are still freed when no longer
    used; only cycles among them would stay. Only for `facilitator serve`, a process of its own."""
    gc.collect()
    gc.freeze()


def _cannot_listen(host: str, port: int, error: OSError) -> UserError:
    """Why the server could not start, worded by the catalogue (a taken port says what to do)."""
    values = {"host": host, "port": str(port), "reason": os_reason(error)}
    key = "cli.serve.port_in_use" if error.errno == errno.EADDRINUSE else "cli.serve.cannot_listen"
    return UserError(Translator("en")(key, **values), key, **values)


def serve_forever(
    service: SessionService,
    host: str,
    port: int | None,
    lan: bool,
    say: Callable[[str], None],
    t: Translator | None = None,
    *,
    new_code: bool = False,
) -> None:
    """`facilitator serve`: run until interrupted; a port in use is a one-line error.

    Without `port`, the session's port from last time (else DEFAULT_PORT). The room (code,
    joined devices) is the one kept from last time; `new_code` draws a new code for it.
    Serving is the facilitator letting participants join: joining closed in the app opens."""

    async def run() -> None:
        nonlocal port
        server = WebServer(service)
        server.claim()  # before the desk changes: another server's room is not ours to write
        port = server.saved_port() if port is None else port
        if new_code:
            server.desk.renew_code()
        reopened = not server.desk.open  # closed in the app's join panel: serving opens it
        server.desk.set_open(True)
        try:
            binding = await server.start(host, port, lan)
        except OSError as error:
            raise _cannot_listen(host, port, error) from None
        settle_the_heap()
        words = t or Translator("en")
        say(words("cli.serve.session", title=service.session.info.title))
        say(words("cli.serve.address", url=binding.url))
        say(words("cli.serve.code", code=server.desk.code))
        if reopened:
            say(words("cli.serve.reopened"))
        if server.desk.devices:
            say(words("cli.serve.devices", count=len(server.desk.devices)))
        if not binding.on_lan:
            say(words("cli.serve.local_only"))
        say(words("cli.serve.stop"))
        try:
            await watch_the_desk(server, lambda: say(words("cli.serve.room_limited")))
        finally:
            await server.stop()
            service.remember_trust()  # the app's next start reads the file as we left it unchecked

    asyncio.run(run())
