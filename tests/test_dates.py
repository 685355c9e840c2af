"""Dates typed either way (2026-12-03 or 03.12.2026) are stored as ISO; anything else is refused."""

from __future__ import annotations

import pytest

from facilitator.core.dates import parse_date
from facilitator.core.errors import UserError
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import Scenario
from facilitator.core.service import SessionService


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("2026-12-03", "2026-12-03"),
        ("03.12.2026", "2026-12-03"),
        ("3.12.2026", "2026-12-03"),
        (" 29.02.2028 ", "2028-02-29"),
    ],
)
def test_both_forms_are_dates(typed: str, stored: str) -> None:
    assert parse_date(typed) == stored


@pytest.mark.parametrize(
    "typed", ["", "tomorrow", "12/03/2026", "2026-13-01", "31.02.2026", "2026-1-3", "03.12.26"]
)
def test_anything_else_is_not(typed: str) -> None:
    assert parse_date(typed) is None


def test_the_core_stores_iso_and_refuses_the_rest(library: SessionLibrary, scenario: Scenario) -> None:
    service = library.create(scenario, "Dated", date="03.12.2026")
    assert service.session.info.date == "2026-12-03"
    with pytest.raises(UserError):
        library.create(scenario, "Undated", date="next Tuesday")
    service.update_session(date="04.12.2026")
    assert SessionService(service.path).session.info.date == "2026-12-04"
    with pytest.raises(UserError):
        service.update_session(date="soon")
    party = service.add_party("Police")
    action = service.add_action("Call", party, due="31.12.2026")
    assert next(a for a in service.session.actions if a.id == action).due == "2026-12-31"


def test_dates_are_shown_as_people_of_the_language_write_them() -> None:
    from facilitator.core.dates import shown_date

    assert shown_date("2026-12-07", "et") == "07.12.2026"
    assert shown_date("2026-12-07", "en") == "2026-12-07"
    assert shown_date("next spring", "et") == "next spring"
    assert shown_date(None, "et") == "" and shown_date("", "en") == ""
