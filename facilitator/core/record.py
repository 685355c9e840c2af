"""`@record`: a frozen dataclass that compiles one method when declared, not six.

`@dataclass(frozen=True)` writes six methods per class as source text and compiles each
(`__init__`, `__repr__`, `__eq__`, `__hash__`, `__setattr__`, `__delattr__`). The ~36 row,
scenario and schema classes a start imports spent more on that than on anything else of ours
before the first frame (~105 M instructions of 250 M; issue 21). Here `dataclasses` lists the
fields as always (so `dataclasses.fields`, `replace` and `asdict` work), `__init__` is
compiled once per class, and the other five are shared functions reading the field names:

- assigning or deleting an attribute raises `dataclasses.FrozenInstanceError`;
- equal when of the same class with equal compared fields; the hash is over the same fields
  (those with `compare=False` or `hash=False` left out, as a frozen dataclass does);
- the repr is the dataclass's: `Name(field=value, ...)`.

Fields may have defaults, `default_factory`, `init=False` (set to their default), and the
class a `__post_init__`; keyword-only fields are not supported.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")

_FACTORY = object()
"""The default of a parameter whose field has a `default_factory`: "make a fresh one"."""


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def record(cls: type[T]) -> type[T]:
    """Make `cls` a frozen dataclass (see the module's docstring)."""
    cls = dataclasses.dataclass(init=False, repr=False, eq=False)(cls)  # the fields only
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if any(f.kw_only for f in fields):
        raise TypeError(f"{cls.__qualname__}: @record has no keyword-only fields")
    compared = tuple(f.name for f in fields if f.compare)
    hashed = tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash))
    own = {
        "__init__": _init(cls, fields),
        "_record_compared": _values(compared),
        "_record_hashed": _values(hashed),
    }
    for name, value in (own | _SHARED).items():
        setattr(cls, name, value)
    return cls


def _init(cls: type[Any], fields: tuple[dataclasses.Field[Any], ...]) -> Callable[..., None]:
    """`cls.__init__`, compiled from source as a frozen dataclass's is: each field set with
    `object.__setattr__` (the class's own refuses), then `__post_init__` if the class has one."""
    scope: dict[str, Any] = {"_set": object.__setattr__, "_FACTORY": _FACTORY}
    parameters = ["self"]
    lines = []
    for f in fields:
        default = f"_default_{f.name}"
        unset: str | None  # the value of a field not in the parameters (init=False)
        if f.default_factory is not dataclasses.MISSING:
            scope[default] = f.default_factory
            parameter, given, unset = (
                f"{f.name}=_FACTORY",
                f"{default}() if {f.name} is _FACTORY else {f.name}",
                f"{default}()",
            )
        elif f.default is not dataclasses.MISSING:
            scope[default] = f.default
            parameter, given, unset = f"{f.name}={default}", f.name, default
        else:
            parameter, given, unset = f.name, f.name, None
        if f.init:
            parameters.append(parameter)
            lines.append(f"    _set(self, {f.name!r}, {given})")
        elif unset is not None:
            lines.append(f"    _set(self, {f.name!r}, {unset})")
    if hasattr(cls, "__post_init__"):
        lines.append("    self.__post_init__()")
    source = f"def __init__({', '.join(parameters)}):\n" + "\n".join(lines or ["    pass"]) + "\n"
    exec(source, scope)  # our own text, made of the class's field names
    init: Callable[..., None] = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    return init


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
