"""The app's tables: drawn again when a column widens; the cursor kept on its row when the
rows are rebuilt; rows that wrap to fit the width (`Table.show_rows`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.strip import Strip
from textual.widgets import DataTable
from textual.widgets.data_table import CellKey, ColumnKey, RowDoesNotExist, RowKey

from facilitator.core.record import record

WrappedRows = Sequence[tuple[str, Sequence[Text]]]
"""Rows of a table shown with `Table.show_rows`: each a key and its cells."""


@record
class Column:
    """A column of a table whose rows wrap (`Table.show_rows`).

    `weight`: its share of the room left once every column has its `least` (a title gets more
    than a state); `least`: the fewest cells it keeps before its words are folded; `wraps`:
    False keeps it as wide as its widest cell (a date, a number)."""

    key: str
    label: str
    weight: int = 1
    least: int = 0
    wraps: bool = True


def fitted_widths(
    room: int,
    natural: Sequence[int],
    least: Sequence[int],
    weights: Sequence[int],
    floor: Sequence[int] | None = None,
) -> list[int]:
    """Column widths (cells, without padding) that share `room` among columns that want
    `natural` cells and read well at `least`: every column its natural width where all fit;
    else each its least, and the rest shared by weight, a column never given more than it
    wants (what a small one leaves goes to the others). Where even the leasts don't fit, the
    widest above its `floor` (a header's width, a date's: else one cell) gives up cells first:
    its words fold."""
    widths = [min(n, low) for n, low in zip(natural, least, strict=True)]
    spare = room - sum(widths)
    if spare < 0:
        return _narrowed(widths, -spare, floor or [1] * len(widths))
    wants = [n - w for n, w in zip(natural, widths, strict=True)]
    wanting = [i for i, want in enumerate(wants) if want > 0]
    while spare > 0 and wanting:
        weight = sum(max(weights[i], 1) for i in wanting)
        met = [i for i in wanting if wants[i] * weight <= spare * max(weights[i], 1)]
        if not met:  # none is met: each its share of what is left, the first ones the odd cells
            shares = [spare * max(weights[i], 1) // weight for i in wanting]
            for n, i in enumerate(wanting):
                widths[i] += shares[n] + (1 if n < spare - sum(shares) else 0)
            return widths
        for i in met:
            widths[i], spare, wants[i] = widths[i] + wants[i], spare - wants[i], 0
        wanting = [i for i in wanting if wants[i]]
    return widths


def _narrowed(widths: list[int], excess: int, floor: Sequence[int]) -> list[int]:
    """`widths` less `excess` cells in all, each taken from the column with the most above its
    floor (a title gives up cells before a rung's name is folded)."""
    widths = list(widths)
    lows = [max(1, min(low, w)) for w, low in zip(widths, floor, strict=True)]
    for _ in range(excess):
        most = max(range(len(widths)), key=lambda i: widths[i] - lows[i])
        if widths[most] <= lows[most]:
            break
        widths[most] -= 1
    return widths


def text_widths(cells: Iterable[Text]) -> tuple[int, int]:
    """The widest line and the longest word of `cells`, in terminal cells."""
    line = word = 0
    for cell in cells:
        for text in cell.plain.split("\n"):
            line = max(line, cell_len(text))
            word = max([word, *(cell_len(w) for w in text.split())])
    return line, word


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
        self._wrapped: tuple[tuple[Column, ...], WrappedRows] | None = None
        self._fitted: list[int] = []

    def show_rows(self, columns: Sequence[Column], rows: WrappedRows) -> None:
        """Show `rows` in `columns` fitted to the table's width, their text wrapped into taller
        rows, never scrolled sideways (a projector's room can't scroll); fitted again when the
        width changes. The cursor stays on its row; the same rows again change nothing."""
        shown = (tuple(columns), [(key, tuple(cells)) for key, cells in rows])
        if shown != self._wrapped:
            self._wrapped, self._fitted = shown, []
        self._fit_rows()

    def _fit_rows(self) -> None:
        if self._wrapped is None:
            return
        columns, rows = self._wrapped
        widths = self._row_widths(columns, rows)
        if widths == self._fitted:
            return
        self._fitted = widths
        keep, index = key_at_cursor(self), self.cursor_row
        self.clear(columns=True)
        for column, width in zip(columns, widths, strict=True):
            self.add_column(Text(column.label), key=column.key, width=width)
        for key, cells in rows:
            self.add_row(*cells, key=key, height=None)
        move_to(self, keep, index)

    def _row_widths(self, columns: Sequence[Column], rows: WrappedRows) -> list[int]:
        width = self.size.width or self.app.size.width
        scrollbar = self.styles.scrollbar_size_vertical  # kept free: rows may outgrow the height
        room = width - self.styles.gutter.width - scrollbar - 2 * self.cell_padding * len(columns)
        natural, least, floor = [], [], []
        for n, column in enumerate(columns):
            line, word = text_widths(cells[n] for _key, cells in rows)
            label = cell_len(column.label)
            natural.append(max(line, label))
            least.append(max(word, label, column.least) if column.wraps else natural[-1])
            floor.append(label if column.wraps else natural[-1])
        return fitted_widths(room, natural, least, [column.weight for column in columns], floor)

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
        self._fit_rows()

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
