"""The workshop screen lays each change out once and draws it once (`ui/one_pass.py`), and the
terminal still shows every change: what the app sent, applied in order, is the screen laid
out and drawn from scratch (`terminal_mirror.py`), through the real app's keys."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from facilitator.core.library import SessionLibrary
from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.widgets.ladder import LadderBoard

from .helpers import palette_found, until, workshop_shown
from .terminal_mirror import TerminalMirror, layouts_counted
from .test_start import on_the_board

SIZES = [(160, 50), (120, 40), (80, 24)]
CARD_MOVES = ["u", "d", "right", "down", "u", "pagedown", "home"]
# To the first phase, the last, and back to the board (each view built on its first visit).
PHASES = ["left_square_bracket"] * 5 + ["right_square_bracket"] * 8 + ["left_square_bracket"] * 2


async def shown_as_drawn(pilot: Pilot[Any], mirror: TerminalMirror, after: str) -> None:
    """The terminal shows the screen laid out and drawn from scratch, once what the key set
    going (a timer, a worker, a deferred focus) is done; a change never sent never shows."""
    try:
        await until(pilot, lambda: mirror.differences(pilot.app) == [], after)
    except AssertionError:
        assert mirror.differences(pilot.app) == [], f"after {after}"


@pytest.mark.parametrize("size", SIZES, ids=["160x50", "120x40", "80x24"])
async def test_the_terminal_shows_the_workshop_through_every_kind_of_change(
    ui_library: SessionLibrary,
    demo_session: SessionService,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
) -> None:
    app = FacilitatorApp(ui_library, session_path=on_the_board(demo_session).path, lang="en")
    mirror = TerminalMirror(monkeypatch, size)
    async with app.run_test(size=size) as pilot:
        screen = await workshop_shown(pilot)
        await shown_as_drawn(pilot, mirror, "the start")
        for key in [*CARD_MOVES, *PHASES, "f7", "f8", "right_square_bracket", "f7", "f8"]:
            await pilot.press(key)
            await shown_as_drawn(pilot, mirror, key)
        await pilot.press("ctrl+p", *"Projector")  # the command palette: typed, then run
        await until(pilot, lambda: palette_found(app, "Projector"), "the palette's search")
        await shown_as_drawn(pilot, mirror, "the palette")
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is screen and app.projector, "projector mode from the palette")
        await shown_as_drawn(pilot, mirror, "the palette's command")
        await pilot.press("m")  # a dialog over the workshop: the phase's minutes, typed
        await until(pilot, lambda: app.screen is not screen, "the minutes dialog")
        await shown_as_drawn(pilot, mirror, "the dialog")
        await pilot.press("ctrl+a", "backspace", *"25", "enter")
        await until(pilot, lambda: app.screen is screen, "the dialog closed")
        await shown_as_drawn(pilot, mirror, "the dialog closed")
        for other in [s for s in SIZES if s != size] + [size]:
            await pilot.resize_terminal(*other)
            await shown_as_drawn(pilot, mirror, f"a resize to {other}")
            await pilot.press("u")
            await shown_as_drawn(pilot, mirror, f"a card moved at {other}")


async def test_a_card_move_and_a_phase_shown_before_are_laid_out_once_and_drawn_once(
    ui_library: SessionLibrary, demo_session: SessionService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual laid a card move, and a phase shown again, out two or three times and drew
    them as often (each widget the first pass resized asked for another pass)."""
    layouts = layouts_counted(monkeypatch)
    app = FacilitatorApp(ui_library, session_path=on_the_board(demo_session).path, lang="en")
    mirror = TerminalMirror(monkeypatch, (160, 50))
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await workshop_shown(pilot)
        await shown_as_drawn(pilot, mirror, "the start")
        for key in ["u", "d", "left_square_bracket", "right_square_bracket", "u"]:
            await pilot.press(key)  # (the phase before is built first, then shown again)
            await shown_as_drawn(pilot, mirror, key)
        board = screen.query_one(LadderBoard)
        for key in ["u", "d", "left_square_bracket", "right_square_bracket"]:
            layouts.clear()
            drawn = mirror.updates
            await pilot.press(key)
            await shown_as_drawn(pilot, mirror, key)
            assert layouts == [screen] and mirror.updates - drawn == 1, key
        assert board.has_focus


@pytest.mark.parametrize("size", [(160, 50), (80, 24)], ids=["160x50", "80x24"])
async def test_the_first_frame_is_laid_out_once_and_drawn_once(
    ui_library: SessionLibrary,
    demo_session: SessionService,
    monkeypatch: pytest.MonkeyPatch,
    size: tuple[int, int],
) -> None:
    """Textual laid the workshop out again after its first frame (its widgets' requests to be
    laid out as they were mounted came after the first layout had answered them), and once
    more for the board's bar fitted to the width after it: two more layouts, two more draws."""
    layouts = layouts_counted(monkeypatch)
    app = FacilitatorApp(ui_library, session_path=on_the_board(demo_session).path, lang="en")
    mirror = TerminalMirror(monkeypatch, size)
    async with app.run_test(size=size) as pilot:
        screen = await workshop_shown(pilot)
        for _ in range(5):
            await pilot.pause()
        assert layouts == [screen] and mirror.updates == 1
        await shown_as_drawn(pilot, mirror, "the start")
