"""One activity's part of the report: its facts, its parties with their roles, placements and
sign-offs, how each round went, and what was agreed (the note, the agreement fields,
commitments, expectations with their answers, next steps).

Each party's own word says who entered it (`authors`): the party from its phone, or the
facilitator for it. The rest (rungs agreed, roles, fields, notes) is the room's record.
"""

from __future__ import annotations

from facilitator.core.dates import shown_date
from facilitator.core.i18n import Translator
from facilitator.core.model import Activity, Session
from facilitator.core.reports.authors import Authors, expectation_notes
from facilitator.core.reports.document import (
    STRONG,
    Block,
    Bullets,
    Facts,
    Heading,
    Inline,
    Para,
    Section,
    Span,
    Table,
    muted,
    strong,
    text,
    user,
)
from facilitator.core.reports.labels import Labels

DONE = "✓"
OPEN = "○"
ARROW = "→"


def anchor_of(number: int) -> str:
    """The in-document id of activity number `number` (HTML links to it)."""
    return f"activity-{number}"


def reference(labels: Labels, activity: Activity) -> tuple[Span, ...]:
    """An activity as "#3 Title", the number linking to its part (HTML)."""
    number = labels.number[activity.id]
    return (Span(f"#{number}", STRONG, anchor=anchor_of(number)), Span(" "), user(activity.title))


