"""The session model: an immutable view of one workshop, built from the stored tables.

The store keeps plain JSON documents in TinyDB tables; `Session.from_tables` turns
them into these frozen dataclasses, which the UI, the mismatch rules and the reports
read. Nothing here writes: every change goes through `SessionService`.

Each row class is also the declaration of its table's documents: a field's type and its
constraints (`Annotated[..., Ref(...)]`, see `schema.fields`) are what the file validator
checks, what the model is built from, and what the handlers write (`schema.tables`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import field
from functools import cached_property
from typing import Annotated, Any, Protocol, cast, overload

from facilitator.core.attached import grouped
from facilitator.core.errors import SessionFileError
from facilitator.core.record import record
from facilitator.core.scenario import Scenario, scenario_from_dict
from facilitator.core.schema.fields import (
    ActivityId,
    Day,
    Known,
    Name,
    PartyId,
    RungId,
    Stamp,
    Text,
    Whole,
)
from facilitator.core.schema.table import Table, in_order, pair_id
from facilitator.core.timer import PhaseTimer

SCHEMA_VERSION = 1
FILE_KIND = "facilitator-session"
EXPECTATION_STATES = ("open", "accepted", "amended", "declined")
FOLLOWUP_KINDS = ("commitment", "expectation", "action", "activity")
"""What a session made with `new --from` carries: the three kinds of promise followed up, and
(activity) last time's agreed rungs, shown beside this year's placements once revealed."""
OUTCOMES = ("done", "partly", "not_done", "dropped")
"""What came of a promise followed up ("dropped": no longer needed)."""

Doc = Mapping[str, Any]
Tables = Mapping[str, Mapping[str, Doc]]


@record
class SessionInfo:
    """What the session is: title, when and where, and the scenario it runs."""

    id: Annotated[str, Text(empty=False)]  # also a file name: see `validate.SESSION_ID_RE`
    title: Name
    scenario_id: str  # the embedded scenario's
    language: Annotated[str, Known("language")]
    created_at: Stamp
    date: Annotated[str, Day(free=True)] = ""  # older files kept it as typed: free text, but no 2026-02-31
    place: str = ""
    facilitator: str = ""
    phase: Annotated[str, Known("phase or setup")] = ""
    open_activity: ActivityId | None = None
    previous_id: str | None = None  # the earlier session this one started from, if any
    previous_title: str = ""  # its title and day then, to name it on paper (its id means nothing there)
    previous_date: str = ""
    closed_at: Stamp | None = None  # when the workshop was closed (`session.closed`); None while it runs


@record
class Party:
    """An organisation or group taking part."""

    id: str
    name: Name
    order: Annotated[int, Whole()]
    suggested_id: Annotated[str, Known("suggested party")] | None = None
    affected: bool = False


@record
class Participant:
    """A person, belonging to a party. Left out of public reports."""

    id: str
    name: Name
    party_id: PartyId


@record
class Activity:
    """Something the parties do together, with the room's agreed rung once settled."""

    id: str
    title: Name
    order: Annotated[int, Whole()]
    description: str = ""
    party_ids: tuple[PartyId, ...] = ()
    # the guide's approaches it follows, as a lens: none, one or more
    approaches: tuple[Annotated[str, Known("approach")], ...] = ()
    concerns: tuple[PartyId, ...] = ()
    # directions of information flow (communication), none, one or more
    flows: tuple[Annotated[str, Known("flow")], ...] = ()
    round: Annotated[int, Whole(lowest=1)] = 1
    revealed: bool = False
    agreed_current: RungId | None = None
    agreed_wished: RungId | None = None
    agreed_note: str = ""
    note_private: bool = False  # left out of public reports

    @property
    def approach(self) -> str | None:
        """The first approach, for code and files from before an activity could have several."""
        return self.approaches[0] if self.approaches else None


@record
class Placement:
    """One party's blind view of an activity in one round: current and wished rung."""

    activity_id: ActivityId
    party_id: PartyId
    round: Annotated[int, Whole(lowest=1)]
    current: RungId
    wished: RungId
    at: Stamp
    by: str = ""  # who sent it: the facilitator, or the name typed on a participant's device
    device: str = ""  # the participant's device it came from ("" when the facilitator entered it)
    replaced_by: str = ""  # set when the facilitator entered it over a device's: who sent that one
    replaced_device: str = ""

    @property
    def from_device(self) -> bool:
        """Sent from a participant's device (a phone), not entered by the facilitator."""
        return bool(self.device)


