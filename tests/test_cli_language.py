"""One language at a time on the command line too: in Estonian, no English word in what
the commands print (`list` printed "12 act.", `export` "wrote …").

The English words looked for are those of the English catalogue that its Estonian side
never uses, and a few common ones; what the user typed (titles, paths, ids) is taken out
of the output first, since it is the user's own text.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from facilitator.cli import main
from facilitator.core.i18n import CATALOGUE
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario

COMMON = {"wrote", "act", "deleted", "not", "no", "sessions", "session", "error", "notice", "ok"}
COMMON |= {"continues", "rungs", "roles", "parties", "phases", "examples", "the", "and", "see", "known"}
COMMON |= {"matches", "stopped"}
KEPT = {"facilitator", "ctrl", "lan", "yes", "help", "new", "list", "scenario", "from", "title", "id"}
"""Command and option names, which are the same in both languages."""


def words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[A-Za-z]{2,}", text)}


def english_words() -> set[str]:
    english = set().union(*(words(texts["en"]) for texts in CATALOGUE.values()))
    estonian = set().union(*(words(texts["et"]) for texts in CATALOGUE.values()))
    return ((english - estonian) | COMMON) - KEPT


def run(*argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    main(["--lang", "et", *argv], out=out, err=err)
    return out.getvalue() + err.getvalue()


def test_english_words_are_found() -> None:
    """The check itself: the lines the CLI printed before are caught."""
    found = english_words() & words("wrote /tmp/x.md\n12 act.  (continues abc)\nno sessions in /tmp")
    assert {"wrote", "act", "continues", "sessions"} <= found


def test_estonian_cli_output_has_no_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    monkeypatch.setenv("FACILITATOR_DATA_DIR", str(data))
    library = SessionLibrary(data)
    printed = [run("list")]  # none yet
    first = library.create(find_scenario("kogukondlik-turvalisus"), "Esimene")
    first.set_phase(first.scenario.agenda[2].id)
    first.close_session()
    second = library.create_from(first.session.id, title="Teine")
    first_id, second_id = first.session.id, second.session.id
    export_dir = tmp_path / "export"
    printed += [
        run("list"),
        run("scenarios"),
        run("export", second.session.id, "--format", "md", "-o", str(tmp_path / "report.md")),
        run("export", second.session.id, "--format", "csv", "-o", str(export_dir)),
        run("mismatches", second.session.id),
        run("compare", first.session.id, second.session.id),
        run("history", second.session.id, "-o", str(tmp_path / "history.md")),
        run("open", "zz-none"),
        run("open", "!"),
        run("new", "--title", "x"),
        run("new", "--scenario", "nowhere", "--title", "x"),
        run("new", "--scenario", "kogukondlik-turvalisus"),
        run("delete", "--yes", second_id),
    ]
    text = re.sub(r"\S*/\S*", " ", "\n".join(printed))  # paths and file names are data
    for user_text in (str(tmp_path), first_id, second_id, "Esimene", "Teine"):
        text = text.replace(user_text, " ")
    scenarios = [find_scenario(s) for s in ("kogukondlik-turvalisus", "community-safety")]
    for scenario in scenarios:  # the scenarios' own names and titles are theirs
        text = text.replace(scenario.title, " ").replace(scenario.id, " ")
    english = sorted(english_words() & words(text))
    assert not english, f"English in Estonian output: {english}\n{text}"


# --------------------------------------------------------------------------- --help and usage errors

COMMANDS = ("scenarios", "scenario", "scenario check", "new", "list", "open", "review", "export")
COMMANDS += ("import", "mismatches", "compare", "history", "delete", "serve", "demo")
NAMES = {name for command in COMMANDS for name in command.split()}
FORMATS = {"md", "html", "csv", "json", "svg", "handouts", "toml"}


def argparse_run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`facilitator ARGV` where argparse itself answers (--help, a usage error): code, out, err."""
    with pytest.raises(SystemExit) as exit_:
        main(list(argv), out=io.StringIO(), err=io.StringIO())
    captured = capsys.readouterr()
    code = exit_.value.code
    return (code if isinstance(code, int) else 1), captured.out, captured.err


def english_in(text: str, estonian: frozenset[str] = frozenset()) -> list[str]:
    """English words in `text`, leaving out what is a name: options, commands, formats, paths."""
    text = re.sub(r"\S*/\S*|(?<!\w)--?[\w-]+|\{[\w,-]+\}|'[\w-]+'", " ", text)
    return sorted(english_words() & (words(text) - NAMES - FORMATS - estonian))


