"""What a report says: the session as a `Document`, in the report's language.

One builder for Markdown and HTML, so the two can't drift apart. It reads a
`Session` that is already the public view when the report is public
(`reports.public_session`): leaving things out happens once, before any writer runs.

Placements are blind until the reveal: a round that is not revealed yet shows who has
placed, never where.
"""

from __future__ import annotations

from facilitator import __version__
from facilitator.core.dates import shown_date
from facilitator.core.matrices import partnership_matrix
from facilitator.core.mismatches import Mismatch, cite, counts_by_kind, mismatches
from facilitator.core.model import Activity
from facilitator.core.reports.activity_part import ARROW, DONE, OPEN, ActivityPart, reference
from facilitator.core.reports.document import (
    MUTED,
    Block,
    Bullets,
    Document,
    Facts,
    Figure,
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
from facilitator.core.reports.labels import Labels, stage_name
from facilitator.core.reports.source import Source
from facilitator.core.reports.svg import ladder_svg, pair_cell, partnership_svg


class _Builder:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.s = session = source.view
        self.t = t = source.t
        self.public = source.public
        self.generated = source.generated
        self.labels = Labels(session, t)
        self.authors = source.authors
        self.part = ActivityPart(session, t, self.labels, source.authors)

    # ------------------------------------------------------------------ helpers
    def date(self, value: str) -> str:
        """A date as the report's language writes it (07.12.2026 in Estonian)."""
        return shown_date(value, self.t.language)

    def ref(self, activity: Activity) -> tuple[Span, ...]:
        return reference(self.labels, activity)

    # ------------------------------------------------------------------ sections
    def header(self) -> list[Block]:
        t, info = self.t, self.s.info
        facts: list[tuple[str, Inline]] = []
        if info.date:
            facts.append((t("report.fact.date"), text(user(self.date(info.date)))))
        if info.place:
            facts.append((t("report.fact.place"), text(user(info.place))))
        if info.facilitator and not self.public:
            facts.append((t("report.fact.facilitator"), text(user(info.facilitator))))
        facts.append((t("report.fact.scenario"), text(user(self.s.scenario.title))))
        stage = stage_name(self.s, t)
        if stage:
            facts.append((t("report.fact.stage"), text(user(stage))))
        facts.append((t("report.fact.generated"), text(self.date(self.generated))))
        blocks: list[Block] = [
            Para(text(t("report.kind")), kind="kicker"),
            Heading(1, text(user(info.title))),
            Facts(tuple(facts)),
        ]
        if self.public:
            blocks.append(Para(text(strong(t("report.public.notice"))), kind="notice"))
        activities = self.s.activities
        agreed = sum(1 for a in activities if a.agreed_current is not None)
        open_actions = sum(1 for a in self.s.actions if not a.done)
        blocks.append(
            Para(
                text(
                    t(
                        "report.counts",
                        total=len(activities),
                        agreed=agreed,
                        open=len(activities) - agreed,
                        parties=len(self.s.parties),
                        actions=open_actions,
                    )
                ),
                kind="counts",
            )
        )
        return blocks

    def ladder(self) -> Section:
        t, s, labels = self.t, self.s, self.labels
        blocks: list[Block] = [
            Heading(2, text(t("report.ladder.heading")), anchor="ladder"),
            Para(text(t("report.ladder.intro"))),
            Figure(ladder_svg(s, t, standalone=False), t("report.ladder.figure")),
        ]
        now: dict[str, list[Activity]] = {r.id: [] for r in s.scenario.rungs}
        wished: dict[str, list[Activity]] = {r.id: [] for r in s.scenario.rungs}
        not_agreed: list[Activity] = []
        for a in s.activities:
            if a.agreed_current in now:
                now[a.agreed_current].append(a)
            else:
                not_agreed.append(a)
            if a.agreed_wished in wished and a.agreed_wished != a.agreed_current:
                wished[a.agreed_wished].append(a)
        for rung in s.scenario.rungs:
            blocks.append(Heading(3, text(user(labels.rung(rung.id)))))
            blocks.append(Para(text(user(rung.summary, MUTED))))
            here = now[rung.id]
            if here:
                blocks.append(Para(text(strong(t("report.ladder.now", count=len(here))))))
                items = []
                for a in here:
                    if a.agreed_wished is None:
                        items.append(text(*self.ref(a), " — ", muted(t("report.ladder.no_wish"))))
                    elif a.agreed_wished == a.agreed_current:
                        items.append(text(*self.ref(a), " — ", muted(t("report.ladder.stays"))))
                    else:
                        wish = user(labels.rung(a.agreed_wished))
                        items.append(text(*self.ref(a), f" {ARROW} ", t("report.wished"), " ", wish))
                blocks.append(Bullets(tuple(items)))
            else:
                blocks.append(Para(text(muted(t("report.ladder.now.none")))))
            coming = wished[rung.id]
            if coming:
                blocks.append(Para(text(strong(t("report.ladder.wished", count=len(coming))))))
                blocks.append(
                    Bullets(
                        tuple(
                            text(
                                *self.ref(a),
                                " — ",
                                t("report.ladder.from"),
                                " ",
                                user(labels.rung(a.agreed_current)),
                            )
                            for a in coming
                        )
                    )
                )
        blocks.append(Heading(3, text(t("report.ladder.open", count=len(not_agreed)))))
        if not_agreed:
            blocks.append(
                Bullets(tuple(text(*self.ref(a), " — ", muted(labels.status(a))) for a in not_agreed))
            )
        else:
            blocks.append(Para(text(muted(t("report.ladder.open.none")))))
        return Section(tuple(blocks), kind="part")

    def partnership(self) -> Section:
        t, s, labels = self.t, self.s, self.labels
        matrix = partnership_matrix(s)
        blocks: list[Block] = [
            Heading(2, text(t("report.partners.heading")), anchor="partnership"),
            Para(text(t("report.partners.intro"))),
        ]
        if not matrix:
            blocks.append(Para(text(muted(t("report.partners.none")))))
            return Section(tuple(blocks), kind="part")
        # Markdown can't draw: it gets the matrix as a table of the same cells.
        parties = s.parties
        header = (text(""), *(text(str(i + 1)) for i in range(len(parties))))
        rows = []
        for i, a in enumerate(parties):
            cells: list[Inline] = [text(f"{i + 1}. ", user(a.name))]
            for j, b in enumerate(parties):
                key = (a.id, b.id) if i < j else (b.id, a.id)
                pair = matrix.get(key) if i != j else None
                cells.append(text(pair_cell(pair, labels)) if pair else text(""))
            rows.append(tuple(cells))
        fallback = (
            Table(header, tuple(rows), caption=t("report.partners.figure"), row_headers=True, kind="matrix"),
            Para(text(muted(t("report.partners.legend")))),
        )
        blocks.append(Figure(partnership_svg(s, t, standalone=False), t("report.partners.figure"), fallback))
        pair_rows = []
        for pair in matrix.values():
            pair_rows.append(
                (
                    text(user(labels.party(pair.a)), " – ", user(labels.party(pair.b))),
                    text(str(pair.activities)),
                    text(str(pair.agreed)),
                    text(user(labels.rung(pair.highest))) if pair.highest else text(muted(t("report.none"))),
                )
            )
        blocks.append(
            Table(
                (
                    text(t("report.col.pair")),
                    text(t("report.col.together")),
                    text(t("report.col.agreed")),
                    text(t("report.col.highest")),
                ),
                tuple(pair_rows),
                row_headers=True,
                kind="pairs",
                numeric=(1, 2),
            )
        )
        return Section(tuple(blocks), kind="part")

    def activities(self) -> Section:
        t = self.t
        blocks: list[Block] = [
            Heading(
                2, text(t("report.activities.heading", count=len(self.s.activities))), anchor="activities"
            )
        ]
        if not self.s.activities:
            blocks.append(Para(text(muted(t("report.activities.none")))))
        elif self.authors.known:
            blocks.append(Para(text(muted(t(self.authors.intro("report")))), kind="authors"))
        blocks.extend(self.part.activity(a) for a in self.s.activities)
        return Section(tuple(blocks), kind="part")

    def actions(self) -> Section:
        t, s, labels = self.t, self.s, self.labels
        open_count = sum(1 for a in s.actions if not a.done)
        blocks: list[Block] = [
            Heading(
                2, text(t("report.actions.heading", count=open_count, total=len(s.actions))), anchor="actions"
            )
        ]
        if not s.actions:
            blocks.append(Para(text(muted(t("report.actions.none")))))
            return Section(tuple(blocks), kind="part")
        ordered = sorted(s.actions, key=lambda x: (x.done, x.due or "9999-99-99"))
        rows = []
        for x in ordered:
            if x.activity_id is not None and s.has_activity(x.activity_id):
                activity = s.activity(x.activity_id)
                where: Inline = text(*self.ref(activity))
            else:
                where = text(muted(t("report.none")))
            rows.append(
                (
                    text(user(x.text)),
                    text(user(labels.party(x.owner))),
                    text(user(self.date(x.due))) if x.due else text(muted(t("report.none"))),
                    where,
                    text(f"{DONE} {t('report.done')}") if x.done else text(f"{OPEN} {t('report.open')}"),
                )
            )
        blocks.append(
            Table(
                (
                    text(t("report.col.action")),
                    text(t("report.col.owner")),
                    text(t("report.col.due")),
                    text(t("report.col.activity")),
                    text(t("report.col.state")),
                ),
                tuple(rows),
                kind="actions",
            )
        )
        return Section(tuple(blocks), kind="part")

    def mismatches(self) -> Section:
        t, s = self.t, self.s
        found = mismatches(s)
        blocks: list[Block] = [
            Heading(2, text(t("report.mismatches.heading", count=len(found))), anchor="mismatches"),
        ]
        if not found:
            blocks.append(Para(text(t("report.mismatches.none"))))
            return Section(tuple(blocks), kind="part")
        blocks.append(Para(text(t("report.mismatches.intro"))))
        counts = counts_by_kind(found)
        blocks.append(
            Para(
                text(", ".join(f"{t(f'mismatch.kind.{kind}')}: {n}" for kind, n in counts.items())),
                kind="counts",
            )
        )
        current: str | None = None
        items: list[Inline] = []
        for m in found:
            if m.activity_id != current:
                if items:
                    blocks.append(Bullets(tuple(items)))
                    items = []
                current = m.activity_id
                blocks.append(Heading(3, text(*self.ref(s.activity(m.activity_id)))))
            items.append(text(strong(t(f"mismatch.kind.{m.kind}") + ": "), m.explain(t)))
        if items:
            blocks.append(Bullets(tuple(items)))
        blocks += self.mismatch_sources(list(counts))
        return Section(tuple(blocks), kind="part")

    def mismatch_sources(self, kinds: list[str]) -> list[Block]:
        """The guide's sentences the kinds found rest on, each once, with the kinds that cite
        it; then what this tool asks beyond the guide, once per kind."""
        t = self.t
        cited: dict[str, list[str]] = {}
        for kind in kinds:
            for source in Mismatch(kind, "").sources:
                cited.setdefault(source, []).append(t(f"mismatch.kind.{kind}"))
        sources = tuple(
            text(strong(", ".join(names) + ": "), cite(t, source)) for source, names in cited.items()
        )
        blocks: list[Block] = [
            Heading(3, text(t("report.mismatches.sources"))),
            Para(text(muted(t("report.mismatches.sources.intro")))),
            Bullets(sources),
        ]
        notes = tuple(
            text(strong(t(f"mismatch.kind.{kind}") + ": "), note)
            for kind in kinds
            if (note := Mismatch(kind, "").tool_note(t))
        )
        if notes:
            blocks += [Heading(3, text(t("report.mismatches.tool"))), Bullets(notes)]
        return blocks

    def parties(self) -> Section:
        t, s = self.t, self.s
        blocks: list[Block] = [Heading(2, text(t("report.parties.heading")), anchor="parties")]
        if not s.parties:
            blocks.append(Para(text(muted(t("report.parties.none")))))
            return Section(tuple(blocks), kind="part")
        involved: dict[str, int] = {}
        for a in s.activities:
            for party_id in a.party_ids:
                involved[party_id] = involved.get(party_id, 0) + 1
        header = [
            text(t("report.col.party")),
            text(t("report.col.affected")),
            text(t("report.col.activities")),
        ]
        if not self.public:
            header.append(text(t("report.col.participants")))
        rows = []
        for p in s.parties:
            row = [
                text(user(p.name)),
                text(t("report.affected")) if p.affected else text(""),
                text(str(involved.get(p.id, 0))),
            ]
            if not self.public:
                names = [x.name for x in s.participants_of(p.id)]
                row.append(text(user(", ".join(names))) if names else text(muted(t("report.none"))))
            rows.append(tuple(row))
        blocks.append(Table(tuple(header), tuple(rows), row_headers=True, kind="party-list", numeric=(2,)))
        if self.public:
            blocks.append(Para(text(muted(t("report.parties.public")))))
        return Section(tuple(blocks), kind="part")

    def footer(self) -> Section:
        t, sc = self.t, self.s.scenario
        blocks: list[Block] = [
            Para(text(t("report.footer", version=__version__, id=self.s.info.id)), kind="footer"),
        ]
        if sc.source.strip():
            blocks.append(
                Para(text(muted(t("report.source") + " "), user(sc.source.strip(), MUTED)), kind="footer")
            )
        return Section(tuple(blocks), kind="footer")

    def build(self) -> Document:
        from facilitator.core.reports.handouts import report_followup  # its words, said once

        blocks: list[Block] = [
            Section(tuple(self.header()), kind="header"),
            *report_followup(self.source),
            self.ladder(),
            self.partnership(),
            self.actions(),
            self.mismatches(),
            self.activities(),
            self.parties(),
            self.footer(),
        ]
        return Document(
            title=self.s.info.title,
            language=self.t.language,
            content_language=self.s.info.language,
            blocks=tuple(blocks),
        )


def build_report(source: Source) -> Document:
    """The report of the source's view (already the public view when public), in its language."""
    return _Builder(source).build()
