"""The ladder board: every rung at once, as a staircase, each activity a card.

Columns step up from left to right, from "not yet on the ladder" (the tray, on the
ground) through the first rung up to the highest. The whole board is one line-based
widget: each `CardColumn` keeps a tuple of `Card`s and its own scroll position, and
the board draws only the lines on screen, from strips cached per card. No widget is
mounted per card or per column, so a board of 500 activities changes as fast as one of
10, and the first frame has one widget to lay out and compose instead of sixteen.

The columns' data and geometry are in `ladder_columns.py`, the colours and a card's
lines in `ladder_paint.py`. The board knows nothing of sessions or languages: the view
hands it plain `Card`s and header texts (attributes down) and hears `Selected`,
`Opened` and `Dropped` (messages up).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from facilitator.ui.widgets.ladder_columns import (
    TRAY,
    Card,
    CardColumn,
    CardSource,
    ColumnBox,
    header_lines,
    wrap,
)
from facilitator.ui.widgets.ladder_paint import TONES, Line, Palette, render_card

NARROW = 96
"""Below this many columns the board shows the tray and one rung at a time (left/right step)."""

TALL = 36
"""From this many lines on, cards have room for three lines of title and two of parties."""


class LadderBoard(Widget, can_focus=True):
    """The staircase of columns, one selection across them, and keyboard and mouse navigation."""

    COMPONENT_CLASSES = {
        "ladder--tray",
        "ladder--column",
        "ladder--edge",
        "ladder--head",
        "ladder--head-tray",
        *(f"ladder--head-{n}" for n in range(1, 5)),
        "card--body",
        "card--selected",
        "card--title",
        "card--parties",
        "card--status",
        "card--empty",
        "card--track",
        "card--thumb",
        *(f"card--{tone}" for tone in TONES),
    }
    DEFAULT_CSS = """
    LadderBoard { height: 1fr; }
    LadderBoard > .ladder--column { background: $surface; color: $text; }
    LadderBoard > .ladder--tray { background: $background; color: $text; }
    LadderBoard > .ladder--edge { color: $panel-lighten-2; }
    LadderBoard > .ladder--head { color: $text; background: $primary 45%; }
    LadderBoard > .ladder--head-tray { color: $text-muted; background: $panel; }
    LadderBoard > .ladder--head-1 { color: $text; background: $primary 30%; }
    LadderBoard > .ladder--head-2 { color: $text; background: $primary 40%; }
    LadderBoard > .ladder--head-3 { color: $text; background: $primary 50%; }
    LadderBoard > .ladder--head-4 { color: $text; background: $primary 60%; }
    LadderBoard > .card--body { background: $boost; }
    LadderBoard > .card--selected { background: $accent 35%; }
    LadderBoard > .card--title { text-style: bold; }
    LadderBoard > .card--parties { color: $text-muted; }
    LadderBoard > .card--status { color: $text-muted; }
    LadderBoard > .card--empty { color: $text-muted; text-style: italic; }
    LadderBoard > .card--agreed { color: $text-success; }
    LadderBoard > .card--differ { color: $text-warning; }
    LadderBoard > .card--same { color: $text-primary; }
    LadderBoard > .card--open { color: $text-muted; }
    LadderBoard > .card--track { color: $panel-lighten-2; }
    LadderBoard > .card--thumb { color: $text-muted; }
    """

    BINDINGS = [
        Binding("up", "cursor(0, -1)", show=False),
        Binding("down", "cursor(0, 1)", show=False),
        Binding("left", "cursor(-1, 0)", show=False),
        Binding("right", "cursor(1, 0)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "edge(-1)", show=False),
        Binding("end", "edge(1)", show=False),
    ]

    class Selected(Message):
        """The facilitator moved the selection to a card (or to none)."""

        def __init__(self, board: LadderBoard, activity_id: str | None) -> None:
            super().__init__()
            self.board = board
            self.activity_id = activity_id

        @property
        def control(self) -> LadderBoard:
            return self.board

    class Opened(Message):
        """A card was double-clicked: open it."""

        def __init__(self, board: LadderBoard, activity_id: str) -> None:
            super().__init__()
            self.board = board
            self.activity_id = activity_id

    class Dropped(Message):
        """A card was dragged onto another column (`TRAY` or a rung id)."""

        def __init__(self, board: LadderBoard, activity_id: str, target: str) -> None:
            super().__init__()
            self.board = board
            self.activity_id = activity_id
            self.target = target

    def __init__(self, rung_ids: Iterable[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.keys: tuple[str, ...] = (TRAY, *rung_ids)
        self.columns = {key: CardColumn(key) for key in self.keys}
        self.selected_id: str | None = None
        self._where: dict[str, str] = {}
        self._drag: tuple[str, str] | None = None
        self._headers: dict[str, tuple[str, str]] = {}
        self._current: str | None = None
        self._boxes: dict[str, ColumnBox] = {}
        self._layout_key: tuple[int, int, int, bool, tuple[str, ...]] = (0, 0, 0, False, ())
        self._strips: dict[tuple[Card, int, bool, int, int], list[Strip]] = {}
        self._empties: dict[tuple[str, int], list[str]] = {}
        self._head_strips: dict[tuple[str, int], tuple[list[str], int, Strip]] = {}
        self._paint = Palette(self)
        self._wrapped: dict[str, tuple[tuple[object, ...], tuple[list[str], int]]] = {}
        self._rung_shown = self.keys[1] if len(self.keys) > 1 else TRAY
        self._sized: tuple[Size, Size] | None = None  # see board_size
        self.more_texts = ("▲ {n}", "▼ {n}")
        """How a column says that cards are out of sight above and below (in the interface language)."""

    def column(self, key: str) -> CardColumn:
        return self.columns[key]

    # ---------------------------------------------------------------- the staircase
    @staticmethod
    def rise_for(screen_height: int) -> int:
        """How far each step starts above the one before, for a terminal this tall."""
        return 1 if screen_height < 36 else 2 if screen_height < 52 else 3

    @property
    def narrow(self) -> bool:
        """Too narrow for five columns: the tray and one rung at a time."""
        return 0 < self.board_size().width < NARROW

    def board_size(self) -> Size:
        """The board's size (Textual's `size`), worked out again only when the layout or the
        style changes: `size` finds the widget in the screen's map each time, and every line
        drawn asked several times (a tenth of drawing the board)."""
        outer = self.outer_size
        if self._sized is None or self._sized[0] != outer:
            self._sized = (outer, self.size)
        return self._sized[1]

    def shown_keys(self) -> tuple[str, ...]:
        """The columns drawn: all of them, or (when narrow) the tray and the rung in view."""
        if not self.narrow:
            return self.keys
        if self._current is not None and self._current != TRAY:
            self._rung_shown = self._current
        return (TRAY, self._rung_shown)

    def boxes(self) -> dict[str, ColumnBox]:
        """Each column's place for the current size (worked out again when the size changes)."""
        width, height = self.board_size()
        tall = self.app.size.height >= TALL
        shown = self.shown_keys()
        rise = 0 if self.narrow else self.rise_for(self.app.size.height)
        key = (width, height, rise, tall, shown)
        if key != self._layout_key or not self._boxes:
            self._layout_key = key
            self._empties.clear()  # wrapped for the widths of before
            for column in self.columns.values():
                column.title_lines, column.party_lines = (3, 2) if tall else (2, 1)
            count = len(shown)
            usable = max(width - (count - 1), count)  # one cell between columns
            base, extra = divmod(usable, count)
            head = 5 if rise > 1 or (tall and self.narrow) else 3
            x = 0
            boxes = {}
            for index, column_key in enumerate(shown):
                column_width = base + (1 if index >= count - extra else 0)
                if self.narrow:  # the tray a third, the rung two thirds
                    column_width = usable // 3 if column_key == TRAY else usable - usable // 3
                top = rise * (count - 1 - index)
                cards_top = top + head + (1 if rise > 1 else 0)
                boxes[column_key] = ColumnBox(x, column_width, top, head, cards_top)
                column = self.columns[column_key]
                column.rows = max(height - cards_top, 1)
                column.clamp()
                if column.selected is not None:  # still wholly on screen at the new size
                    column.scroll_to_card(column.selected)
                x += column_width + 1
            self._boxes = boxes
        return self._boxes

    def on_resize(self) -> None:
        # No refresh: a new size has already repainted the widget (Textual refreshes it, and
        # the frame that brought the size drew it with `boxes` for that size). Repainting
        # again here redrew the whole board once more right after the first frame.
        self.boxes()

    # ---------------------------------------------------------------- data down
    def set_headers(self, headers: Mapping[str, tuple[str, str]]) -> None:
        """(title, detail) per column; the detail (a rung's summary) shows when there is room."""
        headers = dict(headers)
        if headers != self._headers:
            self._headers = headers
            self.refresh()

    # Later, not now: these handlers run before the widget's own `has_focus` is updated.
    def on_focus(self) -> None:
        self.call_later(self.refresh)

    def on_blur(self) -> None:
        self.call_later(self.refresh)

    def set_empty_texts(self, texts: Mapping[str, str]) -> None:
        for key, text in texts.items():
            column = self.columns[key]
            if text != column.empty_text:
                column.empty_text = text
                self._empties.clear()  # the texts of before (F7)
                if not column.ids:
                    self.refresh()

    def set_cards(self, columns: Mapping[str, Sequence[str]], source: CardSource) -> None:
        """Show the activities (ids), per column key, their cards made by `source` when drawn;
        unchanged columns are left alone."""
        old_where = self._where
        changed = False
        for key in self.keys:
            changed = self.columns[key].set_cards(columns.get(key, ()), source) or changed
        if not changed:
            return
        if len(self._strips) > 4 * sum(len(c.ids) for c in self.columns.values()) + 64:
            self._strips.clear()  # drop what belongs to cards long gone
        self._where = {activity_id: key for key in self.keys for activity_id in self.columns[key].ids}
        self.refresh()
        selected = self.selected_id
        if selected is not None and selected not in self._where:
            # Filtered out or removed: stay near where it was.
            was = old_where.get(selected)
            self.select(self._nearby(was) if was is not None else None, notify=True)
        elif selected is not None and old_where.get(selected) != self._where[selected]:
            self.select(selected, force=True)  # it moved: follow it

    def _nearby(self, key: str) -> str | None:
        ids = self.columns[key].ids
        if ids:
            return ids[0]
        for other in self.keys:
            if self.columns[other].ids:
                return self.columns[other].ids[0]
        return None

    def column_of(self, activity_id: str | None) -> str | None:
        return self._where.get(activity_id) if activity_id is not None else None

    # ---------------------------------------------------------------- selection
    def select(self, activity_id: str | None, *, notify: bool = False, force: bool = False) -> None:
        """Select a card (None for none), scroll it into view, and say so when `notify`."""
        if activity_id is not None and activity_id not in self._where:
            activity_id = None
        if activity_id == self.selected_id and not force:
            return
        where = self._where.get(activity_id or "")
        for key, column in self.columns.items():
            column.selected = activity_id if where == key else None
        self.selected_id = activity_id
        self._current = where
        if activity_id is not None and where is not None:
            self.boxes()
            self.columns[where].scroll_to_card(activity_id)
        self.refresh()
        if notify:
            self.post_message(self.Selected(self, activity_id))

    def action_cursor(self, dx: int, dy: int) -> None:
        key = self.column_of(self.selected_id)
        if key is None:
            self._select_first()
            return
        column = self.columns[key]
        index = column.index_of(self.selected_id) or 0
        if dy:
            target = min(max(index + dy, 0), len(column.ids) - 1)
            self.select(column.ids[target], notify=True)
            return
        position = self.keys.index(key) + dx
        if self.narrow and key == TRAY and dx > 0:  # from the tray to the rung in view first
            position = self.keys.index(self._rung_shown)
        while 0 <= position < len(self.keys):
            other = self.columns[self.keys[position]]
            if other.ids:
                # Keep the same height on screen where possible.
                row = index - column.scroll_y // column.pitch
                target = min(other.scroll_y // other.pitch + max(row, 0), len(other.ids) - 1)
                self.select(other.ids[target], notify=True)
                return
            position += dx

    def action_page(self, direction: int) -> None:
        key = self.column_of(self.selected_id)
        if key is None:
            self._select_first()
            return
        self.action_cursor(0, direction * self.columns[key].visible_rows())

    def action_edge(self, direction: int) -> None:
        key = self.column_of(self.selected_id)
        if key is None:
            self._select_first()
            return
        ids = self.columns[key].ids
        self.select(ids[0 if direction < 0 else -1], notify=True)

    def _select_first(self) -> None:
        for key in self.keys:
            ids = self.columns[key].ids
            if ids:
                self.select(ids[0], notify=True)
                return

    # ---------------------------------------------------------------- geometry for mouse and tests
    def column_at(self, x: int) -> str | None:
        """The column drawn at board cell `x`, if any (not the gaps between them)."""
        for key, box in self.boxes().items():
            if box.x <= x < box.right:
                return key
        return None

    def card_offset(self, key: str, index: int) -> tuple[int, int]:
        """Where (board cells) the `index`th card of a column is drawn: its title's first line."""
        box = self.boxes()[key]
        column = self.columns[key]
        return box.x + 3, box.cards_top + index * column.pitch - column.scroll_y

    def header_top(self, key: str) -> int:
        return self.boxes()[key].top

    def _header(self, key: str) -> tuple[list[str], int, bool]:
        """A column's header lines, how many are the title, and whether it is the current one.

        Wrapped once per change of text, width or focus, not once per line drawn.
        """
        box = self.boxes()[key]
        title, detail = self._headers.get(key, ("", ""))
        current = key == self._current and self.has_focus
        if self.narrow and key != TRAY:  # other rungs are a step left or right
            position = self.keys.index(key)
            title = ("◀ " if position > 1 else "") + title + (" ▶" if position < len(self.keys) - 1 else "")
        above, below = self.columns[key].more()
        told = [text.format(n=n) for text, n in zip(self.more_texts, (above, below), strict=True) if n]
        more = " · ".join(told)
        shown_detail = detail if self._layout_key[2] > 1 or box.head > 3 else ""
        inputs = (title, shown_detail, box.width - 2, box.head, current, more)
        cached = self._wrapped.get(key)
        if cached is None or cached[0] != inputs:
            lines, title_lines = header_lines(
                title, shown_detail, box.width - 2, box.head - (1 if more else 0), current
            )
            if more:
                lines.append(wrap(more, box.width - 2, 1)[0])
            cached = self._wrapped[key] = (inputs, (lines, title_lines))
        lines, title_lines = cached[1]
        return lines, title_lines, current

    def header_text(self, key: str) -> str:
        """A step's header as drawn (lines joined)."""
        return "\n".join(self._header(key)[0])

    def column_text(self, key: str) -> str:
        """The column's card area as drawn (lines joined), for tests and screen readers."""
        box, column = self.boxes()[key], self.columns[key]
        left = box.x + (1 if key == TRAY else 0)  # not the tray's edge, nor the scroll bar
        right = box.right - (1 if column.has_bar else 0)
        return "\n".join(
            self.render_line(y).crop(left, right).text for y in range(box.cards_top, self.board_size().height)
        )

    # ---------------------------------------------------------------- mouse
    def _hit(self, event: events.MouseEvent) -> tuple[str, Card | None, bool] | None:
        """(column, card under the pointer, on the scroll track) for a mouse event."""
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        key = self.column_at(offset.x)
        if key is None:
            return None
        box, column = self._boxes[key], self.columns[key]
        row = offset.y - box.cards_top
        if row < 0:
            return key, None, False
        if column.has_bar and offset.x == box.right - 1:
            return key, None, True
        return key, column.card_at(row), False

    def on_click(self, event: events.Click) -> None:
        hit = self._hit(event)
        if hit is None or hit[1] is None:
            return
        self.focus()
        self.select(hit[1].activity_id, notify=True)
        if event.chain >= 2:
            self.post_message(self.Opened(self, hit[1].activity_id))

    def on_mouse_down(self, event: events.MouseDown) -> None:
        hit = self._hit(event)
        self._drag = None
        if hit is None:
            return
        key, card, on_track = hit
        if on_track:  # a press on the scroll track scrolls there
            offset = event.get_content_offset(self)
            column, box = self.columns[key], self._boxes[key]
            if offset is not None:
                row = offset.y - box.cards_top
                column.scroll_y = round((column.lines - column.rows) * row / max(column.rows - 1, 1))
                column.clamp()
                self.refresh()
            return
        self._drag = (card.activity_id, key) if card is not None else None

    def on_mouse_up(self, event: events.MouseUp) -> None:
        drag, self._drag = self._drag, None
        if drag is None:
            return
        offset = event.get_content_offset(self)
        target = self.column_at(offset.x) if offset is not None else None
        if target is not None and target != drag[1]:
            self.select(drag[0], notify=True)
            self.post_message(self.Dropped(self, drag[0], target))

    def _scroll_under(self, event: events.MouseEvent, lines: int) -> None:
        offset = event.get_content_offset(self)
        key = self.column_at(offset.x) if offset is not None else None
        if key is not None:
            event.stop()
            column = self.columns[key]
            before = column.scroll_y
            column.scroll_y += lines
            column.clamp()
            if column.scroll_y != before:
                self.refresh()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._scroll_under(event, 3)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._scroll_under(event, -3)

    # ---------------------------------------------------------------- drawing
    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
        self._head_strips.clear()
        self._paint.clear()
        self._sized = None

    def _head_style(self, index: int, key: str) -> Style:
        if key == TRAY:
            return self._paint.style("ladder--head-tray")
        return self._paint.style(f"ladder--head-{min(index, 4)}")

    def render_line(self, y: int) -> Strip:
        """One line across the columns, as one list of segments: a strip per piece (blank,
        header, card line, edge, scroll bar) joined in the end made a dozen strips a line
        (each with its seven caches), half of drawing the board."""
        boxes = self.boxes()
        base = self._paint.base()
        line = Line()
        x = 0
        for key in self.shown_keys():
            box, column = boxes[key], self.columns[key]
            line.blank(box.x - x, base)  # the gap between columns
            if y < box.top:
                line.blank(box.width, base)
            elif y < box.top + box.head:
                line.add(self._header_line(key, box, y - box.top))
            elif y < box.cards_top:
                line.blank(box.width, self._ground(key))
            else:
                self._card_line(line, key, column, box, y - box.cards_top)
            x = box.right
        line.blank(self.board_size().width - x, base)
        return line.strip()

    def _ground(self, key: str) -> Style:
        return self._paint.style("ladder--tray" if key == TRAY else "ladder--column")

    def _header_line(self, key: str, box: ColumnBox, row: int) -> Strip:
        """A line of a column's header, made again when its wrapped lines change (new text,
        width or focus: `_header`) or the board restyles."""
        lines, title_lines, current = self._header(key)
        made = self._head_strips.get((key, row))
        if made is not None and made[0] is lines and made[1] == box.width:
            return made[2]
        style = self._head_style(self.keys.index(key), key)
        if current:
            style += Style(bold=True, reverse=True)
        else:
            style += Style(bold=row < title_lines)
        strip = Strip([Segment(" " + lines[row], style)]).adjust_cell_length(box.width, style)
        self._head_strips[(key, row)] = (lines, box.width, strip)
        return strip

    def _card_line(self, line: Line, key: str, column: CardColumn, box: ColumnBox, row: int) -> None:
        ground = self._ground(key)
        edge = 1 if key == TRAY else 0  # the tray's dashed left edge: "not yet on the ladder"
        bar = 1 if column.has_bar else 0
        width = box.width - edge - bar
        if edge:
            line.add_segment(Segment("╎", ground + self._paint.ground_ink("ladder--edge")))
        if not column.ids:
            lines = self._empty_lines(column.empty_text, max(width - 2, 1))
            if row < len(lines):
                style = ground + self._paint.ground_ink("card--empty")
                line.add(Strip([Segment(" " + lines[row], style)]).adjust_cell_length(width, ground))
            else:
                line.blank(width, ground)
        else:
            index, card_row = divmod(row + column.scroll_y, column.pitch)
            if index >= len(column.ids) or card_row >= column.card_lines:
                line.blank(width, ground)
            else:
                line.add(self._card_strips(key, column, index, width)[card_row])
        if bar:
            top, end = column.bar()
            thumb = top <= row < end
            ink = self._paint.ground_ink("card--thumb" if thumb else "card--track")
            line.add_segment(Segment("┃" if thumb else "│", ground + ink))

    def _card_strips(self, key: str, column: CardColumn, index: int, width: int) -> list[Strip]:
        """A card's lines, drawn once per look (width, selection, lines it may take)."""
        card = column.card(index)
        selected = card.activity_id == column.selected
        cache_key = (card, width, selected, column.title_lines, column.party_lines)
        strips = self._strips.get(cache_key)
        if strips is None:
            column_style = "ladder--tray" if key == TRAY else "ladder--column"
            styles = self._paint.card_styles(selected, card.tone, column_style)
            fit = (column.title_lines, column.party_lines)
            strips = self._strips[cache_key] = render_card(card, width, selected, styles, fit)
        return strips

    def _empty_lines(self, text: str, width: int) -> list[str]:
        """An empty column's text, wrapped once per text and width (not once per line drawn);
        kept until the widths or the texts change (`boxes`, `set_empty_texts`)."""
        key = (text, width)
        lines = self._empties.get(key)
        if lines is None:
            lines = self._empties[key] = [part for part in wrap(text, width, 12) if part]
        return lines
