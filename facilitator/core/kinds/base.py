"""What every kind of change shares: the handler's context, payload checks, the registry.

Each kind of change is declared once, in the module of its subject (session, parties,
activities, placement, agreement, actions), as one `EventKind`: its name, the handler that
validates the payload against the session and applies it, the sentence the timeline
describes it with, and whether it reopens the activity's sign-offs. The live service and the
timeline's replay call the same handler, so a replay can't drift from what happened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar, cast

from tinydb import TinyDB

from facilitator.core.dates import parse_date
from facilitator.core.errors import ChangeRejected
from facilitator.core.i18n import CATALOGUE, Translator, Worded
from facilitator.core.i18n.numbers import number
from facilitator.core.model import META, PARTIES, Activity, SessionInfo
from facilitator.core.scenario import Scenario
from facilitator.core.schema.events import PAYLOADS, Payload
from facilitator.core.schema.table import Table
from facilitator.core.tables_db import document
from facilitator.core.text import one_line

if TYPE_CHECKING:
    from facilitator.core.model import Author, Session


R = TypeVar("R")
P = TypeVar("P", bound=Payload)
Doc = Mapping[str, Any]
"""A stored document as JSON: read and written through its `Table`."""

MAX_TEXT = 100_000
SESSION_FIELDS = ("title", "date", "place", "facilitator")


@dataclass
class Context:
    """What a handler may touch: the tables, the scenario, and the event's time and author."""

    db: TinyDB
    scenario: Scenario
    at: str
    actor: str = ""
    author: Author | None = None
    """A participant's device making the change live (None: the facilitator, or a replay)."""
    live: bool = False
    """The change is being made now (not replayed from the log): the rules of the room's
    process apply to it. A replay applies what happened, even under an older version's rules."""

    def _stored(self, table: str) -> Mapping[str, Doc]:
        """A table's documents as stored, by id; read-only (the store replaces, never edits, them).

        Read directly rather than through TinyDB, which copies every document into a
        `Document` on each `all()`: replaying thousands of events on a big session made
        every scan a copy of the whole table.
        """
        data = self.db.storage.read() or {}
        return cast(Mapping[str, Doc], data.get(table, {}))

    def log_newest_first(self) -> Iterator[tuple[int, str, Mapping[str, Any]]]:
        """The file's event log as it is now (number, kind, data), newest first."""
        for doc in reversed(list(self._stored("events").values())):
            yield doc["seq"], doc["kind"], doc.get("data", {})

    def exists(self, table: str, doc_id: Any, what: str) -> str:
        """`doc_id`, if it names a document of `table`; else the refusal the app shows."""
        if not isinstance(doc_id, str):
            raise ChangeRejected(Worded("error.change.id_not_text", what=_thing(table, what)))
        if doc_id not in self._stored(table):
            raise ChangeRejected(f"no {what} with id {doc_id!r}", "error.gone")
        return doc_id

    def find(self, table: Table[R], doc_id: str) -> R | None:
        doc = self._stored(table.name).get(doc_id)
        return None if doc is None else table.build(doc)

    def need(self, table: Table[R], doc_id: Any) -> R:
        """The row `doc_id` names; a refusal if there is none."""
        return table.build(self._stored(table.name)[self.exists(table.name, doc_id, table.what)])

    def rows(self, table: Table[R]) -> list[R]:
        return [table.build(doc) for doc in self._stored(table.name).values()]

    def put(self, table: Table[R], row: R) -> None:
        """Write the row's document (a new one, or over the one with its id, keeping its place)."""
        doc_id = table.id_of(row)
        more: dict[str, object] = {}
        if table.ordered:
            before = self._stored(table.name).get(doc_id)
            more["order"] = before.get("order", 0) if before is not None else self.next_order(table.name)
        self._write(table.name, table.doc(row, **more), doc_id)

    def add(self, table: Table[R], row: R) -> None:
        """Write a new row's document, after the table's others."""
        self._write(table.name, table.doc(row, order=self.next_order(table.name)), table.id_of(row))

    def _write(self, table: str, doc: Mapping[str, object], doc_id: str) -> None:
        self.db.table(table).upsert(document(doc, doc_id))

    def remove(self, table: Table[Any], *doc_ids: str) -> None:
        self.db.table(table.name).remove(doc_ids=cast(list[int], list(doc_ids)))

    def delete_where(
        self, table: Table[R], field: str, value: object, *, unless: Callable[[R], bool] | None = None
    ) -> list[str]:
        """Remove the documents whose `field` holds `value`, but those `unless` keeps; their ids.

        The field is compared on the stored documents: a change that removes a few rows
        does not build every row of a big table (placements, at 2,000 activities)."""
        ids = [
            doc_id
            for doc_id, doc in self._stored(table.name).items()
            if doc.get(field) == value and (unless is None or not unless(table.build(doc)))
        ]
        if ids:
            self.remove(table, *ids)
        return ids

    def any_where(self, table: Table[Any], **values: object) -> bool:
        """Whether a stored document of `table` holds all of `values` (no row is built)."""
        return any(
            all(doc.get(k) == v for k, v in values.items()) for doc in self._stored(table.name).values()
        )

    def next_order(self, table: str) -> int:
        return max((d.get("order", 0) for d in self._stored(table).values()), default=0) + 1

    def info(self) -> SessionInfo:
        """The session's own details and what the room is on."""
        return META.build(self._stored("meta")["session"])

    def set_info(self, **values: str | None) -> None:
        """Change some of the session's own fields; the rest of its document stays as it is."""
        self._write("meta", {**self._stored("meta")["session"], **values}, "session")