class ActivityPart:
    """Builds each activity's section of the report."""

    def __init__(self, session: Session, t: Translator, labels: Labels, authors: Authors) -> None:
        self.s = session
        self.t = t
        self.labels = labels
        self.authors = authors

    def date(self, value: str) -> str:
        """A date as the report's language writes it (07.12.2026 in Estonian)."""
        return shown_date(value, self.t.language)

    def activity(self, a: Activity) -> Section:
        """One activity: its facts, its parties and rounds, and what was agreed about it."""
        number = self.labels.number[a.id]
        blocks: list[Block] = [Heading(3, text(f"#{number} ", user(a.title))), self.activity_facts(a)]
        if a.description.strip():
            blocks.append(Para(text(user(a.description)), kind="description"))
        blocks.extend(self.activity_parties(a))
        blocks.extend(self.activity_rounds(a))
        blocks.extend(self.activity_agreement(a))
        return Section(tuple(blocks), kind="activity", anchor=anchor_of(number))

    def activity_facts(self, a: Activity) -> Facts:
        """Agreed (and wished) rung, approach, flows, whom it concerns."""
        t, labels = self.t, self.labels
        facts: list[tuple[str, Inline]] = []
        if a.agreed_current is not None:
            rung_line: Inline = text(user(labels.rung(a.agreed_current)))
            if a.agreed_wished == a.agreed_current:
                rung_line = text(*rung_line, " · ", t("report.ladder.stays"))
            elif a.agreed_wished is not None:
                rung_line = text(
                    *rung_line, f" {ARROW} ", t("report.wished"), " ", user(labels.rung(a.agreed_wished))
                )
            facts.append((t("report.fact.agreed"), rung_line))
        else:
            facts.append((t("report.fact.agreed"), text(muted(labels.status(a)))))
        if a.approaches:
            names = ", ".join(labels.approach(x) for x in a.approaches)
            facts.append((t("report.fact.approach"), text(user(names))))
        if a.flows:
            facts.append((t("report.fact.flows"), text(user(labels.flows(a.flows)))))
        if a.concerns:
            concern: list[Span] = []
            for i, p in enumerate(a.concerns):
                if i:
                    concern.append(Span(", "))
                concern.append(user(labels.party(p)))
                if p not in a.party_ids:
                    concern.append(muted(" " + t("report.concerns.outside")))
            facts.append((t("report.fact.concerns"), tuple(concern)))
        return Facts(tuple(facts))

    def activity_parties(self, a: Activity) -> list[Block]:
        """Parties: role, placement per round, sign-off."""
        t, s, labels = self.t, self.s, self.labels
        blocks: list[Block] = []
        rounds = labels.rounds(a)
        roles = s.roles_for(a.id)
        signed = {so.party_id: so.at for so in s.signoffs_for(a.id)}
        header: list[Inline] = [text(t("report.col.party")), text(t("report.col.role"))]
        several = len(rounds) > 1
        for r in rounds:
            label = t("report.col.placement.round", round=r.round) if several else t("report.col.placement")
            header.append(text(label))
        header.append(text(t("report.col.signed")))
        rows = []
        for party in a.party_ids:
            row: list[Inline] = [
                text(user(labels.party(party))),
                text(user(labels.role(roles[party]))) if party in roles else text(muted(t("report.no_role"))),
            ]
            for r in rounds:
                placed = next((p for p in r.placements if p.party_id == party), None)
                if placed is None:
                    row.append(text(muted(t("report.not_placed"))))
                    continue
                said = self.authors.note(self.authors.placement(placed), t)
                if not r.revealed:
                    row.append(text(muted(t("report.hidden")), *said))
                else:
                    rungs = f"{labels.rung(placed.current)} {ARROW} {labels.rung(placed.wished)}"
                    row.append(text(user(rungs), *said))
            at = signed.get(party)
            row.append(
                text(f"{DONE} {self.date(at[:10])}", *self.authors.note(self.authors.signoff(a.id, party), t))
                if at
                else text(muted(f"{OPEN} {t('report.not_signed')}"))
            )
            rows.append(tuple(row))
        if rows:
            blocks.append(Table(tuple(header), tuple(rows), row_headers=True, kind="parties"))
        else:
            blocks.append(Para(text(muted(t("report.status.no_parties")))))
        return blocks

    def activity_rounds(self, a: Activity) -> list[Block]:
        """How each placing round went: hidden, the same, or different."""
        t = self.t
        blocks: list[Block] = []
        notes: list[Inline] = []
        for r in self.labels.rounds(a):
            if not r.placements:
                continue
            if not r.revealed:
                key = "report.round.hidden"
            elif r.agree:
                key = "report.round.same" if len(r.placements) > 1 else "report.round.one"
            else:
                key = "report.round.differ"
            notes.append(text(t(key, round=r.round, placed=len(r.placements), total=len(a.party_ids))))
        if notes:
            blocks.append(Bullets(tuple(notes), kind="rounds"))

        return blocks

    def activity_agreement(self, a: Activity) -> list[Block]:
        """The note, the agreement fields, commitments, expectations and actions."""
        t, s, labels = self.t, self.s, self.labels
        blocks: list[Block] = []
        if a.agreed_note.strip():
            note: list[Span] = [strong(t("report.note") + ": "), user(a.agreed_note)]
            if a.note_private:
                note.append(muted(" " + t("report.note.private")))
            blocks.append(Para(tuple(note), kind="note"))

        if a.agreed_current is not None:
            rung = s.scenario.rung(a.agreed_current) if a.agreed_current in s.scenario.rung_ids() else None
            if rung is not None and rung.fields:
                values = s.fields_for(a.id)
                blocks.append(Heading(4, text(t("report.fields.heading"))))
                blocks.append(
                    Facts(
                        tuple(
                            (
                                f.label,
                                text(user(values[f.id]))
                                if values.get(f.id, "").strip()
                                else text(muted(t("report.fields.empty"))),
                            )
                            for f in rung.fields
                        )
                    )
                )

        commitments = s.commitments_for(a.id)
        if commitments:
            blocks.append(Heading(4, text(t("report.commitments.heading"))))
            blocks.append(
                Bullets(
                    tuple(
                        text(
                            user(labels.party(c.party_id), STRONG),
                            ": ",
                            user(c.text),
                            *self.authors.note(self.authors.word("commitment", c.id), t),
                        )
                        for c in commitments
                    )
                )
            )
        expectations = s.expectations_for(a.id)
        if expectations:
            blocks.append(Heading(4, text(t("report.expectations.heading"))))
            items = []
            for e in expectations:
                asked, answered = expectation_notes(self.authors, e, t)
                items.append(
                    text(
                        user(labels.party(e.from_party), STRONG),
                        f" {ARROW} ",
                        user(labels.party(e.to_party), STRONG),
                        ": ",
                        user(e.text),
                        *asked,
                        " — ",
                        *labels.expectation_state(e),
                        *answered,
                    )
                )
            blocks.append(Bullets(tuple(items)))
        actions = s.actions_for(a.id)
        if actions:
            blocks.append(Heading(4, text(t("report.actions.of_activity"))))
            blocks.append(Bullets(tuple(self.action_line(x.text, x.owner, x.due, x.done) for x in actions)))
        return blocks

    def action_line(self, what: str, owner: str, due: str | None, done: bool) -> Inline:
        t = self.t
        mark = f"{DONE} " if done else f"{OPEN} "
        parts: list[Span] = [Span(mark), user(what), Span(" — "), user(self.labels.party(owner))]
        if due:
            parts.append(Span(f", {t('report.due')} "))
            parts.append(user(self.date(due)))
        if done:
            parts.append(muted(" (" + t("report.done") + ")"))
        return tuple(parts)
