"""How much does recording one change cost, next to simply writing the file?

For sessions of 50, 500 and 2,000 activities this prints the median cost of one real
`SessionService` change (lock, re-read check, handler, event append, atomic write with
fsyncs) beside a plain-write floor for the very same data, measured in the same run and
interleaved with it (ABAB) so disk noise hits both alike:

    floor      json.dump(data, fh, **JSON_OPTIONS) to a temp file in the session folder,
               flush, os.fsync, os.replace (the issue's definition; target ratio <= 1.5x)
    strict     the same with fh.write(json.dumps(data, **JSON_OPTIONS)): json.dump streams
               through the pure-Python encoder, json.dumps uses the C one, so this is the
               lowest cost of a plain write and the fairer yardstick

Run:  python bench/bench_store.py [--quick] [--sizes 50,500,2000] [--repeats N] [--dir PATH]
                                   [--profile [tottime|cumulative]]

The sessions are built in a temporary data folder (deleted afterwards). Building 2,000
activities one change at a time through the service would rewrite the file thousands of
times, so the tables are built in memory by the real change handlers (`apply_change` +
`append_event`, exactly what the service runs) and written once; only the measured
changes go through `SessionService`.
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import datetime as dt
import gc
import io
import json
import os
import pstats
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # runnable as `python bench/bench_store.py` from a checkout
    sys.path.insert(0, str(ROOT))

from facilitator.core.changes import apply_change  # noqa: E402
from facilitator.core.library import SessionLibrary  # noqa: E402
from facilitator.core.scenario import Scenario, find_scenario  # noqa: E402
from facilitator.core.service import SessionService, append_event  # noqa: E402
from facilitator.core.store import JSON_OPTIONS, atomic_write_text, dumps, new_id  # noqa: E402
from facilitator.core.tables_db import MemoryTablesStorage, tinydb_over  # noqa: E402

DEFAULT_SIZES = (50, 500, 2000)
TARGET = 1.5
PARTIES = 12
SCENARIO_ID = "community-safety"

VOCABULARY = (
    "youth centre police school seniors residents meeting round table evening patrol "
    "shared calendar street lighting safety walk survey information exchange parents "
    "volunteers social worker district plan evaluation funding venue newsletter night "
    "watch playground bus stop awareness campaign training neighbourhood"
)
WORDS = VOCABULARY.split()


def sentence(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


# --------------------------------------------------------------------------- building


@dataclass
class Built:
    """A session on disk and what the measured changes need to know about it."""

    path: Path
    parties: list[str]
    open_activities: list[tuple[str, list[str]]]  # not revealed: placements allowed
    all_activities: list[tuple[str, list[str]]]
    build_seconds: float


class Clock:
    """Event times a few seconds apart, as in a live workshop."""

    def __init__(self) -> None:
        self.t = dt.datetime(2025, 3, 4, 9, 0, tzinfo=dt.UTC)

    def tick(self, rng: random.Random) -> str:
        self.t += dt.timedelta(milliseconds=rng.randint(500, 20_000))
        return self.t.isoformat(timespec="milliseconds")


def build_session(library: SessionLibrary, scenario: Scenario, size: int, seed: int) -> Built:
    """A realistic session of `size` activities, built by the real handlers in memory."""
    started = time.perf_counter()
    rng = random.Random(seed)
    service = library.create(scenario, f"Benchmark session, {size} activities", place="Keila")
    path = service.path
    storage = MemoryTablesStorage(copy.deepcopy(service.file.read()))
    db = tinydb_over(storage)
    clock = Clock()

    def change(kind: str, data: dict[str, Any], actor: str = "facilitator") -> None:
        at = clock.tick(rng)
        apply_change(db, scenario, kind, data, at)
        append_event(db, kind, data, actor, at)

    rungs = list(scenario.rung_ids())
    roles = [r.id for r in scenario.roles]
    approaches = [a.id for a in scenario.approaches]
    suggested = list(scenario.parties)
    fields_of = {r.id: [f.id for f in r.fields] for r in scenario.rungs}
    # The phases the session's own copy of the scenario has (what loading checks `phase` against):
    # a first session's leaves out the follow-up. Re-picked only when the choice is not one,
    # so sessions that never drew it are built as before.
    phases = [p.id for p in service.session.scenario.agenda]

    parties: list[str] = []
    for i in range(PARTIES):
        party_id = new_id()
        base = suggested[i % len(suggested)]
        change(
            "party.added",
            {"id": party_id, "name": base.name, "suggested_id": base.id, "affected": base.affected},
        )
        parties.append(party_id)
        for _ in range(rng.randint(1, 3)):
            change(
                "participant.added",
                {"id": new_id(), "name": sentence(rng, 2, 2)[:-1], "party_id": party_id},
            )
    affected = [p for p, s in zip(parties, suggested, strict=False) if s.affected] or parties[:1]

    open_activities: list[tuple[str, list[str]]] = []
    all_activities: list[tuple[str, list[str]]] = []
    for n in range(size):
        activity_id = new_id()
        involved = rng.sample(parties, rng.randint(2, 4))
        change(
            "activity.added",
            {
                "id": activity_id,
                "title": sentence(rng, 3, 7)[:-1],
                "description": sentence(rng, 8, 30) if rng.random() < 0.7 else "",
                "party_ids": involved,
                "concerns": [rng.choice(affected)] if rng.random() < 0.3 else [],
                "approach": rng.choice(approaches) if approaches and rng.random() < 0.5 else None,
            },
        )
        all_activities.append((activity_id, involved))
        home = rng.randrange(len(rungs))
        placed = rng.random() < 0.85
        revealed = False
        if placed:
            rounds = 2 if rng.random() < 0.08 else 1
            for r in range(rounds):
                for party in involved:
                    current = rungs[min(home + rng.choice((0, 0, 1)), len(rungs) - 1)]
                    wished = rungs[min(home + rng.choice((0, 1, 1, 2)), len(rungs) - 1)]
                    change(
                        "placement.recorded",
                        {"activity_id": activity_id, "party_id": party, "current": current, "wished": wished},
                        party,
                    )
                if r < rounds - 1:
                    change("activity.revealed", {"id": activity_id})
                    change("activity.revote", {"id": activity_id})
                elif rng.random() < 0.8:  # some last rounds are still blind
                    change("activity.revealed", {"id": activity_id})
                    revealed = True
        if not revealed:
            open_activities.append((activity_id, involved))
            continue
        agreed: str | None = None
        if rng.random() < 0.75:
            agreed = rungs[home]
            data: dict[str, Any] = {
                "id": activity_id,
                "current": agreed,
                "wished": rungs[min(home + 1, len(rungs) - 1)],
            }
            if rng.random() < 0.3:
                data["note"] = sentence(rng, 6, 20)
            change("activity.agreed", data)
        if rng.random() < 0.5:
            for j, party in enumerate(involved):
                role = roles[0] if j == 0 else rng.choice(roles[1:] or roles)
                change("role.set", {"activity_id": activity_id, "party_id": party, "role_id": role})
        for party in involved:
            if rng.random() < 0.3:
                change(
                    "commitment.added",
                    {
                        "id": new_id(),
                        "activity_id": activity_id,
                        "party_id": party,
                        "text": sentence(rng, 8, 20),
                    },
                )
        if rng.random() < 0.3:
            source, target = rng.sample(involved, 2)
            expectation_id = new_id()
            change(
                "expectation.added",
                {
                    "id": expectation_id,
                    "activity_id": activity_id,
                    "from_party": source,
                    "to_party": target,
                    "text": sentence(rng, 8, 20),
                },
            )
            state = rng.choice(("open", "accepted", "amended", "declined"))
            if state != "open":
                change(
                    "expectation.answered",
                    {
                        "id": expectation_id,
                        "state": state,
                        "response": sentence(rng, 5, 12) if state != "accepted" else "",
                    },
                    target,
                )
        if agreed is not None:
            for field_id in fields_of.get(agreed, []):
                if rng.random() < 0.4:
                    change(
                        "field.set",
                        {"activity_id": activity_id, "field_id": field_id, "value": sentence(rng, 6, 18)},
                    )
            if rng.random() < 0.25:
                for party in involved:
                    change("signoff.given", {"activity_id": activity_id, "party_id": party}, party)
        if rng.random() < 0.08:
            change(
                "action.added",
                {
                    "id": new_id(),
                    "text": sentence(rng, 4, 10),
                    "owner": involved[0],
                    "activity_id": activity_id,
                    "due": (clock.t.date() + dt.timedelta(days=rng.randint(7, 90))).isoformat(),
                },
            )
        if n % 97 == 0:
            phase = rng.choice(scenario.agenda).id if scenario.agenda else None
            if phase not in phases:  # the follow-up of last time: a first session has none
                phase = rng.choice(phases) if phases else None
            if phase:
                change("phase.changed", {"phase": phase})

    if not open_activities:  # the measured placements need somewhere to go
        open_activities.append(all_activities[-1])
        change("activity.revote", {"id": all_activities[-1][0]})
    with service.file.lock:
        atomic_write_text(path, dumps(storage.data))
    return Built(path, parties, open_activities, all_activities, time.perf_counter() - started)


# --------------------------------------------------------------------------- measuring


@dataclass
class Result:
    size: int
    file_kb: float
    events: int
    change_ms: list[float] = field(default_factory=list)
    floor_ms: list[float] = field(default_factory=list)
    strict_ms: list[float] = field(default_factory=list)
    by_kind: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    build_s: float = 0.0

    def median(self, values: list[float]) -> float:
        return statistics.median(values) if values else float("nan")


def floor_write(data: dict[str, Any], folder: Path, target: Path, *, strict: bool) -> float:
    """One plain write of `data` next to the session; milliseconds."""
    started = time.perf_counter_ns()
    fd, tmp = tempfile.mkstemp(prefix=".floor.", suffix=".tmp", dir=folder)
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        if strict:
            handle.write(json.dumps(data, **JSON_OPTIONS))
        else:
            json.dump(data, handle, **JSON_OPTIONS)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, target)
    return (time.perf_counter_ns() - started) / 1e6


class Changes:
    """A representative mix of real service calls, cycled: what a workshop does most."""

    def __init__(self, service: SessionService, built: Built, scenario: Scenario) -> None:
        self.service = service
        self.built = built
        self.rungs = list(scenario.rung_ids())
        self.roles = [r.id for r in scenario.roles]
        self.n = 0
        self.ops: list[tuple[str, Callable[[], object]]] = [
            ("placement.recorded", self.place),
            ("activity.updated", self.update_activity),
            ("commitment.added", self.add_commitment),
            ("role.set", self.set_role),
        ]

    def pick(self, pool: list[tuple[str, list[str]]]) -> tuple[str, list[str]]:
        return pool[(self.n * 7919) % len(pool)]

    def place(self) -> object:
        activity_id, parties = self.pick(self.built.open_activities)
        party = parties[self.n % len(parties)]
        current = self.rungs[self.n % len(self.rungs)]
        wished = self.rungs[(self.n + 1) % len(self.rungs)]
        return self.service.place(activity_id, party, current, wished)

    def update_activity(self) -> object:
        activity_id, _ = self.pick(self.built.all_activities)
        return self.service.update_activity(
            activity_id, description=f"Edited during the workshop (edit {self.n})."
        )

    def add_commitment(self) -> object:
        activity_id, parties = self.pick(self.built.all_activities)
        return self.service.add_commitment(
            activity_id, parties[0], f"We will report back at the next meeting ({self.n})."
        )

    def set_role(self) -> object:
        activity_id, parties = self.pick(self.built.all_activities)
        return self.service.set_role(activity_id, parties[-1], self.roles[self.n % len(self.roles)])

    def one(self, profiler: cProfile.Profile | None = None) -> tuple[str, float]:
        kind, op = self.ops[self.n % len(self.ops)]
        if profiler is not None:
            profiler.enable()
        started = time.perf_counter_ns()
        op()
        elapsed = (time.perf_counter_ns() - started) / 1e6
        if profiler is not None:
            profiler.disable()
        self.n += 1
        return kind, elapsed


def measure(
    library: SessionLibrary,
    scenario: Scenario,
    size: int,
    repeats: int,
    warmup: int,
    profiler: cProfile.Profile | None = None,
) -> Result:
    built = build_session(library, scenario, size, seed=size)
    # A fresh service, as when the app opens the session; reading it once loads the cache.
    service = SessionService(built.path)
    service.session  # noqa: B018 - also proves the built file is a valid session
    folder = built.path.parent
    floor_target = folder / f".floor-{size}.json"
    changes = Changes(service, built, scenario)

    def data() -> dict[str, Any]:
        return service.file.read()  # the current file's dict, as loaded (cached)

    for _ in range(warmup):
        changes.one()
        floor_write(data(), folder, floor_target, strict=False)
        floor_write(data(), folder, floor_target, strict=True)

    result = Result(size, 0.0, 0, build_s=built.build_seconds)
    for r in range(repeats):
        # ABAB with the order flipped every other round, so neither side always runs
        # right after the other's fsync.
        steps = ("change", "floor", "strict") if r % 2 == 0 else ("strict", "floor", "change")
        for step in steps:
            if step == "change":
                kind, ms = changes.one(profiler)
                result.change_ms.append(ms)
                result.by_kind[kind].append(ms)
            elif step == "floor":
                result.floor_ms.append(floor_write(data(), folder, floor_target, strict=False))
            else:
                result.strict_ms.append(floor_write(data(), folder, floor_target, strict=True))
    final = data()
    result.file_kb = built.path.stat().st_size / 1024
    result.events = len(final.get("events", {}))
    floor_target.unlink(missing_ok=True)
    return result


# --------------------------------------------------------------------------- reporting


def table(results: list[Result]) -> str:
    head = (
        f"{'size':>6} {'file KB':>9} {'events':>7} {'change ms':>10} {'floor ms':>9} "
        f"{'ratio':>6} {'target':>7} {'verdict':>7}   {'strict ms':>9} {'ratio':>6}"
    )
    lines = [head, "-" * len(head)]
    for r in results:
        change, floor, strict = r.median(r.change_ms), r.median(r.floor_ms), r.median(r.strict_ms)
        ratio = change / floor
        verdict = "PASS" if ratio <= TARGET else "over"
        lines.append(
            f"{r.size:>6} {r.file_kb:>9.0f} {r.events:>7} {change:>10.2f} {floor:>9.2f} "
            f"{ratio:>5.2f}x {'<=' + str(TARGET) + 'x':>7} {verdict:>7}   {strict:>9.2f} "
            f"{change / strict:>5.2f}x"
        )
    return "\n".join(lines)


def details(results: list[Result]) -> str:
    lines = ["", "median ms by change kind (n), and spread of the change timings:"]
    for r in results:
        kinds = ", ".join(
            f"{kind} {statistics.median(v):.2f} ({len(v)})" for kind, v in sorted(r.by_kind.items())
        )
        q = statistics.quantiles(r.change_ms, n=10) if len(r.change_ms) >= 2 else [float("nan")] * 9
        lines.append(
            f"  {r.size:>5}: {kinds}; change p10 {q[0]:.2f} / p90 {q[8]:.2f}; built in {r.build_s:.1f}s"
        )
    return "\n".join(lines)


def parse_sizes(text: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"sizes must be whole numbers: {text!r}") from None
    if not sizes or any(s < 1 for s in sizes):
        raise argparse.ArgumentTypeError("sizes must be positive")
    return sizes


def repeats_for(size: int, args: argparse.Namespace) -> int:
    if args.repeats is not None:
        return int(args.repeats)
    if args.quick:
        return 7
    return 30 if size >= 2000 else 40


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--sizes",
        type=parse_sizes,
        default=list(DEFAULT_SIZES),
        help="comma-separated activity counts (default 50,500,2000)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="7 repeats per size instead of 40 (30 at 2,000+): a smoke run"
    )
    parser.add_argument("--repeats", type=int, help="repeats per size (overrides --quick)")
    parser.add_argument(
        "--dir",
        type=Path,
        help="where to make the temporary data folder (default: system temp); "
        "fsync cost depends on the file system, so bench where users store data",
    )
    parser.add_argument(
        "--profile",
        nargs="?",
        const="tottime",
        choices=("tottime", "cumulative"),
        help="also cProfile the measured changes (not the floor) and print the top 25 "
        "functions per size; profiling inflates the change timings, so read ratios "
        "from a run without it",
    )
    args = parser.parse_args(argv)

    scenario = find_scenario(SCENARIO_ID)
    base = Path(tempfile.mkdtemp(prefix="facilitator-bench-", dir=args.dir))
    results: list[Result] = []
    profiles: dict[int, cProfile.Profile] = {}
    try:
        library = SessionLibrary(base)
        print(f"data folder {base} (python {sys.version.split()[0]}, {sys.platform})", flush=True)
        for size in args.sizes:
            repeats = repeats_for(size, args)
            print(f"  {size} activities: building, then {repeats} repeats ...", flush=True)
            gc.collect()
            profiler = cProfile.Profile() if args.profile else None
            if profiler is not None:
                profiles[size] = profiler
            warmup = 3 if repeats > 7 else 1
            results.append(measure(library, scenario, size, repeats, warmup, profiler))
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print()
    print("one recorded change vs. a plain json.dump + fsync + os.replace of the same data")
    print("(medians; 'strict' = the same plain write with json.dumps, the C encoder)")
    print()
    print(table(results))
    print(details(results))
    for size, profiler in profiles.items():
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats(args.profile).print_stats(25)
        print(f"\ncProfile of the measured changes only, {size} activities (sorted by {args.profile}):")
        print(out.getvalue().strip())
    over = [r.size for r in results if r.median(r.change_ms) / r.median(r.floor_ms) > TARGET]
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
