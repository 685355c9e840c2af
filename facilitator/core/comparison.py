"""What a comparison of two sessions finds: the result types of `facilitator.core.compare`.

Plain frozen data over the two `Session`s, read by the CLI's report and the compare screen.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from facilitator.core.errors import UserError
from facilitator.core.model import Action, Activity, Commitment, Expectation, FollowUp, Party, Session


def outcome_key(followup: FollowUp) -> str:
    """What the follow-up recorded of an item, as a catalogue key's last part: done, partly,
    not_done, dropped; none until the room has recorded (or confirmed) it."""
    return followup.outcome if followup.outcome and followup.confirmed else "none"


Dated = tuple[str, str, str]
"""A session as time order sees it: (id, the id it continues or "", its day as ISO)."""


def later_first(a: Dated, b: Dated) -> bool:
    """Whether `a` comes after `b`, so that a comparison in time order swaps them: `a` continues
    `b` (`new --from`), or, neither continuing the other, `a` is dated later."""
    if a[1] == b[0] or b[1] == a[0]:
        return a[1] == b[0]
    return a[2] > b[2]


def dated(session: Session) -> Dated:
    """A session's place in time order."""
    info = session.info
    return (info.id, info.previous_id or "", info.date or info.created_at[:10])


def normalise(text: str) -> str:
    """Text compared as people read it: NFKC, case folded, punctuation and spacing collapsed.

    Text with no letters or digits at all (an emoji title) keeps its symbols, so that
    two such titles are not all the same empty string.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    words = re.findall(r"[^\W_]+", folded)
    return " ".join(words) if words else " ".join(folded.split())


Basis = Literal["id", "index"]
ActivityMatch = Literal["id", "title"]
PartyMatchKind = Literal["id", "suggested_id", "name"]
ActionMatch = Literal["id", "carried", "text"]
RungChangeKind = Literal["up", "down", "same", "agreed", "cleared", "none"]
Movement = Literal["up", "down", "same", "unrated"]
ChangeKind = Literal["added", "removed", "changed"]
ActionStatus = Literal["done", "open", "dropped", "followed"]


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

    The ids are each in its own session's scenario; the indexes (0 = the first rung) are
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
    followup: FollowUp | None = None  # what `b`'s follow-up holds of an expectation `b` no longer has

    @property
    def kind(self) -> ChangeKind:
        if self.before is None:
            return "added"
        return "removed" if self.after is None else "changed"

    @property
    def text(self) -> str:
        """The expectation as stated (the later wording when both have it); one `b` followed up
        by the wording agreed last time, as the follow-up itself quotes it."""
        if self.followup is not None and self.before is not None:
            return self.before.effective_text
        shown = self.after or self.before
        assert shown is not None
        return shown.text

    @property
    def original(self) -> str:
        """The wording first asked, where the follow-up is about an amended one ("" otherwise)."""
        if self.followup is not None and self.before is not None and self.before.text != self.text:
            return self.before.text
        return ""


@dataclass(frozen=True)
class CommitmentChange:
    """A commitment added (only in `b`) or removed (only in `a`)."""

    party: PartyRef
    before: Commitment | None
    after: Commitment | None
    followup: FollowUp | None = None  # what `b`'s follow-up holds of a commitment of `a`

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
    """An action of `a` and what `b` shows of it: done, still open, followed up (`b` continues `a`
    and carries it as an item to follow up; `after` is then the step it was carried over as, if
    it was), or dropped."""

    before: Action
    after: Action | None
    matched_by: ActionMatch | None
    owner: PartyRef
    followup: FollowUp | None = None

    @property
    def status(self) -> ActionStatus:
        if self.followup is not None:
            return "followed"
        if self.after is None:
            return "dropped"
        return "done" if self.after.done else "open"

    @property
    def was_done(self) -> bool:
        """Already done at the time of `a`: no news whether or not `b` still lists it."""
        return self.before.done

    @property
    def changed(self) -> bool:
        return self.followup is not None or self.after is None or self.after.done != self.before.done


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
    actions_followed: int = 0  # carried into `b` to follow up (`b` continues `a`)
    actions_pending: int = 0  # of those, not followed up yet


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
            actions_followed=sum(f.status == "followed" for f in follow_ups),
            actions_pending=sum(
                f.followup is not None and outcome_key(f.followup) == "none" for f in follow_ups
            ),
        )

    @property
    def series(self) -> bool:
        """`b` was made from `a` (`new --from`): what `a` promised is followed up in `b`."""
        return self.b.info.previous_id == self.a.info.id

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
