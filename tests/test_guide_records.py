"""What the guide names and the workshop records: information flow directions and
approaches on activities (with files and event logs from before), suggested parties'
fields of work, and next year's workshop started from this one (`new --from`)."""

from __future__ import annotations

import contextlib
import csv as csv_module
import io
import json
from pathlib import Path

import pytest

from facilitator.cli import EXIT_OK, EXIT_USER_ERROR, main
from facilitator.core import reports
from facilitator.core.compare import compare
from facilitator.core.demo import create_demo
from facilitator.core.errors import ChangeRejected, ScenarioError
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario, parse_scenario
from facilitator.core.service import SessionService, replay

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def svc(library: SessionLibrary) -> SessionService:
    return library.create(find_scenario("kogukondlik-turvalisus"), "Töötuba")


def talk(svc: SessionService) -> str:
    police = svc.add_party("Politsei", suggested_id="police")
    residents = svc.add_party("Elanikud", suggested_id="residents", affected=True)
    return svc.add_activity(
        "Teemaõhtud",
        party_ids=[police, residents],
        approaches=["resource-mobilisation", "empowerment"],
        flows=["police-to-people", "two-way"],
    )


# --------------------------------------------------------------------------- store


def test_flows_and_approaches_round_trip_through_the_store(svc: SessionService) -> None:
    activity = talk(svc)
    again = SessionService(svc.path).session.activity(activity)
    assert again.approaches == ("resource-mobilisation", "empowerment")
    assert again.approach == "resource-mobilisation"  # the older single-approach reading
    assert again.flows == ("police-to-people", "two-way")
    svc.update_activity(activity, flows=["between-agencies"], approaches=[])
    again = SessionService(svc.path).session.activity(activity)
    assert (again.flows, again.approaches) == (("between-agencies",), ())


def test_unknown_flows_and_approaches_are_refused_and_nothing_changes(svc: SessionService) -> None:
    activity = talk(svc)
    before = svc.path.read_bytes()
    with pytest.raises(ChangeRejected, match="no direction of information flow 'sideways'"):
        svc.update_activity(activity, flows=["sideways"])
    with pytest.raises(ChangeRejected, match="no approach 'magic'"):
        svc.update_activity(activity, approaches=["magic"])
    with pytest.raises(ChangeRejected, match="list"):
        svc.change("activity.updated", {"id": activity, "flows": "two-way"})
    assert svc.path.read_bytes() == before


def test_a_file_from_before_several_approaches_still_opens(svc: SessionService) -> None:
    activity = talk(svc)
    data = json.loads(svc.path.read_text(encoding="utf-8"))
    record = next(r for r in data["activities"].values() if r["id"] == activity)
    del record["approaches"], record["flows"]
    record["approach"] = "situational"
    svc.path.write_text(json.dumps(data), encoding="utf-8")
    old = SessionService(svc.path)
    assert old.session.activity(activity).approaches == ("situational",)
    assert old.session.activity(activity).flows == ()
    old.update_activity(activity, title="Teemaõhtud 2")  # editing an old record keeps its approach
    assert SessionService(svc.path).session.activity(activity).approaches == ("situational",)


def test_an_event_log_from_before_still_replays(svc: SessionService) -> None:
    """Old events carried one `approach`; replaying them gives the same activity now."""
    police, town = svc.add_party("Politsei"), svc.add_party("Vald")
    svc.change(
        "activity.added",
        {"id": "old1", "title": "Vana", "party_ids": [police, town], "approach": "situational"},
    )
    svc.change("activity.updated", {"id": "old1", "approach": None})
    svc.change(
        "activity.added", {"id": "old2", "title": "Vana 2", "party_ids": [police, town], "approach": None}
    )
    session = svc.session
    data = svc.file.read()
    rebuilt = replay(data["meta"]["session"], session.events, session.scenario)
    assert rebuilt.activity("old1").approaches == () == session.activity("old1").approaches
    assert rebuilt.activity("old2").approaches == ()
    svc.change("activity.updated", {"id": "old2", "approach": "situational"})
    assert svc.session.activity("old2").approaches == ("situational",)


# --------------------------------------------------------------------------- reports and import


def test_flows_and_approaches_reach_every_report_and_survive_import(
    svc: SessionService, library: SessionLibrary, tmp_path: Path
) -> None:
    activity = talk(svc)
    md = reports.export_files(svc, "md")
    text = next(iter(md.values())).decode("utf-8")
    assert "Info liikumise suunad" in text and "Politseilt inimestele; Kahesuunaline" in text
    assert "Ressursside mobiliseerimine, Kogukonna võimustamine" in text
    csv = reports.export_files(svc, "csv")
    table = csv_module.reader(
        io.StringIO(csv[f"{svc.session.id}-activities.csv"].decode("utf-8-sig")), delimiter=";"
    )
    header, row = list(table)[:2]
    assert row[header.index("Info liikumise suunad")] == "Politseilt inimestele; Kahesuunaline"
    exported = tmp_path / "s.json"
    exported.write_bytes(next(iter(reports.export_files(svc, "json").values())))
    imported = library.import_file(exported, new_id_on_clash=True)
    again = imported.session.activity(activity)
    assert again.flows == ("police-to-people", "two-way")
    assert again.approaches == ("resource-mobilisation", "empowerment")


