"""The selected activity has one owner: the workshop screen, which every view follows and one
debounced writer saves to this device's state."""

from __future__ import annotations

from textual.widgets import DataTable

from facilitator.core.service import SessionService
from facilitator.ui.screens.workshop import SAVE_SELECTION_SECONDS, WorkshopScreen
from facilitator.ui.views.agree import AgreeView
from facilitator.ui.views.collect import CollectView

from .helpers import MakeApp, focus, open_view, until


async def test_moving_the_cursor_selects_at_once_and_saves_once_it_rests(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    ids = [empty_session.add_activity(title) for title in ("One", "Two", "Three", "Four")]
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_view(app, pilot, "collect", CollectView)
        screen = app.screen
        assert isinstance(screen, WorkshopScreen)
        await focus(pilot, view.query_one(DataTable))
        writes = view.service.device.writes
        await pilot.press("down", "down", "down")
        await pilot.pause()
        assert screen.selected_activity == ids[3]  # held by the workshop at once
        assert all(v.selection == ids[3] for v in screen.query(CollectView))  # passed down
        await pilot.pause(SAVE_SELECTION_SECONDS * 2)
        await until(pilot, lambda: view.service.view_state.get("selected_activity") == ids[3], "saved")
        assert view.service.device.writes - writes == 1  # three moves, one write
        # Another view shows the same activity.
        screen.action_go_phase(next(p.id for p in screen.agenda if p.kind == "agree"))
        await until(pilot, lambda: bool(screen.query(AgreeView)) and screen.query_one(AgreeView).is_mounted)
        await until(
            pilot, lambda: screen.query_one(AgreeView).activity_id == ids[3], "the agree view follows"
        )
