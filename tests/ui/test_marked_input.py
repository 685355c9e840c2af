"""A field's text cut at its edge says so while the field is not typed in: setup's place read
"Kaasiku vallamaja (Kaasiku vald on väljamõeldu" as if that were the whole place, and a long
title in a dialog's field was clipped the same way once the focus moved on."""

from __future__ import annotations

from textual.widgets import Input

from facilitator.core.service import SessionService
from facilitator.ui.dialogs.activity import ActivityDialog
from facilitator.ui.screens.workshop import WorkshopScreen

from .helpers import MakeApp, focus, screen_shown, until

LONG = ("Lasnamäe noorte ja eakate ühised jalutuskäigud 🚶‍♀️🏘️ [b]koos[/b] naabrivalvega " * 3)[:200]


def shown(field: Input) -> str:
    return field.render_line(0).text.rstrip()


async def test_a_long_title_ends_in_a_mark_once_the_focus_moves_on(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    activity_id = demo_session.add_activity(LONG.strip(), party_ids=[demo_session.session.parties[0].id])
    app = make_app(demo_session, lang="et")
    async with app.run_test(size=(80, 24)) as pilot:
        await screen_shown(pilot, WorkshopScreen)
        dialog = ActivityDialog(demo_session.session, demo_session.session.activity(activity_id))
        app.push_screen(dialog)
        await until(pilot, lambda: app.screen is dialog and dialog.is_mounted, "the dialog")
        title = dialog.query_one("#activity-title", Input)
        await focus(pilot, title)
        await pilot.press("end")  # typed in at its end: the start scrolled out of sight
        await pilot.press("tab")
        await until(pilot, lambda: not title.has_focus, "the focus on the next field")
        await pilot.pause()
        drawn = shown(title)
        assert drawn.startswith("…") and "[/b] naabrivalvega" in drawn, drawn  # literal, marked on the left
        await pilot.press("shift+tab")
        await until(pilot, lambda: title.has_focus, "the title again")
        await pilot.press("home")
        await pilot.pause()
        await pilot.press("tab")
        await until(pilot, lambda: not title.has_focus, "the focus on the next field")
        await pilot.pause()
        drawn = shown(title)
        assert drawn.startswith("Lasnamäe noorte") and drawn.endswith("…"), drawn  # more to the right
        title.value = "Lühike"
        await pilot.pause()
        assert shown(title) == "Lühike"  # whole: no mark
