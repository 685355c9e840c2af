"""Public exports are public by construction (`reports.public`): one table decides, field by
field, what a public copy keeps, and every format goes through it.

A unique marker name goes into every field that can hold a person's name (participants, the
facilitator, who placed or answered from a phone, the devices, event actors, notes marked
private); no public output in any format or language may contain any of them.
"""

from __future__ import annotations

import dataclasses
import html
import json
from pathlib import Path

import pytest

from facilitator.core import model
from facilitator.core.library import SessionLibrary
from facilitator.core.reports import FORMATS, export_files, public_session
from facilitator.core.reports.public import MODEL_TABLES, PUBLIC, public_data
from facilitator.core.scenario import Scenario
from facilitator.core.service import SessionService
from facilitator.core.timer import PhaseTimer

COMM, COOP = "communication", "cooperation"
MARKERS = {
    "participant": "Zqparticipantmarker",
    "facilitator": "Zqfacilitatormarker",
    "first facilitator": "Zqinitialfacilitatormarker",
    "phone name": "Zqphonenamemarker",
    "replaced phone name": "Zqreplacedphonemarker",
    "answering phone": "Zqansweringphonemarker",
    "device": "Zqdevicemarker1",
    "other device": "Zqdevicemarker2",
    "actor": "Zqactormarker",
    "private note": "Zqprivatenotemarker",
}


@pytest.fixture
def marked(library: SessionLibrary, scenario: Scenario) -> SessionService:
    """A session with a marker in every field that can hold a person's name."""
    service = library.create(scenario, "Public test", facilitator=MARKERS["first facilitator"])
    service.update_session(facilitator=MARKERS["facilitator"], actor=MARKERS["actor"])
    police, town = service.add_party("Police"), service.add_party("Town")
    service.add_participant(MARKERS["participant"], police)
    talks = service.add_activity("Talks", party_ids=[police, town])
    walks = service.add_activity("Walks", party_ids=[police, town])
    service.set_phase("place")
    for activity in (talks, walks):
        service.open_placement(activity)
        service.for_party(police, device=MARKERS["device"], name=MARKERS["phone name"]).place(
            activity, COMM, COOP
        )
        service.for_party(town, device=MARKERS["other device"], name=MARKERS["replaced phone name"]).place(
            activity, COOP, COOP
        )
        service.place(activity, town, COMM, COMM)  # the facilitator over a phone's placement
        service.reveal(activity)
    service.agree(talks, current=COOP, note=MARKERS["private note"], note_private=True)
    asked = service.add_expectation(talks, police, town, "Keep the lights on")
    service.set_phase("agree")
    phone = service.for_party(town, device=MARKERS["other device"], name=MARKERS["answering phone"])
    phone.answer_expectation(asked, "accepted")
    phone.add_commitment(talks, "We will walk")
    phone.sign_off(talks)
    service.set_timer(PhaseTimer("agree", 600.0), "start")
    return service


def test_every_marker_is_in_the_full_export(marked: SessionService) -> None:
    """The fixture really plants them: the full (not public) JSON holds every one."""
    full = b"".join(export_files(marked, "json").values()).decode("utf-8")
    assert all(marker in full for marker in MARKERS.values())


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", ["et", "en"])
def test_no_public_output_holds_any_name(marked: SessionService, fmt: str, lang: str) -> None:
    files = export_files(marked, fmt, public=True, lang=lang)
    assert files
    for name, content in files.items():
        text = content.decode("utf-8")
        for what, marker in MARKERS.items():
            assert marker not in name and marker not in text, (fmt, name, what)
            assert html.escape(marker) not in text
    if fmt == "json":  # organisations and what they agreed stay
        data = json.loads(next(iter(files.values())))
        assert {p["name"] for p in data["parties"].values()} == {"Police", "Town"}
        assert [c["text"] for c in data["commitments"].values()] == ["We will walk"]


def test_the_public_json_is_a_session_file_that_imports_as_the_public_session(
    marked: SessionService, tmp_path: Path
) -> None:
    path = tmp_path / "public.json"
    path.write_bytes(b"".join(export_files(marked, "json", public=True).values()))
    imported = SessionLibrary(tmp_path / "elsewhere").import_file(path).session
    assert imported == public_session(marked.session)
    assert {p.by for p in imported.placements} == {""}


def test_every_field_of_the_model_is_decided_by_the_one_table() -> None:
    """A new field is left out of public copies until someone decides it may be shown."""
    for attribute, table in MODEL_TABLES.items():
        session_field = next(f for f in dataclasses.fields(model.Session) if f.name == attribute)
        assert table in PUBLIC, attribute
        fields = PUBLIC[table]
        if fields is None:
            continue
        record = {
            "info": model.SessionInfo,
            "parties": model.Party,
            "activities": model.Activity,
            "placements": model.Placement,
            "roles": model.RoleAssignment,
            "commitments": model.Commitment,
            "expectations": model.Expectation,
            "fields": model.FieldValue,
            "signoffs": model.SignOff,
            "actions": model.Action,
            "followups": model.FollowUp,
            "timers": PhaseTimer,
        }[attribute]
        unnamed = {f.name for f in dataclasses.fields(record)} - set(fields)
        assert not unnamed, (session_field.name, unnamed)
    assert {f.name for f in dataclasses.fields(model.Session)} - set(MODEL_TABLES) == {"scenario"}


def test_a_table_or_field_nobody_declared_is_left_out(marked: SessionService) -> None:
    data = dict(marked.file.read())
    data["devices"] = {"1": {"id": "1", "name": MARKERS["device"]}}
    data["parties"] = {
        key: {**doc, "contact": MARKERS["participant"]} for key, doc in data["parties"].items()
    }
    public = public_data(data)
    assert "devices" not in public
    assert all("contact" not in doc for doc in public["parties"].values())


@pytest.mark.parametrize("lang", ["et", "en"])
def test_a_public_copy_says_how_a_partys_word_came_in_without_the_name(
    marked: SessionService, lang: str
) -> None:
    """Who entered a party's word (`reports.authors`): the full report names the person typed
    on the phone; the public one keeps "from a phone" and "entered by the facilitator" only."""
    phone, facilitator = {
        "et": ("telefonist", "sisestas läbiviija"),
        "en": ("from a phone", "entered by the facilitator"),
    }[lang]
    full = b"".join(export_files(marked, "md", lang=lang).values()).decode("utf-8")
    assert f"({phone}: {MARKERS['phone name']})" in full  # the Police's placement, from its phone
    assert f"{MARKERS['answering phone']})" in full  # the Town's answer, promise and sign-off
    assert f"{MARKERS['replaced phone name']} " in full  # the Town's placement the facilitator replaced
    for fmt in ("md", "html", "handouts"):
        public = b"".join(export_files(marked, fmt, public=True, lang=lang).values()).decode("utf-8")
        assert f"({phone})" in public and f"({facilitator})" in public, fmt
    tables = b"".join(export_files(marked, "csv", public=True, lang=lang).values()).decode("utf-8-sig")
    assert {"et": "osapool telefonist", "en": "the party, from a phone"}[lang] in tables
