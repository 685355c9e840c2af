"""Changes to the activities the parties do together: added, edited, removed, reordered."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from facilitator.core.errors import ChangeRejected
from facilitator.core.kinds.base import Context, Telling, handles, party_ids, text


def _told_added(d: Mapping[str, Any], tell: Telling) -> str:
    tell.names.activities[str(d.get("id"))] = str(d.get("title", "")).strip()
    tell.names.activity_parties[str(d.get("id"))] = list(d.get("party_ids") or [])
    return tell.t("review.event.activity.added", activity=tell.act())


def _told_updated(d: Mapping[str, Any], tell: Telling) -> str:
    old = tell.act()
    if isinstance(d.get("title"), str) and d["title"].strip() != old:
        tell.names.activities[str(d.get("id"))] = d["title"].strip()
        told = tell.t("review.event.activity.renamed", old=old, activity=d["title"].strip())
    else:
        told = tell.t("review.event.activity.updated", activity=old)
    if isinstance(d.get("party_ids"), list):
        kept = set(d["party_ids"])
        tell.names.activity_parties[str(d.get("id"))] = list(d["party_ids"])
        placed = tell.names.placed.get(str(d.get("id")), {})
        for party_id in [p for p in placed if p not in kept]:
            placed.pop(party_id)
    return told


def _told_removed(d: Mapping[str, Any], tell: Telling) -> str:
    return tell.t("review.event.activity.removed", activity=tell.act())


def _told_reordered(d: Mapping[str, Any], tell: Telling) -> str:
    return tell.t("review.event.activity.reordered", activity=tell.act())


def _activity_fields(ctx: Context, data: dict[str, Any], activity: dict[str, Any]) -> None:
    if "title" in data:
        activity["title"] = text(data, "title").strip()
    if "description" in data:
        activity["description"] = text(data, "description", required=False)
    if "party_ids" in data:
        activity["party_ids"] = party_ids(ctx, data["party_ids"])
    if "concerns" in data:
        activity["concerns"] = party_ids(ctx, data["concerns"])
    # "approach" (one id or None) is what events before several approaches carried.
    if "approach" in data and "approaches" not in data:
        data = {**data, "approaches": [data["approach"]] if data["approach"] is not None else []}
    if "approaches" in data:
        activity["approaches"] = _ids_of(
            data["approaches"], {a.id for a in ctx.scenario.approaches}, "approach"
        )
        activity.pop("approach", None)
    if "flows" in data:
        activity["flows"] = _ids_of(
            data["flows"], set(ctx.scenario.flow_ids()), "direction of information flow"
        )


def _ids_of(value: Any, known: set[str], what: str) -> list[str]:
    """A list of known ids, each once, in the order given."""
    if not isinstance(value, list):
        raise ChangeRejected(f"expected a list of {what} ids")
    out: list[str] = []
    for item in value:
        if item not in known:
            raise ChangeRejected(f"no {what} {item!r} in this scenario")
        if item not in out:
            out.append(item)
    return out


@handles("activity.added", describe=_told_added)
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
        "approaches": [],
        "flows": [],
        "round": 1,
        "revealed": False,
        "agreed_current": None,
        "agreed_wished": None,
        "agreed_note": "",
        "note_private": False,
    }
    _activity_fields(ctx, data, activity)
    ctx.put("activities", activity)


@handles("activity.updated", describe=_told_updated)
def _activity_updated(ctx: Context, data: dict[str, Any]) -> None:
    activity = ctx.need("activities", data.get("id"), "activity")
    unknown = set(data) - {
        "id",
        "title",
        "description",
        "party_ids",
        "concerns",
        "approach",
        "approaches",
        "flows",
    }
    if unknown:
        raise ChangeRejected(f"activity has no field {sorted(unknown)[0]!r}")
    _activity_fields(ctx, data, activity)
    ctx.put("activities", activity)
    # A party that left the activity no longer places, plays a role or signs off on it.
    kept = set(activity["party_ids"])
    aid = activity["id"]
    for table in ("placements", "roles", "signoffs"):
        ctx.delete_where(table, lambda d: d["activity_id"] != aid or d["party_id"] in kept)


@handles("activity.removed", describe=_told_removed)
def _activity_removed(ctx: Context, data: dict[str, Any]) -> None:
    aid = ctx.need("activities", data.get("id"), "activity")["id"]
    ctx.remove("activities", aid)
    meta = ctx.meta()
    if meta.get("open_activity") == aid:  # the room was placing it: nothing is open now
        meta["open_activity"] = None
        ctx.put("meta", meta, "session")
    for table in ("placements", "roles", "commitments", "expectations", "fields", "signoffs", "actions"):
        ctx.delete_where(table, lambda d: d.get("activity_id") != aid)


@handles("activity.reordered", describe=_told_reordered)
def _activity_reordered(ctx: Context, data: dict[str, Any]) -> None:
    activity = ctx.need("activities", data.get("id"), "activity")
    order = data.get("order")
    if not isinstance(order, int) or isinstance(order, bool):
        raise ChangeRejected("order must be a whole number")
    activity["order"] = order
    ctx.put("activities", activity)
