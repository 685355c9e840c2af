"""A phone opens its own party's printable page once the workshop is closed (`GET /handout`),
through aiohttp's test client: refusals before the close and without a party, only its own page."""

from __future__ import annotations

from tests.web.conftest import Phone, Room, Server

HOSTILE = '<script>alert(1)</script> "quoted"'


def promises(room: Room) -> None:
    room.service.agree(room.x, current="communication")
    room.service.agree(room.y, current="communication")
    room.service.add_commitment(room.x, room.a, f"We patrol {HOSTILE}")
    room.service.add_commitment(room.y, room.c, "Residents keep their own secret")


async def police(server: Server, lang: str = "en") -> Phone:
    phone = server.phone()
    await phone.get(f"/?lang={lang}")
    status, _ = await phone.join("ABC234", None)
    assert status == 200
    return phone


async def test_refused_before_the_close_and_without_a_party(server: Server, room: Room) -> None:
    promises(room)
    phone = await police(server, "et")
    status, text = await phone.get("/handout")  # joined, no party yet
    assert status == 403 and "Teie osapoole leht avaneb, kui olete oma osapoole valinud." in text
    await phone.post("/party", {"party": room.a, "name": "Mari"})
    status, text = await phone.get("/handout")
    assert status == 403 and "Teie osapoole leht avaneb, kui töötuba on suletud." in text
    assert "We patrol" not in text
    _, text = await phone.get("/")
    assert 'href="/handout"' not in text
    stranger = server.phone()
    status, text = await stranger.get("/handout")  # never joined
    assert status == 403 and "We patrol" not in text


async def test_after_the_close_only_its_own_party_page_with_the_headers(server: Server, room: Room) -> None:
    promises(room)
    phone = await police(server)
    await phone.post("/party", {"party": room.a, "name": "Mari"})
    room.service.close_session()
    _, text = await phone.get("/")
    assert 'href="/handout"' in text and "Your party&#39;s page" in text
    async with phone.http.get(phone.base + "/handout") as response:
        assert response.status == 200
        page = await response.text()
        headers = response.headers
    # the hostile text is one long word: in a span of its own that may wrap (`html.LONG_WORD`)
    assert "Police" in page and "We patrol " in page and "&lt;script&gt;alert" in page
    assert "<script>alert" not in page
    assert "Residents keep their own secret" not in page  # another party's promise
    assert "<script" not in page
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp and "frame-ancestors 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY" and headers["Cache-Control"] == "no-store"
    assert headers["Content-Type"].startswith("text/html")


async def test_the_page_is_in_the_phones_language(server: Server, room: Room) -> None:
    promises(room)
    phone = await police(server, "et")
    await phone.post("/party", {"party": room.c})
    room.service.close_session()
    _, text = await phone.get("/")
    assert "Teie osapoole leht" in text
    status, page = await phone.get("/handout")
    assert status == 200 and 'lang="et"' in page and "Residents keep their own secret" in page
    assert "We patrol" not in page
