"""The ladder board's data and geometry: cards, columns with their own scroll, and text fitting.

Plain data and pure functions (no drawing, no Textual): `LadderBoard` in `ladder.py` keeps a
`CardColumn` per rung, lays them out as `ColumnBox`es and draws them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.cells import cell_len

from facilitator.core.record import record
from facilitator.core.text import one_line
from facilitator.ui.text import grapheme_spans

TRAY = ""
"""The column key of the tray: activities with no agreed rung yet."""


@record
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
    for word in _glued(text.split(" ")):
        candidate = f"{current} {word}" if current else word
        if cell_len(candidate) <= width:
            current = candidate
            continue
        if current:
            out.append(current)
        if cell_len(word) > width:  # a word longer than the line: cut with "…", never split in two
            word = word[: _fit(word, max(width - 1, 1))] + "…"
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


def _glued(words: list[str]) -> list[str]:
    """The words, a lone "·" joined to the one after it: a line never ends in a separator with
    its count alone below ("1. Kommunikatsioon ·" / "3" read as two things)."""
    glued: list[str] = []
    for word in words:
        if glued and glued[-1] == "·":
            glued[-1] = f"· {word}"
        else:
            glued.append(word)
    return glued


def _fit(text: str, width: int) -> int:
    """How many characters of `text` fit in `width` cells (at least one grapheme): cut
    between graphemes only, so an emoji keeps its skin tone and a ZWJ family stays whole."""
    spans = grapheme_spans(text)
    fitted = used = 0
    for _start, end, cells in spans:
        used += cells
        if used > width:
            return fitted or end
        fitted = end
    return len(text)


@record
class ColumnBox:
    """Where a column is drawn, in board cells: its left edge, width, header top and card top."""

    x: int
    width: int
    top: int
    head: int  # header lines
    cards_top: int

    @property
    def right(self) -> int:
        return self.x + self.width


CardSource = Callable[[str], Card]
"""Makes an activity's card (by its id) when the board first draws it."""


def _no_card(activity_id: str) -> Card:
    raise KeyError(activity_id)


class CardColumn:
    """One rung (or the tray): its activities in order, the selected one, and how far it is scrolled.

    Plain data kept by the board, which draws it; `scroll_y` counts card lines. A column
    knows its activities' ids; a `Card` is made (by the view's `CardSource`) when it is first
    drawn or asked for: a column of 500 activities makes the dozen on screen for the first
    frame, and the others as they are scrolled to.
    """

    def __init__(self, key: str) -> None:
        self.key = key
        self.title_lines = 2
        self.party_lines = 1
        self._ids: tuple[str, ...] = ()
        self._index: dict[str, int] = {}
        self._source: CardSource = _no_card
        self._made: dict[str, Card] = {}
        self.selected: str | None = None
        self.empty_text = ""
        self.scroll_y = 0
        self.rows = 1  # card lines on screen, set by the board's layout

    @property
    def ids(self) -> tuple[str, ...]:
        """The activities' ids, in the order their cards are drawn."""
        return self._ids

    def card(self, index: int) -> Card:
        """The `index`th card, made now if it has not been yet."""
        activity_id = self._ids[index]
        card = self._made.get(activity_id)
        if card is None:
            card = self._made[activity_id] = self._source(activity_id)
        return card

    @property
    def cards(self) -> tuple[Card, ...]:
        """Every card, all made now (tests, screen readers); the board makes only those it draws."""
        return tuple(self.card(index) for index in range(len(self._ids)))

    @property
    def card_lines(self) -> int:
        """A card's height: its title's lines, its parties' lines and the status line."""
        return self.title_lines + self.party_lines + 1

    @property
    def pitch(self) -> int:
        return self.card_lines + 1  # and a gap

    def more(self) -> tuple[int, int]:
        """How many cards are (wholly or partly) out of sight above and below."""
        if not self.has_bar:
            return 0, 0
        count, pitch = len(self._ids), self.pitch
        above = min(count, -(-self.scroll_y // pitch))  # cards starting above the top: ceil
        bottom = self.scroll_y + self.rows
        whole = (bottom - self.card_lines) // pitch + 1 if bottom >= self.card_lines else 0
        return above, max(0, count - whole)

    @property
    def lines(self) -> int:
        """Card lines in all (the last card has no gap under it)."""
        return max(len(self._ids) * self.pitch - 1, 0)

    @property
    def has_bar(self) -> bool:
        return self.lines > self.rows

    def set_cards(self, ids: Sequence[str], source: CardSource) -> bool:
        """Show these activities, their cards made by `source`; False when what is drawn is the same.

        The cards on screen are made again now (to tell); the others when next drawn.
        """
        ids = tuple(ids)
        made, self._made, self._source = self._made, {}, source
        if ids != self._ids:
            self._ids = ids
            self._index = {activity_id: i for i, activity_id in enumerate(ids)}
            self.clamp()
            return True
        changed = False
        for index in self.on_screen():
            before = made.get(ids[index])
            changed = changed or (before is not None and self.card(index) != before)
        return changed

    def on_screen(self) -> range:
        """The indexes of the cards (wholly or partly) in the column's window."""
        first = self.scroll_y // self.pitch
        last = (self.scroll_y + self.rows - 1) // self.pitch
        return range(first, min(last + 1, len(self._ids)))

    def index_of(self, activity_id: str | None) -> int | None:
        return self._index.get(activity_id) if activity_id is not None else None

    def clamp(self) -> None:
        self.scroll_y = min(max(self.scroll_y, 0), max(self.lines - self.rows, 0))

    def scroll_to_card(self, activity_id: str) -> None:
        """Scroll just enough for the card to be wholly on screen."""
        index = self.index_of(activity_id)
        if index is None:
            return
        top = index * self.pitch
        if top < self.scroll_y:
            self.scroll_y = top
        elif top + self.card_lines > self.scroll_y + self.rows:
            self.scroll_y = top + self.card_lines - self.rows
        self.clamp()

    def card_at(self, row: int) -> Card | None:
        """The card drawn on card line `row` (counted from the top of the card area)."""
        index, line = divmod(row + self.scroll_y, self.pitch)
        if row >= 0 and 0 <= index < len(self._ids) and line < self.card_lines:
            return self.card(index)
        return None

    def visible_rows(self) -> int:
        """How many whole cards fit on screen (at least one)."""
        return max((self.rows + 1) // self.pitch, 1)

    def bar(self) -> tuple[int, int]:
        """The scroll thumb's first line and its end, in card-area lines."""
        height, total = self.rows, max(self.lines, 1)
        size = max(1, round(height * height / total))
        top = round((height - size) * self.scroll_y / max(total - height, 1))
        return top, top + size


def header_lines(title: str, detail: str, width: int, height: int, current: bool) -> tuple[list[str], int]:
    """A step's header in `height` lines of `width` cells (the detail when there is room),
    and how many of them are the title."""
    if current:
        title = "▼ " + title  # the selection's column, marked in text as well as by reversing
    lines = [line for line in wrap(title, width, min(height, 3)) if line]
    title_lines = len(lines)
    room = height - len(lines)
    if detail and room > 0:
        lines += [line for line in wrap(detail, width, room) if line]
    return lines + [""] * (height - len(lines)), title_lines
