"""A complete sample session built from the guide's examples.

Newcomers, the review and export features and the benchmarks all need real data:
parties, activities, blind placements with some disagreements, agreed rungs, roles,
commitments, expectations in every state, agreement fields, sign-offs and actions.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from facilitator.core.errors import UserError
from facilitator.core.library import SessionLibrary, SessionSummary
from facilitator.core.scenario import Scenario
from facilitator.core.service import SessionService

TEXTS: dict[str, dict[str, Any]] = {
    "en": {
        "title": "Community safety partners: demo workshop",
        "place": "Keila town hall",
        "facilitator": "Demo Facilitator",
        "participants": ["Mari Tamm", "Jaan Kask", "Liis Mets", "Peeter Saar", "Kadri Põld"],
        "commit_lead": "We will prepare the agenda and send the notes within a week.",
        "commit_partner": "We will bring the latest figures from our field to every meeting.",
        "commit_overlap": "We will prepare the agenda and send the notes within a week.",
        "expect": [
            "We expect you to tell us about problems in the area before the meeting.",
            "We expect you to come to the round table at least once a quarter.",
            "We expect you to share the anonymised incident statistics.",
            "We expect you to fund the venue.",
        ],
        "amended": "We will share the statistics twice a year, anonymised.",
        "declined": "We have no budget for venues this year.",
        "note": "The room agreed it is communication today, and wants it to become cooperation.",
        "actions": [
            "Set up a shared calendar for youth work",
            "Invite the residents' association to the next round table",
            "Draft the evaluation plan for the safety development plan",
        ],
    },
    "et": {
        "title": "Kogukondliku turvalisuse partnerid: näidistöötuba",
        "place": "Keila linnavalitsus",
        "facilitator": "Näidis Vahendaja",
        "participants": ["Mari Tamm", "Jaan Kask", "Liis Mets", "Peeter Saar", "Kadri Põld"],
        "commit_lead": "Valmistame ette päevakorra ja saadame märkmed nädala jooksul.",
        "commit_partner": "Toome igale kohtumisele oma valdkonna värskeimad andmed.",
        "commit_overlap": "Valmistame ette päevakorra ja saadame märkmed nädala jooksul.",
        "expect": [
            "Ootame, et annate piirkonna probleemidest teada enne kohtumist.",
            "Ootame, et tulete ümarlauale vähemalt kord kvartalis.",
            "Ootame, et jagate anonüümitud sündmuste statistikat.",
            "Ootame, et rahastate ruumi rendi.",
        ],
        "amended": "Jagame statistikat kaks korda aastas, anonüümituna.",
        "declined": "Meil pole sel aastal ruumide jaoks eelarvet.",
        "note": "Ruum leppis kokku, et täna on see kommunikatsioon, ja soovib liikuda kooperatsiooni.",
        "actions": [
            "Luua noorsootöö ühine kalender",
            "Kutsuda korteriühistute esindaja järgmisele ümarlauale",
            "Koostada turvalisuse arengukava hindamise kava",
        ],
    },
}


FIELD_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "who_informs_whom": (
            "The district police officer informs the youth centre and the seniors' day centre."
        ),
        "how_often": "Monthly talk, plus an e-mail when something urgent happens.",
        "channel": "Talks on site; e-mail list of the youth centre.",
        "shared_goal": "Young people in Keila find help quickly, from whoever they meet first.",
        "avoid_overlap": "One shared calendar of activities; each case has one lead worker.",
    },
    "et": {
        "who_informs_whom": "Piirkonnapolitseinik teavitab noortekeskust ja eakate päevakeskust.",
        "how_often": "Kord kuus loeng, kiireloomulise asja puhul e-kiri.",
        "channel": "Loengud kohapeal; noortekeskuse e-posti list.",
        "shared_goal": "Keila noored saavad kiiresti abi, ükskõik kelle poole nad esmalt pöörduvad.",
        "avoid_overlap": "Üks ühine tegevuste kalender; igal juhtumil on üks juhtiv töötaja.",
    },
}


def demo_title(scenario: Scenario) -> str:
    return str(TEXTS.get(scenario.language, TEXTS["en"])["title"])


def find_demo(library: SessionLibrary, scenario: Scenario) -> SessionSummary | None:
    """The newest demo session already made from this scenario, if any (`m` opens it again)."""
    title = demo_title(scenario)
    return next(
        (s for s in library.list() if not s.error and s.scenario_id == scenario.id and s.title == title),
        None,
    )


def create_demo(library: SessionLibrary, scenario: Scenario) -> SessionService:
    """Create the demo session in the library and return its service."""
    t = TEXTS.get(scenario.language, TEXTS["en"])
    # Parties: every suggested party an example involves, plus the affected groups.
    wanted: list[str] = []
    for example in scenario.examples:
        wanted.extend(p for p in example.parties if p not in wanted)
    wanted.extend(p.id for p in scenario.parties if p.affected and p.id not in wanted)
    if len(scenario.examples) < 2 or len(wanted) < 2:  # check before anything is written
        raise UserError(
            f"scenario {scenario.id!r} can't make a demo: it needs at least 2 [[examples]] "
            "and 2 [[parties]] that the examples name or that are affected"
        )
    today = dt.date.today()
    service = library.create(
        scenario,
        str(t["title"]),
        date=today.isoformat(),
        place=str(t["place"]),
        facilitator=str(t["facilitator"]),
    )
    rungs = scenario.rung_ids()

    party_of: dict[str, str] = {}
    for suggested_id in wanted:
        suggested = scenario.suggested_party(suggested_id)
        if suggested is not None:
            party_of[suggested_id] = service.add_party(
                suggested.name, suggested_id=suggested.id, affected=suggested.affected
            )
    party_ids = list(party_of.values())
    for i, name in enumerate(t["participants"]):
        service.add_participant(str(name), party_ids[i % len(party_ids)])

    affected = [party_of[p.id] for p in scenario.parties if p.affected and p.id in party_of]

    # Activities from the guide's examples.
    activity_ids: list[str] = []
    homes: list[int] = []
    for i, example in enumerate(scenario.examples):
        homes.append(rungs.index(example.rung))
        parties = [party_of[p] for p in example.parties if p in party_of]
        if len(parties) < 2:  # every joint activity has at least two parties
            parties.append(next(p for p in party_ids if p not in parties))
        concerns = [affected[i % len(affected)]] if affected and i % 3 == 0 else []
        activity_ids.append(
            service.add_activity(
                f"{example.place}: {example.title}",
                description=example.text,
                party_ids=parties,
                approach=example.approach,
                concerns=concerns,
            )
        )

    # Blind placements: most activities placed, some with disagreement.
    session = service.session
    for i, activity in enumerate(session.activities):
        if i == len(session.activities) - 1:
            continue  # one activity not placed yet
        home = homes[i]
        for j, party in enumerate(activity.party_ids):
            disagree = i % 3 == 1 and j == 1
            current = rungs[min(home + 1, len(rungs) - 1)] if disagree else rungs[home]
            wished = rungs[min(home + 1 + (j % 2), len(rungs) - 1)]
            service.place(activity.id, party, current, wished)
        if i % 4 != 3:
            service.reveal(activity.id)
            if i % 5 != 4:
                service.agree(activity.id, current=rungs[home], wished=rungs[min(home + 1, len(rungs) - 1)])
    first = activity_ids[0]
    service.agree(first, note=str(t["note"]))

    # Roles, commitments, expectations in every state, fields, sign-offs, actions.
    lead = scenario.lead_role()
    other_roles = [r.id for r in scenario.roles if not r.lead]
    for i, activity in enumerate(service.session.activities[:6]):
        for j, party in enumerate(activity.party_ids):
            if j == 0 and lead is not None and i != 2:
                service.set_role(activity.id, party, lead.id)
            elif other_roles and not (i == 4 and j == 1):
                service.set_role(activity.id, party, other_roles[(i + j) % len(other_roles)])
    acts = service.session.activities
    a0, a1 = acts[0], acts[1]
    service.add_commitment(a0.id, a0.party_ids[0], str(t["commit_lead"]))
    service.add_commitment(a0.id, a0.party_ids[1], str(t["commit_partner"]))
    service.add_commitment(a1.id, a1.party_ids[0], str(t["commit_lead"]))
    service.add_commitment(a1.id, a1.party_ids[1], str(t["commit_overlap"]))
    expect = [str(x) for x in t["expect"]]
    e_open = service.add_expectation(a0.id, a0.party_ids[1], a0.party_ids[0], expect[0])
    e_ok = service.add_expectation(a0.id, a0.party_ids[0], a0.party_ids[1], expect[1])
    e_amend = service.add_expectation(a1.id, a1.party_ids[0], a1.party_ids[1], expect[2])
    e_decline = service.add_expectation(a1.id, a1.party_ids[1], a1.party_ids[0], expect[3])
    outsider = next((p for p in party_ids if p not in a1.party_ids), None)
    if outsider is not None:
        service.add_expectation(a1.id, a1.party_ids[0], outsider, expect[1])
    del e_open  # left unanswered on purpose
    service.answer_expectation(e_ok, "accepted")
    service.answer_expectation(e_amend, "amended", str(t["amended"]))
    service.answer_expectation(e_decline, "declined", str(t["declined"]))
    values: dict[str, str] = dict(
        FIELD_TEXTS[scenario.language if scenario.language in FIELD_TEXTS else "en"]
    )
    for activity in service.session.activities:
        if activity.agreed_current is None:
            continue
        for agreement_field in scenario.rung(activity.agreed_current).fields:
            if agreement_field.id in values:
                service.set_field(activity.id, agreement_field.id, values.pop(agreement_field.id))
    for party in a0.party_ids:
        service.sign_off(a0.id, party)
    service.sign_off(a1.id, a1.party_ids[0])
    for i, text in enumerate(t["actions"]):
        activity = acts[i % len(acts)]
        action = service.add_action(
            str(text),
            activity.party_ids[0],
            activity_id=activity.id,
            due=(today + dt.timedelta(days=14 * (i + 1))).isoformat(),
        )
        if i == 0:
            service.update_action(action, done=True)
    phase = next((p.id for p in scenario.agenda if p.kind == "agree"), None)
    if phase:
        service.set_phase(phase)
    return service
