"""The interface text catalogue, Estonian and English.

Each area of the interface keeps its messages in its own module (`common`, `home`,
`workshop`, ...), as `{key: {"en": ..., "et": ...}}`. `Translator` looks keys up in
the merged catalogue; a missing key is a bug, so it raises rather than showing the key.
Message texts are plain text, never markup: the UI shows them literally.
"""

from __future__ import annotations

import importlib
import pkgutil
import string
from collections.abc import Mapping

LANGUAGES = ("et", "en")
LANGUAGE_NAMES = {"et": "eesti keel", "en": "English"}

Messages = Mapping[str, Mapping[str, str]]


def _load() -> dict[str, Mapping[str, str]]:
    merged: dict[str, Mapping[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        messages: Messages = module.MESSAGES
        for key, texts in messages.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} defined twice (in {info.name})")
            merged[key] = texts
    return merged


CATALOGUE: dict[str, Mapping[str, str]] = _load()


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


class Translator:
    """Looks up interface text in one language; switchable at runtime."""

    def __init__(self, language: str = "et") -> None:
        self.language = language if language in LANGUAGES else "en"

    def __call__(self, key: str, **values: object) -> str:
        text = CATALOGUE[key][self.language]
        return text.format(**values) if values else text

    def has(self, key: str) -> bool:
        return key in CATALOGUE


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
