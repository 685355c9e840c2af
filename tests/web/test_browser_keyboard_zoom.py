"""The phone's page without a touch screen and with large text, in a real browser.

Keyboard only (Tab to move, Space to choose, Enter to send): join, choose the party, place,
commit, expect of another party, answer, sign off (asked first), withdraw and leave, each
focused element with a visible focus ring. With the text at 200 % (the page's own size
doubled, as a phone's text-size setting does) and with the whole page zoomed to 200 % (the
phone's width halved): nothing wider than the phone, no text spilling out of its box, and
the party can still join, place and send. The long names of `test_browser_every_state`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from playwright.async_api import Locator, Page, expect

from facilitator.core.i18n import Translator
from facilitator.web import core_api
from tests.web.test_browser import PHONE, chromium_path, phone_browser
from tests.web.test_browser_every_state import PARTY, TITLE, Walk, screens, walk

__all__ = ["walk"]  # the long-named session's fixture

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(chromium_path() is None, reason="no Chromium found (/usr/bin/chromium)"),
]
T = Translator("et")
FOCUSED = "e => e === document.activeElement"
RING = """e => {
  const seen = e.matches('input[type=radio]') ? e.nextElementSibling : e;  // the box shows it
  const style = getComputedStyle(seen);
  return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
}"""
SPILLED = """width => [...document.querySelectorAll(
    'button, a, label, legend, h1, h2, h3, p, li, span, dt, dd, input, textarea')]
  .filter(e => e.offsetParent !== null)
  .filter(e => (e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0)
    || e.getBoundingClientRect().right > width + 1)
  .map(e => e.tagName + ': ' + (e.textContent || e.name).trim().slice(0, 40))"""
"""Elements whose text spills out of their box, or whose box sticks out past the phone's edge."""
TEXT_200 = (  # the page's own 112.5 % doubled, as a phone's text-size setting does
    "document.addEventListener('DOMContentLoaded', "
    "() => { document.documentElement.style.fontSize = '225%'; });"
)


@pytest.fixture
async def page() -> AsyncIterator[Page]:
    async with phone_browser() as made:
        yield made


async def tab_to(page: Page, target: Locator, limit: int = 80) -> None:
    """Tab (forward only) until `target` has the focus, which the person can see."""
    for _ in range(limit):
        await page.keyboard.press("Tab")
        if await target.evaluate(FOCUSED):
            assert await target.evaluate(RING), "the focused element shows no focus ring"
            return
    raise AssertionError(f"Tab never reached {target}")


async def press(page: Page, target: Locator, key: str = "Enter") -> None:
    await tab_to(page, target)
    await page.keyboard.press(key)


async def join_by_keyboard(page: Page, walk: Walk) -> None:
    await page.goto(walk.site + "?lang=et")
    await page.goto(walk.site + "?code=ABC234")
    await press(page, page.get_by_role("button", name=T("web.join.button")))
    await press(page, page.get_by_role("radio", name=PARTY), "Space")
    await tab_to(page, page.get_by_label(T("web.party.name")))
    await page.keyboard.type("Mari")
    await press(page, page.get_by_role("button", name=T("web.party.button")))
    await expect(page.get_by_text(T("web.not_started_hint"))).to_be_visible()


