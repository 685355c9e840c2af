"""Messages that travel up from views and widgets to the workshop screen."""

from __future__ import annotations

from textual.message import Message


class ActivitySelected(Message):
    """The facilitator selected an activity (or none); remembered for reopening."""

    def __init__(self, activity_id: str | None) -> None:
        super().__init__()
        self.activity_id = activity_id


class GoToPhase(Message):
    """A view asks the workshop to show another phase (where something is fixed)."""

    def __init__(self, phase_id: str) -> None:
        super().__init__()
        self.phase_id = phase_id
