"""The participants' web page: an aiohttp application over one session.

Every change a phone makes goes through its party's facade (`for_party`): the server
offers nothing the facade does not. Pages are rendered on the server (jinja2, autoescape
on); a small script of ours replaces the live part when the session changes (server-sent
events, polling as fallback). Safety, as in the issue: a join code with rate-limited
guesses, a random device token in an HttpOnly SameSite=Strict cookie, a form token on
every change (checked with the Origin header), size limits, a device cap and a strict
Content-Security-Policy (no inline script or style).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from pathlib import Path

from aiohttp import web

from facilitator.core.errors import (
    AgreementChanged,
    AlreadySigned,
    ChangeRejected,
    SessionFileError,
    UserError,
)
from facilitator.core.i18n import LANGUAGES, Translator, Worded, explain
from facilitator.core.model import Session
from facilitator.core.reopening import agreement_mark
from facilitator.core.service import SessionService
from facilitator.core.text import NAME, clean, one_line
from facilitator.web import core_api, handout
from facilitator.web.form_checks import (
    AlreadySo,
    answered_already,
    followed_up_already,
    outcome_refusal,
    placed_already,
    rungs_refusal,
    signed_already,
    withdrawn_already,
)
from facilitator.web.joining import MAX_NAME, Device, JoinDesk, Refused
from facilitator.web.page import PartyPage, own_placement, party_page
from facilitator.web.respond import (
    DEVICE_COOKIE,
    LANG_COOKIE,
    PRE_COOKIE,
    checked,
    device_of,
    form,
    language,
    message,
    render,
    render_text,
    same_origin,
    see_other,
    set_cookie,
    state_of,
)
from facilitator.web.sent_once import sending
from facilitator.web.state import STATE, WebState

HERE = Path(__file__).resolve().parent
__all__ = ["CSP", "MAX_BODY", "STATE", "WebState", "make_app"]
MAX_BODY = 32 * 1024  # bytes: a long expectation fits, a flood does not
KEEPALIVE_SECONDS = 15.0
LIVE_PART = "X-Live-Part"
"""Sent by the page's script with a change: answer with the live part, not a redirect to the
whole page (which it fetched, threw away and loaded again: two page renders per change)."""
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
log = logging.getLogger(__name__)


# ----------------------------------------------------------------- middleware


HTTP_MESSAGES = {
    400: "web.refused.bad_form",
    404: "web.refused.not_found",
    405: "web.refused.not_found",
    413: "web.refused.too_large",
}


@web.middleware
async def security(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every answer a page in the phone's language; a failure is a message, not a stack trace."""
    started = time.perf_counter()
    try:
        if request.content_length is not None and request.content_length > MAX_BODY:
            raise web.HTTPRequestEntityTooLarge(max_size=MAX_BODY, actual_size=request.content_length)
        response = await handler(request)
    except web.HTTPException as error:
        if error.status < 400:
            raise
        key = HTTP_MESSAGES.get(error.status, "web.refused.error")
        response = message(request, key, error.status, device=device_of(request))
    except UserError as error:  # the session file can't be read now (moved, broken, locked)
        log.warning("participants' page %s: %s", request.path, error)
        response = message(request, "web.refused.unavailable", 503, device=device_of(request))
    except Exception:  # a bug: said in the terminal once, a plain page on the phone
        log.exception("participants' page %s %s failed", request.method, request.path)
        response = message(request, "web.refused.error", 500, device=device_of(request))
    if not response.prepared:  # (an event stream's headers are already sent)
        # The time spent here, apart from any wait in the queue (the bench reads it).
        response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
    return response


async def secure_headers(request: web.Request, response: web.StreamResponse) -> None:
    """The security headers, on every answer the application sends (errors included)."""
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CSP)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")  # "no-referrer" makes the Origin of a form "null"
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
    if not request.path.startswith("/static/"):
        headers.setdefault("Cache-Control", "no-store")


# ----------------------------------------------------------------- pages


