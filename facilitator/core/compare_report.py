"""A comparison as the plain text lines `facilitator compare A B` prints.

One function per part of the report (heading and summary, movements on the ladder, new and
dropped activities and parties, roles, expectations, commitments, actions); sections with
nothing in them are left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitator.core.comparison import (
    ActivityPair,
    Comparison,
    ExpectationChange,
    Movement,
    PartyRef,
    RungChange,
    outcome_key,
)
from facilitator.core.dates import shown_date
from facilitator.core.i18n import Translator
from facilitator.core.model import Action, Expectation, FollowUp, Session
from facilitator.core.scenario import Scenario


def _when(session: Session) -> str:
    return session.info.date or session.info.created_at[:10]


def rung_name(scenario: Scenario, rung_id: str | None, t: Translator) -> str:
    """ "2. Cooperation", or "not agreed"; a rung the scenario doesn't know shows its id."""
    if rung_id is None:
        return t("compare.rung.none")
    try:
        return scenario.rung_title(rung_id)
    except KeyError:
        return rung_id


def role_name(scenario: Scenario, role_id: str | None, t: Translator, *, not_set_yet: bool = False) -> str:
    """A role's name; no role is "no role", or "not set yet" in a session that continues the
    other (its roles are for this year's workshop to set)."""
    if role_id is None:
        return t("compare.role.not_set") if not_set_yet else t("compare.role.none")
    try:
        return scenario.role(role_id).name
    except KeyError:
        return role_id


def followup_text(followup: FollowUp | None, t: Translator, carried: Action | None = None) -> str:
    """What the follow-up recorded of a carried item: "followed up: done — its note", or "not
    followed up yet"; and "↪ carried over (due 01.03.2027)" where a step was carried into `b` as
    `carried`. Every place that reports last time's promises says it in these words."""
    if followup is None:
        return ""
    key = outcome_key(followup)
    said = (
        t("followup.outcome.none")
        if key == "none"
        else t("compare.followed", outcome=t(f"followup.outcome.{key}"))
    )
    if followup.note:
        said += " — " + followup.note
    if carried is not None:
        due = shown_date(carried.due, t.language) if carried.due else ""
        said += " " + (t("compare.carried.due", due=due) if due else t("compare.carried"))
        if carried.done:
            said += " " + t("compare.carried.done")
    return said


def _state(e: Expectation, t: Translator) -> str:
    if e.state == "amended":
        return t("compare.state.amended_to", text=e.response)
    key = f"compare.state.{e.state}"
    return t(key) if t.has(key) else e.state


def summary_lines(c: Comparison, t: Translator) -> dict[str, str]:
    """The comparison's summary in three sentences (activities, inside them, next steps).

    Built once here, for the CLI's report and the compare screen alike.
    """
    s = c.summary
    return {
        "activities": t(
            "exchange.summary.activities",
            up=s.up,
            down=s.down,
            same=s.same,
            unrated=s.unrated,
            new=s.new,
            dropped=s.dropped,
        ),
        "inside": t(
            "exchange.summary.inside",
            roles=s.role_changes,
            expectations=s.expectation_changes,
            commitments=s.commitment_changes,
            parties_new=s.parties_new,
            parties_gone=s.parties_gone,
        ),
        "actions": t(
            "exchange.summary.actions.series" if c.series else "exchange.summary.actions",
            done=s.actions_done,
            open=s.actions_open,
            dropped=s.actions_dropped,
            new=s.actions_new,
            followed=s.actions_followed,
            pending=s.actions_pending,
        ),
    }


def _section(t: Translator, key: str, items: Sequence[str]) -> list[str]:
    """A titled section with its count, after a blank line; nothing when it has no lines."""
    return ["", t(key, count=len(items)), *items] if items else []


def _heading(c: Comparison, t: Translator) -> list[str]:
    a, b = c.a, c.b
    lines = [
        t(
            "compare.heading",
            a=a.info.title,
            a_date=shown_date(_when(a), t.language),
            b=b.info.title,
            b_date=shown_date(_when(b), t.language),
        ),
        *summary_lines(c, t).values(),
    ]
    if c.basis == "index":
        lines.append(t("compare.basis.index"))
    if not c.has_changes:
        lines.append(t("compare.no_changes"))
    return lines


def _rungs(c: Comparison, change: RungChange, t: Translator) -> str:
    before, after = rung_name(c.a.scenario, change.before, t), rung_name(c.b.scenario, change.after, t)
    if not change.changed and before == after:
        return after
    text = f"{before} → {after}"
    return text if change.delta in (None, 0) else f"{text} ({change.delta:+d})"


def _names(c: Comparison, refs: Sequence[PartyRef]) -> str:
    return ", ".join(c.party_name(r) for r in refs)


def _pair_lines(c: Comparison, pair: ActivityPair, t: Translator) -> list[str]:
    out = [f"  - {pair.b.title}: {_rungs(c, pair.current, t)}"]
    if pair.wished.changed:
        out.append("      " + t("compare.line.wished", change=_rungs(c, pair.wished, t)))
    if pair.renamed:
        out.append("      " + t("compare.line.renamed", title=pair.a.title))
    if pair.parties_added:
        out.append("      " + t("compare.line.joined", parties=_names(c, pair.parties_added)))
    if pair.parties_removed:
        out.append("      " + t("compare.line.left", parties=_names(c, pair.parties_removed)))
    return out


