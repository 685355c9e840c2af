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
from facilitator.ui.widgets.mismatch_badge import MismatchBadge

from .helpers import palette_found, until, workshop_shown
from .terminal_mirror import TerminalMirror, layouts_counted
from .test_start import on_the_board

SIZES = [(160, 50), (120, 40), (80, 24)]
CARD_MOVES = ["u", "d", "right", "down", "left", "up", "pagedown", "home", "u", "d"]
# To the first phase, the last, and back to collecting (each view built on its first visit).
PHASES = ["left_square_bracket"] * 5 + ["right_square_bracket"] * 8 + ["left_square_bracket"] * 3


async def shown_as_drawn(pilot: Pilot[Any], mirror: TerminalMirror, after: str) -> None:
    """The terminal shows the screen laid out and drawn from scratch, once what the key set
    going (a timer, a worker, a deferred focus) is done; a change never sent never shows."""
    try:
        await until(pilot, lambda: mirror.differences(pilot.app) == [], after)
    except AssertionError:
        assert mirror.differences(pilot.app) == [], f"after {after}"


@pytest.mark.parametrize(
    "size",
    SIZES,
    ids=["160x50", "120x40", "80x24"],
)
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
        # F7 on collecting (its buttons' widths follow the language), then on the board.
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
        await pilot.press("end", *["backspace"] * 3, *"25", "enter")
        await until(pilot, lambda: app.screen is screen, "the dialog closed")
        assert screen.current_timer() is not None and screen.current_timer().planned == 25 * 60
        await shown_as_drawn(pilot, mirror, "the dialog closed")
        for other, move in zip([s for s in SIZES if s != size] + [size], "udu", strict=True):
            await pilot.resize_terminal(*other)
            await shown_as_drawn(pilot, mirror, f"a resize to {other}")
            await pilot.press(move)  # (the first card, up and down: no other party's sign-off)
            await shown_as_drawn(pilot, mirror, f"a card moved at {other}")
        assert isinstance(app.screen, type(screen))


async def test_a_card_move_and_the_board_shown_again_are_laid_out_once_and_drawn_once(
    ui_library: SessionLibrary, demo_session: SessionService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual laid a card move, and the board shown again, out two or three times and drew
    them as often (each widget the first pass resized asked for another pass). The header's
    mismatch count, when a move changed it, is a change of its own (counted 0.3 s later)."""
    layouts = layouts_counted(monkeypatch)
    app = FacilitatorApp(ui_library, session_path=on_the_board(demo_session).path, lang="en")
    mirror = TerminalMirror(monkeypatch, (160, 50))
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await workshop_shown(pilot)
        badge = screen.query_one(MismatchBadge)

        async def settled(key: str) -> None:
            await until(pilot, lambda: badge._later is None, "the mismatch count")
            await shown_as_drawn(pilot, mirror, key)

        await settled("the start")
        for key in ["u", "d", "right_square_bracket", "left_square_bracket"]:
            await pilot.press(key)  # (the next phase is built first, then shown again)
            await settled(key)
        board = screen.query_one(LadderBoard)
        # (Not counted: to agreeing, which fits its lists to the width after each resize.)
        keys = ["u", "d", "right_square_bracket", "left_square_bracket", "u", "u", "d", "d"]
        for key in keys:
            if key == "right_square_bracket":
                await pilot.press(key)
                await settled(key)
                continue
            layouts.clear()
            drawn, count = mirror.updates, badge.label
            await pilot.press(key)
            await settled(key)
            changes = 1 + (badge.label != count)
            assert layouts == [screen] * changes and mirror.updates - drawn == changes, key
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
