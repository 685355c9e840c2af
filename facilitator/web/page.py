"""What a party's page shows, as plain data for the templates.

Built from the party's view of the session (`party_view`), so a placement the party may
not see is not even in the data the template gets. Texts stay as typed: the templates
escape them (jinja2 autoescape).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from facilitator.core.authorship import EnteredFor, entered_for
from facilitator.core.counterpart import in_language
from facilitator.core.dates import shown_date
from facilitator.core.model import Activity, Expectation, Placement, Session
from facilitator.core.reopening import Reopening, agreement_mark, reopenings, signed_parties
from facilitator.core.rules import refusal
from facilitator.core.scenario import Scenario
from facilitator.web.core_api import promises


@dataclass(frozen=True)
class RungChoice:
    id: str
    number: int
    name: str
    summary: str


@dataclass(frozen=True)
class Shown:
    """One party's placement after the reveal."""

    party: str
    current: str
    wished: str
    by: str = ""
    mine: bool = False
    entered: bool = False  # the facilitator entered it for the party (no phone sent it)


@dataclass(frozen=True)
class ExpectationLine:
    id: str
    from_party: str
    to_party: str
    text: str
    state: str
    response: str
    entered: bool = False
    """The facilitator entered the expectation for its party (no phone sent it)."""
    answer_entered: bool = False
    """The facilitator entered the answer for the addressee."""


@dataclass(frozen=True)
class CommitmentLine:
    text: str
    entered: bool = False
    """The facilitator entered it for the party (no phone sent it)."""


@dataclass(frozen=True)
class AgreeBlock:
    """One activity in the roles and expectations phase, from one party's side."""

    id: str
    title: str
    description: str
    parties: list[str]
    to_us: list[ExpectationLine]
    from_us: list[ExpectationLine]
    commitments: list[CommitmentLine]
    others: list[tuple[str, str]]  # (party id, name): who we can address an expectation to
    signed_off: bool
    agreed: str
    agreed_wished: str = ""
    """The agreed wished rung, as "2. Cooperation" ("" until agreed)."""
    role: str = ""
    """The party's role in the activity, by the scenario's name ("" until set)."""
    closed_key: str = ""
    """Why the party can't commit, expect, answer or sign off here now (`core.rules`); "" if it can."""
    closed_values: dict[str, object] = field(default_factory=dict)
    can_withdraw: bool = False
    """Signed off, and the room's rules still let the party withdraw it (until the phase ends)."""
    reopened: Reopening | None = None
    """The change that reopened the party's sign-off, not signed again since (`core.reopening`)."""
    mark: int = 0
    """The agreement as shown (`agreement_mark`): the sign-off asked for from here is on it."""
    signed_by_others: list[str] = field(default_factory=list)
    """The other parties that have signed off: a commitment, expectation or answer sent now
    reopens their sign-offs, which the page says beside the forms."""

    @property
    def waiting(self) -> int:
        """Expectations to this party still waiting for its answer."""
        return sum(1 for e in self.to_us if e.state == "open")


@dataclass(frozen=True)
class FollowUpLine:
    """One of the party's own promises of last time, and what was answered of it."""

    id: str
    kind: str
    text: str
    due: str
    outcome: str  # "" until answered
    note: str
    confirmed: bool
    entered: bool = False
    """The facilitator recorded what came of it (no phone of the party answered)."""


@dataclass(frozen=True)
class StepLine:
    """One of the party's next steps: what, by when (as the page's language writes dates), done."""

    text: str
    due: str
    done: bool


@dataclass(frozen=True)
class OpenActivity:
    """The activity the facilitator opened for placement, as this party sees it."""

    id: str
    title: str
    description: str
    parties: list[str]
    round: int
    involved: bool
    revealed: bool
    placed: tuple[str, str] | None  # our (current, wished) rung ids this round
    placed_names: tuple[str, str] | None
    placed_count: int
    shown: list[Shown] = field(default_factory=list)
    agreed_current: str = ""
    agreed_wished: str = ""
    changed_by_facilitator: str = ""
    """Who sent the phone's placement the facilitator entered over ("" if none was replaced)."""
    entered_by_facilitator: bool = False
    """Our placement is one the facilitator entered for us, over no phone's."""
    just_agreed: bool = False
    """Not open any more: the activity the room agreed on last, shown until the next opens."""


@dataclass(frozen=True)
class PartyPage:
    """Everything the live part of the page shows."""

    version: int
    party: str
    phase_name: str
    phase_kind: str
    phase_description: str
    rungs: list[RungChoice]
    open: OpenActivity | None
    agree: list[AgreeBlock]
    title: str = ""
    followup: list[FollowUpLine] = field(default_factory=list)
    closed: bool = False
    """The workshop is closed: the page shows its results and offers no form."""
    steps: list[StepLine] = field(default_factory=list)
    """Once closed: the party's next steps, with their due dates (what is followed up next time)."""

    @property
    def agenda(self) -> list[AgreeBlock]:
        """The party's activities in the roles phase, what waits for its answer first, then
        what it has not signed off yet, then the signed ones."""
        return sorted(self.agree, key=lambda b: (not b.waiting, b.signed_off))


