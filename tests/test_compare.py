"""Comparing two sessions of the same partners: `compare(a, b)`, its report, and
`facilitator compare A B`.

The crafted sessions are made through the real service, as a facilitator would make
them a year apart; the random ones are model objects, so that Hypothesis can try odd
data (duplicate titles, dangling references, unknown rungs) quickly.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitator.cli import EXIT_OK, EXIT_USER_ERROR, main
from facilitator.core.compare import (
    ActivityPair,
    Comparison,
    LadderMismatch,
    PartyRef,
    RungChange,
    compare,
    normalise,
    pair_up,
    report,
)
from facilitator.core.i18n import Translator
from facilitator.core.library import SessionLibrary
from facilitator.core.model import (
    EXPECTATION_STATES,
    Action,
    Activity,
    Commitment,
    Expectation,
    Party,
    RoleAssignment,
    Session,
    SessionInfo,
)
from facilitator.core.scenario import Scenario, find_scenario, parse_scenario
from facilitator.core.service import SessionService

COMM, COOP, COORD, COLLAB = "communication", "cooperation", "coordination", "collaboration"


@pytest.fixture(autouse=True)
def _no_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    """Durability is test_crash's business; the data still goes through the real file."""
    monkeypatch.setattr("facilitator.core.store.os.fsync", lambda fd: None)


# --------------------------------------------------------------------------- two workshops


@dataclass
class Year:
    """One workshop of the partners, with the ids a test needs."""

    svc: SessionService
    police: str
    residents: str
    school: str
    patrols: str  # X
    round_table: str  # Y
    watch: str | None = None  # Z, dropped the year after
    youth: str | None = None  # W, new the year after

    @property
    def session(self) -> Session:
        return self.svc.session


def first_year(library: SessionLibrary, scenario: Scenario) -> Year:
    """X agreed communication (wished cooperation), Y cooperation, Z communication."""
    svc = library.create(scenario, "Keila partners 2025", date="2025-05-06", place="Keila")
    police = svc.add_party("Police", suggested_id="police")
    residents = svc.add_party("Residents", suggested_id="residents", affected=True)
    school = svc.add_party("Keila School")
    x = svc.add_activity("Evening patrols", party_ids=[police, residents])
    y = svc.add_activity("Youth round table", party_ids=[police, residents, school])
    z = svc.add_activity("Neighbourhood watch", party_ids=[police, residents])
    svc.agree(x, current=COMM, wished=COOP)
    svc.agree(y, current=COOP, wished=COORD)
    svc.agree(z, current=COMM, wished=COMM)
    svc.set_role(x, police, "lead")
    svc.set_role(x, residents, "partner")
    svc.set_role(y, school, "lead")
    lights = svc.add_expectation(x, police, residents, "We expect you to report broken street lights.")
    svc.answer_expectation(lights, "accepted")
    svc.add_expectation(x, residents, police, "We expect you to answer within a day.")
    svc.add_commitment(x, police, "We will walk the district twice a week.")
    svc.add_action("Print the flyers", police, activity_id=x)
    svc.add_action("Ask the council for street lights", residents)
    svc.add_action("Paint the fence", school, activity_id=y)
    booked = svc.add_action("Book the hall", school)
    svc.update_action(booked, done=True)
    return Year(svc, police, residents, school, x, y, watch=z)


def next_year(library: SessionLibrary, scenario: Scenario) -> Year:
    """Made separately a year later: new ids, names and titles typed a little differently.

    X moved up to cooperation (and wishes coordination), with its roles swapped and the
    street-lights expectation now declined; Y moved down to communication; Z is gone;
    W is new. Of last year's actions, the flyers are done, the street lights still open,
    the fence is dropped.
    """
    svc = library.create(scenario, "Keila partners 2026", date="2026-05-12", place="Keila")
    police = svc.add_party("POLICE", suggested_id="police")  # same suggested party
    residents = svc.add_party("Residents", suggested_id="residents", affected=True)
    school = svc.add_party("keila  school")  # by name, normalised
    x = svc.add_activity("evening   patrols!", party_ids=[police, residents])
    y = svc.add_activity("Youth round table", party_ids=[police, residents])  # the school left
    w = svc.add_activity("Youth club evenings", party_ids=[school, residents])
    svc.agree(x, current=COOP, wished=COORD)
    svc.agree(y, current=COMM, wished=COORD)
    svc.agree(w, current=COOP)
    svc.set_role(x, police, "partner")
    svc.set_role(x, residents, "lead")
    lights = svc.add_expectation(x, police, residents, "We expect you to report broken street lights.")
    svc.answer_expectation(lights, "declined", "No volunteers this year.")
    svc.add_expectation(x, residents, police, "we expect you to answer within a day")  # unanswered, as before
    svc.add_commitment(x, police, "We will walk the district twice a week.")
    svc.add_commitment(x, residents, "We will walk with them once a month.")
    flyers = svc.add_action("print the flyers", police, activity_id=x)
    svc.update_action(flyers, done=True)
    svc.add_action("Ask the council for street lights", residents)
    svc.add_action("Start a youth club", school, activity_id=w)
    return Year(svc, police, residents, school, x, y, youth=w)


