"""Builds a `Scenario` from a decoded document: one function per TOML table.

Each reads its table through the validator, so problems come out in the order of the
file's tables; cross-references (examples naming rungs, parties, flows) come last.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from facilitator.core.scenario.definition import (
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
from facilitator.core.scenario.validator import Path_, Validator, listed, type_name

_TOP_KEYS = {
    "format": True,
    "scenario": True,
    "rungs": True,
    "approaches": False,
    "parties": False,
    "roles": True,
    "agenda": True,
    "examples": False,
}


class _Meta(NamedTuple):
    id: str
    language: str
    title: str
    summary: str
    source: str


def format_ok(v: Validator, top: dict[str, Any]) -> bool:
    """`format = N`: False for a newer format than this version reads (nothing else is checked)."""
    if "format" not in top:
        return True
    fmt = top["format"]
    if not isinstance(fmt, int) or isinstance(fmt, bool):
        v.problem(("format",), "scenario.expected_whole", kind=type_name(fmt))
    elif fmt > FORMAT_VERSION:
        v.problem(("format",), "scenario.format_newer", format=str(fmt), known=str(FORMAT_VERSION))
        return False
    elif fmt < 1:
        v.problem(("format",), "scenario.format_unknown", format=str(fmt))
    return True


def meta(v: Validator, top: dict[str, Any]) -> _Meta:
    """[scenario]: id, language, title, summary, source."""
    table = v.table(
        top.get("scenario", {}),
        ("scenario",),
        {"id": True, "language": True, "title": True, "summary": False, "source": False},
    )
    scenario_id = v.ident(table, ("scenario",))
    language = v.text(table, ("scenario",), "language")
    title = v.text(table, ("scenario",), "title")
    summary = v.text(table, ("scenario",), "summary")
    source = v.text(table, ("scenario",), "source")
    if language and language not in LANGUAGES:
        v.problem(
            ("scenario", "language"),
            "scenario.one_of",
            choices=listed(LANGUAGES),
            value=repr(language),
        )
    return _Meta(scenario_id, language, title, summary, source)


def rung(v: Validator, r: dict[str, Any], path: Path_) -> Rung:
    """One [[rungs]] entry with its [[rungs.fields]] and [[rungs.flows]]."""
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
        v.problem((*path, "questions"), "scenario.no_question")
    return Rung(
        id=v.ident(r, path),
        name=v.text(r, path, "name"),
        summary=v.text(r, path, "summary"),
        definition=v.text(r, path, "definition"),
        questions=questions,
        fields=tuple(fields),
        flows=tuple(flows),
    )


def rungs(v: Validator, top: dict[str, Any]) -> list[Rung]:
    """[[rungs]]: the ladder, in the order the scenario gives (the guide ranks no form)."""
    keys = {
        "id": True,
        "name": True,
        "summary": True,
        "definition": True,
        "questions": True,
        "fields": False,
        "flows": False,
    }
    found = [rung(v, r, path) for path, r in v.items(top, (), "rungs", keys, required=True)]
    v.unique([(("rungs", i), r.id) for i, r in enumerate(found)], "rung")
    return found


def approaches(v: Validator, top: dict[str, Any]) -> list[Approach]:
    """[[approaches]]: how much residents take part."""
    found = [
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
    v.unique([(("approaches", i), a.id) for i, a in enumerate(found)], "approach")
    return found


def parties(v: Validator, top: dict[str, Any]) -> list[SuggestedParty]:
    """[[parties]]: the parties a workshop usually has."""
    found = [
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
    v.unique([(("parties", i), a.id) for i, a in enumerate(found)], "party")
    return found


def roles(v: Validator, top: dict[str, Any]) -> list[Role]:
    """[[roles]]: at most one of them the lead."""
    found = [
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
    v.unique([(("roles", i), a.id) for i, a in enumerate(found)], "role")
    leads = [i for i, r in enumerate(found) if r.lead]
    for i in leads[1:]:
        v.problem(("roles", i, "lead"), "scenario.one_lead")
    return found


def agenda(v: Validator, top: dict[str, Any]) -> list[Phase]:
    """[[agenda]]: the workshop's phases, each of a known kind."""
    found: list[Phase] = []
    for p, a in v.items(
        top,
        (),
        "agenda",
        {"id": True, "name": True, "kind": True, "minutes": True, "description": False},
        True,
    ):
        kind = v.text(a, p, "kind")
        if kind and kind not in PHASE_KINDS:
            v.problem((*p, "kind"), "scenario.one_of", choices=listed(PHASE_KINDS), value=repr(kind))
        found.append(
            Phase(
                id=v.ident(a, p),
                name=v.text(a, p, "name"),
                kind=kind,
                minutes=v.integer(a, p, "minutes", 1, 600),
                description=v.text(a, p, "description"),
            )
        )
    v.unique([(("agenda", i), a.id) for i, a in enumerate(found)], "phase")
    return found


def example(
    v: Validator,
    e: dict[str, Any],
    p: Path_,
    ladder: list[Rung],
    suggested: list[SuggestedParty],
    known_approaches: list[Approach],
) -> Example:
    """One [[examples]] entry; its rung, parties, approach and flows must exist."""
    rung_ids = {r.id for r in ladder}
    party_ids = {s.id for s in suggested}
    approach_ids = {a.id for a in known_approaches}
    flow_ids = {f.id for r in ladder for f in r.flows}
    rung_id = v.text(e, p, "rung")
    if rung_id and rung_id not in rung_ids:
        v.problem((*p, "rung"), "scenario.no_rung", id=repr(rung_id), ids=listed(sorted(rung_ids)))
    example_parties = v.texts(e, p, "parties")
    for i, party in enumerate(example_parties):
        if party not in party_ids:
            v.problem((*p, "parties", i), "scenario.no_party", id=repr(party))
    approach = v.text(e, p, "approach") or None
    if approach and approach not in approach_ids:
        v.problem((*p, "approach"), "scenario.no_approach", id=repr(approach))
    example_flows = v.texts(e, p, "flows")
    for i, flow in enumerate(example_flows):
        if flow not in flow_ids:
            v.problem((*p, "flows", i), "scenario.no_flow", id=repr(flow))
    return Example(
        rung=rung_id,
        place=v.text(e, p, "place"),
        title=v.text(e, p, "title"),
        text=v.text(e, p, "text"),
        parties=example_parties,
        approach=approach,
        flows=example_flows,
    )


_EXAMPLE_KEYS = {
    "rung": True,
    "place": True,
    "title": True,
    "text": True,
    "parties": False,
    "approach": False,
    "flows": False,
}


def build(v: Validator, doc: Any) -> Scenario | None:
    """The scenario in `doc`, or None with every problem recorded in `v`."""
    top = v.table(doc, (), _TOP_KEYS)
    if not format_ok(v, top):
        return None
    m = meta(v, top)
    ladder = rungs(v, top)
    known_approaches = approaches(v, top)
    suggested = parties(v, top)
    scenario_roles = roles(v, top)
    phases = agenda(v, top)
    examples = [
        example(v, e, p, ladder, suggested, known_approaches)
        for p, e in v.items(top, (), "examples", _EXAMPLE_KEYS, False)
    ]
    if v.problems:
        return None
    return Scenario(
        id=m.id,
        language=m.language,
        title=m.title,
        summary=m.summary,
        source=m.source,
        rungs=tuple(ladder),
        roles=tuple(scenario_roles),
        agenda=tuple(phases),
        approaches=tuple(known_approaches),
        parties=tuple(suggested),
        examples=tuple(examples),
        raw=doc,
    )
