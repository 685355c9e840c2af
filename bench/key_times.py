"""Key to screen at 500 activities: card moves, placement steps and reveals, next to a no-op key.

Used by `bench_app.py`. One app, one run: each key is pressed through Textual's pilot and
timed until the screen has been refreshed (`pilot.pause()`), the same way for every key, so
the ratios to the no-op key (a key nothing is bound to) are measured under the same load.

* move: `u`/`d` on the board (a card one rung up or down: a write, the board redrawn);
* step: on the placement screen, `1` (this party's current rung chosen) and `2` (its wished
  rung: the placement is written and the next party comes up);
* reveal: `r` once every party has placed (a write; the reveal is shown), then a re-vote
  (`v`, confirmed where a rung was agreed; not timed) for the next round.
"""

from __future__ import annotations

import functools
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable

from textual.app import App
from textual.pilot import Pilot

from facilitator.core.library import SessionLibrary
from facilitator.core.service import SessionService

NOOP_KEY = "f12"  # bound to nothing in the app
PARTIES_PLACING = 8


def placing_activity(service: SessionService) -> str:
    """An activity of the session for the placement rounds: eight parties, selected on the board."""
    parties = [p.id for p in service.session.parties][:PARTIES_PLACING]
    activity = service.add_activity("Key bench: placed by eight parties", party_ids=parties)
    service.set_view_state(selected_activity=activity)
    return activity


async def timed(pilot: Pilot[int], key: str) -> tuple[float, float]:
    """Wall and CPU seconds from the key until the screen is refreshed and the app idle."""
    started, cpu = time.perf_counter(), time.process_time()
    await pilot.press(key)
    await pilot.pause()
    return time.perf_counter() - started, time.process_time() - cpu


CPU = "cpu: "
"""The prefix of a kind of key's CPU seconds in `key_times`' answer (the shared machine's load
stretches wall times; CPU says what the key itself cost)."""


async def key_times(library: SessionLibrary, service: SessionService, rounds: int) -> dict[str, list[float]]:
    """Seconds from key to screen, by kind of key, over `rounds` placement rounds; the same
    kinds prefixed with `CPU` hold the CPU seconds."""
    from facilitator.ui import collector
    from facilitator.ui.app import create_app
    from facilitator.ui.dialogs.common import ConfirmDialog
    from facilitator.ui.screens.placement import PlacementScreen

    activity = placing_activity(service)
    # As in a process of its own: the app's start collects and freezes what it read (the session's
    # model) once per process, so the second app of this run (500 activities, after 10) kept its
    # model in the collector's reach, and a full collection (~100 ms) fell into the keys.
    collector._start_settled = False
    app = create_app(library, session_path=service.path, lang="en")
    times: dict[str, list[float]] = defaultdict(list)
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause(0.5)

        async def sample(name: str, key: str, warm: bool = False) -> None:
            elapsed, cpu = await timed(pilot, key)
            if not warm:
                times[name].append(elapsed)
                times[CPU + name].append(cpu)

        for i in range(3 + rounds * 4):  # up, up, down, down: stays on the ladder
            warm = i < 3
            await sample("no-op key, board", NOOP_KEY, warm)
            await sample("card move, board", "u" if (i // 2) % 2 == 0 else "d", warm)
        await pilot.press("enter")  # the placement screen of the selected activity
        await until(pilot, lambda: isinstance(app.screen, PlacementScreen))
        for round_ in range(rounds):
            for _party in range(PARTIES_PLACING):
                await sample("no-op key, placement", NOOP_KEY)
                await sample("placement step (current)", "1")
                await sample("placement step (wished, written)", "2")
            await sample("reveal", "r")
            if round_ < rounds - 1:  # a re-vote opens the next round
                await pilot.press("v")
                next_round = functools.partial(in_round, service, activity, round_ + 2)
                await until(pilot, functools.partial(asked_or, app, next_round))
                if isinstance(app.screen, ConfirmDialog):  # asked only over an agreed rung (round 1's)
                    await pilot.press("left", "enter")
                await until(pilot, next_round)
        placed = service.session.activity(activity)
        assert placed.round == rounds and placed.revealed, "the rounds did not land"
    return times


def asked_or(app: App[object], done: Callable[[], bool]) -> bool:
    from facilitator.ui.dialogs.common import ConfirmDialog

    return isinstance(app.screen, ConfirmDialog) or done()


def in_round(service: SessionService, activity: str, number: int) -> bool:
    return service.session.activity(activity).round == number


async def until(pilot: Pilot[int], condition: Callable[[], bool], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await pilot.pause(0.01)


KeyTimes = Callable[[SessionLibrary, SessionService, int], Awaitable[dict[str, list[float]]]]