async def index(request: web.Request) -> web.StreamResponse:
    """Join (code), then pick a party, then the party's live page."""
    device = device_of(request)
    wanted = request.query.get("lang")
    if wanted in LANGUAGES:
        response: web.StreamResponse = see_other("/")
        set_cookie(response, LANG_COOKIE, wanted, max_age=86400)
        if device is not None:
            state_of(request).desk.set_language(device, wanted)
        return response
    if device is None:
        pre = request.cookies.get(PRE_COOKIE) or secrets.token_urlsafe(24)
        code = one_line(request.query.get("code", ""), 20)
        response = render(request, "join.html", pre=pre, code=code, closed=not state_of(request).desk.open)
        set_cookie(response, PRE_COOKIE, pre)
        return response
    session = state_of(request).service.session
    if device.party_id is not None and not session.has_party(device.party_id):
        state_of(request).desk.forget_party(device)  # the facilitator removed the party: choose again
    if device.party_id is None:
        parties = [(p.id, p.name) for p in session.parties]
        return render(request, "party.html", 200, device, parties=parties, csrf=device.csrf, name=device.name)
    return render(request, "page.html", 200, device, csrf=device.csrf, page=live_page(request, device))


def live_page(
    request: web.Request, device: Device, views: tuple[Session, Session] | None = None
) -> PartyPage:
    state = state_of(request)
    session, room_view = views or state.views()
    room = core_api.room_of(session)
    assert device.party_id is not None
    open_id = room.open_activity if room.open_activity and session.has_activity(room.open_activity) else None
    own = own_placement(session, open_id, device.party_id) if open_id else None
    lang = language(request, device, session)
    t = Translator(lang)
    return party_page(
        room_view,
        device.party_id,
        room.phase,
        open_id,
        state.version,
        t("web.not_started"),
        own,
        lang,
        session,
    )


async def live(request: web.Request) -> web.StreamResponse:
    """The live part of the page alone, for the script to swap in."""
    device = device_of(request)
    if device is None or device.party_id is None:
        return web.Response(status=401, text="", headers={"X-Gone": "1"})
    if not state_of(request).service.session.has_party(device.party_id):
        return web.Response(status=401, text="", headers={"X-Gone": "1"})
    return live_part(request, device)


def live_part(request: web.Request, device: Device) -> web.Response:
    headers = {LIVE_PART: "1"}
    return web.Response(text=live_html(request, device), content_type="text/html", headers=headers)


def live_html(request: web.Request, device: Device, views: tuple[Session, Session] | None = None) -> str:
    """The device's live part, from one read of the session (forty of them after a burst)."""
    views = views or state_of(request).views()
    page = live_page(request, device, views)
    return render_text(request, "live.html", device, views[0], csrf=device.csrf, page=page)


async def version(request: web.Request) -> web.StreamResponse:
    """The polling fallback: the page asks whether anything changed."""
    device = device_of(request)
    if device is None:
        return web.json_response({"version": -1}, status=401)
    return web.json_response({"version": state_of(request).version})


async def events(request: web.Request) -> web.StreamResponse:
    """Server-sent events: whenever the session changes, the device's live part itself.

    Sending the part rather than a version saves each phone a round trip for it (`/live`),
    the larger share of an update's time on a slow network. The first message (the stream
    just opened) and one for a device without a page is the version: the page fetches."""
    device = device_of(request)
    if device is None:
        return web.Response(status=401, text="")
    response = web.StreamResponse(
        headers={"Content-Type": "text/event-stream", "Cache-Control": "no-store", "X-Accel-Buffering": "no"}
    )
    await response.prepare(request)
    with contextlib.suppress(ConnectionResetError):  # the phone closed the page: normal, silent
        await stream_changes(request, response, device)
    return response


async def stream_changes(request: web.Request, response: web.StreamResponse, device: Device) -> None:
    """Each change (or a keep-alive) down the device's stream until it goes or the server stops."""
    state = state_of(request)
    seen = -1
    while not state.closing:
        if device.key not in state.desk.devices:
            await response.write(b"event: gone\ndata: 0\n\n")
            return
        if state.version != seen:
            pushed = live_event(request, device) if seen >= 0 else None
            seen = state.version
            await response.write(pushed or f"data: {seen}\n\n".encode())
        else:
            await response.write(b": keep-alive\n\n")
        await state.news.wait(seen, KEEPALIVE_SECONDS)


def live_event(request: web.Request, device: Device) -> bytes | None:
    """The device's live part as an event (`live`), or None where it has none to show."""
    if device.party_id is None:
        return None
    try:
        views = state_of(request).views()
        if not views[0].has_party(device.party_id):
            return None
        html = live_html(request, device, views)
    except UserError:
        return None  # an unreadable file: the version, and the page fetches what it can
    lines = html.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return ("event: live\n" + "".join(f"data: {line}\n" for line in lines) + "\n").encode()


