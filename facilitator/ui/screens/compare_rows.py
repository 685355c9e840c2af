"""What the comparison screen shows, as plain data and text: a row per activity, the detail of
a row, the actions' and parties' rows. Pure functions of a `Comparison` (no widgets), so they
are testable without a pilot; `compare.py` draws them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from facilitator.core.compare import (
    ActionFollowUp,
    ActivityPair,
    Comparison,
    ExpectationChange,
    PartyRef,
    RungChange,
    role_name,
    rung_name,
)
from facilitator.core.compare_report import followup_text
from facilitator.core.comparison import outcome_key
from facilitator.core.dates import shown_date
from facilitator.core.i18n import Translator
from facilitator.core.model import Action, Activity, Expectation, Session
from facilitator.core.text import one_line

Filter = Literal["all", "changed", "up", "down", "same", "unrated", "new", "dropped"]
RowKind = Literal["up", "down", "same", "unrated", "new", "dropped"]
FILTERS: tuple[Filter, ...] = ("all", "changed", "up", "down", "same", "unrated", "new", "dropped")
KINDS: tuple[RowKind, ...] = ("up", "down", "same", "unrated", "new", "dropped")
SYMBOLS: dict[str, str] = {
    "changed": "≠",
    "up": "↑",
    "down": "↓",
    "same": "=",
    "unrated": "?",
    "new": "+",
    "dropped": "−",
}
"""Each kind of change has a symbol and a word (`exchange.change.<kind>`): never colour alone."""
ACTION_SYMBOLS = {
    "done": "✓",
    "open": "○",
    "dropped": "−",
    "new": "+",
    **{f"followed.{outcome}": "↩" for outcome in ("done", "partly", "not_done", "dropped", "none")},
}
PARTY_SYMBOLS = {"same": "=", "renamed": "✎", "new": "+", "gone": "−"}
TABS = ("activities", "actions", "parties")
TITLE_WIDTH = 60  # activity titles in the table at most, in terminal cells
RUNG_WIDTH = 20
NAME_WIDTH = 30
WIDE = 150  # from this width the detail sits beside the table


# --------------------------------------------------------------------------- what the table shows


@dataclass(frozen=True)
class ActivityRow:
    """One activity of the comparison: matched (pair), only in B (new) or only in A (dropped)."""

    key: str
    kind: RowKind
    a: Activity | None
    b: Activity | None
    pair: ActivityPair | None = None

    @property
    def title(self) -> str:
        shown = self.b or self.a
        assert shown is not None
        return shown.title

    @property
    def others(self) -> int:
        """Changes besides the agreed rung: wished rung, title, parties, roles, expectations, commitments."""
        p = self.pair
        if p is None:
            return 0
        return (
            int(p.wished.changed)
            + int(p.renamed)
            + len(p.parties_added)
            + len(p.parties_removed)
            + len(p.roles)
            + len(p.expectations)
            + len(p.commitments)
        )

    @property
    def changed(self) -> bool:
        if self.pair is None:
            return True
        return self.pair.changed

    def shown_by(self, wanted: Filter) -> bool:
        if wanted == "all":
            return True
        if wanted == "changed":
            return self.changed
        return self.kind == wanted


def activity_rows(c: Comparison) -> list[ActivityRow]:
    """A's activities in A's order (matched or dropped), then B's new ones in B's order."""
    pairs = {p.a.id: p for p in c.pairs}
    dropped = {x.id for x in c.dropped}
    rows: list[ActivityRow] = []
    for x in c.a.activities:
        pair = pairs.get(x.id)
        if pair is not None:
            movement = pair.movement
            rows.append(ActivityRow(f"a:{x.id}", movement, x, pair.b, pair))
        elif x.id in dropped:
            rows.append(ActivityRow(f"a:{x.id}", "dropped", x, None))
    rows += [ActivityRow(f"b:{y.id}", "new", None, y) for y in c.new]
    return rows


def filter_counts(rows: Sequence[ActivityRow]) -> dict[Filter, int]:
    return {f: sum(r.shown_by(f) for r in rows) for f in FILTERS}


def change_word(kind: str, t: Translator, delta: int | None = None) -> str:
    """ "↑ up", "↓ down 2", "+ new": the symbol and the word together."""
    word = f"{SYMBOLS[kind]} {t(f'exchange.change.{kind}')}"
    if kind in ("up", "down") and delta is not None and abs(delta) > 1:
        word += f" {abs(delta)}"
    return word


def state_text(e: Expectation, t: Translator) -> str:
    """An expectation's answer: not answered, accepted, amended to “…”, declined (“reason”)."""
    if e.state == "amended":
        return t("compare.state.amended_to", text=one_line(e.response))
    if e.state == "declined" and e.response.strip():
        return t("exchange.detail.declined_because", reason=one_line(e.response))
    key = f"compare.state.{e.state}"
    return t(key) if t.has(key) else e.state


