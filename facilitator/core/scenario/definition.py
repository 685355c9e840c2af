"""What a scenario is: the validated workshop definition and its parts (ladder, roles, agenda…)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from typing import Any

from facilitator.core.record import record

FORMAT_VERSION = 1
LANGUAGES = ("et", "en")
PHASE_KINDS = ("followup", "intro", "collect", "place", "agree", "summary")
FOLLOWUP = "followup"
"""The kind of the follow-up of last time: only sessions that continue another have it."""


@record
class AgreementField:
    """Something the parties fill in when they agree on a rung."""

    id: str
    label: str
    help: str = ""


@record
class Flow:
    """A direction of information flow (used by communication)."""

    id: str
    name: str
    description: str = ""


@record
class Rung:
    """One form of joint activity on the ladder."""

    id: str
    name: str
    summary: str
    definition: str
    questions: tuple[str, ...]
    fields: tuple[AgreementField, ...] = ()
    flows: tuple[Flow, ...] = ()


@record
class Approach:
    """How much residents take part (situational, resource mobilisation, empowerment)."""

    id: str
    name: str
    summary: str
    description: str = ""
    question: str = ""


@record
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


@record
class Role:
    """A party's role in an activity."""

    id: str
    name: str
    description: str
    lead: bool = False


@record
class Phase:
    """A timed phase of the workshop agenda."""

    id: str
    name: str
    kind: str
    minutes: int
    description: str = ""


@record
class Example:
    """A good example from the guide, attached to its rung."""

    rung: str
    place: str
    title: str
    text: str
    parties: tuple[str, ...] = ()
    approach: str | None = None
    flows: tuple[str, ...] = ()  # directions of information flow, where the guide's text makes them clear


@record
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
        """0 for the first rung of the ladder; the board and comparisons use it."""
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
