"""A stored document checked against its declared fields: what the file validator asks of
every table's documents (`validate`), in one place.

    document_problem(fields, doc, exists, known) -> (field, problem) or None

`exists(table, id)` says whether a document is there (for `Ref`s); `known(vocabulary)` gives
the session's scenario's ids (for `Known`s). The problems are worded as the validator's
refusals: "must be text, not a list", "names 'x', which is not in table 'parties'".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Mapping
from typing import Any

from facilitator.core.schema.fields import (
    Field,
    Known,
    Ref,
    fits,
    kind_of,
)
from facilitator.core.schema.vocabulary import words

Exists = Callable[[str, str], bool]
Vocabulary = Callable[[str], Collection[str]]


def document_problem(
    fields: tuple[Field, ...], doc: Mapping[str, Any], exists: Exists, known: Vocabulary
) -> tuple[str, str] | None:
    """The first field of `doc` that breaks its declaration: (field, problem)."""
    for field in fields:
        if field.name not in doc:
            if field.required:
                return field.name, "is missing"
            continue
        problem = value_problem(field, doc[field.name], exists, known)
        if problem is not None:
            return field.name, problem
    return None


def value_problem(field: Field, value: Any, exists: Exists, known: Vocabulary) -> str | None:
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
            return "must not be empty"
        longest = field.longest
        if len(value) > longest:
            return f"is too long ({len(value):,} characters; at most {longest:,})"
        if ref is not None and not exists(ref.table, value):
            return f"names {value!r}, which is not in table {ref.table!r}"
        if choice is not None and value not in known(choice.vocabulary):
            return _unknown(choice, value)
        if field.day is not None and not _is_date(value):
            return f"{value!r} is not a date (YYYY-MM-DD)"
        return None
    whole = field.whole
    if whole is not None and whole.lowest is not None and value < whole.lowest:
        return f"must be at least {whole.lowest}, not {value}"
    if field.seconds is not None and value < 0:
        return f"must be a number of seconds, not {value}"
    return None


def _misfit(field: Field, value: Any, ref: Ref | None, choice: Known | None) -> str:
    if ref is not None:
        return f"must be the id of a document in {ref.table!r}, not {kind_of(value)}"
    if choice is not None:
        return _unknown(choice, value)
    if field.seconds is not None:
        return f"must be a number of seconds, not {kind_of(value)}"
    if field.shape == "list":
        return f"must be a list of ids, not {kind_of(value)}"
    shape = {"text": "text", "whole": "a whole number", "flag": "true or false", "number": "a number"}
    return f"must be {shape.get(field.shape, field.shape)}, not {kind_of(value)}"


def _unknown(choice: Known, value: Any) -> str:
    return f"{value!r} is not a {words(choice.vocabulary)} of this session's scenario"


def _list_problem(field: Field, values: list[Any], exists: Exists, known: Vocabulary) -> str | None:
    """Each item a known id, each at most once."""
    item = field.item
    assert item is not None
    ref, choice = item.ref, item.known
    for i, value in enumerate(values):
        if ref is not None and (not isinstance(value, str) or not exists(ref.table, value)):
            return f"names {value!r}, which is not in table {ref.table!r}"
        if choice is not None and (not isinstance(value, str) or value not in known(choice.vocabulary)):
            return _unknown(choice, value)
        if not fits(item, value):
            return f"has an item that must be {item.shape}, not {kind_of(value)}"
        if value in values[:i]:
            return f"names {value!r} twice"
    return None


def _is_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True
