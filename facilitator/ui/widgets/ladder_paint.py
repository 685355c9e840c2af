"""The ladder board's paint: its component styles made solid, a card's lines, a line's pieces.

Rich styles have no transparency, so every colour the board's CSS gives with an alpha
("35 %", a muted text) is blended here over what lies under it, once per restyle rather
than once per line. `render_card` then draws a card from those styles: plain strips,
no widget state.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.strip import Strip
from textual.widget import Widget

from facilitator.ui.widgets.ladder_columns import Card, wrap

TONES = ("agreed", "differ", "same", "open")

CardStyles = tuple[Style, Style, Style, Style, Style]
"""(base, title, parties, status, bar) of one look of card."""


class Palette:
    """A widget's component styles, solid over their backgrounds; cleared when it restyles."""

    def __init__(self, widget: Widget) -> None:
        self._widget = widget
        self._styles: dict[object, object] = {}

    def clear(self) -> None:
        self._styles.clear()

    def base(self) -> Style:
        """The widget's own rich style (over its ancestors' backgrounds), once per restyle:
        the board draws it on every line."""
        found = self._styles.get("")
        if found is None:
            found = self._styles[""] = self._widget.rich_style
        return found  # type: ignore[return-value]

    def style(self, name: str) -> Style:
        """A component's rich style, solid (no transparency), worked out once per restyle."""
        found = self._styles.get(name)
        if found is None:
            widget = self._widget
            background = widget.background_colors[1] + widget.get_component_styles(name).background
            found = self._styles[name] = widget.get_component_rich_style(name) + self.solid(name, background)
        return found  # type: ignore[return-value]

    def solid(self, name: str, background: Color) -> Style:
        """A component's colour made solid over `background`.

        Rich styles have no transparency: a muted colour (white at 60 %, or "auto") left as
        it is would come out plain white, unreadable on the projector's light cards.
        """
        styles = self._widget.get_component_styles(name)
        color = styles.color
        solid = background.get_contrast_text(color.a) if styles.auto_color else background + color
        return Style(color=solid.rich_color)

    def ink(self, name: str, background: Color) -> Style:
        return self._widget.get_component_rich_style(name, partial=True) + self.solid(name, background)

    def ground_ink(self, name: str) -> Style:
        """`ink` over the board's own background, worked out once per restyle (drawn on every line)."""
        key = ("ink", name)
        if key not in self._styles:
            self._styles[key] = self.ink(name, self._widget.background_colors[1])
        return self._styles[key]  # type: ignore[return-value]

    def card_styles(self, selected: bool, tone_name: str, column: str) -> CardStyles:
        """(base, title, parties, status, bar) for a card: worked out once per look, not per card."""
        key = (selected, tone_name, column)
        found = self._styles.get(key)
        if found is not None:
            return found  # type: ignore[return-value]
        widget = self._widget
        component = widget.get_component_rich_style
        body = "card--selected" if selected else "card--body"
        under = widget.background_colors[1] + widget.get_component_styles(column).background
        background = under + widget.get_component_styles(body).background
        # The card's own background and text, solid: a rich style has no transparency, so the
        # body's "35 %" would otherwise come out as the full colour under the column's ink.
        ink = background.get_contrast_text(1.0)
        base = self.style(column) + component(body, partial=True)
        base += Style(bgcolor=background.rich_color, color=ink.rich_color)
        title = base + component("card--title", partial=True)
        tone = self.ink(f"card--{tone_name}", background) if tone_name in TONES else Style()
        if selected:  # on the selection's background, muted or toned text would be hard to read
            parties, status, bar = base, base + Style(bold=True), base + Style(bold=True)
        else:
            parties = base + self.ink("card--parties", background)
            status = base + self.ink("card--status", background) + tone
            bar = base + tone + Style(bold=True)
        styles = (base, title, parties, status, bar)
        self._styles[key] = styles
        return styles


class Line:
    """A line of the board as it is drawn: its segments and the cells they take. Pieces are
    joined as `Strip.join` joins strips (a piece without text is left out), without a strip
    per piece."""

    def __init__(self) -> None:
        self.segments: list[Segment] = []
        self.cells = 0

    def blank(self, width: int, style: Style) -> None:
        if width > 0:
            self.segments.append(Segment(" " * width, style))
            self.cells += width

    def add_segment(self, segment: Segment, cells: int = 1) -> None:
        self.segments.append(segment)
        self.cells += cells

    def add(self, strip: Strip) -> None:
        if strip.cell_count:
            self.segments.extend(strip)
            self.cells += strip.cell_length

    def strip(self) -> Strip:
        return Strip(self.segments, self.cells)


def render_card(
    card: Card, width: int, selected: bool, styles: CardStyles, lines: tuple[int, int] = (2, 1)
) -> list[Strip]:
    """The card's lines (title, parties, status): an edge, the text, one cell of room on the
    right. The edge's glyph is drawn at the left of its cell, so the text keeps a gap there with
    no cell of its own: the room on the right costs no text. The selection is marked by the
    edge's shape ("▌" for "▏"), not by colour alone."""
    base, title, parties, status, bar = styles
    inner = max(width - 2, 1)
    rows: list[tuple[str, Style]] = [(text, title) for text in wrap(card.title, inner, lines[0])]
    rows += [(text, parties) for text in wrap(card.parties, inner, lines[1])]
    rows.append((wrap(card.status, inner, 1)[0], status))
    strips = []
    for text, style in rows:
        segments = [Segment("▌" if selected else "▏", bar), Segment(text, style)]
        strips.append(Strip(segments).adjust_cell_length(width, base))
    return strips
