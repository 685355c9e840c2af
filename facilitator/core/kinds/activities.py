"""Changes to the activities the parties do together: added, edited, removed, reordered."""

from __future__ import annotations

import dataclasses
from typing import Any

from facilitator.core.errors import ChangeRejected
from facilitator.core.i18n import Worded
from facilitator.core.kinds.base import Context, Telling, handles, unique
from facilitator.core.model import (
    ACTIONS,
    ACTIVITIES,
    COMMITMENTS,
    EXPECTATIONS,
    FIELDS,
    PLACEMENTS,
    ROLES,
    SIGNOFFS,
    Activity,
)
from facilitator.core.schema.events import (
    ActivityAdded,
    ActivityFields,
    ActivityRemoved,
    ActivityReordered,
    ActivityUpdated,
)
from facilitator.core.schema.table import Table


def _told_added(d: ActivityAdded, tell: Telling) -> str:
    tell.names.activities[d["id"]] = d.get("title", "").strip()
    tell.names.activity_parties[d["id"]] = list(d.get("party_ids", []))
    return tell.t("review.event.activity.added", activity=tell.act())


def _told_updated(d: ActivityUpdated, tell: Telling) -> str:
    old = tell.act()
    if "title" in d and d["title"].strip() != old:
        tell.names.activities[d["id"]] = d["title"].strip()
        told = tell.t("review.event.activity.renamed", old=old, activity=d["title"].strip())
    else:
        told = tell.t("review.event.activity.updated", activity=old)
    if "party_ids" in d:
        kept = set(d["party_ids"])
        tell.names.activity_parties[d["id"]] = list(d["party_ids"])
        placed = tell.names.placed.get(d["id"], {})
        for party_id in [p for p in placed if p not in kept]:
            placed.pop(party_id)
    return told


def _told_removed(d: ActivityRemoved, tell: Telling) -> str:
    return tell.t("review.event.activity.removed", activity=tell.act())


def _told_reordered(d: ActivityReordered, tell: Telling) -> str:
    return tell.t("review.event.activity.reordered", activity=tell.act())


UPDATABLE = ("title", "description", "party_ids", "concerns", "approach", "approaches", "flows")
"""What an activity's form may change (`activity.updated`)."""


def _with_fields(activity: Activity, data: ActivityFields) -> Activity:
    """The activity with the form's fields as given (checked against their declaration)."""
    replace = dataclasses.replace
    if "title" in data:
        activity = replace(activity, title=data["title"].strip())
    if "description" in data:
        activity = replace(activity, description=data["description"])
    if "party_ids" in data:
        activity = replace(activity, party_ids=unique(data["party_ids"]))
    if "concerns" in data:
        activity = replace(activity, concerns=unique(data["concerns"]))
    if "approaches" in data:
        activity = replace(activity, approaches=unique(data["approaches"]))
    elif "approach" in data:  # what events before several approaches carried: one id or None
        single = data["approach"]
        activity = replace(activity, approaches=(single,) if single is not None else ())
    if "flows" in data:
        activity = replace(activity, flows=unique(data["flows"]))
    return activity


@handles("activity.added", describe=_told_added)
def _activity_added(ctx: Context, data: ActivityAdded) -> None:
    if "title" not in data:
        raise ChangeRejected("title must not be empty", "error.empty", field="title")
    ctx.add(ACTIVITIES, _with_fields(Activity(data["id"], "", ctx.next_order("activities")), data))


@handles("activity.updated", describe=_told_updated)
def _activity_updated(ctx: Context, data: ActivityUpdated) -> None:
    activity = ctx.need(ACTIVITIES, data["id"])
    unknown = sorted(set(data) - {"id", *UPDATABLE})
    if unknown:
        raise ChangeRejected(
            Worded("error.change.no_field", what=Worded("thing.activities"), field=repr(unknown[0]))
        )
    activity = _with_fields(activity, data)
    ctx.put(ACTIVITIES, activity)
    # A party that left the activity no longer places, plays a role or signs off on it.
    kept, aid = set(activity.party_ids), activity.id
    ctx.delete_where(PLACEMENTS, "activity_id", aid, unless=lambda p: p.party_id in kept)
    ctx.delete_where(ROLES, "activity_id", aid, unless=lambda r: r.party_id in kept)
    ctx.delete_where(SIGNOFFS, "activity_id", aid, unless=lambda s: s.party_id in kept)


@handles("activity.removed", describe=_told_removed)
def _activity_removed(ctx: Context, data: ActivityRemoved) -> None:
    aid = data["id"]
    ctx.remove(ACTIVITIES, aid)
    if ctx.info().open_activity == aid:  # the room was placing it: nothing is open now
        ctx.set_info(open_activity=None)
    attached: tuple[Table[Any], ...] = (
        PLACEMENTS,
        ROLES,
        COMMITMENTS,
        EXPECTATIONS,
        FIELDS,
        SIGNOFFS,
        ACTIONS,
    )
    for table in attached:
        ctx.delete_where(table, "activity_id", aid)


@handles("activity.reordered", describe=_told_reordered)
def _activity_reordered(ctx: Context, data: ActivityReordered) -> None:
    ctx.put(ACTIVITIES, dataclasses.replace(ctx.need(ACTIVITIES, data["id"]), order=data["order"]))
