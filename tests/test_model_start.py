"""What the start leaves for later in the model: the event log is made when first read (the
start shows the board, not the log), and row classes are read without evaluating annotations."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from facilitator.core.errors import SessionFileError
from facilitator.core.model import EVENT_LOG, EVENTS, META, TABLES, Session
from facilitator.core.party import HIDDEN, party_view
from facilitator.core.schema.fields import fields_of
from facilitator.core.schema.table import Table, build_spec
from facilitator.core.service import SessionService, build_session


def made(session: Session) -> bool:
    """Whether the session's log has been made (read) yet."""
    return isinstance(session.__dict__["_events"], tuple)


def busy(service: SessionService) -> dict[str, str]:
    police = service.add_party("Police")
    youth = service.add_party("Youth workers")
    talks = service.add_activity("Talks", party_ids=[police, youth])
    service.set_phase("place")
    service.open_placement(talks)
    service.for_party(police).place(talks, "communication", "cooperation")
    return {"police": police, "youth": youth, "talks": talks}


def test_the_log_is_made_when_first_read_and_is_the_files(service: SessionService) -> None:
    busy(service)
    data = service.file.read()
    session = build_session(data, "file")
    assert not made(session)
    assert session.last_seq == len(data["events"])  # known without making the log
    assert not made(session)
    log = session.events
    assert made(session) and session.events is log
    assert [e.seq for e in log] == list(range(1, len(data["events"]) + 1))
    assert log[-1].kind == "placement.recorded" and log[-1].data["current"] == "communication"
    assert session.last_seq == log[-1].seq


def test_the_rooms_log_is_cut_when_first_read(service: SessionService) -> None:
    """The room's view hides a party's rungs before the reveal, in the log too, made lazily."""
    ids = busy(service)
    room = party_view(service.session, None)
    assert not made(room)
    assert room.last_seq == service.session.last_seq
    told = [e.data for e in room.events if e.kind == "placement.recorded"]
    assert [(d["party_id"], d["current"], d["wished"]) for d in told] == [(ids["police"], HIDDEN, HIDDEN)]
    service.reveal(ids["talks"])
    told = [e.data for e in party_view(service.session, None).events if e.kind == "placement.recorded"]
    assert [d["current"] for d in told] == ["communication"]


def test_a_session_given_its_log_and_a_copy_keep_it(service: SessionService) -> None:
    busy(service)
    session = service.session
    shorter = dataclasses.replace(session, events=session.events[:2])
    assert [e.seq for e in shorter.events] == [1, 2] and shorter.last_seq == 2
    renamed = dataclasses.replace(session, info=dataclasses.replace(session.info, title="Other"))
    assert renamed.events == session.events and renamed.last_seq == session.last_seq
    assert Session(info=session.info, scenario=session.scenario).events == ()
    assert EVENT_LOG.last_seq(Session(info=session.info, scenario=session.scenario)) == 0


def test_a_malformed_event_is_a_clear_error_when_the_log_is_read(service: SessionService) -> None:
    busy(service)
    data = json.loads(json.dumps(service.file.read()))
    del data["events"]["2"]["kind"]
    session = build_session(data, "broken.json")
    with pytest.raises(SessionFileError, match=r"broken\.json"):
        _ = session.events


@pytest.mark.parametrize("table", [*TABLES.values(), META, EVENTS], ids=lambda t: t.name)
def test_the_models_quick_reading_of_a_row_class_agrees_with_the_full_one(table: Table[Any]) -> None:
    """The model builds rows from the dataclass's field list alone (no annotation evaluated at
    the start); the full reading, which the file checks use, says the same of every table."""
    names, tuples, required = build_spec(table.row)
    full = fields_of(table.row)
    assert names == tuple(f.name for f in full)
    assert tuples == tuple(f.name for f in full if f.tuple_)
    assert required == tuple(f.name for f in full if f.required)