Handler = Callable[[Context, Any], None]
"""Applies one kind of change: its payload is of the kind's declared type (`schema.events`)."""


@dataclass
class Names:
    """What the log has said so far: names and texts as they were at each event."""

    session: Session
    parties: dict[str, str] = field(default_factory=dict)
    activities: dict[str, str] = field(default_factory=dict)
    participants: dict[str, tuple[str, str]] = field(default_factory=dict)
    commitments: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # activity, party, text
    expectations: dict[str, tuple[str, str, str, str]] = field(default_factory=dict)  # act, from, to, text
    actions: dict[str, str] = field(default_factory=dict)
    # This round's placements per activity, so that a reveal can say what it revealed.
    placed: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)
    activity_parties: dict[str, list[str]] = field(default_factory=dict)

    def party(self, party_id: Any) -> str:
        if isinstance(party_id, str):
            if party_id in self.parties:
                return self.parties[party_id]
            return self.session.party_name(party_id)
        return "?"

    def activity(self, activity_id: Any) -> str:
        if isinstance(activity_id, str):
            if activity_id in self.activities:
                return self.activities[activity_id]
            if self.session.has_activity(activity_id):
                return self.session.activity(activity_id).title
            return activity_id
        return "?"


@dataclass
class Telling:
    """What a describer reads (names as they were, scenario, language) and may set.

    `activity_id` is the activity the event concerns; a describer that finds it elsewhere
    (an expectation's answer names only the expectation) sets it, and `speaker` likewise.
    """

    names: Names
    scenario: Scenario
    t: Translator
    activity_id: str | None = None
    speaker: str | None = None
    """The party whose own word the event records (a placement, an answer, a promise, a
    sign-off), set by the describers of those kinds: the timeline then says who entered it."""

    def act(self, key: Any = None) -> str:
        """The activity's title as it was then (this event's activity unless `key` names one)."""
        return self.names.activity(self.activity_id if key is None else key)

    def party(self, party_id: Any) -> str:
        return self.names.party(party_id)

    def rung(self, rung_id: Any) -> str:
        try:
            return self.scenario.rung_title(str(rung_id))
        except KeyError:
            return one_line(str(rung_id))

    def rung_number(self, rung_id: str) -> str:
        try:
            return str(self.scenario.rung_index(rung_id) + 1)
        except KeyError:
            return "?"

    def phase_name(self, phase_id: Any) -> str:
        if phase_id == "":
            return self.t("phase.setup")
        return phase_name(self.scenario, phase_id)


def phase_name(scenario: Scenario, phase_id: Any) -> str:
    """An agenda phase's name (an unknown id as it is, on one line)."""
    return next((p.name for p in scenario.agenda if p.id == phase_id), one_line(str(phase_id)))


