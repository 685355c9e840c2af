"""A table of a session file: its name, its row class, how a document's id follows from the
row, and what an older file's documents looked like. The tables themselves are declared in
`model` (`model.TABLES`), beside their row classes.

The row classes are frozen dataclasses whose annotated fields say what each document holds
(`schema.fields`). From a `Table` come:

- the model: `table.build(doc)` (and `Session.from_tables`, for every table);
- the file validator's checks of each document (`validate`), field by field;
- what a handler writes: `table.doc(row)`, the document for a row (`kinds.base.Context`).
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Callable, Mapping
from dataclasses import field
from typing import Any, Generic, TypeVar, Union, get_args, get_origin

from facilitator.core.record import record
from facilitator.core.schema.fields import Field, fields_of

R = TypeVar("R")
Doc = Mapping[str, Any]


def build_spec(row: type[Any]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """A row class's field names, those held as tuples, and those without a default.

    Read from the dataclass's own list of fields, without evaluating its annotations: the
    model needs no more to build its rows, and the full reading (`fields_of`, for the file
    checks and the writes) evaluated every annotation, a few milliseconds of each start.
    """
    fields = dataclasses.fields(row)
    names = tuple(f.name for f in fields)
    tuples = tuple(f.name for f in fields if _is_tuple(f.type))
    required = tuple(
        f.name
        for f in fields
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    )
    return names, tuples, required


def _is_tuple(annotation: object) -> bool:
    """A tuple field: `tuple[...]` (or `tuple[...] | None`), as written or as a type."""
    if isinstance(annotation, str):
        return annotation.startswith("tuple[")
    return get_origin(annotation) is tuple or (
        get_origin(annotation) in (Union, types.UnionType)
        and any(get_origin(arg) is tuple for arg in get_args(annotation))
    )


def pair_id(*parts: str | int) -> str:
    """The id of a document that one of each of its parts can have at most (activity/party)."""
    return "/".join(str(p) for p in parts)


@record
class Table(Generic[R]):
    """One table of a session file: documents of `row`, by id."""

    name: str
    row: type[R]
    what: str
    """A document in words ("activity"), for refusals."""
    key: Callable[[Any], str] | None = None
    """The document's id from its row; None: the row's own `id` field."""
    ordered: bool = False
    """Its documents carry an `order`: a new one goes last (`Context.add`)."""
    upgrade: Callable[[Doc], Doc] | None = None
    """An older file's document in today's shape (the model and the checks read that)."""
    sparse: tuple[str, ...] = ()
    """Fields a document leaves out while they hold their default (added after files had them)."""
    _spec: list[tuple[str, ...]] = field(default_factory=list, compare=False, repr=False)

    @property
    def fields(self) -> tuple[Field, ...]:
        return fields_of(self.row)

    def id_of(self, row: R) -> str:
        return self.key(row) if self.key is not None else str(getattr(row, "id"))  # noqa: B009

    def build(self, doc: Doc) -> R:
        """The row a (checked) document holds; a missing field without a default is a KeyError."""
        if self.upgrade is not None:
            doc = self.upgrade(doc)
        if not self._spec:
            self._spec.extend(build_spec(self.row))
        names, tuples, required = self._spec
        values = {name: doc[name] for name in names if name in doc}
        for name in tuples:
            value = values.get(name)
            if value is not None:
                values[name] = tuple(value)
        for name in required:
            if name not in values:
                raise KeyError(name)
        return self.row(**values)

    def doc(self, row: R, **more: object) -> dict[str, object]:
        """The document a row is stored as: its id, every field (tuples as lists), and `more`."""
        out: dict[str, object] = {"id": self.id_of(row)}
        for f in self.fields:
            value = getattr(row, f.name)
            if f.name in self.sparse and value == f.default:
                continue
            out[f.name] = list(value) if isinstance(value, tuple) else value
        out.update(more)
        return out
