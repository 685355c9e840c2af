"""Every text cell of the main screens is readable: WCAG contrast measured on what is drawn.

At least 4.5:1 (AA) in the normal theme and 7:1 (AAA) in projector mode, for text in
every state these screens show: muted, dimmed, disabled keys, placeholders, the selected
card and row, a hovered card and button. The colours come from the rendered segments
(see `contrast.py`); a modal dialog is measured inside its box (the screen under it is
dimmed on purpose).
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from facilitator.core.library import SessionLibrary
from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp, create_app
from facilitator.ui.dialogs.common import ConfirmDialog
from facilitator.ui.screens.placement import PlacementScreen
from facilitator.ui.screens.workshop import WorkshopScreen
from facilitator.ui.views.board import BoardView

from .contrast import Cell, contrast, low_contrast
from .helpers import MakeApp, until

THEMES = {"normal": 4.5, "projector": 7.0}


def test_the_measure_itself() -> None:
    assert contrast((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast((0xFF, 0xFF, 0xFF), (0xE8, 0xE8, 0xE8)) < 1.3  # the projector's old card titles
    assert contrast((0x77, 0x77, 0x77), (0xFF, 0xFF, 0xFF)) == pytest.approx(4.48, abs=0.01)


class Collector:
    """Low-contrast cells, by screen, for one theme."""

    def __init__(self, app: FacilitatorApp, minimum: float) -> None:
        self.app = app
        self.minimum = minimum
        self.found: dict[str, list[Cell]] = {}

    async def check(self, pilot: Pilot[int], name: str, *, dialog: bool = False) -> None:
        for _ in range(4):  # let restyling and deferred drawing finish
            await pilot.pause()
        region = self.app.screen.query_one(".dialog-box").region if dialog else None
        cells = low_contrast(self.app, self.minimum, region)
        if cells:
            self.found[name] = cells

    def report(self) -> str:
        lines = []
        for name, cells in self.found.items():
            shown = {(c.widget, c.foreground, c.background): c for c in cells}
            lines += [f"{name}: {cell}" for cell in shown.values()]
        return "\n".join(lines)


@pytest.mark.parametrize("theme", list(THEMES))
@pytest.mark.slow
async def test_every_text_on_the_main_screens_is_readable(
    theme: str, make_app: MakeApp, demo_session: SessionService, ui_library: SessionLibrary
) -> None:
    app = make_app()
    seen = Collector(app, THEMES[theme])
    async with app.run_test(size=(120, 40)) as pilot:
        if theme == "projector":
            await pilot.press("f8")
        await seen.check(pilot, "home")
        await pilot.hover("#open")
        await seen.check(pilot, "home, a hovered button")
        await pilot.press("f1")
        await until(pilot, lambda: app.screen.query(".dialog-box"), "help")
        await seen.check(pilot, "help", dialog=True)
        await pilot.press("escape")
        app.push_screen(
            ConfirmDialog("Remove the party “Police”? Everything tied to it goes too.", "button.delete")
        )
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the dialog")
        await seen.check(pilot, "a confirmation", dialog=True)
        await pilot.press("escape")
        await until(pilot, lambda: app.screen.query(DataTable), "home")
        await pilot.press("o")  # the demo session
        await until(pilot, lambda: isinstance(app.screen, WorkshopScreen), "the workshop")
        workshop = app.screen
        assert isinstance(workshop, WorkshopScreen)
        for phase in workshop.agenda:
            workshop.action_go_phase(phase.id)
            await until(pilot, lambda p=phase.id: workshop.phase_id == p, phase.id)
            await seen.check(pilot, f"workshop: {phase.kind}")
        workshop.action_go_phase("setup")
        await seen.check(pilot, "workshop: setup")
        place = next(p.id for p in workshop.agenda if p.kind == "place")
        workshop.action_go_phase(place)
        await until(pilot, lambda: workshop.query(BoardView), "the board")
        board = workshop.query_one(BoardView).board
        revealed = next(a for a in demo_session.session.activities if a.revealed)
        board.select(revealed.id, notify=True)
        board.focus()
        await seen.check(pilot, "board, a card selected")
        await pilot.hover(board, offset=(8, 8))
        await seen.check(pilot, "board, a card hovered")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PlacementScreen), "the placement")
        await seen.check(pilot, "placement, revealed")
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is workshop, "the board")
        await pilot.press("f2")
        for tab in ("1", "2", "3"):
            await pilot.press(tab)
            await seen.check(pilot, f"overview, tab {tab}")
    review = create_app(ui_library, review_path=demo_session.path, lang="en")
    seen.app = review
    async with review.run_test(size=(120, 40)) as pilot:
        if theme == "projector":
            await pilot.press("f8")
        await seen.check(pilot, "review dashboard")
    assert not seen.found, "text below the contrast bar:\n" + seen.report()
