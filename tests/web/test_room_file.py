"""A restart keeps the room: the code, the joined devices (tokens hashed, 0600) and the port."""

from __future__ import annotations

import json
import os
import stat
import threading
from pathlib import Path

import aiohttp

from facilitator.core.service import SessionService
from facilitator.web.room_file import RoomFile, room_path, was_served
from facilitator.web.running import WebServer
from tests.web.conftest import Phone, Room


async def test_a_restarted_server_keeps_the_code_the_devices_and_the_port(room: Room) -> None:
    first = WebServer(room.service)
    binding = await first.start("127.0.0.1", 0)
    code = first.desk.code
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        phone = Phone(http, binding.url.rstrip("/"))
        status, _ = await phone.join(code, room.a, "Mari")
        assert status == 200
        token = next(c.value for c in http.cookie_jar if c.key == "fac_device")
        await first.stop()

        again = WebServer(SessionService(room.service.path))  # as `serve` or the app, started anew
        assert again.desk.code == code
        assert again.saved_port() == binding.port
        restarted = await again.start("127.0.0.1", again.saved_port())
        assert restarted.port == binding.port
        status, text = await phone.get("/")
        assert status == 200 and "Your party: Police" in text and "Street lights" in text
        status, _ = await phone.post(
            "/place", {"activity": room.x, "current": "cooperation", "wished": "cooperation"}
        )
        assert [p.party_id for p in room.service.session.placements] == [room.a]
        await again.stop()

    path = room_path(room.service.path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    saved = path.read_text(encoding="utf-8")
    assert token not in saved  # kept hashed
    assert "Mari" in saved and code in saved


async def test_a_stopped_for_good_server_is_not_started_again(room: Room) -> None:
    server = WebServer(room.service)
    await server.start("127.0.0.1", 0)
    assert server.room is not None
    server.room.update(serving=True)  # what the join panel records
    await server.stop()  # the app closing
    assert was_served(room.service.path)
    await server.stop(for_good=True)  # the facilitator stopped it
    assert not was_served(room.service.path)


def test_a_bad_room_file_is_set_aside(room: Room, tmp_path: Path) -> None:
    path = room_path(room.service.path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[" * 100_000 + "]" * 100_000)  # deeper than any parser goes
    assert RoomFile(room.service.path).values == {}
    assert path.with_name(path.name + ".bad").exists()  # set aside, with a notice
    path.write_text(json.dumps({"desk": {"code": "not a code!", "devices": [{"id": 1}, "x", None]}}))
    server = WebServer(room.service)
    assert server.desk.devices == {} and server.desk.code != "not a code!"
    path.unlink()
    os.mkfifo(path)  # a FIFO in its place: read without hanging
    done: list[dict[str, object]] = []
    reader = threading.Thread(target=lambda: done.append(RoomFile(room.service.path).values), daemon=True)
    reader.start()
    reader.join(5)
    assert done == [{}]
