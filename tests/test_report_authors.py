"""Reports and handouts tell a party's own word from what the facilitator typed in for it.

In one workshop the facilitator enters everything for the Police (its placement, commitment,
expectation, answer, sign-off, what came of last year's promise) and the Town sends all of its
own from a phone. Every format that shows a party's word (md, html, csv, handouts) marks each
as entered by the facilitator or as from a phone (with the name typed there, but in a public
copy and for another party's word on a handout); an older file that logged the party's id as
the actor of the facilitator's change reads the same; a file whose log tells neither is not
marked at all.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from facilitator.core.followup import promises
from facilitator.core.library import SessionLibrary
from facilitator.core.reports import export_files, render
from facilitator.core.reports.csv_export import delimiter_for
from facilitator.core.scenario import Scenario
from facilitator.core.service import SessionService

PHONE_NAME = "Mari <b>*Tamm*</b>"
"""The name typed on the Town's phone: markup-like, so every format must show it as typed."""
COMM, COOP = "communication", "cooperation"
FACILITATOR = {"en": "(entered by the facilitator)", "et": "(sisestas läbiviija)"}
FACILITATOR_ANSWER = {"en": "(answer entered by the facilitator)", "et": "(vastuse sisestas läbiviija)"}
PHONE = {"en": "(from a phone: {who})", "et": "(telefonist: {who})"}
PHONE_UNNAMED = {"en": "(from a phone)", "et": "(telefonist)"}
PHONE_ANSWER = {"en": "(answered from a phone: {who})", "et": "(vastus telefonist: {who})"}
PHONE_ANSWER_UNNAMED = {"en": "(answered from a phone)", "et": "(vastus telefonist)"}
INTRO = {"en": "is marked with how it was recorded", "et": "on märgitud, kuidas see kirja sai"}


def spoken(library: SessionLibrary, scenario: Scenario) -> SessionService:
    """This year's workshop of the Police and the Town, as described above."""
    first = library.create(scenario, "Last year")
    police, town = first.add_party("Police"), first.add_party("Town")
    talks = first.add_activity("Themed talks", party_ids=[police, town])
    first.add_commitment(talks, police, "We come to every meeting")
    first.add_commitment(talks, town, "We open the hall")
    service = library.create_from(first.session.id, title="This year")
    phone = service.for_party(town, device="d1a2b3c4", name=PHONE_NAME)
    service.set_phase("followup")
    items = {i.party_id: i for i in promises(service.session) if i.kind == "commitment"}
    service.record_followup(items[police].id, "done", "")
    phone.answer_followup(items[town].id, "partly", "")
    service.confirm_followup(items[town].id)  # the facilitator confirms: still the Town's word
    service.set_phase("place")
    service.open_placement(talks)
    service.place(talks, police, COMM, COOP)
    phone.place(talks, COOP, COOP)
    service.reveal(talks)
    service.agree(talks, current=COMM, wished=COOP)
    service.set_phase("agree")
    service.add_commitment(talks, police, "We bring the figures")
    phone.add_commitment(talks, "We keep the hall warm")
    asked_by_police = service.add_expectation(talks, police, town, "Book the hall")
    phone.answer_expectation(asked_by_police, "accepted")
    asked_by_town = phone.add_expectation(talks, police, "Tell us early")
    service.answer_expectation(asked_by_town, "declined", "We can't")
    service.sign_off(talks, police)
    phone.sign_off(talks)
    return service


@pytest.fixture
def service(library: SessionLibrary, scenario: Scenario) -> SessionService:
    return spoken(library, scenario)


def text_of(files: dict[str, bytes]) -> str:
    return "\n".join(content.decode("utf-8") for content in files.values())


def cells(files: dict[str, bytes], part: str, lang: str) -> list[dict[str, str]]:
    """One CSV table's rows, by the column names of the report's language."""
    (content,) = (c for name, c in files.items() if name.endswith(f"-{part}.csv"))
    rows = csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=delimiter_for(lang))
    return list(rows)


def handout(files: dict[str, bytes], party: str) -> str:
    (content,) = (c for name, c in files.items() if name.endswith(f"-{party}.html"))
    return content.decode("utf-8")


