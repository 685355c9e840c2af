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

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any, NoReturn, cast

from facilitator.core.errors import ScenarioError, SessionFileError
from facilitator.core.i18n import LANGUAGES
from facilitator.core.model import EXPECTATION_STATES, FILE_KIND, SCHEMA_VERSION
from facilitator.core.plain import PlainDataError, check, loads_json
from facilitator.core.scenario import Scenario, scenario_from_dict, type_name
from facilitator.core.schema.events import PAYLOADS
from facilitator.core.schema.fields import payload_problem

Data = dict[str, dict[str, dict[str, Any]]]
"""A session file's tables as read: table name → document id → document."""

SESSION_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
"""A session id: also a file name (exports are named after it), so no path characters."""
MAX_TEXT = 100_000  # as `changes.MAX_TEXT`: what a change may write, a file may hold
META_TEXTS = ("title", "date", "place", "facilitator")
ACTIVITY_FIELDS = (
    "title",
    "order",
    "description",
    "party_ids",
    "concerns",
    "round",
    "revealed",
    "agreed_current",
    "agreed_wished",
    "agreed_note",
    "note_private",
)
TABLES = frozenset(
    {
        "meta",
        "view",  # an older file's positions on screen: moved out on its next change
        "timers",
        "events",
        "parties",
        "participants",
        "activities",
        "placements",
        "roles",
        "commitments",
        "expectations",
        "fields",
        "signoffs",
        "actions",
    }
)


def check_session_data(data: Any, source: str) -> Data:
    """Refuse anything that is not a session file this version can read."""
    if not isinstance(data, dict) or not isinstance(data.get("meta"), dict):
        raise SessionFileError(f"{source}: not a facilitator session file")
    meta = data["meta"].get("session")
    if not isinstance(meta, dict) or meta.get("kind") != FILE_KIND:
        raise SessionFileError(f"{source}: not a facilitator session file")
    schema = meta.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise SessionFileError(f"{source}: session file has no schema version")
    if schema > SCHEMA_VERSION:
        raise SessionFileError(
            f"{source}: written by a newer facilitator (schema {schema}, this one reads "
            f"up to {SCHEMA_VERSION}); upgrade facilitator to open it"
        )
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            raise SessionFileError(f"{source}: corrupt session file (table {name!r})")
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
        raise SessionFileError(f"{source}: corrupt session file ({error})") from None
    return validate_session(data, source, plain_checked=True, previous=previous)


_scenario_memo: list[tuple[Any, Scenario]] = []
"""The last embedded scenario read, with its model: a reload seldom brings another one."""


def _scenario(raw: Any, source: str) -> Scenario:
    if _scenario_memo and _scenario_memo[0][0] == raw:
        return _scenario_memo[0][1]
    scenario = scenario_from_dict(raw, f"{source} (embedded scenario)")
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
            raise SessionFileError(f"{source}: corrupt session file ({error})") from None
    meta = checked["meta"].get("session", {})
    if not isinstance(meta.get("scenario"), dict):
        raise SessionFileError(f"{source}: corrupt session file (no embedded scenario)")
    try:
        scenario = _scenario(meta["scenario"], source)
    except ScenarioError as error:
        raise SessionFileError(str(error)) from None
    _Checker(source, scenario, checked, previous).run()
    return checked


