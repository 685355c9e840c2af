"""Reports: a session as Markdown, one self-contained HTML file, CSV tables, JSON or SVG drawings.

    export_files(service, fmt, public=..., lang=...)   file name → bytes, nothing written
    write_export(service, fmt, target, ...)            writes them; returns the paths
    render(session, fmt, ...)                          the same from a Session (all but json)

File names start with the session id (`-public` added for public exports):

    md    <id>.md                      html  <id>.html            json  <id>.json
    svg   <id>-ladder.svg, <id>-partnership.svg
    csv   <id>-activities.csv, -placements, -roles, -commitments, -expectations,
          -agreement-fields, -actions (see formats.CSV_PARTS)

md, html and json are one file: `target` is that file. svg and csv are several:
`target` is a folder (made if missing). The language is the session's unless `lang`
says otherwise. `public` leaves out participants' names, the facilitator's name and
notes marked private, keeping organisation-level results only (`public_session`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import stat
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from facilitator.core.counterpart import in_language
from facilitator.core.errors import UserError, os_reason
from facilitator.core.i18n import LANGUAGES, Translator
from facilitator.core.model import Session
from facilitator.core.party import party_view
from facilitator.core.reports.formats import REGISTRY, SVG_PARTS, ExportFormat
from facilitator.core.reports.public import public_data, public_session
from facilitator.core.service import SessionService
from facilitator.core.store import atomic_write_text, make_private_folder

if TYPE_CHECKING:  # the renderers' side (authors, the report document) when an export is made
    from facilitator.core.reports.source import Source

FORMATS = tuple(REGISTRY)
"""The formats' names, in the order the CLI and the export dialog offer them (see `formats`)."""
MULTI_FILE = frozenset(f.name for f in REGISTRY.values() if f.folder)


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
    return REGISTRY[fmt].render(_source(session, {}, public=public, lang=lang, generated=generated))


def _source(
    session: Session, data: Mapping[str, Any], *, public: bool, lang: str | None, generated: str | None
) -> Source:
    from facilitator.core.reports.authors import Authors
    from facilitator.core.reports.source import Source

    language = report_language(session, lang)
    # Rung, role, phase and field names in the report's language too (one language at a time).
    session = dataclasses.replace(session, scenario=in_language(session.scenario, language))
    # The room's view: a round not yet revealed says who has placed, never where (party_view).
    room = party_view(session, None)
    # Public by construction: every format is written from these two cuts (`reports.public`).
    view = public_session(room) if public else room
    data = public_data(data) if public and data else data
    authors = Authors(room, public=public)  # from the room's log: a public view has none
    return Source(
        view, data, Translator(language), public, base_name(session.id, public), generated or _now(), authors
    )


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
    session, data = service.state_and_data()  # what is shown, if the file went away meanwhile
    source = _source(session, data, public=public, lang=lang, generated=generated)
    return REGISTRY[fmt].render(source)


def party_handout(session: Session, party_id: str, *, lang: str | None = None) -> bytes:
    """Only `party_id`'s own handout page, as `export --format handouts` (without --public) writes it."""
    from facilitator.core.reports.handouts import page_html

    return page_html(_source(session, {}, public=False, lang=lang, generated=None), party_id)


class ExportTargetRefused(UserError):
    """A place an export must not be written to: it would destroy something that is not an export."""


def data_folder_of(service: SessionService) -> Path:
    """The folder to keep exports out of: the data folder when the session is in `<data>/sessions/`,
    else the session file's own folder."""
    folder = service.path.parent
    return folder.parent if folder.name == "sessions" else folder


def _inside(path: Path, folder: Path) -> bool:
    """Whether `path` (resolved) is `folder` or in it: by name once links and `..` are resolved,
    and by the folders' identity on disk, which also sees a case-insensitive file system's
    other spelling of a name and a second name of the same folder (a bind mount)."""
    resolved = folder.resolve(strict=False)
    if path == resolved or resolved in path.parents:
        return True
    try:
        wanted = os.stat(resolved)
    except OSError:  # not made yet: nothing in it to destroy, and no other name of it
        return False
    for candidate in (path, *path.parents):
        with contextlib.suppress(OSError):
            found = os.stat(candidate)
            if (found.st_dev, found.st_ino) == (wanted.st_dev, wanted.st_ino):
                return True
    return False


