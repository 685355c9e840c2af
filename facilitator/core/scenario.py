"""Scenarios: workshop definitions loaded from TOML and validated strictly.

Validation collects every problem (file, key path, line) before giving up, so a
facilitator fixes a file in one pass; nothing is half-loaded.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from facilitator.core.errors import ScenarioError, UserError
from facilitator.core.plain import MAX_DEPTH, PlainDataError, read_limited
from facilitator.core.plain import check as check_plain

FORMAT_VERSION = 1
LANGUAGES = ("et", "en")
PHASE_KINDS = ("intro", "collect", "place", "agree", "summary")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_AT_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)")


@dataclass(frozen=True)
class AgreementField:
    """Something the parties fill in when they agree on a rung."""

    id: str
    label: str
    help: str = ""


@dataclass(frozen=True)
class Flow:
    """A direction of information flow (used by communication)."""

    id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Rung:
    """One form of joint activity on the ladder."""

    id: str
    name: str
    summary: str
    definition: str
    questions: tuple[str, ...]
    fields: tuple[AgreementField, ...] = ()
    flows: tuple[Flow, ...] = ()


@dataclass(frozen=True)
class Approach:
    """How much residents take part (situational, resource mobilisation, empowerment)."""

    id: str
    name: str
    summary: str
    description: str = ""
    question: str = ""


@dataclass(frozen=True)
class SuggestedParty:
    """A party the facilitator can pick from; affected groups should take part themselves."""

    id: str
    name: str
    description: str = ""
    affected: bool = False
    # The fields of work the party belongs to ("safety", "youth", ...): parties sharing one
    # are of the same field (cooperation), parties sharing none of different fields
    # (coordination). A municipality works in many fields; an empty tuple means unknown.
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class Role:
    """A party's role in an activity."""

    id: str
    name: str
    description: str
    lead: bool = False


@dataclass(frozen=True)
class Phase:
    """A timed phase of the workshop agenda."""

    id: str
    name: str
    kind: str
    minutes: int
    description: str = ""


@dataclass(frozen=True)
class Example:
    """A good example from the guide, attached to its rung."""

    rung: str
    place: str
    title: str
    text: str
    parties: tuple[str, ...] = ()
    approach: str | None = None
    flows: tuple[str, ...] = ()  # directions of information flow, where the guide's text makes them clear


@dataclass(frozen=True)
class Scenario:
    """A validated workshop definition."""

    id: str
    language: str
    title: str
    rungs: tuple[Rung, ...]
    roles: tuple[Role, ...]
    agenda: tuple[Phase, ...]
    summary: str = ""
    source: str = ""
    approaches: tuple[Approach, ...] = ()
    parties: tuple[SuggestedParty, ...] = ()
    examples: tuple[Example, ...] = ()
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    # Ladder logic lives here because the order is the scenario's to define.
    def rung(self, rung_id: str) -> Rung:
        for rung in self.rungs:
            if rung.id == rung_id:
                return rung
        raise KeyError(rung_id)

    def rung_index(self, rung_id: str) -> int:
        """0 for the least joint rung; the board and comparisons use it."""
        for index, rung in enumerate(self.rungs):
            if rung.id == rung_id:
                return index
        raise KeyError(rung_id)

    def rung_title(self, rung_id: str) -> str:
        """ "2. Cooperation": the number travels with the name, so meaning never rests on colour."""
        return f"{self.rung_index(rung_id) + 1}. {self.rung(rung_id).name}"

    def rung_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.rungs)

    def neighbour_rung(self, rung_id: str, step: int) -> str | None:
        """The rung `step` places up (positive) or down; None past either end."""
        index = self.rung_index(rung_id) + step
        if 0 <= index < len(self.rungs):
            return self.rungs[index].id
        return None

    def role(self, role_id: str) -> Role:
        for role in self.roles:
            if role.id == role_id:
                return role
        raise KeyError(role_id)

    def lead_role(self) -> Role | None:
        return next((r for r in self.roles if r.lead), None)

    def approach(self, approach_id: str) -> Approach:
        for approach in self.approaches:
            if approach.id == approach_id:
                return approach
        raise KeyError(approach_id)

    def flow_ids(self) -> tuple[str, ...]:
        """Every direction of information flow the ladder names, in order."""
        return tuple(f.id for r in self.rungs for f in r.flows)

    def flow_name(self, flow_id: str) -> str:
        for rung in self.rungs:
            for flow in rung.flows:
                if flow.id == flow_id:
                    return flow.name
        return flow_id

    def party_fields(self, suggested_id: str | None) -> tuple[str, ...]:
        """The fields of work of a suggested party (empty when unknown)."""
        suggested = self.suggested_party(suggested_id) if suggested_id else None
        return suggested.fields if suggested else ()

    def suggested_party(self, party_id: str) -> SuggestedParty | None:
        return next((p for p in self.parties if p.id == party_id), None)

    def examples_for(self, rung_id: str) -> tuple[Example, ...]:
        return tuple(e for e in self.examples if e.rung == rung_id)


