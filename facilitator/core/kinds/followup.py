"""Follow-up of last time: the earlier session's commitments, expectations and open steps,
carried into this one as items, and what the room recorded for each.

An item keeps its wording, its party (and the expecting party, for an expectation), its
due date and the activity's title as they were: a party may have left since, so ids of the
earlier session are kept as references, not checked against this session's tables.
"""

from __future__ import annotations

import dataclasses

from facilitator.core.errors import ChangeRejected
from facilitator.core.i18n import Worded
from facilitator.core.i18n import label as field_label
from facilitator.core.kinds.base import Context, Telling, due_date, handles, text
from facilitator.core.model import ACTIONS, ACTIVITIES, FOLLOWUPS, OUTCOMES, PARTIES, Action, FollowUp
from facilitator.core.model import FOLLOWUP_KINDS as ITEM_KINDS
from facilitator.core.scenario.validator import listed
from facilitator.core.schema.events import FollowUpAdded, FollowUpCarried, FollowUpRecorded

MAX_NOTE = 2_000


def _told_added(d: FollowUpAdded, tell: Telling) -> str:
    return tell.t("review.event.followup.added", text=d["text"])


def _item(item_id: str, tell: Telling) -> FollowUp | None:
    return next((f for f in tell.names.session.followups if f.id == item_id), None)


def _item_text(item_id: str, tell: Telling) -> str:
    found = _item(item_id, tell)
    return found.text if found is not None else "?"


def _told_recorded(d: FollowUpRecorded, tell: Telling) -> str:
    if "outcome" not in d:  # the facilitator confirms a party's answer, or notes something
        key = "review.event.followup.noted" if "confirmed" not in d else "review.event.followup.confirmed"
        return tell.t(key, text=_item_text(d["id"], tell))
    outcome = d["outcome"]
    said = tell.t(f"followup.outcome.{outcome}") if outcome in OUTCOMES else tell.t("followup.outcome.none")
    key = "review.event.followup.recorded" if d.get("confirmed", True) else "review.event.followup.answered"
    item = _item(d["id"], tell)
    if not d.get("confirmed", True) and item is not None:  # a party's own answer for its item
        tell.speaker = item.party_id or None
    return tell.t(key, text=_item_text(d["id"], tell), outcome=said)


def _told_carried(d: FollowUpCarried, tell: Telling) -> str:
    return tell.t("review.event.followup.carried", text=_item_text(d["id"], tell))


def _rung(ctx: Context, value: str | None, label: str) -> str | None:
    if value is not None and value not in ctx.scenario.rung_ids():
        raise ChangeRejected(Worded("error.change.unknown_rung", field=field_label(label), value=repr(value)))
    return value


@handles("followup.added", describe=_told_added)
def _followup_added(ctx: Context, data: FollowUpAdded) -> None:
    """An item to follow up, carried from the session this one was made from."""
    kind = data["kind"]
    if kind not in ITEM_KINDS:
        raise ChangeRejected(Worded("error.change.followup_kind", kinds=listed(ITEM_KINDS)))
    if ctx.find(FOLLOWUPS, data["id"]) is not None:
        raise ChangeRejected(Worded("error.change.followup_id"))
    item = FollowUp(
        id=data["id"],
        kind=kind,
        source_id=data["source_id"],
        text=data["text"],
        party_id=text(data, "party_id", required=kind != "activity"),
        party_name=data.get("party_name", ""),
        from_party=data.get("from_party", ""),
        activity_id=data.get("activity_id"),
        activity=data.get("activity", ""),
        due=due_date(data.get("due")),
        current=_rung(ctx, data.get("current"), "last time's rung"),
        wished=_rung(ctx, data.get("wished"), "last time's wished rung"),
    )
    ctx.add(FOLLOWUPS, item)


@handles("followup.recorded", describe=_told_recorded)
def _followup_recorded(ctx: Context, data: FollowUpRecorded) -> None:
    """What came of an item: the room records it (confirmed), or a party answers for its own
    item from a phone (not confirmed until the facilitator confirms it). A note alone (no
    outcome, no confirmation) leaves the outcome and whether it is confirmed as they are."""
    item = ctx.need(FOLLOWUPS, data["id"])
    if item.kind == "activity":
        raise ChangeRejected(Worded("error.change.followup_rungs"))
    if data.get("expected", item.outcome or "") not in ("", item.outcome):  # the party answered anew
        now = Worded(f"followup.outcome.{item.outcome}" if item.outcome else "followup.outcome.none")
        raise ChangeRejected(Worded("error.change.followup_changed", outcome=now))
    outcome = data.get("outcome", item.outcome)
    if outcome not in (*OUTCOMES, ""):
        raise ChangeRejected(Worded("error.change.outcome", outcomes=listed(OUTCOMES)))
    note = data.get("note", item.note)
    if len(note) > MAX_NOTE:
        raise ChangeRejected(Worded("error.change.note_long", limit=MAX_NOTE))
    confirmed = data.get("confirmed", "outcome" in data or item.confirmed)
    item = dataclasses.replace(item, outcome=outcome, note=note, confirmed=confirmed and outcome != "")
    ctx.put(FOLLOWUPS, item)


@handles("followup.carried", describe=_told_carried)
def _followup_carried(ctx: Context, data: FollowUpCarried) -> None:
    """An open step of last time carried over: a new step of this session, linked to the item."""
    item = ctx.need(FOLLOWUPS, data["id"])
    if item.kind != "action":
        raise ChangeRejected(Worded("error.change.carry_step"))
    if item.carried_action:
        raise ChangeRejected(Worded("error.change.carried"))
    owner = ctx.need(PARTIES, data.get("owner", item.party_id)).id
    if ctx.find(ACTIONS, data["action_id"]) is not None:
        raise ChangeRejected(Worded("error.change.carry_id"))
    linked = item.activity_id if item.activity_id and ctx.find(ACTIVITIES, item.activity_id) else None
    ctx.add(ACTIONS, Action(data["action_id"], item.text, owner, linked, due_date(data.get("due"))))
    ctx.put(FOLLOWUPS, dataclasses.replace(item, carried_action=data["action_id"]))
