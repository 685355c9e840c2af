"""The year after: `new --from` carries last time's promises to follow up and last time's rungs
for a fresh blind placement; the room (or a party, confirmed) records what came of each; an
open step is carried over; compare tells "not followed up yet" from "dropped"."""

from __future__ import annotations

import io
import json

import pytest

from facilitator.cli import EXIT_OK, main
from facilitator.core.compare import compare, report
from facilitator.core.demo import create_demo
from facilitator.core.errors import NotAllowed, UserError
from facilitator.core.followup import last_time_text, not_carried_over, outcomes_of, promises
from facilitator.core.history import history
from facilitator.core.i18n import Translator
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from tests.series import three_years


@pytest.fixture(autouse=True)
def _no_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    """Durability is test_crash's business; the data still goes through the real file."""
    monkeypatch.setattr("facilitator.core.store.os.fsync", lambda fd: None)


def test_new_from_carries_promises_and_starts_a_fresh_blind_round(library: SessionLibrary) -> None:
    first = create_demo(library, find_scenario("community-safety")).session
    second = library.create_from(first.id).session
    items = promises(second)
    wanted = (
        [("commitment", c.id, c.text, c.party_id) for c in first.commitments]
        + [
            ("expectation", e.id, e.effective_text, e.to_party)
            for e in first.expectations
            if e.state in ("accepted", "amended")
        ]
        + [("action", x.id, x.text, x.owner) for x in first.actions if not x.done]
    )
    assert [(i.kind, i.source_id, i.text, i.party_id) for i in items] == wanted
    assert all(i.outcome == "" and not i.confirmed for i in items)
    steps = {x.id: x for x in first.actions}
    assert all(i.due == steps[i.source_id].due for i in items if i.kind == "action")
    # Fresh blind placement: nothing placed, revealed or agreed; last time's rungs kept aside.
    assert all(a.agreed_current is None and not a.revealed for a in second.activities)
    assert second.placements == () and second.roles == ()
    t = Translator("en")
    for a in first.activities:
        said = last_time_text(second, a.id, t)
        if a.agreed_current is None:
            assert said == "last time: no rung agreed"
        else:
            assert said is not None and second.scenario.rung_title(a.agreed_current) in said


def test_a_session_without_a_predecessor_has_nothing_to_follow_up(library: SessionLibrary) -> None:
    session = create_demo(library, find_scenario("community-safety")).session
    assert session.followups == () and promises(session) == ()
    assert last_time_text(session, session.activities[0].id, Translator("en")) is None
    assert outcomes_of(session, "anything") == {}


def test_the_series_of_three(library: SessionLibrary) -> None:
    series = three_years(library)
    first, second, third = (s.session for s in series.services)
    recorded = {i.source_id: i for i in promises(second)}
    assert {i.outcome for i in recorded.values() if i.party_id != series.gone} >= {
        "done",
        "partly",
        "not_done",
        "dropped",
    }
    assert all(i.outcome == "" for i in recorded.values() if i.party_id == series.gone)
    phone = [i for i in recorded.values() if i.note == "on our phone"]
    assert phone and all(i.confirmed for i in phone)
    carried = next(i for i in promises(second) if i.carried_action)
    assert carried.carried_action == series.carried_step
    step = next(x for x in second.actions if x.id == series.carried_step)
    assert step.text == carried.text and step.done
    # New this time, and last time's rung beside the reveal.
    t = Translator("en")
    drills = next(a for a in second.activities if a.title == "Joint drills")
    assert last_time_text(second, drills.id, t) == "new this time"
    assert last_time_text(second, series.moved, t) == "last time: 1. Communication"
    assert not_carried_over(second) == ()
    # The third year carries the second's promises, the carried step's outcome among them.
    third_items = promises(third)
    assert any(i.source_id == series.carried_step for i in third_items) is False  # done: not open
    assert any(i.text == "We come to every meeting" for i in third_items)
    # History reads the follow-up: promises kept per party.
    h = history(library.series(third.id))
    police = first.parties[0].id
    kept = h.parties[police][1]
    assert kept is not None and kept.kept is not None and kept.kept == kept.commitments
    first_year = h.parties[police][0]
    # Its promises are its commitments and the expectations it accepted or amended (as followed up).
    promised = [c.id for c in first.commitments if c.party_id == police] + [
        e.id for e in first.expectations if e.to_party == police and e.state in ("accepted", "amended")
    ]
    done_first = sum(1 for i in promised if recorded[i].outcome == "done" and recorded[i].confirmed)
    assert first_year is not None and first_year.kept == done_first
    assert first_year.commitments == len(promised)


def test_a_party_answers_only_for_its_own_items_and_the_room_confirms(library: SessionLibrary) -> None:
    first = create_demo(library, find_scenario("community-safety")).session
    service = library.create_from(first.id)
    item = promises(service.session)[0]
    mine = service.for_party(item.party_id)
    with pytest.raises(NotAllowed, match="follow-up phase"):  # the room is setting up
        mine.answer_followup(item.id, "done")
    service.set_phase("followup")
    other = next(p.id for p in service.session.parties if p.id != item.party_id)
    with pytest.raises(NotAllowed):
        service.for_party(other).answer_followup(item.id, "done")
    with pytest.raises(NotAllowed):  # a phone can't confirm, even its own answer
        mine._service.record_followup(item.id, "done", actor=mine.author)
    mine.do("answer_followup", item_id=item.id, outcome="partly", note="half of it")
    answered = promises(service.session)[0]
    assert (answered.outcome, answered.note, answered.confirmed) == ("partly", "half of it", False)
    assert outcomes_of(service.session, first.id) == {}  # not an outcome until confirmed
    service.confirm_followup(item.id)
    assert outcomes_of(service.session, first.id) == {item.source_id: "partly"}
    with pytest.raises(NotAllowed):  # recorded by the room: the phone can't change it now
        mine.answer_followup(item.id, "done")
    with pytest.raises(UserError):
        service.record_followup(item.id, "finished")
    with pytest.raises(UserError):
        service.record_followup(item.id, "done", "x" * 2001)
    commitment = next(i for i in promises(service.session) if i.kind == "commitment")
    with pytest.raises(UserError, match="only a next step"):
        service.carry_over(commitment.id)


