"""The item and mismatch lists and the buttons of the roles-and-expectations view: each list
draws what it is given and says what was chosen (messages up); the view acts on it."""

from __future__ import annotations

from textual import events, on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import OptionDoesNotExist

from facilitator.core.i18n import Translator
from facilitator.core.mismatches import Mismatch
from facilitator.core.model import Activity, Session
from facilitator.ui.views.agree_rows import gap_option, item_options, reopened_parties
from facilitator.ui.widgets.button import Button


class ItemList(OptionList):
    """The selected activity's parties, commitments, expectations, fields and actions."""

    BINDINGS = [
        Binding("enter", "select", "agree.key.open"),
        Binding("left", "to_activities", "agree.key.to_activities", show=False),
    ]

    _signature: tuple[object, ...] = ()
    _activity: str | None = None

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

    def forget(self) -> None:
        """Draw every line anew next time (the language, the layout or projector mode changed)."""
        self._signature = ()

    def show(
        self, session: Session, activity: Activity, t: Translator, *, width: int, projector: bool
    ) -> None:
        """The activity's lines, the cursor kept on its line (or near where it was)."""
        reopened = reopened_parties(session, activity.id)
        signature: tuple[object, ...] = (
            t.language,
            projector,
            width,
            activity,
            tuple(sorted(session.roles_for(activity.id).items())),
            session.commitments_for(activity.id),
            session.expectations_for(activity.id),
            tuple(sorted(session.fields_for(activity.id).items())),
            tuple(s.party_id for s in session.signoffs_for(activity.id)),
            session.actions_for(activity.id),
            tuple(sorted(reopened.items())),
            tuple((p.id, p.name) for p in session.parties),
        )
        if signature == self._signature:
            return
        same_activity = self._activity == activity.id
        self._activity = activity.id
        self._signature = signature
        previous = self.highlighted_option.id if self.highlighted_option is not None else None
        index = self.highlighted or 0
        options = list(item_options(session, activity, reopened, t=t, width=width, projector=projector))
        with self.prevent(OptionList.OptionHighlighted):
            self.clear_options()
            self.add_options(options)
            target: int | None = None
            if same_activity and previous is not None:
                try:
                    target = self.get_option_index(previous)
                except OptionDoesNotExist:  # the option went away: stay near its place
                    target = None
            if target is None:
                target = self._enabled_near(index if same_activity else 0)
            if not same_activity:
                self.scroll_home(animate=False)  # another activity: from its first line
            self.highlighted = target

    def _enabled_near(self, index: int) -> int | None:
        count = self.option_count
        if count == 0:
            return None
        index = min(max(index, 0), count - 1)
        order = [*range(index, count), *range(index - 1, -1, -1)]
        return next((i for i in order if not self.get_option_at_index(i).disabled), None)


class BarButton(Button, can_focus=False):
    """A button of the bar: a click acts on the item under the cursor and leaves the focus there."""


class GapList(OptionList):
    """The selected activity's open mismatches; enter goes to the item a mismatch concerns."""

    BINDINGS = [Binding("enter", "select", "agree.key.jump")]

    class Chosen(Message):
        """A mismatch was chosen: go where it is fixed."""

        def __init__(self, gap: Mismatch) -> None:
            super().__init__()
            self.gap = gap

    _signature: tuple[object, ...] = ()
    _gaps: tuple[Mismatch, ...] = ()

    def forget(self) -> None:
        self._signature = ()

    def show(self, activity_id: str, gaps: list[Mismatch], t: Translator) -> None:
        self.display = bool(gaps)
        signature = (t.language, activity_id, tuple((g.kind, g.target, g.explain(t)) for g in gaps))
        if signature == self._signature:
            return
        self._signature = signature
        self._gaps = tuple(gaps)
        highlighted = self.highlighted
        with self.prevent(OptionList.OptionHighlighted):
            self.clear_options()
            self.add_options(gap_option(gap, index, t) for index, gap in enumerate(gaps))
            if gaps:
                self.highlighted = min(highlighted or 0, len(gaps) - 1)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = int((event.option.id or "gap:0").split(":", 1)[1])
        if 0 <= index < len(self._gaps):
            self.post_message(self.Chosen(self._gaps[index]))
