"""What the parts of the roles-and-expectations view read: the activity and the line under
the cursor, the session as last shown, its mismatches, and where to put the cursor after a
change. The view is this base plus composed parts (its lists as widgets; the editors of
roles, commitments and expectations, fields, actions and sign-off as objects it holds).
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Mapping, Sequence
from typing import Any, TypeVar

from textual.widgets import OptionList
from textual.widgets.option_list import OptionDoesNotExist

from facilitator.core.mismatches import Mismatch
from facilitator.core.model import Activity, Session
from facilitator.core.service import SessionService
from facilitator.core.text import one_line
from facilitator.ui.dialogs.clashes import Settling, Show, settle
from facilitator.ui.dialogs.reopen import Plan, change_asked, confirm_reopen
from facilitator.ui.messages import GoToPhase
from facilitator.ui.views.agree_items import Item
from facilitator.ui.views.base import PhaseView

T = TypeVar("T")


class AgreePanel(PhaseView):
    """The state every part reads: the selected activity, the session shown, its mismatches."""

    def __init__(self, service: SessionService) -> None:
        super().__init__(service)
        self.activity_id: str | None = None
        self._session: Session | None = None
        self.gaps: dict[str, list[Mismatch]] = {}
        """The open mismatches of each activity, as last shown."""

    @property
    def shown(self) -> Session:
        """The session as last shown (cheap: key checks run on every refresh)."""
        return self._session if self._session is not None else self.session

    async def reopen_ok(
        self, activity_id: str, kind: str, change_key: str, **values: str
    ) -> tuple[str, ...] | None:
        """Before a change of `kind` that would void sign-offs, asked before its dialog opens
        (Cancel loses nothing typed): the parties said yes to (none: nobody had signed), or
        None. `save` asks again only about a party that signed while the dialog was open."""
        return await confirm_reopen(self.app, self.service, activity_id, kind, self.t(change_key, **values))

    async def save(
        self,
        activity_id: str,
        kind: str,
        plan: Plan[T],
        asked: Sequence[str] | None,
        change_key: str,
        **values: str,
    ) -> T | None:
        """Save a dialog's change on the session as it is now (`reopen.change_asked`): what the
        write returned, or None. Whom it reopened the view says itself (`ReopenedNotices`)."""
        change = self.t(change_key, **values)
        return await change_asked(
            self.app, self.service, activity_id, kind, change, plan, asked=asked, tell=False
        )

    def current_activity(self) -> Activity | None:
        session = self.shown
        if self.activity_id is None or not session.has_activity(self.activity_id):
            return None
        return session.activity(self.activity_id)

    def current_item(self) -> Item | None:
        option = self.query_one("#agree-items", OptionList).highlighted_option
        return Item.parse(option.id) if option is not None else None

    def party_of(self, item: Item | None, activity: Activity) -> str | None:
        """The party the cursor's item belongs to: the party itself, the commitment's, ..."""
        session = self.shown
        if item is not None:
            if item.kind == "party":
                return item.key
            if item.kind == "commitment":
                found = next((c for c in session.commitments if c.id == item.key), None)
                return found.party_id if found else None
            if item.kind == "expectation":
                expectation = next((e for e in session.expectations if e.id == item.key), None)
                return expectation.from_party if expectation else None
            if item.kind == "action":
                action = next((a for a in session.actions if a.id == item.key), None)
                return action.owner if action else None
        return activity.party_ids[0] if activity.party_ids else None

    def at_cursor(self) -> tuple[Activity, str | None] | None:
        """The selected activity and the party of the line under the cursor (where a new
        commitment, expectation or action starts), or None without an activity."""
        activity = self.current_activity()
        return None if activity is None else (activity, self.party_of(self.current_item(), activity))

    def add_then_highlight(self, kind: str, add: Callable[[], str]) -> bool:
        """Run a service call that adds a line (it returns the new id); put the cursor on the
        line once it is drawn, with the change."""
        added = self.fapp.attempt(add)
        if added is not None:
            self.once_shown(lambda: self.highlight(Item(kind, added.value)))
        return added is not None

    def settling(
        self, base: Mapping[str, Any], mine: Mapping[str, Any], label: str, show: Show | None = None
    ) -> Settling:
        """A dialog's own changes, settled on what holds when it is saved (`clashes.Settling`);
        `show` words a value for the question (an answer's state and text)."""
        if show is None:
            return Settling(self.app, self.t, base, mine, lambda _name: label)
        return Settling(self.app, self.t, base, mine, lambda _name: label, show)

    def highlight(self, item: Item) -> None:
        items = self.query_one("#agree-items", OptionList)
        try:
            items.highlighted = items.get_option_index(item.option_id)
        except OptionDoesNotExist:  # gone meanwhile: leave the cursor where it is
            return
        items.focus()

    def _go_phase(self, phase_id: str) -> None:
        self.post_message(GoToPhase(phase_id))

    def run_dialog(self, flow: Coroutine[Any, Any, None]) -> None:
        """A dialog's flow (open, wait for the answer, save): one at a time."""
        self.run_worker(flow, group="agree-dialog", exclusive=True)

    async def settled(
        self, base: Mapping[str, Any], mine: Mapping[str, Any], theirs: Mapping[str, Any], label: str
    ) -> dict[str, Any]:
        """What a dialog should save: its own changes since it opened (`core.edits.three_way`);
        a value also changed elsewhere meanwhile (another window, a phone) is asked about."""
        return await settle(self.app, self.t, base, mine, theirs, lambda _name: label)

    def parties(self) -> list[tuple[str, str]]:
        return [(p.id, p.name) for p in self.shown.parties]

    def unsigned(self, activity: Activity) -> list[str]:
        signed = {s.party_id for s in self.shown.signoffs_for(activity.id)}
        return [p for p in activity.party_ids if p not in signed]


class Editor:
    """A part of the view that edits one kind of thing through dialogs: held by the view (composed),
    it reads the view's state and changes the session through the view's service."""

    def __init__(self, view: AgreePanel) -> None:
        self.view = view

    def gone(self, what: str, typed: str = "") -> None:
        """What the dialog edited was removed on another device while it was open: nothing is
        saved, and the notice says so with what was typed, so it is not lost unseen."""
        t = self.view.t
        message = t("agree.gone", what=what)
        if typed.strip():
            message += "\n" + t("agree.gone.typed", text=one_line(typed, 300))
        self.view.fapp.show_error(message)
