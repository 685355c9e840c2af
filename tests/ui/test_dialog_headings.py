"""A dialog says what it is while you fill it in: on an 80×24 terminal its heading stays on
screen whichever field has the focus, and so do its buttons (a long form scrolls between them).

The new-workshop dialog scrolled as a whole: tabbing to its last fields took the heading ("New
workshop") off the top, and the user was left with a column of fields and no name for them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget

from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService
from facilitator.ui.dialogs.actions import ActionDialog, AddMenu
from facilitator.ui.dialogs.activity import ActivityDialog, ExamplesDialog
from facilitator.ui.dialogs.common import ChoiceDialog, NewSessionDialog, TextPromptDialog
from facilitator.ui.dialogs.expectations import AnswerDialog, ExpectationDialog
from facilitator.ui.dialogs.export import ExportDialog
from facilitator.ui.dialogs.fields import FieldsDialog
from facilitator.ui.dialogs.roles import CommitmentDialog, RoleDialog
from facilitator.ui.screens.workshop import WorkshopScreen
from facilitator.ui.text import literal

from .helpers import MakeApp, screen_shown, until


def _parties(s: SessionService) -> list[tuple[str, str]]:
    return [(p.id, p.name) for p in s.session.parties]


def _fields(s: SessionService) -> FieldsDialog:
    rung = s.session.scenario.rungs[-1]
    return FieldsDialog(rung.name, rung.fields, {}, None)


def _answer(s: SessionService) -> AnswerDialog:
    expectation = s.session.expectations[0]
    return AnswerDialog(expectation, "Police", "Residents")


DIALOGS: dict[str, Callable[[SessionService], Screen[Any]]] = {
    "new workshop": lambda s: NewSessionDialog([find_scenario("community-safety")], "en"),
    "activity": lambda s: ActivityDialog(s.session),
    "examples": lambda s: ExamplesDialog(s.session),
    "export": lambda s: ExportDialog(s),
    "expectation": lambda s: ExpectationDialog(_parties(s), [s.session.parties[0].id], None, None),
    "answer": _answer,
    "action": lambda s: ActionDialog(_parties(s), [s.session.parties[0].id], None, editing=True),
    "commitment": lambda s: CommitmentDialog(_parties(s), [s.session.parties[0].id], None),
    "role": lambda s: RoleDialog(s.session.scenario.roles, "Police", "Patrols", None),
    "fields": _fields,
    "choice": lambda s: ChoiceDialog("Phase", [(literal(p.name), p.id) for p in s.session.parties], None),
    "text prompt": lambda s: TextPromptDialog("setup.parties.rename", "setup.col.party", "Police"),
    "add menu": lambda s: AddMenu(["commitment", "expectation", "action"]),
}


def drawn(pilot: Pilot[int], widget: Widget) -> bool:
    """Every row of the widget is on screen and drawn as itself (not scrolled under another)."""
    region = widget.region
    if not region or not pilot.app.screen.region.contains_region(region):
        return False
    for y in range(region.y, region.bottom):
        hit, _ = pilot.app.screen.get_widget_at(region.x, y)
        if hit is not widget and widget not in hit.ancestors:
            return False
    return True


@pytest.mark.parametrize("kind", sorted(DIALOGS))
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_the_heading_and_buttons_stay_in_view_whatever_has_the_focus(
    make_app: MakeApp, demo_session: SessionService, kind: str, size: tuple[int, int]
) -> None:
    app = make_app(demo_session)
    async with app.run_test(size=size) as pilot:
        await screen_shown(pilot, WorkshopScreen)
        dialog = DIALOGS[kind](demo_session)
        app.push_screen(dialog)
        await until(pilot, lambda: app.screen is dialog and bool(dialog.query(".dialog-title")), kind)
        await pilot.pause()
        heading = dialog.query_one(".dialog-title")
        buttons = list(dialog.query(".dialog-buttons"))
        seen: list[Widget] = []
        for _ in range(40):
            focused = app.focused
            if focused is None or focused in seen:
                break
            seen.append(focused)
            await pilot.pause()
            assert drawn(pilot, heading), f"{kind}: heading gone with the focus on {focused}"
            for row in buttons:
                assert drawn(pilot, row), f"{kind}: buttons gone with the focus on {focused}"
            await pilot.press("tab")
            await pilot.pause()
        assert seen, kind