@pytest.fixture
def years(library: SessionLibrary, scenario: Scenario) -> tuple[Year, Year]:
    return first_year(library, scenario), next_year(library, scenario)


@pytest.fixture
def comparison(years: tuple[Year, Year]) -> Comparison:
    before, after = years
    return compare(before.session, after.session)


def pair_of(c: Comparison, activity_id: str) -> ActivityPair:
    pair = c.pair_for(activity_id)
    assert pair is not None, activity_id
    return pair


# --------------------------------------------------------------------------- the crafted pair


def test_activities_are_matched_by_title_when_ids_differ(
    comparison: Comparison, years: tuple[Year, Year]
) -> None:
    before, after = years
    assert [(p.a.id, p.b.id, p.matched_by) for p in comparison.pairs] == [
        (before.patrols, after.patrols, "title"),
        (before.round_table, after.round_table, "title"),
    ]
    assert [a.id for a in comparison.new] == [after.youth]
    assert [a.id for a in comparison.dropped] == [before.watch]
    assert not pair_of(comparison, before.patrols).renamed  # only spacing, case and punctuation differ


def test_parties_are_matched_by_suggested_party_then_by_name(
    comparison: Comparison, years: tuple[Year, Year]
) -> None:
    before, after = years
    assert [(m.a.id, m.b.id, m.matched_by) for m in comparison.parties] == [
        (before.police, after.police, "suggested_id"),
        (before.residents, after.residents, "suggested_id"),
        (before.school, after.school, "name"),
    ]
    assert comparison.parties_new == comparison.parties_gone == ()
    assert [m.renamed for m in comparison.parties] == [False, False, False]


def test_rungs_moved_up_and_down(comparison: Comparison, years: tuple[Year, Year]) -> None:
    before, _ = years
    x = pair_of(comparison, before.patrols)
    assert x.current == RungChange(COMM, COOP, 0, 1)
    assert (x.current.kind, x.current.delta, x.movement) == ("up", 1, "up")
    assert x.wished == RungChange(COOP, COORD, 1, 2)
    assert x.wished.kind == "up"
    y = pair_of(comparison, before.round_table)
    assert (y.current.kind, y.current.delta, y.movement) == ("down", -1, "down")
    assert (y.wished.kind, y.wished.changed) == ("same", False)
    assert comparison.moved("up") == (x,)
    assert comparison.moved("down") == (y,)
    assert comparison.moved("same") == comparison.moved("unrated") == ()


def test_summary_counts(comparison: Comparison) -> None:
    s = comparison.summary
    assert (s.up, s.down, s.same, s.unrated, s.new, s.dropped) == (1, 1, 0, 0, 1, 1)
    assert (s.parties_new, s.parties_gone, s.parties_renamed) == (0, 0, 0)
    assert (s.role_changes, s.expectation_changes, s.commitment_changes) == (3, 1, 1)
    assert (s.actions_done, s.actions_open, s.actions_dropped, s.actions_new) == (1, 1, 1, 1)
    assert comparison.has_changes


def test_parties_leaving_an_activity(comparison: Comparison, years: tuple[Year, Year]) -> None:
    before, after = years
    y = pair_of(comparison, before.round_table)
    assert y.parties_removed == (PartyRef(before.school, after.school),)
    assert y.parties_added == ()
    # The school's lead role went with it.
    assert [(r.party, r.before, r.after) for r in y.roles] == [
        (PartyRef(before.school, after.school), "lead", None)
    ]
    assert pair_of(comparison, before.patrols).parties_added == ()


def test_role_changes(comparison: Comparison, years: tuple[Year, Year]) -> None:
    before, after = years
    x = pair_of(comparison, before.patrols)
    assert [(r.party, r.before, r.after) for r in x.roles] == [
        (PartyRef(before.police, after.police), "lead", "partner"),
        (PartyRef(before.residents, after.residents), "partner", "lead"),
    ]


def test_expectation_changes(comparison: Comparison, years: tuple[Year, Year]) -> None:
    before, after = years
    x = pair_of(comparison, before.patrols)
    [change] = x.expectations  # the unanswered one is matched (text normalised) and unchanged
    assert change.kind == "changed"
    assert (change.from_party, change.to_party) == (
        PartyRef(before.police, after.police),
        PartyRef(before.residents, after.residents),
    )
    assert change.before is not None and change.after is not None
    assert (change.before.state, change.after.state) == ("accepted", "declined")
    assert change.after.response == "No volunteers this year."
    assert change.text == "We expect you to report broken street lights."


def test_commitment_changes(comparison: Comparison, years: tuple[Year, Year]) -> None:
    before, after = years
    [change] = pair_of(comparison, before.patrols).commitments
    assert (change.kind, change.party, change.text) == (
        "added",
        PartyRef(before.residents, after.residents),
        "We will walk with them once a month.",
    )


