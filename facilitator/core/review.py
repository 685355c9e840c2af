"""Reviewing a saved session: the dashboard's numbers and the timeline, read-only.

Pure functions and one small class over the model, shared by the review screen and its
tests; nothing here writes to a session file.

* `dashboard(session, today)`: counts per rung, approaches, the partnership matrix as
  pairs, open mismatches, actions by owner and due date, and sign-off per activity.
* `describe_events(...)`: one line per recorded event (local time, who, what) in the
  interface language. Names are those the session had at the time of the event, and a
  blind placement never says where it was placed: rungs appear from the reveal on.
* `Timeline`: the session as it stood after any number of events. It replays the event
  log with the same handlers the live service uses, keeping a checkpoint of the tables
  every `every` events, so stepping costs at most `every` events and one model build,
  however long the log is.
* `board_groups(session, t)`: the ladder as text, highest rung first, then the activities
  not yet on it, with whether their placements are still hidden or revealed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from facilitator.core.authorship import logged_by_facilitator
from facilitator.core.changes import Names, apply_change, describe
from facilitator.core.errors import UserError
from facilitator.core.i18n import Translator, reason
from facilitator.core.kinds.base import phase_name
from facilitator.core.matrices import partnership_matrix, rung_counts
from facilitator.core.mismatches import Mismatch, counts_by_kind, mismatches
from facilitator.core.model import Activity, BuildCache, Event, Placement, Session
from facilitator.core.party import party_view
from facilitator.core.scenario import Scenario
from facilitator.core.store import Data
from facilitator.core.tables_db import MemoryTablesStorage, tinydb_over
from facilitator.core.text import one_line

CHECKPOINT_EVERY = 100
"""Events between two kept states of the timeline: a jump replays fewer than this many."""


# --------------------------------------------------------------------------- the dashboard


@dataclass(frozen=True)
class RungRow:
    """One rung: how many activities the room agreed are there now, and wish to be there."""

    rung_id: str
    title: str
    current: int
    wished: int


@dataclass(frozen=True)
class ApproachRow:
    """One approach (None: no approach chosen) and how many activities take it."""

    approach_id: str | None
    name: str
    count: int


@dataclass(frozen=True)
class PairRow:
    """Two parties, the activities they share, and the highest rung agreed among them."""

    a: str
    b: str
    activities: int
    agreed: int
    highest: str | None  # rung title ("2. Cooperation"), None when none is agreed


@dataclass(frozen=True)
class ActionRow:
    """A next step, ordered by owner and due date; `overdue` is an open step past its date."""

    action_id: str
    text: str
    owner_id: str
    owner: str
    due: str | None
    done: bool
    overdue: bool
    activity: str  # the activity's title, "" when the action stands on its own


@dataclass(frozen=True)
class SignoffRow:
    """How many of an activity's parties have signed off, and who is still missing."""

    activity_id: str
    title: str
    signed: int
    total: int
    missing: tuple[str, ...]

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.signed == self.total


@dataclass(frozen=True)
class Dashboard:
    """Everything the review dashboard shows, computed once per session."""

    activities: int
    agreed: int
    rungs: tuple[RungRow, ...]
    approaches: tuple[ApproachRow, ...]
    pairs: tuple[PairRow, ...]
    mismatches: tuple[Mismatch, ...]
    mismatch_counts: Mapping[str, int]
    actions: tuple[ActionRow, ...]
    signoffs: tuple[SignoffRow, ...]

    @property
    def open_actions(self) -> int:
        return sum(1 for a in self.actions if not a.done)

    @property
    def overdue_actions(self) -> int:
        return sum(1 for a in self.actions if a.overdue)

    @property
    def done_actions(self) -> int:
        return sum(1 for a in self.actions if a.done)

    @property
    def fully_signed(self) -> int:
        return sum(1 for s in self.signoffs if s.complete)


