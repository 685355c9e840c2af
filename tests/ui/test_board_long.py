"""A long board: only the cards on screen are made, the others when scrolled to, and nothing
the facilitator sees or can do depends on which have been made."""

from __future__ import annotations

import pytest
from textual import events

from facilitator.core.library import SessionLibrary
from facilitator.core.service import SessionService
from facilitator.ui.views import board as board_module
from facilitator.ui.widgets.ladder_columns import TRAY

from .helpers import until
from .test_board import MakeApp, board_of, column_text, fresh, header_text, make_session

COUNT = 60


@pytest.fixture
def long_session(ui_library: SessionLibrary) -> SessionService:
    """Sixty activities, all in the tray (a dozen fit on a 120×40 screen)."""
    return make_session(ui_library, activities=[(f"Activity {n:02d}", (0,)) for n in range(COUNT)])


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The activities whose card the board made (each card's status is worked out once)."""
    titles: list[str] = []
    status = board_module.card_status

    def counted(*args: object) -> tuple[str, str]:
        titles.append(args[1].title)  # type: ignore[attr-defined]
        return status(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(board_module, "card_status", counted)
    return titles


async def test_the_first_frame_makes_the_cards_on_screen_and_a_key_the_one_it_goes_to(
    make_app: MakeApp, long_session: SessionService, made: list[str]
) -> None:
    app = make_app(session=long_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        board = board_of(app)
        tray = board.column(TRAY)
        assert "Activity 00" in column_text(board, TRAY)
        assert 0 < len(made) < 15 and "Activity 59" not in made  # not sixty
        assert header_text(board, TRAY).startswith(f"▼ Not yet on the ladder · {COUNT}")  # counted all
        assert "▼ 5" in header_text(board, TRAY)  # cards below, out of sight (counted, not made)
        await pilot.press("end")
        await pilot.pause()
        last = long_session.session.activities[-1].id
        assert board.selected_id == last and "Activity 59" in made
        assert "Activity 59" in column_text(board, TRAY) and "Activity 00" not in column_text(board, TRAY)
        assert "Activity 59" in str(app.screen.query_one("#board-detail").render())
        await pilot.press("pageup")
        await pilot.pause()
        assert board.selected_id == tray.ids[-1 - tray.visible_rows()]
        assert tray.card(tray.index_of(board.selected_id) or 0).title in column_text(board, TRAY)


async def test_the_wheel_and_a_click_reach_a_card_not_made_before(
    make_app: MakeApp, long_session: SessionService, made: list[str]
) -> None:
    app = make_app(session=long_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        board = board_of(app)
        tray, box = board.column(TRAY), board.boxes()[TRAY]
        for _ in range(10):  # (Pilot has no public wheel method; this is what its click uses)
            await pilot._post_mouse_events([events.MouseScrollDown], board, offset=(box.x + 3, box.cards_top))
        await pilot.pause()
        first_seen = tray.scroll_y // tray.pitch + 1  # the first card wholly on screen
        title = f"Activity {first_seen:02d}"
        assert title in column_text(board, TRAY) and title in made
        x, y = board.card_offset(TRAY, first_seen)
        await pilot.click(board, offset=(x, y + 1))
        await pilot.pause()
        assert board.selected_id == long_session.session.activities[first_seen].id
        assert title in str(app.screen.query_one("#board-detail").render())


async def test_a_card_not_made_at_the_start_moves_by_key_and_the_counts_follow(
    make_app: MakeApp, long_session: SessionService, made: list[str]
) -> None:
    last = long_session.session.activities[-1].id
    app = make_app(session=long_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        board = board_of(app)
        assert "Activity 59" not in made
        await pilot.press("end", "u")
        await until(pilot, lambda: board.column_of(last) == "communication", "the card on the first rung")
        assert fresh(long_session).session.activity(last).agreed_current == "communication"
        assert board.column("communication").ids == (last,)
        assert "Activity 59" in column_text(board, "communication")
        assert header_text(board, TRAY).startswith(f"Not yet on the ladder · {COUNT - 1}")
        assert "▼ 1. Communication · 1" in header_text(board, "communication")
        assert board.selected_id == last  # the selection followed the card
        await pilot.press("d")
        await until(pilot, lambda: board.column_of(last) == TRAY, "the card back in the tray")
        assert "Activity 59" in column_text(board, TRAY)  # at the end of the tray, scrolled to


async def test_a_change_made_elsewhere_shows_on_a_card_on_screen_and_on_one_scrolled_to(
    make_app: MakeApp, long_session: SessionService
) -> None:
    ids = [activity.id for activity in long_session.session.activities]
    app = make_app(session=long_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        board = board_of(app)
        elsewhere = fresh(long_session)  # another process
        elsewhere.update_activity(ids[1], title="Renamed here")
        await until(pilot, lambda: "Renamed here" in column_text(board, TRAY), "the new title drawn")
        elsewhere.update_activity(ids[-1], title="Renamed far")
        await until(pilot, lambda: board.column(TRAY).card(COUNT - 1).title == "Renamed far")
        assert "Renamed far" not in column_text(board, TRAY)
        await pilot.press("end")
        await pilot.pause()
        assert "Renamed far" in column_text(board, TRAY)


LONGEST = (  # 200 characters, emoji and markup-like text in it
    "Lasnamäe noorte ja eakate ühised turvalisuse jalutuskäigud 🚶‍♀️🏘️ [b]koos[/b] "
    "piirkonnapolitseiniku, sotsiaaltöötajate, korteriühistute ja vabatahtlike "
    "naabrivalvega igal kuul, ka pimedal ajal"
)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_the_selected_cards_status_stays_whole_under_a_long_title_and_names(
    make_app: MakeApp, ui_library: SessionLibrary, size: tuple[int, int]
) -> None:
    """Under the board the selected card's title, parties, status and rung: at 80×24 (three
    lines) long names pushed the status line out, unmarked. Now the status is whole and the
    title and names are cut with "…" where the lines run out."""
    names = [f"{name} ja tema naabrid Lasnamäelt" for name in ("Politsei", "Kaasiku vald", "Noored", "Eakad")]
    service = make_session(ui_library, lang="et", parties=names, activities=[(LONGEST, (0, 1, 2, 3))])
    app = make_app(session=service, lang="et")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        detail = app.screen.query_one("#board-detail")
        await until(pilot, lambda: "Redelile veel paigutamata" in str(detail.render()), "the status")
        drawn = [detail.render_line(y).text.strip() for y in range(detail.size.height)]
        assert drawn[0].startswith("▶ Lasnamäe noorte") and "[b]koos[/b]" in " ".join(drawn), drawn
        assert drawn[-1].startswith("Redelile veel paigutamata"), drawn  # the status, whole
        if size == (80, 24):
            assert drawn[-2].endswith("…"), drawn  # the title and names, cut where marked
        else:
            assert "Eakad ja tema naabrid Lasnamäelt" in " ".join(drawn), drawn  # room for all


def test_paragraphs_fit_their_lines_in_order() -> None:
    from textual.content import Content

    from facilitator.ui.text import fitted

    parts = [Content("one two three four five six"), Content("status"), Content("summary line")]
    assert fitted(parts, 40, 5, (1, 0, 2)).plain == "one two three four five six\nstatus\nsummary line"
    assert fitted(parts, 10, 3, (1, 0, 2)).plain == "one two\nthree fou…\nstatus"  # the summary gets none
    assert fitted(parts, 0, 3, (1, 0, 2)).plain == "one two three four five six\nstatus\nsummary line"
