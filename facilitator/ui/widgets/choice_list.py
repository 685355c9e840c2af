"""An OptionList where space chooses too, as in every other list the room uses."""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.ui.text import same


class ChoiceList(OptionList):
    """A list to choose one option from: enter, space or a click chooses."""

    BINDINGS = [Binding("space", "select", show=False)]


class PartyList(ChoiceList):
    """The parties of a placement round: ↑↓ move, enter has the highlighted party place (again).

    Shown in the key bar, so that re-placing a party is not a mouse-only act."""

    BINDINGS = [
        Binding("down", "cursor_down", "board.key.parties", key_display="↑↓"),
        Binding("enter", "select", "board.key.choose_party"),
    ]

    _restyle_when_shown = False

    def watch_has_focus(self, has_focus: bool) -> None:
        """Restyled for the focus it gained or lost; for a focus lost while hidden (the reveal
        hides the placing page and focuses the picture: ~1.3 ms of the key at 500 activities),
        once shown again, unless the focus is back by then."""
        if not has_focus and not all(
            node.display for node in self.ancestors_with_self if isinstance(node, Widget)
        ):
            self._restyle_when_shown = True
            return
        self._restyle_when_shown = False
        super().watch_has_focus(has_focus)

    def on_show(self) -> None:
        if self._restyle_when_shown:
            self._restyle_when_shown = False
            self.update_node_styles()

    def replace(self, options: Sequence[Option]) -> None:
        """Show `options`, unless the list shows them already (ids, text and style alike):
        replacing the options redraws and measures every line."""
        shown = self.options
        if len(shown) == len(options) and all(
            a.id == b.id and same(a.prompt, b.prompt) for a, b in zip(shown, options, strict=True)
        ):
            return
        self.clear_options()
        self.add_options(options)