def test_actions_done_open_and_dropped(comparison: Comparison, years: tuple[Year, Year]) -> None:
    before, _ = years
    rows = [(f.before.text, f.status, f.matched_by, f.was_done) for f in comparison.actions]
    assert rows == [
        ("Print the flyers", "done", "text", False),
        ("Ask the council for street lights", "open", "text", False),
        ("Paint the fence", "dropped", None, False),
        ("Book the hall", "dropped", None, True),  # done last year: no news that it's gone
    ]
    assert [f.owner.a for f in comparison.actions] == [
        before.police,
        before.residents,
        before.school,
        before.school,
    ]
    assert [a.text for a in comparison.new_actions] == ["Start a youth club"]


def test_a_session_compared_with_itself_is_unchanged(years: tuple[Year, Year]) -> None:
    before, _ = years
    c = compare(before.session, before.session)
    assert not c.has_changes
    assert all(p.matched_by == "id" and not p.changed for p in c.pairs)
    assert all(m.matched_by == "id" for m in c.parties)
    s = c.summary
    assert (s.up, s.down, s.same, s.unrated, s.new, s.dropped) == (0, 0, 3, 0, 0, 0)
    assert (s.role_changes, s.expectation_changes, s.commitment_changes) == (0, 0, 0)
    assert (s.actions_done, s.actions_dropped, s.actions_new) == (0, 0, 0)
    assert [f.status for f in c.actions] == ["open", "open", "open", "done"]
    lines = report(c, Translator("en"))
    assert "No changes: the second session says what the first one said." in lines
    assert "Same rung (3)" in lines
    assert "  - Evening patrols: 1. Communication" in lines  # one rung, no arrow when unchanged
    headings = [line for i, line in enumerate(lines) if i > 0 and lines[i - 1] == ""]
    assert headings == ["Same rung (3)", "Next steps not done yet (3)"]


def test_comparing_the_other_way_round_mirrors_the_result(years: tuple[Year, Year]) -> None:
    before, after = years
    forth = compare(before.session, after.session).summary
    back = compare(after.session, before.session).summary
    assert (back.up, back.down, back.new, back.dropped) == (forth.down, forth.up, forth.dropped, forth.new)
    assert (back.role_changes, back.expectation_changes) == (forth.role_changes, forth.expectation_changes)


# --------------------------------------------------------------------------- matching by id


def test_an_imported_copy_is_matched_by_id(
    library: SessionLibrary, scenario: Scenario, tmp_path: Path
) -> None:
    before = first_year(library, scenario)
    export = tmp_path / "a.json"
    export.write_text(library.export_json(before.session.id), encoding="utf-8")
    svc = library.import_file(export, new_id_on_clash=True)
    assert svc.session.id != before.session.id
    svc.update_activity(before.patrols, title="Night patrols")  # renamed: still the same activity
    svc.agree(before.patrols, current=COORD)
    svc.update_party(before.police, name="Police and Border Guard")
    assert before.watch is not None
    svc.remove_activity(before.watch)
    svc.add_activity("Evening patrols")  # last year's title, but a new activity
    [flyers] = [a for a in svc.session.actions if a.text == "Print the flyers"]
    svc.update_action(flyers.id, text="Print and hand out the flyers", done=True)

    c = compare(before.session, svc.session)
    assert [(p.a.id, p.b.id, p.matched_by) for p in c.pairs] == [
        (before.patrols, before.patrols, "id"),
        (before.round_table, before.round_table, "id"),
    ]
    x = pair_of(c, before.patrols)
    assert x.renamed and x.b.title == "Night patrols"
    assert (x.current.kind, x.current.delta) == ("up", 2)
    assert (x.roles, x.expectations, x.commitments) == ((), (), ())
    assert [a.title for a in c.new] == ["Evening patrols"]
    assert [a.id for a in c.dropped] == [before.watch]
    assert [(m.matched_by, m.renamed) for m in c.parties] == [("id", True), ("id", False), ("id", False)]
    assert c.summary.parties_renamed == 1
    assert [(f.matched_by, f.status) for f in c.actions] == [
        ("id", "done"),
        ("id", "open"),
        ("id", "open"),
        ("id", "done"),
    ]
    lines = report(c, Translator("en"))
    assert "      earlier title: “Evening patrols”" in lines
    assert "  - Police → Police and Border Guard" in lines
    assert "  - Police and Border Guard: “Print the flyers”" in lines


# --------------------------------------------------------------------------- titles


