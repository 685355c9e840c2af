"""A tiny document model shared by the Markdown and HTML reports.

`content.build_report` decides *what* a report says, once, as blocks of plain text;
`markdown.py` and `html.py` decide how it looks and do all the escaping. No text in
these blocks is markup: the writers escape every span, so user text can't create
links, headings, tables or elements, whatever it contains.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

# Span styles; writers map them to **strong**, *em*, <strong>, <em>, <small>...
PLAIN = ""
STRONG = "strong"
EM = "em"
MUTED = "muted"
SAID = "said"
"""Who entered a party's word (`reports.authors`): muted, and in a table cell on a line of its own."""


class Span(NamedTuple):
    """A run of plain text in one style.

    `user` marks text from the session (typed by people, or from the scenario), as
    opposed to catalogue labels: HTML tags it with the session's language when the
    report is written in another. `anchor` links to a block with that id inside the
    same document (HTML only; Markdown shows the text alone). A named tuple: a report
    of 500 activities makes tens of thousands of these.
    """

    text: str
    style: str = PLAIN
    user: bool = False
    anchor: str = ""


Inline = tuple[Span, ...]


def text(*parts: str | Span) -> Inline:
    """Inline content from labels (plain strings) and spans."""
    return tuple([p if isinstance(p, Span) else Span(p) for p in parts])


def user(value: str, style: str = PLAIN, anchor: str = "") -> Span:
    """A span of text that came from the session, not from the catalogue."""
    return Span(value, style, user=True, anchor=anchor)


def strong(value: str) -> Span:
    return Span(value, STRONG)


def muted(value: str) -> Span:
    return Span(value, MUTED)


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    content: Inline
    anchor: str = ""


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph; newlines inside user spans are kept as line breaks."""

    content: Inline
    kind: str = ""  # "notice", "note", "lead" ...: a class for HTML


@dataclass(frozen=True, slots=True)
class Facts:
    """Label → value pairs (a definition list in HTML, a bullet list in Markdown)."""

    rows: tuple[tuple[str, Inline], ...]


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[Inline, ...]
    kind: str = ""


@dataclass(frozen=True, slots=True)
class Table:
    """A table of inline cells; the first column is a row header when `row_headers`."""

    header: tuple[Inline, ...]
    rows: tuple[tuple[Inline, ...], ...]
    caption: str = ""
    row_headers: bool = False
    kind: str = ""
    numeric: tuple[int, ...] = ()  # columns to right-align


@dataclass(frozen=True, slots=True)
class Figure:
    """A drawing: inline SVG in HTML; Markdown shows `fallback` instead."""

    svg: str
    caption: str
    fallback: tuple[Block, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    """A group of blocks: a page section, or one activity (kept on one page if it fits)."""

    blocks: tuple[Block, ...]
    kind: str = ""
    anchor: str = ""


Block = Heading | Para | Facts | Bullets | Table | Figure | Section


@dataclass(frozen=True)
class Document:
    """A whole report: its language, the session's language and the blocks."""

    title: str
    language: str
    content_language: str
    blocks: Sequence[Block] = field(default_factory=tuple)
