"""Reports: every format on the demo session, hostile text, --public, JSON round trip, CLI.

The demo sessions (both languages) and the hostile session are built once per module in
their own data folders: the reports only read them.
"""

from __future__ import annotations

import contextlib
import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from facilitator.cli import EXIT_OK, EXIT_USER_ERROR, main
from facilitator.core import reports
from facilitator.core.demo import create_demo
from facilitator.core.errors import UserError
from facilitator.core.i18n import Translator
from facilitator.core.library import SessionLibrary
from facilitator.core.mismatches import mismatches
from facilitator.core.model import Session
from facilitator.core.reports import csv_export, json_export
from facilitator.core.reports.escape import markup, md_inline
from facilitator.core.reports.formats import CSV_PARTS
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService

REPO = Path(__file__).resolve().parent.parent
SCENARIOS = {"en": "community-safety", "et": "kogukondlik-turvalisus"}
STAMP = "2025-01-02 03:04"

# --------------------------------------------------------------------------- hostile text

SCRIPT = "<script>alert(1)</script>"
ONLOAD = '"onload=alert(1) x="'
IMG = "'><img src=x onerror=alert(2)>"
LINK = "[link](http://x)"
HEADING = "# heading"
TABLE = "| a | b |"
FORMULAS = ("=1+1", "@SUM(A1)", "-2", "+3")
ESTONIAN = "Õie Šõmmer, Žürii ja äö ü"
EMOJI = "🚓👮‍♀️"
MULTILINE = "first line\n# not a heading\n- not a list\n1. not ordered\n> not a quote\n```\n<b>x</b>"
PERSON = "Salajane Inimene"  # a participant: never in a public export
FACILITATOR = "Vahendaja Nimi"
PRIVATE_NOTE = "PRIVATE-NOTE only for the room"


@dataclass(frozen=True)
class Hostile:
    service: SessionService
    texts: tuple[str, ...]


def _library(tmp_path_factory: pytest.TempPathFactory, name: str) -> SessionLibrary:
    return SessionLibrary(tmp_path_factory.mktemp(name))


@pytest.fixture(scope="module")
def demos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, SessionService]:
    """The demo session in each language."""
    library = _library(tmp_path_factory, "demos")
    return {lang: create_demo(library, find_scenario(sid)) for lang, sid in SCENARIOS.items()}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    """A session whose every text field tries to break out of its format."""
    library = _library(tmp_path_factory, "hostile")
    scenario = find_scenario("community-safety")
    service = library.create(
        scenario, f"{SCRIPT} {LINK}", date="2026-01-02", place=f"{ONLOAD} {IMG}", facilitator=FACILITATOR
    )
    parties = [
        service.add_party(f"{SCRIPT} Police"),
        service.add_party(f"{ONLOAD} {ESTONIAN}"),
        service.add_party("=1+1"),
        service.add_party("-2"),
        service.add_party(f"{TABLE} {EMOJI}", affected=True),
    ]
    service.add_participant(PERSON, parties[0])
    titles = [f"{HEADING} {SCRIPT}", *FORMULAS, f"{LINK} {TABLE}", MULTILINE, "bidi \u202eevil\x00 control"]
    activities = []
    for i, title in enumerate(titles):
        activities.append(
            service.add_activity(
                title,
                description=f"{MULTILINE}\n{IMG}\n{LINK}",
                party_ids=[parties[i % 5], parties[(i + 1) % 5], parties[(i + 2) % 5]],
                concerns=[parties[4]] if i % 2 else [],
            )
        )
    first = activities[0]
    involved = service.session.activity(first).party_ids
    for party in involved:
        service.place(first, party, "communication", "cooperation")
    service.reveal(first)
    service.agree(first, current="communication", wished="coordination", note=PRIVATE_NOTE, note_private=True)
    second = activities[1]
    for party in service.session.activity(second).party_ids:
        service.place(second, party, "coordination", "collaboration")  # never revealed
    service.set_role(first, involved[0], "lead")
    service.set_role(first, involved[1], "partner")
    service.add_commitment(first, involved[0], f"@SUM(A1) {SCRIPT}")
    e1 = service.add_expectation(first, involved[0], involved[1], f"=HYPERLINK(1) {LINK}")
    e2 = service.add_expectation(first, involved[1], involved[0], f"{ONLOAD} please")
    service.add_expectation(first, involved[2], involved[0], HEADING)
    service.answer_expectation(e1, "amended", f"+amended {IMG}")
    service.answer_expectation(e2, "declined", f"-declined {MULTILINE}")
    for field_id in ("who_informs_whom", "how_often"):
        service.set_field(first, field_id, f"=cmd|' /C calc'!A0 {SCRIPT}")
    service.sign_off(first, involved[0])
    service.add_action(f"@action {LINK}", parties[0], activity_id=first, due="2026-02-03")
    service.add_action(f"-2 {SCRIPT}", parties[2], due="2026-03-04")
    texts = (SCRIPT, LINK, HEADING, TABLE, *FORMULAS, ESTONIAN, EMOJI)
    return Hostile(service, texts)


