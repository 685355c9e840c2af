"""Actions and sign-off in the roles-and-expectations view: next steps with owner and due date,
and each party's sign-off.

Any change to the rung, roles, commitments, expectations or fields voids the sign-offs given
so far; the core records which, and `ReopenedNotices` announces it.
"""

from __future__ import annotations

from typing import Any

from facilitator.core.model import Activity, Session
from facilitator.core.reopening import reason_key
from facilitator.core.schema.table import pair_id
from facilitator.core.text import one_line
from facilitator.ui.dialogs.actions import ActionDialog
from facilitator.ui.dialogs.common import ChoiceDialog
from facilitator.ui.text import literal
from facilitator.ui.views.agree_panel import AgreePanel, Editor
from facilitator.ui.views.agree_rows import event_activity
from facilitator.ui.views.phone_words import from_phone, phone_words, replace_ok

NOTIFY_LIMIT = 3  # reopened activities announced one by one; more are counted in one notice


class ActionEditor(Editor):
    """n adds an action, space marks it done; s signs off (or withdraws), S signs for everyone."""

    async def add(self) -> None:
        view = self.view
        found = view.at_cursor()
        if found is None:
            return
        activity, owner = found
        draft = await view.app.push_screen_wait(ActionDialog(view.parties(), activity.party_ids, owner))
        if draft is None:
            return
        view.add_then_highlight(
            "action",
            lambda: view.service.add_action(draft.text, draft.owner, activity_id=activity.id, due=draft.due),
        )

    async def edit(self, action_id: str) -> None:
        view = self.view
        action = next((a for a in view.shown.actions if a.id == action_id), None)
        activity = view.current_activity()
        if action is None or activity is None:
            return
        dialog = ActionDialog(
            view.parties(),
            activity.party_ids,
            action.owner,
            action.text,
            action.due,
            action.done,
            editing=True,
        )
        draft = await view.app.push_screen_wait(dialog)
        if draft is None:
            return
        now = next((a for a in view.service.session.actions if a.id == action_id), None)
        if now is None:  # removed on another device while the dialog was open
            self.gone(view.t("agree.action.label"), draft.text)
            return

        def fields(item: Any) -> dict[str, Any]:
            return {"text": item.text, "owner": item.owner, "due": item.due, "done": item.done}

        changes = await view.settled(fields(action), fields(draft), fields(now), view.t("agree.action.label"))
        if changes:
            view.fapp.attempt(lambda: view.service.update_action(action.id, **changes))

    def toggle_done(self) -> None:
        view = self.view
        item = view.current_item()
        if item is None or item.kind != "action":
            return
        action = next((a for a in view.shown.actions if a.id == item.key), None)
        if action is not None:
            view.fapp.attempt(lambda: view.service.update_action(action.id, done=not action.done))

    def sign_all(self) -> None:
        """Every present party signs off the activity, after one confirmation (views/sign_all.py)."""
        from facilitator.ui.views.sign_all import sign_all

        sign_all(self.view, self.view.activity_id)

    def sign(self) -> None:
        """Sign off the party under the cursor; on any other row of the activity, ask which party."""
        view = self.view
        activity, item = view.current_activity(), view.current_item()
        if activity is None:
            return
        if item is not None and item.kind == "party":
            self._sign(activity, item.key)
            return
        unsigned = view.unsigned(activity)
        if not unsigned:
            return
        session = view.shown
        options = [(literal(session.party_name(p)), p) for p in unsigned]
        nearest = view.party_of(item, activity)

        def chosen(party_id: str | None) -> None:
            if party_id is not None and view.session.has_activity(activity.id):
                self._sign(view.session.activity(activity.id), party_id)

        title = view.t("agree.sign.which", activity=one_line(activity.title, 120))
        view.app.push_screen(ChoiceDialog(title, options, nearest), chosen)

    def _sign(self, activity: Activity, party_id: str) -> None:
        view = self.view
        if not view.fapp.attempt(lambda: view.service.sign_off(activity.id, party_id)):
            return
        session = view.session
        t = view.t
        name = session.party_name(party_id)
        signed = {s.party_id for s in session.signoffs_for(activity.id)}
        if all(p in signed for p in activity.party_ids):
            message = t("agree.signed.all", party=name, activity=one_line(activity.title, 120))
        else:
            message = t("agree.signed.one", party=name, signed=len(signed), total=len(activity.party_ids))
        open_gaps = [g for g in view.gaps.get(activity.id, []) if g.kind != "not_signed"]
        if open_gaps:
            message += " " + t("agree.signed.gaps", count=len(open_gaps))
        view.notify(message, markup=False, timeout=4)

    def withdraw(self) -> None:
        view = self.view
        activity, item = view.current_activity(), view.current_item()
        if activity is None or item is None or item.kind != "party":
            return
        session, party_id = view.service.session, item.key
        who = from_phone(session, "signoff", pair_id(activity.id, party_id))
        if who is None or all(s.party_id != party_id for s in session.signoffs_for(activity.id)):
            self._withdrawn(activity.id, party_id)
            return
        title = one_line(activity.title, 120)
        words = phone_words(
            view.t, "answer.withdraw_phone", who, session.party_name(party_id), activity=title
        )

        async def asked() -> None:  # the party signed from its own phone: asked first
            if await replace_ok(view.app, words, "agree.button.withdraw"):
                self._withdrawn(activity.id, party_id)

        view.run_dialog(asked())

    def _withdrawn(self, activity_id: str, party_id: str) -> None:
        view = self.view
        if view.fapp.attempt(lambda: view.service.withdraw_sign_off(activity_id, party_id)):
            name = view.session.party_name(party_id)
            view.notify(view.t("agree.signed.withdrawn", party=name), markup=False, timeout=4)


class ReopenedNotices:
    """Says which sign-offs a change voided since the last look, and why."""

    def __init__(self, view: AgreePanel) -> None:
        self.view = view
        self.seen_seq: int | None = None
        """The last event looked at for voided sign-offs."""

    def announce(self, session: Session) -> None:
        events = session.events
        last = events[-1].seq if events else 0
        if self.seen_seq is None or last < self.seen_seq:
            self.seen_seq = last
            return
        found: dict[str, tuple[list[str], list[str]]] = {}
        for event in reversed(events):
            if event.seq <= self.seen_seq:
                break
            parties = event.data.get("reopened")
            activity_id = event_activity(event.data)
            if not parties or activity_id is None:
                continue
            who, why = found.setdefault(activity_id, ([], []))
            who.extend(p for p in parties if p not in who)
            reason = reason_key(event.kind)
            if reason not in why:
                why.insert(0, reason)
        self.seen_seq = last
        t = self.view.t
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
            self.view.notify(message, severity="warning", markup=False, timeout=8)
        if shown > NOTIFY_LIMIT:
            self.view.notify(
                t("agree.reopened.more", count=shown - NOTIFY_LIMIT), severity="warning", timeout=8
            )
