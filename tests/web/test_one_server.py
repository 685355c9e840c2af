"""One participants' server per session on this computer: a second one (`serve` twice, the app
and `serve`, two apps) is refused with the running one's address and writes nothing of its
own into the room (port, code, devices); a server that died leaves nothing to clear by hand."""

from __future__ import annotations

from pathlib import Path

import aiohttp
import pytest

from facilitator.core.service import SessionService
from facilitator.web.room_file import RoomFile, RoomTaken
from facilitator.web.running import WebServer
from tests.web.conftest import Phone, Room
from tests.web.test_serve_cli import one_line_error, run, serving


def test_a_second_serve_of_the_session_is_refused_with_the_first_ones_address(
    data_dir: Path, service: SessionService
) -> None:
    with serving(data_dir, service, "--port", "0") as served:
        proc, address, code = served.proc, served.address, served.code
        before = RoomFile(service.path).values
        result = run(data_dir, "serve", service.session.id, "--port", "0", "--new-code")
        one_line_error(result, f"already runs on this computer, at {address}")
        assert f"(process {proc.pid})" in result.stderr
        after = RoomFile(service.path).values
        assert (after["port"], after["desk"]["code"]) == (before["port"], code)  # nothing of its own
        assert proc.poll() is None  # the first one serves on


def test_the_refusal_is_in_the_readers_language(data_dir: Path, service: SessionService) -> None:
    with serving(data_dir, service, "--port", "0") as served:
        result = run(data_dir, "--lang", "et", "serve", service.session.id, "--port", "0")
        one_line_error(result, f"juba töötab selles arvutis, aadressil {served.address}")


def test_a_killed_servers_room_is_served_again_as_it_was(data_dir: Path, service: SessionService) -> None:
    with serving(data_dir, service, "--port", "0") as killed:
        killed.proc.kill()  # no chance to clean up: its lock goes with it
        killed.proc.wait(timeout=20)
    with serving(data_dir, service) as again:
        assert (again.address, again.code) == (
            killed.address,
            killed.code,
        )  # the port and code from last time


async def test_a_second_server_in_another_app_is_refused_and_writes_nothing(room: Room) -> None:
    first = WebServer(room.service)
    binding = await first.start("127.0.0.1", 0)
    second = WebServer(SessionService(room.service.path))  # another app on the same session
    try:
        with pytest.raises(RoomTaken) as refused:
            await second.start("127.0.0.1", 0)
        assert binding.url in str(refused.value) and not second.running
        second.desk.renew_code()  # its join panel's keys change nothing on disk
        assert RoomFile(room.service.path).values["desk"]["code"] == first.desk.code
        assert RoomFile(room.service.path).values["owner"]["url"] == binding.url
    finally:
        await first.stop()
    taken_over = await second.start("127.0.0.1", 0)  # the first stopped: the room is free
    assert second.running and taken_over.port
    assert RoomFile(room.service.path).values["owner"]["url"] == taken_over.url
    await second.stop()
    assert "owner" not in RoomFile(room.service.path).values


async def test_a_server_that_never_served_leaves_the_room_as_the_serving_one_left_it(room: Room) -> None:
    """The app read the room before `serve` took it; a phone joined there. The app closing (or
    its panel's keys) must not write its stale desk back over that server's."""
    idle = WebServer(room.service)  # the app's, made when its panel was refused
    first = WebServer(SessionService(room.service.path))
    binding = await first.start("127.0.0.1", 0)
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        status, _text = await Phone(http, binding.url.rstrip("/")).join(first.desk.code, room.a, "Mari")
        assert status == 200
    await first.stop()
    idle.desk.renew_code()
    await idle.stop(for_good=True)  # the app closing, or `s` in its panel
    kept = RoomFile(room.service.path).values
    assert kept["desk"]["code"] == first.desk.code != idle.desk.code
    assert [d["name"] for d in kept["desk"]["devices"]] == ["Mari"]
    assert kept["serving"] is False and kept["port"] == binding.port
