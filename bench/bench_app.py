"""Benchmark the live app: start-up to first frame, key to screen, peak memory.

For a session of 500 activities and one of 10, measured in the same run:

* start: wall time from launching a fresh Python process until the app has shown
  its first frame with the session's ladder board (Textual's `Ready` event, board
  populated), next to a Textual hello-world app started the same way (the floor); also
  each process's CPU time by then, which a loaded machine shakes less. The session file
  is as this device left it (read without the deep check); "changed elsewhere" is a copy
  no device has checked;
* keys (`key_times.py`): card move, placement steps and the reveal at 500 activities,
  each next to a key bound to nothing on the same screen, in the same run; the card move
  at 500 next to the same move at 10;
* memory: peak resident memory of those processes, next to hello world;
* the start's timeline and its largest items (`start_timeline.py`).

The start is the user's: `facilitator open ID` (`facilitator.cli.main`) in the child, with a
first-frame hook; the app built directly (`FacilitatorApp(...).run()`) is shown beside it.
Targets (issue 21), on the user's start: start(500) <= 1.5x start(hello), start(10) <= 1.3x; each key at 500
<= 1.5x the no-op key; (issue 3) move(500) <= 1.3x move(10), memory(500) <= 2x memory(hello).
Run: `python bench/bench_app.py [--quick] [--no-timeline] [--keys] [--instructions]` (`--keys`: key
to screen only; `--instructions`: each start's instructions to its first frame, valgrind).
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import build_session
from key_times import CPU, key_times
from start_timeline import print_instructions, print_timeline

from facilitator.core.device import ENV_STATE_DIR, cache_folder
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService
from facilitator.ui.css_cache import FILE_NAME

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
        report = {"t": time.time(), "cpu": time.process_time(), "rss_kb": peak_kb()}
        print(json.dumps({**report, "screen": type(self.screen).__name__}))
        self.exit()

app = Timed(SessionLibrary(Path(sys.argv[1])), session_path=Path(sys.argv[2]), lang="en")
app.run(headless=True, size=(160, 50))
"""
)

CHILD_CLI = (
    PEAK_MEMORY
    + r"""
import json, sys, time
from importlib.machinery import PathFinder

# The start a user makes: the `facilitator` command (`facilitator.cli.main`, which turns the
# collector off while it imports the interface). Nothing of the app is imported here ahead of
# it: when the CLI imports `facilitator.ui.app`, this hook gives its app a headless 160x50
# screen and the same first-frame report as the other children.
def patch(module):
    app_class = module.FacilitatorApp
    run, ready = app_class.run, app_class.on_ready

    def headless_run(self, *args, **kwargs):
        return run(self, headless=True, size=(160, 50))

    def on_ready(self):
        ready(self)
        if not _check(self):
            self._poll = self.set_interval(0.005, lambda: _check(self))

    def _check(self):
        board = self.screen.query("#view-place")
        if board and board.first().display and board.first().region.area:
            if hasattr(self, "_poll"):
                self._poll.stop()
            self.call_after_refresh(self._done)
            return True
        return False

    def _done(self):
        report = {"t": time.time(), "cpu": time.process_time(), "rss_kb": peak_kb()}
        print(json.dumps({**report, "screen": type(self.screen).__name__}))
        self.exit()

    app_class.run, app_class.on_ready, app_class._done = headless_run, on_ready, _done


class Hook:
    @staticmethod
    def find_spec(name, path=None, target=None):
        if name != "facilitator.ui.app":
            return None
        spec = PathFinder.find_spec(name, path, target)
        execute = spec.loader.exec_module

        def exec_module(module):
            execute(module)
            patch(module)

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, Hook)
from facilitator.cli import main

code = main(["--data-dir", sys.argv[1], "--lang", "en", "open", sys.argv[2]])
sys.stdout.flush()
sys.exit(code)
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
        report = {"t": time.time(), "cpu": time.process_time(), "rss_kb": peak_kb()}
        print(json.dumps({**report, "screen": "hello"}))
        self.exit()

Hello().run(headless=True, size=(160, 50))
"""
)


Start = tuple[float, float, int]
"""Seconds to the first frame (wall), the process's CPU seconds by then, peak RSS in KB."""


