"""Reports: a session as Markdown, one self-contained HTML file, CSV tables, JSON or SVG drawings.

    export_files(service, fmt, public=..., lang=...)   file name → bytes, nothing written
    write_export(service, fmt, target, ...)            writes them; returns the paths
    render(session, fmt, ...)                          the same from a Session (all but json)

File names start with the session id (`-public` added for public exports):

    md    <id>.md                      html  <id>.html            json  <id>.json
    svg   <id>-ladder.svg, <id>-partnership.svg
    csv   <id>-activities.csv, -placements, -roles, -commitments, -expectations,
          -agreement-fields, -actions (see csv_export.PARTS)

md, html and json are one file: `target` is that file. svg and csv are several:
`target` is a folder (made if missing). The language is the session's unless `lang`
says otherwise. `public` leaves out participants' names, the facilitator's name and
notes marked private, keeping organisation-level results only (`public_session`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from facilitator.core.errors import UserError
from facilitator.core.i18n import LANGUAGES, Translator
from facilitator.core.model import Session
from facilitator.core.party import party_view
from facilitator.core.reports import csv_export, html, json_export, markdown, svg
from facilitator.core.reports.content import build_report
from facilitator.core.service import SessionService
from facilitator.core.store import atomic_write_text

FORMATS = ("md", "html", "csv", "json", "svg")
MULTI_FILE = frozenset({"csv", "svg"})
SVG_PARTS = ("ladder", "partnership")


class UnknownFormat(UserError):
    """A format name that is not one of FORMATS."""


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise UnknownFormat(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


def report_language(session: Session, lang: str | None = None) -> str:
    """`lang` if given and known, else the session's language (English as the last resort)."""
    if lang in LANGUAGES:
        assert lang is not None
        return lang
    return session.info.language if session.info.language in LANGUAGES else "en"


def public_session(session: Session) -> Session:
    """The session without people's names, private notes or the event log.

    Parties (organisations and groups), activities and everything they agreed stay.
    The same cut as `json_export.public_data`, so a public report and an imported
    public JSON file show the same session.
    """
    return dataclasses.replace(
        session,
        info=dataclasses.replace(session.info, facilitator=""),
        participants=(),
        activities=tuple(
            dataclasses.replace(a, agreed_note="") if a.note_private else a for a in session.activities
        ),
        events=(),
    )


def base_name(session_id: str, public: bool) -> str:
    return f"{session_id}-public" if public else session_id


def _now() -> str:
    return dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")


def render(
    session: Session,
    fmt: str,
    *,
    public: bool = False,
    lang: str | None = None,
    generated: str | None = None,
) -> dict[str, bytes]:
    """Every file of the export, by file name. JSON needs the file's data: use `export_files`."""
    check_format(fmt)
    if fmt == "json":
        raise ValueError("the JSON export is made from the session file's data: use export_files")
    t = Translator(report_language(session, lang))
    # The room's view: a round not yet revealed says who has placed, never where (party_view).
    room = party_view(session, None)
    view = public_session(room) if public else room
    base = base_name(session.id, public)
    if fmt == "svg":
        return {
            f"{base}-ladder.svg": svg.ladder_svg(view, t).encode("utf-8"),
            f"{base}-partnership.svg": svg.partnership_svg(view, t).encode("utf-8"),
        }
    if fmt == "csv":
        return {f"{base}-{part}.csv": data for part, data in csv_export.render(view, t).items()}
    document = build_report(view, t, public=public, generated=generated or _now())
    if fmt == "md":
        return {f"{base}.md": markdown.render(document).encode("utf-8")}
    return {f"{base}.html": html.render(document, t("report.contents")).encode("utf-8")}


def export_files(
    service: SessionService,
    fmt: str,
    *,
    public: bool = False,
    lang: str | None = None,
    generated: str | None = None,
) -> dict[str, bytes]:
    """The export of the session behind `service`, by file name (nothing is written)."""
    check_format(fmt)
    if fmt == "json":
        session_id = service.session.id
        text = json_export.render(service.file.read(), public=public)
        return {f"{base_name(session_id, public)}.json": text.encode("utf-8")}
    return render(service.session, fmt, public=public, lang=lang, generated=generated)


def write_file(path: Path, content: bytes) -> Path:
    """Write one file atomically (temp file, fsync, rename); a user error if that fails."""
    if path.is_dir():
        raise UserError(f"{path} is a folder; give a file name")
    try:
        atomic_write_text(path, content.decode("utf-8"))
    except OSError as error:
        raise UserError(f"{path}: cannot write: {error.strerror or error}") from None
    return path


def write_files(files: dict[str, bytes], folder: Path) -> list[Path]:
    """Write every file into `folder` (made if missing); returns the paths, in order."""
    if folder.exists() and not folder.is_dir():
        raise UserError(
            f"{folder} is a file, not a folder: the {len(files)} files of this export need a folder"
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(f"{folder}: cannot make the folder: {error.strerror or error}") from None
    return [write_file(folder / name, content) for name, content in files.items()]


def write_export(
    service: SessionService,
    fmt: str,
    target: Path,
    *,
    public: bool = False,
    lang: str | None = None,
) -> list[Path]:
    """Export and write: `target` is the file (md, html, json) or the folder (csv, svg)."""
    files = export_files(service, fmt, public=public, lang=lang)
    if fmt in MULTI_FILE:
        return write_files(files, target)
    (content,) = files.values()
    return [write_file(target, content)]


__all__ = [
    "FORMATS",
    "MULTI_FILE",
    "UnknownFormat",
    "export_files",
    "public_session",
    "render",
    "report_language",
    "write_export",
    "write_file",
    "write_files",
]
