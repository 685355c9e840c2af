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
from dataclasses import dataclass, field
from functools import lru_cache

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import (
    Button,
    DataTable,
    Label,
    OptionList,
    Static,
    TabbedContent,
    TabPane,
)
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist
from textual.widgets.option_list import Option

from facilitator.core.errors import UserError
from facilitator.core.matrices import Pair, partnership_matrix, role_matrix
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
from facilitator.core.text import multi_line, one_line
from facilitator.ui.base import BaseScreen
from facilitator.ui.text import literal
from facilitator.ui.widgets.choice_list import ChoiceList
from facilitator.ui.widgets.keybar import KeyBar

ALL = "__all__"  # the kind filter's "all kinds" option
PARTY_COLUMN = "__party__"
TABS = ("mismatches", "roles", "partners")
TITLE_WIDTH = 32  # activity titles in the tables, in terminal cells
EXPLANATION_WIDTH = (30, 400)  # the explanation column fills the table's width, within these
PARTY_WIDTH = 18  # party names as column headers
ROLE_WIDTH = 18
TOGETHER_LIMIT = 8  # shared activities named in a pair's detail

Cells = tuple[str, ...]
Rows = list[tuple[str, Cells]]


@dataclass(frozen=True)
class Jump:
    """Where the facilitator chose to go: the first phase of this kind, this activity."""

    phase_kind: str
    activity_id: str | None
    target: str = ""  # the party, expectation or field to put the cursor on, where the view can


@dataclass(frozen=True)
class MismatchRow:
    """One mismatch as the list shows it."""

    key: str
    kind: str
    activity_id: str
    phase_kind: str
    target: str
    number: int
    title: str
    kind_name: str
    explanation: str


@dataclass
class Drawn:
    """What a table shows now, so that the next draw changes only what differs."""

    columns: tuple[tuple[str, str], ...] = ()
    rows: Rows = field(default_factory=list)


@lru_cache(maxsize=8192)
def cut(text: str, width: int) -> str:
    """User text on one line in `width` terminal cells, "…" where cut (emoji take two cells)."""
    line = Text(one_line(text[: 2 * width + 2], width + 1))  # never carry a huge title around
    line.truncate(width, overflow="ellipsis")
    return line.plain


def mismatch_key(m: Mismatch, seen: set[str]) -> str:
    """A key that stays the same while the mismatch does, so the cursor can stay on it."""
    base = "|".join((m.kind, m.activity_id, m.target, ",".join(m.party_ids)))
    key, n = base, 1
    while key in seen:
        n += 1
        key = f"{base}#{n}"
    seen.add(key)
    return key


