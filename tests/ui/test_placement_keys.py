"""Choosing which party places (again) by keyboard on the placement screen, said in the key bar and help."""

from __future__ import annotations

from textual.widgets import DataTable

from facilitator.core.library import SessionLibrary
from facilitator.ui.dialogs.help import HelpScreen
from facilitator.ui.widgets.choice_list import ChoiceList
from facilitator.ui.widgets.keybar import KeyBar

from .test_placement import MakeApp, fresh, make_session, open_placement, until


async def test_a_party_is_chosen_to_place_again_by_keyboard(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service = make_session(ui_library)
    activity = service.session.activities[0]
    municipality = activity.party_ids[1]
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_placement(app, pilot)
        bar = screen.query_one(KeyBar)
        await until(pilot, lambda: "↑↓ Parties" in bar.render().plain, "the party keys in the bar")  # type: ignore[union-attr]
        assert "⏎ This party places" in bar.render().plain  # type: ignore[union-attr]
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        table = app.screen.query_one("#help-keys", DataTable)
        said = " ".join(str(cell) for row in range(table.row_count) for cell in table.get_row_at(row))
        assert "Parties" in said and "This party places" in said
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen, "back")
        for key in ("2", "3", "2", "2", "1", "3"):  # everyone places
            await pilot.press(key)
        await until(pilot, lambda: len(fresh(service).session.placements_for(activity.id)) == 3, "all placed")
        party_list = screen.query_one("#party-list", ChoiceList)
        party_list.highlighted = 2
        screen.query_one("#close").focus()  # as after Tab: the focus is elsewhere
        await until(pilot, lambda: not party_list.has_focus, "the focus on a button")
        await pilot.press("up")
        await until(pilot, lambda: party_list.has_focus and party_list.highlighted == 1, "Municipality")
        await pilot.press("enter")
        await until(pilot, lambda: screen.party_id == municipality, "Municipality places again")
        await pilot.press("4", "4")

        def wished() -> str:
            placements = fresh(service).session.placements_for(activity.id)
            return {p.party_id: p.wished for p in placements}[municipality]

        await until(pilot, lambda: wished() == "collaboration", "the new placement saved")
