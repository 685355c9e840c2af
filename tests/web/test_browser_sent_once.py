"""In a real browser: a form whose answer was lost (the change landed, the Wi-Fi dropped the
answer) is sent again by the page's script, and the server applies it once."""

from __future__ import annotations

from playwright.async_api import Route, expect

from facilitator.core.service import SessionService
from tests.web.conftest import Room
from tests.web.test_browser import Phone, at_the_commitment, phone, pytestmark, site

__all__ = ["phone", "pytestmark", "site"]  # the browser's fixtures and marks


def commitments(service: SessionService) -> list[str]:
    return [c.text for c in service.session.commitments]


async def test_a_commitment_whose_answer_was_lost_is_there_once(phone: Phone, site: str, room: Room) -> None:
    page = phone.page
    commitment = await at_the_commitment(page, site, room)
    posts: list[str] = []

    async def lose_the_first_answer(route: Route) -> None:
        if route.request.method != "POST":
            await route.continue_()
            return
        posts.append(route.request.post_data or "")
        if len(posts) == 1:
            await route.fetch()  # the server applies it ...
            await route.abort("connectionreset")  # ... and its answer never arrives
        else:
            await route.continue_()

    await page.route("**/commitment", lose_the_first_answer)
    await commitment.fill("We will walk the street")
    await page.get_by_role("button", name="Add commitment").click()
    await expect(page.get_by_text("We will walk the street")).to_be_visible(timeout=10_000)
    await expect(commitment).to_have_value("", timeout=10_000)  # the resent form's answer
    assert len(posts) == 2 and "once=" in posts[0] and posts[0] == posts[1]
    assert commitments(room.service) == ["We will walk the street"]
