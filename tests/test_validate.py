"""Untrusted files are checked before they are trusted: `import`, files found in the sessions
folder and user scenarios. A wrongly typed file is refused with one message naming the table,
document and field; it never crashes a later command. Hostile encodings (deep nesting, lone
surrogates, huge numbers, NaN, oversized files) are refused cleanly, and one bad file never
hides the good ones.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.cli import EXIT_OK, EXIT_USER_ERROR, main
from facilitator.core.errors import SessionFileError
from facilitator.core.i18n import Translator
from facilitator.core.library import SessionLibrary
from facilitator.core.plain import MAX_FILE_BYTES
from facilitator.core.review import Timeline, TimelineError, board_groups, dashboard, describe_events
from facilitator.core.service import SessionService
from facilitator.core.validate import validate_session

MINIMAL_SCENARIO = (Path(__file__).parent / "fixtures" / "scenarios" / "minimal.toml").read_text("utf-8")


def run(*args: str) -> tuple[int, str, str]:
    """`facilitator ARGS...` in-process, as tests/test_cli.py does."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args), out=out, err=err)
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
    return code, out.getvalue(), err.getvalue()


def one_line_refusal(code: int, out: str, err: str) -> None:
    assert code == EXIT_USER_ERROR, (code, err)
    assert out == ""
    assert len(err.splitlines()) == 1 and err.startswith("facilitator: error: "), err
    assert "Traceback" not in err


