"""Comparing two sessions of the same partners, for example a year apart.

`compare(a, b)` is a pure function over two `Session`s; `report(comparison, t)` turns
the result into the lines `facilitator compare A B` prints. The app's side-by-side view
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

import re
import unicodedata
from collections import deque
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, TypeVar

from facilitator.core.errors import UserError
from facilitator.core.i18n import Translator
from facilitator.core.model import Action, Activity, Commitment, Expectation, Party, Session
from facilitator.core.scenario import Scenario

Basis = Literal["id", "index"]
ActivityMatch = Literal["id", "title"]
PartyMatchKind = Literal["id", "suggested_id", "name"]
ActionMatch = Literal["id", "text"]
RungChangeKind = Literal["up", "down", "same", "agreed", "cleared", "none"]
Movement = Literal["up", "down", "same", "unrated"]
ChangeKind = Literal["added", "removed", "changed"]
ActionStatus = Literal["done", "open", "dropped"]


class LadderMismatch(UserError):
    """The two sessions' scenarios have ladders of different lengths."""


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class PartyRef:
    """One party across both sessions: its id in `a`, in `b`, or both when matched."""

    a: str | None
    b: str | None


@dataclass(frozen=True)
class PartyMatch:
    """A party found in both sessions."""

    a: Party
    b: Party
    matched_by: PartyMatchKind

    @property
    def ref(self) -> PartyRef:
        return PartyRef(self.a.id, self.b.id)

    @property
    def renamed(self) -> bool:
        return normalise(self.a.name) != normalise(self.b.name)


@dataclass(frozen=True)
class RungChange:
    """An agreed rung (current or wished) in `a` and in `b`; None where not agreed.

    The ids are each in its own session's scenario; the indexes (0 = least joint) are
    what is compared. A rung id the scenario doesn't know counts as not agreed.
    """

    before: str | None
    after: str | None
    before_index: int | None
    after_index: int | None

    @property
    def kind(self) -> RungChangeKind:
        """up / down / same, or agreed (only in `b`), cleared (only in `a`), none (neither)."""
        if self.before_index is None:
            return "none" if self.after_index is None else "agreed"
        if self.after_index is None:
            return "cleared"
        if self.after_index > self.before_index:
            return "up"
        if self.after_index < self.before_index:
            return "down"
        return "same"

    @property
    def delta(self) -> int | None:
        """Rungs moved (positive is up); None unless agreed in both."""
        if self.before_index is None or self.after_index is None:
            return None
        return self.after_index - self.before_index

    @property
    def changed(self) -> bool:
        return self.kind not in ("same", "none")


@dataclass(frozen=True)
class RoleChange:
    """A party's role in a matched activity: role ids, None for no role."""

    party: PartyRef
    before: str | None
    after: str | None


@dataclass(frozen=True)
class ExpectationChange:
    """An expectation added (only in `b`), removed (only in `a`) or changed (state or response)."""

    from_party: PartyRef
    to_party: PartyRef
    before: Expectation | None
    after: Expectation | None

    @property
    def kind(self) -> ChangeKind:
        if self.before is None:
            return "added"
        return "removed" if self.after is None else "changed"

    @property
    def text(self) -> str:
        """The expectation as stated (the later wording when both have it)."""
        shown = self.after or self.before
        assert shown is not None
        return shown.text


@dataclass(frozen=True)
class CommitmentChange:
    """A commitment added (only in `b`) or removed (only in `a`)."""

    party: PartyRef
    before: Commitment | None
    after: Commitment | None

    @property
    def kind(self) -> ChangeKind:
        return "added" if self.before is None else "removed"

    @property
    def text(self) -> str:
        shown = self.after or self.before
        assert shown is not None
        return shown.text


@dataclass(frozen=True)
class ActivityPair:
    """An activity found in both sessions, and what changed in it."""

    a: Activity
    b: Activity
    matched_by: ActivityMatch
    current: RungChange
    wished: RungChange
    parties_added: tuple[PartyRef, ...] = ()
    parties_removed: tuple[PartyRef, ...] = ()
    roles: tuple[RoleChange, ...] = ()
    expectations: tuple[ExpectationChange, ...] = ()
    commitments: tuple[CommitmentChange, ...] = ()

    @property
    def movement(self) -> Movement:
        """How the agreed current rung moved; unrated unless agreed in both sessions."""
        kind = self.current.kind
        if kind in ("up", "down", "same"):
            return kind
        return "unrated"

    @property
    def renamed(self) -> bool:
        return normalise(self.a.title) != normalise(self.b.title)

    @property
    def changed(self) -> bool:
        return bool(
            self.current.changed
            or self.wished.changed
            or self.renamed
            or self.parties_added
            or self.parties_removed
            or self.roles
            or self.expectations
            or self.commitments
        )


