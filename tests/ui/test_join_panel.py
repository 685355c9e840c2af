"""The join panel and phones seen from the app, through the real app and real HTTP on loopback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from textual.widgets import DataTable, Label, Static

from facilitator.core.library import SessionLibrary
from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.dialogs.common import ConfirmDialog
from facilitator.ui.screens.join_panel import JoinPanel, qr_text
from facilitator.ui.screens.placement import RungChoice
from facilitator.web import running
from facilitator.web.joining import CODE_ALPHABET
from facilitator.web.room_file import RoomFile
from facilitator.web.server import STATE
from facilitator.web.server import make_app as make_web_app
from tests.ui.helpers import notifications, until
from tests.ui.test_placement import make_session, open_placement, screen_text
from tests.web.conftest import Phone
from tests.web.test_serve_cli import serving

MakeApp = Callable[..., FacilitatorApp]


async def join(base: str, code: str, party: str, name: str = "") -> tuple[aiohttp.ClientSession, int, str]:
    """A phone joins: code, then party. Returns its session, the last status and form token."""
    phone = Phone(aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)), base.rstrip("/"))
    status, _text = await phone.join(code, party, name)
    return phone.http, status, phone.csrf


def panel(app: FacilitatorApp) -> JoinPanel:
    assert isinstance(app.screen, JoinPanel), app.screen
    return app.screen


def test_qr_code_is_black_on_white_blocks_with_a_quiet_zone() -> None:
    text = qr_text("http://127.0.0.1:8765/?code=ABCDEF")
    lines = text.plain.splitlines()
    assert len({len(line) for line in lines}) == 1  # square block
    assert set(text.plain) <= set(" ▀▄█\n")
    assert lines[0].strip() == ""  # quiet zone
    assert str(text.style) == "#000000 on #ffffff"


async def test_the_palette_offers_the_join_panel_in_both_languages(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service = make_session(ui_library)
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        commands = {str(c.title): c for c in app.get_system_commands(app.screen)}
        assert "Let participants join" in commands
        await pilot.press("f7")
        await pilot.pause()
        assert "Luba osalejatel liituda" in [str(c.title) for c in app.get_system_commands(app.screen)]
        commands["Let participants join"].callback()
        await until(pilot, lambda: isinstance(app.screen, JoinPanel) and app.screen._ready)
        assert "Luba osalejatel liituda" in str(app.screen.query_one("#join-title", Label).render())


async def test_phones_can_be_let_in_from_the_placement_screen_by_key_and_palette(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    """Phones often join as the room places: j and the palette open the join panel there too."""
    app = make_app(session=make_session(ui_library), lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        placing = await open_placement(app, pilot)
        await pilot.press("j")
        await until(pilot, lambda: isinstance(app.screen, JoinPanel) and app.screen._ready)
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is placing)
        commands = {str(c.title): c for c in app.get_system_commands(app.screen)}
        commands["Luba osalejatel liituda"].callback()
        await until(pilot, lambda: isinstance(app.screen, JoinPanel) and app.screen._ready)


async def test_join_panel_lets_a_phone_join_lists_and_removes_it(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service = make_session(ui_library)
    police = service.session.parties[0].id
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j")
        await until(pilot, lambda: isinstance(app.screen, JoinPanel) and app.screen._ready)
        screen = panel(app)
        server = screen.server
        assert server.binding is not None and server.binding.host == "127.0.0.1"
        code = server.desk.code
        assert len(code) >= 6 and set(code) <= set(CODE_ALPHABET)
        assert str(screen.query_one("#join-code", Static).render()) == " ".join(code)
        assert server.binding.url in str(screen.query_one("#join-address", Static).render())
        assert "This computer only" in str(screen.query_one("#join-network", Static).render())

        phone, status, _ = await join(server.binding.url, code.lower(), police, "[b]Mari[/b]")
        assert status == 200
        table = screen.query_one("#join-devices", DataTable)
        await until(pilot, lambda: table.row_count == 1)
        assert [str(c) for c in table.get_row_at(0)][:2] == ["Police", "[b]Mari[/b]"]  # literal

        await pilot.press("x")  # asks first, on Cancel: enter keeps the device
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "Police ([b]Mari[/b])" in str(app.screen.query_one(".dialog-message", Label).render())
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, JoinPanel))
        assert table.row_count == 1 and len(server.desk.devices) == 1
        await pilot.press("x")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("left", "enter")  # to the Remove button
        await until(pilot, lambda: table.row_count == 0)
        assert server.desk.devices == {}
        async with phone.get(server.binding.url + "live") as response:
            assert response.status == 401  # removed: the page stops working

        await pilot.press("escape")  # closing the panel stops new joins
        await until(pilot, lambda: not isinstance(app.screen, JoinPanel))
        assert not server.desk.open
        other, status, _ = await join(server.binding.url, code, police)
        assert status == 403
        await other.close()
        await phone.close()
        url = server.binding.url
    # Closing the app stops the server.
    assert not server.running
    try:
        async with aiohttp.ClientSession() as late, late.get(url) as response:
            raise AssertionError(f"still answering: {response.status}")
    except aiohttp.ClientConnectionError:
        pass


async def test_the_app_shows_a_phones_placement(make_app: MakeApp, ui_library: SessionLibrary) -> None:
    """A phone places through a server of another service (as `facilitator serve` would)."""
    service = make_session(ui_library)
    activity = service.session.activities[0]
    police = activity.party_ids[0]
    app = make_app(session=service)
    web = TestServer(make_web_app(SessionService(service.path)))
    await web.start_server()
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await open_placement(app, pilot)  # the room's open activity is this one
            desk = web.app[STATE].desk
            base = str(web.make_url("/"))
            phone, status, token = await join(base, desk.code, police, "Mari")
            assert status == 200
            data = {
                "activity": activity.id,
                "current": "cooperation",
                "wished": "coordination",
                "csrf": token,
            }
            async with phone.post(base + "place", data=data) as response:
                assert response.status == 200
                assert "Placed" in await response.text()
            await until(pilot, lambda: "✓ placed Police" in screen_text(app, skip=(RungChoice,)))
            assert "from a phone: Mari" in screen_text(app, skip=(RungChoice,))  # who sent it
            assert "cooperation" not in screen_text(app, skip=(RungChoice,)).lower()  # still blind
            await phone.close()
    finally:
        await web.close()


async def test_network_choice_moves_the_server_and_names_the_address(
    make_app: MakeApp, ui_library: SessionLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`n` switches to the local network and back. Here "the local network" is 127.0.0.2
    (still loopback: tests never listen beyond this machine)."""
    monkeypatch.setattr(running, "LAN_HOST", "127.0.0.2")
    monkeypatch.setattr(running, "lan_address", lambda: "127.0.0.2")
    service = make_session(ui_library)
    police = service.session.parties[0].id
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j")
        await until(pilot, lambda: isinstance(app.screen, JoinPanel) and app.screen._ready)
        screen = panel(app)
        first = screen.server.binding
        assert first is not None and not first.on_lan
        phone, status, _ = await join(first.url, screen.server.desk.code, police)
        assert status == 200
        await pilot.press("n")
        await until(pilot, lambda: screen.server.binding is not None and screen.server.binding.on_lan)
        moved = screen.server.binding
        assert moved is not None and moved.url.startswith("http://127.0.0.2:")

        def shown(widget_id: str) -> str:
            return str(screen.query_one(widget_id, Static).render())

        await until(pilot, lambda: "Local network (127.0.0.2)" in shown("#join-network"))
        assert moved.url in shown("#join-address")
        assert len(screen.server.desk.devices) == 1  # the same desk: same code, devices kept
        other, status, _ = await join(moved.url, screen.server.desk.code, police)
        assert status == 200  # (a browser's cookie belongs to the address it joined on)
        await other.close()
        await pilot.press("n")
        await until(pilot, lambda: screen.server.binding is not None and not screen.server.binding.on_lan)
        await phone.close()


