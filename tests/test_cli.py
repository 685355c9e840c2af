"""The command line: every command, its output, its errors and its exit codes.

Most tests call `facilitator.cli.main` in-process (fast); a few run
`python -m facilitator` for real to prove the exit code and that a user error is
one line on stderr, never a traceback. Fixtures are defined here on purpose
(conftest.py belongs to the rest of the suite).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from facilitator import __version__
from facilitator.cli import EXIT_OK, EXIT_USER_ERROR, Cli, main
from facilitator.core.device import ENV_STATE_DIR
from facilitator.core.library import ENV_DATA_DIR, SessionLibrary
from facilitator.core.model import SCHEMA_VERSION
from facilitator.core.service import SessionService

REPO = Path(__file__).resolve().parent.parent
SHIPPED = ("community-safety", "kogukondlik-turvalisus")
COMMANDS = ("scenarios", "scenario", "new", "list", "open", "export", "import", "delete", "demo", "serve")

MINIMAL_SCENARIO = """\
format = 1

[scenario]
id = "mini"
language = "en"
title = "Mini scenario"

[[rungs]]
id = "talk"
name = "Talk"
summary = "We talk."
definition = "We talk to each other."
questions = ["Do you talk?"]

[[roles]]
id = "lead"
name = "Lead"
description = "Leads the activity."
lead = true

[[agenda]]
id = "intro"
name = "Intro"
kind = "intro"
minutes = 5
"""

# Two problems: a misspelt key and an out-of-range number, each with its key path.
BROKEN_SCENARIO = MINIMAL_SCENARIO.replace('name = "Talk"', 'nmae = "Talk"').replace(
    "minutes = 5", "minutes = 0"
)


# --------------------------------------------------------------------------- helpers


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


class FakeTty(io.StringIO):
    """Standard input that claims to be a terminal, with the user's answer queued."""

    def isatty(self) -> bool:
        return True


Run = Callable[..., Result]


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data folder, selected through the environment like a user would."""
    folder = tmp_path / "data"
    monkeypatch.setenv(ENV_DATA_DIR, str(folder))
    monkeypatch.setenv(ENV_STATE_DIR, str(tmp_path / "state"))  # never the real state folder
    return folder


@pytest.fixture
def cli(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run `facilitator ARGS...` in-process; argparse's own output and exits are caught too."""

    def run(*args: str, stdin: io.StringIO | None = None) -> Result:
        # Never the real terminal: a prompt must not block the test run.
        monkeypatch.setattr(sys, "stdin", stdin if stdin is not None else io.StringIO(""))
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args), out=out, err=err)
            except SystemExit as exit_:  # argparse: --help, --version, usage errors
                code = exit_.code if isinstance(exit_.code, int) else 1
        return Result(code, out.getvalue(), err.getvalue())

    return run


@pytest.fixture
def library(data_dir: Path) -> SessionLibrary:
    return SessionLibrary(data_dir)


@pytest.fixture
def subprocess_run(data_dir: Path, tmp_path: Path) -> Run:
    """Run `python -m facilitator ARGS...` for real, with no terminal on stdin."""

    def run(*args: str) -> Result:
        env = {**os.environ, ENV_DATA_DIR: str(data_dir), "PYTHONIOENCODING": "utf-8"}
        proc = subprocess.run(
            [sys.executable, "-m", "facilitator", *args],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=tmp_path,
            timeout=60,
        )
        return Result(proc.returncode, proc.stdout, proc.stderr)

    return run


def assert_one_line_error(result: Result, *fragments: str) -> None:
    """Exit 2, nothing on stdout, exactly one line on stderr, no traceback."""
    assert result.code == EXIT_USER_ERROR, result
    assert result.out == ""
    lines = result.err.splitlines()
    assert len(lines) == 1, result.err
    assert result.err.endswith("\n")
    assert lines[0].startswith("facilitator"), lines[0]
    assert "Traceback" not in result.err
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


def new_session(cli: Run, title: str = "Workshop", scenario: str = "community-safety") -> str:
    result = cli("new", "--scenario", scenario, "--title", title)
    assert result.code == EXIT_OK, result
    session_id = result.out.strip()
    assert session_id and "\n" not in session_id
    return session_id


def export_data(cli: Run, session_id: str) -> dict:
    result = cli("export", session_id)
    assert result.code == EXIT_OK, result
    return json.loads(result.out)


def write_session_with_id(folder: Path, data: dict, session_id: str) -> Path:
    """An exported session, saved under another id (for controlled ids)."""
    data = json.loads(json.dumps(data))
    data["meta"]["session"]["id"] = session_id
    path = folder / f"export-{session_id}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def import_with_id(cli: Run, folder: Path, data: dict, session_id: str) -> None:
    result = cli("import", str(write_session_with_id(folder, data, session_id)))
    assert result.code == EXIT_OK, result
    assert result.out.strip() == session_id


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def list_ids(result: Result) -> list[str]:
    return [line.split()[0] for line in result.out.splitlines()]


# --------------------------------------------------------------------------- help, version


def test_help_documents_every_command(cli: Run) -> None:
    result = cli("--help")
    assert result.code == EXIT_OK
    assert result.out.startswith("usage: facilitator")
    for command in COMMANDS:
        assert f"\n    {command} " in result.out, command
    assert "--data-dir" in result.out and ENV_DATA_DIR in result.out


@pytest.mark.parametrize("command", [*COMMANDS, "scenario check"])
def test_each_command_has_help(cli: Run, command: str) -> None:
    result = cli(*command.split(), "--help")
    assert result.code == EXIT_OK
    assert result.out.startswith(f"usage: facilitator {command}")


