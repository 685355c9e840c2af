"""A one-line prompt whose answer is refused says why in the dialog and keeps the text typed.

The import, the phase's minutes, a party's new name and a carried step's due date each closed
the dialog on a refusal: the notification said why, and what was typed was gone."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Label

from facilitator.core.followup import promises
from facilitator.core.library import SessionLibrary
from facilitator.core.service import SessionService
from facilitator.ui.dialogs.common import TextPromptDialog
from facilitator.ui.views.setup import SetupView

from .helpers import MakeApp, focus, fresh, notifications, open_view, screen_shown, until
from .test_followup_view import continued, view_of


async def refused_in_the_dialog(pilot: object, dialog: TextPromptDialog, typed: str, why: str) -> None:
    problem = dialog.query_one("#problem", Label)
    await until(pilot, lambda: problem.display and why in str(problem.render()), why)  # type: ignore[arg-type]
    assert pilot.app.screen is dialog  # type: ignore[attr-defined]
    field = dialog.query_one("#value", Input)
    assert field.value == typed and field.has_focus
    assert notifications(pilot.app) == []  # type: ignore[attr-defined]


async def test_a_name_taken_keeps_the_rename_dialog(make_app: MakeApp, empty_session: SessionService) -> None:
    police = empty_session.add_party("Police")
    empty_session.add_party("Municipality")
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_view(app, pilot, "setup", SetupView)
        await focus(pilot, view.query_one("#setup-parties", DataTable))
        await pilot.press("r")
        dialog = await screen_shown(pilot, TextPromptDialog)
        await pilot.press("end", "ctrl+u", *"Municipality", "enter")
        await refused_in_the_dialog(pilot, dialog, "Municipality", "Municipality")
        await pilot.press("ctrl+u", *"Politsei", "enter")
        await until(pilot, lambda: fresh(empty_session).party(police).name == "Politsei", "renamed")
        assert app.screen is not dialog


async def test_a_due_date_it_cannot_read_keeps_the_carry_dialog(
    make_app: MakeApp, ui_library: SessionLibrary, demo_session: SessionService
) -> None:
    service = continued(ui_library, demo_session)
    app = make_app(service)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await view_of(app, pilot)
        table = view.query_one("#followup-items", DataTable)
        steps = [i for i in promises(service.session) if i.kind == "action"]
        table.move_cursor(row=promises(service.session).index(steps[0]))
        await pilot.pause()
        await pilot.press("c")
        dialog = await screen_shown(pilot, TextPromptDialog)
        dialog.query_one(Input).value = "31.02.2027"
        await pilot.press("enter")
        await refused_in_the_dialog(pilot, dialog, "31.02.2027", "31.02.2027")
        dialog.query_one(Input).value = "01.03.2027"
        await pilot.press("enter")
        await until(pilot, lambda: promises(service.session)[table.cursor_row].carried_action, "carried")
