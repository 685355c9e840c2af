"""One language at a time: the system's at first, remembered after; names from the counterpart."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from facilitator.core.counterpart import counterpart, in_language
from facilitator.core.reports import render
from facilitator.core.scenario import discover, find_scenario
from facilitator.core.service import SessionService
from facilitator.core.settings import interface_language, load_settings, save_setting, system_language


def test_the_system_language_decides_the_first_start(tmp_path: Path) -> None:
    assert system_language({"LANG": "et_EE.UTF-8"}) == "et"
    assert system_language({"LC_ALL": "et", "LANG": "en_US.UTF-8"}) == "et"
    assert system_language({"LANG": "en_GB.UTF-8"}) == "en"
    assert system_language({"LANG": "fi_FI.UTF-8"}) == "en"
    assert system_language({}) == "en"


def test_the_choice_is_remembered_and_lang_wins(tmp_path: Path) -> None:
    assert load_settings(tmp_path) == {}
    save_setting(tmp_path, "language", "et")
    assert interface_language(tmp_path) == "et"
    assert interface_language(tmp_path, "en") == "en"
    (tmp_path / "settings.json").write_text("{broken", encoding="utf-8")
    assert load_settings(tmp_path) == {}  # an unreadable file is no settings, not an error


def test_the_shipped_scenarios_are_counterparts() -> None:
    english, estonian = find_scenario("community-safety"), find_scenario("kogukondlik-turvalisus")
    known = [e.scenario for e in discover() if e.scenario is not None]
    assert counterpart(english, "et", known) == estonian
    shown = in_language(english, "et")
    assert shown.language == "et"
    assert [r.name for r in shown.rungs] == [r.name for r in estonian.rungs]
    assert [p.name for p in shown.agenda] == [p.name for p in estonian.agenda]
    assert [r.name for r in shown.roles] == [r.name for r in estonian.roles]
    labels = [f.label for r in shown.rungs for f in r.fields]
    assert labels == [f.label for r in estonian.rungs for f in r.fields]
    assert [r.id for r in shown.rungs] == [r.id for r in english.rungs]  # ids and rules stay
    alone = dataclasses.replace(english, rungs=english.rungs[:2])
    assert in_language(alone, "et") is alone  # no counterpart: shown as it is


def test_a_service_shows_names_in_the_interface_language(service: SessionService) -> None:
    service.show_names_in("et")
    assert service.session.scenario.rung_title("communication").endswith("Kommunikatsioon")
    party = service.add_party("Politsei")  # changes still validate against the same ids
    activity = service.add_activity("Ümarlaud", party_ids=[party])
    service.agree(activity, current="cooperation")
    service.show_names_in("en")
    assert service.session.scenario.rung_title("cooperation").endswith("Cooperation")


def test_a_report_is_in_one_language(service: SessionService) -> None:
    service.show_names_in("et")  # the interface is Estonian; the session is English
    report = render(service.session, "md")[f"{service.session.id}.md"].decode("utf-8")
    assert "Communication" in report and "Kommunikatsioon" not in report
    estonian = render(service.session, "md", lang="et")[f"{service.session.id}.md"].decode("utf-8")
    assert "Kommunikatsioon" in estonian and "Communication" not in estonian