def test_version(cli: Run) -> None:
    result = cli("--version")
    assert result.code == EXIT_OK
    assert result.out.strip() == f"facilitator {__version__}"


# --------------------------------------------------------------------------- scenarios


def test_scenarios_lists_the_shipped_ones(cli: Run) -> None:
    result = cli("scenarios")
    assert result.code == EXIT_OK
    assert result.err == ""
    assert sorted(list_ids(result)) == sorted(SHIPPED)
    assert "kogukondlik-turvalisus       et " in result.out
    assert "community-safety             en " in result.out


def test_scenarios_reports_a_broken_user_scenario_and_goes_on(cli: Run, data_dir: Path) -> None:
    user = data_dir / "scenarios"
    user.mkdir(parents=True)
    (user / "broken.toml").write_text(BROKEN_SCENARIO, encoding="utf-8")
    (user / "mine.toml").write_text(MINIMAL_SCENARIO, encoding="utf-8")
    result = cli("scenarios")
    assert result.code == EXIT_OK
    assert sorted(list_ids(result)) == sorted([*SHIPPED, "mini"])
    err_lines = result.err.splitlines()
    assert len(err_lines) == 3, "one line per problem"
    assert all(line.startswith(f"! {user / 'broken.toml'}:") for line in err_lines)
    assert all(line.count(str(user / "broken.toml")) == 1 for line in err_lines), "path named once"
    assert "nmae" in err_lines[0]


def test_a_user_scenario_with_a_taken_id_is_refused_not_offered(cli: Run, data_dir: Path) -> None:
    """A shipped scenario copied and edited but not renamed: offered beside the shipped one under
    the same id, choosing it made the session from the shipped one; it is refused, saying why."""
    user = data_dir / "scenarios"
    user.mkdir(parents=True)
    shipped = (REPO / "scenarios" / "community-safety.toml").read_text(encoding="utf-8")
    edited = shipped.replace("Community safety: the ladder of joint activity", "Our own", 1)
    assert edited != shipped
    (user / "mine.toml").write_text(edited, encoding="utf-8")
    (user / "mini-1.toml").write_text(MINIMAL_SCENARIO, encoding="utf-8")
    (user / "mini-2.toml").write_text(MINIMAL_SCENARIO, encoding="utf-8")
    result = cli("scenarios")
    assert result.code == EXIT_OK
    assert sorted(list_ids(result)) == sorted([*SHIPPED, "mini"]), "each id offered once"
    assert "Our own" not in result.out
    assert result.err.splitlines() == [
        f"! {user / 'mine.toml'}: scenario.id: 'community-safety' is already the id of "
        f"{REPO / 'scenarios' / 'community-safety.toml'}; give this scenario an id of its own",
        f"! {user / 'mini-2.toml'}: scenario.id: 'mini' is already the id of {user / 'mini-1.toml'}; "
        "give this scenario an id of its own",
    ]
    checked = cli("scenario", "check", str(user / "mine.toml"))
    assert checked.code == EXIT_USER_ERROR
    assert checked.out == ""
    assert "is already the id of" in checked.err and len(checked.err.splitlines()) == 1
    assert cli("scenario", "check", str(user / "mini-1.toml")).code == EXIT_OK


def test_scenarios_with_a_data_dir_that_does_not_exist(cli: Run, data_dir: Path) -> None:
    assert not data_dir.exists()
    result = cli("scenarios")
    assert result.code == EXIT_OK
    assert sorted(list_ids(result)) == sorted(SHIPPED)
    assert not data_dir.exists(), "listing must not create folders"


# --------------------------------------------------------------------------- scenario check


@pytest.mark.parametrize("name", SHIPPED)
def test_scenario_check_shipped_files_are_ok(cli: Run, name: str) -> None:
    path = REPO / "scenarios" / f"{name}.toml"
    result = cli("scenario", "check", str(path))
    assert result.code == EXIT_OK, result
    assert result.err == ""
    assert result.out.startswith(f"{path}: ok: {name} (")
    assert len(result.out.splitlines()) == 1


