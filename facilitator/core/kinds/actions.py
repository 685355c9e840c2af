"""Next steps: actions with an owner party and a due date."""

from __future__ import annotations

import dataclasses

from facilitator.core.errors import ChangeRejected
from facilitator.core.i18n import Worded
from facilitator.core.kinds.base import Context, Telling, due_date, handles
from facilitator.core.model import ACTIONS, Action
from facilitator.core.schema.events import ActionAdded, ActionFields, ActionRemoved, ActionUpdated
from facilitator.core.text import one_line


def _told_added(d: ActionAdded, tell: Telling) -> str:
    said = d.get("text", "")
    tell.names.actions[d["id"]] = said
    values = {"owner": tell.party(d.get("owner")), "text": said}
    due = d.get("due")
    if due:
        return tell.t("review.event.action.added.due", **values, due=one_line(due))
    return tell.t("review.event.action.added", **values)


def _told_updated(d: ActionUpdated, tell: Telling) -> str:
    old_text = tell.names.actions.get(d["id"], "?")
    if "text" in d:
        tell.names.actions[d["id"]] = d["text"]
    if d.get("done") is True and set(d) <= {"id", "done"}:
        return tell.t("review.event.action.done", text=old_text)
    if d.get("done") is False and set(d) <= {"id", "done"}:
        return tell.t("review.event.action.reopened", text=old_text)
    return tell.t("review.event.action.updated", text=old_text)


def _told_removed(d: ActionRemoved, tell: Telling) -> str:
    return tell.t("review.event.action.removed", text=tell.names.actions.get(d["id"], "?"))


def _with_fields(action: Action, data: ActionFields) -> Action:
    """The action with the fields given (checked against their declaration)."""
    replace = dataclasses.replace
    if "text" in data:
        action = replace(action, text=data["text"])
    if "owner" in data:
        action = replace(action, owner=data["owner"])
    if "activity_id" in data:
        action = replace(action, activity_id=data["activity_id"])
    if "due" in data:
        action = replace(action, due=due_date(data["due"]))
    if "done" in data:
        action = replace(action, done=data["done"])
    return action


@handles("action.added", describe=_told_added)
def _action_added(ctx: Context, data: ActionAdded) -> None:
    if "owner" not in data:
        raise ChangeRejected(Worded("error.change.owner"))
    if "text" not in data:
        raise ChangeRejected("action must not be empty", "error.empty", field="action")
    ctx.add(ACTIONS, _with_fields(Action(data["id"], "", ""), data))


@handles("action.updated", describe=_told_updated)
def _action_updated(ctx: Context, data: ActionUpdated) -> None:
    ctx.put(ACTIONS, _with_fields(ctx.need(ACTIONS, data["id"]), data))


@handles("action.removed", describe=_told_removed)
def _action_removed(ctx: Context, data: ActionRemoved) -> None:
    ctx.remove(ACTIONS, data["id"])
