"""The join panel for the room: the code drawn large, no useless QR code, devices per party,
moving, admitting, a new code, and a served session served again after a restart."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Static

from facilitator.core.library import SessionLibrary
from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.dialogs.common import ChoiceDialog, ConfirmDialog
from facilitator.ui.screens.join_panel import JoinPanel
from facilitator.ui.widgets.bigcode import GLYPHS, big_code
from facilitator.web import running
from facilitator.web.joining import CODE_ALPHABET, ROOM_WRONG_GUESSES, Refused
from tests.ui.test_join_panel import MakeApp, join, panel, until
from tests.ui.test_placement import make_session


def shown(screen: JoinPanel, widget_id: str) -> str:
    return str(screen.query_one(widget_id, Static).render())


def test_every_letter_of_a_join_code_has_a_large_glyph() -> None:
    assert set(CODE_ALPHABET) <= set(GLYPHS)
    for glyph in GLYPHS.values():
        assert [len(row) for row in glyph.split()] == [5] * 7
    small, large = big_code("ABC234").plain.splitlines(), big_code("ABC234", 2).plain.splitlines()
    assert len(small) == 4 and len(large) == 7
    assert len(small[0]) == 6 * 5 + 5 * 2  # five cells a letter, two between


async def open_panel(app: FacilitatorApp, pilot: object) -> JoinPanel:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("j")  # type: ignore[attr-defined]
    await until(pilot, lambda: isinstance(app.screen, JoinPanel) and app.screen._ready)  # type: ignore[arg-type]
    return panel(app)


async def test_the_code_is_drawn_large_and_loopback_says_how_to_reach_phones(
    make_app: MakeApp, ui_library: SessionLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(running, "LAN_HOST", "127.0.0.2")
    monkeypatch.setattr(running, "lan_address", lambda: "127.0.0.2")
    app = make_app(session=make_session(ui_library))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_panel(app, pilot)
        code = screen.server.desk.code
        assert shown(screen, "#join-code-big") == big_code(code).plain
        qr = shown(screen, "#join-qr")
        assert "Phones can't reach this server yet" in qr and "Press n" in qr
        assert "▀" not in qr  # no QR code no phone can use
        await pilot.press("n")
        await until(pilot, lambda: "▀" in shown(screen, "#join-qr"))
        assert "can't reach" not in shown(screen, "#join-qr")


async def test_devices_by_party_moved_flagged_admitted_and_a_new_code(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service = make_session(ui_library)
    police, town = service.session.parties[0].id, service.session.parties[1].id
    activity = service.session.activities[0].id
    app = make_app(session=service)
    async with app.run_test(size=(140, 44)) as pilot:
        screen = await open_panel(app, pilot)
        SessionService(service.path).open_placement(activity)  # as another window would
        url, code = screen.server.binding.url, screen.server.desk.code  # type: ignore[union-attr]
        mari, _, mari_token = await join(url, code, police, "Mari")
        jaan, _, jaan_token = await join(url, code, police, "Jaan")
        table = screen.query_one("#join-devices", DataTable)
        await until(pilot, lambda: table.row_count == 2)
        for phone, token, rungs in ((mari, mari_token, "cooperation"), (jaan, jaan_token, "communication")):
            data = {"activity": activity, "current": rungs, "wished": rungs, "csrf": token}
            async with phone.post(url + "place", data=data) as response:
                assert response.status == 200
        flag = "placed unlike its party's other device"
        await until(pilot, lambda: sum(flag in str(table.get_row_at(r)[3]) for r in range(2)) == 2)

        # m: move the selected device (Mari's, the first) to another party.
        table.focus()
        table.move_cursor(row=0)
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("down", "enter")
        await until(pilot, lambda: "Municipality" in [str(table.get_row_at(r)[0]) for r in range(2)])
        moved = next(d for d in screen.server.desk.listed() if d.name == "Mari")
        assert moved.party_id == town

        # o: new devices wait; a: admit all waiting.
        await pilot.press("o")
        assert screen.server.desk.admit_each and "wait until you admit" in shown(screen, "#join-admit")
        late, _, _ = await join(url, code, police, "Late")
        await until(pilot, lambda: "1 waiting to be admitted" in shown(screen, "#join-status"))
        await pilot.press("a")
        await until(pilot, lambda: all(d.admitted for d in screen.server.desk.listed()))

        # Too many wrong codes: the panel says so; r makes a new code, devices stay.
        for n in range(ROOM_WRONG_GUESSES + 1):
            with pytest.raises(Refused):
                screen.server.desk.join("ZZZZZZ", f"10.2.{n // 250}.{n % 250}")
        await until(pilot, lambda: "Too many wrong codes" in shown(screen, "#join-status"))
        await pilot.press("r")
        await until(pilot, lambda: shown(screen, "#join-code") != " ".join(code))
        assert "Too many wrong codes" not in shown(screen, "#join-status")
        assert len(screen.server.desk.devices) == 3
        for phone in (mari, jaan, late):
            await phone.close()


async def test_a_served_session_is_served_again_when_reopened(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service = make_session(ui_library)
    police = service.session.parties[0].id
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_panel(app, pilot)
        url, code = screen.server.binding.url, screen.server.desk.code  # type: ignore[union-attr]
        phone, status, _ = await join(url, code, police, "Mari")
        assert status == 200
    assert app.participants is not None and not app.participants.running  # closing the app stopped it

    again = make_app(session=SessionService(service.path))
    async with again.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: again.participants is not None and again.participants.running)
        server = again.participants
        assert server is not None and server.binding is not None
        assert (server.binding.url, server.desk.code) == (url, code)  # same port, same code
        async with phone.get(url) as response:
            assert "Your party: Police" in await response.text()  # still joined
        await pilot.press("j")
        await until(pilot, lambda: isinstance(again.screen, JoinPanel) and again.screen._ready)
        assert panel(again).server is server
        assert url in shown(panel(again), "#join-address")
        await pilot.press("s")  # stopped for good (asked first): not started again next time
        await until(pilot, lambda: isinstance(again.screen, ConfirmDialog))
        await pilot.press("left", "enter")
        await until(pilot, lambda: not server.running)
    await phone.close()
    third = make_app(session=SessionService(service.path))
    async with third.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        assert third.participants is None


async def test_serve_keeps_the_port_between_runs(service: SessionService) -> None:
    first = running.WebServer(service)
    binding = await first.start("127.0.0.1", 0)
    await first.stop()
    assert running.WebServer(service).saved_port() == binding.port


async def test_a_code_too_wide_for_the_screen_is_not_drawn_cut(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    app = make_app(session=make_session(ui_library))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_panel(app, pilot)
        assert not screen.query_one("#join-code-big", Static).display
        assert shown(screen, "#join-code") == " ".join(screen.server.desk.code)  # the code, whole