def start_once(code: str, *args: str) -> Start:
    """One fresh process: launch to first frame (wall and CPU), and its peak RSS in KB."""
    started = time.time()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120)
    if out.returncode != 0:
        raise SystemExit(f"child failed:\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}")
    line = [ln for ln in out.stdout.splitlines() if ln.startswith("{")][-1]
    report = json.loads(line)
    return report["t"] - started, report["cpu"], int(report["rss_kb"])


def prepare(library: SessionLibrary, size: int) -> SessionService:
    """A realistic session opened on the ladder board with an activity selected.

    Its file is as this device left it (`remember_trust`, as the app does when it closes):
    the usual start, which reads it without the deep check. `untrusted` makes a copy
    that looks changed elsewhere, for the start that checks everything."""
    scenario = find_scenario("community-safety")
    built = build_session(library, scenario, size, seed=size)
    service = SessionService(built.path)
    place = next(p.id for p in scenario.agenda if p.kind == "place")
    first = service.session.activities[0].id
    service.set_phase(place)  # the room is on the placing phase (session data)
    service.set_view_state(selected_activity=first)
    service.remember_trust()
    return service


def untrusted(library: SessionLibrary, service: SessionService) -> Path:
    """A copy of the session under a new id: no device has checked it, so the start does."""
    copy = library.sessions_dir / f"{service.path.stem[:4]}cafe.json"
    copy.write_bytes(service.path.read_bytes().replace(service.session.id.encode(), copy.stem.encode()))
    SessionService(copy).set_view_state(selected_activity=service.session.activities[0].id)
    return copy


def median(values: list[float]) -> float:
    return statistics.median(values)


def verdict(ratio: float, target: float) -> str:
    return "PASS" if ratio <= target else "over"


def start_rows(runs: dict[str, list[Start]]) -> list[tuple[str, str, str, str, str]]:
    """Start to first frame, wall and CPU, each as a ratio to hello world's (same run)."""
    hello_t = median([t for t, _, _ in runs["hello"]])
    hello_c = median([c for _, c, _ in runs["hello"]])
    rows = [
        ("start to first frame, hello world", f"{hello_t * 1000:8.0f} ms", "floor", "", ""),
        ("  (its CPU time)", f"{hello_c * 1000:8.0f} ms", "floor", "", ""),
    ]
    # The targets are read on the start a user makes (`facilitator open`); the app built
    # directly (no argument parsing, the collector on while importing) is shown beside it.
    targets = {
        "10 activities": 1.3,
        "500 activities": 1.5,
        "10, app built directly": 0.0,
        "500, app built directly": 0.0,
        "500, changed elsewhere": 0.0,
        "10, first start (no cache)": 0.0,
    }
    for name, target in targets.items():
        wall = median([t for t, _, _ in runs[name]])
        cpu = median([c for _, c, _ in runs[name]])
        limit = f"<={target}x" if target else ""
        result = verdict(wall / hello_t, target) if target else ""
        rows.append(
            (
                f"start to first frame, {name}",
                f"{wall * 1000:8.0f} ms",
                f"{wall / hello_t:.2f}x",
                limit,
                result,
            )
        )
        rows.append(("  (its CPU time)", f"{cpu * 1000:8.0f} ms", f"{cpu / hello_c:.2f}x", "", ""))
    return rows


def key_rows(
    keys10: dict[str, list[float]], keys500: dict[str, list[float]]
) -> list[tuple[str, str, str, str, str]]:
    """Key to screen at 500 activities next to the no-op key of the same screen, same run."""
    rows = [("card move, 10 activities", f"{median(keys10['card move, board']) * 1000:8.1f} ms", "", "", "")]
    floors = {
        "board": median(keys500["no-op key, board"]),
        "placement": median(keys500["no-op key, placement"]),
    }
    for name, values in keys500.items():
        if name.startswith(CPU):
            continue
        cpu = f" ({median(keys500[CPU + name]) * 1000:.0f} CPU)"
        if name.startswith("no-op"):
            rows.append((f"{name}, 500 activities{cpu}", f"{median(values) * 1000:8.1f} ms", "floor", "", ""))
            continue
        floor = floors["board" if "board" in name else "placement"]
        ratio = median(values) / floor
        rows.append(
            (
                f"{name}, 500{cpu}",
                f"{median(values) * 1000:8.1f} ms",
                f"{ratio:.2f}x",
                "<=1.5x",
                verdict(ratio, 1.5),
            )
        )
    move10, move500 = median(keys10["card move, board"]), median(keys500["card move, board"])
    rows.append(
        (
            "card move, 500 next to 10",
            "",
            f"{move500 / move10:.2f}x",
            "<=1.3x",
            verdict(move500 / move10, 1.3),
        )
    )
    return rows


