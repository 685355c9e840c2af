"""Changes to the session as a whole: its details, and what the room is on.

The room's focus is session data, so that every process (the facilitator's app, the
participants' phones) follows the facilitator: the phase, each phase's timer, and the
activity open for blind placement (its round and reveal are on the activity).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from facilitator.core.errors import ChangeRejected
from facilitator.core.i18n import Worded
from facilitator.core.kinds.base import SESSION_FIELDS, Context, Telling, a_date, handles
from facilitator.core.model import TIMERS
from facilitator.core.schema.events import (
    PhaseChanged,
    PlacementOpened,
    SessionClosed,
    SessionReopened,
    SessionUpdated,
    TimerSet,
)
from facilitator.core.schema.vocabulary import SETUP_PHASE, TIMER_COMMANDS
from facilitator.core.timer import PhaseTimer

__all__ = ["SETUP_PHASE", "TIMER_COMMANDS", "epoch", "stop_running_timers"]


def _told_updated(d: SessionUpdated, tell: Telling) -> str:
    t = tell.t
    fields = [t(f"review.field.{k}") for k in d if t.has(f"review.field.{k}")]
    return t("review.event.session.updated", fields=", ".join(fields) or t("review.none"))


@handles("session.updated", describe=_told_updated)
def _session_updated(ctx: Context, data: SessionUpdated) -> None:
    unknown = [key for key in data if key not in SESSION_FIELDS]
    if unknown:
        raise ChangeRejected(
            Worded("error.change.no_field", what=Worded("thing.session"), field=repr(unknown[0]))
        )
    values: dict[str, str | None] = {key: str(value) for key, value in data.items()}
    if data.get("date"):
        values["date"] = a_date(data["date"])
    ctx.set_info(**values)


def _told_phase(d: PhaseChanged, tell: Telling) -> str:
    return tell.t("review.event.phase.changed", phase=tell.phase_name(d["phase"]))


def epoch(at: str) -> float:
    """An event's time stamp as seconds since the epoch (what timers count in)."""
    return dt.datetime.fromisoformat(at).timestamp()


@handles("phase.changed", describe=_told_phase)
def _phase_changed(ctx: Context, data: PhaseChanged) -> None:
    """The room moves on; the timer of the phase it leaves stops (it can be resumed)."""
    phase = data["phase"]
    left = ctx.info().phase
    ctx.set_info(phase=phase)
    timer = ctx.find(TIMERS, left) if left != phase else None
    if timer is not None and timer.running:
        ctx.put(TIMERS, timer.pause(epoch(ctx.at)))
        data["paused"] = left


def closed_day(at: str) -> str:
    """The local day (ISO) of a time stamp: the day a workshop closed, as the room lived it."""
    try:
        return dt.datetime.fromisoformat(at).astimezone().date().isoformat()
    except ValueError:
        return at[:10]


def _told_closed(d: SessionClosed, tell: Telling) -> str:
    return tell.t("review.event.session.closed")


def _told_reopened(d: SessionReopened, tell: Telling) -> str:
    return tell.t("review.event.session.reopened")


@handles("session.closed", describe=_told_closed)
def _session_closed(ctx: Context, data: SessionClosed) -> None:
    """The workshop ended: its list line, review and report say so, not the phase it was on.
    The phase stays as it was, so reopening finds the room where it was left."""
    if ctx.info().closed_at:
        raise ChangeRejected("the workshop is already closed", "error.session_closed")
    ctx.set_info(closed_at=ctx.at)


@handles("session.reopened", describe=_told_reopened)
def _session_reopened(ctx: Context, data: SessionReopened) -> None:
    if not ctx.info().closed_at:
        raise ChangeRejected("the workshop is not closed", "error.session_open")
    ctx.set_info(closed_at=None)


def _told_opened(d: PlacementOpened, tell: Telling) -> str:
    activity = d.get("id")
    if activity is None:
        return tell.t("room.event.placement.closed")
    return tell.t("room.event.placement.opened", activity=tell.act(activity))


@handles("placement.opened", describe=_told_opened)
def _placement_opened(ctx: Context, data: PlacementOpened) -> None:
    """The activity the room places now (None: none is open)."""
    ctx.set_info(open_activity=data.get("id"))


def _told_timer(d: TimerSet, tell: Telling) -> str:
    command = d.get("command", "set")
    if command not in TIMER_COMMANDS:
        command = "set"
    minutes = round(d["duration"] / 60)
    return tell.t(f"room.event.timer.{command}", phase=tell.phase_name(d["phase"]), minutes=minutes)


@handles("timer.set", describe=_told_timer)
def _timer_set(ctx: Context, data: TimerSet) -> None:
    """A phase's countdown as the facilitator left it: planned seconds, run seconds, running since."""
    if not data["duration"]:
        raise ChangeRejected(Worded("error.change.timer_zero"))
    started = data.get("started_at")
    ctx.put(
        TIMERS,
        PhaseTimer(
            data["phase"],
            float(data["duration"]),
            float(data["elapsed"]),
            None if started is None else float(started),
            float(data.get("planned") or 0.0),
        ),
    )


def stop_running_timers(tables: dict[str, Any], now: float) -> dict[str, Any]:
    """A copy of a session's tables with every running timer paused (an imported copy is not live).

    The time run so far counts up to now, but never past the phase's planned time: a copy
    of last year's workshop does not arrive a year over time.
    """
    timers = tables.get("timers")
    if not isinstance(timers, dict) or not any(
        isinstance(t, dict) and t.get("started_at") is not None for t in timers.values()
    ):
        return tables
    stopped: dict[str, Any] = {}
    for key, timer in timers.items():
        if isinstance(timer, dict) and isinstance(timer.get("started_at"), int | float):
            running = PhaseTimer.from_dict(timer, key, 0)
            elapsed = min(running.pause(now).elapsed, max(running.duration, running.elapsed))
            timer = {**timer, "elapsed": elapsed, "started_at": None}
        stopped[key] = timer
    return {**tables, "timers": stopped}
