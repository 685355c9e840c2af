"""The phase countdown's pure logic."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from facilitator.core.timer import PhaseTimer, format_clock


def test_a_new_timer_is_paused_at_its_planned_length() -> None:
    timer = PhaseTimer("intro", 15 * 60)
    assert not timer.running
    assert timer.remaining(now=1000.0) == 900
    assert timer.state(1000.0) == "normal"


def test_running_counts_down_from_the_wall_clock() -> None:
    timer = PhaseTimer("intro", 600).start(now=100.0)
    assert timer.remaining(now=160.0) == 540


def test_pause_keeps_the_time_left_and_stops_the_clock() -> None:
    timer = PhaseTimer("intro", 600).start(now=100.0).pause(now=130.0)
    assert not timer.running
    assert timer.remaining(now=10_000.0) == 570


def test_toggle_alternates_start_and_pause() -> None:
    timer = PhaseTimer("intro", 600).toggle(0.0)
    assert timer.running
    assert not timer.toggle(10.0).running


def test_add_minutes_while_running() -> None:
    timer = PhaseTimer("intro", 60).start(0.0).add_minutes(5)
    assert timer.remaining(now=30.0) == 330


def test_warning_near_the_end_and_over_at_zero() -> None:
    timer = PhaseTimer("intro", 600).start(0.0)
    assert timer.state(400.0) == "normal"
    assert timer.state(541.0) == "warning"  # last tenth
    assert timer.state(600.0) == "over"
    assert timer.remaining(660.0) == -60


def test_reset_returns_to_the_planned_minutes() -> None:
    timer = PhaseTimer("intro", 600).start(0.0).add_minutes(5).reset(10)
    assert timer == PhaseTimer("intro", 600)


def test_saved_timer_round_trips_and_foreign_or_broken_data_gives_a_fresh_one() -> None:
    timer = PhaseTimer("intro", 600, 12.5, 99.0)
    assert PhaseTimer.from_dict(timer.to_dict(), "intro", 10) == timer
    assert PhaseTimer.from_dict(timer.to_dict(), "collect", 20) == PhaseTimer("collect", 1200)
    assert PhaseTimer.from_dict({"phase_id": "intro", "duration": "x"}, "intro", 10) == PhaseTimer(
        "intro", 600
    )
    assert PhaseTimer.from_dict(None, "intro", 10) == PhaseTimer("intro", 600)


def test_clock_format() -> None:
    assert format_clock(900) == "15:00"
    assert format_clock(59.2) == "01:00"  # counts down to 00:00, never shows zero early
    assert format_clock(0) == "00:00"
    assert format_clock(-61) == "-01:01"


@given(
    st.floats(min_value=60, max_value=36_000),
    st.lists(st.floats(min_value=0, max_value=1000), max_size=10),
)
def test_time_left_never_grows_while_running(duration: float, steps: list[float]) -> None:
    timer = PhaseTimer("p", duration).start(0.0)
    now = 0.0
    left = timer.remaining(now)
    for step in steps:
        now += step
        assert timer.remaining(now) <= left
        left = timer.remaining(now)
