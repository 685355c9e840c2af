"""Crash safety: a writer killed at any instant never loses an acknowledged write."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import Scenario
from facilitator.core.service import SessionService

pytestmark = [pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL"), pytest.mark.slow]

WRITER = Path(__file__).parent / "writer.py"
LANES = 3  # writers killed side by side, on the same file
KILLS_PER_LANE = 20


def acknowledged(stdout: str) -> list[str]:
    """The titles the writer printed in full before it died."""
    lines = stdout.split("\n")
    complete = lines[:-1]  # a last line without its newline was cut off by the kill
    assert complete and complete[0] == "ready", stdout
    return complete[1:]


def check_file(path: Path, titles: set[str]) -> int:
    """The file opens, holds every given title once, and its event log has no gaps."""
    session = SessionService(path).session
    stored = [a.title for a in session.activities]
    assert len(stored) == len(set(stored)), "an activity was written twice"
    missing = titles - set(stored)
    assert not missing, f"acknowledged writes lost: {sorted(missing)[:5]}"
    assert [e.seq for e in session.events] == list(range(1, len(session.events) + 1))
    # Nothing half-applied: every activity has its event, every event its activity.
    logged = [e.data["title"] for e in session.events if e.kind == "activity.added"]
    assert sorted(logged) == sorted(stored), "an activity and its event disagree"
    return len(stored)


def run_lane(path: Path, lane: int, seed: int, threads: int = 0) -> tuple[set[str], int]:
    """Start a writer, kill it at a random instant, check the file; again and again.

    With `threads`, the writer's threads share one service, so most kills land in a batch."""
    rng = random.Random(seed)
    mine: set[str] = set()
    kills = 0
    for round_ in range(KILLS_PER_LANE):
        proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(path), f"lane{lane}-kill{round_}", "0", str(threads)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        # Start the clock once the writer is up, so every kill lands while it writes.
        ready = proc.stdout.readline()
        if ready != "ready\n":
            _, err = proc.communicate(timeout=10)
            pytest.fail(f"writer did not start: {ready!r} {err}")
        # Every other round the clock starts at the first acknowledged write, so a loaded
        # machine (slow start, slow fsync) still kills writers mid-stream, not only before it.
        first = proc.stdout.readline() if round_ % 2 else ""
        time.sleep(rng.uniform(0.020, 0.150))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        # Read through the same buffered stream as the lines above: communicate() reads the
        # pipe's descriptor directly and would skip what readline() had already buffered.
        out, err = proc.stdout.read(), proc.stderr.read() if proc.stderr else ""
        assert proc.returncode == -signal.SIGKILL, err
        kills += 1
        mine.update(acknowledged(ready + first + out))
        check_file(path, mine)
    return mine, kills


@pytest.mark.parametrize("threads", [0, 6], ids=["one-by-one", "batches"])
def test_sigkill_never_loses_an_acknowledged_write(tmp_path: Path, scenario: Scenario, threads: int) -> None:
    path = SessionLibrary(tmp_path).create(scenario, "Crash test").path
    seed = random.randrange(1 << 30)
    with ThreadPoolExecutor(LANES) as pool:
        futures = [pool.submit(run_lane, path, lane, seed + lane, threads) for lane in range(LANES)]
        results = [f.result() for f in futures]  # re-raises a lane's failure
    acked = set().union(*(titles for titles, _ in results))
    kills = sum(k for _, k in results)
    assert kills >= 50
    # The writers got real work done between kills, so the kills landed mid-stream.
    assert len(acked) >= KILLS_PER_LANE, f"seed {seed}: only {len(acked)} writes in {kills} runs"
    assert check_file(path, acked) >= len(acked)
    # The file still takes changes after all that.
    SessionService(path).add_activity("after the crashes")
    assert check_file(path, acked | {"after the crashes"}) >= len(acked) + 1
