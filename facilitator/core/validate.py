"""Deep validation of a session's data: every table, document and field, before it is trusted.

An imported file, or one placed in the sessions folder by hand, may hold anything JSON can.
The model, the reports, the mismatch rules, the timeline and every later change assume
well-formed data: titles are text, every party, activity, rung, role and agreement field a
document names exists, round numbers are positive whole numbers, the event log is numbered
1, 2, 3, ... So that assumption is checked here, once, where the file is read: a wrongly typed
file is refused with one message that names the table, the document and the field, instead
of crashing a command (or the app, on a projector) later.

    validate_session(data, source) -> Data     raises SessionFileError
    parse_session(raw, source) -> Data         bytes of a file: plain checks, then the above
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from itertools import repeat
from typing import Annotated, Any, NoReturn, TypedDict, cast

from facilitator.core.errors import ScenarioError, SessionFileError
from facilitator.core.i18n import Worded, reason
from facilitator.core.model import FILE_KIND, META, OTHER_TABLES, SCHEMA_VERSION, TABLES, Event
from facilitator.core.plain import PlainDataError, check, loads_json
from facilitator.core.scenario import Scenario, scenario_from_dict, type_name
from facilitator.core.schema.fields import Field, Whole, fields_of, payload_problem
from facilitator.core.schema.stored import date_problem, document_problem
from facilitator.core.schema.table import Table
from facilitator.core.schema.vocabulary import ids

Data = dict[str, dict[str, dict[str, Any]]]
"""A session file's tables as read: table name → document id → document."""

SESSION_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
"""A session id: also a file name (exports are named after it), so no path characters."""
META_TEXTS = ("title", "date", "place", "facilitator")


def check_session_data(data: Any, source: str) -> Data:
    """Refuse anything that is not a session file this version can read."""
    if not isinstance(data, dict) or not isinstance(data.get("meta"), dict):
        raise SessionFileError.worded("file.not_session", path=source)
    meta = data["meta"].get("session")
    if not isinstance(meta, dict) or meta.get("kind") != FILE_KIND:
        raise SessionFileError.worded("file.not_session", path=source)
    schema = meta.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise SessionFileError.worded("file.no_schema", path=source)
    if schema > SCHEMA_VERSION:
        raise SessionFileError.worded(
            "file.newer", path=source, schema=str(schema), known=str(SCHEMA_VERSION)
        )
    for name, table in data.items():  # (the documents' types taken in C: ~3,400 at 500 activities)
        if not isinstance(table, dict) or not all(map(isinstance, table.values(), repeat(dict))):
            raise SessionFileError.worded(
                "file.corrupt", path=source, detail=Worded("corrupt.table", table=repr(name))
            )
    return cast(Data, data)


def reuse(old: Data, new: Data) -> Data:
    """The new data, holding the old objects wherever they are equal.

    Another process wrote one change: the file re-read is all new objects, but nearly all
    of them equal what we had. Keeping ours (equality is checked in C) lets the model reuse
    what it built from them, by identity, instead of rebuilding the whole session.
    """
    out: Data = {}
    for name, table in new.items():
        before = old.get(name)
        if before is None:
            out[name] = table
        elif before == table:
            out[name] = before
        else:
            out[name] = {
                doc_id: kept if (kept := before.get(doc_id)) is not None and kept == doc else doc
                for doc_id, doc in table.items()
            }
    return out


def parse_session(raw: bytes, source: str, previous: Data | None = None) -> Data:
    """A session file's bytes to checked data; anything else is a `SessionFileError`.

    `previous`: this file's data as last read (checked): what is equal to it is kept as it
    was and not checked again (a reload after another process's change).
    """
    try:
        data = loads_json(raw, walk=previous is None)
        if previous is not None:
            data = reuse(previous, check_session_data(data, source))
            for name, table in data.items():  # the plain walk, over what is new only
                known = previous.get(name, {})
                for doc_id, doc in table.items():
                    if known.get(doc_id) is not doc:
                        check(doc)
    except PlainDataError as error:
        raise SessionFileError.worded("file.corrupt", path=source, detail=error.reason) from None
    return validate_session(data, source, plain_checked=True, previous=previous)


_scenario_memo: list[tuple[Any, Scenario]] = []
"""The last embedded scenario read, with its model: a reload seldom brings another one."""


def _scenario(raw: Any, source: str) -> Scenario:
    if _scenario_memo and _scenario_memo[0][0] == raw:
        return _scenario_memo[0][1]
    scenario = scenario_from_dict(raw, Worded("scenario.embedded", source=source))
    _scenario_memo[:] = [(raw, scenario)]
    return scenario