def rung_name(scenario: Scenario, rung_id: str | None) -> str:
    for number, rung in enumerate(scenario.rungs, start=1):
        if rung.id == rung_id:
            return f"{number}. {rung.name}"
    return ""


def sender(session: Session, placement: Placement) -> str:
    """Who sent a placement from a phone, when it says more than the party's name: the name
    typed there. One the facilitator entered has none (`Shown.entered` says so)."""
    by = placement.by
    if not placement.from_device or by in ("", placement.party_id, session.party_name(placement.party_id)):
        return ""
    return by


def _open_activity(
    session: Session, activity: Activity, party_id: str, ours: Placement | None
) -> OpenActivity:
    scenario = session.scenario
    shown: list[Shown] = []
    if activity.revealed:
        for placement in session.placements_for(activity.id):
            shown.append(
                Shown(
                    session.party_name(placement.party_id),
                    rung_name(scenario, placement.current),
                    rung_name(scenario, placement.wished),
                    sender(session, placement),
                    placement.party_id == party_id,
                    entered=not placement.from_device,
                )
            )
    return OpenActivity(
        id=activity.id,
        title=activity.title,
        description=activity.description,
        parties=[session.party_name(p) for p in activity.party_ids],
        round=activity.round,
        involved=party_id in activity.party_ids,
        revealed=activity.revealed,
        placed=(ours.current, ours.wished) if ours else None,
        placed_names=(rung_name(scenario, ours.current), rung_name(scenario, ours.wished)) if ours else None,
        placed_count=placed_count(session, activity.id),
        shown=shown,
        agreed_current=rung_name(scenario, activity.agreed_current),
        agreed_wished=rung_name(scenario, activity.agreed_wished),
        changed_by_facilitator=replaced_phone(ours),
        entered_by_facilitator=ours is not None and not ours.from_device and not ours.replaced_device,
    )


def _line(session: Session, e: Expectation, entered: EnteredFor) -> ExpectationLine:
    return ExpectationLine(
        e.id,
        session.party_name(e.from_party),
        session.party_name(e.to_party),
        e.text,
        e.state,
        e.response,
        entered.expectation(e.id),
        e.state != "open" and entered.answer(e.id),
    )


def _agree_block(
    session: Session,
    activity: Activity,
    party_id: str,
    entered: EnteredFor,
    reopened: dict[str, dict[str, Reopening]],
) -> AgreeBlock:
    expectations = session.expectations_for(activity.id)
    closed = refusal(
        session, party_id, "commitment.added", {"party_id": party_id, "activity_id": activity.id}
    )
    signed = any(s.party_id == party_id for s in session.signoffs_for(activity.id))
    ids = {"party_id": party_id, "activity_id": activity.id}
    may_withdraw = signed and refusal(session, party_id, "signoff.withdrawn", ids) is None
    return AgreeBlock(
        id=activity.id,
        title=activity.title,
        description=activity.description,
        parties=[session.party_name(p) for p in activity.party_ids],
        to_us=[_line(session, e, entered) for e in expectations if e.to_party == party_id],
        from_us=[_line(session, e, entered) for e in expectations if e.from_party == party_id],
        commitments=[
            CommitmentLine(c.text, entered.commitment(c.id))
            for c in session.commitments_for(activity.id)
            if c.party_id == party_id
        ],
        others=[(p, session.party_name(p)) for p in activity.party_ids if p != party_id],
        signed_off=signed,
        agreed=rung_name(session.scenario, activity.agreed_current),
        agreed_wished=rung_name(session.scenario, activity.agreed_wished),
        role=_role_name(session, activity.id, party_id),
        closed_key=(closed.key or "") if closed else "",
        closed_values=dict(closed.values) if closed else {},
        can_withdraw=may_withdraw,
        reopened=None if signed else reopened.get(activity.id, {}).get(party_id),
        mark=agreement_mark(session, activity.id),
        signed_by_others=[
            session.party_name(p) for p in signed_parties(session, activity.id) if p != party_id
        ],
    )


def _role_name(session: Session, activity_id: str, party_id: str) -> str:
    role_id = session.roles_for(activity_id).get(party_id)
    known = {r.id: r.name for r in session.scenario.roles}
    return known.get(role_id, role_id) if role_id else ""


