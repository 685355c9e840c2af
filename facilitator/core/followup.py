"""Follow-up of last time: what a session made with `new --from` carries from the earlier one,
and what the room recorded of it.

`carried_items(earlier)` lists what is carried: each commitment, each accepted or amended
expectation (its agreed wording) and each open next step, with its wording, party and due
date; and each activity's agreed rungs, which the new session shows only beside this year's
revealed placements ("last time: 2. Cooperation → wished 3. Coordination"). The service records them as
`followup.added` changes (`kinds.followup`); the room then records what came of each.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from facilitator.core.i18n import Translator
from facilitator.core.model import FollowUp, Session
from facilitator.core.scenario import FOLLOWUP, Scenario, scenario_from_dict

PROMISE_KINDS = ("commitment", "expectation", "action")
"""The items followed up in the follow-up phase (activity items carry last time's rungs)."""


def carried_items(earlier: Session) -> list[dict[str, Any]]:
    """The `followup.added` payloads (without ids) for what a session made from `earlier` carries."""
    titles = {a.id: a.title for a in earlier.activities}
    items: list[dict[str, Any]] = []

    def item(kind: str, source_id: str, text: str, party_id: str, **more: Any) -> None:
        activity_id = more.get("activity_id")
        items.append(
            {
                "kind": kind,
                "source_id": source_id,
                "text": text,
                "party_id": party_id,
                "party_name": earlier.party_name(party_id) if party_id else "",
                "activity": titles.get(activity_id, "") if activity_id else "",
                **more,
            }
        )

    for c in earlier.commitments:
        item("commitment", c.id, c.text, c.party_id, activity_id=c.activity_id)
    for e in earlier.expectations:
        if e.state in ("accepted", "amended"):
            item(
                "expectation",
                e.id,
                e.effective_text,
                e.to_party,
                from_party=e.from_party,
                activity_id=e.activity_id,
            )
    for x in earlier.actions:
        if not x.done:
            item("action", x.id, x.text, x.owner, activity_id=x.activity_id, due=x.due)
    for a in earlier.activities:
        item(
            "activity", a.id, a.title, "", activity_id=a.id, current=a.agreed_current, wished=a.agreed_wished
        )
    return items


def promises(session: Session) -> tuple[FollowUp, ...]:
    """Last time's commitments, expectations and open steps, in the order they were carried."""
    return tuple(f for f in session.followups if f.kind in PROMISE_KINDS)


def last_time(session: Session, activity_id: str) -> FollowUp | None:
    """Last time's agreed rungs of an activity; None for an activity new this year (or no predecessor)."""
    return next((f for f in session.followups if f.kind == "activity" and f.source_id == activity_id), None)


def is_new_this_year(session: Session, activity_id: str) -> bool:
    """An activity the earlier session did not have (False for a session without a predecessor)."""
    return bool(session.info.previous_id) and last_time(session, activity_id) is None


def not_carried_over(session: Session) -> tuple[FollowUp, ...]:
    """Last time's activities this session no longer has (removed since)."""
    return tuple(
        f for f in session.followups if f.kind == "activity" and not session.has_activity(f.source_id)
    )


def outcomes_of(session: Session, previous_id: str) -> dict[str, str]:
    """What `session`'s follow-up recorded for each item of `previous_id`, by the item's id there.

    Only answers the room recorded (or confirmed): a party's answer from a phone that the
    facilitator has not confirmed yet is not an outcome.
    """
    if session.info.previous_id != previous_id:
        return {}
    return {f.source_id: f.outcome for f in promises(session) if f.outcome and f.confirmed}


def followed_up(session: Session, kind: str, source_id: str) -> FollowUp | None:
    """The follow-up item of an earlier commitment, expectation or step, if it was carried here."""
    return next((f for f in session.followups if f.kind == kind and f.source_id == source_id), None)


def last_time_text(session: Session, activity_id: str, t: Translator) -> str | None:
    """Beside this year's revealed placements: "last time: 2. Cooperation → wished 3. Coordination", or "new
    this time"; None in a session without a predecessor. Shown only once the round is revealed."""
    if not session.info.previous_id:
        return None
    found = last_time(session, activity_id)
    if found is None:
        return t("followup.new_this_year")
    if found.current is None:
        return t("followup.last_time.not_agreed")
    current = _rung_title(session, found.current)
    if found.wished is None or found.wished == found.current:
        return t("followup.last_time", current=current)
    # The wished rung by its title, as the handout writes it: "→ wished 3" was an abbreviation.
    return t("followup.last_time.wished", current=current, wished=_rung_title(session, found.wished))


def _rung_title(session: Session, rung_id: str) -> str:
    try:
        return session.scenario.rung_title(rung_id)
    except KeyError:
        return rung_id


def with_followup_phase(scenario: Scenario, candidates: Iterable[Scenario] = ()) -> Scenario:
    """The scenario a continuing session runs: the earlier session's, with the follow-up of last
    time at the start of the agenda if it lacks one (a session made before the phase existed, or
    without a predecessor, left it out). The phase comes from the scenario file of the same id and
    language where it declares one, else the catalogue's."""
    if any(p.kind == FOLLOWUP for p in scenario.agenda):
        return scenario
    phase = next(
        (
            dict(p)
            for c in candidates
            if c.id == scenario.id and c.language == scenario.language
            for p in c.raw.get("agenda", [])
            if isinstance(p, dict) and p.get("kind") == FOLLOWUP
        ),
        None,
    )
    if phase is None:
        t = Translator(scenario.language)
        phase = {
            "id": FOLLOWUP,
            "name": t("followup.phase.name"),
            "kind": FOLLOWUP,
            "minutes": 15,
            "description": t("followup.phase.description"),
        }
    if any(p.id == phase["id"] for p in scenario.agenda):  # a phase of that id already: a new one
        phase["id"] = f"{FOLLOWUP}-{len(scenario.agenda) + 1}"
    raw = dict(scenario.raw)
    raw["agenda"] = [phase, *raw.get("agenda", [])]
    return scenario_from_dict(raw, f"scenario {scenario.id}")
