"""The blind round: placements, the reveal, the agreed rung and a re-vote."""

from __future__ import annotations

import dataclasses

from facilitator.core.errors import ChangeRejected
from facilitator.core.kinds.base import Context, Telling, handles, involved
from facilitator.core.model import ACTIVITIES, PLACEMENTS, Activity, Placement
from facilitator.core.schema.events import (
    ActivityAgreed,
    ActivityRevealed,
    ActivityRevote,
    PlacementRecorded,
)


def _told_placed(d: PlacementRecorded, tell: Telling) -> str:
    # Blind: where it was placed is told only by the reveal.
    tell.names.placed.setdefault(str(tell.activity_id), {})[d["party_id"]] = (d["current"], d["wished"])
    tell.speaker = d["party_id"]
    return tell.t("review.event.placement.recorded", party=tell.party(d["party_id"]), activity=tell.act())


def _told_revealed(d: ActivityRevealed, tell: Telling) -> str:
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


def _told_agreed(d: ActivityAgreed, tell: Telling) -> str:
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


def _told_revote(d: ActivityRevote, tell: Telling) -> str:
    tell.names.placed.pop(str(tell.activity_id), None)
    return tell.t("review.event.activity.revote", activity=tell.act())


@handles("placement.recorded", describe=_told_placed)
def _placement_recorded(ctx: Context, data: PlacementRecorded) -> None:
    activity = ctx.need(ACTIVITIES, data["activity_id"])
    party = involved(ctx, activity, data["party_id"])
    if activity.revealed:
        raise ChangeRejected(
            "this round is already revealed: start a re-vote to place again", "error.already_revealed"
        )
    placed = Placement(activity.id, party, activity.round, data["current"], data["wished"], ctx.at, ctx.actor)
    if ctx.author is not None:
        placed = dataclasses.replace(placed, device=ctx.author.device)
    else:  # the facilitator: a phone's placement it replaces is remembered, for the phone to say so
        before = ctx.find(PLACEMENTS, PLACEMENTS.id_of(placed))
        if before is not None and before.device:
            placed = dataclasses.replace(placed, replaced_by=before.by, replaced_device=before.device)
        elif before is not None and before.replaced_device:
            placed = dataclasses.replace(
                placed, replaced_by=before.replaced_by, replaced_device=before.replaced_device
            )
    ctx.put(PLACEMENTS, placed)


@handles("activity.revealed", describe=_told_revealed)
def _activity_revealed(ctx: Context, data: ActivityRevealed) -> None:
    ctx.put(ACTIVITIES, dataclasses.replace(ctx.need(ACTIVITIES, data["id"]), revealed=True))


def round_open(activity: Activity, placed: bool) -> bool:
    """Whether the activity's blind round is under way: placed by some party this round and
    not revealed. Its rung is agreed after the reveal (the guide's order: place blind, reveal,
    discuss, agree), never over views nobody has seen. A round nobody has placed in hides
    nothing (the placement screen closes it when left): a card is then moved directly."""
    return placed and not activity.revealed


def _check_round_closed(ctx: Context, activity: Activity, data: ActivityAgreed) -> None:
    """An agreed rung is not set while the blind round is open (a live change; a replay applies
    what an older version let happen). Clearing it, or the note alone, is always allowed."""
    if not ctx.live or (data.get("current") is None and data.get("wished") is None):
        return
    if round_open(activity, ctx.any_where(PLACEMENTS, activity_id=activity.id, round=activity.round)):
        raise ChangeRejected(
            f"placement for {activity.title!r} is still open: reveal it first",
            "error.round_open",
            activity=activity.title,
        )


@handles("activity.agreed", describe=_told_agreed, reopens=True)
def _activity_agreed(ctx: Context, data: ActivityAgreed) -> None:
    activity = ctx.need(ACTIVITIES, data["id"])
    _check_round_closed(ctx, activity, data)
    if "current" in data:
        activity = dataclasses.replace(activity, agreed_current=data["current"])
    if "wished" in data:
        activity = dataclasses.replace(activity, agreed_wished=data["wished"])
    if "note" in data:
        activity = dataclasses.replace(activity, agreed_note=data["note"])
    if "note_private" in data:
        activity = dataclasses.replace(activity, note_private=data["note_private"])
    ctx.put(ACTIVITIES, activity)


@handles("activity.revote", describe=_told_revote, reopens=True)
def _activity_revote(ctx: Context, data: ActivityRevote) -> None:
    """A new blind round; the old placements stay, tagged with their round."""
    activity = ctx.need(ACTIVITIES, data["id"])
    if not activity.revealed:  # else the blind round would count as revealed, unseen
        raise ChangeRejected("reveal this round before a re-vote", "error.revote_unrevealed")
    ctx.put(
        ACTIVITIES,
        dataclasses.replace(
            activity, round=activity.round + 1, revealed=False, agreed_current=None, agreed_wished=None
        ),
    )
