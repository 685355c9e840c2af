"""Scenarios: the shipped files, and one broken file per kind of error."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from facilitator.core.errors import ScenarioError, UserError
from facilitator.core.scenario import (
    PHASE_KINDS,
    Scenario,
    ScenarioEntry,
    builtin_scenario_dir,
    discover,
    find_scenario,
    load_scenario,
    parse_scenario,
    scenario_from_dict,
)

SCENARIOS_DIR = Path(__file__).parent / "fixtures" / "scenarios"
MINIMAL = SCENARIOS_DIR / "minimal.toml"
BAD_DIR = SCENARIOS_DIR / "bad"
LADDER = ("communication", "cooperation", "coordination", "collaboration")
MARKER = "# ERROR"


@pytest.fixture(params=["community-safety", "kogukondlik-turvalisus"])
def each_shipped(request: pytest.FixtureRequest) -> Scenario:
    return find_scenario(request.param)


# --------------------------------------------------------------------------- shipped files


def test_every_shipped_scenario_loads() -> None:
    entries = discover()
    assert entries, "no shipped scenarios found"
    assert all(e.path.parent == builtin_scenario_dir() for e in entries)
    for entry in entries:
        assert entry.error is None, str(entry.error)
        assert isinstance(entry.scenario, Scenario)
    assert {e.scenario.id for e in entries if e.scenario} >= {
        "community-safety",
        "kogukondlik-turvalisus",
    }


def _ids(scenario: Scenario) -> dict[str, object]:
    """Every id a session can store, per list, in file order."""
    return {
        "rungs": [r.id for r in scenario.rungs],
        "fields": [[f.id for f in r.fields] for r in scenario.rungs],
        "flows": [[f.id for f in r.flows] for r in scenario.rungs],
        "approaches": [a.id for a in scenario.approaches],
        "parties": [p.id for p in scenario.parties],
        "affected": [p.id for p in scenario.parties if p.affected],
        "roles": [r.id for r in scenario.roles],
        "lead": [r.id for r in scenario.roles if r.lead],
        "agenda": [(p.id, p.kind) for p in scenario.agenda],
        "examples": [(e.rung, e.parties, e.approach) for e in scenario.examples],
    }


def test_shipped_scenarios_use_the_same_ids() -> None:
    english = find_scenario("community-safety")
    estonian = find_scenario("kogukondlik-turvalisus")
    assert (english.language, estonian.language) == ("en", "et")
    assert _ids(english) == _ids(estonian)


def test_ladder_has_four_rungs_in_order(each_shipped: Scenario) -> None:
    assert each_shipped.rung_ids() == LADDER
    assert [each_shipped.rung_index(r) for r in LADDER] == [0, 1, 2, 3]
    assert each_shipped.neighbour_rung("communication", -1) is None
    assert each_shipped.neighbour_rung("communication", 1) == "cooperation"
    assert each_shipped.neighbour_rung("collaboration", 1) is None


def test_every_rung_has_agreement_fields_and_questions(each_shipped: Scenario) -> None:
    for rung in each_shipped.rungs:
        assert rung.questions, rung.id
        assert all(q.strip() for q in rung.questions)
        assert rung.fields, rung.id
        assert all(f.label.strip() for f in rung.fields)
        assert rung.name.strip() and rung.summary.strip() and rung.definition.strip()


def test_communication_has_four_flows(each_shipped: Scenario) -> None:
    assert len(each_shipped.rung("communication").flows) == 4
    assert all(not r.flows for r in each_shipped.rungs if r.id != "communication")


def test_ten_examples_with_valid_references(each_shipped: Scenario) -> None:
    scenario = each_shipped
    assert len(scenario.examples) == 10
    parties = {p.id for p in scenario.parties}
    approaches = {a.id for a in scenario.approaches}
    for example in scenario.examples:
        assert example.rung in scenario.rung_ids()
        assert set(example.parties) <= parties, example.title
        assert example.approach is None or example.approach in approaches
        assert example.title.strip() and example.text.strip() and example.place.strip()
    assert sum(len(scenario.examples_for(r)) for r in scenario.rung_ids()) == 10


def test_three_approaches_and_one_lead_role(each_shipped: Scenario) -> None:
    assert len(each_shipped.approaches) == 3
    leads = [r for r in each_shipped.roles if r.lead]
    assert len(leads) == 1
    assert each_shipped.lead_role() == leads[0]


def test_agenda_covers_every_phase_kind(each_shipped: Scenario) -> None:
    kinds = [p.kind for p in each_shipped.agenda]
    assert set(kinds) == set(PHASE_KINDS)
    assert all(1 <= p.minutes <= 600 for p in each_shipped.agenda)


def test_the_rooms_texts_name_no_command(each_shipped: Scenario) -> None:
    """A scenario's texts are read by the room (projector, phones): a phase's description told
    participants "(facilitator new --from)". Commands belong in the facilitator's help."""
    texts = json.dumps(each_shipped.raw, ensure_ascii=False)
    command = r"\bfacilitator (?:new|open|serve|export|import|review|compare|history|demo|list|scenario)\b"
    assert re.search(rf"{command}|\s--[a-z]", texts) is None