class OverviewScreen(BaseScreen):
    """Mismatches, roles and partnerships of one session; closes with a `Jump` or None."""

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
                        yield DataTable(id="ov-mismatches-table", cursor_type="row", zebra_stripes=True)
                        with Horizontal(id="ov-mismatch-detail-row", classes="ov-detail-row"):
                            yield Static("", id="ov-mismatch-detail", classes="ov-detail")
                            yield Button("", id="ov-mismatch-fix", classes="ov-fix", compact=True)
                yield Label("", id="ov-mismatches-empty", classes="empty")
            with TabPane("", id="ov-roles"):
                yield Label("", id="ov-roles-legend", classes="ov-legend")
                yield DataTable(id="ov-roles-table", cursor_type="row", zebra_stripes=True, fixed_columns=2)
                with Horizontal(id="ov-roles-detail-row", classes="ov-detail-row"):
                    yield Static("", id="ov-roles-detail", classes="ov-detail")
                    yield Button("", id="ov-roles-fix", classes="ov-fix", compact=True)
                yield Label("", id="ov-roles-empty", classes="empty")
            with TabPane("", id="ov-partners"):
                yield Label("", id="ov-partners-legend", classes="ov-legend")
                yield DataTable(id="ov-partners-table", cursor_type="cell", fixed_columns=1)
                yield Static("", id="ov-partners-detail", classes="ov-detail")
                yield Label("", id="ov-partners-empty", classes="empty")
        yield KeyBar()

    def after_mount(self) -> None:
        self.fapp.watch_session(self.service).subscribe(self, lambda _session: self.refresh_from_file())
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
        rebuilt = columns != drawn.columns or not _patch(table, drawn.rows, rows, columns, cell)
        if rebuilt:
            table.clear(columns=True)
            for key, label in columns:
                table.add_column(Text(label), key=key)
            for key, cells in rows:
                table.add_row(*(cell(i, c) for i, c in enumerate(cells)), key=key)
        drawn.columns, drawn.rows = columns, rows
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
            table.call_after_refresh(_reveal_cursor, table)
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
            activity_id = _row_key(self.query_one("#ov-roles-table", DataTable))
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
        if self.active_tab == "mismatches":
            self._show_mismatches(self._shown)
        else:
            self._stale.add("mismatches")

    # ---------------------------------------------------------------- mismatches
    def _show_mismatches(self, session: Session) -> None:
        self._stale.discard("mismatches")
        found, counts, t = self._found, self._counts, self.t
        if self.kind_filter != ALL and self.kind_filter not in counts:
            self.kind_filter = ALL  # the last of its kind was fixed
        self._fill_kinds()
        numbers = {a.id: n for n, a in enumerate(session.activities, start=1)}
        titles = {a.id: a.title for a in session.activities}
        names = {kind: t(f"mismatch.kind.{kind}") for kind in counts}
        seen: set[str] = set()
        shown = [
            MismatchRow(
                key=mismatch_key(m, seen),
                kind=m.kind,
                activity_id=m.activity_id,
                phase_kind=m.phase_kind,
                target=m.target,
                number=numbers.get(m.activity_id, 0),
                title=titles.get(m.activity_id, ""),
                kind_name=names[m.kind],
                explanation=m.explain(t),
            )
            for m in found
            if self.kind_filter in (ALL, m.kind)
        ]
        self._mismatch_rows = {row.key: row for row in shown}
        columns = (
            ("number", t("overview.col.number")),
            ("kind", t("overview.col.kind")),
            ("activity", t("overview.col.activity")),
            ("explanation", t("overview.col.explanation")),
        )
        width = self._explanation_width(shown, columns)
        rows: Rows = [
            (r.key, (str(r.number), r.kind_name, cut(r.title, TITLE_WIDTH), cut(r.explanation, width)))
            for r in shown
        ]
        table = self.query_one("#ov-mismatches-table", DataTable)
        keep, index = _row_key(table), table.cursor_row
        with self.prevent(DataTable.RowHighlighted):
            self._sync_table(table, columns, rows, _mismatch_cell)
            _move_to(table, keep, index)
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

    def _explanation_width(self, rows: list[MismatchRow], columns: tuple[tuple[str, str], ...]) -> int:
        """What is left of the table's width for the explanations: cut there, read in full below."""
        available = self.query_one("#ov-mismatches-table", DataTable).scrollable_content_region.width
        if not available:  # not laid out yet: `on_resize` comes back
            return EXPLANATION_WIDTH[1]
        number = max((len(str(r.number)) for r in rows), default=1)
        kind = max((cell_len(r.kind_name) for r in rows), default=0)
        title = max((cell_len(cut(r.title, TITLE_WIDTH)) for r in rows), default=0)
        widths = (number, kind, title)
        used = sum(max(w, cell_len(label)) for w, (_, label) in zip(widths, columns, strict=False))
        used += 2 * len(columns) + 1  # the cells' padding; the vertical scrollbar may come
        low, high = EXPLANATION_WIDTH
        return max(low, min(high, available - used))

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
        key = _row_key(self.query_one("#ov-mismatches-table", DataTable))
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
        basis = self.t("report.mismatch.basis", basis=self.t(f"mismatch.basis.{row.kind}"))
        detail.update(
            Content.assemble(
                Content.styled(row.kind_name, "bold"),
                " · ",
                Content.styled(one_line(where), "italic"),
                "\n",
                Content(multi_line(row.explanation)),
                "\n",
                Content.styled(one_line(basis), "italic"),
            )
        )

    # ---------------------------------------------------------------- roles
    def _show_roles(self, session: Session) -> None:
        t = self.t
        scenario = session.scenario
        roles = role_matrix(session)
        lead = scenario.lead_role()
        lead_id = lead.id if lead is not None else None
        names = {r.id: cut(r.name, ROLE_WIDTH) for r in scenario.roles}
        texts = {
            role_id: t("overview.roles.lead", role=name) if role_id == lead_id else name
            for role_id, name in names.items()
        }
        no_role = t("overview.roles.none")
        parties = [p.id for p in session.parties]

        def cell(party_id: str, activity_id: str) -> str:
            if (party_id, activity_id) not in roles:
                return ""
            role = roles[(party_id, activity_id)]
            return no_role if role is None else texts.get(role, cut(role, ROLE_WIDTH))

        columns = (
            ("number", t("overview.col.number")),
            ("activity", t("overview.col.activity")),
            *((p.id, cut(p.name, PARTY_WIDTH)) for p in session.parties),
        )
        rows = [
            (a.id, (str(n), cut(a.title, TITLE_WIDTH), *(cell(p, a.id) for p in parties)))
            for n, a in enumerate(session.activities, start=1)
        ]
        table = self.query_one("#ov-roles-table", DataTable)
        keep, index = _row_key(table), table.cursor_row
        with self.prevent(DataTable.RowHighlighted):
            self._sync_table(table, columns, rows, _role_cell)
            _move_to(table, keep, index)
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
        activity_id = _row_key(self.query_one("#ov-roles-table", DataTable))
        if session is None or activity_id is None or not session.has_activity(activity_id):
            detail.update("")
            return
        t = self.t
        activity = session.activity(activity_id)
        number = next(n for n, a in enumerate(session.activities, start=1) if a.id == activity_id)
        roles = session.roles_for(activity_id)
        lead = session.scenario.lead_role()
        names = {r.id: r.name for r in session.scenario.roles}
        parts: list[str] = []
        for party_id in activity.party_ids:
            role = roles.get(party_id)
            if role is None:
                shown = t("overview.roles.no_role")
            else:
                name = names.get(role, role)
                shown = t("overview.roles.lead", role=name) if lead and role == lead.id else name
            parts.append(f"{session.party_name(party_id)}: {shown}")
        where = t("overview.roles.where", phase=self.phase_name("agree"))
        lens: list[Content | str] = []
        approaches = {a.id: a.name for a in session.scenario.approaches}
        if activity.approaches:
            named = ", ".join(approaches.get(a, a) for a in activity.approaches)
            lens += ["\n", Content(one_line(t("overview.roles.approaches", approaches=named), 500))]
        if activity.flows:
            flows = ", ".join(session.scenario.flow_name(f) for f in activity.flows)
            lens += ["\n", Content(one_line(t("overview.roles.flows", flows=flows), 500))]
        detail.update(
            Content.assemble(
                Content.styled(one_line(f"{number}. {activity.title}", 300), "bold"),
                " · ",
                Content.styled(one_line(where), "italic"),
                "\n",
                Content(one_line(" · ".join(parts), 1000)),
                *lens,
            )
        )

    # ---------------------------------------------------------------- partnerships
    def _show_partners(self, session: Session) -> None:
        t = self.t
        matrix = partnership_matrix(session)
        self._matrix = matrix
        order = {p.id: i for i, p in enumerate(session.parties)}

        def cell(a: str, b: str) -> str:
            if a == b:
                return t("overview.partners.self")
            pair = matrix.get((a, b) if order[a] < order[b] else (b, a))
            if pair is None:
                return ""
            if pair.highest is None:
                return t("overview.partners.cell.none", activities=pair.activities)
            rung = session.scenario.rung_title(pair.highest)
            return t("overview.partners.cell", rung=rung, activities=pair.activities)

        columns = (
            (PARTY_COLUMN, t("overview.partners.col.party")),
            *((p.id, cut(p.name, PARTY_WIDTH)) for p in session.parties),
        )
        rows = [
            (a.id, (cut(a.name, PARTY_WIDTH), *(cell(a.id, b.id) for b in session.parties)))
            for a in session.parties
        ]
        table = self.query_one("#ov-partners-table", DataTable)
        keep = self.highlighted_pair()
        with self.prevent(DataTable.CellHighlighted):
            if self._sync_table(table, columns, rows, _party_cell) and table.row_count:
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
        event.data_table.call_after_refresh(_snap_to_columns, event.data_table)

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
        t = self.t
        a, b = pair_ids
        name_a, name_b = one_line(session.party_name(a), 100), one_line(session.party_name(b), 100)
        if a == b:
            count = sum(1 for act in session.activities if a in act.party_ids)
            detail.update(Content(t("overview.pair.self", a=name_a, activities=count)))
            return
        order = {p.id: i for i, p in enumerate(session.parties)}
        pair = self._matrix.get((a, b) if order.get(a, 0) < order.get(b, 0) else (b, a))
        if pair is None:
            detail.update(Content(t("overview.pair.apart", a=name_a, b=name_b)))
            return
        together = [act.title for act in session.activities if a in act.party_ids and b in act.party_ids]
        key = "overview.pair.one" if pair.activities == 1 else "overview.pair.many"
        heading = t(key, a=name_a, b=name_b, activities=pair.activities)
        if pair.highest is None:
            highest = t("overview.pair.none")
        else:
            rung = session.scenario.rung_title(pair.highest)
            highest = t("overview.pair.highest", rung=rung, agreed=pair.agreed)
        titles = ", ".join(t("overview.pair.title", title=one_line(x, 60)) for x in together[:TOGETHER_LIMIT])
        if len(together) > TOGETHER_LIMIT:
            titles += ", …"
        detail.update(
            Content.assemble(
                Content.styled(one_line(heading), "bold"),
                "\n",
                Content(one_line(highest)),
                "\n",
                Content(one_line(t("overview.pair.activities", titles=titles))),
            )
        )


