"""A table that grows while shown draws each cell at its column's new width.

Textual measures new rows when idle, which can be after they were drawn, and its caches are
not keyed on the column's width: a party added live stayed cut at the older, narrower column
without a mark ("Kohalikud elani" for "Kohalikud elanikud" in the setup's party list)."""

from __future__ import annotations

from collections import Counter

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.widget import Widget
from textual.widgets import DataTable

from facilitator.ui.widgets.tables import Table


class OneTable(App[None]):
    CSS = "Table { width: 40; height: 8; }"  # a fixed size, as the setup's lists have: no resize

    def compose(self) -> ComposeResult:
        yield Table(cursor_type="row", id="people")

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


async def test_the_tables_measuring_runs_once_per_idle(monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual calls DataTable's own idle handler after any of a subclass's: a Table whose
    handler called it too measured every new row twice."""
    runs: Counter[str] = Counter()
    measure, check = DataTable._on_idle, Widget._on_idle

    async def counted_measure(self: DataTable[object], event: events.Idle) -> None:
        runs["measured", self.id or ""] += 1
        await measure(self, event)

    async def counted_check(self: Widget, event: events.Idle) -> None:
        runs["idle", self.id or ""] += 1
        await check(self, event)

    monkeypatch.setattr(DataTable, "_on_idle", counted_measure)
    monkeypatch.setattr(Widget, "_on_idle", counted_check)
    app = OneTable()
    async with app.run_test(size=(60, 10)) as pilot:
        table = app.query_one(Table)
        for n in range(5):
            table.add_row(f"Osapool {n} " * (n + 1), str(n))
            await pilot.pause()
        lines = shown(table)
    assert runs["idle", "people"] > 5
    assert runs["measured", "people"] == runs["idle", "people"]
    assert lines[-1].startswith(" Osapool 4 Osapool 4"), lines


def test_columns_share_the_width_a_small_one_whole_the_rest_by_weight() -> None:
    """A projector's table never scrolls sideways: the columns share its width."""
    from facilitator.ui.widgets.tables import fitted_widths

    assert fitted_widths(100, [2, 30, 18], [2, 20, 15], [1, 3, 1]) == [2, 30, 18]  # all fit: whole
    # Too wide: each its least, then what is left by weight; the rung (3 more) is met first, the
    # title gets three cells for the state's one.
    assert fitted_widths(80, [2, 200, 18, 35], [2, 20, 15, 14], [1, 3, 1, 1]) == [2, 40, 18, 20]
    # Narrower than the leasts: the widest above its floor gives way first, down to the floor.
    assert fitted_widths(40, [2, 200, 18, 35], [2, 21, 15, 14], [1, 3, 1, 1], [2, 7, 6, 4]) == [2, 14, 13, 11]
    assert fitted_widths(5, [10, 10], [10, 10], [1, 1], [4, 4]) == [4, 4]  # the floor holds


async def test_rows_wrap_into_taller_rows_within_the_width_and_fit_again_on_a_resize() -> None:
    from rich.text import Text

    from facilitator.ui.widgets.tables import Column

    app = OneTable()
    async with app.run_test(size=(60, 10)) as pilot:
        table = app.query_one(Table)
        table.styles.width = "1fr"
        title = "Piirkonnapolitseiniku teemaõhtud noortekeskuses ja eakate päevakeskuses 🏘️ [b]x[/b]"
        table.show_rows(
            (Column("title", "Tegevus", weight=3), Column("state", "Olek")),
            [("a", (Text(title), Text("≠ avalikustatud: arvamused erinevad")))],
        )
        await pilot.pause()
        assert table.virtual_size.width <= table.scrollable_content_region.width
        drawn = " ".join(table.render_line(y).text for y in range(1, table.rows["a"].height + 1))
        assert all(word in drawn for word in title.split())  # every word, literally
        tall = table.rows["a"].height
        assert tall > 1
        await pilot.resize_terminal(120, 10)
        await pilot.pause()
        assert table.rows["a"].height < tall  # fitted again to the wider table