@dataclass(frozen=True)
class ActionFollowUp:
    """An action of `a` and what `b` shows of it: done, still open, or dropped."""

    before: Action
    after: Action | None
    matched_by: ActionMatch | None
    owner: PartyRef

    @property
    def status(self) -> ActionStatus:
        if self.after is None:
            return "dropped"
        return "done" if self.after.done else "open"

    @property
    def was_done(self) -> bool:
        """Already done at the time of `a`: no news whether or not `b` still lists it."""
        return self.before.done

    @property
    def changed(self) -> bool:
        return self.after is None or self.after.done != self.before.done


@dataclass(frozen=True)
class Summary:
    """The counts a report opens with.

    Actions count only those still open in `a` (done, still open, dropped by `b`),
    except `actions_open`, which also counts an action done in `a` and reopened in `b`.
    """

    up: int = 0
    down: int = 0
    same: int = 0
    unrated: int = 0
    new: int = 0
    dropped: int = 0
    parties_new: int = 0
    parties_gone: int = 0
    parties_renamed: int = 0
    role_changes: int = 0
    expectation_changes: int = 0
    commitment_changes: int = 0
    actions_done: int = 0
    actions_open: int = 0
    actions_dropped: int = 0
    actions_new: int = 0


@dataclass(frozen=True)
class Comparison:
    """Everything that differs between session `a` and session `b`.

    `pairs` and `dropped` are in `a`'s activity order, `new` in `b`'s; `actions` follow
    `a`'s actions in order, `new_actions` are `b`'s that match none of them.
    """

    a: Session = field(compare=False, repr=False)
    b: Session = field(compare=False, repr=False)
    basis: Basis
    parties: tuple[PartyMatch, ...]
    parties_new: tuple[Party, ...]
    parties_gone: tuple[Party, ...]
    pairs: tuple[ActivityPair, ...]
    new: tuple[Activity, ...]
    dropped: tuple[Activity, ...]
    actions: tuple[ActionFollowUp, ...]
    new_actions: tuple[Action, ...]

    def moved(self, movement: Movement) -> tuple[ActivityPair, ...]:
        return tuple(p for p in self.pairs if p.movement == movement)

    def pair_for(self, activity_id: str) -> ActivityPair | None:
        """The pair of an activity, by its id in either session."""
        return next((p for p in self.pairs if activity_id in (p.a.id, p.b.id)), None)

    def party_name(self, ref: PartyRef) -> str:
        """The party's name as `b` has it, else as `a` had it, else its id."""
        if ref.b is not None and self.b.has_party(ref.b):
            return self.b.party_name(ref.b)
        if ref.a is not None and self.a.has_party(ref.a):
            return self.a.party_name(ref.a)
        return ref.b or ref.a or "?"

    @cached_property
    def summary(self) -> Summary:
        follow_ups = [f for f in self.actions if not f.was_done]
        return Summary(
            up=len(self.moved("up")),
            down=len(self.moved("down")),
            same=len(self.moved("same")),
            unrated=len(self.moved("unrated")),
            new=len(self.new),
            dropped=len(self.dropped),
            parties_new=len(self.parties_new),
            parties_gone=len(self.parties_gone),
            parties_renamed=sum(m.renamed for m in self.parties),
            role_changes=sum(len(p.roles) for p in self.pairs),
            expectation_changes=sum(len(p.expectations) for p in self.pairs),
            commitment_changes=sum(len(p.commitments) for p in self.pairs),
            actions_done=sum(f.status == "done" for f in follow_ups),
            actions_open=sum(f.status == "open" for f in self.actions),
            actions_dropped=sum(f.status == "dropped" for f in follow_ups),
            actions_new=len(self.new_actions),
        )

    @property
    def has_changes(self) -> bool:
        """False when `b` says exactly what `a` said (as when a session meets itself)."""
        return bool(
            self.new
            or self.dropped
            or self.parties_new
            or self.parties_gone
            or self.new_actions
            or any(p.changed for p in self.pairs)
            or any(p.renamed for p in self.parties)
            or any(f.changed for f in self.actions)
        )


