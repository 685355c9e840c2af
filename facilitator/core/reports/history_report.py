"""The history of a partnership as Markdown, one self-contained HTML page, or a CSV table.

What it says is built once, as a `Document` (the report's block model), from
`core.history.History`; the Markdown and HTML writers escape every text. Sections: the
sessions of the series; each activity's agreed and wished rung over the years (the
small-multiples chart, with a table beside it for Markdown and screen readers); who
works with whom per session, with the pairs gained and lost; each party's steps done
(on time) and commitments kept; the approaches and information flows in use.
"""

from __future__ import annotations

from collections.abc import Callable

from facilitator import __version__
from facilitator.core.dates import shown_date
from facilitator.core.history import (
    NONE,
    History,
    PartyYear,
    kept_text,
    point_text,
    quiet,
    series_notes,
    session_label,
    steps_text,
)
from facilitator.core.i18n import Translator
from facilitator.core.reports import html, markdown
from facilitator.core.reports.csv_export import Row, delimiter_for, write_table
from facilitator.core.reports.document import (
    Block,
    Document,
    Facts,
    Figure,
    Heading,
    Inline,
    Para,
    Section,
    Table,
    muted,
    strong,
    text,
    user,
)
from facilitator.core.reports.history_svg import history_svg

FORMATS = ("md", "html", "csv")


