"""The history of a partnership: a series made from the demo with `new --from`, a session with
no predecessor, a long series of ten, and `facilitator history` in every format."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from facilitator.cli import EXIT_OK, EXIT_USER_ERROR, main
from facilitator.core.compare import compare
from facilitator.core.demo import create_demo
from facilitator.core.history import History, history, load_series, series_notes
from facilitator.core.i18n import Translator
from facilitator.core.library import SessionLibrary
from facilitator.core.reports.history_report import build_history, render_history
from facilitator.core.reports.history_svg import history_svg
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService
from tests.series import three_years
from tests.test_reports import assert_safe_html, parse_html


@pytest.fixture(autouse=True)
def _no_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    """Durability is test_crash's business; the data still goes through the real file."""
    monkeypatch.setattr("facilitator.core.store.os.fsync", lambda fd: None)


@pytest.fixture
def series3(library: SessionLibrary) -> list[SessionService]:
    return three_years(library).services


def open_session(library: SessionLibrary):  # type: ignore[no-untyped-def]
    return lambda ref: library.open(ref).session


def test_the_series_is_followed_back_to_its_first_session(
    library: SessionLibrary, series3: list[SessionService]
) -> None:
    series = load_series(open_session(library), series3[-1].session.id)
    assert [s.id for s in series.sessions] == [s.session.id for s in series3]
    assert series.missing is None
    # From the middle, the series ends there.
    middle = load_series(open_session(library), series3[1].session.id)
    assert [s.id for s in middle.sessions] == [s.session.id for s in series3[:2]]


def test_rungs_pairs_and_steps_over_three_years(library: SessionLibrary) -> None:
    series = three_years(library)
    h = history(library.series(series.services[-1].session.id))
    first = series.services[0].session
    moved = first.activity(series.moved)
    line = next(line for line in h.activities if line.id == moved.id)
    # A rung higher the second year; the third has not placed yet (a fresh blind round).
    assert [p.current if p else None for p in line.points] == [0, 1, None]
    wished = first.scenario.rung_index(moved.agreed_wished or "")
    assert [p.wished if p else None for p in line.points] == [wished, wished, None]
    drills = next(line for line in h.activities if line.title == "Joint drills")
    assert drills.points[0] is None and drills.points[1] is not None  # new in the second year
    newcomer, gone = series.newcomer, series.gone
    assert any(newcomer in pair for pair in h.pairs[1].gained)
    assert any(gone in pair for pair in h.pairs[1].lost)
    assert h.pairs[0].gained == () and h.pairs[2].gained == () and h.pairs[2].lost == ()
    assert h.parties[gone][1] is None and h.parties[newcomer][0] is None
    year = h.parties[newcomer][1]
    assert year is not None and (year.steps, year.done, year.on_time) == (1, 1, 1)


def test_a_session_without_a_predecessor_is_a_series_of_one(library: SessionLibrary) -> None:
    alone = create_demo(library, find_scenario("kogukondlik-turvalisus"))
    h = history(library.series(alone.session.id))
    assert len(h.sessions) == 1
    text = parse_html(render_history(h, "html", Translator("et"), "x").decode()).all_text
    assert "See on sarja esimene töötuba" in text
    english = render_history(h, "md", Translator("en"), "x").decode()
    assert "This is the first workshop of its series" in english


def test_a_lost_predecessor_ends_the_series_and_says_so(
    library: SessionLibrary, series3: list[SessionService]
) -> None:
    lost = series3[0].session.id
    library.delete(lost)
    h = history(library.series(series3[-1].session.id))
    assert len(h.sessions) == 2 and h.series.missing == lost
    assert lost in render_history(h, "md", Translator("en"), "x").decode()


def test_a_deleted_middle_workshop_is_said_once_and_truly(
    library: SessionLibrary, series3: list[SessionService], data_dir: Path
) -> None:
    """A → B → C, B deleted: C continues B, which is gone; never "the first of its series"."""
    first, middle, last = (s.session.id for s in series3)
    (data_dir / "sessions" / f"{first}.json").rename(data_dir / "sessions" / f"{middle}-old.json")
    library.delete(middle)  # a file that merely starts with B's id is not B
    series = library.series(last)
    assert [s.id for s in series.sessions] == [last] and (series.missing, series.end) == (middle, "gone")
    english = series_notes(series, Translator("en"))
    assert english == [
        f"Workshop {last} continues workshop {middle}, which is gone: it is no longer among the saved"
        " sessions (deleted or moved). The series before it can't be followed,"
        f" so the history starts with {last}."
    ]
    estonian = series_notes(series, Translator("et"))
    assert len(estonian) == 1 and f"Töötuba {last} jätkab töötuba {middle}, mida enam pole" in estonian[0]
    out = io.StringIO()
    assert main(["list"], out, io.StringIO()) == EXIT_OK
    assert f"(continues {middle}, which is gone: deleted or moved)" in out.getvalue()
    for lang, note in (("en", english[0]), ("et", estonian[0])):
        out = io.StringIO()
        assert main(["--lang", lang, "history", last], out, io.StringIO()) == EXIT_OK
        assert note in out.getvalue()
        assert "first workshop" not in out.getvalue() and "esimene töötuba" not in out.getvalue()