# --------------------------------------------------------------------------- parsing

Path_ = tuple[str | int, ...]


def format_path(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(top level)"


class _LineLocator:
    """Finds the line of a key path in TOML text.

    tomllib reports no positions for valid documents, so this walks table headers
    and `key =` lines. It covers the plain style scenario files use; anything it
    can't place gets no line number rather than a wrong one.
    """

    _HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(#.*)?$")
    _KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+|\"[^\"]*\")\s*=")

    def __init__(self, text: str) -> None:
        self.lines: dict[Path_, int] = {}
        counters: dict[tuple[str | int, ...], int] = {}
        current: Path_ = ()
        in_text: str | None = None  # the delimiter of the multi-line string we are in
        for number, line in enumerate(text.splitlines(), start=1):
            if in_text is not None:
                if line.count(in_text) % 2:
                    in_text = None
                continue
            if not line.lstrip().startswith("#"):
                in_text = next((d for d in ('"""', "'''") if line.count(d) % 2), None)
            header = self._HEADER.match(line)
            if header:
                names = [n.strip().strip("\"'") for n in header.group(2).split(".")]
                is_array = header.group(1) == "[["
                current = self._resolve(names, is_array, counters, current)
                self.lines.setdefault(current, number)
                continue
            key = self._KEY.match(line)
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


class _Validator:
    """Checks one decoded TOML document against the format, collecting problems."""

    def __init__(self, source: str, locator: _LineLocator | None) -> None:
        self.source = source
        self.locator = locator
        self.problems: list[str] = []

    def problem(self, path: Path_, message: str) -> None:
        line = self.locator.line(path) if self.locator else None
        where = f"{self.source}:{line}" if line else self.source
        self.problems.append(f"{where}: {format_path(path)}: {message}")

    # Typed accessors: each returns a safe default after recording a problem.
    def table(self, data: Any, path: Path_, keys: Mapping[str, bool]) -> dict[str, Any]:
        if not isinstance(data, dict):
            self.problem(path, f"expected a table, got {type_name(data)}")
            return {}
        for key in data:
            if key not in keys:
                allowed = ", ".join(sorted(keys))
                self.problem((*path, key), f"unknown key {key!r} (allowed: {allowed})")
        for key, required in keys.items():
            if required and key not in data:
                self.problem(path, f"missing required key {key!r}")
        return data

    def text(self, data: Mapping[str, Any], path: Path_, key: str, default: str = "") -> str:
        if key not in data:
            return default
        value = data[key]
        if not isinstance(value, str):
            self.problem((*path, key), f"expected text, got {type_name(value)}")
            return default
        if not value.strip():
            self.problem((*path, key), "must not be empty")
        return value

    def ident(self, data: Mapping[str, Any], path: Path_, key: str = "id") -> str:
        value = self.text(data, path, key)
        if value and not ID_RE.match(value):
            self.problem(
                (*path, key),
                f"{value!r} is not a valid id (lower-case letters, digits, '-' and '_')",
            )
        return value

    def boolean(self, data: Mapping[str, Any], path: Path_, key: str) -> bool:
        value = data.get(key, False)
        if not isinstance(value, bool):
            self.problem((*path, key), f"expected true or false, got {type_name(value)}")
            return False
        return value

    def integer(self, data: Mapping[str, Any], path: Path_, key: str, lo: int, hi: int) -> int:
        value = data.get(key, lo)
        if not isinstance(value, int) or isinstance(value, bool):
            self.problem((*path, key), f"expected a whole number, got {type_name(value)}")
            return lo
        if not lo <= value <= hi:
            self.problem((*path, key), f"must be between {lo} and {hi}, got {value}")
        return value

    def texts(self, data: Mapping[str, Any], path: Path_, key: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list):
            self.problem((*path, key), f"expected a list of text, got {type_name(value)}")
            return ()
        out: list[str] = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.problem((*path, key, i), "expected non-empty text")
            else:
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
            self.problem((*path, key), f"expected an array of tables ([[{key}]]), got {type_name(value)}")
            return
        if required and not value:
            self.problem((*path, key) if key in data else path, f"needs at least one [[{key}]] entry")
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
                    (*path, "id"), f"duplicate {what} id {ident!r} (first at {format_path(seen[ident])})"
                )
            else:
                seen[ident] = path


