"""The lists and buttons of the roles-and-expectations view: keys and clicks, nothing else."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.widgets import Button, OptionList


class ActivityList(OptionList):
    """The activities; right (or enter) goes into the selected activity's items."""

    BINDINGS = [Binding("right", "to_items", "agree.key.to_items", show=False)]

    def action_to_items(self) -> None:
        self.screen.query_one("#agree-items", OptionList).focus()


class ItemList(OptionList):
    """The selected activity's parties, commitments, expectations, fields and actions."""

    BINDINGS = [
        Binding("enter", "select", "agree.key.open"),
        Binding("left", "to_activities", "agree.key.to_activities", show=False),
    ]

    def action_to_activities(self) -> None:
        self.screen.query_one("#agree-activities", OptionList).focus()

    async def _on_click(self, event: events.Click) -> None:
        """A click puts the cursor on a line (so the buttons act on it); a click on the cursor's
        line, or a double click, opens it."""
        event.prevent_default()  # instead of the option list's own click: it opens at once
        clicked: int | None = event.style.meta.get("option")
        if clicked is None or self.get_option_at_index(clicked).disabled:
            return
        if clicked == self.highlighted or event.chain > 1:
            self.highlighted = clicked
            self.action_select()
        else:
            self.highlighted = clicked


class BarButton(Button, can_focus=False):
    """A button of the bar: a click acts on the item under the cursor and leaves the focus there."""


class GapList(OptionList):
    """The selected activity's open mismatches; enter goes to the item a mismatch concerns."""

    BINDINGS = [Binding("enter", "select", "agree.key.jump")]
