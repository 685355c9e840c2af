"""Review mode: a saved session, read-only, as a dashboard and as a timeline.

The screen reads the session once through its service (`service.session` and the file's
metadata) and never calls anything that writes: no changes, no view state. So reviewing
a session leaves its file byte for byte as it was, and a finished workshop can be shown
on a projector without any risk of changing it. A badge says so at the top.

The dashboard is built when the screen opens, from line-based `DataTable`s and two
text blocks (no widget per item), so it opens about as fast as the live board. The
timeline (`TimelinePane`) is built the first time its tab is shown.

Escape returns to the home screen when the review was opened from there. When the app was
started with `facilitator review ID`, escape quits instead: review must never lead to a
screen that can change or delete data (home opens, deletes and imports). ctrl+q quits.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Label, TabbedContent, TabPane

from facilitator.core.closing import closed_on
from facilitator.core.dates import shown_date
from facilitator.core.model import Session
from facilitator.core.review import Dashboard, dashboard, phase_number
from facilitator.core.service import SessionService
from facilitator.core.text import one_line
from facilitator.ui.base import BaseScreen
from facilitator.ui.text import literal, literal_block, literal_cell
from facilitator.ui.views.summary import ChartRow, RungChart
from facilitator.ui.widgets.keybar import KeyBar
from facilitator.ui.widgets.linelist import Cell, LineList, fit
from facilitator.ui.widgets.parts import PartsLabel
from facilitator.ui.widgets.tables import Column, Table

if TYPE_CHECKING:
    from facilitator.ui.screens.timeline import TimelinePane

DASHBOARD, TIMELINE, HISTORY = "review-tab-dashboard", "review-tab-timeline", "review-tab-history"
WIDE = 150  # from this width the dashboard's sections sit in two columns
TIMELINE_ACTIONS = {"phase", "pick_phase", "edge"}
"""Actions shown in the footer only while the timeline is on screen (they work from anywhere)."""


class ReviewScreen(BaseScreen):
    """One saved session, read-only: a dashboard and a timeline of every change."""

    FOLLOWS_SESSION = True

    CSS_PATH = ["review.tcss", "timeline.tcss"]

    BINDINGS = [
        Binding("escape", "home", "review.key.back"),
        Binding("d", "show_tab('review-tab-dashboard')", "review.key.dashboard"),
        Binding("t", "show_tab('review-tab-timeline')", "review.key.timeline"),
        Binding("h", "show_tab('review-tab-history')", "review.key.history"),
        Binding("left_square_bracket", "phase(-1)", "review.key.phase_previous"),
        Binding("right_square_bracket", "phase(1)", "review.key.phase_next"),
        Binding("p", "pick_phase", "review.key.phase_pick"),
        Binding("home", "edge(-1)", "review.key.first"),
        Binding("end", "edge(1)", "review.key.last"),
    ]

    def __init__(self, service: SessionService) -> None:
        super().__init__()
        self.service = service  # read from, never written to
        self.session = service.session
        self.meta: dict[str, Any] = dict(service.file.read()["meta"]["session"])
        self.data: Dashboard | None = dashboard(self.session)

    # ---------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        with Horizontal(id="review-header"):
            yield Label("", id="review-badge")
            yield Label("", id="review-title")
        with TabbedContent(id="review-tabs", initial=DASHBOARD):
            # Wide or not from the terminal's width now: set before mounting, it costs no restyle.
            wide = "-wide" if self.app.size.width >= WIDE else ""
            with TabPane("", id=DASHBOARD), VerticalScroll(id="review-dashboard", classes=wide):
                with Vertical(classes="review-section", id="review-rungs-section"):
                    yield PartsLabel(id="review-meta")
                    yield PartsLabel(id="review-counts", classes="review-heading")
                    yield Label("", id="review-rungs-heading", classes="review-subheading")
                    yield RungChart(id="review-chart")
                    yield Label("", id="review-not-agreed")
                    yield Label("", id="review-approaches-heading", classes="review-subheading")
                    yield Label("", id="review-approaches")
                with Vertical(classes="review-section"):
                    yield Label("", id="review-pairs-heading", classes="review-heading")
                    yield Table(id="review-pairs", cursor_type="row", zebra_stripes=True)
                with Vertical(classes="review-section"):
                    yield Label("", id="review-mismatches-heading", classes="review-heading")
                    yield Label("", id="review-mismatch-counts")
                    yield LineList(id="review-mismatches")
                    yield Label("", id="review-mismatch-detail")
                with Vertical(classes="review-section"):
                    yield Label("", id="review-actions-heading", classes="review-heading")
                    yield Table(id="review-actions", cursor_type="row", zebra_stripes=True)
                with Vertical(classes="review-section"):
                    yield Label("", id="review-signoff-heading", classes="review-heading")
                    # One line per activity, drawn only where on screen: 500 activities
                    # cost what a screenful does (a DataTable measures every cell first).
                    yield Label("", id="review-signoff-columns")
                    yield LineList(id="review-signoff")
            yield TabPane("", id=TIMELINE)  # the timeline is built when first shown
            yield TabPane("", id=HISTORY)  # the series' history too
        yield KeyBar()

    def after_mount(self) -> None:
        self.query_one("#review-dashboard").focus()

    def session_changed(self, session: Session) -> None:
        """A session still running elsewhere: the dashboard follows it (reading only)."""
        self.session = session
        self.data = dashboard(session)
        self.relabel()

    @property
    def standalone(self) -> bool:
        """Started with `facilitator review`: there is no home to go back to, leaving quits."""
        return self.fapp.review_path is not None

    # ---------------------------------------------------------------- text
    def relabel(self) -> None:
        if self.standalone:  # the key bar says what escape does: quit
            self._bindings.key_to_bindings["escape"] = [
                replace(b, description="review.key.quit") if b.action == "home" else b
                for b in self._bindings.key_to_bindings.get("escape", [])
            ]
        super().relabel()
        t = self.t
        session = self.session
        info = session.info
        self.query_one("#review-badge", Label).update(Content(t("review.badge")))
        self.query_one("#review-badge", Label).tooltip = t("review.badge.help")
        self.query_one("#review-title", Label).update(literal(info.title))
        parts = []
        if info.date:
            parts.append(t("review.meta.date", date=one_line(shown_date(info.date, t.language))))
        if info.place:
            parts.append(t("review.meta.place", place=one_line(info.place)))
        if info.facilitator:
            parts.append(t("review.meta.facilitator", name=one_line(info.facilitator)))
        parts.append(t("review.meta.scenario", scenario=one_line(session.scenario.title)))
        if info.closed_at:
            parts.append(closed_on(info.closed_at, t))
        elif info.phase:
            number = phase_number(session.scenario, info.phase)
            name = next((p.name for p in session.scenario.agenda if p.id == info.phase), info.phase)
            parts.append(t("review.meta.phase", phase=f"{number or ''} {one_line(name)}".strip()))
        else:
            parts.append(t("review.meta.phase", phase=t("review.meta.phase.none")))
        self.query_one("#review-meta", PartsLabel).show(" · ".join(parts))
        tabs = self.query_one("#review-tabs", TabbedContent)
        tabs.get_tab(DASHBOARD).label = Content(t("review.tab.dashboard"))
        tabs.get_tab(TIMELINE).label = Content(t("review.tab.timeline", count=len(session.events)))
        tabs.get_tab(HISTORY).label = Content(t("review.tab.history"))
        self._fill_dashboard()
        for pane in self.query("TimelinePane, HistoryPane"):
            pane.retranslate()  # type: ignore[attr-defined]
        self._show_timeline_keys(tabs.active == TIMELINE)

    def _show_timeline_keys(self, shown: bool) -> None:
        """The timeline's keys in the footer only while it is on screen (they work from anywhere)."""
        bindings = self._bindings.key_to_bindings
        for key, items in bindings.items():
            bindings[key] = [
                replace(b, show=shown) if b.action.split("(")[0] in TIMELINE_ACTIONS else b for b in items
            ]
        self.refresh_bindings()

    # ---------------------------------------------------------------- the dashboard
    def _fill_dashboard(self) -> None:
        data = self.data
        if data is None:
            return
        t = self.t
        self.query_one("#review-counts", PartsLabel).show(
            t(
                "review.counts",
                total=data.activities,
                agreed=data.agreed,
                open=data.activities - data.agreed,
                signed=data.fully_signed,
            )
        )
        self.query_one("#review-rungs-heading", Label).update(Content(t("review.rungs.heading")))
        self.query_one("#review-chart", RungChart).show(
            (ChartRow(one_line(r.title), r.current, r.wished) for r in data.rungs),
            (t("review.chart.current"), t("review.chart.wished")),
        )
        self.query_one("#review-not-agreed", Label).update(
            Content(t("review.rungs.not_agreed", count=data.activities - data.agreed))
        )
        self.query_one("#review-approaches-heading", Label).update(Content(t("review.approaches.heading")))
        approaches = " · ".join(
            f"{one_line(a.name) if a.approach_id else t('review.approaches.unset')}: {a.count}"
            for a in data.approaches
        )
        self.query_one("#review-approaches", Label).update(Content(approaches))
        self._fill_pairs(data)
        self._fill_mismatches(data)
        self._fill_actions(data)
        self._fill_signoffs(data)

    def _fill_pairs(self, data: Dashboard) -> None:
        """Names whole, wrapped where long: they pushed the rung out of sight, then were cut."""
        t = self.t
        none = Text(t("review.none"))
        rows = [
            (
                str(n),
                (
                    literal_cell(p.a),
                    literal_cell(p.b),
                    Text(str(p.activities), justify="right"),
                    Text(str(p.agreed), justify="right"),
                    literal_cell(p.highest) if p.highest else none,
                ),
            )
            for n, p in enumerate(data.pairs)
        ]
        table = self.query_one("#review-pairs", Table)
        table.show_rows(
            [
                Column(c, t(f"review.pairs.col.{c}"), wraps=c not in ("activities", "agreed"))
                for c in ("a", "b", "activities", "agreed", "highest")
            ],
            rows,
        )
        table.display = bool(rows)
        heading = t("review.pairs.heading") if data.pairs else t("review.pairs.empty")
        self.query_one("#review-pairs-heading", Label).update(Content(heading))

    def _fill_mismatches(self, data: Dashboard) -> None:
        """Thousands of mismatches are cheap: a line-based list, cut to the width when drawn."""
        t = self.t
        kind_names = {kind: t(f"mismatch.kind.{kind}") for kind in data.mismatch_counts}
        kind_width = max((cell_len(name) for name in kind_names.values()), default=8)
        listing = self.query_one("#review-mismatches", LineList)
        listing.set_rows(
            [(Cell(kind_names[m.kind], "strong", kind_width), Cell(m.explain(t))) for m in data.mismatches]
        )
        listing.display = bool(data.mismatches)
        counts = " · ".join(f"{kind_names[kind]}: {n}" for kind, n in data.mismatch_counts.items())
        self.query_one("#review-mismatch-counts", Label).update(Content(counts))
        self.query_one("#review-mismatch-counts", Label).display = bool(counts)
        heading = (
            t("review.mismatches.heading", count=len(data.mismatches))
            if data.mismatches
            else t("review.mismatches.none")
        )
        self.query_one("#review-mismatches-heading", Label).update(Content(heading))
        self._show_mismatch(listing.cursor)

    def _show_mismatch(self, row: int) -> None:
        """The highlighted mismatch's whole explanation, under the list."""
        found = self.data.mismatches if self.data else ()
        detail = self.query_one("#review-mismatch-detail", Label)
        detail.display = bool(found)
        if 0 <= row < len(found):
            mismatch = found[row]
            kind = self.t(f"mismatch.kind.{mismatch.kind}")
            detail.update(literal_block(f"{kind}: {mismatch.explain(self.t)}"))

    def on_line_list_moved(self, message: LineList.Moved) -> None:
        if message.line_list.id == "review-mismatches":
            self._show_mismatch(message.index)

    def _fill_actions(self, data: Dashboard) -> None:
        """Every step whole, wrapped into taller rows: at 120×40 the step and its activity ran
        off to the right (the table scrolled sideways)."""
        t = self.t
        rows = []
        for n, a in enumerate(data.actions):
            if a.done:
                status = Text(t("review.actions.done"))
            elif a.overdue:
                status = Text(t("review.actions.overdue"), style="bold reverse")
            else:
                status = Text(t("review.actions.open"))
            cells = (
                literal_cell(a.owner),
                literal_cell(shown_date(a.due, t.language) or t("review.actions.no_due")),
                status,
                literal_cell(a.text),
                literal_cell(a.activity) if a.activity else Text(t("review.none")),
            )
            rows.append((str(n), cells))
        table = self.query_one("#review-actions", Table)
        table.show_rows(
            (
                Column("owner", t("review.actions.col.owner")),
                Column("due", t("review.actions.col.due"), wraps=False),
                Column("status", t("review.actions.col.status")),
                Column("action", t("review.actions.col.action"), weight=3, least=20),
                Column("activity", t("review.actions.col.activity"), weight=2),
            ),
            rows,
        )
        table.display = bool(rows)
        heading = (
            t(
                "review.actions.heading",
                open=data.open_actions,
                overdue=data.overdue_actions,
                done=data.done_actions,
            )
            if data.actions
            else t("review.actions.none")
        )
        self.query_one("#review-actions-heading", Label).update(Content(heading))

    def _fill_signoffs(self, data: Dashboard) -> None:
        t = self.t
        titles = [one_line(s.title, 60) for s in data.signoffs]
        columns = [t(f"review.signoff.col.{c}") for c in ("activity", "signed", "status")]
        title_width = min(max((cell_len(x) for x in [*titles, columns[0]]), default=8), 40)
        count_width = max(cell_len(columns[1]), 5)
        rows = []
        for s, title in zip(data.signoffs, titles, strict=True):
            if s.total == 0:
                status = t("review.signoff.no_parties")
            elif s.complete:
                status = t("review.signoff.complete")
            else:
                status = t("review.signoff.missing", parties=", ".join(s.missing))
            count = t("review.signoff.count", signed=s.signed, total=s.total)
            rows.append(
                (
                    Cell(title, width=title_width),
                    Cell(count.rjust(count_width), width=count_width),
                    Cell(status),
                )
            )
        listing = self.query_one("#review-signoff", LineList)
        listing.set_rows(rows)
        header = self.query_one("#review-signoff-columns", Label)
        header.update(
            Content(
                "  " + fit(columns[0], title_width) + " " + fit(columns[1], count_width) + " " + columns[2]
            )
        )
        listing.display = header.display = bool(rows)
        self.query_one("#review-signoff-heading", Label).update(
            Content(
                t("review.signoff.heading", complete=data.fully_signed, total=len(data.signoffs))
                if data.signoffs
                else t("review.empty")
            )
        )

    def on_resize(self) -> None:
        dashboard = self.query_one("#review-dashboard")
        wide = self.app.size.width >= WIDE
        if dashboard.has_class("-wide") != wide:  # a class change restyles the whole dashboard
            dashboard.set_class(wide, "-wide")

    # ---------------------------------------------------------------- tabs and actions
    async def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        shown = event.pane.id == TIMELINE
        self._show_timeline_keys(shown)
        if shown:
            await self._timeline()
            self.call_after_refresh(self.query_one("#timeline-events", LineList).focus)
        elif event.pane.id == HISTORY:
            await self._history()

    async def _history(self) -> None:
        """The History view, built the first time it is shown (it reads the earlier sessions)."""
        from facilitator.ui.screens.history import HistoryPane

        if not self.query(HistoryPane):
            pane = HistoryPane(self.session, id="review-history-pane")
            await self.query_one(f"#{HISTORY}", TabPane).mount(pane)
            pane.build()
            self.call_after_refresh(pane.focus)

    def action_show_tab(self, tab: str) -> None:
        self.query_one("#review-tabs", TabbedContent).active = tab

    async def _timeline(self) -> TimelinePane:
        """The timeline pane, brought on screen (and built, the first time) if it wasn't.

        Built on first use, not with the screen: its twenty widgets and the event list
        would double the dashboard's start-up for a tab that may never be opened.
        """
        from facilitator.ui.screens.timeline import TimelinePane  # with its tab, not at start-up

        tabs = self.query_one("#review-tabs", TabbedContent)
        found = self.query(TimelinePane)
        if found:
            pane = found.first(TimelinePane)
        else:
            pane = TimelinePane(self.session, self.meta, id="review-timeline-pane")
            await self.query_one(f"#{TIMELINE}", TabPane).mount(pane)
        if tabs.active != TIMELINE:
            tabs.active = TIMELINE
        if not pane.built:
            pane.build()
        return pane

    async def action_phase(self, step: int) -> None:
        (await self._timeline()).go_phase(step)

    async def action_pick_phase(self) -> None:
        (await self._timeline()).pick_phase()

    async def action_edge(self, step: int) -> None:
        pane = await self._timeline()
        pane.go(0 if step < 0 else len(pane.lines))

    def action_home(self) -> None:
        if self.standalone:
            self.app.exit()
        else:
            self.fapp.go_home()