def _movements(c: Comparison, t: Translator) -> list[str]:
    """Activities moved up, down, stayed, or unrated: each pair with what changed around it."""
    lines: list[str] = []
    movements: tuple[Movement, ...] = ("up", "down", "same", "unrated")
    for movement in movements:
        pairs = c.moved(movement)
        if pairs:
            lines.extend(["", t(f"compare.section.{movement}", count=len(pairs))])
            for pair in pairs:
                lines.extend(_pair_lines(c, pair, t))
    return lines


def _activities_and_parties(c: Comparison, t: Translator) -> list[str]:
    a, b = c.a, c.b
    return [
        *_section(
            t,
            "compare.section.new",
            [f"  - {x.title}: {rung_name(b.scenario, x.agreed_current, t)}" for x in c.new],
        ),
        *_section(
            t,
            "compare.section.dropped",
            [f"  - {x.title}: {rung_name(a.scenario, x.agreed_current, t)}" for x in c.dropped],
        ),
        *_section(t, "compare.section.parties_new", [f"  - {p.name}" for p in c.parties_new]),
        *_section(t, "compare.section.parties_gone", [f"  - {p.name}" for p in c.parties_gone]),
        *_section(
            t,
            "compare.section.parties_renamed",
            [f"  - {m.a.name} → {m.b.name}" for m in c.parties if m.renamed],
        ),
    ]


def _roles(c: Comparison, t: Translator) -> list[str]:
    return _section(
        t,
        "compare.section.roles",
        [
            f"  - {pair.b.title}: {c.party_name(r.party)}: "
            f"{role_name(c.a.scenario, r.before, t)} → "
            f"{role_name(c.b.scenario, r.after, t, not_set_yet=c.series)}"
            for pair in c.pairs
            for r in pair.roles
        ],
    )


def _expectation(c: Comparison, pair: ActivityPair, e: ExpectationChange, t: Translator) -> str:
    what = t(
        "compare.expectation",
        activity=pair.b.title,
        **{"from": c.party_name(e.from_party), "to": c.party_name(e.to_party)},
        text=e.text,
    )
    if e.original:
        what += " " + t("compare.expectation.original", text=e.original)
    if e.before is None:
        assert e.after is not None
        how = t("compare.expectation.added", state=_state(e.after, t))
    elif e.followup is not None:
        how = followup_text(e.followup, t)
    elif e.after is None:
        how = t("compare.expectation.removed", state=_state(e.before, t))
    else:
        how = f"{_state(e.before, t)} → {_state(e.after, t)}"
    return f"  - {what}: {how}"


def _expectations_and_commitments(c: Comparison, t: Translator) -> list[str]:
    return [
        *_section(
            t,
            "compare.section.expectations",
            [_expectation(c, pair, e, t) for pair in c.pairs for e in pair.expectations],
        ),
        *_section(
            t,
            "compare.section.commitments",
            [
                "  - "
                + t(
                    "compare.commitment.followed" if ch.followup else f"compare.commitment.{ch.kind}",
                    activity=pair.b.title,
                    party=c.party_name(ch.party),
                    text=ch.text,
                    outcome=followup_text(ch.followup, t) if ch.followup else "",
                )
                for pair in c.pairs
                for ch in pair.commitments
            ],
        ),
    ]


def _actions(c: Comparison, t: Translator) -> list[str]:
    """A's actions done, still open, dropped (an action done in A is no news); B's new ones."""

    def action(owner: str, text: str) -> str:
        return "  - " + t("compare.action", owner=owner, text=text)

    def follow_ups(status: str, *, skip_done: bool) -> list[str]:
        return [
            action(c.party_name(f.owner), f.before.text)
            for f in c.actions
            if f.status == status and not (skip_done and f.was_done)
        ]

    return [
        *_section(t, "compare.section.actions_done", follow_ups("done", skip_done=True)),
        *_section(t, "compare.section.actions_open", follow_ups("open", skip_done=False)),
        *_section(
            t,
            "compare.section.actions_followed",
            [
                f"{action(c.party_name(f.owner), f.before.text)}: {followup_text(f.followup, t, f.after)}"
                for f in c.actions
                if f.status == "followed" and f.followup is not None
            ],
        ),
        *_section(t, "compare.section.actions_dropped", follow_ups("dropped", skip_done=True)),
        *_section(
            t,
            "compare.section.actions_new",
            [action(c.b.party_name(x.owner), x.text) for x in c.new_actions],
        ),
    ]


def report(c: Comparison, t: Translator) -> list[str]:
    """The comparison as plain text lines, in the translator's language.

    Sections with nothing in them are left out. Lines hold user text as it is stored:
    show them through `facilitator.core.text.one_line`.
    """
    return [
        *_heading(c, t),
        *_movements(c, t),
        *_activities_and_parties(c, t),
        *_roles(c, t),
        *_expectations_and_commitments(c, t),
        *_actions(c, t),
    ]
