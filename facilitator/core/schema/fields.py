"""What a declared field holds, beyond its Python type: the words declarations are made of.

A table's row or an event's payload is declared as a class whose fields carry their Python
type and, in `Annotated[...]`, their constraints:

    activity_id: Annotated[str, Ref("activities", "activity")]
    title: Annotated[str, Text(empty=False)]
    round: Annotated[int, Whole(lowest=1)]

`fields_of(cls)` reads such a class once into `Field`s (name, shape, required, nullable,
constraints); the model builder, the file validator and the live payload check all walk
those, so a constraint is written in one place.
"""

from __future__ import annotations

import dataclasses
import types
from collections.abc import Mapping
from dataclasses import field as attribute
from typing import Annotated, Any, NotRequired, Required, Union, get_args, get_origin, get_type_hints

from facilitator.core.dates import is_date, is_free_date
from facilitator.core.i18n import Worded
from facilitator.core.record import record
from facilitator.core.scenario.validator import type_name

MAX_TEXT = 100_000
"""What one text field may hold: what a change may write and a file may hold alike."""


@record
class Text:
    """Text of at most `longest` characters; `empty=False`: not blank. `label` names it in a refusal."""

    empty: bool = True
    label: str = ""
    longest: int = MAX_TEXT


@record
class Ref:
    """The id of a document in `table`; `what` names one in a refusal ("activity")."""

    table: str
    what: str


@record
class Known:
    """An id from the session's scenario's `vocabulary` (see `schema.vocabulary`): a rung, a role, ...

    `label` names the field in a refusal where the vocabulary's name alone would be unclear
    ("wished rung").
    """

    vocabulary: str
    label: str = ""


@record
class Whole:
    """A whole number (not true or false), at least `lowest` when given."""

    lowest: int | None = None


@record
class Seconds:
    """A number of seconds from 0 up to `most` (`most=None`: a moment, epoch seconds)."""

    most: float | None = None


@record
class Day:
    """A date, stored as yyyy-mm-dd (a change may type it 03.12.2026: `dates.parse_date`).

    `free`: text kept as typed (the workshop's date, before dates were checked): any text, but
    one written as a date must be a day of the calendar (not 31.02.2026).
    """

    free: bool = False


@record
class Moment:
    """A moment as an ISO time stamp with its zone (2026-12-07T09:00:00.000+00:00), set by the service."""


@record
class Recorded:
    """Filled in by the change itself for the log (e.g. which parties' sign-offs it reopened);
    a caller's value is not asked for."""


SHAPES = ("text", "whole", "number", "flag", "list", "table", "any")


@record
class Field:
    """One declared field, read from its annotation."""

    name: str
    shape: str  # one of SHAPES: what JSON value it is
    required: bool
    nullable: bool
    rules: tuple[object, ...] = ()  # Text, Ref, Known, Whole, Seconds, Day, Moment, Recorded
    item: Field | None = None  # a list's items
    default: Any = None  # a model field's value when the document leaves it out (if not required)
    tuple_: bool = False  # held as a tuple in the model (a list in the file)

    # Each kind of constraint, found once (checks read them for every value of big files).
    text: Text | None = attribute(default=None, init=False, repr=False, compare=False)
    ref: Ref | None = attribute(default=None, init=False, repr=False, compare=False)
    known: Known | None = attribute(default=None, init=False, repr=False, compare=False)
    whole: Whole | None = attribute(default=None, init=False, repr=False, compare=False)
    seconds: Seconds | None = attribute(default=None, init=False, repr=False, compare=False)
    day: Day | None = attribute(default=None, init=False, repr=False, compare=False)
    moment: Moment | None = attribute(default=None, init=False, repr=False, compare=False)
    plain_text: bool = attribute(default=False, init=False, repr=False, compare=False)
    """Text and no constraint beyond the usual length: a value that is text needs no more checks."""

    def __post_init__(self) -> None:
        for rule in self.rules:
            name = _RULE_NAMES.get(type(rule))
            if name is not None:
                object.__setattr__(self, name, rule)
        checked = Text | Ref | Known | Day | Moment
        plain = self.shape == "text" and not any(isinstance(r, checked) for r in self.rules)
        object.__setattr__(self, "plain_text", plain)

    @property
    def longest(self) -> int:
        return self.text.longest if self.text is not None else MAX_TEXT


_RULE_NAMES: dict[type, str] = {
    Text: "text",
    Ref: "ref",
    Known: "known",
    Whole: "whole",
    Seconds: "seconds",
    Day: "day",
    Moment: "moment",
}

_BASIC = {str: "text", bool: "flag", int: "whole", float: "number"}


