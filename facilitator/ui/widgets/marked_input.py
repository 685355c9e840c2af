"""`MarkedInput`: an Input whose text, cut at an edge while the field is not being typed in,
ends (or starts) with "…".

Textual draws a field's text from where it was scrolled to and clips the rest without a
mark: setup's place ("Kaasiku vallamaja (Kaasiku vald on väljamõeldu") read as the whole
place. Focused, the field shows its text as Textual does (the cursor scrolls it)."""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Input


class MarkedInput(Input):
    """An Input that marks its text cut at either edge with "…" while it has no focus."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        if y or self.has_focus or not self.value or self.password:
            return strip
        width = self.scrollable_content_region.width
        scroll_x = int(self.scroll_offset.x)
        if width < 2 or (scroll_x == 0 and self._value.cell_len <= width):
            return strip
        cells = list(strip.crop(0, width))
        if self._value.cell_len - scroll_x > width:  # more to the right
            style = cells[-1].style if cells else None
            cells = [*Strip(cells).crop(0, width - 1), Segment("…", style)]
        if scroll_x > 0:  # more to the left
            style = cells[0].style if cells else None
            cells = [Segment("…", style), *Strip(cells).crop(1, width)]
        rest = strip.cell_length - width  # (the cursor's cell past the end: blank, not a letter)
        return Strip([*cells, Segment(" " * rest, cells[-1].style if cells else None)] if rest > 0 else cells)
