"""The role grid: every activity × every party, a role set with one key.

Setting roles one dialog at a time takes five or six keys a role; a room of seven parties
and eight activities has dozens of them. Here the arrows move over a grid of activities
(rows) and parties (columns), and a digit sets the role of the party in the cell: the
scenario's roles in order (1 the first), 0 or backspace clears. Each cell says its role in
a word (its number too), "?" where a party of the activity has none yet and "·" where the
party is not in the activity at all (those cells refuse a role), so nothing rests on colour.
A typed role moves the cursor on to the next cell that can take one, as a spreadsheet
does, and tab / shift+tab skip to the next / previous such cell, so a whole session's roles
take little more than one key each. A click on a cell moves there. Every change goes
through `SessionService.set_role`. A second click on a cell (or a double click) opens the
role dialog, where each role is explained; the palette offers each role for the cursor's cell.

The grid is one widget that draws only the rows on screen; party names in the header wrap
onto up to three lines, activity titles onto two when the screen is tall enough.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from textual import events, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Label

from facilitator.core.model import Session
from facilitator.core.scenario import Role
from facilitator.core.service import SessionService
from facilitator.core.text import one_line
from facilitator.ui.base import BaseScreen
from facilitator.ui.text import cut
from facilitator.ui.widgets.button import Button
from facilitator.ui.widgets.keybar import KeyBar
from facilitator.ui.widgets.reveal_ladder import wrap_words

NOT_INVOLVED = "·"
NO_ROLE = "?"
HEADER_LINES = 3  # lines of a party's name at most, in the header
TITLE_MIN, TITLE_MAX = 24, 44
TITLE_NARROWEST = 14
CELL_MIN, CELL_MAX = 6, 16


def short_name(name: str, width: int) -> str:
    """A role's name in `width` cells: whole if it fits, else cut with a full stop ("Contrib.")."""
    name = one_line(name)
    if cell_len(name) <= width:
        return name
    if width > 1:
        return cut(name, width)[:-1] + "."
    first = cut(name, 2)[:-1]  # its first letter, if that takes one cell
    return first if cell_len(first) <= width else ""


def fit(text: str, width: int, lines: int) -> list[str]:
    """`text` wrapped to `width` in at most `lines` lines; a word too long for a line, and the
    last line when more would follow, end in "…" (never broken in the middle without a mark)."""
    if width <= 1:
        return [""]
    words = [cut(w, width) for w in one_line(text).split(" ")]
    wrapped = wrap_words(" ".join(words), width)
    if len(wrapped) > lines:
        last = wrapped[lines - 1]
        wrapped = [
            *wrapped[: lines - 1],
            cut(last + "…", width),
        ]
    return wrapped


@dataclass(frozen=True)
class Layout:
    """Where things go: the title column, the cells' width, the lines of the header and of a row."""

    title: int
    cell: int
    header: int
    row: int