def dashboard(session: Session, today: dt.date | None = None) -> Dashboard:
    """The review dashboard's numbers; `today` decides which open actions are overdue."""
    today = today or dt.date.today()
    session = party_view(session, None)  # the room's view: nobody's blind placement
    scenario = session.scenario
    counts = rung_counts(session)
    rungs = tuple(
        RungRow(r.id, scenario.rung_title(r.id), counts[r.id][0], counts[r.id][1]) for r in scenario.rungs
    )
    # An activity may follow several approaches: it counts once for each.
    by_approach: dict[str, int] = {}
    for activity in session.activities:
        for approach_id in activity.approaches:
            by_approach[approach_id] = by_approach.get(approach_id, 0) + 1
    approaches = tuple(ApproachRow(a.id, a.name, by_approach.get(a.id, 0)) for a in scenario.approaches)
    known = {a.id for a in scenario.approaches}
    unset = sum(1 for a in session.activities if not known & set(a.approaches))
    approaches += (ApproachRow(None, "", unset),)

    order = {p.id: i for i, p in enumerate(session.parties)}
    matrix = partnership_matrix(session)
    pairs = tuple(
        PairRow(
            session.party_name(p.a),
            session.party_name(p.b),
            p.activities,
            p.agreed,
            scenario.rung_title(p.highest) if p.highest is not None else None,
        )
        for p in sorted(matrix.values(), key=lambda p: (-p.activities, order[p.a], order[p.b]))
    )

    found = mismatches(session)
    return Dashboard(
        activities=len(session.activities),
        agreed=sum(1 for a in session.activities if a.agreed_current is not None),
        rungs=rungs,
        approaches=approaches,
        pairs=pairs,
        mismatches=tuple(found),
        mismatch_counts=counts_by_kind(found),
        actions=action_rows(session, today),
        signoffs=signoff_rows(session),
    )


def action_rows(session: Session, today: dt.date) -> tuple[ActionRow, ...]:
    """Every action by owner (in party order), open before done, then by due date (none last)."""
    order = {p.id: i for i, p in enumerate(session.parties)}
    iso_today = today.isoformat()
    rows = []
    for action in session.actions:
        activity = (
            session.activity(action.activity_id).title
            if action.activity_id and session.has_activity(action.activity_id)
            else ""
        )
        rows.append(
            ActionRow(
                action.id,
                action.text,
                action.owner,
                session.party_name(action.owner),
                action.due,
                action.done,
                not action.done and action.due is not None and action.due < iso_today,
                activity,
            )
        )
    rows.sort(key=lambda r: (order.get(r.owner_id, len(order)), r.done, r.due is None, r.due or ""))
    return tuple(rows)


def signoff_rows(session: Session) -> tuple[SignoffRow, ...]:
    """Sign-off per activity: k of n parties, and the names still missing."""
    rows = []
    for activity in session.activities:
        signed = {s.party_id for s in session.signoffs_for(activity.id)}
        missing = tuple(session.party_name(p) for p in activity.party_ids if p not in signed)
        rows.append(
            SignoffRow(
                activity.id,
                activity.title,
                len(activity.party_ids) - len(missing),
                len(activity.party_ids),
                missing,
            )
        )
    return tuple(rows)


# --------------------------------------------------------------------------- the board as text


@dataclass(frozen=True)
class BoardItem:
    """One activity as the timeline's board shows it: plain text, never markup."""

    activity_id: str
    title: str
    status: str


@dataclass(frozen=True)
class BoardGroup:
    """A rung (highest first) or, last, the activities not yet on the ladder (`rung_id` None)."""

    rung_id: str | None
    heading: str
    items: tuple[BoardItem, ...]


def _current_round(session: Session) -> dict[str, list[Placement]]:
    rounds = {a.id: a.round for a in session.activities}
    out: dict[str, list[Placement]] = {}
    for placement in session.placements:
        if rounds.get(placement.activity_id) == placement.round:
            out.setdefault(placement.activity_id, []).append(placement)
    return out


def _views(session: Session, activity: Activity, placements: Sequence[Placement]) -> str:
    """ "Police 1→2 · Town 2→3": only ever called for revealed rounds."""
    scenario = session.scenario
    by_party = {p.party_id: p for p in placements}
    return " · ".join(
        f"{session.party_name(p.party_id)} "
        f"{scenario.rung_index(p.current) + 1}→{scenario.rung_index(p.wished) + 1}"
        for p in (by_party[party] for party in activity.party_ids if party in by_party)
    )