def _read(name: str, hint: Any, required: bool, default: Any = None) -> Field:
    rules: tuple[object, ...] = ()
    nullable = False
    if get_origin(hint) in (NotRequired, Required):  # a TypedDict's own word wins over its totality
        required = get_origin(hint) is Required
        hint = get_args(hint)[0]
    for _ in range(2):  # Annotated[X | None, ...] and Annotated[X, ...] | None alike
        if get_origin(hint) is Annotated:
            base, *more = get_args(hint)
            hint, rules = base, (*rules, *more)
        if get_origin(hint) in (Union, types.UnionType):
            args = [a for a in get_args(hint) if a is not type(None)]
            nullable = nullable or len(args) < len(get_args(hint))
            hint = args[0] if len(args) == 1 else Any
    origin = get_origin(hint)
    if origin in (list, tuple) or hint in (list, tuple):
        args = [a for a in get_args(hint) if a is not Ellipsis]
        item = _read("", args[0] if args else Any, True)
        return Field(name, "list", required, nullable, rules, item, default, tuple_=origin is tuple)
    if origin in (dict, Mapping) or hint in (dict, Mapping):
        return Field(name, "table", required, nullable, rules, None, default)
    return Field(name, _BASIC.get(hint, "any"), required, nullable, rules, None, default)


def fields_of(cls: type[Any]) -> tuple[Field, ...]:
    """A declared class's fields in declaration order: a dataclass's or a TypedDict's."""
    found = _FIELDS.get(cls)
    if found is None:
        found = _FIELDS[cls] = _read_fields(cls)
    return found


_FIELDS: dict[type[Any], tuple[Field, ...]] = {}


def _read_fields(cls: type[Any]) -> tuple[Field, ...]:
    hints = get_type_hints(cls, include_extras=True)
    if dataclasses.is_dataclass(cls):
        out = []
        for f in dataclasses.fields(cls):
            required: bool = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
            if f.default_factory is not dataclasses.MISSING:
                default: Any = f.default_factory()
            else:
                default = None if required else f.default
            out.append(_read(f.name, hints[f.name], required, default))
        return tuple(out)
    keys: frozenset[str] = getattr(cls, "__required_keys__", frozenset(hints))
    return tuple(_read(name, hint, name in keys) for name, hint in hints.items())


def kind_of(value: Any) -> str:
    """A value's JSON kind in words, for a refusal ("a list", "nothing (null)"): the catalogue's."""
    return type_name(value)


_SHAPE_WORDS = {
    "text": "text",
    "whole": "whole",
    "number": "number",
    "flag": "flag",
    "list": "list",
    "table": "table",
}


def shape_words(shape: str) -> str:
    """What a field of `shape` must be, in words ("a whole number")."""
    return Worded(f"kind.{_SHAPE_WORDS[shape]}") if shape in _SHAPE_WORDS else shape


def fits(field: Field, value: Any) -> bool:
    """Whether `value` has the field's JSON shape (None where the field may be null)."""
    if value is None:
        return field.nullable
    shape = field.shape
    if shape == "text":
        return isinstance(value, str)
    if shape == "flag":
        return isinstance(value, bool)
    if shape == "whole":
        return isinstance(value, int) and not isinstance(value, bool)
    if shape == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if shape == "list":
        return isinstance(value, list | tuple)
    if shape == "table":
        return isinstance(value, dict)
    return True


def shape_problem(field: Field, value: Any) -> Worded | None:
    """What is wrong with a value's type and length, in words; None if nothing is.

    Only what needs no session to judge: shape, each list item's shape, text length.
    """
    if not fits(field, value):
        return Worded("problem.shape", shape=shape_words(field.shape), kind=kind_of(value))
    if isinstance(value, str):
        longest = field.longest
        if len(value) > longest:
            return Worded("problem.too_long", length=len(value), limit=longest)
    if field.item is not None and isinstance(value, list | tuple):
        for item in value:
            problem = shape_problem(field.item, item)
            if problem is not None:
                return Worded("problem.item", problem=problem)
    return None


def payload_problem(cls: type[Any], data: Mapping[str, Any]) -> tuple[str, Worded] | None:
    """The first declared field of `data` that is missing, of the wrong shape, or a date that
    is none (2026-02-31: what the live change refused): (field, problem)."""
    for field in fields_of(cls):
        if field.name not in data:
            if field.required:
                return field.name, Worded("problem.missing")
            continue
        value = data[field.name]
        problem = shape_problem(field, value)
        day = field.day
        a_day = is_free_date if day is not None and day.free else is_date
        if problem is None and day is not None and value and not a_day(value):
            problem = Worded("problem.not_date", value=repr(value))
        if problem is not None:
            return field.name, problem
    return None


# The words most declarations use.
Name = Annotated[str, Text(empty=False)]
"""Text that must say something: a title, a name, a promise."""
Stamp = Annotated[str, Moment()]
"""A moment as an ISO time stamp with its zone, set by the service."""
ActivityId = Annotated[str, Ref("activities", "activity")]
PartyId = Annotated[str, Ref("parties", "party")]
RungId = Annotated[str, Known("rung")]
