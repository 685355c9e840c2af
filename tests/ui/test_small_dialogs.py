"""Every dialog fits an 80×24 terminal or scrolls: each field and button can be reached."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Input

from facilitator.core.dates import shown_date
from facilitator.core.service import SessionService
from facilitator.ui.dialogs.actions import ActionDialog
from facilitator.ui.dialogs.activity import ActivityDialog
from facilitator.ui.dialogs.common import NewSessionDialog
from facilitator.ui.dialogs.expectations import ExpectationDialog
from facilitator.ui.dialogs.export import ExportDialog
from facilitator.ui.dialogs.roles import RoleDialog
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.screens.workshop import WorkshopScreen

from .helpers import MakeApp, focus, screen_shown, until


async def reachable(pilot: Pilot[int], widget: Widget) -> None:
    """Focusing the widget brings it on screen, where a click at its centre lands on it."""
    await focus(pilot, widget)

    def shown() -> bool:
        region = widget.region
        if not region or not pilot.app.screen.region.contains_region(region):
            return False
        hit, _ = pilot.app.screen.get_widget_at(*region.center)
        return hit is widget or widget in hit.ancestors_with_self

    await until(pilot, shown, f"{widget} on screen")


async def test_new_workshop_dialog_reachable_at_80x24_with_the_date_as_labelled(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    app = make_app(lang="et")
    async with app.run_test(size=(80, 24)) as pilot:
        await screen_shown(pilot, HomeScreen)
        await pilot.press("n")
        dialog = await screen_shown(pilot, NewSessionDialog)
        assert dialog.query_one("#date", Input).value == shown_date(dt.date.today().isoformat(), "et")
        dialog.query_one("#title", Input).value = "Väike ekraan"
        facilitator = dialog.query_one("#facilitator", Input)
        await reachable(pilot, facilitator)
        await pilot.press(*"Mari")
        create = dialog.query_one("#create", Button)
        await reachable(pilot, create)
        await pilot.click(create)
        screen = await screen_shown(pilot, WorkshopScreen)
        assert screen.service.session.info.facilitator == "Mari"


DIALOGS: dict[str, Callable[[SessionService], Screen[Any]]] = {
    "activity": lambda s: ActivityDialog(s.session),
    "export": lambda s: ExportDialog(s),
    "expectation": lambda s: ExpectationDialog(
        [(p.id, p.name) for p in s.session.parties], [s.session.parties[0].id], None, None
    ),
    "action": lambda s: ActionDialog(
        [(p.id, p.name) for p in s.session.parties], [s.session.parties[0].id], None, editing=True
    ),
    "role": lambda s: RoleDialog(s.session.scenario.roles, "Police", "Patrols", None),
}


@pytest.mark.parametrize("kind", sorted(DIALOGS))
async def test_every_button_of_a_dialog_is_reachable_at_80x24(
    make_app: MakeApp, demo_session: SessionService, kind: str
) -> None:
    app = make_app(demo_session)
    async with app.run_test(size=(80, 24)) as pilot:
        await screen_shown(pilot, WorkshopScreen)
        dialog = DIALOGS[kind](demo_session)
        app.push_screen(dialog)
        await until(pilot, lambda: app.screen is dialog and bool(dialog.query(Button)), kind)
        for button in dialog.query(Button):
            if button.display and button.focusable:
                await reachable(pilot, button)


async def test_export_labels_stand_apart_from_their_values_in_projector_mode(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    app = make_app(demo_session, lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        await screen_shown(pilot, WorkshopScreen)
        await pilot.press("f8")
        await until(pilot, lambda: app.has_class("-projector"), "projector mode")
        app.screen.set_focus(None)
        await pilot.press("ctrl+e")
        dialog = await screen_shown(pilot, ExportDialog)
        await pilot.pause()
        for label_id, value_id in (
            ("export-format-label", "export-format"),
            ("export-lang-label", "export-lang"),
            ("export-public-label", "export-public"),
        ):
            label, value = dialog.query_one(f"#{label_id}"), dialog.query_one(f"#{value_id}")
            assert value.region.x - label.region.right >= 1, f"{label_id} runs into its value"


def on_screen(pilot: Pilot[int], widget: Widget) -> bool:
    """The widget is drawn where the screen shows it (not scrolled out of its dialog)."""
    region = widget.region
    if not region or not pilot.app.screen.region.contains_region(region):
        return False
    hit, _ = pilot.app.screen.get_widget_at(*region.center)
    return hit is widget or widget in hit.ancestors_with_self


async def test_why_a_new_workshop_is_refused_is_shown_at_80x24(make_app: MakeApp) -> None:
    """A date it can't read: the line saying so sits under the last field, below the fold at
    80×24, so enter only moved the focus to the date and nothing said why. Now the line is
    brought into view, with the date field it is about."""
    app = make_app(lang="et")
    async with app.run_test(size=(80, 24)) as pilot:
        await screen_shown(pilot, HomeScreen)
        await pilot.press("n")
        dialog = await screen_shown(pilot, NewSessionDialog)
        date = dialog.query_one("#date", Input)
        await focus(pilot, date)
        date.value = "31.02.2026"
        await focus(pilot, dialog.query_one("#title", Input))
        await pilot.press(*"Väike ekraan", "enter")
        problem = dialog.query_one("#problem")
        await until(pilot, lambda: date.has_focus and on_screen(pilot, problem), "the reason in view")
        assert on_screen(pilot, date)
        assert "kuupäev" in str(problem.render()).lower()
        # The CLI's words (one rule): the form was right, the day is not in the calendar.
        assert "„31.02.2026“ ei ole kuupäev" in str(problem.render())
