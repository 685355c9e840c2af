"""Dialogs of the roles-and-expectations view: a role, a commitment, an expectation and its
answer, the agreement fields, an action, and the "add" menu.

Each dialog returns plain data with `dismiss` (None when cancelled); the view turns it into
service calls, so a dialog never touches the session file. User text is shown literally.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import (
    Button,
    Checkbox,
    Input,
    Label,
    OptionList,
    RadioButton,
    RadioSet,
    Select,
    SelectionList,
    Static,
)
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from facilitator.core.dates import is_date, parse_date
from facilitator.core.model import Expectation
from facilitator.core.scenario import AgreementField, Role
from facilitator.core.text import one_line
from facilitator.ui.base import BaseModal
from facilitator.ui.text import literal, literal_block
from facilitator.ui.widgets.choice_list import ChoiceList
from facilitator.ui.widgets.tickbox import TickBox

NO_ROLE = "-"  # the role list's option for "no role"; role ids never look like this
ANSWERS = ("accepted", "amended", "declined", "open")  # the answers first; "not answered yet" undoes one
ANSWER_MARKS = {"open": "○", "accepted": "✓", "amended": "✎", "declined": "✗"}
NAME_LIMIT = 80


def party_options(
    parties: Sequence[tuple[str, str]], involved: Sequence[str], outside: str
) -> list[tuple[Content, str]]:
    """Select options: the activity's parties first, then the others marked as outside it."""
    inside = [(literal(name, NAME_LIMIT), pid) for pid, name in parties if pid in involved]
    others = [
        (Content.assemble(literal(name, NAME_LIMIT), Content.styled(f"  {outside}", "italic")), pid)
        for pid, name in parties
        if pid not in involved
    ]
    return inside + others


# --------------------------------------------------------------------------- role


@dataclass(frozen=True)
class RoleChoice:
    """The chosen role; None for "no role"."""

    role_id: str | None


