"""Checks a decoded scenario document, collecting every problem with its key path and line.

The accessors return a safe default after recording a problem, so one pass finds them all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from facilitator.core.i18n import Worded
from facilitator.core.text import LINE_LIMIT, NAME_LIMIT, TEXT_LIMIT

ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
ID_LIMIT = 64
"""An id, or a reference to one (a rung, a flow, a party): as long as a session id may be."""
LIMITS = {
    "name": NAME_LIMIT,  # a rung's, a phase's, a flow's: shown where a party's name is
    "title": LINE_LIMIT,  # an example's title becomes an activity's title
    "label": LINE_LIMIT,
    "place": LINE_LIMIT,
    "id": ID_LIMIT,
    "language": ID_LIMIT,
    "kind": ID_LIMIT,
    "rung": ID_LIMIT,
    "approach": ID_LIMIT,
    "fields": ID_LIMIT,
    "flows": ID_LIMIT,
    "parties": ID_LIMIT,
}
"""The longest text a scenario's key may hold (characters); any other text, `TEXT_LIMIT`. The
app's own limits for what is typed: a scenario's text ends up where typed text does (an example's
title becomes an activity's), and a 300,000-character title passed the check and was printed
whole by `facilitator scenarios`."""


Path_ = tuple[str | int, ...]


def format_path(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or Worded("scenario.top_level")


class LineLocator:
    """Finds the line of a key path in TOML text.

    tomllib reports no positions for valid documents, so this walks table headers
    and `key =` lines. It covers the plain style scenario files use; anything it
    can't place gets no line number rather than a wrong one.
    """

    # Compiled (and cached by `re`) when a scenario file is first read: a start reads none.
    _HEADER = r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(#.*)?$"
    _KEY = r"^\s*([A-Za-z0-9_\-]+|\"[^\"]*\")\s*="

    def __init__(self, text: str) -> None:
        self.lines: dict[Path_, int] = {}
        counters: dict[tuple[str | int, ...], int] = {}
        current: Path_ = ()
        in_text: str | None = None  # the delimiter of the multi-line string we are in
        header_line, key_line = re.compile(self._HEADER).match, re.compile(self._KEY).match
        for number, line in enumerate(text.splitlines(), start=1):
            if in_text is not None:
                if line.count(in_text) % 2:
                    in_text = None
                continue
            if not line.lstrip().startswith("#"):
                in_text = next((d for d in ('"""', "'''") if line.count(d) % 2), None)
            header = header_line(line)
            if header:
                names = [n.strip().strip("\"'") for n in header.group(2).split(".")]
                is_array = header.group(1) == "[["
                current = self._resolve(names, is_array, counters, current)
                self.lines.setdefault(current, number)
                continue
            key = key_line(line)
            if key:
                self.lines.setdefault((*current, key.group(1).strip('"')), number)

    def _resolve(
        self,
        names: list[str],
        is_array: bool,
        counters: dict[tuple[str | int, ...], int],
        current: Path_,
    ) -> Path_:
        # Parent arrays resolve to their latest element, as TOML does.
        path: list[str | int] = []
        for i, name in enumerate(names):
            path.append(name)
            last = i == len(names) - 1
            key = tuple(path)
            if last and is_array:
                counters[key] = counters.get(key, -1) + 1
                path.append(counters[key])
            elif not last and key in counters:
                path.append(counters[key])
        return tuple(path)

    def line(self, path: Path_) -> int | None:
        probe = path
        while probe:
            if probe in self.lines:
                return self.lines[probe]
            probe = probe[:-1]
        return None


class Validator:
    """Checks one decoded TOML document against the format, collecting problems."""

    def __init__(self, source: str, locator: LineLocator | None) -> None:
        self.source = source
        self.locator = locator
        self.problems: list[str] = []

    def problem(self, path: Path_, message_key: str, **values: object) -> None:
        """One problem at `path`, worded by the catalogue (`problems`): said in the reader's language."""
        line = self.locator.line(path) if self.locator else None
        where = f"{self.source}:{line}" if line else self.source
        message = Worded(message_key, **values)
        self.problems.append(Worded("scenario.problem", where=where, path=format_path(path), problem=message))

    # Typed accessors: each returns a safe default after recording a problem.
    def table(self, data: Any, path: Path_, keys: Mapping[str, bool]) -> dict[str, Any]:
        if not isinstance(data, dict):
            self.problem(path, "scenario.expected_table", kind=type_name(data))
            return {}
        for key in data:
            if key not in keys:
                allowed = listed(sorted(keys))
                self.problem((*path, key), "scenario.unknown_key", key=repr(key), allowed=allowed)
        for key, required in keys.items():
            if required and key not in data:
                self.problem(path, "scenario.missing_key", key=repr(key))
        return data

    def text(self, data: Mapping[str, Any], path: Path_, key: str, default: str = "") -> str:
        if key not in data:
            return default
        value = data[key]
        if not isinstance(value, str):
            self.problem((*path, key), "scenario.expected_text", kind=type_name(value))
            return default
        if not value.strip():
            self.problem((*path, key), "scenario.empty")
        elif not self.fits(value, (*path, key), key):
            return default
        return value

    def fits(self, value: str, path: Path_, key: str) -> bool:
        """Within its key's limit (`LIMITS`), or a problem said with the length, not the text."""
        limit = LIMITS.get(key, TEXT_LIMIT)
        if len(value) <= limit:
            return True
        self.problem(path, "scenario.too_long", length=len(value), limit=limit)
        return False

    def ident(self, data: Mapping[str, Any], path: Path_, key: str = "id") -> str:
        value = self.text(data, path, key)
        if value and not ID_RE.match(value):
            self.problem((*path, key), "scenario.bad_id", value=repr(value))
        return value

    def boolean(self, data: Mapping[str, Any], path: Path_, key: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            self.problem((*path, key), "scenario.expected_flag", kind=type_name(value))
            return False
        return value

    def integer(self, data: Mapping[str, Any], path: Path_, key: str, lo: int, hi: int) -> int:
        value = data.get(key, lo)
        if not isinstance(value, int) or isinstance(value, bool):
            self.problem((*path, key), "scenario.expected_whole", kind=type_name(value))
            return lo
        if not lo <= value <= hi:
            self.problem((*path, key), "scenario.between", lo=lo, hi=hi, value=value)
        return value

    def texts(self, data: Mapping[str, Any], path: Path_, key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list):
            self.problem((*path, key), "scenario.expected_texts", kind=type_name(value))
            return ()
        out: list[str] = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.problem((*path, key, i), "scenario.expected_nonempty")
            elif self.fits(item, (*path, key, i), key):
                out.append(item)
        return tuple(out)

    def items(
        self,
        data: Mapping[str, Any],
        path: Path_,
        key: str,
        keys: Mapping[str, bool],
        required: bool,
    ) -> Iterator[tuple[Path_, dict[str, Any]]]:
        value = data.get(key, [])
        if not isinstance(value, list):
            self.problem((*path, key), "scenario.expected_array", key=key, kind=type_name(value))
            return
        if required and not value:
            self.problem((*path, key) if key in data else path, "scenario.needs_one", key=key)
        for i, item in enumerate(value):
            item_path = (*path, key, i)
            yield item_path, self.table(item, item_path, keys)

    def unique(self, entries: list[tuple[Path_, str]], what: str) -> None:
        seen: dict[str, Path_] = {}
        for path, ident in entries:
            if not ident:
                continue
            if ident in seen:
                self.problem(
                    (*path, "id"),
                    "scenario.duplicate",
                    what=Worded(f"scenario.what.{what}"),
                    id=repr(ident),
                    first=format_path(seen[ident]),
                )
            else:
                seen[ident] = path


def listed(names: Iterable[str]) -> str:
    """Names a file must use ('intro', 'collect'), quoted: what is typed, not words to translate."""
    return ", ".join(repr(name) for name in names)


def type_name(value: Any) -> str:
    """What a value is, in words of the catalogue ("a list", "text")."""
    kind = {
        type(None): "null",
        str: "text",
        bool: "flag",
        int: "whole",
        float: "number",
        list: "list",
        tuple: "list",
        dict: "table",
    }.get(type(value))
    return Worded(f"kind.{kind}") if kind else Worded("kind.other", name=type(value).__name__)
