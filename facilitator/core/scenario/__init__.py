"""Scenarios: workshop definitions loaded from TOML and validated strictly.

Validation collects every problem (file, key path, line) before giving up, so a
facilitator fixes a file in one pass; nothing is half-loaded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from facilitator.core.errors import ScenarioError, UserError
from facilitator.core.i18n import Worded
from facilitator.core.plain import MAX_DEPTH, PlainDataError, read_limited, unreadable
from facilitator.core.plain import check as check_plain
from facilitator.core.record import record
from facilitator.core.scenario.definition import (
    FOLLOWUP,
    FORMAT_VERSION,
    LANGUAGES,
    PHASE_KINDS,
    AgreementField,
    Approach,
    Example,
    Flow,
    Phase,
    Role,
    Rung,
    Scenario,
    SuggestedParty,
)
from facilitator.core.scenario.tables import build
from facilitator.core.scenario.validator import ID_RE, LineLocator, Path_, Validator, format_path, type_name

__all__ = [
    "FOLLOWUP",
    "FORMAT_VERSION",
    "ID_RE",
    "LANGUAGES",
    "PHASE_KINDS",
    "AgreementField",
    "Approach",
    "Example",
    "Flow",
    "Path_",
    "Phase",
    "Role",
    "Rung",
    "Scenario",
    "ScenarioEntry",
    "SuggestedParty",
    "builtin_scenario_dir",
    "discover",
    "find_scenario",
    "format_path",
    "load_scenario",
    "parse_scenario",
    "scenario_from_dict",
    "type_name",
]

# The patterns of tomllib's messages: compiled (and cached by `re`) when a scenario file is
# first read; a start reads the session's copy of its scenario, never TOML.
_AT_LINE = r"\s*\(at line (\d+), column \d+\)"


def scenario_from_dict(doc: Any, source: str = "<scenario>", text: str | None = None) -> Scenario:
    """Validate an already-decoded scenario (e.g. the copy embedded in a session)."""
    validator = Validator(source, LineLocator(text) if text is not None else None)
    scenario = build(validator, doc)
    if scenario is None:
        raise ScenarioError(validator.problems)
    return scenario


def parse_scenario(text: str, source: str = "<scenario>") -> Scenario:
    """Parse and validate TOML text; every problem is reported, nothing is half-loaded."""
    import tomllib  # only scenario files need it; sessions carry their scenario as data

    try:
        doc = tomllib.loads(text)
    except RecursionError:
        raise ScenarioError([_problem(source, Worded("plain.too_deep", depth=MAX_DEPTH))]) from None
    except tomllib.TOMLDecodeError as error:
        # Python 3.14 has error.lineno; before that the line is only in the message.
        message = getattr(error, "msg", None) or str(error)
        line = getattr(error, "lineno", None)
        found = re.search(_AT_LINE, message)
        if found:
            line = line or int(found.group(1))
            message = message[: found.start()].rstrip()
        where = f"{source}:{line}" if line else source
        raise ScenarioError([_problem(where, Worded("scenario.toml", detail=toml_reason(message)))]) from None
    try:
        check_plain(doc)  # NaN, huge numbers, deep nesting: refused before the validator walks it
    except PlainDataError as error:
        raise ScenarioError([_problem(source, error.reason)]) from None
    return scenario_from_dict(doc, source, text)


def _problem(where: str, problem: Worded) -> Worded:
    return Worded("scenario.problem_file", where=where, problem=problem)


_TOML_REASONS = (
    ("Expected '=' after a key", "toml.expected_equals"),
    ("Invalid value", "toml.invalid_value"),
    ("Invalid statement", "toml.invalid_statement"),
    ("Unterminated string", "toml.unterminated"),
    ("Cannot declare", "toml.twice"),
    ("Cannot overwrite", "toml.twice"),
    ("Cannot redefine", "toml.twice"),
    ("Cannot mutate", "toml.twice"),
    ("Duplicate inline table key", "toml.twice"),
    ("Unclosed", "toml.unclosed"),
    ("Invalid initial character for a key", "toml.key_start"),
    ("Unescaped", "toml.escape"),
    ("Invalid hex value", "toml.escape"),
    ("Escaped character", "toml.escape"),
    ("Invalid date", "toml.date"),
)
_TOML_CHARACTER = r"^(?:Found invalid|Illegal) character ('.*')$"
_TOML_EXPECTED = r"^Expected ('.*?')"


def toml_reason(message: str) -> Worded:
    """tomllib's English reason as a catalogue one (any reason it may add later: a bare syntax error)."""
    found = re.match(_TOML_CHARACTER, message)
    if found:
        return Worded("toml.character", character=found.group(1))
    for start, key in _TOML_REASONS:
        if message.startswith(start):
            return Worded(key)
    found = re.match(_TOML_EXPECTED, message)
    return Worded("toml.expected", what=found.group(1)) if found else Worded("toml.other")


