"""Housekeeping and privacy: sessions and exports hold people's names.

The data folder is made 0700, session files and exports are written 0600, and temp files
left by a killed writer are removed by the next writer of that session, under its lock.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from facilitator.cli import EXIT_OK, main
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import Scenario
from facilitator.core.service import SessionService

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def open_umask() -> object:
    """The common umask 022, which would make new files 0644 and folders 0755."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_data_folder_is_private(
    data_dir: Path, library: SessionLibrary, scenario: Scenario, open_umask: object
) -> None:
    assert not data_dir.exists()
    service = library.create(scenario, "Private")
    assert mode(data_dir) == 0o700
    assert mode(library.sessions_dir) == 0o700
    assert mode(service.path) == 0o600
    service.add_party("Police")
    assert mode(service.path) == 0o600
    assert mode(Path(str(service.path) + ".lock")) == 0o600


def test_import_and_demo_make_private_files(data_dir: Path, tmp_path: Path, open_umask: object) -> None:
    code, session_id, err = run("demo")
    assert code == EXIT_OK, err
    assert mode(data_dir) == 0o700
    source = tmp_path / "export.json"
    assert run("export", session_id.strip(), "-o", str(source))[0] == EXIT_OK
    assert mode(source) == 0o600
    code, new_id, err = run("import", str(source), "--new-id")
    assert code == EXIT_OK, err
    assert mode(data_dir / "sessions" / f"{new_id.strip()}.json") == 0o600


def test_an_existing_session_file_is_made_private_on_its_next_write(service: SessionService) -> None:
    service.path.chmod(0o644)  # written by an older version
    service.add_party("Police")
    assert mode(service.path) == 0o600


def test_an_existing_data_folder_keeps_its_permissions(
    data_dir: Path, library: SessionLibrary, scenario: Scenario
) -> None:
    data_dir.mkdir()
    data_dir.chmod(0o750)  # shared with a group on purpose
    library.create(scenario, "Shared")
    assert mode(data_dir) == 0o750
    assert mode(library.sessions_dir) == 0o700


def test_exports_are_private_and_a_replaced_file_keeps_its_permissions(
    service: SessionService, tmp_path: Path, open_umask: object
) -> None:
    session_id = service.session.id
    report = tmp_path / "report.html"
    assert run("export", session_id, "--format", "html", "-o", str(report))[0] == EXIT_OK
    assert mode(report) == 0o600
    tables = tmp_path / "tables"
    assert run("export", session_id, "--format", "csv", "-o", str(tables))[0] == EXIT_OK
    assert mode(tables) == 0o700
    assert {mode(p) for p in tables.iterdir()} == {0o600}
    report.chmod(0o644)  # published on purpose
    assert run("export", session_id, "--format", "html", "-o", str(report))[0] == EXIT_OK
    assert mode(report) == 0o644


KILLED_WRITER = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from facilitator.core.service import SessionService

    def die(fd):  # the temp file is written; the rename never happens
        os.kill(os.getpid(), signal.SIGKILL)

    os.fsync = die
    SessionService(Path(sys.argv[1])).add_party("Never saved")
    """
)


def test_the_next_writer_removes_a_killed_writers_temp_file(
    service: SessionService, library: SessionLibrary, scenario: Scenario
) -> None:
    other = library.create(scenario, "Another session")
    service.add_party("Police")
    before = service.path.read_bytes()
    child = subprocess.run(
        [sys.executable, "-c", KILLED_WRITER, str(service.path)], capture_output=True, timeout=60
    )
    assert child.returncode == -9, child.stderr
    left = sorted(service.path.parent.glob(f".{service.path.name}.*.tmp"))
    assert len(left) == 1, "the killed writer left its temp file"
    other_leftover = other.path.parent / f".{other.path.name}.xyz.tmp"
    other_leftover.write_text("another session's writer may be alive")
    assert service.path.read_bytes() == before
    assert library.list()  # listing leaves a fresh temp file alone (it might be a live writer's)
    assert left[0].exists()
    service.add_party("Town")  # the next writer of this session, under its lock
    assert not left[0].exists()
    assert other_leftover.exists(), "only the temp files of the session being written"
    assert [p.name for p in SessionService(service.path).session.parties] == ["Police", "Town"]
