"""The session service: the one place that changes a session.

Each public method is one change: it validates, applies the change to the tables,
appends an event (when, who, what) and writes the file atomically before returning.
Listeners (the UI) are told afterwards. Several processes may hold services on the
same file; each change re-reads the newest file under the lock.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.core.counterpart import in_language
from facilitator.core.device import DeviceState
from facilitator.core.errors import ChangeRejected, SessionFileError
from facilitator.core.i18n import Worded
from facilitator.core.later_table import noted_trust, trust_note_values
from facilitator.core.model import FILE_KIND, SCHEMA_VERSION, Author, BuildCache, Event, EventsTable, Session
from facilitator.core.party import PartyService, party_view
from facilitator.core.scenario import FOLLOWUP, Scenario, scenario_from_dict
from facilitator.core.store import Data, SessionFile, new_id
from facilitator.core.text import clean_change
from facilitator.core.timer import PhaseTimer
from facilitator.core.validate import SESSION_ID_RE

if TYPE_CHECKING:
    from tinydb import TinyDB

    from facilitator.core.schema.events import FollowUpCarried, FollowUpRecorded

# The change handlers (`changes`, `kinds`) and TinyDB (`tables_db`) are imported where a change
# is made: showing a session needs none of them (a start imports what its first frame needs).

Listener = Callable[[Event], None]
Clock = Callable[[], str]
"""When a change happens: an ISO time stamp with its zone (tests give a fixed one)."""
IdSource = Callable[[], str]
"""New ids for parties, activities, ... (tests give counted ones)."""
Actor = str | Author | None
Seen = tuple[str, str] | None
"""An answer (state, response) as the facilitator saw it, before replacing it."""
DEFAULT_ACTOR = "facilitator"


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


def new_session_data(
    scenario: Scenario,
    title: str,
    session_id: str,
    *,
    date: str = "",
    place: str = "",
    facilitator: str = "",
    clock: Clock | None = None,
    previous_id: str | None = None,
) -> Data:
    """The tables of a brand-new session, embedding a copy of its scenario.

    `previous_id` names the earlier session this one starts from (`new --from`). A session
    without one leaves out the agenda's follow-up of last time: it has nothing to follow up."""
    from facilitator.core.changes import text as check_text
    from facilitator.core.kinds.base import a_date

    given = clean_change(
        "session.updated", {"title": title, "date": date, "place": place, "facilitator": facilitator}
    )
    title, place, facilitator = given["title"], given["place"], given["facilitator"]
    for key in given:  # the checks a later session.updated makes, so the file can be written
        check_text(given, key, required=key == "title")
    date = a_date(date) if date.strip() else ""
    initial = {
        "title": title.strip(),
        "date": date,
        "place": place,
        "facilitator": facilitator,
        "phase": "",  # not started: the workshop opens on setup
    }
    meta = {
        "kind": FILE_KIND,
        "schema": SCHEMA_VERSION,
        "id": session_id,
        "scenario_id": scenario.id,
        "language": scenario.language,
        "scenario": embedded_scenario(scenario, continues=bool(previous_id)),
        "created_at": (clock or now)(),
        **initial,
        # What the events start from, so the timeline can replay from the beginning.
        "initial": initial,
    }
    if previous_id:
        meta["previous_id"] = previous_id
    return {"meta": {"session": meta}, "events": {}}


def embedded_scenario(scenario: Scenario, *, continues: bool) -> dict[str, Any]:
    """The copy of the scenario a new session keeps: without the follow-up phase unless the
    session continues an earlier one."""
    raw = dict(scenario.raw)
    agenda = raw.get("agenda")
    if not continues and isinstance(agenda, list):
        raw["agenda"] = [p for p in agenda if not (isinstance(p, dict) and p.get("kind") == FOLLOWUP)]
    return raw


def append_event(
    db: TinyDB, kind: str, data: Mapping[str, Any], actor: str | Author, at: str, device: str = ""
) -> Event:
    """Record one change; a participant's device is named beside the person (`Author`)."""
    from facilitator.core.tables_db import document

    if isinstance(actor, Author):
        device = actor.device
    name = actor.name if isinstance(actor, Author) else actor
    events = db.table("events")
    seq = len(events) + 1
    doc = {"id": str(seq), "seq": seq, "at": at, "actor": name, "kind": kind, "data": dict(data)}
    if device:
        doc["device"] = device
    events.insert(document(doc, str(seq)))
    return Event(seq, at, name, kind, dict(data), device)


