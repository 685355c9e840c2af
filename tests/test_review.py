"""Review mode's core: dashboard numbers, the event log in words, and the replayed timeline."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import io
import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import facilitator.core.review as review
from facilitator.cli import EXIT_USER_ERROR, Cli, main
from facilitator.core.changes import apply_change
from facilitator.core.i18n import Translator
from facilitator.core.library import ENV_DATA_DIR, SessionLibrary
from facilitator.core.matrices import partnership_matrix, rung_counts
from facilitator.core.mismatches import counts_by_kind, mismatches
from facilitator.core.model import Event, Session
from facilitator.core.review import (
    Timeline,
    TimelineError,
    board_groups,
    dashboard,
    describe_events,
    local_times,
    next_phase_start,
    phase_starts,
)
from facilitator.core.scenario import Scenario
from facilitator.core.service import SessionService, replay
from facilitator.core.tables_db import MemoryTablesStorage, tinydb_over

HOSTILE = "[@click=app.quit]x [b]bold[/b] [red]"


# --------------------------------------------------------------------------- a recorded workshop


def workshop(service: SessionService) -> dict[str, str]:
    """A session with every kind of change, phases included; returns the ids by name."""
    ids: dict[str, str] = {}
    sc = service.scenario
    phases = [p.id for p in sc.agenda]
    service.set_phase(phases[0])
    ids["police"] = service.add_party("Police")
    ids["town"] = service.add_party("Town")
    ids["youth"] = service.add_party("Young people", affected=True)
    ids["odd"] = service.add_party(HOSTILE)
    ids["anna"] = service.add_participant("Anna", ids["police"])
    service.set_phase(phases[1])
    ids["talks"] = service.add_activity("Themed talks", party_ids=[ids["police"], ids["town"]])
    ids["table"] = service.add_activity(
        "Round table",
        party_ids=[ids["police"], ids["town"], ids["odd"]],
        approach="resource-mobilisation",
        concerns=[ids["youth"]],
    )
    ids["plan"] = service.add_activity("Safety plan", party_ids=[ids["town"], ids["odd"]])
    service.set_phase(phases[2])
    service.place(ids["talks"], ids["police"], "communication", "cooperation")
    service.place(ids["talks"], ids["town"], "cooperation", "cooperation")
    service.reveal(ids["talks"])
    service.agree(ids["talks"], current="communication", wished="cooperation", note="Agreed")
    service.place(ids["table"], ids["police"], "coordination", "collaboration")
    service.place(ids["table"], ids["town"], "coordination", "collaboration")
    service.reveal(ids["table"])
    service.revote(ids["table"])
    service.place(ids["table"], ids["police"], "cooperation", "coordination")
    service.place(ids["plan"], ids["town"], "collaboration", "collaboration")
    service.set_phase(phases[3])
    service.set_role(ids["talks"], ids["police"], "lead")
    service.set_role(ids["talks"], ids["town"], "partner")
    ids["commit"] = service.add_commitment(ids["talks"], ids["police"], "We bring the figures")
    service.update_commitment(ids["commit"], "We bring the latest figures")
    ids["expect"] = service.add_expectation(ids["talks"], ids["town"], ids["police"], "Tell us early")
    service.answer_expectation(ids["expect"], "amended", "We tell you a week ahead")
    ids["declined"] = service.add_expectation(ids["talks"], ids["police"], ids["town"], "Pay the venue")
    service.answer_expectation(ids["declined"], "declined", "No budget")
    service.set_field(ids["talks"], "how_often", "Monthly")
    service.sign_off(ids["talks"], ids["police"])
    service.sign_off(ids["talks"], ids["town"])
    service.set_field(ids["talks"], "channel", "E-mail")  # reopens both sign-offs
    service.sign_off(ids["talks"], ids["police"])
    ids["act1"] = service.add_action("Book the hall", ids["town"], activity_id=ids["talks"], due="2026-01-10")
    ids["act2"] = service.add_action("Send the notes", ids["police"], due="2026-03-01")
    ids["act3"] = service.add_action(HOSTILE, ids["police"])
    ids["act4"] = service.add_action("Call the school", ids["police"], due="2025-12-01")
    service.update_action(ids["act4"], done=True)
    service.update_party(ids["town"], name="Town council")
    service.update_activity(ids["plan"], title="Joint safety plan")
    service.remove_participant(ids["anna"])
    service.set_phase(phases[4])
    return ids


@pytest.fixture
def recorded(service: SessionService) -> tuple[SessionService, list[Session], dict[str, str]]:
    """The workshop, with the live session captured after every change."""
    snapshots = [service.session]
    service.subscribe(lambda _event: snapshots.append(service.session))
    ids = workshop(service)
    return service, snapshots, ids


def meta_of(service: SessionService) -> dict[str, Any]:
    return dict(service.file.read()["meta"]["session"])


# --------------------------------------------------------------------------- the timeline


def test_every_frame_equals_the_live_state_after_as_many_changes(
    recorded: tuple[SessionService, list[Session], dict[str, str]],
) -> None:
    service, snapshots, _ids = recorded
    events = SessionService(service.path).session.events
    assert len(snapshots) == len(events) + 1
    timeline = Timeline(meta_of(service), events, service.scenario, every=4)
    assert len(timeline) == len(snapshots)
    for k, live in enumerate(snapshots):
        assert timeline.frame(k) == live, k


def test_checkpoints_give_what_a_full_replay_gives_in_any_order(
    recorded: tuple[SessionService, list[Session], dict[str, str]],
) -> None:
    service, _snapshots, _ids = recorded
    events = service.session.events
    meta = meta_of(service)
    full = [replay(meta, events[:k], service.scenario) for k in range(len(events) + 1)]
    order = list(range(len(events) + 1))
    random.Random(7).shuffle(order)
    for every in (1, 3, 10, 1000):
        timeline = Timeline(meta, events, service.scenario, every=every)
        for k in order:
            assert timeline.frame(k) == full[k], (every, k)
        assert set(range(0, len(events) + 1, every)) <= set(timeline.checkpoints)


def test_out_of_range_frames_are_clamped(
    recorded: tuple[SessionService, list[Session], dict[str, str]],
) -> None:
    service, snapshots, _ids = recorded
    timeline = Timeline(meta_of(service), service.session.events, service.scenario)
    assert timeline.frame(-5) == snapshots[0]
    assert timeline.frame(10**6) == snapshots[-1]


def test_warm_builds_every_checkpoint_and_stops_when_asked(
    recorded: tuple[SessionService, list[Session], dict[str, str]],
) -> None:
    service, _snapshots, _ids = recorded
    events = service.session.events
    timeline = Timeline(meta_of(service), events, service.scenario, every=5)
    timeline.warm(stop=lambda: True)
    assert timeline.checkpoints == (0,)
    timeline.warm()
    assert timeline.checkpoints == tuple(sorted({*range(0, len(events) + 1, 5), len(events)}))


def test_frame_unless_gives_nothing_once_it_is_not_wanted(
    recorded: tuple[SessionService, list[Session], dict[str, str]],
) -> None:
    service, snapshots, _ids = recorded
    timeline = Timeline(meta_of(service), service.session.events, service.scenario)
    assert timeline.frame_unless(3, lambda: True) is None
    assert timeline.frame_unless(3, lambda: False) == snapshots[3]


def test_stepping_replays_at_most_one_stretch_on_a_log_of_5000_events(
    scenario: Scenario, library: SessionLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long log, built in memory by the real handlers (writing 5,000 files would be slow)."""
    service = library.create(scenario, "Long")
    meta = meta_of(service)
    storage = MemoryTablesStorage({"meta": {"session": dict(meta)}})
    db = tinydb_over(storage)
    events: list[Event] = []

    def change(kind: str, data: dict[str, Any]) -> None:
        at = f"2026-01-01T10:{len(events) // 60 % 60:02d}:{len(events) % 60:02d}+00:00"
        apply_change(db, scenario, kind, data, at, "facilitator")
        events.append(Event(len(events) + 1, at, "facilitator", kind, dict(data)))

    change("party.added", {"id": "p1", "name": "Police"})
    change("party.added", {"id": "p2", "name": "Town"})
    rungs = scenario.rung_ids()
    n = 0
    while len(events) < 5000:
        n += 1
        aid = f"a{n}"
        change("activity.added", {"id": aid, "title": f"Activity {n}", "party_ids": ["p1", "p2"]})
        change(
            "placement.recorded",
            {"activity_id": aid, "party_id": "p1", "current": rungs[0], "wished": rungs[1]},
        )
        change(
            "placement.recorded",
            {"activity_id": aid, "party_id": "p2", "current": rungs[1], "wished": rungs[2]},
        )
        change("activity.revealed", {"id": aid})
        change("activity.agreed", {"id": aid, "current": rungs[n % 4]})
    timeline = Timeline(meta, events, scenario, every=200)
    timeline.warm()
    applied = 0
    real_apply = review.apply_change

    def counting(*args: Any) -> None:
        nonlocal applied
        applied += 1
        real_apply(*args)

    monkeypatch.setattr(review, "apply_change", counting)
    for k in (4999, 17, 2500, 4000, 4001, 3999, 1):
        applied = 0
        frame = timeline.frame(k)
        assert applied < 200, k
        assert len(frame.events) == k
    # One step at a time, as with the arrow keys: the states on the way are kept, so only
    # a step back across a checkpoint replays (once) the stretch before it.
    for k in (2650, 2550):
        timeline.frame(k)
        for step in (-1, 1, 1, -1, -1, -1):
            k += step
            applied = 0
            assert len(timeline.frame(k).events) == k
            assert applied <= max(step, 0), (k, applied)
    last = timeline.frame(len(events))
    assert len(last.activities) == n
    assert last == dataclasses.replace(Session.from_tables(storage.data, scenario), events=tuple(events))


