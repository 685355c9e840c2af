"""The app's start, step by step: where the time to the first frame goes.

Run by `bench_app.py` (and alone: `python bench/start_timeline.py SESSION_FILE`). A fresh
Python process starts the app on the session as `bench_app`'s start does and notes the
moment each step ends (launch, interpreter, imports, app built with its first screen, first
frame). The largest items come from two more runs of the same start: Python's own import
timer (`-X importtime`, summed by package) and a profile of the start (the facilitator's and
Textual's functions that took longest, inclusive), so a deferral can aim at what is big.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

CHILD = r"""
import json, sys, time
marks = [("interpreter up", time.time(), time.process_time())]
spans = {}

def span(name, owner, attribute):
    original = getattr(owner, attribute)
    def wrapper(*args, **kwargs):
        started = time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            spans[name] = spans.get(name, 0.0) + time.process_time() - started
    setattr(owner, attribute, wrapper)

import textual.app
marks.append(("import textual", time.time(), time.process_time()))
from textual import events
from facilitator.core.library import SessionLibrary
from facilitator.ui.app import FacilitatorApp
marks.append(("import facilitator.ui.app", time.time(), time.process_time()))
from facilitator.core import service, store
from textual.css.stylesheet import Stylesheet
span("read the file, deep check", store.SessionFile, "_load")
span("read the file, trusted (shape only)", store.SessionFile, "_load_trusted")
span("build the session model", service, "build_session")
span("CSS: parse", Stylesheet, "parse")
span("CSS: apply to widgets", Stylesheet, "update_nodes")

class Timed(FacilitatorApp):
    def on_mount(self, event=None):
        marks.append(("app mounted", time.time(), time.process_time()))
        return super().on_mount()

    def on_ready(self, event: events.Ready) -> None:  # (Textual calls the app's own on_ready after)
        marks.append(("first frame (Ready)", time.time(), time.process_time()))
        self.call_after_refresh(self._done)

    def _done(self) -> None:
        marks.append(("after the next refresh", time.time(), time.process_time()))
        print(json.dumps({"marks": marks, "spans": spans}))
        self.exit()

from pathlib import Path
app = Timed(SessionLibrary(Path(sys.argv[1])), session_path=Path(sys.argv[2]), lang="en")
marks.append(("app built (first screen, session opened)", time.time(), time.process_time()))
app.run(headless=True, size=(160, 50))
"""

PROFILED = r"""
import cProfile, pstats, runpy, sys
profile = cProfile.Profile()
profile.enable()
sys.argv = sys.argv[1:]
try:
    exec(compile(open(sys.argv[0]).read(), "child", "exec"), {"__name__": "__main__"})
finally:
    profile.disable()
    profile.dump_stats(sys.argv[-1])
