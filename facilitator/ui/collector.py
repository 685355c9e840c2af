"""When Python's cyclic garbage collector runs in the app: its full collections in a quiet moment.

Reference counting frees almost all of the app's garbage the moment it is dropped (the
session model is frozen dataclasses in tuples: no cycles); the cyclic collector is there for
cycles (widgets and their parents, messages, tracebacks). Its young collections are cheap
(0.1-7 ms) and stay as Python runs them. Its full collection walks everything kept since the
start's freeze (at 500 activities ~50,000 objects: 30-80 ms on a loaded 2-core machine), and
by Python's count (ten middle collections) it came every ~15 keys at 500 activities: inside
the key, on one reveal in three. So a full collection waits for a quiet moment: a check each
second runs one when it is due by Python's count and no key or mouse event came for a second.
Python's own trigger stays as a safety net, a hundred times later (`FULL_SAFETY`).

The trade-off: cyclic garbage that lived long enough to reach the oldest generation stays
until the next quiet second (in a workshop, people talk: seconds at most; without a pause,
until the safety net), and a key pressed just as a quiet-moment collection starts waits for
it, as a key did before whenever a full collection fell into it.
"""

from __future__ import annotations

import gc
import time

SETTLE_SECONDS = 0.5  # after the first frame: tidy up what the start left behind
QUIET_SECONDS = 1.0
"""No key or mouse event for this long: a full collection that is due runs (checked as often)."""
YOUNG, MIDDLE, FULL_DUE = gc.get_threshold()  # Python's own (700, 10, 10)
FULL_SAFETY = 100 * FULL_DUE
"""Middle collections after which Python runs a full one itself, quiet moment or not."""

_start_settled = False
"""The garbage collector's start-up treatment runs once per process (tests start many apps)."""


def settle_start_garbage() -> None:
    """Collect what the start left behind and freeze the rest (once per process); GC back on,
    its full collections left to quiet moments."""
    global _start_settled
    if not _start_settled:
        _start_settled = True
        gc.collect()
        gc.freeze()
    full_collections_when_quiet()
    gc.enable()


def start_settled() -> bool:
    """Whether this process has settled a start already (then an app settles at once)."""
    return _start_settled


def full_collections_when_quiet() -> None:
    gc.set_threshold(YOUNG, MIDDLE, FULL_SAFETY)


def python_collections() -> None:
    """Python's own thresholds again (the app has closed: tests run many apps in one process)."""
    gc.set_threshold(YOUNG, MIDDLE, FULL_DUE)


def collect_if_quiet(last_input: float, now: float | None = None) -> bool:
    """Run a full collection when one is due (Python's count) and nobody touched a key or the
    mouse for `QUIET_SECONDS`; whether it ran."""
    now = time.monotonic() if now is None else now
    if now - last_input < QUIET_SECONDS or gc.get_count()[2] < FULL_DUE:
        return False
    gc.collect()
    return True
