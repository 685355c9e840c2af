"""A checkbox and a list of them whose state shows as a mark (✓ or blank), not by colour alone."""

from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist
from textual.widgets.selection_list import SelectionType


class TickBox(Checkbox):
    """Textual's Checkbox tells on from off by colour only; this one also draws a ✓."""

    @property
    def _button(self) -> Content:
        self.BUTTON_INNER = "✓" if self.value else " "
        return super()._button


class TickList(SelectionList[SelectionType]):
    """Textual's SelectionList draws the same "X" on every line, ticked or not, and tells them
    apart by colour only (a projector in a lit room washes it out); this one draws a ✓ on the
    ticked lines and a blank on the others."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        if len(segments) < 3 or segments[1].text != ToggleButton.BUTTON_INNER:
            return strip  # not an option's line (past the end)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        mark = "✓" if selection.value in self.selected else " "
        segments[1] = Segment(mark, segments[1].style, segments[1].control)
        return Strip(segments, strip.cell_length)
