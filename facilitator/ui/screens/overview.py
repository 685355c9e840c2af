"""The overview: where the parties are not yet aligned, who does what, who works with whom.

Three tabs over the same session, all read from the core's pure functions so that the
numbers are those of the reports:

* Mismatches (`mismatches`, `counts_by_kind`): counts by kind as a filter, and the list.
  Choosing a mismatch closes the overview and the workshop shows the phase where it is
  fixed, with its activity selected.
* Roles (`role_matrix`): activities × parties, each cell the party's role.
* Partnerships (`partnership_matrix`): parties × parties, each cell the highest rung the
  two have agreed on together and how many activities they share.

Everything long is a DataTable or an OptionList (drawn line by line), so 500 activities
and 12 parties cost no more per key press than five. A tab is drawn when it is shown,
and redrawn only where what it shows changed: fixing a mismatch removes one row rather
than rebuilding 2,000. The overview changes nothing itself: it closes with a `Jump` (or
None) and the workshop does the going.

The workshop header's "⚠ 12" (`ui/widgets/mismatch_badge.py`) is the overview's mouse path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import (
    DataTable,
    Label,
    OptionList,
    Static,
    TabbedContent,
    TabPane,
)
from textual.widgets.data_table import CellDoesNotExist
from textual.widgets.option_list import Option

from facilitator.core.errors import UserError
from facilitator.core.matrices import Pair, partnership_matrix
from facilitator.core.mismatches import (
    DISCUSS,
    KINDS,
    Mismatch,
    by_group,
    counts_by_group,
    counts_by_kind,
    kinds_by_group,
    mismatches,
)
from facilitator.core.model import Session
from facilitator.core.service import SessionService
from facilitator.ui.base import BaseScreen
from facilitator.ui.screens.overview_rows import (
    ALL,
    PARTY_COLUMN,
    TABS,
    Drawn,
    Jump,
    MismatchRow,
    Rows,
    mismatch_detail,
    mismatch_rows,
    mismatches_columns,
    mismatches_table,
    pair_detail,
    partners_table,
    roles_detail,
    roles_table,
)
from facilitator.ui.screens.overview_tables import (
    cell_widths,
    mismatch_cell,
    narrower,
    party_cell,
    patch,
    reveal_cursor,
    role_cell,
    row_key,
    snap_to_columns,
)
from facilitator.ui.text import literal
from facilitator.ui.widgets.button import Button
from facilitator.ui.widgets.choice_list import ChoiceList
from facilitator.ui.widgets.keybar import KeyBar
from facilitator.ui.widgets.tables import Column, Table, move_to


class OverviewScreen(BaseScreen):
    """Mismatches, roles and partnerships of one session; closes with a `Jump` or None."""

    FOLLOWS_SESSION = True

    CSS_PATH = "overview.tcss"

    BINDINGS = [
        Binding("escape", "close", "overview.key.close"),
        Binding("f2", "close", "overview.key.close", show=False),
        Binding("1", "tab('mismatches')", "overview.key.mismatches"),
        Binding("2", "tab('roles')", "overview.key.roles"),
        Binding("3", "tab('partners')", "overview.key.partners"),
        Binding("g", "fix", "overview.key.fix"),
        Binding("k", "next_kind", "overview.key.kind"),
        Binding("b", "toggle_bookkeeping", "overview.key.bookkeeping"),
    ]

    def __init__(self, service: SessionService) -> None:
        super().__init__()
        self.service = service
        self.kind_filter = ALL
        self._shown: Session | None = None
        self._found: list[Mismatch] = []  # those listed: to discuss first, bookkeeping unless hidden
        self._counts: dict[str, int] = {}
        self._groups: dict[str, int] = {}
        self.hide_bookkeeping = False
        self._stale: set[str] = set(TABS)  # tabs to draw when next shown
        self._drawn: dict[str, Drawn] = {}
        self._mismatch_rows: dict[str, MismatchRow] = {}
        self._kind_options: tuple[tuple[str, int], ...] = ()
        self._matrix: dict[tuple[str, str], Pair] = {}
        self._texts: dict[str, str] = {}  # header labels as last shown

    # ---------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        with Horizontal(id="overview-header"):
            yield Label("", id="overview-title")
            yield Label("", id="overview-counts")
        with TabbedContent(id="overview-tabs", initial="ov-mismatches"):
            with TabPane("", id="ov-mismatches"):
                with Horizontal(id="ov-mismatches-body"):
                    yield ChoiceList(id="ov-kinds")
                    with Vertical(id="ov-mismatches-main"):
                        yield Table(id="ov-mismatches-table", cursor_type="row", zebra_stripes=True)
                        with Horizontal(id="ov-mismatch-detail-row", classes="ov-detail-row"):
                            with VerticalScroll(classes="ov-detail-scroll"):  # whole, or with a bar
                                yield Static("", id="ov-mismatch-detail", classes="ov-detail")
                            yield Button("", id="ov-mismatch-fix", classes="ov-fix", compact=True)
                yield Label("", id="ov-mismatches-empty", classes="empty")
            with TabPane("", id="ov-roles"):
                yield Label("", id="ov-roles-legend", classes="ov-legend")
                yield Table(id="ov-roles-table", cursor_type="row", zebra_stripes=True, fixed_columns=2)
                with Horizontal(id="ov-roles-detail-row", classes="ov-detail-row"):
                    with VerticalScroll(classes="ov-detail-scroll"):  # whole, or with a bar
                        yield Static("", id="ov-roles-detail", classes="ov-detail")
                    yield Button("", id="ov-roles-fix", classes="ov-fix", compact=True)
                yield Label("", id="ov-roles-empty", classes="empty")
            with TabPane("", id="ov-partners"):
                yield Label("", id="ov-partners-legend", classes="ov-legend")
                yield Table(id="ov-partners-table", cursor_type="cell", fixed_columns=1)
                with VerticalScroll(classes="ov-detail-scroll"):  # whole, or with a bar
                    yield Static("", id="ov-partners-detail", classes="ov-detail")
                yield Label("", id="ov-partners-empty", classes="empty")
        yield KeyBar()

    def after_mount(self) -> None:
        self.call_after_refresh(self._focus_tab)

    def relabel(self) -> None:
        super().relabel()
        t = self.t
        self.query_one("#ov-roles-legend", Label).update(Content(t("overview.roles.legend")))
        self.query_one("#ov-partners-legend", Label).update(Content(t("overview.partners.legend")))
        for button in self.query(".ov-fix").results(Button):
            button.label = Content(t("overview.button.fix"))
        tabs = self.query_one("#overview-tabs", TabbedContent)
        tabs.get_tab("ov-roles").label = Content(t("overview.tab.roles"))
        tabs.get_tab("ov-partners").label = Content(t("overview.tab.partners"))
        # Column labels, kind names and every sentence are in the old language: draw all anew.
        self._shown = None
        self._drawn.clear()
        self._kind_options = ()
        self._texts.clear()
        self.refresh_from_file()

    # ---------------------------------------------------------------- keeping up with the session
    def session_changed(self, session: Session) -> None:
        self.refresh_from_file()

    def refresh_from_file(self) -> None:
        try:
            session = self.service.room_view  # re-read only when the file changed
        except UserError:
            return  # a file being replaced or broken: the workshop underneath says so
        if session is not self._shown:
            self.show_session(session)

    def show_session(self, session: Session) -> None:
        """Show the newest state: the counts at once, the tab on view, the others when shown."""
        self._shown = session
        t = self.t
        found = by_group(mismatches(session))
        self._groups = counts_by_group(found)
        self._found = [m for m in found if m.group == DISCUSS or not self.hide_bookkeeping]
        self._counts = counts_by_kind(self._found, kinds_by_group())
        self._set_text("#overview-title", t("overview.title", title=session.info.title))
        counts = t(
            "overview.counts",
            discuss=self._groups[DISCUSS],
            bookkeeping=self._groups["bookkeeping"],
            activities=len(session.activities),
            parties=len(session.parties),
        )
        if self.hide_bookkeeping and self._groups["bookkeeping"]:
            counts += " · " + t("overview.bookkeeping.hidden", count=self._groups["bookkeeping"])
        self._set_text("#overview-counts", counts)
        label = t("overview.tab.mismatches", count=self._groups[DISCUSS])
        if self._texts.get("tab") != label:
            self._texts["tab"] = label
            self.query_one("#overview-tabs", TabbedContent).get_tab("ov-mismatches").label = Content(label)
        self._stale = set(TABS)
        self._draw(self.active_tab)

    def _set_text(self, selector: str, text: str) -> None:
        """Update a label only when its text changed (an update is a layout)."""
        if self._texts.get(selector) != text:
            self._texts[selector] = text
            self.query_one(selector, Label).update(literal(text, 300))

    def _draw(self, name: str) -> None:
        """Draw a tab if the session changed since it was last drawn."""
        session = self._shown
        if session is None or name not in self._stale:
            return
        self._stale.discard(name)
        if name == "mismatches":
            self._show_mismatches(session)
        elif name == "roles":
            self._show_roles(session)
        else:
            self._show_partners(session)

    def _sync_table(
        self,
        table: DataTable[object],
        columns: tuple[tuple[str, str], ...],
        rows: Rows,
        cell: Callable[[int, str], Text],
    ) -> bool:
        """Show `rows`, changing as little as possible; True when the table was rebuilt.

        Rows that went are removed and changed cells updated in place; only new rows,
        a new order or new columns rebuild the whole table.
        """
        assert table.id is not None
        drawn = self._drawn.setdefault(table.id, Drawn())
        if columns == drawn.columns and rows == drawn.rows:
            return False
        widths = cell_widths(rows)
        rebuilt = columns != drawn.columns or narrower(drawn.widths, widths)
        rebuilt = rebuilt or not patch(table, drawn.rows, rows, columns, cell)
        if rebuilt:
            table.clear(columns=True)
            for key, label in columns:
                table.add_column(Text(label), key=key)
            for key, cells in rows:
                table.add_row(*(cell(i, c) for i, c in enumerate(cells)), key=key)
        drawn.columns, drawn.rows, drawn.widths = columns, rows, widths
        return rebuilt

    # ---------------------------------------------------------------- tabs
    @property
    def active_tab(self) -> str:
        active = self.query_one("#overview-tabs", TabbedContent).active
        return active[len("ov-") :] if active.startswith("ov-") else TABS[0]

    def action_tab(self, name: str) -> None:
        if name in TABS:
            self.query_one("#overview-tabs", TabbedContent).active = f"ov-{name}"
            self._draw(name)
            self._focus_tab()  # also when it was active already

    def _show_or_explain(
        self, shown: tuple[str, ...], label_id: str, empty: bool, empty_key: str, session: Session
    ) -> None:
        """A tab's table and what goes with it, or, with nothing to show, a sentence saying why."""
        for selector in shown:
            self.query_one(selector).display = not empty
        label = self.query_one(label_id, Label)
        label.display = empty
        if empty:
            label.update(Content(self.t(empty_key if session.activities else "overview.no_activities")))

    @on(TabbedContent.TabActivated, "#overview-tabs")
    def _tab_activated(self) -> None:
        """By key, click or the tab strip's arrows: draw the tab; its list takes the keys."""
        self._draw(self.active_tab)
        self.refresh_bindings()  # "go there" has no meaning on the partnership matrix
        self._focus_tab()

    def _focus_tab(self) -> None:
        """The active tab's list; the kind filter when there is nothing to list."""
        name = self.active_tab
        table = self.query_one(f"#ov-{name}-table", DataTable)
        if name == "mismatches" and not table.row_count and self._found:
            self.query_one("#ov-kinds", OptionList).focus()
        elif table.row_count and table.display:
            table.focus()
            table.call_after_refresh(reveal_cursor, table)
        else:
            self.set_focus(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "fix":
            return self.active_tab != "partners"
        return True

    def action_close(self) -> None:
        self.dismiss(None)

    def action_fix(self) -> None:
        """Go where the highlighted mismatch is fixed (or where the activity's roles are agreed)."""
        jump: Jump | None = None
        if self.active_tab == "mismatches":
            row = self.highlighted_mismatch()
            if row is not None:
                jump = Jump(row.phase_kind, row.activity_id, row.target)
        elif self.active_tab == "roles":
            activity_id = row_key(self.query_one("#ov-roles-table", DataTable))
            if activity_id is not None:
                jump = Jump("agree", activity_id)
        if jump is None:
            self.notify(self.t("overview.none_selected"), timeout=3)
            return
        self.dismiss(jump)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.has_class("ov-fix"):
            event.stop()
            self.action_fix()

    def phase_name(self, kind: str) -> str:
        """ "4 Roles and expectations": the agenda's first phase of a kind, as the stepper names it."""
        for number, phase in enumerate(self.service.scenario.agenda, start=1):
            if phase.kind == kind:
                return f"{number} {phase.name}"
        return "–"

    def on_resize(self) -> None:
        """The explanations fill the width: fit them to the new one once it is laid out."""
        self.call_after_refresh(self._fit_explanations)

    def _fit_explanations(self) -> None:
        if self._shown is None or not self.is_mounted:
            return
        self._stale = set(TABS)  # the matrices fit their columns to the width too
        self._draw(self.active_tab)

    def _table_width(self) -> int:
        """The cells a table has across (the screen less its scroll bar and padding)."""
        return max(self.app.size.width - 4, 40)

    # ---------------------------------------------------------------- mismatches
    def _show_mismatches(self, session: Session) -> None:
        self._stale.discard("mismatches")
        found, counts, t = self._found, self._counts, self.t
        if self.kind_filter != ALL and self.kind_filter not in counts:
            self.kind_filter = ALL  # the last of its kind was fixed
        self._fill_kinds()
        shown = mismatch_rows(session, found, self.kind_filter, t)
        self._mismatch_rows = {row.key: row for row in shown}
        columns = [
            Column(key, label, weight=weight, wraps=bool(weight))
            for (key, label), weight in zip(mismatches_columns(t), (0, 1, 2), strict=True)
        ]
        rows = [
            (key, [mismatch_cell(i, cell) for i, cell in enumerate(cells)])
            for key, cells in mismatches_table(shown)
        ]
        table = self.query_one("#ov-mismatches-table", Table)
        with self.prevent(DataTable.RowHighlighted):
            table.show_rows(columns, rows)  # (the cursor stays on its row)
        empty = not found
        why = (
            "overview.mismatches.only_bookkeeping"
            if any(self._groups.values())
            else "overview.mismatches.empty"
        )
        self._show_or_explain(("#ov-mismatches-body",), "#ov-mismatches-empty", empty, why, session)
        if empty and self.focused is table:
            self.set_focus(None)
        self._show_mismatch_detail()

    def _fill_kinds(self) -> None:
        options = ((ALL, len(self._found)), *self._counts.items())
        kinds = self.query_one("#ov-kinds", OptionList)
        if options != self._kind_options:
            self._kind_options = options
            width = len(str(len(self._found)))
            with self.prevent(OptionList.OptionHighlighted):
                kinds.clear_options()
                for kind, count in options:
                    name = self.t("overview.kinds.all" if kind == ALL else f"mismatch.kind.{kind}")
                    prompt = Content.assemble(Content.styled(f"{count:>{width}}", "bold"), "  ", name)
                    kinds.add_option(Option(prompt, id=kind))
        index = next((i for i, (kind, _) in enumerate(options) if kind == self.kind_filter), 0)
        if kinds.highlighted != index:
            with self.prevent(OptionList.OptionHighlighted):
                kinds.highlighted = index

    @on(OptionList.OptionHighlighted, "#ov-kinds")
    def _kind_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        kind = event.option.id or ALL
        if kind != self.kind_filter:
            self.set_kind(kind)

    @on(OptionList.OptionSelected, "#ov-kinds")
    def _kind_chosen(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click on a kind: filter, and go to the list."""
        self.set_kind(event.option.id or ALL)
        table = self.query_one("#ov-mismatches-table", DataTable)
        if table.row_count:
            table.focus()

    def set_kind(self, kind: str) -> None:
        """Show only one kind of mismatch (or all of them)."""
        self.kind_filter = kind if kind == ALL or kind in KINDS else ALL
        if self._shown is not None:
            self._show_mismatches(self._shown)

    def action_next_kind(self) -> None:
        """Step the kind filter: all, then each kind found, then all again."""
        kinds = [ALL, *self._counts]
        index = kinds.index(self.kind_filter) if self.kind_filter in kinds else -1
        if self.active_tab != "mismatches":
            self.action_tab("mismatches")
        self.set_kind(kinds[(index + 1) % len(kinds)])

    def palette_commands(self) -> Iterable[SystemCommand]:
        """One command per kind found: show only those."""
        t = self.t
        for kind, count in ((ALL, len(self._found)), *self._counts.items()):
            name = t("overview.kinds.all" if kind == ALL else f"mismatch.kind.{kind}")
            yield SystemCommand(
                t("overview.cmd.kind", kind=name, count=count),
                t("overview.cmd.kind.help"),
                lambda kind=kind: self._show_kind(kind),
            )
        hide = "overview.cmd.bookkeeping.show" if self.hide_bookkeeping else "overview.cmd.bookkeeping.hide"
        yield SystemCommand(t(hide), t("overview.cmd.bookkeeping.help"), self.action_toggle_bookkeeping)

    def action_toggle_bookkeeping(self) -> None:
        """Hide (or show again) what is only bookkeeping: no role recorded, not signed off."""
        self.hide_bookkeeping = not self.hide_bookkeeping
        if self.active_tab != "mismatches":
            self.action_tab("mismatches")
        if self._shown is not None:
            self.show_session(self._shown)

    def _show_kind(self, kind: str) -> None:
        self.action_tab("mismatches")
        self.set_kind(kind)

    def highlighted_mismatch(self) -> MismatchRow | None:
        key = row_key(self.query_one("#ov-mismatches-table", DataTable))
        return self._mismatch_rows.get(key) if key is not None else None

    @on(DataTable.RowHighlighted, "#ov-mismatches-table")
    def _mismatch_highlighted(self) -> None:
        self._show_mismatch_detail()

    @on(DataTable.RowSelected, "#ov-mismatches-table")
    def _mismatch_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_fix()

    def _show_mismatch_detail(self) -> None:
        row = self.highlighted_mismatch()
        detail = self.query_one("#ov-mismatch-detail", Static)
        self.query_one("#ov-mismatch-fix", Button).display = row is not None
        if row is None:
            detail.update("")
            return
        where = self.t("overview.mismatch.where", phase=self.phase_name(row.phase_kind))
        detail.update(mismatch_detail(row, where, self.t))

    # ---------------------------------------------------------------- roles
    def _show_roles(self, session: Session) -> None:
        columns, rows = roles_table(session, self.t, self._table_width())
        table = self.query_one("#ov-roles-table", DataTable)
        keep, index = row_key(table), table.cursor_row
        with self.prevent(DataTable.RowHighlighted):
            self._sync_table(table, columns, rows, role_cell)
            move_to(table, keep, index)
        empty = not session.activities or not session.parties
        shown = ("#ov-roles-table", "#ov-roles-detail-row", "#ov-roles-legend")
        self._show_or_explain(shown, "#ov-roles-empty", empty, "overview.roles.no_parties", session)
        self._show_roles_detail()

    @on(DataTable.RowHighlighted, "#ov-roles-table")
    def _roles_highlighted(self) -> None:
        self._show_roles_detail()

    @on(DataTable.RowSelected, "#ov-roles-table")
    def _roles_chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_fix()

    def _show_roles_detail(self) -> None:
        session = self._shown
        detail = self.query_one("#ov-roles-detail", Static)
        activity_id = row_key(self.query_one("#ov-roles-table", DataTable))
        if session is None or activity_id is None or not session.has_activity(activity_id):
            detail.update("")
            return
        where = self.t("overview.roles.where", phase=self.phase_name("agree"))
        detail.update(roles_detail(session, activity_id, where, self.t))

    # ---------------------------------------------------------------- partnerships
    def _show_partners(self, session: Session) -> None:
        matrix = partnership_matrix(session)
        self._matrix = matrix
        order = {p.id: i for i, p in enumerate(session.parties)}
        columns, rows = partners_table(session, matrix, self.t, self._table_width())
        table = self.query_one("#ov-partners-table", DataTable)
        keep = self.highlighted_pair()
        with self.prevent(DataTable.CellHighlighted):
            if self._sync_table(table, columns, rows, party_cell) and table.row_count:
                # The same pair as before, else the first pair (the diagonal says less).
                row, column = 0, min(2, len(order))
                if keep is not None and keep[0] in order and keep[1] in order:
                    row, column = order[keep[0]], order[keep[1]] + 1
                table.move_cursor(row=row, column=column, animate=False)
        shown = ("#ov-partners-table", "#ov-partners-legend", "#ov-partners-detail")
        self._show_or_explain(shown, "#ov-partners-empty", not matrix, "overview.partners.empty", session)
        self._show_pair_detail()

    @on(DataTable.CellHighlighted, "#ov-partners-table")
    def _pair_highlighted(self, event: DataTable.CellHighlighted) -> None:
        self._show_pair_detail()
        event.data_table.call_after_refresh(snap_to_columns, event.data_table)

    def highlighted_pair(self) -> tuple[str, str] | None:
        """The two party ids under the matrix's cursor (the same twice on the diagonal)."""
        table = self.query_one("#ov-partners-table", DataTable)
        if not table.row_count:
            return None
        try:
            key = table.coordinate_to_cell_key(table.cursor_coordinate)
        except CellDoesNotExist:
            return None
        a, b = key.row_key.value, key.column_key.value
        if not isinstance(a, str) or not isinstance(b, str):
            return None
        return (a, a) if b == PARTY_COLUMN else (a, b)

    def _show_pair_detail(self) -> None:
        session = self._shown
        detail = self.query_one("#ov-partners-detail", Static)
        pair_ids = self.highlighted_pair()
        if session is None or pair_ids is None:
            detail.update("")
            return
        detail.update(pair_detail(session, self._matrix, *pair_ids, self.t))
