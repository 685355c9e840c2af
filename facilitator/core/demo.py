"""A complete sample workshop in a made-up municipality, Kaasiku.

Newcomers, the review and export features and the benchmarks all need real data, and a
practitioner should recognise it: one (clearly made-up) municipality with its own
parties and people, activities modelled on the guide's examples but set there, and
roles, commitments, expectations and next steps that fit each activity. Wishes go up for
some activities, stay for others and go down for one. Every mismatch kind appears at
least once, each for a reason a facilitator could explain (see `WHY` in the tests).

The activities are placed on rungs by position (0 = the first rung, …), so the demo
works with any scenario whose ladder has at least four rungs; role and field ids the
scenario lacks are skipped.
"""

from __future__ import annotations

import datetime as dt

from facilitator.core.demo_activities import ACTIVITIES
from facilitator.core.demo_data import PARTIES, TEXTS, DemoActivity
from facilitator.core.errors import UserError
from facilitator.core.library import SessionLibrary, SessionSummary
from facilitator.core.scenario import Scenario
from facilitator.core.service import SessionService

__all__ = ["ACTIVITIES", "PARTIES", "TEXTS", "create_demo", "demo_scenario", "demo_title", "find_demo"]


def _check(scenario: Scenario) -> None:
    rungs = len(scenario.rungs)
    if rungs < 4:
        raise UserError.worded("cli.demo.short_ladder", id=repr(scenario.id), rungs=rungs)


def demo_title(scenario: Scenario) -> str:
    return str(TEXTS.get(scenario.language, TEXTS["en"])["title"])


def demo_scenario(scenarios: list[Scenario], language: str) -> Scenario | None:
    """The scenario a demo is made from when none is named: the first (a shipped one) in the
    interface language, for `facilitator demo` and the app's `m` alike."""
    return next((s for s in scenarios if s.language == language), None)


def find_demo(library: SessionLibrary, scenario: Scenario) -> SessionSummary | None:
    """The newest demo session already made from this scenario, if any (`m` opens it again).

    Never an unreadable one, nor one without activities (left half-made by an older version
    whose demo failed part-way): `m` would open that empty workshop every time."""
    title = demo_title(scenario)
    return next(
        (
            s
            for s in library.list()
            if not s.error and s.activities and s.scenario_id == scenario.id and s.title == title
        ),
        None,
    )


class _Demo:
    """Writes the demo's parties and activities into one new session, mapping the data's
    positions, keys and role names onto the scenario's rungs, parties and roles."""

    def __init__(self, service: SessionService, scenario: Scenario, lang: str, today: dt.date) -> None:
        self.service = service
        self.scenario = scenario
        self.lang = lang
        self.today = today
        self.rungs = scenario.rung_ids()
        self.role_ids = {r.id for r in scenario.roles}
        self.lead = scenario.lead_role()
        self.others = [r.id for r in scenario.roles if not r.lead]
        self.party: dict[str, str] = {}

    def rung(self, index: int) -> str:
        return self.rungs[min(index, len(self.rungs) - 1)]

    def role(self, role_id: str) -> str | None:
        if role_id in self.role_ids:
            return role_id
        if role_id == "lead":
            return self.lead.id if self.lead else None
        return self.others[0] if self.others else None

    def add_parties(self) -> None:
        lang, service = self.lang, self.service
        for p in PARTIES:
            suggested = self.scenario.suggested_party(p.suggested_id)
            self.party[p.key] = service.add_party(
                p.name[lang], suggested_id=suggested.id if suggested else None, affected=p.affected
            )
            for person in p.people:
                service.add_participant(person[lang], self.party[p.key])

    def add_activity(self, spec: DemoActivity) -> None:
        """One activity: placed, revealed and agreed as the data says, with all that goes with it."""
        lang, service, party = self.lang, self.service, self.party
        approach_ids = {a.id for a in self.scenario.approaches}
        flow_ids = set(self.scenario.flow_ids())
        activity = service.add_activity(
            spec.title[lang],
            description=spec.description[lang],
            party_ids=[party[k] for k in spec.parties],
            approaches=[a for a in spec.approaches if a in approach_ids],
            flows=[f for f in spec.flows if f in flow_ids],
            concerns=[party[k] for k in spec.concerns],
        )
        for key, current, wished in spec.placements:
            service.place(activity, party[key], self.rung(current), self.rung(wished))
        if spec.reveal:
            service.reveal(activity)
        if spec.agreed is not None:
            current, wished = spec.agreed
            note = spec.note[lang] if spec.note else ""
            service.agree(activity, current=self.rung(current), wished=self.rung(wished), note=note)
        for key, role_id in spec.roles.items():
            chosen = self.role(role_id)
            if chosen is not None:
                service.set_role(activity, party[key], chosen)
        self.add_agreement(activity, spec)

    def add_agreement(self, activity: str, spec: DemoActivity) -> None:
        """Commitments, expectations (answered), the agreed rung's fields, steps and sign-offs."""
        lang, service, party = self.lang, self.service, self.party
        for key, text in spec.commitments:
            service.add_commitment(activity, party[key], text[lang])
        for e in spec.expectations:
            expectation = service.add_expectation(activity, party[e.source], party[e.target], e.text[lang])
            if e.state != "open":
                response = e.response[lang] if e.response else ""
                service.answer_expectation(expectation, e.state, response)
        if spec.agreed is not None:
            rung_fields = {f.id for f in self.scenario.rung(self.rung(spec.agreed[0])).fields}
            for field_id, value in spec.fields.items():
                if field_id in rung_fields:
                    service.set_field(activity, field_id, value[lang])
        for step in spec.steps:
            action = service.add_action(
                step.text[lang],
                party[step.owner],
                activity_id=activity,
                due=(self.today + dt.timedelta(days=step.due_days)).isoformat(),
            )
            if step.done:
                service.update_action(action, done=True)
        for key in spec.signed:
            service.sign_off(activity, party[key])


def create_demo(library: SessionLibrary, scenario: Scenario) -> SessionService:
    """Create the demo workshop in the library and return its service."""
    _check(scenario)  # before anything is written
    lang = scenario.language if scenario.language in TEXTS else "en"
    t = TEXTS[lang]
    today = dt.date.today()

    def fill(service: SessionService) -> None:
        demo = _Demo(service, scenario, lang, today)
        demo.add_parties()
        for spec in ACTIVITIES:
            demo.add_activity(spec)
        phase = next((p.id for p in scenario.agenda if p.kind == "agree"), None)
        if phase:
            service.set_phase(phase)

    return library.create(  # all or nothing: a failed write leaves no half-made demo
        scenario,
        t["title"],
        date=today.isoformat(),
        place=t["place"],
        facilitator=t["facilitator"],
        fill=fill,
    )
