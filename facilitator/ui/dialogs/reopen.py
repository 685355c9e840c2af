"""Asking before a change that reopens sign-offs, and saying after it what it reopened.

A party's sign-off is on the agreement as it stood; a change to its rung, roles, promises
or fields makes it void (`core.reopening`). Such a change is never silent: the question
names the parties and the change, starts on Cancel (their sign-offs don't come back by
undoing the change), and the notice after it names whom it reopened, from the log.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual.app import App

from facilitator.core.i18n import Translator
from facilitator.core.model import Event, Session
from facilitator.core.reopening import would_reopen
from facilitator.core.text import one_line
from facilitator.ui.host import host_of

TITLE_LIMIT = 80  # characters of an activity's title in a question


def names(session: Session, parties: Sequence[str]) -> str:
    return ", ".join(session.party_name(p) if session.has_party(p) else p for p in parties)


def reopen_question(
    session: Session, activity_id: str, parties: Sequence[str], change: str, t: Translator
) -> str:
    """'2 parties have signed off “X” (Police, Town). Moving it to … reopens their sign-offs: …'"""
    title = one_line(session.activity(activity_id).title, TITLE_LIMIT)
    return t(
        "agree.reopen.ask",
        count=len(parties),
        activity=title,
        parties=names(session, parties),
        change=change,
    )


def and_what_it_reopens(
    message: str, session: Session, activity_id: str, kind: str, change: str, t: Translator
) -> str:
    """`message` (a question about the change), and after it whose sign-offs the change would
    reopen, if any: one question says both."""
    parties = would_reopen(session, kind, activity_id)
    return f"{message} {reopen_question(session, activity_id, parties, change, t)}" if parties else message


async def confirm_reopen(
    app: App[Any],
    session: Session,
    activity_id: str,
    kind: str,
    change: str,
    t: Translator,
    yes_key: str = "agree.reopen.yes",
) -> tuple[str, ...] | None:
    """Ask before a change of `kind` that would reopen sign-offs; the parties asked about (an
    empty tuple when nobody had signed: nothing to ask), or None when the answer was Cancel."""
    parties = would_reopen(session, kind, activity_id)
    if not parties:
        return ()
    from facilitator.ui.dialogs.common import ConfirmDialog  # only when asked (not at the start)

    question = reopen_question(session, activity_id, parties, change, t)
    if not await app.push_screen_wait(ConfirmDialog(question, yes_key)):
        return None
    return parties


async def change_asked(
    app: App[Any], session: Session, activity_id: str, kind: str, change: str, make: Callable[[], Event]
) -> Event | None:
    """Make a change of `kind` to the activity: asked first if it would reopen sign-offs, and
    said after whose it reopened. The event, or None (Cancel, or refused: said why)."""
    host = host_of(app)
    if await confirm_reopen(app, session, activity_id, kind, change, host.t) is None:
        return None
    done = host.attempt(make)
    if done is None:
        return None
    notice = reopened_notice(session, done.value, host.t)
    if notice is not None:
        app.notify(notice, severity="warning", markup=False, timeout=8)
    return done.value


def reopened_notice(session: Session, event: Event, t: Translator) -> str | None:
    """What a change reopened, said after it (from the log: what really happened), or None."""
    parties = event.data.get("reopened")
    activity_id = event.data.get("activity_id") or event.data.get("id")
    if not parties or not isinstance(activity_id, str) or not session.has_activity(activity_id):
        return None
    activity = session.activity(activity_id)
    order = {p: i for i, p in enumerate(activity.party_ids)}  # as the activity lists them
    ordered = sorted(parties, key=lambda p: order.get(p, len(order)))
    title = one_line(activity.title, TITLE_LIMIT)
    return t("agree.reopen.done", count=len(parties), activity=title, parties=names(session, ordered))