def replaced_phone(ours: Placement | None) -> str:
    """Who sent the party's placement from a phone, when the facilitator has since entered
    another over it (the phone says so); "" otherwise."""
    if ours is None or ours.from_device or not ours.replaced_device:
        return ""
    return ours.replaced_by or "?"


def placed_count(session: Session, activity_id: str) -> int:
    """How many parties placed this round: what everyone may know (who, never where).

    The room's view keeps a blind placement with its rungs taken out, so it counts."""
    activity = session.activity(activity_id)
    return len({p.party_id for p in session.placements_for(activity_id)} & set(activity.party_ids))


def own_placement(session: Session, activity_id: str, party_id: str) -> Placement | None:
    """The party's own placement in the activity's current round (its own: never hidden from it)."""
    return next((p for p in session.placements_for(activity_id) if p.party_id == party_id), None)


def last_closed(session: Session) -> str | None:
    """The activity whose placement the facilitator closed last, if nothing was opened since.

    Recording the agreement closes the placement at once: without this, no phone would
    ever show the agreed rung."""
    closed = False
    for event in reversed(session.events):
        if event.kind != "placement.opened":
            continue
        opened = event.data.get("id")
        if opened is not None:
            return str(opened) if closed else None
        closed = True
    return None


def party_page(
    room_view: Session,
    party_id: str,
    phase_id: str,
    open_id: str | None,
    version: int,
    not_started: str,
    own: Placement | None = None,
    language: str = "",
    log: Session | None = None,
) -> PartyPage:
    """The live page of one party, from the room's view (`party_view(session, None)`: nobody's
    blind placement) plus the party's own placement of the open activity (`own`).

    Phase, rung and field names are in the page's `language` where the scenario has a twin
    in it (as the app shows them). One room view serves every phone, so forty phones
    refreshing cost one cut, not forty. `log` is the session whose log says who entered the
    parties' words (`authorship`; the room view's own log is cut for the room)."""
    session = room_view
    if language and language != session.scenario.language:
        session = dataclasses.replace(session, scenario=in_language(session.scenario, language))
    scenario = session.scenario
    phase = next((p for p in scenario.agenda if p.id == phase_id), None)
    open_activity = None
    if open_id is not None and session.has_activity(open_id):
        open_activity = _open_activity(session, session.activity(open_id), party_id, own)
    elif phase is not None and phase.kind == "place":
        recent = last_closed(session)
        if recent and session.has_activity(recent) and session.activity(recent).agreed_current:
            shown = _open_activity(session, session.activity(recent), party_id, None)
            open_activity = dataclasses.replace(shown, just_agreed=True)
    agree: list[AgreeBlock] = []
    entered = entered_for(log or room_view)
    closed = bool(session.info.closed_at)
    if closed:
        open_activity, phase = None, None
        results = [a for a in session.activities if a.agreed_current and party_id in a.party_ids]
        agree = [_agree_block(session, a, party_id, entered, {}) for a in results]
    elif phase is not None and phase.kind == "agree":
        chosen = [session.activity(open_id)] if open_activity is not None and open_id else session.activities
        reopened = reopenings(log or room_view, party_id)  # one walk of the log for every block
        agree = [
            _agree_block(session, a, party_id, entered, reopened) for a in chosen if party_id in a.party_ids
        ]
    showing_followup = closed or (phase is not None and phase.kind == "followup")
    language = language or session.scenario.language
    return PartyPage(
        version=version,
        party=session.party_name(party_id),
        phase_name=phase.name if phase else not_started,
        phase_kind=phase.kind if phase else "",
        phase_description=phase.description if phase else "",
        rungs=[RungChoice(r.id, n, r.name, r.summary) for n, r in enumerate(scenario.rungs, start=1)],
        open=open_activity if phase is None or phase.kind != "agree" else None,
        agree=agree,
        title=session.info.title,
        followup=_followup_lines(session, party_id, language, entered) if showing_followup else [],
        closed=closed,
        steps=_step_lines(session, party_id, language) if closed else [],
    )


def _followup_lines(
    session: Session, party_id: str, language: str, entered: EnteredFor
) -> list[FollowUpLine]:
    """The party's own promises of last time, with their due dates and what came of them."""
    return [
        FollowUpLine(
            f.id,
            f.kind,
            f.text,
            shown_date(f.due, language),  # 01.03.2027 in Estonian
            f.outcome,
            f.note,
            f.confirmed,
            bool(f.outcome) and entered.followup(f.id),
        )
        for f in promises(session)
        if f.party_id == party_id
    ]


def _step_lines(session: Session, party_id: str, language: str) -> list[StepLine]:
    """The party's next steps, open ones first, by due date: as its handout lists them."""
    steps = sorted(
        (x for x in session.actions if x.owner == party_id), key=lambda x: (x.done, x.due or "9999")
    )
    return [StepLine(x.text, shown_date(x.due, language), x.done) for x in steps]
