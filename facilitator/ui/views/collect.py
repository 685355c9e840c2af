"""The collect view: the room's joint activities, gathered quickly.

Typing a title and pressing enter adds an activity at once, so the facilitator keeps
up with the room; the full form (parties, approach, concerns) is one key away. The
list is a DataTable: it draws only the visible lines, so 500 activities cost the same
per key press as five, and a refresh keeps the cursor on the same activity.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import DataTable, Input, Label, Static

from facilitator.core.followup import is_new_this_year, not_carried_over
from facilitator.core.i18n import Translator
from facilitator.core.model import Activity, Session
from facilitator.core.scenario import Example, SuggestedParty
from facilitator.core.service import SessionService
from facilitator.core.text import grapheme_start, multi_line, one_line
from facilitator.ui.base import StoredOnEnter
from facilitator.ui.dialogs.activity import (
    ActivityDialog,
    ActivityDraft,
    ExamplesChoice,
    ExamplesDialog,
    example_title,
)
from facilitator.ui.dialogs.clashes import settle
from facilitator.ui.dialogs.common import ConfirmDialog
from facilitator.ui.localized import localize_bindings
from facilitator.ui.text import literal_cell
from facilitator.ui.views.base import PhaseView
from facilitator.ui.widgets.button import Button
from facilitator.ui.widgets.tables import Table, key_at_cursor, move_to

DETAIL_LIMIT = 2_000  # characters of a description shown under the list
NUMBER_WIDTH = 4
NEW_MARK = "+"  # as the comparison marks an activity new; explained in the line under the list
COLUMNS = ("number", "title", "parties", "approach")


@dataclass(frozen=True)
class Row:
    """One activity as the list shows it; comparing rows tells what to redraw."""

    id: str
    title: str
    parties: str
    approach: str
    new: bool = False  # new this time: last time's session (a series) did not have it


class QuickAddInput(StoredOnEnter):
    """Type a title, press enter: the activity is added. Down goes to the list."""

    BINDINGS = [
        Binding("enter", "submit", "collect.key.quick_add"),
        Binding("down", "to_list", "collect.key.to_list", show=False),
    ]

    WHAT = "collect.quick.what"
    PASSED_ON_EMPTY = frozenset({"left_square_bracket", "right_square_bracket"})
    """Keys that, in the empty field, are the workshop's (the previous and next phase): the view
    puts the focus here on arrival, and going through it with [ ] must not stop in it; nor must
    going on after the last title's enter. Once the facilitator chose the field (a click on it,
    or n) they are text: a title may start with a bracket ("[Rapla] Noorte ümarlaud")."""

    chosen = False
    """The facilitator put the focus here (clicked it, pressed n) to type; until it leaves."""

    def on_mouse_down(self) -> None:
        self.chosen = True

    def on_blur(self) -> None:
        self.chosen = False

    def action_to_list(self) -> None:
        self.screen.query_one("#collect-table", DataTable).focus()

    async def _on_key(self, event: events.Key) -> None:
        if self.value or event.key not in self.PASSED_ON_EMPTY or self.chosen:
            return  # typed, by Input
        event.prevent_default()
        event.stop()
        for binding in self.screen._bindings.key_to_bindings.get(event.key, ()):
            if await self.app.run_action(binding.action, self.screen):
                return


class CollectView(PhaseView):
    """Add, edit and remove activities; pull in the guide's examples."""

    KIND = "collect"
    TYPING_FIELD = "#collect-quick"

    BINDINGS = [
        Binding("a", "add", "collect.key.add"),
        Binding("e", "edit", "collect.key.edit"),
        Binding("delete", "remove", "collect.key.remove"),
        Binding("x", "remove", "collect.key.remove", show=False),
        Binding("g", "examples", "collect.key.examples"),
        Binding("n", "quick", "collect.key.quick"),
    ]

    def __init__(self, service: SessionService) -> None:
        super().__init__(service)
        self._rows: list[Row] = []
        self._widths: tuple[int, int, int] = (0, 0, 0)
        self._selected: str | None = None  # the row under the cursor
        self._ready = False

    # ---------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        yield QuickAddInput(id="collect-quick")
        yield Table(id="collect-table", cursor_type="row", zebra_stripes=True)
        yield Label("", id="collect-empty", classes="empty")
        yield Label("", id="collect-series")
        with VerticalScroll(id="collect-detail-box"):  # whole, or with a bar that says there is more
            yield Static("", id="collect-detail")
        with Horizontal(id="collect-buttons", classes="editing"):
            yield Button("", id="collect-add", variant="primary", compact=True)
            yield Button("", id="collect-edit", compact=True)
            yield Button("", id="collect-remove", variant="error", compact=True)
            yield Button("", id="collect-examples", compact=True)

    def after_mount(self) -> None:
        self.watch(self.app, "projector", self._projector_changed, init=False)

    def relabel(self) -> None:
        super().relabel()
        t = self.t
        localize_bindings(self.query_one("#collect-quick", QuickAddInput), t)
        self.query_one("#collect-quick", Input).placeholder = t("collect.quick.placeholder")
        self.query_one("#collect-empty", Label).update(Content(t("collect.empty")))
        for button_id, key in (
            ("collect-add", "collect.button.add"),
            ("collect-edit", "collect.button.edit"),
            ("collect-remove", "collect.button.remove"),
            ("collect-examples", "collect.button.examples"),
        ):
            self.query_one(f"#{button_id}", Button).label = Content(t(key))
        self._widths = (0, 0, 0)  # new column labels: rebuild the list
        if self._ready:
            self.show_session(self.session)

    def focus_first(self) -> None:
        """The quick-add field: gathering titles is what this view is for, and what is typed on
        arrival is a title (it was lost to the list's letters: the g of "Night walk" opened the
        examples). Escape or down goes to the list, where [ ] + * and the letters are keys."""
        self.query_one("#collect-quick", Input).focus()

    def focus_after_field(self) -> None:
        self.query_one("#collect-table", DataTable).focus()

    def _projector_changed(self, projector: bool) -> None:
        """The editing chrome hides in projector mode: keep the focus on something visible."""
        focused = self.screen.focused
        if not projector or focused is None or self not in focused.ancestors:
            return
        if any(n.has_class("editing") for n in focused.ancestors_with_self):
            self.query_one("#collect-table", DataTable).focus()

    def on_resize(self) -> None:
        if self._ready and self._column_widths() != self._widths:
            self.show_session(self.session)

    # ---------------------------------------------------------------- the list
    def _column_widths(self) -> tuple[int, int, int]:
        """Title, parties and approach widths that fit the view without sideways scrolling."""
        total = self.app.size.width - self.styles.gutter.width  # a hidden view's own size is stale
        usable = max(total - 2 - NUMBER_WIDTH - 2 * len(COLUMNS), 30)  # scrollbar, cell padding
        longest = max((len(a.name) for a in self.service.scenario.approaches), default=8)
        approach = max(min(longest, usable // 4), 8)
        title = (usable - approach) * 60 // 100
        return title, usable - approach - title, approach

    def rows(self, session: Session) -> list[Row]:
        names = {p.id: p.name for p in session.parties}
        approaches = {a.id: a.name for a in session.scenario.approaches}
        return [
            Row(
                id=a.id,
                title=a.title,
                parties=", ".join(names.get(p, p) for p in a.party_ids),
                approach=", ".join(approaches.get(x, x) for x in a.approaches),
                new=is_new_this_year(session, a.id),
            )
            for a in session.activities
        ]

    def show_session(self, session: Session) -> None:
        self._ready = True
        table = self.query_one("#collect-table", DataTable)
        rows = self.rows(session)
        widths = self._column_widths()
        wanted = self.selected_activity_id
        if wanted is None or not session.has_activity(wanted):
            wanted = self._selected if self._selected and session.has_activity(self._selected) else None
        index = table.cursor_row
        with table.prevent(DataTable.RowHighlighted):
            if widths != self._widths:
                self._widths = widths
                self._rebuild_columns(table)
                self._rows = []
            if [r.id for r in rows] == [r.id for r in self._rows]:
                for old, new in zip(self._rows, rows, strict=True):
                    if old != new:
                        self._update_row(table, new)
            else:
                table.clear()
                for number, row in enumerate(rows, start=1):
                    table.add_row(*self._cells(number, row), key=row.id)
            self._rows = rows
            move_to(table, wanted, index)
        empty = not rows
        table.display = not empty
        self.query_one("#collect-empty", Label).display = empty
        if empty and self.screen.focused is table:
            self.query_one("#collect-quick", Input).focus()
        self._selected = key_at_cursor(table)
        self._show_series(session)
        self._show_detail(session)

    def _show_series(self, session: Session) -> None:
        """In a series: what the + mark means, and last time's activities this one left out."""
        line = self.query_one("#collect-series", Label)
        parts: list[str] = []
        if session.info.previous_id:
            if any(row.new for row in self._rows):  # the legend only where the mark is shown
                parts.append(f"{NEW_MARK} {self.t('followup.new_this_year')}")
            gone = not_carried_over(session)
            if gone:
                titles = ", ".join(one_line(f.text, 60) for f in gone)
                parts.append(self.t("followup.not_carried", titles=titles))
        line.display = bool(parts)
        if parts:
            line.update(Content(" · ".join(parts)))  # Content, not markup: titles are the user's

    def _rebuild_columns(self, table: DataTable[object]) -> None:
        t = self.t
        title, parties, approach = self._widths
        table.clear(columns=True)
        table.add_column(literal_cell("#"), key="number", width=NUMBER_WIDTH)
        table.add_column(literal_cell(t("collect.col.title")), key="title", width=title)
        table.add_column(literal_cell(t("collect.col.parties")), key="parties", width=parties)
        table.add_column(literal_cell(t("collect.col.approach")), key="approach", width=approach)

    def _cells(self, number: int, row: Row) -> tuple[object, ...]:
        title, parties, approach = self._widths
        mark = f"{number} {NEW_MARK}" if len(str(number)) < NUMBER_WIDTH - 1 else f"{number}{NEW_MARK}"
        return (
            mark if row.new else str(number),
            _fit(row.title, title),
            _fit(row.parties, parties),
            _fit(row.approach, approach),
        )

    def _update_row(self, table: DataTable[object], row: Row) -> None:
        number = table.get_row_index(row.id) + 1
        for column, value in zip(COLUMNS, self._cells(number, row), strict=True):
            table.update_cell(row.id, column, value)

    def selected_activity(self) -> Activity | None:
        session = self.session
        key = key_at_cursor(self.query_one("#collect-table", DataTable))
        return session.activity(key) if key is not None and session.has_activity(key) else None

    def _show_detail(self, session: Session) -> None:
        """The selected activity's description and the groups it concerns, under the list."""
        detail = self.query_one("#collect-detail", Static)
        key = self._selected
        if key is None or not session.has_activity(key):
            detail.update("")
            self.query_one("#collect-detail-box").display = False
            return
        activity = session.activity(key)
        parts: list[Content | str] = [Content.styled(one_line(activity.title, 300), "bold")]
        if activity.description.strip():
            text = activity.description.strip()
            if len(text) > DETAIL_LIMIT:
                text = text[: grapheme_start(text, DETAIL_LIMIT)] + "…"
            parts += ["\n", Content(multi_line(text))]
        if activity.concerns:
            names = ", ".join(session.party_name(p) for p in activity.concerns)
            concerns = one_line(self.t("collect.detail.concerns", names=names))
            parts += ["\n", Content.styled(concerns, "italic")]
        if activity.flows:
            flows = ", ".join(session.scenario.flow_name(f) for f in activity.flows)
            parts += ["\n", Content.styled(one_line(self.t("collect.detail.flows", flows=flows)), "italic")]
        detail.update(Content.assemble(*parts))
        self.query_one("#collect-detail-box").display = True

    @on(DataTable.RowHighlighted, "#collect-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        key = event.row_key.value
        if not isinstance(key, str) or key == self._selected:
            return
        self._selected = key
        self._show_detail(self.session)
        self.select_activity(key)

    def _select_now(self, activity_id: str) -> None:
        """Select an activity and remember it at once (one just added: the cursor goes to it
        when its row is drawn, with the change)."""
        table = self.query_one("#collect-table", DataTable)
        with table.prevent(DataTable.RowHighlighted):
            move_to(table, activity_id, table.cursor_row)
        self._selected = activity_id
        self._show_detail(self.session)
        self.select_activity(activity_id, chosen=True)

    @on(DataTable.RowSelected, "#collect-table")
    def _row_chosen(self) -> None:
        self.action_edit()

    # ---------------------------------------------------------------- adding
    @on(Input.Submitted, "#collect-quick")
    def _quick_submitted(self) -> None:
        quick = self.query_one("#collect-quick", Input)
        title = quick.value.strip()
        if not title:
            self.fapp.show_error(self.t("collect.no_title"))
            return
        added: list[str] = []
        if self.fapp.attempt(lambda: added.append(self.service.add_activity(title))):
            quick.value = ""
            self._select_now(added[0])
            self.notify(self.t("collect.added", title=one_line(title, 80)), markup=False, timeout=2)

    def action_quick(self) -> None:
        field = self.query_one("#collect-quick", QuickAddInput)
        field.focus()
        field.chosen = True  # n: to type a title (one that starts with [ too)

    @work(exclusive=True, group="collect-dialog")
    async def action_add(self) -> None:
        draft = await self.app.push_screen_wait(ActivityDialog(self.session))
        if draft is None:
            return
        added: list[str] = []

        def add() -> None:
            added.append(
                self.service.add_activity(
                    draft.title,
                    description=draft.description,
                    party_ids=draft.party_ids,
                    approaches=draft.approaches,
                    concerns=draft.concerns,
                    flows=draft.flows,
                )
            )

        if self.fapp.attempt(add):
            self._select_now(added[0])
            self.notify(self.t("collect.added", title=one_line(draft.title, 80)), markup=False, timeout=2)

    # ---------------------------------------------------------------- editing
    @work(exclusive=True, group="collect-dialog")
    async def action_edit(self) -> None:
        activity = self.selected_activity()
        if activity is None:
            self.notify(self.t("collect.none_selected"), timeout=3)
            return
        opened = activity  # what the form showed: the base of a three-way merge
        draft = await self.app.push_screen_wait(ActivityDialog(self.session, activity))
        if draft is None:
            return
        session = self.session
        if not session.has_activity(activity.id):  # removed meanwhile (another device)
            self.fapp.show_error(self.t("collect.gone"))
            return
        activity = session.activity(activity.id)
        # Only what the form changed; a field changed here and on another device meanwhile: asked.
        changes = await settle(
            self.app,
            self.t,
            _fields(opened),
            _fields(draft),
            _fields(activity),
            lambda name: self.t(FIELD_LABELS[name]),
            partial(_readable, session, self.t),
        )
        changes = {name: getattr(draft, name) for name in changes}  # in the draft's own form
        if not changes:
            return
        leaving = self._parties_losing_work(session, activity, draft)
        if leaving:
            names = ", ".join(session.party_name(p) for p in leaving)
            message = self.t("collect.edit.confirm_parties", names=names, title=one_line(activity.title, 200))
            if not await self.app.push_screen_wait(ConfirmDialog(message, "button.save")):
                return
        if self.fapp.attempt(lambda: self.service.update_activity(activity.id, **changes)):
            self.notify(self.t("collect.saved", title=one_line(draft.title, 80)), markup=False, timeout=2)

    @staticmethod
    def _parties_losing_work(session: Session, activity: Activity, draft: ActivityDraft) -> list[str]:
        """Parties taken off the activity whose placement, role or sign-off would go with them."""
        leaving = set(activity.party_ids) - set(draft.party_ids)
        if not leaving:
            return []
        touched = {p.party_id for p in session.placements if p.activity_id == activity.id}
        touched |= set(session.roles_for(activity.id))
        touched |= {s.party_id for s in session.signoffs_for(activity.id)}
        return [p for p in activity.party_ids if p in leaving and p in touched]

    # ---------------------------------------------------------------- removing
    @work(exclusive=True, group="collect-dialog")
    async def action_remove(self) -> None:
        activity = self.selected_activity()
        if activity is None:
            self.notify(self.t("collect.none_selected"), timeout=3)
            return
        message = self.t("collect.remove.confirm", title=one_line(activity.title, 200))
        if not await self.app.push_screen_wait(ConfirmDialog(message, "collect.remove.yes")):
            return
        if self.fapp.attempt(lambda: self.service.remove_activity(activity.id)):
            title = one_line(activity.title, 80)
            self.notify(self.t("collect.removed", title=title), markup=False, timeout=3)
            self.once_shown(self._select_after_removal)

    def _select_after_removal(self) -> None:
        """The row the cursor landed on once the removed one is gone."""
        self._selected = key_at_cursor(self.query_one("#collect-table", DataTable))
        if self._selected is not None:
            self._select_now(self._selected)
        else:
            self.select_activity(None)

    # ---------------------------------------------------------------- the guide's examples
    @work(exclusive=True, group="collect-dialog")
    async def action_examples(self) -> None:
        if not self.session.scenario.examples:
            self.notify(self.t("collect.examples.none"), timeout=3)
            return
        choice = await self.app.push_screen_wait(ExamplesDialog(self.session))
        if choice is not None:
            self.pull_in(choice)

    def pull_in(self, choice: ExamplesChoice) -> None:
        """Each chosen example becomes an activity, its parties mapped to this session's."""
        scenario = self.session.scenario
        new_parties = 0
        if choice.add_missing_parties:
            wanted: list[str] = []
            for example in choice.examples:
                wanted += [p for p in example.parties if p not in wanted]
            for party_id in wanted:
                suggested = scenario.suggested_party(party_id)
                if suggested is None or self._session_party_for(party_id) is not None:
                    continue
                if self.fapp.attempt(partial(self._add_suggested_party, suggested)):
                    new_parties += 1
        approaches = {a.id for a in scenario.approaches}
        added: list[str] = []
        for example in choice.examples:
            mapped = (self._session_party_for(p) for p in example.parties)
            party_ids = tuple(p for p in mapped if p is not None)
            approach = example.approach if example.approach in approaches else None
            if not self.fapp.attempt(partial(self._add_example, added, example, party_ids, approach)):
                break
        if added:
            self._select_now(added[0])
        self.notify(self.t("collect.examples.done", activities=len(added), parties=new_parties), timeout=4)

    def _add_suggested_party(self, suggested: SuggestedParty) -> None:
        self.service.add_party(suggested.name, suggested_id=suggested.id, affected=suggested.affected)

    def _add_example(
        self, added: list[str], example: Example, party_ids: tuple[str, ...], approach: str | None
    ) -> None:
        flows = [f for f in example.flows if f in self.session.scenario.flow_ids()]
        activity_id = self.service.add_activity(
            example_title(example),
            description=example.text,
            party_ids=party_ids,
            approach=approach,
            flows=flows,
        )
        added.append(activity_id)

    def _session_party_for(self, suggested_id: str) -> str | None:
        """The session's party for a suggested one: same suggestion, else the same name."""
        session = self.session
        for party in session.parties:
            if party.suggested_id == suggested_id:
                return party.id
        suggested = session.scenario.suggested_party(suggested_id)
        if suggested is None:
            return None
        name = suggested.name.casefold()
        return next((p.id for p in session.parties if p.name.casefold() == name), None)

    # ---------------------------------------------------------------- mouse
    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        actions = {
            "collect-add": self.action_add,
            "collect-edit": self.action_edit,
            "collect-remove": self.action_remove,
            "collect-examples": self.action_examples,
        }
        action = actions.get(event.button.id or "")
        if action is not None:
            action()


def _fit(text: str, width: int) -> Text:
    """User text in `width` terminal cells, with an ellipsis when cut (emoji take two cells)."""
    cell = literal_cell(text, width + 1)  # never carry a 100,000-character title into the table
    cell.truncate(width, overflow="ellipsis")
    return cell


FIELD_LABELS = {
    "title": "collect.dialog.title",
    "description": "collect.dialog.description",
    "party_ids": "edit.field.parties",
    "approaches": "edit.field.approach",
    "concerns": "edit.field.concerns",
    "flows": "edit.field.flows",
}


def _readable(session: Session, t: Translator, name: str, value: Any) -> str:
    """A field's value as the facilitator reads it (party names, the approaches' names)."""
    if isinstance(value, frozenset):
        return ", ".join(session.party_name(p) for p in sorted(value, key=str)) or t("review.none")
    if value is None:
        return t("review.none")
    if name == "approaches":
        names = {a.id: a.name for a in session.scenario.approaches}
        return ", ".join(names.get(a, a) for a in value) or t("review.none")
    if name == "flows":
        return ", ".join(session.scenario.flow_name(f) for f in value) or t("review.none")
    return str(value)


def _fields(item: Activity | ActivityDraft) -> dict[str, Any]:
    """An activity's editable fields, comparable between the form and the file (parties as sets)."""
    return {
        "title": item.title,
        "description": item.description,
        "party_ids": frozenset(item.party_ids),
        "approaches": tuple(item.approaches),
        "concerns": frozenset(item.concerns),
        "flows": tuple(item.flows),
    }