def _kept_folders(protected: Sequence[Path]) -> list[tuple[Path, str]]:
    """The folders no export goes into: the data folder (`protected`) and this device's state
    folder (the phone rooms' codes and tokens, the screens' positions)."""
    from facilitator.core.device import state_folder

    return [*((f, "file.in_data_folder") for f in protected), (state_folder(), "file.in_state_folder")]


def check_target(path: Path, protected: Sequence[Path], *, follow_symlinks: bool = False) -> Path:
    """Where an export file may go, or `ExportTargetRefused`; returns the path to write to.

    An export replaces an existing regular file (atomically). It never writes onto a session
    file or anything else in the data folder (`protected`) or this device's state folder
    (the phones' room files: a code and tokens lost log every phone out), onto a device, FIFO, socket or
    other non-regular file (replacing /dev/null would break the system), or through a
    symbolic link unless `follow_symlinks` is given (then the file the link points to is
    replaced, and the link stays).
    """
    try:
        if path.is_symlink():
            if not follow_symlinks:
                raise ExportTargetRefused.worded("file.symlink", path=str(path))
            path = path.resolve(strict=False)
        real = path.parent.resolve(strict=False) / path.name
        info = real.stat() if real.exists() else None
    except OSError as error:
        raise UserError.worded("file.cannot_write", path=str(path), reason=os_reason(error)) from None
    except RuntimeError:  # a loop of symbolic links
        raise ExportTargetRefused.worded("file.symlink_loop", path=str(path)) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise UserError.worded("file.is_folder", path=str(path))
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise ExportTargetRefused.worded("file.not_regular", path=str(path))
    for folder, key in _kept_folders(protected):
        if _inside(real, folder):
            raise ExportTargetRefused.worded(key, path=str(path), folder=str(folder.resolve(strict=False)))
    return real


def write_file(
    path: Path, content: bytes, protected: Sequence[Path] = (), *, follow_symlinks: bool = False
) -> Path:
    """Write one file atomically (temp file, fsync, rename) where `check_target` allows it.

    A new file is private (0600); a file replaced keeps the permissions it had.
    """
    real = check_target(path, protected, follow_symlinks=follow_symlinks)
    try:
        atomic_write_text(real, content.decode("utf-8"))
    except OSError as error:
        raise UserError.worded("file.cannot_write", path=str(path), reason=os_reason(error)) from None
    return path


def write_files(
    files: dict[str, bytes], folder: Path, protected: Sequence[Path] = (), *, follow_symlinks: bool = False
) -> list[Path]:
    """Write every file into `folder` (made if missing); returns the paths, in order."""
    if folder.exists() and not folder.is_dir():
        raise UserError.worded("file.not_a_folder", path=str(folder), count=len(files))
    for name in files:  # every file checked before the first is written
        check_target(folder / name, protected, follow_symlinks=follow_symlinks)
    try:
        make_private_folder(folder)  # 0700 when made here: exports hold people's names
    except OSError as error:
        raise UserError.worded("file.cannot_make_folder", path=str(folder), reason=os_reason(error)) from None
    return [
        write_file(folder / name, content, protected, follow_symlinks=follow_symlinks)
        for name, content in files.items()
    ]


def write_export(
    service: SessionService,
    fmt: str,
    target: Path,
    *,
    public: bool = False,
    lang: str | None = None,
    data_dir: Path | None = None,
    follow_symlinks: bool = False,
) -> list[Path]:
    """Export and write: `target` is the file (md, html, json) or the folder (csv, svg).

    Nothing is written inside `data_dir` (default: `data_folder_of(service)`) or onto
    anything `check_target` refuses.
    """
    protected = [data_dir if data_dir is not None else data_folder_of(service), service.path.parent]
    files = export_files(service, fmt, public=public, lang=lang)
    if fmt in MULTI_FILE:
        return write_files(files, target, protected, follow_symlinks=follow_symlinks)
    (content,) = files.values()
    return [write_file(target, content, protected, follow_symlinks=follow_symlinks)]


__all__ = [
    "FORMATS",
    "MULTI_FILE",
    "REGISTRY",
    "SVG_PARTS",
    "ExportFormat",
    "ExportTargetRefused",
    "UnknownFormat",
    "check_target",
    "data_folder_of",
    "export_files",
    "public_session",
    "render",
    "report_language",
    "write_export",
    "write_file",
    "write_files",
]
