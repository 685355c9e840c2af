"""The placement screen lays a change out once and draws it once (`ui/one_pass.py`), and the
terminal still shows every change: what the app sent, applied in order, is the screen."""

from __future__ import annotations

from typing import Any

import pytest
from textual.screen import Screen

from facilitator.core.library import SessionLibrary
from facilitator.ui.screens.placement import PlacementScreen

from .terminal_mirror import TerminalMirror, layouts_counted
from .test_placement import MakeApp, make_session, open_placement

PLACE_ALL = ("1", "2", "2", "3", "3", "4")


@pytest.mark.parametrize("size", [(160, 50), (80, 24)], ids=["wide", "small"])
async def test_the_terminal_shows_the_screen_through_a_round_and_the_next(
    make_app: MakeApp, ui_library: SessionLibrary, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    service = make_session(ui_library)
    app = make_app(session=service)
    mirror = TerminalMirror(monkeypatch, size)
    async with app.run_test(size=size) as pilot:
        screen = await open_placement(app, pilot)
        keys = [*PLACE_ALL, "r", "pagedown", "pageup", "a", "down", "tab", "tab", "escape"]
        keys += ["v", *PLACE_ALL[:2], "backspace", *PLACE_ALL, "r", "escape"]
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
            assert mirror.differences(app) == [], f"after {key!r}"
        assert isinstance(screen, PlacementScreen) and not screen.is_current  # back on the board
        assert service.session.activities[0].round == 2


async def test_the_terminal_shows_the_reveal_through_resizes(
    make_app: MakeApp, ui_library: SessionLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = make_session(ui_library)
    app = make_app(session=service)
    mirror = TerminalMirror(monkeypatch, (160, 50))
    async with app.run_test(size=(160, 50)) as pilot:
        await open_placement(app, pilot)
        await pilot.press(*PLACE_ALL, "r")
        await pilot.pause()
        for size in ((100, 30), (160, 50), (80, 24)):
            mirror.resize(size)
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert mirror.differences(app) == [], f"at {size}"
            await pilot.press("pagedown")
            await pilot.pause()
            assert mirror.differences(app) == [], f"at {size}, scrolled"


async def test_the_mirror_sees_a_change_never_sent(
    make_app: MakeApp, ui_library: SessionLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(The test above would catch a dropped redraw.)"""
    service = make_session(ui_library)
    app = make_app(session=service)
    mirror = TerminalMirror(monkeypatch, (120, 40))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_placement(app, pilot)

        async def dropped(screen: Screen[Any], message: Any) -> None:
            message.stop()
            message.prevent_default()  # (Textual's own handler, next in line, not called)

        monkeypatch.setattr(PlacementScreen, "_on_update", dropped)
        await pilot.press("down")  # the party list's highlight moves: a redraw, never sent
        await pilot.pause()
        assert mirror.differences(app) != []


async def test_the_reveal_is_laid_out_once_and_drawn_once(
    make_app: MakeApp, ui_library: SessionLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual laid the reveal out a second time (each resized widget asked for it) and drew
    it three times (the second layout, the focus moving, the resized widgets' own redraws).
    (The first reveal of a screen lays out twice: the agreement's pickers, shown for the first
    time, count their lines once they have a width.)"""
    service = make_session(ui_library)
    app = make_app(session=service)
    mirror = TerminalMirror(monkeypatch, (160, 50))
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_placement(app, pilot)
        await pilot.press(*PLACE_ALL, "r", "v", *PLACE_ALL)  # the second round's reveal next
        await pilot.pause()
        layouts = layouts_counted(monkeypatch)
        drawn = mirror.updates
        await pilot.press("r")
        await pilot.pause()
        assert screen.page == "page-revealed"
        assert layouts == [screen] and mirror.updates - drawn == 1
        assert mirror.differences(app) == []
