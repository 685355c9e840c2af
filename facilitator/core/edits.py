"""Saving a form without reverting what others changed meanwhile (a three-way merge).

A form remembers what it showed when it was opened (`base`). On saving, only the fields the
facilitator changed since then are written; a field that was changed elsewhere in the
meantime (another process, a phone) to something else is a `Clash` the facilitator decides.
Nothing is silently reverted.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Clash:
    """A field changed both here (`mine`) and elsewhere (`theirs`) since the form was opened."""

    name: str
    base: Any
    mine: Any
    theirs: Any


def three_way(
    base: Mapping[str, Any], mine: Mapping[str, Any], theirs: Mapping[str, Any]
) -> tuple[dict[str, Any], list[Clash]]:
    """What to write (changed here only) and what clashes (changed here and elsewhere, differently)."""
    write: dict[str, Any] = {}
    clashes: list[Clash] = []
    for name, value in mine.items():
        before = base.get(name)
        if value == before:
            continue  # untouched here: whatever the file has now stays
        now = theirs.get(name)
        if now == value:
            continue  # the same change was made elsewhere: nothing to write
        if now == before:
            write[name] = value
        else:
            clashes.append(Clash(name, before, value, now))
    return write, clashes
