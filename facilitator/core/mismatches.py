"""Mismatch rules: every place where the parties are not yet aligned, explained plainly.

Pure functions over a `Session`: `mismatches(session)` lists them all, in activity
order. Each mismatch names its kind, the activity and the parties concerned, where it
is fixed (which phase), and explains itself in Estonian and English from the catalogue.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import field

from facilitator.core.i18n import Translator
from facilitator.core.model import Activity, Session
from facilitator.core.party import party_view
from facilitator.core.record import record

# Kinds, in the order a facilitator meets them in the workshop.
KINDS = (
    "not_placed",
    "placements_disagree",
    "no_lead",
    "several_leads",
    "no_role",
    "expectation_outside",
    "expectation_open",
    "expectation_declined",
    "overlap",
    "fields_empty",
    "wish_without_action",
    "affected_missing",
    "empowerment_without_affected",
    "informed_on_collaboration",
    "cooperation_across_fields",
    "not_signed",
)

# Kinds that ask a question rather than report a gap: the answer may well be "yes, on purpose".
QUESTIONS = frozenset(
    {
        "no_lead",
        "several_leads",
        "affected_missing",
        "informed_on_collaboration",
        "cooperation_across_fields",
    }
)

# The sentence of the guide each kind rests on (`guide.quote.*`, with `guide.where.*` saying
# where in the guide it stands). A report cites each sentence once, however many mismatches
# rest on it. Where a rule asks more than the guide says, `mismatch.tool.*` says so.
SOURCES: dict[str, tuple[str, ...]] = {
    "not_placed": ("forms",),
    "placements_disagree": ("forms",),
    "no_lead": ("roles",),
    "several_leads": ("roles",),
    "no_role": ("roles",),
    "expectation_outside": ("expectations",),
    "expectation_open": ("expectations",),
    "expectation_declined": ("expectations",),
    "overlap": ("cooperation",),
    "fields_empty": ("forms",),
    "wish_without_action": ("forms",),
    "affected_missing": ("community",),
    "empowerment_without_affected": ("empowerment",),
    "informed_on_collaboration": ("collaboration",),
    "cooperation_across_fields": ("cooperation", "coordination"),
    "not_signed": ("forms",),
}
# Kinds whose question or advice is this tool's own, beyond the sentence they cite. The guide
# asks that roles be agreed; it never says a joint activity needs a lead (a round table of
# equals often has none), so "no lead" and "several leads" are the tool's questions.
TOOL_NOTES = frozenset(
    {
        "no_lead",
        "several_leads",
        "overlap",
        "fields_empty",
        "wish_without_action",
        "affected_missing",
        "cooperation_across_fields",
    }
)

# The rules that follow the guide's own distinctions key on the shipped scenarios' ids:
# a scenario that names its rungs, roles or approaches differently simply does not get them.
COOPERATION, COORDINATION, COLLABORATION = "cooperation", "coordination", "collaboration"
EMPOWERMENT = "empowerment"
INFORMED = "informed"
SHARED_GOAL = "shared_goal"  # the cooperation rung's field: the "similar goals" of its definition

# What each kind asks of the room. "discuss": the parties see it differently or something
# is missing that only they can settle (different placements, declined or unanswered
# expectations, no lead, an affected group left out, ...). "bookkeeping": the step simply
# has not been done yet (no role recorded, not placed, not signed off).
DISCUSS = "discuss"
BOOKKEEPING = "bookkeeping"
GROUPS = (DISCUSS, BOOKKEEPING)
GROUP = {
    "not_placed": BOOKKEEPING,
    "placements_disagree": DISCUSS,
    "no_lead": DISCUSS,
    "several_leads": DISCUSS,
    "no_role": BOOKKEEPING,
    "expectation_outside": DISCUSS,
    "expectation_open": DISCUSS,
    "expectation_declined": DISCUSS,
    "overlap": DISCUSS,
    "fields_empty": DISCUSS,
    "wish_without_action": DISCUSS,
    "affected_missing": DISCUSS,
    "empowerment_without_affected": DISCUSS,
    "informed_on_collaboration": DISCUSS,
    "cooperation_across_fields": DISCUSS,
    "not_signed": BOOKKEEPING,
}

# Where each kind is fixed, declared once for the overview and the roles view: the kind of
# agenda phase whose view shows it (else "agree"), and what to put the cursor on there.
FIX_PHASE = {
    "not_placed": "place",
    "placements_disagree": "place",
    "affected_missing": "collect",  # the activity's parties are edited where it was collected
    "empowerment_without_affected": "collect",  # its parties and approaches, likewise
}
FIX_ITEM = {
    "no_lead": "party",
    "several_leads": "party",
    "no_role": "party",
    "not_signed": "party",
    "expectation_outside": "expectation",
    "expectation_open": "expectation",
    "expectation_declined": "expectation",
    "fields_empty": "field",
    "overlap": "commitment",
    "wish_without_action": "action",
    "informed_on_collaboration": "party",
    "cooperation_across_fields": "field",  # a shared goal written down answers it
}


@record
class Mismatch:
    """Something the parties have not yet aligned on."""

    kind: str
    activity_id: str
    party_ids: tuple[str, ...] = ()
    values: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    target: str = ""  # an expectation, field or party id the fix concerns, where there is one

    @property
    def group(self) -> str:
        """DISCUSS or BOOKKEEPING: whether the room needs to talk about it."""
        return GROUP[self.kind]

    @property
    def phase_kind(self) -> str:
        """The kind of agenda phase where it is fixed."""
        return FIX_PHASE.get(self.kind, "agree")

    @property
    def fix_item(self) -> str:
        """What it is fixed on in that phase's view: party, expectation, field, commitment, action
        (or "" for the activity itself)."""
        return FIX_ITEM.get(self.kind, "")

    @property
    def question(self) -> bool:
        """A question worth asking, not a gap: the parties may answer "yes, on purpose"."""
        return self.kind in QUESTIONS

    def explain(self, t: Translator) -> str:
        """The plain explanation in the translator's language."""
        return t(f"mismatch.{self.kind}", **self.values)

    @property
    def sources(self) -> tuple[str, ...]:
        """The guide's sentences it rests on (ids of `guide.quote.*`)."""
        return SOURCES[self.kind]

    def tool_note(self, t: Translator) -> str:
        """What this tool asks or advises beyond the guide ("" where it asks nothing more)."""
        return t(f"mismatch.tool.{self.kind}") if self.kind in TOOL_NOTES else ""

    def basis(self, t: Translator) -> str:
        """The guide's sentences the rule rests on, where they stand, and the tool's own part."""
        cited = " ".join(cite(t, source) for source in self.sources)
        note = self.tool_note(t)
        return f"{cited} {note}" if note else cited


