"""A real browser at a phone's size: Playwright driving the distribution's Chromium.

Playwright downloads no browser here: it uses `executable_path` (CI installs Chromium
from Debian when missing). Without any Chromium the tests are skipped, saying why.
"""

from __future__ import annotations

import asyncio
import shutil
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestServer
from playwright.async_api import Locator, Page, Route, async_playwright, expect

from facilitator.web.joining import JoinDesk
from facilitator.web.server import make_app
from tests.web.conftest import Room

PHONE = {"width": 390, "height": 844}
CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium")


def chromium_path() -> str | None:
    for candidate in CANDIDATES:
        if Path(candidate).exists():
            return candidate
    return shutil.which("chromium")


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        chromium_path() is None,
        reason="no Chromium found (/usr/bin/chromium): install it with 'apt-get install -y chromium'",
    ),
]


@pytest.fixture
async def site(room: Room) -> AsyncIterator[str]:
    server = TestServer(make_app(room.service, JoinDesk(code="ABC234")), host="127.0.0.1")
    await server.start_server()
    yield str(server.make_url("/"))
    await server.close()


@dataclass
class Phone:
    page: Page
    problems: list[str] = field(default_factory=list)  # script errors, CSP reports, outside requests


@asynccontextmanager
async def phone_browser(
    viewport: dict[str, int] | None = None, scale: int = 2, init: str = "", **options: Any
) -> AsyncIterator[Page]:
    """A page in the distribution's Chromium as a phone shows it (touch, its size and pixel
    ratio); `init`: a script run in every document before the page's own."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium_path())
        context = await browser.new_context(
            viewport=viewport or PHONE, is_mobile=True, has_touch=True, device_scale_factor=scale, **options
        )
        if init:
            await context.add_init_script(init)
        yield await context.new_page()
        await browser.close()


@pytest.fixture
async def phone(site: str) -> AsyncIterator[Phone]:
    async with phone_browser(locale="en-GB") as page:
        made = Phone(page)
        problems = made.problems
        made.page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
        made.page.on("pageerror", lambda e: problems.append(str(e)))
        made.page.on("request", lambda r: None if r.url.startswith(site) else problems.append(r.url))
        yield made


async def join_as(page: Page, site: str, party: str, name: str) -> None:
    await page.goto(site + "?code=ABC234")
    await expect(page.get_by_label("Join code")).to_have_value("ABC234")
    await page.get_by_role("button", name="Join").click()
    await page.get_by_text(party, exact=True).click()
    await page.get_by_label("Your name").fill(name)
    await page.get_by_role("button", name="Continue").click()


async def at_the_commitment(page: Page, site: str, room: Room) -> Locator:
    """Joined as the Police in the roles phase of an agreed activity: its commitment field."""
    await join_as(page, site, "Police", "")
    room.service.agree(room.x, current="cooperation")  # a party answers once the rung is agreed
    room.service.set_phase("agree")
    commitment = page.get_by_label("A commitment of your party")
    await expect(commitment).to_be_visible(timeout=3000)
    return commitment


async def test_join_place_see_placed_then_the_reveal(phone: Phone, site: str, room: Room) -> None:
    page = phone.page
    await join_as(page, site, "Police", "Mari")
    await expect(page.get_by_role("heading", name="Street lights")).to_be_visible()
    now = page.locator("fieldset", has_text="Where is it now?")
    wished = page.locator("fieldset", has_text="Where should it be?")
    await expect(now.locator("label.rung")).to_have_count(4)
    box = await now.locator("label.rung").first.bounding_box()
    assert box is not None and box["height"] >= 48 and box["width"] >= 140  # large touch targets, two columns
    await now.get_by_text("2. Cooperation").click()
    await wished.get_by_text("4. Collaboration").click()
    await page.get_by_role("button", name="Send placement").click()
    await expect(page.get_by_role("status")).to_have_text("✓ Placed")
    assert [(p.current, p.wished) for p in room.service.session.placements] == [
        ("cooperation", "collaboration")
    ]
    await expect(page.get_by_text("Everyone's placements")).to_have_count(0)

    # Another party places: this phone never shows it before the reveal.
    room.service.place(room.x, room.b, "communication", "coordination")
    await expect(page.get_by_text("Placed: 2 of 2 parties")).to_be_visible(timeout=3000)
    assert "1. Communication" not in await page.locator("table").all_inner_texts()

    started = time.monotonic()
    room.service.reveal(room.x)  # the facilitator, through the service
    table = page.locator("table.shown")
    await expect(table).to_be_visible(timeout=3000)
    took = time.monotonic() - started
    await expect(table).to_contain_text("Municipality")
    await expect(table).to_contain_text("1. Communication")
    await expect(table).to_contain_text("2. Cooperation")
    room.service.agree(room.x, current="cooperation", wished="collaboration")
    await expect(page.get_by_text("Agreed rung: 2. Cooperation")).to_be_visible(timeout=3000)
    assert took < 1.5, f"the reveal took {took:.2f} s to show"
    assert phone.problems == []  # no CSP violation, no script error, nothing fetched from elsewhere


async def test_answer_an_expectation(phone: Phone, site: str, room: Room) -> None:
    page = phone.page
    await join_as(page, site, "Police", "")
    room.service.agree(room.x, current="cooperation")  # a party answers once the rung is agreed
    room.service.set_phase("agree")
    room.service.add_expectation(room.x, room.b, room.a, "Report <b>broken</b> lights")
    await expect(page.get_by_text("Report <b>broken</b> lights")).to_be_visible(timeout=3000)
    await page.get_by_label("New wording").fill("Report within a week")
    await page.get_by_role("button", name="Amend").click()
    await expect(page.get_by_text("amended: Report within a week")).to_be_visible()
    (answered,) = room.service.session.expectations
    assert (answered.state, answered.response) == ("amended", "Report within a week")
    await page.get_by_role("button", name="Sign off the agreement").click()
    await page.get_by_role("button", name="Sign off", exact=True).click()  # a sign-off asks first
    await expect(page.get_by_text("✓ Signed off")).to_be_visible()
    assert phone.problems == []


async def test_typing_survives_a_live_update(phone: Phone, site: str, room: Room) -> None:
    page = phone.page
    field = await at_the_commitment(page, site, room)
    await field.fill("We will walk the street")
    room.service.add_expectation(room.x, room.b, room.a, "Something new")
    await expect(page.get_by_text("Something new")).to_be_visible(timeout=3000)
    await expect(page.get_by_label("A commitment of your party")).to_have_value("We will walk the street")


async def test_a_sent_form_is_answered_with_the_live_part_no_page_load(
    phone: Phone, site: str, room: Room
) -> None:
    """What was sent leaves its field; what is typed in another form stays; the page is not
    loaded again (the server answers the script with the live part, not a redirect)."""
    page = phone.page
    commitment = await at_the_commitment(page, site, room)
    expectation = page.get_by_label("What you expect", exact=True)
    await expectation.fill("Tell us first")
    await commitment.fill("We will walk the street")
    loads: list[str] = []
    page.on("load", lambda _page: loads.append("load"))
    await page.get_by_role("button", name="Add commitment").click()
    await expect(page.get_by_text("We will walk the street")).to_be_visible()
    await expect(page.get_by_label("A commitment of your party")).to_have_value("")
    await expect(page.get_by_label("What you expect", exact=True)).to_have_value("Tell us first")
    assert [c.text for c in room.service.session.commitments] == ["We will walk the street"]
    assert loads == []
    assert phone.problems == []


async def test_a_form_answer_overtaken_by_news_does_not_take_the_page_back(
    phone: Phone, site: str, room: Room
) -> None:
    """The answer to a sent form is the live part as it was then; when the stream brought a
    newer one first (slow Wi-Fi), the page must not go back to the older one and stay there
    (another party's change vanished until the next change)."""
    page = phone.page
    commitment = await at_the_commitment(page, site, room)
    answered, release = asyncio.Event(), asyncio.Event()

    async def hold(route: Route) -> None:
        if route.request.method != "POST":
            await route.continue_()
            return
        response = await route.fetch()  # the server answered: its part is the older one
        answered.set()
        await release.wait()
        await route.fulfill(response=response)

    await page.route("**/*", hold)
    await commitment.fill("We will walk the street")
    await page.get_by_role("button", name="Add commitment").click()
    await asyncio.wait_for(answered.wait(), 10)
    room.service.add_expectation(room.x, room.b, room.a, "Something new")
    await expect(page.get_by_text("Something new")).to_be_visible(timeout=3000)
    release.set()
    await expect(commitment).to_have_value("")  # the form's answer arrived and was shown
    await expect(page.get_by_text("We will walk the street")).to_be_visible()
    await expect(page.get_by_text("Something new")).to_be_visible(timeout=3000)
    assert phone.problems == []


# ----------------------------------------------------------------- the room's rules on the phone


async def test_the_phone_says_the_facilitator_changed_its_placement(
    phone: Phone, site: str, room: Room
) -> None:
    page = phone.page
    await join_as(page, site, "Police", "Mari Tamm")
    now = page.locator("fieldset", has_text="Where is it now?")
    wished = page.locator("fieldset", has_text="Where should it be?")
    await now.get_by_text("2. Cooperation").click()
    await wished.get_by_text("4. Collaboration").click()
    await page.get_by_role("button", name="Send placement").click()
    await expect(page.get_by_text("✓ Placed")).to_be_visible()
    room.service.place(room.x, room.a, "coordination", "coordination")  # the facilitator, in the app
    changed = page.get_by_text(
        "The facilitator changed this placement, which Mari Tamm had sent from a phone."
    )
    await expect(changed).to_be_visible(timeout=3000)  # a live update: no reload
    assert phone.problems == []


async def test_forms_wait_for_the_agreed_rung(phone: Phone, site: str, room: Room) -> None:
    page = phone.page
    await join_as(page, site, "Police", "Mari Tamm")
    room.service.set_phase("agree")
    await expect(page.get_by_text("“Street lights” has no agreed rung yet")).to_be_visible(timeout=3000)
    await expect(page.get_by_label("A commitment of your party")).to_have_count(0)
    room.service.agree(room.x, current="cooperation")
    await expect(page.get_by_label("A commitment of your party")).to_be_visible(timeout=3000)
    assert phone.problems == []


async def test_the_workshop_closing_brings_the_handout_link_and_the_steps_live(
    phone: Phone, site: str, room: Room
) -> None:
    page = phone.page
    await join_as(page, site, "Police", "Mari Tamm")
    await expect(page.get_by_text("Open for placing")).to_be_visible()
    room.service.add_action("Call the school", room.a, due="2027-02-01")
    room.service.close_session()  # the facilitator, in the app
    await expect(page.get_by_text("The workshop is closed.")).to_be_visible(timeout=3000)  # no reload
    await expect(page.get_by_role("link", name="Your party's page")).to_be_visible()
    await expect(page.get_by_text("Call the school (due 2027-02-01)")).to_be_visible()
    assert phone.problems == []
