"""The phase countdown: pure state, so that it can be saved and resumed after a crash.

A running timer stores the wall-clock moment it started; the time left is computed
from the clock, so reopening the session shows the right time even after minutes away.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import Annotated, Any

from facilitator.core.record import record
from facilitator.core.schema.fields import Known, Seconds

WARNING_FRACTION = 0.1  # the last tenth of the phase, at most two minutes
WARNING_MAX_SECONDS = 120


@record
class PhaseTimer:
    """Countdown for one agenda phase."""

    phase_id: Annotated[str, Known("phase")]
    duration: Annotated[float, Seconds()]  # seconds planned, including added minutes
    elapsed: Annotated[float, Seconds()] = 0.0  # seconds run before the current start
    started_at: Annotated[float, Seconds()] | None = None  # epoch seconds while running
    # seconds the facilitator planned for the phase here; 0: the agenda's
    planned: Annotated[float, Seconds()] = 0.0

    @property
    def running(self) -> bool:
        return self.started_at is not None

    def elapsed_at(self, now: float) -> float:
        extra = max(0.0, now - self.started_at) if self.started_at is not None else 0.0
        return self.elapsed + extra

    def remaining(self, now: float) -> float:
        """Seconds left; negative once over time."""
        return self.duration - self.elapsed_at(now)

    def state(self, now: float) -> str:
        """`normal`, `warning` near the end, or `over` at and past zero."""
        left = self.remaining(now)
        if left <= 0:
            return "over"
        if left <= min(self.duration * WARNING_FRACTION, WARNING_MAX_SECONDS):
            return "warning"
        return "normal"

    def start(self, now: float) -> PhaseTimer:
        return self if self.running else replace(self, started_at=now)

    def pause(self, now: float) -> PhaseTimer:
        if not self.running:
            return self
        return replace(self, elapsed=self.elapsed_at(now), started_at=None)

    def toggle(self, now: float) -> PhaseTimer:
        return self.pause(now) if self.running else self.start(now)

    def add_minutes(self, minutes: int) -> PhaseTimer:
        return replace(self, duration=self.duration + 60 * minutes)

    def reset(self, planned_minutes: int) -> PhaseTimer:
        """Back to the planned time, not started (the facilitator's plan if set, else the agenda's)."""
        planned = self.planned or 60.0 * planned_minutes
        return PhaseTimer(self.phase_id, planned, planned=self.planned)

    def plan(self, minutes: int) -> PhaseTimer:
        """The phase planned for `minutes`: what has run stays, the time left follows."""
        return replace(self, duration=60.0 * minutes, planned=60.0 * minutes)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any, phase_id: str, planned_minutes: int) -> PhaseTimer:
        """A saved timer, or a fresh one if the saved data is for another phase or broken."""
        fresh = cls(phase_id, 60.0 * planned_minutes)
        if not isinstance(data, dict) or data.get("phase_id") != phase_id:
            return fresh
        try:
            started = data.get("started_at")
            return cls(
                phase_id,
                float(data["duration"]),
                float(data.get("elapsed", 0.0)),
                None if started is None else float(started),
                float(data.get("planned", 0.0) or 0.0),
            )
        except (KeyError, TypeError, ValueError):
            return fresh


def format_clock(seconds: float) -> str:
    """mm:ss, with a minus sign once over time."""
    sign = "-" if seconds < 0 else ""
    whole = int(abs(seconds) + (0.999 if seconds > 0 else 0))  # count down to 00:00, not past it early
    return f"{sign}{whole // 60:02d}:{whole % 60:02d}"
