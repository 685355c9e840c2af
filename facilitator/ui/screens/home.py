"""Home: the saved sessions, and starting, opening, deleting and importing them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Label

from facilitator.core.closing import listed_state
from facilitator.core.dates import shown_date
from facilitator.core.errors import UserError
from facilitator.core.i18n import Translator, Worded
from facilitator.core.library import SessionSummary, link_state
from facilitator.core.scenario import Scenario, discover
from facilitator.ui.base import BaseScreen
from facilitator.ui.dialogs.common import ConfirmDialog, NewSessionDialog, TextPromptDialog
from facilitator.ui.text import CutCell
from facilitator.ui.text import literal_cell as literal
from facilitator.ui.widgets.button import Button
from facilitator.ui.widgets.keybar import KeyBar
from facilitator.ui.widgets.tables import Table

if TYPE_CHECKING:  # the service is imported by the first session opened, not by the home list
    from facilitator.core.service import SessionService


def _said_of_the_file(summary: SessionSummary, t: Translator) -> str:
    """Why a session file can't be opened, without its path: the whole path took the row and
    the reason was cut (a tester's finding). The row's id names the file; elsewhere in the
    sentence the file is named by its name, the folder being the list's own."""
    error = summary.error or ""
    if not (isinstance(error, Worded) and "path" in error.values):
        return error.replace(str(summary.path), summary.path.name)
    said = t(error.key, **{**error.values, "path": "\0"})
    return said.removeprefix("\0: ").replace("\0", summary.path.name)


class HomeScreen(BaseScreen):
    """Recent sessions, newest first."""

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (90, "-roomy")]  # -narrow: toolbar buttons close up
    BINDINGS = [
        Binding("n", "new", "key.new"),
        Binding("f", "new_from", "key.new_from"),
        Binding("o", "open", "key.open"),
        Binding("r", "review", "review.key.review"),
        Binding("d", "delete", "key.delete"),
        Binding("i", "import", "key.import"),
        Binding("m", "demo", "key.demo"),
        Binding("c", "compare", "exchange.key.compare"),
        Binding("x", "export", "exchange.key.export"),
        Binding("f5", "refresh", "key.refresh"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.summaries: list[SessionSummary] = []
        self._listed: tuple[int, int] | None = None  # the sessions folder as last listed

    def compose(self) -> ComposeResult:
        with Vertical(id="home-body"):
            yield Label("", id="home-heading", classes="heading")
            yield Label("", id="home-tagline", classes="tagline")
            with Horizontal(id="home-buttons", classes="toolbar"):
                yield Button("", id="new", variant="primary")
                yield Button("", id="open")
                yield Button("", id="review")
                yield Button("", id="delete")
                yield Button("", id="import")
                yield Button("", id="demo")
                yield Button("", id="compare")
                yield Button("", id="export")
            yield Table(id="sessions", cursor_type="row", zebra_stripes=True, gives_way="title", least=24)
            yield Label("", id="home-empty", classes="empty")
        yield KeyBar()

    LOOK_SECONDS = 1.0
    """How often the shown list looks at the sessions folder (a `stat`): a session the CLI
    made, imported or deleted shows without F5."""

    def after_mount(self) -> None:
        self.query_one("#sessions", DataTable).focus()
        self.set_interval(self.LOOK_SECONDS, self._look_at_folder)

    def _look_at_folder(self) -> None:
        if self.is_current and self.fapp.library.listing_signature() != self._listed:
            self.load()

    def relabel(self) -> None:
        super().relabel()
        t = self.t
        self.query_one("#home-heading", Label).update(t("home.heading"))
        self.query_one("#home-tagline", Label).update(t("home.tagline"))
        self.query_one("#home-empty", Label).update(t("home.empty"))
        for button_id in ("new", "open", "delete", "import", "demo"):
            self.query_one(f"#{button_id}", Button).label = t(f"key.{button_id}")
        self.query_one("#review", Button).label = t("review.key.review")
        self.query_one("#compare", Button).label = t("exchange.key.compare")
        self.query_one("#export", Button).label = t("exchange.key.export")
        if self.is_current:
            self.load()

    def on_screen_resume(self) -> None:
        """Read the sessions folder only when home is actually shown (not under a session)."""
        self.load()

    # ---------------------------------------------------------------- the list
    def load(self) -> None:
        """Re-read the sessions folder, keeping the cursor on the same session."""
        table = self.query_one("#sessions", DataTable)
        selected = self.selected()
        self.summaries = self.fapp.library.list()
        self._listed = self.fapp.library.listing_signature()  # after listing: its sweep may change the folder
        t = self.t
        table.clear(columns=True)
        # The title gives way, and the columns that tell sessions apart come first: at 80
        # columns the scenario and what a session continues are the ones out of sight.
        table.add_column(t("home.col.title"), key="title")
        table.add_column(t("home.col.date"), key="date")
        table.add_column(t("home.col.activities"), key="activities")
        table.add_column(t("home.col.id"), key="id")
        table.add_column(t("home.col.phase"), key="phase")
        # One scenario for every session tells none apart: its column would take the title's room.
        several = len({s.scenario_id for s in self.summaries if not s.error}) > 1
        if several:
            table.add_column(t("home.col.scenario"), key="scenario")
        series = any(s.previous_id for s in self.summaries if not s.error)  # else an empty column
        if series:
            table.add_column(t("home.col.continues"), key="continues")
        folders = self.fapp.scenario_folders
        for s in self.summaries:
            if s.error:
                cells = ["", "", literal(s.id), "", *([""] if several else []), *([""] if series else [])]
                said = t("home.unreadable", error=_said_of_the_file(s, t))
                table.add_row(CutCell(said, 70), *cells, key=s.id)
                continue
            table.add_row(
                CutCell(s.title, 60),
                literal(shown_date(s.date or s.created_at[:10], t.language)),
                t.number(s.activities),
                literal(s.id),
                literal(listed_state(s, t, folders)),
                *([literal(s.scenario_id)] if several else []),
                *([literal(self._continues(s.previous_id))] if series else []),
                key=s.id,
            )
        self.query_one("#home-empty", Label).display = not self.summaries
        table.display = bool(self.summaries)
        if selected is not None:
            for index, s in enumerate(self.summaries):
                if s.id == selected.id:
                    table.move_cursor(row=index)

    def _continues(self, previous_id: str) -> str:
        if not previous_id:
            return ""
        state = link_state(previous_id, self.summaries)
        return self.fapp.t(f"home.continues.{state}", id=previous_id) if state else f"↩ {previous_id}"

    def selected(self) -> SessionSummary | None:
        table = self.query_one("#sessions", DataTable)
        if not self.summaries or table.cursor_row < 0 or table.cursor_row >= len(self.summaries):
            return None
        return self.summaries[table.cursor_row]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id:
            self.call_later(self.run_action, event.button.id)

    # ---------------------------------------------------------------- actions
    def action_refresh(self) -> None:
        self.load()

    def action_open(self) -> None:
        summary = self.selected()
        if summary is None:
            self.notify(self.t("home.none_selected"), timeout=3)
            return
        self.fapp.open_session(summary.path)

    def action_review(self) -> None:
        """Review the selected session read-only: dashboard and timeline."""
        summary = self.selected()
        if summary is None:
            self.notify(self.t("home.none_selected"), timeout=3)
            return
        self.fapp.open_review(summary.path)

    def action_compare(self) -> None:
        """Compare the selected session (A) with another one (B), side by side."""
        from facilitator.ui.screens.compare import choose_and_compare

        summary = self.selected()
        if summary is None:
            self.notify(self.t("home.none_selected"), timeout=3)
            return
        choose_and_compare(self.app, summary, self.summaries)

    def action_export(self) -> None:
        """Export the selected session: report, tables, drawings or the whole session."""
        from facilitator.ui.dialogs.export import export_session

        summary = self.selected()
        if summary is None:
            self.notify(self.t("home.none_selected"), timeout=3)
            return
        export_session(self.app, summary.path)

    def scenarios(self) -> tuple[list[Scenario], tuple[str, ...]]:
        """The scenarios to offer, and the names of the files that could not be offered."""
        entries = discover((self.fapp.library.scenarios_dir,))
        refused = tuple(e.path.name for e in entries if e.scenario is None)
        return [e.scenario for e in entries if e.scenario is not None], refused

    @work
    async def action_new(self) -> None:
        scenarios, refused = self.scenarios()
        result = await self.app.push_screen_wait(NewSessionDialog(scenarios, self.t.language, refused))
        if result is None:
            return
        made = self.fapp.attempt(
            lambda: self.fapp.library.create(
                result.scenario,
                result.title,
                date=result.date,
                place=result.place,
                facilitator=result.facilitator,
            )
        )
        if made is None:
            return
        self.load()
        self.fapp.open_session(made.value.path)

    @work
    async def action_new_from(self) -> None:
        """Next year's workshop from the selected one: its parties, activities and agreed rungs."""
        summary = self.selected()
        if summary is None:
            self.notify(self.t("home.none_selected"), timeout=3)
            return
        if self.fapp.attempt(lambda: self.fapp.library.open(summary.id)) is None:
            return  # unreadable: said now, before a title is asked for nothing
        title = await self.app.push_screen_wait(
            TextPromptDialog("home.new_from.title", "home.new.name", summary.title, "home.new.create")
        )
        if title is None or not title.strip():
            return
        today = dt.date.today().isoformat()
        made = self.fapp.attempt(lambda: self.fapp.library.create_from(summary.id, title=title, date=today))
        if made is None:
            return
        self.load()
        self.fapp.open_session(made.value.path)

    @work
    async def action_delete(self) -> None:
        summary = self.selected()
        if summary is None:
            self.notify(self.t("home.none_selected"), timeout=3)
            return
        title = summary.title or summary.id
        message = self.t("home.delete.confirm", title=title, id=summary.id)
        from facilitator.core.open_marks import held_elsewhere

        holders = held_elsewhere(self.fapp.library.path_for(summary.id))
        if holders:  # a workshop running on it elsewhere would have nothing to save into
            message += "\n" + self.t("home.delete.open", pids=", ".join(map(str, holders)))
        if not await self.app.push_screen_wait(ConfirmDialog(message, "button.delete")):
            return
        try:
            self.fapp.library.delete(summary.id)
        except (UserError, OSError) as error:
            self.fapp.show_user_error(error)
            return
        self.notify(self.t("home.deleted", title=title), markup=False, timeout=3)
        self.load()

    @work
    async def action_import(self) -> None:
        """Import a file; a refusal is shown in the dialog, which keeps the path as typed."""
        made: list[SessionService] = []

        def attempt(path: str) -> None:
            if path.strip():  # nothing typed: nothing to import
                made.append(self.fapp.library.import_file(Path(path.strip()).expanduser()))

        await self.app.push_screen_wait(
            TextPromptDialog(
                "home.import.title",
                "home.import.path",
                ok_key="home.import.button",
                kind=None,
                attempt=attempt,
            )
        )
        if not made:
            return
        self.notify(self.t("home.imported", title=made[0].session.info.title), markup=False, timeout=3)
        self.load()

    def action_demo(self) -> None:
        """Open the demo session made before; make one only when there is none yet."""
        from facilitator.core.demo import create_demo, demo_scenario, find_demo

        scenario = demo_scenario(self.scenarios()[0], self.t.language)
        if scenario is None:
            return
        existing = find_demo(self.fapp.library, scenario)
        if existing is not None:
            self.fapp.open_session(existing.path)
            return
        made = self.fapp.attempt(lambda: create_demo(self.fapp.library, scenario))
        if made is None:
            return
        service = made.value
        self.notify(self.t("home.demo.created"), timeout=3)
        self.load()
        for index, s in enumerate(self.summaries):
            if s.id == service.session.id:
                self.query_one("#sessions", DataTable).move_cursor(row=index)