# --------------------------------------------------------------------------- matching

T = TypeVar("T")
U = TypeVar("U")
S = TypeVar("S", bound=str)
Key = Callable[[T], Hashable | None]


def normalise(text: str) -> str:
    """Text compared as people read it: NFKC, case folded, punctuation and spacing collapsed.

    Text with no letters or digits at all (an emoji title) keeps its symbols, so that
    two such titles are not all the same empty string.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    words = re.findall(r"[^\W_]+", folded)
    return " ".join(words) if words else " ".join(folded.split())


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
    raise LadderMismatch(
        f"the sessions' ladders differ: {len(a.rungs)} rungs in scenario {a.id!r}, "
        f"{len(b.rungs)} in scenario {b.id!r}; only ladders of the same length can be compared"
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
        out += [ExpectationChange(self.ref_a(e.from_party), self.ref_a(e.to_party), e, None) for e in removed]
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
            *(CommitmentChange(self.ref_a(c.party_id), c, None) for c in removed),
            *(CommitmentChange(self.ref_b(c.party_id), None, c) for c in added),
        )

    # ---------------------------------------------------------------- actions
    def actions(self) -> tuple[tuple[ActionFollowUp, ...], tuple[Action, ...]]:
        steps: list[tuple[ActionMatch, Key[Action], Key[Action]]] = [
            ("id", lambda x: x.id, lambda y: y.id),
            ("text", lambda x: (self.ref_a(x.owner), x.text), lambda y: (self.ref_b(y.owner), y.text)),
            (
                "text",
                lambda x: (self.ref_a(x.owner), normalise(x.text)),
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
            follow_ups.append(ActionFollowUp(x, y, how, self.ref_a(x.owner)))
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


# --------------------------------------------------------------------------- the report


def _when(session: Session) -> str:
    return session.info.date or session.info.created_at[:10]


def rung_name(scenario: Scenario, rung_id: str | None, t: Translator) -> str:
    """ "2. Cooperation", or "not agreed"; a rung the scenario doesn't know shows its id."""
    if rung_id is None:
        return t("compare.rung.none")
    try:
        return scenario.rung_title(rung_id)
    except KeyError:
        return rung_id


def role_name(scenario: Scenario, role_id: str | None, t: Translator) -> str:
    if role_id is None:
        return t("compare.role.none")
    try:
        return scenario.role(role_id).name
    except KeyError:
        return role_id


def _state(e: Expectation, t: Translator) -> str:
    if e.state == "amended":
        return t("compare.state.amended_to", text=e.response)
    key = f"compare.state.{e.state}"
    return t(key) if t.has(key) else e.state


def summary_lines(c: Comparison, t: Translator) -> dict[str, str]:
    """The comparison's summary in three sentences (activities, inside them, next steps).

    Built once here, for the CLI's report and the compare screen alike.
    """
    s = c.summary
    return {
        "activities": t(
            "exchange.summary.activities",
            up=s.up,
            down=s.down,
            same=s.same,
            unrated=s.unrated,
            new=s.new,
            dropped=s.dropped,
        ),
        "inside": t(
            "exchange.summary.inside",
            roles=s.role_changes,
            expectations=s.expectation_changes,
            commitments=s.commitment_changes,
            parties_new=s.parties_new,
            parties_gone=s.parties_gone,
        ),
        "actions": t(
            "exchange.summary.actions",
            done=s.actions_done,
            open=s.actions_open,
            dropped=s.actions_dropped,
            new=s.actions_new,
        ),
    }


