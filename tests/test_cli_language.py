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
