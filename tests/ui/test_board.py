"""The ladder board, through the real app: moving cards, the tray, the party filter, statuses."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.style import Style
from textual import events
from textual.pilot import Pilot

from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.dialogs.common import ChoiceDialog
from facilitator.ui.messages import ActivitySelected
from facilitator.ui.screens.placement import PlacementScreen
from facilitator.ui.views.board import BoardView
from facilitator.ui.widgets.actionbar import ActionBar
from facilitator.ui.widgets.choice import ChoiceField
from facilitator.ui.widgets.ladder import LadderBoard
from facilitator.ui.widgets.ladder_columns import TRAY, Card, wrap
from facilitator.ui.widgets.ladder_paint import render_card

from .helpers import until

MakeApp = Callable[..., FacilitatorApp]
HOSTILE_ACTIVITY = "[@click=app.quit]x [b]bold[/b]"
HOSTILE_PARTY = "[red]Police[/red]"


def make_session(
    library: SessionLibrary,
    *,
    lang: str = "en",
    parties: Sequence[str] = ("Police", "Municipality", "Youth workers"),
    activities: Sequence[tuple[str, Sequence[int]]] = (
        ("Themed talks at the youth centre", (0, 2)),
        ("Safety round table", (0, 1, 2)),
        ("Joint development plan", (1, 2)),
    ),
) -> SessionService:
    """A session opened on the place phase, with parties and activities but nothing placed."""
    scenario = find_scenario("community-safety" if lang == "en" else "kogukondlik-turvalisus")
    service = library.create(scenario, "Board test")
    party_ids = [service.add_party(name) for name in parties]
    for title, involved in activities:
        service.add_activity(title, party_ids=[party_ids[i] for i in involved])
    place = next(p.id for p in scenario.agenda if p.kind == "place")
    service.set_phase(place)
    service.set_phase(place)
    return service


def fresh(service: SessionService) -> SessionService:
    """What is on disk, read by another service (as another process would)."""
    return SessionService(service.path)


def board_of(app: FacilitatorApp) -> LadderBoard:
    return app.screen.query_one("#board", LadderBoard)


def titles(board: LadderBoard, key: str) -> list[str]:
    return [card.title for card in board.column(key).cards]


def header_text(board: LadderBoard, key: str) -> str:
    """A step's header as read: lines joined, runs of spaces made one."""
    return " ".join(board.header_text(key).split())


def card_offset(board: LadderBoard, key: str, index: int) -> tuple[int, int]:
    """Where on the board to click on the `index`th card of a column (its title's second line)."""
    x, y = board.card_offset(key, index)
    return (x, y + 1)


async def click_action(pilot: Pilot[int], app: FacilitatorApp, bar_id: str, name: str) -> None:
    """Click an action bar's button (the board's "▲ Rung up", ...)."""
    bar = app.screen.query_one(bar_id, ActionBar)
    x = bar.offset_of(name)
    assert x is not None
    await pilot.click(bar, offset=(x, 0))


def action_label(app: FacilitatorApp, bar_id: str, name: str) -> str:
    return next(a.label for a in app.screen.query_one(bar_id, ActionBar).actions if a.name == name)


EDGES = str.maketrans("▏▌", "  ")
"""A card's edge, drawn at the left of the cell before its text: read apart from the words."""


def column_text(board: LadderBoard, key: str) -> str:
    """The column as drawn on screen, lines joined, runs of spaces made one, the cards' edges
    read as spaces."""
    return " ".join(board.column_text(key).translate(EDGES).split())


