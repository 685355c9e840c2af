"""A workshop's title in a one-line header is cut with a mark, never at a word with the rest
hidden on a second line nobody sees ("Ülevaade: Kaasiku ja" was all the overview said)."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Label

from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.ui.app import create_app
from facilitator.ui.screens.overview import OverviewScreen
from facilitator.ui.screens.review import ReviewScreen

from .helpers import MakeApp, screen_shown, workshop_shown
from .test_compare_screen import Pair, open_by_keyboard

TITLE = "Kaasiku ja Kasevälja valla ühine turvalisuse ja heaolu partnerlustöötuba [b]talv[/b] 2026 😀 lõpp"


def shown(widget: Widget) -> str:
    """The widget's one line as drawn, without the padding."""
    return widget.render_line(0).text.strip()


def cut_with_a_mark(line: str, full: str) -> None:
    assert line.endswith("…"), line
    assert full.startswith(line[:-1].rstrip()) or line[:-1].rstrip() in full, line
    assert "[b]" in full and "talv" in full  # (the title is data: markup stays literal where shown)


async def test_the_workshop_header_and_the_overview_cut_a_long_title_with_a_mark(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service = ui_library.create(find_scenario("community-safety"), TITLE)
    app = make_app(session=service, lang="et")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await workshop_shown(pilot)
        await pilot.pause()
        cut_with_a_mark(shown(screen.query_one("#workshop-title", Label)), TITLE)
        await pilot.press("f2")
        overview = await screen_shown(pilot, OverviewScreen)
        await pilot.pause()
        line = shown(overview.query_one("#overview-title", Label))
        assert line.startswith("Ülevaade: Kaasiku"), line  # (the counts beside it keep their room)
        cut_with_a_mark(line, "Ülevaade: " + TITLE)
    wide = make_app(session=service, lang="et")
    async with wide.run_test(size=(200, 40)) as pilot:  # room enough: the whole title, no mark
        screen = await workshop_shown(pilot)
        await pilot.pause()
        assert shown(screen.query_one("#workshop-title", Label)) == TITLE


async def test_the_review_header_cuts_a_long_title_with_a_mark(ui_library: SessionLibrary) -> None:
    service = ui_library.create(find_scenario("community-safety"), TITLE)
    app = create_app(ui_library, review_path=service.path, lang="et")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await screen_shown(pilot, ReviewScreen)
        await pilot.pause()
        cut_with_a_mark(shown(screen.query_one("#review-title", Label)), TITLE)


async def test_the_compare_screen_cuts_long_titles_with_a_mark(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    scenario = find_scenario("community-safety")
    a = ui_library.create(scenario, TITLE, date="2025-12-01")
    b = ui_library.create(scenario, TITLE.replace("2026", "2027"), date="2026-12-01")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_by_keyboard(app, pilot, Pair(a, b, ""))
        await pilot.pause()
        titles = [shown(label) for label in screen.query(".cmp-side-title").results(Label)]
    assert len(titles) == 2
    for line in titles:
        assert line.endswith("…"), titles