def test_a_broken_event_stops_the_timeline_there_and_not_before(
    recorded: tuple[SessionService, list[Session], dict[str, str]],
) -> None:
    service, snapshots, _ids = recorded
    events = list(service.session.events)
    bad = Event(6, events[5].at, "facilitator", "party.removed", {"id": "nobody"})
    events[5] = bad
    timeline = Timeline(meta_of(service), events, service.scenario, every=3)
    assert timeline.frame(5) == snapshots[5]
    with pytest.raises(TimelineError) as raised:
        timeline.frame(9)
    assert raised.value.event == 6
    with pytest.raises(TimelineError):
        timeline.frame(20)
    assert timeline.frame(4) == snapshots[4]
    timeline.warm()  # returns, never loops, at the broken event


# --------------------------------------------------------------------------- the event log in words


@pytest.mark.parametrize("language", ["en", "et"])
def test_every_event_is_described_and_placements_never_tell_their_rungs(
    recorded: tuple[SessionService, list[Session], dict[str, str]], language: str
) -> None:
    service, _snapshots, _ids = recorded
    session = service.session
    t = Translator(language)
    lines = describe_events(session, t)
    assert len(lines) == len(session.events)
    kinds = {line.kind for line in lines}
    assert {"placement.recorded", "activity.revealed", "activity.agreed", "phase.changed"} <= kinds
    rung_names = [r.name for r in session.scenario.rungs]
    for line in lines:
        assert line.what and "{" not in line.what, line
        if line.kind == "placement.recorded":  # no rung, by name, number or arrow
            assert not any(name in line.what for name in rung_names), line.what
            assert not any(char.isdigit() for char in line.what) and "→" not in line.what, line.what
    reveal = next(line for line in lines if line.kind == "activity.revealed")
    assert "Police 1→2" in reveal.what and "Town 2→2" in reveal.what
    agreed = next(line for line in lines if line.kind == "activity.agreed" and "Themed talks" in line.what)
    assert "1. Communication" in agreed.what and "2. Cooperation" in agreed.what