async def test_the_app_serves_no_second_server_where_serve_runs_and_says_where_it_is(
    make_app: MakeApp, ui_library: SessionLibrary, data_dir: Path
) -> None:
    """`facilitator serve` runs on the session: the app's join panel says where, and the app
    neither listens nor writes the room (the phones' code and devices stay that server's)."""
    service = make_session(ui_library)
    with serving(data_dir, service, "--port", "0") as served:
        proc, address, code = served.proc, served.address, served.code
        app = make_app(session=service)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("j")
            await until(pilot, lambda: isinstance(app.screen, JoinPanel) and app.screen._ready)
            screen = panel(app)

            def shown(selector: str) -> str:
                return str(screen.query_one(selector, Static).render())

            # What the room needs, to project: the running server's address and code (F8)...
            assert shown("#join-address") == address
            assert shown("#join-code") == " ".join(code)
            assert screen.query_one("#join-code-big", Static).display
            # ... and why it is read-only here, said once (not in the address box and again below).
            said = shown("#join-status")
            assert f"Served by another process on this computer (process {proc.pid}" in said
            everything = screen_text(app)
            assert everything.count(f"process {proc.pid}") == 1, everything
            assert "already runs" not in everything
            assert app.participants is not None and not app.participants.running
            await pilot.press("r")  # a new code, here, would be for nobody: nothing written
            await pilot.pause()
        room = RoomFile(service.path).values
        assert room["desk"]["code"] == code and room["owner"]["url"] == address
        assert proc.poll() is None


