"""Two sessions side by side: what moved on the ladder, what is new or dropped, what was done.

Everything shown comes from `facilitator.core.compare.compare(a, b)`, so the numbers are
those of `facilitator compare A B`. From the home screen: highlight session A, press c
(or click "Compare…"), then choose session B in `CompareWithDialog`. `open_comparison`
reads both files (nothing is written to either) and shows `CompareScreen`, or one clear
error when the files can't be read or the ladders differ in length (`LadderMismatch`).

The screen: the two sessions as two columns (A, B), the summary counts, then three tabs:

* Activities: one `DataTable` row per activity (A's rung, title, B's rung, the change as
  a symbol and a word, the number of other changes), filtered by kind of change (the
  filter `Select`, f / shift+f), with the selected row's roles, expectations and
  commitments in the detail area beside (wide terminals) or below the table.
* Actions: A's next steps and what B shows of them (done, still open, dropped), and B's
  new ones.
* Parties: matched, renamed, new and gone.

s swaps A and B. Escape returns to the home screen.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.widgets import (
    DataTable,
    Label,
    OptionList,
    Select,
    Static,
    TabbedContent,
    TabPane,
)
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist
from textual.widgets.option_list import Option

from facilitator.core.compare import (
    Comparison,
    LadderMismatch,
    compare,
    rung_name,
    summary_lines,
)
from facilitator.core.comparison import Dated, later_first
from facilitator.core.dates import shown_date
from facilitator.core.library import SessionSummary
from facilitator.core.service import SessionService
from facilitator.core.text import one_line
from facilitator.ui.base import BaseModal, BaseScreen
from facilitator.ui.host import host_of
from facilitator.ui.screens.compare_rows import (
    ACTION_SYMBOLS,
    FILTERS,
    KINDS,
    NAME_WIDTH,
    PARTY_SYMBOLS,
    RUNG_WIDTH,
    TABS,
    TITLE_WIDTH,
    WIDE,
    ActivityRow,
    Filter,
    action_rows,
    activity_rows,
    change_word,
    describe,
    filter_counts,
    party_rows,
    when,
)
from facilitator.ui.text import literal, literal_cell
from facilitator.ui.widgets.button import Button
from facilitator.ui.widgets.choice_list import ChoiceList
from facilitator.ui.widgets.keybar import KeyBar
from facilitator.ui.widgets.parts import PartsLabel
from facilitator.ui.widgets.tables import Table

# --------------------------------------------------------------------------- the screen


class CompareScreen(BaseScreen):
    """Session A and session B side by side; nothing is written to either."""

    CSS_PATH = "compare.tcss"

    BINDINGS = [
        Binding("escape", "home", "exchange.key.home"),
        Binding("f", "next_filter(1)", "exchange.key.filter"),
        Binding("F", "next_filter(-1)", "exchange.key.filter_back", show=False),
        Binding("1", "tab('activities')", "exchange.key.activities"),
        Binding("2", "tab('actions')", "exchange.key.actions"),
        Binding("3", "tab('parties')", "exchange.key.parties"),
        Binding("s", "swap", "exchange.key.swap"),
    ]

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]  # -wide: the detail beside the table

    def __init__(self, comparison: Comparison, services: Sequence[SessionService] = ()) -> None:
        super().__init__()
        self.comparison = comparison
        self._services = tuple(services)  # to read rung, role and filter names again in a new language
        self._names_in = ""
        self.filter: Filter = "all"
        self.rows: list[ActivityRow] = []
        self._shown_title_width = 0

    # ---------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        with Horizontal(id="cmp-header"):
            yield Label("", id="cmp-heading")
            yield Label("", id="cmp-notice")
        with Horizontal(id="cmp-sides"):
            for side in ("a", "b"):
                with Vertical(id=f"cmp-side-{side}", classes="cmp-side"):
                    yield Label("", id=f"cmp-{side}-title", classes="cmp-side-title")
                    yield Label("", id=f"cmp-{side}-meta", classes="cmp-side-meta")
        with Vertical(id="cmp-summary"):
            for part in ("activities", "inside", "actions"):
                yield PartsLabel(id=f"cmp-summary-{part}", classes="cmp-summary-part")
        with TabbedContent(id="cmp-tabs", initial="cmp-activities"):
            with TabPane("", id="cmp-activities"):
                with Horizontal(id="cmp-filter-row"):
                    yield Label("", id="cmp-filter-label")
                    yield Select(
                        self._filter_options(), value="all", allow_blank=False, id="cmp-filter", compact=True
                    )
                    yield Label("", id="cmp-filter-hint")
                with Vertical(id="cmp-body"):
                    yield Table(id="cmp-table", cursor_type="row", zebra_stripes=True)
                    with VerticalScroll(id="cmp-detail-box"):
                        yield Static("", id="cmp-detail")
                yield Label("", id="cmp-empty", classes="empty")
            with TabPane("", id="cmp-actions"):
                yield Table(id="cmp-actions-table", cursor_type="row", zebra_stripes=True)
                yield Label("", id="cmp-actions-empty", classes="empty")
            with TabPane("", id="cmp-parties"):
                yield Table(id="cmp-parties-table", cursor_type="row", zebra_stripes=True)
                yield Label("", id="cmp-parties-empty", classes="empty")
        yield KeyBar()

    def after_mount(self) -> None:
        self.query_one("#cmp-table", DataTable).focus()

    def on_resize(self, event: Resize) -> None:
        if self._title_width() != self._shown_title_width:
            self._fill_activities()

    def _title_width(self) -> int:
        """Activity titles get what the other columns leave (the table sits beside the detail when wide)."""
        c, t = self.comparison, self.t
        rungs = [
            len(rung_name(c.a.scenario, None, t)),
            *(len(c.a.scenario.rung_title(r.id)) for r in c.a.scenario.rungs),
            *(len(c.b.scenario.rung_title(r.id)) for r in c.b.scenario.rungs),
        ]
        rung = min(max(rungs), RUNG_WIDTH)
        fixed = 2 * rung + max(len(change_word(k, t, 3)) for k in KINDS) + len(t("exchange.col.others"))
        width = self.size.width * 3 // 5 if self.size.width >= WIDE else self.size.width
        # five columns' padding (2 each), the pane's padding and the scroll bar
        return max(12, min(TITLE_WIDTH, width - fixed - 10 - 4 - 2))

    # ---------------------------------------------------------------- text
    def _names_in_language(self) -> None:
        """After a language change, the scenario's names (rungs, roles) as a fresh open shows them:
        both sessions read again with their counterpart's names, compared the same way round."""
        host = host_of(self.app)
        if not self._names_in:
            self._names_in = host.language
        if host.language == self._names_in or len(self._services) != 2:
            return
        self._names_in = host.language
        for service in self._services:
            service.show_names_in(host.language, host.scenario_folders)
        sessions = {s.session.id: s.session for s in self._services}
        a, b = self.comparison.a.id, self.comparison.b.id
        if a in sessions and b in sessions:
            with contextlib.suppress(LadderMismatch):  # pragma: no cover - compared so already
                self.comparison = compare(sessions[a], sessions[b])

    def relabel(self) -> None:
        super().relabel()
        self._names_in_language()
        t = self.t
        c = self.comparison
        self.query_one("#cmp-heading", Label).update(Content(t("exchange.compare.heading")))
        notes = []
        if c.basis == "index":
            notes.append(t("exchange.compare.by_position"))
        if not c.has_changes:
            notes.append(t("exchange.compare.no_changes"))
        self.query_one("#cmp-notice", Label).update(Content(" · ".join(notes)))
        for side, session in (("a", c.a), ("b", c.b)):
            title = self.query_one(f"#cmp-{side}-title", Label)
            title.update(
                Content.assemble(
                    Content.styled(t(f"exchange.compare.side_{side}"), "bold reverse"),
                    " ",
                    Content.styled(one_line(session.info.title), "bold"),
                )
            )
            where = f"{one_line(when(session, t.language))} · {one_line(session.info.place)}".strip(" ·")
            meta = t(
                "exchange.compare.side_meta",
                when=where,
                scenario=one_line(session.scenario.title),
                activities=len(session.activities),
                parties=len(session.parties),
            )
            self.query_one(f"#cmp-{side}-meta", Label).update(literal(meta))
        for part, text in summary_lines(c, t).items():
            self.query_one(f"#cmp-summary-{part}", PartsLabel).show(text)
        self.query_one("#cmp-filter-label", Label).update(Content(t("exchange.filter.label")))
        self.query_one("#cmp-filter-hint", Label).update(Content(t("exchange.filter.hint")))
        self.query_one("#cmp-empty", Label).update(Content(t("exchange.filter.empty")))
        self.query_one("#cmp-actions-empty", Label).update(Content(t("exchange.actions.empty")))
        self.query_one("#cmp-parties-empty", Label).update(Content(t("exchange.parties.empty")))
        self.rows = activity_rows(c)
        tabs = self.query_one("#cmp-tabs", TabbedContent)
        tabs.get_tab("cmp-activities").label = Content(t("exchange.tab.activities", count=len(self.rows)))
        action_list = action_rows(c)
        tabs.get_tab("cmp-actions").label = Content(t("exchange.tab.actions", count=len(action_list)))
        parties = party_rows(c)
        tabs.get_tab("cmp-parties").label = Content(t("exchange.tab.parties", count=len(parties)))
        self._fill_filter()
        self._fill_activities()
        self._fill_actions(action_list)
        self._fill_parties(parties)

    def _filter_options(self) -> list[tuple[Text, str]]:
        counts = filter_counts(activity_rows(self.comparison))
        t = self.t
        options: list[tuple[Text, str]] = []
        for f in FILTERS:
            name = t("exchange.filter.all") if f == "all" else change_word(f, t)
            options.append((Text(t("exchange.filter.option", name=name, count=counts[f])), f))
        return options

    def _fill_filter(self) -> None:
        select: Select[str] = self.query_one("#cmp-filter", Select)
        options = self._filter_options()
        with self.prevent(Select.Changed):
            select.set_options(options)
            select.value = self.filter
        # The value stayed the same, so Select keeps showing the old wording (a language change).
        shown = next((prompt for prompt, value in options if value == self.filter), None)
        if shown is not None:
            select.query_one("SelectCurrent #label", Static).update(shown)

    # ---------------------------------------------------------------- activities
    def _fill_activities(self) -> None:
        t = self.t
        c = self.comparison
        table: DataTable[Any] = self.query_one("#cmp-table", DataTable)
        keep = _row_key(table)
        shown = [r for r in self.rows if r.shown_by(self.filter)]
        title_width = self._shown_title_width = self._title_width()
        with self.prevent(DataTable.RowHighlighted):
            table.clear(columns=True)
            table.add_column(Text(t("exchange.col.rung_a")), key="rung_a")
            table.add_column(Text(t("exchange.col.activity")), key="activity")
            table.add_column(Text(t("exchange.col.rung_b")), key="rung_b")
            table.add_column(Text(t("exchange.col.change")), key="change")
            table.add_column(Text(t("exchange.col.others")), key="others")
            for row in shown:
                rung_a = rung_name(c.a.scenario, row.a.agreed_current, t) if row.a else ""
                rung_b = rung_name(c.b.scenario, row.b.agreed_current, t) if row.b else ""
                delta = row.pair.current.delta if row.pair else None
                table.add_row(
                    Text(one_line(rung_a, RUNG_WIDTH)),
                    _fit(row.title, title_width),
                    Text(one_line(rung_b, RUNG_WIDTH)),
                    Text(change_word(row.kind, t, delta), style="bold"),
                    Text(str(row.others) if row.others else "", justify="right"),
                    key=row.key,
                )
            if keep is not None:
                try:
                    table.move_cursor(row=table.get_row_index(keep), animate=False)
                except RowDoesNotExist:
                    table.move_cursor(row=0, animate=False)
        empty = not shown
        self.query_one("#cmp-body").display = not empty
        self.query_one("#cmp-empty", Label).display = empty
        self._show_detail()

    def highlighted(self) -> ActivityRow | None:
        key = _row_key(self.query_one("#cmp-table", DataTable))
        return next((r for r in self.rows if r.key == key), None) if key else None

    @on(DataTable.RowHighlighted, "#cmp-table")
    def _row_highlighted(self) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        detail = self.query_one("#cmp-detail", Static)
        row = self.highlighted()
        if row is None or not self.query_one("#cmp-table", DataTable).row_count:
            detail.update("")
            return
        lines = describe(row, self.comparison, self.t)
        heading = Content.assemble(
            Content.styled(change_word(row.kind, self.t), "bold reverse"),
            " ",
            Content.styled(one_line(row.title), "bold"),
        )
        detail.update(Content.assemble(heading, "\n", Content("\n".join(lines))))

    # ---------------------------------------------------------------- filter
    @on(Select.Changed, "#cmp-filter")
    def _filter_chosen(self, event: Select.Changed) -> None:
        value = event.value
        if isinstance(value, str) and value in FILTERS and value != self.filter:
            self.set_filter(value)

    def set_filter(self, wanted: Filter) -> None:
        """Show only one kind of change (or all activities)."""
        self.filter = wanted
        select: Select[str] = self.query_one("#cmp-filter", Select)
        if select.value != wanted:
            with self.prevent(Select.Changed):
                select.value = wanted
        self._fill_activities()

    def action_next_filter(self, step: int) -> None:
        """Step the filter: all, changed, up, down, same, no rung, new, dropped, and round again."""
        self.action_tab("activities")
        index = FILTERS.index(self.filter)
        self.set_filter(FILTERS[(index + step) % len(FILTERS)])

    # ---------------------------------------------------------------- actions and parties
    def _fill_actions(self, rows: list[tuple[str, str, str, str, str]]) -> None:
        t = self.t
        table: DataTable[Any] = self.query_one("#cmp-actions-table", DataTable)
        table.clear(columns=True)
        table.add_column(Text(t("exchange.col.status")), key="status")
        table.add_column(Text(t("exchange.col.owner")), key="owner")
        table.add_column(Text(t("exchange.col.action")), key="action")
        table.add_column(Text(t("exchange.col.due")), key="due")
        for key, status, owner, text, due in rows:
            table.add_row(
                Text(f"{ACTION_SYMBOLS[status]} {t(f'exchange.action.{status}')}", style="bold"),
                _fit(owner, NAME_WIDTH),
                literal_cell(text),
                literal_cell(shown_date(due, t.language)),
                key=key,
            )
        table.display = bool(rows)
        self.query_one("#cmp-actions-empty", Label).display = not rows

    def _fill_parties(self, rows: list[tuple[str, str, str, str]]) -> None:
        t = self.t
        table: DataTable[Any] = self.query_one("#cmp-parties-table", DataTable)
        table.clear(columns=True)
        table.add_column(Text(t("exchange.col.party_change")), key="change")
        table.add_column(Text(t("exchange.col.party_a")), key="a")
        table.add_column(Text(t("exchange.col.party_b")), key="b")
        for key, change, name_a, name_b in rows:
            table.add_row(
                Text(f"{PARTY_SYMBOLS[change]} {t(f'exchange.party.{change}')}", style="bold"),
                _fit(name_a, NAME_WIDTH),
                _fit(name_b, NAME_WIDTH),
                key=key,
            )
        table.display = bool(rows)
        self.query_one("#cmp-parties-empty", Label).display = not rows

    # ---------------------------------------------------------------- tabs and keys
    def action_tab(self, name: str) -> None:
        if name not in TABS:
            return
        tabs = self.query_one("#cmp-tabs", TabbedContent)
        tabs.active = f"cmp-{name}"
        self._focus_tab(name)

    @on(TabbedContent.TabActivated, "#cmp-tabs")
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self._focus_tab((event.pane.id or "cmp-activities")[len("cmp-") :])

    def _focus_tab(self, name: str) -> None:
        table = self.query_one("#cmp-table" if name == "activities" else f"#cmp-{name}-table", DataTable)
        if table.display and table.row_count:
            table.focus()

    def action_swap(self) -> None:
        """Compare the other way round: B becomes A."""
        c = self.comparison
        try:
            self.comparison = compare(c.b, c.a)
        except LadderMismatch:  # pragma: no cover - the check is symmetric
            return
        self.relabel()
        self.notify(self.t("exchange.compare.swapped"), timeout=2)

    def action_home(self) -> None:
        self.fapp.go_home()