def test_descriptions_use_the_names_of_their_time_and_the_actor(
    recorded: tuple[SessionService, list[Session], dict[str, str]],
) -> None:
    service, _snapshots, ids = recorded
    lines = describe_events(service.session, Translator("en"))
    placed = [line for line in lines if line.kind == "placement.recorded"]
    assert placed[0].who == "facilitator"  # entered in the app: by the facilitator, for the party
    assert placed[0].what == (
        "The placement of the party Police for “Themed talks” (hidden until the reveal)"
        " · entered by the facilitator for the party Police"
    )
    assert placed[0].activity_id == ids["talks"]
    town = [line for line in placed if line.what.endswith("for the party Town")]
    assert town, "before the rename the party was called Town"
    renamed = next(line for line in lines if line.kind == "party.updated")
    assert renamed.what == "Renamed the party “Town” to “Town council”"
    assert next(line for line in lines if line.kind == "party.added").who == "facilitator"
    assert any(line.what == f"Added the party “{HOSTILE}”" for line in lines)
    plan = next(line for line in lines if line.kind == "activity.added" and line.activity_id == ids["plan"])
    assert plan.what == "Added the activity “Safety plan”"
    assert any(line.what.endswith("(sign-offs to sign again: Police, Town)") for line in lines)
    done = next(line for line in lines if line.kind == "action.updated")
    assert done.what == "✓ Next step done: “Call the school”"
    et = describe_events(service.session, Translator("et"))
    assert et[0].who == "läbiviija"
    assert et[0].what.startswith("Liikus etappi „")
    assert next(line for line in et if line.kind == "placement.recorded").what == (
        "„Themed talks“ – osapoole Police paigutus (peidus kuni avalikustamiseni)"
        " · sisestas läbiviija osapoole Police eest"
    )