def build_session(
    data: Data,
    source: str,
    scenario: Scenario | None = None,
    cache: BuildCache | None = None,
    events: EventsTable | None = None,
) -> Session:
    """The model view of checked file data; a malformed document is a clear error.

    `events`: the event log when it is parsed later (`SessionFile.current_later`)."""
    try:
        return Session.from_tables(data, scenario, cache, source, events)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        detail = f"{type(error).__name__}: {error}"
        raise SessionFileError.worded("file.corrupt", path=str(source), detail=detail) from None


def named_by_file(session: Session, path: Path) -> Session:
    """The session is the file the user chose: a copy (`cp A.json A-backup.json`) keeps A's id
    inside, but is listed, opened and continued (`new --from`) by its own name."""
    name = path.stem
    if name == session.info.id or not SESSION_ID_RE.match(name):
        return session
    return replace(session, info=replace(session.info, id=name))


class SessionService:
    """Reads and changes one session file."""

    def __init__(
        self,
        path: Path,
        actor: str = DEFAULT_ACTOR,
        device: DeviceState | None = None,
        *,
        clock: Clock = now,
        ids: IdSource = new_id,
    ) -> None:
        self.device = device or DeviceState(path)
        """Where this device's screens are: beside the session file, never in it."""
        trusted, events_at = noted_trust(self.device.get())
        self.file = SessionFile(path, trusted=trusted, events_at=events_at)
        self.actor = actor
        self.clock = clock
        self.ids = ids
        self._listeners: list[Listener] = []
        self._scenario: Scenario | None = None
        self._names_in: tuple[str, tuple[Path, ...]] | None = None  # see show_names_in
        self._view: tuple[Any, Session] | None = None
        self._build_cache: BuildCache = {}  # lets a rebuild after our own change reuse untouched tables
        self._view_lock = threading.RLock()
        self.trouble: SessionFileError | None = None
        """Why the file can't be read now, while the last state read is still shown (see `session`)."""

    # ---------------------------------------------------------------- reading
    @property
    def path(self) -> Path:
        return self.file.path

    @property
    def scenario(self) -> Scenario:
        if self._scenario is None:
            meta = self.file.current_later()[1]["meta"]["session"]  # (the event log can wait)
            if not isinstance(meta.get("scenario"), dict):
                raise SessionFileError.worded(
                    "file.corrupt", path=str(self.path), detail="no embedded scenario"
                )
            scenario = scenario_from_dict(meta["scenario"], f"{self.path} (embedded scenario)")
            if self._names_in is not None:
                scenario = in_language(scenario, *self._names_in)
            self._scenario = scenario
        return self._scenario

    def show_names_in(self, language: str, folders: tuple[Path, ...] = ()) -> None:
        """Rung, role, phase and field names in `language` from the scenario's counterpart
        (same ids) where there is one. Only what is shown changes: ids and rules stay."""
        if self._names_in != (language, folders):
            self._names_in = (language, folders)
            self._scenario = None
            self._view = None
            self._build_cache = {}

    @property
    def session(self) -> Session:
        """The newest state; rebuilt only when the file changed."""
        with self._view_lock:  # threads (a server's phones) build a new state once, not each
            try:
                generation, data, events = self.file.current_later()
            except SessionFileError as error:
                if self._view is None:
                    raise
                # The file went away or became unreadable while open (deleted, replaced by a
                # newer version): what was shown stays shown; every change is refused saying why.
                self.trouble = error
                return self._view[1]
            self.trouble = None
            if self._view is None or self._view[0] != generation:
                built = build_session(data, str(self.path), self.scenario, self._build_cache, events)
                self._view = (generation, named_by_file(built, self.path))
            return self._view[1]

    def state_and_data(self) -> tuple[Session, Data]:
        """The newest state with the file's data; while the file can't be read (gone, broken,
        see `trouble`), the state shown and the data it was built from: an export saves it."""
        session = self.session
        try:
            return session, self.file.read()
        except SessionFileError:
            held = self.file.held()
            if held is None:
                raise
            return session, held

    @property
    def room_view(self) -> Session:
        """The newest state as the room may see it: nobody's placement before its reveal."""
        return party_view(self.session, None)  # kept with the session: made once per change

    def warm_up(self) -> None:
        """Be ready for a room of changes: the file's text encoded, the newest state and the
        room's view built (a server starting; each is otherwise paid by the first change)."""
        self.file.warm()
        _ = self.room_view

    @property
    def view_state(self) -> dict[str, Any]:
        """Where this device's screens were (selection, intro page, ...): restored on reopen."""
        if self.device.get():  # (no read of a file changed meanwhile: only its first would count)
            return self.device.get()
        try:
            legacy = self.file.read().get("view", {}).get("state")
        except SessionFileError:  # unreadable now: the positions are this device's own anyway
            legacy = None
        if isinstance(legacy, dict):  # an old file kept positions in the session itself
            self.device.adopt({k: v for k, v in legacy.items() if k != "id"})
        return self.device.get()

    def remember_trust(self) -> None:
        """Note, on this device, the signature of the file as checked or written here: the next
        start reads it without the deep check while nobody has replaced or edited it."""
        note = self.file.trust_note()
        if note is not None:  # with where its event log lies, if known: the next start parses it later
            self.device.update(**trust_note_values(*note))

    def for_party(
        self,
        party_id: str,
        participant_id: str | None = None,
        actor: str | None = None,
        *,
        device: str = "",
        name: str = "",
    ) -> PartyService:
        """What one party's device may do and see, under the room's rules (`core.rules`).

        Every change it makes records `device` and the `name` typed on it (cleaned, at most
        80 characters); without a name the log names the party."""
        typed = clean_change("participant.named", {"name": name})["name"]
        who = typed or actor or participant_id or self.session.party_name(party_id)
        return PartyService(self, party_id, who, device)

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    # ---------------------------------------------------------------- writing
    def change(self, kind: str, data: Mapping[str, Any], actor: str | Author | None = None) -> Event:
        """Apply one change and record it; on disk when this returns.

        Every text in it is cleaned first (`clean_change`), whoever sends it; a participant's
        device (`Author`) is also held to the room's rules, under the lock."""
        from facilitator.core.changes import apply_change
        from facilitator.core.reopening import reopen_allowance
        from facilitator.core.tables_db import move_view_table_out

        payload = clean_change(kind, data)
        who = actor or self.actor
        allowed = reopen_allowance()  # here: the batch may be applied on another thread

        def apply(db: TinyDB) -> Event:
            move_view_table_out(db, self.device.adopt)
            at = self.clock()
            apply_change(db, self.scenario, kind, payload, at, who, live=True, may_reopen=allowed)
            return append_event(db, kind, payload, who, at)

        # Changes other threads make meanwhile (phones) share the write: see SessionFile.commit.
        event = self.file.commit(apply)
        for listener in list(self._listeners):
            listener(event)
        return event

    def set_view_state(self, **values: Any) -> None:
        """Remember this device's positions; the session file is not touched."""
        self.device.update(**values)

    # ---------------------------------------------------------------- the changes
    def update_session(self, actor: str | Author | None = None, **fields: str) -> Event:
        return self.change("session.updated", fields, actor)

    def set_phase(self, phase_id: str, actor: str | Author | None = None) -> Event:
        """Move the room to a phase ("" for setting up); the phase left stops its timer."""
        return self.change("phase.changed", {"phase": phase_id}, actor)

    def close_session(self, actor: str | Author | None = None) -> Event:
        """The workshop ended; `reopen_session` undoes it."""
        return self.change("session.closed", {}, actor)

    def reopen_session(self, actor: str | Author | None = None) -> Event:
        return self.change("session.reopened", {}, actor)

    def open_placement(self, activity_id: str | None, actor: str | Author | None = None) -> Event:
        """The activity the room places now (None: close it)."""
        return self.change("placement.opened", {"id": activity_id}, actor)

    def set_timer(self, timer: PhaseTimer, command: str = "set", actor: str | Author | None = None) -> Event:
        """A phase's countdown as the facilitator set it (start, pause, add, reset)."""
        return self.change(
            "timer.set",
            {
                "phase": timer.phase_id,
                "command": command,
                "duration": timer.duration,
                "elapsed": timer.elapsed,
                "started_at": timer.started_at,
                "planned": timer.planned,
            },
            actor,
        )

    def add_party(
        self,
        name: str,
        *,
        suggested_id: str | None = None,
        affected: bool = False,
        actor: str | Author | None = None,
    ) -> str:
        party_id = self.ids()
        self.change(
            "party.added",
            {"id": party_id, "name": name, "suggested_id": suggested_id, "affected": affected},
            actor,
        )
        return party_id

    def update_party(self, party_id: str, actor: str | Author | None = None, **fields: Any) -> Event:
        return self.change("party.updated", {"id": party_id, **fields}, actor)

    def remove_party(self, party_id: str, actor: str | Author | None = None) -> Event:
        return self.change("party.removed", {"id": party_id}, actor)

    def add_participant(self, name: str, party_id: str, actor: str | Author | None = None) -> str:
        participant_id = self.ids()
        self.change("participant.added", {"id": participant_id, "name": name, "party_id": party_id}, actor)
        return participant_id

    def move_participant(
        self, participant_id: str, party_id: str, actor: str | Author | None = None
    ) -> Event:
        return self.change("participant.moved", {"id": participant_id, "party_id": party_id}, actor)

    def remove_participant(self, participant_id: str, actor: str | Author | None = None) -> Event:
        return self.change("participant.removed", {"id": participant_id}, actor)

    def add_activity(
        self,
        title: str,
        *,
        description: str = "",
        party_ids: Iterable[str] = (),
        approach: str | None = None,
        concerns: Iterable[str] = (),
        approaches: Iterable[str] | None = None,
        flows: Iterable[str] = (),
        actor: str | Author | None = None,
    ) -> str:
        """Add an activity; `approaches` (several) wins over `approach` (one, the older form)."""
        activity_id = self.ids()
        chosen = list(approaches) if approaches is not None else [approach] if approach else []
        self.change(
            "activity.added",
            {
                "id": activity_id,
                "title": title,
                "description": description,
                "party_ids": list(party_ids),
                "concerns": list(concerns),
                "approaches": chosen,
                "flows": list(flows),
            },
            actor,
        )
        return activity_id

    def update_activity(self, activity_id: str, actor: str | Author | None = None, **fields: Any) -> Event:
        for key in ("party_ids", "concerns", "approaches", "flows"):
            if key in fields:
                fields[key] = list(fields[key])
        return self.change("activity.updated", {"id": activity_id, **fields}, actor)

    def remove_activity(self, activity_id: str, actor: str | Author | None = None) -> Event:
        return self.change("activity.removed", {"id": activity_id}, actor)

    def place(
        self, activity_id: str, party_id: str, current: str, wished: str, actor: str | Author | None = None
    ) -> Event:
        """A party's placement (its view). Entered here, the log names who entered it (the
        facilitator), as for every other change: the timeline says it was for the party."""
        return self.change(
            "placement.recorded",
            {"activity_id": activity_id, "party_id": party_id, "current": current, "wished": wished},
            actor,
        )

    def reveal(self, activity_id: str, actor: str | Author | None = None) -> Event:
        return self.change("activity.revealed", {"id": activity_id}, actor)

    def agree(self, activity_id: str, actor: str | Author | None = None, **fields: Any) -> Event:
        """Record the agreed rung: any of current, wished (rung ids or None), note, note_private."""
        unknown = set(fields) - {"current", "wished", "note", "note_private"}
        if unknown:
            field = repr(sorted(unknown)[0])
            raise ChangeRejected(Worded("error.change.no_field", what=Worded("thing.agreement"), field=field))
        return self.change("activity.agreed", {"id": activity_id, **fields}, actor)

    def revote(self, activity_id: str, actor: str | Author | None = None) -> Event:
        return self.change("activity.revote", {"id": activity_id}, actor)

    def set_role(
        self, activity_id: str, party_id: str, role_id: str | None, actor: str | Author | None = None
    ) -> Event:
        return self.change(
            "role.set", {"activity_id": activity_id, "party_id": party_id, "role_id": role_id}, actor
        )

    def add_commitment(
        self, activity_id: str, party_id: str, text: str, actor: str | Author | None = None
    ) -> str:
        commitment_id = self.ids()
        self.change(
            "commitment.added",
            {"id": commitment_id, "activity_id": activity_id, "party_id": party_id, "text": text},
            actor,
        )
        return commitment_id

    def update_commitment(self, commitment_id: str, text: str, actor: str | Author | None = None) -> Event:
        return self.change("commitment.updated", {"id": commitment_id, "text": text}, actor)

    def remove_commitment(self, commitment_id: str, actor: str | Author | None = None) -> Event:
        return self.change("commitment.removed", {"id": commitment_id}, actor)

    def add_expectation(
        self, activity_id: str, from_party: str, to_party: str, text: str, actor: str | Author | None = None
    ) -> str:
        expectation_id = self.ids()
        self.change(
            "expectation.added",
            {
                "id": expectation_id,
                "activity_id": activity_id,
                "from_party": from_party,
                "to_party": to_party,
                "text": text,
            },
            actor,
        )
        return expectation_id

    def answer_expectation(
        self, expectation_id: str, state: str, response: str = "", actor: Actor = None, *, seen: Seen = None
    ) -> Event:
        """accepted, amended (response = new text) or declined (response = reason); `seen`, the
        answer (state, response) it replaces as shown: refused if another device changed it since."""
        more = {} if seen is None else {"seen_state": seen[0], "seen_response": seen[1]}
        data = {"id": expectation_id, "state": state, "response": response, **more}
        return self.change("expectation.answered", data, actor)

    def remove_expectation(self, expectation_id: str, actor: str | Author | None = None) -> Event:
        return self.change("expectation.removed", {"id": expectation_id}, actor)

    def set_field(self, activity_id: str, field_id: str, value: str, actor: Actor = None) -> Event:
        data = {"activity_id": activity_id, "field_id": field_id, "value": value}
        return self.change("field.set", data, actor)

    def sign_off(self, activity_id: str, party_id: str, actor: Actor = None, *, mark: int = -1) -> Event:
        """`mark`: the agreement as shown (`agreement_mark`; -1 none): refused if it changed since."""
        data = {"activity_id": activity_id, "party_id": party_id} | ({"seen_mark": mark} if mark >= 0 else {})
        return self.change("signoff.given", data, actor)

    def withdraw_sign_off(self, activity_id: str, party_id: str, actor: str | Author | None = None) -> Event:
        return self.change("signoff.withdrawn", {"activity_id": activity_id, "party_id": party_id}, actor)

    def add_action(
        self,
        text: str,
        owner: str,
        *,
        activity_id: str | None = None,
        due: str | None = None,
        actor: str | Author | None = None,
    ) -> str:
        action_id = self.ids()
        self.change(
            "action.added",
            {"id": action_id, "text": text, "owner": owner, "activity_id": activity_id, "due": due},
            actor,
        )
        return action_id

    def update_action(self, action_id: str, actor: str | Author | None = None, **fields: Any) -> Event:
        return self.change("action.updated", {"id": action_id, **fields}, actor)

    def record_followup(
        self,
        item_id: str,
        outcome: str,
        note: str | None = None,
        *,
        confirmed: bool = True,
        actor: str | Author | None = None,
    ) -> Event:
        """What came of last time's item: done, partly, not_done or dropped (no longer needed)."""
        data: FollowUpRecorded = {"id": item_id, "outcome": outcome, "confirmed": confirmed}
        if note is not None:
            data["note"] = note
        return self.change("followup.recorded", data, actor)

    def note_followup(self, item_id: str, note: str) -> Event:
        """A note alone: the outcome and its confirmation stay as they are on disk."""
        return self.change("followup.recorded", {"id": item_id, "note": note})

    def confirm_followup(self, item_id: str, seen: str = "", actor: str | Author | None = None) -> Event:
        """The facilitator confirms what a party answered from its phone (`seen`, if given)."""
        return self.change("followup.recorded", {"id": item_id, "confirmed": True, "expected": seen}, actor)

    def carry_over(
        self,
        item_id: str,
        *,
        owner: str | None = None,
        due: str | None = None,
        actor: str | Author | None = None,
    ) -> str:
        """Last time's open step becomes a step of this session, linked to the item; its id."""
        action_id = self.ids()
        data: FollowUpCarried = {"id": item_id, "action_id": action_id, "due": due}
        if owner is not None:
            data["owner"] = owner
        self.change("followup.carried", data, actor)
        return action_id

    def remove_action(self, action_id: str, actor: str | Author | None = None) -> Event:
        return self.change("action.removed", {"id": action_id}, actor)


def replay(meta: Mapping[str, Any], events: Iterable[Event], scenario: Scenario) -> Session:
    """The session as it stood after the given events, rebuilt in memory from its start."""
    from facilitator.core.changes import apply_change
    from facilitator.core.tables_db import MemoryTablesStorage, tinydb_over

    start = {**meta, **meta.get("initial", {})}
    storage = MemoryTablesStorage({"meta": {"session": start}, "events": {}})
    db = tinydb_over(storage)
    for event in events:
        apply_change(db, scenario, event.kind, dict(event.data), event.at, event.actor)
        append_event(db, event.kind, event.data, event.actor, event.at, event.device)
    return Session.from_tables(storage.data, scenario)
