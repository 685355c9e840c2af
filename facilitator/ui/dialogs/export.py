"""Exporting a session from the app: the same files as `facilitator export`.

`ExportDialog(service)` asks for the format, the public version, the language and where
to write, then calls `facilitator.core.reports.write_export` and closes with the paths
it wrote (a notification lists them), or stays open with the error on one line.

Where files go by default: `~/facilitator-exports/` (made if missing), one predictable
place whatever folder the app was started from. md, html and json are one file,
`<id>.<ext>` in that folder; csv and svg are several files named after the session id,
so for them the target is the folder itself. A folder given for a one-file format gets
the standard file name inside it; a file given for csv or svg is refused (as on the
command line). Existing files of the same names are replaced, each atomically.

The export runs in a thread worker over its own `SessionService` (its own file handle
and cache), so a large HTML report doesn't freeze the screen and the workshop's poll is
undisturbed. It only reads the session: exporting from review mode changes nothing.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Checkbox, Input, Label, Select

from facilitator.core.errors import SessionFileError, UserError, os_reason
from facilitator.core.i18n import LANGUAGE_NAMES, LANGUAGES, explain
from facilitator.core.model import Session
from facilitator.core.reports import FORMATS, MULTI_FILE, REGISTRY, base_name, write_export
from facilitator.core.service import SessionService
from facilitator.core.text import one_line
from facilitator.ui.base import BaseModal
from facilitator.ui.host import host_of
from facilitator.ui.widgets.button import Button
from facilitator.ui.widgets.marked_input import MarkedInput
from facilitator.ui.widgets.tickbox import TickBox

DEFAULT_FOLDER = Path("~") / "facilitator-exports"


def file_names(session_id: str, fmt: str, public: bool, session: Session | None = None) -> list[str]:
    """The names the export will have (from the core's table of formats; handouts: per party)."""
    return REGISTRY[fmt].file_names(base_name(session_id, public), session)


def default_target(session_id: str, fmt: str, public: bool, folder: Path = DEFAULT_FOLDER) -> str:
    """The folder for csv and svg (with a trailing separator), else the file in it."""
    where = folder.expanduser()
    if fmt in MULTI_FILE:
        return f"{where}{os.sep}"
    return str(where / file_names(session_id, fmt, public)[0])


def resolve_target(text: str, session_id: str, fmt: str, public: bool) -> Path:
    """What the user typed as a path: ~ expanded; a folder for a one-file format gets the file name."""
    path = Path(text.strip()).expanduser()
    if fmt not in MULTI_FILE and (text.rstrip().endswith(("/", os.sep)) or path.is_dir()):
        path = path / file_names(session_id, fmt, public)[0]
    return path


def written(paths: list[Path]) -> str:
    """The written paths for a notification: one file's path, or the folder and the names in it."""
    folders = {p.parent for p in paths}
    if len(paths) > 1 and len(folders) == 1:
        return one_line(f"{paths[0].parent}{os.sep}") + "\n" + ", ".join(one_line(p.name) for p in paths)
    return "\n".join(one_line(str(p)) for p in paths)


def readable(service: SessionService) -> SessionService:
    """A service of its own over the file (see the module's note), or the shown one while the
    file can't be read (deleted, moved, broken, newer): what is shown is exported, not lost."""
    fresh = SessionService(service.path)
    try:
        _ = fresh.session
    except SessionFileError:
        if service.file.held() is None:
            raise
        return service
    return fresh


def export(service: SessionService, fmt: str, target: Path, *, public: bool, lang: str) -> list[Path]:
    """Write the export; the folder of a one-file export is made if missing. UserError on failure."""
    if fmt not in MULTI_FILE and not target.parent.is_dir():
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise UserError.worded(
                "file.cannot_make_folder", path=str(target.parent), reason=os_reason(error)
            ) from None
    return write_export(readable(service), fmt, target, public=public, lang=lang)


class ExportDialog(BaseModal[list[Path] | None]):
    """Format, public version, language and target; closes with the written paths or None."""

    TEXT_KINDS = {"export-target": None}  # a path, not stored text

    CSS_PATH = "export.tcss"

    BINDINGS = [Binding("escape", "cancel", "button.cancel")]

    def __init__(self, service: SessionService, folder: Path = DEFAULT_FOLDER) -> None:
        super().__init__(classes="dialog")
        self.service = service
        self.folder = folder
        self.session_id = service.session.id
        self.title_text = service.session.info.title
        self.fmt = "html"
        self.public = False
        self._auto_target = default_target(self.session_id, self.fmt, self.public, folder)
        self.running = False

    def _session(self) -> Session | None:
        """The session as it stands (for the handouts' names), or None if it can't be read now."""
        try:
            return self.service.session
        except UserError:
            return None

    def _session_language(self) -> str:
        """Exports are in the session's language unless the facilitator picks the other one."""
        try:
            language = self.service.session.info.language
        except UserError:
            language = self.fapp.t.language
        return language if language in LANGUAGES else self.fapp.t.language

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide", id="export-box"):
            yield Label("", id="export-title", classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                with Horizontal(classes="export-row"):
                    yield Label("", id="export-format-label", classes="export-label")
                    yield Select(
                        self._format_options(),
                        value=self.fmt,
                        allow_blank=False,
                        id="export-format",
                        compact=True,
                    )
                with Horizontal(classes="export-row"):
                    yield Label("", id="export-lang-label", classes="export-label")
                    yield Select(
                        [(Text(LANGUAGE_NAMES[code]), code) for code in LANGUAGES],
                        value=self._session_language(),
                        allow_blank=False,
                        id="export-lang",
                        compact=True,
                    )
                with Horizontal(classes="export-row"):
                    yield Label("", id="export-public-label", classes="export-label")
                    yield TickBox("", self.public, id="export-public", compact=True)
                yield Label("", id="export-target-label")
                yield MarkedInput(self._auto_target, id="export-target", compact=True)
                yield Label("", id="export-hint", classes="export-hint")
                yield Label("", id="export-problem", classes="dialog-problem")
            with Horizontal(classes="dialog-buttons"):
                yield Button("", id="export-go", variant="primary")
                yield Button("", id="export-cancel")

    def after_mount(self) -> None:
        self.query_one("#export-format", Select).focus()

    def _format_options(self) -> list[tuple[Text, str]]:
        return [(Text(self.t(f.label_key)), f.name) for f in REGISTRY.values()]

    def relabel(self) -> None:
        super().relabel()
        t = self.t
        self.query_one("#export-title", Label).update(
            Content(t("exchange.export.title", title=one_line(self.title_text, 60)))
        )
        self.query_one("#export-format-label", Label).update(Content(t("exchange.export.format")))
        self.query_one("#export-lang-label", Label).update(Content(t("exchange.export.language")))
        self.query_one("#export-public-label", Label).update(Content(t("exchange.export.public_label")))
        self.query_one("#export-public", Checkbox).label = Content(t("exchange.export.public"))
        self.query_one("#export-target-label", Label).update(Content(t("exchange.export.target")))
        self.query_one("#export-go", Button).label = Content(t("exchange.export.go"))
        self.query_one("#export-cancel", Button).label = Content(t("button.cancel"))
        select: Select[str] = self.query_one("#export-format", Select)
        with self.prevent(Select.Changed):
            select.set_options(self._format_options())
            select.value = self.fmt
        self._show_hint()

    # ---------------------------------------------------------------- choices
    @on(Select.Changed, "#export-format")
    def _format_chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value in FORMATS and event.value != self.fmt:
            old = self.fmt
            self.fmt = event.value
            self._retarget(old)

    @on(Checkbox.Changed, "#export-public")
    def _public_changed(self, event: Checkbox.Changed) -> None:
        if event.value != self.public:
            self.public = event.value
            self._retarget(self.fmt)

    def _retarget(self, old_fmt: str) -> None:
        """Follow the format in the target: the default stays the default, a typed file its name."""
        target = self.query_one("#export-target", Input)
        new_default = default_target(self.session_id, self.fmt, self.public, self.folder)
        value = target.value
        if value == self._auto_target:
            value = new_default
        elif old_fmt not in MULTI_FILE and self.fmt not in MULTI_FILE and value.endswith(f".{old_fmt}"):
            value = value[: -len(old_fmt)] + self.fmt
        self._auto_target = new_default
        if value != target.value:
            target.value = value
        self._show_hint()

    @on(Input.Changed, "#export-target")
    def _target_changed(self) -> None:
        self._show_problem("")

    def _show_hint(self) -> None:
        t = self.t
        names = file_names(self.session_id, self.fmt, self.public, self._session())
        if self.fmt in MULTI_FILE:
            hint = t("exchange.export.hint.folder", count=len(names), first=names[0], last=names[-1])
        else:
            hint = t("exchange.export.hint.file", name=names[0])
        if self.service.trouble is not None:  # the file went away or broke: say what is saved
            hint += "\n" + t("exchange.export.from_shown")
        self.query_one("#export-hint", Label).update(Content(hint))

    def _show_problem(self, text: str) -> None:
        self.query_one("#export-problem", Label).update(Content(one_line(text)))

    # ---------------------------------------------------------------- exporting
    def on_input_submitted(self) -> None:
        self.start_export()

    def has_unsaved_text(self) -> bool:
        """The target is a path the dialog refills with each format: closing never asks."""
        return False

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "export-go":
            self.start_export()
        else:
            self.dismiss(None)

    def start_export(self) -> None:
        if self.running:
            return
        text = self.query_one("#export-target", Input).value
        if not text.strip():
            self._show_problem(self.t("exchange.export.no_target"))
            self.query_one("#export-target", Input).focus()
            return
        lang = self.query_one("#export-lang", Select).value
        language = lang if isinstance(lang, str) and lang in LANGUAGES else self.t.language
        target = resolve_target(text, self.session_id, self.fmt, self.public)
        self.running = True
        self.query_one("#export-go", Button).disabled = True
        self._show_problem("")
        self.run_export(self.fmt, target, self.public, language)

    @work(thread=True, exclusive=True, group="export")
    def run_export(self, fmt: str, target: Path, public: bool, language: str) -> None:
        try:
            paths = export(self.service, fmt, target, public=public, lang=language)
        except (UserError, OSError) as error:
            self.app.call_from_thread(self._failed, explain(error, self.t))
            return
        self.app.call_from_thread(self._done, paths)

    def _failed(self, message: str) -> None:
        self.running = False
        self.query_one("#export-go", Button).disabled = False
        self._show_problem(message)
        self.notify(
            one_line(message),
            title=self.t("exchange.export.failed"),
            severity="error",
            markup=False,
            timeout=8,
        )

    def _done(self, paths: list[Path]) -> None:
        self.running = False
        self.notify(
            written(paths),
            title=self.t("exchange.export.done", count=len(paths)),
            markup=False,
            timeout=10,
        )
        self.dismiss(paths)

    def action_cancel(self) -> None:
        self.close_asking(None)


def export_session(app: App[Any], path: Path) -> None:
    """Open the export dialog for a saved session (the home screen's x)."""
    service = SessionService(path)
    if host_of(app).attempt(lambda: service.session) is not None:  # fail here, with the file's own error
        app.push_screen(ExportDialog(service))
