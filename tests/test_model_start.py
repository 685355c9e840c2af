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


@pytest.fixture(scope="module")
def demo_tables(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    from facilitator.core.demo import create_demo
    from facilitator.core.library import SessionLibrary
    from facilitator.core.scenario import find_scenario

    service = create_demo(SessionLibrary(tmp_path_factory.mktemp("demo")), find_scenario("community-safety"))
    tables: dict[str, Any] = json.loads(service.path.read_bytes())
    tables.setdefault("followups", {"f1": {"id": "f1", "kind": "commitment", "source_id": "c1"}})
    tables["followups"]["f1"].update(text="We will", party_id="p1", due="2026-01-01", confirmed=True)
    tables.setdefault("timers", {"place": {"phase_id": "place", "duration": 600.0, "started_at": None}})
    return tables


def shapes(table: Table[Any], docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The documents, and the first with only the fields without a default, with every tuple
    field None, and with a key that is no field: each shape a document may have."""
    _, tuples, required = build_spec(table.row)
    out = list(docs)
    for doc in docs[:1]:
        out.append({name: doc[name] for name in required})
        out.append({**doc, **dict.fromkeys(tuples)})
        out.append({**doc, "not a field": 1})
    return out


@pytest.mark.parametrize("table", [*TABLES.values(), META, EVENTS], ids=lambda t: t.name)
def test_a_row_built_from_its_document_is_the_one_its_init_makes(
    table: Table[Any], demo_tables: dict[str, Any]
) -> None:
    """`row_builder` fills a row's `__dict__` itself (3x quicker than `__init__` at the start):
    the same row, the same attributes in the same order, as `row(**fields in the document)`."""
    from facilitator.core.schema.table import _through_init, row_builder

    docs = list(demo_tables.get(table.name, {}).values())
    if table is META:
        docs = [demo_tables["meta"]["session"]]
    assert docs
    names, tuples, required = build_spec(table.row)
    quick = row_builder(table.row)
    for doc in shapes(table, [dict(table.upgrade(d)) if table.upgrade else d for d in docs]):
        row, expected = quick(doc), _through_init(table.row, names, tuples, required, doc)
        assert row == expected and list(vars(row).items()) == list(vars(expected).items())
        assert all(type(getattr(row, name)) is tuple for name in tuples if getattr(row, name) is not None)
    for name in required:
        with pytest.raises(KeyError, match=name):
            quick({k: v for k, v in docs[0].items() if k != name})
    with pytest.raises(dataclasses.FrozenInstanceError):
        quick(docs[0]).x = 1


def test_a_row_class_with_more_than_fields_in_init_is_built_through_it() -> None:
    from facilitator.core.record import record
    from facilitator.core.schema.table import row_builder

    @record
    class Checked:
        name: str
        size: int = 0

        def __post_init__(self) -> None:
            if self.size < 0:
                raise ValueError("size")

    build = row_builder(Checked)
    assert build({"name": "a"}) == Checked("a")
    with pytest.raises(ValueError, match="size"):
        build({"name": "a", "size": -1})


@pytest.mark.parametrize(
    "docs",
    [
        {},
        {"b": {"id": "b"}, "a": {"id": "a"}, "c": {"id": "c"}},  # no order: by id
        {"x": {"id": "x", "order": 2}, "y": {"id": "y", "order": 1}, "z": {"id": "a", "order": 2}},
        {"x": {"id": "x", "order": 2}, "y": {"id": "y"}, "z": {"id": "z", "order": -1}},  # some without
        {"x": {"order": 1}, "y": {"id": "y", "order": 1}, "z": {"id": "b"}},  # one without an id
        {"x": {"id": "b", "order": 0}, "y": {"id": "a"}},  # order 0 as no order
    ],
    ids=["empty", "by-id", "by-order", "some-unordered", "no-id", "order-0"],
)
def test_documents_in_order_follow_the_one_rule(docs: dict[str, dict[str, Any]]) -> None:
    """`in_order` sorts with keys taken in C where it can; the order is always the one rule's."""
    from facilitator.core.schema.table import in_order

    rule = sorted(docs.values(), key=lambda d: (d.get("order", 0), d.get("id", "")))
    assert [id(d) for d in in_order(docs)] == [id(d) for d in rule]


def test_documents_in_order_of_every_table_of_a_session(demo_tables: dict[str, Any]) -> None:
    from facilitator.core.schema.table import in_order

    for table in demo_tables.values():
        rule = sorted(table.values(), key=lambda d: (d.get("order", 0), d.get("id", "")))
        assert [id(d) for d in in_order(table)] == [id(d) for d in rule]


@pytest.mark.parametrize("table", [*TABLES.values(), META, EVENTS], ids=lambda t: t.name)
def test_a_row_replaced_is_the_one_dataclasses_replace_makes(
    table: Table[Any], demo_tables: dict[str, Any]
) -> None:
    """`Table.replaced` (the room's view hides placements with it) is `dataclasses.replace`."""
    docs = [demo_tables["meta"]["session"]] if table is META else list(demo_tables[table.name].values())
    row = table.build(docs[-1])
    names, _, _ = build_spec(table.row)
    for name in names:
        value = getattr(row, name)
        other = ("x",) if isinstance(value, tuple) else "x"
        copy, expected = table.replaced(row, **{name: other}), dataclasses.replace(row, **{name: other})
        assert copy == expected and list(vars(copy).items()) == list(vars(expected).items())
    with pytest.raises(TypeError, match="no field"):
        table.replaced(row, not_a_field=1)


def test_a_cached_value_is_not_carried_into_a_replaced_row(demo_tables: dict[str, Any]) -> None:
    placement = TABLES["placements"].build(next(iter(demo_tables["placements"].values())))
    placement.__dict__["worked_out"] = "from the old values"  # as a cached_property keeps one
    assert "worked_out" not in vars(TABLES["placements"].replaced(placement, current=HIDDEN))


def test_a_table_compiles_its_row_builder_only_when_it_has_many_rows(demo_tables: dict[str, Any]) -> None:
    """A compile costs what ~40 rows save: a table's first rows go through `__init__`, and the
    same rows come out after the switch."""
    from facilitator.core.schema.table import COMPILE_AFTER, _through_init

    fresh = dataclasses.replace(TABLES["placements"], _builder=[])  # its own builder, not the model's
    doc = next(iter(demo_tables["placements"].values()))
    spec = build_spec(fresh.row)
    expected = _through_init(fresh.row, *spec, doc)
    for _ in range(COMPILE_AFTER - 1):
        assert fresh.build(doc) == expected
    assert "<locals>" in fresh._builder[0].__qualname__  # not compiled yet
    rows = [fresh.build(doc) for _ in range(3)]
    assert fresh._builder[0].__qualname__ == "build"  # compiled
    assert all(row == expected and list(vars(row).items()) == list(vars(expected).items()) for row in rows)
