"""A real end: closing a workshop is recorded, said everywhere instead of its phase, and undone
by reopening; the phase is named in the reader's language; a person can change party."""

from __future__ import annotations

import pytest

from facilitator.core import reports
from facilitator.core.closing import listed_state, session_state
from facilitator.core.dates import shown_date
from facilitator.core.errors import ChangeRejected
from facilitator.core.i18n import Translator
from facilitator.core.kinds.session import closed_day
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService


def test_closing_is_recorded_said_instead_of_the_phase_and_undone_by_reopening(
    library: SessionLibrary, service: SessionService
) -> None:
    service.set_phase("collect")
    event = service.close_session()
    day = closed_day(event.at)
    again = SessionService(service.path).session
    assert again.info.closed_at == event.at and again.info.phase == "collect"  # the room stays where it was
    (summary,) = library.list()
    assert listed_state(summary, Translator("en")) == f"closed on {day}"
    assert listed_state(summary, Translator("et")) == f"lõpetatud {shown_date(day, 'et')}"
    assert shown_date(day, "et").count(".") == 2  # 07.12.2026
    assert session_state(again, Translator("en")) == f"closed on {day}"
    markdown = reports.export_files(service, "md", lang="en")
    assert f"closed on {day}" in next(iter(markdown.values())).decode()
    with pytest.raises(ChangeRejected):
        service.close_session()  # once is enough
    service.reopen_session()
    (summary,) = library.list()
    assert not summary.closed_at
    assert listed_state(summary, Translator("en")) == summary.phase_name
    with pytest.raises(ChangeRejected):
        service.reopen_session()
    kinds = [e.kind for e in SessionService(service.path).session.events]
    assert kinds[-2:] == ["session.closed", "session.reopened"]


def test_the_list_names_the_phase_in_the_readers_language(library: SessionLibrary) -> None:
    """An Estonian session listed in the English interface said "Rollid ja ootused"."""
    estonian = library.create(find_scenario("kogukondlik-turvalisus"), "Töötuba")
    phase = estonian.scenario.agenda[-2]
    estonian.set_phase(phase.id)
    english = next(p.name for p in find_scenario("community-safety").agenda if p.id == phase.id)
    (summary,) = library.list()
    assert listed_state(summary, Translator("et")) == phase.name
    assert listed_state(summary, Translator("en")) == english != phase.name


def test_a_participant_moves_to_another_party(service: SessionService) -> None:
    police = service.add_party("Police")
    youth = service.add_party("Youth")
    mari = service.add_participant("Mari", police)
    service.move_participant(mari, youth)
    session = SessionService(service.path).session
    assert [(p.name, p.party_id) for p in session.participants] == [("Mari", youth)]
    with pytest.raises(ChangeRejected):
        service.move_participant(mari, "nobody")


def test_a_session_in_setup_is_listed_as_in_setup(library: SessionLibrary, service: SessionService) -> None:
    """Before the agenda starts the list said "-" (the home screen nothing): it is the setup step."""
    (summary,) = library.list()
    assert not summary.phase
    assert listed_state(summary, Translator("et")) == "Ettevalmistus"
    assert listed_state(summary, Translator("en")) == "Setup"
    assert session_state(service.session, Translator("et")) == "Ettevalmistus"
