"""The agree view (interim): an activity's agreed rung and that rung's agreement fields.

The full roles-and-expectations phase comes later; until then this view does the part
that is already real: choose an activity, see the rung the room agreed on, and fill in
what the scenario says parties agree on for that rung (saved field by field).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Button, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.core.model import Activity, Session
from facilitator.core.scenario import AgreementField
from facilitator.core.service import SessionService
from facilitator.core.text import one_line
from facilitator.ui.text import literal, literal_block
from facilitator.ui.widgets.phase_view import PhaseView

SELECT_DELAY = 0.3  # seconds of rest on an activity before it is remembered as selected


class FieldInput(Input):
    """One agreement field's value; knows which activity and field it belongs to."""

    def __init__(self, rung_id: str, agreement_field: AgreementField) -> None:
        super().__init__(
            id=f"agree-field-{rung_id}-{agreement_field.id}",
            classes="agree-field-input",
            select_on_focus=False,  # tabbing in and typing adds to what the room wrote, never replaces it
        )
        self.activity_id = ""
        self.agreement_field = agreement_field


class AgreeView(PhaseView):
    """Pick an activity, fill in the agreement fields of its agreed rung."""

    KIND = "agree"
    BINDINGS = [Binding("ctrl+s", "save", "agree.key.save")]

    def __init__(self, service: SessionService) -> None:
        super().__init__(service)
        self.activity_id: str | None = None
        self._list_signature: tuple[tuple[str, str, str | None], ...] = ()
        self._select_timer: Timer | None = None
        self._known_selection: str | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="agree-body"):
            with Vertical(id="agree-side"):
                yield Label("", id="agree-list-heading")
                yield OptionList(id="agree-activities")
            detail = VerticalScroll(id="agree-detail")
            detail.can_focus = False  # tab goes from the list straight to the first field
            with detail:
                yield Label("", id="agree-title")
                yield Label("", id="agree-parties")
                yield Label("", id="agree-rung")
                yield Label("", id="agree-fields-heading")
                with Vertical(id="agree-fields"):
                    yield from self._forms()
                yield Button("", id="agree-save", classes="editing", variant="primary")
        yield Label("", id="agree-empty", classes="empty")

    def _forms(self) -> ComposeResult:
        """One small form per rung, built once; showing an activity only swaps which is visible."""
        for rung in self.service.scenario.rungs:
            with Vertical(id=f"agree-form-{rung.id}", classes="agree-form"):
                for agreement_field in rung.fields:
                    yield Label(literal(agreement_field.label), classes="agree-field-label")
                    if agreement_field.help:
                        yield Static(literal_block(agreement_field.help), classes="agree-field-help")
                    yield FieldInput(rung.id, agreement_field)

    # ---------------------------------------------------------------- text
    def relabel(self) -> None:
        super().relabel()
        t = self.t
        self.query_one("#agree-list-heading", Label).update(Content(t("agree.activities")))
        self.query_one("#agree-fields-heading", Label).update(Content(t("agree.fields")))
        self.query_one("#agree-empty", Label).update(Content(t("agree.empty")))
        self.query_one("#agree-save", Button).label = Content(t("agree.button.save"))
        if self.is_mounted:
            self._list_signature = ()  # "no rung agreed yet" in the list is in the old language
            self.show_session(self.session)

    # ---------------------------------------------------------------- showing
    def show_session(self, session: Session) -> None:
        has_activities = bool(session.activities)
        self.query_one("#agree-body").display = has_activities
        self.query_one("#agree-empty").display = not has_activities
        if not has_activities:
            self.activity_id = None
            return
        selected = self.selected_activity_id
        if selected != self._known_selection:  # chosen in another view (summary, board…): follow it
            self._known_selection = selected
            if selected is not None:
                self.activity_id = selected
        if self.activity_id is None or not session.has_activity(self.activity_id):
            self.activity_id = session.activities[0].id
        self._fill_list(session)
        self._show_activity(session)

    def _fill_list(self, session: Session) -> None:
        """Rebuild the options only when titles or agreed rungs changed (not on every field save)."""
        listing = self.query_one("#agree-activities", OptionList)
        signature = tuple((a.id, a.title, a.agreed_current) for a in session.activities)
        if signature != self._list_signature:
            self._list_signature = signature
            listing.clear_options()
            listing.add_options(self._option(session, a) for a in session.activities)
        index = next(i for i, a in enumerate(session.activities) if a.id == self.activity_id)
        if listing.highlighted != index:
            listing.highlighted = index

    def _option(self, session: Session, activity: Activity) -> Option:
        if activity.agreed_current is None:
            rung = Content(self.t("agree.list.none"))
        else:
            rung = Content("✓ " + one_line(session.scenario.rung_title(activity.agreed_current)))
        prompt = Content.assemble(literal(activity.title, 80), "\n  ", rung.stylize("dim"))
        return Option(prompt, id=activity.id)

    def _show_activity(self, session: Session) -> None:
        assert self.activity_id is not None
        t = self.t
        scenario = session.scenario
        activity = session.activity(self.activity_id)
        self.query_one("#agree-title", Label).update(literal(activity.title))
        parties = ", ".join(session.party_name(p) for p in activity.party_ids)
        self.query_one("#agree-parties", Label).update(literal(parties))
        rung_label = self.query_one("#agree-rung", Label)
        current = activity.agreed_current
        if current is None:
            rung_label.update(Content(t("agree.no_rung")))
            fields: tuple[AgreementField, ...] = ()
        else:
            titles = {"current": one_line(scenario.rung_title(current))}
            if activity.agreed_wished is not None and activity.agreed_wished != current:
                titles["wished"] = one_line(scenario.rung_title(activity.agreed_wished))
                rung_label.update(Content(t("agree.rung.wished", **titles)))
            else:
                rung_label.update(Content(t("agree.rung", **titles)))
            fields = scenario.rung(current).fields
        heading = self.query_one("#agree-fields-heading", Label)
        heading.display = current is not None
        if current is not None and not fields:
            heading.update(Content(t("agree.no_fields")))
        elif current is not None:
            heading.update(Content(t("agree.fields")))
        self.query_one("#agree-save", Button).display = bool(fields)
        values = session.fields_for(activity.id)
        for form in self.query(".agree-form"):
            form.display = form.id == f"agree-form-{current}"
            if not form.display:
                continue
            for field_input in form.query(FieldInput):
                stored = values.get(field_input.agreement_field.id, "")
                if field_input.activity_id != activity.id:
                    field_input.activity_id = activity.id
                    field_input.value = stored
                elif not field_input.has_focus and field_input.value != stored:
                    field_input.value = stored  # changed elsewhere (another device, the CLI)

    # ---------------------------------------------------------------- choosing
    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        activity_id = event.option.id
        if activity_id is None or activity_id == self.activity_id:
            return
        self.save_all()  # never lose what was typed for the previous activity
        self.activity_id = activity_id
        self._known_selection = activity_id  # ours: don't follow the old one back while the timer runs
        self._show_activity(self.session)
        if self._select_timer is not None:
            self._select_timer.stop()
        self._select_timer = self.set_timer(SELECT_DELAY, lambda: self.select_activity(activity_id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click on an activity: go to its first field."""
        event.stop()
        first = next((i for i in self.query(FieldInput) if i.parent and i.parent.display), None)
        if first is not None:
            first.focus()

    # ---------------------------------------------------------------- saving
    def save(self, field_input: FieldInput) -> bool:
        """Save one field if it changed; True when something was written."""
        session = self.session
        if not session.has_activity(field_input.activity_id):
            return False
        stored = session.fields_for(field_input.activity_id).get(field_input.agreement_field.id, "")
        if field_input.value == stored:
            return False
        saved = self.attempt(
            lambda: self.service.set_field(
                field_input.activity_id, field_input.agreement_field.id, field_input.value
            )
        )
        if saved:
            label = one_line(field_input.agreement_field.label)
            self.notify(self.t("agree.saved", field=label), markup=False, timeout=2)
        return saved

    def save_all(self) -> None:
        for field_input in self.query(FieldInput):
            if field_input.activity_id:
                self.save(field_input)

    def action_save(self) -> None:
        self.save_all()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if isinstance(event.input, FieldInput):
            event.stop()
            self.save(event.input)

    def on_input_blurred(self, event: Input.Blurred) -> None:
        if isinstance(event.input, FieldInput):
            event.stop()
            self.save(event.input)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "agree-save":
            event.stop()
            self.save_all()

    def focus_first(self) -> None:
        self.query_one("#agree-activities", OptionList).focus()
