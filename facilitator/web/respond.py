"""What every page handler of the participants' server needs: the request's device, its
language, a rendered page or a message, a redirect, the cookies and the checked form.

Kept apart from the routes (`server`) so each stays short; nothing here changes a session.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Mapping
from typing import Any

from aiohttp import web

from facilitator.core.errors import UserError
from facilitator.core.i18n import LANGUAGE_NAMES, LANGUAGES, Translator
from facilitator.core.model import Session
from facilitator.web.joining import Device
from facilitator.web.sent_once import new_once
from facilitator.web.state import STATE, WebState

DEVICE_COOKIE = "fac_device"
PRE_COOKIE = "fac_pre"  # the join form's token, before a device exists
LANG_COOKIE = "fac_lang"


def state_of(request: web.Request) -> WebState:
    return request.app[STATE]


def language(request: web.Request, device: Device | None, session: Session | None = None) -> str:
    """The device's language, else the browser's choice, else the session's (`session`: as read)."""
    if device is not None and device.language in LANGUAGES:
        return device.language
    cookie = request.cookies.get(LANG_COOKIE)
    if cookie in LANGUAGES:
        return cookie
    try:
        return (session or state_of(request).service.session).info.language
    except UserError:
        return "et"


def device_of(request: web.Request) -> Device | None:
    device = state_of(request).desk.device(request.cookies.get(DEVICE_COOKIE))
    if device is not None:
        device.last_seen = time.time()
    return device


def render(
    request: web.Request, template: str, status: int = 200, device: Device | None = None, **context: Any
) -> web.Response:
    html = render_text(request, template, device, **context)
    return web.Response(text=html, status=status, content_type="text/html", charset="utf-8")


def render_text(
    request: web.Request,
    template: str,
    device: Device | None = None,
    session: Session | None = None,
    **context: Any,
) -> str:
    """A page; `session`: the session as the caller read it (each read is a look at the file)."""
    state = state_of(request)
    lang = language(request, device, session)
    return state.env.get_template(template).render(
        t=Translator(lang),
        lang=lang,
        device=device,
        workshop=session.info.title if session is not None else workshop_title(state),
        languages=[(code, LANGUAGE_NAMES[code]) for code in LANGUAGES],
        cannot_save=state.service.trouble is not None,  # the file went away or broke (told at once)
        once=new_once,  # each form that records something: sent twice, applied once
        **context,
    )


def workshop_title(state: WebState) -> str:
    """The workshop's title, for the top of every page ("" while the file can't be read)."""
    try:
        return state.service.session.info.title
    except UserError:
        return ""


def message(
    request: web.Request, key: str, status: int, *, device: Device | None = None, **values: Any
) -> web.Response:
    """A clear one-message page (a refusal); nothing has changed."""
    t = Translator(language(request, device))
    return render(request, "message.html", status, device, text=t(key, **values))


def see_other(location: str) -> web.Response:
    """After a change: back to the page (post, redirect, get), so a reload sends nothing twice."""
    return web.Response(status=303, headers={"Location": location})


def set_cookie(response: web.StreamResponse, name: str, value: str, max_age: int | None = None) -> None:
    response.set_cookie(name, value, httponly=True, samesite="Strict", path="/", max_age=max_age)


def same_origin(request: web.Request) -> bool:
    """A browser names the page a form came from; it must be this server's own."""
    if request.headers.get("Sec-Fetch-Site") in ("cross-site", "same-site"):
        return False
    origin = request.headers.get("Origin")
    if origin is None:
        return True  # older browsers send none; the form token still has to match
    return origin == f"{request.scheme}://{request.host}"


async def form(request: web.Request) -> Mapping[str, str]:
    """The form's fields; bytes that are not UTF-8 are a 400 with a message, not a 500."""
    try:
        data = await request.post()
    except (UnicodeDecodeError, ValueError):
        raise web.HTTPBadRequest(reason="bad form") from None
    return {key: value for key, value in data.items() if isinstance(value, str)}


async def checked(
    request: web.Request, need_party: bool = True
) -> tuple[Device | None, Mapping[str, str], web.Response | None]:
    """The device, its form, or the refusal: no device, wrong form token, foreign origin."""
    device = device_of(request)
    if device is None:
        return None, {}, message(request, "web.refused.no_device", 401)
    data = await form(request)
    token = data.get("csrf", "")
    if not token or not secrets.compare_digest(token, device.csrf) or not same_origin(request):
        return device, data, message(request, "web.refused.token", 403, device=device)
    if need_party and device.party_id is None:
        return device, data, message(request, "web.refused.no_party", 400, device=device)
    if need_party and not device.admitted:
        return device, data, message(request, "web.refused.waiting", 403, device=device)
    return device, data, None
