"""A party's role in an activity, and a party's commitment."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import (
    Input,
    Label,
    OptionList,
    Select,
)
from textual.widgets.option_list import Option

from facilitator.core.scenario import Role
from facilitator.core.text import one_line
from facilitator.ui.base import BaseModal
from facilitator.ui.dialogs.agree_form import NAME_LIMIT, AgreeForm
from facilitator.ui.widgets.button import Button
from facilitator.ui.widgets.choice_list import ChoiceList
from facilitator.ui.widgets.marked_input import MarkedInput

NO_ROLE = "-"  # the role list's option for "no role"; role ids never look like this


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
            yield ChoiceList(id="role-options", classes="dialog-body")
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


@dataclass(frozen=True)
class CommitmentDraft:
    """ "We will …" by one party."""

    party_id: str
    text: str


class CommitmentDialog(AgreeForm[CommitmentDraft | None]):
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
            with VerticalScroll(classes="dialog-body"):
                yield Label("", id="commitment-party-label")
                yield self.party_select("commitment-party", self.party_id, disabled=self.editing)
                yield Label("", id="commitment-text-label", classes="form-label")
                yield MarkedInput(self.text, id="commitment-text", select_on_focus=False)
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
