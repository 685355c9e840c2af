"""Helpers shared by the pilot tests of the workshop views."""

from __future__ import annotations

import contextlib
import unicodedata
from collections.abc import AsyncIterator, Callable
from typing import Any, TypeVar

from textual import events
from textual.keys import KEY_NAME_REPLACEMENTS
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import ContentSwitcher, DataTable

from facilitator.core.model import Session
from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.screens.workshop import WorkshopScreen

MakeApp = Callable[..., FacilitatorApp]
HOSTILE = "[@click=app.quit]x [b]bold[/b] [red]"
ViewType = TypeVar("ViewType", bound=Widget)
ScreenType = TypeVar("ScreenType", bound=Screen[Any])


@contextlib.asynccontextmanager
async def phones_joined(
    app: FacilitatorApp, service: SessionService, parties: list[str]
) -> AsyncIterator[None]:
    """The app's participants' server running, with one admitted phone joined per entry of
    `parties` (a party twice: two phones)."""
    from facilitator.web.joining import JoinDesk
    from facilitator.web.running import WebServer

    desk = JoinDesk(code="ABC234")
    for number, party in enumerate(parties, start=7):
        device, _token = desk.join("ABC234", f"10.0.0.{number}")
        desk.choose_party(device, party, f"Phone {number}")
    server = WebServer(service, desk)
    await server.start("127.0.0.1", 0)
    app.participants = server
    try:
        yield
    finally:
        await server.stop()
        app.participants = None


def row_top(table: DataTable[object], row: int) -> int:
    """Lines from the first row's top to `row`'s: rows that wrap are taller than one line."""
    return sum(table.rows[table.coordinate_to_cell_key((n, 0)).row_key].height for n in range(row))


def fresh(service: SessionService) -> Session:
    """The session as saved on disk, read by a service of its own."""
    return SessionService(service.path).session


def notifications(app: FacilitatorApp) -> list[str]:
    return [n.message for n in app._notifications]


async def focus(pilot: Pilot[int], widget: Widget) -> None:
    """Focus a widget and wait until it has the focus (focusing is deferred by Textual)."""
    widget.focus()
    await until(pilot, lambda: widget.has_focus, f"{widget} to get the focus")


async def settle(pilot: Pilot[int], view: Widget) -> None:
    """Wait until the shown view has put the focus where it starts."""

    def inside() -> bool:
        focused = pilot.app.focused
        return focused is not None and view in focused.ancestors

    await until(pilot, inside, f"{view} to take the focus")


async def open_view(
    app: FacilitatorApp, pilot: Pilot[int], phase_id: str, view_type: type[ViewType]
) -> ViewType:
    """Wait for the workshop, go to a phase and wait until its view has the focus."""
    screen = await workshop_shown(pilot)
    screen.action_go_phase(phase_id)
    await until(pilot, lambda: bool(screen.query(view_type)), f"{view_type.__name__} built")  # on first visit
    view = screen.query_one(view_type)
    await settle(pilot, view)
    return view


async def until(pilot: Pilot[int], check: Callable[[], object], what: str = "condition") -> None:
    """The one wait of the tests: until `check()` is true (a product timer, a worker, a deferred
    focus or layout), never for a fixed time. Five seconds at most, then the test fails naming `what`."""
    for _ in range(250):
        if check():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"timed out waiting for {what}")


async def screen_shown(pilot: Pilot[int], kind: type[ScreenType]) -> ScreenType:
    """Wait until a screen of `kind` is on top, and return it."""
    await until(pilot, lambda: isinstance(pilot.app.screen, kind), kind.__name__)
    screen = pilot.app.screen
    assert isinstance(screen, kind)
    return screen


async def workshop_shown(pilot: Pilot[int]) -> WorkshopScreen:
    """Wait until the workshop is on top and shows the phase it opened on."""

    def shown() -> bool:
        screen = pilot.app.screen
        return isinstance(screen, WorkshopScreen) and screen.query_one(ContentSwitcher).current is not None

    await until(pilot, shown, "the workshop")
    return await screen_shown(pilot, WorkshopScreen)


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


def key_event(key: str) -> events.Key:
    """The key event a terminal sends for `key`: a character ("õ", ",", " ") or a key's name."""
    if len(key) == 1:
        name = key if key.isalnum() else unicodedata.name(key).lower().replace(" ", "_").replace("-", "_")
        return events.Key(KEY_NAME_REPLACEMENTS.get(name, name), key)
    return events.Key(key, None)


async def burst(pilot: Pilot[int], keys: str | list[str]) -> None:
    """Keys that reach the app together, all taken off the terminal before the first is handled:
    a paste without bracketed paste, a fast typist's rolled keys, keys typed while the app was
    busy. (`pilot.press` waits for each key to be handled: it never sees this.)"""
    for key in keys:
        pilot.app.post_message(key_event(key))
    await pilot.pause()
