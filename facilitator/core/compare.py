"""Comparing two sessions of the same partners, for example a year apart.

`compare(a, b)` is a pure function over two `Session`s; `report(comparison, t)` (in
`compare_report`) turns the result into the lines `facilitator compare A B` prints; the
result types are in `comparison`. The app's side-by-side view
reads the same `Comparison`.

How things are matched (each match is one to one: nothing is matched twice; within a
step, candidates pair up in session order):

- **Parties**: by id (a session imported from another keeps its ids), then by the
  scenario's suggested party (`suggested_id`, preferring the same name), then by name,
  exact before normalised. Two sessions created separately have different party ids.
- **Activities**: by id, then by title, exact before normalised (NFKC, case folded,
  punctuation and spacing collapsed: "Evening  patrols!" is "evening patrols").
- **Roles**: per matched activity and matched party, by role id.
- **Expectations**: per matched activity, by (from party, to party, original text),
  exact before normalised; a matched expectation has changed when its state or its
  response (amended text, reason for declining) differs.
- **Commitments**: per matched activity, by (party, text), exact before normalised;
  an edited commitment shows as one removed and one added.
- **Actions**: each action of `a` is looked for in `b` by id, then by (owner, text),
  exact before normalised. Its status is what `b` shows: done, still open, or dropped
  (not in `b` at all). An action already done in `a` is no news: the report leaves it
  out unless `b` shows it open again.
- A reference to a party that neither session has (the service never writes one)
  matches the same id on the other side.

Rungs: an activity moved up or down when its agreed current rung differs. Only agreed
rungs count (blind placements are views, not agreements); an activity agreed in only
one of the sessions, or in neither, has no rung to compare ("unrated").

Ladders: when both scenarios have the same rung ids in the same order, rungs are
compared by id. When the ids differ but the ladders have the same number of rungs,
rungs are compared by their position on each ladder (`basis == "index"`, and the report
says so). Ladders of different lengths can't be compared: `compare` raises
`LadderMismatch` (a `UserError`: one line and exit 2 on the command line). Role ids are
compared as they are; a scenario's own roles are shown by their names.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from facilitator.core.compare_report import report, role_name, rung_name, summary_lines
from facilitator.core.comparison import (
    ActionFollowUp,
    ActionMatch,
    ActionStatus,
    ActivityMatch,
    ActivityPair,
    Basis,
    ChangeKind,
    CommitmentChange,
    Comparison,
    ExpectationChange,
    LadderMismatch,
    Movement,
    PartyMatch,
    PartyMatchKind,
    PartyRef,
    RoleChange,
    RungChange,
    RungChangeKind,
    Summary,
    normalise,
)
from facilitator.core.followup import followed_up
from facilitator.core.model import Action, Activity, Commitment, Expectation, FollowUp, Party, Session
from facilitator.core.scenario import Scenario

__all__ = [
    "ActionFollowUp",
    "ActionMatch",
    "ActionStatus",
    "ActivityMatch",
    "ActivityPair",
    "Basis",
    "ChangeKind",
    "CommitmentChange",
    "Comparison",
    "ExpectationChange",
    "LadderMismatch",
    "Movement",
    "PartyMatch",
    "PartyMatchKind",
    "PartyRef",
    "RoleChange",
    "RungChange",
    "RungChangeKind",
    "Summary",
    "compare",
    "ladder_basis",
    "normalise",
    "pair_indexes",
    "pair_up",
    "report",
    "role_name",
    "rung_name",
    "summary_lines",
]

# --------------------------------------------------------------------------- matching

T = TypeVar("T")
U = TypeVar("U")
S = TypeVar("S", bound=str)
Key = Callable[[T], Hashable | None]


def pair_indexes(
    left: Sequence[T],
    right: Sequence[U],
    steps: Sequence[tuple[S, Callable[[T], Hashable | None], Callable[[U], Hashable | None]]],
) -> list[tuple[int, int, S]]:
    """One-to-one matching in steps: (left index, right index, step label), in left order.

    Each step pairs still-unmatched items whose keys are equal (None never matches),
    in order on both sides; earlier steps win, so exact keys go before loose ones.
    """
    matched: list[tuple[int, int, S]] = []
    free_left = list(range(len(left)))
    free_right = list(range(len(right)))
    for label, left_key, right_key in steps:
        waiting: dict[Hashable, deque[int]] = {}
        for j in free_right:
            key = right_key(right[j])
            if key is not None:
                waiting.setdefault(key, deque()).append(j)
        taken: set[int] = set()
        still_left: list[int] = []
        for i in free_left:
            key = left_key(left[i])
            candidates = waiting.get(key) if key is not None else None
            if candidates:
                j = candidates.popleft()
                taken.add(j)
                matched.append((i, j, label))
            else:
                still_left.append(i)
        free_left = still_left
        free_right = [j for j in free_right if j not in taken]
    return sorted(matched, key=lambda m: m[0])


def pair_up(
    left: Sequence[T],
    right: Sequence[U],
    steps: Sequence[tuple[S, Callable[[T], Hashable | None], Callable[[U], Hashable | None]]],
) -> tuple[list[tuple[T, U, S]], list[T], list[U]]:
    """`pair_indexes` as items: (matches, left unmatched, right unmatched), each in order."""
    matched = pair_indexes(left, right, steps)
    used_left = {i for i, _, _ in matched}
    used_right = {j for _, j, _ in matched}
    return (
        [(left[i], right[j], label) for i, j, label in matched],
        [x for i, x in enumerate(left) if i not in used_left],
        [y for j, y in enumerate(right) if j not in used_right],
    )


def ladder_basis(a: Scenario, b: Scenario) -> Basis:
    """How rungs of the two scenarios compare: by id, by position, or not at all."""
    if a.rung_ids() == b.rung_ids():
        return "id"
    if len(a.rungs) == len(b.rungs):
        return "index"
    raise LadderMismatch.worded(
        "compare.ladders_differ",
        a_rungs=len(a.rungs),
        first=repr(a.id),
        b_rungs=len(b.rungs),
        second=repr(b.id),
    )


class _Comparer:
    """The state of one comparison: the party mapping and the ladders' indexes."""

    def __init__(self, a: Session, b: Session) -> None:
        self.a = a
        self.b = b
        self.basis = ladder_basis(a.scenario, b.scenario)
        self.index_a = {r.id: i for i, r in enumerate(a.scenario.rungs)}
        self.index_b = {r.id: i for i, r in enumerate(b.scenario.rungs)}
        party_steps: list[tuple[PartyMatchKind, Key[Party], Key[Party]]] = [
            ("id", _party_id, _party_id),
            ("suggested_id", _suggested_and_name, _suggested_and_name),
            ("suggested_id", _suggested_and_normal_name, _suggested_and_normal_name),
            ("suggested_id", _suggested, _suggested),
            ("name", _party_name, _party_name),
            ("name", _normal_party_name, _normal_party_name),
        ]
        matches, gone, new = pair_up(a.parties, b.parties, party_steps)
        self.party_matches = tuple(PartyMatch(p, q, how) for p, q, how in matches)
        self.parties_gone = tuple(gone)
        self.parties_new = tuple(new)
        self.a_to_b = {m.a.id: m.b.id for m in self.party_matches}
        self.b_to_a = {m.b.id: m.a.id for m in self.party_matches}

    def ref_a(self, party_id: str) -> PartyRef:
        if party_id in self.a_to_b:
            return PartyRef(party_id, self.a_to_b[party_id])
        return self._unknown(party_id) or PartyRef(party_id, None)

    def ref_b(self, party_id: str) -> PartyRef:
        if party_id in self.b_to_a:
            return PartyRef(self.b_to_a[party_id], party_id)
        return self._unknown(party_id) or PartyRef(None, party_id)

    def _unknown(self, party_id: str) -> PartyRef | None:
        """A reference to a party neither session has (never written by the service): by id."""
        if self.a.has_party(party_id) or self.b.has_party(party_id):
            return None
        return PartyRef(party_id, party_id)

    def followed(self, kind: str, source_id: str) -> FollowUp | None:
        """`b`'s follow-up item of one of `a`'s promises, when `b` continues `a` and carried it."""
        if self.b.info.previous_id != self.a.info.id:
            return None
        return followed_up(self.b, kind, source_id)

    def rung_change(self, before: str | None, after: str | None) -> RungChange:
        return RungChange(
            before,
            after,
            self.index_a.get(before) if before is not None else None,
            self.index_b.get(after) if after is not None else None,
        )

    # ---------------------------------------------------------------- activities
    def pair(self, x: Activity, y: Activity, how: ActivityMatch) -> ActivityPair:
        a, b = self.a, self.b
        parties_a = [self.ref_a(p) for p in x.party_ids]
        parties_b = [self.ref_b(p) for p in y.party_ids]
        return ActivityPair(
            a=x,
            b=y,
            matched_by=how,
            current=self.rung_change(x.agreed_current, y.agreed_current),
            wished=self.rung_change(x.agreed_wished, y.agreed_wished),
            parties_added=tuple(dict.fromkeys(r for r in parties_b if r not in parties_a)),
            parties_removed=tuple(dict.fromkeys(r for r in parties_a if r not in parties_b)),
            roles=self.roles(x, y, parties_a, parties_b),
            expectations=self.expectations(a.expectations_for(x.id), b.expectations_for(y.id)),
            commitments=self.commitments(a.commitments_for(x.id), b.commitments_for(y.id)),
        )

    def roles(
        self, x: Activity, y: Activity, parties_a: list[PartyRef], parties_b: list[PartyRef]
    ) -> tuple[RoleChange, ...]:
        before = {self.ref_a(p): role for p, role in self.a.roles_for(x.id).items()}
        after = {self.ref_b(p): role for p, role in self.b.roles_for(y.id).items()}
        everyone = dict.fromkeys([*parties_a, *before, *parties_b, *after])
        return tuple(
            RoleChange(ref, before.get(ref), after.get(ref))
            for ref in everyone
            if before.get(ref) != after.get(ref)
        )

    def expectations(
        self, before: Sequence[Expectation], after: Sequence[Expectation]
    ) -> tuple[ExpectationChange, ...]:
        def exact_a(e: Expectation) -> Hashable:
            return (self.ref_a(e.from_party), self.ref_a(e.to_party), e.text)

        def exact_b(e: Expectation) -> Hashable:
            return (self.ref_b(e.from_party), self.ref_b(e.to_party), e.text)

        def loose_a(e: Expectation) -> Hashable:
            return (self.ref_a(e.from_party), self.ref_a(e.to_party), normalise(e.text))

        def loose_b(e: Expectation) -> Hashable:
            return (self.ref_b(e.from_party), self.ref_b(e.to_party), normalise(e.text))

        steps: list[tuple[str, Key[Expectation], Key[Expectation]]] = [
            ("text", exact_a, exact_b),
            ("text", loose_a, loose_b),
        ]
        matches, removed, added = pair_up(before, after, steps)
        out = [
            ExpectationChange(self.ref_a(e.from_party), self.ref_a(e.to_party), e, f)
            for e, f, _ in matches
            if e.state != f.state or normalise(e.response) != normalise(f.response)
        ]
        out += [
            ExpectationChange(
                self.ref_a(e.from_party), self.ref_a(e.to_party), e, None, self.followed("expectation", e.id)
            )
            for e in removed
        ]
        out += [ExpectationChange(self.ref_b(f.from_party), self.ref_b(f.to_party), None, f) for f in added]
        return tuple(out)

    def commitments(
        self, before: Sequence[Commitment], after: Sequence[Commitment]
    ) -> tuple[CommitmentChange, ...]:
        steps: list[tuple[str, Key[Commitment], Key[Commitment]]] = [
            ("text", lambda c: (self.ref_a(c.party_id), c.text), lambda c: (self.ref_b(c.party_id), c.text)),
            (
                "text",
                lambda c: (self.ref_a(c.party_id), normalise(c.text)),
                lambda c: (self.ref_b(c.party_id), normalise(c.text)),
            ),
        ]
        _, removed, added = pair_up(before, after, steps)
        return (
            *(
                CommitmentChange(self.ref_a(c.party_id), c, None, self.followed("commitment", c.id))
                for c in removed
            ),
            *(CommitmentChange(self.ref_b(c.party_id), None, c) for c in added),
        )

    # ---------------------------------------------------------------- actions
    def actions(self) -> tuple[tuple[ActionFollowUp, ...], tuple[Action, ...]]:
        carried = {x.id: f.carried_action for x in self.a.actions if (f := self.followed("action", x.id))}
        steps: list[tuple[ActionMatch, Key[Action], Key[Action]]] = [
            ("carried", lambda x: carried.get(x.id), lambda y: y.id),  # the step it was carried over as
            ("id", lambda x: None if x.id in carried else x.id, lambda y: y.id),
            # A step `b` follows up is only the step it was carried over as, never one of like words.
            (
                "text",
                lambda x: None if x.id in carried else (self.ref_a(x.owner), x.text),
                lambda y: (self.ref_b(y.owner), y.text),
            ),
            (
                "text",
                lambda x: None if x.id in carried else (self.ref_a(x.owner), normalise(x.text)),
                lambda y: (self.ref_b(y.owner), normalise(y.text)),
            ),
        ]
        before, after = self.a.actions, self.b.actions
        matches = pair_indexes(before, after, steps)
        found: dict[int, tuple[Action, ActionMatch]] = {i: (after[j], how) for i, j, how in matches}
        used = {j for _, j, _ in matches}
        follow_ups = []
        for i, x in enumerate(before):
            y, how = found.get(i, (None, None))
            follow_ups.append(ActionFollowUp(x, y, how, self.ref_a(x.owner), self.followed("action", x.id)))
        return tuple(follow_ups), tuple(y for j, y in enumerate(after) if j not in used)

    def run(self) -> Comparison:
        steps: list[tuple[ActivityMatch, Key[Activity], Key[Activity]]] = [
            ("id", lambda x: x.id, lambda y: y.id),
            ("title", lambda x: x.title, lambda y: y.title),
            ("title", lambda x: normalise(x.title), lambda y: normalise(y.title)),
        ]
        matches, dropped, new = pair_up(self.a.activities, self.b.activities, steps)
        actions, new_actions = self.actions()
        return Comparison(
            a=self.a,
            b=self.b,
            basis=self.basis,
            parties=self.party_matches,
            parties_new=self.parties_new,
            parties_gone=self.parties_gone,
            pairs=tuple(self.pair(x, y, how) for x, y, how in matches),
            new=tuple(new),
            dropped=tuple(dropped),
            actions=actions,
            new_actions=new_actions,
        )


def _party_id(p: Party) -> Hashable:
    return p.id


def _suggested_and_name(p: Party) -> Hashable | None:
    return (p.suggested_id, p.name) if p.suggested_id else None


def _suggested_and_normal_name(p: Party) -> Hashable | None:
    return (p.suggested_id, normalise(p.name)) if p.suggested_id else None


def _suggested(p: Party) -> Hashable | None:
    return p.suggested_id or None


def _party_name(p: Party) -> Hashable:
    return p.name


def _normal_party_name(p: Party) -> Hashable:
    return normalise(p.name)


def compare(a: Session, b: Session) -> Comparison:
    """What changed from session `a` to session `b` (see the module's docstring).

    Raises `LadderMismatch` when the scenarios' ladders have different lengths.
    """
    return _Comparer(a, b).run()
