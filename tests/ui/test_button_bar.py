"""A bar of buttons keeps every shown button whole: at 80 columns the agree view's bar cut its
last one in mid-word ("Rollide tabe") and showed nothing of what came after."""

from __future__ import annotations

import pytest
from textual.widgets import Button

from facilitator.core.service import SessionService
from facilitator.ui.views.agree import AgreeView
from facilitator.ui.widgets.button_bar import ButtonBar, columns_for

from .helpers import MakeApp, open_view, until


def test_one_row_when_the_buttons_fit_else_the_most_columns_whose_cells_hold_every_label() -> None:
    assert columns_for([7, 22, 9, 15], 56) == 0  # 53 and three gaps: one row
    assert columns_for([7, 22, 9, 15], 54) == 2  # a third of 54 (17) can't hold 22; a half (26) can
    assert columns_for([17, 12, 9, 15], 54) == 3  # 56 is too wide; a third (17) holds each
    assert columns_for([40, 7], 30) == 1
    assert columns_for([], 10) == 0


def whole(bar: ButtonBar) -> list[str]:
    """The shown buttons whose label is cut, or that stand outside the bar."""
    wrong = []
    for button in bar.query_children(Button).results(Button):
        if not button.display:
            continue
        drawn = button.render_line(0).text
        if str(button.label) not in drawn or not bar.region.contains_region(button.region):
            wrong.append(f"{button.label!s} drawn as {drawn!r} at {button.region} in {bar.region}")
    return wrong


@pytest.mark.parametrize(("size", "rows"), [((80, 24), True), ((200, 50), False)])
async def test_the_agree_bar_keeps_each_button_whole(
    make_app: MakeApp, demo_session: SessionService, size: tuple[int, int], rows: bool
) -> None:
    app = make_app(session=demo_session, lang="et")
    async with app.run_test(size=size) as pilot:
        view = await open_view(app, pilot, "agree", AgreeView)
        bar = view.query_one(ButtonBar)
        await until(pilot, lambda: any(b.display for b in bar.query_children(Button)), "the buttons")
        await pilot.pause()
        await pilot.pause()
        assert bar.has_class("-rows") is rows
        assert whole(bar) == []
        items = view.query_one("#agree-items")
        items.focus()
        for _ in range(8):  # other rows show other buttons: the bar fits itself again each time
            await pilot.press("down")
            await pilot.pause()
            await pilot.pause()
            assert whole(bar) == []