def test_exact_titles_are_preferred_and_nothing_is_matched_twice(
    library: SessionLibrary, scenario: Scenario
) -> None:
    a = library.create(scenario, "A")
    a_first = a.add_activity("Patrols")
    a_second = a.add_activity("Patrols")
    a_lower = a.add_activity("patrols")
    b = library.create(scenario, "B")
    b_lower = b.add_activity("patrols")
    b_upper = b.add_activity("Patrols")
    b_loose = b.add_activity("PATROLS …")
    b_extra = b.add_activity("Patrols")
    c = compare(a.session, b.session)
    assert sorted((p.a.id, p.b.id) for p in c.pairs) == sorted(
        [(a_first, b_upper), (a_second, b_extra), (a_lower, b_lower)]
    )
    assert [x.id for x in c.new] == [b_loose]
    assert c.dropped == ()

    one = library.create(scenario, "One")
    only = one.add_activity("Round table")
    many = library.create(scenario, "Many")
    first, *rest = (many.add_activity("round table") for _ in range(3))
    c = compare(one.session, many.session)
    assert [(p.a.id, p.b.id) for p in c.pairs] == [(only, first)]
    assert [x.id for x in c.new] == rest


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Evening patrols", "  evening   PATROLS! "),
        ("Öine patrull", "ÖINE patrull"),
        ("Ｆｕｌｌ width", "full width"),  # NFKC
        ("Straße", "STRASSE"),  # case folding
        ("Round-table: youth", "round table youth"),
        ("🚓", "🚓"),
    ],
)
def test_titles_normalised_alike(first: str, second: str) -> None:
    assert normalise(first) == normalise(second)


@pytest.mark.parametrize(("first", "second"), [("🚓", "🏠"), ("Patrols", "Patrol"), ("Kool", "Kõol")])
def test_titles_normalised_apart(first: str, second: str) -> None:
    assert normalise(first) != normalise(second)


def test_pair_up_in_steps() -> None:
    steps: list[tuple[str, Callable[[str], Hashable], Callable[[str], Hashable]]] = [
        ("exact", str, str),
        ("loose", str.lower, str.lower),
    ]
    matches, left, right = pair_up(["A", "a", "B", "c"], ["a", "A", "b", "b"], steps)
    assert matches == [("A", "A", "exact"), ("a", "a", "exact"), ("B", "b", "loose")]
    assert (left, right) == (["c"], ["b"])
    # None is no key: it never matches, not even another None.
    assert pair_up([None], [None], [("x", lambda v: v, lambda v: v)]) == ([], [None], [None])


def test_parties_with_the_same_suggestion_prefer_the_same_name(
    library: SessionLibrary, scenario: Scenario
) -> None:
    a = library.create(scenario, "A")
    north = a.add_party("Residents of the north", suggested_id="residents")
    south = a.add_party("Residents of the south", suggested_id="residents")
    b = library.create(scenario, "B")
    b_south = b.add_party("residents of the SOUTH", suggested_id="residents")
    b_north = b.add_party("Residents of the north", suggested_id="residents")
    c = compare(a.session, b.session)
    assert [(m.a.id, m.b.id) for m in c.parties] == [(north, b_north), (south, b_south)]


def test_parties_that_joined_and_left(library: SessionLibrary, scenario: Scenario) -> None:
    a = library.create(scenario, "A")
    a.add_party("Police", suggested_id="police")
    school = a.add_party("School")
    b = library.create(scenario, "B")
    b.add_party("Politsei", suggested_id="police")  # renamed, the same suggested party
    club = b.add_party("Youth club")
    c = compare(a.session, b.session)
    assert [p.id for p in c.parties_gone] == [school]
    assert [p.id for p in c.parties_new] == [club]
    lines = report(c, Translator("en"))
    for section in (
        ["New parties (1)", "  - Youth club"],
        ["Parties no longer taking part (1)", "  - School"],
        ["Parties renamed (1)", "  - Police → Politsei"],
    ):
        start = lines.index(section[0])
        assert lines[start : start + 2] == section


# --------------------------------------------------------------------------- ladders


def ladder_scenario(scenario_id: str, rungs: tuple[str, ...], language: str = "en") -> Scenario:
    text = f'format = 1\n\n[scenario]\nid = "{scenario_id}"\nlanguage = "{language}"\n'
    text += f'title = "{scenario_id}"\n'
    for rung in rungs:
        text += (
            f'\n[[rungs]]\nid = "{rung}"\nname = "{rung.title()}"\nsummary = "s"\n'
            'definition = "d"\nquestions = ["q?"]\n'
        )
    text += (
        '\n[[roles]]\nid = "lead"\nname = "Lead"\ndescription = "Leads."\nlead = true\n'
        '\n[[agenda]]\nid = "intro"\nname = "Intro"\nkind = "intro"\nminutes = 5\n'
    )
    return parse_scenario(text, f"{scenario_id}.toml")