def type_name(value: Any) -> str:
    return {
        str: "text",
        bool: "true/false",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "a table",
    }.get(type(value), type(value).__name__)


def _build(v: _Validator, doc: Any) -> Scenario | None:
    top = v.table(
        doc,
        (),
        {
            "format": True,
            "scenario": True,
            "rungs": True,
            "approaches": False,
            "parties": False,
            "roles": True,
            "agenda": True,
            "examples": False,
        },
    )
    if "format" in top:
        fmt = top["format"]
        if not isinstance(fmt, int) or isinstance(fmt, bool):
            v.problem(("format",), f"expected a whole number, got {type_name(fmt)}")
        elif fmt > FORMAT_VERSION:
            v.problem(
                ("format",),
                f"format {fmt} is newer than this version of facilitator understands "
                f"({FORMAT_VERSION}); upgrade facilitator",
            )
            return None
        elif fmt < 1:
            v.problem(("format",), f"unknown format {fmt}")

    meta = v.table(
        top.get("scenario", {}),
        ("scenario",),
        {"id": True, "language": True, "title": True, "summary": False, "source": False},
    )
    scenario_id = v.ident(meta, ("scenario",))
    language = v.text(meta, ("scenario",), "language")
    title = v.text(meta, ("scenario",), "title")
    summary = v.text(meta, ("scenario",), "summary")
    source = v.text(meta, ("scenario",), "source")
    if language and language not in LANGUAGES:
        v.problem(("scenario", "language"), f"must be one of {', '.join(LANGUAGES)}, got {language!r}")

    rungs: list[Rung] = []
    for path, r in v.items(
        top,
        (),
        "rungs",
        {
            "id": True,
            "name": True,
            "summary": True,
            "definition": True,
            "questions": True,
            "fields": False,
            "flows": False,
        },
        required=True,
    ):
        fields = [
            AgreementField(v.ident(f, fp), v.text(f, fp, "label"), v.text(f, fp, "help"))
            for fp, f in v.items(r, path, "fields", {"id": True, "label": True, "help": False}, False)
        ]
        v.unique([((*path, "fields", i), f.id) for i, f in enumerate(fields)], "field")
        flows = [
            Flow(v.ident(f, fp), v.text(f, fp, "name"), v.text(f, fp, "description"))
            for fp, f in v.items(r, path, "flows", {"id": True, "name": True, "description": False}, False)
        ]
        v.unique([((*path, "flows", i), f.id) for i, f in enumerate(flows)], "flow")
        questions = v.texts(r, path, "questions")
        if "questions" in r and not questions and isinstance(r["questions"], list):
            v.problem((*path, "questions"), "needs at least one question")
        rungs.append(
            Rung(
                id=v.ident(r, path),
                name=v.text(r, path, "name"),
                summary=v.text(r, path, "summary"),
                definition=v.text(r, path, "definition"),
                questions=questions,
                fields=tuple(fields),
                flows=tuple(flows),
            )
        )
    v.unique([(("rungs", i), r.id) for i, r in enumerate(rungs)], "rung")

    approaches = [
        Approach(
            id=v.ident(a, p),
            name=v.text(a, p, "name"),
            summary=v.text(a, p, "summary"),
            description=v.text(a, p, "description"),
            question=v.text(a, p, "question"),
        )
        for p, a in v.items(
            top,
            (),
            "approaches",
            {"id": True, "name": True, "summary": True, "description": False, "question": False},
            False,
        )
    ]
    v.unique([(("approaches", i), a.id) for i, a in enumerate(approaches)], "approach")

    parties = [
        SuggestedParty(
            id=v.ident(a, p),
            name=v.text(a, p, "name"),
            description=v.text(a, p, "description"),
            affected=v.boolean(a, p, "affected"),
            fields=v.texts(a, p, "fields"),
        )
        for p, a in v.items(
            top,
            (),
            "parties",
            {"id": True, "name": True, "description": False, "affected": False, "fields": False},
            False,
        )
    ]
    v.unique([(("parties", i), a.id) for i, a in enumerate(parties)], "party")

    roles = [
        Role(
            id=v.ident(a, p),
            name=v.text(a, p, "name"),
            description=v.text(a, p, "description"),
            lead=v.boolean(a, p, "lead"),
        )
        for p, a in v.items(
            top, (), "roles", {"id": True, "name": True, "description": True, "lead": False}, True
        )
    ]
    v.unique([(("roles", i), a.id) for i, a in enumerate(roles)], "role")
    leads = [i for i, r in enumerate(roles) if r.lead]
    for i in leads[1:]:
        v.problem(("roles", i, "lead"), "only one role may have lead = true")

    agenda: list[Phase] = []
    for p, a in v.items(
        top,
        (),
        "agenda",
        {"id": True, "name": True, "kind": True, "minutes": True, "description": False},
        True,
    ):
        kind = v.text(a, p, "kind")
        if kind and kind not in PHASE_KINDS:
            v.problem((*p, "kind"), f"must be one of {', '.join(PHASE_KINDS)}, got {kind!r}")
        agenda.append(
            Phase(
                id=v.ident(a, p),
                name=v.text(a, p, "name"),
                kind=kind,
                minutes=v.integer(a, p, "minutes", 1, 600),
                description=v.text(a, p, "description"),
            )
        )
    v.unique([(("agenda", i), a.id) for i, a in enumerate(agenda)], "phase")

    rung_ids = {r.id for r in rungs}
    party_ids = {p.id for p in parties}
    approach_ids = {a.id for a in approaches}
    flow_ids = {f.id for r in rungs for f in r.flows}
    examples: list[Example] = []
    for p, e in v.items(
        top,
        (),
        "examples",
        {
            "rung": True,
            "place": True,
            "title": True,
            "text": True,
            "parties": False,
            "approach": False,
            "flows": False,
        },
        False,
    ):
        rung = v.text(e, p, "rung")
        if rung and rung not in rung_ids:
            v.problem((*p, "rung"), f"no rung with id {rung!r} (rungs: {', '.join(sorted(rung_ids))})")
        example_parties = v.texts(e, p, "parties")
        for i, party in enumerate(example_parties):
            if party not in party_ids:
                v.problem((*p, "parties", i), f"no party with id {party!r} in [[parties]]")
        approach = v.text(e, p, "approach") or None
        if approach and approach not in approach_ids:
            v.problem((*p, "approach"), f"no approach with id {approach!r} in [[approaches]]")
        example_flows = v.texts(e, p, "flows")
        for i, flow in enumerate(example_flows):
            if flow not in flow_ids:
                v.problem((*p, "flows", i), f"no flow with id {flow!r} in [[rungs.flows]]")
        examples.append(
            Example(
                rung=rung,
                place=v.text(e, p, "place"),
                title=v.text(e, p, "title"),
                text=v.text(e, p, "text"),
                parties=example_parties,
                approach=approach,
                flows=example_flows,
            )
        )

    if v.problems:
        return None
    return Scenario(
        id=scenario_id,
        language=language,
        title=title,
        summary=summary,
        source=source,
        rungs=tuple(rungs),
        roles=tuple(roles),
        agenda=tuple(agenda),
        approaches=tuple(approaches),
        parties=tuple(parties),
        examples=tuple(examples),
        raw=doc,
    )


