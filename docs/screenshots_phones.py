"""Make the README's pictures of phones taking part: run from the repository root.

    python docs/screenshots_phones.py

Builds a small English session in a temporary folder, serves it on loopback, and drives
the distribution's Chromium (Playwright, /usr/bin/chromium) at a phone's size, 390×844:
docs/phone-join.png, docs/phone-place.png, docs/phone-reveal.png, docs/phone-expectations.png.
Then the app's join panel at 120×40 as docs/join-panel.svg (with a fixed join code).
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from aiohttp.test_utils import TestServer
from playwright.async_api import Page, async_playwright

from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService
from facilitator.ui.app import create_app
from facilitator.web.joining import JoinDesk
from facilitator.web.server import make_app

DOCS = Path(__file__).resolve().parent
CODE = "K7M3PX"


def make_session(library: SessionLibrary) -> tuple[SessionService, dict[str, str], str, str]:
    service = library.create(find_scenario("community-safety"), "Safer evenings in Kalamaja", place="Tallinn")
    names = ("Police", "Municipality", "Youth workers", "Residents' association")
    parties = {name: service.add_party(name) for name in names}
    walks = service.add_activity(
        "Evening walks in the park",
        description="Police and youth workers walk the park together on Friday evenings.",
        party_ids=[parties["Police"], parties["Youth workers"], parties["Residents' association"]],
    )
    lights = service.add_activity(
        "Lights on the dark paths",
        party_ids=[parties["Municipality"], parties["Police"], parties["Residents' association"]],
    )
    service.set_phase("place")
    service.open_placement(walks)
    return service, parties, walks, lights


async def shoot(page: Page, name: str) -> None:
    await page.screenshot(path=str(DOCS / name), full_page=False)
    print("wrote", DOCS / name)


async def phone_pictures(service: SessionService, parties: dict[str, str], walks: str, lights: str) -> None:
    server = TestServer(make_app(service, JoinDesk(code=CODE)), host="127.0.0.1")
    await server.start_server()
    base = str(server.make_url("/"))
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path="/usr/bin/chromium")
            context = await browser.new_context(
                viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, device_scale_factor=2
            )
            page = await context.new_page()
            await page.goto(base + f"?code={CODE}")
            await shoot(page, "phone-join.png")
            await page.get_by_role("button", name="Join").click()
            await page.get_by_text("Youth workers", exact=True).click()
            await page.get_by_label("Your name").fill("Kertu")
            await page.get_by_role("button", name="Continue").click()
            service.place(walks, parties["Police"], "communication", "cooperation")
            now = page.locator("fieldset", has_text="Where is it now?")
            wished = page.locator("fieldset", has_text="Where should it be?")
            await now.get_by_text("2. Cooperation").click()
            await wished.get_by_text("4. Collaboration").click()
            await page.get_by_role("button", name="Send placement").click()
            await page.get_by_role("status").wait_for()
            await shoot(page, "phone-place.png")

            service.place(walks, parties["Residents' association"], "communication", "coordination")
            service.reveal(walks)
            service.agree(walks, current="cooperation", wished="coordination")
            await page.get_by_text("Agreed rung: 2. Cooperation").wait_for(timeout=5000)
            await page.locator("#live-root .activity").scroll_into_view_if_needed()
            await shoot(page, "phone-reveal.png")

            service.open_placement(None)
            service.set_phase("agree")
            police, youth = parties["Police"], parties["Youth workers"]
            service.add_expectation(walks, police, youth, "Tell us a day ahead which evenings you walk")
            service.add_commitment(walks, youth, "We will bring two youth workers each Friday")
            await page.get_by_text("Tell us a day ahead").wait_for(timeout=5000)
            await page.get_by_label("New wording").fill("Tell us by Wednesday which evenings you walk")
            await shoot(page, "phone-expectations.png")
            await browser.close()
    finally:
        await server.close()


async def join_phone(base: str, party: str, name: str) -> None:
    """A phone joins the panel's server (loopback), as a participant would."""
    import re

    import aiohttp

    token = re.compile(r'name="csrf" value="([^"]+)"')
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        async with http.get(base) as response:
            found = token.search(await response.text())
        assert found is not None
        async with http.post(base + "join", data={"code": CODE, "csrf": found.group(1)}) as response:
            found = token.search(await response.text())
        assert found is not None
        async with http.post(base + "party", data={"party": party, "name": name, "csrf": found.group(1)}):
            pass


async def panel_picture(library: SessionLibrary, service: SessionService) -> None:
    from facilitator.web import running
    from facilitator.web.running import WebServer

    # "The local network" is 127.0.0.2 here, named as a venue's address: the picture shows
    # the QR code without listening beyond this machine.
    running.LAN_HOST = "127.0.0.2"
    running.lan_address = lambda: "192.168.1.23"

    fresh = SessionService(service.path)
    fresh.open_placement(None)
    app = create_app(library, session_path=service.path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.participants = WebServer(fresh, JoinDesk(code=CODE))
        await pilot.press("j")
        for _ in range(100):
            await pilot.pause(0.05)
            screen = app.screen
            if getattr(screen, "_ready", False):
                break
        await pilot.press("n")
        for _ in range(100):
            await pilot.pause(0.05)
            binding = app.participants.binding
            if binding is not None and binding.on_lan:
                break
        assert binding is not None
        base = f"http://{binding.host}:{binding.port}/"
        people = [("Police", "Mari"), ("Youth workers", "Kertu"), ("Residents' association", "")]
        for party_name, person in people:
            party = next(p.id for p in fresh.session.parties if p.name == party_name)
            await join_phone(base, party, person)
        await pilot.pause(1.0)
        path = app.save_screenshot(filename="join-panel.svg", path=str(DOCS))
        print("wrote", path)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        library = SessionLibrary(Path(folder))
        service, parties, walks, lights = make_session(library)
        asyncio.run(phone_pictures(service, parties, walks, lights))
        asyncio.run(panel_picture(library, service))


if __name__ == "__main__":
    main()
