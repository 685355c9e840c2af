"""A terminal squeezed very small (a split pane dragged narrow) never closes the app."""

from __future__ import annotations

from facilitator.core.service import SessionService
from facilitator.ui.screens.placement import PlacementScreen

from .helpers import MakeApp, screen_shown, until, workshop_shown


async def test_the_placement_screen_survives_a_14_column_terminal(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    """Its rung pickers got no width for their text, Textual's wrapping divided by zero and
    the app closed with a traceback. Every list now keeps a few cells."""
    app = make_app(demo_session)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await workshop_shown(pilot)
        screen.action_go_phase("place")
        await pilot.pause()
        await pilot.press("enter")
        await screen_shown(pilot, PlacementScreen)
        for size in ((14, 6), (10, 5), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.press("down", "tab")
            await pilot.pause()
        await until(pilot, lambda: app._exception is None and app.is_running, "the app still running")
        assert isinstance(app.screen, PlacementScreen)
