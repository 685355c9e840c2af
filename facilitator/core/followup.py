"""Follow-up of last time: what came of an earlier session's commitments, expectations and steps."""

from __future__ import annotations

from facilitator.core.model import Session


def outcomes_of(session: Session, previous_id: str) -> dict[str, str]:
    """What `session`'s follow-up recorded for each item of `previous_id`, by the item's id there."""
    return {}
