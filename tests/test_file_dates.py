"""Every date a session file holds is a day of the calendar: an imported file with 2026-02-31
anywhere (the workshop's date, a step's or a follow-up's due date, a time stamp, a change in
the log) is refused in one line, as `new --date 2026-02-31` is, instead of being shown,
sorted and compared as if it were a day."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from facilitator.core.errors import SessionFileError
from facilitator.core.library import SessionLibrary
from facilitator.core.model import META, TABLES, Event
from facilitator.core.schema.events import PAYLOADS
from facilitator.core.schema.fields import fields_of
from facilitator.core.validate import validate_session
from tests.series import three_years
from tests.test_validate import one_line_refusal, run

NO_DAY = "2026-02-31"
NO_MOMENT = "2026-02-31T10:00:00.000+00:00"


def declared_dates() -> set[str]:
    """Every date and moment a file may hold, as "table.field" ("events.data.KIND.field" for a
    change's payload): read from the declarations, so a date field added later is in the test."""
    out = {"meta.initial.date"}  # the session's first details: checked by hand
    for table in (META, *TABLES.values()):
        out |= {f"{table.name}.{f.name}" for f in table.fields if f.day or f.moment}
    out |= {f"events.{f.name}" for f in fields_of(Event) if f.day or f.moment}
    for kind, payload in PAYLOADS.items():
        out |= {f"events.data.{kind}.{f.name}" for f in fields_of(payload) if f.day or f.moment}
    return out


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """Two years of a partnership, exported as JSON: between them every kind of date (the
    demo's sign-offs; the second year's due dates of steps and follow-ups, its workshop date
    set again, a due date changed, and its closing)."""
    library = SessionLibrary(tmp_path_factory.mktemp("dates") / "data")
    first, second = three_years(library).services[:2]
    second.update_session(date="07.12.2027")  # typed the Estonian way: the log keeps it so
    second.update_action(second.session.actions[0].id, due="01.04.2028")
    second.close_session()
    return [json.loads(library.export_json(s.session.id)) for s in (first, second)]


@pytest.fixture(scope="module")
def series_export(exports: list[dict[str, Any]]) -> dict[str, Any]:
    return exports[1]


def plantings(data: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any], str]]:
    """(what, field as the refusal names it, document, key) for each date held in `data`."""
    meta = data["meta"]["session"]
    yield "meta.initial.date", "initial.date", meta["initial"], "date"
    declared = declared_dates()
    for table, docs in data.items():
        for doc in docs.values():
            for key, value in doc.items():
                if f"{table}.{key}" in declared and value:
                    yield f"{table}.{key}", key, doc, key
            if table == "events":
                for key, value in doc["data"].items():
                    if f"events.data.{doc['kind']}.{key}" in declared and value:
                        yield f"events.data.{doc['kind']}.{key}", f"data.{key}", doc["data"], key


def test_every_date_of_a_file_that_is_no_day_is_refused(exports: list[dict[str, Any]]) -> None:
    planted: set[str] = set()
    for export in exports:
        for n, (what, field, _doc, key) in enumerate(plantings(export)):
            if what in planted:
                continue  # one document of each kind of date is enough
            data = copy.deepcopy(export)
            doc = next(d for m, (_w, _f, d, _k) in enumerate(plantings(data)) if m == n)
            bad = NO_MOMENT if "T" in str(doc[key]) else NO_DAY
            doc[key] = bad
            with pytest.raises(SessionFileError) as caught:
                validate_session(data, "x.json")
            message = str(caught.value)
            assert f"field '{field}'" in message and repr(bad) in message, (what, message)
            planted.add(what)
    # Every declared date was planted somewhere: none is left unchecked.
    assert planted == declared_dates(), declared_dates() - planted


def first(data: dict[str, Any], table: str) -> dict[str, Any]:
    return next(d for d in data[table].values() if d.get("due", "") is not None)


@pytest.mark.parametrize(
    ("table", "key", "bad", "words"),
    [
        ("meta", "date", "31.02.2026", "field 'date': '31.02.2026' is not a date"),
        ("followups", "due", "2027-13-01", "field 'due': '2027-13-01' is not a date"),
        ("actions", "due", "20280301", "'20280301' is not a date (YYYY-MM-DD)"),
        ("events", "at", "yesterday", "field 'at': 'yesterday' is not a moment"),
    ],
)
def test_import_refuses_it_in_one_line_and_keeps_nothing(
    series_export: dict[str, Any], tmp_path: Path, table: str, key: str, bad: str, words: str
) -> None:
    data = copy.deepcopy(series_export)
    first(data, table)[key] = bad
    source = tmp_path / "impossible.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    data_dir = tmp_path / "data"
    code, out, err = run("--data-dir", str(data_dir), "import", str(source))
    one_line_refusal(code, out, err)
    assert words in err, err
    assert not list(data_dir.glob("sessions/*.json"))


def test_free_text_workshop_dates_of_older_files_still_open(series_export: dict[str, Any]) -> None:
    """Before dates were checked the workshop's date was kept as typed: such text still opens;
    only text written as a date must be one."""
    data = copy.deepcopy(series_export)
    data["meta"]["session"]["date"] = "jõulude eel"
    data["meta"]["session"]["initial"]["date"] = "7. detsember"
    logged(data, "jõulude eel")  # and the change that typed it, as the log kept it
    assert validate_session(data, "x.json") is data
    logged(data, "31.02.2026")  # text written as a date is still one
    with pytest.raises(SessionFileError, match=r"'31\.02\.2026' is not a date"):
        validate_session(data, "x.json")


def logged(data: dict[str, Any], date: str) -> None:
    """A `session.updated` change that set the workshop's date to `date`, appended to the log."""
    events = data["events"]
    last = max(events.values(), key=lambda event: event["seq"])
    seq = last["seq"] + 1
    events[str(seq)] = {**last, "seq": seq, "id": str(seq), "kind": "session.updated", "data": {"date": date}}
