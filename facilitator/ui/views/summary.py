"""The summary: what the room has agreed so far, readable on a projector.

Counts per rung first (agreed now and wished, as text bars with numbers, so meaning
never rests on colour), then every activity with its agreed rungs and status, then the
open actions. Tables are line-based, so 500 activities cost no more than a screenful.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import DataTable, Label

from facilitator.core.dates import shown_date
from facilitator.core.i18n import Translator
from facilitator.core.model import Activity, Placement, Session
from facilitator.core.service import SessionService
from facilitator.core.text import one_line
from facilitator.ui.text import cut, literal_cell
from facilitator.ui.views.base import PhaseView
from facilitator.ui.widgets.button import Button
from facilitator.ui.widgets.tables import Column, Table

CURRENT_BAR = "█"
WISHED_BAR = "▒"
MAX_BAR = 40
SHORT = 30
"""Below this many rows (80×24) the activities take the room of the chart and of the steps'."""
NOTE_LIMIT = 240
"""Cells of an agreed note in the summary (a note may run to pages): the agree view has it whole."""


# --------------------------------------------------------------------------- pure helpers


def placements_by_activity(session: Session) -> dict[str, list[Placement]]:
    """This round's placements per activity, in one pass (not one scan per activity)."""
    rounds = {a.id: a.round for a in session.activities}
    grouped: dict[str, list[Placement]] = defaultdict(list)
    for placement in session.placements:
        if rounds.get(placement.activity_id) == placement.round:
            grouped[placement.activity_id].append(placement)
    return grouped


def status_text(activity: Activity, placements: Sequence[Placement], t: Translator) -> str:
    """Where the activity stands: agreed, revealed (same view or not), placed k/n, or not placed."""
    if activity.agreed_current is not None:
        return t("summary.status.agreed")
    placed = {p.party_id for p in placements if p.party_id in activity.party_ids}
    if not placed:
        return t("summary.status.not_placed")
    if not activity.revealed:
        return t("summary.status.placed", placed=len(placed), total=len(activity.party_ids))
    views = {(p.current, p.wished) for p in placements}
    return t("summary.status.same" if len(views) == 1 else "summary.status.differ")


def activity_cell(title: str, parties: str, note: str | None, t: Translator) -> Text:
    """An activity's title, its parties below in italics, and the agreed note below them (cut
    at `NOTE_LIMIT`: the agree view shows it whole): one cell, so that the rungs and the state
    beside it stay in view on a projector (as columns of their own they scrolled sideways)."""
    cell = Text(one_line(title), style="bold")
    if parties:
        cell.append("\n").append(one_line(parties), style="italic")
    if note:
        cell.append("\n").append(t("summary.note", note=cut(note, NOTE_LIMIT)))
    return cell


@dataclass(frozen=True)
class ChartRow:
    """One rung of the chart: its title and how many activities were agreed there."""

    label: str
    current: int
    wished: int