def test_scenario_check_counts(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "mini.toml"
    path.write_text(MINIMAL_SCENARIO, encoding="utf-8")
    result = cli("scenario", "check", str(path))
    assert result.code == EXIT_OK
    assert result.out == (f"{path}: ok: mini (en); rungs: 1, roles: 1, parties: 0, phases: 1, examples: 0\n")


def test_scenario_check_broken_file_lists_every_problem(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(BROKEN_SCENARIO, encoding="utf-8")
    result = cli("scenario", "check", str(path))
    assert result.code == EXIT_USER_ERROR
    assert result.out == ""
    problems = result.err.splitlines()
    assert len(problems) == 3, problems  # unknown key, missing name, minutes out of range
    assert all(p.startswith(f"{path}:") for p in problems)
    assert any("rungs[0].nmae" in p and "unknown key" in p for p in problems)
    assert any("rungs[0]" in p and "missing required key 'name'" in p for p in problems)
    assert any("agenda[0].minutes" in p and "between 1 and 600" in p for p in problems)
    # The line number of the misspelt key is given.
    line = MINIMAL_SCENARIO.splitlines().index('name = "Talk"') + 1
    assert any(p.startswith(f"{path}:{line}: rungs[0].nmae") for p in problems)
    assert "Traceback" not in result.err


def test_scenario_check_toml_syntax_error(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "syntax.toml"
    path.write_text("format = 1\n[scenario\n", encoding="utf-8")
    result = cli("scenario", "check", str(path))
    assert result.code == EXIT_USER_ERROR
    assert len(result.err.splitlines()) == 1
    assert result.err.startswith(f"{path}:2: TOML syntax error")


def test_scenario_check_not_utf8(cli: Run, tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes("title = 'Põld'".encode("latin-1"))
    result = cli("scenario", "check", str(path))
    assert result.code == EXIT_USER_ERROR
    assert "not UTF-8" in result.err


@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_scenario_check_unreadable(cli: Run, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "nope.toml"
    if kind == "folder":
        path.mkdir()
    result = cli("scenario", "check", str(path))
    assert result.code == EXIT_USER_ERROR
    assert result.out == ""
    assert result.err.splitlines() == [result.err.strip()]
    assert result.err.startswith(f"{path}: cannot read")


# --------------------------------------------------------------------------- new


def test_new_prints_an_id_that_list_shows(cli: Run, library: SessionLibrary) -> None:
    result = cli(
        "new",
        "--scenario",
        "community-safety",
        "--title",
        "Keila round table",
        "--date",
        "2026-12-03",
        "--place",
        "Keila",
        "--facilitator",
        "Mari",
    )
    assert result.code == EXIT_OK
    assert result.err == ""
    session_id = result.out.strip()
    assert result.out == f"{session_id}\n"
    assert library.path_for(session_id).is_file()

    listed = cli("list")
    assert listed.code == EXIT_OK
    [line] = listed.out.splitlines()
    assert line.split()[:3] == [session_id, "2026-12-03", "community-safety"]
    assert line.endswith("Keila round table")
    assert "0 act." in line

    info = library.open(session_id).session.info
    assert (info.title, info.date, info.place, info.facilitator) == (
        "Keila round table",
        "2026-12-03",
        "Keila",
        "Mari",
    )
    assert (info.scenario_id, info.language) == ("community-safety", "en")


def test_new_with_the_estonian_scenario(cli: Run, library: SessionLibrary) -> None:
    session_id = new_session(cli, "Ümarlaud", "kogukondlik-turvalisus")
    info = library.open(session_id).session.info
    assert (info.scenario_id, info.language) == ("kogukondlik-turvalisus", "et")


def test_new_from_a_scenario_file(cli: Run, tmp_path: Path, library: SessionLibrary) -> None:
    path = tmp_path / "sub dir" / "mini.toml"
    path.parent.mkdir()
    path.write_text(MINIMAL_SCENARIO, encoding="utf-8")
    session_id = new_session(cli, "From a file", str(path))
    session = library.open(session_id).session
    assert session.info.scenario_id == "mini"
    assert session.scenario.rung_ids() == ("talk",)
    assert cli("list").out.split()[2] == "mini"


def test_new_from_a_user_scenario_by_id(cli: Run, data_dir: Path, library: SessionLibrary) -> None:
    (data_dir / "scenarios").mkdir(parents=True)
    (data_dir / "scenarios" / "mine.toml").write_text(MINIMAL_SCENARIO, encoding="utf-8")
    session_id = new_session(cli, "Mine", "mini")
    assert library.open(session_id).session.info.scenario_id == "mini"


def test_new_unknown_scenario(cli: Run, data_dir: Path) -> None:
    result = cli("new", "--scenario", "no-such-scenario", "--title", "X")
    assert_one_line_error(result, "no scenario 'no-such-scenario'", *SHIPPED)
    assert not (data_dir / "sessions").exists()


@pytest.mark.parametrize("content", [None, BROKEN_SCENARIO])
def test_new_from_a_missing_or_broken_scenario_file(
    cli: Run, tmp_path: Path, data_dir: Path, content: str | None
) -> None:
    path = tmp_path / "scenario.toml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = cli("new", "--scenario", str(path), "--title", "X")
    assert_one_line_error(result, str(path))
    assert not (data_dir / "sessions").exists()


@pytest.mark.parametrize("title", ["", "   ", "\n\t"])
def test_new_empty_title(cli: Run, data_dir: Path, title: str) -> None:
    result = cli("new", "--scenario", "community-safety", "--title", title)
    assert_one_line_error(result, "title must not be empty")
    assert listing(data_dir / "sessions") == []


@pytest.mark.parametrize(
    "title",
    [
        "Põltsamaa ümarlaud: šokk, žürii, ÕÄÖÜ õäöü",
        "Turvalisus 🛡️👩‍👩‍👧 kõigile 🇪🇪",
        "[bold red]no markup[/] <b>nor html</b> $(rm) `x` \\n %s {0}",
    ],
)
def test_new_title_is_kept_exactly(cli: Run, title: str) -> None:
    session_id = new_session(cli, title)
    data = export_data(cli, session_id)
    assert data["meta"]["session"]["title"] == title
    assert cli("list").out.rstrip("\n").endswith(title)


# --------------------------------------------------------------------------- list


def test_list_with_no_sessions(cli: Run, data_dir: Path) -> None:
    result = cli("list")
    assert result.code == EXIT_OK
    assert result.out == ""
    assert result.err == f"no sessions in {data_dir / 'sessions'}\n"
    assert not data_dir.exists()


@pytest.mark.parametrize("where", ["data", "sessions"])
def test_list_says_when_the_data_folder_is_a_file(cli: Run, data_dir: Path, where: str) -> None:
    """A file given as the data folder (or where its sessions folder should be) was 'no sessions',
    exit 0, as if the folder were empty: it is a user error, on one line."""
    target = data_dir if where == "data" else data_dir / "sessions"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("not a folder", encoding="utf-8")
    result = cli("list")
    assert result.code == EXIT_USER_ERROR
    assert result.out == ""
    assert result.err.startswith(f"facilitator: error: {target} is a file, not a folder: ")
    assert result.err.count("\n") == 1 and "--data-dir" in result.err


def test_list_with_several_sessions_newest_first(cli: Run, library: SessionLibrary) -> None:
    ids = [new_session(cli, f"Workshop {n}") for n in range(3)]
    for age, session_id in enumerate(reversed(ids)):  # the last created is the newest
        stamp = 1_700_000_000 - age * 1000
        os.utime(library.path_for(session_id), (stamp, stamp))
    result = cli("list")
    assert result.code == EXIT_OK
    assert result.err == ""
    assert list_ids(result) == list(reversed(ids))
    assert [line.rsplit("act.  ", 1)[1] for line in result.out.splitlines()] == [
        "Workshop 2",
        "Workshop 1",
        "Workshop 0",
    ]


def test_list_shows_a_corrupt_session_and_the_others(cli: Run, data_dir: Path) -> None:
    good = [new_session(cli, "Good one"), new_session(cli, "Good two")]
    sessions = data_dir / "sessions"
    (sessions / "c0ffee00.json").write_text("{not json", encoding="utf-8")
    (sessions / "notasess.json").write_text('{"meta": {}}', encoding="utf-8")
    result = cli("list")
    assert result.code == EXIT_OK
    lines = {line.split()[0]: line for line in result.out.splitlines()}
    assert set(lines) == {*good, "c0ffee00", "notasess"}
    assert lines["c0ffee00"].startswith("c0ffee00   ! ")
    assert "corrupt session file" in lines["c0ffee00"]
    assert str(sessions / "c0ffee00.json") in lines["c0ffee00"]
    assert "not a facilitator session file" in lines["notasess"]
    assert "Good one" in lines[good[0]] and "Good two" in lines[good[1]]
    assert len(result.out.splitlines()) == 4


def test_list_names_a_copied_session_by_its_file(cli: Run, library: SessionLibrary) -> None:
    """A copy keeps its session's id inside; listed under that id, it could not be told from the
    original, and the id listed opened the original: each is listed as the name that opens it."""
    original = new_session(cli, "Workshop")
    library.path_for(f"{original}-backup").write_bytes(library.path_for(original).read_bytes())
    result = cli("list")
    assert result.code == EXIT_OK
    assert sorted(list_ids(result)) == sorted([original, f"{original}-backup"])
    assert cli("export", f"{original}-backup", "--format", "json").code == EXIT_OK


def test_a_typed_title_is_cleaned_before_it_is_stored_or_listed(cli: Run) -> None:
    title = "Evil\x1b[2J\x1b]0;pwned\x07 title\nsecond line\u202eabc"
    session_id = new_session(cli, title)
    result = cli("list")
    assert result.code == EXIT_OK
    assert "\x1b" not in result.out and "\x07" not in result.out and "\u202e" not in result.out
    assert "Evil[2J]0;pwned title second lineabc" in result.out
    assert len(result.out.splitlines()) == 1
    # Cleaned once, on the way in (core.text.clean): the file never holds the controls.
    assert export_data(cli, session_id)["meta"]["session"]["title"] == "Evil[2J]0;pwned title second lineabc"


def test_list_does_not_send_control_characters_in_other_columns(cli: Run, library: SessionLibrary) -> None:
    # The date is refused unless it is a date now; a file written by hand may still hold anything.
    refused = cli("new", "--scenario", "community-safety", "--title", "T", "--date", "\x1b[31m2026\x1b[0m")
    assert refused.code == EXIT_USER_ERROR and "\x1b" not in refused.err
    service = library.open(new_session(cli, "T"))
    data = json.loads(service.path.read_text(encoding="utf-8"))
    data["meta"]["session"]["date"] = "\x1b[31m2026\x1b[0m"
    service.path.write_text(json.dumps(data), encoding="utf-8")
    listed = cli("list")
    assert "\x1b" not in listed.out
    assert "\ufffd[31m2026\ufffd[0m" in listed.out


def test_list_truncates_long_titles(cli: Run) -> None:
    new_session(cli, "x" * 100)
    line = cli("list").out.rstrip("\n")
    assert line.endswith("x" * 59 + "…")


# --------------------------------------------------------------------------- export / import


def test_export_json_to_stdout(cli: Run, library: SessionLibrary) -> None:
    session_id = new_session(cli, "Export me")
    result = cli("export", session_id, "--format", "json")
    assert result.code == EXIT_OK
    assert result.err == ""
    data = json.loads(result.out)
    meta = data["meta"]["session"]
    assert meta["id"] == session_id
    assert meta["title"] == "Export me"
    assert meta["schema"] == SCHEMA_VERSION
    assert meta["scenario"]["scenario"]["id"] == "community-safety"  # embedded scenario
    assert result.out == library.export_json(session_id)
    assert result.out.endswith("}\n")


def test_export_to_a_file(cli: Run, tmp_path: Path) -> None:
    session_id = new_session(cli, "Õnnelik ekspordi")
    target = tmp_path / "out" / "export.json"
    target.parent.mkdir()
    result = cli("export", session_id, "-o", str(target))
    assert result.code == EXIT_OK
    assert result.out == ""
    assert result.err == f"wrote {target}\n"
    assert target.read_text(encoding="utf-8") == cli("export", session_id).out
    assert "Õnnelik ekspordi" in target.read_text(encoding="utf-8")  # not \u-escaped
    # --output overwrites, and the long spelling works too.
    target.write_text("old", encoding="utf-8")
    assert cli("export", session_id, "--output", str(target)).code == EXIT_OK
    assert json.loads(target.read_text(encoding="utf-8"))["meta"]["session"]["id"] == session_id


def test_export_to_a_folder_or_unwritable_place(cli: Run, tmp_path: Path) -> None:
    session_id = new_session(cli)
    assert_one_line_error(cli("export", session_id, "-o", str(tmp_path)), "is a folder")
    missing = tmp_path / "no" / "such" / "dir" / "x.json"
    assert_one_line_error(cli("export", session_id, "-o", str(missing)), "cannot write")


@pytest.mark.parametrize("demo", [False, True], ids=["new", "demo"])
def test_export_import_round_trip(cli: Run, tmp_path: Path, library: SessionLibrary, demo: bool) -> None:
    if demo:
        result = cli("demo")
        assert result.code == EXIT_OK
        session_id = result.out.strip()
    else:
        session_id = new_session(cli, "Round trip 🛡️ ÕÄÖÜ")
    original = SessionService(library.path_for(session_id)).session
    exported = tmp_path / "round-trip.json"
    assert cli("export", session_id, "-o", str(exported)).code == EXIT_OK
    original_text = cli("export", session_id).out

    assert cli("delete", session_id, "--yes").code == EXIT_OK
    assert not library.path_for(session_id).exists()

    result = cli("import", str(exported))
    assert result.code == EXIT_OK, result
    assert result.out == f"{session_id}\n"
    reimported = SessionService(library.path_for(session_id)).session
    assert reimported == original
    assert reimported.scenario == original.scenario
    assert cli("export", session_id).out == original_text
    assert list_ids(cli("list")) == [session_id]


def test_export_unknown_id(cli: Run) -> None:
    new_session(cli)
    assert_one_line_error(cli("export", "ffffffff"), "no session 'ffffffff'")
    assert_one_line_error(cli("export", "../etc/passwd"), "is not a session id")


def test_unique_prefix_and_ambiguous_prefix(cli: Run, tmp_path: Path) -> None:
    data = export_data(cli, new_session(cli, "Prefix"))
    import_with_id(cli, tmp_path, data, "abc111")
    import_with_id(cli, tmp_path, data, "abc222")

    result = cli("export", "abc1")
    assert result.code == EXIT_OK
    assert json.loads(result.out)["meta"]["session"]["id"] == "abc111"

    ambiguous = cli("export", "abc")
    assert_one_line_error(ambiguous, "matches several sessions", "abc111", "abc222")
    assert_one_line_error(cli("delete", "abc", "--yes"), "matches several sessions")
    assert {"abc111", "abc222"} <= set(list_ids(cli("list")))


def test_import_missing_file(cli: Run, tmp_path: Path, data_dir: Path) -> None:
    assert_one_line_error(cli("import", str(tmp_path / "nope.json")), "no such file")
    assert not (data_dir / "sessions").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"garbage, not json at all", "not valid JSON"),
        (b"\xff\xfe\x00\x01binary", "not UTF-8 text"),
        (b"", "not valid JSON"),
        (b'{"meta": {"session": {"kind": "facilitator-sess', "not valid JSON"),
    ],
    ids=["text", "binary", "empty", "truncated"],
)
def test_import_garbage(cli: Run, tmp_path: Path, data_dir: Path, content: bytes, message: str) -> None:
    path = tmp_path / "garbage.json"
    path.write_bytes(content)
    assert_one_line_error(cli("import", str(path)), str(path), message)
    assert not (data_dir / "sessions").exists()


@pytest.mark.parametrize(
    "document",
    [
        [1, 2, 3],
        "a string",
        {"name": "something else"},
        {"meta": {"session": {"kind": "other-app", "schema": 1}}},
        {"meta": {"session": {"kind": "facilitator-session"}}},
    ],
    ids=["list", "string", "other-object", "other-kind", "no-schema"],
)
def test_import_json_that_is_not_a_session(
    cli: Run, tmp_path: Path, data_dir: Path, document: object
) -> None:
    path = tmp_path / "other.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = cli("import", str(path))
    assert_one_line_error(result, str(path))
    assert "session" in result.err
    assert not (data_dir / "sessions").exists()


def test_import_from_a_newer_version(cli: Run, tmp_path: Path, library: SessionLibrary) -> None:
    data = export_data(cli, new_session(cli))
    path = write_session_with_id(tmp_path, data, "fromfuture")
    newer = json.loads(path.read_text(encoding="utf-8"))
    newer["meta"]["session"]["schema"] = SCHEMA_VERSION + 1
    path.write_text(json.dumps(newer), encoding="utf-8")
    before = listing(library.sessions_dir)
    assert_one_line_error(cli("import", str(path)), "newer", str(SCHEMA_VERSION + 1))
    assert listing(library.sessions_dir) == before


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda d: d["meta"]["session"].update(id="../../evil"), "is not valid"),
        (lambda d: d["meta"]["session"].pop("scenario"), "embedded scenario"),
        (lambda d: d["meta"]["session"]["scenario"].pop("rungs"), "embedded scenario"),
        (lambda d: d["meta"]["session"].pop("title"), "corrupt session file"),
        (lambda d: d.update(parties={"p1": {"id": "p1"}}), "corrupt session file"),
        (lambda d: d.update(parties=["not", "a", "table"]), "corrupt session file"),
    ],
    ids=["bad-id", "no-scenario", "broken-scenario", "no-title", "bad-party", "bad-table"],
)
def test_import_a_damaged_session_writes_nothing(
    cli: Run,
    tmp_path: Path,
    library: SessionLibrary,
    spoil: Callable[[dict], object],
    message: str,
) -> None:
    data = export_data(cli, new_session(cli))
    damaged = write_session_with_id(tmp_path, data, "damaged1")
    doc = json.loads(damaged.read_text(encoding="utf-8"))
    spoil(doc)
    damaged.write_text(json.dumps(doc), encoding="utf-8")
    before = listing(library.sessions_dir)
    assert_one_line_error(cli("import", str(damaged)), message)
    assert listing(library.sessions_dir) == before


