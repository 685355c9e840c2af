"""Live pages hear of changes soon, once for a burst, and only after the phones' answers."""

from __future__ import annotations

import asyncio

import pytest

from facilitator.web import news
from facilitator.web.news import LiveNews


@pytest.fixture(autouse=True)
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(news, "REFRESH_SECONDS", 0.05)
    monkeypatch.setattr(news, "HOLD_SECONDS", 0.2)


async def test_news_with_nothing_in_flight_is_told_at_once_then_at_most_every_refresh() -> None:
    told = LiveNews()
    told.session_changed()
    assert told.told == 1 and told.version == 1
    told.session_changed()
    told.session_changed()
    assert told.told == 1  # within the refresh: one later telling for both
    await asyncio.sleep(0.1)
    assert told.told == 2


async def test_news_waits_while_phones_changes_are_in_flight_and_comes_once_they_are_answered() -> None:
    told = LiveNews()
    with told.change_in_flight():
        with told.change_in_flight():
            told.session_changed()  # the first phone's batch is on disk, the second waits
            await asyncio.sleep(0.08)
            assert told.told == 0
        told.session_changed()
        assert told.told == 0
    assert told.told == 1  # the last answer made: the pages hear of both at once


async def test_news_held_by_a_steady_stream_of_changes_still_comes_within_the_hold() -> None:
    told = LiveNews()
    with told.change_in_flight():
        told.session_changed()
        await asyncio.sleep(0.1)
        assert told.told == 0
        await asyncio.sleep(0.2)
        assert told.told == 1  # not kept from the pages for ever


async def test_a_page_waiting_for_news_wakes_when_told_and_when_the_server_closes() -> None:
    told = LiveNews()
    waiting = asyncio.create_task(told.wait(told.version, 5))
    await asyncio.sleep(0.01)
    told.session_changed()
    await asyncio.wait_for(waiting, 1)
    waiting = asyncio.create_task(told.wait(told.version, 5))
    told.session_changed()  # within the refresh: due later
    told.close()
    await asyncio.wait_for(waiting, 1)
    assert told.closing and told.told == 2
    await asyncio.sleep(0.1)
    assert told.told == 2  # the news due when it closed is not told after