HELP_ESTONIAN = frozenset({"see"})
"""Estonian in running text ("see arvuti"), English only in "(see 'facilitator --help')"."""


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_estonian_help_has_no_english(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, _ = argparse_run(capsys, "--lang", "et", *command.split(), "--help")
    assert code == 0
    assert out.startswith(f"kasutus: facilitator {command}".rstrip())
    assert "\nvalikud:\n" in out and "näita seda abiteksti ja välju" in out
    english = english_in(out, HELP_ESTONIAN)
    assert not english, f"English in Estonian help: {english}\n{out}"


def test_estonian_help_names_arguments_in_estonian(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = argparse_run(capsys, "--lang", "et", "export", "--help")
    assert "kohustuslikud argumendid:" in out and "-o VÄLJUND" in out
    _, out, _ = argparse_run(capsys, "--lang", "et", "--help")
    assert "käsud:" in out and "--data-dir KAUST" in out and "näita programmi versiooni ja välju" in out


USAGE_ERRORS = [
    (("export",), "puuduvad kohustuslikud argumendid: ID"),
    (("export", "x", "--bogus"), "tundmatud argumendid: --bogus"),
    (("export", "--bogus", "x"), "tundmatud argumendid: --bogus"),
    (("export", "x", "--format", "pdf"), "vigane valik: 'pdf'"),
    (("nowhere",), "vigane valik: 'nowhere'"),
    (("new", "--title"), "väärtus puudub"),
    (("serve", "x", "--port", "abc"), "port peab olema arv"),
    (("serve", "x", "--port", "70000"), "port peab olema 0–65535, mitte 70000 "),  # as typed, not grouped
    (("serve", "x", "--lan", "--host", "0.0.0.0"), "ei saa kasutada koos argumendiga --lan"),
    (("scenario",), "puuduvad kohustuslikud argumendid: KÄSK"),
]


@pytest.mark.parametrize(("argv", "expected"), USAGE_ERRORS)
def test_estonian_usage_errors(
    capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], expected: str
) -> None:
    code, out, err = argparse_run(capsys, "--lang", "et", *argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("facilitator") and ": viga: " in err, err
    assert expected in err and "--help')" in err
    assert not english_in(err.replace(expected, " ")), err


def test_english_help_and_errors_stay_english(capsys: pytest.CaptureFixture[str]) -> None:
    import argparse
    import gettext

    code, out, _ = argparse_run(capsys, "--lang", "en", "export", "--help")
    assert code == 0 and out.startswith("usage: facilitator export")
    assert "positional arguments:" in out and "show this help message and exit" in out and "-o OUTPUT" in out
    code, _, err = argparse_run(capsys, "--lang", "en", "export")
    assert code == 2 and err == (
        "facilitator export: error: the following arguments are required: ID "
        "(see 'facilitator export --help')\n"
    )
    _, _, err = argparse_run(capsys, "--lang", "en", "export", "x", "--format", "pdf")
    assert "invalid choice: 'pdf' (choose from" in err
    assert vars(argparse)["_"] is gettext.gettext  # argparse has its own words back afterwards


def test_the_remembered_language_words_help(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without --lang, help speaks the language chosen last time (the data folder's settings)."""
    from facilitator.core.settings import save_setting

    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    save_setting(tmp_path, "language", "et")
    _, out, _ = argparse_run(capsys, "--data-dir", str(tmp_path), "list", "--help")
    assert out.startswith("kasutus: facilitator list")
    _, out, _ = argparse_run(capsys, f"--data-dir={tmp_path}", "--lang=en", "list", "--help")
    assert out.startswith("usage: facilitator list")


def test_a_taken_port_is_said_in_estonian(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    monkeypatch.setenv("FACILITATOR_DATA_DIR", str(tmp_path))
    session_id = (
        SessionLibrary(tmp_path).create(find_scenario("kogukondlik-turvalisus"), "Esimene").session.id
    )
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        err = io.StringIO()
        assert main(["--lang", "et", "serve", session_id, "--port", port], out=io.StringIO(), err=err) == 2
    assert err.getvalue() == (
        f"facilitator: viga: aadressil 127.0.0.1:{port} ei saa kuulata: port on juba kasutusel "
        "(vali --port abil muu)\n"
    )


def test_file_errors_are_said_in_estonian(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Export targets, imports and scenario files refused: the sentence is Estonian, the OS's
    reason and a corrupt file's detail too; only the file's own names stay as they are."""
    import json
    import os

    data = tmp_path / "data"
    monkeypatch.setenv("FACILITATOR_DATA_DIR", str(data))
    session_id = SessionLibrary(data).create(find_scenario("kogukondlik-turvalisus"), "Esimene").session.id
    fifo, folder, plain_file = tmp_path / "fifo", tmp_path / "folder", tmp_path / "file.txt"
    os.mkfifo(fifo)
    folder.mkdir()
    plain_file.write_text("x")
    (tmp_path / "link.md").symlink_to(tmp_path / "elsewhere.md")
    (tmp_path / "notes.json").write_text(json.dumps({"meta": {}}))
    corrupt = {"meta": {"session": {"kind": "facilitator-session", "schema": 1}}, "parties": 5}
    (tmp_path / "corrupt.json").write_text(json.dumps(corrupt))
    newer = {"meta": {"session": {"kind": "facilitator-session", "schema": 999}}}
    (tmp_path / "newer.json").write_text(json.dumps(newer))
    exported = tmp_path / "session.json"
    assert "viga" not in run("export", session_id, "-o", str(exported))
    refusals = {
        "ei ole tavaline fail": ("export", session_id, "--format", "md", "-o", str(fifo)),
        "on fail, mitte kaust": ("export", session_id, "--format", "csv", "-o", str(plain_file)),
        "on kaust; anna failinimi": ("export", session_id, "--format", "md", "-o", str(folder)),
        "asub andmekaustas": ("export", session_id, "--format", "md", "-o", str(data / "x.md")),
        "on nimeviit": ("export", session_id, "--format", "md", "-o", str(tmp_path / "link.md")),
        "kirjutada ei õnnestu": ("export", session_id, "--format", "md", "-o", str(plain_file / "x.md")),
        "töötoa fail on rikutud": ("import", str(tmp_path / "corrupt.json")),
        "ei ole facilitatori töötoa fail": ("import", str(tmp_path / "notes.json")),
        "uuema versiooniga": ("import", str(tmp_path / "newer.json")),
        "sellist faili ei ole": ("import", str(tmp_path / "nowhere.json")),
        "lugeda ei õnnestu: see ei ole tavaline fail": ("import", str(fifo)),
        "on juba olemas": ("import", str(exported)),
        "lugeda ei õnnestu": ("scenario", "check", str(folder)),
    }
    for expected, argv in refusals.items():
        said = run(*argv)
        assert expected in said, (argv, said)
        # paths, options and the file's own names ('parties', a table) are data
        text = re.sub(r"\S*/\S*|'[\w.-]+'|--[\w-]+", " ", said.replace(session_id, " "))
        english = sorted(english_words() & (words(text) - HELP_ESTONIAN))
        assert not english, f"English in Estonian output: {english}\n{said}"


AFTER_COMMANDS = ["list", "mismatches zz-none", "open zz-none", "scenario check nowhere.toml"]


@pytest.mark.parametrize("command", AFTER_COMMANDS)
def test_lang_after_the_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """README: --lang works after the command too, for every command, not only export."""
    import errno
    import os

    monkeypatch.setenv("FACILITATOR_DATA_DIR", str(tmp_path))
    out, err = io.StringIO(), io.StringIO()
    main([*command.split(), "--lang", "et"], out=out, err=err)
    said = out.getvalue() + err.getvalue()
    said = said.replace(os.strerror(errno.ENOENT), " ")  # the OS's own words
    assert "unrecognized" not in said and "tundmatud" not in said, said
    english = sorted(english_words() & (words(re.sub(r"\S*/\S*", " ", said)) - HELP_ESTONIAN))
    assert not english, f"English in Estonian output: {english}\n{said}"
    _, help_text, _ = argparse_run(capsys, *command.split()[:2], "--help", "--lang", "et")
    assert help_text.startswith("kasutus:")


def test_history_says_when_it_was_made_in_estonian(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """'Aruanne koostatud: 07.12.2026 13:26', as Estonian writes a date (not ISO)."""
    monkeypatch.setenv("FACILITATOR_DATA_DIR", str(tmp_path))
    session_id = (
        SessionLibrary(tmp_path).create(find_scenario("kogukondlik-turvalisus"), "Esimene").session.id
    )
    made = run("history", session_id)
    line = next(line for line in made.splitlines() if "Aruanne koostatud" in line)
    assert re.search(r"\d\d\.\d\d\.\d{4} \d\d:\d\d", line) and not re.search(r"\d{4}-\d\d-\d\d", line), line


def test_a_session_in_setup_is_listed_in_its_phase(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACILITATOR_DATA_DIR", str(tmp_path))
    SessionLibrary(tmp_path).create(find_scenario("kogukondlik-turvalisus"), "Esimene")
    listed = run("list")
    assert "Ettevalmistus" in listed and " - " not in listed, listed
