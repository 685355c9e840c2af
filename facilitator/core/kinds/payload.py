"""A change's payload checked against its kind's declaration, before anything applies it.

Every declared field of the payload (`schema.events.PAYLOADS`) is checked as its annotation
says: its type; text not blank where it must say something, not too long, valid UTF-8; an id
that names a document of its table (`Ref`) or the scenario's vocabulary (`Known`); a date, a
whole number, a number of seconds in its range. A refusal is a `ChangeRejected` in the words
(and catalogue keys) the app shows. The handler then applies a payload of the declared type
and decides only what a declaration can't: the room's and the session's own rules.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from facilitator.core.dates import parse_date
from facilitator.core.errors import ChangeRejected
from facilitator.core.i18n import Worded, label
from facilitator.core.kinds.base import Context, text
from facilitator.core.schema.events import PAYLOADS
from facilitator.core.schema.fields import Field, Known, Recorded, fields_of
from facilitator.core.schema.vocabulary import ids, words


def check_payload(ctx: Context, kind: str, data: Mapping[str, Any]) -> None:
    """Refuse the payload of a `kind` change where it breaks its declaration; else nothing."""
    declared = PAYLOADS.get(kind)
    if declared is None:
        raise ChangeRejected(Worded("error.change.unknown", kind=repr(kind)))
    for field in fields_of(declared):
        if any(isinstance(rule, Recorded) for rule in field.rules):
            continue  # the handler sets it for the log
        if field.name in data:
            check_value(ctx, field, data[field.name])
        elif field.required:
            check_value(ctx, field, None)


def check_value(ctx: Context, field: Field, value: Any) -> None:
    """One field's value, as the field's declaration says."""
    name = _name(field)
    if value is None:
        if field.nullable:
            return
        if field.shape == "text" and field.ref is None and field.known is None:
            value = ""  # a text left out is an empty one
        elif field.ref is None:
            raise ChangeRejected(Worded("error.change.required", field=repr(name)))
    if field.ref is not None:
        ctx.exists(field.ref.table, value, field.ref.what)
    elif field.shape == "list":
        _check_list(ctx, field, value)
    elif field.known is not None:
        _check_known(ctx, field.known, value)
    elif field.shape == "text":
        if field.day is not None and value in ("", None):
            return
        must_say = field.text is not None and not field.text.empty
        text({field.name: value}, field.name, required=must_say, label=name)
        if field.day is not None and parse_date(value) is None:
            raise ChangeRejected(
                f"{name} {value!r} is not a date (use 2026-12-03 or 03.12.2026)",
                "error.bad_date",
                value=str(value),
            )
    elif field.shape == "flag":
        if not isinstance(value, bool):
            raise ChangeRejected(Worded("error.change.not_flag", field=repr(field.name)))
    elif field.shape == "whole":
        if not isinstance(value, int) or isinstance(value, bool):
            raise ChangeRejected(Worded("error.change.not_whole", field=repr(field.name)))
    elif field.shape == "number":
        _check_seconds(field, value)


def _name(field: Field) -> str:
    if field.text is not None and field.text.label:
        return field.text.label
    if field.known is not None and field.known.label:
        return field.known.label
    return field.name.replace("_", " ")


def _check_known(ctx: Context, known: Known, value: Any) -> None:
    if not isinstance(value, str) or value not in ids(known.vocabulary, ctx.scenario):
        what, value = words(known.vocabulary), repr(value)
        if known.label:
            raise ChangeRejected(
                Worded("error.change.unknown_at", field=label(known.label), what=what, value=value)
            )
        raise ChangeRejected(Worded("error.change.unknown_choice", what=what, value=value))


def _check_list(ctx: Context, field: Field, values: Any) -> None:
    item = field.item
    assert item is not None
    if item.ref is not None:
        if not isinstance(values, list | tuple):
            raise ChangeRejected(Worded("error.change.not_list", field=repr(item.ref.table)))
        for value in values:
            ctx.exists(item.ref.table, value, item.ref.what)
    elif item.known is not None:
        if not isinstance(values, list | tuple):
            raise ChangeRejected(Worded("error.change.not_ids", what=words(item.known.vocabulary)))
        for value in values:
            _check_known(ctx, item.known, value)
    elif not isinstance(values, list | tuple):
        raise ChangeRejected(Worded("error.change.not_list", field=repr(field.name)))


def _check_seconds(field: Field, value: Any) -> None:
    """A timer's seconds: a finite number, within the field's range (a moment has none)."""
    if not isinstance(value, int | float) or isinstance(value, bool) or not math.isfinite(value):
        raise ChangeRejected(Worded("error.change.seconds", field=repr(field.name)))
    most = field.seconds.most if field.seconds is not None else None
    if most is not None and not 0 <= value <= most:
        raise ChangeRejected(Worded("error.change.seconds_range", field=repr(field.name), most=round(most)))
