"""The activity list of the roles-and-expectations view: one entry per activity, with its rung,
sign-offs and alignment. Moving the cursor here posts OptionList's own messages; the view
makes the highlighted activity the workshop's selection."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.core.mismatches import Mismatch
from facilitator.core.model import Session
from facilitator.ui.host import widget_host_of
from facilitator.ui.views.agree_rows import ActivityRow, activity_option, activity_rows

SIDE_MAX = 56  # the activity list's widest, as in agree.tcss


class ActivityList(OptionList):
    """The activities; right (or enter) goes into the selected activity's items."""

    BINDINGS = [Binding("right", "to_items", "agree.key.to_items", show=False)]

    _signature: tuple[object, ...] = ()

    def action_to_items(self) -> None:
        self.screen.query_one("#agree-items", OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click on an activity: go into its items."""
        event.stop()
        self.action_to_items()

    def forget(self) -> None:
        """Draw every line anew next time (the language or the layout changed)."""
        self._signature = ()

    def show(
        self,
        session: Session,
        gaps: dict[str, list[Mismatch]],
        activity_id: str | None,
        *,
        narrow: bool,
        usable: int,
    ) -> None:
        """One line per activity (two short ones when `narrow`), the cursor on `activity_id`.
        `usable`: the view's width, for an estimate before the first layout."""
        t = widget_host_of(self.app).t
        rows = activity_rows(session, gaps)
        width = self.text_width(usable) if narrow else None
        signature = (t.language, width or False, rows)
        if signature != self._signature:
            self._signature = signature
            with self.prevent(OptionList.OptionHighlighted):
                self.clear_options()
                self.add_options(self._option(session, row, width) for row in rows)
        index = next((i for i, a in enumerate(session.activities) if a.id == activity_id), None)
        if index is not None and self.highlighted != index:
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = index

    def text_width(self, usable: int) -> int:
        """The width for text (the scrollbar aside): measured, or estimated before layout."""
        width = self.size.width
        if width <= 0:
            width = max(min(usable * 30 // 100, SIDE_MAX), 22)
        return max(width - 2, 8)

    def _option(self, session: Session, row: ActivityRow, narrow_width: int | None) -> Option:
        return activity_option(session, row, widget_host_of(self.app).t, narrow_width)
