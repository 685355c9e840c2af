"""Help: every key of the screen underneath, with what it does, in the current language."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Label

from facilitator.ui.base import BaseModal
from facilitator.ui.localized import is_own_binding
from facilitator.ui.widgets.button import Button
from facilitator.ui.widgets.tables import Column, Table


class HelpScreen(BaseModal[None]):
    """The keys of the screen underneath that this app defines (Textual's own are left out)."""

    BINDINGS = [
        Binding("escape", "close", "button.close"),
        Binding("f1", "close", "button.close", show=False),
    ]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__(classes="dialog")
        self.under = under

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide"):
            yield Label("", id="help-title", classes="dialog-title")
            yield Label("", id="help-intro")
            yield Table(id="help-keys", cursor_type="row", show_cursor=False, classes="dialog-body")
            yield Button("", id="close", variant="primary")

    def relabel(self) -> None:
        super().relabel()
        t = self.t
        self.query_one("#help-title", Label).update(t("help.title"))
        self.query_one("#help-intro", Label).update(t("help.intro"))
        self.query_one("#close", Button).label = t("button.close")
        rows: list[tuple[str, tuple[Text, Text]]] = []
        # What the screen underneath answers to: the focused widgets' keys; the shown phase view's,
        # also those that work when one of its lists has the focus (setup's r, space and del were
        # left out); the screen's and the app's that work now (not both ctrl+w's close and reopen).
        bindings = [(active.node, active.binding) for active in self.under.active_bindings.values()]
        views = [view for view in self.under.query(".phase-view") if view.display]
        bindings += [(view, binding) for view in views for _key, binding in view._bindings]
        bindings += [
            (node, binding)
            for node in (self.under, self.app)
            for _key, binding in node._bindings
            if node.check_action(binding.action, ()) is not False
        ]
        seen: set[tuple[str, str]] = set()
        for node, binding in bindings:
            if not binding.description or not is_own_binding(node, binding):
                continue
            row = (self.app.get_key_display(binding), binding.description)
            if row not in seen:
                seen.add(row)
                rows.append((str(len(rows)), (Text(row[0]), Text(row[1]))))
        columns = (Column("key", t("help.key"), wraps=False), Column("action", t("help.action")))
        self.query_one("#help-keys", Table).show_rows(columns, rows)  # wrapped: never sideways

    def on_button_pressed(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
