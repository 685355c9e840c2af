"""`ButtonBar`: a row of buttons that becomes rows of two or three when one row can't hold them.

At 80 columns the agree view's bar ("Roll…  Võta kinnitus tagasi  + Lisa…  Rollide tabe") cut
its last button off in mid-word, and a mouse user could not tell what it was, or that more came
after it. A bar that does not fit whole lays its shown buttons out in a grid of equal cells,
three to a row if every label fits a third of the bar, else two; each button then keeps its
whole label. Call `fit()` when buttons are shown, hidden or relabelled; it runs on resize too.
"""

from __future__ import annotations

from textual import events
from textual.containers import Horizontal
from textual.geometry import Size

from facilitator.ui.widgets.button import Button

GAP = 1
"""Columns between two buttons (their margin in one row, the grid's gutter in rows)."""


def columns_for(widths: list[int], room: int) -> int:
    """How many buttons to a row: all of them if they fit side by side, else 3 or 2 (or 1)."""
    if not widths or sum(widths) + GAP * (len(widths) - 1) <= room:
        return 0  # one row, as laid out by the bar's own CSS
    for columns in (3, 2):
        cell = (room - GAP * (columns - 1)) // columns
        if max(widths) <= cell:
            return columns
    return 1


class ButtonBar(Horizontal):
    """A bar of buttons that stays whole: see the module's docstring."""

    DEFAULT_CSS = """
    ButtonBar.-rows {
        layout: grid;
        grid-gutter: 0 1;
        grid-rows: 1;
        height: auto;
    }
    ButtonBar.-rows > Button {
        margin: 0;
        width: 1fr;
    }
    """

    def on_resize(self, _event: events.Resize) -> None:
        self.fit()

    def fit(self) -> None:
        self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        shown = [button for button in self.query_children(Button) if button.display]
        widths = [self._natural_width(button) for button in shown]
        columns = columns_for(widths, self.content_size.width)
        self.set_class(columns > 0, "-rows")
        if columns:
            self.styles.grid_size_columns = columns

    @staticmethod
    def _natural_width(button: Button) -> int:
        """The button's width in one row: its label (Textual's own measure) with its gutter, at
        least its minimum width."""
        label = button.get_content_width(Size(0, 0), Size(0, 0)) + button.styles.gutter.width
        minimum = button.styles.min_width
        return max(label, int(minimum.value) if minimum is not None and minimum.is_cells else 0)
