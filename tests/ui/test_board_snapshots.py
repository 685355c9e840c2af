"""Snapshots of the ladder board and of the reveal, at 120×40.

The session is built through the service with fixed titles and counted ids, and nothing
on these screens shows a date or a running clock, so the pictures are the same every run.
Update them with `pytest tests/ui/test_board_snapshots.py --snapshot-update` and look at
the SVGs before committing.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp, create_app
from facilitator.ui.widgets.mismatch_badge import MismatchBadge

from .helpers import until

SIZE = (120, 40)
SnapCompare = Callable[..., bool]


@pytest.fixture
def workshop(tmp_path: Path) -> Iterator[tuple[SessionLibrary, SessionService]]:
    """A workshop half-way through placing: some cards agreed, one revealed with a disagreement."""
    counter = itertools.count(1)

    def counted_id(nbytes: int = 4) -> str:
        return f"{next(counter):08x}"

    library = SessionLibrary(tmp_path / "data", ids=counted_id)
    scenario = find_scenario("community-safety")
    service = library.create(scenario, "Keila safety partners", date="2026-03-12", place="Keila")
    police, town, youth, residents = (
        service.add_party(name) for name in ("Police", "Town government", "Youth workers", "Residents")
    )
    talks = service.add_activity("Themed talks at the youth centre", party_ids=[police, youth])
    table = service.add_activity("Youth work round table", party_ids=[town, youth, police])
    commission = service.add_activity("Safety commission meetings", party_ids=[police, town, residents])
    plan = service.add_activity("Joint safety development plan", party_ids=[town, police, residents])
    patrols = service.add_activity("Patrol officers talk with residents", party_ids=[police, residents])
    service.add_activity("Neighbourhood watch [pilot]", party_ids=[residents, police])
    for party, now, wished in (
        (police, "communication", "cooperation"),
        (youth, "communication", "cooperation"),
    ):
        service.place(talks, party, now, wished)
    service.reveal(talks)
    service.agree(talks, current="communication", wished="cooperation")
    for party, now, wished in (
        (town, "cooperation", "coordination"),
        (youth, "cooperation", "cooperation"),
        (police, "communication", "cooperation"),
    ):
        service.place(table, party, now, wished)
    service.reveal(table)
    service.agree(table, current="cooperation", wished="coordination")
    for party in (town, police, residents):
        service.place(plan, party, "collaboration", "collaboration")
    service.reveal(plan)
    service.agree(plan, current="collaboration")
    for party, now, wished in (
        (police, "coordination", "coordination"),
        (town, "communication", "coordination"),
        (residents, "communication", "collaboration"),
    ):
        service.place(commission, party, now, wished)
    service.reveal(commission)
    service.place(patrols, police, "communication", "communication")
    place = next(p.id for p in scenario.agenda if p.kind == "place")
    service.set_phase(place)
    service.set_view_state(selected_activity=commission)
    yield library, service


def app_for(workshop: tuple[SessionLibrary, SessionService]) -> FacilitatorApp:
    library, service = workshop
    return create_app(library, session_path=service.path, lang="en")


async def counted(pilot: Pilot[int]) -> None:
    """The header's mismatch count comes a moment after the first frame: wait for it, not a time."""

    def shown() -> bool:
        badges = pilot.app.screen.query(MismatchBadge)
        return bool(badges) and "…" not in str(badges.first().label)

    await until(pilot, shown, "the mismatch count")
    await pilot.pause()


def test_board_snapshot(snap_compare: SnapCompare, workshop: tuple[SessionLibrary, SessionService]) -> None:
    assert snap_compare(app_for(workshop), terminal_size=SIZE, run_before=counted)


def test_board_snapshot_at_80_by_24(
    snap_compare: SnapCompare, workshop: tuple[SessionLibrary, SessionService]
) -> None:
    """Too narrow for five columns: the tray and one rung, nothing cut in the middle of a word."""
    assert snap_compare(app_for(workshop), terminal_size=(80, 24), run_before=counted)


def test_reveal_snapshot(snap_compare: SnapCompare, workshop: tuple[SessionLibrary, SessionService]) -> None:
    async def open_the_reveal(pilot: Pilot[int]) -> None:
        await counted(pilot)
        await pilot.press("enter")  # the selected card: revealed, parties disagree
        await pilot.pause()

    assert snap_compare(app_for(workshop), terminal_size=SIZE, run_before=open_the_reveal)
