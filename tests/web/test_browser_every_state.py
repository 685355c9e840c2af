"""Every state of the phone's page, in a real browser at 390×844, in Estonian and English.

A party walks the workshop (join, a wrong code, its party, waiting, placing, placed, not
involved, the reveal, the agreed rung, the roles phase, the sign-off asking first, signed,
leaving asks first, the workshop closed, the handout) with a party name, an activity title
and a workshop title as long as the room allows, with emoji and markup-like text. At each
state: axe-core's rules (where axe is found, as in `test_browser_room`) find nothing, the
page is no wider than the phone, and the typed text is shown as typed. Screenshots go to
`FACILITATOR_SHOTS` when it is set, to be looked at.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from aiohttp.test_utils import TestServer
from playwright.async_api import Page, expect

from facilitator.core.i18n import Translator
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService
from facilitator.core.text import LINE_LIMIT, NAME_LIMIT
from facilitator.web import core_api
from facilitator.web.joining import JoinDesk
from facilitator.web.server import make_app
from tests.web.test_browser import PHONE, chromium_path, phone_browser
from tests.web.test_browser_room import axe_violations

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(chromium_path() is None, reason="no Chromium found (/usr/bin/chromium)"),
]


def as_long_as(start: str, limit: int) -> str:
    """`start` repeated up to `limit` characters (the room's own limit for such a name)."""
    return (start * (limit // len(start) + 1))[:limit].rstrip()


PARTY = as_long_as("Kaasiku <b>valla</b> noorsootöö 🚓 ümarlaud ", NAME_LIMIT)
TITLE = as_long_as("Tänavavalgustus <b>pargis</b> 💡 ja koolitee ohutus ", 150)
WORKSHOP = as_long_as("Kaasiku <b>turvalisuse</b> 🤝 partnerid ", LINE_LIMIT)
PERSON = "Mari <i>Tamm</i> 👩"


@dataclass
class Walk:
    service: SessionService
    desk: JoinDesk
    site: str
    party: str  # the long-named party's id
    x: str  # the long-titled activity (the party and B)
    y: str  # the party and C
    z: str  # B and C: not the party's


@pytest.fixture
async def walk(library: SessionLibrary) -> AsyncIterator[Walk]:
    service = library.create(find_scenario("community-safety"), "Workshop")
    service.update_session(title=WORKSHOP)
    party = service.add_party(PARTY)
    b = service.add_party("Municipality")
    c = service.add_party("Residents")
    x = service.add_activity(TITLE, description=f"{TITLE}\nsecond line", party_ids=[party, b])
    y = service.add_activity("Youth nights", party_ids=[party, c])
    z = service.add_activity("Bin days", party_ids=[b, c])
    desk = JoinDesk(code="ABC234")
    server = TestServer(make_app(service, desk), host="127.0.0.1")
    await server.start_server()
    yield Walk(service, desk, str(server.make_url("/")), party, x, y, z)
    await server.close()


@pytest.fixture
async def page() -> AsyncIterator[Page]:
    async with phone_browser(bypass_csp=True) as made:  # axe-core is injected as a script of its own
        yield made


async def looked_at(page: Page, lang: str, state: str, literal: tuple[str, ...] = ()) -> None:
    """The state as a person sees it: accessible, no wider than the phone, text as typed."""
    await expect(page.locator("html")).to_have_attribute("lang", lang)
    assert await axe_violations(page) == [], state
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{state}: the page is {width} px wide"
    shown = await page.locator("body").inner_text()
    for text in literal:
        assert " ".join(text.split()) in " ".join(shown.split()), f"{state}: {text!r} not shown as typed"
    await screens(page, f"state-{lang}-{state}")


async def screens(page: Page, name: str) -> None:
    """The whole page, a screen at a time (below the first screen too), to `FACILITATOR_SHOTS`."""
    folder = os.environ.get("FACILITATOR_SHOTS")
    if not folder:
        return
    await page.screenshot(path=str(Path(folder) / f"{name}-seen.png"))  # as scrolled now
    size = page.viewport_size or PHONE
    height = await page.evaluate("document.documentElement.scrollHeight")
    for screen in range(min(8, -(-height // size["height"]))):
        clip = {"x": 0, "y": screen * size["height"], "width": size["width"], "height": size["height"]}
        path = str(Path(folder) / f"{name}-{screen + 1}.png")
        await page.screenshot(path=path, full_page=True, clip=clip)  # type: ignore[arg-type]


async def to_party_page(page: Page, walk: Walk, t: Translator, lang: str) -> None:
    await page.goto(walk.site + f"?lang={lang}")
    await looked_at(page, lang, "join")
    await page.get_by_label(t("web.join.code")).fill("WRONG1")
    await page.get_by_role("button", name=t("web.join.button")).click()
    await expect(page.get_by_text(t("web.refused.code"))).to_be_visible()
    await looked_at(page, lang, "message")
    await page.goto(walk.site + "?code=ABC234")
    await page.get_by_role("button", name=t("web.join.button")).click()
    await expect(page.get_by_role("heading", name=t("web.party.title"))).to_be_visible()
    await looked_at(page, lang, "party", (PARTY,))
    await page.get_by_text(PARTY).click()
    await page.get_by_label(t("web.party.name")).fill(PERSON)
    await page.get_by_role("button", name=t("web.party.button")).click()
    await expect(page.get_by_text(t("web.not_started_hint"))).to_be_visible()
    await looked_at(page, lang, "not-started", (WORKSHOP[:60], PERSON))


async def placing(page: Page, walk: Walk, t: Translator, lang: str) -> None:
    service = walk.service
    service.set_phase("place")
    core_api.open_for_placement(service, walk.x)
    send = page.get_by_role("button", name=t("web.send"))
    await expect(send).to_be_visible(timeout=10_000)
    await looked_at(page, lang, "placing", (TITLE, PARTY))
    await page.locator("fieldset").nth(0).locator("label.rung").nth(0).click()
    await page.locator("fieldset").nth(1).locator("label.rung").nth(2).click()
    await send.click()
    await expect(page.get_by_text(t("web.placed"), exact=False).first).to_be_visible()
    await looked_at(page, lang, "placed", (TITLE,))
    core_api.open_for_placement(service, walk.z)
    await expect(page.get_by_text(t("web.not_involved"))).to_be_visible(timeout=10_000)
    await looked_at(page, lang, "not-involved")
    core_api.open_for_placement(service, walk.x)
    service.reveal(walk.x)
    await expect(page.get_by_role("heading", name=t("web.revealed"))).to_be_visible(timeout=10_000)
    await looked_at(page, lang, "revealed", (PARTY, PERSON))
    service.agree(walk.x, current="cooperation", wished="collaboration")
    core_api.open_for_placement(service, None)
    await expect(page.get_by_text(t("web.just_agreed"))).to_be_visible(timeout=10_000)
    await looked_at(page, lang, "just-agreed", (TITLE,))


async def agreeing(page: Page, walk: Walk, t: Translator, lang: str) -> None:
    service = walk.service
    b = service.session.parties[1].id
    service.agree(walk.y, current="communication")
    service.add_expectation(walk.x, b, walk.party, "Report <b>broken</b> lamps 💡")
    service.set_phase("agree")
    await expect(page.get_by_role("heading", name=t("web.agenda.title"))).to_be_visible(timeout=10_000)
    await looked_at(page, lang, "agree", (TITLE, "Report <b>broken</b> lamps 💡"))
    block = page.locator(f"#a-{walk.x}")
    await block.get_by_label(t("web.commitment")).fill("We walk <b>the</b> street")  # typed, not sent
    await block.get_by_role("button", name=t("web.amend")).click()  # amended to nothing: refused
    refused = page.locator("#refused")
    await expect(refused).to_be_visible()
    assert await page.locator(".card.notice").count() == 0  # the page stays, with what was typed
    await expect(block.get_by_label(t("web.commitment"))).to_have_value("We walk <b>the</b> street")
    await looked_at(page, lang, "refused")
    await refused.get_by_role("button", name=t("web.refused.ok")).click()
    await expect(refused).to_be_hidden()
    await page.locator(f"#a-{walk.x}").get_by_role("button", name=t("web.sign_off")).click()
    await expect(page.get_by_role("button", name=t("web.signoff.yes"))).to_be_visible()
    await looked_at(page, lang, "signoff", (TITLE,))
    await page.get_by_role("button", name=t("web.signoff.yes")).click()
    await expect(page.get_by_role("button", name=t("web.withdraw"))).to_be_visible()
    await looked_at(page, lang, "signed")
    await page.get_by_role("link", name=t("web.leave")).click()
    await expect(page.get_by_role("button", name=t("web.leave.yes"))).to_be_visible()
    await looked_at(page, lang, "leave")
    await page.get_by_role("link", name=t("web.leave.no")).click()
    service.add_action("Fix <b>the</b> lamps 🔧", walk.party, activity_id=walk.x, due="2027-03-01")
    service.close_session()
    await expect(page.get_by_text(t("web.closed"))).to_be_visible(timeout=10_000)
    await looked_at(page, lang, "closed", (TITLE, "Fix <b>the</b> lamps 🔧"))
    await page.goto(walk.site + "handout")
    await looked_at(page, lang, "handout", (TITLE,))


@pytest.mark.parametrize("lang", ["et", "en"])
async def test_every_state_of_the_page_is_accessible_and_shows_text_as_typed(
    page: Page, walk: Walk, lang: str
) -> None:
    t = Translator(lang)
    await to_party_page(page, walk, t, lang)
    await placing(page, walk, t, lang)
    await agreeing(page, walk, t, lang)


async def test_a_device_waiting_to_be_let_in_is_accessible(page: Page, walk: Walk) -> None:
    walk.desk.set_admit_each(True)
    t = Translator("et")
    await page.goto(walk.site + "?lang=et&code=ABC234")
    await page.goto(walk.site + "?code=ABC234")
    await page.get_by_role("button", name=t("web.join.button")).click()
    await page.get_by_text(PARTY).click()
    await page.get_by_role("button", name=t("web.party.button")).click()
    await expect(page.get_by_text(t("web.waiting"))).to_be_visible()
    await looked_at(page, "et", "waiting", (PARTY,))


@pytest.mark.parametrize("lang", ["et", "en"])
async def test_the_follow_up_of_last_time_is_accessible(
    page: Page, library: SessionLibrary, lang: str
) -> None:
    """A session made from an earlier one: the party answers for its promises of last time."""
    earlier = library.create(find_scenario("community-safety"), "2026")
    party, town = earlier.add_party(PARTY), earlier.add_party("Town")
    lights = earlier.add_activity(TITLE, party_ids=[party, town])
    earlier.agree(lights, current="communication")
    earlier.add_commitment(lights, party, "We patrol <b>nightly</b> 🚓")
    service = library.create_from(earlier.session.id)
    service.set_phase("followup")
    server = TestServer(make_app(service, JoinDesk(code="ABC234")), host="127.0.0.1")
    await server.start_server()
    try:
        t = Translator(lang)
        site = str(server.make_url("/"))
        await page.goto(site + f"?lang={lang}")
        await page.goto(site + "?code=ABC234")
        await page.get_by_role("button", name=t("web.join.button")).click()
        await page.get_by_text(PARTY).click()
        await page.get_by_role("button", name=t("web.party.button")).click()
        await expect(page.get_by_role("heading", name=t("web.followup.heading"))).to_be_visible()
        await looked_at(page, lang, "followup", ("We patrol <b>nightly</b> 🚓",))
        await page.get_by_label(t("web.followup.note")).fill("Most <i>nights</i>")
        await page.get_by_role("button", name=t("followup.outcome.partly")).click()
        await expect(page.locator(".said", has_text="Most <i>nights</i>")).to_be_visible()
        await looked_at(page, lang, "followup-answered")
    finally:
        await server.close()
