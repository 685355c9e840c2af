"""A real phone (Chromium at 390×844) against the real server: its party is its own, a
restart keeps it joined, a form sent while the server is away is sent when it is back."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
from playwright.async_api import Page, async_playwright, expect

from facilitator.core.service import SessionService
from facilitator.web.running import WebServer
from tests.web.conftest import Room
from tests.web.test_browser import PHONE, chromium_path, pytestmark  # noqa: F401 (slow, needs Chromium)

SHOTS = os.environ.get("FACILITATOR_SHOTS")  # a folder: save what the phone showed, to look at


@dataclass
class Site:
    """The participants' server as `serve` and the app run it, restartable on its port."""

    room: Room
    server: WebServer
    port: int = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    async def start(self) -> None:
        binding = await self.server.start("127.0.0.1", self.port)
        self.port = binding.port

    async def restart(self) -> None:
        """Stopped, then a new server over a new service, as after quitting and reopening."""
        await self.server.stop()
        self.server = WebServer(SessionService(self.room.service.path))
        await self.start()


@pytest.fixture
async def site(room: Room) -> AsyncIterator[Site]:
    made = Site(room, WebServer(room.service))
    await made.start()
    yield made
    await made.server.stop()


@pytest.fixture
async def page() -> AsyncIterator[Page]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium_path())
        context = await browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="en-GB")
        yield await context.new_page()
        await browser.close()


async def join(page: Page, site: Site, party: str, name: str) -> None:
    await page.goto(site.url + "?code=" + site.server.desk.code)
    await page.get_by_role("button", name="Join").click()
    await page.get_by_text(party, exact=True).click()
    await page.get_by_label("Your name").fill(name)
    await page.get_by_role("button", name="Continue").click()
    await expect(page.get_by_text(f"Your party: {party}")).to_be_visible()


async def shot(page: Page, name: str) -> None:
    if SHOTS:
        await page.screenshot(path=os.path.join(SHOTS, f"{name}.png"))


async def test_a_phone_that_tries_to_switch_party_is_refused(page: Page, site: Site, room: Room) -> None:
    await join(page, site, "Police", "Mari")
    await shot(page, "phone-place")
    # What a hostile page script would do: post the party form again, with its own token.
    await page.evaluate(
        """party => {
            const form = document.createElement("form");
            form.method = "post";
            form.action = "/party";
            for (const [name, value] of [["csrf", document.querySelector("input[name=csrf]").value],
                                         ["party", party], ["name", "Jaan"]]) {
                const field = document.createElement("input");
                field.type = "hidden"; field.name = name; field.value = value;
                form.appendChild(field);
            }
            document.body.appendChild(form);
            form.requestSubmit();
        }""",
        room.b,
    )
    await expect(page.get_by_text("Only the facilitator can move a device")).to_be_visible()
    await shot(page, "phone-switch-refused")
    (device,) = site.server.desk.listed()
    assert (device.party_id, device.name) == (room.a, "Mari")
    await page.get_by_role("button", name="OK").click()  # said over the page, which stays as it was
    await expect(page.get_by_text("Your party: Police")).to_be_visible()


async def test_after_a_restart_the_phone_is_still_joined(page: Page, site: Site, room: Room) -> None:
    await join(page, site, "Police", "Mari")
    port = site.port
    await site.restart()
    assert site.port == port  # the session keeps its port
    await page.reload()
    await expect(page.get_by_text("Your party: Police")).to_be_visible()
    await expect(page.get_by_role("heading", name="Street lights")).to_be_visible()
    await page.locator("fieldset", has_text="Where is it now?").get_by_text("2. Cooperation").click()
    await page.locator("fieldset", has_text="Where should it be?").get_by_text("3. Coordination").click()
    await page.get_by_role("button", name="Send placement").click()
    await expect(page.get_by_role("status").filter(has_text="Placed")).to_be_visible()
    assert [p.party_id for p in room.service.session.placements] == [room.a]


async def test_a_form_sent_while_the_server_is_down_is_sent_when_it_is_back(
    page: Page, site: Site, room: Room
) -> None:
    await join(page, site, "Police", "Mari")
    room.service.agree(room.x, current="cooperation")  # a party answers once the rung is agreed
    room.service.set_phase("agree")
    field = page.get_by_label("A commitment of your party")
    await expect(field).to_be_visible(timeout=3000)
    await field.fill("We will walk the street every Friday")
    await site.server.stop()
    await field.scroll_into_view_if_needed()
    await page.get_by_role("button", name="Add commitment").click()
    pending = page.locator("#pending")
    await expect(pending).to_be_visible()
    await expect(page.locator("#offline")).to_be_visible(timeout=5000)
    box = await page.locator("#offline").bounding_box()
    assert box is not None and 0 <= box["y"] < 120  # at the top of the screen, where it is seen
    await shot(page, "phone-offline")
    assert room.service.session.commitments == ()

    await site.restart()
    await expect(page.get_by_text("We will walk the street every Friday")).to_be_visible(timeout=10_000)
    await expect(pending).to_be_hidden()
    assert [c.text for c in room.service.session.commitments] == ["We will walk the street every Friday"]
    await page.reload()  # sent once, not again
    await expect(page.get_by_text("We will walk the street every Friday")).to_have_count(1)
    assert len(room.service.session.commitments) == 1


async def test_a_new_device_waits_for_the_facilitator_then_takes_part(
    page: Page, site: Site, room: Room
) -> None:
    site.server.desk.set_admit_each(True)
    await join(page, site, "Police", "Mari")
    await expect(page.get_by_text("Waiting for the facilitator to let this device in")).to_be_visible()
    await expect(page.get_by_role("button", name="Send placement")).to_have_count(0)
    await shot(page, "phone-waiting")
    assert site.server.desk.admit_waiting() == 1  # the join panel's `a`
    site.server.state.poke()
    await expect(page.get_by_role("button", name="Send placement")).to_be_visible(timeout=3000)
