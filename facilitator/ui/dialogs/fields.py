"""The agreement fields of an activity's rung (and the directions of information flow)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import (
    Input,
    Label,
    SelectionList,
    Static,
)
from textual.widgets.selection_list import Selection

from facilitator.core.scenario import AgreementField
from facilitator.core.text import one_line
from facilitator.ui.dialogs.agree_form import NAME_LIMIT, AgreeForm
from facilitator.ui.text import literal, literal_block
from facilitator.ui.widgets.marked_input import MarkedInput
from facilitator.ui.widgets.tickbox import TickList


class FieldInput(MarkedInput):
    """One agreement field's value in the fields dialog; enter goes on to the next field."""

    def __init__(self, agreement_field: AgreementField, value: str) -> None:
        super().__init__(
            value, id=f"field-{agreement_field.id}", classes="field-input", select_on_focus=False
        )
        self.agreement_field = agreement_field


FLOWS = "flows"  # `focus` for the directions of information flow


@dataclass(frozen=True)
class FieldsResult:
    """The agreement fields that changed, and the flow directions when they changed."""

    values: dict[str, str]
    flows: tuple[str, ...] | None = None


class FieldsDialog(AgreeForm[FieldsResult | None]):
    """Every agreement field of the agreed rung at once, and for a rung with directions of
    information flow (communication) which of them the activity uses; returns what changed."""

    def __init__(
        self,
        rung_title: str,
        fields: Sequence[AgreementField],
        values: dict[str, str],
        focus: str | None,
        flows: Sequence[tuple[str, str]] = (),
        chosen_flows: Sequence[str] = (),
    ) -> None:
        super().__init__(classes="dialog")
        self.rung_title = rung_title
        self.fields = tuple(fields)
        self.values = dict(values)
        self.focus_id = focus
        self.flows = tuple(flows)
        self.chosen_flows = tuple(chosen_flows)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide"):
            yield Label("", id="form-title", classes="dialog-title")
            with VerticalScroll(id="fields-form", classes="dialog-body"):
                for agreement_field in self.fields:
                    yield Label(literal(agreement_field.label), classes="form-label")
                    if agreement_field.help:
                        yield Static(literal_block(agreement_field.help), classes="form-help")
                    yield FieldInput(agreement_field, self.values.get(agreement_field.id, ""))
                if self.flows:
                    yield Label("", id="fields-flows-label", classes="form-label")
                    yield TickList[str](
                        *(
                            Selection(literal(name), fid, fid in self.chosen_flows)
                            for fid, name in self.flows
                        ),
                        id="fields-flows",
                    )
            yield from self.buttons()

    def relabel(self) -> None:
        super().relabel()
        self.query_one("#form-title", Label).update(
            Content(self.t("agree.fields.title", rung=one_line(self.rung_title, NAME_LIMIT)))
        )
        if self.flows:
            self.query_one("#fields-flows-label", Label).update(Content(self.t("agree.fields.flows")))

    def after_mount(self) -> None:
        # As tall as the fields need, up to the screen: the buttons stay in view, the fields scroll.
        box = self.query_one(".dialog-box")
        box.styles.max_height = (
            10 + sum(7 if f.help else 5 for f in self.fields) + (len(self.flows) + 3 if self.flows else 0)
        )
        if self.flows and self.focus_id == FLOWS:
            self.query_one("#fields-flows", SelectionList).focus()
            return
        inputs = list(self.query(FieldInput))
        first = next(
            (i for i in inputs if i.agreement_field.id == self.focus_id), inputs[0] if inputs else None
        )
        if first is not None:
            first.focus()
            first.cursor_position = len(first.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves on to the next field; on the last one it saves."""
        event.stop()
        inputs = list(self.query(FieldInput))
        if event.input in inputs and event.input is not inputs[-1]:
            inputs[inputs.index(event.input) + 1].focus()
        else:
            self.action_save()

    def action_save(self) -> None:
        changed = {
            i.agreement_field.id: i.value
            for i in self.query(FieldInput)
            if i.value.strip() != self.values.get(i.agreement_field.id, "").strip()
        }
        flows: tuple[str, ...] | None = None
        if self.flows:
            ticked = set(self.query_one("#fields-flows", SelectionList).selected)
            chosen = tuple(fid for fid, _ in self.flows if fid in ticked)
            flows = chosen if set(chosen) != set(self.chosen_flows) else None
        self.dismiss(FieldsResult(changed, flows))
