"""A line-based list of rows of cells: one line per row, drawn only where on screen.

The review's mismatch list and the timeline's two sides: a log of 10,000 changes
costs no more than a screenful. Text is drawn as typed (never markup; controls made
visible).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from facilitator.ui.text import cut


@dataclass(frozen=True)
class Cell:
    """Text in a row, drawn as typed (never markup, controls shown as symbols); `style` names a
    component class; `width` None: the rest of the line."""

    text: str
    style: str = ""
    width: int | None = None


Row = tuple[Cell, ...]


class LineList(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows of plain-text cells, drawn only where visible; optionally with a row cursor.

    The cursor row is marked "▶" as well as highlighted, so it shows without colour.
    """

    COMPONENT_CLASSES = {
        "line-list--cursor",
        "line-list--heading",
        "line-list--muted",
        "line-list--strong",
        "line-list--mark",
    }
    DEFAULT_CSS = """
    LineList { height: 1fr; overflow-x: hidden; scrollbar-size-vertical: 1; }
    LineList > .line-list--cursor {
        background: $block-cursor-blurred-background;
        color: $block-cursor-blurred-foreground;
        text-style: bold;
    }
    LineList:focus > .line-list--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground;
    }
    LineList > .line-list--heading { text-style: bold; color: $primary; }
    LineList > .line-list--muted { color: $text-muted; }
    LineList > .line-list--strong { text-style: bold; }
    LineList > .line-list--mark { text-style: bold reverse; }
    """
    BINDINGS = [
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
    ]
    """Home and End are the screen's (first and last change), so the footer shows them."""

    class Moved(Message):
        """The cursor moved to another row (by key, click or `move_to`)."""

        def __init__(self, line_list: LineList, index: int) -> None:
            super().__init__()
            self.line_list = line_list
            self.index = index

        @property
        def control(self) -> LineList:
            return self.line_list

    def __init__(self, *, cursor: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.has_cursor = cursor
        self.cursor = 0
        self.rows: tuple[Row, ...] = ()
        self.marked: int | None = None  # a row drawn reversed (the board's current activity)
        self.can_focus = cursor

    # ---------------------------------------------------------------- data
    def set_rows(self, rows: Sequence[Row], *, marked: int | None = None) -> None:
        self.rows = tuple(rows)
        self.marked = marked
        self.cursor = min(self.cursor, max(len(self.rows) - 1, 0))
        self._set_virtual_height(len(self.rows))
        self.refresh()

    def _set_virtual_height(self, height: int) -> None:
        """Resize the scrollable area; without a layout pass when the scrollbar stays as it was.

        A layout pass repaints the whole screen; stepping through the timeline changes the
        board's length at almost every step, but rarely whether it needs a scrollbar.
        """
        new, old = Size(self.size.width, height), self.virtual_size
        if new == old:
            return
        shown = self.size.height
        if shown and old.width == new.width and (old.height > shown) == (new.height > shown):
            self.set_reactive(LineList.virtual_size, new)
            self._scroll_update(new)
        else:
            self.virtual_size = new

    def move_to(self, index: int, *, post: bool = True) -> None:
        """Put the cursor on a row, keep it in view and (by default) say so."""
        if not self.rows:
            return
        index = min(max(index, 0), len(self.rows) - 1)
        old, self.cursor = self.cursor, index
        self.refresh_lines(old, 1)
        self.refresh_lines(index, 1)
        self.show_row(index)
        if post:
            self.post_message(self.Moved(self, index))

    def show_row(self, index: int, *, top: bool = False) -> None:
        """Scroll so that the row is on screen (at the top when `top`)."""
        height = max(self.scrollable_content_region.height, 1)
        y = int(self.scroll_y)
        if top or index < y:
            y = index
        elif index >= y + height:
            y = index - height + 1
        if y != int(self.scroll_y):
            self.scroll_to(y=y, animate=False, immediate=True)

    # ---------------------------------------------------------------- keys and mouse
    def action_move(self, step: int) -> None:
        if self.has_cursor:
            self.move_to(self.cursor + step)
        else:
            self.scroll_to(y=self.scroll_y + step, animate=False)

    def action_page(self, step: int) -> None:
        height = max(self.scrollable_content_region.height - 1, 1)
        if self.has_cursor:
            self.move_to(self.cursor + step * height)
        else:
            self.scroll_to(y=self.scroll_y + step * height, animate=False)

    def action_edge(self, step: int) -> None:
        if self.has_cursor:
            self.move_to(0 if step < 0 else len(self.rows) - 1)
        else:
            self.scroll_to(y=0 if step < 0 else len(self.rows), animate=False)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or not self.has_cursor:
            return
        index = offset.y + int(self.scroll_y)
        if 0 <= index < len(self.rows):
            self.move_to(index)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows))

    # ---------------------------------------------------------------- drawing
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width or self.size.width
        base = self.rich_style
        index = y + int(self.scroll_y)
        if index >= len(self.rows):
            return Strip.blank(width, base)
        row = self.rows[index]
        on_cursor = self.has_cursor and index == self.cursor
        marked = index == self.marked
        line_style = base
        if on_cursor:
            line_style += self.get_component_rich_style("line-list--cursor", partial=True)
        elif marked:
            line_style += self.get_component_rich_style("line-list--mark", partial=True)
        prefix = "▶ " if on_cursor or marked else "  "
        segments = [Segment(prefix, line_style)]
        used = 2
        for cell in row:
            room = width - used
            if room <= 0:
                break
            size = room if cell.width is None else min(cell.width, room)
            text = fit(cut(cell.text, size), size)  # controls made visible, never run
            style = line_style
            if cell.style and not (on_cursor or marked):
                style += self.get_component_rich_style(f"line-list--{cell.style}", partial=True)
            elif cell.style == "heading":
                style += Style(bold=True)
            segments.append(Segment(text, style))
            used += size
            if cell.width is not None and used < width:
                segments.append(Segment(" ", line_style))
                used += 1
        return Strip(segments).adjust_cell_length(width, line_style)


def fit(text: str, width: int) -> str:
    """One line of plain text cut (with "…") or padded to exactly `width` cells."""
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, max(width - 1, 0)) + "…" if width > 0 else ""
