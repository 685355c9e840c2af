"""What the lines of the roles-and-expectations list are made of: shared by every panel.

Each line is an `Option` whose id is an `Item` (what it stands for), so the view can act on
the line under the cursor; the helpers here draw headings, gaps, hints and user text. The
panels' rows themselves are built in `agree_rows`.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.table import Table
from rich.text import Text
from textual.content import Content
from textual.widgets.option_list import Option

from facilitator.core.i18n import Translator
from facilitator.core.text import grapheme_start, multi_line

NAME_LIMIT = 60
NARROW_ITEMS = 70  # below this many columns an expectation's answer moves beside its parties
TEXT_LIMIT = 1_000  # characters of one commitment, expectation or field shown in the list
NAME_WIDTH = 26  # cells: the widest the party column gets
ROLE_WIDTH = 16
STATE_MARKS = {"open": "○", "accepted": "✓", "amended": "✎", "declined": "✗"}
STATE_STYLES = {"open": "bold", "accepted": "bold green", "amended": "bold yellow", "declined": "bold red"}

# The kind of change that voided sign-offs, as the room hears it.


@dataclass(frozen=True)
class Item:
    """What a line of the item list stands for: a party, a commitment, ..., or a hint."""

    kind: str  # party, commitment, expectation, field, action, add, goto
    key: str

    @property
    def option_id(self) -> str:
        return f"{self.kind}:{self.key}"

    @classmethod
    def parse(cls, option_id: str | None) -> Item | None:
        if not option_id or ":" not in option_id:
            return None
        kind, key = option_id.split(":", 1)
        return cls(kind, key)


def line_grid(*widths: int | None, padding: int = 2) -> Table:
    """A borderless table for one list line: fixed columns, and `None` for the one that takes the rest."""
    grid = Table.grid(padding=(0, padding), expand=True)
    for width in widths:
        if width is None:
            grid.add_column(ratio=1, overflow="fold")
        else:
            grid.add_column(width=width, overflow="fold")
    return grid


def party_grid(*widths: int, gap: int = 2) -> Table:
    """One line of the parties table; every line gets the same column widths."""
    grid = Table.grid(padding=(0, gap))
    for width in widths:
        grid.add_column(width=width, overflow="fold")
    return grid


def user_text(text: str, style: str = "") -> Text:
    """User text that may span lines, never parsed as markup; very long text is cut for display."""
    shown = text if len(text) <= TEXT_LIMIT else text[: grapheme_start(text, TEXT_LIMIT)] + "…"
    return Text(multi_line(shown), style=style)


def heading(t: Translator, key: str, **values: object) -> Option:
    """A section's heading line (not selectable)."""
    return Option(Content.styled(t(key, **values), "bold reverse"), disabled=True)


def gap() -> Option:
    """A blank line between sections (not selectable)."""
    return Option(Content(" "), disabled=True)


def hint(t: Translator, projector: bool, kind: str, key: str) -> Option:
    """An empty section: "none yet", and enter (or a click) adds the first one."""
    text = t("agree.none_yet") if projector else t(key)
    return Option(Content.styled(text, "$text-muted italic"), id=Item("add", kind).option_id)
