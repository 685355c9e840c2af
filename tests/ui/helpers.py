"""Helpers shared by the pilot tests of the workshop views."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import ContentSwitcher

from facilitator.core.model import Session
from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.screens.workshop import WorkshopScreen

MakeApp = Callable[..., FacilitatorApp]
HOSTILE = "[@click=app.quit]x [b]bold[/b] [red]"
ViewType = TypeVar("ViewType", bound=Widget)


def fresh(service: SessionService) -> Session:
    """The session as saved on disk, read by a service of its own."""
    return SessionService(service.path).session


def notifications(app: FacilitatorApp) -> list[str]:
    return [n.message for n in app._notifications]


async def focus(pilot: Pilot[int], widget: Widget) -> None:
    """Focus a widget and wait until it has the focus (focusing is deferred by Textual)."""
    widget.focus()
    for _ in range(50):
        await pilot.pause()
        if widget.has_focus:
            return
    raise AssertionError(f"{widget} did not get the focus")


async def settle(pilot: Pilot[int], view: Widget) -> None:
    """Wait until the shown view has put the focus where it starts."""
    for _ in range(50):
        await pilot.pause()
        focused = pilot.app.focused
        if focused is not None and view in focused.ancestors:
            return
    raise AssertionError(f"{view} did not take the focus")


async def open_view(
    app: FacilitatorApp, pilot: Pilot[int], phase_id: str, view_type: type[ViewType]
) -> ViewType:
    """Wait for the workshop, go to a phase and wait until its view has the focus."""
    screen = None
    for _ in range(50):  # the workshop opens, and first shows the phase it opened on
        await pilot.pause()
        screen = app.screen
        if isinstance(screen, WorkshopScreen) and screen.query_one(ContentSwitcher).current is not None:
            break
    assert isinstance(screen, WorkshopScreen)
    screen.action_go_phase(phase_id)
    for _ in range(50):  # a view built on first visit is mounted a moment later
        if screen.query(view_type):
            break
        await pilot.pause()
    view = screen.query_one(view_type)
    await settle(pilot, view)
    return view


async def until(pilot: Pilot[int], check: Callable[[], bool], what: str = "condition") -> None:
    """Wait for a condition (a product timer, a search, a debounce), never for a fixed time."""
    for _ in range(250):
        if check():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def palette_found(app: FacilitatorApp, title: str) -> bool:
    """The command palette lists a command whose prompt starts with `title`."""
    from textual.command import CommandList

    found = app.screen.query(CommandList)
    if not found:
        return False
    options = found.first(CommandList)
    return any(
        str(options.get_option_at_index(i).prompt).startswith(title) for i in range(options.option_count)
    )
