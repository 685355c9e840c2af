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
import threading
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from facilitator.core.i18n.numbers import Decimals, number, percent

LANGUAGES = ("et", "en")
LANGUAGE_NAMES = {"et": "eesti keel", "en": "English"}

Messages = Mapping[str, Mapping[str, str]]


AREAS: dict[str, tuple[str, ...]] = {
    # area (a module of this folder): how its keys begin, by their first word or first two
    "agree": ("agree",),
    "board": ("board",),
    "cli": ("cli.mismatches",),
    "cli_argparse": ("argparse",),
    "cli_help": ("cli.help", "cli.port", "cli.serve", "cli.stdout_failed", "cli.usage_error"),
    "cli_lines": ("cli",),
    "closing": ("closing", "error.session_closed", "error.session_open", "review.event"),
    "collect": ("collect",),
    "common": (
        "app", "button", "cmd", "dialog", "error.title", "help", "key", "notify", "palette", "quit",
        "rung", "screenshot",
    ),
    "compare": ("compare",),
    "errors": ("error",),
    "exchange": ("exchange",),
    "file_errors": ("file", "scenario.id_taken"),
    "followup": ("followup", "handout.followup", "review"),
    "guards": ("answer", "board.detail"),
    "handout": ("exchange.export", "handout", "web"),
    "history": ("history",),
    "home": ("home", "key"),
    "intro": ("intro",),
    "mismatch": ("guide", "mismatch"),
    "numbers": ("unit",),
    "os_reasons": ("os",),
    "overview": ("overview",),
    "participants": ("review.event", "setup"),
    "problems": ("corrupt", "kind", "plain", "problem", "scenario", "toml", "vocab"),
    "refusals": ("cli.demo", "error", "handout.no_parties", "thing"),
    "report": ("report",),
    "reveal": ("reveal",),
    "review": ("review",),
    "roles_grid": ("agree.button", "agree.key", "expectation", "grid", "signall"),
    "room": ("board.more", "edit", "error", "room", "timer"),
    "setup": ("setup",),
    "summary": ("summary",),
    "web": ("join", "room.taken", "web"),
    "workshop": ("cmd.go_phase", "key", "phase"),
}  # fmt: skip
"""The catalogue's modules, and how their keys begin: a module is imported when a key that
may be in it is first looked up (`Catalogue`). Listed, not found by scanning the folder;
`tests/test_i18n.py` checks every module is here and every key begins as its area says."""


class Catalogue(Mapping[str, Mapping[str, str]]):
    """Every message by key, each area's module imported when first needed.

    A key is looked for in the areas whose beginnings (`AREAS`) it starts with: its first
    word, and its first two. Importing all 35 modules was ~22 M instructions of every start;
    the first frame needs a handful. Going through every key (`items()`, `len`) loads all.
    """

    def __init__(self) -> None:
        self._messages: dict[str, Mapping[str, str]] = {}
        self._loaded: set[str] = set()
        self._lock = threading.Lock()  # (the server's threads look texts up too)
        self._areas_of: dict[str, list[str]] = {}
        for area, beginnings in AREAS.items():
            for beginning in beginnings:
                self._areas_of.setdefault(beginning, []).append(area)

    def __getitem__(self, key: str) -> Mapping[str, str]:
        texts = self._messages.get(key)
        if texts is None:
            self._load(self._areas_for(key))
            texts = self._messages[key]  # a missing key is a bug: KeyError
        return texts

    def __contains__(self, key: object) -> bool:
        if key in self._messages:
            return True
        if not isinstance(key, str):
            return False
        self._load(self._areas_for(key))
        return key in self._messages

    def __iter__(self) -> Iterator[str]:
        self._load(AREAS)
        return iter(self._messages)

    def __len__(self) -> int:
        self._load(AREAS)
        return len(self._messages)

    def _areas_for(self, key: str) -> list[str]:
        first, _, rest = key.partition(".")
        two = f"{first}.{rest.partition('.')[0]}"
        return self._areas_of.get(first, []) + self._areas_of.get(two, [])

    def _load(self, areas: Iterable[str]) -> None:
        if self._loaded.issuperset(areas):
            return
        with self._lock:
            for area in areas:
                if area in self._loaded:
                    continue
                messages: Messages = importlib.import_module(f"{__name__}.{area}").MESSAGES
                for key, texts in messages.items():
                    if key in self._messages:
                        raise RuntimeError(f"message key {key!r} defined twice (in {area})")
                    self._messages[key] = texts
                self._loaded.add(area)


CATALOGUE = Catalogue()


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


LABELS = frozenset({"line", "column", "byte", "index", "port", "pid", "seq", "round", "schema", "known"})
"""Placeholders whose number names a place or a thing (line 4975, port 8080, process 12345),
not a quantity: written as bare digits, never grouped ("veerg 4 975", "8 080")."""


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
        if not values:
            return text
        return text.format(**{name: v if name in LABELS else self.value(v) for name, v in values.items()})

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
