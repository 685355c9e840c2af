"""Every kind of change's payload, declared once: what `event.data` holds, field by field.

The live check before a handler applies a change (`kinds.base.check_payload`), the file
validator's check of a stored event's data (`validate`), and the handlers' and describers'
types all come from these `TypedDict`s. A field a handler fills in for the log is marked
`Recorded()`; an older file's field that newer versions no longer write stays declared so
that old files still open.
"""

from __future__ import annotations

from typing import Annotated, NotRequired, TypedDict

from facilitator.core.schema.fields import Day, Known, Recorded, Ref, Seconds, Text, Whole

NewId = Annotated[str, Text(empty=False)]
"""The id a new document gets (chosen by the service)."""
ActivityId = Annotated[str, Ref("activities", "activity")]
PartyId = Annotated[str, Ref("parties", "party")]
Reopened = Annotated[list[str], Recorded()]
"""The parties whose sign-offs the change made void (set by `changes.apply_change`)."""


class Payload(TypedDict, total=False):
    """What any change may carry besides its own fields."""

    reopened: Reopened


# ----------------------------------------------------------------- the session and the room


class SessionUpdated(Payload, total=False):
    title: Annotated[str, Text(empty=False)]
    date: Annotated[str, Day(free=True)]  # logged as typed before dates were checked ("jõulude eel")
    place: str
    facilitator: str


class PhaseChanged(Payload):
    phase: Annotated[str, Known("phase or setup")]
    paused: NotRequired[Annotated[str, Recorded()]]  # the phase left, whose timer stopped


class SessionClosed(Payload):
    """The workshop ended (the time is the event's own); no fields."""


class SessionReopened(Payload):
    """A closed workshop goes on; no fields."""


class PlacementOpened(Payload):
    id: NotRequired[ActivityId | None]  # None: no activity is open


class TimerSet(Payload):
    phase: Annotated[str, Known("phase")]
    command: NotRequired[Annotated[str, Known("timer command")]]
    duration: Annotated[float, Seconds(24 * 3600.0)]
    elapsed: Annotated[float, Seconds(366 * 24 * 3600.0)]
    started_at: NotRequired[Annotated[float, Seconds()] | None]
    planned: NotRequired[Annotated[float, Seconds(24 * 3600.0)] | None]


# ----------------------------------------------------------------- parties and participants


class PartyAdded(Payload):
    id: NewId
    name: Annotated[str, Text(empty=False)]
    suggested_id: NotRequired[Annotated[str, Known("suggested party")] | None]
    affected: NotRequired[bool]


class PartyUpdated(Payload):
    id: PartyId
    name: NotRequired[Annotated[str, Text(empty=False)]]
    affected: NotRequired[bool]


class PartyRemoved(Payload):
    id: PartyId


class ParticipantAdded(Payload):
    id: NewId
    name: Annotated[str, Text(empty=False)]
    party_id: PartyId


class ParticipantRemoved(Payload):
    id: Annotated[str, Ref("participants", "participant")]


class ParticipantMoved(Payload):
    id: Annotated[str, Ref("participants", "participant")]
    party_id: PartyId


# ----------------------------------------------------------------- activities


class ActivityFields(Payload, total=False):
    """What an activity's form sets; every field may be left out of an update."""

    title: Annotated[str, Text(empty=False)]
    description: str
    party_ids: list[PartyId]
    concerns: list[PartyId]
    approaches: list[Annotated[str, Known("approach")]]
    approach: Annotated[str, Known("approach")] | None  # before several: one, or none
    flows: list[Annotated[str, Known("flow")]]


class ActivityAdded(ActivityFields):
    id: NewId


class ActivityUpdated(ActivityFields):
    id: ActivityId


class ActivityRemoved(Payload):
    id: ActivityId


class ActivityReordered(Payload):
    id: ActivityId
    order: Annotated[int, Whole()]


# ----------------------------------------------------------------- the blind round


class PlacementRecorded(Payload):
    activity_id: ActivityId
    party_id: PartyId
    current: Annotated[str, Known("rung", label="current rung")]
    wished: Annotated[str, Known("rung", label="wished rung")]


class ActivityRevealed(Payload):
    id: ActivityId


class ActivityAgreed(Payload):
    id: ActivityId
    current: NotRequired[Annotated[str, Known("rung", label="agreed current rung")] | None]
    wished: NotRequired[Annotated[str, Known("rung", label="agreed wished rung")] | None]
    note: NotRequired[str]
    note_private: NotRequired[bool]


class ActivityRevote(Payload):
    id: ActivityId


# ----------------------------------------------------------------- what the parties agree


class RoleSet(Payload):
    activity_id: ActivityId
    party_id: PartyId
    role_id: NotRequired[Annotated[str, Known("role")] | None]


class CommitmentAdded(Payload):
    id: NewId
    activity_id: ActivityId
    party_id: PartyId
    text: Annotated[str, Text(empty=False, label="commitment")]


class CommitmentUpdated(Payload):
    id: Annotated[str, Ref("commitments", "commitment")]
    text: Annotated[str, Text(empty=False, label="commitment")]
    activity_id: NotRequired[Annotated[str, Recorded()]]