@record
class RoleAssignment:
    """A party's role in an activity, from the scenario's role vocabulary."""

    activity_id: ActivityId
    party_id: PartyId
    role_id: Annotated[str, Known("role")]


@record
class Commitment:
    """ "We will ..." stated by a party for an activity."""

    id: str
    activity_id: ActivityId
    party_id: PartyId
    text: Name


@record
class Expectation:
    """ "We expect X to ..."; the addressee accepts, amends or declines."""

    id: str
    activity_id: ActivityId
    from_party: PartyId
    to_party: PartyId
    text: Name
    state: Annotated[str, Known("answer")] = "open"
    response: str = ""

    @property
    def effective_text(self) -> str:
        """What was finally agreed: the amended text when amended."""
        return self.response if self.state == "amended" else self.text


@record
class FieldValue:
    """One agreement field of the agreed rung, filled in by the room."""

    activity_id: ActivityId
    field_id: Annotated[str, Known("agreement field")]
    value: str


@record
class SignOff:
    """A party's agreement to an activity's rung, roles and expectations."""

    activity_id: ActivityId
    party_id: PartyId
    at: Stamp


@record
class Action:
    """A next step with an owner party and a due date (ISO yyyy-mm-dd)."""

    id: str
    text: Name
    owner: PartyId
    activity_id: ActivityId | None = None
    due: Annotated[str, Day()] | None = None
    done: bool = False


@record
class FollowUp:
    """An item of the session this one was made from, to follow up: what came of it.

    `source_id` is the commitment's, expectation's or step's id in that session (ids of the
    earlier session are references there, not checked here); `party_id` the party that
    answers for it (the addressee of an expectation), which may have left since
    (`party_name` keeps its name). `outcome` is "" until recorded; a party's own answer from
    a phone is `confirmed` once the facilitator confirms it. Kind "activity" carries last
    time's agreed rungs of an activity instead (`current`, `wished`).
    """

    id: str
    kind: Annotated[str, Known("follow-up kind")]
    source_id: Name
    text: Name
    party_id: str
    party_name: str = ""
    from_party: str = ""
    activity_id: str | None = None
    activity: str = ""
    due: Annotated[str, Day()] | None = None
    current: RungId | None = None
    wished: RungId | None = None
    outcome: Annotated[str, Known("outcome")] = ""
    note: Annotated[str, Text(longest=2_000)] = ""
    confirmed: bool = False
    carried_action: str | None = None  # the step of this session it was carried over as


@record
class Room:
    """What the whole room is on now: session data, so every device can follow the facilitator."""

    phase: str  # an agenda phase's id; "" before the agenda (setting up)
    open_activity: str | None  # the activity open for blind placement (its round and reveal on it)
    timers: Mapping[str, PhaseTimer]  # each phase's countdown as last set; planned time if absent

    def timer(self, phase_id: str, planned_minutes: int) -> PhaseTimer:
        """The phase's countdown: as last set, or the planned time, not started."""
        return self.timers.get(phase_id) or PhaseTimer(phase_id, 60.0 * planned_minutes)


@record
class Author:
    """Who makes a change from a participant's device: the name typed (or the party's name),
    the device, and the party it speaks for. The room's rules apply to such a change."""

    name: str
    device: str
    party: str


@record
class Event:
    """One recorded change: when, by whom (and from which device, if a phone), what."""

    seq: Annotated[int, Whole(lowest=1)]
    at: Stamp
    actor: str
    kind: str  # a name in `schema.events.PAYLOADS`, whose declaration `data` follows
    data: Mapping[str, Any] = field(default_factory=dict)
    device: str = ""


# ----------------------------------------------------------------- the tables


def _approaches(doc: Doc) -> Doc:
    """Files from before an activity could follow several approaches hold one `approach`."""
    if "approaches" in doc or "approach" not in doc:
        return doc
    single = doc["approach"]
    return {**doc, "approaches": [single] if single else []}


