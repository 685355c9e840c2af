"""Closing a workshop and reopening it, asked first; and the title line that says it is closed.

The workshop screen and home both call `close_or_reopen`; what was recorded is the
`session.closed` / `session.reopened` event, so every list, review and report says it.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.content import Content

from facilitator.core.closing import closed_on
from facilitator.core.i18n import Translator
from facilitator.core.model import Session
from facilitator.core.service import SessionService
from facilitator.core.text import one_line
from facilitator.ui.host import host_of
from facilitator.ui.text import literal


async def close_or_reopen(app: App[Any], service: SessionService) -> bool:
    """Close an open workshop or reopen a closed one, after asking; True if it changed.

    Both are undone by the other, so the question starts on its button (enter does it)."""
    from facilitator.ui.dialogs.common import ConfirmDialog  # built only when asked

    host = host_of(app)
    t = host.t
    info = service.session.info
    title = one_line(info.title, 80)
    if info.closed_at:
        message = t("closing.reopen.confirm", title=title, closed=closed_on(info.closed_at, t))
        dialog = ConfirmDialog(message, "closing.reopen.button", safe=True)
    else:
        dialog = ConfirmDialog(t("closing.close.confirm", title=title), "closing.close.button", safe=True)
    if not await app.push_screen_wait(dialog):
        return False
    change = service.reopen_session if info.closed_at else service.close_session
    if host.attempt(change) is None:  # a refusal or a write failure: said, nothing lost
        return False
    app.notify(t("closing.reopened" if info.closed_at else "closing.closed"), markup=False, timeout=4)
    return True


def titled(session: Session, t: Translator) -> Content:
    """The workshop's title, and "· closed on 07.12.2026" once it was closed."""
    title = literal(session.info.title)
    if not session.info.closed_at:
        return title
    return Content.assemble(title, Content.styled(f"  · {closed_on(session.info.closed_at, t)}", "bold"))
