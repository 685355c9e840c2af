"""A session made with `new --from`: the board and the collect list mark what is new this time,
and the collect view lists last time's activities it left out; a session of its own shows none."""

from __future__ import annotations

from textual.widgets import DataTable, Label

from facilitator.core.demo import create_demo
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService
from facilitator.ui.views.board import BoardView
from facilitator.ui.views.collect import CollectView

from .helpers import HOSTILE, MakeApp, open_view, until, workshop_shown


def next_year(library: SessionLibrary) -> tuple[SessionService, str, str]:
    """Last year had an activity (a hostile title) this year drops; this year adds one of its own."""
    first = create_demo(library, find_scenario("community-safety"))
    police = first.session.parties[0].id
    gone = first.add_activity(f"Old patrols {HOSTILE}", party_ids=[police])
    second = library.create_from(first.session.id, date="2027-12-06")
    second.remove_activity(gone)
    new = second.add_activity(f"Joint drills {HOSTILE}", party_ids=[police])
    return second, new, first.session.activities[0].id


async def test_the_board_says_an_activity_is_new_this_time(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    second, new, old = next_year(ui_library)
    app = make_app(second, lang="et")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        place = next(p.id for p in (await workshop_shown(pilot)).agenda if p.kind == "place")
        view = await open_view(app, pilot, place, BoardView)
        detail = view.query_one("#board-detail", Label)
        view.board.select(new, notify=True)
        await until(pilot, lambda: "Joint drills" in str(detail.render()), "the new card's detail")
        shown = str(detail.render())
        assert "seekord uus" in shown
        assert HOSTILE in shown  # the title literally, never markup
        view.board.select(old, notify=True)
        await until(pilot, lambda: "Joint drills" not in str(detail.render()), "the old card's detail")
        assert "seekord uus" not in str(detail.render())


async def test_the_collect_list_marks_new_and_lists_the_left_out(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    second, new, old = next_year(ui_library)
    app = make_app(second)
    for size in ((80, 24), (120, 40)):
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            collect = next(p.id for p in (await workshop_shown(pilot)).agenda if p.kind == "collect")
            view = await open_view(app, pilot, collect, CollectView)
            table = view.query_one("#collect-table", DataTable)
            numbers = {str(table.get_row(k)[0]) for k in (new, old)}
            n_new = [a.id for a in second.session.activities].index(new) + 1
            assert numbers == {f"{n_new} +" if n_new < 100 else f"{n_new}+", "1"}
            line = view.query_one("#collect-series", Label)
            assert line.display and line.region.height >= 1  # on screen, even at 80×24
            shown = str(line.render())
            assert "+ new this time" in shown
            assert f"Last time's activities not carried over: Old patrols {HOSTILE}" in shown
        app = make_app(second)


async def test_a_session_of_its_own_marks_nothing(make_app: MakeApp, demo_session: SessionService) -> None:
    app = make_app(demo_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        collect = next(p.id for p in (await workshop_shown(pilot)).agenda if p.kind == "collect")
        view = await open_view(app, pilot, collect, CollectView)
        table = view.query_one("#collect-table", DataTable)
        assert all("+" not in str(table.get_row_at(i)[0]) for i in range(table.row_count))
        assert not view.query_one("#collect-series", Label).display


async def test_no_legend_for_a_mark_nothing_has(make_app: MakeApp, ui_library: SessionLibrary) -> None:
    """A series where every activity came from last time: no "+ new this time" legend above the
    detail (a tester's finding), and nothing left out: no line at all."""
    first = create_demo(ui_library, find_scenario("community-safety"))
    second = ui_library.create_from(first.session.id, date="2027-12-06")
    app = make_app(second)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        collect = next(p.id for p in (await workshop_shown(pilot)).agenda if p.kind == "collect")
        view = await open_view(app, pilot, collect, CollectView)
        line = view.query_one("#collect-series", Label)
        assert not line.display
        # A new activity brings its mark and the legend.
        second.add_activity("Joint drills", party_ids=[second.session.parties[0].id])
        await until(pilot, lambda: line.display, "the legend")
        assert "+ new this time" in str(line.render())
