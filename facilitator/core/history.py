"""The history of a partnership: a series of sessions, each made from the one before.

`load_series` follows `previous_id` back from a session to the first of its series;
`history` reads the series once into plain numbers that every format draws: each
activity's agreed and wished rung per session, the partnership matrix per session with
the pairs gained and lost, each party's steps (done, on time) and commitments (kept,
as the next session's follow-up recorded), and the approaches and flows in use.
Pure functions over `Session`s; parties and activities are followed by id, which
`new --from` keeps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from facilitator.core.errors import SessionNotFound, UserError
from facilitator.core.i18n import Translator, reason
from facilitator.core.matrices import partnership_matrix
from facilitator.core.model import Action, Session

MAX_SERIES = 60  # far more meetings than a partnership holds; a longer chain is a loop of files


GONE, UNREADABLE, LOOP, TOO_LONG = "gone", "unreadable", "loop", "too_long"
"""Why the series can't be followed further back than its oldest session shown."""


@dataclass(frozen=True)
class Series:
    """The sessions of one partnership, oldest first, and the earlier one that could not be followed."""

    sessions: tuple[Session, ...]
    missing: str | None = None  # the id the oldest session shown names as its predecessor, if not followed
    missing_reason: str = ""  # why it could not be read (UNREADABLE), in the reader's language
    end: str = ""  # why the series stops at `missing`: GONE, UNREADABLE, LOOP or TOO_LONG


def load_series(open_session: Callable[[str], Session], ref: str) -> Series:
    """The series that ends with `ref`: its predecessor, that one's, and so on back to the first.

    `open_session` opens a session by id (the library's). A predecessor that was deleted or
    can't be read ends the series there, and says so; so does a chain that comes back to a
    session already seen (files edited by hand) or that is longer than any partnership's.
    """
    newest = open_session(ref)
    chain = [newest]
    seen = {newest.id}
    missing, why, end = None, "", ""
    while chain[-1].info.previous_id:
        previous = chain[-1].info.previous_id
        if previous in seen or len(chain) >= MAX_SERIES:
            missing, end = previous, LOOP if previous in seen else TOO_LONG
            break
        try:
            earlier = open_session(previous)
        except SessionNotFound:
            missing, end = previous, GONE
            break
        except UserError as error:
            missing, why, end = previous, reason(error), UNREADABLE  # said later in the reader's language
            break
        seen.add(earlier.id)
        chain.append(earlier)
    return Series(tuple(reversed(chain)), missing, why, end)


def series_notes(series: Series, t: Translator) -> list[str]:
    """What the history says about where its series starts: the first of its series, or the
    workshop the oldest one shown continues and why the series before can't be followed."""
    first = series.sessions[0].id
    if series.missing is None:
        return [t("history.single")] if len(series.sessions) == 1 else []
    return [t(f"history.end.{series.end}", first=first, id=series.missing, reason=series.missing_reason)]


@dataclass(frozen=True)
class Point:
    """An activity in one session: its agreed rung now and wished (0-based indexes), if agreed."""

    current: int | None
    wished: int | None


@dataclass(frozen=True)
class ActivityLine:
    """One activity over the series; `points[i]` is None where session i did not have it."""

    id: str
    title: str
    points: tuple[Point | None, ...]


@dataclass(frozen=True)
class PairsYear:
    """The partnership matrix of one session: pair → highest agreed rung (index, or -1: none agreed)."""

    pairs: dict[tuple[str, str], int]
    gained: tuple[tuple[str, str], ...]  # pairs that share an activity now and did not last time
    lost: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class PartyYear:
    """One party's record in one session: its steps (less those the next follow-up found no longer
    needed), and its promises (commitments, accepted or amended expectations) as followed up later."""

    steps: int
    done: int
    on_time: int
    commitments: int
    kept: int | None  # None: not followed up (the last session, or no follow-up recorded)


@dataclass(frozen=True)
class History:
    series: Series
    rungs: tuple[str, ...]  # the ladder's rung titles ("2. Cooperation"), for every chart's axis
    activities: tuple[ActivityLine, ...]
    pairs: tuple[PairsYear, ...]
    party_names: dict[str, str]  # every party that took part in any session, by id (latest name)
    parties: dict[str, tuple[PartyYear | None, ...]]  # None where the party was not in that session
    approaches: tuple[dict[str, int], ...]  # per session: approach name → activities following it
    flows: tuple[dict[str, int], ...]

    @property
    def sessions(self) -> tuple[Session, ...]:
        return self.series.sessions


def session_label(session: Session) -> str:
    """How a session is named on an axis: its date (as stored), else the day it was made."""
    return session.info.date or session.info.created_at[:10]


def _index(session: Session, rung_id: str | None) -> int | None:
    if rung_id is None:
        return None
    try:
        return session.scenario.rung_index(rung_id)
    except KeyError:
        return None


def _activity_lines(sessions: tuple[Session, ...]) -> tuple[ActivityLine, ...]:
    order: list[str] = []
    titles: dict[str, str] = {}
    for s in sessions:
        for a in s.activities:
            if a.id not in titles:
                order.append(a.id)
            titles[a.id] = a.title  # the newest wording
    lines = []
    for activity_id in order:
        points: list[Point | None] = []
        for s in sessions:
            if s.has_activity(activity_id):
                a = s.activity(activity_id)
                points.append(Point(_index(s, a.agreed_current), _index(s, a.agreed_wished)))
            else:
                points.append(None)
        lines.append(ActivityLine(activity_id, titles[activity_id], tuple(points)))
    return tuple(lines)


