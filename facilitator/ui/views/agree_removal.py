"""Removing a commitment, an expectation or a step, or clearing a field, in the roles view.

The question quotes what is removed and says whose sign-offs the removal reopens; it is
decided on the session as it is right before the write (`reopen.change_asked`): edited
elsewhere while the question was open, it is asked again with the new text; removed
elsewhere, nothing happens and the view says so; signed meanwhile, asked again.
"""

from __future__ import annotations

from collections.abc import Callable

from facilitator.core.model import Session
from facilitator.core.text import one_line
from facilitator.ui.dialogs.reopen import change_asked
from facilitator.ui.views.agree_items import Item
from facilitator.ui.views.agree_panel import Editor
from facilitator.ui.views.phone_words import removes_phone

KINDS = {
    "commitment": "commitment.removed",
    "expectation": "expectation.removed",
    "action": "action.removed",
    "field": "field.set",
}
"""The change a removal is, by the kind of line removed."""


class Remover(Editor):
    """x or delete: the line under the cursor, asked first."""

    def question(self, session: Session, item: Item, activity_id: str) -> str:
        """The question about removing `item` as `session` has it ("": not there any more)."""
        t = self.view.t
        if item.kind == "commitment":
            c = next((c for c in session.commitments if c.id == item.key), None)
            if c is None:
                return ""
            party, text = session.party_name(c.party_id), one_line(c.text, 200)
            phone = removes_phone(t, session, ("commitment", c.id, c.party_id))  # the party's own word
            return t("agree.remove.commitment", party=party, text=text) + phone
        if item.kind == "expectation":
            e = next((e for e in session.expectations if e.id == item.key), None)
            if e is None:
                return ""
            return t(
                "agree.remove.expectation",
                to=session.party_name(e.to_party),
                text=one_line(e.text, 200),
                **{"from": session.party_name(e.from_party)},
            ) + removes_phone(t, session, ("expectation", e.id, e.from_party), ("answer", e.id, e.to_party))
        if item.kind == "action":
            a = next((a for a in session.actions if a.id == item.key), None)
            return "" if a is None else t("agree.remove.action", text=one_line(a.text, 200))
        activity = session.activity(activity_id) if session.has_activity(activity_id) else None
        if activity is None or activity.agreed_current is None:
            return ""
        fields = session.scenario.rung(activity.agreed_current).fields
        label = next((f.label for f in fields if f.id == item.key), None)
        if label is None or not session.fields_for(activity_id).get(item.key, "").strip():
            return ""
        return t("agree.remove.field", field=one_line(label, 200))

    def write(self, item: Item, activity_id: str) -> Callable[[], object]:
        service = self.view.service
        if item.kind == "commitment":
            return lambda: service.remove_commitment(item.key)
        if item.kind == "expectation":
            return lambda: service.remove_expectation(item.key)
        if item.kind == "action":
            return lambda: service.remove_action(item.key)
        return lambda: service.set_field(activity_id, item.key, "")

    async def remove(self, item: Item, activity_id: str) -> None:
        view = self.view

        async def plan(session: Session) -> Callable[[], object] | None:
            if not self.question(session, item, activity_id):  # removed (or cleared) elsewhere meanwhile
                view.notify(view.t("agree.remove.gone"), severity="warning", markup=False, timeout=4)
                return None
            return self.write(item, activity_id)

        confirm = "agree.remove.clear" if item.kind == "field" else "button.delete"
        await change_asked(
            view.app,
            view.service,
            activity_id,
            KINDS[item.kind],
            view.t("agree.reopen.change.remove"),
            plan,
            question=lambda session: self.question(session, item, activity_id),
            yes_key=confirm,
            alone=(confirm, False),
            tell=False,
        )