async def test_the_board_shows_every_rung_with_number_and_name_and_the_tray(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service = make_session(ui_library)
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        board = board_of(app)
        assert board.keys == (TRAY, "communication", "cooperation", "coordination", "collaboration")
        headers = {key: header_text(board, key) for key in board.keys}
        assert "▼ Not yet on the ladder · 3" in headers[TRAY]  # ▼: the selection is in this column
        assert headers["communication"].startswith("1. Communication · 0")
        assert headers["collaboration"].startswith("4. Collaboration · 0")
        # Every activity starts in the tray; the rungs are empty (and say so in words).
        assert titles(board, TRAY) == [
            "Themed talks at the youth centre",
            "Safety round table",
            "Joint development plan",
        ]
        assert "Nothing on this rung yet." in column_text(board, "cooperation")
        assert board.column(TRAY).cards[0].parties == "Police, Youth workers"
        tray = column_text(board, TRAY)
        assert "Police, Youth" in tray
        assert "○ not placed" in tray
        # The staircase: each higher rung starts higher up the screen.
        tops = [board.header_top(key) for key in board.keys]
        assert tops == sorted(tops, reverse=True) and len(set(tops)) == len(tops)


async def test_move_a_card_up_and_down_by_key(make_app: MakeApp, ui_library: SessionLibrary) -> None:
    service = make_session(ui_library)
    first = service.session.activities[0].id
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        board = board_of(app)
        assert board.selected_id == first and board.has_focus
        await pilot.press("u")
        await pilot.pause()
        assert fresh(service).session.activity(first).agreed_current == "communication"
        assert titles(board, "communication") == ["Themed talks at the youth centre"]
        await pilot.press("u", "u", "u")
        await pilot.pause()
        assert fresh(service).session.activity(first).agreed_current == "collaboration"
        await pilot.press("u")  # already at the top: nothing changes
        await pilot.pause()
        assert fresh(service).session.activity(first).agreed_current == "collaboration"
        assert board.selected_id == first  # the selection followed the card
        assert board.column_of(first) == "collaboration"
        await pilot.press("d", "shift+down")
        await pilot.pause()
        assert fresh(service).session.activity(first).agreed_current == "cooperation"
        await pilot.press("d", "d")  # below the first rung is the tray again
        await pilot.pause()
        assert fresh(service).session.activity(first).agreed_current is None
        assert board.column_of(first) == TRAY


async def test_move_a_card_by_mouse_buttons_and_by_dragging(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service = make_session(ui_library)
    second = service.session.activities[1].id
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        board = board_of(app)
        # A click on the second card selects it.
        await pilot.click(board, offset=card_offset(board, TRAY, 1))
        await pilot.pause()
        assert board.selected_id == second
        await click_action(pilot, app, "#board-moves", "up")
        await pilot.pause()
        await click_action(pilot, app, "#board-moves", "up")
        await pilot.pause()
        assert fresh(service).session.activity(second).agreed_current == "cooperation"
        await click_action(pilot, app, "#board-moves", "down")
        await pilot.pause()
        assert fresh(service).session.activity(second).agreed_current == "communication"
        # Drag the card from the first rung onto the fourth.
        await pilot.mouse_down(board, offset=card_offset(board, "communication", 0))
        await pilot.mouse_up(board, offset=card_offset(board, "collaboration", 0))
        await pilot.pause()
        assert fresh(service).session.activity(second).agreed_current == "collaboration"
        assert board.column_of(second) == "collaboration"


async def test_filter_by_party_by_key_and_by_mouse(make_app: MakeApp, ui_library: SessionLibrary) -> None:
    service = make_session(ui_library)
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        board = board_of(app)
        await pilot.press("p")  # first party: Police
        await pilot.pause()
        assert app.screen.query_one("#board-filter", ChoiceField).value == service.session.parties[0].id
        assert titles(board, TRAY) == ["Themed talks at the youth centre", "Safety round table"]
        assert "Not yet on the ladder · 2" in header_text(board, TRAY)
        await pilot.press("p")  # Municipality
        await pilot.pause()
        assert titles(board, TRAY) == ["Safety round table", "Joint development plan"]
        await pilot.press("P", "P")  # back past Police to all parties
        await pilot.pause()
        assert len(titles(board, TRAY)) == 3
        # By mouse: open the list and click "Youth workers" (the fourth line).
        field = app.screen.query_one("#board-filter", ChoiceField)
        await pilot.click("#board-filter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.click("#choice-options", offset=(2, 4))  # the border, then one line each
        await pilot.pause()
        assert field.value == service.session.parties[2].id
        assert len(titles(board, TRAY)) == 3  # every activity involves the youth workers
        await pilot.press("p")  # from the last party back to all
        await pilot.pause()
        assert field.value == "*"
        # By keyboard: enter on the field opens the list; escape keeps the choice.
        field.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert field.value == service.session.parties[0].id
        assert titles(board, TRAY) == ["Themed talks at the youth centre", "Safety round table"]


async def test_card_status_follows_the_round_in_symbols_and_words(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service = make_session(ui_library)
    session = service.session
    talks, table, plan = session.activities
    police, municipality, youth = (p.id for p in session.parties)
    service.place(table.id, police, "cooperation", "coordination")
    service.place(talks.id, police, "communication", "cooperation")
    service.place(talks.id, youth, "cooperation", "cooperation")
    service.reveal(talks.id)
    service.place(plan.id, municipality, "coordination", "collaboration")
    service.place(plan.id, youth, "coordination", "collaboration")
    service.reveal(plan.id)
    service.agree(plan.id, current="coordination", wished="collaboration")
    app = make_app(session=service)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        board = board_of(app)
        statuses = {card.title: card.status for key in board.keys for card in board.column(key).cards}
        assert statuses["Safety round table"] == "• placed 1/3"
        assert statuses["Themed talks at the youth centre"] == "≠ views: 2"
        assert statuses["Joint development plan"] == "✓ agreed · ↗ 4 (wished)"
        assert titles(board, "coordination") == ["Joint development plan"]
        # Nothing before the reveal gives a rung away.
        text = column_text(board, TRAY)
        assert "Cooperation" not in text and "2." not in text
        service.place(table.id, municipality, "cooperation", "cooperation")
        service.place(table.id, youth, "cooperation", "cooperation")
        app.sessions.check(app.screen.service)  # type: ignore[attr-defined]  # the watcher looks now
        await pilot.pause()
        statuses = {card.title: card.status for card in board.column(TRAY).cards}
        assert statuses["Safety round table"] == "• placed 3/3 · hidden"


async def test_enter_and_button_and_double_click_open_the_placement(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service = make_session(ui_library)
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlacementScreen)
        assert app.screen.activity_id == service.session.activities[0].id
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen.query_one("#view-place"), BoardView)
        await click_action(pilot, app, "#board-place", "place")
        await pilot.pause()
        assert isinstance(app.screen, PlacementScreen)
        await pilot.press("escape")
        await pilot.pause()
        board = board_of(app)
        await pilot.double_click(board, offset=card_offset(board, TRAY, 2))
        await pilot.pause()
        assert isinstance(app.screen, PlacementScreen)
        assert app.screen.activity_id == service.session.activities[2].id


async def test_the_selection_is_remembered_and_restored(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service = make_session(ui_library)
    first, third = service.session.activities[0].id, service.session.activities[2].id
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("down", "down")
        assert board_of(app).selected_id == third
        # Remembered once the arrow keys come to rest.
        await until(pilot, lambda: fresh(service).view_state.get("selected_activity") == third, "saved")
    assert fresh(service).view_state["selected_activity"] == third
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert board_of(app).selected_id == third
        # Another phase's view selects the first activity; back on the board, so does the board.
        await pilot.press("right_square_bracket")
        await pilot.pause()
        app.screen.post_message(ActivitySelected(first))
        await pilot.pause()
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert board_of(app).selected_id == first


async def test_keyboard_navigation_moves_between_rungs(make_app: MakeApp, ui_library: SessionLibrary) -> None:
    service = make_session(ui_library)
    talks, table, plan = service.session.activities
    service.agree(plan.id, current="coordination")
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        board = board_of(app)
        await pilot.press("right")  # skips the empty rungs
        assert board.selected_id == plan.id
        await pilot.press("left", "end")
        assert board.selected_id == table.id
        await pilot.press("home")
        assert board.selected_id == talks.id


async def test_markup_like_names_are_shown_literally_and_never_run(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service = make_session(
        ui_library, parties=(HOSTILE_PARTY, "[b]bold[/b]"), activities=((HOSTILE_ACTIVITY, (0, 1)),)
    )
    app = make_app(session=service)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        board = board_of(app)
        text = column_text(board, TRAY)
        assert "[@click=app.quit]x" in text
        assert "[red]Police[/red], [b]bold[/b]" in text
        await pilot.click(board, offset=card_offset(board, TRAY, 0))
        await pilot.pause()
        assert app.is_running
        # The filter lists the party names literally, too.
        await pilot.press("p")
        await pilot.pause()
        shown = app.screen.query_one("#board-filter", ChoiceField)
        assert HOSTILE_PARTY in shown.render().plain  # type: ignore[union-attr]
        assert app.is_running


async def test_labels_in_both_languages(make_app: MakeApp, ui_library: SessionLibrary) -> None:
    service = make_session(ui_library, lang="et")
    app = make_app(session=service, lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        board = board_of(app)
        assert "Redelile veel paigutamata" in header_text(board, TRAY)
        assert header_text(board, "collaboration").startswith("4. Koostöö")
        assert action_label(app, "#board-moves", "up") == "▲ Aste üles"
        assert "○ paigutamata" in column_text(board, TRAY)
        await pilot.press("f7")
        await pilot.pause()
        assert action_label(app, "#board-moves", "up") == "▲ Rung up"
        assert "○ not placed" in column_text(board, TRAY)
        assert "Not yet on the ladder" in header_text(board, TRAY)


async def test_an_empty_session_explains_the_tray(make_app: MakeApp, ui_library: SessionLibrary) -> None:
    service = make_session(ui_library, activities=())
    app = make_app(session=service)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        board = board_of(app)
        assert board.selected_id is None
        assert "collect them" in column_text(board, TRAY)
        await pilot.press("u", "enter")  # nothing selected: a hint, no error
        await pilot.pause()
        assert app.is_running and not isinstance(app.screen, PlacementScreen)


def test_wrap_cuts_with_an_ellipsis() -> None:
    assert wrap("Themed talks at the youth centre", 14, 2) == ["Themed talks", "at the youth…"]
    assert wrap("short", 10, 2) == ["short", ""]
    # A word longer than the line is cut with "…", never broken across two lines (issue 10).
    assert wrap("Supercalifragilistic", 8, 2) == ["Superca…", ""]
    assert wrap("Supercalifragilistic day", 8, 2) == ["Superca…", "day"]
    assert wrap("Kohaliku omavalitsuse turvalisusnõukogu", 12, 3) == [
        "Kohaliku",
        "omavalitsuse",
        "turvalisusn…",
    ]
    assert wrap("line\nbreak", 20, 1) == ["line⏎break"]
    # A count stays with its separator: "1. Kommunikatsioon ·" / "3" read as two things.
    assert wrap("1. Kommunikatsioon · 3", 21, 3) == ["1. Kommunikatsioon", "· 3", ""]
    assert wrap("Redelile veel paigutamata · 3", 21, 2) == ["Redelile veel", "paigutamata · 3"]


def test_a_card_is_drawn_from_its_styles_alone() -> None:
    """A card's lines need no board: title, parties and status, each the card's width, with
    one cell of room on the right (the text touched the card's edge at 120×40); the selection
    is marked by its left edge's shape ("▌" for "▏"), not by colour alone."""
    card = Card("a1", "Themed talks at the youth centre", HOSTILE_PARTY, "agreed", "agreed")
    styles = (Style(), Style(bold=True), Style(dim=True), Style(italic=True), Style(bold=True))
    plain = [strip.text for strip in render_card(card, 16, False, styles)]
    assert plain == ["▏Themed talks   ", "▏at the youth…  ", "▏[red]Police[/… ", "▏agreed         "]
    for width in (8, 16, 23, 50):
        for selected in (False, True):
            for strip in render_card(card, width, selected, styles):
                assert strip.cell_length == width and strip.text.endswith(" "), (width, strip.text)
    selected_edges = [strip.text[0] for strip in render_card(card, 16, True, styles, (1, 1))]
    assert selected_edges == ["▌", "▌", "▌"]


async def test_a_long_column_scrolls_by_key_wheel_and_track_and_keeps_the_selection_on_screen(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    activities = [(f"Activity {n:02d}", (0,)) for n in range(30)]
    service = make_session(ui_library, activities=activities)
    app = make_app(session=service)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        board = board_of(app)
        tray = board.column(TRAY)
        assert tray.has_bar and tray.scroll_y == 0
        assert "Activity 00" in column_text(board, TRAY)
        # The scroll bar: a track "│" with a thumb "┃" in the column's last cell.
        box = board.boxes()[TRAY]
        bar = "".join(
            board.render_line(y).crop(box.right - 1, box.right).text for y in range(box.cards_top, 30)
        )
        assert set(bar) == {"│", "┃"} and bar.startswith("┃")
        await pilot.press("end")
        await pilot.pause()
        assert board.selected_id == tray.cards[-1].activity_id
        assert "Activity 29" in column_text(board, TRAY) and "Activity 00" not in column_text(board, TRAY)
        # The wheel scrolls the column under the pointer; the selection stays where it is.
        before = tray.scroll_y
        # (Pilot has no public wheel method; this is what its click and hover use.)
        await pilot._post_mouse_events([events.MouseScrollUp], board, offset=(box.x + 3, box.cards_top + 2))
        await pilot.pause()
        assert tray.scroll_y == before - 3
        # A press on the track's top scrolls to the top.
        await pilot.mouse_down(board, offset=(box.right - 1, box.cards_top))
        await pilot.pause()
        assert tray.scroll_y == 0 and "Activity 00" in column_text(board, TRAY)
        # Resizing brings the selected card back on screen.
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        await pilot.press("home", "end")
        await pilot.pause()
        assert "Activity 29" in column_text(board, TRAY)


async def test_at_80_by_24_the_board_shows_the_tray_and_one_rung_with_no_word_broken(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    long = "Kohaliku omavalitsuse turvalisusnõukogu ühised koosolekud noortekeskuses"
    service = make_session(ui_library, activities=[(long, (0, 1)), ("Joint plan", (1, 2)), ("Talks", (0, 2))])
    ids = [a.id for a in service.session.activities]
    service.agree(ids[1], current="cooperation")
    service.agree(ids[2], current="collaboration")
    app = make_app(session=service)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        board = board_of(app)
        assert board.narrow and board.shown_keys() == (TRAY, "communication")
        tray = board.column(TRAY)
        assert tray.cards[0].title == long
        title_lines = board.column_text(TRAY).translate(EDGES).splitlines()[: tray.title_lines]
        shown = [word for line in title_lines for word in line.split() if word not in "╎│"]
        assert shown and all(word in long.split() or word.endswith("…") for word in shown), shown
        assert all(long.split()[n] == word for n, word in enumerate(shown) if not word.endswith("…"))
        await pilot.press("right")  # to the rung in view, then on to the next one with cards
        await pilot.pause()
        assert board.column_of(board.selected_id) == "cooperation"
        assert board.shown_keys() == (TRAY, "cooperation")
        assert header_text(board, "cooperation").startswith("▼ ◀ 2. Cooperation")
        assert header_text(board, "cooperation").endswith("▶")
        await pilot.press("right")
        await pilot.pause()
        assert board.shown_keys() == (TRAY, "collaboration")
        await pilot.press("left", "left")
        await pilot.pause()
        assert board.column_of(board.selected_id) == TRAY
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert not board.narrow and len(board.shown_keys()) == 5


async def test_at_120_by_40_titles_and_parties_wrap_and_the_tray_counts_what_is_out_of_sight(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    title = "Rapla district police talks in the youth centre"  # three lines in the tray
    activities = [(title, (0, 1, 2))] + [(f"Activity {n:02d}", (0,)) for n in range(12)]
    service = make_session(
        ui_library,
        parties=("Police and Border Guard Board", "Local government of Rapla", "Youth workers"),
        activities=activities,
    )
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        board = board_of(app)
        tray = board.column(TRAY)
        assert (tray.title_lines, tray.party_lines) == (3, 2)
        text = " ".join(column_text(board, TRAY).replace("╎", " ").split())
        assert title in text  # three lines: cut after two before
        assert "Police and Border Guard Board," in text  # parties on two lines
        assert "more below" in header_text(board, TRAY) and "above" not in header_text(board, TRAY)
        await pilot.press("end")
        await pilot.pause()
        assert "more above" in header_text(board, TRAY) and "below" not in header_text(board, TRAY)


async def test_at_120_by_40_the_selected_card_is_shown_whole_under_the_board(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    """Cards cut the parties ("Politsei, Kaasiku…"), the wished rung ("↗…") and a rung's
    definition: the line under the board says them whole for the selected card."""
    parties = (
        "Police and Border Guard Board",
        "Local government of Rapla",
        "Youth workers",
        "Elderly",
        "School",
    )
    service = make_session(
        ui_library, parties=parties, activities=[("A long shared round table", (0, 1, 2, 3, 4))]
    )
    activity = service.session.activities[0]
    service.agree(activity.id, current="cooperation", wished="collaboration")
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(BoardView)
        detail = view.query_one("#board-detail")
        await until(pilot, lambda: "A long shared round table" in str(detail.render()), "the detail line")
        shown = str(detail.render())
        assert ", ".join(parties) in shown
        assert "wished rung: 4. Collaboration" in shown
        assert service.scenario.rung("cooperation").summary in " ".join(shown.split())


async def test_the_bar_keeps_its_buttons_whole_at_80_columns(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    """At 80×24 in Estonian the bar ran off the screen ("Paiguta ja" of "Paiguta ja avalikusta…"):
    the filter's label goes and the filter narrows; at 120 columns both are as designed."""
    app = make_app(session=make_session(ui_library), lang="et")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        view = app.screen.query_one("#view-place", BoardView)
        place = view.query_one("#board-place", ActionBar)
        await until(pilot, lambda: not view.query_one("#board-filter-label").display)
        assert place.region.right <= 80 and place.region.width >= len("Paiguta ja avalikusta…")
        await pilot.resize_terminal(120, 40)
        await until(pilot, lambda: view.query_one("#board-filter-label").display)
        assert view.query_one("#board-filter", ChoiceField).region.width == 28
        assert place.region.right <= 120


async def test_a_drawn_header_follows_the_focus_the_selection_and_the_look(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    """A header's lines are drawn once and kept: drawn again when the focus, the column of the
    selection or the look (projector) changes them."""
    service = make_session(ui_library)
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        board = board_of(app)

        def drawn(key: str) -> tuple[str, Style | None]:
            box = board.boxes()[key]
            segment = next(iter(board.render_line(box.top).crop(box.x, box.right)))
            return segment.text, segment.style

        text, style = drawn(TRAY)
        assert text.startswith(" ▼") and style is not None and style.reverse  # focused: the current column
        await pilot.press("u")  # the card (and the selection) to the first rung
        await pilot.pause()
        assert not drawn(TRAY)[0].startswith(" ▼") and drawn("communication")[0].startswith(" ▼")
        app.set_focus(None)
        await pilot.pause()
        text, style = drawn("communication")
        assert not text.startswith(" ▼") and style is not None and not style.reverse
        normal = drawn(TRAY)[1]
        await pilot.press("f8")  # projector: the headers' colours change
        await until(pilot, lambda: drawn(TRAY)[1] != normal, "the projector's header colours")


async def test_the_empty_columns_texts_are_kept_for_the_width_and_language_shown(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    """Each empty column's text was wrapped once per width and kept for good: a window dragged
    wider and narrower, and F7, added entries that were never read again."""
    service = make_session(ui_library)
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        board = board_of(app)
        empty = [key for key in board.keys if not board.column(key).ids]
        assert len(empty) == 4
        for width in (*range(100, 140, 4), 120):
            await pilot.resize_terminal(width, 40)
            await pilot.pause()
        await pilot.press("f7")
        await until(pilot, lambda: app.language == "et", "Estonian")
        await pilot.pause()
        assert "Sellel astmel veel midagi pole." in column_text(board, "cooperation")
        assert len(board._empties) <= len(empty)
