"""A forged post (a field missing, empty, not in the session, far too long) is refused with a
4xx and one sentence in the page's language, and nothing is recorded: never the core's raw
refusal ("current rung: no rung 'bogus' in this scenario"), which says nothing to a person."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import pytest

from tests.web.conftest import Phone, Room, Server
from tests.web.test_form_once import CASES, filled, police

SAID = re.compile(r'<p class="big">(.*?)</p>', re.S)
VARIANTS = {"missing": None, "empty": "", "unknown": "bogus", "too long": "x" * 5000}
OPTIONAL = {"response": ("too long",), "note": ("too long",)}
"""Fields a person may leave empty or fill with anything: only too long is refused."""
FREE = {"text": ("missing", "empty", "too long")}
GUARD = {"party": ("unknown", "too long"), "mark": ("empty", "unknown", "too long")}
"""The party (the agreement) the page was shown for: without it (a page from before it was
sent) the device's own (the agreement as it is)."""
IGNORED = {("/answer", "activity")}  # the answer form's place on the page, not what it records


def refused_variants(action: str, field: str) -> tuple[str, ...]:
    if (action, field) in IGNORED:
        return ()
    return OPTIONAL.get(field) or FREE.get(field) or GUARD.get(field) or tuple(VARIANTS)


async def said(phone: Phone, action: str, form: dict[str, str]) -> tuple[int, str]:
    status, text = await phone.post(action, form)
    found = SAID.search(text)
    return status, html.unescape(found.group(1)).strip() if found else text[:200]


def one_sentence(text: str) -> bool:
    return text.endswith(".") and not re.search(r"[.!?] \S", text) and "\n" not in text


async def check_forged(
    phone: Phone, session_events: Callable[[], int], action: str, form: dict[str, str]
) -> None:
    """Each field of `form` forged each way, in both languages: a 4xx, one sentence, nothing recorded."""
    for field in [k for k in form if k not in ("csrf", "once")]:
        for variant in refused_variants(action, field):
            value = VARIANTS[variant]
            forged = {k: v for k, v in form.items() if k != field}
            if value is not None:
                forged[field] = value
            before = session_events()
            answers: dict[str, str] = {}
            for lang in ("en", "et"):
                phone.http.cookie_jar.update_cookies({"fac_lang": lang})
                status, text = await said(phone, action, forged)
                where = f"{action} {field} {variant} {lang}: {status} {text!r}"
                assert 400 <= status < 500, where
                assert one_sentence(text), where
                assert "bogus" not in text and "xxxxx" not in text and "'" not in text, where
                answers[lang] = text
            assert answers["en"] != answers["et"], f"{action} {field} {variant}: {answers}"
            assert session_events() == before, f"{action} {field} {variant} recorded something"


@pytest.mark.parametrize("case", CASES)
async def test_every_forged_field_is_refused_in_words(server: Server, room: Room, case: str) -> None:
    set_up, _page, action, _fields, _kind = CASES[case]
    set_up(room)
    phone = await police(server, room)
    form = await filled(phone, room, case)
    await check_forged(phone, lambda: len(room.service.session.events), action, form)


async def test_a_forged_rung_is_refused_plainly(server: Server, room: Room) -> None:
    phone = await police(server, room)
    phone.http.cookie_jar.update_cookies({"fac_lang": "et"})
    form = await filled(phone, room, "placement")
    assert await said(phone, "/place", {**form, "current": "bogus"}) == (
        400,
        "Seda astet pole selles töötoas.",
    )
    assert await said(phone, "/place", {**form, "wished": ""}) == (400, "Valige mõlemad astmed.")
