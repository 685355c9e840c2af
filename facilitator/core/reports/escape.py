"""Escaping user text for HTML, SVG/XML and Markdown.

Stored text stays byte-exact; only what a report shows is changed. Characters that
are not allowed in XML 1.0 (most C0 controls, lone surrogates, U+FFFE/U+FFFF), C1
controls and the bidirectional overrides (which can make text display in another order
than it is stored) become U+FFFD, in every text format.
"""

from __future__ import annotations

import functools
import html
import re

_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]"
)
_SPACES = re.compile(r"\s+")
# Labels, names and rung titles repeat on every activity: short texts are escaped once.
_CACHED = 200


def clean(value: str) -> str:
    """Text with unsafe characters replaced by U+FFFD (tab, newline and CR are kept)."""
    return _UNSAFE.sub("\ufffd", value) if _UNSAFE.search(value) else value


def markup(value: str) -> str:
    """Text for HTML or XML content and attribute values (quotes escaped too)."""
    return _markup(value) if len(value) <= _CACHED else html.escape(clean(value), quote=True)


@functools.lru_cache(maxsize=8192)
def _markup(value: str) -> str:
    return html.escape(clean(value), quote=True)


def single_line(value: str) -> str:
    """All runs of white space (newlines included) as one space, ends trimmed."""
    return _SPACES.sub(" ", value).strip()


# ------------------------------------------------------------------------- Markdown

# Characters that delimit Markdown syntax anywhere in a line: emphasis, code, links and
# images ([ ]), raw HTML and autolinks (< >), table cells (|), strikethrough (~). With
# the brackets escaped, parentheses can't make a link, so they stay as they are. Any
# ASCII punctuation may be backslash-escaped in CommonMark: escaping is always safe.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# Only at the start of a block (a paragraph, a list item, a line after a hard break):
# headings (#), lists (-, +, 1. 1)), setext underlines (=, -), fences, thematic breaks.
_MD_LINE_START = re.compile(r"^([-+=#]|\d+(?=[.)]))")


def md_inline(value: str, *, line_start: bool = True) -> str:
    """Markdown text that renders as exactly these characters.

    `line_start`: the text may begin a block, so block markers at its start are escaped
    too (not needed in table cells, headings, or after other text on the line).
    """
    if len(value) <= _CACHED:
        return _md_inline(value, line_start)
    return _md_inline.__wrapped__(value, line_start)


@functools.lru_cache(maxsize=8192)
def _md_inline(value: str, line_start: bool) -> str:
    value = _MD_INLINE.sub(r"\\\1", clean(value))
    value = _MD_ENTITY.sub(r"\\&", value)
    if line_start:
        match = _MD_LINE_START.match(value)
        if match:
            if match.group(1).isdigit():  # "1." → "1\." (the dot is what makes a list)
                end = match.end()
                value = value[:end] + "\\" + value[end:]
            else:
                value = "\\" + value
    return value
