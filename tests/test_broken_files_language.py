"""A broken file is refused in the reader's language, the reason included: with `--lang et`,
no English word in what `scenario check`, `scenarios`, `import` and `open` say about broken
scenario files and corrupt, newer or wrongly typed session files.

Before, only the frame was Estonian: "töötoa fail on rikutud (table 'activities', field
'title': must be text, not a list)", "bad.toml:3: rungs[0].name: expected text, got a list".
What stays as written is the file's own: its path, its key paths, quoted names and ids.
"""

from __future__ import annotations

import copy
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from facilitator.cli import main
from tests.test_cli_language import HELP_ESTONIAN, english_words, words
from tests.test_validate import SPOILERS

FIXTURES = Path(__file__).parent / "fixtures" / "scenarios"
MINIMAL = (FIXTURES / "minimal.toml").read_text(encoding="utf-8")


def said(*argv: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    main(["--lang", "et", *argv], out=out, err=err)
    return out.getvalue() + err.getvalue()


def english(text: str, *data: str) -> list[str]:
    """English words in `text` once the file's own words are out: paths, key paths and
    TOML tables (`rungs[0].name`, `[[rungs]]`), quoted names, and the `data` given."""
    for item in data:
        text = text.replace(item, " ")
    text = re.sub(r"^(! )?\S*?\.toml(:\d+)?: [^\s:]+:", " ", text, flags=re.MULTILINE)  # file: key path:
    text = re.sub(r"\S*/\S*|'[\w.-]+'|\[\[[\w.]+\]\]|\b[\w-]+(\[\d+\]|\.[\w-]+)[\w.\[\]-]*", " ", text)
    return sorted(english_words() & (words(text) - HELP_ESTONIAN))


def spoiled(*changes: tuple[str, str]) -> str:
    """The minimal scenario with each (old, new) made; each old text must be there."""
    text = MINIMAL
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


BROKEN_SCENARIOS: dict[str, str] = {
    "missing '='": "format = 1\n[scenario]\nid\n",
    "unterminated string": 'format = 1\n[scenario]\nid = "abc\n',
    "key twice": "format = 1\nformat = 2\n",
    "table twice": "[scenario]\n[scenario]\n",
    "invalid value": "format = @\n",
    "unclosed array": "x = [1, 2\n",
    "bad character": "format = 1\n\x01\n",
    "bad escape": 'x = "\\q"\n',
    "bad date": "x = 2026-13-45\n",
    "a number not allowed": spoiled(("minutes = 10", "minutes = nan")),
    "a huge number": spoiled(("format = 1", "format = 1" + "0" * 30)),
    "nested too deep": "a = " + "[" * 5000 + "]" * 5000,
    "wrong types": spoiled(('id = "minimal"', "id = 3"), ("lead = true", 'lead = "yes"')),
    "a list for a text": spoiled(('name = "Police"', 'name = ["Police"]')),
    "an unknown language": spoiled(('language = "en"', 'language = "fi"')),
    "minutes out of range": spoiled(("minutes = 10", "minutes = -5")),
    "minutes as text": spoiled(("minutes = 10", 'minutes = "ten"')),
    "an unknown phase kind": spoiled(('kind = "intro"', 'kind = "party"')),
    "examples not an array": spoiled(("[[examples]]", "examples = 3\n[[x]]")),
    "a table for a list": spoiled(('questions = ["Who does what?"]', "questions = {a = 1}")),
    "empty questions": spoiled(('questions = ["Who does what?"]', 'questions = [""]')),
    "no questions": spoiled(('questions = ["Who does what?"]', "questions = []")),
    "an unknown approach": spoiled(('approach = "situational"', 'approach = "magic"')),
    "an unknown flow": spoiled(('approach = "situational"', 'approach = "situational"\nflows = ["up"]')),
    "a duplicate rung": spoiled(('id = "collaboration"', 'id = "communication"')),
    "a newer format": spoiled(("format = 1", "format = 99")),
    "an unknown format": spoiled(("format = 1", "format = 0")),
    "format as text": spoiled(("format = 1", 'format = "one"')),
    "nothing at all": "",
}


def scenario_files(folder: Path) -> list[Path]:
    """Every kind of broken scenario: the fixtures, the cases above, not UTF-8, a folder, none."""
    files = sorted((FIXTURES / "bad").glob("*.toml"))
    for n, text in enumerate(BROKEN_SCENARIOS.values()):
        path = folder / f"broken-{n}.toml"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    (folder / "latin1.toml").write_bytes("title = 'Põlva'".encode("latin-1"))
    (folder / "a-folder.toml").mkdir()
    return [*files, folder / "latin1.toml", folder / "a-folder.toml", folder / "nowhere.toml"]


def test_the_check_catches_the_english_of_before() -> None:
    before = "x.toml:3: rungs[0].name: expected text, got a list\nx.toml: rungs: missing required key 'id'"
    assert {"got", "missing", "required"} <= set(english(before))
    assert english("x.toml:3: rungs[0].name: oodati teksti, kuid on loend") == []


def test_broken_scenarios_are_refused_in_estonian(tmp_path: Path) -> None:
    for path in scenario_files(tmp_path):
        text = said("scenario", "check", str(path))
        assert text.strip(), path
        assert not english(text), f"{path.name}: {english(text)}\n{text}"


def test_the_scenario_list_names_broken_files_in_estonian(tmp_path: Path) -> None:
    data = tmp_path / "data"
    mine = data / "scenarios"
    mine.mkdir(parents=True)
    for n, text in enumerate(BROKEN_SCENARIOS.values()):
        (mine / f"broken-{n}.toml").write_text(text, encoding="utf-8")
    text = said("--data-dir", str(data), "scenarios")
    assert text.count("! ") >= len(BROKEN_SCENARIOS)
    lines = [line for line in text.splitlines() if line.startswith("! ")]  # the built-in ones are theirs
    assert not english("\n".join(lines)), english("\n".join(lines))


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    data_dir = tmp_path_factory.mktemp("demo") / "data"
    out = io.StringIO()
    main(["--data-dir", str(data_dir), "demo", "--scenario", "community-safety"], out=out, err=io.StringIO())
    session_id = out.getvalue().strip()
    out = io.StringIO()
    main(["--data-dir", str(data_dir), "export", session_id, "--format", "json"], out=out, err=io.StringIO())
    data: dict[str, Any] = json.loads(out.getvalue())
    return data


def broken_sessions(base: dict[str, Any]) -> dict[str, str]:
    """File name → content: every spoiler of the validator's tests, and the plain breakages."""
    files: dict[str, str] = {}
    for n, (spoil, _) in enumerate(SPOILERS.values()):
        data = copy.deepcopy(base)
        spoil(data)
        files[f"spoiled-{n}.json"] = json.dumps(data)
    newer, no_schema, broken_scenario = (copy.deepcopy(base) for _ in range(3))
    newer["meta"]["session"]["schema"] = 999
    no_schema["meta"]["session"].pop("schema")
    broken_scenario["meta"]["session"]["scenario"]["rungs"][0]["name"] = ["a", "list"]
    files |= {
        "newer.json": json.dumps(newer),
        "no-schema.json": json.dumps(no_schema),
        "broken-scenario.json": json.dumps(broken_scenario),
        "not-json.json": "{nope",
        "nan.json": json.dumps(base).replace('"round": 1', '"round": NaN', 1),
        "huge-number.json": json.dumps(base).replace('"round": 1', '"round": 1' + "0" * 30, 1),
        "deep.json": "[" * 5000 + "]" * 5000,
        "a-list.json": "[1, 2]",
        "a-table-of-numbers.json": json.dumps({**base, "parties": [1, 2]}),
        "surrogate.json": json.dumps(base).replace('"title": "', '"title": "\\ud800', 1),
    }
    return files


def test_corrupt_session_files_are_refused_in_estonian(exported: dict[str, Any], tmp_path: Path) -> None:
    data = tmp_path / "data"
    files = broken_sessions(exported)
    for name, content in files.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        text = said("--data-dir", str(data), "import", str(path))
        assert "viga" in text, (name, text)
        assert not english(text, str(tmp_path)), f"{name}: {english(text, str(tmp_path))}\n{text}"
    (tmp_path / "latin1.json").write_bytes('{"title": "Põlva"}'.encode("latin-1"))
    for path in (tmp_path / "latin1.json", tmp_path / "nowhere.json", tmp_path):
        text = said("--data-dir", str(data), "import", str(path))
        assert not english(text, str(tmp_path)), f"{path.name}: {text}"


def test_a_corrupt_session_in_the_library_is_named_in_estonian(
    exported: dict[str, Any], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    sessions = data / "sessions"
    sessions.mkdir(parents=True)
    spoiled = copy.deepcopy(exported)
    spoiled["activities"][next(iter(spoiled["activities"]))]["title"] = 3
    (sessions / "spoiled.json").write_text(json.dumps(spoiled), encoding="utf-8")
    for argv in (("list",), ("export", "spoiled", "--format", "md"), ("mismatches", "spoiled")):
        text = said("--data-dir", str(data), *argv)
        assert not english(text, str(tmp_path)), f"{argv}: {text}"


def test_a_broken_earlier_session_of_a_series_is_named_in_estonian(tmp_path: Path) -> None:
    """The history says why last year's session could not be read, in the reader's language."""
    from facilitator.core.library import SessionLibrary
    from facilitator.core.scenario import find_scenario

    data = tmp_path / "data"
    library = SessionLibrary(data)
    first = library.create(find_scenario("kogukondlik-turvalisus"), "Esimene")
    first.close_session()
    second = library.create_from(first.session.id, title="Teine")
    first_id, second_id = first.session.id, second.session.id
    spoiled = json.loads(first.path.read_text(encoding="utf-8"))
    spoiled["meta"]["session"]["title"] = ["a", "list"]
    first.path.write_text(json.dumps(spoiled), encoding="utf-8")
    report = tmp_path / "history.md"
    said("--data-dir", str(data), "history", second_id, "-o", str(report))
    text = report.read_text(encoding="utf-8")
    assert "rikutud" in text, text
    assert not english(text, str(tmp_path), first_id, second_id, "Teine"), english(text)
