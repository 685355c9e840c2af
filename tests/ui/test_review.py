"""Review mode in the app: opened from home and from the factory, read-only, dashboard, timeline."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Label, Select, TabbedContent

from facilitator.core.errors import UserError
from facilitator.core.i18n import Translator
from facilitator.core.library import SessionLibrary
from facilitator.core.matrices import partnership_matrix, rung_counts
from facilitator.core.mismatches import mismatches
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp, create_app
from facilitator.ui.dialogs.help import HelpScreen
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.screens.review import DASHBOARD, TIMELINE, ReviewScreen
from facilitator.ui.screens.timeline import TimelinePane
from facilitator.ui.themes import PROJECTOR
from facilitator.ui.views.summary import RungChart
from facilitator.ui.widgets.linelist import LineList

MakeApp = Callable[..., FacilitatorApp]
HOSTILE = "[@click=app.quit]x [b]bold[/b] [red]"


def build(service: SessionService) -> dict[str, str]:
    """Two parties (one with a markup-like name), two activities, phases, actions; ids by name."""
    phases = [p.id for p in service.scenario.agenda]
    service.set_phase(phases[0])
    ids = {"police": service.add_party("Police"), "odd": service.add_party(HOSTILE)}
    service.set_phase(phases[1])
    ids["talks"] = service.add_activity("Themed talks", party_ids=[ids["police"], ids["odd"]])
    ids["hostile"] = service.add_activity(HOSTILE, party_ids=[ids["police"], ids["odd"]])
    service.set_phase(phases[2])
    service.place(ids["talks"], ids["police"], "communication", "cooperation")
    service.place(ids["talks"], ids["odd"], "cooperation", "cooperation")
    service.reveal(ids["talks"])
    service.agree(ids["talks"], current="communication", wished="cooperation")
    service.place(ids["hostile"], ids["police"], "collaboration", "collaboration")
    service.set_phase(phases[3])
    service.set_role(ids["talks"], ids["police"], "lead")
    service.sign_off(ids["talks"], ids["police"])
    service.add_action("Book the hall", ids["odd"], activity_id=ids["talks"], due="2000-01-01")
    service.add_action("Send the notes", ids["police"], due="2999-01-01")
    return ids


@pytest.fixture
def reviewed(empty_session: SessionService) -> tuple[SessionService, dict[str, str]]:
    return empty_session, build(empty_session)


async def settle(app: FacilitatorApp, pilot: Pilot[int]) -> None:
    """Let the timeline's worker rebuild the board and the screen show it."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def text_of(app: FacilitatorApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Label).render())


def rows_of(line_list: LineList) -> list[str]:
    return [" | ".join(cell.text.strip() for cell in row) for row in line_list.rows]


def review_app(
    ui_library: SessionLibrary, service: SessionService, lang: str | None = "en"
) -> FacilitatorApp:
    return create_app(ui_library, review_path=service.path, lang=lang)


# --------------------------------------------------------------------------- opening


