"""The ladder board: every rung at once, as a staircase, each activity a card.

Columns step up from left to right, from "not yet on the ladder" (the tray, on the
ground) through the first rung up to the highest. Each column is a line-based
`CardColumn`: it keeps a tuple of `Card`s and draws only the lines on screen, so an
update replaces a tuple and repaints what is visible; no widget is mounted per card,
and a board of 500 activities changes as fast as one of 10.

The board knows nothing of sessions or languages: the view hands it plain `Card`s
and header texts (attributes down) and hears `Selected`, `Opened` and `Dropped`
(messages up).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from facilitator.core.text import one_line

TRAY = ""
"""The column key of the tray: activities with no agreed rung yet."""

TONES = ("agreed", "differ", "same", "open")


@dataclass(frozen=True)
class Card:
    """One activity as the board draws it; every text is plain (never markup)."""

    activity_id: str
    title: str
    parties: str
    status: str
    tone: str = ""
    """Colour only (`agreed`, `differ`, `same`, `open`); the meaning is in `status`."""


def wrap(text: str, width: int, lines: int) -> list[str]:
    """Word-wrap text into exactly `lines` lines of at most `width` cells, ending in "…" if cut."""
    text = one_line(text)
    if width <= 0:
        return [""] * lines
    out: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if cell_len(candidate) <= width:
            current = candidate
            continue
        if current:
            out.append(current)
        while cell_len(word) > width:  # a word longer than the line: hard break
            cut = _fit(word, width)
            out.append(word[:cut])
            word = word[cut:]
        current = word
        if len(out) >= lines:
            break
    else:
        if current or not out:
            out.append(current)
        if len(out) <= lines:
            return out + [""] * (lines - len(out))
    out = out[:lines]
    last = out[-1]
    if cell_len(last) + 1 > width:
        last = last[: _fit(last, max(width - 1, 1))]
    out[-1] = last.rstrip() + "…"
    return out


def _fit(text: str, width: int) -> int:
    """How many characters of `text` fit in `width` cells (at least one)."""
    used = 0
    for index, char in enumerate(text):
        used += cell_len(char)
        if used > width:
            return max(index, 1)
    return len(text)


class CardColumn(ScrollView, can_focus=False):
    """One rung (or the tray): its cards, drawn line by line, scrolled on its own."""

    COMPONENT_CLASSES = {
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
    CardColumn { scrollbar-size-vertical: 0; overflow-x: hidden; }
    CardColumn > .card--track { color: $panel-lighten-2; }
    CardColumn > .card--thumb { color: $text-muted; }
    CardColumn > .card--body { background: $boost; }
    CardColumn > .card--selected { background: $accent 35%; }
    CardColumn > .card--title { text-style: bold; }
    CardColumn > .card--parties { color: $text-muted; }
    CardColumn > .card--status { color: $text-muted; }
    CardColumn > .card--empty { color: $text-muted; text-style: italic; }
    CardColumn > .card--agreed { color: $text-success; }
    CardColumn > .card--differ { color: $text-warning; }
    CardColumn > .card--same { color: $text-primary; }
    CardColumn > .card--open { color: $text-muted; }
    """

    CARD_LINES = 4  # title (two lines), parties, status
    PITCH = CARD_LINES + 1  # and a gap

    class Pressed(Message):
        """A card was clicked (`chain` 2 for a double click)."""

        def __init__(self, column: CardColumn, activity_id: str, chain: int) -> None:
            super().__init__()
            self.column = column
            self.activity_id = activity_id
            self.chain = chain

    def __init__(self, key: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.key = key
        self._cards: tuple[Card, ...] = ()
        self._index: dict[str, int] = {}
        self._selected: str | None = None
        self._empty_text = ""
        self._strips: dict[tuple[Card, int, bool], list[Strip]] = {}
        self._styles: dict[tuple[bool, str], tuple[Style, Style, Style, Style, Style]] = {}
        self._bars: dict[tuple[bool, str], Strip] = {}

    # ---------------------------------------------------------------- data
    @property
    def cards(self) -> tuple[Card, ...]:
        return self._cards

    def set_cards(self, cards: Sequence[Card]) -> bool:
        """Show these cards; returns False (and does nothing) when nothing changed."""
        cards = tuple(cards)
        if cards == self._cards:
            return False
        self._cards = cards
        self._index = {card.activity_id: i for i, card in enumerate(cards)}
        if len(self._strips) > 4 * len(cards) + 64:  # drop what belongs to cards long gone
            self._strips.clear()
        self._set_virtual_height()
        self.refresh()
        return True

    def _set_virtual_height(self) -> None:
        """Resize the scrollable area without a layout pass (which repaints the whole screen).

        The column's own scroll bar is drawn inside its lines and takes no room of its own,
        so a new length changes only what the column draws.
        """
        new = Size(self.size.width, max(len(self._cards) * self.PITCH - 1, 1))
        if new == self.virtual_size:
            return
        if self.size.height:
            self.set_reactive(CardColumn.virtual_size, new)
            self._scroll_update(new)
        else:
            self.virtual_size = new

    def set_empty_text(self, text: str) -> None:
        if text != self._empty_text:
            self._empty_text = text
            if not self._cards:
                self.refresh()

    def index_of(self, activity_id: str | None) -> int | None:
        return self._index.get(activity_id) if activity_id is not None else None

    def select(self, activity_id: str | None) -> None:
        """Highlight one card (or none); only the lines of the two cards concerned repaint."""
        if activity_id == self._selected:
            return
        for old in (self._selected, activity_id):
            index = self.index_of(old)
            if index is not None:
                self.refresh_lines(index * self.PITCH, self.CARD_LINES)
        self._selected = activity_id

    def scroll_to_card(self, activity_id: str, animate: bool = False) -> None:
        index = self.index_of(activity_id)
        if index is not None:
            region = Region(0, index * self.PITCH, max(self.size.width, 1), self.CARD_LINES)
            self.scroll_to_region(region, animate=animate, force=True, immediate=True)

    def card_at(self, y: int) -> Card | None:
        """The card drawn on content line `y` (counted from the top of the widget)."""
        index, row = divmod(y + int(self.scroll_y), self.PITCH)
        if 0 <= index < len(self._cards) and row < self.CARD_LINES:
            return self._cards[index]
        return None

    def visible_rows(self) -> int:
        """How many whole cards fit on screen (at least one)."""
        return max((self.size.height + 1) // self.PITCH, 1)

    # ---------------------------------------------------------------- drawing
    # Textual's scrollbar costs ~10 ms a column to draw (each cell a styled, metadata-carrying
    # segment) and is redrawn whenever a column scrolls or changes length. The column draws
    # its own instead: the last cell of each line, a track "│" with a thumb "┃" (shape, not
    # only colour, shows where the view is); clicking the track scrolls there.

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
        self._styles.clear()
        self._bars.clear()

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, max(len(self._cards) * self.PITCH - 1, 1))

    @property
    def _has_bar(self) -> bool:
        return self.virtual_size.height > self.size.height > 0

    def _bar(self) -> tuple[int, int]:
        """The thumb's first line and its end (lines of the widget), for the current scroll."""
        height, total = self.size.height, max(self.virtual_size.height, 1)
        size = max(1, round(height * height / total))
        top = round((height - size) * self.scroll_y / max(total - height, 1))
        return top, top + size

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        bar = self._has_bar
        inner = width - 1 if bar else width
        strip = self._content_line(y, inner, base)
        if not bar:
            return strip
        top, end = self._bar()
        thumb = top <= y < end
        return Strip.join([strip, self._bar_strip(thumb)])

    def _bar_strip(self, thumb: bool) -> Strip:
        key = (thumb, "bar")
        found = self._bars.get(key)
        if found is None:
            ink = self._ink("card--thumb" if thumb else "card--track", self.background_colors[1])
            found = self._bars[key] = Strip([Segment("┃" if thumb else "│", self.rich_style + ink)], 1)
        return found

    def _content_line(self, y: int, width: int, base: Style) -> Strip:
        line = y + int(self.scroll_y)
        if not self._cards:
            lines = [text for text in wrap(self._empty_text, max(width - 2, 1), 12) if text]
            if line < len(lines):
                style = base + self._ink("card--empty", self.background_colors[1])
                return Strip([Segment(" " + lines[line], style)]).adjust_cell_length(width, base)
            return Strip.blank(width, base)
        index, row = divmod(line, self.PITCH)
        if index >= len(self._cards) or row >= self.CARD_LINES:
            return Strip.blank(width, base)
        card = self._cards[index]
        selected = card.activity_id == self._selected
        key = (card, width, selected)
        strips = self._strips.get(key)
        if strips is None:
            if len(self._strips) > 4 * len(self._cards) + 64:  # old widths, cards long gone
                self._strips.clear()
            strips = self._strips[key] = self._render_card(card, width, selected)
        return strips[row]

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A press on the scroll track scrolls there (the card under a press is the board's)."""
        offset = event.get_content_offset(self)
        if offset is None or not self._has_bar or offset.x != self.size.width - 1:
            return
        event.stop()
        height, total = self.size.height, self.virtual_size.height
        self.scroll_to(y=(total - height) * offset.y / max(height - 1, 1), animate=False)

    def _ink(self, name: str, background: Color) -> Style:
        """A component's style with its colour made solid over `background`.

        Rich styles have no transparency: a muted colour (white at 60 %, or "auto") left as
        it is would come out plain white, unreadable on the projector's light cards.
        """
        styles = self.get_component_styles(name)
        color = styles.color
        solid = background.get_contrast_text(color.a) if styles.auto_color else background + color
        return self.get_component_rich_style(name, partial=True) + Style(color=solid.rich_color)

    def _card_styles(self, selected: bool, tone_name: str) -> tuple[Style, Style, Style, Style, Style]:
        """(base, title, parties, status, bar) for a card: worked out once per look, not per card."""
        key = (selected, tone_name)
        found = self._styles.get(key)
        if found is not None:
            return found
        component = self.get_component_rich_style
        body = "card--selected" if selected else "card--body"
        background = self.background_colors[1] + self.get_component_styles(body).background
        base = self.rich_style + component(body, partial=True)
        title = base + component("card--title", partial=True)
        parties = base + self._ink("card--parties", background)
        tone = self._ink(f"card--{tone_name}", background) if tone_name in TONES else Style()
        # On the selection's background the tone's colour would be hard to read: bold instead.
        status = base + self._ink("card--status", background) + (Style(bold=True) if selected else tone)
        bar = base + tone + Style(bold=True)
        self._styles[key] = (base, title, parties, status, bar)
        return self._styles[key]

    def _render_card(self, card: Card, width: int, selected: bool) -> list[Strip]:
        """The card's lines; the selection is marked by "▶"/"┃", not by colour alone."""
        base, title, parties, status, bar = self._card_styles(selected, card.tone)
        inner = max(width - 2, 1)
        title_lines = wrap(card.title, inner, 2)
        rows: list[tuple[str, Style]] = [
            (title_lines[0], title),
            (title_lines[1], title),
            (wrap(card.parties, inner, 1)[0], parties),
            (wrap(card.status, inner, 1)[0], status),
        ]
        strips = []
        for row, (text, style) in enumerate(rows):
            marker = ("▶" if row == 0 else "┃") if selected else "▏"
            segments = [Segment(marker, bar), Segment(" " + text, style)]
            strips.append(Strip(segments).adjust_cell_length(width, base))
        return strips

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or (self._has_bar and offset.x == self.size.width - 1):
            return  # the scroll track, not a card
        card = self.card_at(offset.y)
        if card is not None:
            self.post_message(self.Pressed(self, card.activity_id, event.chain))


class StepHeader(Widget):
    """A step's header: the rung's number, name and count, and its summary when there is room.

    It wraps its text to its own width each time it is drawn, so resizing (or projector
    mode's wider margins) never leaves a header wrapped for another width.
    """

    def __init__(self) -> None:
        super().__init__(classes="ladder-head")
        self._text: tuple[str, str, bool, bool] = ("", "", False, False)

    def show(self, title: str, detail: str, *, current: bool, with_detail: bool) -> None:
        """Set the texts; only a repaint follows, never a layout pass (the height is fixed)."""
        text = (title, detail, current, with_detail)
        if text != self._text:
            self._text = text
            self.refresh()

    def on_resize(self) -> None:
        self.refresh()  # wrapped for the old width until redrawn

    def render(self) -> Content:
        title, detail, current, with_detail = self._text
        width, height = self.content_size.width or 20, self.content_size.height or 3
        if current:
            title = "▼ " + title  # the selection's column, marked in text as well as by reversing
        lines = [line for line in wrap(title, width, min(height, 3)) if line]
        if current:  # reversed across the whole width, not just under the letters
            lines = [line + " " * (width - cell_len(line)) for line in lines]
        head = Content("\n".join(lines)).stylize("bold reverse" if current else "bold")
        room = height - len(lines)
        if with_detail and detail and room > 0:
            more = [line for line in wrap(detail, width, room) if line]
            head = Content.assemble(head, "\n", "\n".join(more))
        return head


class LadderStep(Vertical):
    """One step of the staircase: a header and its column."""

    def __init__(self, key: str, index: int) -> None:
        super().__init__(classes=f"ladder-step ladder-step-{index}" + (" -tray" if key == TRAY else ""))
        self.key = key
        self.column = CardColumn(key)
        self.header = StepHeader()

    def compose(self) -> ComposeResult:
        yield self.header
        yield self.column


class LadderBoard(Widget, can_focus=True):
    """The staircase of columns, one selection across them, and keyboard navigation."""

    DEFAULT_CSS = """
    LadderBoard { height: 1fr; }
    LadderBoard > Horizontal { height: 1fr; }
    LadderBoard .ladder-step { width: 1fr; height: 1fr; }
    LadderBoard .ladder-head { height: 3; }
    LadderBoard .-tall .ladder-head { height: 5; }
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
        self.steps = {key: LadderStep(key, index) for index, key in enumerate(self.keys)}
        self.selected_id: str | None = None
        self._where: dict[str, str] = {}
        self._drag: tuple[str, str] | None = None
        self._rise = 0
        self._headers: dict[str, tuple[str, str]] = {}
        self._current: str | None = None

    def compose(self) -> ComposeResult:
        # The staircase from the terminal's height, known before the first layout: set here,
        # it costs no restyle and no second layout pass once the board learns its own size.
        self._set_rise(self.rise_for(self.app.size.height))
        with Horizontal():
            yield from self.steps.values()

    def column(self, key: str) -> CardColumn:
        return self.steps[key].column

    # ---------------------------------------------------------------- data down
    def set_headers(self, headers: Mapping[str, tuple[str, str]]) -> None:
        """(title, detail) per column; the detail (a rung's summary) shows when there is room."""
        self._headers = dict(headers)
        self._draw_headers()

    def _draw_headers(self) -> None:
        for key, (title, detail) in self._headers.items():
            self.steps[key].header.show(
                title, detail, current=key == self._current and self.has_focus, with_detail=self._rise > 1
            )

    # Later, not now: these handlers run before the widget's own `has_focus` is updated.
    def on_focus(self) -> None:
        self.call_later(self._draw_headers)

    def on_blur(self) -> None:
        self.call_later(self._draw_headers)

    def set_empty_texts(self, texts: Mapping[str, str]) -> None:
        for key, text in texts.items():
            self.column(key).set_empty_text(text)

    def set_cards(self, columns: Mapping[str, Sequence[Card]]) -> None:
        """Show the cards, per column key; unchanged columns are left alone."""
        old_where = self._where
        for key in self.keys:
            self.column(key).set_cards(columns.get(key, ()))
        self._where = {card.activity_id: key for key in self.keys for card in self.column(key).cards}
        selected = self.selected_id
        if selected is not None and selected not in self._where:
            # Filtered out or removed: stay near where it was.
            was = old_where.get(selected)
            self.select(self._nearby(was) if was is not None else None, notify=True)
        elif selected is not None and old_where.get(selected) != self._where[selected]:
            self.select(selected, force=True)  # it moved: follow it

    def _nearby(self, key: str) -> str | None:
        cards = self.column(key).cards
        if cards:
            return cards[0].activity_id
        for other in self.keys:
            if self.column(other).cards:
                return self.column(other).cards[0].activity_id
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
        for key in self.keys:
            step = self.steps[key]
            step.column.select(activity_id if where == key else None)
        self.selected_id = activity_id
        if where != self._current:
            # Marked in the header's text, not by a CSS class: restyling costs milliseconds.
            self._current = where
            self._draw_headers()
        if activity_id is not None:
            column = self.column(self._where[activity_id])
            self.call_after_refresh(column.scroll_to_card, activity_id)
        if notify:
            self.post_message(self.Selected(self, activity_id))

    def action_cursor(self, dx: int, dy: int) -> None:
        key = self.column_of(self.selected_id)
        if key is None:
            self._select_first()
            return
        column = self.column(key)
        index = column.index_of(self.selected_id) or 0
        if dy:
            target = min(max(index + dy, 0), len(column.cards) - 1)
            self.select(column.cards[target].activity_id, notify=True)
            return
        position = self.keys.index(key) + dx
        while 0 <= position < len(self.keys):
            cards = self.column(self.keys[position]).cards
            if cards:
                # Keep the same height on screen where possible.
                row = index - int(column.scroll_y) // CardColumn.PITCH
                other = self.column(self.keys[position])
                target = min(int(other.scroll_y) // CardColumn.PITCH + max(row, 0), len(cards) - 1)
                self.select(cards[target].activity_id, notify=True)
                return
            position += dx

    def action_page(self, direction: int) -> None:
        key = self.column_of(self.selected_id)
        if key is None:
            self._select_first()
            return
        column = self.column(key)
        self.action_cursor(0, direction * column.visible_rows())

    def action_edge(self, direction: int) -> None:
        key = self.column_of(self.selected_id)
        if key is None:
            self._select_first()
            return
        cards = self.column(key).cards
        self.select(cards[0 if direction < 0 else -1].activity_id, notify=True)

    def _select_first(self) -> None:
        for key in self.keys:
            cards = self.column(key).cards
            if cards:
                self.select(cards[0].activity_id, notify=True)
                return

    # ---------------------------------------------------------------- mouse
    def on_card_column_pressed(self, message: CardColumn.Pressed) -> None:
        message.stop()
        self.focus()
        self.select(message.activity_id, notify=True)
        if message.chain >= 2:
            self.post_message(self.Opened(self, message.activity_id))

    def _column_at(self, x: int, y: int) -> str | None:
        try:
            widget, _ = self.screen.get_widget_at(x, y)
        except Exception:  # outside the screen: no column
            return None
        node: Widget | None = widget
        while node is not None and node is not self:
            if isinstance(node, LadderStep):
                return node.key
            parent = node.parent
            node = parent if isinstance(parent, Widget) else None
        return None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._column_at(event.screen_x, event.screen_y)
        if key is None:
            return
        column = self.column(key)
        card = column.card_at(event.screen_y - column.content_region.y)
        self._drag = (card.activity_id, key) if card is not None else None

    def on_mouse_up(self, event: events.MouseUp) -> None:
        drag, self._drag = self._drag, None
        if drag is None:
            return
        target = self._column_at(event.screen_x, event.screen_y)
        if target is not None and target != drag[1]:
            self.select(drag[0], notify=True)
            self.post_message(self.Dropped(self, drag[0], target))

    # ---------------------------------------------------------------- the staircase
    @staticmethod
    def rise_for(screen_height: int) -> int:
        """How far each step starts above the one before, for a terminal this tall."""
        return 1 if screen_height < 36 else 2 if screen_height < 52 else 3

    def on_resize(self, event: events.Resize) -> None:
        self._set_rise(self.rise_for(self.app.size.height))

    def _set_rise(self, rise: int) -> None:
        """Each step starts one rise above the one before: the higher the rung, the higher it starts."""
        if rise == self._rise:
            return
        self._rise = rise
        last = len(self.keys) - 1
        for index, key in enumerate(self.keys):
            # Padding, not margin: every column still reaches the bottom of the board.
            self.steps[key].styles.padding = (rise * (last - index), 0, 0, 0)
            self.steps[key].set_class(rise > 1, "-tall")
        self._draw_headers()
