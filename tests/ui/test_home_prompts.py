"""The home screen's prompts: a refusal is said where the text was typed, and before asking."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Label

from facilitator.core.library import SessionLibrary
from facilitator.core.service import SessionService
from facilitator.ui.dialogs.common import TextPromptDialog
from facilitator.ui.screens.home import HomeScreen

from .helpers import MakeApp, notifications, screen_shown, until


async def test_a_refused_import_keeps_the_dialog_and_the_typed_path(
    make_app: MakeApp, ui_library: SessionLibrary, demo_session: SessionService, tmp_path: Path
) -> None:
    exported = tmp_path / "export.json"
    exported.write_text(ui_library.export_json(demo_session.session.id), encoding="utf-8")
    original = demo_session.session
    ui_library.delete(original.id)
    typo = str(tmp_path / "exprot.json")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await screen_shown(pilot, HomeScreen)
        await pilot.press("i")
        dialog = await screen_shown(pilot, TextPromptDialog)
        await pilot.press(*typo, "enter")
        problem = dialog.query_one("#problem", Label)
        await until(pilot, lambda: problem.display and "exprot.json" in str(problem.render()), "the refusal")
        assert app.screen is dialog  # still open ...
        field = dialog.query_one("#value", Input)
        assert field.value == typo and field.has_focus  # ... with the path as typed, to mend
        assert notifications(app) == []
        field.value = str(exported)
        await pilot.press("enter")
        await screen_shown(pilot, HomeScreen)
        table = app.screen.query_one("#sessions", DataTable)
        await until(pilot, lambda: table.row_count == 1, "the imported session listed")
    assert SessionService(ui_library.path_for(original.id)).session == original


async def test_new_from_an_unreadable_session_refuses_before_asking_a_title(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    empty_session.path.write_text("{broken", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        home = await screen_shown(pilot, HomeScreen)
        await pilot.press("f")
        await until(pilot, lambda: notifications(app), "the refusal")
        assert app.screen is home  # no title asked for nothing
        assert "JSON" in notifications(app)[0]


async def test_the_list_follows_sessions_made_and_deleted_elsewhere(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    """A session the CLI made showed only after F5."""
    from facilitator.core.scenario import find_scenario

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        home = await screen_shown(pilot, HomeScreen)
        table = home.query_one("#sessions", DataTable)
        assert table.row_count == 0
        made = ui_library.create(find_scenario("community-safety"), "Made by the CLI")
        await until(pilot, lambda: table.row_count == 1 and table.display, "the new session listed")
        made.add_activity("Night walk")  # a change elsewhere shows too
        await until(pilot, lambda: str(table.get_row_at(0)[2]) == "1", "its activity counted")
        ui_library.delete(made.session.id)
        await until(pilot, lambda: not table.display, "the deleted session gone")