"""


def marks(folder: str, session: Path) -> tuple[list[tuple[str, float, float]], dict[str, float]]:
    """(step, seconds since launch, CPU seconds of the process) for each step; seconds in the spans."""
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, folder, str(session)], capture_output=True, text=True, timeout=120
    )
    if out.returncode != 0:
        raise SystemExit(f"timeline child failed:\n{out.stderr[-3000:]}")
    report = json.loads([line for line in out.stdout.splitlines() if line.startswith("{")][-1])
    return [(name, at - started, cpu) for name, at, cpu in report["marks"]], report["spans"]


def imports(folder: str, session: Path, top: int) -> list[tuple[str, float]]:
    """Import time (self) by package, largest first, from `-X importtime`."""
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", CHILD, folder, str(session)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    by_package: dict[str, float] = defaultdict(float)
    for line in out.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        parts = line.split("|")
        name = parts[2].strip()
        root = name.split(".")[0]
        key = ".".join(name.split(".")[:2]) if root in ("facilitator", "textual") else root
        by_package[key] += int(parts[0].split(":")[1]) / 1e6
    return sorted(by_package.items(), key=lambda item: -item[1])[:top]


def profile(folder: str, session: Path, top: int) -> list[tuple[str, float]]:
    """The facilitator's and Textual's functions that took longest during the start (inclusive)."""
    import pstats
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        child = Path(scratch) / "child.py"
        child.write_text(CHILD, encoding="utf-8")
        stats_file = Path(scratch) / "start.prof"
        subprocess.run(
            [sys.executable, "-c", PROFILED, str(child), folder, str(session), str(stats_file)],
            capture_output=True,
            timeout=180,
            check=False,
        )
        stats = pstats.Stats(str(stats_file))
    rows: list[tuple[str, float]] = []
    skip = ("_process_messages", "_run", "run", "_process_messages_loop", "_dispatch_message", "on_event")
    for (filename, _line, function), (_cc, _nc, _tt, cumulative, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if "/facilitator/" not in filename and "/textual/" not in filename:
            continue
        if function in skip or function.startswith("_on_") or function == "<module>":
            continue
        package = "facilitator" if "/facilitator/" in filename else "textual"
        short = filename.split(f"/{package}/", 1)[1]
        rows.append((f"{package}/{short}:{function}", cumulative))
    rows.sort(key=lambda item: -item[1])
    return rows[:top]


def print_timeline(folder: str, session: Path, top: int = 10) -> None:
    steps, spans = marks(folder, session)
    print(
        f"start timeline, {session.name}: wall ms since launch (+ step), and the process's CPU ms "
        "(+ step; less shaken by a loaded machine)"
    )
    previous, previous_cpu = 0.0, 0.0
    for name, at, cpu in steps:
        print(
            f"  {at * 1000:7.0f} ms (+{(at - previous) * 1000:5.0f})   cpu {cpu * 1000:6.0f} ms "
            f"(+{(cpu - previous_cpu) * 1000:5.0f})  {name}"
        )
        previous, previous_cpu = at, cpu
    print("  within those steps (CPU):")
    for name, seconds in sorted(spans.items(), key=lambda item: -item[1]):
        print(f"           {seconds * 1000:7.1f} ms  {name}")
    print(f"  largest imports (self time, by package; top {top}):")
    for name, seconds in imports(folder, session, top):
        print(f"           {seconds * 1000:7.1f} ms  {name}")
    print(f"  largest functions during the start (inclusive, profiled, so slower; top {top}):")
    for name, seconds in profile(folder, session, top):
        print(f"           {seconds * 1000:7.1f} ms  {name}")


if __name__ == "__main__":
    target = Path(sys.argv[1])
    print_timeline(str(target.parent), target)


def instructions_to_first_frame(code: str, *args: str) -> int | None:
    """Instructions one start executes up to its first frame (one refresh more), counted by
    valgrind's callgrind: unlike wall or CPU time, the same on a loaded machine. The child
    leaves at once instead of closing the app, so its shutdown is not counted. None without
    valgrind."""
    import shutil
    import tempfile

    if shutil.which("valgrind") is None:
        return None
    code = code.replace("        self.exit()", "        import os, sys; sys.stdout.flush(); os._exit(0)")
    with tempfile.TemporaryDirectory() as scratch:
        command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={scratch}/cg.out"]
        out = subprocess.run(
            [*command, sys.executable, "-c", code, *args],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    for line in out.stderr.splitlines():
        if "Collected :" in line:
            return int(line.split(":")[-1].strip())
    return None


def print_instructions(children: dict[str, tuple[str, ...]]) -> None:
    """Each start's instructions to its first frame, next to hello world's (`--instructions`)."""
    counts = {name: instructions_to_first_frame(*child) for name, child in children.items()}
    hello = counts.get("hello")
    if not hello:
        print("instructions to the first frame: valgrind not found")
        return
    print("instructions to the first frame (callgrind; the same under any load):")
    for name, count in counts.items():
        if count is not None:
            print(f"  {name:<28}{count / 1e6:8.0f} M   {count / hello:.2f}x")
