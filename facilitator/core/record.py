"""`@record`: a frozen dataclass that compiles one method when declared, not six.

`@dataclass(frozen=True)` writes six methods per class as source text and compiles each
(`__init__`, `__repr__`, `__eq__`, `__hash__`, `__setattr__`, `__delattr__`). The ~40 row,
scenario and schema classes a start imports spent more on that than on anything else of ours
before the first frame (~105 M instructions of 250 M; issue 21). Here the fields are listed
as `dataclasses` lists them (so `dataclasses.fields`, `replace` and `asdict` work), without
its per-class work (a signature for a class with no docstring, type checks per annotation:
a third of the import of the CLI). `__init__` is made once per shape of class (how many
fields, which have a factory or no parameter, whether there is a `__post_init__`) and
renamed for each class with that shape; the commonest, all fields parameters, comes
compiled ahead (`record_inits`). The other five are shared functions reading the field names:

- assigning or deleting an attribute raises `dataclasses.FrozenInstanceError`;
- equal when of the same class with equal compared fields; the hash is over the same fields
  (those with `compare=False` or `hash=False` left out, as a frozen dataclass does);
- the repr is the dataclass's: `Name(field=value, ...)`.

Fields may have defaults, `default_factory`, `init=False` (set to their default), and the
class a `__post_init__`; keyword-only fields and `InitVar` are not supported, `ClassVar`
annotations are not fields.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import types
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

from facilitator.core import record_inits

T = TypeVar("T")

_FACTORY = object()
"""The default of a parameter whose field has a `default_factory`: "make a fresh one"."""

_IS_FIELD = getattr(dataclasses, "_FIELD")  # noqa: B009 - what `dataclasses.fields` lists (private)
_NOT_FIELDS = ("ClassVar", "typing.ClassVar")
_REFUSED = ("InitVar", "dataclasses.InitVar", "KW_ONLY", "dataclasses.KW_ONLY")


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def record(cls: type[T]) -> type[T]:
    """Make `cls` a frozen dataclass (see the module's docstring)."""
    written = sorted(set(cls.__dict__) & {"__init__", *_SHARED})
    if written:  # a frozen dataclass keeps a class's own; here they would be silently replaced
        raise TypeError(f"{cls.__qualname__}: @record writes {', '.join(written)} itself")
    fields = _fields(cls)
    listed = tuple(fields.values())
    compared = tuple(f.name for f in listed if f.compare)
    hashed = tuple(f.name for f in listed if (f.compare if f.hash is None else f.hash))
    own = {
        "__dataclass_fields__": fields,
        "__match_args__": tuple(f.name for f in listed if f.init),
        "__init__": _init(cls, listed),
        "_record_compared": _values(compared),
        "_record_hashed": _values(hashed),
    }
    for name, value in (own | _SHARED).items():
        setattr(cls, name, value)
    return cls


def _fields(cls: type[Any]) -> dict[str, dataclasses.Field[Any]]:
    """The class's fields, its bases' first, each a `dataclasses.Field` as `dataclass` makes it.

    The class attribute of a field declared with `field(...)` becomes its default (or goes)."""
    fields: dict[str, dataclasses.Field[Any]] = {}
    for base in cls.__mro__[-1:0:-1]:
        fields.update(getattr(base, "__dataclass_fields__", {}))
    annotations = inspect.get_annotations(cls)  # the class's own, as written (strings)
    for name, annotation in annotations.items():
        kind = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", "")
        if kind.startswith(_NOT_FIELDS):
            continue
        if kind.startswith(_REFUSED):
            raise TypeError(f"{cls.__qualname__}.{name}: @record has no {kind.split('[')[0]} fields")
        declared: Any = getattr(cls, name, dataclasses.MISSING)  # (a descriptor gives its default)
        if isinstance(declared, dataclasses.Field):
            field = declared
            if field.kw_only is True:
                raise TypeError(f"{cls.__qualname__}: @record has no keyword-only fields")
            if field.default is dataclasses.MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, field.default)
        else:
            field = dataclasses.field(default=declared)
        if type(field.default).__hash__ is None:  # (as a dataclass refuses it)
            raise ValueError(f"{cls.__qualname__}.{name}: a mutable default, use default_factory")
        field.name, field.type, field.kw_only = name, annotation, False
        field._field_type = _IS_FIELD  # type: ignore[attr-defined]
        fields[name] = field
    return fields


