"""The summary: counts per rung, the activities, the open actions; selecting an activity for every view."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from rich.text import Text
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import DataTable, Label

from facilitator.core.demo import create_demo
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.screens.workshop import WorkshopScreen
from facilitator.ui.views.summary import ChartRow, RungChart, SummaryView, chart_lines

from .helpers import row_top, until

MakeApp = Callable[..., FacilitatorApp]
HOSTILE = "[@click=app.quit]x [b]bold[/b] [red]"


@dataclass(frozen=True)
class Workshop:
    """A session with known agreements: ids by name."""

    service: SessionService
    ids: dict[str, str]


def build(service: SessionService) -> Workshop:
    """Six activities in every state, three actions (one done)."""
    police = service.add_party("Police")
    town = service.add_party("Town")
    odd = service.add_party(HOSTILE)
    ids = {
        "agreed": service.add_activity("Themed talks", party_ids=[police, town]),
        "differ": service.add_activity("Round table", party_ids=[police, town]),
        "placed": service.add_activity("Health council", party_ids=[police, odd]),
        "none": service.add_activity("Safety plan", party_ids=[town, odd]),
        "unrevealed": service.add_activity("Joint service", party_ids=[police, odd]),
        "hostile": service.add_activity(HOSTILE, party_ids=[town, odd]),
    }
    service.place(ids["agreed"], police, "communication", "cooperation")
    service.place(ids["agreed"], town, "communication", "cooperation")
    service.reveal(ids["agreed"])
    service.agree(ids["agreed"], current="communication", wished="cooperation", note=HOSTILE)
    service.place(ids["differ"], police, "cooperation", "cooperation")
    service.place(ids["differ"], town, "coordination", "cooperation")
    service.reveal(ids["differ"])
    service.place(ids["placed"], police, "cooperation", "coordination")
    service.agree(ids["unrevealed"], current="cooperation", wished="collaboration")
    service.agree(ids["hostile"], current="communication", wished="communication")
    service.add_action("Book the hall", police, activity_id=ids["agreed"], due="2026-12-20")
    service.add_action(HOSTILE, odd, activity_id=ids["hostile"], due="2026-12-01")
    done = service.add_action("Already done", town)
    service.update_action(done, done=True)
    return Workshop(service, ids)


def plain(value: object) -> str:
    if isinstance(value, Label):
        value = value.visual
    if isinstance(value, Text | Content):
        return value.plain
    raise AssertionError(f"not text: {value!r}")


async def open_phase(app: FacilitatorApp, pilot: Pilot[int], phase: str) -> WorkshopScreen:
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, WorkshopScreen)
    screen.action_go_phase(phase)
    await pilot.pause()
    # A view built on first visit takes the focus after its first refresh: wait for it.
    view = screen.query_one(f"#view-{screen.phase_kind(phase)}")
    await until(pilot, lambda: app.focused is not None and view in (app.focused, *app.focused.ancestors))
    return screen


# --------------------------------------------------------------------------- summary


async def test_summary_counts_match_the_session_and_follow_changes(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    workshop = build(empty_session)
    ids = workshop.ids
    app = make_app(session=empty_session)
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await open_phase(app, pilot, "summary")
        view = screen.query_one(SummaryView)
        chart = view.query_one(RungChart)
        assert chart.rows == (
            ChartRow("1. Communication", 2, 1),
            ChartRow("2. Cooperation", 1, 1),
            ChartRow("3. Coordination", 0, 0),
            ChartRow("4. Collaboration", 0, 1),
        )
        drawn = [chart.render_line(y).text for y in range(5)]
        assert "Agreed: now" in drawn[0] and "Agreed: wished" in drawn[0]
        assert drawn[1].startswith(" 1. Communication") or drawn[1].startswith("1. Communication")
        assert "█ 2" in drawn[1] and "▒ 1" in drawn[1]  # the number beside every bar
        assert " 0 " in drawn[3] + " "
        assert plain(view.query_one("#summary-counts", Label)) == (
            "Activities: 6 · agreed: 3 · not agreed yet: 3 · open next steps: 2"
        )

        table = view.query_one("#summary-activities", DataTable)
        assert table.row_count == 6

        def row(name: str) -> list[str]:
            return [plain(cell) for cell in table.get_row(ids[name])]

        # The parties and the note under the title, in its cell: as columns they scrolled sideways.
        assert row("agreed")[1:5] == [
            f"Themed talks\nPolice, Town\nNote: {HOSTILE}",
            "1. Communication",
            "2. Cooperation",
            "✓ agreed",
        ]
        assert row("differ")[2:5] == ["—", "—", "≠ revealed: views differ"]
        assert row("placed")[4] == "• placed 1/2"
        assert row("none")[4] == "○ not placed"
        assert row("hostile")[1] == f"{HOSTILE}\nTown, {HOSTILE}"  # never parsed

        actions = view.query_one("#summary-actions", DataTable)
        assert actions.row_count == 2  # the done one is not open
        first = [plain(cell) for cell in actions.get_row_at(0)]
        assert first == [HOSTILE, HOSTILE, "2026-12-01", HOSTILE]  # soonest first
        assert plain(view.query_one("#summary-actions-heading", Label)) == "Open next steps (2)"

        # A change through the service shows at once.
        screen.service.agree(ids["differ"], current="coordination", wished="collaboration")
        await pilot.pause()
        assert chart.rows[2] == ChartRow("3. Coordination", 1, 0)
        assert chart.rows[3] == ChartRow("4. Collaboration", 0, 2)
        assert row("differ")[2:5] == ["3. Coordination", "4. Collaboration", "✓ agreed"]
        assert plain(view.query_one("#summary-counts", Label)).startswith("Activities: 6 · agreed: 4 ·")

        await pilot.press("f7")
        assert plain(view.query_one("#summary-counts", Label)).startswith("Tegevusi: 6 · kokku lepitud: 4 ·")
        assert [plain(c.label) for c in table.ordered_columns][1] == "Tegevus"
        assert row("agreed")[4] == "✓ kokku lepitud"
        assert row("placed")[4] == "• paigutanud 1/2"
        assert "Kokku lepitud: praegu" in chart.render_line(0).text
        assert app.is_running


async def test_summary_selects_an_activity_by_key_and_by_click(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    ids = build(empty_session).ids
    app = make_app(session=empty_session)
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await open_phase(app, pilot, "summary")
        table = screen.query_one("#summary-activities", DataTable)
        assert app.focused is table
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen.service.view_state["selected_activity"] == ids["differ"]
        # Header, then rows (each as tall as its title and parties): the first click on the third
        # row highlights it, the second selects.
        third = 1 + row_top(table, 2)
        await pilot.click("#summary-activities", offset=(10, third))
        assert table.cursor_row == 2
        await pilot.click("#summary-activities", offset=(10, third))
        await pilot.pause()
        assert screen.service.view_state["selected_activity"] == ids["placed"]
        # The agree view follows the selection made here.
        screen.action_go_phase("agree")
        await until(  # built on first visit, then it shows the session
            pilot, lambda: screen.query("#agree-title") and plain(screen.query_one("#agree-title", Label))
        )
        assert plain(screen.query_one("#agree-title", Label)) == "Health council"


async def test_summary_of_an_empty_session(make_app: MakeApp, empty_session: SessionService) -> None:
    app = make_app(session=empty_session)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_phase(app, pilot, "summary")
        view = screen.query_one(SummaryView)
        assert plain(view.query_one("#summary-counts", Label)).startswith("Activities: 0 ·")
        assert view.query_one("#summary-empty").display
        assert not view.query_one("#summary-activities").display
        assert plain(view.query_one("#summary-actions-heading", Label)) == "No open next steps."


def test_chart_lines_fit_and_scale() -> None:
    rows = [ChartRow("1. Communication", 40, 0), ChartRow("2. Cooperation", 1, 3)]
    for width in (30, 78, 198):
        lines = chart_lines(rows, ("Now", "Wished"), width)
        assert all(line.cell_length <= width for line in lines), width
        assert "40" in lines[1].plain and lines[2].plain.count("█") >= 1  # one is still visible
    assert chart_lines([], ("a", "b"), 80) == []


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_every_column_stays_in_view_its_text_wrapped(
    make_app: MakeApp, ui_library: SessionLibrary, size: tuple[int, int]
) -> None:
    """On a projector at 120×40 the Estonian states (≠ avalikustatud: arvamused erinevad), the
    parties, the notes and the steps' activities ran off the right edge behind a horizontal
    scroll bar. Now every column fits the width, long text wrapped into taller rows; at 80×24
    the chart gives its rows to the list (each row names its rungs)."""
    demo = create_demo(ui_library, find_scenario("kogukondlik-turvalisus"))
    app = make_app(session=demo, lang="et")
    async with app.run_test(size=size) as pilot:
        screen = await open_phase(app, pilot, "summary")
        await pilot.pause()
        for table_id in ("#summary-activities", "#summary-actions"):
            table = screen.query_one(table_id, DataTable)
            assert table.virtual_size.width <= table.scrollable_content_region.width, table_id
        table = screen.query_one("#summary-activities", DataTable)
        states = [plain(cell) for cell in table.get_column("status")]
        table.move_cursor(row=states.index("≠ avalikustatud: arvamused erinevad"))
        await pilot.pause()
        lines = " ".join(table.render_line(y).text for y in range(table.size.height))
        assert all(
            word in lines.split() for word in ("≠", "avalikustatud:", "arvamused", "erinevad")
        )  # wrapped
        assert screen.query_one(RungChart).display == (size == (120, 40))
