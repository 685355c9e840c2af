"""Dialogs and help show their whole text: wrapped in the box, never cut mid-sentence."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable

from facilitator.core.i18n import Translator
from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.dialogs.common import ConfirmDialog
from facilitator.ui.dialogs.help import HelpScreen

from .helpers import MakeApp, screen_shown, until

SIZES = [(80, 24), (120, 40)]
TEXTUAL_INTERNALS = ("Focus Next", "Focus Previous", "super+c", "Copy", "Cursor up", "Page Left", "Select")


def shown_text(app: FacilitatorApp, selector: str) -> str:
    """What the terminal shows where the widget is, runs of blanks folded to single spaces."""
    region = app.screen.query_one(selector).region
    strips = app.screen._compositor.render_strips()[region.y : region.bottom]
    lines = ["".join(segment.text for segment in strip.crop(region.x, region.right)) for strip in strips]
    return " ".join(" ".join(lines).split())


async def shown_on_screen(pilot: Pilot[int], screen: Screen[object], selector: str) -> None:
    """Wait until the screen is on top and its widget laid out (a pushed screen is a frame later)."""

    def laid_out() -> bool:
        found = screen.query(selector) if screen.is_current else None
        return bool(found) and found.first().region.height > 0

    await until(pilot, laid_out, f"{selector} shown")
    await pilot.pause()


def folded(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("lang", ["en", "et"])
async def test_a_confirmation_shows_its_whole_consequence(
    make_app: MakeApp, size: tuple[int, int], lang: str
) -> None:
    message = Translator(lang)(
        "setup.remove.confirm", name="Politsei- ja Piirivalveamet", activities=3, people=2, phones=1
    )
    app = make_app(lang=lang)
    async with app.run_test(size=size) as pilot:
        dialog = ConfirmDialog(message, "button.delete")
        app.push_screen(dialog)
        await shown_on_screen(pilot, dialog, ".dialog-message")
        shown = shown_text(app, ".dialog-message")
        # A word wrapped at a hyphen may be split over two lines: compare without the line ends.
        assert folded(message).replace(" ", "") in shown.replace(" ", "")
        assert folded(message.split("?")[-1]).split()[-1] in shown  # the last word: nothing cut


@pytest.mark.parametrize("size", SIZES)
async def test_help_says_its_first_sentence_whole_and_lists_only_our_keys(
    make_app: MakeApp, demo_session: SessionService, size: tuple[int, int]
) -> None:
    app = make_app(demo_session)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        help_screen = await screen_shown(pilot, HelpScreen)
        await shown_on_screen(pilot, help_screen, "#help-intro")
        intro = Translator("en")("help.intro")
        assert folded(intro).replace(" ", "") in shown_text(app, "#help-intro").replace(" ", "")
        table = help_screen.query_one("#help-keys", DataTable)
        rows = [tuple(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]
        actions = {action for _key, action in rows}
        assert rows and "Help" in actions and "Overview" in actions
        for internal in TEXTUAL_INTERNALS:
            assert internal not in actions, rows
        assert not any("super" in key for key, _action in rows)
