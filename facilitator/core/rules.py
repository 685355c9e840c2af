"""The room's rules for a participant's device: what a party may change, and when.

A party places only the activity the facilitator opened, in the placement phase, until its
reveal; it commits, expects, answers and signs off only in the roles and expectations phase,
on its own activities whose rung has been agreed, and its answers stay open until it signs
off. `check` runs inside the change's transaction (`changes.apply_change`), on the tables
as they are under the lock, so the app, the phones and the CLI can't disagree and a phase
changed a moment earlier counts. The facilitator (no `Author`) keeps every power, and a
replay of the log is not checked again.

Each refusal is a `NotAllowed` with one sentence in the catalogue (`error.rule.*`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from facilitator.core.errors import NotAllowed
from facilitator.core.kinds.base import Context

PLACE, AGREE = "place", "agree"
"""The agenda phase kinds in which a party places, and agrees roles and expectations."""


def _phase_kind(ctx: Context) -> str:
    phase_id = ctx.meta().get("phase", "")
    return next((p.kind for p in ctx.scenario.agenda if p.id == phase_id), "")


def _own(party: str, claimed: Any) -> None:
    if claimed != party:
        raise NotAllowed("a device speaks only for its own party", "error.rule.own_party")


def _activity(ctx: Context, activity_id: Any, party: str) -> dict[str, Any]:
    activity = ctx.need("activities", activity_id, "activity")
    if party not in activity["party_ids"]:
        name = ctx.need("parties", party, "party")["name"]
        raise NotAllowed(
            f"{name!r} does not take part in {activity['title']!r}",
            "error.not_involved",
            party=name,
            activity=activity["title"],
        )
    return activity


def _placing(ctx: Context, data: dict[str, Any], party: str) -> None:
    _own(party, data.get("party_id"))
    if _phase_kind(ctx) != PLACE:
        raise NotAllowed("placements are made in the placement phase", "error.rule.not_placing")
    activity = _activity(ctx, data.get("activity_id"), party)
    if ctx.meta().get("open_activity") != activity["id"]:
        raise NotAllowed(
            f"the facilitator has not opened {activity['title']!r} for placement",
            "error.rule.not_open",
            activity=activity["title"],
        )
    if activity["revealed"]:
        raise NotAllowed("this round is already revealed", "error.already_revealed")


def _agreeing(ctx: Context, activity_id: Any, party: str, *, signing: bool = False) -> None:
    """The roles and expectations phase, the party's own activity, its rung agreed, and
    (unless this is the sign-off itself) the party not signed off yet."""
    if _phase_kind(ctx) != AGREE:
        raise NotAllowed(
            "commitments, expectations, answers and sign-offs are made in the roles and expectations phase",
            "error.rule.not_agreeing",
        )
    activity = _activity(ctx, activity_id, party)
    if activity.get("agreed_current") is None:
        raise NotAllowed(
            f"{activity['title']!r} has no agreed rung yet",
            "error.rule.not_agreed",
            activity=activity["title"],
        )
    if not signing and ctx.get("signoffs", f"{activity['id']}/{party}") is not None:
        name = ctx.need("parties", party, "party")["name"]
        raise NotAllowed(
            f"{name!r} has signed off {activity['title']!r}: its answers can't change any more",
            "error.rule.signed_off",
            party=name,
            activity=activity["title"],
        )


def _committing(ctx: Context, data: dict[str, Any], party: str) -> None:
    _own(party, data.get("party_id"))
    _agreeing(ctx, data.get("activity_id"), party)


def _expecting(ctx: Context, data: dict[str, Any], party: str) -> None:
    _own(party, data.get("from_party"))
    _agreeing(ctx, data.get("activity_id"), party)
    activity = ctx.need("activities", data.get("activity_id"), "activity")
    if data.get("to_party") == party:
        raise NotAllowed("a party's own promise is a commitment", "error.self_expectation")
    if data.get("to_party") not in activity["party_ids"]:
        raise NotAllowed("expectations go to another party of the same activity", "error.not_involved_to")


def _answering(ctx: Context, data: dict[str, Any], party: str) -> None:
    expectation = ctx.need("expectations", data.get("id"), "expectation")
    if expectation["to_party"] != party:
        raise NotAllowed("only the party it is addressed to answers an expectation", "error.not_yours")
    _agreeing(ctx, expectation["activity_id"], party)


def _signing(ctx: Context, data: dict[str, Any], party: str) -> None:
    _own(party, data.get("party_id"))
    _agreeing(ctx, data.get("activity_id"), party, signing=True)


RULES: dict[str, Callable[[Context, dict[str, Any], str], None]] = {
    "placement.recorded": _placing,
    "commitment.added": _committing,
    "expectation.added": _expecting,
    "expectation.answered": _answering,
    "signoff.given": _signing,
    "signoff.withdrawn": _signing,
}
"""The kinds of change a participant's device may make, each with its rule."""


def check(ctx: Context, kind: str, data: dict[str, Any], party: str) -> None:
    """Refuse (`NotAllowed`) a change a device of `party` may not make now; else nothing."""
    rule = RULES.get(kind)
    if rule is None:
        raise NotAllowed(
            f"a participant's device may not make a {kind!r} change: only the facilitator may",
            "error.not_allowed",
        )
    ctx.need("parties", party, "party")
    rule(ctx, data, party)