def scenario_from_dict(doc: Any, source: str = "<scenario>", text: str | None = None) -> Scenario:
    """Validate an already-decoded scenario (e.g. the copy embedded in a session)."""
    validator = _Validator(source, _LineLocator(text) if text is not None else None)
    scenario = _build(validator, doc)
    if scenario is None:
        raise ScenarioError(validator.problems)
    return scenario


def parse_scenario(text: str, source: str = "<scenario>") -> Scenario:
    """Parse and validate TOML text; every problem is reported, nothing is half-loaded."""
    import tomllib  # only scenario files need it; sessions carry their scenario as data

    try:
        doc = tomllib.loads(text)
    except RecursionError:
        raise ScenarioError([f"{source}: nested more than {MAX_DEPTH} levels deep"]) from None
    except tomllib.TOMLDecodeError as error:
        # Python 3.14 has error.lineno; before that the line is only in the message.
        message = getattr(error, "msg", None) or str(error)
        line = getattr(error, "lineno", None)
        found = _AT_LINE.search(message)
        if found:
            line = line or int(found.group(1))
            message = message[: found.start()].rstrip()
        where = f"{source}:{line}" if line else source
        raise ScenarioError([f"{where}: TOML syntax error: {message}"]) from None
    try:
        check_plain(doc)  # NaN, huge numbers, deep nesting: refused before the validator walks it
    except PlainDataError as error:
        raise ScenarioError([f"{source}: {error}"]) from None
    return scenario_from_dict(doc, source, text)


