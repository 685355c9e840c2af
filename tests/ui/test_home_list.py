"""The home list at 120x40: titles that differ only at their end are shown whole, a bad
file's row says why (a tester's finding: the scenario id took 24 columns on every row and
the title was cut before the year; a bad file showed its path, its reason cut)."""

from __future__ import annotations

from textual.widgets import DataTable

from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.ui.screens.home import HomeScreen

from .helpers import MakeApp, screen_shown


def row_text(table: DataTable[object], row: int) -> str:
    """A row as drawn (under the header line)."""
    lines = table.render_lines(table.size.region)
    return "".join(s.text for s in lines[row + 1])


async def test_titles_whole_and_a_bad_files_reason_at_120x40(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    scenario = find_scenario("kogukondlik-turvalisus")
    first = ui_library.create(scenario, title="Rapla turvalisuse ümarlaud 2025")
    ui_library.create(scenario, title="Rapla turvalisuse ümarlaud 2026")
    ui_library.create_from(first.session.id, title="Rapla turvalisuse ümarlaud 2027 (järg)")
    (ui_library.sessions_dir / "deadbeef.json").write_text('{"broken', encoding="utf-8")
    app = make_app(lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        home = await screen_shown(pilot, HomeScreen)
        await pilot.pause()
        table = home.query_one("#sessions", DataTable)
        shown = [row_text(table, row) for row in range(table.row_count)]
        said = "\n".join(shown)
        for year in ("2025", "2026", "2027 (järg)"):
            assert f"Rapla turvalisuse ümarlaud {year}" in said, said
        assert "kogukondlik-turvalisus" not in said  # one scenario for all: no column for it
        bad = next(line for line in shown if "deadbeef" in line)
        assert "töötoa fail on rikutud" in bad and str(ui_library.sessions_dir) not in bad, bad
