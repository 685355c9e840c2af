"""Agreement fields in the roles-and-expectations view: what the parties fill in for the agreed rung."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from facilitator.core.text import one_line
from facilitator.ui.dialogs.fields import FieldsDialog
from facilitator.ui.views.agree_panel import Editor


class FieldEditor(Editor):
    """f: the agreed rung's fields (and, for communication, its flows) in one dialog."""

    def available(self) -> bool:
        """Whether the selected activity has an agreed rung with agreement fields to fill in."""
        activity = self.view.current_activity()
        current = activity.agreed_current if activity is not None else None
        rung = self.view.shown.scenario.rung(current) if current is not None else None
        return rung is not None and bool(rung.fields or rung.flows)

    async def edit(self, focus: str | None = None) -> None:
        view = self.view
        activity = view.current_activity()
        if activity is None:
            return
        if activity.agreed_current is None:
            view.notify(view.t("agree.fields.first_rung"), severity="warning", timeout=5)
            return
        session = view.shown
        rung = session.scenario.rung(activity.agreed_current)
        if not rung.fields and not rung.flows:
            view.notify(view.t("agree.fields.none"), timeout=4)
            return
        if not await view.reopen_ok(activity.id, "field.set", "agree.reopen.change.fields"):
            return
        values = session.fields_for(activity.id)
        flows = [(f.id, f.name) for f in rung.flows]
        dialog = FieldsDialog(
            session.scenario.rung_title(rung.id), rung.fields, values, focus, flows, activity.flows
        )
        result = await view.app.push_screen_wait(dialog)
        if result is None or (not result.values and result.flows is None):
            return
        now = view.service.session
        if not now.has_activity(activity.id):  # removed on another device while the dialog was open
            self.gone(view.t("agree.gone.activity"), " · ".join(v for v in result.values.values() if v))
            return
        theirs = now.fields_for(activity.id)
        mine = {field_id: result.values.get(field_id, values.get(field_id, "")) for field_id in result.values}
        base = {field_id: values.get(field_id, "") for field_id in result.values}
        labels = ", ".join(f.label for f in rung.fields if f.id in result.values)
        kept = await view.settled(base, mine, {k: theirs.get(k, "") for k in result.values}, labels)
        result = replace(result, values=kept)
        for field_id, value in result.values.items():
            if not view.fapp.attempt(partial(view.service.set_field, activity.id, field_id, value)):
                return
        saved = [f.label for f in rung.fields if f.id in result.values]
        if result.flows is not None:
            chosen = list(result.flows)
            if not view.fapp.attempt(lambda: view.service.update_activity(activity.id, flows=chosen)):
                return
            saved.append(view.t("agree.fields.flows"))
        view.notify(
            view.t("agree.fields.saved", fields=one_line(", ".join(saved), 200)), markup=False, timeout=3
        )
