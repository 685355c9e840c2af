"""`facilitator serve`, counting the CPU time of each stage of a phone's change (bench_phones).

Run as `python bench/serve_stages.py OUT serve ARGS...` (bench_phones.py `--stages OUT` does):
the real server, with the functions of each stage wrapped to add up their CPU time
(`time.thread_time`) and wall time, apart for the event loop's thread and the writer threads
(and per round of placements: a round starts after 0.6 s without a change). Written to OUT
when the server stops, with the sizes of the group commit's batches. Wrapping costs a little
time itself; compare stages, not totals with an unwrapped run.
"""

from __future__ import annotations

import atexit
import collections
import functools
import gc
import itertools
import runpy
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from facilitator.core import changes, groupcommit, service, store, watcher
from facilitator.web import page, server

STATS: dict[tuple[int, str, str], list[float]] = collections.defaultdict(lambda: [0, 0.0, 0.0])
ROUND = {"number": 0, "last": 0.0}
BATCHES: list[tuple[int, int]] = []
MAIN = threading.main_thread()
GAP = 0.6


def counted(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        where = "loop" if threading.current_thread() is MAIN else "thread"
        cpu, wall = time.thread_time(), time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            entry = STATS[(ROUND["number"], where, name)]
            entry[0] += 1
            entry[1] += time.thread_time() - cpu
            entry[2] += time.perf_counter() - wall

    return wrapper


def rounds(function: Callable[..., Any]) -> Callable[..., Any]:
    """A change after a quiet GAP starts a round (round 0: joining, before any change)."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        now = time.monotonic()
        if now - ROUND["last"] > GAP:
            ROUND["number"] += 1
            CLOCKS.append(clocks())
        ROUND["last"] = now
        return function(*args, **kwargs)

    return wrapper


def batches(function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(self: Any, batch: list[Any]) -> Any:
        BATCHES.append((ROUND["number"], len(batch)))
        return function(self, batch)

    return wrapper


GC_STARTED: dict[str, float] = {}


def garbage_collection(phase: str, info: dict[str, int]) -> None:
    """Each garbage collection as a stage of its own ("gc gen N"): a full one can take 50 ms."""
    if phase == "start":
        GC_STARTED["cpu"], GC_STARTED["wall"] = time.thread_time(), time.perf_counter()
        return
    where = "loop" if threading.current_thread() is MAIN else "thread"
    entry = STATS[(ROUND["number"], where, f"gc gen {info['generation']}")]
    entry[0] += 1
    entry[1] += time.thread_time() - GC_STARTED.get("cpu", time.thread_time())
    entry[2] += time.perf_counter() - GC_STARTED.get("wall", time.perf_counter())


READS: list[str] = []
CLOCKS: list[tuple[float, float]] = []


def clocks() -> tuple[float, float]:
    """The event loop's thread's CPU time so far, and the whole process's."""
    assert MAIN.ident is not None
    return time.clock_gettime(time.pthread_getcpuclockid(MAIN.ident)), time.process_time()


def logged_read(function: Callable[..., Any]) -> Callable[..., Any]:
    """Why the file was read again: its signature against what this process knew."""

    @functools.wraps(function)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        known = {"cache": self._cache, "written": self._written, "replacing": self._replacing}
        known_sigs = {name: pair[0] if pair else None for name, pair in known.items()}
        try:
            on_disk = store.signature(self.path)
        except OSError:
            on_disk = None
        READS.append(f"round {ROUND['number']} {threading.current_thread().name}: {on_disk} {known_sigs}")
        return function(self, *args, **kwargs)

    return wrapper


def install() -> None:
    gc.callbacks.append(garbage_collection)
    for name in ("after_change", "live_event", "render_text", "live_page", "device_of", "party_page"):
        setattr(server, name, counted(f"server.{name}", getattr(server, name)))
    server.core_api.for_party = counted("for_party", server.core_api.for_party)  # type: ignore[method-assign]
    server.core_api.party_view = counted("party_view", server.core_api.party_view)  # type: ignore[method-assign]
    page.own_placement = counted("own_placement", page.own_placement)  # type: ignore[method-assign]
    service.build_session = counted("build_session", service.build_session)  # type: ignore[method-assign]
    changes.apply_change = counted("apply_change", changes.apply_change)  # type: ignore[method-assign]
    service.append_event = counted("append_event", service.append_event)  # type: ignore[method-assign]
    klass = service.SessionService
    klass.session = property(counted("service.session", klass.session.fget))  # type: ignore[method-assign,arg-type]
    klass.change = counted("service.change", rounds(klass.change))  # type: ignore[method-assign]
    files = store.SessionFile
    files._write_batch = counted("write batch", files._write_batch)  # type: ignore[method-assign]
    files._load = counted("re-read file", logged_read(files._load))  # type: ignore[method-assign]
    store.SessionEncoder.encode = counted("serialise", store.SessionEncoder.encode)  # type: ignore[method-assign]
    store.atomic_write_text = counted("write+fsync", store.atomic_write_text)
    watcher.SessionWatch.check = counted("watcher look", watcher.SessionWatch.check)  # type: ignore[method-assign]
    groupcommit.GroupCommit._lead = batches(groupcommit.GroupCommit._lead)  # type: ignore[method-assign]


def report(path: str) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for number in sorted({n for n, _ in BATCHES}):
            out.write(f"round {number}: batches {[size for n, size in BATCHES if n == number]}\n")
        out.writelines(f"read again: {line}\n" for line in READS)
        marks = [*CLOCKS, clocks()]
        for number, (start, end) in enumerate(itertools.pairwise(marks), start=1):
            loop, process = (end[0] - start[0]) * 1000, (end[1] - start[1]) * 1000
            out.write(
                f"round {number}: CPU {process:.0f} ms, of which the event loop's thread {loop:.0f} ms\n"
            )
        head = ("round", "where", "stage", "calls", "cpu ms", "cpu/call", "wall/call")
        out.write("{:>5} {:6} {:22} {:>6} {:>8} {:>9} {:>9}\n".format(*head))
        for (number, where, name), (calls, cpu, wall) in sorted(
            STATS.items(), key=lambda item: (item[0][0], -item[1][1])
        ):
            out.write(
                f"{number:5d} {where:6} {name:22} {calls:6.0f} {cpu * 1000:8.1f} "
                f"{cpu * 1000 / calls:9.2f} {wall * 1000 / calls:9.2f}\n"
            )


if __name__ == "__main__":
    install()
    atexit.register(report, sys.argv[1])
    sys.argv = ["facilitator", *sys.argv[2:]]
    runpy.run_module("facilitator", run_name="__main__", alter_sys=True)