def cite(t: Translator, source: str) -> str:
    """One sentence of the guide and where in the guide it stands."""
    return t("guide.cite", quote=t(f"guide.quote.{source}"), where=t(f"guide.where.{source}"))


def _names(session: Session, party_ids: tuple[str, ...] | list[str]) -> str:
    return ", ".join(session.party_name(p) for p in party_ids)


def _normalise(text: str) -> str:
    """Commitments compared as people would: case, accents of spacing and punctuation ignored."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.findall(r"\w+", text))


Rule = Callable[[Session, Activity], Iterator[Mismatch]]


def _placement_rules(session: Session, activity: Activity) -> Iterator[Mismatch]:
    if activity.agreed_current is not None:
        return
    placements = session.placements_for(activity.id)
    placed = {p.party_id for p in placements}
    missing = [p for p in activity.party_ids if p not in placed]
    if missing:
        yield Mismatch(
            "not_placed",
            activity.id,
            tuple(missing),
            {"activity": activity.title, "parties": _names(session, missing)},
        )
    if not activity.revealed:  # placements are blind until the reveal: say nothing of them
        return
    currents = {p.current for p in placements}
    wishes = {p.wished for p in placements}
    if len(currents) > 1 or len(wishes) > 1:
        scenario = session.scenario
        views = "; ".join(
            f"{session.party_name(p.party_id)}: "
            f"{scenario.rung_title(p.current)} → {scenario.rung_title(p.wished)}"
            for p in placements
        )
        yield Mismatch(
            "placements_disagree",
            activity.id,
            tuple(p.party_id for p in placements),
            {"activity": activity.title, "views": views},
        )


def _role_rules(session: Session, activity: Activity) -> Iterator[Mismatch]:
    roles = session.roles_for(activity.id)
    lead = session.scenario.lead_role()
    if lead is not None and activity.party_ids:
        leads = [p for p in activity.party_ids if roles.get(p) == lead.id]
        # "Does anyone lead it?" is asked only once the rung is agreed and roles are being set:
        # before that it means nothing (an activity not even placed has no roles yet).
        setting = activity.agreed_current is not None and any(p in roles for p in activity.party_ids)
        if not leads and setting:
            yield Mismatch("no_lead", activity.id, (), {"activity": activity.title, "role": lead.name})
        elif len(leads) > 1:
            yield Mismatch(
                "several_leads",
                activity.id,
                tuple(leads),
                {"activity": activity.title, "role": lead.name, "parties": _names(session, leads)},
            )
    for party in activity.party_ids:
        if party not in roles:
            yield Mismatch(
                "no_role",
                activity.id,
                (party,),
                {"activity": activity.title, "party": session.party_name(party)},
                target=party,
            )


def _expectation_rules(session: Session, activity: Activity) -> Iterator[Mismatch]:
    for e in session.expectations_for(activity.id):
        values = {
            "activity": activity.title,
            "from": session.party_name(e.from_party),
            "to": session.party_name(e.to_party),
            "text": e.text,
            "reason": e.response,
        }
        if e.to_party not in activity.party_ids:
            yield Mismatch("expectation_outside", activity.id, (e.to_party,), values, target=e.id)
        if e.state == "open":
            yield Mismatch("expectation_open", activity.id, (e.to_party,), values, target=e.id)
        elif e.state == "declined":
            yield Mismatch(
                "expectation_declined", activity.id, (e.from_party, e.to_party), values, target=e.id
            )


def _overlap_rules(session: Session, activity: Activity) -> Iterator[Mismatch]:
    by_text: dict[str, list[str]] = {}
    shown: dict[str, str] = {}
    for c in session.commitments_for(activity.id):
        key = _normalise(c.text)
        if not key:
            continue
        parties = by_text.setdefault(key, [])
        if c.party_id not in parties:
            parties.append(c.party_id)
        shown.setdefault(key, c.text)
    for key, parties in by_text.items():
        if len(parties) > 1:
            yield Mismatch(
                "overlap",
                activity.id,
                tuple(parties),
                {"activity": activity.title, "parties": _names(session, parties), "text": shown[key]},
            )


def _field_rules(session: Session, activity: Activity) -> Iterator[Mismatch]:
    if activity.agreed_current is None:
        return
    rung = session.scenario.rung(activity.agreed_current)
    filled = session.fields_for(activity.id)
    empty = [f for f in rung.fields if not filled.get(f.id, "").strip()]
    if empty:
        yield Mismatch(
            "fields_empty",
            activity.id,
            (),
            {
                "activity": activity.title,
                "rung": session.scenario.rung_title(rung.id),
                "fields": ", ".join(f.label for f in empty),
            },
            target=empty[0].id,
        )


def _wish_rules(session: Session, activity: Activity) -> Iterator[Mismatch]:
    """A wish to move, up or down (both are legitimate), needs a next step or a note."""
    current, wished = activity.agreed_current, activity.agreed_wished
    if current is None or wished is None or current == wished:
        return
    scenario = session.scenario
    if not session.actions_for(activity.id) and not activity.agreed_note.strip():
        yield Mismatch(
            "wish_without_action",
            activity.id,
            (),
            {
                "activity": activity.title,
                "current": scenario.rung_title(current),
                "wished": scenario.rung_title(wished),
            },
        )


def _affected_rules(session: Session, activity: Activity) -> Iterator[Mismatch]:
    missing = [p for p in activity.concerns if p not in activity.party_ids]
    for party in missing:
        yield Mismatch(
            "affected_missing",
            activity.id,
            (party,),
            {"activity": activity.title, "group": session.party_name(party)},
            target=party,
        )


def _approach_rules(session: Session, activity: Activity) -> Iterator[Mismatch]:
    """Empowerment is done with the affected groups: "with them, not for them"."""
    if EMPOWERMENT not in activity.approaches or not activity.party_ids:
        return
    affected = {p.id for p in session.parties if p.affected}
    if not affected & set(activity.party_ids):
        yield Mismatch("empowerment_without_affected", activity.id, (), {"activity": activity.title})


def _rung_questions(session: Session, activity: Activity) -> Iterator[Mismatch]:
    """Questions the guide's definitions of the rungs raise about an agreed rung."""
    current = activity.agreed_current
    scenario = session.scenario
    if current == COLLABORATION:
        roles = session.roles_for(activity.id)
        for party in activity.party_ids:
            if roles.get(party) == INFORMED:
                yield Mismatch(
                    "informed_on_collaboration",
                    activity.id,
                    (party,),
                    {
                        "activity": activity.title,
                        "rung": scenario.rung_title(current),
                        "party": session.party_name(party),
                        "role": scenario.role(INFORMED).name,
                    },
                    target=party,
                )
    if current == COOPERATION:
        yield from _cooperation_question(session, activity)


