"""TinyDB over one transaction's tables, held in memory: how a change reads and writes a session.

`SessionFile.commit` and `.transaction` (in `store`) hand a change a `tinydb_over` the newest
data and write the file once the change is done. Apart from `store`: reading a file and showing
it needs no TinyDB, so a start does not import it (~12 M instructions).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, cast

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from facilitator.core.validate import Data


class IdTable(Table):
    """A TinyDB table keyed by our own string ids, whose documents are never edited in place.

    TinyDB's integer ids come from a per-instance counter that goes stale when
    another process writes; our ids are chosen by the caller, so there is no counter.
    Writes replace whole documents in a copy of the table dict, so a transaction can
    start from the cached data without copying every document first, and a failed
    transaction leaves the cache as it was.
    """

    document_id_class = str  # type: ignore[assignment]

    def _get_next_id(self) -> str:
        raise RuntimeError("documents need an explicit id: insert a tinydb.table.Document")

    def _update_table(self, updater: Callable[[dict[Any, Any]], None]) -> None:
        tables = self._storage.read() or {}
        table = dict(tables.get(self.name, {}))  # ids are already strings: no re-keying
        updater(table)
        tables[self.name] = table
        self._storage.write(tables)
        self.clear_cache()

    def upsert(self, document: Mapping[str, Any], cond: Any = None) -> list[int]:
        """Insert or replace the whole document under its id."""
        if not isinstance(document, Document) or cond is not None:
            raise TypeError("upsert takes a Document with its id")
        doc_id = document.doc_id

        def replace(table: dict[Any, Any]) -> None:
            table[doc_id] = dict(document)

        self._update_table(replace)
        return [doc_id]

    def update(self, *args: Any, **kwargs: Any) -> list[int]:
        raise NotImplementedError("edits replace whole documents: use upsert")


class IdTinyDB(TinyDB):
    table_class = IdTable


class MemoryTablesStorage(Storage):
    """Holds one transaction's data; TinyDB reads and writes it in place."""

    def __init__(self, data: Data | None = None) -> None:
        self.data: Data = data if data is not None else {}
        self.dirty = False

    def read(self) -> Data:
        return self.data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self.data = cast(Data, data)
        self.dirty = True

    def close(self) -> None:
        pass


def document(data: Mapping[str, Any], doc_id: str) -> Document:
    """A TinyDB document under our string id (TinyDB's hints assume integer ids)."""
    return Document(data, doc_id=cast(int, doc_id))


def tinydb_over(storage: MemoryTablesStorage) -> TinyDB:
    """A fresh TinyDB (no stale query caches) over the given in-memory data."""
    return IdTinyDB(storage=cast(Any, lambda: storage))


def move_view_table_out(db: TinyDB, adopt: Callable[[dict[str, Any]], None]) -> None:
    """Move an old file's `view` table out: positions to the device (`adopt`: `DeviceState.adopt`),
    the room's focus to the session (the first change to such a file does, in its transaction)."""
    data = db.storage.read() or {}
    view = data.get("view")
    if view is None:
        return
    state = view.get("state") if isinstance(view, dict) else None
    state = dict(state) if isinstance(state, dict) else {}
    state.pop("id", None)
    adopt(state)
    timers = state.get("timers")
    if isinstance(timers, dict) and not data.get("timers"):
        table = db.table("timers")
        for phase_id, timer in timers.items():
            if isinstance(timer, dict) and timer.get("phase_id") == phase_id:
                table.upsert(document({**timer, "id": phase_id}, phase_id))
    opened = state.get("placement")
    meta = dict(data["meta"]["session"])
    if isinstance(opened, str) and opened in data.get("activities", {}) and "open_activity" not in meta:
        meta["open_activity"] = opened
        db.table("meta").upsert(document(meta, "session"))
    db.drop_table("view")
