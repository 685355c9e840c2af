"""ctrl+q with text typed: what is saved on leaving a field is saved, what is stored only on
enter (or in a dialog) is asked about. Before, ctrl+q closed the app at once: a workshop's
place typed and not yet left, or a new party's name not yet added, was lost without a word."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input

from facilitator.core.library import SessionLibrary
from facilitator.core.service import SessionService
from facilitator.ui.dialogs.activity import ActivityDialog
from facilitator.ui.dialogs.common import ConfirmDialog
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.screens.placement import PlacementScreen
from facilitator.ui.screens.workshop import WorkshopScreen
from facilitator.ui.views.collect import CollectView, QuickAddInput
from facilitator.ui.views.setup import SetupView

from .helpers import MakeApp, focus, fresh, open_view, screen_shown, until
from .test_traps import reveal_and_open


async def test_a_detail_typed_and_not_left_is_saved_on_quitting(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_view(app, pilot, "setup", SetupView)
        await focus(pilot, app.screen.query_one("#setup-place", Input))
        await pilot.press(*"Tartu")
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert fresh(empty_session).info.place == "Tartu"


async def test_a_detail_that_cannot_be_saved_is_asked_about_on_quitting(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    """A date that can't be read (or a refused title) is not saved on leaving: ctrl+q asked
    nothing and closed, and the typed date was gone. Found in review."""
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_view(app, pilot, "setup", SetupView)
        await focus(pilot, app.screen.query_one("#setup-date", Input))
        await pilot.press(*"homme")
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.press("enter")  # Cancel: back to the field, the typing kept
        await until(pilot, lambda: not isinstance(app.screen, ConfirmDialog), "the question closed")
        assert app.is_running
        assert app.screen.query_one("#setup-date", Input).value == "homme"
    assert fresh(empty_session).info.date == ""


async def test_a_party_name_not_added_is_asked_about_on_quitting(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_view(app, pilot, "setup", SetupView)
        await focus(pilot, app.screen.query_one("#setup-party-name", Input))
        await pilot.press(*"Youth club")
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.press("enter")  # the question starts on Cancel: nothing is thrown away
        await until(pilot, lambda: not isinstance(app.screen, ConfirmDialog), "the question closed")
        assert app.is_running
        assert app.screen.query_one("#setup-party-name", Input).value == "Youth club"
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question again")
        await pilot.press("left", "enter")  # "Close, don't save"
        await until(pilot, lambda: not app.is_running, "the app closed")
    assert fresh(empty_session).parties == ()


@pytest.mark.parametrize("lang", ["en", "et"])
async def test_the_question_names_text_typed_in_another_phase(
    make_app: MakeApp, empty_session: SessionService, lang: str
) -> None:
    """A tester left a name in setup's field, went on to the roles and pressed escape: "the text
    you typed here will be lost" on a view with no typed text. The question names the phase,
    the field and the text (the scenario's phase name, literally)."""
    app = make_app(empty_session, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_view(app, pilot, "setup", SetupView)
        await focus(pilot, app.screen.query_one("#setup-party-name", Input))
        await pilot.press(*"[b]Külaselts[/b]", "escape")
        await pilot.press("right_square_bracket")
        await until(
            pilot, lambda: app.screen.query_one("ContentSwitcher").current != "view-setup", "the next phase"
        )
        await pilot.press("ctrl+q")
        question = await screen_shown(pilot, ConfirmDialog)
        said = question.message
        setup = {"en": "Setup", "et": "Ettevalmistus"}[lang]
        field = {"en": "another party's name", "et": "muu osapoole nimi"}[lang]
        assert f"{setup} → {field}:" in said and "[b]Külaselts[/b]" in said, said
        await pilot.press("enter")  # Cancel
        await until(pilot, lambda: not isinstance(app.screen, ConfirmDialog), "the question closed")
        assert app.is_running


async def test_text_typed_in_a_dialog_is_asked_about_on_quitting(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_view(app, pilot, "collect", CollectView)
        await focus(pilot, view.query_one("#collect-table", DataTable))
        await pilot.press("a")  # the full form
        await until(pilot, lambda: isinstance(app.screen, ActivityDialog), "the form")
        await until(pilot, lambda: isinstance(app.focused, Input), "the title field focused")
        await pilot.press(*"Night walks")
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        assert app.is_running


async def test_nothing_typed_quits_at_once(make_app: MakeApp, empty_session: SessionService) -> None:
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_view(app, pilot, "collect", CollectView)
        await pilot.press("ctrl+q")
        await until(pilot, lambda: not app.is_running, "the app closed")


async def test_an_agreement_note_not_recorded_is_asked_about_on_quitting(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    _service, app = await reveal_and_open(make_app, ui_library)
    async with app.run_test(size=(120, 40)) as pilot:  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("enter")
        screen = await screen_shown(pilot, PlacementScreen)
        await focus(pilot, screen.query_one("#agree-note", Input))
        await pilot.press(*"keep me")
        await pilot.press("ctrl+q")
        await screen_shown(pilot, ConfirmDialog)
        assert app.is_running


async def test_going_home_with_an_activity_typed_and_not_added_asks_first(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    """Escape leaves the quick-add field, a second escape went home: a workshop opened from the
    home screen was closed with it, and the title typed (not yet added with enter) was gone
    without a word. Now going home asks, as ctrl+q does; Cancel keeps the title."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await screen_shown(pilot, HomeScreen)
        await pilot.press("o")  # the workshop opened from home: going home closes it
        view = await open_view(app, pilot, "collect", CollectView)
        await pilot.press(*"Youth evenings")
        await pilot.press("escape")  # leaves the field; the text stays
        await pilot.press("escape")  # home: asks first
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.press("enter")  # the question starts on Cancel
        await until(pilot, lambda: isinstance(app.screen, WorkshopScreen), "back in the workshop")
        assert view.query_one(QuickAddInput).value == "Youth evenings"
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question again")
        await pilot.press("left", "enter")  # "Close, don't save": home, as asked
        await screen_shown(pilot, HomeScreen)
    assert fresh(empty_session).activities == ()


async def test_going_home_from_a_workshop_that_stays_open_underneath_asks_nothing(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    """A workshop opened straight away stays under the home screen: its typed text is kept
    (reopening shows it), so going home has nothing to ask."""
    app = make_app(empty_session)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_view(app, pilot, "collect", CollectView)
        await pilot.press(*"Youth evenings")
        await pilot.press("escape", "escape")
        await screen_shown(pilot, HomeScreen)
        assert view.query_one(QuickAddInput).value == "Youth evenings"