def _cooperation_question(session: Session, activity: Activity) -> Iterator[Mismatch]:
    """Cooperation is joint activity of organisations "of the same field or with similar
    goals": asked only when the parties share no field *and* no shared goal is recorded."""
    scenario = session.scenario
    if session.fields_for(activity.id).get(SHARED_GOAL, "").strip():
        return
    known = [p for p in session.parties if p.id in activity.party_ids]
    # Parties of unknown field (typed ones, affected groups) say nothing.
    fields = [f for f in (set(scenario.party_fields(p.suggested_id)) for p in known) if f]
    if len(fields) > 1 and not set.intersection(*fields):
        named = [p.id for p in known if scenario.party_fields(p.suggested_id)]
        other = COORDINATION if COORDINATION in scenario.rung_ids() else COOPERATION
        yield Mismatch(
            "cooperation_across_fields",
            activity.id,
            tuple(named),
            {
                "activity": activity.title,
                "rung": scenario.rung_title(COOPERATION),
                "parties": _names(session, named),
                "other": scenario.rung_title(other),
            },
            target=SHARED_GOAL,
        )


def _signoff_rules(session: Session, activity: Activity) -> Iterator[Mismatch]:
    signed = {s.party_id for s in session.signoffs_for(activity.id)}
    missing = [p for p in activity.party_ids if p not in signed]
    if missing:
        yield Mismatch(
            "not_signed",
            activity.id,
            tuple(missing),
            {"activity": activity.title, "parties": _names(session, missing)},
        )


