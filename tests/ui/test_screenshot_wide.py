"""A screenshot reads as the screen: wide letters two cells wide, spaces at a run's start kept."""

from __future__ import annotations

import html
import re

from rich.cells import cell_len

from facilitator.core.library import SessionLibrary
from facilitator.ui.screenshot import as_on_screen

from .helpers import MakeApp, until
from .test_placement import make_session, open_placement

RUN = re.compile(r'<text [^>]*?x="([0-9.]+)"[^>]*?textLength="([0-9.]+)"[^>]*>([^<]*)</text>')


def wide_name(number: int) -> str:
    """An 80-character party name: CJK, emoji, Estonian letters and brackets."""
    return f"{number:02d} 漢字😀Šž Õunapuu[{number}] {'漢字😀ŠžÕäöü[b]x ' * 5}"[:80]


async def test_the_placement_screen_screenshot_keeps_the_space_before_a_wide_name(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service = make_session(ui_library, parties=[wide_name(n) for n in range(1, 41)], activities=())
    service.add_activity("Act 漢字😀", party_ids=[p.id for p in service.session.parties])
    activity = service.session.activities[0]
    rungs = service.scenario.rungs
    for party_id in activity.party_ids[:36]:
        service.place(activity.id, party_id, rungs[0].id, rungs[1].id)
    app = make_app(session=service)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: bool(app.screen.query("#board")), "the board")
        screen = await open_placement(app, pilot)
        await until(pilot, lambda: screen.page == "page-placing", "the placing page")
        svg = app.export_screenshot()
    assert 'xml:space="preserve"' in svg.split(">", 1)[0]  # librsvg dropped a run's leading spaces
    runs = [(float(x), float(length), html.unescape(text)) for x, length, text in RUN.findall(svg)]
    char_width = next(length / len(text) for _, length, text in runs if text.isascii())
    for _, length, text in runs:
        if text.isascii():
            continue  # one cell a letter: as Rich wrote it
        assert abs(length - char_width * cell_len(text)) < 0.01, text  # as wide as on screen
    after_placed = [text for _, _, text in runs if text.startswith("\xa0\xa036")]
    assert after_placed, "the run after '✓ placed' starts with its two spaces"


def test_only_runs_with_wide_letters_change() -> None:
    svg = (
        '<svg class="rich-terminal" xmlns="http://www.w3.org/2000/svg">'
        '<text class="r1" x="0" y="20" textLength="24.4">ab</text>'
        '<text class="r2" x="24.4" y="20" textLength="36.6">&#160;漢😀</text></svg>'
    )
    fixed = as_on_screen(svg)
    assert fixed.startswith('<svg xml:space="preserve" class="rich-terminal"')
    assert 'textLength="24.4">ab<' in fixed
    assert 'textLength="61">&#160;漢😀<' in fixed  # five cells, not three
    assert as_on_screen(fixed) == fixed
