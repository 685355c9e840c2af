"""A year after: every place that reports last year's promises, expectations and steps says what
the follow-up recorded: the agreed wording of an amended expectation, the note, a step carried
over with its new due date, an accepted expectation as the addressee's promise, a step no
longer needed not counted as failed."""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest

from facilitator.cli import EXIT_OK, main
from facilitator.core.compare import compare, report
from facilitator.core.followup import promises
from facilitator.core.history import history
from facilitator.core.i18n import Translator
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService

ASKED = "Ootame, et te teavitate meid noorte kogunemistest"
AGREED = "Teavitame kord nädalas; -- mitte iga päev"


@pytest.fixture(autouse=True)
def _no_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("facilitator.core.store.os.fsync", lambda fd: None)


@dataclass
class YearAfter:
    old: SessionService
    new: SessionService
    police: str
    youth: str
    step: str  # the follow-up item of last year's open step
    carried: str  # the step it was carried over as


def year_after(library: SessionLibrary, *, step_outcome: str | None = None) -> YearAfter:
    """The tester's story: an amended expectation, a commitment, an open step; a year later the
    addressee answers "done" from its phone (confirmed), the commitment is not done (with a
    note), the step is carried over to 01.03.2027."""
    old = library.create(find_scenario("kogukondlik-turvalisus"), "Rapla 2025", date="2025-12-05")
    police, youth = old.add_party("Politsei"), old.add_party("Noorsootöötajad")
    activity = old.add_activity("Noorte ümarlaud", party_ids=[police, youth])
    expectation = old.add_expectation(activity, police, youth, ASKED)
    old.answer_expectation(expectation, "amended", AGREED)
    old.add_commitment(activity, police, "Käime igal koosolekul")
    old.add_action("Saadame kutse", owner=police, due="2026-01-15")
    new = library.create_from(old.session.id, date="2026-12-04")
    new.set_phase("followup")
    items = promises(new.session)
    expected = next(i for i in items if i.kind == "expectation")
    new.for_party(youth, actor="phone").answer_followup(expected.id, "done", "")
    new.confirm_followup(expected.id)
    commitment = next(i for i in items if i.kind == "commitment")
    new.record_followup(commitment.id, "not_done", "Politsei vahetus")
    step = next(i for i in items if i.kind == "action")
    carried = new.carry_over(step.id, due="2027-03-01")
    if step_outcome is not None:
        new.record_followup(step.id, step_outcome)
    return YearAfter(old, new, police, youth, step.id, carried)


def test_compare_quotes_the_agreed_wording_the_note_and_the_carried_step(library: SessionLibrary) -> None:
    y = year_after(library)
    c = compare(y.old.session, y.new.session)
    text = "\n".join(report(c, Translator("et")))
    assert f"Politsei → Noorsootöötajad: „{AGREED}“ (algselt: „{ASKED}“): üle vaadatud: tehtud" in text
    assert "„Käime igal koosolekul“: üle vaadatud: tegemata — Politsei vahetus" in text
    assert "Politsei: „Saadame kutse“: veel üle vaatamata ↪ võeti edasi (tähtaeg 01.03.2027)" in text
    assert "Veel tegemata sammud" not in text  # the carried step is not last year's step still open
    assert c.new_actions == ()  # nor a new step of this year
    assert c.summary.actions_followed == 1 and c.summary.actions_open == 0
    english = "\n".join(report(c, Translator("en")))
    assert "“Saadame kutse”: not followed up yet ↪ carried over (due 2027-03-01)" in english


def test_compare_tells_a_carried_step_found_no_longer_needed(library: SessionLibrary) -> None:
    y = year_after(library, step_outcome="dropped")
    y.new.remove_action(y.carried)
    c = compare(y.old.session, y.new.session)
    text = "\n".join(report(c, Translator("et")))
    assert "„Saadame kutse“: üle vaadatud: pole enam vaja" in text
    assert c.summary.actions_followed == 1 and c.summary.actions_pending == 0 and c.summary.actions_open == 0


