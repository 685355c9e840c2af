"""The setup view: what the workshop is, who takes part, and the people in the room.

The first (`setup_details.SessionDetails`) is a form of its own; this module keeps the
lists of parties and people.

Everything is saved as soon as it is entered (enter, leaving a field, or a button),
through one `SessionService` call per change. The lists are line-based widgets
(OptionList, DataTable) so a long list of parties costs nothing per key press.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Checkbox, DataTable, Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from facilitator.core.errors import UserError
from facilitator.core.model import Participant, Party, Session
from facilitator.core.scenario import SuggestedParty
from facilitator.core.service import SessionService
from facilitator.core.text import NAME, one_line
from facilitator.ui.dialogs.common import ConfirmDialog, TextPromptDialog
from facilitator.ui.localized import localize_bindings
from facilitator.ui.text import CutCell, literal, literal_cell
from facilitator.ui.views.base import PhaseView
from facilitator.ui.views.setup_details import SessionDetails
from facilitator.ui.views.setup_fields import (
    ParticipantNameInput,
    PartyNameInput,
    PartySelect,
    SuggestionList,
)
from facilitator.ui.views.sign_all import phones_by_party
from facilitator.ui.widgets.button import Button
from facilitator.ui.widgets.tables import Table, key_at_cursor, move_to
from facilitator.ui.widgets.tickbox import TickBox

WIDE = 110  # from this many columns the three lists stand side by side
AFFECTED_MARK = "◆"
ADDED_MARK = "✓"
ADD_MARK = "+"
NAME_LIMIT = 60  # characters of a name in a list; the whole name is kept
PARTY_IN_LIST = 20  # a participant's party, before the name


class SetupView(PhaseView):
    """Title, date, place and facilitator; parties; participants."""

    KIND = "setup"
    TYPING_FIELD = "#setup-party-name"

    BINDINGS = [
        Binding("ctrl+s", "save_details", "setup.key.save"),
        Binding("r", "rename_party", "setup.key.rename"),
        Binding("space", "toggle_affected", "setup.key.affected"),
        Binding("delete", "remove_party", "setup.key.remove_party"),
        Binding("x", "remove_party", "setup.key.remove_party", show=False),
        Binding("delete", "remove_participant", "setup.key.remove_participant"),
        Binding("x", "remove_participant", "setup.key.remove_participant", show=False),
        Binding("p", "move_participant", "setup.key.move_participant"),
    ]

    def __init__(self, service: SessionService) -> None:
        super().__init__(service)
        self._parties: tuple[Party, ...] = ()
        self._party_rows: tuple[str, ...] = ()
        self._participant_rows: tuple[str, ...] = ()
        self._party_choices: tuple[tuple[str, str], ...] = ()
        self._suggestion_state: tuple[tuple[str, bool], ...] = ()
        self._ready = False

    # ---------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        with VerticalScroll(id="setup-scroll"):
            yield SessionDetails(self.service)
            with Grid(id="setup-columns"):
                with Vertical(id="setup-suggested-section", classes="setup-section"):
                    yield Label("", id="setup-suggested-heading", classes="setup-heading")
                    yield SuggestionList(id="setup-suggestions")
                    yield Label("", id="setup-suggestion-help", classes="setup-hint")
                with Vertical(id="setup-parties-section", classes="setup-section"):
                    yield Label("", id="setup-parties-heading", classes="setup-heading")
                    with Horizontal(classes="setup-add-row"):
                        yield PartyNameInput(id="setup-party-name", compact=True)
                        yield Button("", id="setup-party-add", compact=True)
                    yield TickBox("", id="setup-party-affected", compact=True)
                    yield Table(id="setup-parties", cursor_type="row", zebra_stripes=True, gives_way="name")
                    yield Label("", id="setup-parties-empty", classes="setup-hint")
                    with Horizontal(classes="setup-buttons editing"):
                        yield Button("", id="setup-party-rename", compact=True)
                        yield Button("", id="setup-party-toggle", compact=True)
                        yield Button("", id="setup-party-remove", compact=True, variant="error")
                with Vertical(id="setup-participants-section", classes="setup-section"):
                    yield Label("", id="setup-participants-heading", classes="setup-heading")
                    with Horizontal(classes="setup-add-row"):
                        yield ParticipantNameInput(id="setup-participant-name", compact=True)
                        yield PartySelect([], id="setup-participant-party", compact=True)
                        yield Button("", id="setup-participant-add", compact=True)
                    yield Table(
                        id="setup-participants", cursor_type="row", zebra_stripes=True, gives_way="name"
                    )
                    yield Label("", id="setup-participants-empty", classes="setup-hint")
                    with Horizontal(classes="setup-buttons editing"):
                        yield Button("", id="setup-participant-move", compact=True)
                        yield Button("", id="setup-participant-remove", compact=True, variant="error")

    def after_mount(self) -> None:
        self.watch(self.app, "projector", self._projector_changed, init=False)

    def _projector_changed(self, projector: bool) -> None:
        """Projector mode hides the editing chrome: don't leave the focus in a hidden field."""
        focused = self.screen.focused
        if not projector or focused is None or self not in focused.ancestors:
            return
        if any(n.has_class("editing") for n in focused.ancestors_with_self):
            self.query_one("#setup-parties", DataTable).focus()

    def on_resize(self) -> None:
        self._fit_width()

    def _fit_width(self) -> None:
        """Side by side when wide. From the app's width: a hidden view gets no resize events."""
        self.set_class(self.app.size.width - self.styles.gutter.width >= WIDE, "-wide")

    def relabel(self) -> None:
        super().relabel()
        t = self.t
        for widget_id, key in (
            ("setup-suggested-heading", "setup.suggested.heading"),
            ("setup-parties-heading", "setup.parties.heading"),
            ("setup-parties-empty", "setup.parties.empty"),
            ("setup-participants-heading", "setup.participants.heading"),
            ("setup-participants-empty", "setup.participants.empty"),
        ):
            self.query_one(f"#{widget_id}", Label).update(Content(t(key)))
        for button_id, key in (
            ("setup-party-add", "setup.parties.add"),
            ("setup-party-rename", "setup.parties.rename"),
            ("setup-party-toggle", "setup.parties.toggle"),
            ("setup-party-remove", "setup.parties.remove"),
            ("setup-participant-add", "setup.participants.add"),
            ("setup-participant-move", "setup.participants.move"),
            ("setup-participant-remove", "setup.participants.remove"),
        ):
            self.query_one(f"#{button_id}", Button).label = Content(t(key))
        self.query_one("#setup-party-affected", Checkbox).label = Content(t("setup.parties.affected"))
        self.query_one("#setup-party-name", Input).placeholder = t("setup.parties.name_placeholder")
        self.query_one("#setup-participant-name", Input).placeholder = t("setup.participants.placeholder")
        self.query_one("#setup-participant-party", Select).prompt = t("setup.participants.party_prompt")
        for widget in self.query("PartyNameInput, ParticipantNameInput, SuggestionList"):
            localize_bindings(widget, t)
        self.query_one(SessionDetails).relabel()
        parties = self.query_one("#setup-parties", DataTable)
        people = self.query_one("#setup-participants", DataTable)
        cursors = (key_at_cursor(parties), key_at_cursor(people))
        parties.clear(columns=True)
        parties.add_column(literal_cell(t("setup.col.party")), key="name")
        parties.add_column(literal_cell(t("setup.col.affected")), key="affected")
        parties.add_column(literal_cell(t("setup.col.people")), key="people")
        people.clear(columns=True)
        # The party first, short: long names ("Toomas Lepp, volikogu …") hid it at 120 columns.
        people.add_column(literal_cell(t("setup.col.party")), key="party")
        people.add_column(literal_cell(t("setup.col.participant")), key="name")
        # Force the lists to be rebuilt in the new language.
        self._party_rows = ()
        self._participant_rows = ()
        self._suggestion_state = ()
        if self._ready:
            self.show_session(self.session)
            for table, cursor in zip((parties, people), cursors, strict=True):
                move_to(table, cursor, 0)

    def typing_field(self, focused: Widget) -> Input:
        """A name typed on the people's list or picker is a person's; elsewhere a party's."""
        people = self.query_one("#setup-participants-section")
        if people in focused.ancestors:
            return self.query_one("#setup-participant-name", Input)
        return super().typing_field(focused)

    def focus_first(self) -> None:
        """A list, not a field: the workshop's keys ([ ] t) would be typed into a field."""
        self.query_one("#setup-suggestions", OptionList).focus()

    # ---------------------------------------------------------------- showing the session
    def show_session(self, session: Session) -> None:
        self._ready = True
        self._fit_width()
        self._parties = session.parties
        self.query_one(SessionDetails).show(session)
        self._show_suggestions(session)
        self._show_parties(session)
        self._show_participants(session)

    def _show_suggestions(self, session: Session) -> None:
        taken = {p.suggested_id for p in session.parties if p.suggested_id}
        names = {p.name.casefold() for p in session.parties}
        suggestions = session.scenario.parties
        state = tuple((s.id, s.id in taken or s.name.casefold() in names) for s in suggestions)
        if state == self._suggestion_state:
            return
        self._suggestion_state = state
        options = self.query_one("#setup-suggestions", OptionList)
        highlighted = options.highlighted
        options.clear_options()
        options.add_options(
            self._suggestion_option(s, added) for s, (_id, added) in zip(suggestions, state, strict=False)
        )
        if suggestions:
            options.highlighted = self._enabled_near(options, highlighted or 0)
        self._describe_suggestion()

    def _suggestion_option(self, suggestion: SuggestedParty, added: bool) -> Option:
        text = f"{ADDED_MARK if added else ADD_MARK} {suggestion.name}"
        if suggestion.affected:
            text += f" {AFFECTED_MARK}"
        return Option(literal(text), id=suggestion.id, disabled=added)

    @staticmethod
    def _enabled_near(options: OptionList, index: int) -> int | None:
        """The first option at or after `index` that can be picked, else the last one before it."""
        count = options.option_count
        order = [*range(min(index, count - 1), count), *range(min(index, count) - 1, -1, -1)]
        return next((i for i in order if not options.get_option_at_index(i).disabled), None)

    def _describe_suggestion(self) -> None:
        options = self.query_one("#setup-suggestions", OptionList)
        option = options.highlighted_option
        hint = self.query_one("#setup-suggestion-help", Label)
        suggestion = self.session.scenario.suggested_party(option.id) if option and option.id else None
        if suggestion is None:
            hint.update(Content(self.t("setup.suggested.help")))
            return
        text = suggestion.description or suggestion.name
        if suggestion.affected:
            text += " " + self.t("setup.suggested.affected_help")
        hint.update(literal(text))

    def _show_parties(self, session: Session) -> None:
        table = self.query_one("#setup-parties", DataTable)
        counts = {p.id: 0 for p in session.parties}
        for person in session.participants:
            counts[person.party_id] = counts.get(person.party_id, 0) + 1
        rows = tuple(f"{p.id}\0{p.name}\0{p.affected}\0{counts.get(p.id, 0)}" for p in session.parties)
        empty = not session.parties
        table.display = not empty
        self.query_one("#setup-parties-empty", Label).display = empty
        if rows == self._party_rows:
            return
        self._party_rows = rows
        selected = self.selected_party()
        index = table.cursor_row
        with table.prevent(DataTable.RowHighlighted):
            table.clear()
            for party in session.parties:
                table.add_row(
                    CutCell(party.name, NAME_LIMIT),
                    AFFECTED_MARK if party.affected else "",
                    str(counts.get(party.id, 0)),
                    key=party.id,
                )
            move_to(table, selected.id if selected else None, index)

    def _show_participants(self, session: Session) -> None:
        table = self.query_one("#setup-participants", DataTable)
        rows = tuple(f"{p.id}\0{p.name}\0{session.party_name(p.party_id)}" for p in session.participants)
        empty = not session.participants
        table.display = not empty
        self.query_one("#setup-participants-empty", Label).display = empty
        choices = tuple((p.id, p.name) for p in session.parties)
        if choices != self._party_choices:
            self._party_choices = choices
            select: Select[str] = self.query_one("#setup-participant-party", Select)
            current = select.value
            select.set_options((literal(name), party_id) for party_id, name in choices)
            if isinstance(current, str) and any(current == c[0] for c in choices):
                select.value = current
        if rows == self._participant_rows:
            return
        self._participant_rows = rows
        selected = key_at_cursor(table)
        index = table.cursor_row
        with table.prevent(DataTable.RowHighlighted):
            table.clear()
            for person in session.participants:
                name = CutCell(person.name, NAME_LIMIT)
                party = literal_cell(session.party_name(person.party_id), PARTY_IN_LIST)
                table.add_row(party, name, key=person.id)
            move_to(table, selected, index)

    def selected_party(self) -> Party | None:
        key = key_at_cursor(self.query_one("#setup-parties", DataTable))
        return next((p for p in self._parties if p.id == key), None)

    # ---------------------------------------------------------------- the details
    def action_save_details(self) -> None:
        self.query_one(SessionDetails).save(explicit=True)

    # ---------------------------------------------------------------- parties
    @on(OptionList.OptionHighlighted, "#setup-suggestions")
    def _suggestion_highlighted(self) -> None:
        self._describe_suggestion()

    @on(OptionList.OptionSelected, "#setup-suggestions")
    def _suggestion_chosen(self, event: OptionList.OptionSelected) -> None:
        suggestion = self.session.scenario.suggested_party(event.option.id or "")
        if suggestion is None:
            return
        added: list[str] = []

        def add() -> None:
            added.append(
                self.service.add_party(
                    suggestion.name, suggested_id=suggestion.id, affected=suggestion.affected
                )
            )

        if self.fapp.attempt(add):
            self._party_added(added[0], suggestion.name)

    @on(Input.Submitted, "#setup-party-name")
    def _party_name_submitted(self) -> None:
        self.add_typed_party()

    def add_typed_party(self) -> None:
        name_input = self.query_one("#setup-party-name", Input)
        affected = self.query_one("#setup-party-affected", Checkbox)
        name = name_input.value.strip()
        if not name:
            self.fapp.show_error(self.t("setup.parties.no_name"))
            name_input.focus()
            return
        added: list[str] = []
        if self.fapp.attempt(lambda: added.append(self.service.add_party(name, affected=affected.value))):
            name_input.value = ""
            affected.value = False
            self._party_added(added[0], name)
        name_input.focus()

    def _party_added(self, party_id: str, name: str) -> None:
        self.notify(self.t("setup.parties.added", name=name), markup=False, timeout=3)
        table = self.query_one("#setup-parties", DataTable)
        self.once_shown(lambda: move_to(table, party_id, table.row_count - 1))  # its row, once drawn

    def _table_focused(self, table_id: str) -> bool:
        focused = self.screen.focused
        return focused is not None and focused.id == table_id

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Party keys act on the party list, participant keys on the participant list."""
        if action in ("rename_party", "toggle_affected", "remove_party"):
            return self._table_focused("setup-parties")
        if action in ("remove_participant", "move_participant"):
            return self._table_focused("setup-participants")
        return True

    @work
    async def action_rename_party(self) -> None:
        party = self.selected_party()
        if party is None:
            self.notify(self.t("setup.parties.none_selected"), timeout=3)
            return

        def rename(name: str) -> None:  # a refusal (a name taken) stays in the dialog, with the name
            if not name.strip():
                raise UserError.worded("setup.parties.no_name")
            if name.strip() != party.name:
                self.service.update_party(party.id, name=name.strip())

        name = await self.app.push_screen_wait(
            TextPromptDialog(
                "setup.rename.title", "setup.rename.label", value=party.name, kind=NAME, attempt=rename
            )
        )
        if name is not None and name.strip() != party.name:
            self.notify(
                self.t("setup.parties.renamed", old=party.name, name=name.strip()), markup=False, timeout=3
            )

    def action_toggle_affected(self) -> None:
        party = self.selected_party()
        if party is None:
            self.notify(self.t("setup.parties.none_selected"), timeout=3)
            return
        self.fapp.attempt(lambda: self.service.update_party(party.id, affected=not party.affected))

    @work
    async def action_remove_party(self) -> None:
        party = self.selected_party()
        if party is None:
            self.notify(self.t("setup.parties.none_selected"), timeout=3)
            return
        session = self.session
        activities = sum(1 for a in session.activities if party.id in a.party_ids or party.id in a.concerns)
        people = len(session.participants_of(party.id))
        phones = phones_by_party(self)[party.id]
        message = self.t(
            "setup.remove.confirm", name=party.name, activities=activities, people=people, phones=phones
        )
        if not await self.app.push_screen_wait(ConfirmDialog(message, "button.delete")):
            return
        if self.fapp.attempt(lambda: self.service.remove_party(party.id)):
            self.notify(self.t("setup.parties.removed", name=party.name), markup=False, timeout=3)

    # ---------------------------------------------------------------- participants
    @on(Input.Submitted, "#setup-participant-name")
    def _participant_submitted(self) -> None:
        self.add_participant()

    @on(PartySelect.Chosen)
    def _participant_party_chosen(self) -> None:
        """A party chosen in the list with a name typed adds the person under it."""
        if self.query_one("#setup-participant-name", Input).value.strip():
            self.add_participant()
        else:
            self.query_one("#setup-participant-name", Input).focus()

    def add_participant(self) -> None:
        name_input = self.query_one("#setup-participant-name", Input)
        select: Select[str] = self.query_one("#setup-participant-party", Select)
        name = name_input.value.strip()
        if not name:
            self.fapp.show_error(self.t("setup.participants.no_name"))
            name_input.focus()
            return
        party_id = select.value
        if not isinstance(party_id, str):
            self.fapp.show_error(self.t("setup.participants.no_party"))
            select.focus()
            return
        if self.fapp.attempt(lambda: self.service.add_participant(name, party_id)):
            name_input.value = ""
            self.notify(
                self.t("setup.participants.added", name=name, party=self.session.party_name(party_id)),
                markup=False,
                timeout=3,
            )
            table = self.query_one("#setup-participants", DataTable)
            self.once_shown(lambda: move_to(table, None, table.row_count - 1))  # its row, once drawn
        name_input.focus()

    def selected_participant(self) -> Participant | None:
        key = key_at_cursor(self.query_one("#setup-participants", DataTable))
        person = next((p for p in self.session.participants if p.id == key), None)
        if person is None:
            self.notify(self.t("setup.participants.none_selected"), timeout=3)
        return person

    @work
    async def action_remove_participant(self) -> None:
        """Asks first: `x` is a letter, and a letter typed by mistake must not delete anyone."""
        person = self.selected_participant()
        if person is None:
            return
        message = self.t("setup.participants.remove_confirm", name=person.name)
        if not await self.app.push_screen_wait(ConfirmDialog(message, "button.delete")):
            return
        if self.fapp.attempt(lambda: self.service.remove_participant(person.id)):
            self.notify(self.t("setup.participants.removed", name=person.name), markup=False, timeout=3)

    @on(DataTable.RowSelected, "#setup-participants")
    def action_move_participant(self) -> None:
        """Put a person under another party (enter on the person, `p`, or the button)."""
        person = self.selected_participant()
        if person is None:
            return

        def chosen(party_id: str | None) -> None:
            if party_id is not None and party_id != person.party_id:
                moved = self.fapp.attempt(lambda: self.service.move_participant(person.id, party_id))
                if moved:
                    party = self.session.party_name(party_id)
                    self.notify(
                        self.t("setup.participants.moved", name=person.name, party=party),
                        markup=False,
                        timeout=3,
                    )

        options = [(literal(p.name, NAME_LIMIT), p.id) for p in self.session.parties]
        title = self.t("setup.participants.move_title", name=one_line(person.name, NAME_LIMIT))
        self.fapp.ask_choice(title, options, person.party_id, chosen)

    # ---------------------------------------------------------------- mouse
    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        actions = {
            "setup-save": self.action_save_details,
            "setup-party-add": self.add_typed_party,
            "setup-party-rename": self.action_rename_party,
            "setup-party-toggle": self.action_toggle_affected,
            "setup-party-remove": self.action_remove_party,
            "setup-participant-add": self.add_participant,
            "setup-participant-move": self.action_move_participant,
            "setup-participant-remove": self.action_remove_participant,
        }
        action = actions.get(event.button.id or "")
        if action is not None:
            action()