def report(c: Comparison, t: Translator) -> list[str]:
    """The comparison as plain text lines, in the translator's language.

    Sections with nothing in them are left out. Lines hold user text as it is stored:
    show them through `facilitator.core.text.one_line`.
    """
    a, b = c.a, c.b
    lines = [
        t(
            "compare.heading",
            a=a.info.title,
            a_date=_when(a),
            b=b.info.title,
            b_date=_when(b),
        ),
        *summary_lines(c, t).values(),
    ]
    if c.basis == "index":
        lines.append(t("compare.basis.index"))
    if not c.has_changes:
        lines.append(t("compare.no_changes"))

    def section(key: str, items: Sequence[str]) -> None:
        if items:
            lines.extend(["", t(key, count=len(items)), *items])

    def rungs(change: RungChange) -> str:
        before, after = rung_name(a.scenario, change.before, t), rung_name(b.scenario, change.after, t)
        if not change.changed and before == after:
            return after
        text = f"{before} → {after}"
        return text if change.delta in (None, 0) else f"{text} ({change.delta:+d})"

    def names(refs: Sequence[PartyRef]) -> str:
        return ", ".join(c.party_name(r) for r in refs)

    def pair_lines(pair: ActivityPair) -> list[str]:
        out = [f"  - {pair.b.title}: {rungs(pair.current)}"]
        if pair.wished.changed:
            out.append("      " + t("compare.line.wished", change=rungs(pair.wished)))
        if pair.renamed:
            out.append("      " + t("compare.line.renamed", title=pair.a.title))
        if pair.parties_added:
            out.append("      " + t("compare.line.joined", parties=names(pair.parties_added)))
        if pair.parties_removed:
            out.append("      " + t("compare.line.left", parties=names(pair.parties_removed)))
        return out

    movements: tuple[Movement, ...] = ("up", "down", "same", "unrated")
    for movement in movements:
        pairs = c.moved(movement)
        if pairs:
            lines.extend(["", t(f"compare.section.{movement}", count=len(pairs))])
            for pair in pairs:
                lines.extend(pair_lines(pair))

    section(
        "compare.section.new",
        [f"  - {x.title}: {rung_name(b.scenario, x.agreed_current, t)}" for x in c.new],
    )
    section(
        "compare.section.dropped",
        [f"  - {x.title}: {rung_name(a.scenario, x.agreed_current, t)}" for x in c.dropped],
    )
    section("compare.section.parties_new", [f"  - {p.name}" for p in c.parties_new])
    section("compare.section.parties_gone", [f"  - {p.name}" for p in c.parties_gone])
    section(
        "compare.section.parties_renamed",
        [f"  - {m.a.name} → {m.b.name}" for m in c.parties if m.renamed],
    )
    section(
        "compare.section.roles",
        [
            f"  - {pair.b.title}: {c.party_name(r.party)}: "
            f"{role_name(a.scenario, r.before, t)} → {role_name(b.scenario, r.after, t)}"
            for pair in c.pairs
            for r in pair.roles
        ],
    )

    def expectation(pair: ActivityPair, e: ExpectationChange) -> str:
        what = t(
            "compare.expectation",
            activity=pair.b.title,
            **{"from": c.party_name(e.from_party), "to": c.party_name(e.to_party)},
            text=e.text,
        )
        if e.before is None:
            assert e.after is not None
            how = t("compare.expectation.added", state=_state(e.after, t))
        elif e.after is None:
            how = t("compare.expectation.removed", state=_state(e.before, t))
        else:
            how = f"{_state(e.before, t)} → {_state(e.after, t)}"
        return f"  - {what}: {how}"

    section(
        "compare.section.expectations",
        [expectation(pair, e) for pair in c.pairs for e in pair.expectations],
    )
    section(
        "compare.section.commitments",
        [
            "  - "
            + t(
                f"compare.commitment.{ch.kind}",
                activity=pair.b.title,
                party=c.party_name(ch.party),
                text=ch.text,
            )
            for pair in c.pairs
            for ch in pair.commitments
        ],
    )

    def action(owner: str, text: str) -> str:
        return "  - " + t("compare.action", owner=owner, text=text)

    section(
        "compare.section.actions_done",
        [
            action(c.party_name(f.owner), f.before.text)
            for f in c.actions
            if f.status == "done" and not f.was_done
        ],
    )
    section(
        "compare.section.actions_open",
        [action(c.party_name(f.owner), f.before.text) for f in c.actions if f.status == "open"],
    )
    section(
        "compare.section.actions_dropped",
        [
            action(c.party_name(f.owner), f.before.text)
            for f in c.actions
            if f.status == "dropped" and not f.was_done
        ],
    )
    section(
        "compare.section.actions_new",
        [action(b.party_name(x.owner), x.text) for x in c.new_actions],
    )
    return lines
