"""How long does finding every mismatch take, next to loading the session?

For a session of 500 activities and 12 parties (by default) this prints the median time
of `mismatches(session)` beside the median time to load that session, measured in the
same run and interleaved with it:

    load       SessionService(path).session on a fresh service: read the file, parse the
               JSON, check it, parse the embedded scenario, build the model
    fresh      mismatches(session) on the Session that load just built, so building its
               per-activity indexes (Session._of, each kind when first asked) counts in
               the mismatch time, as it does the first time a screen asks; the verdict
               uses this one
    warm       mismatches(session) again on the same Session, indexes already built

Target: fresh <= 0.5x load.

Run:  python bench/bench_mismatches.py [--quick] [--sizes 500] [--repeats N] [--dir PATH]
                                       [--profile [tottime|cumulative]]

The session is built by `bench_store.build_session` (the real change handlers, in
memory, written once) in a temporary data folder that is deleted afterwards.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_store import PARTIES, SCENARIO_ID, build_session, parse_sizes

from facilitator.core.library import SessionLibrary
from facilitator.core.mismatches import counts_by_kind, mismatches
from facilitator.core.model import ATTACHED, Session
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService

DEFAULT_SIZES = (500,)
TARGET = 0.5
MIN_REPEATS = 20


@dataclass
class Result:
    size: int
    file_kb: float
    found: int
    counts: dict[str, int]
    load_ms: list[float] = field(default_factory=list)
    fresh_ms: list[float] = field(default_factory=list)
    warm_ms: list[float] = field(default_factory=list)
    index_ms: list[float] = field(default_factory=list)
    full_gcs: int = 0  # oldest-generation garbage collections that ran inside the fresh runs

    @property
    def ratio(self) -> float:
        return statistics.median(self.fresh_ms) / statistics.median(self.load_ms)


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter_ns()
    value = fn()
    return value, (time.perf_counter_ns() - started) / 1e6


def load(path: Path) -> Session:
    return SessionService(path).session


def measure(path: Path, size: int, repeats: int, profiler: cProfile.Profile | None) -> Result:
    session = load(path)
    found = mismatches(session)
    result = Result(size, path.stat().st_size / 1024, len(found), counts_by_kind(found))
    for _ in range(3):  # warm-up: imports, the OS file cache, CPU caches
        mismatches(load(path))
    for r in range(repeats):
        gc.collect()
        # Each round loads a session and measures on that fresh one. The side that runs
        # first alternates: on even rounds the timed load is the one measured on; on odd
        # rounds an untimed load gives the fresh Session and the timed load follows, so
        # neither side always runs right after the other.
        if r % 2 == 0:
            fresh, ms = timed(lambda: load(path))
            result.load_ms.append(ms)
        else:
            fresh = load(path)
        if profiler is not None:
            profiler.enable()
        full_gcs = gc.get_stats()[2]["collections"]
        again, ms = timed(lambda: mismatches(fresh))  # noqa: B023 - called right here
        result.full_gcs += gc.get_stats()[2]["collections"] - full_gcs
        if profiler is not None:
            profiler.disable()
        result.fresh_ms.append(ms)
        _, ms = timed(lambda: mismatches(fresh))  # noqa: B023
        result.warm_ms.append(ms)
        if r % 2 == 1:
            _, ms = timed(lambda: load(path))
            result.load_ms.append(ms)
        # The index build on its own, on yet another fresh Session.
        other = load(path)
        _, ms = timed(lambda: [other._of(kind, "") for kind in ATTACHED])  # noqa: B023
        result.index_ms.append(ms)
        assert len(again) == result.found
    return result


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def table(results: list[Result]) -> str:
    head = (
        f"{'size':>6} {'file KB':>8} {'found':>6} {'load ms':>8} {'fresh ms':>9} {'ratio':>6} "
        f"{'target':>7} {'verdict':>7}   {'warm ms':>8} {'ratio':>6} {'index ms':>9}"
    )
    lines = [head, "-" * len(head)]
    for r in results:
        load_ms, fresh, warm = median(r.load_ms), median(r.fresh_ms), median(r.warm_ms)
        verdict = "PASS" if r.ratio <= TARGET else "over"
        lines.append(
            f"{r.size:>6} {r.file_kb:>8.0f} {r.found:>6} {load_ms:>8.2f} {fresh:>9.2f} "
            f"{r.ratio:>5.2f}x {'<=' + str(TARGET) + 'x':>7} {verdict:>7}   {warm:>8.2f} "
            f"{warm / load_ms:>5.2f}x {median(r.index_ms):>9.2f}"
        )
    return "\n".join(lines)


def details(results: list[Result]) -> str:
    lines = ["", "spread (p10 / p90 ms), and the mismatches found by kind:"]
    for r in results:
        spread = []
        for name, values in (("load", r.load_ms), ("fresh", r.fresh_ms), ("warm", r.warm_ms)):
            q = statistics.quantiles(values, n=10)
            spread.append(f"{name} {q[0]:.2f} / {q[8]:.2f}")
        kinds = ", ".join(f"{kind} {n}" for kind, n in r.counts.items())
        lines.append(
            f"  {r.size:>5}: {'; '.join(spread)} ({len(r.load_ms)} repeats; "
            f"{r.full_gcs} full garbage collections ran inside the fresh runs)"
        )
        lines.append(f"         {kinds}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=list(DEFAULT_SIZES),
        help="comma-separated activity counts (default 500)",
    )
    parser.add_argument("--quick", action="store_true", help="7 repeats instead of 30: a smoke run")
    parser.add_argument("--repeats", type=int, help=f"repeats per size (default 30; at least {MIN_REPEATS})")
    parser.add_argument("--dir", type=Path, help="where to make the temporary data folder")
    parser.add_argument(
        "--profile",
        nargs="?",
        const="tottime",
        choices=("tottime", "cumulative"),
        help="also cProfile the fresh mismatch runs and print the top 25 functions per size "
        "(profiling inflates those timings: read ratios from a run without it)",
    )
    args = parser.parse_args(argv)
    repeats = 7 if args.quick else (args.repeats or 30)
    if not args.quick and repeats < MIN_REPEATS:
        parser.error(f"--repeats must be at least {MIN_REPEATS} (or use --quick)")

    scenario = find_scenario(SCENARIO_ID)
    base = Path(tempfile.mkdtemp(prefix="facilitator-bench-", dir=args.dir))
    results: list[Result] = []
    profiles: dict[int, cProfile.Profile] = {}
    try:
        library = SessionLibrary(base)
        print(f"data folder {base} (python {sys.version.split()[0]}, {sys.platform})", flush=True)
        for size in args.sizes:
            print(f"  {size} activities, {PARTIES} parties: building, then {repeats} repeats ...", flush=True)
            built = build_session(library, scenario, size, seed=size)
            profiler = cProfile.Profile() if args.profile else None
            if profiler is not None:
                profiles[size] = profiler
            results.append(measure(built.path, size, repeats, profiler))
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print()
    print("all mismatches of a session vs. loading it (SessionService(path).session), medians")
    print("(fresh: on a just-loaded Session, index build included; warm: indexes already built)")
    print()
    print(table(results))
    print(details(results))
    for size, profiler in profiles.items():
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats(args.profile).print_stats(25)
        print(f"\ncProfile of the fresh mismatch runs, {size} activities (sorted by {args.profile}):")
        print(out.getvalue().strip())
    return 1 if any(r.ratio > TARGET for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
