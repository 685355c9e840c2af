"""Snapshots at 120×40 of what was cut there: the demo's thirteen parties in the overview's
matrices, and the review's timeline with the selected change said whole.

Ids and times are fixed. Run `pytest --snapshot-update` after an intended change and look
at the pictures (save_screenshot → rsvg-convert → PNG).
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from facilitator.core.demo import create_demo
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.ui.app import create_app

SIZE = (120, 40)


def demo_library(tmp_path: Path) -> tuple[SessionLibrary, Path]:
    counter = itertools.count(1)
    library = SessionLibrary(
        tmp_path / "data",
        clock=lambda: "2026-12-07T09:00:00.000+00:00",
        ids=lambda: f"s{next(counter):07d}",
    )
    service = create_demo(library, find_scenario("kogukondlik-turvalisus"))
    return library, service.path


def test_overview_partnerships_of_thirteen_parties(snap_compare: Any, tmp_path: Path) -> None:
    library, path = demo_library(tmp_path)
    app = create_app(library, session_path=path, lang="et")

    async def run_before(pilot: Pilot[Any]) -> None:
        pilot.app.screen.set_focus(None)
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        pilot.app.clear_notifications()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_overview_roles_of_thirteen_parties(snap_compare: Any, tmp_path: Path) -> None:
    library, path = demo_library(tmp_path)
    app = create_app(library, session_path=path, lang="en")

    async def run_before(pilot: Pilot[Any]) -> None:
        pilot.app.screen.set_focus(None)
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        pilot.app.clear_notifications()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
