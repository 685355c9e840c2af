"""The cyclic garbage collector's full collections wait for a quiet moment (`ui.collector`)."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator

import pytest

from facilitator.core.service import SessionService
from facilitator.ui import collector
from facilitator.ui.app import FacilitatorApp

MakeApp = Callable[..., FacilitatorApp]


@pytest.fixture
def due() -> Iterator[None]:
    """A full collection due by Python's count: ten middle collections since the last full one."""
    was = gc.get_threshold()
    gc.collect()
    for _ in range(collector.FULL_DUE):
        gc.collect(1)
    assert gc.get_count()[2] >= collector.FULL_DUE
    yield
    gc.set_threshold(*was)


def test_a_due_full_collection_waits_until_nobody_has_pressed_a_key_for_a_second(due: None) -> None:
    assert not collector.collect_if_quiet(last_input=100.0, now=100.5)  # a key half a second ago
    assert gc.get_count()[2] >= collector.FULL_DUE  # still due
    assert collector.collect_if_quiet(last_input=100.0, now=101.0)
    assert gc.get_count()[2] == 0
    assert not collector.collect_if_quiet(last_input=100.0, now=105.0)  # not due again yet


async def test_the_app_leaves_full_collections_to_quiet_moments_and_python_its_own_after(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    """After the start, Python runs a full collection itself only far later (a safety net); a
    key is not quiet; a due one runs in the next quiet second; closed, Python's thresholds again."""
    app = make_app(empty_session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(collector.SETTLE_SECONDS + 0.2)
        assert gc.isenabled() and gc.get_threshold()[2] == collector.FULL_SAFETY
        before = app._last_input
        await pilot.press("f12")  # bound to nothing: still input
        assert app._last_input > before
        for _ in range(collector.FULL_DUE):
            gc.collect(1)
        await pilot.pause(collector.QUIET_SECONDS * 2 + 0.3)
        assert gc.get_count()[2] < collector.FULL_DUE  # it ran, once the keys had stopped
    assert gc.isenabled() and gc.get_threshold() == (collector.YOUNG, collector.MIDDLE, collector.FULL_DUE)
