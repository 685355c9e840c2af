"""Rows grouped per activity, kept for the next model while the rows' tuple is the same object."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.core import attached
from facilitator.core.attached import grouped


@dataclass(frozen=True)
class Row:
    activity_id: str | None
    n: int


def test_rows_are_grouped_in_their_order_and_rows_of_no_activity_left_out() -> None:
    rows = (Row("a", 1), Row("b", 2), Row(None, 3), Row("a", 4))
    assert grouped("test-order", rows) == {"a": [rows[0], rows[3]], "b": [rows[1]]}


def test_the_same_tuple_reuses_its_grouping_and_an_equal_new_one_does_not() -> None:
    rows = (Row("a", 1), Row("b", 2))
    first = grouped("test-reuse", rows)
    assert grouped("test-reuse", rows) is first
    copy = tuple(list(rows))  # equal, another object (a changed table): grouped again
    assert copy is not rows and grouped("test-reuse", copy) is not first
    assert grouped("test-reuse", rows) is first  # the session's and its cut's, both kept


def test_only_the_last_few_groupings_of_a_kind_are_kept() -> None:
    tuples = [(Row("a", n),) for n in range(attached.KEPT + 2)]
    for rows in tuples:
        grouped("test-kept", rows)
    assert len(attached._last["test-kept"]) == attached.KEPT
    assert grouped("test-kept", tuples[-1]) == {"a": [tuples[-1][0]]}
