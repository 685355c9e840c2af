"""Blind placement, reveal, agreement and re-vote for one activity.

One party at a time chooses the rung the activity is on now, then the rung it should be
on. Blind means blind: until the reveal the screen shows per party only "✓ placed" or
"○ not yet", never a rung, not even to the party that has just chosen. So the rung
choices are plain blocks with no hover, focus or pressed look, and nothing on screen
stays on the rung just chosen. The reveal shows every placement side by side with the
disagreement spelled out; the facilitator then records what the room agreed on.

Whether the round is revealed lives in the session, so reopening shows the same state;
changes made by other processes are picked up by polling the file, like the workshop.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from typing import Any

from textual import events, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.style import Style
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.core.errors import UserError
from facilitator.core.model import Activity, Event, Placement, Session
from facilitator.core.party import room_placements
from facilitator.core.service import SessionService
from facilitator.ui.base import BaseScreen, is_text_field
from facilitator.ui.dialogs.common import ConfirmDialog
from facilitator.ui.localized import localize_bindings
from facilitator.ui.one_pass import OnePassScreen
from facilitator.ui.screens.phones import from_phone, open_join_panel, phone_sender
from facilitator.ui.screens.placement_agree import AgreementForm
from facilitator.ui.screens.reveal import REVEAL_RESERVE, fit_box, show_controls
from facilitator.ui.text import literal, show
from facilitator.ui.widgets.button import Button
from facilitator.ui.widgets.choice_list import PartyList
from facilitator.ui.widgets.keybar import KeyBar
from facilitator.ui.widgets.reveal_ladder import RevealLadder
from facilitator.ui.widgets.reveal_page import RevealPage
from facilitator.ui.widgets.rungs import RungChoice, RungPicker

BOLD, ITALIC = Style(bold=True), Style(italic=True)  # parsed once, not on every draw
PAGES = ("page-placing", "page-revealed", "page-empty")  # one shown at a time (CSS: the first)


class PlacementScreen(OnePassScreen[Any], BaseScreen):
    """The blind round of one activity, its reveal and the room's agreement.

    A full screen rather than a modal, so that the app's own keys (help, language,
    projector mode, the command palette) keep working while the room places.
    """

    FOLLOWS_SESSION = True

    CSS_PATH = "placement.tcss"

    BINDINGS = [
        Binding("escape", "close", "board.key.board"),
        Binding("r", "reveal", "board.key.reveal"),
        Binding("a", "agree", "board.key.agree"),
        Binding("v", "revote", "board.key.revote"),
        Binding("backspace", "step_back", "board.key.step_back"),
        Binding("j", "participants", "key.join", show=False),  # phones often join as the room places
        *(Binding(str(n), f"choose({n})", show=False) for n in range(1, 10)),
        # From a rung or a button (after Tab): back to the party list, one party on.
        Binding("up", "party(-1)", show=False),
        Binding("down", "party(1)", show=False),
    ]

    def __init__(self, service: SessionService, activity_id: str) -> None:
        super().__init__(classes="placement")
        self.service = service
        self.activity_id = activity_id
        self.scenario = service.scenario
        self.party_id: str | None = None
        """The party placing now; None once everyone has placed."""
        self._picked = False  # the facilitator chose this party (to place again): it stays
        self._party_name = ""
        self._chosen_current: str | None = None  # held in memory only, never drawn
        self._page = ""
        self.agreement = AgreementForm(self, service, self.current_activity, self.close_screen)
        """The revealed page: the views side by side, and the room's agreement."""
        self._dismissing = False
        self._ready = False

    # ---------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        with Vertical(id="placement-box"):
            yield Static("", id="placement-title")
            yield Static("", id="placement-state")
            with Horizontal(id="page-placing"):
                with Vertical(id="placing-parties"):
                    yield Label("", id="parties-heading", classes="section")
                    yield PartyList(id="party-list")
                with VerticalScroll(id="placing-rungs"):
                    yield Static("", id="step-question")
                    yield Static("", id="step-help")
                    yield Static("", id="step-kept")
                    for rung in reversed(self.scenario.rungs):  # highest on top, like a ladder
                        number = self.scenario.rung_index(rung.id) + 1
                        yield RungChoice(number, self.scenario.rung_title(rung.id))
                    yield Static("", id="all-placed")
            with RevealPage(id="page-revealed"):
                # The room-size picture first; the agreement's controls below it (a, or scrolling).
                yield RevealLadder(reserve=REVEAL_RESERVE, id="reveal-ladder")
                yield Static("", id="reveal-current", classes="reveal-line")
                yield Static("", id="reveal-wished", classes="reveal-line")
                yield Static("", id="reveal-agreed", classes="reveal-line")
                with Vertical(id="agree-controls"):
                    with Horizontal(id="agree-row"):
                        with Vertical(classes="agree-column"):
                            yield Label("", id="agree-current-label", classes="section")
                            yield RungPicker(self.scenario, id="agree-current")
                        with Vertical(classes="agree-column"):
                            yield Label("", id="agree-wished-label", classes="section")
                            yield RungPicker(self.scenario, id="agree-wished")
                    yield Label("", id="agree-note-label", classes="section")
                    yield Input(id="agree-note")
            with Vertical(id="page-empty"):
                yield Static("", id="no-parties")
            with Horizontal(id="placement-buttons"):
                yield Button("", id="reveal", variant="primary", compact=True)
                yield Button("", id="agree", variant="success", compact=True)
                yield Button("", id="revote", variant="warning", compact=True)
                yield Button("", id="close", compact=True)
        yield KeyBar()

    def after_mount(self) -> None:
        for index, choice in enumerate(self.query(RungChoice)):
            # Each higher rung one step further right: the choices read as a staircase.
            choice.styles.margin = (0, 0, 0, 3 * (len(self.scenario.rungs) - 1 - index))
        self._ready = True
        self.refresh_state()
        self._remember(self.activity_id)
        self._focus_page()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.height < 32, "-small")

    def relabel(self) -> None:
        super().relabel()
        t = self.t
        self.scenario = self.service.scenario  # rung names follow the interface language
        for picker in self.query(RungPicker):
            picker.scenario = self.scenario
        self.query_one("#parties-heading", Label).update(t("board.place.parties"))
        localize_bindings(self.query_one("#party-list", PartyList), t)
        self.query_one("#agree-current-label", Label).update(t("board.place.agreed_current"))
        self.query_one("#agree-wished-label", Label).update(t("board.place.agreed_wished"))
        self.query_one("#agree-note-label", Label).update(t("board.place.note"))
        self.query_one("#no-parties", Static).update(t("board.place.no_parties"))
        for button_id in ("reveal", "agree", "revote", "close"):
            self.query_one(f"#{button_id}", Button).label = t(f"board.place.button.{button_id}")
        if self._ready:
            self.refresh_state()

    # ---------------------------------------------------------------- state
    def session_changed(self, session: Session) -> None:
        self.refresh_state(session)  # the news, not the file again (see watcher)

    def refresh_state(self, news: Session | None = None) -> None:
        """Show the activity as the session has it now (or as the watcher's `news` has it)."""
        if self._dismissing or not self._ready:
            return
        shown = self.fapp.attempt(lambda: news or self.service.session)
        if shown is None:
            return
        session = shown.value
        if not session.has_activity(self.activity_id):
            self.notify(self.t("board.place.activity_gone"), severity="warning", timeout=4)
            self.close_screen()
            return
        activity = session.activity(self.activity_id)
        placements = room_placements(session, activity.id)  # no placement before the reveal
        names = {p: session.party_name(p) for p in activity.party_ids}
        t = self.t
        show(self.query_one("#placement-title", Static), literal(activity.title))
        state = t("board.place.state.revealed" if activity.revealed else "board.place.state.hidden")
        show(
            self.query_one("#placement-state", Static),
            Content(f"{t('board.place.round', round=activity.round)} · {state}"),
        )
        if not activity.party_ids:
            page = "page-empty"
        elif activity.revealed:
            page = "page-revealed"
            self.agreement.show(activity, placements, names)
        else:
            page = "page-placing"
            self._show_placing(activity, placements, names)
        for one in PAGES:  # (no ContentSwitcher: a container less to lay out and draw, 2-4 ms a page)
            self.query_one(f"#{one}").display = one == page
        changed_page = page != self._page
        self._page = page
        if changed_page:
            fit_box(self.query_one("#placement-box"), page == "page-revealed")
        self.query_one("#reveal", Button).display = page == "page-placing"
        self.query_one("#agree", Button).display = page == "page-revealed"
        self.query_one("#revote", Button).display = page == "page-revealed"
        self.refresh_bindings()
        if changed_page:
            self._focus_page()

    @property
    def page(self) -> str:
        """The page shown: "page-placing", "page-revealed" or "page-empty" ("" before mount)."""
        return self._page

    def _focus_page(self) -> None:
        target = {
            "page-placing": "#party-list",
            "page-revealed": "#page-revealed",  # the picture in view; a brings the agreement's controls
            "page-empty": "#close",
        }.get(self._page)
        if target:
            self.query_one(target).focus()

    def _show_placing(
        self, activity: Activity, placements: Sequence[Placement], names: dict[str, str]
    ) -> None:
        t = self.t
        placed = {p.party_id for p in placements}
        if self.party_id is not None and self.party_id not in activity.party_ids:
            self.notify(t("board.place.party_gone", party=self._party_name), markup=False, severity="warning")
            self.party_id = None
            self._chosen_current = None
        phones = {p.party_id: p for p in placements if p.from_device}
        if self.party_id in phones and not self._picked and self._chosen_current is None:
            self.party_id = None  # its phone placed meanwhile: on to the next party that has not
        if self.party_id is None:
            self.party_id = next((p for p in activity.party_ids if p not in placed), None)
            self._chosen_current = None
            self._picked = False
        self._party_name = names.get(self.party_id, "") if self.party_id else ""

        party_list = self.query_one("#party-list", PartyList)
        options = []
        for party_id in activity.party_ids:
            pointer = "▶ " if party_id == self.party_id else "  "
            # Not yet placed: plain (a style string Textual cannot parse, as "bright_black" was,
            # is parsed again on every draw and then dropped: ~1 ms per line, nothing shown).
            mark = (
                Content.styled(t("board.place.placed"), BOLD)
                if party_id in placed
                else Content(t("board.place.not_yet"))
            )
            prompt = Content.assemble(pointer, mark, "  ", literal(names[party_id], 60))
            if party_id in phones:  # placed from a phone: by whom, as typed there
                said = from_phone(t, phones[party_id], names[party_id])
                prompt = Content.assemble(prompt, "  ", Content.styled(said, ITALIC))
            options.append(Option(prompt, id=party_id))
        highlighted = party_list.highlighted
        party_list.replace(options)  # a step that changes no line (text or style) redraws none
        if self.party_id is not None:
            party_list.highlighted = activity.party_ids.index(self.party_id)
        elif highlighted is not None and highlighted < len(options):
            party_list.highlighted = highlighted

        question = self.query_one("#step-question", Static)
        help_text = self.query_one("#step-help", Static)
        kept = self.query_one("#step-kept", Static)
        all_placed = self.query_one("#all-placed", Static)
        placing = self.party_id is not None
        for choice in self.query(RungChoice):
            choice.display = placing
        question.display = help_text.display = placing
        kept.display = placing and self._chosen_current is not None
        all_placed.display = not placing
        if placing:
            step = 1 if self._chosen_current is None else 2
            key = "board.place.step.current" if step == 1 else "board.place.step.wished"
            show(question, Content(t(key, party=self._party_name)))
            show(help_text, Content(t("board.place.step.count", step=step, count=len(self.scenario.rungs))))
            show(kept, Content(t("board.place.step.kept")))
        else:
            show(all_placed, Content(t("board.place.all_placed")))

    def current_activity(self) -> Activity | None:
        session = self.service.session
        return session.activity(self.activity_id) if session.has_activity(self.activity_id) else None

    # ---------------------------------------------------------------- actions
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only the actions that fit the round's state are offered (footer and keys)."""
        page = self._page
        if action == "choose":
            return page == "page-placing" and self.party_id is not None
        if action == "step_back":
            return page == "page-placing" and self._chosen_current is not None
        if action == "reveal":
            return page == "page-placing"
        if action in ("agree", "revote"):
            return page == "page-revealed"
        return True

    def palette_commands(self) -> Iterable[SystemCommand]:
        if self._page != "page-placing" or self.party_id is None:
            return
        for rung in self.scenario.rungs:
            number = self.scenario.rung_index(rung.id) + 1
            yield SystemCommand(
                self.t("board.cmd.choose", rung=self.scenario.rung_title(rung.id)),
                self.t("board.cmd.choose.help"),
                lambda number=number: self.action_choose(number),
            )

    def action_participants(self) -> None:
        open_join_panel(self, self.service)

    def on_rung_choice_chosen(self, message: RungChoice.Chosen) -> None:
        message.stop()
        self.action_choose(message.number)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A click or enter on a party: that party places (again) now."""
        if event.option_list.id != "party-list" or event.option.id is None:
            return
        event.stop()
        self.party_id = event.option.id
        self._picked = True
        self._chosen_current = None
        self.refresh_state()

    def action_party(self, step: int) -> None:
        party_list = self.query_one("#party-list", PartyList)
        if self._page != "page-placing" or not party_list.option_count:
            return
        party_list.focus()
        if step > 0:
            party_list.action_cursor_down()
        else:
            party_list.action_cursor_up()

    def action_choose(self, number: int) -> None:
        if self._page != "page-placing" or self.party_id is None:
            return
        if not 1 <= number <= len(self.scenario.rungs):
            return
        rung_id = self.scenario.rungs[number - 1].id
        # Whatever had the focus or the mouse, nothing on screen may point at this rung now.
        self.query_one("#party-list").focus()
        if self._chosen_current is None:
            self._chosen_current = rung_id
            self.refresh_state()
            self.refresh_bindings()
            return
        party_id, name, current = self.party_id, self._party_name, self._chosen_current
        self.party_id = None  # the next party who has not placed yet comes next
        self._picked = False
        self._chosen_current = None
        self._save_placement(party_id, name, current, rung_id)

    @work(exclusive=True, group="placement-confirm")
    async def _save_placement(self, party_id: str, name: str, current: str, wished: str) -> None:
        """Record the facilitator's placement for a party; over one its phone sent, ask first
        (Cancel is the default): the phone's stays in the log either way, and the phone says so."""
        session = self.service.session
        activity_id = self.activity_id
        placements = session.placements_for(activity_id) if session.has_activity(activity_id) else ()
        theirs = next((p for p in placements if p.party_id == party_id and p.from_device), None)
        if theirs is not None:
            who = phone_sender(theirs, name)
            question = (
                self.t("board.place.replace_phone", party=name, who=who)
                if who
                else self.t("board.place.replace_phone.unnamed", party=name)
            )
            if not await self.app.push_screen_wait(ConfirmDialog(question, "board.place.replace")):
                self.refresh_state()
                return
        if self.fapp.attempt(lambda: self.service.place(activity_id, party_id, current, wished)):
            self.notify(self.t("board.place.saved", party=name), markup=False, timeout=2)
        else:
            self.party_id = party_id  # still this party's turn
        self.refresh_state()

    def action_step_back(self) -> None:
        if self._chosen_current is not None:
            self._chosen_current = None
            self.refresh_state()

    @work(exclusive=True, group="placement-confirm")
    async def action_reveal(self) -> None:
        activity = self.current_activity()
        if activity is None or activity.revealed or not activity.party_ids:
            return
        session = self.service.session
        placed = {p.party_id for p in session.placements_for(activity.id)} & set(activity.party_ids)
        if len(placed) < len(activity.party_ids):
            message = self.t("board.place.reveal_partial", done=len(placed), total=len(activity.party_ids))
            if not await self.app.push_screen_wait(ConfirmDialog(message, "board.place.button.reveal")):
                return
        self.fapp.attempt(lambda: self.service.reveal(self.activity_id))

    def action_agree(self) -> None:
        """`a`: bring the agreement's controls into view and focus; once there, record the agreement."""
        if self._page == "page-revealed" and not self._in_controls():
            show_controls(self)
            return
        self.action_record()

    def _in_controls(self) -> bool:
        focused = self.focused
        controls = self.query_one("#agree-controls")
        return focused is not None and (focused is controls or controls in focused.ancestors)

    def action_record(self) -> None:
        """Record what the room agreed (the button, enter in the note, or `a` among the controls)."""
        activity = self.current_activity()
        if activity is None or not activity.revealed:
            return
        current = self.query_one("#agree-current", RungPicker).value
        if current is None:
            self.notify(self.t("board.place.need_current"), severity="warning", timeout=4)
            self.query_one("#agree-current").focus()
            return
        wished = self.query_one("#agree-wished", RungPicker).value
        note = self.query_one("#agree-note", Input).value
        mine = {"current": current, "wished": wished, "note": note}
        self._record(activity, mine)

    @work(exclusive=True, group="placement-record")
    async def _record(self, activity: Activity, mine: dict[str, Any]) -> None:
        await self.agreement.record(activity, mine)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_record()

    @work(exclusive=True, group="placement-confirm")
    async def action_revote(self) -> None:
        activity = self.current_activity()
        if activity is None or not activity.revealed:
            return
        if await self.agreement.revote(activity, self._new_round):
            self.notify(self.t("board.place.revoted", round=activity.round + 1), timeout=3)

    def _new_round(self) -> Event:
        self.party_id = None
        self._chosen_current = None
        return self.service.revote(self.activity_id)

    def action_close(self) -> None:
        """Escape leaves the note first (its text stays); closing with an unsaved note asks."""
        if is_text_field(self.focused):
            self.query_one("#agree-current").focus()
            return
        if not self.has_unsaved_text():
            return self.close_screen()
        self.fapp.confirm_discard(self.close_screen)

    def has_unsaved_text(self) -> bool:
        """A note typed for the agreement and not recorded (closing, or quitting, asks first)."""
        activity, note = self.current_activity(), next(self.query("#agree-note").results(Input), None)
        return bool(note and activity and activity.revealed and note.value != activity.agreed_note)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id:
            action = "record" if event.button.id == "agree" else event.button.id
            self.call_later(self.run_action, action)

    # ---------------------------------------------------------------- helpers
    def _remember(self, activity_id: str | None) -> None:
        """Tell the room which activity is open (session data: phones follow it, reopening returns)."""
        if self.service.session.room.open_activity == activity_id:
            return
        with contextlib.suppress(UserError):  # the placements themselves are safe either way
            self.service.open_placement(activity_id)

    def close_screen(self) -> None:
        if self._dismissing:
            return
        self._dismissing = True
        self._remember(None)
        self.dismiss(None)
