"""Closing the workshop from the app (key, button, palette), said in its title and at home;
reopening asks too. The palette writes keys as people do."""

from __future__ import annotations

from textual.widgets import Button, DataTable, Label

from facilitator.core.dates import shown_date
from facilitator.core.i18n import Translator
from facilitator.core.kinds.session import closed_day
from facilitator.core.library import SessionLibrary
from facilitator.core.service import SessionService
from facilitator.ui.app import create_app
from facilitator.ui.dialogs.common import ConfirmDialog
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.screens.review import ReviewScreen
from facilitator.ui.screens.workshop import WorkshopScreen
from facilitator.ui.views.summary import SummaryView

from .helpers import MakeApp, fresh, open_view, screen_shown, until


async def test_close_by_key_then_reopen_by_the_summarys_button(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    app = make_app(session=empty_session, lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await screen_shown(pilot, WorkshopScreen)
        await until(pilot, lambda: screen.query("#workshop-title"), "the title")
        titles = {c.title: c.help for c in app.get_system_commands(screen)}
        assert titles["Lõpeta töötuba"] == "^w" and "Ava töötuba uuesti" not in titles
        assert titles["Järgmine etapp"] == "]"  # as people write keys, not right_square_bracket
        screen.set_focus(None)
        await pilot.press("ctrl+w")
        await screen_shown(pilot, ConfirmDialog)
        await pilot.press("enter")  # closing can be undone: the question starts on its button
        await until(pilot, lambda: fresh(empty_session).info.closed_at is not None, "the workshop closed")
        day = shown_date(closed_day(fresh(empty_session).info.closed_at or ""), "et")
        title = screen.query_one("#workshop-title", Label)
        await until(pilot, lambda: f"lõpetatud {day}" in str(title.render()), "the title to say it")
        titles = {c.title for c in app.get_system_commands(screen)}
        assert "Ava töötuba uuesti" in titles and "Lõpeta töötuba" not in titles
        view = await open_view(app, pilot, empty_session.scenario.agenda[-1].id, SummaryView)
        button = view.query_one("#summary-close", Button)
        await until(pilot, lambda: str(button.label) == "Ava töötuba uuesti", "the button to say reopen")
        await pilot.click("#summary-close")
        confirm = await screen_shown(pilot, ConfirmDialog)
        assert f"lõpetatud {day}" in confirm.message
        await pilot.press("enter")
        await until(pilot, lambda: fresh(empty_session).info.closed_at is None, "the workshop reopened")


async def test_home_lists_a_closed_workshop_as_closed(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    empty_session.set_phase("collect")
    event = empty_session.close_session()
    app = make_app(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        home = await screen_shown(pilot, HomeScreen)
        table = home.query_one("#sessions", DataTable)
        await until(pilot, lambda: table.row_count == 1, "the list")
        assert str(table.get_row_at(0)[4]) == f"closed on {closed_day(event.at)}"


async def test_the_review_says_closed_not_the_phase(
    ui_library: SessionLibrary, empty_session: SessionService
) -> None:
    """After stepping back one phase a finished workshop was called "collecting activities"."""
    empty_session.set_phase("collect")
    event = empty_session.close_session()
    app = create_app(ui_library, review_path=empty_session.path, lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await screen_shown(pilot, ReviewScreen)
        meta = screen.query_one("#review-meta", Label)
        day = shown_date(closed_day(event.at), "et")
        await until(pilot, lambda: f"lõpetatud {day}" in str(meta.render()), "the review to say it")
        phase_label = Translator("et")("review.meta.phase", phase="").strip()
        assert phase_label not in str(meta.render())
