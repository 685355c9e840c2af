"""Crash-safe, multi-process session files on TinyDB.

One JSON file per session. A change runs as a transaction: take the cross-process
lock, load the newest file (or reuse our copy when its signature shows nobody else
wrote it), apply the change through TinyDB tables held in memory, then write the whole
file once: temp file, fsync, `os.replace`, fsync of the folder. A crash at any instant
leaves the old or the new file. Readers need no lock: they see one whole file or the other.
"""

from __future__ import annotations

import contextlib
import json
import operator
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from facilitator.core.errors import LockTimeout, SessionFileError, SessionWriteError, os_reason
from facilitator.core.groupcommit import Batch, GroupCommit
from facilitator.core.i18n import Worded
from facilitator.core.later_table import EventsSpan, LaterTable, Signature, events_apart
from facilitator.core.model import last_seq_of
from facilitator.core.plain import PlainDataError, read_limited, unreadable
from facilitator.core.validate import Data, check_session_data, parse_session

__all__ = ["Data", "Signature", "check_session_data"]  # (a session file's data: see `validate`)

T = TypeVar("T")

if TYPE_CHECKING:
    from filelock import FileLock
    from tinydb import TinyDB

JSON_OPTIONS: dict[str, Any] = {"ensure_ascii": False, "separators": (",", ":")}

# Sessions and exports hold people's names: readable by their owner only.
PRIVATE_FILE_MODE = 0o600
PRIVATE_FOLDER_MODE = 0o700


def _fsync_dir(folder: Path) -> None:
    if sys.platform == "win32":  # folders can't be opened for fsync on Windows
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_text(
    path: Path,
    text: str | bytes,
    *,
    mode: int | None = None,
    ready: Callable[[Signature], None] | None = None,
    durable: bool = True,
) -> Signature:
    """Write a file so that a crash leaves the old or the new one; returns its signature.

    `text` is written as UTF-8; bytes are written as they are (already UTF-8). Without
    `durable` nothing is fsynced: running readers still see one whole file or the other, but
    after a power cut the file may be old, empty or torn (for caches, whose reader checks what
    it reads, and which are only worth it if they cost next to nothing).

    `mode` is the new file's permissions; by default an existing file keeps its own and a
    new one is private (0600). `ready` is told the new file's signature just before it
    takes the old one's place (a rename keeps it), so a cache can hold it by then.
    """
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        blob = text if isinstance(text, bytes) else text.encode("utf-8")  # "\n" stays "\n" everywhere
        with os.fdopen(fd, "wb") as handle:
            handle.write(blob)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        # A nanosecond stamp of our own makes the signature unique even where the
        # clock is coarse and the file system reuses inode numbers.
        stamp = time.time_ns()
        os.utime(tmp, ns=(stamp, stamp))
        os.chmod(tmp, mode if mode is not None else _mode_for(path))
        sig = signature(tmp)
        if ready is not None:
            ready(sig)
        _replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if durable:
        _fsync_dir(path.parent)
    return sig