# ----------------------------------------------------------------- joining


async def join(request: web.Request) -> web.StreamResponse:
    if device_of(request) is not None:  # joined already (a double tap, the back button): its page
        return see_other("/")
    if not state_of(request).desk.open:
        return message(request, "web.refused.closed", 403)
    data = await form(request)
    pre = request.cookies.get(PRE_COOKIE, "")
    if not pre or not secrets.compare_digest(pre, data.get("csrf", "")) or not same_origin(request):
        return message(request, "web.refused.token", 403)
    state = state_of(request)
    try:
        device, token = state.desk.join(data.get("code", ""), request.remote or "?", pre=pre)
    except Refused as refused:
        return message(request, refused.key, refused.status, **refused.values)
    wanted = request.cookies.get(LANG_COOKIE)
    if wanted in LANGUAGES:
        state.desk.set_language(device, wanted)
    response = see_other("/")
    set_cookie(response, DEVICE_COOKIE, token)
    response.del_cookie(PRE_COOKIE, path="/")
    state.poke()
    return response


async def choose_party(request: web.Request) -> web.StreamResponse:
    device, data, refusal = await checked(request, need_party=False)
    if refusal is not None:
        return refusal
    assert device is not None
    state = state_of(request)
    party_id = data.get("party", "")
    if device.party_id == party_id:  # chosen already (a double tap, the back button): its page
        return see_other("/")
    if device.party_id is not None:  # chosen once: only the facilitator moves a device
        return message(request, "web.refused.party_fixed", 403, device=device)
    if not state.service.session.has_party(party_id):
        return message(request, "web.refused.party", 400, device=device)
    name = clean(data.get("name", ""), NAME)
    if len(name) > MAX_NAME:  # refused with the limit, never cut
        return message(request, "web.refused.name_long", 400, device=device, length=len(name), limit=MAX_NAME)
    try:
        state.desk.choose_party(device, party_id, name)
    except Refused as refused:
        return message(request, refused.key, refused.status, device=device, **refused.values)
    state.poke()
    return see_other("/")


async def leave_page(request: web.Request) -> web.StreamResponse:
    """Leaving asks first: joining again makes a new device, the party chosen anew."""
    device = device_of(request)
    if device is None:
        return see_other("/")
    return render(request, "leave.html", 200, device, csrf=device.csrf)


async def sign_off_page(request: web.Request) -> web.StreamResponse:
    """A sign-off asks first: it says the party agrees to the activity as it stands."""
    device = device_of(request)
    activity_id = request.query.get("activity", "")
    if device is None or device.party_id is None:
        return see_other("/")
    session = state_of(request).service.session
    if not session.has_activity(activity_id):
        return message(request, "error.gone", 404, device=device)
    if signed_already(session, device.party_id, device.id, {"activity": activity_id}):
        return see_other("/#a-" + activity_id)  # signed already (the back button): nothing to ask
    asked = {"activity_id": activity_id, "party_id": device.party_id}
    if (refused := core_api.refusal(session, device.party_id, "signoff.given", asked)) is not None:
        text = refusal_text(request, device, refused)  # the facilitator moved on: say so now
        return render(request, "message.html", 403, device, text=text)
    shown = shown_mark(request.query)  # the agreement the page asking for it showed
    changed = 0 <= shown != agreement_mark(session, activity_id)
    notice = refusal_text(request, device, AgreementChanged(Worded("error.change.agreement_changed")))
    return sign_off_form(request, device, session, activity_id, notice if changed else "")


def sign_off_form(
    request: web.Request,
    device: Device,
    session: Session,
    activity_id: str,
    notice: str = "",
    status: int = 200,
) -> web.Response:
    """The question, with the agreement's mark as shown now: the sign-off is on this one."""
    title, mark = session.activity(activity_id).title, agreement_mark(session, activity_id)
    context = {"csrf": device.csrf, "activity": activity_id, "title": title, "mark": mark, "notice": notice}
    return render(request, "signoff.html", status, device, **context)


def sign_off_again(
    request: web.Request, device: Device, data: Mapping[str, str], notice: str
) -> web.Response:
    """The agreement changed after the page was shown: nothing recorded; asked again on it as it is now."""
    session, activity_id = state_of(request).service.session, data.get("activity", "")
    if not session.has_activity(activity_id):
        return message(request, "error.gone", 404, device=device)
    return sign_off_form(request, device, session, activity_id, notice, 409)