# A rule reads only the activity, the rows attached to it (`Session.attached`), the parties
# and the scenario: `mismatches` keeps an activity's findings while those are the same objects.
RULES: tuple[Rule, ...] = (
    _placement_rules,
    _role_rules,
    _expectation_rules,
    _overlap_rules,
    _field_rules,
    _wish_rules,
    _affected_rules,
    _approach_rules,
    _rung_questions,
    _signoff_rules,
)


def mismatches(session: Session) -> list[Mismatch]:
    """Every mismatch in the session, activity by activity, in the order of KINDS.

    An activity whose inputs are the very objects of the last call (see `RULES`) keeps what
    was found then: after one change, one activity is looked at again, not every one."""
    out: list[Mismatch] = []
    session = party_view(session, None)  # texts about placements never say where before the reveal
    scope = (session.scenario, session.parties)
    last_scope, last = _LAST.state
    if last_scope[0] is not scope[0] or last_scope[1] is not scope[1]:
        last = {}
    found_now: dict[str, tuple[tuple[object, ...], list[Mismatch]]] = {}
    for activity in session.activities:
        inputs = (activity, *session.attached(activity.id))
        hit = last.get(activity.id)
        if hit is not None and len(hit[0]) == len(inputs) and all(map(operator.is_, hit[0], inputs)):
            found = hit[1]
        else:
            found = [m for rule in RULES for m in rule(session, activity)]
            found.sort(key=lambda m: _ORDER[m.kind])
        found_now[activity.id] = (inputs, found)
        out.extend(found)
    _LAST.state = (scope, found_now)  # one assignment: a thread reading meanwhile sees old or new
    return out


_ORDER = {kind: i for i, kind in enumerate(KINDS)}


class _Found:
    """What the last call found per activity, with its inputs (held, so identity stays meaningful)."""

    def __init__(self) -> None:
        self.state: tuple[tuple[object, object], dict[str, tuple[tuple[object, ...], list[Mismatch]]]] = (
            (None, None),
            {},
        )


_LAST = _Found()


def counts_by_kind(found: list[Mismatch], order: tuple[str, ...] = KINDS) -> dict[str, int]:
    """Kinds found, with how many of each, in `order` (e.g. `kinds_by_group()`)."""
    counts = dict.fromkeys(order, 0)
    for m in found:
        counts[m.kind] += 1
    return {k: v for k, v in counts.items() if v}


def kinds_by_group() -> tuple[str, ...]:
    """Every kind, those to discuss first (each group in the order of KINDS)."""
    return tuple(k for group in GROUPS for k in KINDS if GROUP[k] == group)


def by_group(found: list[Mismatch]) -> list[Mismatch]:
    """The same mismatches, those to discuss first (each group keeps its order)."""
    return [m for group in GROUPS for m in found if m.group == group]


def counts_by_group(found: list[Mismatch]) -> dict[str, int]:
    """{"discuss": n, "bookkeeping": m}, both always present."""
    counts = dict.fromkeys(GROUPS, 0)
    for m in found:
        counts[m.group] += 1
    return counts