Describer = Callable[[Any, Telling], str]
"""Tells one kind of change: its payload is of the kind's declared type, as the handler's."""


@dataclass(frozen=True)
class EventKind:
    """One kind of change, declared once: how it applies, how the timeline tells it."""

    name: str
    apply: Handler
    """Validates the payload against the session (raising `ChangeRejected`) and applies it."""
    describe: Describer
    """The change in words, for the timeline; updates the `Names` as the change did."""
    reopens: bool = False
    """Whether it makes the activity's earlier sign-offs void."""


KINDS: dict[str, EventKind] = {}


def reopened_activity(kind: str, data: Mapping[str, Any]) -> object:
    """The activity whose sign-offs a change of `kind` made void (None: it reopens none)."""
    declared = KINDS.get(kind)
    return data.get("activity_id") or data.get("id") if declared is not None and declared.reopens else None


def latest_change(newest_first: Iterable[tuple[int, str, Mapping[str, Any]]], activity_id: str) -> int:
    """`reopening.agreement_mark` over the file's log under its lock, given newest first
    (number, kind, data): a sign-off checks its party saw the agreement as it is."""
    return next((seq for seq, kind, data in newest_first if reopened_activity(kind, data) == activity_id), 0)


def handles(
    kind: str, *, describe: Callable[[P, Telling], str], reopens: bool = False
) -> Callable[[Callable[[Context, P], None]], Callable[[Context, P], None]]:
    """Register the decorated handler as the kind `kind`; it and `describe` read one payload type."""

    def register(fn: Callable[[Context, P], None]) -> Callable[[Context, P], None]:
        if kind in KINDS:
            raise RuntimeError(f"change kind {kind!r} declared twice")
        if kind not in PAYLOADS:
            raise RuntimeError(f"change kind {kind!r}: declare its payload in schema.events.PAYLOADS")
        KINDS[kind] = EventKind(kind, fn, describe, reopens)
        return fn

    return register


# ----------------------------------------------------------------- validation


def _thing(table: str, what: str) -> str:
    """What a document of `table` is called in a refusal: the catalogue's word where it has one."""
    return Worded(f"thing.{table}") if f"thing.{table}" in CATALOGUE else what


def text(data: Mapping[str, object], key: str, *, required: bool = True, label: str | None = None) -> str:
    value = data.get(key, "")
    name = label or key.replace("_", " ")
    if not isinstance(value, str):
        raise ChangeRejected(Worded("error.change.not_text", field=repr(name)))
    if required and not value.strip():
        raise ChangeRejected(f"{name} must not be empty", "error.empty", field=name)
    if len(value) > MAX_TEXT:
        raise ChangeRejected(
            f"{name} is too long ({number(len(value), 'en')} characters; at most {number(MAX_TEXT, 'en')})",
            "error.too_long",
            field=name,
            length=len(value),
            limit=MAX_TEXT,
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates, e.g. undecodable bytes from the command line
        raise ChangeRejected(
            f"{name} contains characters that are not valid text", "error.invalid_text", field=name
        ) from None
    return value


def unique(values: Iterable[str]) -> tuple[str, ...]:
    """Each id once, in the order given."""
    return tuple(dict.fromkeys(values))


def involved(ctx: Context, activity: Activity, party_id: str) -> str:
    """`party_id`, if that party takes part in the activity; else the refusal the app shows."""
    party = ctx.need(PARTIES, party_id)
    if party_id not in activity.party_ids:
        raise ChangeRejected(
            f"{party.name!r} is not involved in {activity.title!r}",
            "error.not_involved",
            party=party.name,
            activity=activity.title,
        )
    return party_id


def due_date(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    return a_date(value, "due date")


def a_date(value: object, what: str = "date") -> str:
    """2026-12-03 or 03.12.2026, stored as 2026-12-03; anything else is refused."""
    parsed = parse_date(str(value))
    if parsed is None:
        raise ChangeRejected(
            f"{what} {value!r} is not a date (use 2026-12-03 or 03.12.2026)",
            "error.bad_date",
            value=str(value),
        )
    return parsed