def test_phase_starts_and_jumping_between_them(
    recorded: tuple[SessionService, list[Session], dict[str, str]],
) -> None:
    service, snapshots, _ids = recorded
    session = service.session
    lines = describe_events(session, Translator("en"))
    starts = phase_starts(lines, session.scenario)
    assert [s.phase_id for s in starts] == [p.id for p in session.scenario.agenda]
    for start in starts:
        assert snapshots[start.frame].info.phase == start.phase_id
        assert snapshots[start.frame - 1].info.phase != start.phase_id
        assert session.events[start.frame - 1].kind == "phase.changed"
    assert next_phase_start(starts, 0, 1) == starts[0]
    assert next_phase_start(starts, starts[1].frame, 1) == starts[2]
    assert next_phase_start(starts, starts[1].frame, -1) == starts[0]
    assert next_phase_start(starts, starts[0].frame, -1) is None
    assert next_phase_start(starts, starts[-1].frame, 1) is None


def test_local_times_show_the_date_only_when_the_log_spans_days() -> None:
    utc = dt.UTC
    same = local_times(["2026-03-01T10:00:00.000+00:00", "2026-03-01T10:05:09+00:00"], utc)
    assert same == ["10:00:00", "10:05:09"]
    tallinn = dt.timezone(dt.timedelta(hours=2))
    assert local_times(["2026-03-01T10:00:00+00:00"], tallinn) == ["12:00:00"]
    spread = local_times(["2026-03-01T23:00:00+00:00", "2026-03-02T01:00:00+00:00"], utc)
    assert spread == ["2026-03-01 23:00:00", "2026-03-02 01:00:00"]
    assert local_times(["not a time"], utc) == ["not a time"]


# --------------------------------------------------------------------------- the board as it was


def test_board_groups_show_hidden_placements_as_hidden(
    recorded: tuple[SessionService, list[Session], dict[str, str]],
) -> None:
    service, snapshots, ids = recorded
    events = service.session.events
    t = Translator("en")
    placed_talks = next(
        k
        for k, e in enumerate(events, start=1)
        if e.kind == "placement.recorded" and e.data["activity_id"] == ids["talks"]
    )
    groups = board_groups(snapshots[placed_talks], t)
    assert [g.rung_id for g in groups] == [*reversed(service.scenario.rung_ids()), None]
    tray = groups[-1]
    talks = next(i for i in tray.items if i.activity_id == ids["talks"])
    assert talks.status == "◐ placed 1/2 · hidden"
    revealed = next(k for k, e in enumerate(events, start=1) if e.kind == "activity.revealed")
    talks = next(i for i in board_groups(snapshots[revealed], t)[-1].items if i.activity_id == ids["talks"])
    assert talks.status == "≠ revealed, views differ: Police 1→2 · Town 2→2"
    agreed = next(k for k, e in enumerate(events, start=1) if e.kind == "activity.agreed")
    communication = board_groups(snapshots[agreed], t)[-2]
    assert communication.heading == "1. Communication (1)"
    assert communication.items[0].status == "✓ agreed · wished: 2. Cooperation"
    assert ids["talks"] not in {i.activity_id for i in board_groups(snapshots[agreed - 1], t)[-2].items}
    last = board_groups(snapshots[-1], t)
    table = next(i for i in last[-1].items if i.activity_id == ids["table"])
    assert table.status == "◐ placed 1/3 · hidden · round 2"


# --------------------------------------------------------------------------- the dashboard


