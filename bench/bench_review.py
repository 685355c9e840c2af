"""Benchmark review mode: the dashboard's start next to the live board's, and timeline steps.

For a session of 500 activities (the kind `bench_store.py` builds, about 4,000 events),
measured in the same run:

* start: wall time from launching a fresh Python process until its first frame shows
  the review dashboard filled in (`facilitator review ID`), next to the same for the
  live ladder board (`facilitator open ID` on the board phase). Target: review <= 1.5x board.
* step: one step of the timeline (a key press until the board as it was is on screen),
  after the checkpoints are built, at random places in the log; next to a key press that
  does nothing (the test harness's own cost per key, the floor).

Run: `python bench/bench_review.py [--quick] [--size N]`.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_app import CHILD_APP, prepare, start_once

from facilitator.core.library import SessionLibrary
from facilitator.core.service import SessionService

CHILD_REVIEW = r"""
import json, resource, sys, time
from pathlib import Path
from textual import events
from facilitator.core.library import SessionLibrary
from facilitator.ui.app import FacilitatorApp

class Timed(FacilitatorApp):
    # As for the board (bench_app): from Ready, one refresh more; polling only if the
    # dashboard is not filled in in the first frame.
    def on_ready(self, event: events.Ready) -> None:
        if not self._check():
            self._poll = self.set_interval(0.005, self._check)

    def _check(self) -> bool:
        chart = self.screen.query("#review-chart")
        if chart and chart.first().region.area and self.screen.query_one("#review-pairs").row_count:
            if hasattr(self, "_poll"):
                self._poll.stop()
            self.call_after_refresh(self._done)
            return True
        return False

    def _done(self) -> None:
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({"t": time.time(), "rss_kb": rss, "screen": type(self.screen).__name__}))
        self.exit()

app = Timed(SessionLibrary(Path(sys.argv[1])), review_path=Path(sys.argv[2]), lang="en")
app.run(headless=True, size=(160, 50))
"""


async def step_times(
    library: SessionLibrary, service: SessionService, steps: int
) -> tuple[list[float], list[float], float]:
    """Seconds per timeline step and per idle key press (jump, then key, until the screen is
    updated); and the time to open the timeline and build every checkpoint."""
    from facilitator.ui.app import create_app
    from facilitator.ui.screens.timeline import TimelinePane

    app = create_app(library, review_path=service.path, lang="en")
    times: list[float] = []
    idle: list[float] = []
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause()
        started = time.perf_counter()
        await pilot.press("t")
        await pilot.pause()
        await app.workers.wait_for_complete()  # the checkpoints, built in the background
        warm = time.perf_counter() - started
        pane = app.screen.query_one(TimelinePane)
        rng = random.Random(5)
        for _ in range(steps):
            target = rng.randrange(1, len(pane.lines))
            pane.go(target)
            await app.workers.wait_for_complete()
            await pilot.pause()
            started = time.perf_counter()
            await pilot.press("z")  # bound to nothing
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            idle.append(time.perf_counter() - started)
            started = time.perf_counter()
            await pilot.press("up")
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            times.append(time.perf_counter() - started)
            assert pane.frame is not None and len(pane.frame.events) == target - 1
    return times, idle, warm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--size", type=int, default=500, help="activities in the session")
    args = parser.parse_args(argv)
    starts = 3 if args.quick else 9
    steps = 10 if args.quick else 30

    with tempfile.TemporaryDirectory() as folder:
        library = SessionLibrary(Path(folder))
        service = prepare(library, args.size)  # opens on the board phase, as bench_app does
        events = len(service.session.events)
        board: list[float] = []
        review: list[float] = []
        for i in range(starts):  # interleaved, alternating which goes first
            pair = [(board, CHILD_APP), (review, CHILD_REVIEW)]
            for bucket, code in pair if i % 2 == 0 else reversed(pair):
                bucket.append(start_once(code, folder, str(service.path))[0])
        before = service.path.read_bytes()
        step, idle, warm = asyncio.run(step_times(library, service, steps))
        assert service.path.read_bytes() == before, "review mode wrote to the session"

    b, r = statistics.median(board), statistics.median(review)
    ratio = r / b
    print(f"session: {args.size} activities, {events} events; {starts} starts each, {steps} steps")
    print(f"{'measure':<44}{'median':>12}{'ratio':>9}{'target':>8}")
    print(f"{'start to first frame, live board':<44}{b * 1000:9.0f} ms{'floor':>9}")
    verdict = "PASS" if ratio <= 1.5 else "over"
    name = "start to first frame, review dashboard"
    print(f"{name:<44}{r * 1000:9.0f} ms{ratio:8.2f}x{'<=1.5x':>8}  {verdict}")
    print(f"{'timeline: open and build every checkpoint':<44}{warm * 1000:9.0f} ms")
    step_ms = statistics.median(step) * 1000
    idle_ms = statistics.median(idle) * 1000
    p90 = sorted(step)[int(len(step) * 0.9) - 1] * 1000
    print(f"{'key press that does nothing (harness floor)':<44}{idle_ms:9.1f} ms")
    name = "timeline: one step (key to board shown)"
    print(f"{name:<44}{step_ms:9.1f} ms{step_ms / idle_ms:8.2f}x   (p90 {p90:.1f} ms)")
    return 0 if ratio <= 1.5 else 1


if __name__ == "__main__":
    raise SystemExit(main())
