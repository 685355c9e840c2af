"""The intro's ladder grows with the screen, so on a projector it fills the page."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.views.intro import Staircase, staircase

from .test_intro import open_intro

MakeApp = Callable[..., FacilitatorApp]
LABELS = ["1  Communication", "2  Cooperation", "3  Coordination", "4  Collaboration"]


@pytest.mark.parametrize(("size", "share"), [((120, 40), 0.4), ((200, 60), 0.55)])
async def test_the_overview_ladder_fills_the_screen(
    make_app: MakeApp, empty_session: SessionService, size: tuple[int, int], share: float
) -> None:
    app = make_app(session=empty_session)
    async with app.run_test(size=size) as pilot:
        view = await open_intro(app, pilot)
        ladder = view.query_one(Staircase)
        assert ladder.region.height >= share * size[1]
        assert ladder.region.width >= 0.6 * size[0]
        # The page still fits: the text under the ladder is on screen without scrolling.
        assert view.query_one("#intro-body").region.bottom <= size[1]
        # Tall steps carry the rung's summary.
        text = "\n".join(
            line.plain for line in staircase(ladder.labels, ladder.size.width, ladder.rows, ladder.notes)
        )
        assert "Information exchange between the parties." in text


async def test_on_a_small_screen_the_ladder_stays_compact(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    app = make_app(session=empty_session)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_intro(app, pilot)
        assert view.query_one(Staircase).region.height == 2 * 4 + 1


def test_tall_steps_are_as_wide_as_the_page_and_keep_their_notes_whole() -> None:
    """A definition cut short is one the room can't read: a step grows by the lines it needs."""
    long = "A longer summary of the rung that will not fit on one line of the step " * 4
    notes = ["Short.", long, "", ""]
    lines = [line.plain for line in staircase(LABELS, 100, 5, notes)]
    assert len(lines) > 5 * 4 + 1  # the long note's step is taller
    assert all(len(line) == 100 for line in lines)
    assert any("Short." in line for line in lines)
    assert not any("…" in line for line in lines)
    said = " ".join(" ".join(line.strip("│┌┐└┘─ ").split()) for line in lines)
    assert " ".join(long.split()) in said


@pytest.mark.parametrize("lang", ["et", "en"])
@pytest.mark.parametrize("projector", [False, True])
async def test_every_page_fits_120x40_whole(
    make_app: MakeApp, empty_session: SessionService, lang: str, projector: bool
) -> None:
    """On the projector the room sees the whole page, not a ladder with the key sentence below
    the fold (a tester's finding: "up, the same or down" was hidden on page 1 at 120x40)."""
    app = make_app(session=empty_session, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        app.projector = projector
        view = await open_intro(app, pilot)
        for page in range(len(view.pages)):
            view.go(page)
            await pilot.pause()
            scroll = view.query_one("#intro-scroll")
            assert scroll.max_scroll_y == 0, (page, view.query_one("#intro-body").plain[-200:])
            assert view.query_one("#intro-body").region.bottom <= 40 - 1