@pytest.fixture(scope="module")
def demo_export(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A real export: `facilitator demo`, then `export --format json`."""
    data_dir = tmp_path_factory.mktemp("demo") / "data"
    code, session_id, err = run("--data-dir", str(data_dir), "demo", "--scenario", "community-safety")
    assert code == EXIT_OK, err
    code, text, err = run("--data-dir", str(data_dir), "export", session_id.strip(), "--format", "json")
    assert code == EXIT_OK, err
    data: dict[str, Any] = json.loads(text)
    return data


def first(data: dict[str, Any], table: str) -> dict[str, Any]:
    return next(iter(data[table].values()))


def other_party(data: dict[str, Any], activity: dict[str, Any]) -> str:
    return next(p for p in data["parties"] if p not in activity["party_ids"])


# spoil the export -> words the refusal must contain (table, document and field named)
SPOILERS: dict[str, tuple[Callable[[dict[str, Any]], str], list[str]]] = {
    "title not text": (
        lambda d: first(d, "activities").update(title=["a", "list"]) or "activities",
        ["table 'activities'", "field 'title'", "must be text"],
    ),
    "empty party name": (
        lambda d: first(d, "parties").update(name="  ") or "parties",
        ["table 'parties'", "field 'name'", "must not be empty"],
    ),
    "unknown party in an activity": (
        lambda d: first(d, "activities")["party_ids"].append("nobody") or "activities",
        ["field 'party_ids'", "'nobody'", "not in table 'parties'"],
    ),
    "round zero": (
        lambda d: first(d, "activities").update(round=0) or "activities",
        ["field 'round'", "at least 1"],
    ),
    "round as text": (
        lambda d: first(d, "activities").update(round="2") or "activities",
        ["field 'round'", "whole number"],
    ),
    "revealed not a boolean": (
        lambda d: first(d, "activities").update(revealed="yes") or "activities",
        ["field 'revealed'", "true or false"],
    ),
    "unknown rung": (
        lambda d: first(d, "placements").update(current="heaven") or "placements",
        ["table 'placements'", "field 'current'", "'heaven' is not a rung"],
    ),
    "placement of a party not involved": (
        lambda d: (
            first(d, "placements").update(
                party_id=other_party(d, d["activities"][first(d, "placements")["activity_id"]])
            )
            or "placements"
        ),
        ["table 'placements'", "field 'party_id'", "not involved"],
    ),
    "unknown role": (
        lambda d: first(d, "roles").update(role_id="king") or "roles",
        ["table 'roles'", "field 'role_id'"],
    ),
    "action of an unknown owner": (
        lambda d: first(d, "actions").update(owner=None) or "actions",
        ["table 'actions'", "field 'owner'"],
    ),
    "due date not a date": (
        lambda d: first(d, "actions").update(due="soon") or "actions",
        ["field 'due'", "'soon' is not a date"],
    ),
    "expectation to itself": (
        lambda d: (
            first(d, "expectations").update(to_party=first(d, "expectations")["from_party"]) or "expectations"
        ),
        ["field 'to_party'"],
    ),
    "event numbered 0": (
        lambda d: d["events"]["1"].update(seq=0) or "events",
        ["table 'events'", "document '1'", "field 'seq'", "at least 1"],
    ),
    "a gap in the event log": (
        lambda d: d["events"].pop("3") and "events",
        ["table 'events'", "field 'seq'", "without gaps"],
    ),
    "event of an unknown kind": (
        lambda d: d["events"]["2"].update(kind="party.exploded") or "events",
        ["field 'kind'", "'party.exploded'"],
    ),
    "document id not its key": (
        lambda d: first(d, "commitments").update(id="elsewhere") or "commitments",
        ["table 'commitments'", "field 'id'"],
    ),
    "a table that no session has": (
        lambda d: d.update(surprises={}) or "surprises",
        ["table 'surprises'"],
    ),
    "view state timers not a table": (
        lambda d: d.update(view={"state": {"id": "state", "timers": [1, 2]}}) or "view",
        ["table 'view'", "field 'timers'"],
    ),
    "session title missing": (
        lambda d: d["meta"]["session"].pop("title") and "meta",
        ["table 'meta'", "document 'session'", "field 'title'", "missing"],
    ),
    "session id with path characters": (
        lambda d: d["meta"]["session"].update(id="../../evil") or "meta",
        ["table 'meta'", "field 'id'", "'../../evil' is not valid: a session id"],
    ),
    "phase not in the agenda": (
        lambda d: d["meta"]["session"].update(phase="party") or "meta",
        ["field 'phase'", "'party'"],
    ),
}


@pytest.mark.parametrize("case", sorted(SPOILERS))
def test_wrongly_typed_data_is_refused_naming_what_is_wrong(
    case: str, demo_export: dict[str, Any], tmp_path: Path
) -> None:
    spoil, words = SPOILERS[case]
    data = copy.deepcopy(demo_export)
    spoil(data)
    with pytest.raises(SessionFileError) as caught:
        validate_session(data, "x.json")
    message = str(caught.value)
    assert message.startswith("x.json: corrupt session file (")
    for word in words:
        assert word in message, (word, message)
    # The CLI: import refuses it in one line and writes nothing.
    source = tmp_path / "spoiled.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    data_dir = tmp_path / "data"
    one_line_refusal(*run("--data-dir", str(data_dir), "import", str(source)))
    assert not (data_dir / "sessions").exists() or not list((data_dir / "sessions").glob("*.json"))


def test_the_real_export_is_valid(demo_export: dict[str, Any]) -> None:
    assert validate_session(copy.deepcopy(demo_export), "demo.json") == demo_export


DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (DEEP, "nested more than"),
        ('{"meta": ' + "[" * 60 + "]" * 60 + "}", "nested more than"),
        ('{"meta": {"session": {"title": "\\ud800"}}}', "lone surrogates"),
        ('{"meta": {"session": {"schema": 1' + "0" * 5000 + "}}}", "number too large"),
        ('{"meta": {"session": {"schema": 123456789012345678}}}', "number too large"),
        ('{"meta": {"session": {"schema": NaN}}}', "NaN"),
        ('{"meta": {"session": {"schema": -Infinity}}}', "Infinity"),
        ('{"meta": {"session": {"schema": 1e999}}}', "number too large"),
    ],
    ids=[
        "deep-array",
        "deep-in-meta",
        "lone-surrogate",
        "4300-digits",
        "huge-int",
        "nan",
        "infinity",
        "1e999",
    ],
)
def test_hostile_encodings_are_refused_cleanly(tmp_path: Path, text: str, words: str) -> None:
    source = tmp_path / "hostile.json"
    source.write_text(text, encoding="utf-8")
    code, out, err = run("--data-dir", str(tmp_path / "data"), "import", str(source))
    one_line_refusal(code, out, err)
    assert words in err


def test_a_lone_surrogate_in_a_real_export_is_refused(demo_export: dict[str, Any], tmp_path: Path) -> None:
    data = copy.deepcopy(demo_export)
    first(data, "activities")["title"] = "bad \ud800 text"
    source = tmp_path / "surrogate.json"
    source.write_text(json.dumps(data), encoding="ascii")  # \ud800 as an escape, as JSON allows
    code, out, err = run("--data-dir", str(tmp_path / "data"), "import", str(source))
    one_line_refusal(code, out, err)
    assert "activities" in err and "title" in err and "lone surrogates" in err


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    source = tmp_path / "huge.json"
    with source.open("wb") as handle:  # sparse: the size without the disk space
        handle.truncate(MAX_FILE_BYTES + 1)
    code, out, err = run("--data-dir", str(tmp_path / "data"), "import", str(source))
    one_line_refusal(code, out, err)
    assert "too big" in err and "50.0 MB" in err


def sessions_with_bad_files(library: SessionLibrary, demo_export: dict[str, Any]) -> tuple[list[str], Path]:
    folder = library.sessions_dir
    folder.mkdir(parents=True)
    good = []
    for n in range(2):
        data = copy.deepcopy(demo_export)
        data["meta"]["session"]["id"] = f"good000{n}"
        (folder / f"good000{n}.json").write_text(json.dumps(data), encoding="utf-8")
        good.append(f"good000{n}")
    wrong = copy.deepcopy(demo_export)
    first(wrong, "activities")["round"] = "two"
    (folder / "wrongtyp.json").write_text(json.dumps(wrong), encoding="utf-8")
    escape = copy.deepcopy(demo_export)
    escape["meta"]["session"]["id"] = "../../outside"  # exports are named after the id
    (folder / "traverse.json").write_text(json.dumps(escape), encoding="utf-8")
    (folder / "deepdeep.json").write_text(DEEP, encoding="utf-8")
    with (folder / "hugehuge.json").open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    fifo = folder / "fifofifo.json"
    if hasattr(os, "mkfifo"):
        os.mkfifo(fifo)  # reading it would wait forever for a writer
    return good, fifo


def test_one_bad_file_never_hides_the_good_sessions(
    library: SessionLibrary, demo_export: dict[str, Any], data_dir: Path
) -> None:
    good, fifo = sessions_with_bad_files(library, demo_export)
    code, out, err = run("list")
    assert code == EXIT_OK, err
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert set(good) <= set(lines)
    assert "field 'round'" in lines["wrongtyp"]
    assert "field 'id'" in lines["traverse"]
    assert "nested more than" in lines["deepdeep"]
    assert "too big" in lines["hugehuge"]
    if fifo.exists():
        assert "not a regular file" in lines["fifofifo"]
    for bad in ("wrongtyp", "deepdeep", "hugehuge", "traverse"):
        one_line_refusal(*run("export", bad))
    assert run("export", good[0], "--format", "md")[0] == EXIT_OK


def test_one_bad_scenario_never_hides_the_built_in_ones(data_dir: Path) -> None:
    user = data_dir / "scenarios"
    user.mkdir(parents=True)
    (user / "deep.toml").write_text("a = " + "[" * 5000 + "]" * 5000, encoding="utf-8")
    (user / "nan.toml").write_text(MINIMAL_SCENARIO.replace("minutes = 10", "minutes = nan"), "utf-8")
    (user / "huge-number.toml").write_text(MINIMAL_SCENARIO.replace("format = 1", "format = 1" + "0" * 30))
    with (user / "huge-file.toml").open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    (user / "folder.toml").mkdir()
    (user / "mine.toml").write_text(MINIMAL_SCENARIO, encoding="utf-8")
    code, out, err = run("scenarios")
    assert code == EXIT_OK
    ids = sorted(line.split()[0] for line in out.splitlines())
    assert ids == sorted(["community-safety", "kogukondlik-turvalisus", "minimal"])
    for name, words in [
        ("deep.toml", "nested more than"),
        ("nan.toml", "nan is not a number"),
        ("huge-number.toml", "number too large"),
        ("huge-file.toml", "too big"),
        ("folder.toml", "Is a directory"),
    ]:
        assert any(name in line and words in line for line in err.splitlines()), (name, err)
        code, out, line = run("scenario", "check", str(user / name))
        assert code == EXIT_USER_ERROR and words in line and "Traceback" not in line


# --------------------------------------------------------------------------- property test

HOSTILE_VALUES = [
    None,
    "",
    " ",
    "x",
    "[b]markup[/b]",
    0,
    -1,
    1,
    2,
    1.5,
    True,
    False,
    [],
    {},
    ["x"],
    {"a": 1},
    "\ud800",
    2**60,
    "2026-13-45",
    [[[[[[]]]]]],
]


@st.composite
def mutations(draw: st.DrawFn, base: dict[str, Any]) -> dict[str, Any]:
    """The export with one to three of its values replaced, removed or added."""
    data = copy.deepcopy(base)
    ids = sorted({key for table in data.values() if isinstance(table, dict) for key in table})
    for _ in range(draw(st.integers(1, 3))):
        parent: Any = data
        key: Any = None
        node: Any = data
        while isinstance(node, dict | list) and node and (key is None or draw(st.integers(0, 3)) > 0):
            keys = sorted(node) if isinstance(node, dict) else list(range(len(node)))
            parent, key = node, draw(st.sampled_from(keys))
            node = parent[key]
        if key is None:
            continue
        action = draw(st.sampled_from(["replace", "reference", "remove", "add"]))
        if action == "remove":
            del parent[key]
        elif action == "reference":  # an id that exists somewhere, in the wrong place
            parent[key] = draw(st.sampled_from(ids))
        elif action == "add" and isinstance(parent, dict):
            name = draw(st.sampled_from(["extra", "id", "seq", "order", "round"]))
            parent[name] = copy.deepcopy(draw(st.sampled_from(HOSTILE_VALUES)))
        else:  # a copy: the shared examples must never be edited by a later mutation
            parent[key] = copy.deepcopy(draw(st.sampled_from(HOSTILE_VALUES)))
    return data


@contextlib.contextmanager
def scratch() -> Iterator[Path]:
    folder = Path(tempfile.mkdtemp(prefix="fuzz-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def everything_works(data_dir: Path, session_id: str, work: Path) -> None:
    """Every command, and the review's core, on the imported session."""
    base = ("--data-dir", str(data_dir))
    for fmt in ("md", "html", "json"):
        for public in ((), ("--public",)):
            code, _out, err = run(*base, "export", session_id, "--format", fmt, *public)
            assert code == EXIT_OK, (fmt, err)
    for fmt in ("csv", "svg"):
        code, _out, err = run(*base, "export", session_id, "--format", fmt, "-o", str(work / fmt))
        assert code == EXIT_OK, (fmt, err)
    for command in (("mismatches", session_id), ("compare", session_id, session_id), ("list",)):
        code, _out, err = run(*base, *command)
        assert code == EXIT_OK, (command, err)
    service = SessionLibrary(data_dir).open(session_id)
    session = service.session
    t = Translator(session.info.language)
    dashboard(session)
    board_groups(session, t)
    describe_events(session, t)
    timeline = Timeline(dict(service.file.read()["meta"]["session"]), session.events, session.scenario)
    for frame in sorted({0, len(session.events) // 2, len(session.events)}):
        with contextlib.suppress(TimelineError):  # a log that can't be replayed: shown as such
            board_groups(timeline.frame(frame), t)
    service.add_party("Fuzz party")  # and it can still be changed and saved
    assert SessionService(service.path).session.has_party(service.session.parties[-1].id)


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_a_mutated_export_is_refused_or_works_everywhere(
    demo_export: dict[str, Any], data: st.DataObject
) -> None:
    mutated = data.draw(mutations(demo_export))
    with scratch() as work:
        source = work / "mutated.json"
        source.write_text(json.dumps(mutated), encoding="ascii")
        data_dir = work / "data"
        code, out, err = run("--data-dir", str(data_dir), "import", str(source), "--new-id")
        if code != EXIT_OK:
            one_line_refusal(code, out, err)
            return
        everything_works(data_dir, out.strip(), work)


def test_a_reload_checks_what_changed_and_what_depends_on_it(service: SessionService) -> None:
    """After another process's change only the new documents are checked again, but a hand-made
    change that breaks documents left as they were is still refused."""
    import json

    from facilitator.core.errors import SessionFileError as FileError

    police, school = service.add_party("Police"), service.add_party("School")
    talks = service.add_activity("Talks", party_ids=[police, school])
    service.place(talks, police, "communication", "cooperation")
    reader = SessionService(service.path)
    assert len(reader.session.placements) == 1  # read once: checked whole
    service.add_action("Call", police)  # another process's change: fine
    assert [a.text for a in reader.session.actions] == ["Call"]
    data = json.loads(service.path.read_text(encoding="utf-8"))
    data["activities"][talks]["party_ids"] = [school]  # the placed party left by hand; placement kept
    service.path.write_text(json.dumps(data), encoding="utf-8")
    # What the reader showed stays readable (the app keeps running), but the broken file is
    # refused: by a reader that never read it, and by every change, which writes nothing.
    assert [a.text for a in reader.session.actions] == ["Call"]
    with pytest.raises(FileError, match=r"placements.*not involved"):
        SessionService(service.path).session  # noqa: B018
    with pytest.raises(FileError, match=r"placements.*not involved"):
        reader.add_action("Walk", police)
    data["activities"][talks]["party_ids"] = [police, school]
    del data["parties"][school]  # a party removed by hand, still named by the activity
    text = json.dumps(data)
    service.path.write_text(text, encoding="utf-8")
    with pytest.raises(FileError, match=r"party_ids|parties"):
        SessionService(service.path).session  # noqa: B018
    with pytest.raises(FileError, match=r"party_ids|parties"):
        reader.add_action("Walk", police)
    assert service.path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    ("number", "refusal"),
    [
        ("9007199254740993", "too large"),
        ("1e400", "inf is not a number"),
        ("NaN", "NaN"),
        ("9" * 5000, "JSON"),
    ],
)
def test_a_reload_still_refuses_a_number_written_by_hand(
    service: SessionService, number: str, refusal: str
) -> None:
    """A re-read parses numbers at C speed and checks them in what changed: still refused."""
    from facilitator.core.errors import SessionFileError as FileError

    police = service.add_party("Police")
    reader = SessionService(service.path)
    assert reader.session.has_party(police)  # read once: the next read is a reload
    text = service.path.read_text(encoding="utf-8")
    service.path.write_text(text.replace('"schema":', f'"hand": {number}, "schema":', 1), encoding="utf-8")
    with pytest.raises(FileError, match=refusal):
        reader.add_party("School")
    assert service.path.read_text(encoding="utf-8").startswith(text[:20])  # nothing written


def test_a_file_this_device_left_is_not_checked_again_but_one_changed_since_is(
    service: SessionService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Start-up: the session as the app left it skips the deep check; a copy put there, or an
    edit by hand, changes the file's signature and is checked in full."""
    import json

    from facilitator.core import store

    police = service.add_party("Police")
    service.add_activity("Talks", party_ids=[police])
    service.remember_trust()  # as the app does when it closes

    def refuse(*_args: object, **_kwargs: object) -> object:
        raise AssertionError("checked again")

    with monkeypatch.context() as patched:
        patched.setattr(store, "parse_session", refuse)  # the name the store calls
        assert [a.title for a in SessionService(service.path).session.activities] == ["Talks"]
        service.path.touch()  # a new signature: now the check runs, and the patch must see it
        with pytest.raises(AssertionError, match="checked again"):
            SessionService(service.path).session  # noqa: B018
    data = json.loads(service.path.read_text(encoding="utf-8"))
    data["activities"][next(iter(data["activities"]))]["round"] = "two"  # a hand edit
    service.path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SessionFileError, match="round"):
        SessionService(service.path).session  # noqa: B018


# ----------------------------------------------------------------- event payloads


def payload_spoilers(demo_export: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(event number, kind, field) for each field of each kind of event in the real export."""
    seen: set[tuple[str, str]] = set()
    out = []
    for doc_id, event in demo_export["events"].items():
        for key in event["data"]:
            if (event["kind"], key) not in seen:
                seen.add((event["kind"], key))
                out.append((doc_id, event["kind"], key))
    return out


def test_every_event_field_of_the_wrong_type_is_refused(demo_export: dict[str, Any]) -> None:
    """An event's data is checked against its kind's declared payload, as a live change is:
    a table (or list) where an id or a text belongs is refused naming the event and field."""
    spoilers = payload_spoilers(demo_export)
    assert len(spoilers) > 20  # the demo has most kinds of change
    for doc_id, kind, key in spoilers:
        data = copy.deepcopy(demo_export)
        data["events"][doc_id]["data"][key] = {"a": ["table"]}
        with pytest.raises(SessionFileError) as caught:
            validate_session(data, "x.json")
        message = str(caught.value)
        for word in ("table 'events'", f"document '{doc_id}'", f"field 'data.{key}'", "not a table"):
            assert word in message, (kind, key, message)


def test_a_list_where_an_activity_id_belongs_is_refused_on_import(
    demo_export: dict[str, Any], tmp_path: Path
) -> None:
    """The fuzzed import that was accepted and then crashed export, mismatches, the app and the
    phone page: a placement event whose activity id is a list."""
    data = copy.deepcopy(demo_export)
    placed = next(e for e in data["events"].values() if e["kind"] == "placement.recorded")
    placed["data"]["activity_id"] = [placed["data"]["activity_id"]]
    source = tmp_path / "listed.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run("--data-dir", str(tmp_path / "data"), "import", str(source))
    one_line_refusal(code, out, err)
    assert "field 'data.activity_id'" in err and "must be text, not a list" in err


def test_every_kind_of_change_has_a_declared_payload() -> None:
    from facilitator.core.kinds import KINDS
    from facilitator.core.schema.events import PAYLOADS

    assert set(KINDS) == set(PAYLOADS)


# ----------------------------------------------------------------- this device's own files


def deep_json(levels: int) -> str:
    return '{"a":' * levels + "1" + "}" * levels


@pytest.fixture
def session_and_state(demo_export: dict[str, Any], data_dir: Path) -> tuple[str, Path]:
    """An imported session, and where this device keeps its view state for it."""
    from facilitator.core.device import state_path

    source = data_dir.parent / "demo.json"
    source.write_text(json.dumps(demo_export), encoding="utf-8")
    code, out, err = run("import", str(source), "--new-id")
    assert code == EXIT_OK, err
    session_id = out.strip()
    path = state_path(SessionLibrary(data_dir).sessions_dir / f"{session_id}.json")
    path.parent.mkdir(parents=True, exist_ok=True)
    return session_id, path


@pytest.mark.parametrize("spoil", ["deep", "huge", "not json", "a list"])
def test_a_bad_view_state_file_is_set_aside_with_a_notice(
    spoil: str, session_and_state: tuple[str, Path]
) -> None:
    session_id, state = session_and_state
    if spoil == "deep":
        state.write_text(deep_json(1_000), encoding="utf-8")
    elif spoil == "huge":
        with state.open("wb") as handle:
            handle.truncate(2_000_000)
    else:
        state.write_text("{nope" if spoil == "not json" else "[1, 2]", encoding="utf-8")
    for command in (("mismatches", session_id), ("export", session_id, "--format", "json")):
        code, _out, err = run(*command)
        assert code == EXIT_OK, err
        if command[0] == "mismatches":  # said once, on the first read
            assert len(err.splitlines()) == 1 and err.startswith("facilitator: notice: "), err
            assert str(state) in err and "set aside" in err
    assert state.with_name(state.name + ".bad").exists()
    service = SessionLibrary(state.parents[2] / "data").open(session_id)
    assert service.view_state == {} or "trusted" in service.view_state


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_view_state_fifo_never_hangs_a_command(session_and_state: tuple[str, Path], data_dir: Path) -> None:
    import subprocess
    import sys

    session_id, state = session_and_state
    state.unlink(missing_ok=True)  # what the import left, if anything
    os.mkfifo(state)  # reading it would wait forever for a writer
    for command in (("mismatches", session_id), ("export", session_id, "--format", "md")):
        result = subprocess.run(
            [sys.executable, "-m", "facilitator", "--data-dir", str(data_dir), *command],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            env={**os.environ},
        )
        assert result.returncode == EXIT_OK, result.stderr
        assert "Traceback" not in result.stderr
    assert not state.exists() or not state.is_fifo()
    assert state.with_name(state.name + ".bad").is_fifo()


def test_a_bad_settings_file_is_set_aside(data_dir: Path) -> None:
    from facilitator.core.plain import take_notices
    from facilitator.core.settings import SETTINGS_NAME, interface_language, load_settings

    data_dir.mkdir(parents=True)
    settings = data_dir / SETTINGS_NAME
    settings.write_text(deep_json(1_000), encoding="utf-8")
    take_notices()
    assert load_settings(data_dir) == {}
    assert [n for n in take_notices() if "set aside" in n]
    if hasattr(os, "mkfifo"):
        os.mkfifo(settings)
        assert interface_language(data_dir, None) in ("en", "et")  # returns: no hang
        assert settings.with_name(SETTINGS_NAME + ".bad").is_fifo()
        assert take_notices()


def test_a_live_change_of_the_wrong_type_is_refused_in_words(service: SessionService) -> None:
    """Every declared field of every kind of change, given a value of the wrong type (a table
    where an id, a text, a number or a list belongs), is a `ChangeRejected` the app can show:
    the same declaration that checks a stored event checks a live one, before the handler."""
    from facilitator.core.errors import ChangeRejected
    from facilitator.core.schema.events import PAYLOADS
    from facilitator.core.schema.fields import Recorded, fields_of

    police = service.add_party("Police")
    school = service.add_party("School")
    talks = service.add_activity("Talks", party_ids=[police, school])
    before = len(service.session.events)
    tried = 0
    for kind, payload in sorted(PAYLOADS.items()):
        for field in fields_of(payload):
            if any(isinstance(rule, Recorded) for rule in field.rules):
                continue
            data = {"id": talks, "activity_id": talks, "party_id": police, field.name: {"a": ["table"]}}
            with pytest.raises(ChangeRejected) as refused:
                service.change(kind, data)
            assert str(refused.value) and "\n" not in str(refused.value), (kind, field.name)
            tried += 1
    assert tried > 60
    assert len(service.session.events) == before  # nothing was recorded
