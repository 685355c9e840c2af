"""Who does what with whom: the role matrix and the partnership matrix.

Pure functions over a `Session`, shared by the live views, the review dashboard
and the reports, so that all three always show the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from facilitator.core.model import Session


@dataclass(frozen=True)
class Pair:
    """Two parties and what they do together."""

    a: str
    b: str
    activities: int  # activities both take part in
    highest: str | None  # the highest agreed current rung among them, or None
    agreed: int  # how many of them have an agreed rung


def role_matrix(session: Session) -> dict[tuple[str, str], str | None]:
    """(party id, activity id) → role id, for every party involved in every activity.

    None means involved without a role; pairs not in the dict are not involved.
    """
    out: dict[tuple[str, str], str | None] = {}
    for activity in session.activities:
        roles = session.roles_for(activity.id)
        for party in activity.party_ids:
            out[(party, activity.id)] = roles.get(party)
    return out


def partnership_matrix(session: Session) -> dict[tuple[str, str], Pair]:
    """Every pair of parties that share at least one activity, keyed in party order."""
    order = {p.id: i for i, p in enumerate(session.parties)}
    scenario = session.scenario
    counts: dict[tuple[str, str], list[int]] = {}
    highest: dict[tuple[str, str], int] = {}
    for activity in session.activities:
        involved = sorted((p for p in activity.party_ids if p in order), key=order.__getitem__)
        level = scenario.rung_index(activity.agreed_current) if activity.agreed_current is not None else None
        for a, b in combinations(involved, 2):
            entry = counts.setdefault((a, b), [0, 0])
            entry[0] += 1
            if level is not None:
                entry[1] += 1
                highest[(a, b)] = max(highest.get((a, b), -1), level)
    return {
        key: Pair(
            key[0],
            key[1],
            activities=n,
            highest=scenario.rungs[highest[key]].id if key in highest else None,
            agreed=agreed,
        )
        for key, (n, agreed) in counts.items()
    }


def pair(matrix: dict[tuple[str, str], Pair], session: Session, a: str, b: str) -> Pair | None:
    """Look a pair up in either order."""
    order = {p.id: i for i, p in enumerate(session.parties)}
    key = (a, b) if order.get(a, 0) <= order.get(b, 0) else (b, a)
    return matrix.get(key)


def rung_counts(session: Session) -> dict[str, tuple[int, int]]:
    """rung id → (activities agreed as currently there, activities agreed as wished there)."""
    counts = {r.id: [0, 0] for r in session.scenario.rungs}
    for activity in session.activities:
        if activity.agreed_current in counts:
            counts[activity.agreed_current][0] += 1
        if activity.agreed_wished in counts:
            counts[activity.agreed_wished][1] += 1
    return {k: (v[0], v[1]) for k, v in counts.items()}
