"""Agreement fields in the roles-and-expectations view: what the parties fill in for the agreed rung."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from facilitator.core.model import Session
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
        change = "agree.reopen.change.fields"
        asked = await view.reopen_ok(activity.id, "field.set", change)
        if asked is None:
            return
        values = session.fields_for(activity.id)
        flows = [(f.id, f.name) for f in rung.flows]
        dialog = FieldsDialog(
            session.scenario.rung_title(rung.id), rung.fields, values, focus, flows, activity.flows
        )
        result = await view.app.push_screen_wait(dialog)
        if result is None or (not result.values and result.flows is None):
            return
        base = {field_id: values.get(field_id, "") for field_id in result.values}
        labels = ", ".join(f.label for f in rung.fields if f.id in result.values)
        settling = view.settling(base, base | result.values, labels)
        names = {f.id: f.label for f in rung.fields}
        saved: list[str] = []

        async def plan(now: Session) -> Callable[[], None] | None:
            if not now.has_activity(activity.id):  # removed on another device while the dialog was open
                self.gone(view.t("agree.gone.activity"), " · ".join(v for v in result.values.values() if v))
                return None
            theirs = now.fields_for(activity.id)
            kept = await settling.against({k: theirs.get(k, "") for k in result.values})
            if not kept and result.flows is None:
                return None
            return partial(self._write, activity.id, kept, result.flows, names, saved)

        await view.save(activity.id, "field.set", plan, asked, change)
        if saved:
            labels = one_line(", ".join(saved), 200)
            view.notify(view.t("agree.fields.saved", fields=labels), markup=False, timeout=3)

    def _write(
        self,
        activity_id: str,
        values: dict[str, str],
        flows: tuple[str, ...] | None,
        names: dict[str, str],
        saved: list[str],
    ) -> None:
        """The fields (each its own change, as the log tells them), then the flows; `saved`
        gets what was saved, by name, as it is saved."""
        service = self.view.service
        for field_id, value in values.items():
            service.set_field(activity_id, field_id, value)
            saved.append(names.get(field_id, field_id))
        if flows is not None:
            service.update_activity(activity_id, flows=list(flows))
            saved.append(self.view.t("agree.fields.flows"))
