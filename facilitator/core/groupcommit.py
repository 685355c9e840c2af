"""Group commit: changes that arrive while a write is in progress go together in the next one.

A hundred phones placing at the same instant would otherwise queue for a hundred whole-file
writes one after another. Here the first caller to find no write under way leads: it takes
every change waiting (its own first), has them applied and written once (one lock, one
write, one fsync), and answers each caller when the batch is on disk. Callers arriving
meanwhile wait; when the write ends, one of them leads the next batch with all that came.
Each change is still applied, validated and refused on its own (`run_batch` sees to that).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Pending(Generic[T]):
    """One caller's change in a batch, and what became of it."""

    __slots__ = ("change", "error", "finished", "result")

    def __init__(self, change: Callable[[Any], T]) -> None:
        self.change = change
        self.result: T | None = None
        self.error: BaseException | None = None
        self.finished = False

    def answer(self) -> T:
        if self.error is not None:
            raise self.error
        return self.result  # type: ignore[return-value]


Batch = list[Pending[Any]]
BatchWriter = Callable[[Batch], None]
"""Applies each change of a batch, writes once; sets each one's `result` or `error`."""


class GroupCommit:
    """Batches concurrent changes of one process; the write itself is `run_batch`'s."""

    def __init__(self, run_batch: BatchWriter) -> None:
        self._run_batch = run_batch
        self._cond = threading.Condition()
        self._pending: Batch = []
        self._writing = False
        self.batches = 0
        """How many writes this commit has led (tests and the bench read it)."""

    @property
    def waiting(self) -> int:
        """Changes waiting for the next write (tests line up a batch with it)."""
        with self._cond:
            return len(self._pending)

    def submit(self, change: Callable[[Any], T]) -> T:
        """Apply `change` in the next write; return (or raise) once it is on disk (or refused)."""
        item: Pending[T] = Pending(change)
        with self._cond:
            self._pending.append(item)
            while self._writing and not item.finished:
                self._cond.wait()
            if item.finished:  # another caller's batch carried it
                return item.answer()
            self._writing = True
            batch, self._pending = self._pending, []
        self._lead(batch)
        return item.answer()

    def _lead(self, batch: Batch) -> None:
        try:
            self._run_batch(batch)
        except BaseException as error:  # the write failed: every change not refused shares it
            for item in batch:
                if item.error is None:
                    item.error = error
        finally:
            with self._cond:
                for item in batch:
                    item.finished = True
                self.batches += 1
                self._writing = False
                self._cond.notify_all()

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[None]:
        """No batch runs in this process while the block does (a hand-made transaction)."""
        with self._cond:
            while self._writing:
                self._cond.wait()
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()