class RoleGrid(Widget, can_focus=True):
    """Activities × parties; the cursor's cell takes a digit (attributes down, messages up)."""

    BINDINGS = [
        Binding("up", "move(-1, 0)", show=False),
        Binding("down", "move(1, 0)", show=False),
        Binding("left", "move(0, -1)", show=False),
        Binding("right", "move(0, 1)", show=False),
        Binding("home", "edge('home')", show=False),
        Binding("end", "edge('end')", show=False),
        Binding("pageup", "move(-5, 0)", show=False),
        Binding("pagedown", "move(5, 0)", show=False),
        Binding("tab", "skip(1)", "grid.key.next", show=False),
        Binding("shift+tab", "skip(-1)", "grid.key.previous", show=False),
    ]

    class RoleTyped(Message):
        """A role's number (1 = the first) typed on the cursor's cell; 0 clears it."""

        def __init__(self, activity_id: str, party_id: str, number: int) -> None:
            super().__init__()
            self.activity_id = activity_id
            self.party_id = party_id
            self.number = number

    class Moved(Message):
        """The cursor moved (the screen says which cell it is on)."""

    class Opened(Message):
        """The cursor's cell was clicked again (or double-clicked): choose its role in the dialog."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.activity_ids: tuple[str, ...] = ()
        self.titles: tuple[str, ...] = ()
        self.party_ids: tuple[str, ...] = ()
        self.names: tuple[str, ...] = ()
        self.roles: tuple[Role, ...] = ()
        self.involved: dict[str, frozenset[str]] = {}
        self.assigned: dict[tuple[str, str], str] = {}
        self.cursor = (0, 0)
        self.top = 0  # the first row drawn
        self.left = 0  # the first party column drawn (narrow screens scroll sideways)

    # ---------------------------------------------------------------- data
    def show(
        self,
        session: Session,
        roles: Sequence[Role],
    ) -> None:
        """Draw the session's activities, parties and roles."""
        self.activity_ids = tuple(a.id for a in session.activities)
        self.titles = tuple(one_line(a.title) for a in session.activities)
        self.party_ids = tuple(p.id for p in session.parties)
        self.names = tuple(one_line(p.name) for p in session.parties)
        self.roles = tuple(roles)
        self.involved = {a.id: frozenset(a.party_ids) for a in session.activities}
        self.assigned = {(a.id, p): r for a in session.activities for p, r in session.roles_for(a.id).items()}
        row, column = self.cursor
        self.cursor = (
            min(row, max(len(self.activity_ids) - 1, 0)),
            min(column, max(len(self.party_ids) - 1, 0)),
        )
        self.refresh()

    def cell(self) -> tuple[str, str] | None:
        """(activity id, party id) under the cursor."""
        row, column = self.cursor
        if row < len(self.activity_ids) and column < len(self.party_ids):
            return self.activity_ids[row], self.party_ids[column]
        return None

    def is_involved(self, activity_id: str, party_id: str) -> bool:
        return party_id in self.involved.get(activity_id, frozenset())

    # ---------------------------------------------------------------- geometry
    def layout_for(self, width: int, height: int) -> Layout:
        count = max(len(self.party_ids), 1)
        # Wide enough for the longest word of a party's name where the screen allows:
        # the titles give up width first, down to their narrowest.
        word = max((cell_len(w) for n in self.names for w in n.split(" ")), default=4)
        want = min(max(word + 2, CELL_MIN), CELL_MAX)
        title = min(max(width - 1 - count * want, TITLE_MIN), TITLE_MAX, max(width * 4 // 10, TITLE_MIN))
        if title + count * CELL_MIN >= width:  # narrow: the titles shrink, then the columns scroll
            title = max(width - 1 - count * CELL_MIN, TITLE_NARROWEST)
        cell = min(max((width - title - 1) // count, CELL_MIN), CELL_MAX)
        header = max((len(fit(n, cell - 1, HEADER_LINES)) for n in self.names), default=1)
        rows = max(len(self.activity_ids), 1)
        row = 2 if header + 1 + 2 * rows <= height else 1  # titles on two lines when all rows fit so
        return Layout(title, cell, header, row)

    def visible_rows(self, height: int) -> int:
        layout = self.layout_for(self.size.width, height)
        return max((height - layout.header - 1) // layout.row, 1)

    def visible_columns(self, width: int, height: int) -> int:
        layout = self.layout_for(width, height)
        return max((width - layout.title) // layout.cell, 1)

    def _keep_visible(self) -> None:
        columns = self.visible_columns(*self.size)
        column = self.cursor[1]
        if column < self.left:
            self.left = column
        elif column >= self.left + columns:
            self.left = column - columns + 1
        self.left = max(min(self.left, max(len(self.party_ids) - columns, 0)), 0)
        shown = self.visible_rows(self.size.height)
        row = self.cursor[0]
        if row < self.top:
            self.top = row
        elif row >= self.top + shown:
            self.top = row - shown + 1
        self.top = max(min(self.top, max(len(self.activity_ids) - shown, 0)), 0)

    # ---------------------------------------------------------------- drawing
    def render(self) -> Content:
        width, height = self.size
        if not self.activity_ids or not self.party_ids or width < 10:
            return Content("")
        self._keep_visible()
        layout = self.layout_for(width, height)
        row, column = self.cursor
        lines: list[Content] = []
        # The header: the parties' names, wrapped; the cursor's party underlined and bold.
        shown = range(self.left, min(self.left + self.visible_columns(width, height), len(self.party_ids)))
        names = {index: fit(self.names[index], layout.cell - 1, HEADER_LINES) for index in shown}
        more_left = "◀" if self.left > 0 else " "
        more_right = "▶" if shown.stop < len(self.party_ids) else ""
        for line in range(layout.header):
            arrows = f"{more_left}{' ' * (layout.title - 2)}" if line == 0 else " " * (layout.title - 1)
            parts = [Content(arrows + " ")]
            for index, wrapped in names.items():
                text = wrapped[line] if line < len(wrapped) else ""
                style = "bold underline" if index == column else "bold"
                parts.append(
                    Content(" ") + Content.styled(text, style).pad_right(layout.cell - 1 - cell_len(text))
                )
            if line == 0:
                parts.append(Content(more_right))
            lines.append(Content.assemble(*parts).truncate(width))
        lines.append(Content("─" * min(width, layout.title + layout.cell * len(shown))))
        for index in range(self.top, min(self.top + self.visible_rows(height), len(self.activity_ids))):
            activity_id = self.activity_ids[index]
            title = fit(self.titles[index], layout.title - 2, layout.row)
            for line in range(layout.row):
                text = title[line] if line < len(title) else ""
                style = "bold" if index == row else ""
                marker = "▶ " if index == row and line == 0 else "  "
                parts = [
                    Content(marker) + Content.styled(text, style).pad_right(layout.title - 2 - cell_len(text))
                ]
                for number in shown:
                    party_id = self.party_ids[number]
                    cell = self._cell_text(activity_id, party_id, layout.cell - 1) if line == 0 else ""
                    current = (index, number) == (row, column)
                    style = (
                        "reverse bold"
                        if current
                        else ("bold" if self._is_lead(activity_id, party_id) else "")
                    )
                    parts.append(Content(" ") + Content.styled(cell.ljust(layout.cell - 1), style))
                lines.append(Content.assemble(*parts).truncate(width))
        return Content("\n").join(lines)

    def _is_lead(self, activity_id: str, party_id: str) -> bool:
        role = self.assigned.get((activity_id, party_id))
        return any(r.id == role and r.lead for r in self.roles)

    def _cell_text(self, activity_id: str, party_id: str, width: int) -> str:
        if not self.is_involved(activity_id, party_id):
            return NOT_INVOLVED
        role_id = self.assigned.get((activity_id, party_id))
        number = next((n for n, r in enumerate(self.roles, start=1) if r.id == role_id), None)
        if number is None:
            return NO_ROLE
        name = self.roles[number - 1].name
        return f"{number} {short_name(name, width - 2)}" if width >= 4 else str(number)

    # ---------------------------------------------------------------- keys and mouse
    def action_move(self, rows: int, columns: int) -> None:
        row, column = self.cursor
        row = min(max(row + rows, 0), max(len(self.activity_ids) - 1, 0))
        column = min(max(column + columns, 0), max(len(self.party_ids) - 1, 0))
        self._go(row, column)

    def action_edge(self, which: str) -> None:
        row = self.cursor[0]
        self._go(row, 0 if which == "home" else max(len(self.party_ids) - 1, 0))

    def action_skip(self, step: int) -> None:
        """To the next (or previous) cell that can take a role, row after row."""
        target = self.next_involved(step)
        if target is not None:
            self._go(*target)

    def next_involved(self, step: int) -> tuple[int, int] | None:
        """The next cell in reading order (`step` 1) or the one before (-1) whose party is in its activity."""
        columns = len(self.party_ids)
        if not columns:
            return None
        cells = len(self.activity_ids) * columns
        index = self.cursor[0] * columns + self.cursor[1]
        for _ in range(cells):
            index += step
            if not 0 <= index < cells:
                return None
            row, column = divmod(index, columns)
            if self.is_involved(self.activity_ids[row], self.party_ids[column]):
                return row, column
        return None

    def _go(self, row: int, column: int) -> None:
        if (row, column) != self.cursor:
            self.cursor = (row, column)
            self.refresh()
            self.post_message(self.Moved())

    def on_key(self, event: events.Key) -> None:
        number: int | None = None
        if event.character is not None and event.character.isdigit():
            number = int(event.character)
        elif event.key in ("backspace", "delete"):
            number = 0
        cell = self.cell()
        if number is None or cell is None:
            return
        event.stop()
        event.prevent_default()
        self.post_message(self.RoleTyped(cell[0], cell[1], number))

    def on_click(self, event: events.Click) -> None:
        width, height = self.size
        layout = self.layout_for(width, height)
        column = (event.x - layout.title) // layout.cell + self.left if event.x >= layout.title else None
        row = (event.y - layout.header - 1) // layout.row + self.top if event.y > layout.header else None
        if row is None or not 0 <= row < len(self.activity_ids):
            row = self.cursor[0]
        if column is None or not 0 <= column < len(self.party_ids):
            column = self.cursor[1]
        self.focus()
        if (row, column) == self.cursor or event.chain > 1:
            self.post_message(self.Opened())
        self._go(row, column)

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self.action_move(1, 0)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self.action_move(-1, 0)


class RoleGridScreen(BaseScreen):
    """The whole session's roles at once; escape (or the button) goes back to the view."""

    FOLLOWS_SESSION = True

    CSS_PATH = "role_grid.tcss"
    BINDINGS = [Binding("escape", "close", "grid.key.close")]

    def __init__(self, service: SessionService, activity_id: str | None = None) -> None:
        super().__init__(classes="role-grid-screen")
        self.service = service
        self.start_activity = activity_id

    def compose(self) -> ComposeResult:
        yield Label("", id="grid-title")
        yield Label("", id="grid-legend")
        yield Label("", id="grid-moves-on")
        yield RoleGrid(id="role-grid")
        yield Label("", id="grid-cell")
        yield Button("", id="grid-close", compact=True)
        yield KeyBar()

    def session_changed(self, session: Session) -> None:
        self._refresh_grid()

    def after_mount(self) -> None:
        grid = self.query_one(RoleGrid)
        self._refresh_grid()
        session = self.service.room_view
        if self.start_activity is not None and session.has_activity(self.start_activity):
            activity = session.activity(self.start_activity)
            row = grid.activity_ids.index(activity.id)
            first = next((grid.party_ids.index(p) for p in activity.party_ids if p in grid.party_ids), 0)
            grid.cursor = (row, first)
        self._say_cell()
        grid.focus()

    def relabel(self) -> None:
        super().relabel()
        t = self.t
        self.query_one("#grid-title", Label).update(Content(t("grid.title")))
        roles = "  ·  ".join(
            f"{number} {one_line(role.name)}"
            for number, role in enumerate(self.service.scenario.roles, start=1)
        )
        legend = t("grid.legend", roles=roles, none=NO_ROLE, outside=NOT_INVOLVED)
        self.query_one("#grid-legend", Label).update(Content(legend))
        # A digit moves on, as in a spreadsheet: said up front, or a → after it skips a party.
        self.query_one("#grid-moves-on", Label).update(Content(t("grid.moves_on")))
        self.query_one("#grid-close", Button).label = Content(t("grid.button.close"))
        if self.is_mounted and self.query(RoleGrid):
            self._say_cell()

    def _refresh_grid(self) -> None:
        shown = self.fapp.attempt(lambda: self.service.room_view)
        if shown is None:
            return
        session = shown.value
        self.query_one(RoleGrid).show(session, session.scenario.roles)
        self._say_cell()

    def _say_cell(self) -> None:
        """Under the grid, the cursor's cell in words: the activity, the party, its role."""
        grid = self.query_one(RoleGrid)
        cell = grid.cell()
        label = self.query_one("#grid-cell", Label)
        if cell is None:
            label.update(Content(self.t("grid.empty")))
            return
        session = self.service.room_view
        activity_id, party_id = cell
        activity = session.activity(activity_id)
        party = session.party_name(party_id)
        if not grid.is_involved(activity_id, party_id):
            text = self.t("grid.cell.outside", party=one_line(party), activity=one_line(activity.title, 80))
        else:
            role_id = session.roles_for(activity_id).get(party_id)
            role = next(
                (r.name for r in session.scenario.roles if r.id == role_id), self.t("grid.cell.no_role")
            )
            text = self.t(
                "grid.cell", party=one_line(party), activity=one_line(activity.title, 80), role=role
            )
        label.update(Content(text))

    def on_role_grid_moved(self, message: RoleGrid.Moved) -> None:
        message.stop()
        self._say_cell()

    def on_role_grid_role_typed(self, message: RoleGrid.RoleTyped) -> None:
        message.stop()
        roles = self.service.scenario.roles
        grid = self.query_one(RoleGrid)
        if not grid.is_involved(message.activity_id, message.party_id):
            self.app.bell()
            self.notify(self.t("grid.refused.outside"), severity="warning", timeout=4)
            return
        if message.number > len(roles):
            self.app.bell()
            self.notify(self.t("grid.refused.number", count=len(roles)), severity="warning", timeout=4)
            return
        role_id = roles[message.number - 1].id if message.number else None
        if self.service.room_view.roles_for(message.activity_id).get(message.party_id) == role_id:
            grid.action_skip(1)
            return
        self._set_role(message.activity_id, message.party_id, role_id)

    def _set_role(self, activity_id: str, party_id: str, role_id: str | None) -> None:
        """At once when it reopens nobody's sign-off (typing keeps its pace), else asked."""
        from facilitator.ui.dialogs.reopen import at_once

        service = self.service
        done = self.fapp.attempt(
            lambda: at_once(
                service, activity_id, "role.set", lambda: service.set_role(activity_id, party_id, role_id)
            )
        )
        if done is not None and done.value is None:
            self._set_role_asked(activity_id, party_id, role_id)
            return
        self._refresh_grid()
        if done is not None:
            self.query_one(RoleGrid).action_skip(1)  # on to the next party's cell, as in a spreadsheet

    @work(exclusive=True, group="grid-reopen")
    async def _set_role_asked(self, activity_id: str, party_id: str, role_id: str | None) -> None:
        """Parties have signed off: asked first, decided on the session as it is at the write
        (`reopen.change_asked`); a role set elsewhere meanwhile is asked about, not written over."""
        from facilitator.ui.dialogs.reopen import change_asked
        from facilitator.ui.views.role_change import role_change

        shown = self.service.room_view
        name = shown.party_name(party_id)
        current = shown.roles_for(activity_id).get(party_id)
        plan = role_change(self.app, self.service, activity_id, party_id, current, role_id)
        change = self.t("agree.reopen.change.role", party=name)
        done = await change_asked(self.app, self.service, activity_id, "role.set", change, plan, tell=False)
        self._refresh_grid()
        if done:
            self.query_one(RoleGrid).action_skip(1)  # on to the next party's cell, as in a spreadsheet

    def set_role(self, number: int) -> None:
        """As if `number` were typed on the cursor's cell (the palette's and the dialog's way)."""
        cell = self.query_one(RoleGrid).cell()
        if cell is not None:
            self.post_message(RoleGrid.RoleTyped(cell[0], cell[1], number))

    def palette_commands(self) -> Iterable[SystemCommand]:
        """One command per role, for the cursor's cell, and one to clear it."""
        t = self.t
        for number, role in enumerate(self.service.scenario.roles, start=1):
            yield SystemCommand(
                t("grid.cmd.role", number=number, role=one_line(role.name)),
                t("grid.cmd.role.help"),
                lambda number=number: self.set_role(number),
            )
        yield SystemCommand(t("grid.cmd.clear"), t("grid.cmd.role.help"), lambda: self.set_role(0))

    def on_role_grid_opened(self, message: RoleGrid.Opened) -> None:
        message.stop()
        self.choose_in_dialog()

    @work(exclusive=True, group="grid-dialog")
    async def choose_in_dialog(self) -> None:
        """A second click on a cell: the role dialog, with each role explained (the mouse's way)."""
        from facilitator.ui.dialogs.roles import RoleDialog

        cell = self.query_one(RoleGrid).cell()
        session = self.service.room_view
        if cell is None or cell[1] not in session.activity(cell[0]).party_ids:
            return
        activity_id, party_id = cell
        roles = session.scenario.roles
        current = session.roles_for(activity_id).get(party_id)
        dialog = RoleDialog(roles, session.party_name(party_id), session.activity(activity_id).title, current)
        choice = await self.app.push_screen_wait(dialog)
        if choice is None:
            return
        number = next((n for n, r in enumerate(roles, start=1) if r.id == choice.role_id), 0)
        self.post_message(RoleGrid.RoleTyped(activity_id, party_id, number))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_close()

    def action_close(self) -> None:
        self.dismiss(None)


def open_role_grid(view: Widget, service: SessionService, activity_id: str | None) -> None:
    """Show the grid over the roles-and-expectations view, on the selected activity's row."""
    view.app.push_screen(RoleGridScreen(service, activity_id))
