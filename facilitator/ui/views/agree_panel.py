"""What the panels of the roles-and-expectations view share.

The view is made of panels (roles; commitments and expectations; agreement fields;
actions and sign-off), each a mixin over this base: the activity and the line under the
cursor, the session as last shown, and where to put the cursor after a change.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.widgets import OptionList
from textual.widgets.option_list import OptionDoesNotExist

from facilitator.core.mismatches import Mismatch
from facilitator.core.model import Activity, Session
from facilitator.core.service import SessionService
from facilitator.ui.dialogs.clashes import settle
from facilitator.ui.messages import GoToPhase
from facilitator.ui.views.agree_items import Item
from facilitator.ui.views.base import PhaseView


class AgreePanel(PhaseView):
    """The state every panel reads: the selected activity, the session shown, its mismatches."""

    def __init__(self, service: SessionService) -> None:
        super().__init__(service)
        self.activity_id: str | None = None
        self._session: Session | None = None
        self._gaps: dict[str, list[Mismatch]] = {}

    @property
    def shown(self) -> Session:
        """The session as last shown (cheap: key checks run on every refresh)."""
        return self._session if self._session is not None else self.session

    def current_activity(self) -> Activity | None:
        session = self.shown
        if self.activity_id is None or not session.has_activity(self.activity_id):
            return None
        return session.activity(self.activity_id)

    def current_item(self) -> Item | None:
        option = self.query_one("#agree-items", OptionList).highlighted_option
        return Item.parse(option.id) if option is not None else None

    def _party_of(self, item: Item | None, activity: Activity) -> str | None:
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

    def _highlight(self, item: Item) -> None:
        items = self.query_one("#agree-items", OptionList)
        try:
            items.highlighted = items.get_option_index(item.option_id)
        except OptionDoesNotExist:  # gone meanwhile: leave the cursor where it is
            return
        items.focus()

    def _go_phase(self, phase_id: str) -> None:
        self.post_message(GoToPhase(phase_id))

    async def settled(
        self, base: Mapping[str, Any], mine: Mapping[str, Any], theirs: Mapping[str, Any], label: str
    ) -> dict[str, Any]:
        """What a dialog should save: its own changes since it opened (`core.edits.three_way`);
        a value also changed elsewhere meanwhile (another window, a phone) is asked about."""
        return await settle(self.app, self.t, base, mine, theirs, lambda _name: label)

    def _parties(self) -> list[tuple[str, str]]:
        return [(p.id, p.name) for p in self.shown.parties]

    def _unsigned(self, activity: Activity) -> list[str]:
        signed = {s.party_id for s in self.shown.signoffs_for(activity.id)}
        return [p for p in activity.party_ids if p not in signed]