def _mode_for(path: Path) -> int:
    """The existing file's permissions (someone chose them), else private: 0600."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        return PRIVATE_FILE_MODE


def make_private_folder(folder: Path) -> None:
    """Make `folder` (and missing parents) if missing; a folder made here is 0700.

    An existing folder keeps its permissions: `--data-dir` may point at one the user
    shares on purpose.
    """
    if folder.is_dir():
        return
    folder.parent.mkdir(parents=True, exist_ok=True)
    try:
        folder.mkdir(mode=PRIVATE_FOLDER_MODE)
    except FileExistsError:
        if not folder.is_dir():
            raise
        return  # another process made it a moment ago
    os.chmod(folder, PRIVATE_FOLDER_MODE)  # mkdir's mode is masked by the umask


def remove_temp_files(path: Path) -> None:
    """Remove temp files of `path` left by writers that were killed mid-write.

    Only for the holder of the file's lock: every writer of `path` holds it, so none of
    these files belongs to a live writer.
    """
    prefix = f".{path.name}."
    with contextlib.suppress(OSError), os.scandir(path.parent) as entries:
        for entry in entries:
            if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _replace(source: Path, target: Path) -> None:
    # Windows refuses to replace a file another process has open for a moment.
    for attempt in range(50):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if sys.platform != "win32" or attempt == 49:
                raise
            time.sleep(0.02)


def signature(path: Path) -> Signature:
    st = path.stat()
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def dumps(data: Data) -> str:
    return json.dumps(data, **JSON_OPTIONS)


_encode = json.JSONEncoder(**JSON_OPTIONS).encode


class SessionEncoder:
    """Session data to the same text as `dumps`, re-encoding only what changed since last time.

    Documents and tables are never edited in place (`tables_db.IdTable` replaces them), so an object
    that was encoded before encodes the same again: its text is kept, checked by identity
    (the cache holds the object, so its id cannot be reused). A change at 500 activities
    re-encodes a document or two and re-joins two tables instead of encoding ~5,000
    documents: the whole-file write stops growing with the session.
    """

    def __init__(self) -> None:
        self.spans: dict[str, tuple[int, int]] = {}
        """Where each table's value lies in the bytes last encoded: [start, end)."""
        self._tables: dict[str, tuple[object, bytes]] = {}
        self._docs: dict[str, dict[str, tuple[object, str]]] = {}
        self._order: dict[str, tuple[list[str], list[object]]] = {}  # each table's keys and documents

    def encode(self, data: Data) -> bytes:
        """The file's bytes (UTF-8). Each table is kept encoded: joining str would widen every
        ASCII table to the width of the one with other letters (the embedded scenario's),
        copy by copy: some 7 ms a write at 500 activities, against 1 ms for bytes."""
        parts = []
        spans = {}
        at = 1  # after "{"
        for name, table in data.items():
            key = _encode(name).encode() + b":"
            value = self._table_bytes(name, table)
            start = at + len(key)
            spans[name] = (start, start + len(value))
            at = start + len(value) + 1  # and the "," after it
            parts.append(key + value)
        for gone in self._tables.keys() - data.keys():
            del self._tables[gone]
            self._docs.pop(gone, None)
        self.spans = spans
        return b"{" + b",".join(parts) + b"}"

    def dumps(self, data: Data) -> str:
        """The same as text: what `dumps` (json.dumps) gives."""
        return self.encode(data).decode("utf-8")

    def _table_bytes(self, name: str, table: dict[str, Any]) -> bytes:
        cached = self._tables.get(name)
        if cached is not None and cached[0] is table:
            return cached[1]
        # Each branch encodes before it updates what it keeps: text that cannot be encoded
        # (a lone surrogate) fails the write and leaves the kept state as it was.
        if not all(isinstance(key, str) for key in table):
            blob = _encode(table).encode("utf-8")  # json.dumps turns other keys into strings its own way
            self._docs.pop(name, None)
            self._order.pop(name, None)
        elif (appended := self._appended(name, table)) is not None:
            blob = appended
        else:
            old = self._docs.get(name, {})
            new: dict[str, tuple[object, str]] = {}
            for doc_id, doc in table.items():
                hit = old.get(doc_id)
                new[doc_id] = (
                    hit if hit is not None and hit[0] is doc else (doc, f"{_encode(doc_id)}:{_encode(doc)}")
                )
            blob = ("{" + ",".join(piece for _doc, piece in new.values()) + "}").encode("utf-8")
            self._docs[name] = new
            self._order[name] = (list(table), list(table.values()))
        self._tables[name] = (table, blob)
        return blob

    def _appended(self, name: str, table: dict[str, Any]) -> bytes | None:
        """The bytes of a table that only grew at its end (the event log, a new party, ...).

        Its old documents are the very same objects in the same order: the old text is kept
        and only the new documents are encoded, without walking the rest in Python.
        """
        cached, order = self._tables.get(name), self._order.get(name)
        if cached is None or order is None or not order[0] or len(table) <= len(order[0]):
            return None
        keys, docs = order
        count = len(keys)
        new_keys = list(table)
        new_docs = list(table.values())
        if new_keys[:count] != keys or not all(map(operator.is_, new_docs[:count], docs)):
            return None
        added = [
            (doc_id, doc, f"{_encode(doc_id)}:{_encode(doc)}")
            for doc_id, doc in zip(new_keys[count:], new_docs[count:], strict=True)
        ]
        blob = cached[1][:-1] + b"," + ",".join(piece for _, _, piece in added).encode("utf-8") + b"}"
        known = self._docs[name]
        for doc_id, doc, piece in added:
            known[doc_id] = (doc, piece)
        self._order[name] = (new_keys, new_docs)
        return blob


