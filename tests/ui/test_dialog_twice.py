"""A double press in a dialog answers it once: the change is made once, the screen below stays.

Two Enter keys queued before a prompt left ran its change twice (renaming a party logged two
`party.updated` events) and the second close popped the screen below or failed with a
ScreenStackError traceback (review)."""

from __future__ import annotations

from textual import events
from textual.widgets import DataTable, Input

from facilitator.core.service import SessionService
from facilitator.ui.dialogs.common import ConfirmDialog, TextPromptDialog
from facilitator.ui.screens.workshop import WorkshopScreen
from facilitator.ui.views.setup import SetupView

from .helpers import MakeApp, focus, open_view, screen_shown


async def test_two_enters_in_a_prompt_rename_once(make_app: MakeApp, empty_session: SessionService) -> None:
    empty_session.add_party("Police")
    app = make_app(empty_session, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_view(app, pilot, "setup", SetupView)
        stack = len(app.screen_stack)
        await focus(pilot, view.query_one("#setup-parties", DataTable))
        await pilot.press("r")
        dialog = await screen_shown(pilot, TextPromptDialog)
        dialog.query_one("#value", Input).value = "Politsei"
        before = len(empty_session.session.events)
        app.post_message(events.Key("enter", "\r"))
        app.post_message(events.Key("enter", "\r"))
        await pilot.pause()
        await pilot.pause(0.2)
        kinds = [event.kind for event in empty_session.session.events[before:]]
        assert kinds == ["party.updated"]
        assert [p.name for p in empty_session.session.parties] == ["Politsei"]
        assert isinstance(app.screen, WorkshopScreen)
        assert len(app.screen_stack) == stack  # nothing popped below it


async def test_two_answers_of_a_question_are_one(make_app: MakeApp, empty_session: SessionService) -> None:
    app = make_app(empty_session, lang="en")
    answers: list[bool | None] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        stack = len(app.screen_stack)
        app.push_screen(ConfirmDialog("Move it?", safe=True), answers.append)
        dialog = await screen_shown(pilot, ConfirmDialog)
        await pilot.pause()
        dialog.dismiss(True)
        dialog.dismiss(False)  # a second click queued before it left
        await pilot.pause()
        assert answers == [True]
        assert len(app.screen_stack) == stack
