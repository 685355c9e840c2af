"""Review mode's History view: a session in a series, a series of one; by key, click and palette."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Label, TabbedContent

from facilitator.core.demo import create_demo
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.ui.app import FacilitatorApp, create_app
from facilitator.ui.screens.history import HistoryPane
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.screens.review import HISTORY, ReviewScreen
from tests.ui.helpers import screen_shown


def series(library: SessionLibrary) -> list[str]:
    first = create_demo(library, find_scenario("community-safety"))
    second = library.create_from(first.session.id, date="2027-12-06")
    police = first.session.parties[0].id
    second.add_activity("Joint drills", party_ids=[police, second.add_party("Rescue board")])
    third = library.create_from(second.session.id, date="2028-12-04")
    return [first.session.id, second.session.id, third.session.id]


def cells(table: DataTable[object]) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def open_history(app: FacilitatorApp, pilot: Pilot[int], how: str) -> HistoryPane:
    """Show the History view as a user would: its key, a click on its tab, or the palette."""
    await pilot.pause()
    assert isinstance(app.screen, ReviewScreen)
    if how == "key":
        await pilot.press("h")
    elif how == "click":
        await pilot.click(f"#review-tabs Tab#--content-tab-{HISTORY}")
    else:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*app.t("review.key.history"))
        await pilot.pause(0.3)
        await pilot.press("enter")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert app.screen.query_one("#review-tabs", TabbedContent).active == HISTORY
    return app.screen.query_one(HistoryPane)


async def test_the_history_of_a_series_by_key(ui_library: SessionLibrary) -> None:
    ids = series(ui_library)
    app = create_app(ui_library, review_path=ui_library.path_for(ids[-1]), lang="en")
    async with app.run_test(size=(140, 45)) as pilot:
        pane = await open_history(app, pilot, "key")
        check_series_of_three(ui_library, ids, pane)


def check_series_of_three(ui_library: SessionLibrary, ids: list[str], pane: HistoryPane) -> None:
    ladder = cells(pane.query_one("#history-ladder", DataTable))
    assert ladder[0][1:] == ["1", "not agreed", "not agreed"]  # each year places afresh
    drills = next(row for row in ladder if "Joint drills" in row[0])
    assert drills[1] == "not in this workshop" and drills[2] == "not agreed"
    header = [str(c.label) for c in pane.query_one("#history-ladder", DataTable).columns.values()]
    assert header[1:] == [f"1. {ui_library.open(ids[0]).session.info.date}", "2. 2027-12-06", "3. 2028-12-04"]
    pairs = cells(pane.query_one("#history-pairs", DataTable))
    assert "Rescue board" in pairs[1][2] and pairs[2][2] == "—"
    assert not pane.query_one("#history-notice", Label).display


async def test_by_click_and_from_the_palette(ui_library: SessionLibrary) -> None:
    ids = series(ui_library)
    for how in ("click", "palette"):
        app = create_app(ui_library, review_path=ui_library.path_for(ids[1]), lang="et")
        async with app.run_test(size=(140, 45)) as pilot:
            pane = await open_history(app, pilot, how)
            assert pane.history is not None and len(pane.history.sessions) == 2
            steps = pane.query_one("#history-steps", DataTable)
            assert steps.row_count == len(ui_library.open(ids[1]).session.parties)
            assert "2. 06.12.2027" in [str(c.label) for c in steps.columns.values()]


async def test_a_series_of_one_says_so(ui_library: SessionLibrary, tmp_path: Path) -> None:
    alone = create_demo(ui_library, find_scenario("kogukondlik-turvalisus"))
    before = alone.path.read_bytes()
    app = create_app(ui_library, review_path=alone.path, lang="et")
    async with app.run_test(size=(140, 45)) as pilot:
        pane = await open_history(app, pilot, "key")
        notice = str(pane.query_one("#history-notice", Label).render())
        assert "See on sarja esimene töötuba" in notice
    assert alone.path.read_bytes() == before  # review reads only


async def test_the_home_screen_shows_which_session_continues_which(ui_library: SessionLibrary) -> None:
    ids = series(ui_library)
    app = create_app(ui_library, lang="en")
    async with app.run_test(size=(140, 45)) as pilot:
        home = await screen_shown(pilot, HomeScreen)
        table = home.query_one("#sessions", DataTable)
        rows = {str(table.get_cell(key, "id")): str(table.get_cell(key, "continues")) for key in table.rows}
        assert rows[ids[1]] == f"↩ {ids[0]}" and rows[ids[2]] == f"↩ {ids[1]}" and rows[ids[0]] == ""


async def test_a_deleted_middle_workshop_is_said_once(ui_library: SessionLibrary) -> None:
    """A → B → C with B deleted: C continues B, which is gone; not "the first of its series"."""
    first, middle, last = series(ui_library)
    ui_library.delete(middle)
    app = create_app(ui_library, review_path=ui_library.path_for(last), lang="et")
    async with app.run_test(size=(140, 45)) as pilot:
        pane = await open_history(app, pilot, "key")
        notice = str(pane.query_one("#history-notice", Label).render())
        assert f"Töötuba {last} jätkab töötuba {middle}, mida enam pole" in notice
        assert "esimene töötuba" not in notice and first not in notice
    app = create_app(ui_library, lang="et")
    async with app.run_test(size=(140, 45)) as pilot:
        home = await screen_shown(pilot, HomeScreen)
        table = home.query_one("#sessions", DataTable)
        assert str(table.get_cell(last, "continues")) == f"↩ {middle} (enam pole)"
