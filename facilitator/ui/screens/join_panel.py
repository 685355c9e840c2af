"""The join panel: how participants join from their phones, readable from the back of the room.

A QR code drawn with block characters (only when phones can reach the server: on this
computer only, the panel says how to open it instead), the address, the join code drawn
large, the network choice and the joined devices per party: each can be moved to another
party or removed; two devices of one party that placed differently are flagged. The
participants' server runs on the app's own asyncio loop (aiohttp); it is imported and
started only when this panel first opens (or the session was being served when the app
last closed), so the app's start-up is unchanged. Closing the panel stops new joins
(joined phones keep working); `s` stops the server; closing the app stops it until the
session is opened again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import DataTable, Label, Static

from facilitator.core.errors import os_reason
from facilitator.core.service import SessionService
from facilitator.ui.base import BaseScreen
from facilitator.ui.dialogs.common import ChoiceDialog, ConfirmDialog
from facilitator.ui.host import Host
from facilitator.ui.text import cut, literal_cell
from facilitator.ui.widgets.bigcode import big_code
from facilitator.ui.widgets.keybar import KeyBar
from facilitator.ui.widgets.tables import Table

if TYPE_CHECKING:
    from facilitator.web.joining import Device
    from facilitator.web.running import WebServer

DARK_ON_LIGHT = "#000000 on #ffffff"  # a QR code needs dark modules on a light ground, in any theme
LOCAL_NOTE_WIDTH = 44  # the "phones can't reach it yet" note in the QR code's place (see the .tcss)


def qr_text(data: str, scale: int = 1) -> Text:
    """A QR code as text: two modules per character cell (▀ ▄ █), black on white, with a quiet zone.

    A cell is about twice as tall as wide, so a module is one cell wide and half a cell
    tall: square. `scale` 2 doubles it, for a large screen read from the back of the room.
    """
    import segno

    code = segno.make(data, error="m")
    rows = [list(row) for row in code.matrix_iter(scale=scale, border=2 * scale)]
    if len(rows) % 2:
        rows.append([0] * len(rows[0]))
    lines = []
    for top, bottom in zip(rows[::2], rows[1::2], strict=True):
        lines.append("".join(" ▀▄█"[bool(t) + 2 * bool(b)] for t, b in zip(top, bottom, strict=True)))
    return Text("\n".join(lines), style=DARK_ON_LIGHT, no_wrap=True)


def spaced(code: str) -> str:
    """The join code with a space between characters: easier to read aloud and from afar."""
    return " ".join(code)


async def participants_server(app: Host, service: SessionService) -> WebServer:
    """The app's one participants' server, for this session; another session's is stopped."""
    from facilitator.web.running import WebServer

    current = app.participants
    if current is not None and current.service.path == service.path:
        return current
    if current is not None:
        await current.stop()
    app.participants = WebServer(service, sessions=app.sessions)  # one watcher for the screens and it
    return app.participants


async def start_serving(server: WebServer, lan: bool, t: Callable[..., str]) -> str:
    """Listen on the session's port from last time (else a free one); "" or why it failed.

    Another server serving this session (`facilitator serve`, another app) is left alone:
    the reason names its address, and this app serves nothing."""
    from facilitator.web.room_file import RoomTaken
    from facilitator.web.running import LOOPBACK

    port = server.binding.port if server.binding else server.saved_port()
    try:
        try:
            await server.start(LOOPBACK, port, lan=lan)
        except OSError:
            await server.start(LOOPBACK, 0, lan=lan)
    except RoomTaken as taken:
        return t(taken.key or "room.taken", **taken.values)
    except OSError as error:
        await server.stop()  # not serving: the room is free for another server
        return t("join.error", reason=os_reason(error))  # worded: in the reader's language
    if server.room is not None:
        server.room.update(serving=True)  # reopening the session starts it again
    return ""


async def resume_serving(app: Host, service: SessionService) -> tuple[WebServer | None, str]:
    """The session was being served when the app last closed: serve it again, as it was.
    The server, or None and why not (another server serves it now, say)."""
    server = await participants_server(app, service)
    reason = "" if server.running else await start_serving(server, server.saved_lan(), app.t)
    return (server if server.running else None), reason


@dataclass(frozen=True)
class Served:
    """Where phones join: this app's server, or another process's (`facilitator serve`) read
    from the room file, shown read-only so the facilitator can still project it."""

    url: str
    on_lan: bool
    host: str
    code: str
    pid: str = ""  # another process's; "" for this app's own server

    @property
    def join_url(self) -> str:
        return f"{self.url}?code={self.code}"