async def test_review_opens_from_home_by_key_and_by_click(
    make_app: MakeApp, reviewed: tuple[SessionService, dict[str, str]]
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert text_of(app, "#review-badge") == "READ-ONLY REVIEW"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.click("#review")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


async def test_review_from_the_factory_quits_on_escape_and_never_reaches_home(
    ui_library: SessionLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`facilitator review ID` must not lead to a screen that can change or delete data."""
    monkeypatch.setenv("LC_ALL", "et_EE.UTF-8")  # an Estonian system: the interface starts in Estonian
    service = ui_library.create(find_scenario("kogukondlik-turvalisus"), "Töötuba")
    before = service.path.read_bytes()
    app = review_app(ui_library, service, lang=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert app.language == "et"
        assert text_of(app, "#review-badge") == "AINULT VAATAMISEKS"
        escape = [b for b in app.screen.active_bindings.values() if b.binding.key == "escape"]
        assert [b.binding.description for b in escape] == ["Sulge"]  # the key bar says: close
        await pilot.press("f7")  # relabelled in the other language, still quit
        await pilot.pause()
        escape = [b for b in app.screen.active_bindings.values() if b.binding.key == "escape"]
        assert [b.binding.description for b in escape] == ["Close"]
        await pilot.press("escape")
        await pilot.pause()
        assert not any(isinstance(screen, HomeScreen) for screen in app.screen_stack)
    assert app.return_code == 0
    assert service.path.read_bytes() == before


def test_review_of_a_bad_file_from_the_factory_is_an_error_not_home(
    ui_library: SessionLibrary, empty_session: SessionService
) -> None:
    empty_session.path.write_text("{not json", encoding="utf-8")
    with pytest.raises(UserError, match="corrupt session file"):
        review_app(ui_library, empty_session)


async def test_reviewing_a_corrupt_file_from_home_explains_and_stays_home(
    make_app: MakeApp, ui_library: SessionLibrary, empty_session: SessionService
) -> None:
    empty_session.path.write_text("{not json", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("corrupt session file" in str(n.message) for n in app._notifications)


# --------------------------------------------------------------------------- read-only


async def test_reviewing_writes_nothing_to_the_session_file(
    ui_library: SessionLibrary,
    reviewed: tuple[SessionService, dict[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    service, _ids = reviewed
    path = service.path
    before = (path.read_bytes(), path.stat().st_mtime_ns, path.stat().st_ino)
    folder_before = sorted(p.name for p in path.parent.iterdir())

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("review mode must not write")

    monkeypatch.setattr(SessionService, "change", refuse)
    monkeypatch.setattr(SessionService, "set_view_state", refuse)
    app = review_app(ui_library, service)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("tab", "down", "down", "enter")
        await pilot.press("t")
        await settle(app, pilot)
        await pilot.press("up", "up", "up", "home", "end", "pageup")
        await pilot.press("left_square_bracket", "right_square_bracket", "left_square_bracket")
        await settle(app, pilot)
        await pilot.click("#timeline-first")
        await pilot.click("#timeline-events", offset=(4, 2))
        await settle(app, pilot)
        await pilot.press("f7", "f8")
        await settle(app, pilot)
        await pilot.resize_terminal(200, 60)
        await pilot.press("d", "t", "f7", "f8")
        await settle(app, pilot)
        await pilot.press("f1")
        await pilot.press("escape", "ctrl+q")
    assert (path.read_bytes(), path.stat().st_mtime_ns, path.stat().st_ino) == before
    assert sorted(p.name for p in path.parent.iterdir()) == folder_before


# --------------------------------------------------------------------------- the dashboard


async def test_dashboard_numbers_match_the_session(
    ui_library: SessionLibrary, reviewed: tuple[SessionService, dict[str, str]]
) -> None:
    service, _ids = reviewed
    session = service.session
    app = review_app(ui_library, service)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        screen = app.screen
        chart = screen.query_one("#review-chart", RungChart)
        counts = rung_counts(session)
        assert [(r.current, r.wished) for r in chart.rows] == [counts[r.id] for r in session.scenario.rungs]
        assert text_of(app, "#review-counts") == (
            "Activities: 2 · rung agreed: 1 · not agreed yet: 1 · fully signed off: 0"
        )
        assert text_of(app, "#review-not-agreed") == "Not agreed yet: 1"
        assert "No approach chosen: 2" in text_of(app, "#review-approaches")
        pairs = screen.query_one("#review-pairs", DataTable)
        assert pairs.row_count == len(partnership_matrix(session)) == 1
        assert [str(c) for c in pairs.get_row_at(0)] == ["Police", HOSTILE, "2", "1", "1. Communication"]
        found = mismatches(session)
        listing = screen.query_one("#review-mismatches", LineList)
        assert len(listing.rows) == len(found)
        assert [row[1].text for row in listing.rows] == [m.explain(Translator("en")) for m in found]
        assert text_of(app, "#review-mismatches-heading") == f"Mismatches: {len(found)}"
        assert found[0].explain(Translator("en")) in text_of(app, "#review-mismatch-detail")
        await pilot.click("#review-mismatches", offset=(5, 1))  # the second one, in full below
        await pilot.pause()
        assert found[1].explain(Translator("en")) in text_of(app, "#review-mismatch-detail")
        actions = screen.query_one("#review-actions", DataTable)
        assert actions.row_count == 2
        rows = [[str(c) for c in actions.get_row_at(i)] for i in range(2)]
        assert rows[0][:3] == ["Police", "2999-01-01", "○ open"]
        assert rows[1][:3] == [HOSTILE, "2000-01-01", "⚠ overdue"]
        assert text_of(app, "#review-actions-heading") == (
            "Next steps by owner and due date: open 2 (overdue 1), done 0"
        )
        signoff = screen.query_one("#review-signoff", LineList)
        first = [cell.text.strip() for cell in signoff.rows[0]]
        assert first == ["Themed talks", "1/2", f"○ waiting for: {HOSTILE}"]
        assert text_of(app, "#review-signoff-columns").split() == ["Activity", "Signed", "Status"]


async def test_dashboard_of_an_empty_session_says_so(
    ui_library: SessionLibrary, empty_session: SessionService
) -> None:
    app = review_app(ui_library, empty_session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert text_of(app, "#review-pairs-heading") == "No two parties share an activity yet."
        assert not app.screen.query_one("#review-pairs", DataTable).display
        await pilot.press("t")
        await settle(app, pilot)
        pane = app.screen.query_one(TimelinePane)
        assert rows_of(app.screen.query_one("#timeline-events", LineList))[0].endswith("Workshop created")
        assert app.screen.query_one("#timeline-phases", Select).disabled
        assert "No activities yet." in rows_of(app.screen.query_one("#timeline-board", LineList))
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert pane.frame_index == 0


# --------------------------------------------------------------------------- the timeline


def board_text(app: FacilitatorApp) -> list[str]:
    return rows_of(app.screen.query_one("#timeline-board", LineList))


def group_of(lines: list[str], title: str) -> str:
    """The heading of the group a title is listed under."""
    heading = ""
    for line in lines:
        if " | " not in line:
            heading = line
        elif line.startswith(title + " |"):
            return heading
    raise AssertionError(f"{title} not on the board")


async def test_stepping_shows_the_board_as_it_was(
    ui_library: SessionLibrary, reviewed: tuple[SessionService, dict[str, str]]
) -> None:
    service, _ids = reviewed
    events = service.session.events
    agreed = next(k for k, e in enumerate(events, start=1) if e.kind == "activity.agreed")
    app = review_app(ui_library, service)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("t")
        await settle(app, pilot)
        pane = app.screen.query_one(TimelinePane)
        assert pane.frame_index == len(events)  # opens on the session as it stands
        assert group_of(board_text(app), "Themed talks") == "1. Communication (1)"
        pane.go(agreed - 1)
        await settle(app, pilot)
        lines = board_text(app)
        assert group_of(lines, "Themed talks") == "Not yet on the ladder (2)"
        assert any(line.startswith("Themed talks | ≠ revealed, views differ: Police 1→2") for line in lines)
        assert text_of(app, "#timeline-position").startswith(f"After change {agreed - 1} of {len(events)}")
        await pilot.press("down")  # the list has the focus
        await settle(app, pilot)
        assert pane.frame_index == agreed
        assert group_of(board_text(app), "Themed talks") == "1. Communication (1)"
        marked = app.screen.query_one("#timeline-board", LineList)
        assert marked.marked is not None and marked.rows[marked.marked][0].text.startswith("Themed talks")
        events_list = app.screen.query_one("#timeline-events", LineList)
        assert (
            "Agreed “Themed talks”: 1. Communication, wished 2. Cooperation" in rows_of(events_list)[agreed]
        )
        # A placement before its reveal: hidden on the board and in the list.
        placed = next(k for k, e in enumerate(events, start=1) if e.kind == "placement.recorded")
        pane.go(placed)
        await settle(app, pilot)
        assert any(line.startswith("Themed talks | ◐ placed 1/2 · hidden") for line in board_text(app))
        assert (
            "facilitator | The placement of the party Police for “Themed talks”"
            in rows_of(events_list)[placed]
        )
        assert text_of(app, "#timeline-what").endswith("entered by the facilitator for the party Police")
        # Home: as created; a click on a row goes there.
        await pilot.press("home")
        await settle(app, pilot)
        assert pane.frame_index == 0
        assert board_text(app) == ["No activities yet."] or "No activities yet." in board_text(app)
        await pilot.click("#timeline-events", offset=(4, 3))
        await settle(app, pilot)
        assert pane.frame_index == events_list.cursor == 3 + int(events_list.scroll_y)


async def test_jumping_to_phase_starts_by_key_button_and_list(
    ui_library: SessionLibrary, reviewed: tuple[SessionService, dict[str, str]]
) -> None:
    service, _ids = reviewed
    events = service.session.events
    starts = [k for k, e in enumerate(events, start=1) if e.kind == "phase.changed"]
    app = review_app(ui_library, service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("right_square_bracket")  # from the dashboard: shows the timeline
        await settle(app, pilot)
        tabs = app.screen.query_one("#review-tabs", TabbedContent)
        assert tabs.active == TIMELINE
        pane = app.screen.query_one(TimelinePane)
        assert pane.frame_index == len(events)
        await pilot.press("left_square_bracket")
        await settle(app, pilot)
        assert pane.frame_index == starts[-1]
        await pilot.press("left_square_bracket", "left_square_bracket")
        await settle(app, pilot)
        assert pane.frame_index == starts[-3]
        assert pane.frame is not None and pane.frame.info.phase == events[starts[-3] - 1].data["phase"]
        await pilot.click("#timeline-phase-next")
        await settle(app, pilot)
        assert pane.frame_index == starts[-2]
        await pilot.press("home")
        await pilot.click("#timeline-phase-previous")  # none earlier: says so, stays
        await settle(app, pilot)
        assert pane.frame_index == 0
        assert any("No earlier phase start." in str(n.message) for n in app._notifications)
        await pilot.press("p")
        await pilot.pause()
        select = app.screen.query_one("#timeline-phases", Select)
        assert select.expanded
        await pilot.press("escape")
        select.value = starts[1]
        await settle(app, pilot)
        assert pane.frame_index == starts[1]
        assert select.is_blank()  # ready to pick the same phase again


# --------------------------------------------------------------------------- text, language, looks


async def test_user_text_is_never_markup(
    ui_library: SessionLibrary, reviewed: tuple[SessionService, dict[str, str]]
) -> None:
    service, _ids = reviewed
    service.update_session(title=HOSTILE)
    app = review_app(ui_library, service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert text_of(app, "#review-title") == HOSTILE
        await pilot.click("#review-title")
        await pilot.press("t")
        await settle(app, pilot)
        rows = rows_of(app.screen.query_one("#timeline-events", LineList))
        assert any(f"Added the party “{HOSTILE}”" in row for row in rows)
        assert any(row.startswith(HOSTILE + " |") for row in board_text(app))
        await pilot.click("#timeline-board", offset=(3, 1))
        await pilot.pause()
        assert app.is_running


async def test_both_languages_and_projector_mode(
    ui_library: SessionLibrary, reviewed: tuple[SessionService, dict[str, str]]
) -> None:
    service, _ids = reviewed
    app = review_app(ui_library, service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await settle(app, pilot)
        tabs = app.screen.query_one("#review-tabs", TabbedContent)
        assert str(tabs.get_tab(DASHBOARD).label) == "Dashboard"
        await pilot.press("f7")
        await settle(app, pilot)
        assert str(tabs.get_tab(DASHBOARD).label) == "Koondvaade"
        assert str(tabs.get_tab(TIMELINE).label).startswith("Ajajoon (")
        rows = rows_of(app.screen.query_one("#timeline-events", LineList))
        assert any("läbiviija | „Themed talks“ – osapoole Police paigutus" in row for row in rows)
        assert text_of(app, "#review-actions-heading").startswith("Sammud vastutaja ja tähtaja järgi")
        assert any(line.startswith("1. Communication") for line in board_text(app))
        descriptions = {b.binding.description for b in app.screen.active_bindings.values()}
        assert {"Sulge", "Eelmine etapp", "Ajajoon"} <= descriptions  # started to review: escape closes
        await pilot.press("f8")
        await pilot.pause()
        assert app.theme == PROJECTOR and app.has_class("-projector")
        assert text_of(app, "#review-badge") == "AINULT VAATAMISEKS"


async def test_timeline_keys_show_in_the_footer_only_on_the_timeline_and_are_in_the_palette(
    ui_library: SessionLibrary, reviewed: tuple[SessionService, dict[str, str]]
) -> None:
    service, _ids = reviewed
    app = review_app(ui_library, service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()

        def shown() -> set[str]:
            return {b.binding.description for b in app.screen.active_bindings.values() if b.binding.show}

        assert "Previous phase" not in shown() and "Timeline" in shown()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {
            "Close",  # started with `facilitator review`: escape closes the app, never goes home
            "Dashboard",
            "Timeline",
            "Previous phase",
            "Next phase",
            "Phases",
            "First",
            "Last",
        } <= set(titles)
        await pilot.press("t")
        await settle(app, pilot)
        assert {"Previous phase", "Next phase", "Phases", "First", "Last"} <= shown()
        await pilot.press("d")
        await pilot.pause()
        assert "Previous phase" not in shown()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#help-keys", DataTable)
        actions = {str(table.get_row_at(i)[1]) for i in range(table.row_count)}
        assert {"Close", "Timeline", "Previous phase", "Phases"} <= actions


async def test_layout_at_80x24_and_200x60(
    ui_library: SessionLibrary, reviewed: tuple[SessionService, dict[str, str]]
) -> None:
    service, _ids = reviewed
    app = review_app(ui_library, service)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        dashboard = app.screen.query_one("#review-dashboard")
        assert not dashboard.has_class("-wide")
        assert app.screen.query_one("#review-header").region.height == 1
        await pilot.press("t")
        await settle(app, pilot)
        pane = app.screen.query_one(TimelinePane)
        assert not pane.has_class("-wide")
        events_box = app.screen.query_one("#timeline-events-box").region
        board_box = app.screen.query_one("#timeline-board-box").region
        assert events_box.bottom <= board_box.y  # stacked
        assert events_box.height >= 5 and board_box.height >= 6
        await pilot.resize_terminal(200, 60)
        await settle(app, pilot)
        assert pane.has_class("-wide") and dashboard.has_class("-wide")
        events_box = app.screen.query_one("#timeline-events-box").region
        board_box = app.screen.query_one("#timeline-board-box").region
        assert events_box.right <= board_box.x  # side by side
        assert board_box.height > 40


def test_review_screen_never_calls_a_writing_service_method() -> None:
    """The review's modules only read: no call of any SessionService method that changes things."""
    import ast

    import facilitator.ui.screens.review as review_screen
    import facilitator.ui.screens.timeline as timeline_screen

    writing = {
        name
        for name in vars(SessionService)
        if not name.startswith("_")
        and name not in {"path", "scenario", "session", "room_view", "view_state", "subscribe"}
    }
    for module in (review_screen, timeline_screen):
        tree = ast.parse(Path(str(module.__file__)).read_text(encoding="utf-8"))
        called = {
            node.func.attr
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        }
        assert not (called & writing), (module.__name__, called & writing)


async def test_a_run_of_board_moves_is_one_row_and_shows_where_the_card_ended(
    ui_library: SessionLibrary, empty_session: SessionService
) -> None:
    police = empty_session.add_party("Police")
    talks = empty_session.add_activity("Themed talks", party_ids=[police])
    for rung in ("communication", "cooperation", "coordination"):  # u, u, u on the board
        empty_session.agree(talks, current=rung)
    empty_session.add_activity("Later")
    events = empty_session.session.events
    app = review_app(ui_library, empty_session)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("t")
        await settle(app, pilot)
        pane = app.screen.query_one(TimelinePane)
        events_list = app.screen.query_one("#timeline-events", LineList)
        assert len(events_list.rows) == len(events) - 2 + 1  # three moves, one row; plus "created"
        assert pane.frame_index == len(pane.lines)
        moved = next(i for i, line in enumerate(pane.lines, start=1) if line.kind == "activity.agreed")
        assert "3. Coordination" in rows_of(events_list)[moved]
        pane.go(moved)
        await settle(app, pilot)
        assert group_of(board_text(app), "Themed talks") == "3. Coordination (1)"
        pane.go(moved - 1)
        await settle(app, pilot)
        assert group_of(board_text(app), "Themed talks").startswith("Not yet on the ladder")


async def test_at_120_by_40_the_selected_change_is_said_whole(
    ui_library: SessionLibrary, reviewed: tuple[SessionService, dict[str, str]]
) -> None:
    """The list's "what" column is cut at 120 columns: a line under it says the change whole."""
    service, _ids = reviewed
    events = service.session.events
    agreed = next(k for k, e in enumerate(events, start=1) if e.kind == "activity.agreed")
    app = review_app(ui_library, service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await settle(app, pilot)
        pane = app.screen.query_one(TimelinePane)
        pane.go(agreed)
        await settle(app, pilot)
        said = " ".join(text_of(app, "#timeline-what").split())
        assert said == "Agreed “Themed talks”: 1. Communication, wished 2. Cooperation"