# --------------------------------------------------------------------------- cells and tables


def _mismatch_cell(column: int, text: str) -> Text:
    """Number right-aligned, the kind in bold (it is what the list is read by)."""
    if column == 0:
        return Text(text, justify="right")
    return Text(text, style="bold" if column == 1 else "")


def _role_cell(column: int, text: str) -> Text:
    """The lead stands out by its star and in bold, never by colour alone."""
    if column == 0:
        return Text(text, justify="right")
    return Text(text, style="bold" if column >= 2 and text.startswith("★") else "")


def _party_cell(column: int, text: str) -> Text:
    return Text(text, style="bold" if column == 0 else "")


def _patch(
    table: DataTable[object],
    old: Rows,
    new: Rows,
    columns: tuple[tuple[str, str], ...],
    cell: Callable[[int, str], Text],
) -> bool:
    """Turn `old` rows into `new` in place when rows only went or changed; False if it can't."""
    keys = {key for key, _ in new}
    if [key for key, _ in old if key in keys] != [key for key, _ in new]:
        return False  # rows came or moved: rebuild
    before = dict(old)
    for key, _ in old:
        if key not in keys:
            table.remove_row(key)
    for key, cells in new:
        for index, (value, previous) in enumerate(zip(cells, before[key], strict=True)):
            if value != previous:
                table.update_cell(key, columns[index][0], cell(index, value))
    return True


