"""Numbers as each language writes them: the one formatter for what a person reads.

English groups thousands with a comma and writes a decimal point (31,000; 1.5 MB; 50%).
Estonian groups with a no-break space and writes a decimal comma (31 000; 1,5 MB; 50 %),
the no-break space also keeping a number on one line with its sign or unit. `Translator`
formats every number it is given this way, so a catalogue sentence never needs its own.
"""

from __future__ import annotations

from typing import NamedTuple

NBSP = "\u00a0"
"""Estonian's thousands separator, and the space before % (one choice, used everywhere)."""

_GROUP = {"en": ",", "et": NBSP}
_DECIMAL = {"en": ".", "et": ","}


def number(value: float, language: str, decimals: int | None = None) -> str:
    """`value` as `language` writes it: 31,000 / 31 000; 1.5 / 1,5 (`decimals` places, else
    as many as a float needs, at most two; a whole number has none)."""
    if isinstance(value, bool):
        return str(value)
    if decimals is None:  # a whole number has no decimals; any other at most two, no trailing 0s
        text = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{value:,.{decimals}f}"
    group, point = _GROUP.get(language, ","), _DECIMAL.get(language, ".")
    return text.replace(",", "\0").replace(".", point).replace("\0", group)


_WORDS = {
    "en": ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    "et": ("üks", "kaks", "kolm", "neli", "viis", "kuus", "seitse", "kaheksa", "üheksa", "kümme"),
}


def spelled(value: int, language: str) -> str:
    """A small count as running text writes it: one to ten as a word ("neli"), more in digits."""
    words = _WORDS.get(language, _WORDS["en"])
    return words[value - 1] if 1 <= value <= len(words) else number(value, language)


class Decimals(NamedTuple):
    """A number to be written with a fixed count of decimals (50.0 MB), in any language."""

    value: float
    places: int


def percent(fraction: float, language: str, decimals: int = 0) -> str:
    """A share (0.5) as a percentage: 50% in English, 50 % in Estonian."""
    space = NBSP if language == "et" else ""
    return f"{number(fraction * 100, language, decimals)}{space}%"


MESSAGES = {
    "unit.bytes": {"en": "{count} bytes", "et": "{count}\u00a0baiti"},
    "unit.bytes.one": {"en": "{count} byte", "et": "{count}\u00a0bait"},
    "unit.megabytes": {"en": "{n} MB", "et": "{n}\u00a0MB"},
}
