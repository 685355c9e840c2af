"""A table that grows while shown draws each cell at its column's new width.

Textual measures new rows when idle, which can be after they were drawn, and its caches are
not keyed on the column's width: a party added live stayed cut at the older, narrower column
without a mark ("Kohalikud elani" for "Kohalikud elanikud" in the setup's party list)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import DataTable

from facilitator.ui.widgets.tables import Table


class OneTable(App[None]):
    CSS = "Table { width: 40; height: 8; }"  # a fixed size, as the setup's lists have: no resize

    def compose(self) -> ComposeResult:
        yield Table(cursor_type="row")

    def on_mount(self) -> None:
        table = self.query_one(Table)
        table.add_column("Osapool", key="name")
        table.add_column("Inimesi", key="people")
        table.add_row("Politsei", "0", key="police")


def shown(table: DataTable[object]) -> list[str]:
    return [table.render_line(y).text.rstrip() for y in range(table.row_count + 1)]


async def test_rows_drawn_before_they_were_measured_are_drawn_again_at_the_new_width() -> None:
    app = OneTable()
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        table = app.query_one(Table)
        table.clear()
        for key, name in (("police", "Politsei"), ("residents", "Kohalikud elanikud 🏘️")):
            table.add_row(name, "0", key=key)
        shown(table)  # drawn before Textual measured the new rows, as a busy screen does
        await pilot.pause()
        lines = shown(table)
        assert lines[2].startswith(" Kohalikud elanikud 🏘️"), lines
        assert lines[2].endswith("0") and lines[1].endswith("0"), lines


def test_every_table_of_the_app_is_one_that_draws_again() -> None:
    """A plain DataTable anywhere in the interface would bring the cut-off names back."""
    from pathlib import Path

    import facilitator.ui

    root = Path(facilitator.ui.__file__).parent
    plain = [str(path.relative_to(root)) for path in root.rglob("*.py") if "DataTable(" in path.read_text()]
    assert plain == [], plain