def shown_mark(data: Mapping[str, str]) -> int:
    """The agreement's mark the sign-off page was rendered with (-1: none, or not a mark)."""
    mark = data.get("mark", "")
    return int(mark) if mark.isascii() and mark.isdigit() and len(mark) <= 12 else -1


async def leave(request: web.Request) -> web.StreamResponse:
    if device_of(request) is None:  # gone already (a double tap, or removed): the join page
        response = see_other("/")
        response.del_cookie(DEVICE_COOKIE, path="/")
        return response
    device, _data, refusal = await checked(request, need_party=False)
    if refusal is not None:
        return refusal
    assert device is not None
    state_of(request).desk.remove(device.id, left=True)
    state_of(request).poke()
    response = see_other("/")
    response.del_cookie(DEVICE_COOKIE, path="/")
    return response


# ----------------------------------------------------------------- changes


PHONE_WORDS = {"error.already_revealed": "web.refused.revealed"}
"""Core refusals whose sentence tells the facilitator what to do: the phone's own words."""


def refusal_text(request: web.Request, device: Device, error: UserError) -> str:
    """A refusal in the phone's language; never a file path, never English on another page."""
    lang = language(request, device)
    t = Translator(lang)
    if isinstance(error, SessionFileError):  # disk full, file gone: the terminal has the details
        log.warning("a phone's change was not saved: %s", error)
        return t("web.refused.not_saved")
    key = getattr(error, "key", None)
    if key == "error.too_long" and str(getattr(error, "values", {}).get("field", "")).endswith(" id"):
        return t("error.gone")  # a page never sends such an id: as for any id not (or no longer) there
    if key in PHONE_WORDS:  # the core's sentence speaks to the facilitator
        return t(PHONE_WORDS[key])
    if key and t.has(key):
        return explain(error, t)  # its field named in the phone's language too
    return str(error) if lang == "en" else t("web.refused.change")


def party_action(
    act: Callable[[core_api.PartyActions, Mapping[str, str]], object],
    refused: Callable[[Session, Mapping[str, str]], str | None] | None = None,
    already: AlreadySo | None = None,
    changed: Callable[[web.Request, Device, Mapping[str, str], str], web.Response] | None = None,
) -> Handler:
    """A change through the party's facade; a refusal is a message page and changes nothing.
    `refused`: the form's own check, a refusal in the page's words before the core's;
    `already`: whether what the form asks for is so already (sent again: answered as done);
    `changed`: the page when what the form was shown on changed since (`AgreementChanged`)."""

    async def handler(request: web.Request) -> web.StreamResponse:
        device, data, refusal = await checked(request)
        if refusal is not None:
            return refusal
        assert device is not None and device.party_id is not None
        state = state_of(request)
        session = state.service.session
        if (key := stale_party(session, device, data)) is not None:
            name = session.party_name(device.party_id)
            return message(request, key, 409, device=device, party=name)
        if refused is not None and (key := refused(session, data)) is not None:
            return message(request, key, 400, device=device)
        if already is not None and already(session, device.party_id, device.id, data):
            return done(request, device, data)
        party_id = device.party_id

        def change() -> None:
            act(core_api.for_party(state.service, party_id, device=device.id, name=device.name), data)

        def start() -> asyncio.Future[None]:
            # Off the event loop: while one write is on its way to disk, the other phones'
            # changes are taken in and go together in the next write (group commit).
            return asyncio.get_running_loop().run_in_executor(state.writers, change)

        await asyncio.sleep(0)  # the requests that came with this one are read first
        once = sending(data)  # each rendered form has its own `once`: a sending is applied once
        trying = await state.sent_once.take(device.key, once)
        with state.news.change_in_flight():  # the pages hear of it once the phones are answered
            try:
                if trying is not None:  # (None: applied already, answered as done)
                    await asyncio.shield(state.sent_once.run(device.key, once, trying, start))
            except AlreadySigned:  # so already, found under the lock: nothing more to record
                return done(request, device, data)
            except UserError as error:
                if changed is not None and isinstance(error, AgreementChanged):
                    return changed(request, device, data, refusal_text(request, device, error))
                status = (
                    403
                    if isinstance(error, core_api.NotAllowed)
                    else 400
                    if isinstance(error, ChangeRejected)
                    else 409
                )
                text = refusal_text(request, device, error)
                return render(request, "message.html", status, device, text=text)
            after_change(state, device, request.path, data)
            return done(request, device, data)

    return handler


