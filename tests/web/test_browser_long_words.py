"""Long unbroken words (a pasted address, a name typed without spaces) in a real browser: every
page wraps them at its own width, so nothing is cut off on paper or pushed off a phone's screen.

Before, one 80-character party name made the phone page 1,183 pixels wide (the phone zooms
out until nothing is readable) and a long description made the report and the handouts wider
than an A4 page, so their printed right edge was lost.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestServer
from playwright.async_api import Browser, Page, async_playwright
from playwright.async_api import TimeoutError as PlaywrightTimeout

from facilitator.core.demo import create_demo
from facilitator.core.history import history
from facilitator.core.i18n import Translator
from facilitator.core.library import SessionLibrary
from facilitator.core.reports import export_files
from facilitator.core.reports.history_report import render_history
from facilitator.core.reports.html import LONG
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService
from facilitator.web import core_api
from facilitator.web.joining import JoinDesk
from facilitator.web.server import make_app
from tests.web.test_browser import PHONE, chromium_path

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(chromium_path() is None, reason="no Chromium found (/usr/bin/chromium)"),
]

A4_TEXT_WIDTH = 718  # pixels at 96 dpi between the handout's 14 mm print margins


@pytest.fixture
def long_words(service: SessionService) -> SessionService:
    """A session whose every kind of text is one word as long as the core allows."""
    police = service.add_party("P" * 80)
    youth = service.add_party("Y" * 80)
    service.add_participant("N" * 80, police)
    activity = service.add_activity("W" * 200, description="D" * 4000, party_ids=[police, youth])
    service.update_session(place="L" * 200)
    service.add_commitment(activity, police, "C" * 4000)
    service.add_expectation(activity, police, youth, "E" * 4000)
    service.add_action("A" * 4000, police, activity_id=activity, due="2026-12-31")
    service.set_phase("place")
    core_api.open_for_placement(service, activity)
    return service


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=chromium_path())
        yield launched
        await launched.close()


async def overflow(page: Page) -> list[str]:
    """The elements that reach past the page's right edge (but in a box that scrolls sideways on
    a screen, a table's), and the page's own width."""
    found: list[str] = await page.evaluate(
        """() => {
            const edge = document.documentElement.clientWidth + 1;
            // a table wider than a phone scrolls sideways in its own box: that box must fit
            const scrolled = e => getComputedStyle(e.parentElement.closest('.wide') || document.body)
                .overflowX === 'auto';
            const wide = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > edge && !scrolled(e))
                .map(e => `${e.tagName}.${e.className} to ${Math.round(e.getBoundingClientRect().right)}`);
            const width = document.documentElement.scrollWidth;
            return width > edge ? [`page ${width} wide`, ...wide.slice(0, 5)] : wide.slice(0, 5);
        }"""
    )
    return found


async def test_reports_and_handouts_wrap_long_words(
    browser: Browser, long_words: SessionService, library: SessionLibrary, tmp_path: Path
) -> None:
    pages = {
        **export_files(long_words, "html"),
        **export_files(long_words, "handouts"),
        "history.html": render_history(
            history(library.series(long_words.path.stem)), "html", Translator("en"), "2026-12-07T10:00"
        ),
    }
    assert len(pages) == 4
    for width, media in (
        (PHONE["width"], "screen"),
        (420, "screen"),
        (1000, "screen"),
        (A4_TEXT_WIDTH, "print"),
    ):
        page = await browser.new_page(viewport={"width": width, "height": 900})
        await page.emulate_media(media=media)
        for name, content in pages.items():
            path = tmp_path / name
            path.write_bytes(content)
            await page.goto(path.as_uri())
            assert await overflow(page) == [], f"{name} at {width} px ({media})"
        await page.close()


ORDINARY = 25
"""The longest ordinary word: Estonian compounds run long ("piirkonnapolitseinikuga", 23 letters
in the demo); a word of `html.LONG` letters or more may break anywhere."""
assert ORDINARY < LONG

BROKEN_WORDS = r"""(longest) => {
    const broken = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement.closest('svg')) continue;  // a drawing places its own lines
        for (const word of node.data.matchAll(/[\p{L}\p{N}]+/gu)) {
            if (word[0].length > longest) continue;
            const range = document.createRange();
            range.setStart(node, word.index);
            range.setEnd(node, word.index + word[0].length);
            const rects = [...range.getClientRects()].filter(r => r.width > 0);
            const lines = new Set(rects.map(r => Math.round(r.top)));
            const where = node.parentElement.closest('td, th, dd, dt, li, p, h1, h2, h3, h4');
            if (lines.size > 1) broken.push(`${word[0]} in ${where?.tagName}`);
        }
    }
    return broken.slice(0, 10);
}"""
"""The words no longer than `longest` letters that the page shows split over two lines (a drawing
aside)."""


@pytest.mark.parametrize("lang", ["en", "et"])
async def test_reports_and_handouts_never_break_an_ordinary_word(
    browser: Browser, library: SessionLibrary, tmp_path: Path, lang: str
) -> None:
    """The demo's report and handouts at a phone's and a desk's width: no ordinary word split
    mid-word ("Partn|er", "Communicati|on" in the handouts' tables, "Piirkonnapolitseinik|u" when
    a word of 21 letters counted as long), and nothing reaches past the page (a wide table
    scrolls by itself, in a box that a keyboard reaches and scrolls and a screen reader names)."""
    scenario = find_scenario({"en": "community-safety", "et": "kogukondlik-turvalisus"}[lang])
    demo = create_demo(library, scenario)
    pages = {**export_files(demo, "html", lang=lang), **export_files(demo, "handouts", lang=lang)}
    scrolled_by_keys: list[bool] = []
    for width in (420, 1000):
        page = await browser.new_page(viewport={"width": width, "height": 900})
        for name, content in pages.items():
            path = tmp_path / name
            path.write_bytes(content)
            await page.goto(path.as_uri())
            assert await page.evaluate(BROKEN_WORDS, ORDINARY) == [], f"{name} at {width} px"
            wider = await page.evaluate("document.documentElement.scrollWidth - innerWidth")
            assert wider <= 0, f"{name} at {width} px is {wider} px wider than the window"
            scrolling = await page.evaluate(SCROLL_BOXES)
            for box in scrolling:
                assert box["tabindex"] == "0" and box["role"] == "region" and box["name"], (name, box)
            if scrolling:
                scrolled_by_keys.append(await scrolls_by_keyboard(page))
        await page.close()
    assert scrolled_by_keys and all(scrolled_by_keys), scrolled_by_keys  # a table at 420 px does scroll


SCROLL_BOXES = """() => [...document.querySelectorAll('.wide')]
    .filter(box => box.scrollWidth > box.clientWidth)
    .map(box => ({tabindex: box.getAttribute('tabindex'), role: box.getAttribute('role'),
                  name: (box.getAttribute('aria-label') || '').trim()}))"""
"""The boxes that scroll a table sideways (axe-core's "scrollable-region-focusable": each must
take the focus, so a keyboard can scroll it, and be a region with a name for a screen reader)."""


async def scrolls_by_keyboard(page: Page) -> bool:
    """Tab reaches the first box that scrolls sideways, and the right arrow key scrolls it."""
    for _ in range(60):
        await page.keyboard.press("Tab")
        focused = await page.evaluate(
            "(() => { const e = document.activeElement;"
            " return !!e && e.classList.contains('wide') && e.scrollWidth > e.clientWidth; })()"
        )
        if focused:
            await page.keyboard.press("ArrowRight")
            try:  # the browser may scroll smoothly
                await page.wait_for_function("() => document.activeElement.scrollLeft > 0", timeout=3000)
            except PlaywrightTimeout:
                return False
            return True
    return False


async def test_the_phone_page_wraps_long_names(browser: Browser, long_words: SessionService) -> None:
    server = TestServer(make_app(long_words, JoinDesk(code="ABC234")), host="127.0.0.1")
    await server.start_server()
    try:
        context = await browser.new_context(viewport=PHONE, is_mobile=True, locale="en-GB")
        page = await context.new_page()
        await page.goto(str(server.make_url("/?code=ABC234")))
        await page.get_by_role("button", name="Join").click()
        await page.get_by_text("P" * 80, exact=True).click()
        assert await overflow(page) == [], "choosing a party"
        await page.get_by_label("Your name").fill("N" * 80)
        await page.get_by_role("button", name="Continue").click()
        await page.get_by_text("W" * 200).wait_for()
        assert await overflow(page) == [], "placing"
    finally:
        await server.close()
