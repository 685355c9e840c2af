"""The terminal mirror (`terminal_mirror.py`) itself: what it catches, and resizes. (That it
catches a redraw never sent: `test_one_pass.py`.)"""

from __future__ import annotations

from typing import Any

import pytest
from rich.style import Style
from textual._compositor import LayoutUpdate
from textual.geometry import Region
from textual.screen import Screen
from textual.strip import Strip
from textual.widgets import Label

from facilitator.core.library import SessionLibrary
from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.screens.workshop import WorkshopScreen

from .helpers import workshop_shown
from .terminal_mirror import TerminalMirror, layout_differences, showing
from .test_start import on_the_board


async def test_the_mirror_sees_a_layout_never_made(
    ui_library: SessionLibrary, demo_session: SessionService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another phase's view shown, its requests to be laid out dropped: the terminal shows
    what the screen's last layout draws, so only a layout from scratch sees it is out of date."""
    app = FacilitatorApp(ui_library, session_path=on_the_board(demo_session).path, lang="en")
    mirror = TerminalMirror(monkeypatch, (120, 40))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await workshop_shown(pilot)
        await pilot.pause()
        assert mirror.differences(app) == []

        async def dropped(screen: Screen[Any], message: Any) -> None:
            message.stop()
            message.prevent_default()  # (Textual's own handler, next in line, not called)

        monkeypatch.setattr(WorkshopScreen, "_on_layout", dropped)
        await pilot.press("left_square_bracket")  # the phase before: a view never laid out
        await pilot.pause()
        assert layout_differences(screen, app.size) != []
        assert mirror.differences(app) != []


async def test_the_mirror_follows_the_terminal_through_resizes(
    ui_library: SessionLibrary, demo_session: SessionService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The terminal's size is the app's (no resize to tell the mirror of); what an update made
    for the size before a resize writes outside the terminal is lost, as there."""
    app = FacilitatorApp(ui_library, session_path=on_the_board(demo_session).path, lang="en")
    mirror = TerminalMirror(monkeypatch, (160, 50))
    async with app.run_test(size=(160, 50)) as pilot:
        await workshop_shown(pilot)
        for size in ((80, 24), (160, 50), (100, 30)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert (mirror.width, mirror.height) == size
            assert mirror.differences(app) == [], f"at {size}"
    late = LayoutUpdate([[Strip.blank(160, Style(bgcolor="red"))]] * 50, Region(0, 0, 160, 50))
    mirror.apply(late)  # (an update for 160x50 on a terminal of 100x30)
    assert [len(row) for row in mirror.cells] == [100] * 30
    assert {look for row in mirror.cells for _, look in row} == {"on red"}


def test_a_widget_scrolled_out_of_its_clip_is_not_counted_as_shown() -> None:
    """A grid scrolled just above its container's view: its last row gets an empty clip on its
    bottom edge, which Textual's `Region.overlaps` (and so `Compositor.visible_widgets` after
    a full layout) counts as visible. The mirror counts only widgets with a cell in their clip
    (it compared setup's facilitator field at 80x24 as "not shown, in a layout from scratch")."""
    clip = Region(1, 4, 77, 1).intersection(Region(1, 0, 77, 3))
    last_row, inside = Region(14, 2, 25, 1), Region(1, 4, 10, 1)
    assert clip.overlaps(last_row)  # (Textual 8.2.8; when this fails `showing` can go)
    field, label = Label(), Label()
    assert showing({field: (last_row, clip), label: (inside, Region(1, 4, 77, 1))}) == {label}