async def test_a_party_does_everything_by_keyboard(page: Page, walk: Walk) -> None:
    service = walk.service
    await join_by_keyboard(page, walk)
    service.set_phase("place")
    core_api.open_for_placement(service, walk.x)
    current, wished = page.locator("fieldset").nth(0), page.locator("fieldset").nth(1)
    await expect(current).to_be_visible(timeout=10_000)
    await press(page, current.get_by_role("radio").nth(0), "Space")
    await press(page, wished.get_by_role("radio").nth(0), "ArrowDown")  # arrows choose within the group
    await expect(wished.get_by_role("radio").nth(1)).to_be_checked()
    await press(page, page.get_by_role("button", name=T("web.send")))
    await expect(page.get_by_role("status").filter(has_text=T("web.placed"))).to_be_visible()
    assert [(p.current, p.wished) for p in service.session.placements] == [("communication", "cooperation")]
    service.reveal(walk.x)
    service.agree(walk.x, current="cooperation")
    b = service.session.parties[1].id
    service.add_expectation(walk.x, b, walk.party, "Report broken lamps")
    service.set_phase("agree")
    block = page.locator(f"#a-{walk.x}")
    await expect(block).to_be_visible(timeout=10_000)
    await press(page, block.get_by_role("button", name=T("web.accept")))
    await expect(block.get_by_text(T("web.state.accepted"))).to_be_visible()
    await tab_to(page, block.get_by_label(T("web.commitment")))
    await page.keyboard.type("We walk the street")
    await press(page, block.get_by_role("button", name=T("web.add_commitment")))
    await expect(block.get_by_text("We walk the street")).to_be_visible()
    await tab_to(page, block.get_by_label(T("web.expectation")))
    await page.keyboard.type("Fund the lamps")
    await press(page, block.get_by_role("button", name=T("web.add_expectation")))
    await expect(block.get_by_text("Fund the lamps")).to_be_visible()
    await press(page, block.get_by_role("button", name=T("web.sign_off")))
    await press(page, page.get_by_role("button", name=T("web.signoff.yes")))
    await press(page, page.locator(f"#a-{walk.x}").get_by_role("button", name=T("web.withdraw")))
    await expect(page.locator(f"#a-{walk.x}").get_by_role("button", name=T("web.sign_off"))).to_be_visible()
    kinds = [e.kind for e in service.session.events]
    assert kinds.count("signoff.given") == 1 and kinds.count("signoff.withdrawn") == 1
    assert [c.text for c in service.session.commitments] == ["We walk the street"]
    await press(page, page.get_by_role("link", name=T("web.leave")))
    await press(page, page.get_by_role("button", name=T("web.leave.yes")))
    await expect(page.get_by_label(T("web.join.code"))).to_be_visible()
    assert walk.desk.devices == {}


ZOOMS = {
    "text-200": ({"width": PHONE["width"], "height": PHONE["height"]}, 2, TEXT_200),
    "page-200": ({"width": PHONE["width"] // 2, "height": PHONE["height"] // 2}, 4, ""),
}


async def still_fits(page: Page, zoom: str, state: str) -> None:
    await screens(page, f"zoom-{zoom}-{state}")
    phone = ZOOMS[zoom][0]["width"]
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= phone, f"{zoom} {state}: the page is {width} px wide on a {phone} px phone"
    assert await page.evaluate(SPILLED, phone) == [], f"{zoom} {state}: text spills out of its box"


@pytest.mark.parametrize("zoom", ZOOMS)
async def test_at_200_percent_the_page_fits_and_works(walk: Walk, zoom: str) -> None:
    viewport, scale, init = ZOOMS[zoom]
    async with phone_browser(viewport, scale, init) as page:
        service = walk.service
        await page.goto(walk.site + "?lang=et")
        await page.goto(walk.site + "?code=ABC234")
        if init:
            assert await page.evaluate("getComputedStyle(document.body).fontSize") == "36px"
        await still_fits(page, zoom, "join")
        await page.get_by_role("button", name=T("web.join.button")).click()
        await expect(page.get_by_role("heading", name=T("web.party.title"))).to_be_visible()
        await still_fits(page, zoom, "party")
        await page.get_by_text(PARTY).click()
        await page.get_by_role("button", name=T("web.party.button")).click()
        service.set_phase("place")
        core_api.open_for_placement(service, walk.x)
        send = page.get_by_role("button", name=T("web.send"))
        await expect(send).to_be_visible(timeout=10_000)
        await expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
        await still_fits(page, zoom, "placing")
        await page.locator("fieldset").nth(0).locator("label.rung").nth(3).click()
        await page.locator("fieldset").nth(1).locator("label.rung").nth(3).click()
        await send.click()
        await expect(page.get_by_role("status").filter(has_text=T("web.placed"))).to_be_visible()
        await still_fits(page, zoom, "placed")
        assert [(p.current, p.wished) for p in service.session.placements] == [("collaboration",) * 2]
        service.reveal(walk.x)
        await expect(page.get_by_role("heading", name=T("web.revealed"))).to_be_visible(timeout=10_000)
        await still_fits(page, zoom, "revealed")
        service.agree(walk.x, current="cooperation")
        service.add_expectation(walk.x, service.session.parties[1].id, walk.party, "Report lamps")
        service.set_phase("agree")
        amend = page.get_by_role("button", name=T("web.amend"))
        await expect(amend).to_be_visible(timeout=10_000)
        await still_fits(page, zoom, "agree")
        await page.get_by_label(T("web.response")).fill("Report lamps by May")
        await amend.click()
        await expect(page.get_by_text("Report lamps by May")).to_be_visible()
        service.close_session()
        await expect(page.get_by_text(T("web.closed"))).to_be_visible(timeout=10_000)
        await still_fits(page, zoom, "closed")
