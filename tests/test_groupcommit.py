"""Group commit: changes that arrive during a write go together in the next one.

A batch is lined up for certain: the first change's clock (called inside the write) waits
until the others are queued behind it. Each change is still validated on its own, a refused
one is refused alone, the others land in order, and every caller is answered only once its
change is in the file.
"""

from __future__ import annotations

import errno
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from facilitator.core import store
from facilitator.core.errors import ChangeRejected, SessionWriteError
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import Scenario
from facilitator.core.service import SessionService, now
from facilitator.core.tables_db import document

WRITER = Path(__file__).parent / "writer.py"


class HeldClock:
    """A clock whose first reading (inside the first change's write) waits to be let go."""

    def __init__(self) -> None:
        self.entered = threading.Event()
        self.release = threading.Event()
        self._held = False

    def hold(self) -> None:
        """Hold the next reading (the next change's write) until `release` is set."""
        self.entered.clear()
        self.release.clear()
        self._held = True

    def __call__(self) -> str:
        if self._held:
            self._held = False
            self.entered.set()
            assert self.release.wait(10)
        return now()


def until(condition: Callable[[], bool], seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.002)


def in_one_batch(
    service: SessionService, clock: HeldClock, first: Callable[[], Any], rest: list[Callable[[], Any]]
) -> tuple[Future[Any], list[Future[Any]]]:
    """Run `first`; while its write is held, queue `rest` in order; then let the write go."""
    pool = ThreadPoolExecutor(len(rest) + 1)
    leader = pool.submit(first)
    assert clock.entered.wait(10)
    followers = []
    for n, call in enumerate(rest, start=1):
        followers.append(pool.submit(call))
        until(lambda n=n: service.file.group.waiting == n)  # queued in this order
    clock.release.set()
    pool.shutdown(wait=True)
    return leader, followers


@pytest.fixture
def held(library: SessionLibrary, scenario: Scenario) -> tuple[SessionService, HeldClock]:
    path = library.create(scenario, "Busy room").path
    clock = HeldClock()
    return SessionService(path, clock=clock), clock


def test_changes_made_during_a_write_go_together_in_the_next_one(
    held: tuple[SessionService, HeldClock],
) -> None:
    service, clock = held
    clock.hold()
    writes = []
    real = store.atomic_write_text
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(store, "atomic_write_text", lambda *a, **k: writes.append(1) or real(*a, **k))
        leader, followers = in_one_batch(
            service,
            clock,
            lambda: service.add_party("P0"),
            [lambda n=n: service.add_party(f"P{n}") for n in range(1, 9)],
        )
    assert leader.result() and all(f.result() for f in followers)
    assert service.file.group.batches == 2 and len(writes) == 2  # one write for the eight
    session = SessionService(service.path).session
    assert [p.name for p in session.parties] == [f"P{n}" for n in range(9)]
    assert [e.seq for e in session.events] == list(range(1, 10))


def test_a_refused_change_in_a_batch_is_refused_alone(held: tuple[SessionService, HeldClock]) -> None:
    service, clock = held
    police = service.add_party("Police")
    clock.hold()
    leader, followers = in_one_batch(
        service,
        clock,
        lambda: service.add_party("School"),
        [
            lambda: service.add_party("Residents"),
            lambda: service.add_activity("   "),  # refused: no title
            lambda: service.update_party("no-such-party", name="X"),  # refused: no such party
            lambda: service.add_activity("Patrol", party_ids=[police]),
        ],
    )
    leader.result()
    assert followers[0].result()
    for refused in followers[1:3]:
        with pytest.raises(ChangeRejected):
            refused.result()
    assert followers[3].result()
    session = SessionService(service.path).session
    assert [p.name for p in session.parties] == ["Police", "School", "Residents"]
    assert [a.title for a in session.activities] == ["Patrol"]
    # The refused ones left no event and no gap: the log reads as the landed changes, in order.
    assert [(e.seq, e.kind) for e in session.events] == [
        (1, "party.added"),
        (2, "party.added"),
        (3, "party.added"),
        (4, "activity.added"),
    ]
    assert [e.data.get("name") or e.data.get("title") for e in session.events] == [
        "Police",
        "School",
        "Residents",
        "Patrol",
    ]


def test_each_caller_in_a_batch_gets_its_own_event_and_hears_after_the_write(
    held: tuple[SessionService, HeldClock],
) -> None:
    service, clock = held
    on_disk_when_told: list[bool] = []
    service.subscribe(
        lambda event: on_disk_when_told.append(
            SessionService(service.path).session.last_seq >= event.seq  # a fresh reader sees it
        )
    )
    police = service.add_party("Police")
    clock.hold()
    leader, followers = in_one_batch(
        service,
        clock,
        lambda: service.set_phase("place"),
        [
            lambda: service.add_activity("A", party_ids=[police]),
            lambda: service.update_party(police, name="Politsei"),
        ],
    )
    events = [leader.result(), followers[1].result()]
    assert [e.kind for e in events] == ["phase.changed", "party.updated"]
    assert [e.seq for e in events] == [2, 4]
    assert on_disk_when_told == [True] * 4


