"""Big sessions: the commands' work grows linearly with the activities; `list` reads no file
that has not changed since it last listed it.

A user test found very large sessions (39,000 activities) slow. Timing is no test on a shared
machine, so these count operations instead: every function call and line run while loading a
session, finding its mismatches and exporting it, at n, 2n and 4n activities (the demo's
activities copied, with their placements, roles, fields, ...). A scan of every activity per
activity, a search of a list inside a loop over the activities, a view rebuilt per item:
each makes the second step grow faster than the first.
"""

from __future__ import annotations

import copy
import gc
import json
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

import pytest

from facilitator import cli
from facilitator.core import list_cache, reports
from facilitator.core.demo import create_demo
from facilitator.core.library import SessionLibrary
from facilitator.core.mismatches import mismatches
from facilitator.core.scenario import Scenario, find_scenario
from facilitator.core.service import SessionService
from facilitator.core.store import SessionFile, signature

if TYPE_CHECKING:
    from _typeshed import TraceFunction

PER_ACTIVITY = ("placements", "roles", "commitments", "expectations", "fields", "signoffs", "actions")


def multiplied(data: dict[str, Any], copies: int) -> dict[str, Any]:
    """The session with each activity (and everything of it) there `copies` times."""
    out = copy.deepcopy(data)
    originals = list(data["activities"].values())
    order = max(a["order"] for a in originals)
    for i in range(1, copies):
        renamed: dict[str, str] = {}
        for activity in originals:
            order += 1
            new = {**activity, "id": f"{activity['id']}c{i}", "order": order}
            out["activities"][new["id"]] = new
            renamed[activity["id"]] = new["id"]
        for table in PER_ACTIVITY:
            for row in data[table].values():
                if row.get("activity_id") not in renamed:
                    continue
                new = {**row, "activity_id": renamed[row["activity_id"]]}
                new["id"] = row["id"].replace(row["activity_id"], new["activity_id"], 1)
                if new["id"] == row["id"]:
                    new["id"] = f"{row['id']}c{i}"
                out[table][new["id"]] = new
    return out


def steps(work: Callable[[], object]) -> int:
    """How many calls, lines and bytecode steps `work` runs: no load on the machine shakes it.

    Steps, not only calls: a loop inside a comprehension is one call and one line."""
    count = 0

    def trace(frame: FrameType, event: str, arg: Any) -> TraceFunction:
        nonlocal count
        count += 1
        frame.f_trace_opcodes = True  # a comprehension's loop is on one line: count its steps
        return trace

    gc.disable()  # a collection calls finalisers at moments that depend on the heap
    sys.settrace(trace)
    try:
        work()
    finally:
        sys.settrace(None)
        gc.enable()
    return count


@pytest.fixture(scope="module")
def sessions(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    """The demo with its activities copied 4, 8 and 16 times, each in a file of its own."""
    library = SessionLibrary(tmp_path_factory.mktemp("big"))
    demo = create_demo(library, find_scenario("community-safety"))
    data = json.loads(demo.path.read_text(encoding="utf-8"))
    paths: dict[int, Path] = {}
    for copies in (4, 8, 16):
        big = multiplied(data, copies)
        big["meta"]["session"]["id"] = f"big{copies}"
        path = library.path_for(f"big{copies}")
        path.write_text(json.dumps(big), encoding="utf-8")
        paths[copies] = path
    return paths


WARM_FIRST = (4, 4, 8, 16)
"""The first run fills the caches (text escapes, widths, translations): not counted."""


def grows_linearly(counts: list[int]) -> bool:
    """n → 2n adds at most 2.02 times what n/2 → n added."""
    small, middle, large = counts
    return large - middle <= 2.02 * (middle - small)


def test_copies_are_sessions_the_core_accepts(sessions: dict[int, Path]) -> None:
    session = SessionService(sessions[8]).session
    assert len(session.activities) == 2 * len(SessionService(sessions[4]).session.activities)
    assert mismatches(session)  # the copies keep their placements, agreements, ...


@pytest.mark.parametrize("fmt", ["html", "csv", "svg"])  # md shares html's document builder
def test_export_grows_linearly(sessions: dict[int, Path], fmt: str) -> None:
    def export(path: Path) -> Callable[[], object]:
        service = SessionService(path)
        service.session  # noqa: B018 - loaded before counting: load is counted on its own below
        return lambda: reports.export_files(service, fmt, generated="2025-03-04 12:00")

    counts = [steps(export(sessions[c])) for c in WARM_FIRST][1:]
    assert grows_linearly(counts), counts


def test_load_and_mismatches_grow_linearly(sessions: dict[int, Path]) -> None:
    def load(path: Path) -> Callable[[], object]:
        return lambda: SessionService(path).session

    def find(path: Path) -> Callable[[], object]:
        return lambda: mismatches(SessionService(path).session)

    loads = [steps(load(sessions[c])) for c in WARM_FIRST][1:]
    assert grows_linearly(loads), loads
    found = [steps(find(sessions[c])) for c in WARM_FIRST][1:]
    assert grows_linearly(found), found


def test_a_one_shot_command_runs_without_the_collector_and_gives_it_back(
    library: SessionLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []

    def listed(self: cli.Cli) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(cli.Cli, "cmd_list", listed)
    assert gc.isenabled()
    assert cli.main(["list"]) == 0
    assert seen == [False]  # every full collection would walk the whole loaded session again
    assert gc.isenabled()


def test_list_reads_a_file_again_only_when_it_changed(
    library: SessionLibrary, scenario: Scenario, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = library.create(scenario, "First title")
    reads: list[Path] = []
    real_read = SessionFile.read

    def counted(self: SessionFile) -> Any:
        reads.append(self.path)
        return real_read(self)

    monkeypatch.setattr(SessionFile, "read", counted)
    (first,) = library.list()
    assert (first.title, first.activities, len(reads)) == ("First title", 0, 1)
    assert library.list() == [first] and len(reads) == 1  # unchanged: the noted line, no read
    service.add_activity("One more")
    reads.clear()  # the change itself reads the file
    (changed,) = library.list()
    assert (changed.title, changed.activities, len(reads)) == ("First title", 1, 1)
    list_cache.cache_path(service.path).write_text("{not json", encoding="utf-8")
    assert library.list()[0].activities == 1 and len(reads) == 2  # a broken note: read again
    list_cache.cache_path(service.path).write_text(
        json.dumps({"signature": list(signature(service.path)), "fields": {"title": 5}}), encoding="utf-8"
    )
    assert library.list()[0].title == "First title" and len(reads) == 3  # a wrong note: read again