def board_status(session: Session, activity: Activity, placements: Sequence[Placement], t: Translator) -> str:
    """Where the activity stands, in words and symbols; hidden placements stay hidden."""
    scenario = session.scenario
    parts: list[str] = []
    involved = set(activity.party_ids)
    placed = [p for p in placements if p.party_id in involved]
    if activity.agreed_current is not None:
        parts.append(t("review.board.agreed"))
        wished = activity.agreed_wished
        if wished is not None and wished != activity.agreed_current:
            parts.append(t("review.board.wished", rung=scenario.rung_title(wished)))
    elif not involved:
        parts.append(t("review.board.no_parties"))
    elif not activity.revealed:
        if placed:
            parts.append(t("review.board.placed", placed=len(placed), total=len(involved)))
        else:
            parts.append(t("review.board.not_placed"))
    else:
        views = {(p.current, p.wished) for p in placed}
        key = "review.board.same" if len(views) <= 1 else "review.board.differ"
        parts.append(t(key, views=_views(session, activity, placed) or t("review.none")))
    if activity.round > 1:
        parts.append(t("review.board.round", round=activity.round))
    return " · ".join(parts)


def board_groups(session: Session, t: Translator) -> tuple[BoardGroup, ...]:
    """The ladder, highest rung first, then the tray of activities with no agreed rung."""
    session = party_view(session, None)  # a frame before a reveal says who placed, not where
    scenario = session.scenario
    placements = _current_round(session)
    groups: dict[str | None, list[BoardItem]] = {r.id: [] for r in scenario.rungs}
    groups[None] = []
    for activity in session.activities:
        key = activity.agreed_current if activity.agreed_current in groups else None
        groups[key].append(
            BoardItem(
                activity.id,
                activity.title,
                board_status(session, activity, placements.get(activity.id, ()), t),
            )
        )
    out = [
        BoardGroup(
            r.id,
            t("review.board.rung", rung=scenario.rung_title(r.id), count=len(groups[r.id])),
            tuple(groups[r.id]),
        )
        for r in reversed(scenario.rungs)
    ]
    out.append(BoardGroup(None, t("review.board.tray", count=len(groups[None])), tuple(groups[None])))
    return tuple(out)


# --------------------------------------------------------------------------- the event log in words


@dataclass(frozen=True)
class EventLine:
    """One event for the timeline list: when (local time), who, what, and what it concerns."""

    seq: int
    when: str
    who: str
    what: str
    kind: str
    activity_id: str | None = None
    phase_id: str | None = None
    frame: int = 0
    """How many events of the log the session has had once this line's change is made."""


@dataclass(frozen=True)
class PhaseStart:
    """A `phase.changed` event: the timeline frame right after it, and the phase's name."""

    frame: int
    phase_id: str
    name: str
    when: str


def local_times(stamps: Sequence[str], tz: dt.tzinfo | None = None) -> list[str]:
    """Stamps in local time: "14:03:22", or with the date when the log spans several days."""
    parsed: list[dt.datetime | None] = []
    for stamp in stamps:
        try:
            when = dt.datetime.fromisoformat(stamp)
        except (TypeError, ValueError):
            parsed.append(None)
            continue
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        parsed.append(when.astimezone(tz))
    days = {p.date() for p in parsed if p is not None}
    fmt = "%H:%M:%S" if len(days) <= 1 else "%Y-%m-%d %H:%M:%S"
    return [
        p.strftime(fmt) if p is not None else one_line(str(s)) for p, s in zip(parsed, stamps, strict=True)
    ]


def by_facilitator(event: Event, names: Names) -> bool:
    """Whether the facilitator made the change (in the app): `logged_by_facilitator`, a party's
    id as actor counting for parties since removed too."""
    return logged_by_facilitator(
        event, lambda actor: actor in names.parties or names.session.has_party(actor)
    )


