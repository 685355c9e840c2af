"""Moving a card on the board: what the move would undo is asked first, and said after.

A move records the room's agreed rung (`service.agree`). While the card's blind round is
open it is refused (the core refuses it too: reveal first). When parties have signed off
the agreement, the move would make their sign-offs void: the question names them and the
rung (the rung named is the one recorded), starts on Cancel, and after the move a notice
says whom it reopened. A question answered after the card changed meanwhile (another
device moved it, another party signed) is asked again with what holds now.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.core.text import one_line

# The rules and the dialogs are imported by the first move, not by the board's start: the
# rules import every change handler (`core.kinds`) and TinyDB (~70 M instructions of a start).
if TYPE_CHECKING:
    from facilitator.ui.views.base import PhaseView

AGREED = "activity.agreed"


class CardMover:
    """Moves the board's cards for its view, asking first where a move undoes something."""

    def __init__(self, view: PhaseView) -> None:
        self.view = view

    def refusal(self, activity_id: str, target: str | None) -> str | None:
        """Why the card can't go to `target` now (its blind round is open), or None."""
        from facilitator.core.reopening import blind_round_open
        from facilitator.ui.dialogs.reopen import TITLE_LIMIT

        session = self.view.session
        if target is None or not session.has_activity(activity_id):
            return None
        activity = session.activity(activity_id)
        if not blind_round_open(session, activity):
            return None
        return self.view.t("error.round_open", activity=one_line(activity.title, TITLE_LIMIT))

    async def move(self, activity_id: str, target: str | None, question: str = "") -> None:
        """Put the card on `target` (None: the tray); `question`: one more thing to ask first."""
        from facilitator.core.reopening import would_reopen
        from facilitator.ui.dialogs.common import ConfirmDialog
        from facilitator.ui.dialogs.reopen import reopen_question, reopened_notice

        view = self.view
        t = view.t
        asked: tuple[frozenset[str], str | None] | None = None  # what the last question said
        while True:
            session = view.session
            if not session.has_activity(activity_id):
                return
            activity = session.activity(activity_id)
            if activity.agreed_current == target:
                return
            refused = self.refusal(activity_id, target)
            if refused is not None:
                view.notify(refused, severity="warning", markup=False, timeout=6)
                return
            signed = would_reopen(session, AGREED, activity_id)
            if asked is not None and set(signed) <= asked[0] and activity.agreed_current == asked[1]:
                break  # as asked
            if not signed and not question:
                break  # nothing to ask
            parts = [question] if question else []
            if signed:
                change = (
                    t("board.move.change", rung=session.scenario.rung_title(target))
                    if target is not None
                    else t("board.move.change.off")
                )
                parts.append(reopen_question(session, activity_id, signed, change, t))
            yes_key = "board.move.yes" if signed else "board.drag.yes"
            dialog = ConfirmDialog(" ".join(parts), yes_key, safe=not signed)
            if not await view.app.push_screen_wait(dialog):
                return
            asked, question = (frozenset(signed), activity.agreed_current), ""
        done = view.fapp.attempt(lambda: view.service.agree(activity_id, current=target))
        if done is not None:
            notice = reopened_notice(view.session, done.value, t)
            if notice is not None:
                view.notify(notice, severity="warning", markup=False, timeout=8)