def chart_lines(rows: Sequence[ChartRow], headers: tuple[str, str], width: int) -> list[Content]:
    """Two bar columns per rung, each bar followed by its number."""
    if not rows or width < 20:
        return []
    label_width = min(max(cell_len(r.label) for r in rows), max(width // 3, 8))
    largest = max(max(r.current, r.wished) for r in rows)
    digits = len(str(largest))
    wanted = max(MAX_BAR + digits + 3, *(cell_len(h) + 2 for h in headers))
    half = max(min((width - label_width - 2) // 2, wanted), 6)  # columns side by side, not spread
    bar_room = max(min(half - digits - 3, MAX_BAR), 1)

    def column(count: int, glyph: str, style: str) -> Content:
        length = round(count * bar_room / largest) if largest else 0
        if count and not length:
            length = 1
        cell = Content.assemble((glyph * length, style), " " if length else "", (str(count), "bold"))
        return cell.pad_right(max(half - cell.cell_length, 0))

    first = Content.styled(headers[0], "bold").truncate(half - 1, ellipsis=True)
    second = Content.styled(headers[1], "bold").truncate(half - 1, ellipsis=True)
    lines = [Content.assemble(" " * (label_width + 2), first.pad_right(half - first.cell_length), second)]
    for row in rows:
        label = Content(row.label).truncate(label_width, ellipsis=True)
        lines.append(
            Content.assemble(
                label,
                " " * (label_width - label.cell_length + 2),
                column(row.current, CURRENT_BAR, "$primary"),
                column(row.wished, WISHED_BAR, "$accent"),
            ).truncate(width)
        )
    return lines


class RungChart(Widget):
    """Counts per rung as text bars, drawn to the width it gets."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: tuple[ChartRow, ...] = ()
        self.headers = ("", "")

    def show(self, rows: Iterable[ChartRow], headers: tuple[str, str]) -> None:
        self.rows = tuple(rows)
        self.headers = headers
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rows) + 1 if self.rows else 0

    def render(self) -> Content:
        return Content("\n").join(chart_lines(self.rows, self.headers, self.size.width))


# --------------------------------------------------------------------------- the view


class SummaryView(PhaseView):
    """Agreed rungs per activity, counts per rung and the open actions."""

    KIND = "summary"

    def __init__(self, service: SessionService) -> None:
        super().__init__(service)
        self._shown: Session | None = None
        self._rows: list[str] = []

    def compose(self) -> ComposeResult:
        with Horizontal(id="summary-top"):
            yield Label("", id="summary-counts")
            close = Button("", id="summary-close", compact=True)
            close.can_focus = False  # the lists keep the focus; ctrl+w is its key
            yield close
        yield RungChart(id="summary-chart")
        yield Table(id="summary-activities", cursor_type="row", zebra_stripes=True)
        yield Label("", id="summary-empty", classes="empty")
        yield Label("", id="summary-actions-heading")
        yield Table(id="summary-actions", cursor_type="row", zebra_stripes=True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """The end of the agenda: close the workshop (or reopen it), as ctrl+w does."""
        if event.button.id == "summary-close":
            event.stop()
            closed = bool(self.service.session.info.closed_at)
            self.app.call_later(self.screen.run_action, "reopen_workshop" if closed else "close_workshop")

    def relabel(self) -> None:
        super().relabel()
        self.query_one("#summary-empty", Label).update(Content(self.t("summary.empty")))
        self._shown = None  # column headings and statuses are in the old language
        if self.is_mounted:
            self.show_session(self.session)

    def show_session(self, session: Session) -> None:
        if session is self._shown:
            return  # the service rebuilds the session only when the file changed
        self._shown = session
        closing = "closing.key.reopen" if session.info.closed_at else "closing.key.close"
        self.query_one("#summary-close", Button).label = Content(self.t(closing))
        t = self.t
        scenario = session.scenario
        agreed = [a for a in session.activities if a.agreed_current is not None]
        open_actions = [a for a in session.actions if not a.done]
        self.query_one("#summary-counts", Label).update(
            Content(
                t(
                    "summary.counts",
                    total=len(session.activities),
                    agreed=len(agreed),
                    open=len(session.activities) - len(agreed),
                    actions=len(open_actions),
                )
            )
        )
        current = Counter(a.agreed_current for a in session.activities)
        wished = Counter(a.agreed_wished for a in session.activities)
        self.query_one("#summary-chart", RungChart).show(
            (
                ChartRow(one_line(scenario.rung_title(r.id)), current[r.id], wished[r.id])
                for r in scenario.rungs
            ),
            (t("summary.chart.current"), t("summary.chart.wished")),
        )
        self._fill_activities(session)
        self._fill_actions(session)

    def _fill_activities(self, session: Session) -> None:
        t = self.t
        scenario = session.scenario
        table = self.query_one("#summary-activities", Table)
        keep = self._rows[table.cursor_row] if 0 <= table.cursor_row < len(self._rows) else None
        if keep is None:
            keep = self.selected_activity_id
        grouped = placements_by_activity(session)
        none = Text(t("summary.none"))

        def rung_cell(rung_id: str | None) -> Text:
            return literal_cell(scenario.rung_title(rung_id)) if rung_id else none

        self._rows = [activity.id for activity in session.activities]
        table.show_rows(
            (
                Column("number", t("summary.col.number"), wraps=False),
                Column("activity", t("summary.col.activity"), weight=3, least=20),
                Column("current", t("summary.col.current")),
                Column("wished", t("summary.col.wished")),
                Column("status", t("summary.col.status")),
            ),
            [
                (
                    activity.id,
                    (
                        Text(str(number)),
                        activity_cell(
                            activity.title,
                            ", ".join(session.party_name(p) for p in activity.party_ids),
                            activity.agreed_note,
                            t,
                        ),
                        rung_cell(activity.agreed_current),
                        rung_cell(activity.agreed_wished),
                        Text(status_text(activity, grouped.get(activity.id, ()), t)),
                    ),
                )
                for number, activity in enumerate(session.activities, start=1)
            ],
        )
        has_rows = bool(self._rows)
        table.display = has_rows
        self.query_one("#summary-empty", Label).display = not has_rows
        if keep in self._rows:
            table.move_cursor(row=self._rows.index(keep), animate=False)

    def _fill_actions(self, session: Session) -> None:
        t = self.t
        table = self.query_one("#summary-actions", Table)
        actions = sorted(
            (a for a in session.actions if not a.done), key=lambda a: (a.due is None, a.due or "")
        )
        rows = []
        for action in actions:
            activity = (
                session.activity(action.activity_id)
                if action.activity_id and session.has_activity(action.activity_id)
                else None
            )
            cells = (
                literal_cell(action.text),
                literal_cell(session.party_name(action.owner)),
                Text(shown_date(action.due, t.language) if action.due else t("summary.none")),
                literal_cell(activity.title) if activity else Text(t("summary.none")),
            )
            rows.append((action.id, cells))
        table.show_rows(
            (
                Column("action", t("summary.actions.col.action"), weight=3, least=20),
                Column("owner", t("summary.actions.col.owner")),
                Column("due", t("summary.actions.col.due"), wraps=False),
                Column("activity", t("summary.actions.col.activity"), weight=2),
            ),
            rows,
        )
        heading = t("summary.actions.heading", count=len(actions)) if actions else t("summary.actions.none")
        self.query_one("#summary-actions-heading", Label).update(Content(heading))
        table.display = bool(actions)

    def on_resize(self) -> None:
        self.set_class(self.app.size.height < SHORT, "-short")

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Choosing an activity here makes it the selected one in every view."""
        if event.data_table.id == "summary-activities" and event.row_key.value:
            event.stop()
            self.select_activity(event.row_key.value, chosen=True)
