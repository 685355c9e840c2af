"""Exporting from the app: the export dialog from the workshop (ctrl+e) and the home screen (x)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rich.text import Text
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Label, Select, Static

from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.dialogs.export import ExportDialog, default_target
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.screens.workshop import WorkshopScreen
from facilitator.ui.widgets.tickbox import TickBox

from .helpers import until

MakeApp = Callable[..., FacilitatorApp]
HOSTILE = "[@click=app.quit]x [b]bold[/b] [red]"
PERSON = "Mari Tamm"


@pytest.fixture(autouse=True)
def _no_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    """Durability is test_crash's business; the data still goes through the real file."""
    monkeypatch.setattr("facilitator.core.store.os.fsync", lambda fd: None)


@pytest.fixture
def session(ui_library: SessionLibrary) -> SessionService:
    """A small session with a markup-like title, a participant and an agreed activity."""
    service = ui_library.create(find_scenario("community-safety"), f"Keila {HOSTILE}", facilitator=PERSON)
    police = service.add_party("Police")
    town = service.add_party("Town")
    service.add_participant(PERSON, police)
    activity = service.add_activity("Evening patrols", party_ids=[police, town])
    service.agree(activity, current="communication", wished="cooperation")
    return service


def plain(value: object) -> str:
    if isinstance(value, Label | Static):
        value = value.visual
    if isinstance(value, Text | Content):
        return value.plain
    raise AssertionError(f"not text: {value!r}")


async def open_from_workshop(app: FacilitatorApp, pilot: Pilot[int]) -> ExportDialog:
    await pilot.pause()
    assert isinstance(app.screen, WorkshopScreen)
    app.screen.set_focus(None)
    await pilot.press("ctrl+e")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, ExportDialog)
    return dialog


async def export(
    app: FacilitatorApp,
    pilot: Pilot[int],
    dialog: ExportDialog,
    fmt: str,
    target: Path | str,
    *,
    public: bool = False,
    lang: str | None = None,
) -> None:
    """Choose in the dialog as a user would, then press Export and wait for the files."""
    dialog.query_one("#export-format", Select).value = fmt
    if lang is not None:
        dialog.query_one("#export-lang", Select).value = lang
    if public:
        await pilot.click("#export-public")
    await pilot.pause()
    dialog.query_one("#export-target", Input).value = str(target)
    await pilot.click("#export-go")
    await app.workers.wait_for_complete()
    await pilot.pause()


def errors(app: FacilitatorApp) -> list[str]:
    notes = [n for n in app._notifications if n.severity == "error"]
    assert all(n.markup is False for n in notes)
    return [n.message for n in notes]


FORMATS = [  # format, files, the file to look into, what it must contain
    ("md", 1, "report.md", "# Keila \\[@click=app.quit\\]x"),  # Markdown escapes the brackets
    ("html", 1, "report.html", "Keila"),
    ("json", 1, "report.json", HOSTILE),
    ("csv", 7, "-activities.csv", "Evening patrols"),
    ("svg", 2, "-ladder.svg", "Keila"),
    ("handouts", 2, "-handout-01-police.html", "Evening patrols"),  # one page per party
]


async def test_export_writes_every_format_from_the_workshop(
    make_app: MakeApp, session: SessionService, tmp_path: Path
) -> None:
    app = make_app(session)
    notes = []
    async with app.run_test(size=(120, 40)) as pilot:
        for fmt, count, name, _marker in FORMATS:
            out = tmp_path / fmt  # missing: made by the export
            dialog = await open_from_workshop(app, pilot)
            await export(app, pilot, dialog, fmt, out / name if count == 1 else out)
            assert not isinstance(app.screen, ExportDialog)
            # Taken as each export ends: a notification expires after 10 s, which a loaded
            # machine can spend on the six exports together.
            exported = [n for n in app._notifications if n.title.startswith("Exported")]
            assert exported and exported[-1] not in notes
            notes.append(exported[-1])
        assert errors(app) == []
    assert len(notes) == len(FORMATS)
    for (fmt, count, name, marker), note in zip(FORMATS, notes, strict=True):
        out = tmp_path / fmt
        written = sorted(out.iterdir())
        assert len(written) == count
        [path] = [p for p in written if p.name.endswith(name)]
        assert marker in path.read_text(encoding="utf-8-sig")
        # The notification lists what was written, literally.
        assert note.markup is False
        assert note.title == f"Exported: {count} {'file' if count == 1 else 'files'} written"
        assert str(out) in note.message
        assert all(p.name in note.message for p in written)
        if count > 1:
            assert all(p.name.startswith(session.session.id) for p in written)