def _row_key(table: DataTable[Any]) -> str | None:
    if not table.row_count or table.cursor_row < 0:
        return None
    try:
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
    except (CellDoesNotExist, RowDoesNotExist):  # a cursor past the end after a clear
        return None


def _fit(text: str, width: int) -> Text:
    """User text in `width` terminal cells, with an ellipsis when cut (emoji take two cells)."""
    cell = literal_cell(text, width + 1)
    cell.truncate(width, overflow="ellipsis")
    return cell


# --------------------------------------------------------------------------- choosing B


class CompareWithDialog(BaseModal[str | None]):
    """Choose session B to compare session A with; returns B's id, or None."""

    CSS_PATH = "compare.tcss"

    BINDINGS = [Binding("escape", "cancel", "button.cancel")]

    def __init__(self, a: SessionSummary, others: Sequence[SessionSummary]) -> None:
        super().__init__(classes="dialog")
        self.a = a
        self.others = list(others)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide", id="cmp-pick-box"):
            yield Label("", id="cmp-pick-title", classes="dialog-title")
            yield Label("", id="cmp-pick-a")
            yield Label("", id="cmp-pick-label")
            yield ChoiceList(id="cmp-pick-list", classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button("", id="cmp-pick-go", variant="primary")
                yield Button("", id="cmp-pick-cancel")

    def after_mount(self) -> None:
        options = self.query_one("#cmp-pick-list", OptionList)
        # The workshop the selected one continues, or the one that continues it, comes first to hand.
        kin = next(
            (
                i
                for i, s in enumerate(self.others)
                if self.a.id == s.previous_id or self.a.previous_id == s.id
            ),
            0,
        )
        options.highlighted = kin if self.others else None
        options.focus()

    def relabel(self) -> None:
        super().relabel()
        t = self.t
        self.query_one("#cmp-pick-title", Label).update(Content(t("exchange.pick.title")))
        self.query_one("#cmp-pick-a", Label).update(
            Content.assemble(
                Content.styled(t("exchange.pick.selected"), "bold"),
                " ",
                Content.styled(one_line(self.a.title or self.a.id, 60), "bold"),
                f" · {one_line(shown_date(self.a.date or self.a.created_at[:10], t.language))}",
            )
        )
        self.query_one("#cmp-pick-label", Label).update(Content(t("exchange.pick.label")))
        self.query_one("#cmp-pick-go", Button).label = Content(t("exchange.pick.go"))
        self.query_one("#cmp-pick-cancel", Button).label = Content(t("button.cancel"))
        options = self.query_one("#cmp-pick-list", OptionList)
        keep = options.highlighted
        options.clear_options()
        for s in self.others:
            options.add_option(
                Option(
                    Content.assemble(
                        Content.styled(one_line(s.title or s.id, 50), "bold"),
                        f"  {one_line(shown_date(s.date or s.created_at[:10], t.language))}",
                        f" · {one_line(s.scenario_id)} · ",
                        t("exchange.pick.activities", count=s.activities),
                        f" · {one_line(s.id)}",
                    ),
                    id=s.id,
                )
            )
        if keep is not None and self.others:
            options.highlighted = min(keep, len(self.others) - 1)

    @on(OptionList.OptionSelected, "#cmp-pick-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id != "cmp-pick-go":
            self.dismiss(None)
            return
        options = self.query_one("#cmp-pick-list", OptionList)
        if options.highlighted is None:
            return
        self.dismiss(options.get_option_at_index(options.highlighted).id)

    def action_cancel(self) -> None:
        self.close_asking(None)


def _dated(s: SessionSummary) -> Dated:
    return (s.id, s.previous_id, s.date or s.created_at[:10])


def choose_and_compare(app: App[Any], a: SessionSummary, summaries: Sequence[SessionSummary]) -> None:
    """Ask for session B (any other readable session), then show the comparison of A and B."""
    t = host_of(app).t
    if a.error:
        host_of(app).show_error(t("exchange.compare.unreadable", id=a.id, error=a.error))
        return
    others = [s for s in summaries if s.id != a.id and not s.error]
    if not others:
        app.notify(t("exchange.compare.no_other"), timeout=4)
        return

    def chosen(b_id: str | None) -> None:
        b = next((s for s in others if s.id == b_id), None)
        if b is None:
            return
        first, second = (b, a) if later_first(_dated(a), _dated(b)) else (a, b)  # A earlier, B later
        open_comparison(app, first.path, second.path)

    app.push_screen(CompareWithDialog(a, others), chosen)


def open_comparison(app: App[Any], path_a: Path, path_b: Path) -> bool:
    """Read both sessions, compare them and show the result; a clear error otherwise."""
    host = host_of(app)
    t = host.t

    def read(path: Path) -> SessionService:
        service = SessionService(path)
        service.show_names_in(host.language, host.scenario_folders)  # one language at a time
        service.session  # noqa: B018 - read here, so a file that can't be read is said now
        return service

    both = host.attempt(lambda: (read(path_a), read(path_b)))
    if both is None:
        return False
    services = both.value
    a, b = (service.session for service in services)
    try:
        comparison = compare(a, b)
    except LadderMismatch:
        host.show_error(
            t(
                "exchange.compare.ladders",
                a=one_line(a.info.title),
                a_rungs=len(a.scenario.rungs),
                b=one_line(b.info.title),
                b_rungs=len(b.scenario.rungs),
            )
        )
        return False
    app.push_screen(CompareScreen(comparison, services))
    return True