def actor_name(event: Event, names: Names, t: Translator) -> str:
    """Who made the change: the facilitator (by the word for them), else the name the log
    keeps (the name typed on a phone)."""
    return t("review.actor.facilitator") if by_facilitator(event, names) else one_line(event.actor)


def entered_how(event: Event, speaker: str | None, names: Names, t: Translator) -> str:
    """What a line adds about how the change came in: from which phone (its device, as the log
    keeps it), or, for a party's own word, that the facilitator entered it for that party.
    A change the log names neither way (no device, another name) is told as logged."""
    if event.device:
        return t("review.event.from_phone", device=one_line(event.device, 16))
    if speaker is not None and by_facilitator(event, names):
        return t("review.event.entered_for", party=names.party(speaker))
    return ""


def describe_events(
    session: Session, t: Translator, tz: dt.tzinfo | None = None, events: Sequence[Event] | None = None
) -> list[EventLine]:
    """Every event of the session (or the given ones, from the start) as a line for the timeline."""
    log = party_view(session, None).events if events is None else events  # blind rungs never told
    scenario = session.scenario
    names = Names(session)
    times = local_times([e.at for e in log], tz)
    out: list[EventLine] = []
    previous: Event | None = None
    for frame, (event, when) in enumerate(zip(log, times, strict=True), start=1):
        who = actor_name(event, names, t)
        what, activity_id, speaker = describe(event, names, scenario, t)
        what += entered_how(event, speaker, names, t)
        phase = event.data.get("phase") if event.kind == "phase.changed" else None
        line = EventLine(
            event.seq,
            when,
            one_line(who),
            one_line(what),
            event.kind,
            activity_id,
            phase if isinstance(phase, str) else None,
            frame,
        )
        if out and previous is not None and same_direct_move(previous, event):
            out[-1] = line  # a run of moves on the board is one agreement: where the card ended up
        else:
            out.append(line)
        previous = event
    return out


DIRECT_MOVE = frozenset({"id", "current"})
"""What the board records when a card is moved with u/d or dragged (no placement round)."""


def same_direct_move(before: Event, after: Event) -> bool:
    """Two moves in a row of the same card, by the same person: one agreement, told once."""
    return (
        before.kind == after.kind == "activity.agreed"
        and set(before.data) == set(after.data) == DIRECT_MOVE
        and before.data.get("id") == after.data.get("id")
        and before.actor == after.actor
    )


def phase_starts(lines: Sequence[EventLine], scenario: Scenario) -> tuple[PhaseStart, ...]:
    """Where each phase began: the frame right after each `phase.changed` event, in order."""
    return tuple(
        PhaseStart(index, line.phase_id, phase_name(scenario, line.phase_id), line.when)
        for index, line in enumerate(lines, start=1)
        if line.kind == "phase.changed" and line.phase_id is not None
    )


def phase_number(scenario: Scenario, phase_id: str) -> int | None:
    """The phase's place in the agenda (1-based), as the workshop's stepper shows it."""
    return next((i for i, p in enumerate(scenario.agenda, start=1) if p.id == phase_id), None)


def next_phase_start(starts: Sequence[PhaseStart], frame: int, step: int) -> PhaseStart | None:
    """The nearest phase start after (`step` 1) or before (`step` -1) the given frame."""
    if step > 0:
        return next((s for s in starts if s.frame > frame), None)
    return next((s for s in reversed(starts) if s.frame < frame), None)


# --------------------------------------------------------------------------- replay with checkpoints


class TimelineError(UserError):
    """The event log can't be replayed past some event (a damaged or hand-edited file)."""

    def __init__(self, event: int, reason: str) -> None:
        super().__init__(f"event {event}: {reason}")
        self.event = event
        self.reason = reason


