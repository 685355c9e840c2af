"""I/O errors are user errors: a full disk, a read-only folder, a file-size limit, a folder
where a file should be and a failing standard output give one clear line (CLI: exit 2),
never a traceback, and the session file on disk stays as it was.

Root ignores file permissions, so a read-only folder or a full disk is simulated by making
the write itself fail (as the kernel would); the file-size limit is real (RLIMIT_FSIZE in
a child process).
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Any

import pytest

from facilitator.cli import EXIT_OK, EXIT_PIPE_CLOSED, EXIT_USER_ERROR, main
from facilitator.core.errors import SessionFileError, SessionWriteError, UserError
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import Scenario
from facilitator.core.service import SessionService

REPO = Path(__file__).resolve().parent.parent


def run_cli(*args: str, out: io.StringIO | None = None) -> tuple[int, str, str]:
    out = out if out is not None else io.StringIO()
    err = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def assert_one_line(code: int, err: str, *fragments: str) -> None:
    assert code == EXIT_USER_ERROR, err
    assert len(err.splitlines()) == 1, err
    assert err.startswith("facilitator: error: ")
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in err, (fragment, err)


def fail_with(number: int) -> Any:
    def fail(*_args: object, **_kwargs: object) -> None:
        raise OSError(number, os.strerror(number))

    return fail


def temp_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.tmp"))


@pytest.mark.parametrize(
    ("number", "where"),
    [
        (errno.ENOSPC, "fsync"),  # disk full: the data does not fit
        (errno.EFBIG, "fsync"),  # over a size limit
        (errno.EROFS, "mkstemp"),  # read-only folder: not even a temp file
        (errno.EACCES, "mkstemp"),  # no permission to write in the folder
        (errno.EIO, "replace"),  # the rename itself fails
    ],
)
def test_a_failed_write_is_a_user_error_and_the_file_stays(
    service: SessionService, monkeypatch: pytest.MonkeyPatch, number: int, where: str
) -> None:
    service.add_party("Police")
    before = service.path.read_bytes()
    target = {"fsync": (os, "fsync"), "mkstemp": (tempfile, "mkstemp"), "replace": (os, "replace")}[where]
    with monkeypatch.context() as patch:
        patch.setattr(*target, fail_with(number))
        with pytest.raises(SessionWriteError) as caught:
            service.add_party("Town")
    assert os.strerror(number) in str(caught.value)
    assert "unchanged" in str(caught.value)
    assert caught.value.key == "error.write_failed"
    assert service.path.read_bytes() == before
    assert temp_files(service.path.parent) == []
    assert [p.name for p in service.session.parties] == ["Police"]
    service.add_party("Town")  # and once the disk has room again, the next change is saved
    assert [p.name for p in SessionService(service.path).session.parties] == ["Police", "Town"]


def test_view_state_on_a_full_disk_costs_positions_never_the_session(
    service: SessionService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Positions on screen live beside the session, per device: a failed write loses only them."""
    before = service.path.read_bytes()
    monkeypatch.setattr(os, "fsync", fail_with(errno.ENOSPC))
    service.set_view_state(selected="x")  # no traceback on the projector, nothing to ask
    assert service.path.read_bytes() == before
    assert service.device.writes == 0
    assert temp_files(service.device.path.parent) == [] if service.device.path.parent.exists() else True


