"""A session file that goes away or becomes unreadable while the workshop shows it: the app
says so and keeps running. Before, the next key that built a view (`]`) closed the app with a
traceback: a session deleted from another terminal, a file replaced by a newer version."""

from __future__ import annotations

import pytest

from facilitator.core.service import SessionService
from facilitator.ui.screens.workshop import WorkshopScreen
from tests.test_store import make_unreadable

from .helpers import MakeApp, notifications, until


@pytest.mark.parametrize("how", ["deleted", "corrupt", "newer"])
async def test_the_workshop_survives_its_file_going_away(
    make_app: MakeApp, empty_session: SessionService, how: str
) -> None:
    empty_session.add_activity("Night walks")
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WorkshopScreen), "the workshop")
        app.screen.set_focus(None)
        make_unreadable(empty_session.path, how)
        before = empty_session.path.read_bytes() if empty_session.path.is_file() else None
        await pilot.press("]", "]", "f2", "escape")  # new views read the session
        await until(pilot, lambda: any(str(empty_session.path) in n for n in notifications(app)), "the error")
        assert app.is_running and app.return_code is None
        assert (empty_session.path.read_bytes() if empty_session.path.is_file() else None) == before


@pytest.mark.parametrize("how", ["deleted", "corrupt", "newer"])
async def test_the_app_says_at_once_that_nothing_can_be_saved(
    make_app: MakeApp, empty_session: SessionService, how: str
) -> None:
    """Nobody has to try a change first: the watcher's look at the file tells, in the app's language."""
    empty_session.add_activity("Night walks")
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WorkshopScreen), "the workshop")
        good = empty_session.path.read_bytes()
        make_unreadable(empty_session.path, how)
        said = app.t("file.cannot_save_now", reason="")
        await until(pilot, lambda: any(n.startswith(said) for n in notifications(app)), "the notice")
        (notice,) = [n for n in notifications(app) if n.startswith(said)]
        assert empty_session.path.name in notice
        if how == "deleted":
            empty_session.path.write_bytes(good)  # put back: said once more, that it is readable again
            await until(pilot, lambda: app.t("file.readable_again") in notifications(app), "readable again")
        assert [n for n in notifications(app) if n.startswith(said)] == [notice]  # told once, not each look


async def test_a_screen_over_the_workshop_does_not_say_it_twice(
    make_app: MakeApp, ui_library: object
) -> None:
    """The placement screen over the board: both show the session, one notice says it."""
    from tests.ui.test_placement import make_session, open_placement

    service = make_session(ui_library)  # type: ignore[arg-type]
    app = make_app(service)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_placement(app, pilot)
        good = service.path.read_bytes()
        make_unreadable(service.path, "deleted")
        said = app.t("file.cannot_save_now", reason="")
        await until(pilot, lambda: any(n.startswith(said) for n in notifications(app)), "the notice")
        service.path.write_bytes(good)
        await until(pilot, lambda: app.t("file.readable_again") in notifications(app), "readable again")
        await pilot.pause(0.3)
        assert len([n for n in notifications(app) if n.startswith(said)]) == 1
        assert notifications(app).count(app.t("file.readable_again")) == 1