def test_ladders_with_other_ids_but_the_same_length_compare_by_position(
    library: SessionLibrary, scenario: Scenario
) -> None:
    a = library.create(scenario, "A")
    x = a.add_activity("Patrols")
    a.agree(x, current=COMM, wished=COLLAB)
    b = library.create(ladder_scenario("steps", ("one", "two", "three", "four")), "B")
    y = b.add_activity("Patrols")
    b.agree(y, current="two", wished="four")
    c = compare(a.session, b.session)
    assert c.basis == "index"
    [pair] = c.pairs
    assert pair.current == RungChange(COMM, "two", 0, 1)
    assert (pair.movement, pair.wished.kind) == ("up", "same")
    lines = report(c, Translator("en"))
    assert "  - Patrols: 1. Communication → 2. Two (+1)" in lines
    assert any("compared by their place on the ladder" in line for line in lines)
    assert not any("wished" in line for line in lines)  # the same place on both ladders


def test_the_estonian_and_english_scenarios_share_their_ladder(library: SessionLibrary) -> None:
    a = library.create(find_scenario("community-safety"), "A")
    b = library.create(find_scenario("kogukondlik-turvalisus"), "B")
    assert compare(a.session, b.session).basis == "id"


def test_ladders_of_different_lengths_are_refused(library: SessionLibrary, scenario: Scenario) -> None:
    a = library.create(scenario, "A")
    b = library.create(ladder_scenario("short", ("talk", "work")), "B")
    expected = r"4 rungs in scenario 'community-safety', 2 in scenario 'short'"
    with pytest.raises(LadderMismatch, match=expected):
        compare(a.session, b.session)


def test_rungs_agreed_in_one_session_only_are_unrated(library: SessionLibrary, scenario: Scenario) -> None:
    a = library.create(scenario, "A")
    b = library.create(scenario, "B")
    for title in ("Agreed later", "Cleared", "Never"):
        a.add_activity(title)
        b.add_activity(title)
    a.agree(a.session.activities[1].id, current=COOP)
    b.agree(b.session.activities[0].id, current=COORD)
    c = compare(a.session, b.session)
    assert [(p.current.kind, p.current.delta, p.movement, p.changed) for p in c.pairs] == [
        ("agreed", None, "unrated", True),
        ("cleared", None, "unrated", True),
        ("none", None, "unrated", False),
    ]
    lines = report(c, Translator("en"))
    heading = lines.index("No rung to compare: agreed in one session only, or in neither (3)")
    assert lines[heading + 1 : heading + 4] == [
        "  - Agreed later: not agreed → 3. Coordination",
        "  - Cleared: 2. Cooperation → not agreed",
        "  - Never: not agreed",
    ]


# --------------------------------------------------------------------------- the report


def test_report_in_english(comparison: Comparison) -> None:
    assert report(comparison, Translator("en")) == [
        "Comparing “Keila partners 2025” (2025-05-06) with “Keila partners 2026” (2026-05-12)",
        "↑ 1 up · ↓ 1 down · = 0 same · ? 0 no rung to compare · + 1 new · − 1 dropped",
        "Changed: roles 3 · expectations 1 · commitments 1 · parties: 0 new, 0 gone",
        "Steps of A: ✓ 1 done · ○ 1 still open · − 1 dropped · + 1 new in B",
        "",
        "Moved up the ladder (1)",
        "  - evening   patrols!: 1. Communication → 2. Cooperation (+1)",
        "      wished: 2. Cooperation → 3. Coordination (+1)",
        "",
        "Moved down the ladder (1)",
        "  - Youth round table: 2. Cooperation → 1. Communication (-1)",
        "      left: keila  school",
        "",
        "New activities (1)",
        "  - Youth club evenings: 2. Cooperation",
        "",
        "Dropped activities (1)",
        "  - Neighbourhood watch: 1. Communication",
        "",
        "Role changes (3)",
        "  - evening   patrols!: POLICE: Lead → Partner",
        "  - evening   patrols!: Residents: Partner → Lead",
        "  - Youth round table: keila  school: Lead → no role",
        "",
        "Expectation changes (1)",
        "  - evening   patrols!: POLICE → Residents: “We expect you to report broken street lights.”: "
        "accepted → declined",
        "",
        "Commitment changes (1)",
        "  - evening   patrols!: new commitment of Residents: “We will walk with them once a month.”",
        "",
        "Next steps done (1)",
        "  - POLICE: “Print the flyers”",
        "",
        "Next steps not done yet (1)",
        "  - Residents: “Ask the council for street lights”",
        "",
        "Next steps dropped, not done (1)",
        "  - keila  school: “Paint the fence”",
        "",
        "New next steps (1)",
        "  - keila  school: “Start a youth club”",
    ]


