"""Moving a card on the board: what the move would undo is asked first, and said after.

A move records the room's agreed rung (`service.agree`). While the card's blind round is
open it is refused (the core refuses it too: reveal first). When parties have signed off
the agreement, the move would make their sign-offs void: the question names them and the
rung (the rung named is the one recorded), starts on Cancel, and after the move a notice
says whom it reopened. A question answered after the card changed meanwhile (another
device moved it, another party signed) is asked again with what holds now (`change_asked`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from facilitator.core.text import one_line

# The rules and the dialogs are imported by the first move, not by the board's start: the
# rules import every change handler (`core.kinds`) and TinyDB (~70 M instructions of a start).
if TYPE_CHECKING:
    from facilitator.core.model import Event, Session
    from facilitator.ui.views.base import PhaseView

AGREED = "activity.agreed"


class CardMover:
    """Moves the board's cards for its view, asking first where a move undoes something."""

    def __init__(self, view: PhaseView) -> None:
        self.view = view

    def refusal(self, session: Session, activity_id: str, target: str | None) -> str | None:
        """Why the card can't go to `target` now (its blind round is open), or None."""
        from facilitator.core.reopening import blind_round_open
        from facilitator.ui.dialogs.reopen import TITLE_LIMIT

        if target is None or not session.has_activity(activity_id):
            return None
        activity = session.activity(activity_id)
        if not blind_round_open(session, activity):
            return None
        return self.view.t("error.round_open", activity=one_line(activity.title, TITLE_LIMIT))

    async def move(self, activity_id: str, target: str | None, question: str = "") -> None:
        """Put the card on `target` (None: the tray); `question`: one more thing to ask first.

        Decided on the card as it is right before the write (`reopen.change_asked`): moved
        elsewhere meanwhile, the move is asked about as a clash; signed meanwhile, asked again."""
        from facilitator.ui.dialogs.clashes import Settling
        from facilitator.ui.dialogs.reopen import change_asked

        view, t = self.view, self.view.t
        shown = view.session
        if not shown.has_activity(activity_id) or shown.activity(activity_id).agreed_current == target:
            return
        scenario = shown.scenario
        label = t("board.place.agreed_current")
        settling = Settling(
            view.app,
            t,
            {"current": shown.activity(activity_id).agreed_current},
            {"current": target},
            lambda _name: label,
            lambda _name, rung: scenario.rung_title(rung) if rung else t("review.none"),
        )

        async def plan(session: Session) -> Callable[[], Event] | None:
            refused = self.refusal(session, activity_id, target)
            if refused is not None:
                view.notify(refused, severity="warning", markup=False, timeout=6)
                return None
            if not session.has_activity(activity_id):
                return None
            if "current" not in await settling.against(
                {"current": session.activity(activity_id).agreed_current}
            ):
                return None
            return lambda: view.service.agree(activity_id, current=target)

        change = (
            t("board.move.change", rung=scenario.rung_title(target)) if target else t("board.move.change.off")
        )
        await change_asked(
            view.app,
            view.service,
            activity_id,
            AGREED,
            change,
            plan,
            question=question,
            yes_key="board.move.yes",
            alone=("board.drag.yes", True),
        )
