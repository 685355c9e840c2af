"""Handouts: one printable page per party (`export --format handouts`), from the demo workshop."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from facilitator.cli import EXIT_OK, EXIT_USER_ERROR, main
from facilitator.core import reports
from facilitator.core.demo import create_demo
from facilitator.core.library import SessionLibrary
from facilitator.core.reports.handouts import file_names, slug
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService
from tests.test_reports import assert_safe_html, parse_html


@pytest.fixture(scope="module")
def demos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, SessionService]:
    library = SessionLibrary(tmp_path_factory.mktemp("handouts") / "data")
    return {
        lang: create_demo(library, find_scenario(scenario))
        for lang, scenario in (("en", "community-safety"), ("et", "kogukondlik-turvalisus"))
    }


def pages(service: SessionService, **options: object) -> dict[str, str]:
    files = reports.export_files(service, "handouts", generated="2026-12-07 10:00", **options)  # type: ignore[arg-type]
    return {name: content.decode("utf-8") for name, content in files.items()}


def test_one_page_per_party_in_the_parties_order(demos: dict[str, SessionService]) -> None:
    service = demos["en"]
    session = service.session
    written = pages(service)
    assert list(written) == file_names(session.id, session)
    assert len(written) == len(session.parties)
    for (name, page), party in zip(written.items(), session.parties, strict=True):
        assert name.startswith(f"{session.id}-handout-") and name.endswith(f"-{slug(party.name)}.html")
        assert parse_html(page).all_text.count(party.name) >= 1
        assert_safe_html(page)  # no script, the strict CSP, nothing fetched


def test_a_page_holds_the_party_s_own_items_and_nothing_private_of_others(
    demos: dict[str, SessionService],
) -> None:
    service = demos["en"]
    session = service.session
    written = list(pages(service).values())
    for party, page in zip(session.parties, written, strict=True):
        seen = parse_html(page).all_text
        own = {c.text for c in session.commitments if c.party_id == party.id}
        for c in session.commitments:  # two parties may have promised the very same words
            assert (c.text in seen) == (c.text in own), (party.name, c.text)
        involved = {e.text for e in session.expectations if party.id in (e.from_party, e.to_party)}
        for e in session.expectations:
            assert (e.text in seen) == (e.text in involved), (party.name, e.text)
        for x in session.actions:
            if x.owner == party.id:
                assert x.text in seen
        for person in session.participants:  # its own people only, and no one else's
            assert (person.name in seen) == (person.party_id == party.id), (party.name, person.name)
        assert session.info.facilitator not in seen
        for a in session.activities:
            role = session.roles_for(a.id).get(party.id)
            if party.id in a.party_ids:
                assert a.title in seen
                if role:
                    assert session.scenario.role(role).name in seen


def test_what_each_side_expects_appears_on_both_pages(demos: dict[str, SessionService]) -> None:
    session = demos["en"].session
    written = dict(zip((p.id for p in session.parties), pages(demos["en"]).values(), strict=True))
    answered = next(e for e in session.expectations if e.state == "amended")
    for party_id in (answered.from_party, answered.to_party):
        seen = parse_html(written[party_id]).all_text
        assert answered.text in seen and answered.response in seen


def test_estonian_pages_write_dates_as_estonians_do(demos: dict[str, SessionService]) -> None:
    service = demos["et"]
    session = service.session
    step = next(x for x in session.actions if x.due)
    owner = [p.id for p in session.parties].index(step.owner)
    page = parse_html(list(pages(service).values())[owner]).all_text
    year, month, day = step.due.split("-") if step.due else ("", "", "")
    assert f"{day}.{month}.{year}" in page and "Meie järgmised sammud" in page
    english = parse_html(list(pages(service, lang="en").values())[owner]).all_text
    assert step.due in english and "Our next steps" in english


def test_public_pages_leave_people_out(demos: dict[str, SessionService]) -> None:
    service = demos["en"]
    session = service.session
    written = pages(service, public=True)
    assert all("-public-handout-" in name for name in written)
    for page in written.values():
        for person in session.participants:
            assert person.name not in page
    assert any(p.name in "".join(pages(service).values()) for p in session.participants)


def test_the_cli_writes_the_pages_into_a_folder(demos: dict[str, SessionService], tmp_path: Path) -> None:
    service = demos["et"]
    data_dir = service.path.parent.parent
    out, err = io.StringIO(), io.StringIO()
    argv = ["--data-dir", str(data_dir), "export", service.session.id, "--format", "handouts"]
    assert main([*argv, "-o", str(tmp_path / "pages")], out, err) == EXIT_OK
    assert sorted(p.name for p in (tmp_path / "pages").iterdir()) == sorted(
        file_names(service.session.id, service.session)
    )
    assert err.getvalue().count("wrote ") == len(service.session.parties)


def test_a_session_without_parties_is_a_one_line_error(library: SessionLibrary, tmp_path: Path) -> None:
    empty = library.create(find_scenario("community-safety"), "Nobody yet")
    out, err = io.StringIO(), io.StringIO()
    argv = ["export", empty.session.id, "--format", "handouts", "-o", str(tmp_path / "x")]
    assert main(argv, out, err) == EXIT_USER_ERROR
    assert "no parties yet" in err.getvalue() and err.getvalue().count("\n") == 1
    assert not (tmp_path / "x").exists()


def test_slugs_are_safe_file_names() -> None:
    assert slug("Kasevälja Vallavalitsus") == "kasevalja-vallavalitsus"
    assert slug("../../etc/passwd") == "etc-passwd"
    assert slug("🙂") == "party"
    assert len(slug("x" * 200)) <= 40


def test_a_page_follows_up_its_party_s_items_of_last_time(library: SessionLibrary) -> None:
    from facilitator.core.followup import promises
    from tests.series import three_years

    service = three_years(library).services[1]
    session = service.session
    written = dict(zip((p.id for p in session.parties), pages(service, lang="en").values(), strict=True))
    for party in session.parties:
        seen = parse_html(written[party.id]).all_text
        mine = [i for i in promises(session) if i.party_id == party.id]
        assert ("What came of last time's promises" in seen) == bool(mine)
        for item in promises(session):
            if item.kind == "commitment" and item.party_id != party.id:
                own = {i.text for i in mine}
                assert item.text in own or item.text not in seen.split("What came of")[-1]
        for item in mine:
            assert item.text in seen
            if item.note:
                assert item.note in seen
    first = create_demo(library, find_scenario("community-safety"))
    assert "What came of" not in "".join(pages(first, lang="en").values())


def test_the_footer_date_is_written_as_the_language_writes_it(demos: dict[str, SessionService]) -> None:
    """Estonian pages say 07.12.2026 10:00, not the ISO 2026-12-07 10:00 (issue 19)."""
    estonian = next(iter(pages(demos["et"], lang="et").values()))
    assert "07.12.2026 10:00" in estonian and "2026-12-07" not in estonian
    english = next(iter(pages(demos["en"], lang="en").values()))
    assert "2026-12-07 10:00" in english
