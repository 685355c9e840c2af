"""Containers that draw only their background: one blank line, repeated.

Textual draws every line of every container through its styles cache (border, padding,
content, tint, opacity, line filters), also where the container's children cover it whole:
the workshop screen, its phase view and their switcher drew 140 of the 270 lines of its
first frame, and the screen its 50 again right after (~40 M instructions of the start at
160x50). A `Backdrop` draws the same cells, cut into the same segments, at the cost of a
line or two. Anything else set on it (a border, an outline, hatching, tint, opacity), or a
background not opaque (a screen over another shows that one through it), and Textual draws
it as always. (Defining a widget class costs ~2 M instructions of Textual's bookkeeping:
containers of a few lines are not worth a subclass of their own.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from textual.geometry import Region
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget
from textual.widgets import ContentSwitcher

DRAWN_BY_TEXTUAL = (
    *(f"border_{edge}" for edge in ("top", "right", "bottom", "left")),
    *(f"outline_{edge}" for edge in ("top", "right", "bottom", "left")),
    "hatch",
    "keyline",
    "tint",
    "opacity",
    "text_opacity",
)
"""Rules with which a line of the container is more than its background."""

# Textual reads a widget's default CSS along the chain of each class's first base that is a
# node: a mixin deriving from Widget there would cut Horizontal's and the others' off.
if TYPE_CHECKING:
    _Widget = Widget
else:
    _Widget = object


class Backdrop(_Widget):
    """Mixin (before the widget class) for a container whose own lines are its background."""

    def render_lines(self, crop: Region) -> list[Strip]:
        base, background = self.background_colors
        if background.a < 1 or self.opacity < 1 or self.styles.has_any_rules(*DRAWN_BY_TEXTUAL):
            return super().render_lines(crop)
        # As the styles cache makes them (`render_line`): its sum for a line's inside
        # (`get_inner_outer`), a padding row in one piece, a row beside the content in three.
        style = Style(background=base + background).rich_style
        width, height = self.region.size
        top, right, bottom, left = self.styles.padding
        row = Strip.blank(width, style)
        beside = [Segment(" " * left, style)] if left else []
        beside.append(Segment(" " * max(width - left - right, 0), style))
        beside += [Segment(" " * right, style)] if right else []
        inside = Strip(beside, width) if len(beside) > 1 else row
        for line_filter in self.get_line_filters():
            row, inside = (
                row.apply_filter(line_filter, background),
                inside.apply_filter(line_filter, background),
            )
        lines = [inside if top <= y < height - bottom else row for y in crop.line_range]
        if crop.column_span != (0, width):
            x1, x2 = crop.column_span
            lines = [line.crop(x1, x2) for line in lines]
        return lines


class BackdropSwitcher(Backdrop, ContentSwitcher):
    """A `ContentSwitcher` that draws only its background (what it shows covers it)."""