async def test_reopening_a_session_that_serve_now_serves_says_so_and_serves_nothing(
    make_app: MakeApp, ui_library: SessionLibrary, data_dir: Path
) -> None:
    """The app served the session when it last closed; meanwhile `serve` took it: the app
    does not start a second server on reopening, it says where the running one is."""
    service = make_session(ui_library)
    RoomFile(service.path).update(serving=True)  # what the join panel records while serving
    with serving(data_dir, service, "--port", "0") as served:
        app = make_app(session=service)
        async with app.run_test(size=(120, 40)) as pilot:
            await until(pilot, lambda: any("already runs" in n for n in notifications(app)))
            assert f"at {served.address}" in next(n for n in notifications(app) if "already runs" in n)
            assert app.participants is None or not app.participants.running
        assert RoomFile(service.path).values["owner"]["url"] == served.address


async def test_a_port_that_cannot_be_used_is_said_in_the_interface_language() -> None:
    """The OS's reason ("Address already in use") stood in English inside the Estonian line."""
    import errno

    from facilitator.core.i18n import Translator
    from facilitator.ui.screens.join_panel import start_serving

    class Refusing:
        binding = None
        room = None

        def saved_port(self) -> int:
            return 8765

        async def start(self, host: str, port: int, lan: bool = False) -> None:
            raise OSError(errno.EADDRINUSE, "Address already in use")

        async def stop(self) -> None:
            pass

    said = await start_serving(Refusing(), lan=False, t=Translator("et"))  # type: ignore[arg-type]
    assert "aadress on juba kasutusel" in said
    assert "Address" not in said


async def test_moving_a_device_names_the_party_literally(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    """A party's name is the user's text: the notice of a move never reads it as markup (a
    stray '[/b]' in it broke the notice)."""
    service = make_session(
        ui_library, parties=("Police", "Kooli [/b] [i]ühendus"), activities=(("Round table", (0, 1)),)
    )
    police = service.session.parties[0].id
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j")
        await until(pilot, lambda: isinstance(app.screen, JoinPanel) and app.screen._ready)
        server = panel(app).server
        assert server.binding is not None
        phone, status, _ = await join(server.binding.url, server.desk.code, police, "Mari")
        assert status == 200
        table = panel(app).query_one("#join-devices", DataTable)
        await until(pilot, lambda: table.row_count == 1)
        await pilot.press("m")
        await until(pilot, lambda: not isinstance(app.screen, JoinPanel))
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, JoinPanel))
        await until(pilot, lambda: any("ühendus" in str(n) for n in notifications(app)), "the notice")
        await pilot.pause(0.2)
        assert app.is_running and not app.return_code
        shown = [n for n in app._notifications if "ühendus" in str(n.message)]
        assert "Kooli [/b] [i]ühendus" in shown[0].message and not shown[0].markup
        await phone.close()
