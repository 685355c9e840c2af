"""Keys, pastes and clicks that arrive together are handled in order, each where the ones
before it left the focus (`ui/key_order.py`). The typing views', the role grid's and the
fields dialog's bursts are tested beside them (test_typing_views, test_role_grid, test_agree)."""

from __future__ import annotations

from textual import events
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button

from facilitator.core.service import SessionService
from facilitator.ui.dialogs.fields import FieldsDialog

from .helpers import MakeApp, burst, key_event, palette_found, screen_shown, until, workshop_shown
from .test_agree import back_to_view, build, fresh, open_agree


def click_events(widget: Widget) -> list[events.MouseDown | events.MouseUp]:
    """A click as the terminal sends it (down, up: the app makes the click), on `widget`."""
    x, y = widget.region.x + 1, widget.region.y
    where = {"x": x, "y": y, "delta_x": 0, "delta_y": 0, "button": 1, "shift": False, "meta": False}
    return [
        kind(widget=None, **where, ctrl=False, screen_x=x, screen_y=y)
        for kind in (events.MouseDown, events.MouseUp)
    ]


async def test_a_priority_key_and_the_text_after_it_go_to_what_it_opened(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    """ctrl+p (a key the app takes itself, followed from the app's queue) and a search typed
    right after it: all of it is the palette's search, none of it the board's keys."""
    app = make_app(demo_session, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await workshop_shown(pilot)
        before = demo_session.path.read_bytes()
        await burst(pilot, ["ctrl+p", *"Projector"])
        await until(pilot, lambda: palette_found(app, "Projector"), "the palette's search")
        assert demo_session.path.read_bytes() == before  # no board key ran


async def test_a_click_behind_typed_keys_waits_for_them(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    """Text typed and Save clicked at once: the click waits its turn, so what is saved is all
    that was typed."""
    w = build(empty_session)
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_agree(app, pilot)
        await pilot.press("f")
        dialog = await screen_shown(pilot, FieldsDialog)
        await until(
            pilot, lambda: app.focused is not None and app.focused.screen is dialog, "a field focused"
        )
        save = dialog.query_one("#save", Button)
        await burst_with_click(pilot, "Safer park", save)
        await back_to_view(pilot)
        assert fresh(empty_session).fields_for(w.talks) == {"shared_goals": "Safer park"}


async def burst_with_click(pilot: Pilot[int], text: str, widget: Widget) -> None:
    """`text`'s keys and a click on `widget`, all taken off the terminal together."""
    for character in text:
        pilot.app.post_message(key_event(character))
    for event in click_events(widget):
        pilot.app.post_message(event)
    await pilot.pause()