@pytest.mark.parametrize("lang", ["en", "et"])
def test_the_markdown_report_tells_the_facilitators_entry_from_the_partys_own(
    service: SessionService, lang: str
) -> None:
    report = text_of(export_files(service, "md", lang=lang))
    escaped = r"Mari \<b\>\*Tamm\*\</b\>"
    facilitator, phone = FACILITATOR[lang], PHONE[lang].format(who=escaped)
    assert INTRO[lang] in report
    assert f"We bring the figures *{facilitator}*" in report  # the Police's, typed in for it
    assert f"We keep the hall warm *{phone}*" in report  # the Town's own, with the name as typed
    assert f"Book the hall *{facilitator}*" in report
    assert f"Tell us early *{phone}*" in report
    assert f"*{FACILITATOR_ANSWER[lang]}*" in report  # the Police's answer to the Town
    assert f"*{PHONE_ANSWER[lang].format(who=escaped)}*" in report
    rows = [
        line for line in report.splitlines() if line.startswith(("| Police |", "| Town |")) and "✓" in line
    ]
    police, town = rows  # the activity's parties: placement and sign-off
    assert police.count(facilitator) == 2 and phone not in police  # placement and sign-off
    assert town.count(phone) == 2 and facilitator not in town
    assert "<b>" not in report  # the typed name is text, never markup


@pytest.mark.parametrize("lang", ["en", "et"])
def test_the_html_report_tells_them_apart_and_escapes_the_name(service: SessionService, lang: str) -> None:
    report = text_of(export_files(service, "html", lang=lang))
    # English text in an Estonian report is tagged <span lang="en">: read past the tag
    report = report.replace('<span lang="en">', "<span>").replace("</span><span", "<span")
    name = "Mari &lt;b&gt;*Tamm*&lt;/b&gt;"
    mark = '<span class="muted said"> {}</span>'
    assert INTRO[lang] in report
    assert "We bring the figures" + mark.format(FACILITATOR[lang]) in report
    assert "We keep the hall warm" + mark.format(PHONE[lang].format(who=name)) in report
    assert mark.format(FACILITATOR_ANSWER[lang]) in report
    assert mark.format(PHONE_ANSWER[lang].format(who=name)) in report
    # placement, sign-off, commitment, expectation, and last time's item the facilitator followed up
    assert report.count(mark.format(FACILITATOR[lang])) == 5
    assert "<b>*Tamm" not in report


@pytest.mark.parametrize("lang", ["en", "et"])
def test_the_csv_tables_say_who_entered_each_row(service: SessionService, lang: str) -> None:
    files = export_files(service, "csv", lang=lang)
    col = {"en": ("Entered by", "Name on the phone"), "et": ("Sisestaja", "Nimi telefonis")}[lang]
    facilitator = {"en": "the facilitator", "et": "läbiviija"}[lang]
    phone = {"en": "the party, from a phone", "et": "osapool telefonist"}[lang]
    police = "Police"
    by_party = {row[{"en": "Party", "et": "Osapool"}[lang]]: row for row in cells(files, "placements", lang)}
    assert (by_party[police][col[0]], by_party[police][col[1]]) == (facilitator, "")
    assert (by_party["Town"][col[0]], by_party["Town"][col[1]]) == (phone, PHONE_NAME)
    commitments = {row[col[0]]: row for row in cells(files, "commitments", lang)}
    assert set(commitments) == {facilitator, phone}
    assert commitments[phone][col[1]] == PHONE_NAME
    answer = {
        "en": ("Answer entered by", "Name on the answering phone"),
        "et": ("Vastuse sisestaja", "Vastaja nimi telefonis"),
    }[lang]
    expectations = cells(files, "expectations", lang)
    assert [(e[col[0]], e[col[1]], e[answer[0]], e[answer[1]]) for e in expectations] == [
        (facilitator, "", phone, PHONE_NAME),
        (phone, PHONE_NAME, facilitator, ""),
    ]
    (activity,) = cells(files, "activities", lang)
    signed = {"en": "Signed off by", "et": "Kinnitanud"}[lang]
    assert activity[signed] == "Police; Town"
    assert activity[f"{signed} {FACILITATOR[lang]}"] == "Police"
    assert activity[f"{signed} {PHONE_UNNAMED[lang]}"] == "Town"


