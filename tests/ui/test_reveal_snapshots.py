"""Snapshots of the room-size reveal at 120×40: the ladder picture in the normal theme and projector mode.

Ids are counted and nothing on the screen shows a date or a running clock, so the pictures
are the same every run. Update with `pytest tests/ui/test_reveal_snapshots.py --snapshot-update`
and look at the SVGs before committing.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from unittest.mock import patch

import pytest
from textual.pilot import Pilot

from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService
from facilitator.ui.app import create_app
from facilitator.ui.screens.placement import PlacementScreen

from .helpers import until

SIZE = (120, 40)
SnapCompare = Callable[..., bool]
ROOM = (
    ("Police", ("communication", "cooperation")),
    ("Town government", ("cooperation", "collaboration")),
    ("Youth workers", ("communication", "coordination")),
    ("Residents' association of the old town", ("communication", "cooperation")),
    ("[b]x[/b] School", ("coordination", "collaboration")),
    ("[@click=app.quit]", None),
    ("Social workers", ("cooperation", "cooperation")),
)


@pytest.fixture
def room(tmp_path: Path) -> Iterator[tuple[SessionLibrary, SessionService]]:
    """Seven parties, six placed and one not, revealed; the placement screen open on it."""
    counter = itertools.count(1)

    def counted_id(nbytes: int = 4) -> str:
        return f"{next(counter):08x}"

    with (
        patch("facilitator.core.service.new_id", counted_id),
        patch("facilitator.core.library.new_id", counted_id),
    ):
        library = SessionLibrary(tmp_path / "data")
        scenario = find_scenario("community-safety")
        service = library.create(scenario, "Old town safety partners", date="2026-03-12")
        parties = [(service.add_party(name), placed) for name, placed in ROOM]
        walks = service.add_activity(
            "Joint safety walks in the old town", party_ids=[party for party, _ in parties]
        )
        for party, placed in parties:
            if placed is not None:
                service.place(walks, party, *placed)
        service.reveal(walks)
        service.set_phase(next(p.id for p in scenario.agenda if p.kind == "place"))
        service.open_placement(walks)
        yield library, service


async def settle(pilot: Pilot[int]) -> None:
    """Until the reopened placement screen shows the revealed round."""

    def revealed() -> bool:
        screen = pilot.app.screen
        return isinstance(screen, PlacementScreen) and screen.page == "page-revealed"

    await until(pilot, revealed, "the reveal")
    await pilot.pause()


@pytest.mark.parametrize("projector", [False, True], ids=["normal", "projector"])
def test_room_size_reveal(
    snap_compare: SnapCompare, room: tuple[SessionLibrary, SessionService], projector: bool
) -> None:
    library, service = room

    async def open_it(pilot: Pilot[int]) -> None:
        await settle(pilot)
        if projector:
            await pilot.press("f8")
            await pilot.pause()

    app = create_app(library, session_path=service.path, lang="en")
    assert snap_compare(app, terminal_size=SIZE, run_before=open_it)