def load_scenario(path: Path) -> Scenario:
    try:
        data = read_limited(path)
    except (OSError, PlainDataError) as error:
        said = unreadable(UserError, path, error)  # one problem, in the reader's language too
        raise ScenarioError([str(said)], said.key, **said.values) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ScenarioError([_problem(str(path), Worded("plain.not_utf8", byte=error.start))]) from None
    return parse_scenario(text, str(path))


# --------------------------------------------------------------------------- catalogue


def builtin_scenario_dir() -> Path:
    """Shipped scenarios: inside the wheel, or the repository's `scenarios/` in a checkout."""
    packaged = Path(__file__).resolve().parents[2] / "_scenarios"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "scenarios"


@record
class ScenarioEntry:
    """A scenario on disk, or the reason it couldn't be loaded."""

    path: Path
    scenario: Scenario | None
    error: ScenarioError | None = None


def discover(extra_dirs: tuple[Path, ...] = ()) -> list[ScenarioEntry]:
    """Every scenario file in the shipped folder and the user's folders, loaded or failed.

    Scenarios are chosen by id, so a file whose id an earlier one (a shipped scenario, or a
    file before it) already has is failed, saying so: offered beside the first, it could never
    be the one a session is made from (a copy of a shipped scenario, edited but not renamed)."""
    entries: list[ScenarioEntry] = []
    taken: dict[str, Path] = {}
    for folder in (builtin_scenario_dir(), *extra_dirs):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                scenario = load_scenario(path)
            except ScenarioError as error:
                entries.append(ScenarioEntry(path, None, error))
                continue
            first = taken.setdefault(scenario.id, path)
            if first != path:
                entries.append(ScenarioEntry(path, None, _id_taken(path, scenario.id, first)))
            else:
                entries.append(ScenarioEntry(path, scenario))
    return entries


def _id_taken(path: Path, scenario_id: str, first: Path) -> ScenarioError:
    worded = UserError.worded("scenario.id_taken", path=str(path), id=repr(scenario_id), first=str(first))
    return ScenarioError([str(worded)], worded.key, **worded.values)


def find_scenario(
    ref: str, extra_dirs: tuple[Path, ...] = (), on_error: Callable[[ScenarioEntry], None] | None = None
) -> Scenario:
    """A scenario by id, or by path to a TOML file."""
    candidate = Path(ref)
    if ref.endswith(".toml") or candidate.is_file():
        return load_scenario(candidate)
    for entry in discover(extra_dirs):
        if entry.scenario is not None and entry.scenario.id == ref:
            return entry.scenario
        if entry.scenario is None and on_error is not None:
            on_error(entry)
    known = sorted({e.scenario.id for e in discover(extra_dirs) if e.scenario})
    raise UserError(
        f"no scenario {ref!r} (known: {', '.join(known) or 'none'})",
        "cli.error.no_scenario",
        ref=repr(ref),
        known=", ".join(known) or "-",
    )
