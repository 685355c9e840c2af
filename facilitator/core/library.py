"""The folder of saved sessions: create, list, open, delete, import and export.

Each session is `<data dir>/sessions/<id>.json`. The data dir is platformdirs' user
data dir unless `--data-dir` or `FACILITATOR_DATA_DIR` says otherwise. Nothing is
created on import of this module; folders appear on the first write.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import platformdirs

from facilitator.core import list_cache
from facilitator.core.errors import (
    SessionFileError,
    SessionNotFound,
    SessionWriteError,
    UserError,
    os_reason,
)
from facilitator.core.i18n import reason
from facilitator.core.model import Session
from facilitator.core.plain import PlainDataError, read_limited, unreadable
from facilitator.core.record import record
from facilitator.core.scenario import Scenario
from facilitator.core.service import Clock, IdSource, SessionService, build_session, new_session_data, now
from facilitator.core.store import (
    SessionFile,
    make_private_folder,
    new_id,
    put_in_place,
    remove_session_file,
)
from facilitator.core.validate import SESSION_ID_RE, parse_session

if TYPE_CHECKING:
    from facilitator.core.history import Series

APP_NAME = "facilitator"
ENV_DATA_DIR = "FACILITATOR_DATA_DIR"
STALE_TEMP_SECONDS = 3600.0
DRAFTS = ".drafts"
"""Under the sessions folder: sessions being made in several writes (a demo, `new --from`),
moved into the folder only when whole (`SessionLibrary.create`'s `fill`)."""

Fill = Callable[[SessionService], None]


def default_data_dir() -> Path:
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@record
class SessionSummary:
    """One line of the session list; `error` is set for files that can't be read."""

    id: str
    """The file's name: unique in the folder and what every command takes (`resolve`)."""
    path: Path
    title: str = ""
    scenario_id: str = ""
    language: str = ""
    created_at: str = ""
    date: str = ""
    phase: str = ""
    phase_name: str = ""  # the phase as the scenario names it; "" before the workshop starts
    activities: int = 0
    previous_id: str = ""  # the session this one continues (made with `new --from`), if any
    closed_at: str = ""  # when the workshop was closed; "" while it runs
    agenda: tuple[str, ...] = ()  # the phase ids, to name the phase in another language
    modified: float = 0.0
    error: str | None = None


_TEXT_FIELDS = ("title", "scenario_id", "language", "created_at", "date", "phase", "phase_name")
_MORE_TEXT = ("previous_id", "closed_at")


def _summary_of(path: Path, fields: dict[str, Any], modified: float) -> SessionSummary | None:
    """A list line from its fields (as noted by `list_cache`); None if any is not what it should be."""
    texts = {name: fields.get(name) for name in (*_TEXT_FIELDS, *_MORE_TEXT)}
    activities, agenda = fields.get("activities"), fields.get("agenda")
    if not all(isinstance(v, str) for v in texts.values()) or type(activities) is not int:
        return None
    if not isinstance(agenda, list) or not all(isinstance(a, str) for a in agenda):
        return None
    return SessionSummary(
        id=path.stem,  # what commands accept; a copy (`cp A.json A-backup.json`) keeps A's id inside
        path=path,
        activities=activities,
        agenda=tuple(agenda),
        modified=modified,
        **cast("dict[str, str]", texts),
    )


def link_state(previous_id: str, listed: list[SessionSummary]) -> str:
    """How the session a listed one continues stands: "" listed and readable, "unreadable", or
    "gone" (deleted or moved), so the list never points at a workshop that isn't there."""
    found = next((s for s in listed if s.id == previous_id), None)
    if found is None:
        return "gone"
    return "unreadable" if found.error else ""


def _file_above(path: Path) -> Path | None:
    """The nearest existing folder above `path` if it is in fact a file (or another non-folder)."""
    for above in path.parents:
        try:
            info = above.stat()
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError:
            return None
        return None if stat.S_ISDIR(info.st_mode) else above
    return None


class SessionLibrary:
    """All sessions under one data folder."""

    def __init__(
        self, data_dir: Path | None = None, *, clock: Clock | None = None, ids: IdSource | None = None
    ) -> None:
        self.data_dir = data_dir if data_dir is not None else default_data_dir()
        self.clock: Clock = clock or now
        self.ids: IdSource = ids or new_id
        """Where time stamps and new ids come from, for every service this library makes."""

    def service(self, path: Path, actor: str = "facilitator") -> SessionService:
        """A service on one session file, with this library's clock and id source."""
        return SessionService(path, actor=actor, clock=self.clock, ids=self.ids)

    @property
    def sessions_dir(self) -> Path:
        return self.data_dir / "sessions"

    @property
    def scenarios_dir(self) -> Path:
        """The user's own scenarios, listed beside the shipped ones."""
        return self.data_dir / "scenarios"

    def check_folders(self) -> None:
        """The data folder and its sessions folder are folders, or missing (made on the first
        write); else a `UserError` with the real cause, the same for every command: a file given
        as the data folder, a file where the sessions folder should be, a file on the way
        (`--data-dir FILE/sub`: "Not a directory", not "File exists")."""
        for folder in (self.data_dir, self.sessions_dir):
            try:
                info = folder.stat()
            except (FileNotFoundError, NotADirectoryError):
                above = _file_above(folder)
                if above is not None:
                    raise UserError.worded(
                        "file.data_under_a_file", path=str(folder), file=str(above)
                    ) from None
                return  # missing: made on the first write
            except OSError as error:
                raise UserError.worded(
                    "file.data_unusable", path=str(folder), reason=os_reason(error)
                ) from None
            if stat.S_ISDIR(info.st_mode):
                continue
            if folder == self.data_dir:
                raise UserError.worded("file.data_not_a_folder", path=str(folder))
            raise UserError.worded("file.sessions_not_a_folder", path=str(folder))

    def make_folders(self) -> None:
        """The data folder and its sessions folder, private (0700) when made here."""
        self.check_folders()
        for folder in (self.data_dir, self.sessions_dir):
            try:
                make_private_folder(folder)
            except OSError as error:  # a file where the folder should be, a read-only place
                raise SessionWriteError(folder, os_reason(error), creating=True) from None

    def listing_signature(self) -> tuple[int, int] | None:
        """Changes whenever a session file is added, removed or rewritten in the sessions folder
        (each write renames a file into it): a `stat`, for a list that follows the folder."""
        try:
            info = self.sessions_dir.stat()
        except OSError:
            return None
        return (info.st_ino, info.st_mtime_ns)

    def path_for(self, session_id: str) -> Path:
        return self.sessions_dir / f"{session_id}.json"

    # ---------------------------------------------------------------- listing
    def list(self) -> list[SessionSummary]:
        """Newest first; unreadable files are listed with their error, not hidden."""
        if not self.sessions_dir.is_dir():
            return []
        self._sweep_temp_files()
        out: list[SessionSummary] = []
        for path in self.sessions_dir.glob("*.json"):
            out.append(self._summary(path))
        out.sort(key=lambda s: s.modified, reverse=True)
        return out

    def _sweep_temp_files(self, older_than: float = STALE_TEMP_SECONDS) -> None:
        """Remove temp files left by writers that were killed mid-write (never a live one)."""
        cutoff = time.time() - older_than
        drafts = self.sessions_dir / DRAFTS
        for tmp in (*self.sessions_dir.glob(".*.tmp"), *drafts.glob("*")):  # and a killed maker's draft
            with contextlib.suppress(OSError):
                if tmp.stat().st_mtime < cutoff:
                    tmp.unlink()

    def _summary(self, path: Path) -> SessionSummary:
        sig = list_cache.current_signature(path)
        if sig is not None:
            fields = list_cache.cached(path, sig)
            if fields is not None and (summary := _summary_of(path, fields, sig[1] / 1e9)) is not None:
                return summary
        try:
            # As the noted line has it (nanoseconds / 1e9): st_mtime may round otherwise.
            modified = path.stat().st_mtime_ns / 1e9
            data = SessionFile(path).read()
        except UserError as error:  # one bad file never hides the others
            return SessionSummary(path.stem, path, error=reason(error))
        except OSError as error:
            return SessionSummary(path.stem, path, error=reason(unreadable(UserError, path, error)))
        meta = data["meta"]["session"]
        phase = str(meta.get("phase", ""))
        agenda = meta.get("scenario", {}).get("agenda", []) if isinstance(meta.get("scenario"), dict) else []
        phase_name = next(
            (str(p.get("name", "")) for p in agenda if isinstance(p, dict) and p.get("id") == phase), phase
        )
        fields = {
            "title": str(meta.get("title", "")),
            "scenario_id": str(meta.get("scenario_id", "")),
            "language": str(meta.get("language", "")),
            "created_at": str(meta.get("created_at", "")),
            "date": str(meta.get("date", "")),
            "phase": phase,
            "phase_name": phase_name,
            "activities": len(data.get("activities", {})),
            "previous_id": str(meta.get("previous_id") or ""),
            "closed_at": str(meta.get("closed_at") or ""),
            "agenda": [str(p.get("id", "")) for p in agenda if isinstance(p, dict)],
        }
        if sig is not None:
            list_cache.note(path, sig, fields)
        summary = _summary_of(path, fields, modified)
        assert summary is not None  # made just above
        return summary

    # ---------------------------------------------------------------- lifecycle
    def create(
        self,
        scenario: Scenario,
        title: str,
        *,
        date: str = "",
        place: str = "",
        facilitator: str = "",
        previous_id: str | None = None,
        previous_name: tuple[str, str] = ("", ""),
        fill: Fill | None = None,
    ) -> SessionService:
        """A new session; `fill` makes its first changes (a demo's activities, what `--from`
        carries over) on a draft, and the session appears only once they all succeeded: a
        failure (a full disk, a size limit) leaves no half-made session behind."""
        session_id = self._free_id()
        data = new_session_data(
            scenario,
            title,
            session_id,
            date=date,
            place=place,
            facilitator=facilitator,
            clock=self.clock,
            previous_id=previous_id,
        )
        if previous_id:  # the workshop before by title and day, for a handout (an id means nothing on paper)
            data["meta"]["session"] |= {"previous_title": previous_name[0], "previous_date": previous_name[1]}
        self.make_folders()
        path = self.path_for(session_id)
        if fill is None:  # one write: atomic already
            SessionFile.create(path, data)
            return self.service(path)
        self._make_whole(path, data, fill)
        service = self.service(path)
        service.session  # noqa: B018 - read (and checked) here, so `remember_trust` can note it
        return service

    def _make_whole(self, path: Path, data: dict[str, Any], fill: Fill) -> None:
        """Write and fill the session as a draft beside the folder's sessions, then move it in."""
        drafts = self.sessions_dir / DRAFTS
        draft = drafts / path.name
        try:
            try:
                make_private_folder(drafts)
            except OSError as error:
                raise SessionWriteError(path, os_reason(error), creating=True) from None
            SessionFile.create(draft, data)
            fill(self.service(draft))
            put_in_place(draft, path)
        except SessionWriteError as error:  # said of the session asked for, not of its draft
            raise SessionWriteError(path, error.reason, creating=True) from None
        finally:
            remove_session_file(draft)
            with contextlib.suppress(OSError):  # another maker's draft in it: left for that one
                drafts.rmdir()

    def create_from(
        self, ref: str, *, title: str = "", date: str = "", place: str = "", facilitator: str = ""
    ) -> SessionService:
        """Next year's workshop from this one: a new session that continues `ref`'s series.

        It runs the earlier session's scenario (the copy it embeds, so the ladders match) and
        gets its parties and its activities (with their approaches and information flows),
        ids kept, so `compare` and `history` pair them exactly; the new session names the
        earlier one (`previous_id`). The activities start unplaced and not agreed, for a fresh
        blind placement: last time's agreed rungs come along as follow-up items of kind
        "activity", shown beside this year's placements once revealed. The commitments, the
        accepted and amended expectations and the open next steps come along as items to follow
        up (`followup.carried_items`). People, placements, roles and sign-offs are for the new
        workshop to make.
        """
        from facilitator.core.followup import carried_items, with_followup_phase
        from facilitator.core.scenario import discover

        earlier = self.open(ref).session
        known = [e.scenario for e in discover((self.scenarios_dir,)) if e.scenario is not None]

        def carry_over(service: SessionService) -> None:
            for p in earlier.parties:
                party = {"id": p.id, "name": p.name, "suggested_id": p.suggested_id, "affected": p.affected}
                service.change("party.added", party)
            for a in earlier.activities:
                activity = {
                    "id": a.id,
                    "title": a.title,
                    "description": a.description,
                    "party_ids": list(a.party_ids),
                    "concerns": list(a.concerns),
                    "approaches": list(a.approaches),
                    "flows": list(a.flows),
                }
                service.change("activity.added", activity)
            for item in carried_items(earlier):
                service.change("followup.added", {"id": service.ids(), **item})

        return self.create(
            with_followup_phase(earlier.scenario, known),
            title or earlier.info.title,
            date=date,
            place=place,
            facilitator=facilitator,
            previous_id=earlier.info.id,
            previous_name=(earlier.info.title, earlier.info.date or earlier.info.created_at[:10]),
            fill=carry_over,
        )

    def _free_id(self) -> str:
        for _ in range(100):
            candidate = self.ids()
            if not self.path_for(candidate).exists():
                return candidate
        raise UserError.worded("file.no_free_id")  # pragma: no cover

    def resolve(self, ref: str) -> Path:
        """A session by id, or by a unique prefix of one, as people type on the CLI."""
        if not ref or not SESSION_ID_RE.match(ref):
            raise SessionNotFound(f"{ref!r} is not a session id", "cli.error.not_an_id", ref=repr(ref))
        exact = self.path_for(ref)
        if exact.exists():
            return exact
        matches = sorted(self.sessions_dir.glob(f"{ref}*.json")) if self.sessions_dir.is_dir() else []
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            names = ", ".join(m.stem for m in matches[:5])
            raise SessionNotFound(
                f"{ref!r} matches several sessions ({names}); type more of the id",
                "cli.error.several",
                ref=repr(ref),
                names=names,
            )
        raise SessionNotFound(
            f"no session {ref!r} (see 'facilitator list')", "cli.error.no_session", ref=repr(ref)
        )

    def open(self, ref: str, actor: str = "facilitator") -> SessionService:
        service = self.service(self.resolve(ref), actor=actor)
        service.session  # noqa: B018 - fail now, with a clear error, if the file is bad
        return service

    def series(self, ref: str, language: str | None = None, folders: tuple[Path, ...] = ()) -> Series:
        """The sessions of `ref`'s partnership, oldest first: `ref`, the one it was made from, and
        so on back (see `history.load_series`); names in `language` where a counterpart exists."""
        from facilitator.core.history import load_series

        def open_session(session_ref: str) -> Session:
            if session_ref != ref and not self.path_for(session_ref).exists():
                # A link names one session exactly: never another that merely starts the same
                # (B deleted, B-backup kept), which a prefix typed on the CLI would find.
                raise SessionNotFound(
                    f"no session {session_ref!r}", "cli.error.no_session", ref=repr(session_ref)
                )
            service = self.open(session_ref)
            if language is not None:
                service.show_names_in(language, folders)
            return service.session

        return load_series(open_session, ref)

    def delete(self, ref: str) -> Path:
        path = self.resolve(ref)
        try:
            path.unlink()
        except OSError as error:  # a folder where the file should be, a read-only folder, ...
            raise UserError.worded("file.cannot_delete", path=str(path), reason=os_reason(error)) from None
        lock = Path(str(path) + ".lock")
        if lock.exists():
            with contextlib.suppress(OSError):  # held by another process: harmless left behind
                lock.unlink()
        return path

    # ---------------------------------------------------------------- exchange
    def export_json(self, ref: str) -> str:
        """The whole session (tables and embedded scenario) as re-importable JSON."""
        data = SessionFile(self.resolve(ref)).read()
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

    def import_file(self, source: Path, *, new_id_on_clash: bool = False) -> SessionService:
        """Import an exported session; refuses files that aren't sessions, keeps ids."""
        try:
            raw = read_limited(source)
        except FileNotFoundError:
            raise UserError.worded("file.missing", path=str(source)) from None
        except (OSError, PlainDataError) as error:
            raise unreadable(UserError, source, error) from None
        data = parse_session(raw, str(source))  # checked deeply: nothing later trips on it
        meta = data["meta"]["session"]
        session_id = str(meta.get("id", ""))
        if not SESSION_ID_RE.match(session_id):
            raise SessionFileError.worded("file.bad_id", path=str(source), id=repr(session_id))
        if self.path_for(session_id).exists():
            if not new_id_on_clash:
                raise UserError.worded("file.id_taken", id=repr(session_id))
            session_id = self._free_id()
            meta["id"] = session_id
        from facilitator.core.kinds.session import stop_running_timers

        data = stop_running_timers(data, time.time())  # a copy starts with its timers stopped
        build_session(data, str(source))  # everything must build before anything is written
        self.make_folders()
        SessionFile.create(self.path_for(session_id), data)
        return self.service(self.path_for(session_id))
