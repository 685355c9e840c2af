"""The app's tables: drawn again when a column widens; the cursor kept on its row when the
rows are rebuilt."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.segment import Segment
from textual import events
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets.data_table import CellKey, ColumnKey, RowDoesNotExist, RowKey


class Table(DataTable[object]):
    """A DataTable that draws its cells again when new rows widen a column, and where one
    column (`gives_way`) may give way so that the others stay in view.

    Textual measures new rows when idle, which can come after they were drawn, and its cell
    and line caches are not keyed on the column's width: a row added while the table was shown
    stayed cut at the older, narrower width, without a mark, or was not drawn at all."""

    def __init__(self, *args: Any, gives_way: str | None = None, least: int = 1, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.gives_way = gives_way
        self.least = least
        """The fewest cells the column that gives way keeps: where even that is too many, the
        last columns go out of sight (home's titles stay readable at 80 columns)."""
        """The key of a column of names, held as `text.CutCell`s: at most as wide as the other
        columns leave of the table, its names cut with a mark. A long party name pushed the
        setup's count of people out of sight (the table scrolled sideways)."""

    # Where DataTable measures, when idle (its own `_on_idle`, which Textual calls after any of
    # a subclass's: one that called it as well measured everything twice).
    def _update_column_widths(self, updated_cells: set[CellKey]) -> None:
        widths = self._widths()
        super()._update_column_widths(updated_cells)
        self._measured(widths)

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        widths = self._widths()
        super()._update_dimensions(new_rows)
        self._measured(widths)

    def _widths(self) -> list[int]:
        return [column.content_width for column in self.columns.values()]

    def _measured(self, widths: list[int]) -> None:
        if self._widths() != widths:
            self._update_count += 1  # part of every cache key: what was drawn is drawn again
            self.refresh()
        self._give_way()

    def _on_resize(self, event: events.Resize) -> None:
        # (no super(): Textual calls DataTable's own `_on_resize` too, each class's in turn)
        self._give_way()

    def _give_way(self) -> None:
        column = self.columns.get(ColumnKey(self.gives_way)) if self.gives_way else None
        room = self.scrollable_content_region.width
        if column is None or room <= 0:
            return
        others = sum(c.get_render_width(self) for c in self.columns.values() if c is not column)
        width = max(
            min(self.least, column.content_width),
            min(column.content_width, room - others - 2 * self.cell_padding),
        )
        if column.auto_width or column.width != width:
            column.auto_width, column.width = False, width
            self._update_count += 1
            self._require_update_dimensions = True
            self.refresh()

    def render_line(self, y: int) -> Strip:
        """A line with more to its right ends in "…": a column at the edge was cut unmarked
        ("kogukondlik-t" at 80 columns), as if that were the whole text."""
        strip = super().render_line(y)
        width = self.scrollable_content_region.width
        if self.scroll_x + width >= self.virtual_size.width or strip.cell_length < width or width < 2:
            return strip
        last = list(strip.crop(width - 1, width))
        if not last or not last[0].text.strip():
            return strip  # nothing cut here: an empty line, or a gap between columns
        return Strip([*strip.crop(0, width - 1), Segment("…", last[0].style)])


def key_at_cursor(table: DataTable[object]) -> str | None:
    """The key of the row under the cursor, or None for an empty table."""
    if table.row_count == 0 or not 0 <= table.cursor_row < table.row_count:
        return None
    key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
    return key if isinstance(key, str) else None


def move_to(table: DataTable[object], key: str | None, fallback: int) -> None:
    """Put the cursor on `key`'s row, or near where it was when that row is gone."""
    if table.row_count == 0:
        return
    row = fallback
    if key is not None:
        try:
            row = table.get_row_index(key)
        except RowDoesNotExist:
            row = fallback
    table.move_cursor(row=max(0, min(row, table.row_count - 1)), animate=False)