def test_import_clash_and_new_id(cli: Run, tmp_path: Path, library: SessionLibrary) -> None:
    session_id = new_session(cli, "Clash")
    exported = tmp_path / "clash.json"
    assert cli("export", session_id, "-o", str(exported)).code == EXIT_OK
    original_file = library.path_for(session_id).read_bytes()
    before = listing(library.sessions_dir)

    assert_one_line_error(cli("import", str(exported)), "already exists", "--new-id")
    assert listing(library.sessions_dir) == before
    assert library.path_for(session_id).read_bytes() == original_file

    result = cli("import", str(exported), "--new-id")
    assert result.code == EXIT_OK
    copy_id = result.out.strip()
    assert copy_id != session_id
    assert library.path_for(session_id).read_bytes() == original_file
    copy = library.open(copy_id).session
    assert copy.info.id == copy_id
    assert copy.info.title == "Clash"
    assert sorted(list_ids(cli("list"))) == sorted([session_id, copy_id])


def test_import_new_id_without_a_clash_keeps_the_id(cli: Run, tmp_path: Path) -> None:
    data = export_data(cli, new_session(cli))
    path = write_session_with_id(tmp_path, data, "keepme01")
    result = cli("import", str(path), "--new-id")
    assert result.code == EXIT_OK
    assert result.out == "keepme01\n"


