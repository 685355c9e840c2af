"""The agreement-fields panel: what the parties fill in for the rung they agreed on."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from textual import work

from facilitator.core.text import one_line
from facilitator.ui.dialogs.fields import FieldsDialog
from facilitator.ui.views.agree_panel import AgreePanel


class FieldsPanel(AgreePanel):
    """f: the agreed rung's fields (and, for communication, its flows) in one dialog."""

    def _has_fields(self) -> bool:
        """Whether the selected activity has an agreed rung with agreement fields to fill in."""
        activity = self.current_activity()
        current = activity.agreed_current if activity is not None else None
        rung = self.shown.scenario.rung(current) if current is not None else None
        return rung is not None and bool(rung.fields or rung.flows)

    @work(exclusive=True, group="agree-dialog")
    async def action_fields(self, focus: str | None = None) -> None:
        activity = self.current_activity()
        if activity is None:
            return
        if activity.agreed_current is None:
            self.notify(self.t("agree.fields.first_rung"), severity="warning", timeout=5)
            return
        session = self.shown
        rung = session.scenario.rung(activity.agreed_current)
        if not rung.fields and not rung.flows:
            self.notify(self.t("agree.fields.none"), timeout=4)
            return
        values = session.fields_for(activity.id)
        flows = [(f.id, f.name) for f in rung.flows]
        dialog = FieldsDialog(
            session.scenario.rung_title(rung.id), rung.fields, values, focus, flows, activity.flows
        )
        result = await self.app.push_screen_wait(dialog)
        if result is None or (not result.values and result.flows is None):
            return
        now = self.service.session
        if not now.has_activity(activity.id):
            return  # removed meanwhile
        theirs = now.fields_for(activity.id)
        mine = {field_id: result.values.get(field_id, values.get(field_id, "")) for field_id in result.values}
        base = {field_id: values.get(field_id, "") for field_id in result.values}
        labels = ", ".join(f.label for f in rung.fields if f.id in result.values)
        kept = await self.settled(base, mine, {k: theirs.get(k, "") for k in result.values}, labels)
        result = replace(result, values=kept)
        for field_id, value in result.values.items():
            if not self.fapp.attempt(partial(self.service.set_field, activity.id, field_id, value)):
                return
        saved = [f.label for f in rung.fields if f.id in result.values]
        if result.flows is not None:
            chosen = list(result.flows)
            if not self.fapp.attempt(lambda: self.service.update_activity(activity.id, flows=chosen)):
                return
            saved.append(self.t("agree.fields.flows"))
        self.notify(
            self.t("agree.fields.saved", fields=one_line(", ".join(saved), 200)), markup=False, timeout=3
        )
