"""Hand-built lines cut user text by terminal cells (CJK and emoji take two), never inside a
grapheme, and show it literally: party lists, board cards, overview rows, timeline, devices."""

from __future__ import annotations

import re

import pytest
from rich.cells import cell_len, split_graphemes
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from facilitator.core.library import SessionLibrary
from facilitator.ui.screens.join_panel import JoinPanel
from facilitator.ui.screens.overview_rows import cut as overview_cut
from facilitator.ui.text import cut, literal, literal_cell
from facilitator.ui.views.role_grid import fit, short_name
from facilitator.ui.widgets.ladder_columns import wrap
from facilitator.ui.widgets.linelist import Cell, LineList

from .helpers import MakeApp, until
from .test_join_panel import join, panel
from .test_placement import make_session, open_placement

FAMILY, THUMB = "👨\u200d👩\u200d👧", "👍🏽"
BROKEN = re.compile("(?<!👍)🏽|\u200d(?!👩|👧)|(?<!👨|👩)\u200d|👨(?!\u200d👩\u200d👧)")
"""A piece of FAMILY or THUMB without the rest of it."""


def whole(text: str) -> bool:
    flags_whole = all(len(run) % 2 == 0 for run in re.findall("[\U0001f1e6-\U0001f1ff]+", text))
    return not BROKEN.search(text) and flags_whole


def test_cut_measures_cells_and_keeps_graphemes_whole() -> None:
    assert cut("abcdef", 4) == "abc…"
    assert cut("漢字漢字", 5) == "漢字…"  # two cells a letter
    assert cut(FAMILY * 60, 9) == FAMILY * 4 + "…"  # 5 characters, 2 cells each
    assert cut(THUMB * 3, 5) == THUMB * 2 + "…"
    assert cut("x" * 5000, 10) == "x" * 9 + "…"
    assert cut("[b]a\nb", 9) == "[b]a⏎b"  # literal, controls made visible
    for width in range(1, 30):
        for text in ("ab" + FAMILY * 9, "e\u0301" * 20, "漢😀Š" * 9, THUMB * 12, "a🇪🇪🇫🇮" * 9):
            shown = cut(text, width)
            assert cell_len(shown) <= width and whole(shown), (text, width, shown)
    assert literal("漢字漢字", 5).plain == "漢字…"
    assert literal_cell(FAMILY * 30, 40).cell_len <= 40


def test_card_wrap_and_overview_cells_keep_graphemes_whole() -> None:
    for width in range(3, 20):
        for lines in wrap("x" + FAMILY * 12, width, 2), wrap(THUMB * 12 + " " + FAMILY * 3, width, 2):
            assert all(cell_len(line) <= width and whole(line) for line in lines), (width, lines)
    assert wrap("x" + FAMILY * 5, 5, 1) == ["x" + FAMILY + "…"]
    for width in range(3, 12):
        assert all(whole(line) for line in wrap("x🇪🇪🇫🇮🇱🇻🇪🇪", width, 2)), width
    shown = overview_cut(FAMILY * 60, 40)  # was cut by characters first: 17 cells of 40
    assert cell_len(shown) == 39 and shown.endswith(FAMILY + "…")


def test_role_grid_names_and_titles_fit_their_cells() -> None:
    assert short_name("Contributor", 8) == "Contrib."
    assert short_name("漢字漢字漢字", 5) == "漢字."  # was "漢字漢字.": nine cells in five
    assert short_name("Lead", 1) == "L"
    assert fit("漢字漢字漢字漢字 abc", 5, 2) == ["漢字…", "abc"]
    for width in range(2, 12):
        for line in fit(f"{FAMILY * 9} {THUMB * 9} 漢字漢字漢字 Õunapuu", width, 3):
            assert cell_len(line) <= width and whole(line), (width, line)


class Timeline(App[None]):
    def compose(self) -> ComposeResult:
        yield LineList()


async def test_a_line_list_cuts_a_title_of_emoji_by_cells() -> None:
    """The timeline's rows: a title of ZWJ families was cut after size+1 characters, so it
    ended in half a family, with no "…", at less than half the room."""
    app = Timeline()
    async with app.run_test(size=(40, 4)) as pilot:
        lines = app.query_one(LineList)
        lines.set_rows([(Cell(FAMILY * 40, width=20), Cell("[b]ok"))])
        await pilot.pause()
        text = lines.render_line(0).text
    assert text.startswith("▶ " + FAMILY * 9 + "…  [b]ok"), text  # 19 cells and a pad of 20


def wide_name(number: int) -> str:
    """An 80-character party name: CJK, emoji (joined, toned), Estonian letters, brackets."""
    return f"{number:02d} 漢字😀Šž Õunapuu[{number}] {THUMB}{FAMILY} {'漢字😀ŠžÕäöü[b]x ' * 5}"[:80]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_placement_list_shows_wide_names_whole_and_literal(
    make_app: MakeApp, ui_library: SessionLibrary, size: tuple[int, int]
) -> None:
    service = make_session(ui_library, parties=[wide_name(n) for n in range(1, 41)], activities=())
    service.add_activity("漢字😀 [b]", party_ids=[p.id for p in service.session.parties])
    app = make_app(session=service)
    async with app.run_test(size=size) as pilot:
        await until(pilot, lambda: bool(app.screen.query("#board")), "the board")
        screen = await open_placement(app, pilot)
        parties = screen.query_one("#party-list")
        prompts = [option.prompt.plain for option in parties.options]  # type: ignore[attr-defined]
        lines = [parties.render_line(y).text for y in range(parties.size.height)]
        width = parties.size.width
    assert prompts[0].startswith("▶ ○ not yet  01 漢字😀Šž Õunapuu[1] " + THUMB + FAMILY)
    for prompt in prompts:
        assert cell_len(prompt) <= 2 + cell_len("○ not yet") + 2 + 60 and whole(prompt), prompt
    for line in lines:
        assert cell_len(line) <= width and whole(line), line
    assert any("Õunapuu[" in line for line in lines)  # brackets are text, not markup
    assert split_graphemes(prompts[0])[1] == cell_len(prompts[0])


async def test_the_join_panels_devices_cut_wide_names_by_cells(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service = make_session(ui_library, parties=[wide_name(1)], activities=())
    party = service.session.parties[0].id
    app = make_app(session=service)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("j")
        await until(pilot, lambda: isinstance(app.screen, JoinPanel) and app.screen._ready)
        server = panel(app).server
        assert server.binding is not None
        phone, status, _ = await join(
            server.binding.url, server.desk.code, party, f"[b]{FAMILY * 9}{'漢' * 30}"
        )
        assert status == 200
        table = app.screen.query_one("#join-devices", DataTable)
        await until(pilot, lambda: table.row_count == 1)
        party_cell, name_cell = (str(cell) for cell in table.get_row_at(0)[:2])
        await phone.close()
    assert party_cell.startswith("01 漢字😀Šž Õunapuu[1] ") and party_cell.endswith("…")
    assert name_cell.startswith("[b]" + FAMILY) and name_cell.endswith("漢…")  # literal, whole
    assert cell_len(party_cell) <= 40 and cell_len(name_cell) <= 40  # 40 cells, not 40 characters
