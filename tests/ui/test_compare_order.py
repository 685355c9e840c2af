"""Home `c` on next year's workshop compares in time order: the earlier workshop is A, the later
B, whichever of the two was selected; the picker starts on the workshop one continues."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import DataTable, Label, OptionList

from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.screens.compare import CompareScreen, CompareWithDialog
from facilitator.ui.screens.home import HomeScreen
from tests.ui.helpers import screen_shown

MakeApp = Callable[..., FacilitatorApp]


async def test_c_on_the_later_workshop_compares_the_earlier_as_a(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    old = ui_library.create(find_scenario("community-safety"), "Round table 2025", date="2025-12-05")
    police, youth = old.add_party("Police"), old.add_party("Youth workers")
    table = old.add_activity("Youth round table", party_ids=[police, youth])
    old.agree(table, current="communication")
    ui_library.create(find_scenario("community-safety"), "Unrelated", date="2026-06-01")
    new = ui_library.create_from(old.session.id, date="2026-12-04")
    new.agree(table, current="cooperation")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        row = next(i for i, s in enumerate(home.summaries) if s.id == new.session.id)
        home.query_one("#sessions", DataTable).move_cursor(row=row)
        await pilot.pause()
        await pilot.press("c")
        dialog = await screen_shown(pilot, CompareWithDialog)
        options = dialog.query_one("#cmp-pick-list", OptionList)
        assert options.highlighted is not None
        assert options.get_option_at_index(options.highlighted).id == old.session.id  # the one it continues
        await pilot.press("enter")
        screen = await screen_shown(pilot, CompareScreen)
        assert "Round table 2025" in str(screen.query_one("#cmp-a-title", Label).render())
        assert screen.comparison.a.id == old.session.id and screen.comparison.b.id == new.session.id
        assert screen.comparison.summary.up == 1 and screen.comparison.summary.down == 0
