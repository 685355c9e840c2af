"""The interface text catalogue, Estonian and English.

Each area of the interface keeps its messages in its own module (`common`, `home`,
`workshop`, ...), as `{key: {"en": ..., "et": ...}}`. `Translator` looks keys up in
the merged catalogue; a missing key is a bug, so it raises rather than showing the key.
Message texts are plain text, never markup: the UI shows them literally.
"""

from __future__ import annotations

import importlib
import re
import string
from collections.abc import Mapping
from typing import Any

from facilitator.core.i18n.numbers import Decimals, number, percent

LANGUAGES = ("et", "en")
LANGUAGE_NAMES = {"et": "eesti keel", "en": "English"}

Messages = Mapping[str, Mapping[str, str]]


AREAS = (
    "agree", "board", "cli", "cli_argparse", "cli_help", "cli_lines", "closing", "collect",
    "common", "compare", "errors", "exchange", "file_errors", "followup", "guards", "handout",
    "history", "home", "intro", "mismatch", "numbers", "os_reasons", "overview",
    "participants", "problems", "refusals", "report", "reveal", "review", "roles_grid",
    "room", "setup", "summary", "web", "workshop",
)  # fmt: skip
"""The catalogue's modules, by name: listed, not found by scanning the folder (`pkgutil`),
which every start paid for; `tests/test_i18n.py` checks every module in the folder is here."""


def _load() -> dict[str, Mapping[str, str]]:
    merged: dict[str, Mapping[str, str]] = {}
    for area in AREAS:
        module = importlib.import_module(f"{__name__}.{area}")
        messages: Messages = module.MESSAGES
        for key, texts in messages.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} defined twice (in {area})")
            merged[key] = texts
    return merged


CATALOGUE: dict[str, Mapping[str, str]] = _load()


def one_of(key: str) -> str:
    """The text's wording for one thing (`key.one`: "1 party", "1 osapool"), if it has one.

    A text that counts things says how many by `count` ("{count} devices"), or, when it says
    how many of how many, by `total` ("{placed} of {total} parties"): when that number is 1,
    the translator takes the text's `.one` twin, so no count reads "1 parties"."""
    one = key + ".one"
    return one if one in CATALOGUE else key


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


class Worded(str):
    """A reason the catalogue words, kept until it is read: it is its English (logs, plain
    `str` use) and carries its `key` and `values`, so a `Translator` says it in its own
    language, also when it sits inside another sentence as one of its values."""

    key: str
    values: dict[str, Any]

    def __new__(cls, key: str, /, **values: Any) -> Worded:
        worded = super().__new__(cls, Translator("en")(key, **values))
        worded.key = key
        worded.values = values
        return worded

    def __reduce__(self) -> tuple[Any, ...]:
        return (_reworded, (self.key, self.values))


def size(n: int) -> Worded:
    """A file size as the reader's language writes it: bytes below a megabyte, else megabytes."""
    if n >= 1024 * 1024:
        return Worded("unit.megabytes", n=Decimals(n / 1024 / 1024, 1))
    return Worded("unit.bytes", count=n)


def _reworded(key: str, values: dict[str, Any]) -> Worded:
    return Worded(key, **values)


class Translator:
    """Looks up interface text in one language; switchable at runtime.

    The values put into a text are said in the same language: a number as the language
    writes it (`numbers`), a `Worded` reason in its words."""

    def __init__(self, language: str = "et") -> None:
        self.language = language if language in LANGUAGES else "en"

    def __call__(self, key: str, /, **values: object) -> str:
        if values and (values["total"] if "total" in values else values.get("count")) == 1:
            key = one_of(key)
        text = CATALOGUE[key][self.language]
        return text.format(**{name: self.value(v) for name, v in values.items()}) if values else text

    def has(self, key: str) -> bool:
        return key in CATALOGUE

    def value(self, value: object) -> object:
        """One value as this language says it: numbers formatted, worded reasons translated."""
        if isinstance(value, Worded):
            return self(value.key, **value.values)
        if isinstance(value, Decimals):
            return number(value.value, self.language, value.places)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return number(value, self.language)
        return value

    def text(self, text: str) -> str:
        """A reason that may be `Worded` (then in this language) or plain text (as it is)."""
        return self(text.key, **text.values) if isinstance(text, Worded) else text

    def number(self, value: float, decimals: int | None = None) -> str:
        """31,000 / 31 000; 1.5 / 1,5: the one way a number is written for a reader."""
        return number(value, self.language, decimals)

    def percent(self, fraction: float, decimals: int = 0) -> str:
        return percent(fraction, self.language, decimals)

    def size(self, n: int) -> str:
        """A file size: bytes below a megabyte, else megabytes with one decimal."""
        return self.text(size(n))


def label(text: str) -> str:
    """A field's label ("wished rung") as the catalogue words it (`error.field.*`), else as given."""
    key = "error.field." + re.sub(r"[^a-z]+", "_", text.lower()).strip("_")
    return Worded(key) if key in CATALOGUE else text


def reason(error: Exception) -> str:
    """Why `error` happened, kept to be said later in any language: `Worded` where the
    catalogue words it (a `UserError` with its key, an OS error's reason), else its text."""
    key = getattr(error, "key", None)
    if isinstance(key, str) and key in CATALOGUE:
        return Worded(key, **dict(getattr(error, "values", {})))
    return str(error)


def explain(error: Exception, t: Translator) -> str:
    """A refused change (`ChangeRejected`, `SessionWriteError`: anything with `key` and
    `values`) in one sentence in `t`'s language, its field named in that language too; the
    English message when the catalogue has no sentence for it."""
    key = getattr(error, "key", None)
    if not key or not t.has(key):
        return str(error)
    values = dict(getattr(error, "values", {}))
    field = values.get("field")
    if isinstance(field, str) and t.has(f"error.field.{field.replace(' ', '_')}"):
        values["field"] = t(f"error.field.{field.replace(' ', '_')}")
    return t(key, **values)
