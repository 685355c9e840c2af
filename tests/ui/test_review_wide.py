"""The review dashboard side by side (200×60): no section loses its last line."""

from __future__ import annotations

import pytest

from facilitator.core.library import SessionLibrary
from facilitator.core.service import SessionService
from facilitator.ui.app import create_app
from facilitator.ui.screens.review import ReviewScreen
from facilitator.ui.widgets.linelist import LineList

from .helpers import screen_shown, until
from .test_review import build


@pytest.mark.parametrize("which", ["small", "demo"])
async def test_every_signoff_row_and_the_whole_mismatch_show_at_200x60(
    ui_library: SessionLibrary, demo_session: SessionService, empty_session: SessionService, which: str
) -> None:
    service = demo_session if which == "demo" else empty_session
    if which == "small":
        build(service)
    app = create_app(ui_library, review_path=service.path, lang="et")
    async with app.run_test(size=(200, 60)) as pilot:
        screen = await screen_shown(pilot, ReviewScreen)
        listing = screen.query_one("#review-signoff", LineList)
        await until(pilot, lambda: listing.region.height == len(listing.rows) >= 2, "sign-off rows")
        await pilot.pause()
        for section in screen.query(".review-section"):
            for child in section.children:
                if child.display:
                    assert child.region.bottom <= section.region.bottom, f"{child.id} cut off"
        detail = screen.query_one("#review-mismatch-detail")
        text = str(detail.render())
        assert detail.region.height >= len(text.splitlines())