class RoleDialog(BaseModal[RoleChoice | None]):
    """A party's role in an activity, picked from the scenario's roles (each explained)."""

    BINDINGS = [Binding("escape", "cancel", "button.cancel")]

    def __init__(
        self,
        roles: Sequence[Role],
        party: str,
        activity: str,
        current: str | None,
        suggested: str | None = None,
    ) -> None:
        """`suggested`: the role the cursor starts on when the party has none yet."""
        super().__init__(classes="dialog")
        self.roles = tuple(roles)
        self.party = party
        self.activity = activity
        self.current = current
        self.suggested = suggested

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide"):
            yield Label("", id="role-title", classes="dialog-title")
            yield ChoiceList(id="role-options")
            with Horizontal(classes="dialog-buttons"):
                yield Button("", id="cancel")

    def relabel(self) -> None:
        super().relabel()
        t = self.t
        self.query_one("#role-title", Label).update(
            Content(
                t(
                    "agree.role.title",
                    party=one_line(self.party, NAME_LIMIT),
                    activity=one_line(self.activity, 120),
                )
            )
        )
        self.query_one("#cancel", Button).label = Content(t("button.cancel"))
        options = self.query_one("#role-options", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        for role in self.roles:
            options.add_option(
                Option(self._row(role.name, role.description, role.id == self.current, role.lead), id=role.id)
            )
        options.add_option(
            Option(
                self._row(t("agree.role.none"), t("agree.role.none.help"), self.current is None, False),
                id=NO_ROLE,
            )
        )
        if highlighted is None:
            ids = [r.id for r in self.roles]
            start = self.current if self.current is not None else self.suggested
            highlighted = ids.index(start) if start in ids else len(ids)
        options.highlighted = highlighted

    def _row(self, name: str, description: str, current: bool, lead: bool) -> Table:
        grid = Table.grid(padding=(0, 2), expand=True)
        grid.add_column(width=2, no_wrap=True)
        grid.add_column(ratio=1)
        title = Text(one_line(name, NAME_LIMIT), style="bold")
        if lead:
            title.append("  " + self.t("agree.role.leads"), style="italic")
        body = Text.assemble(title, "\n", Text(one_line(description, 500), style="bright_black"))
        grid.add_row(Text("●" if current else "○"), body)
        return grid

    def after_mount(self) -> None:
        # As tall as the roles need, up to the screen: Cancel stays in view, the roles scroll.
        self.query_one(".dialog-box").styles.max_height = 12 + 3 * (len(self.roles) + 1)
        self.query_one("#role-options", OptionList).focus()

    @on(OptionList.OptionSelected, "#role-options")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = event.option.id
        self.dismiss(RoleChoice(None if chosen == NO_ROLE else chosen))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.close_asking(None)


# --------------------------------------------------------------------------- text forms


FormResult = TypeVar("FormResult")


class _Form(BaseModal[FormResult]):
    """Shared by the small forms: a title, a problem line, Save and Cancel."""

    BINDINGS = [
        Binding("escape", "cancel", "button.cancel"),
        Binding("ctrl+s", "save", "agree.dialog.key.save"),
    ]

    parties: tuple[tuple[str, str], ...] = ()
    involved: tuple[str, ...] = ()

    def party_select(self, select_id: str, value: str | None, disabled: bool = False) -> Select[str]:
        """The session's parties, the activity's own first; `value` chosen when it is one of them."""
        options = party_options(self.parties, self.involved, self.t("agree.form.outside"))
        known = value is not None and any(pid == value for pid, _ in self.parties)
        return Select[str](
            options,
            id=select_id,
            allow_blank=not options,
            value=value if known and value is not None else Select.NULL,
            disabled=disabled,
        )

    def relabel_parties(self, *select_ids: str) -> None:
        """The "(not in this activity)" mark follows the language; the choices stay."""
        options = party_options(self.parties, self.involved, self.t("agree.form.outside"))
        if not options:
            return
        for select_id in select_ids:
            select: Select[str] = self.query_one(f"#{select_id}", Select)
            value = select.value
            select.set_options(options)
            if isinstance(value, str):
                select.value = value

    problem_key: str | None = None

    def problem(self, key: str | None, focus: str | None = None) -> None:
        """Say what is missing (its line is always there, so the buttons never move)."""
        self.problem_key = key
        self.query_one("#form-problem", Label).update(Content(self.t(key)) if key else "")
        if focus is not None:
            self.query_one(focus).focus()

    def buttons(self) -> ComposeResult:
        yield Label("", id="form-problem", classes="dialog-problem")
        with Horizontal(classes="dialog-buttons"):
            yield Button("", id="save", variant="primary")
            yield Button("", id="cancel")

    def relabel(self) -> None:
        super().relabel()
        self.query_one("#save", Button).label = Content(self.t("button.save"))
        self.query_one("#cancel", Button).label = Content(self.t("button.cancel"))
        self.problem(self.problem_key)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.close_asking(None)

    def action_save(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.close_asking(None)


@dataclass(frozen=True)
class CommitmentDraft:
    """ "We will …" by one party."""

    party_id: str
    text: str


class CommitmentDialog(_Form[CommitmentDraft | None]):
    """Add a commitment (choose the party) or edit one's text."""

    def __init__(
        self,
        parties: Sequence[tuple[str, str]],
        involved: Sequence[str],
        party_id: str | None,
        text: str = "",
        editing: bool = False,
    ) -> None:
        super().__init__(classes="dialog")
        self.parties = tuple(parties)
        self.involved = tuple(involved)
        self.party_id = party_id
        self.text = text
        self.editing = editing

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide"):
            yield Label("", id="form-title", classes="dialog-title")
            yield Label("", id="commitment-party-label")
            yield self.party_select("commitment-party", self.party_id, disabled=self.editing)
            yield Label("", id="commitment-text-label", classes="form-label")
            yield Input(self.text, id="commitment-text", select_on_focus=False)
            yield from self.buttons()

    def relabel(self) -> None:
        super().relabel()
        t = self.t
        self.query_one("#form-title", Label).update(
            Content(t("agree.commitment.edit" if self.editing else "agree.commitment.new"))
        )
        self.query_one("#commitment-party-label", Label).update(Content(t("agree.form.party")))
        self.query_one("#commitment-text-label", Label).update(Content(t("agree.commitment.label")))
        self.query_one("#commitment-text", Input).placeholder = t("agree.commitment.placeholder")
        self.relabel_parties("commitment-party")

    def after_mount(self) -> None:
        self.query_one("#commitment-text", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        text = self.query_one("#commitment-text", Input).value
        party = self.query_one("#commitment-party", Select).value
        if not isinstance(party, str):
            self.problem("agree.form.no_party", "#commitment-party")
        elif not text.strip():
            self.problem("agree.commitment.empty", "#commitment-text")
        else:
            self.dismiss(CommitmentDraft(party, text.strip()))


@dataclass(frozen=True)
class ExpectationDraft:
    """ "We expect X to …" from one party to another."""

    from_party: str
    to_party: str
    text: str


class ExpectationDialog(_Form[ExpectationDraft | None]):
    """From which party, to which, and what. An addressee outside the activity is warned about."""

    def __init__(
        self,
        parties: Sequence[tuple[str, str]],
        involved: Sequence[str],
        from_party: str | None,
        to_party: str | None,
    ) -> None:
        super().__init__(classes="dialog")
        self.parties = tuple(parties)
        self.involved = tuple(involved)
        self.from_party = from_party
        self.to_party = to_party

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide"):
            yield Label("", id="form-title", classes="dialog-title")
            with Horizontal(id="expectation-parties"):
                with Vertical():
                    yield Label("", id="expectation-from-label")
                    yield self.party_select("expectation-from", self.from_party)
                with Vertical():
                    yield Label("", id="expectation-to-label")
                    yield self.party_select("expectation-to", self.to_party)
            yield Label("", id="expectation-warning", classes="form-warning")
            yield Label("", id="expectation-text-label", classes="form-label")
            yield Input(id="expectation-text", select_on_focus=False)
            yield from self.buttons()

    def relabel(self) -> None:
        super().relabel()
        t = self.t
        self.query_one("#form-title", Label).update(Content(t("agree.expectation.new")))
        self.query_one("#expectation-from-label", Label).update(Content(t("agree.expectation.from")))
        self.query_one("#expectation-to-label", Label).update(Content(t("agree.expectation.to")))
        self.query_one("#expectation-text-label", Label).update(Content(t("agree.expectation.label")))
        self.query_one("#expectation-text", Input).placeholder = t("agree.expectation.placeholder")
        self.relabel_parties("expectation-from", "expectation-to")
        self._warn()

    def after_mount(self) -> None:
        self.query_one("#expectation-text", Input).focus()

    @on(Select.Changed)
    def _party_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._warn()

    def _warn(self) -> None:
        """Expectations to a party outside the activity are allowed, but the room should know."""
        target = self.query_one("#expectation-to", Select).value
        warning = self.query_one("#expectation-warning", Label)
        outside = isinstance(target, str) and target not in self.involved
        if outside:
            name = next((n for pid, n in self.parties if pid == target), "")
            warning.update(Content(self.t("agree.expectation.outside", party=one_line(name, NAME_LIMIT))))
        warning.display = outside

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        source = self.query_one("#expectation-from", Select).value
        target = self.query_one("#expectation-to", Select).value
        text = self.query_one("#expectation-text", Input).value
        if not isinstance(source, str) or not isinstance(target, str):
            self.problem("agree.form.no_party", "#expectation-from")
        elif source == target:
            self.problem("agree.expectation.same", "#expectation-to")
        elif not text.strip():
            self.problem("agree.expectation.empty", "#expectation-text")
        else:
            self.dismiss(ExpectationDraft(source, target, text.strip()))


@dataclass(frozen=True)
class Answer:
    """The addressee's answer: a state and, for amend or decline, the new text or the reason."""

    state: str
    response: str


class AnswerDialog(_Form[Answer | None]):
    """Accept, amend (new text; the original stays) or decline (with a reason); or reopen."""

    def __init__(self, expectation: Expectation, from_name: str, to_name: str) -> None:
        super().__init__(classes="dialog")
        self.expectation = expectation
        self.from_name = from_name
        self.to_name = to_name
        self.state = "accepted" if expectation.state == "open" else expectation.state

    def compose(self) -> ComposeResult:
        e = self.expectation
        with Vertical(classes="dialog-box wide"):
            yield Label("", id="form-title", classes="dialog-title")
            yield Static(literal_block(e.text), id="answer-text")
            with RadioSet(id="answer-state"):
                for state in ANSWERS:
                    yield RadioButton("", value=state == self.state, id=f"answer-{state}")
            yield Label("", id="answer-response-label", classes="form-label")
            yield Input(e.response, id="answer-response", select_on_focus=False)
            yield from self.buttons()

    def relabel(self) -> None:
        super().relabel()
        t = self.t
        self.query_one("#form-title", Label).update(
            Content(
                t(
                    "agree.answer.title",
                    to=one_line(self.to_name, NAME_LIMIT),
                    **{"from": one_line(self.from_name, NAME_LIMIT)},
                )
            )
        )
        for state in ANSWERS:
            button = self.query_one(f"#answer-{state}", RadioButton)
            button.label = Content(f"{ANSWER_MARKS[state]} {t(f'agree.answer.{state}')}")
        self._show_state()

    def after_mount(self) -> None:
        radios = self.query_one("#answer-state", RadioSet)
        radios.focus()
        radios._selected = ANSWERS.index(self.state)  # the arrow keys start from the current answer

    @on(RadioSet.Changed)
    def _state_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        self.state = ANSWERS[event.index]
        response = self.query_one("#answer-response", Input)
        if self.state == "amended" and not response.value.strip():
            response.value = self.expectation.text  # amend by editing what was asked
        self.problem(None)
        self._show_state()

    def _show_state(self) -> None:
        label = self.query_one("#answer-response-label", Label)
        response = self.query_one("#answer-response", Input)
        shown = self.state != "open"
        label.display = response.display = shown
        if shown:
            label.update(Content(self.t(f"agree.answer.{self.state}.label")))
            response.placeholder = self.t(f"agree.answer.{self.state}.placeholder")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        response = self.query_one("#answer-response", Input).value.strip()
        if self.state == "amended" and not response:
            self.problem("agree.answer.amended.empty", "#answer-response")
        elif self.state == "amended" and response == self.expectation.text.strip():
            self.problem("agree.answer.amended.same", "#answer-response")
        elif self.state == "declined" and not response:
            self.problem("agree.answer.declined.empty", "#answer-response")
        else:
            self.dismiss(Answer(self.state, "" if self.state == "open" else response))


class FieldInput(Input):
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


class FieldsDialog(_Form[FieldsResult | None]):
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
            with VerticalScroll(id="fields-form"):
                for agreement_field in self.fields:
                    yield Label(literal(agreement_field.label), classes="form-label")
                    if agreement_field.help:
                        yield Static(literal_block(agreement_field.help), classes="form-help")
                    yield FieldInput(agreement_field, self.values.get(agreement_field.id, ""))
                if self.flows:
                    yield Label("", id="fields-flows-label", classes="form-label")
                    yield SelectionList[str](
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


@dataclass(frozen=True)
class ActionDraft:
    """A next step: what, who owns it, by when, and whether it is done."""

    text: str
    owner: str
    due: str | None
    done: bool


class ActionDialog(_Form[ActionDraft | None]):
    """Add or edit an action: text, owner party, due date (YYYY-MM-DD) and, when editing, done."""

    def __init__(
        self,
        parties: Sequence[tuple[str, str]],
        involved: Sequence[str],
        owner: str | None,
        text: str = "",
        due: str | None = None,
        done: bool = False,
        editing: bool = False,
    ) -> None:
        super().__init__(classes="dialog")
        self.parties = tuple(parties)
        self.involved = tuple(involved)
        self.owner = owner
        self.text = text
        self.due = due or ""
        self.done = done
        self.editing = editing

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide"):
            yield Label("", id="form-title", classes="dialog-title")
            yield Label("", id="action-text-label")
            yield Input(self.text, id="action-text", select_on_focus=False)
            with Horizontal(id="action-row"):
                with Vertical(id="action-owner-box"):
                    yield Label("", id="action-owner-label", classes="form-label")
                    yield self.party_select("action-owner", self.owner)
                with Vertical(id="action-due-box"):
                    yield Label("", id="action-due-label", classes="form-label")
                    yield Input(self.due, id="action-due", max_length=10, select_on_focus=False)
            yield TickBox("", self.done, id="action-done")
            yield from self.buttons()

    def relabel(self) -> None:
        super().relabel()
        t = self.t
        self.query_one("#form-title", Label).update(
            Content(t("agree.action.edit" if self.editing else "agree.action.new"))
        )
        self.query_one("#action-text-label", Label).update(Content(t("agree.action.label")))
        self.query_one("#action-owner-label", Label).update(Content(t("agree.action.owner")))
        self.query_one("#action-due-label", Label).update(Content(t("agree.action.due")))
        self.query_one("#action-due", Input).placeholder = t("agree.action.due.placeholder")
        self.query_one("#action-text", Input).placeholder = t("agree.action.placeholder")
        self.query_one("#action-done", Checkbox).label = Content(t("agree.action.done"))
        self.relabel_parties("action-owner")

    def after_mount(self) -> None:
        self.query_one("#action-done", Checkbox).display = self.editing
        self.query_one("#action-text", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "action-text":
            self.query_one("#action-due", Input).focus()
        else:
            self.action_save()

    def action_save(self) -> None:
        text = self.query_one("#action-text", Input).value.strip()
        owner = self.query_one("#action-owner", Select).value
        due = self.query_one("#action-due", Input).value.strip()
        if not text:
            self.problem("agree.action.empty", "#action-text")
        elif not isinstance(owner, str):
            self.problem("agree.form.no_party", "#action-owner")
        elif due and not is_date(due):
            self.problem("agree.action.bad_date", "#action-due")
        else:
            done = self.query_one("#action-done", Checkbox).value
            self.dismiss(ActionDraft(text, owner, parse_date(due) if due else None, done))


# --------------------------------------------------------------------------- the add menu

ADD_CHOICES = (
    ("commitment", "agree.add.commitment", "c"),
    ("expectation", "agree.add.expectation", "e"),
    ("action", "agree.add.action", "n"),
    ("fields", "agree.add.fields", "f"),
)


class AddMenu(BaseModal[str | None]):
    """What to add to the activity: the mouse path to the c, e, n and f keys."""

    BINDINGS = [Binding("escape", "cancel", "button.cancel")]

    def __init__(self, choices: Sequence[str]) -> None:
        super().__init__(classes="dialog")
        self.choices = tuple(choices)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label("", id="add-title", classes="dialog-title")
            yield ChoiceList(id="add-options")
            with Horizontal(classes="dialog-buttons"):
                yield Button("", id="cancel")

    def relabel(self) -> None:
        super().relabel()
        t = self.t
        self.query_one("#add-title", Label).update(Content(t("agree.add.title")))
        self.query_one("#cancel", Button).label = Content(t("button.cancel"))
        options = self.query_one("#add-options", OptionList)
        highlighted = options.highlighted or 0
        options.clear_options()
        for choice, key, shortcut in ADD_CHOICES:
            if choice in self.choices:
                options.add_option(
                    Option(
                        Content.assemble(t(key), Content.styled(f"  ({shortcut})", "$text-muted")), id=choice
                    )
                )
        options.highlighted = min(highlighted, max(options.option_count - 1, 0))

    def after_mount(self) -> None:
        self.query_one("#add-options", OptionList).focus()

    @on(OptionList.OptionSelected, "#add-options")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.close_asking(None)