def validate_session(
    data: Any, source: str, *, plain_checked: bool = False, previous: Data | None = None
) -> Data:
    """`data` if it is a whole, consistent session this version can use; else one clear error.

    With `previous` (checked before), documents that are the very same objects as there are
    not checked again, unless something they depend on changed (see `_Checker.settle`).
    """
    checked = check_session_data(data, source)
    if not plain_checked:
        try:
            check(checked)
        except PlainDataError as error:
            raise SessionFileError.worded("file.corrupt", path=source, detail=error.reason) from None
    meta = checked["meta"].get("session", {})
    if not isinstance(meta.get("scenario"), dict):
        raise SessionFileError.worded("file.corrupt", path=source, detail=Worded("corrupt.no_scenario"))
    try:
        scenario = _scenario(meta["scenario"], source)
    except ScenarioError as error:
        raise SessionFileError(reason(error)) from None
    _Checker(source, scenario, checked, previous).run()
    return checked


Rule = Callable[["_Checker", Mapping[str, Any]], object]
"""What a table's documents must be beyond their own fields (see `RULES`)."""


class _Checker:
    """Checks one session's tables against each other and the embedded scenario."""

    def __init__(self, source: str, scenario: Scenario, tables: Data, previous: Data | None = None) -> None:
        self.source = source
        self.scenario = scenario
        self.tables = tables
        self.where: tuple[str, str] = ("", "")
        self._vocabularies: dict[str, frozenset[str]] = {}
        self.previous = self.settle(previous)
        self.changed_activities: set[str] = set()
        if self.previous is not None:
            before = self.previous.get("activities", {})
            self.changed_activities = {
                a for a, doc in tables.get("activities", {}).items() if before.get(a) is not doc
            }

    def settle(self, previous: Data | None) -> Data | None:
        """`previous` if checking only what changed is safe; None asks for the whole check.

        A removed party, participant or activity, or another scenario, can make unchanged
        documents wrong (they refer to it): then everything is checked.
        """
        if previous is None:
            return None
        if previous.get("meta", {}).get("session", {}).get("scenario") != self.tables["meta"]["session"].get(
            "scenario"
        ):
            return None
        for name in ("parties", "participants", "activities", "expectations"):
            if previous.get(name, {}).keys() - self.tables.get(name, {}).keys():
                return None
        return previous

    def unchanged(self, table: str, doc_id: str, doc: Mapping[str, Any]) -> bool:
        """Checked before, and nothing it depends on changed since."""
        if self.previous is None or self.previous.get(table, {}).get(doc_id) is not doc:
            return False
        return doc.get("activity_id") not in self.changed_activities

    # ---------------------------------------------------------------- reporting
    def fail(self, field: str | None, key: str, **values: object) -> NoReturn:
        """Refuse the file at the current document's `field`, the problem worded by `key`."""
        self.refuse(field, Worded(key, **values))

    def refuse(self, field: str | None, problem: Worded) -> NoReturn:
        table, doc_id = self.where
        at = {"table": repr(table), "document": repr(doc_id), "field": repr(field), "problem": problem}
        place = (
            ("at_field" if doc_id else "at_table_field")
            if field is not None
            else ("at_document" if doc_id else "at_table")
        )
        raise SessionFileError.worded(
            "file.corrupt", path=self.source, detail=Worded(f"corrupt.{place}", **at)
        )

    # ---------------------------------------------------------------- field checks
    def declared(self, fields: tuple[Field, ...], doc: Mapping[str, Any]) -> None:
        """Every declared field of the document as its declaration says (`schema.stored`)."""
        problem = document_problem(fields, doc, self.exists, self.known)
        if problem is not None:
            self.refuse(*problem)

    def exists(self, table: str, doc_id: str) -> bool:
        return doc_id in self.tables.get(table, {})

    def known(self, vocabulary: str) -> Collection[str]:
        found = self._vocabularies.get(vocabulary)
        if found is None:
            found = self._vocabularies[vocabulary] = frozenset(ids(vocabulary, self.scenario))
        return found

    def involved(self, doc: Mapping[str, Any]) -> Mapping[str, Any]:
        """The document's activity (its fields checked already), if its party takes part in it."""
        activity = self.tables["activities"][doc["activity_id"]]
        if doc["party_id"] not in activity.get("party_ids", ()):
            self.fail(
                "party_id", "corrupt.not_involved", party=repr(doc["party_id"]), activity=repr(activity["id"])
            )
        return activity

    # ---------------------------------------------------------------- tables
    def run(self) -> None:
        for name in self.tables:
            if name not in TABLES and name not in OTHER_TABLES:
                self.where = (name, "")
                self.fail(None, "corrupt.not_table")
        self.meta()
        self.view()
        for name, table in TABLES.items():
            self.each(table, RULES.get(name))
        self.events()

    def each(self, table: Table[Any], rule: Rule | None) -> None:
        """Each document: its id, its declared fields, the table's rule across fields and tables."""
        fields = table.fields
        for doc_id, doc in self.tables.get(table.name, {}).items():
            if self.unchanged(table.name, doc_id, doc):
                continue
            self.where = (table.name, doc_id)
            if table.key is None and doc.get("id") != doc_id:
                self.fail("id", "corrupt.own_id", id=repr(doc_id))
            if "order" in doc:
                self.declared(fields_of(_Order), doc)
            upgraded = table.upgrade(doc) if table.upgrade is not None else doc
            self.declared(fields, upgraded)
            if rule is not None:
                rule(self, upgraded)
            if table.key is not None and doc_id != (expected := table.id_of(table.build(upgraded))):
                self.fail("id", "corrupt.must_be", expected=repr(expected))

    def meta(self) -> None:
        meta_table = self.tables["meta"]
        self.where = ("meta", "session")
        for doc_id in meta_table:
            if doc_id != "session":
                self.where = ("meta", doc_id)
                self.fail(None, "corrupt.not_meta")
        meta = meta_table["session"]
        self.declared(META.fields, meta)
        if not SESSION_ID_RE.match(meta["id"]):
            self.fail("id", "corrupt.session_id", id=repr(meta["id"]))
        if meta["scenario_id"] != self.scenario.id:
            self.fail("scenario_id", "corrupt.scenario_id", id=repr(self.scenario.id))
        initial = meta.get("initial", {})
        if not isinstance(initial, dict):
            self.fail("initial", "corrupt.not_table_value", kind=type_name(initial))
        for key, value in initial.items():
            if key not in (*META_TEXTS, "phase") or not isinstance(value, str):
                self.fail(f"initial.{key}", "corrupt.not_text_field")
            if key == "phase" and value not in self.known("phase or setup"):
                self.fail("initial.phase", "corrupt.not_phase", value=repr(value))
            if key == "date" and (problem := date_problem(_field(META.fields, "date"), value)) is not None:
                self.refuse("initial.date", problem)  # the workshop's date as first set: the same rule

    def view(self) -> None:
        for doc_id, doc in self.tables.get("view", {}).items():
            self.where = ("view", doc_id)
            if doc_id != "state":
                self.fail(None, "corrupt.not_view")
            self.declared(fields_of(_ViewState), doc)
            timers = doc.get("timers", {})
            if not isinstance(timers, dict) or not all(isinstance(t, dict) for t in timers.values()):
                self.fail("timers", "corrupt.timers")

    def events(self) -> None:
        """The log: numbered 1, 2, 3, ..., each event a known kind whose data has its declared
        types (what a live change of that kind was checked against)."""
        from facilitator.core.schema.events import PAYLOADS  # ~45 TypedDicts: not at every start

        events = self.tables.get("events", {})
        for doc_id, doc in events.items():
            if self.unchanged("events", doc_id, doc):
                continue
            self.where = ("events", doc_id)
            self.declared(fields_of(Event), doc)
            seq = doc["seq"]
            if seq > len(events):
                self.fail("seq", "corrupt.seq", count=len(events))
            if doc_id != str(seq) or doc.get("id") != doc_id:
                self.fail("id", "corrupt.event_number", seq=str(seq))
            payload = PAYLOADS.get(doc["kind"])
            if payload is None:
                self.fail("kind", "corrupt.event_kind", kind=repr(doc["kind"]))
            data = doc.get("data", {})
            problem = payload_problem(payload, data)
            if problem is not None:
                self.refuse(f"data.{problem[0]}", problem[1])