@pytest.mark.parametrize("lang", ["en", "et"])
def test_each_partys_handout_marks_its_words_and_names_only_its_own_people(
    service: SessionService, lang: str
) -> None:
    files = export_files(service, "handouts", lang=lang)
    police, town = handout(files, "police"), handout(files, "town")
    name = "Mari &lt;b&gt;*Tamm*&lt;/b&gt;"
    for page in (police, town):
        assert INTRO[lang] in page
        assert "<b>*Tamm" not in page
    # The Police's page: its own words entered by the facilitator; the Town's from a phone,
    # without the Town's person's name (a page holds none of another party's people).
    assert police.count(FACILITATOR[lang]) == 3  # its commitment, expectation, last year's promise
    assert police.count(FACILITATOR_ANSWER[lang]) == 1  # its answer to the Town
    assert PHONE_UNNAMED[lang] in police and PHONE_ANSWER_UNNAMED[lang] in police
    assert "Mari" not in police
    # The Town's page: its own words with the name typed on its phone.
    assert PHONE[lang].format(who=name) in town  # its commitment and its expectation
    assert PHONE_ANSWER[lang].format(who=name) in town
    assert FACILITATOR[lang] in town and FACILITATOR_ANSWER[lang] in town  # the Police's words
    # What came of last year's promises: the Police's recorded by the facilitator, the Town's
    # answered from its phone (and confirmed by the facilitator).
    assert "We come to every meeting" in police and "We open the hall" in town
    followup_police = police[police.index("We come to every meeting") :].split("</li>")[0]
    followup_town = town[town.index("We open the hall") :].split("</li>")[0]
    assert FACILITATOR[lang] in followup_police
    assert PHONE[lang].format(who=name) in followup_town


@pytest.mark.parametrize("lang", ["en", "et"])
@pytest.mark.parametrize("fmt", ["md", "html", "csv", "handouts"])
def test_a_public_copy_says_how_each_word_came_in_but_never_the_name(
    service: SessionService, lang: str, fmt: str
) -> None:
    public = text_of(export_files(service, fmt, lang=lang, public=True))
    assert "Mari" not in public and "d1a2b3c4" not in public
    if fmt == "csv":
        assert {"en": "the party, from a phone", "et": "osapool telefonist"}[lang] in public
        assert {"en": "the facilitator", "et": "läbiviija"}[lang] in public
        return
    assert FACILITATOR[lang] in public and PHONE_UNNAMED[lang] in public
    assert FACILITATOR_ANSWER[lang] in public and PHONE_ANSWER_UNNAMED[lang] in public


def older(service: SessionService, actor: str) -> SessionService:
    """The session as an older file has it: the facilitator's changes logged with `actor` in
    place of the facilitator's word (a placement's `by` too)."""
    data = dict(service.file.read())
    for table, field in (("events", "actor"), ("placements", "by")):
        data[table] = {
            key: {**doc, field: actor if doc[field] == "facilitator" else doc[field]}
            for key, doc in data[table].items()
        }
    service.path.write_text(json.dumps(data), encoding="utf-8")
    return SessionLibrary(service.path.parent.parent).open(service.session.id)


def police_of(service: SessionService) -> str:
    return next(p.id for p in service.session.parties if p.name == "Police")


@pytest.mark.parametrize("lang", ["en", "et"])
def test_an_older_file_that_logged_the_partys_id_reads_as_entered_by_the_facilitator(
    service: SessionService, lang: str
) -> None:
    """Files from before the log named the facilitator logged the party's id as the actor of
    what the facilitator entered for it (and as a placement's `by`): every format reads it
    as the facilitator's entry, as the timeline does."""
    now = {fmt: text_of(export_files(service, fmt, lang=lang)) for fmt in ("md", "html", "csv", "handouts")}
    was = older(service, police_of(service))
    assert {e.actor for e in was.session.events} >= {police_of(service)}
    for fmt, text in now.items():
        assert text_of(export_files(was, fmt, lang=lang)) == text, fmt


def test_a_file_whose_log_names_neither_marks_nothing_of_those_words(service: SessionService) -> None:
    """A name without a device (not the facilitator's word, not a party's id): the report
    claims nothing about who entered the Police's words; the Town's phone still says so."""
    was = older(service, "Jaan")
    report = text_of(export_files(was, "md", lang="en"))
    assert FACILITATOR["en"] not in report and FACILITATOR_ANSWER["en"] not in report
    assert "- **Police**: We bring the figures\n" in report  # unmarked
    assert "Jaan" not in report
    assert PHONE["en"].format(who=r"Mari \<b\>\*Tamm\*\</b\>") in report


