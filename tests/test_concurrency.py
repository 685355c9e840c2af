"""Several processes changing one session at once: nothing lost, nothing doubled."""

from __future__ import annotations

import collections
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


def test_four_processes_writing_at_once(library: SessionLibrary, scenario: Scenario) -> None:
    path = library.create(scenario, "Busy room").path
    # One change of our own first, so the writers start from a non-empty log.
    SessionService(path).add_party("Police")
    procs = [
        subprocess.Popen(
            [sys.executable, str(WRITER), str(path), f"writer{n}", str(CHANGES)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(PROCESSES)
    ]
    outputs = [proc.communicate(timeout=120) for proc in procs]
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
    acknowledged = [line for out, _ in outputs for line in out.splitlines() if line != "ready"]
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
