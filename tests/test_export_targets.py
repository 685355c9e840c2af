"""Export never destroys: `export -o` refuses session files and anything in the data folder,
devices and other non-regular files, and symbolic links unless asked; it replaces an
existing regular file, as documented.

Devices are made with mknod in the test's own folder (we run as root), never /dev itself:
a regression must not be able to break the machine's /dev/null.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
from pathlib import Path

import pytest

from facilitator.cli import EXIT_OK, EXIT_USER_ERROR, main
from facilitator.core.errors import UserError
from facilitator.core.library import SessionLibrary
from facilitator.core.reports import ExportTargetRefused, write_export
from facilitator.core.scenario import Scenario
from facilitator.core.service import SessionService
from facilitator.ui.dialogs.export import export as dialog_export


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def refused(args: tuple[str, ...], *words: str) -> None:
    code, out, err = run(*args)
    assert code == EXIT_USER_ERROR, err
    assert out == ""
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    for word in words:
        assert word in err, (word, err)


@pytest.fixture
def session(library: SessionLibrary, scenario: Scenario) -> SessionService:
    service = library.create(scenario, "Export targets")
    service.add_party("Police")
    return service


def test_export_onto_the_session_file_itself_is_refused(session: SessionService) -> None:
    before = session.path.read_bytes()
    for fmt in ("md", "json"):
        refused(("export", session.session.id, "--format", fmt, "-o", str(session.path)), "data folder")
    assert session.path.read_bytes() == before
    assert SessionService(session.path).session.parties[0].name == "Police"


@pytest.mark.parametrize("where", ["report.md", "scenarios/mine.toml", "sessions/other.json", "sessions"])
def test_export_into_the_data_folder_is_refused(session: SessionService, data_dir: Path, where: str) -> None:
    target = data_dir / where
    target.parent.mkdir(parents=True, exist_ok=True)
    fmt = "csv" if where == "sessions" else "md"
    refused(("export", session.session.id, "--format", fmt, "-o", str(target)), "data folder")
    assert not target.exists() or target.is_dir()
    assert sorted(p.name for p in session.path.parent.glob("*.json")) == [session.path.name]


def test_the_apps_export_refuses_the_session_file(session: SessionService) -> None:
    """The export dialog goes through the same core check, with no data folder given."""
    before = session.path.read_bytes()
    with pytest.raises(ExportTargetRefused):
        dialog_export(session, "json", session.path, public=False, lang="en")
    with pytest.raises(ExportTargetRefused):
        write_export(session, "svg", session.path.parent.parent / "pictures")
    assert session.path.read_bytes() == before


def test_export_onto_a_device_or_fifo_is_refused(session: SessionService, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    refused(("export", session.session.id, "--format", "md", "-o", str(fifo)), "not a regular file")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    null = tmp_path / "null.md"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of our own
    refused(("export", session.session.id, "--format", "json", "-o", str(null)), "not a regular file")
    assert stat.S_ISCHR(null.lstat().st_mode)
    assert not list(tmp_path.glob(".*.tmp"))


def test_export_to_dev_null_is_refused_without_touching_it(session: SessionService) -> None:
    with pytest.raises(ExportTargetRefused, match="not a regular file"):
        write_export(session, "md", Path("/dev/null"))
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_a_symbolic_link_is_refused_unless_asked(session: SessionService, tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("keep me")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    refused(("export", session.session.id, "--format", "md", "-o", str(link)), "symbolic link", "--follow")
    assert link.is_symlink() and real.read_text() == "keep me"
    code, _out, err = run(
        "export", session.session.id, "--format", "md", "-o", str(link), "--follow-symlinks"
    )
    assert code == EXIT_OK, err
    assert link.is_symlink() and link.resolve() == real.resolve()  # the link stays a link
    assert "Export targets" in real.read_text()


def test_following_a_link_into_the_data_folder_is_still_refused(
    session: SessionService, tmp_path: Path
) -> None:
    link = tmp_path / "session-link.json"
    link.symlink_to(session.path)
    before = session.path.read_bytes()
    refused(
        ("export", session.session.id, "--format", "json", "-o", str(link), "--follow-symlinks"),
        "data folder",
    )
    assert session.path.read_bytes() == before


def test_a_link_among_the_files_of_a_folder_export_writes_nothing(
    session: SessionService, tmp_path: Path
) -> None:
    folder = tmp_path / "tables"
    folder.mkdir()
    (tmp_path / "elsewhere.csv").write_text("keep")
    (folder / f"{session.session.id}-roles.csv").symlink_to(tmp_path / "elsewhere.csv")
    refused(("export", session.session.id, "--format", "csv", "-o", str(folder)), "symbolic link")
    assert sorted(p.name for p in folder.iterdir()) == [f"{session.session.id}-roles.csv"]
    assert (tmp_path / "elsewhere.csv").read_text() == "keep"


def test_replacing_an_existing_regular_file_is_fine(session: SessionService, tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("an old report")
    code, _out, err = run("export", session.session.id, "--format", "md", "-o", str(target))
    assert code == EXIT_OK, err
    assert "Export targets" in target.read_text()


def test_refusals_are_user_errors() -> None:
    assert issubclass(ExportTargetRefused, UserError)


@pytest.fixture
def room_file(tmp_path: Path) -> Path:
    """A phone room's file in this device's state folder (what `serve` keeps: code, tokens)."""
    room = tmp_path / "state" / "rooms" / "abc-123.json"
    room.parent.mkdir(parents=True)
    room.write_text('{"code": "123456"}', encoding="utf-8")
    return room


@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv", "svg", "handouts"])
def test_export_into_the_state_folder_is_refused(session: SessionService, room_file: Path, fmt: str) -> None:
    """Overwriting the room file drew a new join code and logged every phone out."""
    target = room_file if fmt in ("md", "html", "json") else room_file.parent
    args = ("export", session.session.id, "--format", fmt, "-o", str(target))
    refused(args, "state folder")
    refused(("--lang", "et", *args), "olekukaustas")
    assert room_file.read_text(encoding="utf-8") == '{"code": "123456"}'
    assert sorted(p.name for p in room_file.parent.iterdir()) == [room_file.name]


def test_the_state_folder_is_known_through_links_and_dots(
    session: SessionService, room_file: Path, tmp_path: Path
) -> None:
    alias = tmp_path / "elsewhere"
    alias.symlink_to(room_file.parent.parent)
    dotted = tmp_path / "out" / ".." / "state" / "rooms" / room_file.name
    for target in (alias / "rooms" / room_file.name, dotted):
        refused(("export", session.session.id, "--format", "md", "-o", str(target)), "state folder")
    link = tmp_path / "report.md"
    link.symlink_to(room_file)
    refused(("export", session.session.id, "-o", str(link), "--follow-symlinks"), "state folder")
    history = ("history", session.session.id, "--format", "md", "-o", str(room_file))
    refused(history, "state folder")
    with pytest.raises(ExportTargetRefused):  # the app's export dialog: the same check
        dialog_export(session, "json", room_file, public=False, lang="en")
    assert room_file.read_text(encoding="utf-8") == '{"code": "123456"}'