def test_a_session_without_its_log_marks_nothing_and_says_nothing_about_marks(
    service: SessionService, tmp_path: Path
) -> None:
    """A public copy imported again has no log and no `by`: nothing is marked, and the report
    does not explain marks it doesn't make."""
    path = tmp_path / "public.json"
    path.write_bytes(b"".join(export_files(service, "json", public=True).values()))
    imported = SessionLibrary(tmp_path / "elsewhere").import_file(path)
    for fmt in ("md", "handouts"):
        text = text_of(export_files(imported, fmt, lang="en"))
        assert INTRO["en"] not in text
        assert FACILITATOR["en"] not in text and "from a phone" not in text and "answered from" not in text


def test_the_full_json_backup_keeps_who_entered_what(service: SessionService, tmp_path: Path) -> None:
    """The backup holds the log: a report from it, imported elsewhere, marks the same."""
    path = tmp_path / "backup.json"
    path.write_bytes(b"".join(export_files(service, "json").values()))
    imported = SessionLibrary(tmp_path / "elsewhere").import_file(path)
    report = text_of(export_files(imported, "md", lang="et", generated="2026-12-07 18:00"))
    assert report == text_of(export_files(service, "md", lang="et", generated="2026-12-07 18:00"))


def test_render_from_a_session_marks_the_same(service: SessionService) -> None:
    """`render(session, ...)` (no file data) reads the same log as `export_files`."""
    made = render(service.session, "md", lang="en", generated="2026-12-07 18:00")
    assert made == export_files(service, "md", lang="en", generated="2026-12-07 18:00")


def test_a_follow_up_answer_not_confirmed_yet_is_not_marked(
    library: SessionLibrary, scenario: Scenario
) -> None:
    """The handout shows an answer not confirmed yet as not followed up (and says the party
    answered): who entered the outcome it doesn't show is not told beside it."""
    first = library.create(scenario, "Last year")
    town = first.add_party("Town")
    first.add_commitment(first.add_activity("Walks", party_ids=[town]), town, "We open the hall")
    service = library.create_from(first.session.id)
    service.set_phase("followup")
    (item,) = (i for i in promises(service.session) if i.kind == "commitment")
    service.for_party(town, device="d1", name="Mari").answer_followup(item.id, "partly", "")
    page = text_of(export_files(service, "handouts", lang="en"))
    line = page[page.index("We open the hall") :].split("</li>")[0]
    assert "not followed up yet" in line and "answered by the party, not confirmed yet" in line
    assert "from a phone" not in line and "Mari" not in line


@pytest.mark.parametrize("lang", ["en", "et"])
def test_a_placement_the_facilitator_entered_over_a_phones_says_so(
    library: SessionLibrary, scenario: Scenario, lang: str
) -> None:
    """Nothing is overwritten unseen, in the record either: the facilitator's placement over
    one the party sent from a phone says whose it replaced (in a public copy, without the name)."""
    service = library.create(scenario, "Workshop")
    police, town = service.add_party("Police"), service.add_party("Town")
    talks = service.add_activity("Talks", party_ids=[police, town])
    service.set_phase("place")
    service.open_placement(talks)
    service.for_party(town, device="d1", name="Mari").place(talks, COOP, COOP)
    service.place(talks, town, COMM, COMM)
    service.reveal(talks)
    replaced = {
        "en": "(entered by the facilitator in place of the one Mari sent from a phone)",
        "et": "(sisestas läbiviija selle asemel, mille Mari saatis telefonist)",
    }[lang]
    unnamed = {
        "en": "(entered by the facilitator in place of one sent from a phone)",
        "et": "(sisestas läbiviija telefonist saadetu asemel)",
    }[lang]
    assert replaced in text_of(export_files(service, "md", lang=lang))
    public = text_of(export_files(service, "html", lang=lang, public=True))
    assert unnamed in public and "Mari" not in public
    (row,) = cells(export_files(service, "csv", lang=lang), "placements", lang)
    entered_by, name = {"en": ("Entered by", "Name on the phone"), "et": ("Sisestaja", "Nimi telefonis")}[
        lang
    ]
    by = {"en": "the facilitator, in place of a phone's", "et": "läbiviija, telefonist saadetu asemel"}[lang]
    assert (row[entered_by], row[name]) == (by, "Mari")