def test_report_in_estonian(comparison: Comparison) -> None:
    lines = report(comparison, Translator("et"))
    assert lines[0] == "Võrdlus: „Keila partners 2025“ (06.05.2025) ja „Keila partners 2026“ (12.05.2026)"
    assert lines[1] == "↑ tõusis: 1 · ↓ langes: 1 · = sama: 0 · ? astmeta: 0 · + uued: 1 · − ära jäänud: 1"
    assert lines[2].startswith("Muutunud — rollid: ") and lines[3].startswith("A sammud — ✓ tehtud: ")
    for heading in (
        "Liikus redelil üles (1)",
        "Liikus redelil alla (1)",
        "Uued tegevused (1)",
        "Ärajäänud tegevused (1)",
        "Rollide muutused (3)",
        "Ootuste muutused (1)",
        "Lubaduste muutused (1)",
        "Tehtud sammud (1)",
        "Veel tegemata sammud (1)",
        "Ärajäänud, tegemata sammud (1)",
        "Uued sammud (1)",
    ):
        assert heading in lines, heading
    assert "      soovitud: 2. Cooperation → 3. Coordination (+1)" in lines  # the scenario's own rung names
    assert "  - Youth round table: keila  school: Lead → rollita" in lines
    assert (
        "  - evening   patrols!: POLICE → Residents: „We expect you to report broken street lights.“: "
        "vastu võetud → tagasi lükatud"
    ) in lines


def test_report_shows_amended_and_removed_expectations(library: SessionLibrary, scenario: Scenario) -> None:
    a = library.create(scenario, "A")
    b = library.create(scenario, "B")
    sides = []
    for svc in (a, b):
        p, r = svc.add_party("Police"), svc.add_party("Residents")
        sides.append((svc, p, r, svc.add_activity("Patrols", party_ids=[p, r])))
    (_, ap, ar, ax), (_, bp, br, bx) = sides
    a.add_expectation(ax, ap, ar, "Share the figures.")
    gone = a.add_expectation(ax, ar, ap, "Come every week.")
    a.answer_expectation(gone, "declined", "Too often.")
    new = b.add_expectation(bx, bp, br, "Share the figures.")
    b.answer_expectation(new, "amended", "Share the figures twice a year.")
    b.add_expectation(bx, br, bp, "Come every month.")
    lines = report(compare(a.session, b.session), Translator("en"))
    assert lines[lines.index("Expectation changes (3)") + 1 :][:3] == [
        "  - Patrols: Police → Residents: “Share the figures.”: not answered → amended to "
        "“Share the figures twice a year.”",
        "  - Patrols: Residents → Police: “Come every week.”: no longer there (was declined)",
        "  - Patrols: Residents → Police: “Come every month.”: new, not answered",
    ]


@pytest.mark.parametrize(
    ("first", "second", "changed"),
    [
        ("Twice a year.", "twice a YEAR", False),  # the same words
        ("Twice a year.", "Once a year.", True),
    ],
)
def test_a_new_amendment_is_a_change(
    library: SessionLibrary, scenario: Scenario, first: str, second: str, changed: bool
) -> None:
    sides = []
    for svc, response in ((library.create(scenario, "A"), first), (library.create(scenario, "B"), second)):
        p, r = svc.add_party("Police"), svc.add_party("Residents")
        x = svc.add_activity("Patrols", party_ids=[p, r])
        svc.answer_expectation(svc.add_expectation(x, p, r, "Share the figures."), "amended", response)
        sides.append(svc.session)
    c = compare(*sides)
    assert c.has_changes is changed
    if changed:
        [change] = c.pairs[0].expectations
        assert change.kind == "changed"
        assert (
            "  - Patrols: Police → Residents: “Share the figures.”: amended to “Twice a year.” → "
            "amended to “Once a year.”"
        ) in report(c, Translator("en"))
    else:
        assert c.pairs[0].expectations == ()


# --------------------------------------------------------------------------- the command


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


def run(*args: str) -> Result:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args), out=out, err=err)
        except SystemExit as exit_:  # argparse usage errors
            code = exit_.code if isinstance(exit_.code, int) else 1
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def ids(years: tuple[Year, Year]) -> tuple[str, str]:
    before, after = years
    return before.session.id, after.session.id


def test_cli_prints_the_report(ids: tuple[str, str], comparison: Comparison) -> None:
    result = run("compare", *ids)
    assert (result.code, result.err) == (EXIT_OK, "")
    assert result.out.splitlines() == report(comparison, Translator("en"))


def test_cli_takes_a_unique_prefix(ids: tuple[str, str]) -> None:
    result = run("compare", ids[0], ids[1][:6])
    assert result.code == EXIT_OK
    assert result.out == run("compare", *ids).out


def test_cli_in_estonian(ids: tuple[str, str]) -> None:
    result = run("--lang", "et", "compare", *ids)
    assert result.code == EXIT_OK
    assert result.out.startswith("Võrdlus: „Keila partners 2025“")
    assert "\nTehtud sammud (1)\n" in result.out


