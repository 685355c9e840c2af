"""The activity list of the roles-and-expectations view, and which activity is selected.

The selection is the workshop's, shared with every view (and the next start): a choice made
here is reported to it at once, and one made elsewhere arrives as `selected_activity`.
"""

from __future__ import annotations

from textual import on
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.core.model import Session
from facilitator.ui.views.agree_items import Item
from facilitator.ui.views.agree_panel import AgreePanel
from facilitator.ui.views.agree_rows import ActivityRow, activity_option, activity_rows

SIDE_MAX = 56  # the activity list's widest, as in agree.tcss


class ActivitiesPanel(AgreePanel):
    """The activities on the left: one entry each, with its rung, sign-offs and alignment."""

    _list_signature: tuple[object, ...] = ()

    def _follow_selection(self) -> None:
        """Show the activity selected here or in another view (summary, board, overview…)."""
        selected = self.selected_activity_id
        if selected is not None:
            self.activity_id = selected

    def _fill_activities(self, session: Session) -> None:
        listing = self.query_one("#agree-activities", OptionList)
        rows = activity_rows(session, self._gaps)
        signature = (self.t.language, self.has_class("-narrow") and self._side_width(), rows)
        if signature != self._list_signature:
            self._list_signature = signature
            with listing.prevent(OptionList.OptionHighlighted):
                listing.clear_options()
                listing.add_options(self._activity_option(session, row) for row in rows)
        index = next((i for i, a in enumerate(session.activities) if a.id == self.activity_id), None)
        if index is not None and listing.highlighted != index:
            with listing.prevent(OptionList.OptionHighlighted):
                listing.highlighted = index

    def _side_width(self) -> int:
        """The activity list's width for text (its scrollbar aside): measured, or estimated before layout."""
        width = self.query_one("#agree-activities", OptionList).size.width
        if width <= 0:
            usable = self.app.size.width - self.styles.gutter.width
            width = max(min(usable * 30 // 100, SIDE_MAX), 22)
        return max(width - 2, 8)

    def _activity_option(self, session: Session, row: ActivityRow) -> Option:
        narrow_width = self._side_width() if self.has_class("-narrow") else None
        return activity_option(session, row, self.t, narrow_width)

    @on(OptionList.OptionSelected, "#agree-activities")
    def _activity_chosen(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click on an activity: go into its items."""
        event.stop()
        self.query_one("#agree-items", OptionList).focus()

    def show_target(self, activity_id: str, target: str = "") -> None:
        """Select an activity and put the cursor on the item `target` names (a party,
        expectation, commitment, action or field id), e.g. from a mismatch elsewhere."""
        session = self.session
        if not session.has_activity(activity_id):
            return
        self.activity_id = activity_id
        self.select_activity(activity_id, chosen=True)
        self.show_session(session)
        items = self.query_one("#agree-items", OptionList)
        if target:
            for index, option in enumerate(items.options):
                item = Item.parse(option.id)
                if item is not None and item.key == target and not option.disabled:
                    items.highlighted = index
                    break
        items.focus()