def _pairs(sessions: tuple[Session, ...]) -> tuple[PairsYear, ...]:
    out: list[PairsYear] = []
    before: dict[tuple[str, str], int] = {}
    for i, s in enumerate(sessions):
        pairs: dict[tuple[str, str], int] = {}
        for (a, b), pair in partnership_matrix(s).items():
            level = _index(s, pair.highest)
            pairs[(min(a, b), max(a, b))] = level if level is not None else -1  # ids: same across years
        gained = tuple(k for k in pairs if k not in before) if i else ()
        lost = tuple(k for k in before if k not in pairs) if i else ()
        out.append(PairsYear(pairs, gained, lost))
        before = pairs
    return tuple(out)


def done_at(session: Session, action: Action) -> str | None:
    """The day (ISO) a step was last marked done, from the log: the change that did it, or its
    adding when it was added done. None when it is not done or the log doesn't tell."""
    if not action.done:
        return None
    when = None
    for event in session.events:
        data = event.data
        if data.get("id") != action.id:
            continue
        if (event.kind == "action.updated" and data.get("done") is True) or (
            event.kind == "action.added" and data.get("done") is True
        ):
            when = event.at
    if when is None:
        return None
    try:
        return dt.datetime.fromisoformat(when).date().isoformat()
    except ValueError:
        return when[:10]


def on_time(session: Session, action: Action) -> bool:
    """Done by its due date (a step without one: done at all)."""
    if not action.done:
        return False
    if not action.due:
        return True
    day = done_at(session, action)
    return day is None or day <= action.due


def _promised(session: Session, party_id: str) -> list[str]:
    """The ids of what a party promised in a session: its commitments and the expectations it
    accepted or amended (the follow-up carries both as its promises)."""
    return [c.id for c in session.commitments if c.party_id == party_id] + [
        e.id for e in session.expectations if e.to_party == party_id and e.state in ("accepted", "amended")
    ]


def _party_year(session: Session, later: Session | None, party_id: str) -> PartyYear:
    """A party's record in `session`; `later`'s follow-up tells what came of its promises, and a
    step it recorded as no longer needed is not counted as one left undone."""
    from facilitator.core.followup import outcomes_of

    outcomes = outcomes_of(later, session.id) if later is not None else {}
    steps = [x for x in session.actions if x.owner == party_id and outcomes.get(x.id) != "dropped"]
    promised = _promised(session, party_id)
    return PartyYear(
        steps=len(steps),
        done=sum(1 for x in steps if x.done),
        on_time=sum(1 for x in steps if on_time(session, x)),
        commitments=len(promised),
        kept=sum(1 for i in promised if outcomes.get(i) == "done") if outcomes else None,
    )


def _party_years(sessions: tuple[Session, ...]) -> dict[str, tuple[PartyYear | None, ...]]:
    ids: list[str] = []
    for s in sessions:
        ids.extend(p.id for p in s.parties if p.id not in ids)
    out: dict[str, tuple[PartyYear | None, ...]] = {}
    for party_id in ids:
        out[party_id] = tuple(
            _party_year(s, sessions[i + 1] if i + 1 < len(sessions) else None, party_id)
            if s.has_party(party_id)
            else None
            for i, s in enumerate(sessions)
        )
    return out


def _counts(session: Session, names: Callable[[Session, tuple[str, ...]], list[str]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for a in session.activities:
        for name in names(session, a.approaches):
            counts[name] = counts.get(name, 0) + 1
    return counts


def _approach_names(session: Session, ids: tuple[str, ...]) -> list[str]:
    out = []
    for approach_id in ids:
        try:
            out.append(session.scenario.approach(approach_id).name)
        except KeyError:
            out.append(approach_id)
    return out


def _flow_counts(session: Session) -> dict[str, int]:
    counts: dict[str, int] = {}
    for a in session.activities:
        for flow_id in a.flows:
            name = session.scenario.flow_name(flow_id)
            counts[name] = counts.get(name, 0) + 1
    return counts


def history(series: Series) -> History:
    """Everything the history shows, read once from the series."""
    sessions = series.sessions
    newest = sessions[-1]
    names: dict[str, str] = {}
    for s in sessions:
        names.update({p.id: p.name for p in s.parties})
    return History(
        series=series,
        rungs=tuple(newest.scenario.rung_title(r.id) for r in newest.scenario.rungs),
        activities=_activity_lines(sessions),
        pairs=_pairs(sessions),
        party_names=names,
        parties=_party_years(sessions),
        approaches=tuple(_counts(s, _approach_names) for s in sessions),
        flows=tuple(_flow_counts(s) for s in sessions),
    )


NONE = "—"


def point_text(point: Point | None, t: Translator) -> str:
    """An activity in one session, as a cell: "2", "2 → 3", "not agreed", "not in this workshop"."""
    if point is None:
        return t("history.absent")
    if point.current is None:
        return t("history.not_agreed")
    value = str(point.current + 1)
    if point.wished is not None and point.wished != point.current:
        value += f" → {point.wished + 1}"
    return value


def steps_text(year: PartyYear | None, t: Translator) -> str:
    """A party's steps in one session: "done/all (on time)", "—" without steps."""
    if year is None:
        return t("history.absent")
    return f"{year.done}/{year.steps} ({year.on_time})" if year.steps else NONE


def kept_text(year: PartyYear | None, t: Translator) -> str:
    """A party's promises in one session: "kept/all", "?/all" until followed up, "—" without any."""
    if year is None:
        return t("history.absent")
    if not year.commitments:
        return NONE
    return f"{'?' if year.kept is None else year.kept}/{year.commitments}"


def quiet(text: str, t: Translator) -> bool:
    """Whether a cell says that there is nothing (shown muted)."""
    return text in (NONE, t("history.absent"), t("history.not_agreed"))