def test_a_failed_write_fails_every_change_of_its_batch_and_keeps_the_file(
    held: tuple[SessionService, HeldClock], monkeypatch: pytest.MonkeyPatch
) -> None:
    service, clock = held
    service.add_party("Police")
    before = service.path.read_bytes()

    def disk_full(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError(errno.ENOSPC, "No space left on device")

    clock.hold()
    monkeypatch.setattr(store, "atomic_write_text", disk_full)
    leader, followers = in_one_batch(
        service,
        clock,
        lambda: service.add_party("School"),
        [lambda: service.add_party("Residents"), lambda: service.add_activity("")],
    )
    for failed in (leader, followers[0]):
        with pytest.raises(SessionWriteError):
            failed.result()
    with pytest.raises(ChangeRejected) as refused:
        followers[1].result()
    assert not isinstance(refused.value, SessionWriteError)  # refused for itself, not the disk
    assert service.path.read_bytes() == before
    assert [p.name for p in service.session.parties] == ["Police"]
    monkeypatch.undo()
    service.add_party("School")  # the next write works again
    assert [p.name for p in SessionService(service.path).session.parties] == ["Police", "School"]


def test_many_threads_of_one_process(library: SessionLibrary, scenario: Scenario) -> None:
    service = library.create(scenario, "Busy room")
    threads, changes = 8, 15

    def write(k: int) -> None:
        for n in range(changes):
            service.add_activity(f"t{k}-{n}")

    with ThreadPoolExecutor(threads) as pool:
        for future in [pool.submit(write, k) for k in range(threads)]:
            future.result()
    session = SessionService(service.path).session
    titles = [a.title for a in session.activities]
    assert sorted(titles) == sorted(f"t{k}-{n}" for k in range(threads) for n in range(changes))
    assert [e.seq for e in session.events] == list(range(1, threads * changes + 1))
    for k in range(threads):  # each thread's own changes kept their order
        assert [t for t in titles if t.startswith(f"t{k}-")] == [f"t{k}-{n}" for n in range(changes)]
    assert service.session == session  # the writer's own view is the file's


def test_a_hand_made_transaction_waits_for_the_batch(held: tuple[SessionService, HeldClock]) -> None:
    service, clock = held
    clock.hold()
    seen: list[int] = []

    def by_hand() -> None:
        with service.file.transaction() as db:
            seen.append(len(db.table("parties")))

    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(service.add_party, "Police")
        assert clock.entered.wait(10)
        second = pool.submit(by_hand)
        time.sleep(0.05)
        assert not second.done()  # the batch is writing
        clock.release.set()
        first.result()
        second.result()
    assert seen == [1]  # it started from the batch's result


def test_a_change_that_fails_half_way_leaves_no_trace_in_its_batch(
    held: tuple[SessionService, HeldClock],
) -> None:
    service, clock = held
    clock.hold()

    def half_way(db: Any) -> None:
        db.table("parties").upsert(document({"id": "ghost", "name": "Ghost"}, "ghost"))
        db.table("meta").upsert(document({"id": "session", "broken": True}, "session"))
        db.drop_table("events")
        raise ChangeRejected("refused after writing")

    leader, followers = in_one_batch(
        service,
        clock,
        lambda: service.add_party("Police"),
        [lambda: service.file.commit(half_way), lambda: service.add_party("School")],
    )
    assert leader.result() and followers[1].result()
    with pytest.raises(ChangeRejected, match="after writing"):
        followers[0].result()
    session = SessionService(service.path).session
    assert [p.name for p in session.parties] == ["Police", "School"]
    assert [e.seq for e in session.events] == [1, 2]
    assert session.info.title == "Busy room"


def test_a_reader_during_our_own_rename_sees_the_old_file_without_reading_it_again(
    library: SessionLibrary, scenario: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A phone's thread may `stat` the file after our write is ready but before its rename:
    what it sees is the file we are replacing, which we hold, so it is not read (and deeply
    checked) again; once the rename is done, it sees our write."""
    service = library.create(scenario, "Busy room")
    service.add_party("Police")
    old_generation = service.file.generation
    seen: list[tuple[Any, Any]] = []
    real_replace = store._replace

    def replace_with_a_reader_in_between(source: Path, target: Path) -> None:
        seen.append(service.file.current())
        real_replace(source, target)

    def never(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("the file was read again")

    monkeypatch.setattr(store, "_replace", replace_with_a_reader_in_between)
    monkeypatch.setattr(store.SessionFile, "_load", never)
    service.add_party("School")
    assert seen[0][0] == old_generation
    assert [p["name"] for p in seen[0][1]["parties"].values()] == ["Police"]
    assert [p.name for p in service.session.parties] == ["Police", "School"]
    monkeypatch.undo()
    assert SessionService(service.path).session == service.session
