"""The blind round: placements, the reveal, the agreed rung and a re-vote."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from facilitator.core.errors import ChangeRejected
from facilitator.core.kinds.base import Context, Telling, handles, involved, pair_id, rung, rung_or_none, text


def _told_placed(d: Mapping[str, Any], tell: Telling) -> str:
    # Blind: where it was placed is told only by the reveal.
    tell.names.placed.setdefault(str(tell.activity_id), {})[str(d.get("party_id"))] = (
        str(d.get("current")),
        str(d.get("wished")),
    )
    return tell.t("review.event.placement.recorded", party=tell.party(d.get("party_id")), activity=tell.act())


def _told_revealed(d: Mapping[str, Any], tell: Telling) -> str:
    names = tell.names
    placed = names.placed.get(str(tell.activity_id), {})
    involved_ids = names.activity_parties.get(str(tell.activity_id), [])
    ordered = [p for p in involved_ids if p in placed] + [p for p in placed if p not in involved_ids]
    views = " · ".join(
        f"{names.party(p)} {tell.rung_number(placed[p][0])}→{tell.rung_number(placed[p][1])}" for p in ordered
    )
    if views:
        return tell.t("review.event.activity.revealed", activity=tell.act(), views=views)
    return tell.t("review.event.activity.revealed.none", activity=tell.act())


def _told_agreed(d: Mapping[str, Any], tell: Telling) -> str:
    t, activity = tell.t, tell.act()
    has_current, has_wished = "current" in d, "wished" in d
    current, wished = d.get("current"), d.get("wished")
    if has_current and current is None:
        return t("review.event.agreed.cleared", activity=activity)
    if has_current and has_wished and wished is not None and wished != current:
        return t(
            "review.event.agreed.wished",
            activity=activity,
            current=tell.rung(current),
            wished=tell.rung(wished),
        )
    if has_current:
        return t("review.event.agreed", activity=activity, current=tell.rung(current))
    if has_wished and wished is not None:
        return t("review.event.agreed.wish_only", activity=activity, wished=tell.rung(wished))
    return t("review.event.agreed.note", activity=activity)


def _told_revote(d: Mapping[str, Any], tell: Telling) -> str:
    tell.names.placed.pop(str(tell.activity_id), None)
    return tell.t("review.event.activity.revote", activity=tell.act())


@handles("placement.recorded", describe=_told_placed)
def _placement_recorded(ctx: Context, data: dict[str, Any]) -> None:
    activity = ctx.need("activities", data.get("activity_id"), "activity")
    party = involved(ctx, activity, data.get("party_id"))
    if activity["revealed"]:
        raise ChangeRejected(
            "this round is already revealed: start a re-vote to place again", "error.already_revealed"
        )
    doc_id = pair_id(activity["id"], party, activity["round"])
    doc = {
        "id": doc_id,
        "activity_id": activity["id"],
        "party_id": party,
        "round": activity["round"],
        "current": rung(ctx, data.get("current"), "current rung"),
        "wished": rung(ctx, data.get("wished"), "wished rung"),
        "at": ctx.at,
        "by": ctx.actor,
    }
    if ctx.author is not None:
        doc["device"] = ctx.author.device
    else:  # the facilitator: a phone's placement it replaces is remembered, for the phone to say so
        before = ctx.get("placements", doc_id) or {}
        if before.get("device"):
            doc["replaced_by"] = before.get("by", "")
            doc["replaced_device"] = before["device"]
        elif before.get("replaced_device"):
            doc["replaced_by"] = before.get("replaced_by", "")
            doc["replaced_device"] = before["replaced_device"]
    ctx.put("placements", doc)


@handles("activity.revealed", describe=_told_revealed)
def _activity_revealed(ctx: Context, data: dict[str, Any]) -> None:
    activity = ctx.need("activities", data.get("id"), "activity")
    activity["revealed"] = True
    ctx.put("activities", activity)


@handles("activity.agreed", describe=_told_agreed, reopens=True)
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


@handles("activity.revote", describe=_told_revote, reopens=True)
def _activity_revote(ctx: Context, data: dict[str, Any]) -> None:
    """A new blind round; the old placements stay, tagged with their round."""
    activity = ctx.need("activities", data.get("id"), "activity")
    if not activity["revealed"]:  # else the blind round would count as revealed, unseen
        raise ChangeRejected("reveal this round before a re-vote", "error.revote_unrevealed")
    activity["round"] += 1
    activity["revealed"] = False
    activity["agreed_current"] = None
    activity["agreed_wished"] = None
    ctx.put("activities", activity)