# --------------------------------------------------------------------------- delete


def test_delete_with_yes(cli: Run, library: SessionLibrary) -> None:
    keep = new_session(cli, "Keep")
    gone = new_session(cli, "Gone")
    result = cli("delete", gone, "--yes")
    assert result.code == EXIT_OK
    assert result.out == ""
    assert result.err == f"deleted {gone}\n"
    assert not library.path_for(gone).exists()
    assert not Path(str(library.path_for(gone)) + ".lock").exists()
    assert list_ids(cli("list")) == [keep]
    assert_one_line_error(cli("delete", gone, "--yes"), f"no session {gone!r}")


def test_delete_by_prefix(cli: Run, library: SessionLibrary) -> None:
    session_id = new_session(cli)
    assert cli("delete", session_id[:3], "--yes").err == f"deleted {session_id}\n"
    assert not library.path_for(session_id).exists()


def test_delete_without_yes_and_no_terminal(cli: Run, library: SessionLibrary) -> None:
    session_id = new_session(cli)
    before = library.path_for(session_id).read_bytes()
    result = cli("delete", session_id, stdin=io.StringIO("y\n"))  # piped "y" doesn't count
    assert_one_line_error(result, "not deleting without confirmation", "--yes")
    assert library.path_for(session_id).read_bytes() == before


