"""Next steps: actions with an owner party and a due date."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from facilitator.core.errors import ChangeRejected
from facilitator.core.kinds.base import Context, Telling, due_date, handles, text
from facilitator.core.text import one_line


def _told_added(d: Mapping[str, Any], tell: Telling) -> str:
    tell.names.actions[str(d.get("id"))] = str(d.get("text", ""))
    values = {"owner": tell.party(d.get("owner")), "text": str(d.get("text", ""))}
    if d.get("due"):
        return tell.t("review.event.action.added.due", **values, due=one_line(str(d["due"])))
    return tell.t("review.event.action.added", **values)


def _told_updated(d: Mapping[str, Any], tell: Telling) -> str:
    old_text = tell.names.actions.get(str(d.get("id")), "?")
    if isinstance(d.get("text"), str):
        tell.names.actions[str(d.get("id"))] = d["text"]
    if d.get("done") is True and set(d) <= {"id", "done"}:
        return tell.t("review.event.action.done", text=old_text)
    if d.get("done") is False and set(d) <= {"id", "done"}:
        return tell.t("review.event.action.reopened", text=old_text)
    return tell.t("review.event.action.updated", text=old_text)


def _told_removed(d: Mapping[str, Any], tell: Telling) -> str:
    return tell.t("review.event.action.removed", text=tell.names.actions.get(str(d.get("id")), "?"))


def _action_fields(ctx: Context, data: dict[str, Any], action: dict[str, Any]) -> None:
    if "text" in data:
        action["text"] = text(data, "text", label="action")
    if "owner" in data:
        action["owner"] = ctx.need("parties", data["owner"], "party")["id"]
    if "activity_id" in data:
        aid = data["activity_id"]
        action["activity_id"] = None if aid is None else ctx.need("activities", aid, "activity")["id"]
    if "due" in data:
        action["due"] = due_date(data["due"])
    if "done" in data:
        if not isinstance(data["done"], bool):
            raise ChangeRejected("done must be true or false")
        action["done"] = data["done"]


@handles("action.added", describe=_told_added)
def _action_added(ctx: Context, data: dict[str, Any]) -> None:
    if "owner" not in data:
        raise ChangeRejected("an action needs an owner party")
    action: dict[str, Any] = {
        "id": data["id"],
        "text": "",
        "owner": "",
        "activity_id": None,
        "due": None,
        "done": False,
        "order": ctx.next_order("actions"),
    }
    if "text" not in data:
        raise ChangeRejected("action must not be empty", "error.empty", field="action")
    _action_fields(ctx, data, action)
    ctx.put("actions", action)


@handles("action.updated", describe=_told_updated)
def _action_updated(ctx: Context, data: dict[str, Any]) -> None:
    action = ctx.need("actions", data.get("id"), "action")
    _action_fields(ctx, data, action)
    ctx.put("actions", action)


@handles("action.removed", describe=_told_removed)
def _action_removed(ctx: Context, data: dict[str, Any]) -> None:
    ctx.need("actions", data.get("id"), "action")
    ctx.remove("actions", data["id"])
