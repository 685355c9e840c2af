"""What the parties agree on an activity: roles, commitments, expectations, fields, sign-offs."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from facilitator.core.errors import AgreementChanged, AlreadySigned, ChangeRejected
from facilitator.core.i18n import Worded
from facilitator.core.kinds.base import Context, Telling, handles, involved, latest_change, text
from facilitator.core.model import (
    ACTIVITIES,
    COMMITMENTS,
    EXPECTATIONS,
    FIELDS,
    ROLES,
    SIGNOFFS,
    Commitment,
    Expectation,
    FieldValue,
    RoleAssignment,
    SignOff,
)
from facilitator.core.schema.events import (
    CommitmentAdded,
    CommitmentRemoved,
    CommitmentUpdated,
    ExpectationAdded,
    ExpectationAnswered,
    ExpectationRemoved,
    FieldSet,
    RoleSet,
    SignOffChange,
)
from facilitator.core.schema.table import pair_id
from facilitator.core.text import one_line


def _told_role(d: RoleSet, tell: Telling) -> str:
    role_id = d.get("role_id")
    party = tell.party(d["party_id"])
    if role_id is None:
        return tell.t("review.event.role.cleared", party=party, activity=tell.act())
    role = next((r.name for r in tell.scenario.roles if r.id == role_id), one_line(role_id))
    return tell.t("review.event.role.set", party=party, role=role, activity=tell.act())


def _told_commitment_added(d: CommitmentAdded, tell: Telling) -> str:
    said = d["text"]
    tell.names.commitments[d["id"]] = (str(tell.activity_id), d["party_id"], said)
    tell.speaker = d["party_id"]
    return tell.t(
        "review.event.commitment.added", party=tell.party(d["party_id"]), activity=tell.act(), text=said
    )


def _told_commitment(kind: str, commitment_id: str, new_text: str | None, tell: Telling) -> str:
    """A commitment's change, told with its party, activity and text as they were."""
    names = tell.names
    aid, party_id, old_text = names.commitments.get(commitment_id, (str(tell.activity_id), "", ""))
    tell.activity_id = aid
    said = old_text if new_text is None else new_text
    if kind == "commitment.updated":
        names.commitments[commitment_id] = (aid, party_id, said)
        tell.speaker = party_id or None  # the party's promise, reworded
    return tell.t(f"review.event.{kind}", party=tell.party(party_id), activity=tell.act(), text=said)


def _told_commitment_updated(d: CommitmentUpdated, tell: Telling) -> str:
    return _told_commitment("commitment.updated", d["id"], d["text"], tell)


def _told_commitment_removed(d: CommitmentRemoved, tell: Telling) -> str:
    return _told_commitment("commitment.removed", d["id"], None, tell)


def _told_expectation_added(d: ExpectationAdded, tell: Telling) -> str:
    said = d["text"]
    tell.names.expectations[d["id"]] = (str(tell.activity_id), d["from_party"], d["to_party"], said)
    tell.speaker = d["from_party"]
    return tell.t(
        "review.event.expectation.added",
        **{"from": tell.party(d["from_party"]), "to": tell.party(d["to_party"])},
        activity=tell.act(),
        text=said,
    )


def _expectation_told(expectation_id: str, tell: Telling) -> dict[str, str]:
    """The expectation's parties, activity and text as they were (it sets the event's activity)."""
    aid, source, target, said = tell.names.expectations.get(
        expectation_id, (str(tell.activity_id), "", "", "")
    )
    tell.activity_id = aid
    return {"from": tell.party(source), "to": tell.party(target), "activity": tell.act(), "text": said}


def _told_expectation_answered(d: ExpectationAnswered, tell: Telling) -> str:
    values = _expectation_told(d["id"], tell)
    tell.speaker = tell.names.expectations.get(d["id"], ("", "", "", ""))[2] or None  # the addressee
    state = d["state"] if d["state"] in ("accepted", "amended", "declined") else "open"
    return tell.t(f"review.event.expectation.{state}", **values, response=d.get("response", ""))


def _told_expectation_removed(d: ExpectationRemoved, tell: Telling) -> str:
    return tell.t("review.event.expectation.removed", **_expectation_told(d["id"], tell))


def _told_field(d: FieldSet, tell: Telling) -> str:
    field_id = d["field_id"]
    label = next(
        (f.label for r in tell.scenario.rungs for f in r.fields if f.id == field_id), one_line(field_id)
    )
    filled = bool(d.get("value", "").strip())
    key = "review.event.field.set" if filled else "review.event.field.cleared"
    return tell.t(key, activity=tell.act(), field=label)


def _told_signoff(kind: str) -> Callable[[SignOffChange, Telling], str]:
    def told(d: SignOffChange, tell: Telling) -> str:
        tell.speaker = d["party_id"]
        return tell.t(f"review.event.{kind}", party=tell.party(d["party_id"]), activity=tell.act())

    return told