def _init(cls: type[Any], fields: tuple[dataclasses.Field[Any], ...]) -> Callable[..., None]:
    """`cls.__init__`, as a frozen dataclass's: each field set with `object.__setattr__` (the
    class's own refuses), then `__post_init__` if the class has one. The code is the shape's
    (`_shape_code`), its placeholder names replaced by the fields'."""
    scope: dict[str, Any] = {"_set": object.__setattr__, "_FACTORY": _FACTORY}
    kinds, defaults = [], []
    for index, f in enumerate(fields):
        factory = f.default_factory is not dataclasses.MISSING
        if factory:
            scope[f"_d{index}"] = f.default_factory
        elif f.default is not dataclasses.MISSING:
            scope[f"_d{index}"] = f.default
        if not f.init:
            kinds.append("factory" if factory else "default" if f"_d{index}" in scope else "unset")
            continue
        kinds.append("factory parameter" if factory else "parameter")
        if factory or f.default is not dataclasses.MISSING:
            defaults.append(_FACTORY if factory else f.default)
        elif defaults:
            raise TypeError(f"{cls.__qualname__}: non-default argument {f.name!r} follows default argument")
    code = _shape_code(tuple(kinds), hasattr(cls, "__post_init__"))
    names = {f"_p{index}": f.name for index, f in enumerate(fields)}
    code = code.replace(
        co_varnames=tuple(names.get(name, name) for name in code.co_varnames),
        co_consts=tuple(
            names.get(value, value) if isinstance(value, str) else value for value in code.co_consts
        ),
        co_name="__init__",
        co_qualname=f"{cls.__qualname__}.__init__",
    )
    init = types.FunctionType(code, scope, "__init__", tuple(defaults) or None)
    init.__module__ = cls.__module__
    return init


@functools.cache
def _shape_code(kinds: tuple[str, ...], post_init: bool) -> types.CodeType:
    """The compiled `__init__` of every class whose fields are of these kinds, in this order:
    field `i`'s parameter and attribute are named `_p{i}` (renamed for each class), its
    default or factory is the global `_d{i}` (each class's own). The most common shape, all
    parameters, comes written out and compiled ahead (`record_inits`)."""
    if not post_init and all(kind == "parameter" for kind in kinds):
        written: Callable[..., None] | None = getattr(record_inits, f"_{len(kinds)}", None)
        if written is not None:
            return written.__code__
    scope: dict[str, Any] = {}
    exec(_shape_source(kinds, post_init), scope)  # our own text: placeholders, not the class's names
    code: types.CodeType = scope["__init__"].__code__
    return code


def _shape_source(kinds: tuple[str, ...], post_init: bool, name: str = "__init__") -> str:
    """`_shape_code`'s source text."""
    parameters, lines = ["self"], []
    for index, kind in enumerate(kinds):
        field, default = f"_p{index}", f"_d{index}"
        if kind == "parameter":
            parameters.append(field)
            lines.append(f'    _set(self, "{field}", {field})')
        elif kind == "factory parameter":
            parameters.append(field)
            lines.append(f'    _set(self, "{field}", {default}() if {field} is _FACTORY else {field})')
        elif kind != "unset":
            lines.append(f'    _set(self, "{field}", {default}{"()" if kind == "factory" else ""})')
    if post_init:
        lines.append("    self.__post_init__()")
    return f"def {name}({', '.join(parameters)}):\n" + "\n".join(lines or ["    pass"]) + "\n"


def _values(names: tuple[str, ...]) -> Callable[[object], tuple[object, ...]]:
    """A row's values of `names`, as a tuple (what a dataclass's own methods compare)."""
    if len(names) > 1:
        return attrgetter(*names)
    return lambda row: tuple(getattr(row, name) for name in names)


def _refuse(self: object, name: str, value: object = None) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _eq(self: object, other: object) -> object:  # a bool, or NotImplemented
    if other.__class__ is not self.__class__:
        return NotImplemented
    compared: Callable[[object], tuple[object, ...]] = getattr(type(self), "_record_compared")  # noqa: B009
    return compared(self) == compared(other)


def _hash(self: object) -> int:
    hashed: Callable[[object], tuple[object, ...]] = getattr(type(self), "_record_hashed")  # noqa: B009
    return hash(hashed(self))


def _repr(self: object) -> str:
    shown = (f"{f.name}={getattr(self, f.name)!r}" for f in dataclasses.fields(self) if f.repr)  # type: ignore[arg-type]
    return f"{type(self).__qualname__}({', '.join(shown)})"


_SHARED: dict[str, Callable[..., Any]] = {
    "__setattr__": _refuse,
    "__delattr__": _refuse,
    "__eq__": _eq,
    "__hash__": _hash,
    "__repr__": _repr,
}
