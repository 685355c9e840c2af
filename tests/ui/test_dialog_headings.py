"""A dialog says what it is while you fill it in: on an 80×24, a 56×18 or even a 40×12 terminal
its heading stays on screen whichever field has the focus, and so do its buttons (a long form
scrolls between them), also after F7 changed the length of every text in it.

The new-workshop dialog scrolled as a whole: tabbing to its last fields took the heading ("New
workshop") off the top, and the user was left with a column of fields and no name for them. The
choice and add-menu dialogs still did at 56×18, and every dialog could after F7 (its body kept
the height the texts of the other language had left it). At 40×12 every form scrolled as a whole
again: its body kept at least three rows, and the buttons (three rows each) and the air around
them left it fewer; now the buttons are one row high there, the air goes, the body keeps one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget

from facilitator.core.library import SessionSummary
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService
from facilitator.ui.dialogs.actions import ActionDialog, AddMenu
from facilitator.ui.dialogs.activity import ActivityDialog, ExamplesDialog
from facilitator.ui.dialogs.common import ChoiceDialog, ConfirmDialog, NewSessionDialog, TextPromptDialog
from facilitator.ui.dialogs.expectations import AnswerDialog, ExpectationDialog
from facilitator.ui.dialogs.export import ExportDialog
from facilitator.ui.dialogs.fields import FieldsDialog
from facilitator.ui.dialogs.help import HelpScreen
from facilitator.ui.dialogs.roles import CommitmentDialog, RoleDialog
from facilitator.ui.screens.compare import CompareWithDialog
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


def _compare(s: SessionService) -> CompareWithDialog:
    summary = SessionSummary(id=s.path.stem, path=s.path, title="Demo", activities=12)
    return CompareWithDialog(summary, [replace(summary, id=f"other-{n}") for n in range(12)])


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
    "confirm": lambda s: ConfirmDialog("Delete the workshop? " * 12, "button.yes"),
    "compare with": _compare,
}
"""Every kind of dialog (the help screen, which lists keys, is `test_help_*` below)."""


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


async def tab_through(pilot: Pilot[int], dialog: Screen[Any], what: str) -> None:
    """Tab from control to control: the heading and the buttons stay drawn whole throughout."""
    heading = dialog.query_one(".dialog-title, .dialog-message")  # a confirmation's message is its heading
    assert len(dialog.query(".dialog-body")) == 1, f"{what}: one part that scrolls, the rest stays"
    buttons = list(dialog.query(".dialog-buttons"))
    seen: list[Widget] = []
    for _ in range(40):
        focused = pilot.app.focused
        if focused is None or focused in seen:
            break
        seen.append(focused)
        await pilot.pause()
        assert drawn(pilot, heading), f"{what}: heading gone with the focus on {focused}"
        for row in buttons:
            assert drawn(pilot, row), f"{what}: buttons gone with the focus on {focused}"
        await pilot.press("tab")
        await pilot.pause()
    assert seen, what


@pytest.mark.parametrize("kind", sorted(DIALOGS))
@pytest.mark.parametrize(
    ("size", "language"),
    [((80, 24), "en"), ((56, 18), "et"), ((40, 12), "et")],
    ids=["80x24-en", "56x18-et", "40x12-et"],
)
async def test_the_heading_and_buttons_stay_in_view_whatever_has_the_focus(
    make_app: MakeApp, demo_session: SessionService, kind: str, size: tuple[int, int], language: str
) -> None:
    app = make_app(demo_session, lang=language)
    async with app.run_test(size=size) as pilot:
        await screen_shown(pilot, WorkshopScreen)
        dialog = DIALOGS[kind](demo_session)
        app.push_screen(dialog)
        await until(pilot, lambda: app.screen is dialog and dialog.is_mounted, kind)
        await pilot.pause()
        await tab_through(pilot, dialog, kind)
        for other in ("et", "en") if language == "en" else ("en", "et"):  # other texts, other heights
            await pilot.press("f7")
            await until(pilot, lambda: app.language == other, f"{kind} in {other}")  # noqa: B023
            await pilot.pause()
            await tab_through(pilot, dialog, f"{kind} after F7 to {other}")
        assert app.screen is dialog


@pytest.mark.parametrize("size", [(80, 24), (56, 18), (40, 12)], ids=["80x24", "56x18", "40x12"])
async def test_help_keeps_its_heading_and_close_button_in_view(
    make_app: MakeApp, demo_session: SessionService, size: tuple[int, int]
) -> None:
    app = make_app(demo_session)
    async with app.run_test(size=size) as pilot:
        await screen_shown(pilot, WorkshopScreen)
        await pilot.press("f1")
        dialog = await screen_shown(pilot, HelpScreen)
        for language in ("en", "et", "en"):
            await until(pilot, lambda: app.language == language, language)  # noqa: B023
            await pilot.pause()
            assert drawn(pilot, dialog.query_one(".dialog-title")), f"help's heading in {language}"
            assert drawn(pilot, dialog.query_one("#close")), f"help's Close in {language}"
            await pilot.press("f7")