def _row_key(table: DataTable[object]) -> str | None:
    """The key of the row under the cursor, if any."""
    if table.row_count == 0 or not 0 <= table.cursor_row < table.row_count:
        return None
    try:
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
    except CellDoesNotExist:
        return None
    return key if isinstance(key, str) else None


def _reveal_cursor(table: DataTable[object]) -> None:
    """Scroll only as far as the cursor needs, now that the table has its size.

    A table filled while its tab was hidden scrolled towards the cursor with no width,
    leaving the first scrolling column cut under the fixed ones.
    """
    table.scroll_to(x=0, animate=False, immediate=True)
    table.move_cursor(scroll=True)


def _snap_to_columns(table: DataTable[object]) -> None:
    """Scroll sideways by whole columns: a column cut under the fixed ones reads as garbage."""
    fixed_width = sum(c.get_render_width(table) for c in table.ordered_columns[: table.fixed_columns])
    left = int(table.scroll_x) + fixed_width  # where the scrolling part starts, in line cells
    x = 0
    for index, column in enumerate(table.ordered_columns):
        width = column.get_render_width(table)
        if index >= table.fixed_columns and x < left < x + width:
            table.scroll_to(x=x + width - fixed_width, animate=False, immediate=True)
            return
        x += width


def _move_to(table: DataTable[object], key: str | None, fallback: int) -> None:
    """Put the cursor on `key`'s row, or near where it was when that row is gone."""
    if table.row_count == 0:
        return
    row = fallback
    if key is not None:
        try:
            row = table.get_row_index(key)
        except RowDoesNotExist:
            row = fallback
    table.move_cursor(row=max(0, min(row, table.row_count - 1)), animate=False)