class SessionFile:
    """One session's file: lock-free reads, locked read-modify-write transactions."""

    def __init__(
        self,
        path: Path,
        lock_timeout: float = 15.0,
        trusted: Signature | None = None,
        events_at: EventsSpan | None = None,
    ) -> None:
        self.path = path
        self._lock_timeout = lock_timeout
        self._lock: FileLock | None = None
        self._cache: tuple[Signature, Data] | None = None
        self._written: tuple[Signature, Data] | None = None  # our newest write, even if not yet in place
        self._replacing: tuple[Signature, Data] | None = None
        """The file our write is replacing, until the rename is done: another thread's `stat`
        may still see it, and it is known (no re-read and deep check of a file we hold)."""
        self._encoder = SessionEncoder()
        self.group = GroupCommit(self._write_batch)
        """Changes made meanwhile by this process's other threads go in one write with ours."""
        self.trusted = trusted
        """The signature of this file as this device last checked or wrote it: while the file
        still has it (nobody replaced or edited it since), it is read without the deep check."""
        self.events_at = events_at
        """Where the `trusted` file's event log lies (noted with it): its parse can wait."""
        self._later: LaterTable | None = None  # the cached data's event log, if not parsed yet
        self._loading = threading.Lock()
        """One load of the file at a time: the data cached and its `_later` are set together. Two
        threads reading it first at once each built data with an empty log held for later; the
        cache could keep one thread's data and `_later` the other's, so the log was never parsed
        and a write saved it empty."""
        self._layout: tuple[Signature, int, int, int | None] | None = None
        """A file's signature with its event log's span (`EventsSpan`; the newest number None:
        count it from the data when asked), for a file we wrote or read with the span."""

    def trust_signature(self) -> Signature | None:
        """The file's signature if what we hold of it is what is on disk (checked or ours)."""
        note = self.trust_note()
        return note[0] if note is not None else None

    def trust_note(self) -> tuple[Signature, EventsSpan | None] | None:
        """The file's signature if what we hold of it is what is on disk (checked or ours), with
        where its event log lies if we know (we wrote it, or read it so)."""
        cache, layout = self._cache, self._layout
        try:
            if cache is None or signature(self.path) != cache[0]:
                return None
        except OSError:
            return None
        if layout is None or layout[0] != cache[0]:
            return cache[0], None
        last_seq = layout[3] if layout[3] is not None else last_seq_of(cache[1]["events"])
        return cache[0], (layout[1], layout[2], last_seq)

    def changed_elsewhere(self) -> bool:
        """Whether reading now means parsing the file: it is none that this process holds (a `stat`)."""
        try:
            sig = signature(self.path)
        except OSError:
            return True  # reading says what is wrong
        held = (self._cache, self._written, self._replacing)
        return all(known is None or known[0] != sig for known in held)

    @property
    def lock(self) -> FileLock:
        """The write lock, made when first needed: reading (and so opening a session) needs none."""
        if self._lock is None:
            from filelock import FileLock

            self._lock = FileLock(
                str(self.path) + ".lock", timeout=self._lock_timeout, mode=PRIVATE_FILE_MODE
            )
        return self._lock

    @property
    def generation(self) -> Signature | None:
        """Changes whenever the file is rewritten; callers use it to skip rebuilding views."""
        return self._cache[0] if self._cache else None

    def read(self) -> Data:
        """The newest data. Treat it as read-only: it is shared with the cache."""
        return self.current()[1]

    def current(self) -> tuple[Signature, Data]:
        """The newest data with its generation, as one pair (another thread may write meanwhile)."""
        sig, data = self._newest()
        later = self._later
        if later is not None and later.data is data:
            later()  # the whole data: its event log parsed now
            self._later = None
        return sig, data

    def current_later(self) -> tuple[Signature, Data, LaterTable | None]:
        """As `current`, but an event log not parsed yet (`LaterTable`) stays so until the
        `LaterTable` given with the data is called; the data then has no "events" table."""
        sig, data = self._newest()
        later = self._later
        if later is not None and later.data is data and not later.parsed:
            return sig, {name: table for name, table in data.items() if name != "events"}, later
        return sig, data, None

    def _newest(self) -> tuple[Signature, Data]:
        try:
            sig = signature(self.path)
        except FileNotFoundError:
            raise SessionFileError.worded("file.session_missing", path=str(self.path)) from None
        except OSError as error:  # a file where its folder should be, no permission, ...
            raise unreadable(SessionFileError, self.path, error) from None
        cache = self._cache
        if cache is not None and cache[0] == sig:
            return cache
        written = self._written
        if written is not None and written[0] == sig:  # another thread read the old file meanwhile
            self._cache = written
            return written
        replacing = self._replacing
        if replacing is not None and replacing[0] == sig:  # our write is not in place yet
            return replacing
        with self._loading:
            return self._load_newest(sig)

    def _load_newest(self, sig: Signature) -> tuple[Signature, Data]:
        cache = self._cache
        if cache is not None and cache[0] == sig:  # another thread loaded it while we waited
            return cache
        if cache is None and self.trusted == sig:
            data = self._load_trusted()
        else:
            data = self._load(self._whole(cache[1]) if cache is not None else None)
            self._later = None
        self._cache = (sig, data)
        return self._cache

    def held(self) -> Data | None:
        """The data last read or written here, whole (None if none): what is shown when the
        file went away or broke meanwhile, so an export can still save it."""
        cache = self._cache
        return None if cache is None else self._whole(cache[1])

    def _whole(self, data: Data) -> Data | None:
        """The data held, its event log parsed if it was left for later: a re-read keeps what
        is equal to it (`validate.reuse`), and an empty log there would have every event checked
        again. None (check everything) if that log does not parse."""
        later = self._later
        if later is not None and later.data is data:
            try:
                later()
            except SessionFileError:
                return None
        return data

    def _load_trusted(self) -> Data:
        """The file as this device left it: parsed, its shape checked, not walked field by field.

        Its event log is left in its bytes when we know where they lie (`events_at`)."""
        trusted, span = self.trusted, self.events_at
        try:
            raw = read_limited(self.path)
            apart = None
            if trusted is not None and span is not None and len(raw) == trusted[2]:
                apart = events_apart(raw, span, str(self.path))
            # Its numbers were checked when it was checked or written here: parsed at C speed,
            # without a Python call per number (thousands at 500 activities).
            data = json.loads(raw) if apart is None else apart[0]
        except (OSError, PlainDataError, ValueError, RecursionError):
            return self._load()  # something is off after all: the whole check says what
        checked = check_session_data(data, str(self.path))
        if apart is not None and trusted is not None and span is not None:
            self._later, self._layout = apart[1], (trusted, *span)
        return checked

    def _load(self, previous: Data | None = None) -> Data:
        """The file's data, checked deeply (`validate`): a file may have been put here by hand.

        With the `previous` data (already checked), what is equal to it is kept as it was
        (`reuse`) and only the rest is checked again: another process's change costs one
        document's checks, not the session's.
        """
        try:
            raw = read_limited(self.path)
        except (OSError, PlainDataError) as error:
            raise unreadable(SessionFileError, self.path, error) from None
        return parse_session(raw, str(self.path), previous)

    def warm(self) -> None:
        """Encode the file as it is now, so the next write re-encodes only what it changes.

        A new `SessionFile` knows no text yet: its first write encodes the whole session
        (some 50 ms at 500 activities). A server about to take a room of phones' changes
        pays that before the first phone waits for it. No batch runs meanwhile."""
        with self.group.exclusive():
            self._encoder.encode(self.read())
        _ = self.lock  # (made, and its module imported, now rather than in the first write)

    def commit(self, change: Callable[[TinyDB], T]) -> T:
        """Apply `change` (to a TinyDB over the newest data) and write it; on disk when this returns.

        Changes other threads commit while a write is under way are applied together in the
        next one (`GroupCommit`): one lock, one write, one fsync. Each is applied on its own:
        one that raises is refused alone, leaving no trace, and the others still land.
        """
        return self.group.submit(change)

    def _write_batch(self, batch: Batch) -> None:
        from facilitator.core.tables_db import MemoryTablesStorage, tinydb_over

        self._acquire()
        try:
            storage = MemoryTablesStorage(_copy_tables(self.read()))
            for item in batch:
                before, dirty = dict(storage.data), storage.dirty  # tables are replaced, never edited
                try:
                    item.result = item.change(tinydb_over(storage))
                except Exception as error:  # refused (or a bug): this change alone leaves no trace
                    storage.data, storage.dirty = before, dirty
                    item.error = error
            if storage.dirty:
                self._write(storage.data)
        finally:
            self.lock.release()

    def _write(self, data: Data) -> None:
        """The whole file, atomically; the cache holds the new data before anyone can see it."""
        text = self._encoder.encode(data)
        remove_temp_files(self.path)  # a killed writer's leftovers: we hold the lock
        before = self._cache
        spans = self._encoder.spans.get("events")  # where the new file's event log lies

        def ready(sig: Signature) -> None:
            self._replacing = before  # (we hold the lock: the file on disk is the one we read)
            self._cache = self._written = (sig, data)
            self._layout = (sig, *spans, None) if spans is not None else None

        try:
            atomic_write_text(self.path, text, mode=PRIVATE_FILE_MODE, ready=ready)
        except OSError as error:  # disk full, read-only, size limit: the old file stays
            self._cache, self._written = before, None
            raise SessionWriteError(self.path, os_reason(error)) from None
        finally:
            self._replacing = None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[TinyDB]:
        """Yield a TinyDB over the newest data; written atomically when the block succeeds.

        If the block raises, nothing is written; the block worked on a copy, so a
        half-applied change never leaks into later reads. No batch runs meanwhile.
        """
        from facilitator.core.tables_db import MemoryTablesStorage, tinydb_over

        with self.group.exclusive():
            self._acquire()
            try:
                storage = MemoryTablesStorage(_copy_tables(self.read()))
                yield tinydb_over(storage)
                if storage.dirty:
                    self._write(storage.data)
            finally:
                self.lock.release()

    def _acquire(self, *, creating: bool = False) -> None:
        """Take the write lock; a lock file that can't be made is a user error, not a traceback
        (`creating`: for a file not there yet, which no "unchanged on disk" can be said of)."""
        from filelock import Timeout as FileLockTimeout

        try:
            self.lock.acquire()
        except FileLockTimeout:
            raise LockTimeout.worded("file.locked", path=str(self.path)) from None
        except OSError as error:
            reason = Worded("file.lock_reason", reason=os_reason(error))
            raise SessionWriteError(self.path, reason, creating=creating) from None

    @classmethod
    def create(cls, path: Path, data: Data) -> SessionFile:
        """Write a brand-new session file; refuses to overwrite an existing one."""
        check_session_data(data, str(path))
        try:
            make_private_folder(path.parent)
        except OSError as error:  # a file where the folder should be, a read-only place, ...
            raise SessionWriteError(path, os_reason(error), creating=True) from None
        session_file = cls(path)
        session_file._acquire(creating=True)
        try:
            if path.exists() or path.is_symlink():
                raise SessionFileError.worded("file.exists", path=str(path))
            remove_temp_files(path)
            try:
                sig = atomic_write_text(path, dumps(data), mode=PRIVATE_FILE_MODE)
            except OSError as error:
                raise SessionWriteError(path, os_reason(error), creating=True) from None
        finally:
            session_file.lock.release()
        session_file._cache = (sig, data)
        return session_file


