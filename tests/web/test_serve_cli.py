"""`facilitator serve`: a real process serving the participants' page; user errors are one line."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from facilitator.core.library import ENV_DATA_DIR
from facilitator.core.service import SessionService
from facilitator.web.joining import JoinDesk
from facilitator.web.room_file import RoomFile


def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, ENV_DATA_DIR: str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "facilitator", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def one_line_error(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode == 2, result
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr and fragment in result.stderr


def test_serve_answers_on_loopback_and_stops_on_ctrl_c(data_dir: Path, service: SessionService) -> None:
    env = {**os.environ, ENV_DATA_DIR: str(data_dir)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "facilitator", "serve", service.session.id, "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(4)]
        address = next(line.split(": ", 1)[1].strip() for line in lines if line.startswith("Address"))
        code = next(line.split(": ", 1)[1].strip() for line in lines if line.startswith("Join code"))
        assert address.startswith("http://127.0.0.1:")
        assert len(code) == 6
        assert "Only this computer" in "".join(lines)
        with urllib.request.urlopen(address, timeout=10) as response:  # loopback only
            assert response.status == 200
            assert "Join the workshop" in response.read().decode()  # the session's language
    finally:
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert "Traceback" not in err


def test_serve_a_port_in_use_is_a_one_line_error(data_dir: Path, service: SessionService) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run(data_dir, "serve", service.session.id, "--port", str(port))
    one_line_error(result, "cannot listen on 127.0.0.1")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("serve", "nosuchid"), "nosuchid"),
        (("serve", "x", "--port", "70000"), "port must be 0-65535"),
        (("serve", "x", "--port", "abc"), "port must be a number"),
        (("serve", "x", "--lan", "--host", "10.0.0.1"), "not allowed with"),
    ],
)
def test_serve_bad_input(data_dir: Path, args: tuple[str, ...], fragment: str) -> None:
    one_line_error(run(data_dir, *args), fragment)


@dataclass
class Served:
    """`facilitator serve` running in another process: its address and join code; once it
    has ended, what it wrote to standard error."""

    proc: subprocess.Popen[str]
    address: str
    code: str
    err: str = ""


@contextmanager
def serving(data_dir: Path, service: SessionService, *args: str) -> Iterator[Served]:
    """Start `serve` in another process, read its address and code; ctrl+c at the end."""
    env = {**os.environ, ENV_DATA_DIR: str(data_dir)}
    command = [sys.executable, "-m", "facilitator", "serve", service.session.id, *args]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    served = Served(proc, "", "")
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(3)]
        served.address = next(line.split(": ", 1)[1].strip() for line in lines if line.startswith("Address"))
        served.code = next(line.split(": ", 1)[1].strip() for line in lines if line.startswith("Join code"))
        yield served
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
        _out, served.err = proc.communicate(timeout=20)


def serve_once(data_dir: Path, service: SessionService, *args: str) -> tuple[str, str]:
    """Start `serve`, read its address and code, stop it with ctrl+c."""
    with serving(data_dir, service, *args) as served:
        pass
    assert served.proc.returncode == 0 and "Traceback" not in served.err, served.err
    return served.address, served.code


def test_serve_again_keeps_the_port_and_the_code_until_a_new_one_is_asked_for(
    data_dir: Path, service: SessionService
) -> None:
    address, code = serve_once(data_dir, service, "--port", "0")
    assert serve_once(data_dir, service) == (address, code)  # no --port: the one from last time
    again, new = serve_once(data_dir, service, "--new-code")
    assert again == address and new != code and len(new) == 6


def test_serve_opens_joining_the_app_closed_and_says_so(data_dir: Path, service: SessionService) -> None:
    """Closing the app's join panel (esc) keeps joining closed in the room file; `serve` is the
    facilitator letting participants join, so new phones may join again."""
    closed = JoinDesk(code="ABC234", open=False)
    RoomFile(service.path).update(desk=closed.to_json())
    env = {**os.environ, ENV_DATA_DIR: str(data_dir)}
    command = [sys.executable, "-m", "facilitator", "serve", service.session.id, "--port", "0"]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(4)]
        address = next(line.split(": ", 1)[1].strip() for line in lines if line.startswith("Address"))
        assert "Joining was closed: it is open again" in "".join(lines)
        with urllib.request.urlopen(address, timeout=10) as response:  # loopback only
            assert "Joining is closed" not in response.read().decode()
    finally:
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0 and "Traceback" not in err, err
    assert RoomFile(service.path).desk()["open"] is True
