"""Comparing two sessions from the app: choose A and B on the home screen, see them side by side."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from rich.text import Text
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import DataTable, Label, OptionList, Select, Static, TabbedContent

from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import Scenario, find_scenario, parse_scenario
from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.screens.compare import CompareScreen, CompareWithDialog
from facilitator.ui.screens.home import HomeScreen

MakeApp = Callable[..., FacilitatorApp]
HOSTILE = "[@click=app.quit]x [b]bold[/b] [red]"
COMM, COOP, COORD = "communication", "cooperation", "coordination"


@pytest.fixture(autouse=True)
def _no_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    """Durability is test_crash's business; the data still goes through the real file."""
    monkeypatch.setattr("facilitator.core.store.os.fsync", lambda fd: None)


def plain(value: object) -> str:
    if isinstance(value, Label | Static):
        value = value.visual
    if isinstance(value, Text | Content):
        return value.plain
    if isinstance(value, str):
        return value
    raise AssertionError(f"not text: {value!r}")


def rows(table: DataTable[object]) -> list[list[str]]:
    return [[plain(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def changes(screen: CompareScreen) -> dict[str, str]:
    """Activity title → the change column, as the table shows them."""
    return {row[1]: row[3] for row in rows(screen.query_one("#cmp-table", DataTable))}


def detail(screen: CompareScreen) -> str:
    return plain(screen.query_one("#cmp-detail", Static))


def notifications(app: FacilitatorApp) -> list[str]:
    return [n.message for n in app._notifications]


# --------------------------------------------------------------------------- two workshops


@dataclass
class Pair:
    a: SessionService
    b: SessionService
    patrols_b: str  # X's id in B


def two_workshops(library: SessionLibrary, scenario: Scenario | None = None) -> Pair:
    """A: X (communication) and Z; B, made separately: X on cooperation, Y new, Z gone.

    In X the roles swap, an accepted expectation is declined, a commitment is replaced.
    """
    scenario = scenario or find_scenario("community-safety")
    a = library.create(scenario, f"Keila 2025 {HOSTILE}", date="2025-05-06", place="Keila")
    police = a.add_party("Police", suggested_id="police")
    residents = a.add_party("Residents", suggested_id="residents")
    x = a.add_activity("Evening patrols", party_ids=[police, residents])
    z = a.add_activity("Neighbourhood watch", party_ids=[police, residents])
    a.agree(x, current=COMM, wished=COOP)
    a.agree(z, current=COMM)
    a.set_role(x, police, "lead")
    a.set_role(x, residents, "partner")
    lights = a.add_expectation(x, police, residents, "We expect you to report broken street lights.")
    a.answer_expectation(lights, "accepted")
    a.add_commitment(x, police, "We will walk the district twice a week.")
    a.add_action("Print the flyers", police, activity_id=x)
    a.add_action("Paint the fence", residents)

    b = library.create(scenario, "Keila 2026", date="2026-05-12", place="Keila")
    police = b.add_party("Police", suggested_id="police")
    residents = b.add_party("Residents", suggested_id="residents")
    x = b.add_activity("Evening patrols", party_ids=[police, residents])
    y = b.add_activity(f"Youth club {HOSTILE}", party_ids=[police, residents])
    b.agree(x, current=COOP, wished=COORD)
    b.agree(y, current=COOP)
    b.set_role(x, police, "partner")
    b.set_role(x, residents, "lead")
    lights = b.add_expectation(x, police, residents, "We expect you to report broken street lights.")
    b.answer_expectation(lights, "declined", "No volunteers this year.")
    b.add_commitment(x, residents, "We will walk with them once a month.")
    flyers = b.add_action("Print the flyers", police, activity_id=x)
    b.update_action(flyers, done=True)
    return Pair(a, b, x)


def short_ladder() -> Scenario:
    """A scenario whose ladder has two rungs: it can't be compared with the guide's four."""
    text = 'format = 1\n\n[scenario]\nid = "short"\nlanguage = "en"\ntitle = "Short"\n'
    for rung in ("talk", "work"):
        text += (
            f'\n[[rungs]]\nid = "{rung}"\nname = "{rung.title()}"\nsummary = "s"\n'
            'definition = "d"\nquestions = ["q?"]\n'
        )
    text += (
        '\n[[roles]]\nid = "lead"\nname = "Lead"\ndescription = "Leads."\nlead = true\n'
        '\n[[agenda]]\nid = "intro"\nname = "Intro"\nkind = "intro"\nminutes = 5\n'
    )
    return parse_scenario(text, "short.toml")


async def highlight(app: FacilitatorApp, pilot: Pilot[int], service: SessionService) -> None:
    """Put the home screen's cursor on a session."""
    await pilot.pause()
    home = app.screen
    assert isinstance(home, HomeScreen)
    index = next(i for i, s in enumerate(home.summaries) if s.id == service.session.id)
    home.query_one("#sessions", DataTable).move_cursor(row=index)
    await pilot.pause()


async def open_by_keyboard(app: FacilitatorApp, pilot: Pilot[int], pair: Pair) -> CompareScreen:
    await highlight(app, pilot, pair.a)
    await pilot.press("c")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, CompareWithDialog)
    options = dialog.query_one("#cmp-pick-list", OptionList)
    assert [options.get_option_at_index(i).id for i in range(options.option_count)] == [pair.b.session.id]
    await pilot.press("enter")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, CompareScreen)
    return screen


# --------------------------------------------------------------------------- tests


async def test_compare_by_keyboard_shows_both_sessions_side_by_side(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    pair = two_workshops(ui_library)
    files = {path: path.read_bytes() for path in (pair.a.path, pair.b.path)}
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_by_keyboard(app, pilot, pair)
        # The two sides, titles literal (a markup-like title is shown as typed).
        assert plain(screen.query_one("#cmp-a-title", Label)) == f" A  Keila 2025 {HOSTILE}"
        assert plain(screen.query_one("#cmp-b-title", Label)) == " B  Keila 2026"
        assert "2025-05-06 · Keila" in plain(screen.query_one("#cmp-a-meta", Label))
        assert plain(screen.query_one("#cmp-summary-activities", Label)) == (
            "↑ 1 up · ↓ 0 down · = 0 same · ? 0 no rung to compare · + 1 new · − 1 dropped"
        )
        assert "roles 2 · expectations 1 · commitments 2" in plain(
            screen.query_one("#cmp-summary-inside", Label)
        )
        assert plain(screen.query_one("#cmp-summary-actions", Label)).startswith(
            "Steps of A: ✓ 1 done · ○ 0 still open · − 1 dropped"
        )
        # One row per activity: A's rung | title | B's rung | change (symbol and word).
        table = screen.query_one("#cmp-table", DataTable)
        assert rows(table)[0][:4] == ["1. Communication", "Evening patrols", "2. Cooperation", "↑ up"]
        assert changes(screen) == {
            "Evening patrols": "↑ up",
            "Neighbourhood watch": "− dropped",
            f"Youth club {HOSTILE}": "+ new",
        }
        # The highlighted row's detail: roles, expectations, commitments.
        assert table.cursor_row == 0
        text = detail(screen)
        assert "Agreed rung: 1. Communication → 2. Cooperation (↑ up)" in text
        assert "Wished rung: 2. Cooperation → 3. Coordination (↑ up)" in text
        assert "Police: Lead → Partner" in text
        assert "Residents: Partner → Lead" in text
        assert "“We expect you to report broken street lights.”: accepted → declined (“No volunteers" in text
        assert "+ new commitment of Residents: “We will walk with them once a month.”" in text
        assert "− commitment of the party Police no longer there" in text
        await pilot.press("down", "down")
        await pilot.pause()
        assert "Only in B: new since A." in detail(screen)
        assert HOSTILE in detail(screen)

        # The filter, by key: all → changed → up → down → ...
        await pilot.press("f", "f")
        assert screen.query_one("#cmp-filter", Select).value == "up"
        assert changes(screen) == {"Evening patrols": "↑ up"}
        await pilot.press("f")  # down: nothing moved down
        await pilot.pause()
        assert screen.query_one("#cmp-table", DataTable).row_count == 0
        assert screen.query_one("#cmp-empty", Label).display
        await pilot.press("f", "f", "f")  # same, no rung, new
        assert changes(screen) == {f"Youth club {HOSTILE}": "+ new"}
        await pilot.press("f")
        assert changes(screen) == {"Neighbourhood watch": "− dropped"}
        await pilot.press("F")  # back to new
        assert list(changes(screen)) == [f"Youth club {HOSTILE}"]

        # The follow-up of the actions, and the parties.
        await pilot.press("2")
        await pilot.pause()
        assert screen.query_one("#cmp-tabs", TabbedContent).active == "cmp-actions"
        actions = rows(screen.query_one("#cmp-actions-table", DataTable))
        assert [(r[0], r[2]) for r in actions] == [
            ("✓ done", "Print the flyers"),
            ("− dropped", "Paint the fence"),
        ]
        await pilot.press("3")
        await pilot.pause()
        parties = rows(screen.query_one("#cmp-parties-table", DataTable))
        assert parties == [["= same", "Police", "Police"], ["= same", "Residents", "Residents"]]

        # s swaps A and B: the other way round, X moved down.
        await pilot.press("s")
        await pilot.pause()
        assert plain(screen.query_one("#cmp-a-title", Label)) == " A  Keila 2026"
        assert screen.filter == "new"
        assert changes(screen) == {"Neighbourhood watch": "+ new"}
        await pilot.press("1", "f", "f")  # dropped, then all
        assert changes(screen) == {
            "Evening patrols": "↓ down",
            f"Youth club {HOSTILE}": "− dropped",
            "Neighbourhood watch": "+ new",
        }

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    # Comparing writes nothing to either session.
    assert {path: path.read_bytes() for path in files} == files


async def test_compare_by_mouse(make_app: MakeApp, ui_library: SessionLibrary) -> None:
    pair = two_workshops(ui_library)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await highlight(app, pilot, pair.a)
        await pilot.click("#compare")
        await pilot.pause()
        assert isinstance(app.screen, CompareWithDialog)
        await pilot.click("#cmp-pick-go")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert changes(screen)["Evening patrols"] == "↑ up"
        # A click on a row shows its detail.
        await pilot.click("#cmp-table", offset=(30, 2))  # the header, then row 0, row 1
        await pilot.pause()
        assert "Only in A: B does not have it (dropped)." in detail(screen)
        # The filter's drop-down, by mouse: open it, pick "+ new".
        await pilot.click("#cmp-filter")
        await pilot.pause()
        overlay = screen.query_one("#cmp-filter", Select).query_one(OptionList)
        index = next(
            i
            for i in range(overlay.option_count)
            if plain(overlay.get_option_at_index(i).prompt).startswith("+")
        )
        await pilot.click(overlay, offset=(4, index))
        await pilot.pause()
        assert screen.filter == "new"
        assert list(changes(screen)) == [f"Youth club {HOSTILE}"]
        await pilot.click("#--content-tab-cmp-parties")
        await pilot.pause()
        assert screen.query_one("#cmp-tabs", TabbedContent).active == "cmp-parties"


async def test_different_ladders_are_a_clear_error(make_app: MakeApp, ui_library: SessionLibrary) -> None:
    a = ui_library.create(find_scenario("community-safety"), "Four rungs")
    b = ui_library.create(short_ladder(), "Two rungs")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await highlight(app, pilot, a)
        await pilot.press("c", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        [note] = [n for n in app._notifications if n.severity == "error"]
        assert note.message == (
            "These sessions can't be compared: the ladder of “Four rungs” has 4 rungs, "
            "that of “Two rungs” 2. Only ladders of the same length can be compared."
        )
        assert note.markup is False
        assert app.is_running
    assert b.path.exists()


async def test_an_unreadable_session_or_no_second_one_is_said_plainly(
    make_app: MakeApp, ui_library: SessionLibrary, empty_session: SessionService
) -> None:
    broken = ui_library.path_for("broken")
    broken.write_text("{not json", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        table = home.query_one("#sessions", DataTable)
        table.move_cursor(row=next(i for i, s in enumerate(home.summaries) if s.error))
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert notifications(app)[-1].startswith("Session broken can't be opened:")
        # The unreadable file is no B either: the one good session has nothing to compare with.
        table.move_cursor(row=next(i for i, s in enumerate(home.summaries) if not s.error))
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert notifications(app)[-1].startswith("There is no other session to compare with")


async def test_compare_in_estonian_and_switching_language(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    pair = two_workshops(ui_library)
    flyers = next(x for x in pair.b.session.actions if x.text == "Print the flyers")
    pair.b.update_action(flyers.id, due="2026-06-01")
    app = make_app(lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        await highlight(app, pilot, pair.a)
        await pilot.press("c")
        await pilot.pause()
        assert plain(app.screen.query_one("#cmp-pick-title", Label)) == "Võrdle kahte töötuba"
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert changes(screen) == {
            "Evening patrols": "↑ tõusis",
            "Neighbourhood watch": "− ära jäänud",
            f"Youth club {HOSTILE}": "+ uus",
        }
        assert "Rollide muutused (2):" in detail(screen)
        assert "tagasi lükatud („No volunteers this year.“)" in detail(screen)
        # The dates as Estonians write them (the side headers showed 2025-05-06).
        assert plain(screen.query_one("#cmp-a-meta", Label)).startswith("06.05.2025 · Keila")
        assert plain(screen.query_one("#cmp-b-meta", Label)).startswith("12.05.2026 · Keila")
        assert [row[3] for row in rows(screen.query_one("#cmp-actions-table", DataTable)) if row[3]] == [
            "01.06.2026"
        ]
        tabs = screen.query_one("#cmp-tabs", TabbedContent)
        assert plain(tabs.get_tab("cmp-actions").label) == "Sammud (2)"
        assert rows(screen.query_one("#cmp-table", DataTable))[0][0] == "1. Kommunikatsioon"
        await pilot.press("f7")
        await pilot.pause()
        assert changes(screen)["Evening patrols"] == "↑ up"
        assert "Role changes (2):" in detail(screen)
        assert plain(screen.query_one("#cmp-a-meta", Label)).startswith("2025-05-06 · Keila")
        # The scenario's words too, as a fresh open in English shows them (F7 left them Estonian).
        assert rows(screen.query_one("#cmp-table", DataTable))[0][:3] == [
            "1. Communication",
            "Evening patrols",
            "2. Cooperation",
        ]
        assert "Police: Lead → Partner" in detail(screen)
        filter_shown = screen.query_one("#cmp-filter", Select)
        assert "Show" in plain(screen.query_one("#cmp-filter-label", Label))
        assert plain(filter_shown.query_one("SelectCurrent #label", Static)).startswith("All (")


async def test_small_terminal_keeps_every_column(make_app: MakeApp, ui_library: SessionLibrary) -> None:
    """At 80×24 the change column is on screen, and long titles are cut with an ellipsis."""
    pair = two_workshops(ui_library)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_by_keyboard(app, pilot, pair)
        table = screen.query_one("#cmp-table", DataTable)
        assert sum(c.get_render_width(table) for c in table.columns.values()) <= table.size.width
        assert any(title.endswith("…") for title in changes(screen))
        assert not screen.has_class("-wide")
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert screen.has_class("-wide")
        assert HOSTILE in changes(screen).__str__()