def test_an_unreadable_predecessor_says_why(library: SessionLibrary, series3: list[SessionService]) -> None:
    series3[1].path.write_text("{ not json")
    series = library.series(series3[-1].session.id)
    assert series.end == "unreadable" and series.missing_reason
    (note,) = series_notes(series, Translator("en"))
    assert f"continues workshop {series3[1].session.id}, which can't be read" in note
    assert note.endswith(series.missing_reason)


def test_a_circle_of_files_is_not_a_first_workshop(
    library: SessionLibrary, series3: list[SessionService]
) -> None:
    newest = series3[-1].session
    looped = replace(newest, info=replace(newest.info, previous_id=newest.id))  # edited by hand
    series = load_series(lambda ref: looped, newest.id)
    assert (series.missing, series.end) == (newest.id, "loop")
    (note,) = series_notes(series, Translator("en"))
    assert "in a circle" in note and "first workshop" not in note


def test_a_copied_file_is_continued_by_its_own_name(library: SessionLibrary, data_dir: Path) -> None:
    """`cp A.json A-bak.json; new --from A-bak`: the new one continues A-bak, not A."""
    original = create_demo(library, find_scenario("community-safety"))
    copy = data_dir / "sessions" / f"{original.session.id}-bak.json"
    copy.write_bytes(original.path.read_bytes())
    backup = library.open(copy.stem).session
    assert backup.id == copy.stem  # its inner id is still the original's
    later = library.create_from(copy.stem)
    assert later.session.info.previous_id == copy.stem
    assert [s.id for s in library.series(later.session.id).sessions] == [copy.stem, later.session.id]
    assert compare(backup, later.session).series and not compare(original.session, later.session).series
    out = io.StringIO()
    assert main(["list"], out, io.StringIO()) == EXIT_OK
    assert f"(continues {copy.stem})" in out.getvalue()


def ten_years(library: SessionLibrary) -> History:
    service = create_demo(library, find_scenario("community-safety"))
    for year in range(2027, 2036):
        service = library.create_from(service.session.id, date=f"{year}-12-01")
        service.add_activity(f"New in {year}", party_ids=[p.id for p in service.session.parties[:2]])
    return history(library.series(service.session.id))


def test_a_series_of_ten_stays_readable(library: SessionLibrary) -> None:
    h = ten_years(library)
    assert len(h.sessions) == 10
    drawing = history_svg(h, Translator("en"))
    root = ET.fromstring(drawing)  # well-formed, standalone SVG
    width = float(root.attrib["width"])
    assert width == 960 and float(root.attrib["height"]) < 5000
    texts = ["".join(e.itertext()) for e in root.iter() if e.tag.endswith("text")]
    assert all(len(t) < 140 for t in texts)  # every label cut to fit
    assert "10 = 2035-12-01" in drawing
    page = render_history(h, "html", Translator("en"), "x").decode()
    assert_safe_html(page)
    document = build_history(h, Translator("en"), "x")
    assert document.title.startswith("History of a partnership")


def test_user_text_stays_text(library: SessionLibrary) -> None:
    service = library.create(find_scenario("community-safety"), "<script>alert(1)</script> **x**")
    police = service.add_party("<b>Police</b>")
    town = service.add_party("=HYPERLINK(1)")
    service.add_activity("<img src=x onerror=alert(1)>", party_ids=[police, town])
    h = history(library.series(service.session.id))
    page = render_history(h, "html", Translator("en"), "x").decode()
    assert_safe_html(page) and "<img src=x" not in page
    assert "<img src=x onerror=alert(1)>" in parse_html(page).all_text
    csv_text = render_history(h, "csv", Translator("en"), "x").decode("utf-8-sig")
    assert "<img src=x onerror=alert(1)>" in csv_text


def test_the_cli_writes_every_format(
    library: SessionLibrary, series3: list[SessionService], tmp_path: Path
) -> None:
    newest = series3[-1].session.id
    for fmt, marker in (("md", "## Who works with whom"), ("html", "<svg"), ("csv", "Activity id")):
        out, err = io.StringIO(), io.StringIO()
        assert main(["--lang", "en", "history", newest, "--format", fmt], out, err) == EXIT_OK, err.getvalue()
        assert marker in out.getvalue()
    target = tmp_path / "history.html"
    err = io.StringIO()
    assert main(["history", newest[:6], "--format", "html", "-o", str(target)], io.StringIO(), err) == EXIT_OK
    assert (
        "Tegevused redelil" not in target.read_text() and "Agreed rungs over the years" in target.read_text()
    )
    bad = io.StringIO()
    assert main(["history", "nope"], io.StringIO(), bad) == EXIT_USER_ERROR
    assert bad.getvalue().count("\n") == 1
    inside = io.StringIO()
    data = series3[-1].path.parent
    assert main(["history", newest, "-o", str(data / "x.md")], io.StringIO(), inside) == EXIT_USER_ERROR


def test_list_says_which_session_continues_which(
    library: SessionLibrary, series3: list[SessionService]
) -> None:
    out = io.StringIO()
    assert main(["list"], out, io.StringIO()) == EXIT_OK
    lines = {line.split()[0]: line for line in out.getvalue().splitlines()}
    first, second, third = (s.session.id for s in series3)
    assert f"(continues {first})" in lines[second] and f"(continues {second})" in lines[third]
    assert "continues" not in lines[first]