def test_a_lock_file_that_cannot_be_made_is_a_user_error(
    service: SessionService, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(type(service.file.lock), "acquire", refuse)
    with pytest.raises(SessionWriteError, match="cannot lock"):
        service.add_party("Police")


def test_new_in_a_folder_whose_lock_cannot_be_made_says_it_could_not_create(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An immutable sessions folder: `new` said "the file on disk is as it was before this
    change", of a file that never was (a tester's finding)."""
    from filelock import FileLock

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(errno.EPERM, os.strerror(errno.EPERM))

    monkeypatch.setattr(FileLock, "acquire", refuse)
    code, _out, err = run_cli("new", "--scenario", "community-safety", "--title", "A")
    assert_one_line(code, err, "Could not create", os.strerror(errno.EPERM))
    assert "unchanged" not in err and "as it was before" not in err


@pytest.mark.parametrize("number", [errno.ENOSPC, errno.EROFS])
def test_cli_new_and_import_on_a_full_or_read_only_disk(
    data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, number: int
) -> None:
    code, session_id, _err = run_cli("new", "--scenario", "community-safety", "--title", "A")
    assert code == EXIT_OK
    code, exported, _err = run_cli("export", session_id.strip())
    source = tmp_path / "export.json"
    source.write_text(exported, encoding="utf-8")
    run_cli("delete", session_id.strip(), "--yes")
    with monkeypatch.context() as patch:
        patch.setattr(tempfile, "mkstemp", fail_with(number))
        code, _out, err = run_cli("new", "--scenario", "community-safety", "--title", "B")
        assert_one_line(code, err, "Could not create", os.strerror(number))
        code, _out, err = run_cli("import", str(source))
        assert_one_line(code, err, os.strerror(number))
        code, _out, err = run_cli("export", "--format", "md", "-o", str(tmp_path / "r.md"), "nope")
        assert code == EXIT_USER_ERROR
    assert sorted((data_dir / "sessions").glob("*.json")) == []


def test_a_file_where_the_sessions_folder_should_be(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / "sessions").write_text("not a folder")
    code, _out, err = run_cli("new", "--scenario", "community-safety", "--title", "A")
    assert_one_line(code, err, "sessions", "is a file, not a folder")
    code, _out, err = run_cli("list")  # not "no sessions", as if the folder were empty (3fc0a76)
    assert_one_line(code, err, "sessions", "is a file, not a folder")
    assert (data_dir / "sessions").read_text() == "not a folder"


def test_a_file_where_the_data_folder_should_be(data_dir: Path) -> None:
    data_dir.write_text("not a folder")
    code, _out, err = run_cli("demo")
    assert_one_line(code, err, "is a file, not a folder")
    assert data_dir.read_text() == "not a folder"


def test_a_session_file_that_is_a_folder(library: SessionLibrary, scenario: Scenario) -> None:
    good = library.create(scenario, "Good one")
    (library.sessions_dir / "badbad00.json").mkdir()
    code, out, _err = run_cli("list")
    assert code == EXIT_OK
    assert good.session.id in out and "badbad00" in out and "Is a directory" in out
    for command in (("export", "badbad00"), ("mismatches", "badbad00"), ("delete", "badbad00", "--yes")):
        code, _out, err = run_cli(*command)
        assert_one_line(code, err, "badbad00")
    with pytest.raises(SessionFileError, match="Is a directory"):
        SessionService(library.sessions_dir / "badbad00.json").add_party("Police")


class BrokenStdout(io.StringIO):
    def __init__(self, number: int) -> None:
        super().__init__()
        self.number = number

    def write(self, text: str) -> int:
        kind = BrokenPipeError if self.number == errno.EPIPE else OSError
        raise kind(self.number, os.strerror(self.number))


@pytest.mark.parametrize("number", [errno.ENOSPC, errno.EIO])
def test_standard_output_that_fails_in_process(service: SessionService, number: int) -> None:
    code, _out, err = run_cli("export", service.session.id, out=BrokenStdout(number))
    assert_one_line(code, err, "standard output", os.strerror(number))


def test_a_reader_that_left_in_process_is_no_error_to_tell(service: SessionService) -> None:
    code, _out, err = run_cli("export", service.session.id, out=BrokenStdout(errno.EPIPE))
    assert (code, err) == (EXIT_PIPE_CLOSED, "")


def run_process(*args: str, stdout: Any, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "facilitator", *args],
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        cwd=REPO,
        **kwargs,
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_standard_output_to_dev_full(service: SessionService, data_dir: Path) -> None:
    with open("/dev/full", "w") as full:
        for args in (("export", service.session.id), ("list",), ("scenarios",)):
            proc = run_process(*args, stdout=full)
            assert proc.returncode == EXIT_USER_ERROR, proc.stderr
            assert proc.stderr.splitlines() == [
                "facilitator: error: cannot write to standard output: No space left on device"
            ]


@pytest.mark.parametrize("args", [("export", "ID"), ("list",), ("history", "ID")])
def test_standard_output_a_closed_pipe(service: SessionService, args: tuple[str, ...]) -> None:
    """`facilitator list | head -2`: the reader quit; the command ends quietly, as ls or cat do."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "facilitator", *(service.session.id if a == "ID" else a for a in args)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before anything is written (`| head` that quit)
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == EXIT_PIPE_CLOSED, err
    assert err == ""


FSIZE_CHILD = textwrap.dedent(
    """
    import resource, sys
    from pathlib import Path
    from facilitator.cli import main
    from facilitator.core.errors import UserError
    from facilitator.core.service import SessionService

    path, mode = Path(sys.argv[1]), sys.argv[2]
    limit = path.stat().st_size + 200
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    if mode == "change":
        try:
            SessionService(path).add_activity("x", description="x" * 3_000)
        except UserError as error:
            print(type(error).__name__, error, file=sys.stderr)
            sys.exit(2)
        sys.exit(0)
    sys.exit(main(sys.argv[3:]))
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_file_size_limit_in_a_child_process(service: SessionService, tmp_path: Path) -> None:
    """A real size limit: the write fails with EFBIG (SIGXFSZ must not kill the process)."""
    service.add_activity("Big", description="y" * 3_000)
    before = service.path.read_bytes()
    child = [sys.executable, "-c", FSIZE_CHILD, str(service.path)]
    change = subprocess.run([*child, "change"], capture_output=True, text=True, timeout=60, cwd=REPO)
    assert change.returncode == EXIT_USER_ERROR, change.stderr
    assert change.stderr.startswith("SessionWriteError ") and "File too large" in change.stderr
    assert service.path.read_bytes() == before
    assert temp_files(service.path.parent) == []
    # The CLI: importing a session bigger than the limit.
    exported = tmp_path / "big.json"
    _code, text, _err = run_cli("export", service.session.id)
    data = text.replace("y" * 3_000, "y" * 3_900, 1)  # longer than the limit, still a valid text
    exported.write_text(data.replace(f'"id": "{service.session.id}"', '"id": "big00001"', 1))
    cli = subprocess.run(
        [*child, "cli", "import", str(exported)], capture_output=True, text=True, timeout=60, cwd=REPO
    )
    assert cli.returncode == EXIT_USER_ERROR, cli.stderr
    lines = cli.stderr.splitlines()
    assert len(lines) == 1 and "File too large" in lines[0] and "Traceback" not in cli.stderr
    assert not (service.path.parent / "big00001.json").exists()
    assert temp_files(service.path.parent) == []


def test_user_error_family() -> None:
    """The app shows `UserError`s and keeps running: write failures must be one."""
    assert issubclass(SessionWriteError, SessionFileError)
    assert issubclass(SessionWriteError, UserError)


def test_a_folder_where_the_lock_file_should_be(service: SessionService) -> None:
    before = service.path.read_bytes()
    lock = Path(str(service.path) + ".lock")
    lock.unlink(missing_ok=True)
    lock.mkdir()
    fresh = SessionService(service.path)
    with pytest.raises(SessionWriteError, match="cannot lock it: Is a directory"):
        fresh.add_party("Police")
    assert service.path.read_bytes() == before


COMMANDS = (
    ("demo",),
    ("new", "--scenario", "community-safety", "--title", "A"),
    ("list",),
    ("export", "abc"),
    ("import", "nowhere.json"),
    ("delete", "abc", "--yes"),
    ("mismatches", "abc"),
    ("history", "abc"),
    ("serve", "abc"),
)


@pytest.mark.parametrize("lang", ["en", "et"])
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_every_command_says_the_real_cause_of_a_bad_data_folder(
    tmp_path: Path, command: tuple[str, ...], lang: str
) -> None:
    """`demo`/`new` said "File exists", `list` "is a file", `export` "no session"; under a file
    (FILE/sub) the cause is that FILE is not a folder; a file as `sessions` is not --data-dir's fault."""
    plain = tmp_path / "plain"
    plain.write_text("x")
    with_file = tmp_path / "with-file"
    (with_file / "sessions").parent.mkdir()
    (with_file / "sessions").write_text("x")
    said = {
        "en": {
            plain: f"{plain} is a file, not a folder: give the data folder with --data-dir",
            plain / "sub": f"{plain / 'sub'} can't be a folder: {plain} is a file, not a folder",
            with_file: f"{with_file / 'sessions'} is a file, not a folder: the data folder keeps",
        },
        "et": {
            plain: f"{plain} on fail, mitte kaust: anna andmekaust",
            plain / "sub": f"{plain / 'sub'} ei saa olla kaust: {plain} on fail",
            with_file: f"{with_file / 'sessions'} on fail, mitte kaust: andmekaust hoiab",
        },
    }[lang]
    for data_dir, words in said.items():
        code, out, err = run_cli("--lang", lang, "--data-dir", str(data_dir), *command)
        assert code == EXIT_USER_ERROR and out == "", err
        assert len(err.splitlines()) == 1 and words in err, (data_dir, err)
        assert "File exists" not in err and "no session" not in err
    assert plain.read_text() == "x" and (with_file / "sessions").read_text() == "x"
