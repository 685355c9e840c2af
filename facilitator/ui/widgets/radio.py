"""A radio set where what is highlighted is what is chosen.

Textual's RadioSet moves a highlight with the arrow keys and chooses only on enter or
space: in a dialog that then saves with enter in a text field, the highlighted answer was
not the one saved. Here the arrow keys choose as they move, as in a browser's radio group.
"""

from __future__ import annotations

from textual.widgets import RadioButton, RadioSet


class ChosenRadioSet(RadioSet):
    """The arrow keys press the button they move to."""

    _ready = False

    def on_mount(self) -> None:
        self._ready = True  # Textual's own mount step moves the highlight: that chooses nothing

    def action_previous_button(self) -> None:
        super().action_previous_button()
        self._press_selected()

    def action_next_button(self) -> None:
        super().action_next_button()
        self._press_selected()

    def _press_selected(self) -> None:
        if self._selected is None or not self._ready:
            return
        button = self._nodes[self._selected]
        if isinstance(button, RadioButton) and not button.value:
            button.value = True

    def choose(self, index: int) -> None:
        """Set the chosen (and highlighted) button from code."""
        self._selected = index
        self._press_selected()