def test_dashboard_numbers_match_the_shared_calculations(
    recorded: tuple[SessionService, list[Session], dict[str, str]],
) -> None:
    service, _snapshots, ids = recorded
    session = service.session
    data = dashboard(session, today=dt.date(2026, 2, 1))
    counts = rung_counts(session)
    assert {r.rung_id: (r.current, r.wished) for r in data.rungs} == counts
    assert data.activities == 3 and data.agreed == 1
    assert [(a.approach_id, a.count) for a in data.approaches] == [
        ("situational", 0),
        ("resource-mobilisation", 1),
        ("empowerment", 0),
        (None, 2),
    ]
    assert list(data.mismatches) == mismatches(session)
    assert dict(data.mismatch_counts) == counts_by_kind(mismatches(session))
    matrix = partnership_matrix(session)
    assert len(data.pairs) == len(matrix)
    assert sum(p.activities for p in data.pairs) == sum(p.activities for p in matrix.values())
    top = data.pairs[0]
    assert (top.a, top.b, top.activities, top.agreed, top.highest) == (
        "Police",
        "Town council",
        2,
        1,
        "1. Communication",
    )
    # Actions: by owner (party order), open before done, by due date, undated last.
    assert [(a.owner, a.text, a.overdue, a.done) for a in data.actions] == [
        ("Police", "Send the notes", False, False),
        ("Police", HOSTILE, False, False),
        ("Police", "Call the school", False, True),
        ("Town council", "Book the hall", True, False),
    ]
    assert (data.open_actions, data.overdue_actions, data.done_actions) == (3, 1, 1)
    signoffs = {s.activity_id: s for s in data.signoffs}
    assert (signoffs[ids["talks"]].signed, signoffs[ids["talks"]].total) == (1, 2)
    assert signoffs[ids["talks"]].missing == ("Town council",)
    assert not signoffs[ids["talks"]].complete
    assert data.fully_signed == 0


def test_dashboard_of_an_empty_session(service: SessionService) -> None:
    data = dashboard(service.session)
    assert data.activities == 0 and data.pairs == () and data.actions == () and data.signoffs == ()
    assert all(r.current == 0 and r.wished == 0 for r in data.rungs)
    assert describe_events(service.session, Translator("en")) == []


# --------------------------------------------------------------------------- the command line


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_review_starts_the_app_on_the_review(
    service: SessionService, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[tuple[Path | None, Path | None, Path | None]] = []

    def fake_run(
        self: Cli, session_path: Path | None, review_path: Path | None = None, opened: object = None
    ) -> int:
        # (the session as the command line read it, handed over: the app does not read it again)
        started.append((session_path, review_path, getattr(opened, "path", None)))
        return 0

    monkeypatch.setattr(Cli, "run_app", fake_run)
    code, _out, err = run_cli("review", service.session.id[:4])
    assert (code, err) == (0, "")
    assert started == [(None, service.path, service.path)]


def test_cli_review_of_an_unknown_session_is_one_line_and_exit_2(data_dir: Path) -> None:
    code, out, err = run_cli("review", "BADID")
    assert code == EXIT_USER_ERROR and out == ""
    assert err.count("\n") == 1 and "no session 'BADID'" in err
    proc = subprocess.run(
        [sys.executable, "-m", "facilitator", "review", "BADID"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, ENV_DATA_DIR: str(data_dir)},
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )
    assert proc.returncode == EXIT_USER_ERROR
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("facilitator: error:")
    assert "Traceback" not in proc.stderr


def test_a_run_of_moves_on_the_board_is_one_agreement_in_the_timeline(service: SessionService) -> None:
    police, town = service.add_party("Police"), service.add_party("Town")
    talks = service.add_activity("Talks", party_ids=[police, town])
    patrols = service.add_activity("Patrols", party_ids=[police, town])
    before = len(service.session.events)
    for rung in ("communication", "cooperation", "coordination"):  # u, u, u on the board
        service.agree(talks, current=rung)
    service.agree(patrols, current="communication")  # another card: its own line
    service.agree(talks, current="cooperation")  # back to the first: a new run
    service.agree(talks, current="cooperation", wished="collaboration")  # from the placement screen
    lines = review.describe_events(service.session, Translator("en"))
    moves = [line for line in lines if line.kind == "activity.agreed"]
    assert len(moves) == 4
    first = moves[0]
    assert "Coordination" in first.what and first.frame == before + 3  # where the card ended up
    assert [line.frame for line in lines] == sorted(line.frame for line in lines)
    assert lines[-1].frame == len(service.session.events)