def put_in_place(draft: Path, path: Path) -> None:
    """Move a finished session file (made whole elsewhere in the same folder tree) to `path`,
    never over an existing one: under `path`'s lock, as `SessionFile.create` writes."""
    session_file = SessionFile(path)
    session_file._acquire(creating=True)
    try:
        if path.exists() or path.is_symlink():
            raise SessionFileError.worded("file.exists", path=str(path))
        try:
            _replace(draft, path)
            _fsync_dir(path.parent)
        except OSError as error:
            raise SessionWriteError(path, os_reason(error), creating=True) from None
    finally:
        session_file.lock.release()


def remove_session_file(path: Path) -> None:
    """A session file with its lock and a killed writer's temp files, as far as they exist."""
    for leftover in (path, Path(str(path) + ".lock")):
        with contextlib.suppress(OSError):
            leftover.unlink()
    remove_temp_files(path)


def _copy_tables(data: Data) -> Data:
    """The transaction's own top level: `IdTable` (`tables_db`) replaces tables and documents,
    never edits them."""
    return dict(data)


def new_id(nbytes: int = 4) -> str:
    """Short random ids: easy to type on the CLI, unique enough per session.

    `secrets.token_hex` is this; `secrets` (with `hmac`) is not imported at every start."""
    return os.urandom(nbytes).hex()