@pytest.mark.parametrize("answer", ["y\n", "yes\n", "Y\n", " jah \n", "j\n"])
def test_delete_confirmed_interactively(cli: Run, library: SessionLibrary, answer: str) -> None:
    session_id = new_session(cli, "Ask \x1b[31mme")
    result = cli("delete", session_id, stdin=FakeTty(answer))
    assert result.code == EXIT_OK
    assert result.out == ""
    # The user's Enter is echoed by the terminal, not written by us.
    assert result.err == (
        f"Delete session {session_id} “Ask [31mme”? This can't be undone. [y/N] deleted {session_id}\n"
    )
    assert not library.path_for(session_id).exists()


@pytest.mark.parametrize("answer", ["n\n", "\n", "", "no\n", "yess\n"])
def test_delete_refused_interactively(cli: Run, library: SessionLibrary, answer: str) -> None:
    session_id = new_session(cli)
    result = cli("delete", session_id, stdin=FakeTty(answer))
    assert result.code == EXIT_OK
    assert result.err.endswith("[y/N] not deleted\n")
    assert library.path_for(session_id).exists()
    assert list_ids(cli("list")) == [session_id]


def test_delete_unknown_id(cli: Run) -> None:
    assert_one_line_error(cli("delete", "deadbeef", "--yes"), "no session 'deadbeef'")


def test_delete_a_corrupt_session(cli: Run, data_dir: Path) -> None:
    """`list` shows a corrupt file with "!"; `delete` must still be able to remove it."""
    good = new_session(cli)
    corrupt = data_dir / "sessions" / "c0ffee00.json"
    corrupt.write_text("{not json", encoding="utf-8")
    result = cli("delete", "c0ffee00", stdin=FakeTty("y\n"))
    assert result.code == EXIT_OK, result
    assert result.err == (
        "Delete session c0ffee00 “(unreadable session file)”? This can't be undone. [y/N] deleted c0ffee00\n"
    )
    assert not corrupt.exists()
    assert list_ids(cli("list")) == [good]


# --------------------------------------------------------------------------- demo