class Timeline:
    """The session after any prefix of its event log, replayed with checkpoints.

    `frame(k)` is the session after the first k events (0: as created), equal to
    `service.replay(meta, events[:k], scenario)`. Tables are kept every `every` events;
    they are cheap to keep because the store's tables replace documents and whole
    table dicts, never edit them, so a checkpoint is a shallow copy of the top level.
    The states passed on the way to the last frame asked for are kept too (a "window"
    of at most `every` of them), so stepping back and forth one change at a time, as
    people do with the arrow keys, replays nothing at all.
    Safe to use from a worker thread: one lock guards the checkpoints.
    """

    def __init__(
        self,
        meta: Mapping[str, Any],
        events: Iterable[Event],
        scenario: Scenario,
        every: int = CHECKPOINT_EVERY,
    ) -> None:
        self.events: tuple[Event, ...] = tuple(events)
        self.scenario = scenario
        self.every = max(int(every), 1)
        start = {**meta, **meta.get("initial", {})}
        self._checkpoints: dict[int, Data] = {0: {"meta": {"session": dict(start)}}}
        self._window: dict[int, Data] = {}
        # Tables that are the same objects as in the frame built last are not built again.
        self._build_cache: BuildCache = {}
        self._lock = threading.Lock()
        self._last: tuple[int, Session] | None = None
        self.broken: TimelineError | None = None

    def __len__(self) -> int:
        """Frames: before the first event, and after each one."""
        return len(self.events) + 1

    @property
    def checkpoints(self) -> tuple[int, ...]:
        return tuple(sorted(self._checkpoints))

    def clamp(self, frame: int) -> int:
        return min(max(frame, 0), len(self.events))

    def frame(self, frame: int) -> Session:
        """The session after the first `frame` events; raises `TimelineError` past a broken event."""
        session = self.frame_unless(frame, lambda: False)
        assert session is not None
        return session

    def frame_unless(self, frame: int, stop: Callable[[], bool]) -> Session | None:
        """`frame`, or None when `stop()` says (once it is this call's turn) that it's no longer wanted."""
        frame = self.clamp(frame)
        with self._lock:
            if stop():
                return None
            if self._last is not None and self._last[0] == frame:
                return self._last[1]
            tables = self._tables(frame)
            try:
                session = Session.from_tables(tables, self.scenario, self._build_cache)
            except (KeyError, TypeError, ValueError, AttributeError) as error:
                raise TimelineError(frame, f"{type(error).__name__}: {error}") from None
            # The log itself is not replayed into a table (that would copy it at every step).
            session = dataclasses.replace(session, events=self.events[:frame])
            self._last = (frame, session)
            return session

    def warm(self, stop: Callable[[], bool] = lambda: False) -> None:
        """Build every checkpoint ahead of time, one stretch at a time, until `stop()` says so."""
        while not stop():
            with self._lock:
                top = max(self._checkpoints)
                if top >= len(self.events) or (self.broken is not None and self.broken.event <= top + 1):
                    return
                target = min(top + self.every, len(self.events))
                try:
                    self._tables(target, window=False)
                except TimelineError:
                    return

    def _tables(self, frame: int, window: bool = True) -> Data:
        """The tables after `frame` events; `window`: keep the states on the way (see the class)."""
        if self.broken is not None and frame >= self.broken.event:
            raise self.broken
        known = self._window.get(frame, self._checkpoints.get(frame))
        if known is not None:
            return known
        base = max(c for c in self._checkpoints if c <= frame)
        start = self._checkpoints[base]
        if window:
            # Go on from the window when it holds a later state than the checkpoint.
            nearer = max((w for w in self._window if base < w <= frame), default=None)
            if nearer is None or len(self._window) >= self.every:
                self._window = {base: start}
            else:
                base, start = nearer, self._window[nearer]
        storage = MemoryTablesStorage(dict(start))
        db = tinydb_over(storage)
        for index in range(base, frame):
            event = self.events[index]
            try:
                apply_change(db, self.scenario, event.kind, dict(event.data), event.at, event.actor)
            except (UserError, KeyError, TypeError, ValueError, AttributeError) as error:
                self.broken = TimelineError(index + 1, reason(error))  # said in the reader's language
                raise self.broken from None
            done = index + 1
            state = dict(storage.data)
            if window and len(self._window) < self.every:
                self._window[done] = state
            if (done % self.every == 0 or done == len(self.events)) and done not in self._checkpoints:
                self._checkpoints[done] = state
        return storage.data
