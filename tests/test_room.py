"""What the room is on is session data; where one screen is, is not; the watcher sees content."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from facilitator.core.changes import kind
from facilitator.core.edits import Clash, three_way
from facilitator.core.errors import ChangeRejected
from facilitator.core.i18n import Translator
from facilitator.core.kinds.session import epoch as epoch_of
from facilitator.core.review import describe_events
from facilitator.core.service import SessionService
from facilitator.core.timer import PhaseTimer
from facilitator.core.watcher import SessionWatcher


def test_phase_timers_and_open_placement_are_recorded_and_followed_by_another_process(
    service: SessionService,
) -> None:
    police = service.add_party("Police")
    talks = service.add_activity("Talks", party_ids=[police])
    service.set_phase("place")
    service.set_timer(PhaseTimer("place", 1800.0, 0.0, 1_000.0), "start")
    service.open_placement(talks)
    other = SessionService(service.path)  # another process, e.g. the participants' server
    room = other.session.room
    assert (room.phase, room.open_activity) == ("place", talks)
    assert room.timer("place", 30) == PhaseTimer("place", 1800.0, 0.0, 1_000.0)
    assert room.timer("intro", 15) == PhaseTimer("intro", 900.0)  # planned, not started
    service.open_placement(None)
    service.set_phase("")  # back to setting up
    assert (other.session.room.phase, other.session.room.open_activity) == ("", None)


def test_leaving_a_phase_stops_its_timer_which_can_be_resumed(service: SessionService) -> None:
    service.set_phase("intro")
    started = time.time() - 60
    service.set_timer(PhaseTimer("intro", 900.0, 0.0, started), "start")
    event = service.set_phase("collect")
    stopped = service.session.room.timer("intro", 15)
    assert not stopped.running
    assert stopped.elapsed == pytest.approx(epoch_of(event.at) - started)
    assert event.data["paused"] == "intro"
    resumed = stopped.start(epoch_of(event.at))
    service.set_timer(resumed, "start")
    assert service.session.room.timer("intro", 15).running


@pytest.mark.parametrize(
    "payload",
    [
        {"phase": "nowhere", "duration": 60, "elapsed": 0},
        {"phase": "intro", "duration": 0, "elapsed": 0},
        {"phase": "intro", "duration": float("nan"), "elapsed": 0},
        {"phase": "intro", "duration": 60, "elapsed": -1},
        {"phase": "intro", "duration": 60, "elapsed": 0, "started_at": "soon"},
        {"phase": "intro", "duration": True, "elapsed": 0},
        {"phase": "intro", "duration": 60, "elapsed": 0, "command": "explode"},
    ],
)
def test_broken_timers_are_refused(service: SessionService, payload: dict[str, object]) -> None:
    with pytest.raises(ChangeRejected):
        service.change("timer.set", payload)


def test_unknown_phase_and_activity_are_refused(service: SessionService) -> None:
    with pytest.raises(ChangeRejected):
        service.set_phase("nowhere")
    with pytest.raises(ChangeRejected):
        service.open_placement("nothing")


def test_the_timeline_tells_the_rooms_changes(service: SessionService) -> None:
    talks = service.add_activity("Talks")
    service.set_phase("intro")
    service.set_timer(PhaseTimer("intro", 960.0), "add")
    service.open_placement(talks)
    service.open_placement(None)
    service.set_phase("")
    lines = [line.what for line in describe_events(service.session, Translator("en"))][-5:]
    assert lines == [
        "Moved to the phase “Introduction”",
        "Timer of “Introduction”: now 16 min",
        "Opened “Talks” for placement",
        "Closed the placement",
        f"Moved to the phase “{Translator('en')('phase.setup')}”",
    ]


def test_every_kind_is_declared_once_with_its_parts() -> None:
    for name in ("timer.set", "placement.opened", "role.set", "activity.revote"):
        declared = kind(name)
        assert declared.name == name and callable(declared.apply) and callable(declared.describe)
    assert kind("role.set").reopens and not kind("timer.set").reopens
    with pytest.raises(ChangeRejected):
        kind("no.such.kind")


def test_moving_the_selection_does_not_touch_the_session_file(service: SessionService) -> None:
    service.add_activity("Talks")
    before = (service.path.read_bytes(), service.path.stat().st_mtime_ns)
    watcher = SessionWatcher(SessionService(service.path))
    for n in range(20):
        service.set_view_state(selected_activity=f"a{n}", intro_page=n)
    assert (service.path.read_bytes(), service.path.stat().st_mtime_ns) == before
    assert watcher.check() is None  # nobody else is woken
    assert SessionService(service.path).view_state["intro_page"] == 19


def test_an_old_file_with_a_view_table_opens_and_is_migrated_on_the_next_write(
    service: SessionService, tmp_path: Path
) -> None:
    talks = service.add_activity("Talks")
    service.set_phase("place")
    data = json.loads(service.path.read_text(encoding="utf-8"))
    timer = {"phase_id": "place", "duration": 1800.0, "elapsed": 60.0, "started_at": None}
    data["view"] = {
        "state": {
            "id": "state",
            "selected_activity": talks,
            "intro_page": 3,
            "placement": talks,
            "timers": {"place": timer},
        }
    }
    old = tmp_path / "data" / "sessions" / "old.json"
    old.write_text(json.dumps(data), encoding="utf-8")
    opened = SessionService(old)
    assert opened.view_state["selected_activity"] == talks  # positions come along
    assert "view" in json.loads(old.read_text(encoding="utf-8"))  # opening writes nothing
    opened.add_party("Police")  # the next write migrates
    migrated = json.loads(old.read_text(encoding="utf-8"))
    assert "view" not in migrated
    room = SessionService(old).session.room
    assert room.open_activity == talks
    assert room.timer("place", 30) == PhaseTimer("place", 1800.0, 60.0)
    assert SessionService(old).view_state["intro_page"] == 3


def test_the_watcher_sees_content_not_the_moment_of_our_own_write(service: SessionService) -> None:
    """Another process's change in the same instant as ours is seen with ours, never lost."""
    watcher = SessionWatcher(service)
    assert watcher.check() is None
    SessionService(service.path).add_party("Police")  # another process
    service.add_party("School")  # ours, right after: the file has both
    seen = watcher.check()
    assert seen is not None and {p.name for p in seen.parties} == {"Police", "School"}
    assert watcher.check() is None  # told once


