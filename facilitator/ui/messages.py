"""Messages that travel up from views and widgets to the workshop screen."""

from __future__ import annotations

from collections.abc import Callable

from textual.message import Message

from facilitator.core.errors import UserError
from facilitator.core.model import Session


class ActivitySelected(Message):
    """The facilitator selected an activity (or none): the workshop holds the selection for
    every view and remembers it for reopening, once the cursor rests (`chosen`: at once)."""

    def __init__(self, activity_id: str | None, *, chosen: bool = False) -> None:
        super().__init__()
        self.activity_id = activity_id
        self.chosen = chosen


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


class SessionChanged(Message, bubble=False):
    """The session a screen shows changed (here or elsewhere): the newest state, for that screen."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session


class SessionTrouble(Message, bubble=False):
    """The file of the session a screen shows can't be read now (None: it can again)."""

    def __init__(self, error: UserError | None) -> None:
        super().__init__()
        self.error = error