def when(session: Session, language: str) -> str:
    """The workshop's date (else the day it was made), as people of `language` write it."""
    return shown_date(session.info.date or session.info.created_at[:10], language)


# --------------------------------------------------------------------------- the detail of a row


def describe(row: ActivityRow, c: Comparison, t: Translator) -> list[str]:
    """The selected activity's changes, line by line (user text made one-line, never markup)."""
    if row.pair is None:
        side, session = ("b", c.b) if row.kind == "new" else ("a", c.a)
        activity = row.b if row.kind == "new" else row.a
        assert activity is not None
        return [t(f"exchange.detail.only_{side}"), *describe_one_side(activity, session, t)]
    return describe_pair(row.pair, c, t)


def describe_one_side(activity: Activity, session: Session, t: Translator) -> list[str]:
    """An activity only one of the sessions has: its rungs, parties, roles and counts."""
    found = [one_line(session.party_name(p)) for p in activity.party_ids]
    lines = [
        t(
            "exchange.detail.rungs",
            current=rung_name(session.scenario, activity.agreed_current, t),
            wished=rung_name(session.scenario, activity.agreed_wished, t),
        ),
        t("exchange.detail.parties", parties=", ".join(found) if found else t("exchange.detail.no_parties")),
    ]
    roles = session.roles_for(activity.id)
    if roles:
        lines.append(
            t(
                "exchange.detail.roles_are",
                roles=", ".join(
                    f"{one_line(session.party_name(p))}: {role_name(session.scenario, r, t)}"
                    for p, r in roles.items()
                ),
            )
        )
    counts = (len(session.expectations_for(activity.id)), len(session.commitments_for(activity.id)))
    lines.append(t("exchange.detail.counts", expectations=counts[0], commitments=counts[1]))
    return lines


def rung_change_text(change: RungChange, c: Comparison, t: Translator) -> str:
    """A rung before and after, and how it moved."""
    before = rung_name(c.a.scenario, change.before, t)
    after = rung_name(c.b.scenario, change.after, t)
    kind = change.kind
    if kind in ("up", "down", "same"):
        how = change_word(kind, t, change.delta)
    elif kind == "none":
        how = t("exchange.detail.rung.none")
    else:
        how = t(f"exchange.detail.rung.{kind}")
    return t("exchange.detail.rung_change", before=before, after=after, how=how)