def test_three_way_writes_only_what_changed_here_and_names_clashes() -> None:
    base = {"title": "A", "place": "Tartu", "date": ""}
    mine = {"title": "A", "place": "Tartu", "date": "2026-12-03"}
    theirs = {"title": "A", "place": "Tallinn", "date": ""}
    assert three_way(base, mine, theirs) == ({"date": "2026-12-03"}, [])  # Tallinn stays
    mine["place"] = "Pärnu"
    assert three_way(base, mine, theirs) == (
        {"date": "2026-12-03"},
        [Clash("place", "Tartu", "Pärnu", "Tallinn")],
    )
    theirs["place"] = "Pärnu"
    assert three_way(base, mine, theirs) == ({"date": "2026-12-03"}, [])  # the same change: no clash


def test_an_imported_copy_starts_with_its_timers_stopped(service: SessionService, tmp_path: Path) -> None:
    from facilitator.core.library import SessionLibrary

    service.set_phase("place")
    service.set_timer(PhaseTimer("place", 1800.0, 100.0, time.time() - 60), "start")
    service.set_timer(PhaseTimer("intro", 600.0, 0.0, time.time() - 86_400 * 30), "start")  # left on
    exported = tmp_path / "copy.json"
    library = SessionLibrary(tmp_path / "data")
    exported.write_text(library.export_json(service.session.id), encoding="utf-8")
    copy = library.import_file(exported, new_id_on_clash=True)
    timers = copy.session.room.timers
    assert not timers["place"].running and 155 < timers["place"].elapsed < 170
    assert not timers["intro"].running and timers["intro"].elapsed == 600.0  # never past the plan


def test_the_shipped_agendas_fit_ninety_minutes() -> None:
    """90 minutes; a workshop that continues an earlier one has its follow-up (15) besides."""
    from facilitator.core.scenario import FOLLOWUP, find_scenario

    for scenario_id in ("community-safety", "kogukondlik-turvalisus"):
        agenda = find_scenario(scenario_id).agenda
        assert sum(p.minutes for p in agenda if p.kind != FOLLOWUP) == 90
        assert [p.minutes for p in agenda if p.kind == FOLLOWUP] == [15]


def test_the_clock_and_the_id_source_are_given_to_the_library_and_its_services(tmp_path: Path) -> None:
    from facilitator.core.library import SessionLibrary
    from facilitator.core.scenario import find_scenario

    numbers = iter(range(1, 100))
    library = SessionLibrary(
        tmp_path / "lib", clock=lambda: "2026-12-03T09:00:00.000+00:00", ids=lambda: f"id{next(numbers)}"
    )
    service = library.create(find_scenario("community-safety"), "Fixed")
    assert service.session.id == "id1" and service.session.info.created_at.startswith("2026-12-03T09:00")
    assert service.add_party("Police") == "id2"
    assert service.session.events[-1].at == "2026-12-03T09:00:00.000+00:00"
    assert library.open("id1").add_party("School") == "id3"