ONCE = {
    "report": {
        "en": "was entered by the facilitator for them; none was sent from a phone.",
        "et": "sisestas nende eest läbiviija; ühtki neist ei saadetud telefonist.",
    },
    "handout": {
        "en": "was entered by the facilitator for the parties; none was sent from a phone.",
        "et": "sisestas osapoolte eest läbiviija; ühtki neist ei saadetud telefonist.",
    },
}
"""The sentence that says once that the facilitator entered every party's word."""


def without_phones(library: SessionLibrary, scenario: Scenario) -> SessionService:
    """The same workshop run without phones: the facilitator enters every party's word."""
    first = library.create(scenario, "Last year")
    police, town = first.add_party("Police"), first.add_party("Town")
    talks = first.add_activity("Themed talks", party_ids=[police, town])
    first.add_commitment(talks, police, "We come to every meeting")
    service = library.create_from(first.session.id, title="This year")
    service.set_phase("followup")
    (item,) = (i for i in promises(service.session) if i.kind == "commitment")
    service.record_followup(item.id, "done", "")
    service.set_phase("place")
    service.open_placement(talks)
    service.place(talks, police, COMM, COOP)
    service.place(talks, town, COOP, COOP)
    service.reveal(talks)
    service.agree(talks, current=COMM, wished=COOP)
    service.set_phase("agree")
    service.add_commitment(talks, police, "We bring the figures")
    service.add_commitment(talks, town, "We keep the hall warm")
    asked = service.add_expectation(talks, police, town, "Book the hall")
    service.answer_expectation(asked, "accepted")
    service.sign_off(talks, police)
    service.sign_off(talks, town)
    return service


MARKS = (FACILITATOR, FACILITATOR_ANSWER, PHONE_UNNAMED, PHONE_ANSWER_UNNAMED)


@pytest.mark.parametrize("public", [False, True])
@pytest.mark.parametrize("lang", ["en", "et"])
def test_a_workshop_without_phones_says_once_that_the_facilitator_entered_every_word(
    library: SessionLibrary, scenario: Scenario, lang: str, public: bool
) -> None:
    """No word came from a phone: the report and every handout say so once, in the
    paragraph that explains the marks, and mark no word (a public copy too)."""
    service = without_phones(library, scenario)
    for fmt, of in (("md", "report"), ("html", "report"), ("handouts", "handout")):
        files = export_files(service, fmt, lang=lang, public=public)
        for name, content in files.items():
            page = content.decode("utf-8")
            assert page.count(ONCE[of][lang]) == 1, (fmt, name)
            assert INTRO[lang] not in page, (fmt, name)
            assert not any(mark[lang] in page for mark in MARKS), (fmt, name)
            assert 'class="muted said"' not in page, (fmt, name)
    report = text_of(export_files(service, "md", lang=lang, public=public))
    assert "We bring the figures\n" in report and "We keep the hall warm\n" in report  # unmarked


@pytest.mark.parametrize("lang", ["en", "et"])
def test_a_workshop_without_phones_keeps_who_entered_each_row_in_the_tables(
    library: SessionLibrary, scenario: Scenario, lang: str
) -> None:
    """A table is read by machines: each row keeps its value, said once or not."""
    files = export_files(without_phones(library, scenario), "csv", lang=lang)
    entered_by = {"en": "Entered by", "et": "Sisestaja"}[lang]
    facilitator = {"en": "the facilitator", "et": "läbiviija"}[lang]
    for part in ("placements", "commitments", "expectations"):
        rows = cells(files, part, lang)
        assert rows and all(row[entered_by] == facilitator for row in rows), part
    assert all(ONCE["report"][lang] not in c.decode("utf-8-sig") for c in files.values())


@pytest.mark.parametrize("lang", ["en", "et"])
def test_a_workshop_with_one_phone_marks_each_word_of_both_kinds(service: SessionService, lang: str) -> None:
    """Some words from a phone: each word is marked, so a reader tells the two apart."""
    for fmt, of in (("md", "report"), ("html", "report"), ("handouts", "handout")):
        text = text_of(export_files(service, fmt, lang=lang))
        assert ONCE[of][lang] not in text and INTRO[lang] in text, fmt
        assert FACILITATOR[lang] in text and PHONE_UNNAMED[lang][:-1] in text, fmt
