"""Fixtures for the participants' web page: a small session and phones that join it."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from facilitator.core.service import SessionService
from facilitator.web import core_api
from facilitator.web.joining import JoinDesk
from facilitator.web.server import make_app

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@dataclass
class Room:
    """The session's ids: parties A, B, C; X involves A and B, Y involves B and C."""

    service: SessionService
    a: str
    b: str
    c: str
    x: str
    y: str


@pytest.fixture
def room(service: SessionService) -> Room:
    a = service.add_party("Police")
    b = service.add_party("Municipality")
    c = service.add_party("Residents")
    x = service.add_activity("Street lights", description="Fix the dark corners", party_ids=[a, b])
    y = service.add_activity("Youth nights", party_ids=[b, c])
    service.set_phase("place")
    core_api.open_for_placement(service, x)
    return Room(service, a, b, c, x, y)


class Phone:
    """One participant's browser: its own cookies; reads the form token off each page."""

    def __init__(self, session: aiohttp.ClientSession, base: str) -> None:
        self.http = session
        self.base = base
        self.csrf = ""

    async def get(self, path: str = "/") -> tuple[int, str]:
        async with self.http.get(self.base + path) as response:
            text = await response.text()
            found = CSRF.search(text)
            if found:
                self.csrf = found.group(1)
            return response.status, text

    async def post(self, path: str, data: dict[str, str], csrf: bool = True, **kw: object) -> tuple[int, str]:
        body = {"csrf": self.csrf, **data} if csrf else data
        async with self.http.post(self.base + path, data=body, **kw) as response:  # type: ignore[arg-type]
            text = await response.text()
            found = CSRF.search(text)
            if found:
                self.csrf = found.group(1)
            return response.status, text

    async def join(self, code: str, party: str | None = None, name: str = "") -> tuple[int, str]:
        await self.get("/")
        status, text = await self.post("/join", {"code": code})
        if party is not None and status == 200:
            status, text = await self.post("/party", {"party": party, "name": name})
        return status, text


@dataclass
class Server:
    client: TestClient[aiohttp.web.Request, aiohttp.web.Application]
    desk: JoinDesk
    phones: list[aiohttp.ClientSession]

    def phone(self) -> Phone:
        session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.phones.append(session)
        return Phone(session, str(self.client.make_url("")).rstrip("/"))


@pytest.fixture
async def server(room: Room) -> AsyncIterator[Server]:
    desk = JoinDesk(code="ABC234", max_devices=5)
    client = TestClient(TestServer(make_app(room.service, desk)))
    await client.start_server()
    made = Server(client, desk, [])
    yield made
    for session in made.phones:
        await session.close()
    await client.close()
