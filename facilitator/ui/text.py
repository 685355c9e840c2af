"""User text as literal Content: never parsed as markup, controls made visible."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len, split_graphemes
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.text import Text
from textual.content import Content
from textual.visual import VisualType
from textual.widgets import Static

from facilitator.core.text import grapheme_start, multi_line, one_line


def literal(text: str, limit: int | None = None) -> Content:
    """One line of user text, shown exactly as typed (no markup, no escape codes); at most
    `limit` terminal cells."""
    return Content(one_line(text) if limit is None else cut(text, limit))


def literal_block(text: str) -> Content:
    """User text that may span lines."""
    return Content(multi_line(text))


def literal_cell(text: str, limit: int | None = None) -> Text:
    """User text for a DataTable cell (which measures rich Text, not Content); at most
    `limit` terminal cells."""
    return Text(one_line(text) if limit is None else cut(text, limit))


class CutCell:
    """User text for a table column that gives way (`widgets.tables.Table`): drawn cut, with
    "…", to whatever width its column has; measured whole, so the column is never wider than
    the text. At most `limit` cells, like `literal_cell`."""

    def __init__(self, text: str, limit: int | None = None) -> None:
        self.text = one_line(text) if limit is None else cut(text, limit)
        self.cells = cell_len(self.text)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text(cut(self.text, options.max_width), end="")

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(self.cells, 1), self.cells)

    def __str__(self) -> str:
        return self.text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CutCell) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)


def fitted(parts: Sequence[Content], width: int, height: int, order: Sequence[int]) -> Content:
    """Paragraphs `parts` wrapped to `width` cells in at most `height` lines: each, in `order`,
    takes the lines it needs of those left; one that finds too few ends its last line in "…",
    those after it get none. Where all fit (or nothing is laid out yet) they are as given."""
    whole = Content("\n").join(parts)
    if width <= 1 or height <= 0:
        return whole
    wrapped = [part.wrap(width) for part in parts]
    if sum(len(lines) for lines in wrapped) <= height:
        return whole
    kept: list[list[Content]] = [[] for _ in parts]
    left = height
    for index in (i for i in order if i < len(parts)):
        lines = wrapped[index]
        if len(lines) <= left:
            kept[index], left = lines, left - len(lines)
        elif left > 0:
            last = lines[left - 1].rstrip().truncate(width - 1)
            kept[index], left = [*lines[: left - 1], Content.assemble(last, "…")], 0
    return Content("\n").join(line for lines in kept for line in lines)


def cut(text: str, cells: int) -> str:
    """User text on one line in at most `cells` terminal cells, ending in "…" where cut.

    Measured in cells, not characters (a CJK letter or an emoji takes two), and cut between
    graphemes only: an emoji with its skin tone or a family joined by ZWJ stays whole."""
    if cells <= 0:
        return ""
    limit = 4 * cells + 8  # a huge text is never measured whole
    head, whole = one_line(text[:limit]), len(text) <= limit
    if whole and cell_len(head) <= cells:
        return head
    spans = grapheme_spans(head)
    if not whole:
        spans = spans[:-1]  # the head's last grapheme may go on past it
    used = end = 0
    for _start, stop, width in spans:
        if used + width > cells - 1:
            break
        used, end = used + width, stop
    return head[:end] + "…"


def grapheme_spans(text: str) -> list[tuple[int, int, int]]:
    """Rich's graphemes of `text` (start, end, cells), joined where the core's rule
    (`grapheme_start`) says no cut may fall: Rich splits a flag's two regional indicators, and
    a cut between them leaves a stray letter. One rule for every cut, in cells or characters."""
    spans, _ = split_graphemes(text)
    joined: list[tuple[int, int, int]] = []
    for start, end, cells in spans:
        if joined and grapheme_start(text, start) != start:
            first = joined.pop()
            start, cells = first[0], first[2] + cells
        joined.append((start, end, cells))
    return joined


def same(shown: VisualType, new: VisualType) -> bool:
    """Whether `new` would draw what `shown` draws: text and style both. Content's `==` compares
    the text alone (`Content.styled("x", "bold") == Content("x")`), so a change of style only
    (a state told by colour or bold) would be skipped and never drawn."""
    if isinstance(shown, Content) and isinstance(new, Content):
        return shown.is_same(new)
    if isinstance(shown, Text) and isinstance(new, Text):  # its == leaves out the base style
        return shown == new and shown.style == new.style
    return type(shown) is type(new) and shown == new


def show(widget: Static, content: VisualType) -> None:
    """Put `content` in a Static (or Label) unless it is there already: an update lays out the
    whole screen again, so refreshing a screen that is already right costs no layout."""
    if not same(widget.content, content):
        widget.update(content)
