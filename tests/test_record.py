"""`@record`: a frozen dataclass compiled once per class behaves as `@dataclass(frozen=True)` does."""

from __future__ import annotations

import dataclasses
from dataclasses import FrozenInstanceError, field
from typing import ClassVar

import pytest

from facilitator.core import record_inits
from facilitator.core.model import Party
from facilitator.core.record import _shape_source, record


@record
class Row:
    """A row with every kind of field the model declares."""

    id: str
    tags: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list, compare=False)
    doubled: str = field(default="", init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "doubled", self.id * 2)


@record
class Empty:
    """No fields at all (a rule like `schema.fields.Day`)."""


@dataclasses.dataclass(frozen=True)
class Twin:
    id: str
    tags: tuple[str, ...] = ()


def test_a_record_is_built_compared_hashed_and_shown_as_a_frozen_dataclass() -> None:
    row = Row("a", ("x",))
    assert (row.id, row.tags, row.notes, row.doubled) == ("a", ("x",), [], "aa")
    assert Row("a").notes is not Row("a").notes  # a fresh list each time
    assert row == Row("a", ("x",), ["not compared"])
    assert row != Row("a") and row != Twin("a", ("x",))  # another class is never equal
    assert hash(row) == hash(Row("a", ("x",), ["not hashed"]))
    assert {row: 1}[Row("a", ("x",))] == 1
    assert repr(row) == "Row(id='a', tags=('x',), notes=[])"
    assert Empty() == Empty() and hash(Empty()) == hash(Empty()) and repr(Empty()) == "Empty()"
    assert Row.__match_args__ == ("id", "tags", "notes")
    with pytest.raises(TypeError):
        Row()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Row("a", doubled="b")  # type: ignore[call-arg]
    assert Row(tags=("y",), id="b") == Row("b", ("y",))  # the parameters have the fields' names


@record
class Shaped:
    """The same shape as `Row` (one `__init__` code for both), other names, a class variable."""

    KIND: ClassVar[str] = "shaped"
    key: str
    labels: tuple[str, ...] = ("l",)
    extra: list[str] = field(default_factory=lambda: ["e"], compare=False)
    again: str = field(default="", init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "again", self.key + "!")


def test_records_of_one_shape_keep_their_own_names_defaults_and_factories() -> None:
    assert repr(Shaped("k")) == "Shaped(key='k', labels=('l',), extra=['e'])"
    assert (Shaped("k").again, Row("k").doubled, Row("k").notes) == ("k!", "kk", [])
    assert Shaped.KIND == "shaped" and [f.name for f in dataclasses.fields(Shaped)] == [
        "key",
        "labels",
        "extra",
        "again",
    ]
    assert Shaped.__init__.__qualname__ == "Shaped.__init__"


def test_what_a_dataclass_refuses_is_refused_when_declared() -> None:
    with pytest.raises(ValueError, match="mutable default"):

        @record
        class Listed:
            items: list[str] = []

    with pytest.raises(TypeError, match="follows default"):

        @record
        class Swapped:
            first: str = ""
            second: str


def test_a_record_refuses_assignment_and_works_with_the_dataclass_functions() -> None:
    party = Party("p1", "Kool", 1)
    with pytest.raises(FrozenInstanceError):
        party.name = "Vald"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        del party.name  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        party.unknown = 1  # type: ignore[attr-defined]
    moved = dataclasses.replace(party, order=2)
    assert (moved.order, party.order, moved.name) == (2, 1, "Kool")
    assert dataclasses.is_dataclass(party)
    assert [f.name for f in dataclasses.fields(Row)] == ["id", "tags", "notes", "doubled"]
    assert dataclasses.asdict(Row("b")) == {"id": "b", "tags": (), "notes": [], "doubled": "bb"}


def test_keyword_only_fields_are_refused_when_declared() -> None:
    with pytest.raises(TypeError, match="keyword-only"):

        @record
        class Later:
            id: str
            note: str = field(default="", kw_only=True)


def test_the_written_out_inits_are_the_compiled_ones() -> None:
    """`record_inits` holds `record._shape_source` of each number of fields, as written: the
    compiled code of each is the same (lines and names of the functions aside)."""
    for count in range(21):
        source = _shape_source(("parameter",) * count, False)
        compiled = compile(source, "<shape>", "exec").co_consts[0]
        written = getattr(record_inits, f"_{count}").__code__
        assert written.co_code == compiled.co_code
        assert (written.co_consts, written.co_varnames, written.co_names) == (
            compiled.co_consts,
            compiled.co_varnames,
            compiled.co_names,
        )
    assert not hasattr(record_inits, "_21")  # (more fields: compiled when declared)


def test_a_class_of_its_own_init_repr_eq_or_hash_is_refused_not_silently_replaced() -> None:
    for method in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__"):
        with pytest.raises(TypeError, match=method):
            record(type("Own", (), {"__annotations__": {"x": "int"}, method: lambda self, *a: None}))
