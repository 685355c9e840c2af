"""The demo workshop: one made-up municipality a practitioner would believe, in which
every kind of mismatch shows up for a reason a facilitator could explain."""

from __future__ import annotations

import dataclasses
from collections import Counter
from pathlib import Path

import pytest

from facilitator.core.demo import ACTIVITIES, PARTIES, TEXTS, create_demo
from facilitator.core.errors import UserError
from facilitator.core.i18n import Translator
from facilitator.core.library import SessionLibrary
from facilitator.core.mismatches import KINDS, mismatches
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService

SCENARIOS = {"et": "kogukondlik-turvalisus", "en": "community-safety"}


@pytest.fixture(scope="module", params=["et", "en"])
def demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> SessionService:
    library = SessionLibrary(tmp_path_factory.mktemp(f"demo-{request.param}"))
    return create_demo(library, find_scenario(SCENARIOS[request.param]))


def test_every_mismatch_kind_appears_in_the_demo(demo: SessionService) -> None:
    found = Counter(m.kind for m in mismatches(demo.session))
    assert [kind for kind in KINDS if not found[kind]] == []


def test_every_mismatch_of_the_demo_explains_itself(demo: SessionService) -> None:
    t = Translator(demo.session.info.language)
    for m in mismatches(demo.session):
        text = m.explain(t)
        assert "{" not in text and text.strip()


def test_wishes_go_up_stay_and_go_down(demo: SessionService) -> None:
    scenario = demo.session.scenario
    moves = Counter()
    for a in demo.session.activities:
        if a.agreed_current is not None and a.agreed_wished is not None:
            delta = scenario.rung_index(a.agreed_wished) - scenario.rung_index(a.agreed_current)
            moves["up" if delta > 0 else "down" if delta < 0 else "stay"] += 1
    assert moves["up"] >= 2 and moves["stay"] >= 2 and moves["down"] >= 1


def test_one_clearly_marked_example_municipality(demo: SessionService) -> None:
    info = demo.session.info
    assert "Kaasiku" in info.title and "Kaasiku" in info.place
    assert ("väljamõeldud" if info.language == "et" else "made-up") in info.place


def test_every_party_has_people_and_every_activity_at_least_two_parties(demo: SessionService) -> None:
    session = demo.session
    with_people = {p.party_id for p in session.participants}
    assert {p.id for p in session.parties} == with_people
    assert all(len(a.party_ids) >= 2 for a in session.activities)
    assert len(session.activities) == len(ACTIVITIES) >= 10


def test_both_languages_have_every_text() -> None:
    for p in PARTIES:
        assert set(p.name) == {"et", "en"} and all(set(x) == {"et", "en"} for x in p.people)
    for a in ACTIVITIES:
        assert set(a.title) == set(a.description) == {"et", "en"}
    assert set(TEXTS) == {"et", "en"}


def test_a_ladder_too_short_for_the_demo_is_a_clear_error(tmp_path: Path) -> None:
    scenario = find_scenario("community-safety")
    short = dataclasses.replace(scenario, rungs=scenario.rungs[:2])
    library = SessionLibrary(tmp_path)
    with pytest.raises(UserError, match="at least 4 rungs"):
        create_demo(library, short)
    assert library.list() == []  # nothing written