def stale_party(session: Session, device: Device, data: Mapping[str, str]) -> str | None:
    """A form from a page shown for another party than the device's now (the facilitator
    moved the device meanwhile): refused, never recorded for the party it was not meant for."""
    sent_for = data.get("party", "")
    if not sent_for or sent_for == device.party_id or device.party_id is None:
        return None
    return "web.refused.moved" if session.has_party(device.party_id) else None


def done(request: web.Request, device: Device, data: Mapping[str, str]) -> web.Response:
    """A change done (or found done already): the live part for the script, else the page."""
    if request.headers.get(LIVE_PART) == "1":  # the page's script: it swaps the part in
        return live_part(request, device)
    anchor = data.get("activity", "")
    return see_other("/#a-" + anchor if anchor.isalnum() else "/")


def after_change(state: WebState, device: Device, path: str, data: Mapping[str, str]) -> None:
    """Remember what a device placed: the panel flags two devices of one party that differ."""
    if path != "/place":
        return
    session = state.service.session
    activity_id = data.get("activity", "")
    if session.has_activity(activity_id):
        round_number = session.activity(activity_id).round
        state.desk.remember(
            device, activity_id, round_number, data.get("current", ""), data.get("wished", "")
        )


place = party_action(
    lambda f, d: f.place(d.get("activity", ""), d.get("current", ""), d.get("wished", "")),
    rungs_refusal,
    placed_already,
)
answer = party_action(
    lambda f, d: f.answer_expectation(d.get("expectation", ""), d.get("state", ""), d.get("response", "")),
    already=answered_already,
)
commit = party_action(lambda f, d: f.add_commitment(d.get("activity", ""), d.get("text", "")))
expect = party_action(
    lambda f, d: f.add_expectation(d.get("activity", ""), d.get("to_party", ""), d.get("text", ""))
)


def sign_off_shown(party: core_api.PartyActions, data: Mapping[str, str]) -> object:
    """On the agreement the page showed; a mark that can't be read is asked again (none at all:
    a page from before marks, signed as then)."""
    if (mark := shown_mark(data)) < 0 and "mark" in data:
        raise AgreementChanged(Worded("error.change.agreement_changed"))
    return party.sign_off(data.get("activity", ""), mark)


sign_off = party_action(sign_off_shown, already=signed_already, changed=sign_off_again)
withdraw = party_action(lambda f, d: f.withdraw_sign_off(d.get("activity", "")), already=withdrawn_already)
follow_up = party_action(
    lambda f, d: f.answer_followup(d.get("item", ""), d.get("outcome", ""), d.get("note", "").strip()),
    outcome_refusal,
    followed_up_already,
)


# ----------------------------------------------------------------- the application


async def _watch(app: web.Application) -> AsyncIterator[None]:
    """Hold the session open (whoever writes it, pages hear of it) for as long as the server runs."""
    state = app[STATE]
    state.open()
    yield
    state.close()


async def _on_shutdown(app: web.Application) -> None:
    app[STATE].close()  # live event streams end, so the server stops at once


def make_app(
    service: SessionService, desk: JoinDesk | None = None, sessions: core_api.OpenSessions | None = None
) -> web.Application:
    """The participants' web application over one session; `sessions`: the app's, when it runs in one."""
    app = web.Application(client_max_size=MAX_BODY, middlewares=[security])
    app[STATE] = WebState(service, desk or JoinDesk(), sessions or core_api.OpenSessions())
    app.cleanup_ctx.append(_watch)
    app.on_shutdown.append(_on_shutdown)
    app.on_response_prepare.append(secure_headers)
    app.router.add_get("/", index)
    app.router.add_get("/live", live)
    app.router.add_get("/version", version)
    app.router.add_get("/events", events)
    app.router.add_post("/join", join)
    app.router.add_post("/party", choose_party)
    app.router.add_get("/leave", leave_page)
    app.router.add_post("/leave", leave)
    app.router.add_post("/place", place)
    app.router.add_post("/answer", answer)
    app.router.add_post("/commitment", commit)
    app.router.add_post("/expectation", expect)
    app.router.add_get("/signoff", sign_off_page)
    app.router.add_post("/signoff", sign_off)
    app.router.add_post("/withdraw", withdraw)
    app.router.add_post("/followup", follow_up)
    app.router.add_get("/handout", handout.handler(device_of, state_of, language, message))
    app.router.add_static("/static/", HERE / "static")
    return app