def test_history_counts_an_amended_expectation_as_the_addressees_promise(library: SessionLibrary) -> None:
    y = year_after(library, step_outcome="dropped")
    y.new.remove_action(y.carried)
    h = history(library.series(y.new.session.id))
    youth_2025 = h.parties[y.youth][0]
    assert youth_2025 is not None and (youth_2025.kept, youth_2025.commitments) == (1, 1)
    police_2025 = h.parties[y.police][0]
    assert police_2025 is not None and (police_2025.kept, police_2025.commitments) == (0, 1)
    assert police_2025.steps == 0  # no longer needed: not a step left undone
    out = io.StringIO()
    assert main(["--lang", "et", "history", y.new.session.id], out, io.StringIO()) == EXIT_OK
    lines = out.getvalue().splitlines()
    kept = lines[next(i for i, line in enumerate(lines) if "Peetud lubadused" in line) :]
    youth_row = next(line for line in kept if "Noorsootöötajad" in line)
    assert "1/1" in youth_row


def test_cli_compare_says_it_all(library: SessionLibrary) -> None:
    y = year_after(library)
    out = io.StringIO()
    assert (
        main(["--lang", "et", "compare", y.old.session.id, y.new.session.id], out, io.StringIO()) == EXIT_OK
    )
    printed = out.getvalue()
    assert f"„{AGREED}“ (algselt: „{ASKED}“)" in printed
    assert "— Politsei vahetus" in printed
    assert "↪ võeti edasi (tähtaeg 01.03.2027)" in printed


def test_cli_compares_in_time_order_and_says_so(library: SessionLibrary) -> None:
    y = year_after(library)
    out = io.StringIO()
    assert (
        main(["--lang", "et", "compare", y.new.session.id, y.old.session.id], out, io.StringIO()) == EXIT_OK
    )
    lines = out.getvalue().splitlines()
    assert lines[0] == (
        "Ajalises järjekorras: A on varasem töötuba „Rapla 2025“ (05.12.2025), "
        "B hilisem „Rapla 2025“ (04.12.2026)."
    )
    assert lines[1].startswith("Võrdlus: „Rapla 2025“ (05.12.2025) ja „Rapla 2025“ (04.12.2026)")
    assert "↪ võeti edasi (tähtaeg 01.03.2027)" in out.getvalue()  # the follow-up is read, not reversed
    again = io.StringIO()
    assert (
        main(["--lang", "et", "compare", y.old.session.id, y.new.session.id], again, io.StringIO()) == EXIT_OK
    )
    assert again.getvalue() == "\n".join(lines[1:]) + "\n"  # in order already: nothing more said


def test_the_handout_names_last_year_s_workshop_and_sets_the_note_apart(library: SessionLibrary) -> None:
    from tests.test_handouts import pages
    from tests.test_reports import parse_html

    y = year_after(library)
    written = dict(zip((p.id for p in y.new.session.parties), pages(y.new, lang="et").values(), strict=True))
    police = parse_html(written[y.police]).all_text
    assert "eelmisest töötoast (Rapla 2025, 05.12.2025)" in police
    assert y.old.session.id not in police  # an id means nothing on paper
    assert "tegemata (sisestas läbiviija) — Politsei vahetus" in " ".join(police.split())


def test_the_report_tells_what_came_of_last_year_s_promises(library: SessionLibrary) -> None:
    from facilitator.core import reports

    y = year_after(library)
    files = reports.export_files(y.new, "md", generated="2026-12-07 10:00", lang="et")  # type: ignore[arg-type]
    text = " ".join(b"".join(files.values()).decode("utf-8").split())
    assert "Mis sai eelmise korra lubadustest" in text
    assert "Eelmise töötoa (Rapla 2025, 05.12.2025)" in text
    assert AGREED.split(";")[0] in text and "Politsei vahetus" in text
    assert "võeti edasi (tähtaeg 01.03.2027)" in text
    assert "Mis sai" not in " ".join(
        b"".join(reports.export_files(y.old, "md", generated="x", lang="et").values()).decode().split()  # type: ignore[arg-type]
    )
