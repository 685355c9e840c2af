"""Messages that travel up from views and widgets to the workshop screen."""

from __future__ import annotations

from collections.abc import Callable

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


class OpenPlacement(Message):
    """A view asks the workshop to open the placement of an activity (views import no screen)."""

    def __init__(self, activity_id: str, closed: Callable[[], None]) -> None:
        super().__init__()
        self.activity_id = activity_id
        self.closed = closed
        """Called when the placement closes again."""