def test_scenario_from_dict_round_trips_raw(each_shipped: Scenario) -> None:
    again = scenario_from_dict(each_shipped.raw)
    assert again == each_shipped
    assert again.raw == each_shipped.raw
    # Sessions embed the raw scenario as JSON: that copy must rebuild the same scenario.
    from_json = scenario_from_dict(json.loads(json.dumps(each_shipped.raw)))
    assert from_json == each_shipped


def test_the_minimal_fixture_is_valid() -> None:
    """The base the broken files are made from must itself load."""
    scenario = load_scenario(MINIMAL)
    assert scenario.id == "minimal"
    assert scenario.rung_ids() == ("communication", "collaboration")
    assert scenario.lead_role() is not None and scenario.lead_role().id == "lead"


# --------------------------------------------------------------------------- broken files

# file name -> (key path the problem names, words in the message); None: no key path.
BAD_CASES: dict[str, tuple[str | None, str]] = {
    "unknown-key.toml": ("rungs[0].fields[0].colour", "unknown key 'colour'"),
    "missing-key.toml": ("rungs[1]", "missing required key 'definition'"),
    "duplicate-id.toml": ("roles[1].id", "duplicate role id 'lead' (first at roles[0])"),
    "unknown-rung.toml": ("examples[0].rung", "no rung with id 'partnership'"),
    "unknown-party.toml": ("examples[0].parties[1]", "no party with id 'fire-brigade'"),
    "empty-ladder.toml": ("rungs", "needs at least one [[rungs]] entry"),
    "syntax-error.toml": (None, "TOML syntax error"),
    "wrong-type.toml": ("agenda[0].minutes", "expected a whole number, got text"),
    "invalid-id.toml": ("roles[1].id", "'Partner role' is not a valid id"),
    "newer-format.toml": ("format", "format 2 is newer than this version"),
    "two-leads.toml": ("roles[1].lead", "only one role may have lead = true"),
    "empty-text.toml": ("scenario.title", "must not be empty"),
    "too-long-name.toml": ("rungs[0].name", "is too long (99 characters; at most 80)"),
    "unknown-key-after-multiline-text.toml": ("rungs[1].sumary", "unknown key 'sumary'"),
}


def marked_line(path: Path) -> int:
    """The line of the fixture marked as broken."""
    lines = [n for n, line in enumerate(path.read_text().splitlines(), 1) if MARKER in line]
    assert len(lines) == 1, f"{path.name} needs exactly one {MARKER!r} marker"
    return lines[0]


def test_every_bad_fixture_has_a_case() -> None:
    assert sorted(p.name for p in BAD_DIR.glob("*.toml")) == sorted(BAD_CASES)


