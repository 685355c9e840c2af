"""Small wrongs of issue 10: what a card and an activity say, drags that ask, the demo, screenshots."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.core.demo import create_demo, find_demo
from facilitator.core.i18n import Translator
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService
from facilitator.ui import app as app_module
from facilitator.ui.dialogs.common import ConfirmDialog
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.screens.workshop import WorkshopScreen
from facilitator.ui.views.agree import AgreeView
from facilitator.ui.views.board import card_status
from facilitator.ui.widgets.ladder_columns import TRAY

from .helpers import MakeApp, notifications, open_view, until
from .test_board import board_of, card_offset, fresh, make_session

T = Translator("en")


def test_a_card_moved_directly_says_so_and_one_without_parties_is_not_aligned(
    ui_library: SessionLibrary,
) -> None:
    service = make_session(ui_library)
    first = service.session.activities[0]
    scenario = service.scenario
    assert card_status(scenario, first, (), T)[0] == "○ not placed"
    service.agree(first.id, current="cooperation")  # u/d or a drag: no round was placed
    moved = service.session.activity(first.id)
    assert card_status(scenario, moved, (), T) == ("✓ agreed directly", "agreed")
    lonely = service.add_activity("Nobody yet")
    assert card_status(scenario, service.session.activity(lonely), (), T)[0] == "∅ no parties yet"


async def test_the_agree_list_says_no_parties_yet(make_app: MakeApp, empty_session: SessionService) -> None:
    empty_session.add_activity("Nobody yet")
    app = make_app(empty_session)
    async with app.run_test(size=(160, 45)) as pilot:
        view = await open_view(app, pilot, "agree", AgreeView)
        line = str(view.query_one("#agree-activities").get_option_at_index(0).prompt)
        assert "no parties yet" in line and "aligned" not in line


async def test_dragging_a_card_whose_placements_differ_asks_first(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service = make_session(ui_library)
    activity = service.session.activities[0]
    police, youth = activity.party_ids
    service.place(activity.id, police, "communication", "cooperation")
    service.place(activity.id, youth, "coordination", "coordination")
    service.reveal(activity.id)
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        board = board_of(app)
        for answer in ("escape", "y"):
            await pilot.mouse_down(board, offset=card_offset(board, TRAY, 0))
            await pilot.mouse_up(board, offset=card_offset(board, "collaboration", 0))
            await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
            assert "2 different rungs" in str(app.screen.query_one(".dialog-message").render())
            await pilot.press(answer)
            await until(pilot, lambda: isinstance(app.screen, WorkshopScreen), "the board")
            agreed = fresh(service).session.activity(activity.id).agreed_current
            assert agreed == (None if answer == "escape" else "collaboration")


async def test_m_opens_the_demo_made_before(make_app: MakeApp, ui_library: SessionLibrary) -> None:
    scenario = find_scenario("community-safety")
    demo = create_demo(ui_library, scenario)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, WorkshopScreen), "the demo")
        assert app.screen.service.path == demo.path  # type: ignore[attr-defined]
    assert len(ui_library.list()) == 1
    assert find_demo(ui_library, scenario) is not None


async def test_a_screenshot_without_a_downloads_folder_goes_to_the_data_folder(
    make_app: MakeApp, ui_library: SessionLibrary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module.platformdirs, "user_downloads_path", lambda: tmp_path / "no-such-folder")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.deliver_screenshot()
        folder = ui_library.data_dir / "screenshots"
        await until(pilot, lambda: any(folder.glob("*.svg")), "the screenshot")
        await until(pilot, lambda: any(str(folder) in m for m in notifications(app)), "where it went")
        assert any(m.startswith("Saved the screenshot to ") for m in notifications(app))
        assert not any(m.startswith("Saved screenshot") for m in notifications(app))  # Textual's own