def export(service: SessionService, fmt: str, **options: object) -> dict[str, bytes]:
    return reports.export_files(service, fmt, generated=STAMP, **options)  # type: ignore[arg-type]


def only(files: dict[str, bytes]) -> str:
    (content,) = files.values()
    return content.decode("utf-8")


# --------------------------------------------------------------------------- parsers


class Page(HTMLParser):
    """Collects elements, attributes and visible text of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def all_text(self) -> str:
        return "".join(self.text)


def parse_html(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    return page


URL_ATTRIBUTES = (
    "src",
    "srcset",
    "xlink:href",
    "action",
    "formaction",
    "background",
    "poster",
    "data",
    "cite",
)


def assert_safe_html(text: str) -> Page:
    """No script, no event handler, nothing fetched or linked outside the file."""
    page = parse_html(text)
    names = [tag for tag, _ in page.tags]
    assert "script" not in names
    for tag in ("iframe", "object", "embed", "img", "link", "base", "form", "foreignobject", "use", "image"):
        assert tag not in names, tag
    for tag, attrs in page.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            assert name not in URL_ATTRIBUTES, (tag, name)
            if name == "href":
                assert value is not None and value.startswith("#"), (tag, value)
            if name == "style":
                assert value is None or "url(" not in value, (tag, value)
    style = re.search(r"<style>(.*?)</style>", text, re.S)
    assert style is not None
    assert "url(" not in style.group(1) and "@import" not in style.group(1)
    return page


def md_to_html(text: str) -> str:
    # Raw HTML allowed on purpose: any that got through the escaping would show up.
    return MarkdownIt("commonmark", {"html": True}).enable("table").render(text)


def read_csv(content: bytes, lang: str) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark, for Excel"
    text = content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=csv_export.delimiter_for(lang)))


def svg_files(files: dict[str, bytes]) -> Iterator[ET.Element]:
    for content in files.values():
        yield ET.fromstring(content)


def inline_svgs(page: str) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", page, re.S)


# --------------------------------------------------------------------------- the demo, every format


@pytest.mark.parametrize("lang", ["en", "et"])
def test_markdown_and_html_say_everything(demos: dict[str, SessionService], lang: str) -> None:
    service = demos[lang]
    session = service.session
    t = Translator(lang)
    md = only(export(service, "md"))
    page = only(export(service, "html"))
    rendered = parse_html(md_to_html(md)).all_text
    shown = parse_html(page).all_text
    expected = [
        session.info.title,
        session.info.place,
        session.info.facilitator,
        *(a.title for a in session.activities),
        *(p.name for p in session.parties),
        *(session.scenario.rung_title(r.id) for r in session.scenario.rungs),
        *(session.scenario.role(r.role_id).name for r in session.roles),
        *(p.name for p in session.participants),
        *(c.text for c in session.commitments),
        *(e.text for e in session.expectations),
        *(e.response for e in session.expectations if e.response),
        *(f.value for f in session.fields),
        *(x.text for x in session.actions),
        *(a.agreed_note for a in session.activities if a.agreed_note),
        t("report.expectation.accepted"),
        t("report.expectation.amended"),
        t("report.expectation.declined"),
        t("report.expectation.open"),
        t("report.ladder.open", count=sum(1 for a in session.activities if a.agreed_current is None)),
        t("report.mismatches.heading", count=len(mismatches(session))),
        *(m.explain(t) for m in mismatches(session)),
    ]
    for value in expected:
        assert value in rendered, ("md", value)
        assert value in shown, ("html", value)


@pytest.mark.parametrize("lang", ["en", "et"])
def test_unrevealed_placements_stay_hidden(demos: dict[str, SessionService], lang: str) -> None:
    service = demos[lang]
    session = service.session
    hidden = [a for a in session.activities if not a.revealed and session.placements_for(a.id)]
    assert hidden, "the demo has placed but unrevealed activities"
    rows = read_csv(export(service, "csv")[f"{session.id}-placements.csv"], lang)
    ids = {row[1] for row in rows[1:]}
    assert not ids & {a.id for a in hidden}
    revealed = {a.id for a in session.activities if a.revealed and session.placements_for(a.id)}
    assert revealed <= ids
    md = only(export(service, "md"))
    assert Translator(lang)("report.hidden") in md


def test_html_is_one_self_contained_file(demos: dict[str, SessionService]) -> None:
    for lang, service in demos.items():
        page = only(export(service, "html"))
        parsed = assert_safe_html(page)
        assert page.startswith("<!DOCTYPE html>")
        html_tag = next(attrs for tag, attrs in parsed.tags if tag == "html")
        assert html_tag["lang"] == lang == service.session.info.language
        assert "http://" not in page and "https://" not in page
        assert "@media print" in page and "break-inside: avoid" in page
        assert "Content-Security-Policy" in page
        drawings = inline_svgs(page)
        assert len(drawings) == 2
        for drawing in drawings:
            ET.fromstring(drawing)
        # Semantic structure: one h1, parts as sections, activities as articles.
        names = [tag for tag, _ in parsed.tags]
        assert names.count("h1") == 1
        assert names.count("article") == len(service.session.activities)


def test_lang_overrides_the_session_language(demos: dict[str, SessionService]) -> None:
    service = demos["et"]
    page = only(export(service, "html", lang="en"))
    parsed = parse_html(page)
    assert next(attrs for tag, attrs in parsed.tags if tag == "html")["lang"] == "en"
    assert Translator("en")("report.kind") in parsed.all_text
    # The session's own text is marked as Estonian for screen readers.
    assert f'<span lang="et">{html.escape(service.session.info.title)}</span>' in page
    md = only(export(service, "md", lang="en"))
    assert Translator("en")("report.ladder.heading") in md
    assert Translator("et")("report.ladder.heading") not in md


@pytest.mark.parametrize("lang", ["en", "et"])
def test_csv_tables(demos: dict[str, SessionService], lang: str) -> None:
    service = demos[lang]
    session = service.session
    files = export(service, "csv")
    assert list(files) == [f"{session.id}-{part}.csv" for part in CSV_PARTS]
    tables = {
        name.removeprefix(f"{session.id}-").removesuffix(".csv"): read_csv(b, lang)
        for name, b in files.items()
    }
    assert len(tables["activities"]) == 1 + len(session.activities)
    assert [row[2] for row in tables["activities"][1:]] == [a.title for a in session.activities]
    assert len(tables["roles"]) == 1 + sum(len(a.party_ids) for a in session.activities)
    assert len(tables["commitments"]) == 1 + len(session.commitments)
    assert len(tables["actions"]) == 1 + len(session.actions)
    states = {row[8] for row in tables["expectations"][1:]}
    assert states == {"open", "accepted", "amended", "declined"}
    for row in tables["expectations"][1:]:
        assert row[9] == Translator(lang)(f"report.csv.state.{row[8]}")
    agreed = next(a for a in session.activities if a.agreed_current)
    row = next(r for r in tables["activities"] if r[1] == agreed.id)
    assert row[7] == str(session.scenario.rung_index(agreed.agreed_current or "") + 1)
    assert row[8] == session.scenario.rung(agreed.agreed_current or "").name
    # Estonian letters survive the trip through the BOM'd UTF-8.
    if lang == "et":
        assert any("õ" in cell or "ä" in cell for r in tables["activities"] for cell in r)


@pytest.mark.parametrize("lang", ["en", "et"])
def test_svg_drawings(demos: dict[str, SessionService], lang: str) -> None:
    service = demos[lang]
    session = service.session
    files = export(service, "svg")
    assert list(files) == [f"{session.id}-ladder.svg", f"{session.id}-partnership.svg"]
    ladder, matrix = (f.decode("utf-8") for f in files.values())
    for root in svg_files(files):
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        assert root.find("{http://www.w3.org/2000/svg}title") is not None
    # Meaning never by colour alone: rung numbers and names are written out.
    for rung in session.scenario.rungs:
        assert html.escape(session.scenario.rung_title(rung.id)) in ladder
        assert html.escape(session.scenario.rung_title(rung.id)) in matrix
    for i, party in enumerate(session.parties):
        assert html.escape(f"{i + 1}. {party.name}", quote=True) in matrix


def test_json_is_the_library_export(demos: dict[str, SessionService], tmp_path: Path) -> None:
    service = demos["et"]
    library = SessionLibrary(service.path.parent.parent)
    assert only(export(service, "json")) == library.export_json(service.session.id)


@pytest.mark.parametrize("lang", ["en", "et"])
def test_json_round_trip(demos: dict[str, SessionService], tmp_path: Path, lang: str) -> None:
    service = demos[lang]
    path = tmp_path / "session.json"
    written = reports.write_export(service, "json", path)
    assert written == [path]
    imported = SessionLibrary(tmp_path / "elsewhere").import_file(path).session
    assert imported == service.session
    assert imported.scenario == service.session.scenario


# --------------------------------------------------------------------------- --public


def strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def visible(fmt: str, files: dict[str, bytes], lang: str) -> str:
    """The text a reader of these files sees, whatever the escaping of the format."""
    if fmt == "html":
        return parse_html(only(files)).all_text
    if fmt == "md":
        return parse_html(md_to_html(only(files))).all_text
    if fmt == "csv":
        return "\n".join(
            cell for content in files.values() for row in read_csv(content, lang) for cell in row
        )
    if fmt == "json":
        return "\n".join(strings(json.loads(only(files))))
    if fmt == "handouts":
        return "\n".join(parse_html(content.decode("utf-8")).all_text for content in files.values())
    return "\n".join(
        "".join(root.itertext()) + " ".join(str(v) for e in root.iter() for v in e.attrib.values())
        for root in svg_files(files)
    )


def test_public_leaves_people_and_private_notes_out(
    hostile: Hostile, demos: dict[str, SessionService]
) -> None:
    for service in (hostile.service, *demos.values()):
        session = service.session
        lang = session.info.language
        people = [p.name for p in session.participants] + [session.info.facilitator]
        private = [a.agreed_note for a in session.activities if a.note_private and a.agreed_note]
        for fmt in reports.FORMATS:
            files = export(service, fmt, public=True)
            assert all("-public" in name for name in files)
            raw = b"\n".join(files.values()).decode("utf-8")
            seen = visible(fmt, files, lang)
            for secret in (*people, *private):
                assert secret not in raw and html.escape(secret) not in raw, (fmt, secret)
                assert secret not in seen, (fmt, secret)
            if fmt != "svg":  # organisations stay (the drawings cut long names)
                for party in session.parties:
                    assert party.name.split("\n")[0] in seen, (fmt, party.name)
    full = visible("html", export(hostile.service, "html"), "en")
    assert PERSON in full and FACILITATOR in full and PRIVATE_NOTE in full
    assert PRIVATE_NOTE in visible("csv", export(hostile.service, "csv"), "en")


def test_public_json_imports_as_the_public_session(hostile: Hostile, tmp_path: Path) -> None:
    path = tmp_path / "public.json"
    reports.write_export(hostile.service, "json", path, public=True)
    imported = SessionLibrary(tmp_path / "elsewhere").import_file(path).session
    assert imported == reports.public_session(hostile.service.session)
    assert imported.participants == () and imported.events == ()
    assert imported.info.facilitator == ""
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["meta"]["session"]["initial"]["facilitator"] == ""
    assert "view" not in data


def test_public_json_has_no_rung_of_an_unrevealed_round(hostile: Hostile) -> None:
    session = hostile.service.session
    blind = {a.id for a in session.activities if not a.revealed}
    assert any(p.activity_id in blind for p in session.placements)  # the fixture has some
    full = json.loads(only(export(hostile.service, "json")))
    assert any(p["activity_id"] in blind for p in full["placements"].values())  # the backup keeps them
    assert any(e["kind"] == "placement.recorded" for e in full["events"].values())
    public = json.loads(only(export(hostile.service, "json", public=True)))
    assert public["placements"] and not any(p["activity_id"] in blind for p in public["placements"].values())
    assert public["events"] == {}
    rungs = {"current", "wished"}
    for table in ("events", "placements"):  # no placement of a blind round, in any form
        for doc in public[table].values():
            data = doc.get("data", doc)
            assert not (rungs <= set(data) and data.get("activity_id") in blind), doc


def test_public_data_leaves_the_input_alone(hostile: Hostile) -> None:
    data = hostile.service.file.read()
    before = json.dumps(data, sort_keys=True)
    json_export.public_data(data)
    assert json.dumps(data, sort_keys=True) == before


# --------------------------------------------------------------------------- hostile text


def test_html_escapes_everything(hostile: Hostile) -> None:
    page = only(export(hostile.service, "html"))
    parsed = assert_safe_html(page)
    text = parsed.all_text
    for value in hostile.texts:
        assert value in text, value  # shown, as text
    assert "\u202e" not in page and "\x00" not in page  # bidi override and NUL replaced
    for drawing in inline_svgs(page):
        ET.fromstring(drawing)
    # An attribute-breaking quote stays inside its text.
    assert not any("onload" in attrs or "onerror" in attrs for _, attrs in parsed.tags)


def test_a_table_s_scroll_box_is_a_named_region_its_name_escaped(hostile: Hostile) -> None:
    """A table wider than a phone scrolls sideways in its box: the box can take the focus (its
    arrow keys scroll it) and is a region named by the table's heading, user text escaped as
    everywhere else (an activity's title names its parties' table)."""
    report = only(export(hostile.service, "html"))
    pages = [report, *(content.decode("utf-8") for content in export(hostile.service, "handouts").values())]
    for page in pages:
        boxes = [attrs for tag, attrs in assert_safe_html(page).tags if attrs.get("class") == "wide"]
        assert boxes
        for attrs in boxes:
            assert (attrs.get("role"), attrs.get("tabindex")) == ("region", "0"), attrs
            assert (attrs.get("aria-label") or "").strip(), attrs
    labels = [attrs.get("aria-label") or "" for _, attrs in parse_html(report).tags]
    assert any(SCRIPT in label for label in labels), labels  # an activity's title, as text
    assert not re.search(r'aria-label="[^"]*[<>][^"]*"', report)  # escaped in the file


def test_markdown_escapes_everything(hostile: Hostile) -> None:
    md = only(export(hostile.service, "md"))
    assert re.search(r"(?<!\\)<", md) is None, "every < is escaped"
    rendered = md_to_html(md)
    parsed = parse_html(rendered)
    names = [tag for tag, _ in parsed.tags]
    for tag in ("script", "img", "a", "blockquote", "pre", "code", "ol"):
        assert tag not in names, tag
    headings = re.findall(r"<h[1-6]>(.*?)</h[1-6]>", rendered, re.S)
    assert not any(html.unescape(h).strip() in ("heading", "not a heading") for h in headings)
    # Tables only where the report puts them: activities with parties, the two matrices,
    # next steps and who took part.
    session = hostile.service.session
    assert names.count("table") == len(session.activities) + 4
    text = parsed.all_text
    for value in hostile.texts:
        assert value in text, value
    for line in ("# not a heading", "- not a list", "1. not ordered", "> not a quote", "<b>x</b>"):
        assert line in text, line


@given(st.text(alphabet=st.sampled_from(list("ab1 .#-+=*_[]()<>|`~!&;:\\\"'@/")), max_size=30))
@settings(max_examples=300, deadline=None)
def test_markdown_escaping_renders_exactly_the_text(value: str) -> None:
    value = value.strip()
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(md_inline(value))
    body = re.sub(r"^<p>|</p>\n$", "", rendered)
    assert html.unescape(body) == value
    assert "<" not in body.replace("&lt;", "")


def test_csv_neutralises_formulas(hostile: Hostile) -> None:
    files = export(hostile.service, "csv")
    cells = [cell for content in files.values() for row in read_csv(content, "en") for cell in row]
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    for formula in FORMULAS:
        assert "'" + formula in cells, formula
    assert f"'{MULTILINE}" not in cells  # starts with "first": nothing to neutralise
    assert f"{MULTILINE}\n{IMG}\n{LINK}" in cells  # newlines kept, safely quoted
    assert any(ESTONIAN in cell for cell in cells)
    assert any(EMOJI in cell for cell in cells)


def test_svg_escapes_everything(hostile: Hostile) -> None:
    files = export(hostile.service, "svg")
    for root in svg_files(files):
        for element in root.iter():
            assert not element.tag.endswith("script")
            assert not element.tag.endswith("foreignObject")
            for name in element.attrib:
                assert not name.startswith("on") and not name.endswith("href"), name
    text = b"".join(files.values()).decode()
    assert "<script" not in text and "onload=" not in text.replace("onload=alert", "")


def test_every_format_survives_an_empty_session(service: SessionService) -> None:
    with pytest.raises(UserError, match="no parties yet"):  # a page per party: none to make
        reports.export_files(service, "handouts")
    for fmt in reports.FORMATS:
        if fmt == "handouts":
            continue
        files = reports.export_files(service, fmt)
        assert files and all(files.values())
    assert_safe_html(only(reports.export_files(service, "html")))


def test_render_refuses_json_and_unknown_formats(hostile: Hostile) -> None:
    with pytest.raises(ValueError):
        reports.render(hostile.service.session, "json")
    with pytest.raises(reports.UnknownFormat):
        reports.render(hostile.service.session, "pdf")


def test_escape_helpers() -> None:
    assert markup(ONLOAD) == "&quot;onload=alert(1) x=&quot;"
    assert markup("a\x00b\u202ec") == "a\ufffdb\ufffdc"
    assert md_inline("1. x") == "1\\. x"
    assert md_inline("1. x", line_start=False) == "1. x"
    assert md_inline(LINK) == "\\[link\\](http://x)"


# --------------------------------------------------------------------------- writing and the CLI


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


def run(*args: str) -> Result:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args), out=out, err=err)
        except SystemExit as exit_:  # argparse usage errors
            code = exit_.code if isinstance(exit_.code, int) else 1
    return Result(code, out.getvalue(), err.getvalue())


def one_line_error(result: Result, fragment: str) -> None:
    assert result.code == EXIT_USER_ERROR, result
    assert len(result.err.splitlines()) == 1, result.err
    assert fragment in result.err, result.err
    assert "Traceback" not in result.err


@pytest.fixture
def demo_id(library: SessionLibrary) -> str:
    return create_demo(library, find_scenario("kogukondlik-turvalisus")).session.id


def test_cli_single_file_formats(demo_id: str, tmp_path: Path) -> None:
    for fmt in ("md", "html", "json"):
        printed = run("export", demo_id, "--format", fmt)
        assert printed.code == EXIT_OK and printed.out, fmt
        target = tmp_path / f"report.{fmt}"
        written = run("export", demo_id, "--format", fmt, "-o", str(target))
        assert written.code == EXIT_OK
        assert written.err == f"wrote {target}\n"
        if fmt == "json":
            assert target.read_text(encoding="utf-8") == printed.out
        else:  # the same report, made a moment later
            assert target.read_text(encoding="utf-8").splitlines()[:3] == printed.out.splitlines()[:3]
    assert '<html lang="et">' in (tmp_path / "report.html").read_text(encoding="utf-8")
    english = run("export", demo_id, "--format", "html", "--lang", "en")
    assert '<html lang="en">' in english.out
    assert '<html lang="en">' in run("--lang", "en", "export", demo_id, "--format", "html").out


def test_cli_multi_file_formats(demo_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "new" / "folder"
    result = run("export", demo_id, "--format", "csv", "-o", str(folder))
    assert result.code == EXIT_OK
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(f"{demo_id}-{part}.csv" for part in CSV_PARTS)
    assert result.err.count("wrote ") == len(CSV_PARTS)
    result = run("export", demo_id, "--format", "svg", "-o", str(folder), "--public")
    assert (folder / f"{demo_id}-public-ladder.svg").is_file()
    assert (folder / f"{demo_id}-public-partnership.svg").is_file()
    monkeypatch.chdir(tmp_path)  # without -o: the current folder
    assert run("export", demo_id, "--format", "svg").code == EXIT_OK
    assert (tmp_path / f"{demo_id}-ladder.svg").is_file()


def test_cli_export_errors(demo_id: str, tmp_path: Path) -> None:
    one_line_error(run("export", "ffffffff", "--format", "html"), "no session 'ffffffff'")
    one_line_error(run("export", demo_id, "--format", "md", "-o", str(tmp_path)), "is a folder")
    one_line_error(
        run("export", demo_id, "--format", "html", "-o", str(tmp_path / "missing" / "r.html")), "cannot write"
    )
    a_file = tmp_path / "a-file.txt"
    a_file.write_text("keep me", encoding="utf-8")
    one_line_error(run("export", demo_id, "--format", "csv", "-o", str(a_file)), "is a file, not a folder")
    assert a_file.read_text(encoding="utf-8") == "keep me"
    result = run("export", demo_id, "--format", "pdf")
    assert result.code == EXIT_USER_ERROR and "invalid choice" in result.err
    with pytest.raises(reports.UnknownFormat):
        reports.check_format("pdf")


def test_cli_format_choices_match_the_reports() -> None:
    from facilitator.cli import build_parser

    parser = build_parser()
    args = parser.parse_args(["export", "x"])
    assert args.format == "json"
    for fmt in reports.FORMATS:
        assert parser.parse_args(["export", "x", "--format", fmt]).format == fmt


def test_docs_pictures_exist() -> None:
    for name in ("ladder.svg", "partnership.svg"):
        root = ET.parse(REPO / "docs" / name).getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg"


def test_public_session_is_organisation_level(hostile: Hostile) -> None:
    session: Session = reports.public_session(hostile.service.session)
    assert session.participants == () and session.events == () and session.info.facilitator == ""
    assert all(not a.agreed_note for a in session.activities if a.note_private)
    assert session.parties == hostile.service.session.parties


def test_rung_colours_for_any_ladder() -> None:
    from facilitator.core.reports.svg import rung_colours

    for count in range(1, 9):
        colours = rung_colours(count)
        assert len(colours) == count
        assert len({fill for fill, _ in colours}) == count  # each rung its own shade
        assert all(ink in ("#ffffff", "#1f2328") for _, ink in colours)


def test_one_table_of_formats_names_every_file_the_export_writes(tmp_path: Path) -> None:
    """The registry is the one place: what it says a format writes is what is written."""
    from facilitator.core.demo import create_demo
    from facilitator.core.library import SessionLibrary
    from facilitator.core.reports import REGISTRY, base_name, write_export
    from facilitator.core.scenario import find_scenario

    service = create_demo(SessionLibrary(tmp_path / "data"), find_scenario("community-safety"))
    session = service.session
    assert list(REGISTRY) == ["md", "html", "csv", "json", "svg", "handouts"]
    for fmt, declared in REGISTRY.items():
        for public in (False, True):
            target = tmp_path / "out" / fmt / str(public)
            if not declared.folder:
                target.mkdir(parents=True)
                target = target / declared.file_names(base_name(session.id, public))[0]
            written = write_export(service, fmt, target, public=public)
            assert sorted(p.name for p in written) == sorted(
                declared.file_names(base_name(session.id, public), session)
            )


def test_the_report_puts_each_activity_under_the_rung_it_was_agreed_on(tmp_path: Path) -> None:
    """Structure, not wording: under each rung's heading, the activities agreed to be there now."""
    import re

    from facilitator.core.demo import create_demo
    from facilitator.core.library import SessionLibrary
    from facilitator.core.reports import export_files
    from facilitator.core.scenario import find_scenario

    service = create_demo(SessionLibrary(tmp_path / "data"), find_scenario("community-safety"))
    session = service.session
    (text,) = (b.decode("utf-8") for b in export_files(service, "md").values())
    ladder = text.split("## The ladder of joint activity", 1)[1].split("\n## ", 1)[0]
    found: dict[str, set[str]] = {}
    for section in ladder.split("\n### ")[1:]:
        heading, body = section.split("\n", 1)
        rung = next(
            (r.id for r in session.scenario.rungs if heading == session.scenario.rung_title(r.id)), None
        )
        if rung is None:  # the activities not agreed yet, after the rungs
            continue
        now = body.split("**Agreed to be here now", 1)[1].split("\n**", 1)[0] if "**Agreed" in body else ""
        titles = re.findall(r"^- \*\*#\d+\*\* (.+?)(?: — \*wished| → wished|$)", now, flags=re.M)
        found[rung] = {re.sub(r"\\(.)", r"\1", t) for t in titles}
    for rung in session.scenario.rung_ids():
        expected = {a.title for a in session.activities if a.agreed_current == rung}
        assert found.get(rung, set()) == expected, rung
    assert sum(len(v) for v in found.values()) == sum(1 for a in session.activities if a.agreed_current)