def _assert_complete_demo(session_id: str, library: SessionLibrary) -> None:
    session = library.open(session_id).session
    assert len(session.activities) >= 10
    assert len(session.parties) >= 2
    assert session.participants
    assert session.placements

    by_round: dict[tuple[str, int], dict[str, str]] = defaultdict(dict)
    for placement in session.placements:
        by_round[(placement.activity_id, placement.round)][placement.party_id] = placement.current
    disagreements = [key for key, current in by_round.items() if len(set(current.values())) > 1]
    assert disagreements, "at least one activity where two parties placed it differently"

    rungs = set(session.scenario.rung_ids())
    agreed = [a for a in session.activities if a.agreed_current is not None]
    assert agreed
    assert all(a.agreed_current in rungs for a in agreed)
    assert any(a.revealed for a in session.activities)
    assert any(not a.revealed for a in session.activities)

    role_ids = {r.id for r in session.scenario.roles}
    assert session.roles
    assert all(r.role_id in role_ids for r in session.roles)
    assert session.commitments
    assert {e.state for e in session.expectations} >= {"open", "accepted", "amended", "declined"}
    assert all(e.response for e in session.expectations if e.state in ("amended", "declined"))
    assert session.fields and all(f.value.strip() for f in session.fields)
    assert session.signoffs
    assert session.actions
    assert [a for a in session.actions if a.done]
    assert [a for a in session.actions if not a.done]
    assert session.events


@pytest.mark.parametrize(
    ("args", "scenario_id", "language", "title_word"),
    [
        (("--scenario", "kogukondlik-turvalisus"), "kogukondlik-turvalisus", "et", "näidistöötuba"),
        (("--scenario", "community-safety"), "community-safety", "en", "demo workshop"),
        # In the interface language, as `m` in the app (`--lang en demo` made the Estonian one)
        (("--lang", "en"), "community-safety", "en", "demo workshop"),
        (("--lang", "et"), "kogukondlik-turvalisus", "et", "näidistöötuba"),
    ],
    ids=["kogukondlik-turvalisus", "community-safety", "lang-en", "lang-et"],
)
def test_demo(
    cli: Run,
    library: SessionLibrary,
    args: tuple[str, ...],
    scenario_id: str,
    language: str,
    title_word: str,
) -> None:
    result = cli("demo", *args)
    assert result.code == EXIT_OK, result
    assert result.err == ""
    session_id = result.out.strip()
    assert result.out == f"{session_id}\n"
    info = library.open(session_id).session.info
    assert (info.scenario_id, info.language) == (scenario_id, language)
    assert title_word in info.title
    _assert_complete_demo(session_id, library)
    [line] = cli("list").out.splitlines()
    assert line.startswith(session_id) and scenario_id in line


def test_demo_without_lang_is_in_the_language_chosen_last(
    cli: Run, library: SessionLibrary, data_dir: Path
) -> None:
    """As the app's `m`: the interface language (chosen last with F7, else the system's)."""
    from facilitator.core.settings import save_setting

    for language, scenario_id in (("et", "kogukondlik-turvalisus"), ("en", "community-safety")):
        save_setting(data_dir, "language", language)
        session_id = cli("demo").out.strip()
        assert library.open(session_id).session.info.scenario_id == scenario_id


def test_demo_twice_makes_two_sessions(cli: Run) -> None:
    first, second = cli("demo").out.strip(), cli("demo").out.strip()
    assert first != second
    assert sorted(list_ids(cli("list"))) == sorted([first, second])


def test_demo_unknown_scenario(cli: Run, data_dir: Path) -> None:
    assert_one_line_error(cli("demo", "--scenario", "nope"), "no scenario 'nope'")
    assert not (data_dir / "sessions").exists()


def test_demo_from_a_scenario_without_examples(cli: Run, tmp_path: Path, data_dir: Path) -> None:
    """A valid scenario may have no parties or examples; demo says so, no traceback, no debris."""
    path = tmp_path / "mini.toml"
    path.write_text(MINIMAL_SCENARIO, encoding="utf-8")
    assert_one_line_error(cli("demo", "--scenario", str(path)), "mini", "demo")
    assert listing(data_dir / "sessions") == []


# --------------------------------------------------------------------------- usage, data dir, open


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate"],
        ["new", "--title", "x"],
        ["new", "--scenario", "community-safety"],
        ["scenario"],
        ["scenario", "lint", "x.toml"],
        ["export"],
        ["export", "abc", "--format", "pdf"],
        ["import"],
        ["delete"],
        ["open"],
        ["--lang", "fr", "list"],
        ["list", "--bogus"],
    ],
    ids=lambda argv: " ".join(argv),
)
def test_bad_usage(cli: Run, argv: list[str]) -> None:
    result = cli(*argv)
    assert_one_line_error(result, "error:", "--help")


def test_data_dir_option_overrides_the_environment(cli: Run, tmp_path: Path, data_dir: Path) -> None:
    other = tmp_path / "other data"
    result = cli("--data-dir", str(other), "new", "--scenario", "community-safety", "--title", "X")
    assert result.code == EXIT_OK
    session_id = result.out.strip()
    assert (other / "sessions" / f"{session_id}.json").is_file()
    assert not data_dir.exists()
    assert cli("list").err.startswith("no sessions in")
    assert list_ids(cli("--data-dir", str(other), "list")) == [session_id]
    # User scenarios come from the chosen data folder too.
    (other / "scenarios").mkdir()
    (other / "scenarios" / "mine.toml").write_text(MINIMAL_SCENARIO, encoding="utf-8")
    assert "mini" in list_ids(cli("--data-dir", str(other), "scenarios"))
    assert "mini" not in list_ids(cli("scenarios"))


