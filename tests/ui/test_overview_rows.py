"""The overview's tables and details as pure functions of the session: no pilot needed."""

from __future__ import annotations

from facilitator.core.i18n import Translator
from facilitator.core.library import SessionLibrary
from facilitator.core.matrices import partnership_matrix
from facilitator.core.mismatches import mismatches
from facilitator.core.scenario import find_scenario
from facilitator.ui.screens.overview_rows import (
    ALL,
    PARTY_COLUMN,
    mismatch_detail,
    mismatch_rows,
    mismatches_columns,
    mismatches_table,
    pair_detail,
    partners_table,
    roles_detail,
    roles_table,
)

HOSTILE = "[@click=app.quit]x [b]bold[/b]"


def test_tables_and_details_follow_the_session(library: SessionLibrary) -> None:
    t = Translator("en")
    service = library.create(find_scenario("community-safety"), "Rows")
    police, town, school = (service.add_party(name) for name in ("Police", HOSTILE, "School"))
    activity = service.add_activity("Round table", party_ids=[police, town])
    service.set_role(activity, police, "lead")
    session = service.session
    lead = session.scenario.lead_role()
    assert lead is not None and lead.id == "lead"

    columns, rows = roles_table(session, t)
    assert [key for key, _ in columns] == ["number", "activity", police, town, school]
    assert rows == [(activity, ("1", "Round table", f"★ {lead.name}", t("overview.roles.none"), ""))]

    matrix = partnership_matrix(session)
    columns, rows = partners_table(session, matrix, t)
    assert columns[0][0] == PARTY_COLUMN
    assert rows[0][1][0] == "Police" and rows[0][1][1] == t("overview.partners.self")
    assert rows[0][1][3] == ""  # police and school share nothing

    shown = roles_detail(session, activity, "where", t).plain
    assert shown.startswith("1. Round table · where")
    assert HOSTILE in shown  # user text as data, never markup
    assert pair_detail(session, matrix, police, town, t).plain.startswith(f"Police – {HOSTILE}: 1 activity")
    assert pair_detail(session, matrix, police, school, t).plain == "Police – School: no shared activity."
    assert pair_detail(session, matrix, school, school, t).plain == t(
        "overview.pair.self", a="School", activities=0
    )


def test_at_120_columns_every_party_of_a_big_workshop_is_in_view(library: SessionLibrary) -> None:
    """The fifth and later parties were out of sight: the columns narrow to fit the width,
    and a pair's rung is said by its number where its name does not fit."""
    t = Translator("et")
    service = library.create(find_scenario("kogukondlik-turvalisus"), "Suur")
    parties = [service.add_party(f"Osapool number {n}") for n in range(13)]
    activity = service.add_activity("Ümarlaud kõigile osapooltele", party_ids=parties)
    service.agree(activity, current="collaboration")
    session = service.session
    width = 116
    columns, rows = roles_table(session, t, width)
    drawn = [
        max(len(label), *(len(cells[i]) for _key, cells in rows)) + 2 for i, (_k, label) in enumerate(columns)
    ]
    assert len(columns) == 15 and sum(drawn) <= width
    columns, rows = partners_table(session, partnership_matrix(session), t, width)
    drawn = [
        max(len(label), *(len(cells[i]) for _key, cells in rows)) + 2 for i, (_k, label) in enumerate(columns)
    ]
    assert len(columns) == 14 and sum(drawn) <= width
    assert rows[0][1][1:3] == ("·", "4 (1)")


def test_the_mismatches_list_is_built_without_a_screen(library: SessionLibrary) -> None:
    """The rows and the detail line of the mismatches tab."""
    t = Translator("en")
    service = library.create(find_scenario("community-safety"), "Mismatches")
    police, town = service.add_party("Police"), service.add_party(HOSTILE)
    service.add_activity(HOSTILE, party_ids=[police, town])
    session = service.session
    found = mismatches(session)
    assert found
    rows = mismatch_rows(session, found, ALL, t)
    assert len(rows) == len(found) and len({r.key for r in rows}) == len(rows)
    assert all(r.number == 1 and r.title == HOSTILE for r in rows)
    kind = rows[0].kind
    assert {r.kind for r in mismatch_rows(session, found, kind, t)} == {kind}

    # The explanation is read below the list, whole: as a column it pushed the list sideways.
    assert [key for key, _ in mismatches_columns(t)] == ["number", "kind", "activity"]
    cells = mismatches_table(rows)
    assert [key for key, _ in cells] == [r.key for r in rows]
    assert cells[0][1] == ("1", rows[0].kind_name, HOSTILE)  # whole: the table wraps it
    shown = mismatch_detail(rows[0], HOSTILE, t).plain
    assert shown.startswith(f"{rows[0].kind_name} · {HOSTILE}")  # user text as data, never markup
