"""Applying recorded changes to session tables: one function per event kind.

Every change to a session is an event (`kind` + `data`). The live service applies it
to the file's tables inside a transaction; the timeline replays the same events on an
empty in-memory database. One code path for both means a replay can't drift from what
happened live. Handlers validate against the current state and raise `ChangeRejected`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, cast

from tinydb import TinyDB

from facilitator.core.dates import parse_date
from facilitator.core.errors import ChangeRejected
from facilitator.core.model import EXPECTATION_STATES
from facilitator.core.scenario import Scenario
from facilitator.core.store import document

MAX_TEXT = 100_000
SESSION_FIELDS = ("title", "date", "place", "facilitator")

# Changes to these make earlier sign-offs on the activity void.
REOPENING_KINDS = frozenset(
    {
        "activity.agreed",
        "activity.revote",
        "role.set",
        "commitment.added",
        "commitment.updated",
        "commitment.removed",
        "expectation.added",
        "expectation.answered",
        "expectation.removed",
        "field.set",
    }
)


@dataclass
class Context:
    """What a handler may touch: the tables, the scenario, and the event's time."""

    db: TinyDB
    scenario: Scenario
    at: str

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
HANDLERS: dict[str, Handler] = {}


def handles(kind: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        HANDLERS[kind] = fn
        return fn

    return register


def apply_change(db: TinyDB, scenario: Scenario, kind: str, data: dict[str, Any], at: str) -> None:
    """Validate and apply one change; may add `reopened` to `data` for the log."""
    handler = HANDLERS.get(kind)
    if handler is None:
        raise ChangeRejected(f"unknown change {kind!r}")
    ctx = Context(db, scenario, at)
    handler(ctx, data)
    if kind in REOPENING_KINDS:
        activity_id = data.get("activity_id") or data.get("id")
        reopened = ctx.delete_where("signoffs", lambda d: d["activity_id"] != activity_id)
        if reopened:
            data["reopened"] = sorted(i.split("/", 1)[1] for i in reopened)


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


# ----------------------------------------------------------------- session and parties


@handles("session.updated")
def _session_updated(ctx: Context, data: dict[str, Any]) -> None:
    meta = ctx.meta()
    for key in data:
        if key not in SESSION_FIELDS:
            raise ChangeRejected(f"session has no field {key!r}")
        meta[key] = text(data, key, required=key == "title")
        if key == "date" and meta[key]:
            meta[key] = a_date(meta[key])
    ctx.put("meta", meta, "session")


@handles("phase.changed")
def _phase_changed(ctx: Context, data: dict[str, Any]) -> None:
    phase = data.get("phase")
    if phase not in {p.id for p in ctx.scenario.agenda}:
        raise ChangeRejected(f"no phase {phase!r} in this scenario's agenda")
    meta = ctx.meta()
    meta["phase"] = phase
    ctx.put("meta", meta, "session")


@handles("party.added")
def _party_added(ctx: Context, data: dict[str, Any]) -> None:
    name = text(data, "name").strip()
    for party in ctx.all("parties"):
        if party["name"].casefold() == name.casefold():
            raise ChangeRejected(
                f"there is already a party called {party['name']!r}",
                "error.duplicate_party",
                name=party["name"],
            )
    suggested = data.get("suggested_id")
    if suggested is not None and ctx.scenario.suggested_party(suggested) is None:
        raise ChangeRejected(f"no suggested party {suggested!r} in this scenario")
    affected = data.get("affected", False)
    if not isinstance(affected, bool):
        raise ChangeRejected("affected must be true or false")
    ctx.put(
        "parties",
        {
            "id": data["id"],
            "name": name,
            "order": ctx.next_order("parties"),
            "suggested_id": suggested,
            "affected": affected,
        },
    )


@handles("party.updated")
def _party_updated(ctx: Context, data: dict[str, Any]) -> None:
    party = ctx.need("parties", data.get("id"), "party")
    if "name" in data:
        name = text(data, "name").strip()
        for other in ctx.all("parties"):
            if other["id"] != party["id"] and other["name"].casefold() == name.casefold():
                raise ChangeRejected(
                    f"there is already a party called {other['name']!r}",
                    "error.duplicate_party",
                    name=other["name"],
                )
        party["name"] = name
    if "affected" in data:
        if not isinstance(data["affected"], bool):
            raise ChangeRejected("affected must be true or false")
        party["affected"] = data["affected"]
    ctx.put("parties", party)


@handles("party.removed")
def _party_removed(ctx: Context, data: dict[str, Any]) -> None:
    """Removes the party everywhere; the event log keeps what it had said."""
    party_id = ctx.need("parties", data.get("id"), "party")["id"]
    ctx.remove("parties", party_id)
    for activity in ctx.all("activities"):
        if party_id in activity["party_ids"] or party_id in activity.get("concerns", []):
            activity["party_ids"] = [p for p in activity["party_ids"] if p != party_id]
            activity["concerns"] = [p for p in activity.get("concerns", []) if p != party_id]
            ctx.put("activities", activity)
    ctx.delete_where("participants", lambda d: d["party_id"] != party_id)
    for table in ("placements", "roles", "commitments", "signoffs"):
        ctx.delete_where(table, lambda d: d["party_id"] != party_id)
    ctx.delete_where("expectations", lambda d: party_id not in (d["from_party"], d["to_party"]))
    ctx.delete_where("actions", lambda d: d["owner"] != party_id)


@handles("participant.added")
def _participant_added(ctx: Context, data: dict[str, Any]) -> None:
    ctx.need("parties", data.get("party_id"), "party")
    ctx.put(
        "participants",
        {
            "id": data["id"],
            "name": text(data, "name").strip(),
            "party_id": data["party_id"],
            "order": ctx.next_order("participants"),
        },
    )


@handles("participant.removed")
def _participant_removed(ctx: Context, data: dict[str, Any]) -> None:
    ctx.need("participants", data.get("id"), "participant")
    ctx.remove("participants", data["id"])


# ----------------------------------------------------------------- activities


def _activity_fields(ctx: Context, data: dict[str, Any], activity: dict[str, Any]) -> None:
    if "title" in data:
        activity["title"] = text(data, "title").strip()
    if "description" in data:
        activity["description"] = text(data, "description", required=False)
    if "party_ids" in data:
        activity["party_ids"] = party_ids(ctx, data["party_ids"])
    if "concerns" in data:
        activity["concerns"] = party_ids(ctx, data["concerns"])
    if "approach" in data:
        approach = data["approach"]
        if approach is not None and approach not in {a.id for a in ctx.scenario.approaches}:
            raise ChangeRejected(f"no approach {approach!r} in this scenario")
        activity["approach"] = approach


@handles("activity.added")
def _activity_added(ctx: Context, data: dict[str, Any]) -> None:
    if "title" not in data:
        raise ChangeRejected("title must not be empty", "error.empty", field="title")
    activity: dict[str, Any] = {
        "id": data["id"],
        "order": ctx.next_order("activities"),
        "title": "",
        "description": "",
        "party_ids": [],
        "concerns": [],
        "approach": None,
        "round": 1,
        "revealed": False,
        "agreed_current": None,
        "agreed_wished": None,
        "agreed_note": "",
        "note_private": False,
    }
    _activity_fields(ctx, data, activity)
    ctx.put("activities", activity)


@handles("activity.updated")
def _activity_updated(ctx: Context, data: dict[str, Any]) -> None:
    activity = ctx.need("activities", data.get("id"), "activity")
    unknown = set(data) - {"id", "title", "description", "party_ids", "concerns", "approach"}
    if unknown:
        raise ChangeRejected(f"activity has no field {sorted(unknown)[0]!r}")
    _activity_fields(ctx, data, activity)
    ctx.put("activities", activity)
    # A party that left the activity no longer places, plays a role or signs off on it.
    kept = set(activity["party_ids"])
    aid = activity["id"]
    for table in ("placements", "roles", "signoffs"):
        ctx.delete_where(table, lambda d: d["activity_id"] != aid or d["party_id"] in kept)


@handles("activity.removed")
def _activity_removed(ctx: Context, data: dict[str, Any]) -> None:
    aid = ctx.need("activities", data.get("id"), "activity")["id"]
    ctx.remove("activities", aid)
    for table in ("placements", "roles", "commitments", "expectations", "fields", "signoffs", "actions"):
        ctx.delete_where(table, lambda d: d.get("activity_id") != aid)


@handles("activity.reordered")
def _activity_reordered(ctx: Context, data: dict[str, Any]) -> None:
    activity = ctx.need("activities", data.get("id"), "activity")
    order = data.get("order")
    if not isinstance(order, int) or isinstance(order, bool):
        raise ChangeRejected("order must be a whole number")
    activity["order"] = order
    ctx.put("activities", activity)


# ----------------------------------------------------------------- placement, reveal, agreement


@handles("placement.recorded")
def _placement_recorded(ctx: Context, data: dict[str, Any]) -> None:
    activity = ctx.need("activities", data.get("activity_id"), "activity")
    party = involved(ctx, activity, data.get("party_id"))
    if activity["revealed"]:
        raise ChangeRejected(
            "this round is already revealed: start a re-vote to place again", "error.already_revealed"
        )
    doc = {
        "id": pair_id(activity["id"], party, activity["round"]),
        "activity_id": activity["id"],
        "party_id": party,
        "round": activity["round"],
        "current": rung(ctx, data.get("current"), "current rung"),
        "wished": rung(ctx, data.get("wished"), "wished rung"),
        "at": ctx.at,
    }
    ctx.put("placements", doc)


@handles("activity.revealed")
def _activity_revealed(ctx: Context, data: dict[str, Any]) -> None:
    activity = ctx.need("activities", data.get("id"), "activity")
    activity["revealed"] = True
    ctx.put("activities", activity)


@handles("activity.agreed")
def _activity_agreed(ctx: Context, data: dict[str, Any]) -> None:
    activity = ctx.need("activities", data.get("id"), "activity")
    if "current" in data:
        activity["agreed_current"] = rung_or_none(ctx, data["current"], "agreed current rung")
    if "wished" in data:
        activity["agreed_wished"] = rung_or_none(ctx, data["wished"], "agreed wished rung")
    if "note" in data:
        activity["agreed_note"] = text(data, "note", required=False)
    if "note_private" in data:
        if not isinstance(data["note_private"], bool):
            raise ChangeRejected("note_private must be true or false")
        activity["note_private"] = data["note_private"]
    ctx.put("activities", activity)


@handles("activity.revote")
def _activity_revote(ctx: Context, data: dict[str, Any]) -> None:
    """A new blind round; the old placements stay, tagged with their round."""
    activity = ctx.need("activities", data.get("id"), "activity")
    activity["round"] += 1
    activity["revealed"] = False
    activity["agreed_current"] = None
    activity["agreed_wished"] = None
    ctx.put("activities", activity)


# ----------------------------------------------------------------- roles, commitments, expectations


@handles("role.set")
def _role_set(ctx: Context, data: dict[str, Any]) -> None:
    activity = ctx.need("activities", data.get("activity_id"), "activity")
    party = involved(ctx, activity, data.get("party_id"))
    role_id = data.get("role_id")
    doc_id = pair_id(activity["id"], party)
    if role_id is None:
        if ctx.get("roles", doc_id):
            ctx.remove("roles", doc_id)
        return
    if role_id not in {r.id for r in ctx.scenario.roles}:
        raise ChangeRejected(f"no role {role_id!r} in this scenario")
    ctx.put("roles", {"id": doc_id, "activity_id": activity["id"], "party_id": party, "role_id": role_id})


@handles("commitment.added")
def _commitment_added(ctx: Context, data: dict[str, Any]) -> None:
    activity = ctx.need("activities", data.get("activity_id"), "activity")
    party = ctx.need("parties", data.get("party_id"), "party")["id"]
    ctx.put(
        "commitments",
        {
            "id": data["id"],
            "activity_id": activity["id"],
            "party_id": party,
            "text": text(data, "text", label="commitment"),
            "order": ctx.next_order("commitments"),
        },
    )


@handles("commitment.updated")
def _commitment_updated(ctx: Context, data: dict[str, Any]) -> None:
    commitment = ctx.need("commitments", data.get("id"), "commitment")
    commitment["text"] = text(data, "text", label="commitment")
    data["activity_id"] = commitment["activity_id"]
    ctx.put("commitments", commitment)


@handles("commitment.removed")
def _commitment_removed(ctx: Context, data: dict[str, Any]) -> None:
    commitment = ctx.need("commitments", data.get("id"), "commitment")
    data["activity_id"] = commitment["activity_id"]
    ctx.remove("commitments", commitment["id"])


@handles("expectation.added")
def _expectation_added(ctx: Context, data: dict[str, Any]) -> None:
    activity = ctx.need("activities", data.get("activity_id"), "activity")
    source = ctx.need("parties", data.get("from_party"), "party")["id"]
    target = ctx.need("parties", data.get("to_party"), "party")["id"]
    if source == target:
        raise ChangeRejected(
            "a party can't address an expectation to itself: make it a commitment", "error.self_expectation"
        )
    ctx.put(
        "expectations",
        {
            "id": data["id"],
            "activity_id": activity["id"],
            "from_party": source,
            "to_party": target,
            "text": text(data, "text", label="expectation"),
            "state": "open",
            "response": "",
            "order": ctx.next_order("expectations"),
        },
    )


@handles("expectation.answered")
def _expectation_answered(ctx: Context, data: dict[str, Any]) -> None:
    """The addressee's answer; an amendment keeps the original text beside the new one."""
    expectation = ctx.need("expectations", data.get("id"), "expectation")
    state = data.get("state")
    if state not in EXPECTATION_STATES:
        raise ChangeRejected(f"answer must be one of {', '.join(EXPECTATION_STATES)}")
    response = ""
    if state == "amended":
        response = text(data, "response", label="amended text")
    elif state == "declined":
        response = text(data, "response", label="reason for declining")
    elif state == "accepted":
        response = text(data, "response", required=False)
    expectation["state"] = state
    expectation["response"] = response
    data["activity_id"] = expectation["activity_id"]
    ctx.put("expectations", expectation)


@handles("expectation.removed")
def _expectation_removed(ctx: Context, data: dict[str, Any]) -> None:
    expectation = ctx.need("expectations", data.get("id"), "expectation")
    data["activity_id"] = expectation["activity_id"]
    ctx.remove("expectations", expectation["id"])


# ----------------------------------------------------------------- agreement fields and sign-off


@handles("field.set")
def _field_set(ctx: Context, data: dict[str, Any]) -> None:
    activity = ctx.need("activities", data.get("activity_id"), "activity")
    field_id = data.get("field_id")
    known = {f.id for r in ctx.scenario.rungs for f in r.fields}
    if field_id not in known:
        raise ChangeRejected(f"no agreement field {field_id!r} in this scenario")
    value = text(data, "value", required=False)
    doc_id = pair_id(activity["id"], str(field_id))
    if value.strip():
        ctx.put("fields", {"id": doc_id, "activity_id": activity["id"], "field_id": field_id, "value": value})
    elif ctx.get("fields", doc_id):
        ctx.remove("fields", doc_id)


@handles("signoff.given")
def _signoff_given(ctx: Context, data: dict[str, Any]) -> None:
    activity = ctx.need("activities", data.get("activity_id"), "activity")
    party = involved(ctx, activity, data.get("party_id"))
    doc_id = pair_id(activity["id"], party)
    ctx.put("signoffs", {"id": doc_id, "activity_id": activity["id"], "party_id": party, "at": ctx.at})


@handles("signoff.withdrawn")
def _signoff_withdrawn(ctx: Context, data: dict[str, Any]) -> None:
    activity = ctx.need("activities", data.get("activity_id"), "activity")
    doc_id = pair_id(activity["id"], str(data.get("party_id")))
    ctx.need("signoffs", doc_id, "sign-off")
    ctx.remove("signoffs", doc_id)


# ----------------------------------------------------------------- actions


def _action_fields(ctx: Context, data: dict[str, Any], action: dict[str, Any]) -> None:
    if "text" in data:
        action["text"] = text(data, "text", label="action")
    if "owner" in data:
        action["owner"] = ctx.need("parties", data["owner"], "party")["id"]
    if "activity_id" in data:
        aid = data["activity_id"]
        action["activity_id"] = None if aid is None else ctx.need("activities", aid, "activity")["id"]
    if "due" in data:
        action["due"] = due_date(data["due"])
    if "done" in data:
        if not isinstance(data["done"], bool):
            raise ChangeRejected("done must be true or false")
        action["done"] = data["done"]


@handles("action.added")
def _action_added(ctx: Context, data: dict[str, Any]) -> None:
    if "owner" not in data:
        raise ChangeRejected("an action needs an owner party")
    action: dict[str, Any] = {
        "id": data["id"],
        "text": "",
        "owner": "",
        "activity_id": None,
        "due": None,
        "done": False,
        "order": ctx.next_order("actions"),
    }
    if "text" not in data:
        raise ChangeRejected("action must not be empty", "error.empty", field="action")
    _action_fields(ctx, data, action)
    ctx.put("actions", action)


@handles("action.updated")
def _action_updated(ctx: Context, data: dict[str, Any]) -> None:
    action = ctx.need("actions", data.get("id"), "action")
    _action_fields(ctx, data, action)
    ctx.put("actions", action)


@handles("action.removed")
def _action_removed(ctx: Context, data: dict[str, Any]) -> None:
    ctx.need("actions", data.get("id"), "action")
    ctx.remove("actions", data["id"])


def kinds() -> Iterable[str]:
    return sorted(HANDLERS)
