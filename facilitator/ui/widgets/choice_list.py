"""An OptionList where space chooses too, as in every other list the room uses."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


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