class CommitmentRemoved(Payload):
    id: Annotated[str, Ref("commitments", "commitment")]
    activity_id: NotRequired[Annotated[str, Recorded()]]


class ExpectationAdded(Payload):
    id: NewId
    activity_id: ActivityId
    from_party: PartyId
    to_party: PartyId
    text: Annotated[str, Text(empty=False, label="expectation")]


class ExpectationAnswered(Payload):
    id: Annotated[str, Ref("expectations", "expectation")]
    state: Annotated[str, Known("answer")]
    response: NotRequired[str]
    seen_state: NotRequired[Annotated[str, Known("answer")]]
    """The answer as the facilitator saw it (state, response): refused if it changed since."""
    seen_response: NotRequired[str]
    activity_id: NotRequired[Annotated[str, Recorded()]]


class ExpectationRemoved(Payload):
    id: Annotated[str, Ref("expectations", "expectation")]
    activity_id: NotRequired[Annotated[str, Recorded()]]


class FieldSet(Payload):
    activity_id: ActivityId
    field_id: Annotated[str, Known("agreement field")]
    value: NotRequired[str]


class SignOffChange(Payload):
    activity_id: ActivityId
    party_id: PartyId
    seen_mark: NotRequired[Annotated[int, Whole(lowest=0)]]
    """The agreement as the party saw it (`reopening.agreement_mark`): refused if it changed
    since. Older files have none."""


# ----------------------------------------------------------------- next steps


class ActionFields(Payload, total=False):
    text: Annotated[str, Text(empty=False, label="action")]
    owner: PartyId
    activity_id: ActivityId | None
    due: Annotated[str, Day(), Text(label="due date")] | None
    done: bool


class ActionAdded(ActionFields):
    id: NewId


class ActionUpdated(ActionFields):
    id: Annotated[str, Ref("actions", "action")]


class ActionRemoved(Payload):
    id: Annotated[str, Ref("actions", "action")]


# ----------------------------------------------------------------- follow-up of last time

FollowUpId = Annotated[str, Ref("followups", "follow-up item")]
EarlierId = Annotated[str, Text()]
"""An id in the session this one was made from: a reference there, not checked here."""


class FollowUpAdded(Payload):
    """An item of the earlier session carried in to follow up (or, kind "activity", last time's rungs)."""

    id: NewId
    kind: Annotated[str, Known("follow-up kind")]
    source_id: Annotated[str, Text(empty=False)]
    text: Annotated[str, Text(empty=False)]
    party_id: EarlierId
    party_name: NotRequired[str]
    from_party: NotRequired[EarlierId]
    activity_id: NotRequired[EarlierId | None]
    activity: NotRequired[str]
    due: NotRequired[Annotated[str, Day()] | None]
    current: NotRequired[Annotated[str, Known("rung")] | None]
    wished: NotRequired[Annotated[str, Known("rung")] | None]


class FollowUpRecorded(Payload):
    id: FollowUpId
    outcome: NotRequired[Annotated[str, Known("outcome")]]
    note: NotRequired[Annotated[str, Text(longest=2_000)]]
    confirmed: NotRequired[bool]
    expected: NotRequired[Annotated[str, Known("outcome")]]
    """A confirmation's: the answer it confirms (as shown); refused if the party changed it since."""


class FollowUpCarried(Payload):
    id: FollowUpId
    action_id: NewId
    owner: NotRequired[PartyId]
    due: NotRequired[Annotated[str, Day()] | None]


PAYLOADS: dict[str, type[Payload]] = {
    "session.updated": SessionUpdated,
    "phase.changed": PhaseChanged,
    "session.closed": SessionClosed,
    "session.reopened": SessionReopened,
    "placement.opened": PlacementOpened,
    "timer.set": TimerSet,
    "party.added": PartyAdded,
    "party.updated": PartyUpdated,
    "party.removed": PartyRemoved,
    "participant.added": ParticipantAdded,
    "participant.removed": ParticipantRemoved,
    "participant.moved": ParticipantMoved,
    "activity.added": ActivityAdded,
    "activity.updated": ActivityUpdated,
    "activity.removed": ActivityRemoved,
    "activity.reordered": ActivityReordered,
    "placement.recorded": PlacementRecorded,
    "activity.revealed": ActivityRevealed,
    "activity.agreed": ActivityAgreed,
    "activity.revote": ActivityRevote,
    "role.set": RoleSet,
    "commitment.added": CommitmentAdded,
    "commitment.updated": CommitmentUpdated,
    "commitment.removed": CommitmentRemoved,
    "expectation.added": ExpectationAdded,
    "expectation.answered": ExpectationAnswered,
    "expectation.removed": ExpectationRemoved,
    "field.set": FieldSet,
    "signoff.given": SignOffChange,
    "signoff.withdrawn": SignOffChange,
    "action.added": ActionAdded,
    "action.updated": ActionUpdated,
    "action.removed": ActionRemoved,
    "followup.added": FollowUpAdded,
    "followup.recorded": FollowUpRecorded,
    "followup.carried": FollowUpCarried,
}
"""Every kind of change by its name, with the type of its payload."""
