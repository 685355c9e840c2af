"""An OptionList where space chooses too, as in every other list the room uses."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class ChoiceList(OptionList):
    """A list to choose one option from: enter, space or a click chooses."""

    BINDINGS = [Binding("space", "select", show=False)]
