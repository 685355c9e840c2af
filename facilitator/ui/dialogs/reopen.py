"""Asking before a change that reopens sign-offs, and the one guard for what changed meanwhile.

A party's sign-off is on the agreement as it stood; a change to its rung, roles, promises
or fields makes it void (`core.reopening`). Such a change is never silent: the question
names the parties and the change, starts on Cancel (their sign-offs don't come back by
undoing the change), and the notice after it names whom it reopened, from the log.

Phones and other processes change the same file while a question or a form is open. So
`change_asked` decides on the session as it is right before the write, never on what was
shown when the question opened: what the change is about is planned again on what holds
now (a field changed elsewhere is asked about, `clashes.Settling`), a party that signed
meanwhile is asked about again by name, and the write itself is bound, under the file's
lock, to the parties the facilitator said yes to (`core.reopening.reopening_at_most`).
Asking again rather than refusing: the room sees at once who signed, and what was typed
or chosen stays as it was.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from textual.app import App

from facilitator.core.i18n import Translator
from facilitator.core.model import Event, Session
from facilitator.core.reopening import would_reopen
from facilitator.core.text import one_line
from facilitator.ui.host import Done, host_of

if TYPE_CHECKING:
    from facilitator.core.service import SessionService

T = TypeVar("T")
TITLE_LIMIT = 80  # characters of an activity's title in a question

Write = Callable[[], T]
Plan = Callable[[Session], Awaitable["Write[T] | None"]]
"""What to write, decided on the session as it is now (None: nothing, or no longer: said why)."""


def just(write: Write[T]) -> Plan[T]:
    """A plan that writes the same whatever changed meanwhile (an addition, a new round)."""

    async def plan(_session: Session) -> Write[T] | None:
        return write

    return plan


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


def at_once(service: SessionService, activity_id: str, kind: str, write: Write[T]) -> Done[T] | None:
    """A change made at once, with no question (a key typed in a grid keeps its pace), when
    it reopens nobody's sign-off, bound to that under the lock: what it returned, or None
    when it would reopen some (then ask: `change_asked`). A refusal is raised."""
    from facilitator.core.errors import SignedMeanwhile
    from facilitator.core.reopening import reopening_at_most

    if would_reopen(service.room_view, kind, activity_id):
        return None
    try:
        with reopening_at_most(()):
            return Done(write())
    except SignedMeanwhile:
        return None


async def confirm_reopen(
    app: App[Any], service: SessionService, activity_id: str, kind: str, change: str
) -> tuple[str, ...] | None:
    """Asked before a form opens, so Cancel loses nothing typed: the parties the facilitator
    said yes to (empty when nobody had signed), or None (Cancel). Give them to `change_asked`
    when the form is saved: it asks again only about a party that signed meanwhile."""
    session = service.room_view
    parties = would_reopen(session, kind, activity_id)
    if parties and not await _ask(app, session, activity_id, parties, change, ()):
        return None
    return parties


async def change_asked(
    app: App[Any],
    service: SessionService,
    activity_id: str,
    kind: str,
    change: str,
    plan: Plan[T],
    *,
    asked: Sequence[str] | None = None,
    question: str | Callable[[Session], str] = "",
    about: Callable[[Session], object] | None = None,
    yes_key: str = "agree.reopen.yes",
    alone: tuple[str, bool] | None = None,
    tell: bool = True,
) -> T | None:
    """Make a change of `kind` to the activity, asked first if it would reopen sign-offs.

    `plan` is run on the session as it is now, again after every question (what it asks
    about may have changed while it was open). `asked`: the parties a question before the
    form was answered yes for (`confirm_reopen`). `question`: one more thing the same
    question asks (a removal, a re-vote), said as the session has it (asked again when
    that changed), with `alone` (its button, whether safe) when it reopens nothing;
    `about`: what it is about beyond its words (the agreement a sign-off is on), likewise.
    `tell`: say after whom it reopened (the roles view says it itself).
    What the write returned, or None: Cancel, nothing to do, or refused (said why)."""
    from facilitator.core.errors import AgreementChanged, SignedMeanwhile, UserError
    from facilitator.core.reopening import reopening_at_most

    host = host_of(app)
    agreed = None if asked is None else tuple(asked)
    answered: tuple[str, object] | None = None  # the question said yes to, and what it was about
    while True:
        session = service.room_view
        write = await plan(session)
        if write is None:
            return None
        if service.room_view is not session:
            continue  # changed while the plan asked about a field: planned again on what holds now
        parties = would_reopen(session, kind, activity_id)
        text = question(session) if callable(question) else question
        subject = (text, about(session) if about is not None else None)
        if agreed is None and not parties and not text:
            agreed = ()
        if agreed is not None and set(parties) <= set(agreed) and (not text or subject == answered):
            try:
                with reopening_at_most(agreed):
                    done = write()
            except (SignedMeanwhile, AgreementChanged):
                continue  # signed, or the agreement changed, between the reading and the lock: asked again
            except UserError as error:
                host.show_user_error(error)
                return None
            if tell and isinstance(done, Event):
                notify_reopened(app, service.room_view, done, host.t)
            return done
        new = () if agreed is None else tuple(p for p in parties if p not in agreed)
        lead = f"{host.t('edit.changed_meanwhile')}\n" if answered and subject != answered else ""
        key, safe = (yes_key, False) if parties or alone is None else alone
        if not await _ask(app, session, activity_id, parties, change, new, lead + text, key, safe):
            return None
        agreed, answered = parties, subject


async def _ask(
    app: App[Any],
    session: Session,
    activity_id: str,
    parties: Sequence[str],
    change: str,
    new: Sequence[str],
    question: str = "",
    yes_key: str = "agree.reopen.yes",
    safe: bool = False,
) -> bool:
    """One question: who signed meanwhile (`new`), `question`, and whose sign-offs it reopens."""
    from facilitator.ui.dialogs.common import ConfirmDialog  # only when asked (not at the start)

    t = host_of(app).t
    parts = [t("agree.reopen.meanwhile", count=len(new), parties=names(session, new))] if new else []
    parts += [question] if question else []
    if parties:
        parts.append(reopen_question(session, activity_id, parties, change, t))
    answer: bool = await app.push_screen_wait(ConfirmDialog("\n".join(parts), yes_key, safe=safe))
    return answer


def notify_reopened(app: App[Any], session: Session, event: Event, t: Translator) -> None:
    notice = reopened_notice(session, event, t)
    if notice is not None:
        app.notify(notice, severity="warning", markup=False, timeout=8)


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
