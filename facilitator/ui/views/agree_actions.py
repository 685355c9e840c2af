"""The actions-and-sign-off panel: next steps with owner and due date, and each party's sign-off.

Any change to the rung, roles, commitments, expectations or fields voids the sign-offs given
so far; the core records which, and this panel announces it.
"""

from __future__ import annotations

from typing import Any

from textual import work

from facilitator.core.model import Activity, Session
from facilitator.core.text import one_line
from facilitator.ui.dialogs.actions import ActionDialog
from facilitator.ui.dialogs.common import ChoiceDialog
from facilitator.ui.text import literal
from facilitator.ui.views.agree_items import REASONS, Item
from facilitator.ui.views.agree_panel import AgreePanel
from facilitator.ui.views.agree_rows import event_activity

NOTIFY_LIMIT = 3  # reopened activities announced one by one; more are counted in one notice


class ActionsPanel(AgreePanel):
    """n adds an action, space marks it done; s signs off (or withdraws), S signs for everyone."""

    _seen_seq: int | None = None  # the last event looked at for voided sign-offs

    @work(exclusive=True, group="agree-dialog")
    async def action_add_action(self) -> None:
        activity = self.current_activity()
        if activity is None:
            return
        owner = self._party_of(self.current_item(), activity)
        draft = await self.app.push_screen_wait(ActionDialog(self._parties(), activity.party_ids, owner))
        if draft is None:
            return
        added: list[str] = []

        def add() -> None:
            added.append(
                self.service.add_action(draft.text, draft.owner, activity_id=activity.id, due=draft.due)
            )

        if self.fapp.attempt(add):
            self.once_shown(lambda: self._highlight(Item("action", added[0])))  # its line, once drawn

    @work(exclusive=True, group="agree-dialog")
    async def edit_action(self, action_id: str) -> None:
        action = next((a for a in self.shown.actions if a.id == action_id), None)
        activity = self.current_activity()
        if action is None or activity is None:
            return
        dialog = ActionDialog(
            self._parties(),
            activity.party_ids,
            action.owner,
            action.text,
            action.due,
            action.done,
            editing=True,
        )
        draft = await self.app.push_screen_wait(dialog)
        if draft is None:
            return
        now = next((a for a in self.service.session.actions if a.id == action_id), None)
        if now is None:
            return  # removed meanwhile

        def fields(item: Any) -> dict[str, Any]:
            return {"text": item.text, "owner": item.owner, "due": item.due, "done": item.done}

        changes = await self.settled(fields(action), fields(draft), fields(now), self.t("agree.action.label"))
        if changes:
            self.fapp.attempt(lambda: self.service.update_action(action.id, **changes))

    def action_toggle_done(self) -> None:
        item = self.current_item()
        if item is None or item.kind != "action":
            return
        action = next((a for a in self.shown.actions if a.id == item.key), None)
        if action is not None:
            self.fapp.attempt(lambda: self.service.update_action(action.id, done=not action.done))

    def action_sign_all(self) -> None:
        """Every present party signs off the activity, after one confirmation (views/sign_all.py)."""
        from facilitator.ui.views.sign_all import sign_all

        sign_all(self, self.activity_id)

    def _sign_or_withdraw(self) -> None:
        if self.check_action("withdraw", ()):
            self.action_withdraw()
        else:
            self.action_sign()

    def action_sign(self) -> None:
        """Sign off the party under the cursor; on any other row of the activity, ask which party."""
        activity, item = self.current_activity(), self.current_item()
        if activity is None:
            return
        if item is not None and item.kind == "party":
            self._sign(activity, item.key)
            return
        unsigned = self._unsigned(activity)
        if not unsigned:
            return
        session = self.shown
        options = [(literal(session.party_name(p)), p) for p in unsigned]
        nearest = self._party_of(item, activity)

        def chosen(party_id: str | None) -> None:
            if party_id is not None and self.session.has_activity(activity.id):
                self._sign(self.session.activity(activity.id), party_id)

        title = self.t("agree.sign.which", activity=one_line(activity.title, 120))
        self.app.push_screen(ChoiceDialog(title, options, nearest), chosen)

    def _sign(self, activity: Activity, party_id: str) -> None:
        if not self.fapp.attempt(lambda: self.service.sign_off(activity.id, party_id)):
            return
        session = self.session
        t = self.t
        name = session.party_name(party_id)
        signed = {s.party_id for s in session.signoffs_for(activity.id)}
        if all(p in signed for p in activity.party_ids):
            message = t("agree.signed.all", party=name, activity=one_line(activity.title, 120))
        else:
            message = t("agree.signed.one", party=name, signed=len(signed), total=len(activity.party_ids))
        open_gaps = [g for g in self._gaps.get(activity.id, []) if g.kind != "not_signed"]
        if open_gaps:
            message += " " + t("agree.signed.gaps", count=len(open_gaps))
        self.notify(message, markup=False, timeout=4)

    def action_withdraw(self) -> None:
        activity, item = self.current_activity(), self.current_item()
        if activity is None or item is None or item.kind != "party":
            return
        if self.fapp.attempt(lambda: self.service.withdraw_sign_off(activity.id, item.key)):
            name = self.session.party_name(item.key)
            self.notify(self.t("agree.signed.withdrawn", party=name), markup=False, timeout=4)

    def _announce_reopened(self, session: Session) -> None:
        """Say which sign-offs a change voided since the last look, and why."""
        events = session.events
        last = events[-1].seq if events else 0
        if self._seen_seq is None or last < self._seen_seq:
            self._seen_seq = last
            return
        found: dict[str, tuple[list[str], list[str]]] = {}
        for event in reversed(events):
            if event.seq <= self._seen_seq:
                break
            parties = event.data.get("reopened")
            activity_id = event_activity(event.data)
            if not parties or activity_id is None:
                continue
            who, why = found.setdefault(activity_id, ([], []))
            who.extend(p for p in parties if p not in who)
            reason = REASONS.get(event.kind, "agree.reason.other")
            if reason not in why:
                why.insert(0, reason)
        self._seen_seq = last
        t = self.t
        shown = 0
        for activity_id, (who, why) in reversed(list(found.items())):
            if not session.has_activity(activity_id):
                continue
            order = {p: i for i, p in enumerate(session.activity(activity_id).party_ids)}
            who.sort(key=lambda p: order.get(p, len(order)))
            shown += 1
            if shown > NOTIFY_LIMIT:
                continue
            message = t(
                "agree.reopened",
                parties=", ".join(session.party_name(p) for p in who),
                reason=", ".join(t(r) for r in why),
                activity=one_line(session.activity(activity_id).title, 120),
            )
            self.notify(message, severity="warning", markup=False, timeout=8)
        if shown > NOTIFY_LIMIT:
            self.notify(t("agree.reopened.more", count=shown - NOTIFY_LIMIT), severity="warning", timeout=8)