def test_cli_speaks_the_first_sessions_language(library: SessionLibrary) -> None:
    a = library.create(find_scenario("kogukondlik-turvalisus"), "Ümarlaud 2025", date="03.12.2025")
    b = library.create(find_scenario("community-safety"), "Round table 2026", date="2026-12-03")
    for svc, title in ((a, "Öine patrull"), (b, "öine PATRULL")):
        svc.agree(svc.add_activity(title), current=COOP)
    result = run("compare", a.session.id, b.session.id)
    assert result.code == EXIT_OK
    assert result.out.splitlines()[:8] == [
        "Võrdlus: „Ümarlaud 2025“ (03.12.2025) ja „Round table 2026“ (03.12.2026)",
        "↑ tõusis: 0 · ↓ langes: 0 · = sama: 1 · ? astmeta: 0 · + uued: 0 · − ära jäänud: 0",
        "Muutunud — rollid: 0 · ootused: 0 · lubadused: 0 · osapooled: uued 0, lahkunud 0",
        "A sammud — ✓ tehtud: 0 · ○ veel tegemata: 0 · − ära jäänud: 0 · + uued B-s: 0",
        "Muutusi pole: teine töötuba ütleb sama, mida esimene.",
        "",
        "Sama aste (1)",
        "  - öine PATRULL: 2. Kooperatsioon",  # one language: the twin names the same rung alike
    ]
    english = run("--lang", "en", "compare", a.session.id, b.session.id)
    assert english.out.startswith(
        "Comparing “Ümarlaud 2025” (2025-12-03) with “Round table 2026” (2026-12-03)\n"
    )


def test_cli_self_compare(ids: tuple[str, str]) -> None:
    result = run("compare", ids[0], ids[0])
    assert result.code == EXIT_OK
    assert "No changes: the second session says what the first one said.\n" in result.out
    assert "↑ 0 up · ↓ 0 down · = 3 same · ? 0 no rung to compare · + 0 new · − 0 dropped\n" in result.out


def test_cli_shows_user_text_on_one_line(library: SessionLibrary, scenario: Scenario) -> None:
    nasty = "Evil\x1b[31m red\x07\nsecond line [b]bold[/b] {x}"
    a = library.create(scenario, nasty, date="2025-12-03")
    b = library.create(scenario, "B")
    a.add_activity(nasty)
    p = b.add_party(nasty)
    b.add_action(nasty, p)
    result = run("compare", a.session.id, b.session.id)
    assert result.code == EXIT_OK
    assert "\x1b" not in result.out and "\x07" not in result.out
    # The core stored a title or name on one line without its escapes; a step's long text
    # keeps its newline, which one line of output shows as ⏎.
    assert "Evil[31m red second line [b]bold[/b] {x}" in result.out
    assert "  - Evil[31m red second line [b]bold[/b] {x}: not agreed\n" in result.out
    assert "“Evil[31m red⏎second line [b]bold[/b] {x}”" in result.out
    for line in result.out.splitlines():
        assert all(ch.isprintable() for ch in line), line


@pytest.mark.parametrize("which", ["first", "second"])
def test_cli_unknown_session(ids: tuple[str, str], which: str) -> None:
    args = ("nosuch", ids[1]) if which == "first" else (ids[0], "nosuch")
    result = run("compare", *args)
    assert (result.code, result.out) == (EXIT_USER_ERROR, "")
    assert result.err == "facilitator: error: no session 'nosuch' (see 'facilitator list')\n"


def test_cli_ladders_that_cannot_be_compared(library: SessionLibrary, scenario: Scenario) -> None:
    a = library.create(scenario, "A")
    b = library.create(ladder_scenario("short", ("talk", "work")), "B")
    result = run("compare", a.session.id, b.session.id)
    assert (result.code, result.out) == (EXIT_USER_ERROR, "")
    [line] = result.err.splitlines()
    assert line.startswith("facilitator: error: the sessions' ladders differ: 4 rungs")


def test_cli_needs_two_sessions(ids: tuple[str, str]) -> None:
    result = run("compare", ids[0])
    assert result.code == EXIT_USER_ERROR
    assert "the following arguments are required: B" in result.err
    assert len(result.err.splitlines()) == 1
    helped = run("compare", "--help")
    assert helped.code == EXIT_OK
    assert helped.out.startswith("usage: facilitator compare [-h] [--lang {et,en}] A B")


# --------------------------------------------------------------------------- random sessions


@cache
def shipped(name: str) -> Scenario:
    return find_scenario(name)


IDS = ("a1", "a2", "a3", "a4", "a5")
NAMES = ("Police", "police", "POLICE!", "Residents", "Kool", "🚓")
TITLES = ("Patrols", "patrols", "Patrols!", "Round table", "Ümarlaud", "🚓", "🏠")
TEXTS = ("Share the figures.", "share the FIGURES", "Come weekly", "[b]{x}[/b]")


