"""Changes to the session as a whole: its details, and what the room is on.

The room's focus is session data, so that every process (the facilitator's app, the
participants' phones) follows the facilitator: the phase, each phase's timer, and the
activity open for blind placement (its round and reveal are on the activity).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any

from facilitator.core.errors import ChangeRejected
from facilitator.core.kinds.base import SESSION_FIELDS, Context, Telling, a_date, handles, text
from facilitator.core.timer import PhaseTimer

SETUP_PHASE = ""
"""The room's phase before the agenda: setting up parties and participants."""

TIMER_COMMANDS = ("start", "pause", "add", "reset", "set", "plan")
MAX_TIMER_SECONDS = 24 * 3600.0
MAX_ELAPSED_SECONDS = 366 * 24 * 3600.0  # a timer left running over a weekend is still a timer


def _told_updated(d: Mapping[str, Any], tell: Telling) -> str:
    t = tell.t
    fields = [t(f"review.field.{k}") for k in d if t.has(f"review.field.{k}")]
    return t("review.event.session.updated", fields=", ".join(fields) or t("review.none"))


@handles("session.updated", describe=_told_updated)
def _session_updated(ctx: Context, data: dict[str, Any]) -> None:
    meta = ctx.meta()
    for key in data:
        if key not in SESSION_FIELDS:
            raise ChangeRejected(f"session has no field {key!r}")
        meta[key] = text(data, key, required=key == "title")
        if key == "date" and meta[key]:
            meta[key] = a_date(meta[key])
    ctx.put("meta", meta, "session")


def _told_phase(d: Mapping[str, Any], tell: Telling) -> str:
    return tell.t("review.event.phase.changed", phase=tell.phase_name(d.get("phase")))


def epoch(at: str) -> float:
    """An event's time stamp as seconds since the epoch (what timers count in)."""
    return dt.datetime.fromisoformat(at).timestamp()


@handles("phase.changed", describe=_told_phase)
def _phase_changed(ctx: Context, data: dict[str, Any]) -> None:
    """The room moves on; the timer of the phase it leaves stops (it can be resumed)."""
    phase = data.get("phase")
    if phase != SETUP_PHASE and phase not in {p.id for p in ctx.scenario.agenda}:
        raise ChangeRejected(f"no phase {phase!r} in this scenario's agenda")
    meta = ctx.meta()
    left = meta.get("phase", SETUP_PHASE)
    meta["phase"] = phase
    ctx.put("meta", meta, "session")
    timer = ctx.get("timers", str(left)) if left != phase else None
    if timer is not None and timer.get("started_at") is not None:
        paused = PhaseTimer.from_dict(timer, str(left), 0).pause(epoch(ctx.at))
        ctx.put("timers", {**timer, "elapsed": paused.elapsed, "started_at": None})
        data["paused"] = left


def closed_day(at: str) -> str:
    """The local day (ISO) of a time stamp: the day a workshop closed, as the room lived it."""
    try:
        return dt.datetime.fromisoformat(at).astimezone().date().isoformat()
    except ValueError:
        return at[:10]


def _told_closed(d: Mapping[str, Any], tell: Telling) -> str:
    return tell.t("review.event.session.closed")


def _told_reopened(d: Mapping[str, Any], tell: Telling) -> str:
    return tell.t("review.event.session.reopened")


@handles("session.closed", describe=_told_closed)
def _session_closed(ctx: Context, data: dict[str, Any]) -> None:
    """The workshop ended: its list line, review and report say so, not the phase it was on.
    The phase stays as it was, so reopening finds the room where it was left."""
    meta = ctx.meta()
    if meta.get("closed_at"):
        raise ChangeRejected("the workshop is already closed", "error.session_closed")
    meta["closed_at"] = ctx.at
    ctx.put("meta", meta, "session")


@handles("session.reopened", describe=_told_reopened)
def _session_reopened(ctx: Context, data: dict[str, Any]) -> None:
    meta = ctx.meta()
    if not meta.get("closed_at"):
        raise ChangeRejected("the workshop is not closed", "error.session_open")
    meta["closed_at"] = None
    ctx.put("meta", meta, "session")


def _told_opened(d: Mapping[str, Any], tell: Telling) -> str:
    activity = d.get("id")
    if activity is None:
        return tell.t("room.event.placement.closed")
    return tell.t("room.event.placement.opened", activity=tell.act(activity))


@handles("placement.opened", describe=_told_opened)
def _placement_opened(ctx: Context, data: dict[str, Any]) -> None:
    """The activity the room places now (None: none is open)."""
    activity_id = data.get("id")
    if activity_id is not None:
        ctx.need("activities", activity_id, "activity")
    meta = ctx.meta()
    meta["open_activity"] = activity_id
    ctx.put("meta", meta, "session")


def _seconds(data: Mapping[str, Any], key: str, *, optional: bool = False) -> float | None:
    value = data.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        raise ChangeRejected(f"timer {key.replace('_', ' ')} must be a number of seconds")
    limit = MAX_TIMER_SECONDS if key in ("duration", "planned") else MAX_ELAPSED_SECONDS
    if key != "started_at" and not 0 <= value <= limit:
        raise ChangeRejected(f"timer {key} must be between 0 and {limit:.0f} seconds")
    return float(value)


def _told_timer(d: Mapping[str, Any], tell: Telling) -> str:
    command = d.get("command") if d.get("command") in TIMER_COMMANDS else "set"
    minutes = round(float(d.get("duration", 0) or 0) / 60)
    return tell.t(f"room.event.timer.{command}", phase=tell.phase_name(d.get("phase")), minutes=minutes)


@handles("timer.set", describe=_told_timer)
def _timer_set(ctx: Context, data: dict[str, Any]) -> None:
    """A phase's countdown as the facilitator left it: planned seconds, run seconds, running since."""
    phase = data.get("phase")
    if phase not in {p.id for p in ctx.scenario.agenda}:
        raise ChangeRejected(f"no phase {phase!r} in this scenario's agenda")
    command = data.get("command", "set")
    if command not in TIMER_COMMANDS:
        raise ChangeRejected(f"timer command must be one of {', '.join(TIMER_COMMANDS)}")
    duration = _seconds(data, "duration")
    if not duration:
        raise ChangeRejected("a timer's duration must be more than 0 seconds")
    ctx.put(
        "timers",
        {
            "id": phase,
            "phase_id": phase,
            "duration": duration,
            "elapsed": _seconds(data, "elapsed"),
            "started_at": _seconds(data, "started_at", optional=True),
            "planned": _seconds(data, "planned", optional=True) or 0.0,
        },
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
