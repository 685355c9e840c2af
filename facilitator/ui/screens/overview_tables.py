"""The overview's tables: how cells look, and changing a `DataTable` in place (rows patched,
the cursor kept on its row, sideways scrolling by whole columns).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import (
    DataTable,
)
from textual.widgets.data_table import CellDoesNotExist

from facilitator.ui.screens.overview_rows import Rows


def mismatch_cell(column: int, text: str) -> Text:
    """Number right-aligned, the kind in bold (it is what the list is read by)."""
    if column == 0:
        return Text(text, justify="right")
    return Text(text, style="bold" if column == 1 else "")


def role_cell(column: int, text: str) -> Text:
    """The lead stands out by its star and in bold, never by colour alone."""
    if column == 0:
        return Text(text, justify="right")
    return Text(text, style="bold" if column >= 2 and text.startswith("★") else "")


def party_cell(column: int, text: str) -> Text:
    return Text(text, style="bold" if column == 0 else "")


def patch(
    table: DataTable[object],
    old: Rows,
    new: Rows,
    columns: tuple[tuple[str, str], ...],
    cell: Callable[[int, str], Text],
) -> bool:
    """Turn `old` rows into `new` in place when rows only went or changed; False if it can't."""
    keys = {key for key, _ in new}
    if [key for key, _ in old if key in keys] != [key for key, _ in new]:
        return False  # rows came or moved: rebuild
    before = dict(old)
    for key, _ in old:
        if key not in keys:
            table.remove_row(key)
    for key, cells in new:
        for index, (value, previous) in enumerate(zip(cells, before[key], strict=True)):
            if value != previous:
                table.update_cell(key, columns[index][0], cell(index, value))
    return True


def narrower(old: Sequence[int], new: Sequence[int]) -> bool:
    """Whether a column's widest cell got narrower (`cell_widths` before and now): a
    DataTable's columns only grow, so the table is rebuilt (at 80×24 the first fill, before the
    layout, was cut wide and kept the activity's title off screen)."""
    return any(n < o for n, o in zip(new, old, strict=False))


def cell_widths(rows: Rows) -> list[int]:
    """Each column's widest cell, in terminal cells."""
    widths: list[int] = []
    for _key, cells in rows:
        if not widths:
            widths = [0] * len(cells)
        widths = [max(w, cell_len(c)) for w, c in zip(widths, cells, strict=False)]
    return widths


def row_key(table: DataTable[object]) -> str | None:
    """The key of the row under the cursor, if any."""
    if table.row_count == 0 or not 0 <= table.cursor_row < table.row_count:
        return None
    try:
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
    except CellDoesNotExist:
        return None
    return key if isinstance(key, str) else None


def reveal_cursor(table: DataTable[object]) -> None:
    """Scroll only as far as the cursor needs, now that the table has its size.

    A table filled while its tab was hidden scrolled towards the cursor with no width,
    leaving the first scrolling column cut under the fixed ones.
    """
    table.scroll_to(x=0, animate=False, immediate=True)
    table.move_cursor(scroll=True)


def snap_to_columns(table: DataTable[object]) -> None:
    """Scroll sideways by whole columns: a column cut under the fixed ones reads as garbage."""
    fixed_width = sum(c.get_render_width(table) for c in table.ordered_columns[: table.fixed_columns])
    left = int(table.scroll_x) + fixed_width  # where the scrolling part starts, in line cells
    x = 0
    for index, column in enumerate(table.ordered_columns):
        width = column.get_render_width(table)
        if index >= table.fixed_columns and x < left < x + width:
            table.scroll_to(x=x + width - fixed_width, animate=False, immediate=True)
            return
        x += width
