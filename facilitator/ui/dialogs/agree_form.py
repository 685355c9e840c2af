"""The agreement's small forms share this: a title, a problem line, Save and Cancel, and the
party lists (the activity's own parties first).

Each form returns plain data with `dismiss` (None when cancelled); the agreement view turns
it into service calls, so a dialog never touches the session file. User text is shown literally.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import (
    Label,
    Select,
)

from facilitator.ui.base import BaseModal
from facilitator.ui.text import literal
from facilitator.ui.widgets.button import Button

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


FormResult = TypeVar("FormResult")


class AgreeForm(BaseModal[FormResult]):
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
    problem_values: dict[str, object] = {}  # replaced on each problem, never changed in place

    def problem(self, key: str | None, focus: str | None = None, **values: object) -> None:
        """Say what is missing (its line is always there, so the buttons never move)."""
        self.problem_key, self.problem_values = key, values
        label = self.query_one("#form-problem", Label)
        if key is None:
            label.update("")
        else:
            self.show_problem(label, self.t(key, **values), self.query_one(focus) if focus else None)

    def buttons(self) -> ComposeResult:
        yield Label("", id="form-problem", classes="dialog-problem")
        with Horizontal(classes="dialog-buttons"):
            yield Button("", id="save", variant="primary")
            yield Button("", id="cancel")

    def relabel(self) -> None:
        super().relabel()
        self.query_one("#save", Button).label = Content(self.t("button.save"))
        self.query_one("#cancel", Button).label = Content(self.t("button.cancel"))
        self.problem(self.problem_key, None, **self.problem_values)

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
