"""The phone page for the room, in a real browser at 390×844 on the Estonian demo.

The workshop's title on every page, a heading on every page, the rungs and Send on the
first screen, sign-off asking first and withdrawable, the roles page opening with the
party's activities (what waits for an answer first), the agreed rung reaching phones,
names in the page's own language, and axe-core's accessibility rules where axe is found
(`AXE_JS`, or `npm install --prefix .ci/node axe-core`, as `.ci/run` does). Screenshots go to
`FACILITATOR_SHOTS` when it is set, to be looked at.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestServer
from playwright.async_api import Page, expect

from facilitator.core.demo import create_demo
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService
from facilitator.web import core_api
from facilitator.web.joining import JoinDesk
from facilitator.web.server import make_app
from tests.web.test_browser import PHONE, chromium_path, phone_browser

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(chromium_path() is None, reason="no Chromium found (/usr/bin/chromium)"),
]
AXE = [
    Path(os.environ.get("AXE_JS") or "/nonexistent"),
    Path(__file__).parents[2] / ".ci/node/node_modules/axe-core/axe.min.js",
]
TITLE = "Kaasiku valla turvalisuse partnerid: näidistöötuba"


@pytest.fixture
def demo(tmp_path: Path) -> SessionService:
    return create_demo(SessionLibrary(tmp_path), find_scenario("kogukondlik-turvalisus"))


@pytest.fixture
async def site(demo: SessionService) -> AsyncIterator[str]:
    server = TestServer(make_app(demo, JoinDesk(code="ABC234")), host="127.0.0.1")
    await server.start_server()
    yield str(server.make_url("/"))
    await server.close()


@pytest.fixture
async def page(site: str) -> AsyncIterator[Page]:
    async with phone_browser(locale="et-EE", bypass_csp=True) as made:  # axe-core: a script of its own
        yield made


async def shot(page: Page, name: str) -> None:
    folder = os.environ.get("FACILITATOR_SHOTS")
    if folder:
        await page.screenshot(path=str(Path(folder) / f"{name}.png"))


async def has_title_and_heading(page: Page) -> None:
    await expect(page.locator("header .brand")).to_have_text(TITLE)
    await expect(page.locator("h1")).to_have_count(1)


async def join(page: Page, site: str, party: str) -> None:
    await page.goto(site + "?code=ABC234")
    await has_title_and_heading(page)
    await page.get_by_role("button", name="Liituge").click()
    await has_title_and_heading(page)
    await page.get_by_text(party, exact=True).click()
    await page.get_by_role("button", name="Edasi").click()


async def axe_violations(page: Page) -> list[str]:
    script = next((p for p in AXE if p.is_file()), None)
    if script is None:
        return []
    await page.add_script_tag(path=str(script))
    found = await page.evaluate(
        "async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'best-practice']}))"
        ".violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
    )
    return list(found)


def bottom(box: dict[str, float] | None) -> float:
    assert box is not None
    return box["y"] + box["height"]


async def test_the_rungs_and_send_are_on_the_first_screen(
    page: Page, site: str, demo: SessionService
) -> None:
    demo.set_phase("place")
    activity = next(a for a in demo.session.activities if a.title.startswith("Elanike teated"))
    core_api.open_for_placement(demo, activity.id)
    await join(page, site, "Korteriühistud")
    await has_title_and_heading(page)
    send = page.get_by_role("button", name="Saatke paigutus")
    await expect(send).to_be_visible()
    await shot(page, "place-first-screen")
    assert await page.evaluate("window.scrollY") == 0
    assert bottom(await send.bounding_box()) <= PHONE["height"]
    for label in await page.locator("label.rung").all():
        box = await label.bounding_box()
        assert box is not None and box["height"] >= 48 and bottom(box) <= PHONE["height"]
    await page.locator("fieldset", has_text="Kus see praegu on?").get_by_text("1. Kommunikatsioon").click()
    await page.locator("fieldset", has_text="Kus see peaks olema?").get_by_text("2. Kooperatsioon").click()
    assert await axe_violations(page) == []  # before sending: a send reloads the page
    await send.click()
    await expect(page.get_by_role("status")).to_have_text("✓ Paigutatud")


async def test_the_agreed_rung_reaches_the_phones(page: Page, site: str, demo: SessionService) -> None:
    """The app records the agreement and closes the placement at once; the phone still shows it."""
    demo.set_phase("place")
    activity = next(a for a in demo.session.activities if a.title.startswith("Elanike teated"))
    core_api.open_for_placement(demo, activity.id)
    await join(page, site, "Politsei")
    await expect(page.get_by_role("heading", name="Elanike teated politseile")).to_be_visible()
    demo.reveal(activity.id)
    demo.agree(activity.id, current="communication", wished="cooperation")
    core_api.open_for_placement(demo, None)  # as the placement screen does, 4 ms later
    await expect(page.get_by_text("Kokkulepitud aste: 1. Kommunikatsioon")).to_be_visible(timeout=5000)
    await expect(page.get_by_text("Äsja kokku lepitud")).to_be_visible()
    await shot(page, "just-agreed")
    other = next(a for a in demo.session.activities if a.title.startswith("Noored kaardistavad"))
    core_api.open_for_placement(demo, other.id)
    await expect(page.get_by_text("Äsja kokku lepitud")).to_have_count(0, timeout=5000)


async def test_the_roles_page_lists_what_waits_and_sign_off_asks_and_can_be_withdrawn(
    page: Page, site: str, demo: SessionService
) -> None:
    await join(page, site, "Kaasiku Kool")  # the school owes an answer in the youth meeting
    await has_title_and_heading(page)
    agenda = page.get_by_role("navigation", name="Teie osapoole tegevused")
    await expect(agenda).to_be_visible()
    first = agenda.locator("li").first
    await expect(first).to_contain_text("ootab teie vastust: 1")
    assert bottom(await agenda.bounding_box()) <= PHONE["height"] * 1.5
    await shot(page, "roles-agenda")
    assert await axe_violations(page) == []

    section = page.locator("section.agree", has_text="Koolitee ohtlike kohtade kaardistus")
    await expect(section.get_by_text("✓ Kinnitatud")).to_be_visible()
    await section.get_by_role("button", name="Võtke kinnitus tagasi").click()
    await expect(section.get_by_role("button", name="Kinnitage kokkulepe")).to_be_visible()
    activity = next(a for a in demo.session.activities if a.title.startswith("Koolitee"))
    school = next(p.id for p in demo.session.parties if p.name == "Kaasiku Kool")
    assert school not in {s.party_id for s in demo.session.signoffs_for(activity.id)}
    assert demo.session.events[-1].kind == "signoff.withdrawn"  # logged, with the device

    await section.get_by_role("button", name="Kinnitage kokkulepe").click()
    await has_title_and_heading(page)
    await expect(page.get_by_role("heading", level=1)).to_contain_text("Kas kinnitada")
    assert school not in {s.party_id for s in demo.session.signoffs_for(activity.id)}  # asked first
    await shot(page, "sign-off-asks")
    await page.get_by_role("button", name="Kinnitage", exact=True).click()
    await expect(section.get_by_text("✓ Kinnitatud")).to_be_visible()
    assert school in {s.party_id for s in demo.session.signoffs_for(activity.id)}

    await page.get_by_role("link", name="Lahkuge töötoast").click()
    await has_title_and_heading(page)


async def test_names_follow_the_page_language_and_noscript_says_how_to_refresh(
    page: Page, site: str, demo: SessionService
) -> None:
    await join(page, site, "Politsei")
    await expect(page.get_by_role("heading", level=1)).to_have_text("Rollid ja ootused")
    html = await page.content()
    assert "<noscript>" in html and "laadige leht uuesti" in html
    await page.get_by_role("link", name="English").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Roles and expectations")
    await expect(page.get_by_text("Agreed rung: 1. Communication").first).to_be_visible()


async def test_what_a_party_typed_on_several_lines_keeps_its_lines(
    page: Page, site: str, demo: SessionService
) -> None:
    """A commitment written on three lines showed on one line on the phone (the app and the
    reports keep the lines); an expectation's text and answer are shown the same way."""
    activity = next(a for a in demo.session.activities if a.title.startswith("Koolitee"))
    school = next(p.id for p in demo.session.parties if p.name == "Kaasiku Kool")
    demo.add_commitment(activity.id, school, "Esmaspäeval: kaart\nTeisipäeval: koosolek\nReedel: aruanne")
    await join(page, site, "Kaasiku Kool")
    said = page.locator("section.agree", has_text="Koolitee ohtlike kohtade kaardistus").locator(
        ".said", has_text="Esmaspäeval"
    )
    await expect(said).to_have_count(1)
    assert (await said.inner_text()).split("\n") == [
        "Esmaspäeval: kaart",
        "Teisipäeval: koosolek",
        "Reedel: aruanne",
    ]
    box = await said.bounding_box()
    assert box is not None and box["height"] > 2.5 * 16  # three lines drawn, not one
