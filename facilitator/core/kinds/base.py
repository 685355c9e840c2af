"""What every kind of change shares: the handler's context, payload checks, the registry.

Each kind of change is declared once, in the module of its subject (session, parties,
activities, placement, agreement, actions), as one `EventKind`: its name, the handler that
validates the payload against the session and applies it, the sentence the timeline
describes it with, and whether it reopens the activity's sign-offs. The live service and the
timeline's replay call the same handler, so a replay can't drift from what happened.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from tinydb import TinyDB

from facilitator.core.dates import parse_date
from facilitator.core.errors import ChangeRejected
from facilitator.core.i18n import Translator
from facilitator.core.scenario import Scenario
from facilitator.core.store import document
from facilitator.core.text import one_line

if TYPE_CHECKING:
    from facilitator.core.model import Author, Session

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

    def _stored(self, table: str) -> Mapping[str, dict[str, Any]]:
        """A table's documents as stored, by id; read-only (the store replaces, never edits, them).

        Read directly rather than through TinyDB, which copies every document into a
        `Document` on each `all()`: replaying thousands of events on a big session made
        every scan a copy of the whole table.
        """
        data = self.db.storage.read() or {}
        return cast(Mapping[str, dict[str, Any]], data.get(table, {}))

    def get(self, table: str, doc_id: str) -> dict[str, Any] | None:
        doc = self._stored(table).get(doc_id)
        return dict(doc) if isinstance(doc, dict) else None

    def remove(self, table: str, *doc_ids: str) -> None:
        self.db.table(table).remove(doc_ids=cast(list[int], list(doc_ids)))

    def need(self, table: str, doc_id: Any, what: str) -> dict[str, Any]:
        if not isinstance(doc_id, str):
            raise ChangeRejected(f"{what} id must be text")
        doc = self.get(table, doc_id)
        if doc is None:
            raise ChangeRejected(f"no {what} with id {doc_id!r}", "error.gone")
        return doc

    def put(self, table: str, doc: dict[str, Any], doc_id: str | None = None) -> None:
        self.db.table(table).upsert(document(doc, doc_id or doc["id"]))

    def all(self, table: str) -> list[dict[str, Any]]:
        return [dict(d) for d in self._stored(table).values()]

    def delete_where(self, table: str, keep: Callable[[dict[str, Any]], bool]) -> list[str]:
        ids = [doc_id for doc_id, d in self._stored(table).items() if not keep(d)]
        if ids:
            self.remove(table, *ids)
        return ids

    def next_order(self, table: str) -> int:
        return max((d.get("order", 0) for d in self._stored(table).values()), default=0) + 1

    def meta(self) -> dict[str, Any]:
        return self.need("meta", "session", "session")


Handler = Callable[[Context, dict[str, Any]], None]


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
    (an expectation's answer names only the expectation) sets it.
    """

    names: Names
    scenario: Scenario
    t: Translator
    activity_id: str | None = None

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


Describer = Callable[[Mapping[str, Any], Telling], str]


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


def handles(kind: str, *, describe: Describer, reopens: bool = False) -> Callable[[Handler], Handler]:
    """Register the decorated handler as the kind `kind`."""

    def register(fn: Handler) -> Handler:
        if kind in KINDS:
            raise RuntimeError(f"change kind {kind!r} declared twice")
        KINDS[kind] = EventKind(kind, fn, describe, reopens)
        return fn

    return register


# ----------------------------------------------------------------- validation


def text(data: dict[str, Any], key: str, *, required: bool = True, label: str | None = None) -> str:
    value = data.get(key, "")
    name = label or key.replace("_", " ")
    if not isinstance(value, str):
        raise ChangeRejected(f"{name} must be text")
    if required and not value.strip():
        raise ChangeRejected(f"{name} must not be empty", "error.empty", field=name)
    if len(value) > MAX_TEXT:
        raise ChangeRejected(
            f"{name} is too long ({len(value):,} characters; at most {MAX_TEXT:,})",
            "error.too_long",
            field=name,
            length=f"{len(value):,}",
            limit=f"{MAX_TEXT:,}",
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates, e.g. undecodable bytes from the command line
        raise ChangeRejected(
            f"{name} contains characters that are not valid text", "error.invalid_text", field=name
        ) from None
    return value


def rung_or_none(ctx: Context, value: Any, label: str) -> str | None:
    if value is None:
        return None
    if value not in ctx.scenario.rung_ids():
        raise ChangeRejected(f"{label}: no rung {value!r} in this scenario")
    return str(value)


def rung(ctx: Context, value: Any, label: str) -> str:
    result = rung_or_none(ctx, value, label)
    if result is None:
        raise ChangeRejected(f"{label} is required")
    return result


def party_ids(ctx: Context, values: Any) -> list[str]:
    if not isinstance(values, list | tuple):
        raise ChangeRejected("parties must be a list")
    out: list[str] = []
    for value in values:
        ctx.need("parties", value, "party")
        if value not in out:
            out.append(value)
    return out


def involved(ctx: Context, activity: dict[str, Any], party_id: Any) -> str:
    party = ctx.need("parties", party_id, "party")
    if party_id not in activity["party_ids"]:
        raise ChangeRejected(
            f"{party['name']!r} is not involved in {activity['title']!r}",
            "error.not_involved",
            party=party["name"],
            activity=activity["title"],
        )
    return str(party_id)


def due_date(value: Any) -> str | None:
    if value in (None, ""):
        return None
    return a_date(value, "due date")


def a_date(value: Any, what: str = "date") -> str:
    """2026-12-03 or 03.12.2026, stored as 2026-12-03; anything else is refused."""
    parsed = parse_date(str(value))
    if parsed is None:
        raise ChangeRejected(
            f"{what} {value!r} is not a date (use 2026-12-03 or 03.12.2026)",
            "error.bad_date",
            value=str(value),
        )
    return parsed


def pair_id(*parts: str | int) -> str:
    return "/".join(str(p) for p in parts)