def _field(fields: tuple[Field, ...], name: str) -> Field:
    return next(f for f in fields if f.name == name)


def _placement(checker: _Checker, doc: Mapping[str, Any]) -> None:
    activity = checker.involved(doc)
    if doc["round"] > activity.get("round", 1):
        checker.fail("round", "corrupt.later_round", round=str(activity.get("round", 1)))


def _expectation(checker: _Checker, doc: Mapping[str, Any]) -> None:
    if doc["from_party"] == doc["to_party"]:
        checker.fail("to_party", "corrupt.self_expectation")


def _timer(checker: _Checker, doc: Mapping[str, Any]) -> None:
    """A phase's countdown, as the room left it (see `kinds.session`), under its phase's id."""
    if doc.get("id", checker.where[1]) != checker.where[1]:
        checker.fail("id", "corrupt.own_id", id=repr(checker.where[1]))


RULES: dict[str, Rule] = {
    "placements": _placement,
    "roles": _Checker.involved,
    "signoffs": _Checker.involved,
    "expectations": _expectation,
    "timers": _timer,
}
"""What a table's documents must be beyond their own fields: across fields, or other tables."""


class _Order(TypedDict):
    order: Annotated[int, Whole()]


class _ViewState(TypedDict, total=False):
    """An older file's positions on screen (moved to the device on its next change)."""

    phase: str | None
    selected_activity: str | None
    placement: str | None
    intro_page: Annotated[int, Whole(lowest=0)]