def served_elsewhere(service: SessionService) -> Served | None:
    """The running server's address and code as another process keeps them in the room file now."""
    from urllib.parse import urlsplit

    from facilitator.web.joining import CODE_ALPHABET
    from facilitator.web.room_file import RoomFile

    room = RoomFile(service.path)
    owner, desk = room.get("owner"), room.desk()
    url = owner.get("url") if isinstance(owner, dict) else None
    code = desk.get("code")
    if not isinstance(url, str) or not url.startswith(("http://", "https://")) or not isinstance(code, str):
        return None
    if not code or not all(ch in CODE_ALPHABET for ch in code):
        return None
    host = urlsplit(url).hostname or ""
    on_lan = host not in ("127.0.0.1", "localhost", "::1")
    return Served(url, on_lan, host, code, str(owner.get("pid", "?")))


def device_state(device: Device, flagged: dict[str, str], rejoined: bool, t: Callable[..., str]) -> str:
    """What the facilitator needs to know of a device, in a few words."""
    if not device.admitted:
        return t("join.state.waiting")
    if device.party_id is None:
        return t("join.state.picking")
    if device.id in flagged:
        return t("join.state.differs", activity=flagged[device.id])
    return t("join.state.again") if rejoined else t("join.state.ok")


class JoinPanel(BaseScreen):
    """Let participants join: QR code, address, code, network choice, joined devices."""

    CSS_PATH = "join_panel.tcss"

    BINDINGS = [
        Binding("escape", "close", "join.key.close"),
        Binding("n", "network", "join.key.network"),
        Binding("m", "move", "join.key.move"),
        Binding("x", "remove", "join.key.remove"),
        Binding("delete", "remove", "join.key.remove", show=False),
        Binding("o", "admit_each", "join.key.admit_each"),
        Binding("a", "admit", "join.key.admit"),
        Binding("r", "renew", "join.key.renew"),
        Binding("s", "stop", "join.key.stop"),
    ]

    def __init__(self, service: SessionService) -> None:
        super().__init__(classes="join-panel")
        self.service = service
        self.server: WebServer  # the app's, from when the panel is mounted
        self._lan = False
        self._shown: tuple[object, ...] = ()
        self._error = ""
        self._ready = False
        self._elsewhere: Served | None = None
        """Served by another process (`facilitator serve`): its address and code, read-only here."""

    def compose(self) -> ComposeResult:
        yield Label("", id="join-title")
        with Horizontal(id="join-top"):
            yield Static("", id="join-qr")
            with Vertical(id="join-info"):
                yield Label("", id="join-open-label", classes="join-label")
                yield Static("", id="join-address")
                yield Label("", id="join-code-label", classes="join-label")
                yield Static("", id="join-code-big")
                yield Static("", id="join-code")
                yield Label("", id="join-network-label", classes="join-label")
                yield Static("", id="join-network")
                yield Static("", id="join-admit")
                yield Static("", id="join-status")
        yield Table(id="join-devices", cursor_type="row", zebra_stripes=False)
        yield KeyBar()

    def after_mount(self) -> None:
        self.open_joining()

    @work(exclusive=True, group="join-server")
    async def open_joining(self) -> None:
        """Start the server (or take the running one) and open joining."""
        self.server = await participants_server(self.fapp, self.service)
        if self.server.running:
            self._lan = bool(self.server.binding and self.server.binding.on_lan)
            self.server.desk.set_open(True)
        else:
            await self._start(self.server.saved_lan(), opening=True)
        self._ready = True
        self.show_server()
        self.set_interval(0.5, self._tick)

    def _tick(self) -> None:
        """Twice a second: the devices; served elsewhere, also that server's code (renewed there)."""
        if self._elsewhere is not None and not self.server.running:
            now = served_elsewhere(self.service)
            if now is not None and now != self._elsewhere:
                self._elsewhere = now
                self.show_server()
                return
        self.show_devices()

    def relabel(self) -> None:
        super().relabel()
        t = self.t
        self.query_one("#join-title", Label).update(t("join.title"))
        self.query_one("#join-open-label", Label).update(t("join.open"))
        self.query_one("#join-code-label", Label).update(t("join.code"))
        self.query_one("#join-network-label", Label).update(t("join.network"))
        table = self.query_one("#join-devices", DataTable)
        table.clear(columns=True)
        table.add_columns(
            t("join.col.party"),
            t("join.col.name"),
            t("join.col.device"),
            t("join.col.state"),
            t("join.col.address"),
            t("join.col.joined"),
        )
        self._shown = ()
        if self._ready:
            self.show_server()

    # ---------------------------------------------------------------- the server
    @work(exclusive=True, group="join-server")
    async def move(self, lan: bool) -> None:
        """Move the server to loopback or the local network."""
        await self._start(lan)
        self.show_server()

    async def _start(self, lan: bool, opening: bool = False) -> None:
        """(Re)start on loopback or the local network, on the session's port when free;
        `opening` also opens joining, once the room is this app's to change."""
        from facilitator.web.room_file import RoomTaken

        try:
            self.server.claim()
        except RoomTaken as taken:
            self._elsewhere = served_elsewhere(self.service)
            pid = taken.values.get("pid", "?")
            self._error = (
                self.t("join.elsewhere", pid=pid)
                if self._elsewhere
                else self.t(taken.key or "room.taken", **taken.values)
            )
            return
        self._elsewhere = None
        if opening:
            self.server.desk.set_open(True)
        self._error = await start_serving(self.server, lan, self.t)
        self._lan = lan

    def show_server(self) -> None:
        binding = self.server.binding
        if binding is not None and self.server.running:
            served = Served(binding.url, binding.on_lan, binding.shown_host, self.server.desk.code)
        elif self._elsewhere is not None:
            served = self._elsewhere
        else:  # (the reason is said once, in the status line below)
            self.query_one("#join-address", Static).update(
                Content("" if self._error else self.t("join.starting"))
            )
            self.show_devices()
            return
        self.show_where(served)
        self.show_devices()

    def show_where(self, served: Served) -> None:
        """The QR code (or why there is none), the address, the code and the network."""
        t = self.t
        qr = self.query_one("#join-qr", Static)
        qr.set_class(not served.on_lan, "-local")
        if served.on_lan:
            drawn = qr_text(served.join_url, self.qr_scale())
            qr.update(drawn)
            beside = len(drawn.plain.split("\n", 1)[0]) + 2
        else:  # a QR code no phone can use would only mislead
            qr.update(Content(t("join.local_only" if not served.pid else "join.local_only.elsewhere")))
            beside = LOCAL_NOTE_WIDTH + 2
        self.query_one("#join-address", Static).update(Content(served.url))
        scale = self.code_scale(served.code, beside)
        big = self.query_one("#join-code-big", Static)
        big.display = scale > 0  # cut letters would mislead: then the spaced line alone
        if scale:
            big.update(big_code(served.code, scale))
        self.query_one("#join-code", Static).update(Content(spaced(served.code)))
        network = t("join.network.lan", address=served.host) if served.on_lan else t("join.network.local")
        switch = t("join.network.switch") if not served.pid else ""
        self.query_one("#join-network", Static).update(Content(f"{network}\n{switch}".strip()))

    def qr_scale(self) -> int:
        """Twice the size when the screen has room for it beside the address and code."""
        return 2 if self.size.width >= 130 and self.size.height >= 45 else 1

    def code_scale(self, code: str, beside: int) -> int:
        """Full-block letters (seven rows) when they fit beside the QR code (or the note),
        half blocks (four rows) when those fit, else 0: not drawn large at all."""
        room = self.size.width - beside - 8  # border, padding, margins

        def fits(scale: int) -> bool:
            return len(big_code(code, scale).plain.split("\n", 1)[0]) <= room

        if fits(2) and self.size.height >= 40:
            return 2
        return 1 if fits(1) else 0

    def on_resize(self) -> None:
        if self._ready:
            self.show_server()

    def flagged(self) -> dict[str, str]:
        """Device id → activity title, for devices whose party placed differently from another."""
        from facilitator.web.joining import disagreements

        session = self.service.session
        devices = self.server.desk.listed()
        rounds = {a.id: a.round for a in session.activities}
        out: dict[str, str] = {}
        for party_id, activity_id in disagreements(devices, rounds):
            for device in devices:
                if device.party_id == party_id and activity_id in device.placed:
                    out[device.id] = session.activity(activity_id).title
        return out

    def show_devices(self) -> None:
        """The joined devices by party (refreshed twice a second; redrawn only when changed)."""
        desk = self.server.desk
        desk.sweep()
        session = self.service.session
        flagged = self.flagged()
        now = time.time()
        party_order = {p.id: n for n, p in enumerate(session.parties)}
        devices = sorted(desk.listed(), key=lambda d: party_order.get(d.party_id or "", len(party_order)))
        rows = [
            (
                d.id,
                session.party_name(d.party_id) if d.party_id else self.t("join.no_party"),
                d.name or "—",
                device_state(d, flagged, desk.rejoined(d), self.t),
                d.address,
                int((now - d.joined_at) // 60),
            )
            for d in devices
        ]
        self.show_status(len(rows))
        if tuple(rows) == self._shown:
            return
        self._shown = tuple(rows)
        table = self.query_one("#join-devices", DataTable)
        cursor = table.cursor_row
        table.clear()
        for device_id, party, name, state, address, minutes in rows:
            table.add_row(
                literal_cell(party, 40),
                literal_cell(name, 40),
                Text(device_id),
                Text(cut(state, 44), style="bold" if state.startswith("⚠") else ""),
                Text(address),
                Text(self.t("join.minutes", minutes=minutes)),
                key=device_id,
            )
        if rows:
            table.move_cursor(row=min(cursor, len(rows) - 1))

    def show_status(self, count: int) -> None:
        """The status line (limits, errors) and the admitting switch."""
        desk = self.server.desk
        t = self.t
        status = t("join.status", count=count, limit=desk.max_devices)
        waiting = sum(1 for d in desk.listed() if not d.admitted)
        if waiting:
            status += "\n" + t("join.waiting", count=waiting)
        if desk.room_limited:
            status = t("join.room_limited")
        if self._error:
            status = self._error
        self.query_one("#join-status", Static).update(Content(status))
        self.query_one("#join-status", Static).set_class(desk.room_limited or bool(waiting), "-alert")
        admit = t("join.admit_each.on") if desk.admit_each else t("join.admit_each.off")
        elsewhere = self._elsewhere is not None and not self.server.running  # its keys work there
        self.query_one("#join-admit", Static).update(
            Content("" if elsewhere else admit + "\n" + t("join.more_keys"))
        )

    # ---------------------------------------------------------------- actions
    def selected(self) -> str | None:
        """The id of the device under the cursor."""
        table = self.query_one("#join-devices", DataTable)
        if not self._ready or table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return str(key) if key is not None else None

    def changed(self) -> None:
        """Phones hear of a change to the devices at once; the table is redrawn."""
        self.server.state.poke()
        self.show_devices()

    def _read_only(self) -> bool:
        """Served by another process: its room changes there, never from here (said again)."""
        if self._elsewhere is None or self.server.running:
            return False
        self.notify(self._error, markup=False, timeout=5)
        return True

    def action_network(self) -> None:
        """Switch between this computer only and the local network."""
        if self._ready:
            self.move(not self._lan)

    def action_remove(self) -> None:
        """Remove the selected device: its page stops working; it may join again with the code.
        Asks first (a letter typed by mistake removes nothing)."""
        if self._read_only():
            return
        device_id = self.selected()
        device = self.server.desk.by_id(device_id) if device_id else None
        if device is None:
            return
        session = self.service.session
        party = session.party_name(device.party_id) if device.party_id else "—"
        message = self.t("join.remove.confirm", party=party, name=device.name or "—")

        def confirmed(yes: bool | None) -> None:
            if yes and self.server.desk.remove(device.id):
                self.notify(self.t("join.removed"), timeout=3)
                self.changed()

        self.app.push_screen(ConfirmDialog(message, "join.key.remove"), confirmed)

    def action_move(self) -> None:
        """Move the selected device to another party (only the facilitator can)."""
        if self._read_only():
            return
        device_id = self.selected()
        device = self.server.desk.by_id(device_id) if device_id else None
        if device is None:
            return
        options = [(Content(p.name), p.id) for p in self.service.session.parties]
        if not options:
            return

        def chosen(party_id: str | None) -> None:
            if party_id and self.server.desk.move(device.id, party_id):
                moved = self.t("join.moved", party=self.service.session.party_name(party_id))
                self.notify(moved, markup=False, timeout=3)  # the party's name is the user's text
                self.changed()

        self.app.push_screen(ChoiceDialog(self.t("join.move_to"), options, device.party_id), chosen)

    def action_admit_each(self) -> None:
        """Switch: new devices wait for the facilitator to admit them, or take part at once."""
        if self._read_only():
            return
        if self._ready:
            self.server.desk.set_admit_each(not self.server.desk.admit_each)
            self.show_devices()

    def action_admit(self) -> None:
        """Admit every device waiting for the facilitator."""
        if self._read_only():
            return
        if self._ready:
            count = self.server.desk.admit_waiting()
            self.notify(self.t("join.admitted", count=count), timeout=3)
            self.changed()

    def action_renew(self) -> None:
        """A new join code (after too many wrong guesses, or a code seen by the wrong people)."""
        if self._read_only():
            return
        if self._ready:
            code = self.server.desk.renew_code()
            self.notify(self.t("join.renewed", code=code), timeout=5)
            self.show_server()

    @work(exclusive=True, group="join-server")
    async def action_stop(self) -> None:
        """Stop the participants' server: phones can't reach it until the panel is opened again.
        Asks first."""
        if not self._ready:
            return
        if not await self.app.push_screen_wait(ConfirmDialog(self.t("join.stop.confirm"), "join.key.stop")):
            return
        await self.server.stop(for_good=True)
        self.notify(self.t("join.stopped"), timeout=4)
        self.app.pop_screen()

    def action_close(self) -> None:
        """Close the panel: no new joins; joined devices keep working until the app closes."""
        if self._ready:
            self.server.desk.set_open(False)
            self.notify(self.t("join.closed"), timeout=3)
        self.app.pop_screen()
