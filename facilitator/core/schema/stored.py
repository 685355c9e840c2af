"""A stored document checked against its declared fields: what the file validator asks of
every table's documents (`validate`), in one place.

    document_problem(fields, doc, exists, known) -> (field, problem) or None

`exists(table, id)` says whether a document is there (for `Ref`s); `known(vocabulary)` gives
the session's scenario's ids (for `Known`s). The problems are worded as the validator's
refusals: "must be text, not a list", "names 'x', which is not in table 'parties'".
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import Any

from facilitator.core.dates import is_free_date, is_stamp, is_stored_date
from facilitator.core.i18n import Worded
from facilitator.core.schema.fields import (
    Field,
    Known,
    Ref,
    fits,
    kind_of,
    shape_words,
)
from facilitator.core.schema.vocabulary import words

Exists = Callable[[str, str], bool]
Vocabulary = Callable[[str], Collection[str]]


def document_problem(
    fields: tuple[Field, ...], doc: Mapping[str, Any], exists: Exists, known: Vocabulary
) -> tuple[str, Worded] | None:
    """The first field of `doc` that breaks its declaration: (field, problem)."""
    for field in fields:
        if field.name not in doc:
            if field.required:
                return field.name, Worded("problem.missing")
            continue
        problem = value_problem(field, doc[field.name], exists, known)
        if problem is not None:
            return field.name, problem
    return None


def value_problem(field: Field, value: Any, exists: Exists, known: Vocabulary) -> Worded | None:
    if type(value) is str and field.plain_text and len(value) <= field.longest:
        return None  # most fields of a big file: text with nothing more to ask of it
    if value is None and field.nullable:
        return None
    ref, choice = field.ref, field.known
    if not fits(field, value):
        return _misfit(field, value, ref, choice)
    if field.shape == "list":
        return _list_problem(field, value, exists, known)
    if isinstance(value, str):
        text = field.text
        if text is not None and not text.empty and not value.strip():
            return Worded("problem.empty")
        longest = field.longest
        if len(value) > longest:
            return Worded("problem.too_long", length=len(value), limit=longest)
        if ref is not None and not exists(ref.table, value):
            return Worded("problem.not_in_table", value=repr(value), table=repr(ref.table))
        if choice is not None and value not in known(choice.vocabulary):
            return _unknown(choice, value)
        return date_problem(field, value)
    whole = field.whole
    if whole is not None and whole.lowest is not None and value < whole.lowest:
        return Worded("problem.at_least", lowest=whole.lowest, value=value)
    if field.seconds is not None and value < 0:
        return Worded("problem.seconds", value=value)
    return None


def _misfit(field: Field, value: Any, ref: Ref | None, choice: Known | None) -> Worded:
    if ref is not None:
        return Worded("problem.ref", table=repr(ref.table), kind=kind_of(value))
    if choice is not None:
        return _unknown(choice, value)
    if field.seconds is not None:
        return Worded("problem.seconds", value=kind_of(value))
    if field.shape == "list":
        return Worded("problem.ids", kind=kind_of(value))
    return Worded("problem.shape", shape=shape_words(field.shape), kind=kind_of(value))


def _unknown(choice: Known, value: Any) -> Worded:
    return Worded("problem.unknown", value=repr(value), what=words(choice.vocabulary))


def _list_problem(field: Field, values: list[Any], exists: Exists, known: Vocabulary) -> Worded | None:
    """Each item a known id, each at most once."""
    item = field.item
    assert item is not None
    ref, choice = item.ref, item.known
    for i, value in enumerate(values):
        if ref is not None and (not isinstance(value, str) or not exists(ref.table, value)):
            return Worded("problem.not_in_table", value=repr(value), table=repr(ref.table))
        if choice is not None and (not isinstance(value, str) or value not in known(choice.vocabulary)):
            return _unknown(choice, value)
        if not fits(item, value):
            return Worded(
                "problem.item",
                problem=Worded("problem.shape", shape=shape_words(item.shape), kind=kind_of(value)),
            )
        if value in values[:i]:
            return Worded("problem.twice", value=repr(value))
    return None


def date_problem(field: Field, value: str) -> Worded | None:
    """A date or a moment that is no day of the calendar (2026-02-31), or not in the form kept."""
    day, moment = field.day, field.moment
    if day is not None and not (is_free_date(value) if day.free else is_stored_date(value)):
        return Worded("problem.not_date", value=repr(value))
    if moment is not None and not is_stamp(value):
        return Worded("problem.not_stamp", value=repr(value))
    return None
