"""Benchmark the live app: start-up to first frame, one card move, peak memory.

For a session of 500 activities and one of 10, measured in the same run:

* start: wall time from launching a fresh Python process until the app has shown
  its first frame with the session's ladder board (Textual's `Ready` event, board
  populated), next to a Textual hello-world app started the same way (the floor);
* move: one card moved one rung up or down by key, from the key press until the
  screen is updated, at 500 activities next to the same move at 10;
* memory: peak resident memory of those processes, next to hello world.

Targets (issue 3): start(500) <= 2x start(hello); move(500) <= 1.3x move(10);
memory(500) <= 2x memory(hello). Run: `python bench/bench_app.py [--quick]`.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import build_session

from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService

PEAK_MEMORY = r"""
def peak_kb():
    # VmHWM: this process's own peak. ru_maxrss would report at least the parent's size,
    # which Linux carries over a fork into the child.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
"""

CHILD_APP = (
    PEAK_MEMORY
    + r"""
import json, sys, time
from pathlib import Path
from textual import events
from facilitator.core.library import SessionLibrary
from facilitator.ui.app import FacilitatorApp

class Timed(FacilitatorApp):
    # As for hello world: from Ready (the first frame), one refresh more. If the board is
    # not in that frame yet, wait for it.
    def on_ready(self, event: events.Ready) -> None:
        if not self._check():
            self._poll = self.set_interval(0.005, self._check)

    def _check(self) -> bool:
        board = self.screen.query("#view-place")
        if board and board.first().display and board.first().region.area:
            if hasattr(self, "_poll"):
                self._poll.stop()
            self.call_after_refresh(self._done)
            return True
        return False

    def _done(self) -> None:
        print(json.dumps({"t": time.time(), "rss_kb": peak_kb(), "screen": type(self.screen).__name__}))
        self.exit()

app = Timed(SessionLibrary(Path(sys.argv[1])), session_path=Path(sys.argv[2]), lang="en")
app.run(headless=True, size=(160, 50))
"""
)

CHILD_HELLO = (
    PEAK_MEMORY
    + r"""
import json, time
from textual.app import App, ComposeResult
from textual.widgets import Label
from textual import events

class Hello(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("Hello, world")

    def on_ready(self, event: events.Ready) -> None:
        self.call_after_refresh(self._done)

    def _done(self) -> None:
        print(json.dumps({"t": time.time(), "rss_kb": peak_kb(), "screen": "hello"}))
        self.exit()

Hello().run(headless=True, size=(160, 50))
"""
)


def start_once(code: str, *args: str) -> tuple[float, int]:
    """Seconds from launching the process to its first frame, and its peak RSS in KB."""
    started = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        raise SystemExit(f"child failed:\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}")
    line = [ln for ln in out.stdout.splitlines() if ln.startswith("{")][-1]
    report = json.loads(line)
    return report["t"] - started, int(report["rss_kb"])


def prepare(library: SessionLibrary, size: int) -> SessionService:
    """A realistic session opened on the ladder board with an activity selected."""
    scenario = find_scenario("community-safety")
    built = build_session(library, scenario, size, seed=size)
    service = SessionService(built.path)
    place = next(p.id for p in scenario.agenda if p.kind == "place")
    first = service.session.activities[0].id
    service.set_phase(place)  # the room is on the placing phase (session data)
    service.set_view_state(selected_activity=first)
    return service


async def move_times(library: SessionLibrary, service: SessionService, moves: int) -> list[float]:
    """Seconds per card move (key press until the screen has been refreshed)."""
    from facilitator.ui.app import create_app

    app = create_app(library, session_path=service.path, lang="en")
    times: list[float] = []
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.pause(0.5)
        activity = service.session.activities[0].id
        service_view = SessionService(service.path)
        for i in range(moves + 3):
            key = "u" if (i // 2) % 2 == 0 else "d"  # up, up, down, down: stays on the ladder
            started = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            elapsed = time.perf_counter() - started
            if i >= 3:  # warm-up
                times.append(elapsed)
        assert service_view.session.activity(activity).agreed_current is not None, "moves did not land"
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args(argv)
    starts = 3 if args.quick else 7
    moves = 10 if args.quick else 30

    # An installed package has its bytecode compiled (pip does it); a checkout run with
    # PYTHONDONTWRITEBYTECODE would compile every module on every start instead.
    compileall.compile_dir(Path(__file__).resolve().parent.parent / "facilitator", quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        library = SessionLibrary(Path(folder))
        small = prepare(library, 10)
        large = prepare(library, 500)

        hello: list[tuple[float, int]] = []
        start10: list[tuple[float, int]] = []
        start500: list[tuple[float, int]] = []
        for _ in range(starts):  # interleaved, so load affects all three alike
            hello.append(start_once(CHILD_HELLO))
            start10.append(start_once(CHILD_APP, folder, str(small.path)))
            start500.append(start_once(CHILD_APP, folder, str(large.path)))

        move10 = asyncio.run(move_times(library, small, moves))
        move500 = asyncio.run(move_times(library, large, moves))

    def median(values: list[float]) -> float:
        return statistics.median(values)

    h_t, h_m = median([t for t, _ in hello]), median([m for _, m in hello])
    s10_t, s10_m = median([t for t, _ in start10]), median([m for _, m in start10])
    s500_t, s500_m = median([t for t, _ in start500]), median([m for _, m in start500])
    m10, m500 = median(move10), median(move500)

    def verdict(ratio: float, target: float) -> str:
        return "PASS" if ratio <= target else "over"

    rows = [
        ("start to first frame, hello world", f"{h_t * 1000:8.0f} ms", "floor", "", ""),
        ("start to first frame, 10 activities", f"{s10_t * 1000:8.0f} ms", f"{s10_t / h_t:.2f}x", "", ""),
        (
            "start to first frame, 500 activities",
            f"{s500_t * 1000:8.0f} ms",
            f"{s500_t / h_t:.2f}x",
            "<=2x",
            verdict(s500_t / h_t, 2.0),
        ),
        ("card move, 10 activities", f"{m10 * 1000:8.1f} ms", "floor", "", ""),
        (
            "card move, 500 activities",
            f"{m500 * 1000:8.1f} ms",
            f"{m500 / m10:.2f}x",
            "<=1.3x",
            verdict(m500 / m10, 1.3),
        ),
        ("peak memory, hello world", f"{h_m / 1024:8.1f} MB", "floor", "", ""),
        ("peak memory, 10 activities", f"{s10_m / 1024:8.1f} MB", f"{s10_m / h_m:.2f}x", "", ""),
        (
            "peak memory, 500 activities",
            f"{s500_m / 1024:8.1f} MB",
            f"{s500_m / h_m:.2f}x",
            "<=2x",
            verdict(s500_m / h_m, 2.0),
        ),
    ]
    print(f"medians: {starts} starts each (interleaved), {moves} moves each; python {sys.version.split()[0]}")
    print(f"{'measure':<40}{'median':>12}{'ratio':>9}{'target':>8}{'':>6}")
    for name, value, ratio, target, result in rows:
        print(f"{name:<40}{value:>12}{ratio:>9}{target:>8}{result:>6}")
    return 0 if all(r[4] in ("", "PASS") for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