@st.composite
def sessions(draw: st.DrawFn, scenario_name: str = "community-safety") -> Session:
    """A small session as model objects: odd but possible data, and some that isn't
    (dangling party references, rungs and roles the scenario doesn't know)."""
    scenario = shipped(scenario_name)
    party_ids = draw(st.lists(st.sampled_from(IDS), unique=True, max_size=4))
    parties = tuple(
        Party(pid, draw(st.sampled_from(NAMES)), i, draw(st.none() | st.sampled_from(("police", "school"))))
        for i, pid in enumerate(party_ids)
    )
    party = st.sampled_from((*party_ids, "ghost"))
    rung = st.none() | st.sampled_from((*scenario.rung_ids(), "unknown-rung"))
    activity_ids = draw(st.lists(st.sampled_from(IDS), unique=True, max_size=4))
    activities = tuple(
        Activity(
            id=aid,
            title=draw(st.sampled_from(TITLES)),
            order=i,
            party_ids=tuple(draw(st.lists(party, unique=True, max_size=3))),
            agreed_current=draw(rung),
            agreed_wished=draw(rung),
        )
        for i, aid in enumerate(activity_ids)
    )
    roles: tuple[RoleAssignment, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    expectations: tuple[Expectation, ...] = ()
    if activity_ids:
        activity = st.sampled_from(activity_ids)
        text = st.sampled_from(TEXTS)
        roles = tuple(
            draw(
                st.lists(
                    st.builds(
                        RoleAssignment,
                        activity,
                        party,
                        st.sampled_from((*(r.id for r in scenario.roles), "unknown-role")),
                    ),
                    max_size=4,
                )
            )
        )
        commitments = tuple(
            draw(st.lists(st.builds(Commitment, st.sampled_from(IDS), activity, party, text), max_size=3))
        )
        expectations = tuple(
            draw(
                st.lists(
                    st.builds(
                        Expectation,
                        st.sampled_from(IDS),
                        activity,
                        party,
                        party,
                        text,
                        st.sampled_from(EXPECTATION_STATES),
                        st.sampled_from(("", "Not this year", "not THIS year")),
                    ),
                    max_size=3,
                )
            )
        )
    action_ids = draw(st.lists(st.sampled_from(IDS), unique=True, max_size=3))
    actions = tuple(
        Action(
            aid,
            draw(st.sampled_from(TEXTS)),
            draw(party),
            draw(st.none() | st.sampled_from(activity_ids or ("gone",))),
            None,
            draw(st.booleans()),
        )
        for aid in action_ids
    )
    info = SessionInfo(
        id=draw(st.sampled_from(IDS)),
        title=draw(st.sampled_from(TITLES)),
        scenario_id=scenario.id,
        language=scenario.language,
        created_at="2025-05-06T10:00:00.000+00:00",
        date=draw(st.sampled_from(("", "2025-05-06"))),
    )
    return Session(
        info,
        scenario,
        parties=parties,
        activities=activities,
        roles=roles,
        commitments=commitments,
        expectations=expectations,
        actions=actions,
    )


def check_report(c: Comparison) -> None:
    for language in ("et", "en"):
        lines = report(c, Translator(language))
        assert len(lines) >= 2


@settings(max_examples=100, deadline=None)
@given(sessions())
def test_random_session_compared_with_itself_has_no_changes(session: Session) -> None:
    c = compare(session, session)
    assert not c.has_changes
    assert (c.new, c.dropped, c.new_actions, c.parties_new, c.parties_gone) == ((), (), (), (), ())
    assert [(p.a, p.b, p.matched_by) for p in c.pairs] == [(a, a, "id") for a in session.activities]
    assert not any(p.changed for p in c.pairs)
    assert [f.status for f in c.actions] == ["done" if x.done else "open" for x in session.actions]
    s = c.summary
    assert (s.up, s.down, s.new, s.dropped, s.role_changes, s.expectation_changes) == (0, 0, 0, 0, 0, 0)
    check_report(c)


@settings(max_examples=100, deadline=None)
@given(sessions(), st.sampled_from(("community-safety", "kogukondlik-turvalisus")).flatmap(sessions))
def test_random_sessions_compare_without_crashing(a: Session, b: Session) -> None:
    c = compare(a, b)
    # Every activity is in exactly one place, and nothing is matched twice.
    assert len({id(p.a) for p in c.pairs}) == len(c.pairs)
    assert len({id(p.b) for p in c.pairs}) == len(c.pairs)
    assert len(c.pairs) + len(c.dropped) == len(a.activities)
    assert len(c.pairs) + len(c.new) == len(b.activities)
    assert len(c.parties) + len(c.parties_gone) == len(a.parties)
    assert len(c.parties) + len(c.parties_new) == len(b.parties)
    matched_actions = [f for f in c.actions if f.after is not None]
    assert len(c.actions) == len(a.actions)
    assert len(matched_actions) + len(c.new_actions) == len(b.actions)
    s = c.summary
    assert s.up + s.down + s.same + s.unrated == len(c.pairs)
    for pair in c.pairs:
        delta = pair.current.delta
        assert (delta is not None and delta > 0) == (pair.movement == "up")
        assert (delta is not None and delta < 0) == (pair.movement == "down")
    # The other way round mirrors it.
    back = compare(b, a).summary
    assert (back.up, back.down, back.same, back.new, back.dropped) == (s.down, s.up, s.same, s.dropped, s.new)
    check_report(c)