def test_each_mismatch_in_the_report_says_which_line_of_the_guide_it_rests_on(
    library: SessionLibrary,
) -> None:
    service = create_demo(library, find_scenario("kogukondlik-turvalisus"))
    text = next(iter(reports.export_files(service, "md").values())).decode("utf-8")
    cited = "(juhendi kooperatsiooni määratlus)"
    assert text.count(cited) == 1  # each sentence of the guide once, not after every mismatch
    assert "Kooperatsioon ehk „sama valdkonna või sarnaste eesmärkidega" in text
    assert (
        text.count("„Kõigil ühistegevuse vormidel on omad võimalused") == 2
    )  # the ladder's intro, the basis
    assert "(juhendi kolmas lähenemine, kogukonna võimustamine)" in text


# --------------------------------------------------------------------------- scenario


@pytest.mark.parametrize("scenario_id", ["kogukondlik-turvalisus", "community-safety"])
def test_suggested_parties_have_their_fields_and_the_new_ones_are_there(scenario_id: str) -> None:
    scenario = find_scenario(scenario_id)
    ids = {p.id for p in scenario.parties}
    assert {
        "neighbourhood-watch",
        "assistant-police",
        "defence-league",
        "village-society",
        "victim-support",
    } <= ids
    for party in scenario.parties:
        assert bool(party.fields) != party.affected, (
            party.id
        )  # organisations have fields, affected groups none
    # The guide's cooperation example for young people is one field; police and a society are two.
    youth = [
        set(scenario.party_fields(p))
        for p in ("youth-workers", "child-protection", "social-worker", "school")
    ]
    assert set.intersection(*youth)
    assert not set(scenario.party_fields("police")) & set(scenario.party_fields("ngo"))


@pytest.mark.parametrize("scenario_id", ["kogukondlik-turvalisus", "community-safety"])
def test_the_guides_communication_examples_carry_their_direction(scenario_id: str) -> None:
    scenario = find_scenario(scenario_id)
    by_place = {e.place: e.flows for e in scenario.examples if e.rung == "communication"}
    assert by_place["Kuressaare"] == ("police-to-people",)
    assert by_place["Keila"] == ("between-agencies",)
    assert all(not e.approach for e in scenario.examples)  # the guide links no example to an approach


def test_an_example_with_an_unknown_flow_is_a_scenario_error() -> None:
    source = (REPO / "scenarios" / "community-safety.toml").read_text(encoding="utf-8")
    broken = source.replace('flows = ["police-to-people"]', 'flows = ["sideways"]', 1)
    with pytest.raises(ScenarioError, match="no flow with id 'sideways'"):
        parse_scenario(broken, "broken.toml")


# --------------------------------------------------------------------------- new --from


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_new_from_keeps_parties_activities_and_agreed_rungs_and_links_the_two(
    library: SessionLibrary,
) -> None:
    earlier = create_demo(library, find_scenario("kogukondlik-turvalisus"))
    code, out, err = run(
        "new", "--from", earlier.session.id[:6], "--title", "Kaasiku 2027", "--date", "2027-12-03"
    )
    assert (code, err) == (EXIT_OK, "")
    later = library.open(out.strip()).session
    before = earlier.session
    assert later.info.previous_id == before.info.id
    assert (later.info.title, later.info.date) == ("Kaasiku 2027", "2027-12-03")
    assert [(p.id, p.name, p.suggested_id, p.affected) for p in later.parties] == [
        (p.id, p.name, p.suggested_id, p.affected) for p in before.parties
    ]
    assert [(a.id, a.title, a.party_ids, a.concerns, a.approaches, a.flows) for a in later.activities] == [
        (a.id, a.title, a.party_ids, a.concerns, a.approaches, a.flows) for a in before.activities
    ]
    # A fresh blind round: nothing agreed or revealed yet; last time's rungs are kept aside,
    # for the reveal to show beside this year's placements.
    assert all(a.agreed_current is None and not a.revealed for a in later.activities)
    assert [(f.source_id, f.current, f.wished) for f in later.followups if f.kind == "activity"] == [
        (a.id, a.agreed_current, a.agreed_wished) for a in before.activities
    ]
    # People, placements, roles, expectations and sign-offs are the new workshop's to make;
    # last time's promises come along to be followed up.
    assert not (later.participants or later.placements or later.roles or later.expectations or later.signoffs)
    assert {f.source_id for f in later.followups if f.kind == "commitment"} == {
        c.id for c in before.commitments
    }
    # compare pairs everything by id: nothing new, nothing dropped.
    comparison = compare(before, later)
    summary = comparison.summary
    assert (summary.new, summary.dropped) == (0, 0)
    assert summary.unrated == len(before.activities)  # nothing agreed this year yet


def test_new_from_defaults_to_the_earlier_title_and_refuses_a_scenario_too(library: SessionLibrary) -> None:
    earlier = library.create(find_scenario("community-safety"), "Round table 2026")
    code, out, _ = run("new", "--from", earlier.session.id)
    assert code == EXIT_OK and library.open(out.strip()).session.info.title == "Round table 2026"
    code, out, err = run("new", "--from", earlier.session.id, "--scenario", "community-safety")
    assert (code, out) == (EXIT_USER_ERROR, "") and "not both" in err and err.count("\n") == 1
    code, _, err = run("new", "--from", "deadbeef")
    assert code == EXIT_USER_ERROR and "deadbeef" in err
