"""The rows attached to activities, grouped per activity: the model's per-activity look-ups.

Each kind is grouped when first asked (a placement step asks for placements only), and its
grouping is kept for the next models (the last few per kind, by the identity of the rows'
tuple): a new model whose tuple of a kind is the very same object (its table did not change,
or the room's cut kept it) reuses it. So a change regroups only what it changed: a reveal,
nothing (its activity is not an attached row). Rows never change in place, and nobody edits
the groups' lists (the look-ups copy them).
"""

from __future__ import annotations

from typing import Any

KEPT = 4
"""Groupings kept per kind: the session's and the room's cut of it, of this change and the last."""

_last: dict[str, dict[int, tuple[tuple[Any, ...], dict[str, list[Any]]]]] = {}


def grouped(kind: str, items: tuple[Any, ...]) -> dict[str, list[Any]]:
    """`items` (rows with an `activity_id`) by activity, in their order; rows of none left out."""
    kept = _last.get(kind, {})
    hit = kept.get(id(items))
    if hit is not None and hit[0] is items:
        return hit[1]
    groups: dict[str, list[Any]] = {}
    for item in items:
        if item.activity_id is not None:
            groups.setdefault(item.activity_id, []).append(item)
    # Replaced whole (a thread reading meanwhile sees the old or the new); holding `items`
    # keeps its id unique.
    newest = [*kept.items()][-(KEPT - 1) :]
    _last[kind] = {**dict(newest), id(items): (items, groups)}
    return groups