class _Builder:
    def __init__(self, history: History, t: Translator, generated: str) -> None:
        self.h = history
        self.t = t
        self.generated = generated
        self.dates = [shown_date(session_label(s), t.language) for s in history.sessions]

    def session_header(self) -> tuple[Inline, ...]:
        return tuple(text(f"{i + 1}. {d}") for i, d in enumerate(self.dates))

    def pair_name(self, pair: tuple[str, str]) -> str:
        return " – ".join(self.h.party_names.get(p, p) for p in pair)

    def header(self) -> Section:
        t, sessions = self.t, self.h.sessions
        newest = sessions[-1]
        facts: tuple[tuple[str, Inline], ...] = (
            (t("history.fact.sessions"), text(t.number(len(sessions)))),
            (t("history.fact.span"), text(f"{self.dates[0]} – {self.dates[-1]}")),
            (t("report.fact.generated"), text(shown_date(self.generated, t.language))),
        )
        blocks: list[Block] = [
            Para(text(t("history.kind")), kind="kicker"),
            Heading(1, text(user(newest.info.title))),
            Facts(facts),
        ]
        blocks.extend(Para(text(note), kind="notice") for note in series_notes(self.h.series, t))
        rows = tuple(
            (
                text(strong(str(i + 1))),
                text(self.dates[i]),
                text(user(s.info.title)),
                text(self.t.number(len(s.parties))),
                text(self.t.number(len(s.activities))),
                text(str(sum(1 for a in s.activities if a.agreed_current is not None))),
            )
            for i, s in enumerate(sessions)
        )
        head = tuple(
            text(t(f"history.col.{k}")) for k in ("n", "date", "title", "parties", "activities", "agreed")
        )
        blocks.append(Table(head, rows, numeric=(3, 4, 5)))
        return Section(tuple(blocks), kind="header")

    def cell(self, value: str) -> Inline:
        return text(muted(value)) if quiet(value, self.t) else text(value)

    def ladder(self) -> Section:
        t = self.t
        rows = tuple(
            (
                text(strong(f"{n + 1}."), " ", user(line.title)),
                *(self.cell(point_text(p, self.t)) for p in line.points),
            )
            for n, line in enumerate(self.h.activities)
        )
        table = Table((text(t("history.col.activity")), *self.session_header()), rows, row_headers=True)
        blocks: list[Block] = [
            Heading(2, text(t("history.ladder.heading")), anchor="ladder"),
            Para(text(t("history.ladder.intro", rungs=" · ".join(self.h.rungs)))),
            Figure(history_svg(self.h, t, standalone=False), t("history.chart.title"), fallback=()),
            table,
        ]
        return Section(tuple(blocks), kind="part")

    def partners(self) -> Section:
        t = self.t
        rows = []
        for i, year in enumerate(self.h.pairs):
            gained = ", ".join(self.pair_name(p) for p in year.gained)
            lost = ", ".join(self.pair_name(p) for p in year.lost)
            rows.append(
                (
                    text(f"{i + 1}. {self.dates[i]}"),
                    text(self.t.number(len(year.pairs))),
                    text(user(gained)) if gained else text(muted(NONE)),
                    text(user(lost)) if lost else text(muted(NONE)),
                )
            )
        head = tuple(text(t(f"history.col.{k}")) for k in ("session", "pairs", "gained", "lost"))
        blocks: list[Block] = [
            Heading(2, text(t("history.partners.heading")), anchor="partners"),
            Para(text(t("history.partners.intro"))),
            Table(head, tuple(rows), row_headers=True, numeric=(1,)),
        ]
        return Section(tuple(blocks), kind="part")

    def party_table(self, cell: Callable[[PartyYear | None, Translator], str]) -> Table:
        rows = tuple(
            (text(user(self.h.party_names[pid])), *(self.cell(cell(y, self.t)) for y in years))
            for pid, years in self.h.parties.items()
        )
        return Table((text(self.t("history.col.party")), *self.session_header()), rows, row_headers=True)

    def parties(self) -> Section:
        t = self.t
        blocks: list[Block] = [
            Heading(2, text(t("history.parties.heading")), anchor="parties"),
            Heading(3, text(t("history.steps.heading"))),
            Para(text(t("history.steps.intro"))),
            self.party_table(steps_text),
            Heading(3, text(t("history.kept.heading"))),
            Para(text(t("history.kept.intro"))),
            self.party_table(kept_text),
        ]
        return Section(tuple(blocks), kind="part")

    def counts_table(self, per_session: tuple[dict[str, int], ...], label: str) -> Block:
        names: list[str] = []
        for counts in per_session:
            names.extend(n for n in counts if n not in names)
        if not names:
            return Para(text(muted(self.t("history.counts.none"))))
        rows = tuple((text(user(name)), *(text(str(c.get(name, 0))) for c in per_session)) for name in names)
        numeric = tuple(range(1, len(per_session) + 1))
        return Table((text(label), *self.session_header()), rows, row_headers=True, numeric=numeric)

    def approaches(self) -> Section:
        t = self.t
        blocks: list[Block] = [
            Heading(2, text(t("history.approaches.heading")), anchor="approaches"),
            self.counts_table(self.h.approaches, t("history.col.approach")),
            self.counts_table(self.h.flows, t("history.col.flow")),
        ]
        return Section(tuple(blocks), kind="part")

    def build(self) -> Document:
        footer = Section(
            (Para(text(muted(self.t("history.footer", version=__version__, id=self.h.sessions[-1].id)))),),
            kind="footer",
        )
        blocks = (self.header(), self.ladder(), self.partners(), self.parties(), self.approaches(), footer)
        newest = self.h.sessions[-1]
        title = f"{self.t('history.kind')}: {newest.info.title}"
        return Document(title, self.t.language, newest.info.language, blocks)


def build_history(history: History, t: Translator, generated: str) -> Document:
    return _Builder(history, t, generated).build()


def history_csv(history: History, t: Translator) -> bytes:
    """One row per activity per session: the session, the activity and its agreed and wished rung."""
    header = [
        t(f"history.csv.{k}") for k in ("n", "session", "date", "activity_id", "activity", "now", "wished")
    ]
    rows: list[Row] = []
    for n, session in enumerate(history.sessions):
        for line in history.activities:
            point = line.points[n]
            if point is None:
                continue
            rows.append(
                [
                    n + 1,
                    session.id,
                    session_label(session),
                    line.id,
                    line.title,
                    None if point.current is None else history.rungs[point.current],
                    None if point.wished is None else history.rungs[point.wished],
                ]
            )
    return write_table(header, rows, delimiter_for(t.language))


def render_history(history: History, fmt: str, t: Translator, generated: str) -> bytes:
    """The history in one of FORMATS, as the bytes of one file."""
    if fmt == "csv":
        return history_csv(history, t)
    document = build_history(history, t, generated)
    if fmt == "html":
        return html.render(document, t("report.contents")).encode("utf-8")
    return markdown.render(document).encode("utf-8")
