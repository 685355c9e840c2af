"""The placement screen's revealed page: every view side by side, and the room's agreement.

The form is filled once per revealed round (later refreshes keep the facilitator's picks);
recording it and a re-vote go through `reopen.change_asked`, so what is written is decided on
the session as it is right before the write: a rung another device recorded meanwhile is
asked about (`clashes.Settling`), a party that signed meanwhile is asked about by name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, Static

from facilitator.core.followup import last_time_text
from facilitator.core.i18n import Translator
from facilitator.core.model import Activity, Event, Placement, Session
from facilitator.core.scenario import Scenario
from facilitator.core.service import SessionService
from facilitator.ui.host import host_of
from facilitator.ui.screens.reveal import reveal_footer, reveal_rungs, spread
from facilitator.ui.text import cut, show
from facilitator.ui.widgets.reveal_ladder import RevealLadder
from facilitator.ui.widgets.rungs import RungPicker


def agreement(activity: Activity) -> dict[str, Any]:
    """The activity's agreement as the form edits it."""
    return {
        "current": activity.agreed_current,
        "wished": activity.agreed_wished,
        "note": activity.agreed_note,
    }


class AgreementForm:
    """The revealed page of a placement screen (a part it holds): shown, recorded, re-voted."""

    def __init__(
        self,
        screen: Screen[Any],
        service: SessionService,
        current: Callable[[], Activity | None],
        close: Callable[[], None],
    ) -> None:
        self.screen, self.service = screen, service
        self.current, self.close = current, close
        self.preset: int | None = None
        """The round the form was last filled for."""
        self.base: dict[str, Any] = {}
        """What the form opened with: saving writes only what was changed here."""

    @property
    def t(self) -> Translator:
        return host_of(self.screen.app).t

    @property
    def scenario(self) -> Scenario:
        """Its names in the interface language (the screen's relabel changes the service's)."""
        return self.service.scenario

    def show(self, activity: Activity, placements: Sequence[Placement], names: dict[str, str]) -> None:
        screen, t = self.screen, self.t
        scenario = self.scenario
        by_party = {p.party_id: p for p in placements if p.party_id in names}
        currents = Counter(p.current for p in by_party.values())
        wisheds = Counter(p.wished for p in by_party.values())
        screen.query_one(RevealLadder).show(
            reveal_rungs(scenario, names, by_party),
            (t("reveal.now"), t("reveal.wished")),
            reveal_footer(t, names, by_party, last_time_text(self.service.session, activity.id, t)),
        )
        self._spread_line("#reveal-current", t("board.place.col.current"), currents)
        self._spread_line("#reveal-wished", t("board.place.col.wished"), wisheds)
        agreed = screen.query_one("#reveal-agreed", Static)
        agreed.display = activity.agreed_current is not None
        if activity.agreed_current is not None:
            wished = (
                scenario.rung_title(activity.agreed_wished)
                if activity.agreed_wished
                else t("board.place.no_wish")
            )
            current = scenario.rung_title(activity.agreed_current)
            show(agreed, Content(t("board.place.agreed_now", current=current, wished=wished)))
        if self.preset != activity.round:
            # Fill the form once per revealed round: later refreshes must not undo the facilitator's picks.
            self.preset = activity.round
            common_current = next(iter(currents)) if len(currents) == 1 else None
            common_wished = next(iter(wisheds)) if len(wisheds) == 1 else None
            screen.query_one("#agree-current", RungPicker).set_value(
                activity.agreed_current or common_current
            )
            screen.query_one("#agree-wished", RungPicker).set_value(activity.agreed_wished or common_wished)
            screen.query_one("#agree-note", Input).value = activity.agreed_note
            self.base = agreement(activity)

    def _spread_line(self, widget_id: str, what: str, views: Counter[str]) -> None:
        screen = self.screen
        scenario = self.scenario
        line = screen.query_one(widget_id, Static)
        result = spread(scenario, views)
        line.set_class(result is not None and result[0] > 1, "-differ")
        line.set_class(result is not None and result[0] == 1, "-same")
        if result is None:
            show(line, Content(self.t("board.place.nobody")))
            return
        count, low, high = result
        if count == 1:
            text = self.t("board.place.same", what=what, rung=scenario.rung_title(low))
        else:
            text = self.t(
                "board.place.differ",
                what=what,
                count=count,
                spread=scenario.rung_index(high) - scenario.rung_index(low),
                low=scenario.rung_title(low),
                high=scenario.rung_title(high),
            )
        show(line, Content(text))

    def said(self, name: str, value: Any) -> str:
        """A field's value as the facilitator reads it (in a question about a clash)."""
        if name == "note":
            return str(value or "")
        return self.scenario.rung_title(value) if value else self.t("review.none")

    async def record(self, activity: Activity, mine: dict[str, Any]) -> None:
        """Save what was changed here; a part another device changed meanwhile is asked about."""
        from facilitator.ui.dialogs.clashes import Settling
        from facilitator.ui.dialogs.reopen import change_asked

        screen, t = self.screen, self.t
        labels = {
            "current": t("board.place.agreed_current"),
            "wished": t("board.place.agreed_wished"),
            "note": t("board.place.note"),
        }
        settling = Settling(screen.app, t, self.base, mine, labels.__getitem__, self.said)
        activity_id = activity.id
        nothing = False  # nothing left to write: what the form says is what the file has

        async def plan(session: Session) -> Callable[[], Event] | None:
            nonlocal nothing
            if not session.has_activity(activity_id):
                return None  # the screen closes, saying so
            changes = await settling.against(agreement(session.activity(activity_id)))
            nothing = not changes
            return (lambda: self.service.agree(activity_id, **changes)) if changes else None

        said = t("agree.reopen.change.agreement")
        done = await change_asked(screen.app, self.service, activity_id, "activity.agreed", said, plan)
        if done is None and not nothing:
            return  # Cancel (the form stays as filled in), or refused
        agreed = self.current()
        rung = agreed.agreed_current if agreed is not None else None
        if rung is not None:
            title = cut(activity.title, 60)
            message = t("board.place.agreed", title=title, rung=self.scenario.rung_title(rung))
            screen.notify(message, markup=False, timeout=3)
        self.close()

    async def revote(self, activity: Activity, new_round: Callable[[], Event]) -> bool:
        """A new round, asked first when the room had agreed (and whose sign-offs it reopens)."""
        from facilitator.ui.dialogs.reopen import change_asked, just

        screen, t = self.screen, self.t
        question = ""
        if activity.agreed_current is not None:
            question = t("board.place.revote_confirm", round=activity.round + 1, title=activity.title)
        said = t("agree.reopen.change.revote")
        done = await change_asked(
            screen.app,
            self.service,
            activity.id,
            "activity.revote",
            said,
            just(new_round),
            question=question,
            yes_key="board.place.button.revote",
            alone=("board.place.button.revote", False),
        )
        return done is not None
