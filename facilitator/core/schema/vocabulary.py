"""The ids a session's scenario (or this version) knows, by the name a `Known(...)` field uses.

ids("rung", scenario) -> the scenario's rung ids;  words("rung") -> "rung"
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from facilitator.core.i18n import LANGUAGES, Worded
from facilitator.core.model import EXPECTATION_STATES, FOLLOWUP_KINDS, OUTCOMES
from facilitator.core.scenario import Scenario

TIMER_COMMANDS = ("start", "pause", "add", "reset", "set", "plan")
SETUP_PHASE = ""
"""The room's phase before the agenda: setting up parties and participants."""


def _phases(scenario: Scenario) -> set[str]:
    return {p.id for p in scenario.agenda}


VOCABULARIES: dict[str, tuple[str, Callable[[Scenario], Collection[str]]]] = {
    "rung": ("rung", lambda s: s.rung_ids()),
    "role": ("role", lambda s: {r.id for r in s.roles}),
    "approach": ("approach", lambda s: {a.id for a in s.approaches}),
    "flow": ("direction of information flow", lambda s: s.flow_ids()),
    "phase": ("phase", _phases),
    "phase or setup": ("phase", lambda s: _phases(s) | {SETUP_PHASE}),
    "agreement field": ("agreement field", lambda s: {f.id for r in s.rungs for f in r.fields}),
    "suggested party": ("suggested party", lambda s: {p.id for p in s.parties}),
    "answer": ("answer", lambda _s: EXPECTATION_STATES),
    "timer command": ("timer command", lambda _s: TIMER_COMMANDS),
    "language": ("language", lambda _s: LANGUAGES),
    "follow-up kind": ("kind of follow-up item", lambda _s: FOLLOWUP_KINDS),
    "outcome": ("outcome", lambda _s: ("", *OUTCOMES)),
}
"""name → (what one is called in a refusal, the ids a scenario has)."""


def ids(name: str, scenario: Scenario) -> Collection[str]:
    return VOCABULARIES[name][1](scenario)


def words(name: str) -> str:
    """What one of the vocabulary is called, in the catalogue's words (said in the reader's language)."""
    return Worded(f"vocab.{_KEYS.get(name, name)}")


_KEYS = {
    "phase or setup": "phase",
    "agreement field": "agreement_field",
    "suggested party": "suggested_party",
}
_KEYS |= {"timer command": "timer_command", "follow-up kind": "followup_kind"}
