"""After F7 every label on every screen is whole, at 80×24 and at 120×40.

A button's width is measured from its label when the screen is laid out; a new label only
redrew the button in the old width. After F7 the placement screen's "Record agreement" became
"Salvesta kokkulepe" in 18 columns, drawn as "Salvesta", and so on for a button or two on
nearly every screen (the agree view's bar, the intro's, home's toolbar, the overview's "Go
there ▶"), until something else laid the screen out again.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual import widgets
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget

from facilitator.core.demo import create_demo
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.ui.app import FacilitatorApp, create_app
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.screens.review import ReviewScreen
from facilitator.ui.screens.workshop import WorkshopScreen
from facilitator.ui.widgets.button import Button

from .helpers import screen_shown, until

Step = Callable[[FacilitatorApp, Pilot[int]], Awaitable[object]]


def drawn_text(widget: Widget) -> str:
    return " ".join(widget.render_line(y).text for y in range(widget.size.height))


def cut_labels(screen: Screen[object]) -> list[str]:
    """Every button on screen whose label is not drawn whole, and every widget sized to its
    text (`width: auto`) that is narrower than its text; each Button is the app's own."""
    found: list[str] = []
    for widget in screen.query("*"):
        if not widget.display or not widget.region.area:
            continue
        if isinstance(widget, widgets.Button):
            label = widget.label.plain
            if not isinstance(widget, Button):
                found.append(f"{widget!r} is Textual's Button, whose width does not follow its label")
            elif label not in drawn_text(widget):
                found.append(f"{widget!r} {label!r} drawn as {drawn_text(widget).strip()!r}")
        elif not widget.children and widget.styles.width is not None and widget.styles.width.is_auto:
            parent = widget.parent
            room = parent.content_size if isinstance(parent, Widget) else screen.size
            wanted = widget.get_content_width(room, screen.size)
            if widget.content_region.width < min(wanted, room.width - widget.styles.gutter.width):
                found.append(f"{widget!r}: {widget.content_region.width} columns of {wanted}")
    return found


async def switch_twice(app: FacilitatorApp, pilot: Pilot[int], where: str) -> None:
    """F7 to the other language and back, every label whole after each."""
    screen = app.screen
    await pilot.pause()
    assert cut_labels(screen) == [], f"{where} in {app.language}, before F7"
    for language in ("et", "en") if app.language == "en" else ("en", "et"):
        await pilot.press("f7")
        await until(pilot, lambda: app.language == language, f"F7 to {language} on {where}")  # noqa: B023
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen
        assert cut_labels(screen) == [], f"{where} after F7 to {app.language}"


async def to_phase(app: FacilitatorApp, pilot: Pilot[int], phase: str) -> None:
    screen = await screen_shown(pilot, WorkshopScreen)
    screen.action_go_phase(phase)
    await until(pilot, lambda: screen.phase_id == phase, phase)
    await pilot.pause()


async def press(pilot: Pilot[int], *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()


def key_then_screen(key: str) -> Step:
    async def step(app: FacilitatorApp, pilot: Pilot[int]) -> None:
        before = app.screen
        await press(pilot, key)
        await until(pilot, lambda: app.screen is not before, f"{key}: a screen")

    return step


async def back_to_workshop(app: FacilitatorApp, pilot: Pilot[int]) -> None:
    await press(pilot, "escape")
    await screen_shown(pilot, WorkshopScreen)


async def placement(app: FacilitatorApp, pilot: Pilot[int]) -> None:
    await to_phase(app, pilot, "place")
    await key_then_screen("enter")(app, pilot)


async def home(app: FacilitatorApp, pilot: Pilot[int]) -> None:
    await press(pilot, "escape")
    await screen_shown(pilot, HomeScreen)


async def review(app: FacilitatorApp, pilot: Pilot[int]) -> None:
    await press(pilot, "r")
    await screen_shown(pilot, ReviewScreen)


TOUR: list[tuple[str, Step]] = [
    ("placement", placement),
    ("board again", back_to_workshop),
    ("overview", key_then_screen("f2")),
    ("workshop again", back_to_workshop),
    ("help", key_then_screen("f1")),
    ("workshop after help", back_to_workshop),
    ("export", key_then_screen("ctrl+e")),
    ("workshop after export", back_to_workshop),
    ("home", home),
    ("review", review),
]


@pytest.mark.parametrize(
    ("language", "size"), [("en", (80, 24)), ("et", (120, 40))], ids=["en-80x24", "et-120x40"]
)
async def test_every_label_is_whole_after_f7_on_every_screen(
    ui_library: SessionLibrary, language: str, size: tuple[int, int]
) -> None:
    # (F7 twice on each screen: both languages at both sizes, each reached by a switch.)
    scenario = find_scenario("community-safety" if language == "en" else "kogukondlik-turvalisus")
    demo = create_demo(ui_library, scenario)
    app = create_app(ui_library, session_path=demo.path, lang=language)
    async with app.run_test(size=size) as pilot:
        workshop = await screen_shown(pilot, WorkshopScreen)
        for phase_id in workshop.phase_ids():
            await to_phase(app, pilot, phase_id)
            await switch_twice(app, pilot, f"the phase {phase_id}")
        for where, step in TOUR:
            await step(app, pilot)
            await switch_twice(app, pilot, where)
