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
from itertools import repeat
from operator import contains, itemgetter
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


_ABSENT = object()


def row_builder(row: type[R]) -> Callable[[Doc], R]:
    """A function from a (checked) document to its row, as `row(**fields in the document)` makes it.

    A session's rows are built by the thousand at each start (3,400 at 500 activities): each
    through `__init__` cost a Python call per field (`object.__setattr__`, as a frozen
    dataclass's does), three times what building the row's `__dict__` at once costs. So for a
    row whose `__init__` only sets its fields (no `__post_init__`, every field in `__init__`,
    instances with a `__dict__`: every row of the model) the function is compiled once from
    the field names and fills in the `__dict__` itself, in field order, defaults where a field
    is absent, lists as tuples for tuple fields. Any other class is built through `__init__`.
    """
    fields = dataclasses.fields(row)  # type: ignore[arg-type]
    names, tuples, required = build_spec(row)
    if hasattr(row, "__post_init__") or not all(f.init for f in fields) or not row.__dictoffset__:
        return lambda doc: _through_init(row, names, tuples, required, doc)
    scope: dict[str, Any] = {
        "_row": row,
        "_new": object.__new__,
        "_set": object.__setattr__,
        "_ABSENT": _ABSENT,
    }
    values = []
    for f in fields:
        as_given = "(None if v is None else tuple(v))" if f.name in tuples else "v"
        if f.name in required:
            value = (
                f"doc[{f.name!r}]"
                if as_given == "v"
                else f"(None if (v := doc[{f.name!r}]) is None else tuple(v))"
            )
        else:
            factory = f.default_factory is not dataclasses.MISSING
            scope[f"_default_{f.name}"] = f.default_factory if factory else f.default
            if as_given == "v" and not factory:
                value = f"get({f.name!r}, _default_{f.name})"
            else:
                absent = f"_default_{f.name}" + ("()" if factory else "")
                value = f"({absent} if (v := get({f.name!r}, _ABSENT)) is _ABSENT else {as_given})"
        values.append(f"{f.name!r}: {value}")
    source = (
        "def build(doc):\n    get = doc.get\n    row = _new(_row)\n"
        f"    _set(row, '__dict__', {{{', '.join(values)}}})\n    return row\n"
    )
    exec(source, scope)  # our own text, made of the row's field names
    built: Callable[[Doc], R] = scope["build"]
    return built


COMPILE_AFTER = 40
"""Rows of a class built through `__init__` before its `row_builder` is compiled: a compile
costs about what 40 rows save (~0.6 M instructions), so a small table (a session of 10
activities has none bigger) never pays it."""


def _compiled_when_many(row: type[R], holder: list[Callable[[Doc], R]]) -> Callable[[Doc], R]:
    """Builds rows through `__init__`; at the `COMPILE_AFTER`th, puts the compiled `row_builder`
    in its place in `holder` (where the table calls it from)."""
    names, tuples, required = build_spec(row)
    count = 0

    def build(doc: Doc) -> R:
        nonlocal count
        count += 1
        if count >= COMPILE_AFTER:
            holder[:] = [row_builder(row)]
        return _through_init(row, names, tuples, required, doc)

    return build


def _through_init(
    row: type[R], names: tuple[str, ...], tuples: tuple[str, ...], required: tuple[str, ...], doc: Doc
) -> R:
    values = {name: doc[name] for name in names if name in doc}
    for name in tuples:
        value = values.get(name)
        if value is not None:
            values[name] = tuple(value)
    for name in required:
        if name not in values:
            raise KeyError(name)
    return row(**values)


_BY_ORDER = itemgetter("order", "id")
_BY_ID = itemgetter("id")


def in_order(docs: Mapping[str, Doc]) -> list[Doc]:
    """A table's documents by their `order`, then id (no order counts as 0; no id as "").

    Sorted by keys taken in C where every document has what the key reads (nearly always):
    the same order as the one rule below, a third of its time at 500 activities (3,400 rows)."""
    values = list(docs.values())
    try:
        if any(map(contains, values, repeat("order"))):
            return sorted(values, key=_BY_ORDER)
        return sorted(values, key=_BY_ID)  # every order 0: by id alone
    except KeyError:  # a document without an order or id
        return sorted(values, key=lambda d: (d.get("order", 0), d.get("id", "")))


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
    _builder: list[Callable[[Doc], R]] = field(default_factory=list, compare=False, repr=False)

    @property
    def fields(self) -> tuple[Field, ...]:
        return fields_of(self.row)

    def id_of(self, row: R) -> str:
        return self.key(row) if self.key is not None else str(getattr(row, "id"))  # noqa: B009

    def build(self, doc: Doc) -> R:
        """The row a (checked) document holds; a missing field without a default is a KeyError."""
        if self.upgrade is not None:
            doc = self.upgrade(doc)
        return self._build(doc)

    def _build(self, doc: Doc) -> R:
        """A row from a document as it is today: through the table's builder, made when first
        needed (`_compiled_when_many` puts the compiled one in its place)."""
        if not self._builder:
            self._builder.append(_compiled_when_many(self.row, self._builder))
        return self._builder[0](doc)

    def replaced(self, row: R, **changes: object) -> R:
        """`dataclasses.replace(row, **changes)`, the new row built as `build` builds one: a third
        of the time (the room's view of a session copies each blind placement, hundreds at 500
        activities, when the first frame is drawn)."""
        values = vars(row)  # every field (and any cached property's value, which is no field)
        if not changes.keys() <= values.keys():
            raise TypeError(f"{type(row).__name__} has no field {sorted(changes.keys() - values.keys())}")
        return self._build({**values, **changes})

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
