"""A phone's own party's handout, once the workshop is closed (`GET /handout`).

The same page `export --format handouts` writes for that party (not the public cut: its own
people's names stay, the renderer keeps other parties' private things out), in the phone's
language. Before the close, or for a device without a party, a one-sentence refusal.
The server passes its request helpers in, so this module needn't import it (no cycle).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol

from aiohttp import web

from facilitator.core.model import Session
from facilitator.core.reports.html import CSP as HANDOUT_CSP
from facilitator.core.service import SessionService
from facilitator.web import core_api
from facilitator.web.joining import Device

# The handout's own policy (no script at all), not framed by anyone.
CSP = f"{HANDOUT_CSP}; frame-ancestors 'none'"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class State(Protocol):
    """What this page needs of the server's state: the session's service."""

    service: SessionService


def answer(session: Session, device: Device | None, lang: str) -> web.Response | str:
    """Only the device's own party's page, under its own strict policy; else why not (a message key)."""
    if device is None or device.party_id is None or not session.has_party(device.party_id):
        return "web.refused.handout_party"
    if session.info.closed_at is None:
        return "web.refused.handout_open"
    body = core_api.party_handout(session, device.party_id, lang=lang)
    return web.Response(
        body=body, content_type="text/html", charset="utf-8", headers={"Content-Security-Policy": CSP}
    )


def handler(
    device_of: Callable[[web.Request], Device | None],
    state_of: Callable[[web.Request], State],
    language: Callable[[web.Request, Device | None], str],
    message: Callable[..., web.Response],
) -> Handler:
    """`GET /handout` over the server's helpers: the page, or a 403 in the phone's language."""

    async def handout(request: web.Request) -> web.StreamResponse:
        device = device_of(request)
        got = answer(state_of(request).service.session, device, language(request, device))
        return message(request, got, 403, device=device) if isinstance(got, str) else got

    return handout


__all__ = ["CSP", "answer", "handler"]
