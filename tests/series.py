"""A partnership over three years, made from the demo as a facilitator would with `new --from`:
next year a party is gone and one is new, the room places afresh, follows last year's promises
up (a party answers for its own from a phone, the facilitator confirms) and carries an open
step over; the year after follows those up in turn."""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.core.demo import create_demo
from facilitator.core.followup import promises
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService


@dataclass
class Series:
    services: list[SessionService]
    gone: str  # the party that left after the first year
    newcomer: str  # the party that joined in the second
    carried_step: str  # the second year's step carried over from the first
    moved: str  # an activity placed a rung higher in the second year


def agree_afresh(service: SessionService, activity_id: str, current: str, wished: str) -> None:
    """A fresh blind round: every party places, the facilitator reveals, the room agrees."""
    activity = service.session.activity(activity_id)
    for party in activity.party_ids:
        service.place(activity_id, party, current, wished)
    service.reveal(activity_id)
    service.agree(activity_id, current=current, wished=wished)


def three_years(library: SessionLibrary, scenario: str = "community-safety") -> Series:
    first = create_demo(library, find_scenario(scenario))
    s1 = first.session
    second = library.create_from(s1.id, date="2027-12-06")
    gone = s1.parties[-1].id
    second.remove_party(gone)
    newcomer = second.add_party("Rescue board")
    police = s1.parties[0].id
    moved = next(a for a in s1.activities if a.agreed_current == "communication" and gone not in a.party_ids)
    for a in s1.activities:
        if a.agreed_current is not None and second.session.has_activity(a.id):
            up = a.id == moved.id
            agree_afresh(
                second, a.id, "cooperation" if up else a.agreed_current, a.agreed_wished or a.agreed_current
            )
    second.add_activity("Joint drills", party_ids=[police, newcomer])
    second.set_phase("followup")
    items = promises(second.session)
    outcomes = ["done", "partly", "not_done", "dropped"]
    for n, item in enumerate(items):
        if item.party_id == gone:
            continue  # nobody left to say
        if n % 5 == 4:
            # The party answers from its phone; the facilitator confirms.
            second.for_party(item.party_id, actor="phone").answer_followup(item.id, "done", "on our phone")
            second.confirm_followup(item.id)
        else:
            second.record_followup(item.id, outcomes[n % 4], f"note {n}")
    open_step = next(i for i in promises(second.session) if i.kind == "action" and i.party_id != gone)
    carried = second.carry_over(open_step.id, due="2028-03-01")
    second.update_action(carried, done=True)
    drills = second.add_action("Plan the drills", owner=newcomer, due="2028-03-01")
    second.update_action(drills, done=True)
    second.add_commitment(moved.id, police, "We come to every meeting")
    third = library.create_from(second.session.id, date="2028-12-04")
    for item in promises(third.session):
        if item.kind == "commitment":
            third.record_followup(item.id, "done")
    return Series([first, second, third], gone, newcomer, carried, moved.id)
