"""The join panel: how participants join from their phones, readable from the back of the room.

A QR code drawn with block characters, the address and the join code in large type, the
network choice (this computer only, or the local network, naming the address used) and
the joined devices, each removable. The participants' server runs on the app's own asyncio
loop (aiohttp); it is imported and started only when this panel first opens, so the app's
start-up is unchanged. Closing the panel stops new joins (joined phones keep working);
closing the app stops the server.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import DataTable, Label, Static

from facilitator.core.service import SessionService
from facilitator.core.text import one_line
from facilitator.ui.base import BaseScreen
from facilitator.ui.host import Host
from facilitator.ui.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from facilitator.web.running import WebServer

DARK_ON_LIGHT = "#000000 on #ffffff"  # a QR code needs dark modules on a light ground, in any theme


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
    app.participants = WebServer(service)
    return app.participants


class JoinPanel(BaseScreen):
    """Let participants join: QR code, address, code, network choice, joined devices."""

    CSS_PATH = "join_panel.tcss"

    BINDINGS = [
        Binding("escape", "close", "join.key.close"),
        Binding("n", "network", "join.key.network"),
        Binding("x", "remove", "join.key.remove"),
        Binding("delete", "remove", "join.key.remove", show=False),
    ]

    def __init__(self, service: SessionService) -> None:
        super().__init__(classes="join-panel")
        self.service = service
        self.server: WebServer  # the app's, from when the panel is mounted
        self._lan = False
        self._shown: tuple[object, ...] = ()
        self._error = ""
        self._ready = False

    def compose(self) -> ComposeResult:
        yield Label("", id="join-title")
        with Horizontal(id="join-top"):
            yield Static("", id="join-qr")
            with Vertical(id="join-info"):
                yield Label("", id="join-open-label", classes="join-label")
                yield Static("", id="join-address")
                yield Label("", id="join-code-label", classes="join-label")
                yield Static("", id="join-code")
                yield Label("", id="join-network-label", classes="join-label")
                yield Static("", id="join-network")
                yield Static("", id="join-status")
        yield DataTable(id="join-devices", cursor_type="row", zebra_stripes=False)
        yield KeyBar()

    def after_mount(self) -> None:
        self.open_joining()

    @work(exclusive=True, group="join-server")
    async def open_joining(self) -> None:
        """Start the server (or take the running one) and open joining."""
        self.server = await participants_server(self.fapp, self.service)
        self.server.desk.open = True
        self._lan = bool(self.server.binding and self.server.binding.on_lan)
        if not self.server.running:
            await self._start(self._lan)
        self._ready = True
        self.show_server()
        self.set_interval(0.5, self.show_devices)

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
            t("join.col.party"), t("join.col.name"), t("join.col.address"), t("join.col.joined")
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

    async def _start(self, lan: bool) -> None:
        """(Re)start on loopback or the local network; a taken port falls back to a free one."""
        from facilitator.web.running import DEFAULT_PORT, LOOPBACK

        port = self.server.binding.port if self.server.binding else DEFAULT_PORT
        self._error = ""
        try:
            try:
                await self.server.start(LOOPBACK, port, lan=lan)
            except OSError:
                await self.server.start(LOOPBACK, 0, lan=lan)
        except OSError as error:
            self._error = self.t("join.error", reason=one_line(str(error.strerror or error)))
        self._lan = lan

    def show_server(self) -> None:
        t = self.t
        binding = self.server.binding
        address = self.query_one("#join-address", Static)
        if binding is None:
            address.update(Content(self._error or t("join.starting")))
            return
        self.query_one("#join-qr", Static).update(qr_text(self.server.join_url(), self.qr_scale()))
        address.update(Content(binding.url))
        self.query_one("#join-code", Static).update(Content(spaced(self.server.desk.code)))
        network = (
            t("join.network.lan", address=binding.shown_host) if binding.on_lan else t("join.network.local")
        )
        self.query_one("#join-network", Static).update(Content(network + "\n" + t("join.network.switch")))
        self.show_devices()

    def qr_scale(self) -> int:
        """Twice the size when the screen has room for it beside the address and code."""
        return 2 if self.size.width >= 130 and self.size.height >= 45 else 1

    def on_resize(self) -> None:
        if self._ready:
            self.show_server()

    def show_devices(self) -> None:
        """The joined devices (refreshed twice a second; redrawn only when they changed)."""
        desk = self.server.desk
        session = self.service.session
        now = time.monotonic()
        rows = [
            (
                d.id,
                session.party_name(d.party_id) if d.party_id else "—",
                d.name or "—",
                d.address,
                int((now - d.joined_at) // 60),
            )
            for d in desk.listed()
        ]
        status = self.t("join.status", count=len(rows), limit=desk.max_devices)
        if self._error:
            status = self._error
        self.query_one("#join-status", Static).update(Content(status))
        if tuple(rows) == self._shown:
            return
        self._shown = tuple(rows)
        table = self.query_one("#join-devices", DataTable)
        cursor = table.cursor_row
        table.clear()
        for device_id, party, name, address, minutes in rows:
            table.add_row(
                Text(one_line(party, 40)),
                Text(one_line(name, 40)),
                Text(address),
                Text(self.t("join.minutes", minutes=minutes)),
                key=device_id,
            )
        if rows:
            table.move_cursor(row=min(cursor, len(rows) - 1))

    # ---------------------------------------------------------------- actions
    def action_network(self) -> None:
        """Switch between this computer only and the local network."""
        if self._ready:
            self.move(not self._lan)

    def action_remove(self) -> None:
        """Remove the selected device: its page stops working; it may join again with the code."""
        if not self._ready:
            return
        table = self.query_one("#join-devices", DataTable)
        if table.row_count == 0:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key is not None and self.server.desk.remove(str(key)):
            self.server.state.poke()
            self.notify(self.t("join.removed"), timeout=3)
            self.show_devices()

    def action_close(self) -> None:
        """Close the panel: no new joins; joined devices keep working until the app closes."""
        if self._ready:
            self.server.desk.open = False
            self.notify(self.t("join.closed"), timeout=3)
        self.app.pop_screen()
