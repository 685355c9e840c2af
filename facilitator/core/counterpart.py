"""A scenario in the other language: the names of rungs, roles, phases and fields to show.

The shipped scenarios come in Estonian and English with the same ids (rungs, roles,
phases, fields, approaches). A session keeps the scenario it was run with; when the
interface or a report is in the other language, the names come from the counterpart,
so that nothing shows in two languages at once. Ids, order, minutes and every rule stay
the session's own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from facilitator.core.scenario import FOLLOWUP, Rung, Scenario, discover


def shape(scenario: Scenario) -> tuple[object, ...]:
    """What two scenarios must share to be one workshop in two languages."""
    return (
        tuple(r.id for r in scenario.rungs),
        tuple(sorted(r.id for r in scenario.roles)),
        tuple(p.id for p in scenario.agenda if p.kind != FOLLOWUP),  # only continuing sessions have it
        tuple(tuple(f.id for f in r.fields) for r in scenario.rungs),
    )


def counterpart(scenario: Scenario, language: str, candidates: Iterable[Scenario]) -> Scenario | None:
    """The candidate in `language` with the same rungs, roles, phases and fields, if any."""
    wanted = shape(scenario)
    return next((c for c in candidates if c.language == language and shape(c) == wanted), None)


def translated(scenario: Scenario, other: Scenario) -> Scenario:
    """`scenario` with the names and texts of `other` (same ids), in `other`'s language."""
    rungs = {r.id: r for r in other.rungs}
    roles = {r.id: r for r in other.roles}
    phases = {p.id: p for p in other.agenda}
    approaches = {a.id: a for a in other.approaches}
    parties = {p.id: p for p in other.parties}

    def rung(r: Rung) -> Rung:
        twin = rungs[r.id]
        labels = {f.id: f for f in twin.fields}
        fields = tuple(
            dataclasses.replace(f, label=labels[f.id].label, help=labels[f.id].help) if f.id in labels else f
            for f in r.fields
        )
        flows = {f.id: f for f in twin.flows}
        return dataclasses.replace(
            r,
            name=twin.name,
            summary=twin.summary,
            definition=twin.definition,
            questions=twin.questions,
            fields=fields,
            flows=tuple(flows.get(f.id, f) for f in r.flows),
        )

    return dataclasses.replace(
        scenario,
        language=other.language,
        title=other.title,
        summary=other.summary,
        source=other.source,
        rungs=tuple(rung(r) for r in scenario.rungs),
        roles=tuple(
            dataclasses.replace(r, name=roles[r.id].name, description=roles[r.id].description)
            if r.id in roles
            else r
            for r in scenario.roles
        ),
        agenda=tuple(
            dataclasses.replace(p, name=phases[p.id].name, description=phases[p.id].description)
            if p.id in phases
            else p
            for p in scenario.agenda
        ),
        approaches=tuple(
            dataclasses.replace(
                a,
                name=approaches[a.id].name,
                summary=approaches[a.id].summary,
                description=approaches[a.id].description,
                question=approaches[a.id].question,
            )
            if a.id in approaches
            else a
            for a in scenario.approaches
        ),
        parties=tuple(
            dataclasses.replace(p, name=parties[p.id].name, description=parties[p.id].description)
            if p.id in parties
            else p
            for p in scenario.parties
        ),
        examples=other.examples if len(other.examples) == len(scenario.examples) else scenario.examples,
    )


@lru_cache(maxsize=8)
def _known(folders: tuple[Path, ...]) -> tuple[Scenario, ...]:
    return tuple(e.scenario for e in discover(folders) if e.scenario is not None)


def known_scenarios(folders: tuple[Path, ...] = ()) -> tuple[Scenario, ...]:
    """The shipped scenarios and those in `folders` (read once per set of folders)."""
    return _known(folders)


def in_language(scenario: Scenario, language: str, folders: tuple[Path, ...] = ()) -> Scenario:
    """The scenario with its names in `language` where a counterpart exists; else as it is."""
    if scenario.language == language:
        return scenario
    other = counterpart(scenario, language, _known(folders))
    return translated(scenario, other) if other is not None else scenario