async def test_public_version_leaves_out_names_of_people(
    make_app: MakeApp, session: SessionService, tmp_path: Path
) -> None:
    app = make_app(session)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_from_workshop(app, pilot)
        await export(app, pilot, dialog, "md", tmp_path / "full.md")
        dialog = await open_from_workshop(app, pilot)
        await export(app, pilot, dialog, "md", tmp_path / "public.md", public=True)
        assert errors(app) == []
    assert PERSON in (tmp_path / "full.md").read_text(encoding="utf-8")
    public = (tmp_path / "public.md").read_text(encoding="utf-8")
    assert PERSON not in public
    assert "Evening patrols" in public


async def test_target_follows_format_and_public_and_a_folder_gets_the_file_name(
    make_app: MakeApp, session: SessionService, tmp_path: Path
) -> None:
    session_id = session.session.id
    app = make_app(session)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_from_workshop(app, pilot)
        target = dialog.query_one("#export-target", Input)
        assert target.value == default_target(session_id, "html", False)
        assert target.value.endswith(f"facilitator-exports/{session_id}.html")
        dialog.query_one("#export-format", Select).value = "csv"
        await pilot.pause()
        assert target.value == default_target(session_id, "csv", False)
        assert "7 files into this folder" in plain(dialog.query_one("#export-hint", Label))
        dialog.query_one("#export-format", Select).value = "handouts"  # the names come from the parties
        await pilot.pause()
        hint = plain(dialog.query_one("#export-hint", Label))
        assert "2 files into this folder" in hint and f"{session_id}-handout-02-town.html" in hint
        await pilot.click("#export-public")
        dialog.query_one("#export-format", Select).value = "json"
        await pilot.pause()
        assert dialog.query_one("#export-public", Checkbox).value
        assert target.value.endswith(f"{session_id}-public.json")
        # A typed file name follows the format; a folder gets the standard name inside.
        target.value = str(tmp_path / "mine.json")
        dialog.query_one("#export-format", Select).value = "md"
        await pilot.pause()
        assert target.value == str(tmp_path / "mine.md")
        (tmp_path / "folder").mkdir()
        await export(app, pilot, dialog, "md", tmp_path / "folder", public=False)
        assert errors(app) == []
    assert (tmp_path / "folder" / f"{session_id}-public.md").is_file()


async def test_bad_targets_are_one_line_errors_and_nothing_is_written(
    make_app: MakeApp, session: SessionService, tmp_path: Path
) -> None:
    a_file = tmp_path / "a-file.txt"
    a_file.write_text("keep me", encoding="utf-8")
    app = make_app(session)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_from_workshop(app, pilot)
        # A file given for the csv tables' folder.
        await export(app, pilot, dialog, "csv", a_file)
        assert app.screen is dialog
        [message] = errors(app)
        assert "is a file, not a folder" in message and "\n" not in message
        assert "is a file, not a folder" in plain(dialog.query_one("#export-problem", Label))
        # A place that can't be written: below a file.
        await export(app, pilot, dialog, "md", a_file / "sub" / "report.md")
        await export(app, pilot, dialog, "svg", a_file / "pictures")
        assert len(errors(app)) == 3
        assert all("cannot make the folder" in m for m in errors(app)[1:])
        # An empty target.
        await export(app, pilot, dialog, "html", "   ")
        assert "Give a file or a folder" in plain(dialog.query_one("#export-problem", Label))
        assert app.screen is dialog
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
    written = sorted(p.name for p in tmp_path.iterdir() if p.name != "state")  # (the device's CSS cache)
    assert written == ["a-file.txt", "data"]
    assert a_file.read_text(encoding="utf-8") == "keep me"


