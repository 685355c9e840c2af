"""Make the README's pictures of the app from the demo: run from the repository root.

    python docs/screenshots_app.py

The English demo in a temporary folder, the app at 120×40: docs/workshop-board.svg (the
ladder board) and docs/review-dashboard.svg (the review dashboard).
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from facilitator.core.demo import create_demo
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.ui.app import create_app
from facilitator.ui.screens.review import ReviewScreen
from facilitator.ui.screens.workshop import WorkshopScreen

DOCS = Path(__file__).resolve().parent
SIZE = (120, 40)


async def board(library: SessionLibrary, path: Path) -> None:
    app = create_app(library, session_path=path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, WorkshopScreen)
        place = next(p.id for p in screen.agenda if p.kind == "place")
        screen.action_go_phase(place)
        for _ in range(30):
            await pilot.pause(0.05)
        app.save_screenshot(filename="workshop-board.svg", path=str(DOCS))


async def review(library: SessionLibrary, path: Path) -> None:
    app = create_app(library, review_path=path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, ReviewScreen)
        for _ in range(30):
            await pilot.pause(0.05)
        app.save_screenshot(filename="review-dashboard.svg", path=str(DOCS))


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        library = SessionLibrary(Path(folder) / "data")
        service = create_demo(library, find_scenario("community-safety"))
        asyncio.run(board(library, service.path))
        asyncio.run(review(library, service.path))


if __name__ == "__main__":
    main()
