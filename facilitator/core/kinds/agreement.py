"""What the parties agree on an activity: roles, commitments, expectations, fields, sign-offs."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from facilitator.core.errors import ChangeRejected
from facilitator.core.kinds.base import Context, Telling, handles, involved, pair_id, text
from facilitator.core.model import EXPECTATION_STATES
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


@handles("commitment.added", describe=_told_commitment_added, reopens=True)
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


@handles("commitment.updated", describe=_told_commitment("commitment.updated"), reopens=True)
def _commitment_updated(ctx: Context, data: dict[str, Any]) -> None:
    commitment = ctx.need("commitments", data.get("id"), "commitment")
    commitment["text"] = text(data, "text", label="commitment")
    data["activity_id"] = commitment["activity_id"]
    ctx.put("commitments", commitment)


@handles("commitment.removed", describe=_told_commitment("commitment.removed"), reopens=True)
def _commitment_removed(ctx: Context, data: dict[str, Any]) -> None:
    commitment = ctx.need("commitments", data.get("id"), "commitment")
    data["activity_id"] = commitment["activity_id"]
    ctx.remove("commitments", commitment["id"])


@handles("expectation.added", describe=_told_expectation_added, reopens=True)
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


@handles("expectation.answered", describe=_told_expectation("expectation.answered"), reopens=True)
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


@handles("expectation.removed", describe=_told_expectation("expectation.removed"), reopens=True)
def _expectation_removed(ctx: Context, data: dict[str, Any]) -> None:
    expectation = ctx.need("expectations", data.get("id"), "expectation")
    data["activity_id"] = expectation["activity_id"]
    ctx.remove("expectations", expectation["id"])


# ----------------------------------------------------------------- agreement fields and sign-off


@handles("field.set", describe=_told_field, reopens=True)
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


@handles("signoff.given", describe=_told_signoff("signoff.given"))
def _signoff_given(ctx: Context, data: dict[str, Any]) -> None:
    activity = ctx.need("activities", data.get("activity_id"), "activity")
    party = involved(ctx, activity, data.get("party_id"))
    doc_id = pair_id(activity["id"], party)
    ctx.put("signoffs", {"id": doc_id, "activity_id": activity["id"], "party_id": party, "at": ctx.at})


@handles("signoff.withdrawn", describe=_told_signoff("signoff.withdrawn"))
def _signoff_withdrawn(ctx: Context, data: dict[str, Any]) -> None:
    activity = ctx.need("activities", data.get("activity_id"), "activity")
    doc_id = pair_id(activity["id"], str(data.get("party_id")))
    ctx.need("signoffs", doc_id, "sign-off")
    ctx.remove("signoffs", doc_id)