@handles("role.set", describe=_told_role, reopens=True)
def _role_set(ctx: Context, data: RoleSet) -> None:
    activity = ctx.need(ACTIVITIES, data["activity_id"])
    party = involved(ctx, activity, data["party_id"])
    role_id = data.get("role_id")
    if role_id is not None:
        ctx.put(ROLES, RoleAssignment(activity.id, party, role_id))
    elif ctx.find(ROLES, pair_id(activity.id, party)) is not None:
        ctx.remove(ROLES, pair_id(activity.id, party))


@handles("commitment.added", describe=_told_commitment_added, reopens=True)
def _commitment_added(ctx: Context, data: CommitmentAdded) -> None:
    ctx.add(COMMITMENTS, Commitment(data["id"], data["activity_id"], data["party_id"], data["text"]))


@handles("commitment.updated", describe=_told_commitment_updated, reopens=True)
def _commitment_updated(ctx: Context, data: CommitmentUpdated) -> None:
    commitment = ctx.need(COMMITMENTS, data["id"])
    data["activity_id"] = commitment.activity_id
    ctx.put(COMMITMENTS, dataclasses.replace(commitment, text=data["text"]))


@handles("commitment.removed", describe=_told_commitment_removed, reopens=True)
def _commitment_removed(ctx: Context, data: CommitmentRemoved) -> None:
    commitment = ctx.need(COMMITMENTS, data["id"])
    data["activity_id"] = commitment.activity_id
    ctx.remove(COMMITMENTS, commitment.id)


@handles("expectation.added", describe=_told_expectation_added, reopens=True)
def _expectation_added(ctx: Context, data: ExpectationAdded) -> None:
    if data["from_party"] == data["to_party"]:
        raise ChangeRejected(
            "a party can't address an expectation to itself: make it a commitment", "error.self_expectation"
        )
    ctx.add(
        EXPECTATIONS,
        Expectation(data["id"], data["activity_id"], data["from_party"], data["to_party"], data["text"]),
    )


@handles("expectation.answered", describe=_told_expectation_answered, reopens=True)
def _expectation_answered(ctx: Context, data: ExpectationAnswered) -> None:
    """The addressee's answer; an amendment keeps the original text beside the new one."""
    expectation = ctx.need(EXPECTATIONS, data["id"])
    seen = (data.get("seen_state", expectation.state), data.get("seen_response", expectation.response))
    if ctx.live and seen != (expectation.state, expectation.response):  # answered anew meanwhile
        raise ChangeRejected(
            Worded("error.change.answer_changed", state=Worded(f"agree.state.{expectation.state}"))
        )
    state = data["state"]
    response = ""
    if state == "amended":
        response = text(data, "response", label="amended text")
    elif state == "declined":
        response = text(data, "response", label="reason for declining")
    elif state == "accepted":
        response = data.get("response", "")
    data["activity_id"] = expectation.activity_id
    ctx.put(EXPECTATIONS, dataclasses.replace(expectation, state=state, response=response))


@handles("expectation.removed", describe=_told_expectation_removed, reopens=True)
def _expectation_removed(ctx: Context, data: ExpectationRemoved) -> None:
    expectation = ctx.need(EXPECTATIONS, data["id"])
    data["activity_id"] = expectation.activity_id
    ctx.remove(EXPECTATIONS, expectation.id)


# ----------------------------------------------------------------- agreement fields and sign-off


@handles("field.set", describe=_told_field, reopens=True)
def _field_set(ctx: Context, data: FieldSet) -> None:
    filled = FieldValue(data["activity_id"], data["field_id"], data.get("value", ""))
    if filled.value.strip():
        ctx.put(FIELDS, filled)
    elif ctx.find(FIELDS, FIELDS.id_of(filled)) is not None:
        ctx.remove(FIELDS, FIELDS.id_of(filled))


@handles("signoff.given", describe=_told_signoff("signoff.given"))
def _signoff_given(ctx: Context, data: SignOffChange) -> None:
    """On the agreement as the party saw it (`seen_mark`, checked under the lock): one changed
    since is refused, and a party signed already gets no second sign-off in the log."""
    activity = ctx.need(ACTIVITIES, data["activity_id"])
    party_id = involved(ctx, activity, data["party_id"])
    if ctx.live and "seen_mark" in data:
        if ctx.find(SIGNOFFS, pair_id(activity.id, party_id)) is not None:
            raise AlreadySigned(Worded("error.change.signed_already"))
        if data["seen_mark"] != latest_change(ctx.log_newest_first(), activity.id):
            raise AgreementChanged(Worded("error.change.agreement_changed"))
    ctx.put(SIGNOFFS, SignOff(activity.id, party_id, ctx.at))


@handles("signoff.withdrawn", describe=_told_signoff("signoff.withdrawn"))
def _signoff_withdrawn(ctx: Context, data: SignOffChange) -> None:
    ctx.remove(SIGNOFFS, ctx.exists("signoffs", pair_id(data["activity_id"], data["party_id"]), "sign-off"))