def describe_pair(pair: ActivityPair, c: Comparison, t: Translator) -> list[str]:
    """An activity in both sessions: its rungs, parties, roles, expectations and commitments."""
    a, b = c.a, c.b
    lines: list[str] = []

    def ref(r: PartyRef) -> str:
        return one_line(c.party_name(r))

    if pair.renamed:
        lines.append(
            t("exchange.detail.renamed", before=one_line(pair.a.title), after=one_line(pair.b.title))
        )
    lines.append(t("exchange.detail.current", change=rung_change_text(pair.current, c, t)))
    lines.append(t("exchange.detail.wished", change=rung_change_text(pair.wished, c, t)))
    if c.basis == "index":
        lines.append(t("exchange.detail.by_position"))
    if pair.parties_added:
        lines.append(t("exchange.detail.joined", parties=", ".join(ref(r) for r in pair.parties_added)))
    if pair.parties_removed:
        lines.append(t("exchange.detail.left", parties=", ".join(ref(r) for r in pair.parties_removed)))
    if pair.roles:
        lines.append(t("exchange.detail.roles", count=len(pair.roles)))
        for role in pair.roles:
            lines.append(
                "  "
                + t(
                    "exchange.detail.role",
                    party=ref(role.party),
                    before=role_name(a.scenario, role.before, t),
                    after=role_name(b.scenario, role.after, t, not_set_yet=c.series),
                )
            )
    if pair.expectations:
        lines.append(t("exchange.detail.expectations", count=len(pair.expectations)))
        lines.extend("  " + expectation_line(e, c, t) for e in pair.expectations)
    if pair.commitments:
        lines.append(t("exchange.detail.commitments", count=len(pair.commitments)))
        for ch in pair.commitments:
            if ch.followup is not None:  # last time's, carried here: what the follow-up says
                said = t("exchange.detail.commitment.followed", party=ref(ch.party), text=one_line(ch.text))
                lines.append(f"  ↩ {said}: {one_line(followup_text(ch.followup, t))}")
                continue
            symbol = "+" if ch.kind == "added" else "−"
            lines.append(
                f"  {symbol} "
                + t(
                    f"exchange.detail.commitment.{ch.kind}",
                    party=ref(ch.party),
                    text=one_line(ch.text),
                )
            )
    if not (pair.roles or pair.expectations or pair.commitments):
        lines.append(t("exchange.detail.nothing_else"))
    return lines


def expectation_line(e: ExpectationChange, c: Comparison, t: Translator) -> str:
    who = t(
        "exchange.detail.expectation",
        **{"from": one_line(c.party_name(e.from_party)), "to": one_line(c.party_name(e.to_party))},
        text=one_line(e.text),
    )
    if e.original:
        who += " " + t("compare.expectation.original", text=one_line(e.original))
    if e.before is None:
        assert e.after is not None
        return f"+ {who}: " + t("exchange.detail.expectation.added", state=state_text(e.after, t))
    if e.followup is not None:
        return f"↩ {who}: {one_line(followup_text(e.followup, t))}"
    if e.after is None:
        return f"− {who}: " + t("exchange.detail.expectation.removed", state=state_text(e.before, t))
    return f"≠ {who}: {state_text(e.before, t)} → {state_text(e.after, t)}"


def action_rows(c: Comparison) -> list[tuple[str, str, str, str, str]]:
    """(key, status, owner, text, due) as the report lists them: open ones of A, then B's new.

    An action already done in A is no news and is left out, unless B shows it open again.
    """
    rows: list[tuple[str, str, str, str, str]] = []
    for index, f in enumerate(c.actions):
        if f.was_done and f.status != "open":
            continue
        status = f"followed.{outcome_key(f.followup)}" if f.followup is not None else f.status
        rows.append((f"a{index}", status, c.party_name(f.owner), f.before.text, _due(f)))
    for index, y in enumerate(c.new_actions):
        rows.append((f"b{index}", "new", c.b.party_name(y.owner), y.text, y.due or ""))
    return rows


def _due(f: ActionFollowUp) -> str:
    shown: Action = f.after or f.before
    return shown.due or ""


def party_rows(c: Comparison) -> list[tuple[str, str, str, str]]:
    """(key, change, name in A, name in B): matched parties, then new, then gone."""
    rows = [(f"m{m.a.id}", "renamed" if m.renamed else "same", m.a.name, m.b.name) for m in c.parties]
    rows += [(f"n{p.id}", "new", "", p.name) for p in c.parties_new]
    rows += [(f"g{p.id}", "gone", p.name, "") for p in c.parties_gone]
    return rows