class _Checker:
    """Checks one session's tables against each other and the embedded scenario."""

    def __init__(self, source: str, scenario: Scenario, tables: Data, previous: Data | None = None) -> None:
        self.source = source
        self.scenario = scenario
        self.tables = tables
        self.where: tuple[str, str] = ("", "")
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
    def fail(self, field: str | None, problem: str) -> NoReturn:
        table, doc_id = self.where
        parts = [f"table {table!r}"]
        if doc_id:
            parts.append(f"document {doc_id!r}")
        if field is not None:
            parts.append(f"field {field!r}")
        raise SessionFileError(f"{self.source}: corrupt session file ({', '.join(parts)}: {problem})")

    # ---------------------------------------------------------------- field checks
    def text(self, doc: Mapping[str, Any], key: str, *, required: bool = True, empty: bool = True) -> str:
        if key not in doc:
            if required:
                self.fail(key, "is missing")
            return ""
        value = doc[key]
        if not isinstance(value, str):
            self.fail(key, f"must be text, not {_kind(value)}")
        if not empty and not value.strip():
            self.fail(key, "must not be empty")
        if len(value) > MAX_TEXT:
            self.fail(key, f"is too long ({len(value):,} characters; at most {MAX_TEXT:,})")
        return value

    def optional_text(self, doc: Mapping[str, Any], key: str) -> str | None:
        if doc.get(key) is None:
            return None
        return self.text(doc, key)

    def whole(
        self, doc: Mapping[str, Any], key: str, *, lowest: int | None = None, required: bool = True
    ) -> int:
        if key not in doc and not required:
            return lowest or 0
        value = doc.get(key)
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail(key, f"must be a whole number, not {_kind(value)}")
        if lowest is not None and value < lowest:
            self.fail(key, f"must be at least {lowest}, not {value}")
        return value

    def flag(self, doc: Mapping[str, Any], key: str, *, required: bool = False) -> bool:
        if key not in doc:
            if required:
                self.fail(key, "is missing")
            return False
        value = doc[key]
        if not isinstance(value, bool):
            self.fail(key, f"must be true or false, not {_kind(value)}")
        return value

    def ref(self, doc: Mapping[str, Any], key: str, table: str, *, optional: bool = False) -> str | None:
        value = doc.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, str):
            self.fail(key, f"must be the id of a document in {table!r}, not {_kind(value)}")
        if value not in self.tables.get(table, {}):
            self.fail(key, f"names {value!r}, which is not in table {table!r}")
        return value

    def refs(self, doc: Mapping[str, Any], key: str, table: str) -> list[str]:
        values = doc.get(key, [])
        if not isinstance(values, list):
            self.fail(key, f"must be a list of ids, not {_kind(values)}")
        out: list[str] = []
        for value in values:
            if not isinstance(value, str) or value not in self.tables.get(table, {}):
                self.fail(key, f"names {value!r}, which is not in table {table!r}")
            if value in out:
                self.fail(key, f"names {value!r} twice")
            out.append(value)
        return out

    def choice(
        self, doc: Mapping[str, Any], key: str, allowed: set[str], what: str, *, optional: bool
    ) -> None:
        value = doc.get(key)
        if value is None and optional:
            return
        if not isinstance(value, str) or value not in allowed:
            self.fail(key, f"{value!r} is not a {what} of this session's scenario")

    def choices(self, doc: Mapping[str, Any], key: str, allowed: set[str], what: str) -> None:
        """A list of scenario ids, each at most once."""
        values = doc.get(key)
        if not isinstance(values, list):
            self.fail(key, f"must be a list of ids, not {_kind(values)}")
        for i, value in enumerate(values):
            if not isinstance(value, str) or value not in allowed:
                self.fail(key, f"{value!r} is not a {what} of this session's scenario")
            if value in values[:i]:
                self.fail(key, f"names {value!r} twice")

    def involved(self, doc: Mapping[str, Any]) -> Mapping[str, Any]:
        """The document's activity, once its party exists and takes part in that activity."""
        activity = self._activity_of(doc)
        assert activity is not None
        self.ref(doc, "party_id", "parties")
        if doc["party_id"] not in activity["party_ids"]:
            self.fail("party_id", f"party {doc['party_id']!r} is not involved in activity {activity['id']!r}")
        return activity

    def same_id(self, doc_id: str, *parts: Any) -> None:
        expected = "/".join(str(p) for p in parts)
        if doc_id != expected:
            self.fail("id", f"must be {expected!r}")

    # ---------------------------------------------------------------- tables
    def run(self) -> None:
        for name in self.tables:
            if name not in TABLES:
                self.where = (name, "")
                self.fail(None, "is not a table of a session file")
        self.meta()
        self.view()
        self.each("timers", self.timer)
        rungs = set(self.scenario.rung_ids())
        self.each("parties", self.party)
        self.each("participants", self.participant)
        self.each("activities", lambda d: self.activity(d, rungs))
        self.each("placements", lambda d: self.placement(d, rungs))
        self.each("roles", self.role)
        self.each("commitments", self.commitment)
        self.each("expectations", self.expectation)
        self.each("fields", self.field)
        self.each("signoffs", self.signoff)
        self.each("actions", self.action)
        self.events()

    def each(self, table: str, check_doc: Callable[[Mapping[str, Any]], None]) -> None:
        for doc_id, doc in self.tables.get(table, {}).items():
            if self.unchanged(table, doc_id, doc):
                continue
            self.where = (table, doc_id)
            if doc.get("id") != doc_id:
                self.fail("id", f"must be the document's own id {doc_id!r}")
            if "order" in doc:
                self.whole(doc, "order")
            check_doc(doc)

    def meta(self) -> None:
        meta_table = self.tables["meta"]
        self.where = ("meta", "session")
        for doc_id in meta_table:
            if doc_id != "session":
                self.where = ("meta", doc_id)
                self.fail(None, "is not a document of the meta table")
        meta = meta_table["session"]
        if not SESSION_ID_RE.match(self.text(meta, "id", empty=False)):
            self.fail("id", f"{meta['id']!r} is not valid: a session id has letters, digits, '-' and '_'")
        self.text(meta, "title", empty=False)
        for key in META_TEXTS[1:]:
            self.text(meta, key, required=False)
        self.text(meta, "created_at")
        if self.text(meta, "scenario_id") != self.scenario.id:
            self.fail("scenario_id", f"must be the embedded scenario's id {self.scenario.id!r}")
        if self.text(meta, "language") not in LANGUAGES:
            self.fail("language", f"must be one of {', '.join(LANGUAGES)}")
        phases = {p.id for p in self.scenario.agenda}
        if self.text(meta, "phase", required=False) not in phases | {""}:
            self.fail("phase", f"{meta['phase']!r} is not a phase of the scenario's agenda")
        initial = meta.get("initial", {})
        if not isinstance(initial, dict):
            self.fail("initial", f"must be a table, not {_kind(initial)}")
        for key, value in initial.items():
            if key not in (*META_TEXTS, "phase") or not isinstance(value, str):
                self.fail(f"initial.{key}", "is not a text field of the session")
            if key == "phase" and value not in phases | {""}:
                self.fail("initial.phase", f"{value!r} is not a phase of the scenario's agenda")
        self.ref(meta, "open_activity", "activities", optional=True)

    def timer(self, doc: Mapping[str, Any]) -> None:
        """A phase's countdown, as the room left it (see `kinds.session`)."""
        if doc.get("phase_id") != self.where[1] or self.where[1] not in {p.id for p in self.scenario.agenda}:
            self.fail("phase_id", "must be the id of a phase of the scenario's agenda, as the document's")
        for key, optional in (
            ("duration", False),
            ("elapsed", False),
            ("started_at", True),
            ("planned", True),
        ):
            value = doc.get(key)
            if value is None and optional:
                continue
            if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
                self.fail(key, f"must be a number of seconds, not {_kind(value)}")

    def view(self) -> None:
        for doc_id, doc in self.tables.get("view", {}).items():
            self.where = ("view", doc_id)
            if doc_id != "state":
                self.fail(None, "is not a document of the view table")
            for key in ("phase", "selected_activity", "placement"):
                self.optional_text(doc, key)
            if "intro_page" in doc:
                self.whole(doc, "intro_page", lowest=0)
            timers = doc.get("timers", {})
            if not isinstance(timers, dict) or not all(isinstance(t, dict) for t in timers.values()):
                self.fail("timers", "must be a table of timers")

    def party(self, doc: Mapping[str, Any]) -> None:
        self.text(doc, "name", empty=False)
        self.whole(doc, "order")
        suggested = {p.id for p in self.scenario.parties}
        self.choice(doc, "suggested_id", suggested, "suggested party", optional=True)
        self.flag(doc, "affected")

    def participant(self, doc: Mapping[str, Any]) -> None:
        self.text(doc, "name", empty=False)
        self.ref(doc, "party_id", "parties")

    def activity(self, doc: Mapping[str, Any], rungs: set[str]) -> None:
        for key in ACTIVITY_FIELDS:  # every change to an activity reads them all
            if key not in doc:
                self.fail(key, "is missing")
        self.text(doc, "title", empty=False)
        self.whole(doc, "order")
        self.text(doc, "description", required=False)
        self.text(doc, "agreed_note", required=False)
        self.refs(doc, "party_ids", "parties")
        self.refs(doc, "concerns", "parties")
        approaches = {a.id for a in self.scenario.approaches}
        if "approaches" in doc:  # several, as a lens
            self.choices(doc, "approaches", approaches, "approach")
        elif "approach" in doc:  # a file from before several approaches: one, or none
            self.choice(doc, "approach", approaches, "approach", optional=True)
        else:
            self.fail("approaches", "is missing")
        if "flows" in doc:  # a file from before flow directions has none
            self.choices(doc, "flows", set(self.scenario.flow_ids()), "direction of information flow")
        self.whole(doc, "round", lowest=1)
        self.flag(doc, "revealed")
        self.flag(doc, "note_private")
        self.choice(doc, "agreed_current", rungs, "rung", optional=True)
        self.choice(doc, "agreed_wished", rungs, "rung", optional=True)

    def _activity_of(self, doc: Mapping[str, Any], *, optional: bool = False) -> Mapping[str, Any] | None:
        activity_id = self.ref(doc, "activity_id", "activities", optional=optional)
        return None if activity_id is None else self.tables["activities"][activity_id]

    def placement(self, doc: Mapping[str, Any], rungs: set[str]) -> None:
        activity = self.involved(doc)
        round_ = self.whole(doc, "round", lowest=1)
        if round_ > activity["round"]:
            self.fail("round", f"is later than the activity's round {activity['round']}")
        self.same_id(self.where[1], doc["activity_id"], doc["party_id"], round_)
        self.choice(doc, "current", rungs, "rung", optional=False)
        self.choice(doc, "wished", rungs, "rung", optional=False)
        self.text(doc, "at")
        for key in ("by", "device", "replaced_by", "replaced_device"):
            self.text(doc, key, required=False)

    def role(self, doc: Mapping[str, Any]) -> None:
        self.involved(doc)
        self.same_id(self.where[1], doc["activity_id"], doc["party_id"])
        self.choice(doc, "role_id", {r.id for r in self.scenario.roles}, "role", optional=False)

    def commitment(self, doc: Mapping[str, Any]) -> None:
        self._activity_of(doc)
        self.ref(doc, "party_id", "parties")
        self.text(doc, "text", empty=False)

    def expectation(self, doc: Mapping[str, Any]) -> None:
        self._activity_of(doc)
        if self.ref(doc, "from_party", "parties") == self.ref(doc, "to_party", "parties"):
            self.fail("to_party", "is the party the expectation comes from")
        self.text(doc, "text", empty=False)
        self.choice(doc, "state", set(EXPECTATION_STATES), "answer", optional=True)
        self.text(doc, "response", required=False)

    def field(self, doc: Mapping[str, Any]) -> None:
        self._activity_of(doc)
        known = {f.id for r in self.scenario.rungs for f in r.fields}
        self.choice(doc, "field_id", known, "agreement field", optional=False)
        self.same_id(self.where[1], doc["activity_id"], doc["field_id"])
        self.text(doc, "value")

    def signoff(self, doc: Mapping[str, Any]) -> None:
        self.involved(doc)
        self.same_id(self.where[1], doc["activity_id"], doc["party_id"])
        self.text(doc, "at")

    def action(self, doc: Mapping[str, Any]) -> None:
        self.text(doc, "text", empty=False)
        self.ref(doc, "owner", "parties")
        self._activity_of(doc, optional=True)
        due = self.optional_text(doc, "due")
        if due is not None:
            try:
                dt.date.fromisoformat(due)
            except ValueError:
                self.fail("due", f"{due!r} is not a date (YYYY-MM-DD)")
        self.flag(doc, "done")

    def events(self) -> None:
        """The log: numbered 1, 2, 3, ..., each event a known kind whose data has its declared
        types (what a live change of that kind was checked against)."""
        events = self.tables.get("events", {})
        for doc_id, doc in events.items():
            if self.unchanged("events", doc_id, doc):
                continue
            self.where = ("events", doc_id)
            seq = self.whole(doc, "seq", lowest=1)
            if seq > len(events):
                self.fail("seq", f"the log has {len(events)} events, numbered from 1 without gaps")
            if doc_id != str(seq) or doc.get("id") != doc_id:
                self.fail("id", f"must be the event's number {seq}")
            self.text(doc, "at")
            self.text(doc, "actor")
            self.text(doc, "device", required=False)
            kind = self.text(doc, "kind")
            payload = PAYLOADS.get(kind)
            if payload is None:
                self.fail("kind", f"{kind!r} is not a kind of change")
            data = doc.get("data", {})
            if not isinstance(data, dict):
                self.fail("data", f"must be a table, not {_kind(data)}")
            problem = payload_problem(payload, data)
            if problem is not None:
                self.fail(f"data.{problem[0]}", problem[1])


def _kind(value: Any) -> str:
    return "nothing (null)" if value is None else type_name(value)
