"""What the parties agree on an activity: roles, commitments, expectations, fields, sign-offs."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from facilitator.core.errors import ChangeRejected
from facilitator.core.kinds.base import Context, Telling, handles, involved, text
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


def _told_role(d: Mapping[str, Any], tell: Telling) -> str:
    role_id = d.get("role_id")
    party = tell.party(d.get("party_id"))
    if role_id is None:
        return tell.t("review.event.role.cleared", party=party, activity=tell.act())
    role = next((r.name for r in tell.scenario.roles if r.id == role_id), one_line(str(role_id)))
    return tell.t("review.event.role.set", party=party, role=role, activity=tell.act())


def _told_commitment_added(d: Mapping[str, Any], tell: Telling) -> str:
    said = str(d.get("text", ""))
    tell.names.commitments[str(d.get("id"))] = (str(tell.activity_id), str(d.get("party_id")), said)
    return tell.t(
        "review.event.commitment.added", party=tell.party(d.get("party_id")), activity=tell.act(), text=said
    )


def _told_commitment(kind: str) -> Any:
    def told(d: Mapping[str, Any], tell: Telling) -> str:
        names = tell.names
        aid, party_id, old_text = names.commitments.get(str(d.get("id")), (str(tell.activity_id), "", ""))
        tell.activity_id = aid
        new_text = str(d.get("text", old_text))
        if kind == "commitment.updated":
            names.commitments[str(d.get("id"))] = (aid, party_id, new_text)
        return tell.t(f"review.event.{kind}", party=tell.party(party_id), activity=tell.act(), text=new_text)

    return told


def _told_expectation_added(d: Mapping[str, Any], tell: Telling) -> str:
    said = str(d.get("text", ""))
    tell.names.expectations[str(d.get("id"))] = (
        str(tell.activity_id),
        str(d.get("from_party")),
        str(d.get("to_party")),
        said,
    )
    return tell.t(
        "review.event.expectation.added",
        **{"from": tell.party(d.get("from_party")), "to": tell.party(d.get("to_party"))},
        activity=tell.act(),
        text=said,
    )


def _told_expectation(kind: str) -> Any:
    def told(d: Mapping[str, Any], tell: Telling) -> str:
        aid, source, target, said = tell.names.expectations.get(
            str(d.get("id")), (str(tell.activity_id), "", "", "")
        )
        tell.activity_id = aid
        values = {"from": tell.party(source), "to": tell.party(target), "activity": tell.act(), "text": said}
        if kind == "expectation.removed":
            return tell.t("review.event.expectation.removed", **values)
        state = d.get("state") if d.get("state") in ("accepted", "amended", "declined") else "open"
        return tell.t(f"review.event.expectation.{state}", **values, response=str(d.get("response", "")))

    return told


def _told_field(d: Mapping[str, Any], tell: Telling) -> str:
    field_id = d.get("field_id")
    label = next(
        (f.label for r in tell.scenario.rungs for f in r.fields if f.id == field_id), one_line(str(field_id))
    )
    filled = bool(str(d.get("value", "")).strip())
    key = "review.event.field.set" if filled else "review.event.field.cleared"
    return tell.t(key, activity=tell.act(), field=label)


def _told_signoff(kind: str) -> Any:
    def told(d: Mapping[str, Any], tell: Telling) -> str:
        return tell.t(f"review.event.{kind}", party=tell.party(d.get("party_id")), activity=tell.act())

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


@handles("commitment.updated", describe=_told_commitment("commitment.updated"), reopens=True)
def _commitment_updated(ctx: Context, data: CommitmentUpdated) -> None:
    commitment = ctx.need(COMMITMENTS, data["id"])
    data["activity_id"] = commitment.activity_id
    ctx.put(COMMITMENTS, dataclasses.replace(commitment, text=data["text"]))


@handles("commitment.removed", describe=_told_commitment("commitment.removed"), reopens=True)
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


@handles("expectation.answered", describe=_told_expectation("expectation.answered"), reopens=True)
def _expectation_answered(ctx: Context, data: ExpectationAnswered) -> None:
    """The addressee's answer; an amendment keeps the original text beside the new one."""
    expectation = ctx.need(EXPECTATIONS, data["id"])
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


@handles("expectation.removed", describe=_told_expectation("expectation.removed"), reopens=True)
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
    activity = ctx.need(ACTIVITIES, data["activity_id"])
    ctx.put(SIGNOFFS, SignOff(activity.id, involved(ctx, activity, data["party_id"]), ctx.at))


@handles("signoff.withdrawn", describe=_told_signoff("signoff.withdrawn"))
def _signoff_withdrawn(ctx: Context, data: SignOffChange) -> None:
    ctx.remove(SIGNOFFS, ctx.exists("signoffs", pair_id(data["activity_id"], data["party_id"]), "sign-off"))
