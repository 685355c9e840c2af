"""Nothing is cut without a mark: at 120×40, in both languages and in projector mode, on
home, the workshop's phases, the placement screen, help, the overview's tabs, review, compare
and the follow-up, every
table fits its width (no sideways scrolling: a projector's room can't scroll) with its header
cells whole, every button's label is drawn whole, and every label and placeholder is drawn
whole or ends in "…".

A tester found home's id column out of sight behind long titles, review's last header cut
("Kõrgeim kokkulepitud a"), the board tray's hint cut mid-key, setup's placeholder clipped,
and the summary's and the overview's tables scrolling sideways; this looks for the kind, not
the samples."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, DataTable, Input, Static, TabbedContent

from facilitator.core.compare import compare
from facilitator.core.dates import shown_date
from facilitator.core.demo import create_demo
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp, create_app
from facilitator.ui.screens.compare import CompareScreen
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.screens.review import ReviewScreen
from facilitator.ui.screens.workshop import WorkshopScreen
from facilitator.ui.widgets.actionbar import ActionBar

from .helpers import screen_shown, until

LONG = "Kogukonna turvalisuse partnerlusseminar Lasnamäe linnaosas, teine kohtumine"
LONGEST = (  # a title as long as one may be (200 characters), emoji and markup-like text in it
    "Lasnamäe noorte ja eakate ühised turvalisuse jalutuskäigud 🚶‍♀️🏘️ [b]koos[/b] "
    "piirkonnapolitseiniku, sotsiaaltöötajate, korteriühistute ja vabatahtlike "
    "naabrivalvega igal kuul, ka pimedal ajal"
)


def words(text: str) -> str:
    return " ".join(text.split())


def whole_or_marked(drawn: str, text: str) -> bool:
    drawn, text = words(drawn), words(text)
    return drawn == text or (drawn.endswith("…") and text.startswith(drawn[:-1].rstrip()))


def drawn(widget: Widget) -> str:
    return " ".join(widget.render_line(y).text for y in range(widget.size.height))


def header_cuts(table: DataTable[object]) -> list[str]:
    """The table wider than its view (it would scroll sideways), or header cells not whole (a
    header is the app's own word: it fits)."""
    width = table.scrollable_content_region.width
    found = [f"#{table.id} {table.virtual_size.width} cells wide in {width}"]
    if table.virtual_size.width <= width:
        found = []
    if not table.show_header:
        return found
    line, x = table.render_line(0).text, -int(table.scroll_x)
    for column in table.ordered_columns:
        cells = column.get_render_width(table)
        if x >= width:
            break
        shown, label = line[x : x + cells], column.label.plain
        if x >= 0 and words(shown) != words(label):
            found.append(f"#{table.id} header {label!r} drawn {shown.strip()!r}")
        x += cells
    return found


def button_cuts(screen: Screen[object], button: Button | ActionBar) -> list[str]:
    """A button not all in view, or its label not drawn whole on it."""
    place = screen.find_widget(button)
    if place.region.intersection(place.clip) != place.region:
        return [f"{button!r} out of view: {place.region} shown {place.region.intersection(place.clip)}"]
    labels = [str(button.label)] if isinstance(button, Button) else [a.label for a in button.actions]
    shown = drawn(button)
    return [
        f"{button!r} label {label!r} drawn {words(shown)!r}"
        for label in labels
        if words(label) not in words(shown)
    ]


def cuts(screen: Screen[object]) -> list[str]:
    """Every table, button, text (a Static, a Label), field's text (while not typed in) and
    empty field's placeholder on screen not whole or marked."""
    found: list[str] = []
    for widget in screen.query("*"):
        shown = all(node.display for node in widget.ancestors_with_self if isinstance(node, Widget))
        if not shown or not widget.size.area:  # (one scrolled out of sight counts too)
            continue
        if isinstance(widget, DataTable):
            found += header_cuts(widget)
        elif isinstance(widget, Button | ActionBar):
            found += button_cuts(screen, widget)
        elif isinstance(widget, Static) and not widget.children:
            text = widget.visual.plain if hasattr(widget.visual, "plain") else str(widget.visual)
            if text.strip() and not whole_or_marked(drawn(widget), text):
                found.append(f"{widget!r} {text!r} drawn {words(drawn(widget))!r}")
        elif isinstance(widget, Input) and not widget.value and widget.placeholder:
            shown = drawn(widget)
            if widget.placeholder not in shown and "…" not in shown:
                found.append(f"{widget!r} placeholder {widget.placeholder!r} drawn {shown!r}")
        elif (  # a field's text while not typed in (setup's place was clipped)
            isinstance(widget, Input) and widget.value and not widget.has_focus
        ) and not whole_or_marked(drawn(widget), widget.value):
            found.append(f"{widget!r} {widget.value!r} drawn {words(drawn(widget))!r}")
    return found


async def settled(pilot: Pilot[int]) -> None:
    for _ in range(3):
        await pilot.pause()


async def check(app: FacilitatorApp, pilot: Pilot[int], where: str, found: list[str]) -> None:
    await settled(pilot)
    mode = " projector" if app.has_class("-projector") else ""
    found += [f"{where} ({app.language}{mode}): {cut}" for cut in cuts(app.screen)]


def sessions(library: SessionLibrary, language: str) -> tuple[SessionService, SessionService]:
    scenario = find_scenario("community-safety" if language == "en" else "kogukondlik-turvalisus")
    demo = create_demo(library, scenario)
    for party in demo.session.parties:  # long names push a table's last columns aside
        demo.update_party(party.id, name=f"{party.name} ja tema naabrid Lasnamäelt")
    parties = [party.id for party in demo.session.parties[:5]]
    longest = demo.add_activity(LONGEST, party_ids=parties)
    demo.add_action(LONGEST, parties[0], activity_id=longest, due="2027-01-15")
    for _ in range(3):  # three of one long title: told apart by date, activities and id
        library.create(scenario, LONG)
    return demo, library.create_from(demo.session.id)


@pytest.mark.parametrize(("language", "projector"), [("et", False), ("en", False), ("et", True)])
async def test_nothing_is_cut_without_a_mark_at_120x40(
    ui_library: SessionLibrary, language: str, projector: bool
) -> None:
    demo, followup = sessions(ui_library, language)
    found: list[str] = []
    app = create_app(ui_library, session_path=demo.path, lang=language)
    async with app.run_test(size=(120, 40)) as pilot:
        workshop = await screen_shown(pilot, WorkshopScreen)
        if projector:
            await pilot.press("f8")
            await until(pilot, lambda: app.has_class("-projector"), "projector mode")
        for phase_id in workshop.phase_ids():
            workshop.action_go_phase(phase_id)
            await until(pilot, lambda: workshop.phase_id == phase_id, phase_id)  # noqa: B023
            await check(app, pilot, f"phase {phase_id}", found)
            if workshop.phase_kind(phase_id) == "place":  # the selected card's placement, revealed
                await pilot.press("enter")
                await until(pilot, lambda: app.screen is not workshop, "the placement")
                await check(app, pilot, "placement", found)
                await pilot.press("a")  # the agreement's controls below the spread
                await check(app, pilot, "placement, agreeing", found)
                for _ in range(4):  # out of the agreement's field, its controls, the screen
                    if app.screen is not workshop:
                        await pilot.press("escape")
                        await settled(pilot)
                assert app.screen is workshop, "the board again"
        await pilot.press("f1")
        await until(pilot, lambda: app.screen is not workshop, "help")
        await check(app, pilot, "help", found)
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is workshop, "the workshop again")
        await pilot.press("f2")
        await until(pilot, lambda: app.screen is not workshop, "the overview")
        for tab in "123":
            await pilot.press(tab)
            await check(app, pilot, f"overview tab {tab}", found)
        await pilot.press("escape")
        await screen_shown(pilot, WorkshopScreen)
        await pilot.press("escape")
        home = await screen_shown(pilot, HomeScreen)
        await check(app, pilot, "home", found)
        ids = [s.id for s in home.summaries]
        home.query_one("#sessions", DataTable).move_cursor(row=ids.index(demo.session.id))
        await pilot.press("r")
        await screen_shown(pilot, ReviewScreen)
        for tab in ("review-tab-dashboard", "review-tab-timeline", "review-tab-history"):
            app.screen.query_one("#review-tabs", TabbedContent).active = tab
            await check(app, pilot, f"review {tab}", found)
        await pilot.press("escape")
        await screen_shown(pilot, HomeScreen)
        app.push_screen(CompareScreen(compare(demo.session, followup.session)))
        await screen_shown(pilot, CompareScreen)
        await check(app, pilot, "compare", found)
    followup.set_phase("followup")
    app = create_app(ui_library, session_path=followup.path, lang=language)
    async with app.run_test(size=(120, 40)) as pilot:
        await screen_shown(pilot, WorkshopScreen)
        if projector:
            await pilot.press("f8")
            await until(pilot, lambda: app.has_class("-projector"), "projector mode")
        await check(app, pilot, "follow-up", found)
    assert found == [], "\n".join(found)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_home_tells_sessions_of_one_long_title_apart(
    ui_library: SessionLibrary, size: tuple[int, int]
) -> None:
    scenario = find_scenario("kogukondlik-turvalisus")
    for _ in range(3):
        ui_library.create(scenario, LONG)
    app = create_app(ui_library, lang="et")
    async with app.run_test(size=size) as pilot:
        home = await screen_shown(pilot, HomeScreen)
        await settled(pilot)
        table = home.query_one("#sessions", DataTable)
        lines = [table.render_line(y).text for y in range(1, 4)]
        for summary in home.summaries:
            line = next(line for line in lines if summary.id in line)  # the id in view
            assert line.split("  ")[0].strip().endswith("…") and LONG[:10] in line, line  # title cut
            assert shown_date(summary.date or summary.created_at[:10], "et") in line, line  # the date
        wide = table.virtual_size.width > table.scrollable_content_region.width
        assert all(line.rstrip().endswith("…") for line in lines) == wide, lines  # more: marked


@pytest.mark.parametrize("language", ["et", "en"])
async def test_reviews_tables_fit_80_columns(ui_library: SessionLibrary, language: str) -> None:
    """Review's partner table, its steps and the history's tables wrap long names into taller
    rows instead of scrolling sideways (at 80×24 the pairs' rung and the history's last header
    were cut)."""
    _demo, followup = sessions(ui_library, language)
    app = create_app(ui_library, lang=language)
    async with app.run_test(size=(80, 24)) as pilot:
        home = await screen_shown(pilot, HomeScreen)
        ids = [s.id for s in home.summaries]
        home.query_one("#sessions", DataTable).move_cursor(row=ids.index(followup.session.id))
        await pilot.press("r")
        screen = await screen_shown(pilot, ReviewScreen)
        found: list[str] = []
        for tab in ("review-tab-dashboard", "review-tab-history"):
            screen.query_one("#review-tabs", TabbedContent).active = tab
            await settled(pilot)
            for table in screen.query(DataTable):
                if table.display and table.size.area:
                    found += header_cuts(table)
        assert found == [], "\n".join(found)