async def test_export_from_home_in_estonian_with_a_report_in_english(
    make_app: MakeApp, session: SessionService, tmp_path: Path
) -> None:
    app = make_app(lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.click("#export")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        # Estonian labels; the title as typed; the report's language defaults to the session's.
        assert plain(dialog.query_one("#export-title", Label)) == f"Ekspordi „Keila {HOSTILE}“"
        assert dialog.query_one("#export-lang", Select).value == "en"
        await export(app, pilot, dialog, "md", tmp_path / "et.md", lang="et")
        assert [n.title for n in app._notifications][-1] == "Eksporditud: kirjutatud faile: 1"
        await pilot.press("x")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        await export(app, pilot, dialog, "md", tmp_path / "en.md", lang="en")
        # Switching the interface language relabels an open dialog (F7 doesn't reach a modal).
        await pilot.press("x")
        await pilot.pause()
        app.language = "en"
        await pilot.pause()
        assert plain(app.screen.query_one("#export-title", Label)).startswith("Export “Keila")
    assert "## Ühistegevuse redel" in (tmp_path / "et.md").read_text(encoding="utf-8")
    assert "## The ladder of joint activity" in (tmp_path / "en.md").read_text(encoding="utf-8")


async def test_ctrl_e_exports_even_from_a_text_field(make_app: MakeApp, ui_library: SessionLibrary) -> None:
    service = ui_library.create(find_scenario("community-safety"), "Typing")
    app = make_app(service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WorkshopScreen)
        screen.action_go_phase("collect")
        await until(pilot, lambda: isinstance(app.focused, Input), "the quick-add field")
        await pilot.press(*"half a title", "ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.focused, Input) and app.focused.value == "half a title"  # nothing lost


async def test_every_checkbox_shows_its_state_by_a_mark(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    """Setup's "affected group" box, like the export dialog's: ✓ when on, blank when off."""
    service = ui_library.create(find_scenario("community-safety"), "Marks")
    app = make_app(service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        box = app.screen.query_one("#setup-party-affected", Checkbox)
        assert isinstance(box, TickBox)
        assert "✓" not in box.render().plain  # type: ignore[union-attr]
        box.value = True
        await pilot.pause()
        assert "✓" in box.render().plain  # type: ignore[union-attr]


async def test_a_refused_target_is_said_in_the_interface_language(
    make_app: MakeApp, session: SessionService, tmp_path: Path
) -> None:
    """The dialog words a refusal as the CLI does with --lang et (issue 19): Estonian sentences."""
    a_file = tmp_path / "a-file.txt"
    a_file.write_text("keep me", encoding="utf-8")
    app = make_app(lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.click("#export")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert "osapoolte lehed" in plain(dialog.query_one("#export-target-label", Label))
        await export(app, pilot, dialog, "csv", a_file)
        assert "on fail, mitte kaust" in plain(dialog.query_one("#export-problem", Label))
        await export(app, pilot, dialog, "svg", a_file / "pictures")
        assert "kausta ei õnnestu luua" in plain(dialog.query_one("#export-problem", Label))
    assert a_file.read_text(encoding="utf-8") == "keep me"


async def test_the_public_choice_is_read_whole_at_80x24_in_both_languages(
    make_app: Callable[..., FacilitatorApp], session: SessionService
) -> None:
    """ "Public: without people's names and notes that are not public" was cut to "…notes that
    are …" (Estonian "…mitteavalike märku…") at 80 columns: what a public copy leaves out is
    the one thing the user must read before choosing it."""
    app = make_app(session=session, lang="et")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WorkshopScreen), "the workshop")
        await pilot.press("ctrl+e")
        await until(pilot, lambda: isinstance(app.screen, ExportDialog), "the export dialog")
        for language in ("et", "en"):
            await until(pilot, lambda: app.language == language, language)  # noqa: B023
            await pilot.pause()
            tick = app.screen.query_one("#export-public", TickBox)
            drawn = tick.render_line(0).text
            assert tick.label.plain.startswith(("Avalik:", "Public:"))
            assert tick.label.plain in drawn, drawn
            await pilot.press("f7")
