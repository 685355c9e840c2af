"""How long does each export format take for a big session?

For a session of 500 activities and 12 parties (by default) this prints, for every
format (md, html, csv, json, svg), the median time of:

    export     reports.export_files(service, fmt) on a service whose session is already
               loaded, as the app calls it: building the report and encoding it
    total      what `facilitator export ID --format FMT -o PATH` does after parsing its
               arguments: a fresh SessionService (read, parse and check the file, build
               the model), export_files, and the atomic write of every file; the verdict
               uses this one

Target: total <= 300 ms for every format.

Run:  python bench/bench_reports.py [--quick] [--sizes 500] [--repeats N] [--dir PATH]
                                    [--profile [tottime|cumulative]]

The session is built by `bench_store.build_session` (the real change handlers, in
memory, written once) in a temporary data folder that is deleted afterwards. Formats
are measured in rotation (md, html, csv, json, svg; then html, csv, ...), so that
noise from the machine spreads over all of them.
"""

from __future__ import annotations

import argparse
import cProfile
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

from facilitator.core import reports
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService

DEFAULT_SIZES = (500,)
TARGET_MS = 300.0
MIN_REPEATS = 15
GENERATED = "2025-03-04 12:00"  # a fixed stamp: every run writes the same bytes


@dataclass
class Result:
    size: int
    fmt: str
    files: int = 0
    kilobytes: float = 0.0
    export_ms: list[float] = field(default_factory=list)
    total_ms: list[float] = field(default_factory=list)

    @property
    def total(self) -> float:
        return statistics.median(self.total_ms)


def timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter_ns()
    value = fn()
    return value, (time.perf_counter_ns() - started) / 1e6


def end_to_end(path: Path, fmt: str, out: Path) -> list[Path]:
    service = SessionService(path)
    files = reports.export_files(service, fmt, generated=GENERATED)
    if fmt in reports.MULTI_FILE:
        return reports.write_files(files, out)
    (content,) = files.values()
    return [reports.write_file(out / next(iter(files)), content)]


def measure(
    path: Path, size: int, repeats: int, out: Path, profiler: cProfile.Profile | None
) -> list[Result]:
    results = {fmt: Result(size, fmt) for fmt in reports.FORMATS}
    warm = SessionService(path)
    warm.session  # noqa: B018 - load once: "export" measures the report alone
    for fmt in reports.FORMATS:  # warm-up: imports, caches, the OS file cache
        files = reports.export_files(warm, fmt, generated=GENERATED)
        results[fmt].files = len(files)
        results[fmt].kilobytes = sum(len(b) for b in files.values()) / 1024
        end_to_end(path, fmt, out)
    formats = list(reports.FORMATS)
    for r in range(repeats):
        rotation = formats[r % len(formats) :] + formats[: r % len(formats)]
        for fmt in rotation:
            if profiler is not None:
                profiler.enable()
            _, ms = timed(lambda: reports.export_files(warm, fmt, generated=GENERATED))  # noqa: B023
            if profiler is not None:
                profiler.disable()
            results[fmt].export_ms.append(ms)
            _, ms = timed(lambda: end_to_end(path, fmt, out))  # noqa: B023
            results[fmt].total_ms.append(ms)
    return list(results.values())


def table(results: list[Result]) -> str:
    head = (
        f"{'size':>6} {'format':>6} {'files':>5} {'KB':>7} {'export ms':>10} {'total ms':>9} "
        f"{'target':>7} {'verdict':>7}   {'p10 / p90 total':>16}"
    )
    lines = [head, "-" * len(head)]
    for r in results:
        q = statistics.quantiles(r.total_ms, n=10)
        verdict = "PASS" if r.total <= TARGET_MS else "over"
        lines.append(
            f"{r.size:>6} {r.fmt:>6} {r.files:>5} {r.kilobytes:>7.0f} "
            f"{statistics.median(r.export_ms):>10.1f} {r.total:>9.1f} "
            f"{'<=' + f'{TARGET_MS:.0f}':>7} {verdict:>7}   {q[0]:>7.1f} / {q[8]:<7.1f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=list(DEFAULT_SIZES),
        help="comma-separated activity counts (default 500)",
    )
    parser.add_argument("--quick", action="store_true", help="5 repeats instead of 25: a smoke run")
    parser.add_argument(
        "--repeats", type=int, help=f"repeats per format (default 25; at least {MIN_REPEATS})"
    )
    parser.add_argument("--dir", type=Path, help="where to make the temporary data folder")
    parser.add_argument(
        "--profile",
        nargs="?",
        const="tottime",
        choices=("tottime", "cumulative"),
        help="also cProfile the export runs and print the top 30 functions per size "
        "(profiling inflates those timings: read the table from a run without it)",
    )
    args = parser.parse_args(argv)
    repeats = 5 if args.quick else (args.repeats or 25)
    if not args.quick and repeats < MIN_REPEATS:
        parser.error(f"--repeats must be at least {MIN_REPEATS} (or use --quick)")

    scenario = find_scenario(SCENARIO_ID)
    base = Path(tempfile.mkdtemp(prefix="facilitator-bench-", dir=args.dir))
    results: list[Result] = []
    profiles: dict[int, cProfile.Profile] = {}
    try:
        library = SessionLibrary(base)
        out = base / "exports"
        out.mkdir()
        print(f"data folder {base} (python {sys.version.split()[0]}, {sys.platform})", flush=True)
        for size in args.sizes:
            print(f"  {size} activities, {PARTIES} parties: building, then {repeats} repeats ...", flush=True)
            built = build_session(library, scenario, size, seed=size)
            profiler = cProfile.Profile() if args.profile else None
            if profiler is not None:
                profiles[size] = profiler
            results.extend(measure(built.path, size, repeats, out, profiler))
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print()
    print("each export format, medians (export: session already loaded; total: fresh load + export + write)")
    print()
    print(table(results))
    for size, profiler in profiles.items():
        stream = io.StringIO()
        stats = pstats.Stats(profiler, stream=stream)
        stats.sort_stats(args.profile).print_stats(30)
        print(f"\ncProfile of the export runs, {size} activities (sorted by {args.profile}):")
        print(stream.getvalue().strip())
    return 1 if any(r.total > TARGET_MS for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
