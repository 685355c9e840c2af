"""Going home from a session opened directly, and opening another: no screen id may clash."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from facilitator.core.library import SessionLibrary
from facilitator.core.service import SessionService
from facilitator.ui.app import create_app
from facilitator.ui.dialogs.common import NewSessionDialog
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.screens.review import ReviewScreen
from facilitator.ui.screens.workshop import WorkshopScreen

from .helpers import MakeApp, screen_shown


async def test_open_then_home_then_open_another(
    make_app: MakeApp, demo_session: SessionService, empty_session: SessionService
) -> None:
    app = make_app(demo_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await screen_shown(pilot, WorkshopScreen)
        await pilot.press("escape")  # the first screen stays under home
        await screen_shown(pilot, HomeScreen)
        await pilot.press("o")  # the newest session: the empty one
        screen = await screen_shown(pilot, WorkshopScreen)
        assert isinstance(screen, WorkshopScreen)
        assert screen.service.path == empty_session.path
        await pilot.press("escape")
        await screen_shown(pilot, HomeScreen)
        await pilot.press("o")  # and again: the screen found on the stack is reused
        await screen_shown(pilot, WorkshopScreen)
        assert app.is_running
    assert app.return_code in (0, None)


async def test_review_then_home_then_review_again(
    ui_library: SessionLibrary, demo_session: SessionService
) -> None:
    # (`facilitator review ID` quits on escape, issue 12: the same path from home, twice.)
    app = create_app(ui_library, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await screen_shown(pilot, HomeScreen)
        await pilot.press("r")
        await screen_shown(pilot, ReviewScreen)
        await pilot.press("escape")
        await screen_shown(pilot, HomeScreen)
        await pilot.press("r")
        await screen_shown(pilot, ReviewScreen)
        assert app.is_running
    assert app.return_code in (0, None)


async def test_open_then_home_then_new_session(make_app: MakeApp, demo_session: SessionService) -> None:
    app = make_app(demo_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await screen_shown(pilot, WorkshopScreen)
        await pilot.press("escape")
        await screen_shown(pilot, HomeScreen)
        await pilot.press("n")
        dialog = await screen_shown(pilot, NewSessionDialog)
        dialog.query_one("#title", Input).value = "Second"
        await pilot.press("enter")
        screen = await screen_shown(pilot, WorkshopScreen)
        assert isinstance(screen, WorkshopScreen)
        assert screen.service.session.info.title == "Second"
        assert app.is_running
    assert app.return_code in (0, None)


class Broken(Exception):
    """Stands for a bug: something nobody expected."""


async def test_an_unexpected_error_goes_to_a_log_not_the_screen(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    app = make_app()

    def explode() -> None:
        raise Broken("sentinel text")

    with pytest.raises(Broken):  # the test harness re-raises it; the app has closed by then
        async with app.run_test() as pilot:
            app.call_later(explode)
            for _ in range(50):
                await pilot.pause()
    assert app.return_code == 1
    assert app.crash_log == ui_library.data_dir / "crash.log"
    log = app.crash_log.read_text(encoding="utf-8")
    assert "Broken: sentinel text" in log and "Traceback" in log
    assert app._exit_renderables == []  # nothing printed over the terminal on exit


def test_the_cli_says_one_line_and_exits_non_zero(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], data_dir: Path
) -> None:
    from facilitator import cli
    from facilitator.ui import app as app_module

    class CrashingApp:
        return_code = 1
        crash_log = data_dir / "crash.log"

        def run(self) -> None:
            return None

    monkeypatch.setattr(app_module, "create_app", lambda *args, **kwargs: CrashingApp())
    assert cli.main([]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "unexpected error" in err and str(data_dir / "crash.log") in err
