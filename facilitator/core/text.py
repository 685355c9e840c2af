"""Showing user text safely in a terminal.

Stored text is kept byte-exact; only its display is changed, so that an escape
sequence typed or pasted into a title can't move the cursor or recolour a screen.
"""

from __future__ import annotations

import unicodedata

_VISIBLE = {"\n": "⏎", "\r": "␍", "\t": " "}


def one_line(text: str, limit: int | None = None) -> str:
    """Text for a single terminal line: newlines shown as ⏎, other controls as �."""
    # The common case first, in C: nothing to replace.
    result = text if text.isprintable() else _replace_controls(text)
    if limit is not None and len(result) > limit:
        return result[: max(limit - 1, 0)] + "…"
    return result


def _replace_controls(text: str) -> str:
    out = []
    for char in text:
        if char in _VISIBLE:
            out.append(_VISIBLE[char])
        elif unicodedata.category(char) in ("Cc", "Cf") and char not in "\u200d\ufe0f":
            out.append("\ufffd")
        else:
            out.append(char)
    return "".join(out)


def multi_line(text: str) -> str:
    """Text that may span lines: newlines kept, other controls shown as �."""
    return "\n".join(one_line(line) for line in text.split("\n"))