META = Table("meta", SessionInfo, "session", key=lambda _info: "session")
"""The session's own document (`meta/session`); it also holds the embedded scenario and what
the events start from (`initial`), which the validator checks by hand."""
PARTIES = Table("parties", Party, "party", ordered=True)
PARTICIPANTS = Table("participants", Participant, "participant", ordered=True)
ACTIVITIES = Table("activities", Activity, "activity", ordered=True, upgrade=_approaches)
PLACEMENTS = Table(
    "placements",
    Placement,
    "placement",
    key=lambda p: pair_id(p.activity_id, p.party_id, p.round),
    sparse=("device", "replaced_by", "replaced_device"),
)
ROLES = Table("roles", RoleAssignment, "role", key=lambda r: pair_id(r.activity_id, r.party_id))
COMMITMENTS = Table("commitments", Commitment, "commitment", ordered=True)
EXPECTATIONS = Table("expectations", Expectation, "expectation", ordered=True)
FIELDS = Table("fields", FieldValue, "agreement field", key=lambda f: pair_id(f.activity_id, f.field_id))
SIGNOFFS = Table("signoffs", SignOff, "sign-off", key=lambda s: pair_id(s.activity_id, s.party_id))
ACTIONS = Table("actions", Action, "action", ordered=True)
FOLLOWUPS = Table("followups", FollowUp, "follow-up item", ordered=True)
TIMERS = Table("timers", PhaseTimer, "timer", key=lambda t: t.phase_id)
EVENTS = Table("events", Event, "event", key=lambda e: str(e.seq))
"""The log (`Session.events`, in order): checked by hand (numbering, each kind's payload)."""

TABLES: dict[str, Table[Any]] = {
    t.name: t
    for t in (
        PARTIES,
        PARTICIPANTS,
        ACTIVITIES,
        PLACEMENTS,
        ROLES,
        COMMITMENTS,
        EXPECTATIONS,
        FIELDS,
        SIGNOFFS,
        ACTIONS,
        FOLLOWUPS,
        TIMERS,
    )
}
"""Every table of rows, by name: the model has a tuple of each (`Session.<name>`)."""

ATTACHED = ("placements", "roles", "commitments", "expectations", "fields", "signoffs", "actions")
"""The tables whose rows belong to one activity (`activity_id`)."""

OTHER_TABLES = ("meta", "events", "view")
"""The session itself, the event log, and an older file's positions on screen (moved out on
its next change): declared and checked by hand (`validate`)."""


# table name → (the table object it was built from, the built tuple, what is behind it: the
# event documents in order, or each document's built object by the document's identity)
BuildCache = dict[str, tuple[Mapping[str, Doc], tuple[Any, ...], Any]]


def _built(table: Any, name: str, make: Callable[[Doc], Any], memo: BuildCache) -> tuple[Any, ...]:
    """A table's objects, reusing last build's where the table (or a document) is the same object."""
    hit = memo.get(name)
    if hit is not None and hit[0] is table:
        return hit[1]
    # A changed table: documents that are the same objects keep their built objects
    # (one agreed rung rebuilds one activity, not 500).
    old: dict[int, tuple[Doc, Any]] = hit[2] if hit is not None else {}
    objects: dict[int, tuple[Doc, Any]] = {}
    result = []
    for doc in in_order(table):
        found = old.get(id(doc))
        item = found[1] if found is not None and found[0] is doc else make(doc)
        objects[id(doc)] = (doc, item)  # holding the document keeps its id unique
        result.append(item)
    built_tuple = tuple(result)
    memo[name] = (table, built_tuple, objects)
    return built_tuple


