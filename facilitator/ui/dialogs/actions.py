"""An action (a next step, with owner and due date), and the "add" menu of the agreement view."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import (
    Checkbox,
    Input,
    Label,
    OptionList,
    Select,
)
from textual.widgets.option_list import Option

from facilitator.core.dates import is_date, parse_date, shown_date
from facilitator.ui.base import BaseModal
from facilitator.ui.dialogs.agree_form import AgreeForm
from facilitator.ui.widgets.button import Button
from facilitator.ui.widgets.choice_list import ChoiceList
from facilitator.ui.widgets.marked_input import MarkedInput
from facilitator.ui.widgets.tickbox import TickBox


@dataclass(frozen=True)
class ActionDraft:
    """A next step: what, who owns it, by when, and whether it is done."""

    text: str
    owner: str
    due: str | None
    done: bool


class ActionDialog(AgreeForm[ActionDraft | None]):
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
            with VerticalScroll(classes="dialog-body"):
                yield Label("", id="action-text-label")
                yield MarkedInput(self.text, id="action-text", select_on_focus=False)
                with Horizontal(id="action-row"):
                    with Vertical(id="action-owner-box"):
                        yield Label("", id="action-owner-label", classes="form-label")
                        yield self.party_select("action-owner", self.owner)
                    with Vertical(id="action-due-box"):
                        yield Label("", id="action-due-label", classes="form-label")
                        yield MarkedInput(
                            shown_date(self.due, self.t.language),
                            id="action-due",
                            max_length=10,
                            select_on_focus=False,
                        )
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
            self.problem("error.bad_date", "#action-due", value=due)  # the CLI's words, one rule
        else:
            done = self.query_one("#action-done", Checkbox).value
            self.dismiss(ActionDraft(text, owner, parse_date(due) if due else None, done))


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
            yield ChoiceList(id="add-options", classes="dialog-body")
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
