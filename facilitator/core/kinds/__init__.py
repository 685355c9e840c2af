"""Every kind of change, declared once (see `base`); importing this registers them all."""

from __future__ import annotations

from facilitator.core.kinds import actions, activities, agreement, followup, parties, placement, session
from facilitator.core.kinds.base import KINDS, EventKind

__all__ = [
    "KINDS",
    "EventKind",
    "actions",
    "activities",
    "agreement",
    "followup",
    "parties",
    "placement",
    "session",
]