def test_open_unknown_id_starts_nothing(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_app(self: Cli, session_path: Path | None) -> int:
        raise AssertionError("the app must not start")

    monkeypatch.setattr(Cli, "run_app", no_app)
    assert_one_line_error(cli("open", "deadbeef"), "no session 'deadbeef'")
    new_session(cli)
    assert_one_line_error(cli("open", "zz"), "no session 'zz'")


def test_open_a_corrupt_session_starts_nothing(
    cli: Run, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_app(self: Cli, session_path: Path | None) -> int:
        raise AssertionError("the app must not start")

    monkeypatch.setattr(Cli, "run_app", no_app)
    new_session(cli)
    (data_dir / "sessions" / "c0ffee00.json").write_text("{not json", encoding="utf-8")
    assert_one_line_error(cli("open", "c0ffee00"), "corrupt session file")


# --------------------------------------------------------------------------- real processes


def test_process_version_and_help(subprocess_run: Run) -> None:
    result = subprocess_run("--version")
    assert (result.code, result.out, result.err) == (EXIT_OK, f"facilitator {__version__}\n", "")
    result = subprocess_run("--help")
    assert result.code == EXIT_OK and result.err == ""
    assert all(command in result.out for command in COMMANDS)


def test_process_new_list_export_delete(subprocess_run: Run, tmp_path: Path) -> None:
    created = subprocess_run("new", "--scenario", "kogukondlik-turvalisus", "--title", "Õue 🛡️")
    assert (created.code, created.err) == (EXIT_OK, "")
    session_id = created.out.strip()
    listed = subprocess_run("list")
    assert listed.code == EXIT_OK and listed.out.startswith(session_id)
    assert listed.out.rstrip("\n").endswith("Õue 🛡️")
    exported = subprocess_run("export", session_id)
    assert exported.code == EXIT_OK
    assert json.loads(exported.out)["meta"]["session"]["title"] == "Õue 🛡️"
    refused = subprocess_run("delete", session_id)  # stdin is not a terminal
    assert_one_line_error(refused, "--yes")
    deleted = subprocess_run("delete", session_id, "--yes")
    assert (deleted.code, deleted.err) == (EXIT_OK, f"deleted {session_id}\n")


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        (["frobnicate"], "invalid choice"),
        (["new", "--title", "x"], "--scenario"),
        (["new", "--scenario", "no-such", "--title", "x"], "no scenario 'no-such'"),
        (["export", "deadbeef"], "no session 'deadbeef'"),
        (["open", "deadbeef"], "no session 'deadbeef'"),
        (["import", "GARBAGE"], "not valid JSON"),
        (["scenario", "check", "missing.toml"], "cannot read"),
    ],
    ids=[
        "unknown-command",
        "missing-option",
        "unknown-scenario",
        "export",
        "open",
        "import",
        "check-missing",
    ],
)
def test_process_user_errors_are_one_line(
    subprocess_run: Run, tmp_path: Path, argv: list[str], fragment: str
) -> None:
    (tmp_path / "GARBAGE").write_text("garbage", encoding="utf-8")
    result = subprocess_run(*argv)
    assert result.code == EXIT_USER_ERROR
    assert result.out == ""
    assert len(result.err.splitlines()) == 1, result.err
    assert "Traceback" not in result.err
    assert fragment in result.err


@pytest.fixture(autouse=True)
def _no_stray_output(capsys: pytest.CaptureFixture[str]) -> Iterator[None]:
    """Commands write through `out`/`err` only; nothing leaks to the real streams."""
    yield
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_new_accepts_both_date_forms_and_refuses_anything_else(cli: Run, library: SessionLibrary) -> None:
    result = cli("new", "--scenario", "community-safety", "--title", "Dotted", "--date", "03.12.2026")
    assert result.code == EXIT_OK
    assert library.open(result.out.strip()).session.info.date == "2026-12-03"
    refused = cli("new", "--scenario", "community-safety", "--title", "Vague", "--date", "next week")
    assert refused.code == EXIT_USER_ERROR
    assert refused.err.count("\n") == 1 and "not a date" in refused.err and "Traceback" not in refused.err
    assert [s.title for s in library.list()] == ["Dotted"]


def test_list_shows_phase_names_not_ids(cli: Run, library: SessionLibrary) -> None:
    from facilitator.core.scenario import find_scenario

    scenario = find_scenario("community-safety")
    service = library.create(scenario, "Phased")
    place = next(p for p in scenario.agenda if p.kind == "place")
    service.set_phase(place.id)
    listed = cli("list").out
    assert place.name in listed
    assert f" {place.id} " not in listed or place.id == place.name


def test_a_session_made_by_new_opens_without_the_deep_check(
    cli: Run, library: SessionLibrary, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`new` checked what it wrote: the app's first start reads it as this device left it."""
    from facilitator.core import store
    from facilitator.core.device import ENV_STATE_DIR

    monkeypatch.setenv(ENV_STATE_DIR, str(tmp_path / "state"))  # this device's notes, not the user's

    made = cli("new", "--scenario", "community-safety", "--title", "Trusted")
    assert made.code == EXIT_OK, made.err

    def refuse(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("checked again")

    monkeypatch.setattr(store, "parse_session", refuse)  # (the name the store calls)
    assert library.open(made.out.strip()).session.info.title == "Trusted"
