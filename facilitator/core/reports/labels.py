"""Names, rungs, roles, numbers and statuses as every report format shows them.

Shared by the Markdown/HTML builder, the CSV tables and the drawings, so that an
activity is "#3" and a rung "2. Cooperation" everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.core.closing import session_state
from facilitator.core.i18n import Translator
from facilitator.core.model import Activity, Expectation, Placement, Session
from facilitator.core.reports.document import EM, Inline, Span, muted, text, user


@dataclass(frozen=True)
class RoundView:
    """One placement round of an activity as the report may show it."""

    round: int
    revealed: bool
    placements: tuple[Placement, ...]

    @property
    def agree(self) -> bool:
        return len({(p.current, p.wished) for p in self.placements}) <= 1


class Labels:
    """Look-ups that every writer needs: names, rungs, roles, numbers and statuses."""

    def __init__(self, session: Session, t: Translator) -> None:
        self.session = session
        self.scenario = session.scenario
        self.t = t
        self.number = {a.id: i + 1 for i, a in enumerate(session.activities)}
        self._placements: dict[str, list[Placement]] = {}
        for p in session.placements:
            self._placements.setdefault(p.activity_id, []).append(p)

    def party(self, party_id: str) -> str:
        return self.session.party_name(party_id)

    def rung(self, rung_id: str | None) -> str:
        """ "2. Cooperation"; an id the scenario doesn't know is shown as it is."""
        if rung_id is None:
            return self.t("report.none")
        try:
            return self.scenario.rung_title(rung_id)
        except KeyError:
            return rung_id

    def rung_number(self, rung_id: str | None) -> int | None:
        if rung_id is None:
            return None
        try:
            return self.scenario.rung_index(rung_id) + 1
        except KeyError:
            return None

    def rung_name(self, rung_id: str | None) -> str:
        if rung_id is None:
            return ""
        try:
            return self.scenario.rung(rung_id).name
        except KeyError:
            return rung_id

    def role(self, role_id: str | None) -> str:
        if role_id is None:
            return ""
        try:
            return self.scenario.role(role_id).name
        except KeyError:
            return role_id

    def flows(self, flow_ids: tuple[str, ...]) -> str:
        """Directions of information flow by name, in the scenario's words."""
        return "; ".join(self.scenario.flow_name(f) for f in flow_ids)

    def approach(self, approach_id: str | None) -> str:
        if approach_id is None:
            return ""
        try:
            return self.scenario.approach(approach_id).name
        except KeyError:
            return approach_id

    def rounds(self, activity: Activity) -> list[RoundView]:
        """Every round of placements, oldest first; only the current round can be unrevealed."""
        mine = self._placements.get(activity.id, [])
        order = {p: i for i, p in enumerate(activity.party_ids)}
        out = []
        for r in range(1, activity.round + 1):
            placed = sorted((p for p in mine if p.round == r), key=lambda p: order.get(p.party_id, 99))
            revealed = activity.revealed or r < activity.round
            out.append(RoundView(r, revealed, tuple(placed)))
        return out

    def status(self, activity: Activity) -> str:
        """Where an activity stands, in one phrase (agreed, revealed, placed, ...)."""
        t = self.t
        if activity.agreed_current is not None:
            return t("report.status.agreed")
        if not activity.party_ids:
            return t("report.status.no_parties")
        current = self.rounds(activity)[-1]
        if not current.revealed:
            if not current.placements:
                return t("report.status.not_placed")
            return t("report.status.placed", placed=len(current.placements), total=len(activity.party_ids))
        if not current.placements:
            return t("report.status.no_views")
        if current.agree:
            first = current.placements[0]
            return t("report.status.same", current=self.rung(first.current), wished=self.rung(first.wished))
        return t("report.status.differ")

    def expectation_state(self, e: Expectation) -> Inline:
        t = self.t
        if e.state == "accepted":
            return text(Span(t("report.expectation.accepted"), EM))
        if e.state == "amended":
            return text(Span(t("report.expectation.amended"), EM), " ", user(e.response))
        if e.state == "declined":
            reason = (user(e.response),) if e.response.strip() else (muted(t("report.none")),)
            return text(Span(t("report.expectation.declined"), EM), " ", *reason)
        return text(Span(t("report.expectation.open"), EM))


def stage_name(session: Session, t: Translator) -> str:
    """Where the workshop is: "closed on 07.12.2026" once it ended, else its phase."""
    return session_state(session, t)
