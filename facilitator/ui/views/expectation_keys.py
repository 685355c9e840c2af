"""An expectation's "from" and "to" chosen with single keys.

The expectation dialog opens with the text field focused and the parties preset (the
cursor's party, and the first other party), so the common case is only typing. When the
parties are not the right ones, `up` (from the text) goes to "From"; there a party's number
(the parties are numbered in the lists) or its first letter chooses it and moves on to "To",
and the same there moves on to the text. A letter shared by several parties steps through
them, one press each.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Input, Label, Select

from facilitator.ui.dialogs.agree_form import party_options
from facilitator.ui.dialogs.expectations import ExpectationDialog

PARTY_SELECTS = ("expectation-from", "expectation-to")


def numbered(options: list[tuple[Content, str]]) -> list[tuple[Content, str]]:
    """The options with their key in front: 1–9 for the first nine."""
    return [
        (Content.assemble(Content.styled(f"{n} ", "bold") if n <= 9 else "", prompt), value)
        for n, (prompt, value) in enumerate(options, start=1)
    ]


class QuickExpectationDialog(ExpectationDialog):
    """The expectation dialog with numbered parties and single-key choice of from and to."""

    BINDINGS = [Binding("up", "to_parties", "expectation.keys", show=False)]

    def party_select(self, select_id: str, value: str | None, disabled: bool = False) -> Select[str]:
        """As the base dialog's, with the parties numbered."""
        options = self._options()
        known = value is not None and any(pid == value for pid, _ in self.parties)
        return Select[str](
            options,
            id=select_id,
            allow_blank=not options,
            value=value if known and value is not None else Select.NULL,
            disabled=disabled,
        )

    def relabel_parties(self, *select_ids: str) -> None:
        options = self._options()
        if not options:
            return
        for select_id in select_ids:
            select: Select[str] = self.query_one(f"#{select_id}", Select)
            value = select.value
            select.set_options(options)
            if isinstance(value, str):
                select.value = value

    def relabel(self) -> None:
        super().relabel()
        help_line = self.query("#expectation-keys")
        if help_line:
            help_line.first(Label).update(Content(self.t("expectation.keys")))

    def after_mount(self) -> None:
        super().after_mount()
        box = self.query_one(".dialog-box")
        box.mount(
            Label(Content(self.t("expectation.keys")), id="expectation-keys", classes="form-help"),
            after="#expectation-parties",
        )

    def _options(self) -> list[tuple[Content, str]]:
        return numbered(party_options(self.parties, self.involved, self.t("agree.form.outside")))

    def _order(self) -> list[str]:
        """The party ids in the lists' order (the activity's own first)."""
        return [value for _prompt, value in party_options(self.parties, self.involved, "")]

    def action_to_parties(self) -> None:
        """From the text, up to "From"."""
        if isinstance(self.focused, Input):
            self.query_one("#expectation-from", Select).focus()

    def on_key(self, event: events.Key) -> None:
        focused = self.focused
        if not isinstance(focused, Select) or focused.id not in PARTY_SELECTS or focused.expanded:
            return
        chosen = self.party_for_key(event.character, focused.value)
        if chosen is None:
            return
        event.stop()
        event.prevent_default()
        focused.value = chosen
        if focused.id == "expectation-from":
            self.query_one("#expectation-to", Select).focus()
        else:
            self.query_one("#expectation-text", Input).focus()

    def party_for_key(self, character: str | None, current: object) -> str | None:
        """The party a key names: its number in the list, or the next one whose name starts so."""
        if not character or not character.isprintable():
            return None
        order = self._order()
        if character.isdigit():
            number = int(character)
            return order[number - 1] if 1 <= number <= len(order) else None
        names = dict(self.parties)
        start = order.index(current) + 1 if isinstance(current, str) and current in order else 0
        ring: Sequence[str] = order[start:] + order[:start]
        return next((p for p in ring if names.get(p, "").strip().lower().startswith(character.lower())), None)