def load_scenario(path: Path) -> Scenario:
    try:
        data = read_limited(path)
    except OSError as error:
        raise ScenarioError([f"{path}: cannot read: {error.strerror or error}"]) from None
    except PlainDataError as error:
        raise ScenarioError([f"{path}: cannot read: {error}"]) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ScenarioError([f"{path}: not UTF-8 text (byte {error.start})"]) from None
    return parse_scenario(text, str(path))


# --------------------------------------------------------------------------- catalogue


def builtin_scenario_dir() -> Path:
    """Shipped scenarios: inside the wheel, or the repository's `scenarios/` in a checkout."""
    packaged = Path(__file__).resolve().parent.parent / "_scenarios"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent.parent / "scenarios"


@dataclass(frozen=True)
class ScenarioEntry:
    """A scenario on disk, or the reason it couldn't be loaded."""

    path: Path
    scenario: Scenario | None
    error: ScenarioError | None = None


def discover(extra_dirs: tuple[Path, ...] = ()) -> list[ScenarioEntry]:
    """Every scenario file in the shipped folder and the user's folders, loaded or failed."""
    entries: list[ScenarioEntry] = []
    for folder in (builtin_scenario_dir(), *extra_dirs):
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                entries.append(ScenarioEntry(path, load_scenario(path)))
            except ScenarioError as error:
                entries.append(ScenarioEntry(path, None, error))
    return entries


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
    raise UserError(f"no scenario {ref!r} (known: {', '.join(known) or 'none'})")