def test_compare_knows_the_series(library: SessionLibrary) -> None:
    first = create_demo(library, find_scenario("community-safety")).session
    service = library.create_from(first.id)
    lines = report(compare(first, service.session), Translator("en"))
    text = "\n".join(lines)
    assert "not followed up yet" in text
    assert "→ no role" not in text and "→ not set yet" in text
    assert "Next steps dropped" not in text and "no longer there" not in text.split("Expectation changes")[0]
    item = next(i for i in promises(service.session) if i.kind == "commitment")
    service.record_followup(item.id, "done")
    text = "\n".join(report(compare(first, service.session), Translator("en")))
    assert f"“{item.text}”: followed up: done" in text
    step = next(i for i in promises(service.session) if i.kind == "action")
    service.record_followup(step.id, "not_done")
    c = compare(first, service.session)
    assert c.summary.actions_dropped == 0 and c.summary.actions_followed == sum(
        1 for x in first.actions if not x.done
    )
    assert "followed up: not done" in "\n".join(report(c, Translator("en")))
    # Two sessions that are not a series compare as before.
    other = library.create(find_scenario("community-safety"), "Unrelated").session
    assert not compare(first, other).series


def test_a_follow_up_item_survives_export_and_import(library: SessionLibrary, tmp_path: object) -> None:
    series = three_years(library)
    second = series.services[1]
    out = io.StringIO()
    assert main(["export", second.session.id, "--format", "json"], out, io.StringIO()) == EXIT_OK
    data = json.loads(out.getvalue())
    assert data["followups"]
    path = library.data_dir / "copy.json"
    path.write_text(out.getvalue())
    copy = library.import_file(path, new_id_on_clash=True).session
    assert len(copy.followups) == len(second.session.followups)


def test_a_hand_edited_follow_up_is_refused_with_one_message(library: SessionLibrary) -> None:
    series = three_years(library)
    path = series.services[1].path
    data = json.loads(path.read_text())
    doc = next(iter(data["followups"].values()))
    doc["outcome"] = ["done"]
    bad = library.data_dir / "bad.json"
    bad.write_text(json.dumps(data))
    with pytest.raises(UserError, match="outcome"):
        library.import_file(bad, new_id_on_clash=True)


def test_the_timeline_tells_the_follow_up(library: SessionLibrary) -> None:
    from facilitator.core.review import describe_events

    series = three_years(library)
    second = series.services[1].session
    lines = [line.what for line in describe_events(second, Translator("en"))]
    assert any(line.startswith("To follow up from last time: “") for line in lines)
    assert any("Followed up “" in line and ": partly done" in line for line in lines)
    assert any(line.startswith("The party answered for “") for line in lines)
    assert any(line.startswith("Confirmed the party's answer for “") for line in lines)
    assert any(line.startswith("Carried over into this workshop: “") for line in lines)


def test_a_note_alone_leaves_the_answer_and_its_confirmation(library: SessionLibrary) -> None:
    """The facilitator's note on an item neither confirms a party's answer nor changes it; the
    timeline tells it as a note."""
    from facilitator.core.review import describe_events

    first = create_demo(library, find_scenario("community-safety")).session
    service = library.create_from(first.id)
    service.set_phase("followup")
    item = promises(service.session)[0]
    service.for_party(item.party_id).answer_followup(item.id, "partly", "half of it")
    service.note_followup(item.id, "the hall is booked")
    noted = promises(service.session)[0]
    assert (noted.outcome, noted.note, noted.confirmed) == ("partly", "the hall is booked", False)
    service.confirm_followup(item.id)
    service.note_followup(item.id, "and paid")
    assert promises(service.session)[0].confirmed
    lines = [line.what for line in describe_events(service.session, Translator("et"))]
    assert sum(line.startswith("Lisas märkuse „") for line in lines) == 2


def test_a_confirmation_names_the_answer_it_confirms(library: SessionLibrary) -> None:
    """Confirming the answer the facilitator saw is refused once the party has answered anew,
    and writes nothing; the answer as it is now can be confirmed."""
    first = create_demo(library, find_scenario("community-safety")).session
    service = library.create_from(first.id)
    service.set_phase("followup")
    item = promises(service.session)[0]
    phone = service.for_party(item.party_id)
    phone.answer_followup(item.id, "done")
    phone.answer_followup(item.id, "not_done")
    before = service.session.last_seq
    with pytest.raises(UserError, match="changed its answer meanwhile"):
        service.confirm_followup(item.id, "done")
    assert service.session.last_seq == before and not promises(service.session)[0].confirmed
    service.confirm_followup(item.id, "not_done")
    assert promises(service.session)[0].confirmed
