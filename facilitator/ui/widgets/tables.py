"""Keeping a DataTable's cursor on the same row when its rows are rebuilt."""

from __future__ import annotations

from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist


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