def memory_rows(runs: dict[str, list[Start]]) -> list[tuple[str, str, str, str, str]]:
    hello_m = median([m for _, _, m in runs["hello"]])
    memory = [("peak memory, hello world", f"{hello_m / 1024:8.1f} MB", "floor", "", "")]
    for name in ("10 activities", "500 activities"):
        peak = median([m for _, _, m in runs[name]])
        target = "<=2x" if name.startswith("500") else ""
        result = verdict(peak / hello_m, 2.0) if target else ""
        memory.append(
            (f"peak memory, {name}", f"{peak / 1024:8.1f} MB", f"{peak / hello_m:.2f}x", target, result)
        )
    return memory


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--no-timeline", action="store_true", help="skip the start timeline")
    parser.add_argument("--keys", action="store_true", help="key to screen only: no starts, timeline, memory")
    parser.add_argument(
        "--instructions", action="store_true", help="also count each start's instructions (valgrind)"
    )
    args = parser.parse_args(argv)
    starts = 0 if args.keys else 3 if args.quick else 7
    rounds = 1 if args.quick else 3
    load_before = " ".join(f"{x:.2f}" for x in os.getloadavg())

    # An installed package has its bytecode compiled (pip does it); a checkout run with
    # PYTHONDONTWRITEBYTECODE would compile every module on every start instead.
    compileall.compile_dir(Path(__file__).resolve().parent.parent / "facilitator", quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        # This device's files (view state, the CSS cache) in the run's own folder, kept for
        # all its starts as on a user's machine (and the user's own left alone).
        os.environ[ENV_STATE_DIR] = f"{folder}/state"
        library = SessionLibrary(Path(folder))
        small = prepare(library, 10)
        large = prepare(library, 500)
        changed = untrusted(library, large)
        children = {
            "hello": (CHILD_HELLO,),
            "10 activities": (CHILD_CLI, folder, small.path.stem),
            "500 activities": (CHILD_CLI, folder, large.path.stem),
            "10, app built directly": (CHILD_APP, folder, str(small.path)),
            "500, app built directly": (CHILD_APP, folder, str(large.path)),
            "500, changed elsewhere": (CHILD_APP, folder, str(changed)),
            "10, first start (no cache)": (CHILD_CLI, folder, small.path.stem),
        }
        if starts:  # a user's start after the first: the CSS its screens use parsed once before
            start_once(*children["10 activities"])
        runs: dict[str, list[Start]] = {name: [] for name in children}
        for _ in range(starts):  # interleaved, so load affects all alike
            for name, child in children.items():
                if name == "500, changed elsewhere":  # its check is remembered: forget it each time
                    SessionService(changed).device.update(trusted=None)
                if name == "10, first start (no cache)":  # as after an install or a new Textual
                    (cache_folder() / FILE_NAME).unlink(missing_ok=True)
                runs[name].append(start_once(*child))

        if not (args.no_timeline or args.keys):  # (before the keys change the file)
            print_timeline(folder, large.path)
            print()
        if args.instructions:
            counted = {k: v for k, v in children.items() if not k.startswith(("500, changed", "10, first"))}
            print_instructions(counted)
            print()
        keys10 = asyncio.run(key_times(library, small, rounds))
        keys500 = asyncio.run(key_times(library, large, rounds))

    rows = key_rows(keys10, keys500)
    if starts:
        rows = start_rows(runs) + rows + memory_rows(runs)
    load_after = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"medians: {starts} starts each (interleaved), {rounds} placement rounds of keys; "
        f"python {sys.version.split()[0]}; load average {load_before} before, {load_after} after"
    )
    print(f"{'measure':<48}{'median':>12}{'ratio':>9}{'target':>8}{'':>6}")
    for name, value, ratio, target, result in rows:
        print(f"{name:<48}{value:>12}{ratio:>9}{target:>8}{result:>6}")
    return 0 if all(r[4] in ("", "PASS") for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