@pytest.mark.parametrize("name", sorted(BAD_CASES))
def test_bad_scenario_names_file_key_path_and_line(name: str) -> None:
    path = BAD_DIR / name
    key_path, words = BAD_CASES[name]
    line = marked_line(path)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    problems = caught.value.problems
    assert len(problems) == 1, problems  # one thing broken, one problem
    problem = problems[0]
    assert str(caught.value) == problem
    assert words in problem
    if key_path is None:
        assert problem.startswith(f"{path}:{line}: {words}: "), problem
    else:
        assert problem.startswith(f"{path}:{line}: {key_path}: "), problem


@pytest.mark.parametrize("name", sorted(BAD_CASES))
def test_bad_scenario_is_never_half_loaded(name: str) -> None:
    text = (BAD_DIR / name).read_text()
    with pytest.raises(ScenarioError):
        parse_scenario(text, name)
    entries = {e.path.name: e for e in discover((BAD_DIR,))}
    entry = entries[name]
    assert entry.scenario is None
    assert isinstance(entry.error, ScenarioError)
    assert entry.error.problems[0].startswith(str(BAD_DIR / name))


def test_broken_files_are_reported_not_offered() -> None:
    failed: list[ScenarioEntry] = []
    with pytest.raises(UserError, match="no scenario 'minimal'"):
        find_scenario("minimal", (BAD_DIR,), on_error=failed.append)
    assert sorted(e.path.name for e in failed) == sorted(BAD_CASES)
    # The good one beside them is found.
    assert find_scenario("minimal", (SCENARIOS_DIR,)).id == "minimal"


def test_every_problem_is_reported_in_one_pass() -> None:
    text = MINIMAL.read_text()
    text = text.replace('id = "partner"', 'id = "Partner"')
    text = text.replace("minutes = 10", "minutes = 0")
    lines = text.splitlines()
    id_line = lines.index('id = "Partner"') + 1
    minutes_line = lines.index("minutes = 0") + 1
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, "two.toml")
    assert caught.value.problems == [
        f"two.toml:{id_line}: roles[1].id: 'Partner' is not a valid id "
        "(lower-case letters, digits, '-' and '_')",
        f"two.toml:{minutes_line}: agenda[0].minutes: must be between 1 and 600, got 0",
    ]
    assert str(caught.value).endswith("(and 1 more)")


def test_a_huge_text_is_said_by_its_length_not_printed() -> None:
    """A 300,000-character title and a 1,000-character id passed the check, and `facilitator
    scenarios` printed the title whole; each is now one short problem with its length."""
    text = MINIMAL.read_text().replace('id = "partner"', f'id = "{"p" * 1000}"')
    text = text.replace('title = "', 'title = "' + "Ü" * 300_000, 1)
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, "huge.toml")
    problems = caught.value.problems
    assert [p.split(": ", 2)[1] for p in problems] == ["scenario.title", "roles[1].id"]
    assert problems[0].endswith("is too long (300,016 characters; at most 200)")  # with "Minimal scenario"
    assert all(len(p) < 200 for p in problems)


def test_unreadable_scenario_files(tmp_path: Path) -> None:
    missing = tmp_path / "missing.toml"
    with pytest.raises(ScenarioError, match="cannot read"):
        load_scenario(missing)
    latin1 = tmp_path / "latin1.toml"
    latin1.write_bytes(MINIMAL.read_text().replace("Police", "Põliis").encode("latin-1"))
    with pytest.raises(ScenarioError) as caught:
        load_scenario(latin1)
    assert caught.value.problems[0].startswith(f"{latin1}: not UTF-8 text")


def test_a_dict_scenario_without_text_has_no_line_numbers() -> None:
    raw = dict(load_scenario(MINIMAL).raw)
    raw["colour"] = "blue"
    with pytest.raises(ScenarioError) as caught:
        scenario_from_dict(raw, "embedded")
    assert caught.value.problems == [
        "embedded: colour: unknown key 'colour' (allowed: 'agenda', 'approaches', 'examples', "
        "'format', 'parties', 'roles', 'rungs', 'scenario')"
    ]
