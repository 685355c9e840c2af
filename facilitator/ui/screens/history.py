"""Review mode's History view: the partnership over the series this session ends.

The same numbers as `facilitator history` (`core.history`): each activity's agreed rung
(→ wished) per workshop, who works with whom with the pairs gained and lost, and each
party's steps done (on time) and promises kept. Line-based `DataTable`s, one column per
workshop, so a series of ten fits a projector's width. Built the first time its tab is
shown; it only reads sessions (the earlier ones too), never writes.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Label

from facilitator.core.dates import shown_date
from facilitator.core.errors import UserError
from facilitator.core.history import (
    NONE,
    History,
    history,
    kept_text,
    point_text,
    quiet,
    series_notes,
    session_label,
    steps_text,
)
from facilitator.core.i18n import reason
from facilitator.core.model import Session
from facilitator.ui.host import AppBound
from facilitator.ui.text import literal_cell
from facilitator.ui.widgets.tables import Column, Table

TITLE_WIDTH = 34
NAMES_WIDTH = 48


class HistoryPane(AppBound, VerticalScroll):
    """The series' history as three tables; a series of one, or one that can't be read, says so."""

    def __init__(self, session: Session, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self.history: History | None = None
        self.problem = ""
        self.built = False

    def compose(self) -> ComposeResult:
        yield Label("", id="history-summary", classes="review-heading")
        yield Label("", id="history-notice")
        yield Label("", id="history-ladder-heading", classes="review-subheading")
        yield Table(id="history-ladder", cursor_type="row", zebra_stripes=True)
        yield Label("", id="history-pairs-heading", classes="review-subheading")
        yield Table(id="history-pairs", cursor_type="row", zebra_stripes=True)
        yield Label("", id="history-steps-heading", classes="review-subheading")
        yield Table(id="history-steps", cursor_type="row", zebra_stripes=True)
        yield Label("", id="history-kept-heading", classes="review-subheading")
        yield Table(id="history-kept", cursor_type="row", zebra_stripes=True)

    def build(self) -> None:
        """Read the series (the earlier sessions only now) and fill the tables."""
        t = self.fapp.t
        try:
            series = self.fapp.library.series(self.session.id, t.language, self.fapp.scenario_folders)
            self.history = history(series)
        except UserError as error:  # the session's own file moved or broke meanwhile
            self.problem = reason(error)  # said in the interface's language, also after F7
        self.built = True
        self.retranslate()

    def retranslate(self) -> None:
        if not self.built:
            return
        t = self.fapp.t
        h = self.history
        summary = self.query_one("#history-summary", Label)
        notice = self.query_one("#history-notice", Label)
        if h is None:
            summary.update(Content(t("history.kind")))
            notice.update(Content(t("history.unreadable", reason=self.problem)))
            for table in self.query(DataTable):
                table.display = False
            return
        dates = [shown_date(session_label(s), t.language) for s in h.sessions]
        summary.update(Content(f"{t('history.kind')} · {t('history.fact.sessions')}: {len(h.sessions)}"))
        notes = series_notes(h.series, t)
        notice.update(Content("\n".join(notes)))
        notice.display = bool(notes)
        columns = [f"{i + 1}. {d}" for i, d in enumerate(dates)]
        self._ladder(h, columns)
        self._pairs(h, dates)
        self._parties(h, columns)

    def _cell(self, value: str) -> Text:
        return Text(value, style="italic" if quiet(value, self.fapp.t) else "")

    def _fill(self, table_id: str, heading: str, header: list[str], rows: list[tuple[Any, ...]]) -> None:
        """Every column within the width, long cells wrapped (a year's lost pairs pushed the
        last column out at 80 columns, its header cut)."""
        table = self.query_one(f"#{table_id}", Table)
        cells = [
            (str(n), tuple(c if isinstance(c, Text) else Text(str(c)) for c in row))
            for n, row in enumerate(rows)
        ]
        table.show_rows([Column(f"c{n}", name) for n, name in enumerate(header)], cells)
        self.query_one(f"#{table_id}-heading", Label).update(Content(heading))
        table.display = bool(rows)

    def _ladder(self, h: History, columns: list[str]) -> None:
        t = self.fapp.t
        rows = [
            (
                literal_cell(f"{n + 1}. {line.title}", TITLE_WIDTH),
                *(self._cell(point_text(p, t)) for p in line.points),
            )
            for n, line in enumerate(h.activities)
        ]
        heading = t("history.ladder.heading") + " — " + t("history.ladder.intro", rungs=" · ".join(h.rungs))
        self._fill("history-ladder", heading, [t("history.col.activity"), *columns], rows)

    def _pairs(self, h: History, dates: list[str]) -> None:
        t = self.fapp.t

        def names(pairs: tuple[tuple[str, str], ...]) -> Text:
            joined = ", ".join(" – ".join(h.party_names.get(p, p) for p in pair) for pair in pairs)
            return literal_cell(joined, NAMES_WIDTH) if joined else self._cell(NONE)

        rows = [
            (
                f"{i + 1}. {dates[i]}",
                Text(t.number(len(year.pairs)), justify="right"),
                names(year.gained),
                names(year.lost),
            )
            for i, year in enumerate(h.pairs)
        ]
        header = [t(f"history.col.{k}") for k in ("session", "pairs", "gained", "lost")]
        self._fill("history-pairs", t("history.partners.heading"), header, rows)

    def _parties(self, h: History, columns: list[str]) -> None:
        t = self.fapp.t
        for table_id, key, cell in (
            ("history-steps", "steps", steps_text),
            ("history-kept", "kept", kept_text),
        ):
            rows = [
                (literal_cell(h.party_names[pid], TITLE_WIDTH), *(self._cell(cell(y, t)) for y in years))
                for pid, years in h.parties.items()
            ]
            heading = t(f"history.{key}.heading") + " — " + t(f"history.{key}.intro")
            self._fill(table_id, heading, [t("history.col.party"), *columns], rows)
