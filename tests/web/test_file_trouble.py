"""The session's file goes away or breaks while phones are joined: the phone pages say at once that
the facilitator's computer can't save right now, not only when someone sends something."""

from __future__ import annotations

import asyncio

import pytest

from facilitator.core.i18n import Translator
from tests.test_store import make_unreadable
from tests.web.conftest import Room, Server
from tests.web.test_batched_writes import joined


@pytest.mark.parametrize("how", ["deleted", "corrupt", "newer"])
async def test_the_phones_are_told_at_once(server: Server, room: Room, how: str) -> None:
    police = await joined(server, room.a)
    said = {lang: Translator(lang)("web.cannot_save").replace("'", "&#39;") for lang in ("en", "et")}
    _, live = await police.get("/live")
    assert said["en"] not in live
    _, before = await police.get("/version")
    make_unreadable(room.service.path, how)
    for _ in range(100):  # the watcher's look wakes the live pages: the version moves
        _, now = await police.get("/version")
        if now != before:
            break
        await asyncio.sleep(0.05)
    assert now != before
    _, live = await police.get("/live")
    assert said["en"] in live
    _, page = await police.get("/?lang=et")
    assert said["et"] in page