def _events(table: Mapping[str, Doc], memo: BuildCache) -> tuple[Event, ...]:
    """The event log in order; only events appended since the last build are converted."""
    hit = memo.get("events")
    if hit is not None and hit[0] is table:
        return hit[1]
    previous: tuple[Event, ...] = hit[1] if hit is not None else ()
    docs: tuple[Doc, ...] = hit[2] if hit is not None else ()
    known = len(previous)
    # The log is append-only and documents are never edited in place; a file re-read from
    # disk is all new objects. So a sample of the known events, still the very same
    # objects, means all of them are (checking every one grew with the log).
    samples = {0, known // 2, known - 1} if known else set()
    unchanged = len(table) >= known and all(table.get(str(previous[i].seq)) is docs[i] for i in samples)
    if not unchanged:
        previous, docs, known = (), (), 0
    new_docs = sorted(
        (d for key, d in table.items() if not (unchanged and key.isdigit() and int(key) <= known)),
        key=lambda d: d["seq"],
    )
    if unchanged and new_docs and new_docs[0]["seq"] <= known:  # not append-only after all
        return _events(table, {})
    events = previous + tuple(EVENTS.build(d) for d in new_docs)
    memo["events"] = (table, events, docs + tuple(new_docs))
    return events


class LaterEvents:
    """An event log worked out when first read (`Session.events`), and its newest number now.

    The first frame shows the board, not the log: converting 4,000 events (and cutting the
    blind placements out of them for the room) was a third of building a large session."""

    __slots__ = ("last_seq", "make")

    def __init__(self, make: Callable[[], tuple[Event, ...]], last_seq: int) -> None:
        self.make = make
        self.last_seq = last_seq


class EventLog:
    """`Session.events`: a tuple of events, given as one or as `LaterEvents` (made when first read)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_{name}"

    @overload
    def __get__(self, session: None, owner: type | None = None) -> tuple[Event, ...]: ...
    @overload
    def __get__(self, session: object, owner: type | None = None) -> tuple[Event, ...]: ...
    def __get__(self, session: object | None, owner: type | None = None) -> tuple[Event, ...]:
        if session is None:
            return ()  # the field's default
        value = session.__dict__[self.slot]
        if isinstance(value, LaterEvents):
            value = session.__dict__[self.slot] = value.make()
        return cast(tuple[Event, ...], value)

    def __set__(self, session: object, value: tuple[Event, ...] | LaterEvents) -> None:
        session.__dict__[self.slot] = value

    def last_seq(self, session: object) -> int:
        """The newest event's number, without making the log."""
        value = session.__dict__[self.slot]
        if isinstance(value, LaterEvents):
            return value.last_seq
        return value[-1].seq if value else 0


EVENT_LOG = EventLog()


class EventsTable(Protocol):
    """An events table parsed when called (`later_table.LaterTable`); its newest number is known before."""

    last_seq: int

    def __call__(self) -> Mapping[str, Doc]: ...


def last_seq_of(table: Mapping[str, Doc]) -> int:
    """The newest event's number in an events table."""
    return max((int(doc["seq"]) for doc in table.values()), default=0)


def _later_events(table: Mapping[str, Doc] | EventsTable, memo: BuildCache, source: str) -> LaterEvents:
    """The log of an events table (or `EventsTable`), converted when first read; a malformed one
    is then a clear error."""

    def make() -> tuple[Event, ...]:
        try:
            return _events(table() if callable(table) else table, memo)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            detail = f"{type(error).__name__}: {error}"
            raise SessionFileError.worded("file.corrupt", path=source, detail=detail) from None

    if callable(table):
        return LaterEvents(make, table.last_seq)
    hit = memo.get("events")
    if hit is not None and hit[0] is table:
        return LaterEvents(lambda: cast(tuple[Event, ...], hit[1]), hit[1][-1].seq if hit[1] else 0)
    return LaterEvents(make, last_seq_of(table))


@record
class Session:
    """A whole workshop as it stands."""

    info: SessionInfo
    scenario: Scenario
    parties: tuple[Party, ...] = ()
    participants: tuple[Participant, ...] = ()
    activities: tuple[Activity, ...] = ()
    placements: tuple[Placement, ...] = ()
    roles: tuple[RoleAssignment, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    expectations: tuple[Expectation, ...] = ()
    fields: tuple[FieldValue, ...] = ()
    signoffs: tuple[SignOff, ...] = ()
    actions: tuple[Action, ...] = ()
    followups: tuple[FollowUp, ...] = ()  # last time's items (a session made with `new --from`)
    events: EventLog = EVENT_LOG  # a tuple of `Event`s, in order; made when first read
    timers: tuple[PhaseTimer, ...] = ()

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def last_seq(self) -> int:
        """The newest event's number: it changes exactly when the session does."""
        return EVENT_LOG.last_seq(self)

    @cached_property
    def room(self) -> Room:
        open_activity = self.info.open_activity
        if open_activity is not None and not self.has_activity(open_activity):
            open_activity = None
        return Room(self.info.phase, open_activity, {t.phase_id: t for t in self.timers})

    @classmethod
    def from_tables(
        cls,
        tables: Tables,
        scenario: Scenario | None = None,
        cache: BuildCache | None = None,
        source: str = "",
        events: EventsTable | None = None,
    ) -> Session:
        """Build the view from raw TinyDB data (already checked by the store).

        With a `cache` (kept by the service between builds), a table that is the very
        same object as last time is not rebuilt, and the append-only event log only
        converts its new events (when the log is first read). The store never edits tables
        in place, so identity means "unchanged"; a file re-read from disk is all new objects.
        `source` names the file in the error of a malformed event. `events`: the events table
        when it is not parsed yet (then `tables` has none), parsed when the log is first read.
        """
        meta = dict(tables["meta"]["session"])
        if scenario is None:
            scenario = scenario_from_dict(meta["scenario"], f"session {meta['id']}")
        memo: BuildCache = cache if cache is not None else {}
        rows = {name: _built(tables.get(name, {}), name, table.build, memo) for name, table in TABLES.items()}
        return cls(
            info=META.build(meta),
            scenario=scenario,
            events=_later_events(events if events is not None else tables.get("events", {}), memo, source),
            **rows,
        )

    # ---------------------------------------------------------------- look-ups
    @cached_property
    def _party_index(self) -> dict[str, Party]:
        return {p.id: p for p in self.parties}

    @cached_property
    def _activity_index(self) -> dict[str, Activity]:
        return {a.id: a for a in self.activities}

    def party(self, party_id: str) -> Party:
        return self._party_index[party_id]

    def has_party(self, party_id: str) -> bool:
        return party_id in self._party_index

    def party_name(self, party_id: str) -> str:
        party = self._party_index.get(party_id)
        return party.name if party else party_id

    def activity(self, activity_id: str) -> Activity:
        return self._activity_index[activity_id]

    def has_activity(self, activity_id: str) -> bool:
        return activity_id in self._activity_index

    @cached_property
    def _by_activity(self) -> dict[str, dict[str, list[Any]]]:
        """Everything attached to activities, grouped per kind when first asked (`attached`)."""
        return {}

    def _of(self, kind: str, activity_id: str) -> list[Any]:
        groups = self._by_activity
        if kind not in groups:
            groups[kind] = grouped(kind, getattr(self, kind))
        return groups[kind].get(activity_id, [])

    def attached(self, activity_id: str) -> tuple[Any, ...]:
        """Every row attached to an activity (placements of every round, roles, commitments,
        expectations, fields, sign-offs, steps), flat, each kind after its count: the same
        objects exactly when none of them changed (`mismatches` keeps its findings then)."""
        out: list[Any] = []
        for kind in ATTACHED:
            rows = self._of(kind, activity_id)
            out.append(len(rows))
            out.extend(rows)
        return tuple(out)

    def placements_for(self, activity_id: str, round: int | None = None) -> tuple[Placement, ...]:
        """This round's placements unless a round is given."""
        activity = self._activity_index[activity_id]
        wanted = activity.round if round is None else round
        return tuple(p for p in self._of("placements", activity_id) if p.round == wanted)

    def roles_for(self, activity_id: str) -> dict[str, str]:
        return {r.party_id: r.role_id for r in self._of("roles", activity_id)}

    def commitments_for(self, activity_id: str) -> tuple[Commitment, ...]:
        return tuple(self._of("commitments", activity_id))

    def expectations_for(self, activity_id: str) -> tuple[Expectation, ...]:
        return tuple(self._of("expectations", activity_id))

    def fields_for(self, activity_id: str) -> dict[str, str]:
        return {f.field_id: f.value for f in self._of("fields", activity_id)}

    def signoffs_for(self, activity_id: str) -> tuple[SignOff, ...]:
        return tuple(self._of("signoffs", activity_id))

    def actions_for(self, activity_id: str) -> tuple[Action, ...]:
        return tuple(self._of("actions", activity_id))

    def participants_of(self, party_id: str) -> tuple[Participant, ...]:
        return tuple(p for p in self.participants if p.party_id == party_id)
