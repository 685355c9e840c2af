"""Several processes changing one session at once: nothing lost, nothing doubled."""

from __future__ import annotations

import collections
import itertools
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import Scenario
from facilitator.core.service import SessionService

WRITER = Path(__file__).parent / "writer.py"
PROCESSES = 4
CHANGES = 200


pytestmark = pytest.mark.slow


def run_writers(path: Path, processes: int, changes: int, threads: int = 0) -> list[str]:
    """Start `processes` writers at once (each with `threads` threads); the titles they acknowledged."""
    procs = [
        subprocess.Popen(
            [sys.executable, str(WRITER), str(path), f"writer{n}", str(changes), str(threads)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(processes)
    ]
    outputs = [proc.communicate(timeout=120) for proc in procs]
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
    return [line for out, _ in outputs for line in out.splitlines() if line != "ready"]


def test_four_processes_writing_at_once(library: SessionLibrary, scenario: Scenario) -> None:
    path = library.create(scenario, "Busy room").path
    # One change of our own first, so the writers start from a non-empty log.
    SessionService(path).add_party("Police")
    acknowledged = run_writers(path, PROCESSES, CHANGES)
    assert len(acknowledged) == PROCESSES * CHANGES

    session = SessionService(path).session
    titles = collections.Counter(a.title for a in session.activities)
    expected = {f"writer{n}-{i}" for n in range(PROCESSES) for i in range(CHANGES)}
    assert set(titles) == expected
    assert max(titles.values()) == 1, "an activity was written twice"
    assert len({a.id for a in session.activities}) == PROCESSES * CHANGES

    events = session.events
    assert [e.seq for e in events] == list(range(1, PROCESSES * CHANGES + 2))
    added = [e for e in events if e.kind == "activity.added"]
    assert collections.Counter(e.actor for e in added) == {f"writer{n}": CHANGES for n in range(PROCESSES)}
    # Each writer's own changes kept their order.
    for n in range(PROCESSES):
        mine = [e.data["title"] for e in added if e.actor == f"writer{n}"]
        assert mine == [f"writer{n}-{i}" for i in range(CHANGES)]


def test_processes_with_threads_writing_at_once(library: SessionLibrary, scenario: Scenario) -> None:
    """Each process batches its threads' changes; the processes still take turns on the file."""
    path = library.create(scenario, "Busy room").path
    processes, threads, changes = 3, 4, 15
    acknowledged = run_writers(path, processes, changes, threads)
    assert len(acknowledged) == processes * threads * changes
    session = SessionService(path).session
    titles = collections.Counter(a.title for a in session.activities)
    assert set(titles) == set(acknowledged) and max(titles.values()) == 1
    assert [e.seq for e in session.events] == list(range(1, len(acknowledged) + 1))
    for n, k in itertools.product(range(processes), range(threads)):  # each thread's order kept
        mine = [a.title for a in session.activities if a.title.startswith(f"writer{n}-t{k}-")]
        assert mine == [f"writer{n}-t{k}-{i}" for i in range(changes)]
