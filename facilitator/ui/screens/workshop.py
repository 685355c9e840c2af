"""The workshop: the agenda as a stepper, the phase timer, and one view per phase.

Moving between phases never loses anything: every change is already in the session
file, and where the facilitator was (phase, selection, timers) is saved as view state,
so quitting or a crash and reopening returns to the same place.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from textual import events, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Label

from facilitator.core.errors import UserError
from facilitator.core.model import Session
from facilitator.core.party import party_view
from facilitator.core.scenario import Phase
from facilitator.core.service import SessionService
from facilitator.core.text import one_line
from facilitator.core.timer import PhaseTimer
from facilitator.ui.base import BaseScreen, is_text_field, unsaved_text
from facilitator.ui.dialogs.closing import close_or_reopen, titled
from facilitator.ui.messages import ActivitySelected, GoToPhase, OpenPlacement
from facilitator.ui.one_pass import OnePassScreen
from facilitator.ui.screens.phones import open_join_panel
from facilitator.ui.text import same
from facilitator.ui.views.base import PhaseView
from facilitator.ui.widgets.backdrop import Backdrop, BackdropSwitcher
from facilitator.ui.widgets.keybar import KeyBar
from facilitator.ui.widgets.mismatch_badge import MismatchBadge
from facilitator.ui.widgets.stepper import PhaseStepper, Step
from facilitator.ui.widgets.timer import TimerPanel

SETUP = "setup"
SAVE_SELECTION_SECONDS = 0.3
"""The selection is saved (a file write) once the cursor rests this long, not on every arrow key."""


VIEW_MODULES = {
    SETUP: ("setup", "SetupView"),
    "followup": ("followup", "FollowUpView"),
    "intro": ("intro", "IntroView"),
    "collect": ("collect", "CollectView"),
    "place": ("board", "BoardView"),
    "agree": ("agree", "AgreeView"),
    "summary": ("summary", "SummaryView"),
}
"""Each kind of phase's view: (module under `facilitator.ui.views`, class)."""


def view_styles(kind: str) -> Path:
    """The stylesheet of a kind of phase's view (and of the dialogs it opens)."""
    return Path(__file__).resolve().parent.parent / "views" / f"{VIEW_MODULES[kind][0]}.tcss"


def view_class(kind: str) -> type[PhaseView]:
    """The view of a kind of phase, imported on first use: start-up imports only the one shown."""
    module_name, class_name = VIEW_MODULES[kind]
    module = importlib.import_module(f"facilitator.ui.views.{module_name}")
    view: type[PhaseView] = getattr(module, class_name)
    return view


class WorkshopScreen(Backdrop, OnePassScreen[Any], BaseScreen):
    """One session, live."""

    FOLLOWS_SESSION = True

    selected_activity: reactive[str | None] = reactive(None, init=False)
    """The activity selected in any view: held here, passed down to every view, saved per device."""

    BINDINGS = [
        Binding("escape", "home", "key.home"),
        Binding("f2", "overview", "key.overview"),
        # Priority: it works from a text field too (where Input would take ctrl+e as "end").
        Binding("ctrl+e", "export", "exchange.key.export", priority=True),
        Binding("left_square_bracket", "previous_phase", "key.phase.previous"),
        Binding("right_square_bracket", "next_phase", "key.phase.next"),
        # Not a letter: a name typed where no field has the focus must not start the clock.
        Binding("ctrl+t", "timer('toggle')", "key.timer.toggle", priority=True),
        Binding("plus", "timer('add1')", "key.timer.add1"),
        Binding("asterisk", "timer('add5')", "key.timer.add5"),
        Binding("T", "timer('reset')", "key.timer.reset", show=False),
        Binding("m", "timer('minutes')", "key.timer.minutes", show=False),
        Binding("j", "participants", "key.join"),
        Binding("ctrl+w", "close_workshop", "closing.key.close"),
        Binding("ctrl+w", "reopen_workshop", "closing.key.reopen"),
    ]

    def __init__(self, service: SessionService) -> None:
        super().__init__()
        self.service = service
        self.agenda: tuple[Phase, ...] = service.scenario.agenda
        # The room's phase is session data: reopening (or another device) finds the room where it is.
        self.phase_id: str = self.room_phase_id(service.session.room.phase)
        self._labelled = False
        self._clicked_view: PhaseView | None = None  # built after a click on its phase (on_descendant_focus)
        saved = service.view_state.get("selected_activity")
        self.set_reactive(WorkshopScreen.selected_activity, saved if isinstance(saved, str) else None)
        self._selection_save: Timer | None = None
        self._unseen: Session | None = None  # news that came while a full screen covered this one
        # The first view's stylesheet comes with the screen; the others' when first shown.
        kind = self.phase_kind(self.phase_id)
        self.css_path = [*self.css_path, view_styles(kind)]
        first_focus = view_class(kind).FIRST_FOCUS
        if first_focus is not None:  # focused as composed: the first frame need not be redrawn
            # Per screen (it depends on the phase shown); Textual declares it a class variable.
            setattr(self, "AUTO_FOCUS", f"#view-{kind} {first_focus}")  # noqa: B010

    # ---------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        with Horizontal(id="workshop-header"):
            with Vertical(id="workshop-title-box"):
                with Horizontal(id="workshop-title-row"):
                    yield Label("", id="workshop-title")
                    yield MismatchBadge(self.service, id="workshop-mismatches")
                yield PhaseStepper(self.steps(), self.phase_id, id="phases")
            yield TimerPanel(self.current_timer(), id="timer")
        # Only the current phase's view is built now; the others when first visited.
        kind = self.phase_kind(self.phase_id)
        with BackdropSwitcher(id="phase-views", initial=f"view-{kind}"):
            view = self._new_view(kind)
            view.focused_as_composed = view.FIRST_FOCUS is not None  # (the screen's AUTO_FOCUS)
            yield view
        yield KeyBar()

    def after_mount(self) -> None:
        self._show_phase(self.phase_id, record=False, fresh=True)
        # After the first frame: reading the room file (and its lock's module) took 10-30 ms.
        self.fapp.after_first_frame(self.resume_participants)
        self.fapp.after_first_frame(self.query_one("#timer", TimerPanel).start_ticking)  # shown as made

    @work(group="join-server")
    async def resume_participants(self) -> None:
        """A session that was being served when the app closed is served again, as it was."""
        from facilitator.web.room_file import was_served

        if not was_served(self.service.path):
            return
        from facilitator.ui.screens.join_panel import resume_serving

        server, reason = await resume_serving(self.fapp, self.service)
        if server is not None and server.binding is not None:
            self.notify(self.t("join.resumed", url=server.binding.url, code=server.desk.code), timeout=6)
        elif reason:  # another server serves it (`facilitator serve`, another app): left alone
            self.notify(reason, severity="warning", timeout=10, markup=False)

    def relabel(self) -> None:
        super().relabel()
        self.agenda = self.service.scenario.agenda  # phase names follow the language too
        session = self.service.session
        self.query_one("#workshop-title", Label).update(titled(session, self.t))
        self.query_one(MismatchBadge).relabel()
        self.query_one(PhaseStepper).show(steps=self.steps())
        if self._labelled:  # views label themselves when mounted; again on a language change
            for view in self.query(PhaseView):
                view.relabel()
        self._labelled = True

    # ---------------------------------------------------------------- phases
    def steps(self) -> list[Step]:
        """The stepper's phases: setup, then the agenda numbered (the scenario's text, literal)."""
        steps = [Step(SETUP, self.t("phase.setup"))]
        steps += [Step(p.id, one_line(f"{n} {p.name}")) for n, p in enumerate(self.agenda, start=1)]
        return steps

    def phase_label(self, kind: str) -> str:
        """A phase's name by its view's kind, as the stepper shows it (the scenario's text)."""
        if kind == SETUP:
            return self.t("phase.setup")
        return next((one_line(p.name) for p in self.agenda if p.kind == kind), "")

    def room_phase_id(self, room_phase: str) -> str:
        """The stepper's phase for the room's ("" is setting up, before the agenda)."""
        return room_phase if room_phase in {p.id for p in self.agenda} else SETUP

    def phase_kind(self, phase_id: str) -> str:
        if phase_id == SETUP:
            return SETUP
        return next((p.kind for p in self.agenda if p.id == phase_id), SETUP)

    def phase_ids(self) -> list[str]:
        return [SETUP, *(p.id for p in self.agenda)]

    def _new_view(self, kind: str) -> PhaseView:
        view = view_class(kind)(self.service)
        view.selection = self.selected_activity
        return view

    def view_for(self, kind: str) -> PhaseView:
        """The view of a kind of phase, built and mounted on first use."""
        found = self.query(f"#view-{kind}")
        if found:
            return found.first(PhaseView)
        view = self._new_view(kind)
        self.fapp.load_styles(view_styles(kind))
        self.query_one("#phase-views", ContentSwitcher).mount(view)
        return view

    def _show_phase(self, phase_id: str, record: bool = True, fresh: bool = False) -> None:
        """Show a phase's view; `fresh`: it was just composed and has shown the session itself."""
        self.phase_id = phase_id
        kind = self.phase_kind(phase_id)
        view = self.view_for(kind)
        switcher = self.query_one("#phase-views", ContentSwitcher)
        switcher.current = f"view-{kind}"
        self.query_one(PhaseStepper).show(current=phase_id)
        if fresh:
            view.focus_first()
        elif view.is_mounted:
            view.show_newest(self.service.room_view)
            view.focus_first()
        else:  # it shows the session and takes focus once mounted
            view.call_after_refresh(view.focus_first)
        self.query_one("#timer", TimerPanel).timer = self.current_timer()
        self.query_one("#timer", TimerPanel).display = phase_id != SETUP
        if record and not self.service.session.info.closed_at:  # a closed workshop: looking writes nothing
            room_phase = "" if phase_id == SETUP else phase_id
            if room_phase != self.service.session.room.phase:
                self.fapp.attempt(lambda: self.service.set_phase(room_phase))

    def on_phase_stepper_chosen(self, message: PhaseStepper.Chosen) -> None:
        """A click on a phase: its view, with the focus out of any text field (so keys act)."""
        kind = self.phase_kind(message.phase_id)
        built = bool(self.query(f"#view-{kind}"))
        if message.phase_id != self.phase_id:
            self._show_phase(message.phase_id)
        view = self.view_for(kind)
        if built:  # it has taken the focus by the next refresh
            self.call_after_refresh(self._out_of_text_field, view)
        else:  # built now: it takes the focus once mounted
            self._clicked_view = view
            # ... and again in `focus_first`, after its first focus: whichever lands last, the
            # focus ends out of a text field (under load the two came in either order).
            view.call_after_refresh(lambda: self.app.call_later(self._out_of_text_field, view))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The first focus a newly built view takes after a click on its phase."""
        view = self._clicked_view
        if view is not None and view in event.widget.ancestors:
            self._clicked_view = None
            self.call_later(self._out_of_text_field, view)

    def _out_of_text_field(self, view: PhaseView) -> None:
        if not is_text_field(self.focused):
            return
        target = next((w for w in self.focus_chain if view in w.ancestors and not is_text_field(w)), None)
        self.set_focus(target)

    def action_next_phase(self) -> None:
        ids = self.phase_ids()
        index = ids.index(self.phase_id)
        if index + 1 < len(ids):
            self._show_phase(ids[index + 1])

    def action_previous_phase(self) -> None:
        ids = self.phase_ids()
        index = ids.index(self.phase_id)
        if index > 0:
            self._show_phase(ids[index - 1])

    def on_go_to_phase(self, message: GoToPhase) -> None:
        message.stop()
        self.call_later(self.action_go_phase, message.phase_id)

    def on_open_placement(self, message: OpenPlacement) -> None:
        message.stop()
        from facilitator.ui.screens.placement import PlacementScreen  # not needed to draw the board

        if not isinstance(self.app.screen, PlacementScreen):
            self.app.push_screen(
                PlacementScreen(self.service, message.activity_id), lambda _: message.closed()
            )

    def action_go_phase(self, phase_id: str) -> None:
        if phase_id in self.phase_ids():
            self._show_phase(phase_id)

    def action_home(self) -> None:
        """Escape leaves a text field first (so [ ] t + * work again), then goes home, asking
        first when that would throw away text typed and not stored (as ctrl+q does)."""
        if is_text_field(self.focused):
            # Back to the view's list, so its own keys work too; never into another field.
            field = self.focused
            found = self.query(f"#view-{self.phase_kind(self.phase_id)}")
            if found:
                found.first(PhaseView).focus_after_field()

            def not_a_field() -> None:  # focusing is deferred: check where it landed
                if self.focused is field or is_text_field(self.focused):
                    self.set_focus(None)

            self.call_after_refresh(not_a_field)
            return
        # Home closes this screen unless it is the first one (kept underneath, text and all).
        if self.app.screen_stack[0] is not self and unsaved_text(self):
            self.fapp.confirm_discard(self.fapp.go_home)
        else:
            self.fapp.go_home()

    # ---------------------------------------------------------------- overview (F2)
    def action_overview(self) -> None:
        from facilitator.ui.screens.overview import OverviewScreen
        from facilitator.ui.screens.overview_rows import Jump

        def closed(jump: Jump | None) -> None:
            if jump is not None:
                self.jump_to(jump.phase_kind, jump.activity_id, jump.target)

        self.app.push_screen(OverviewScreen(self.service), closed)

    def action_export(self) -> None:
        """Export this session: report, tables, drawings or the whole session (ctrl+e)."""
        from facilitator.ui.dialogs.export import ExportDialog

        self.app.push_screen(ExportDialog(self.service))

    @work(exclusive=True, group="workshop-close")
    async def action_close_workshop(self) -> None:
        """The workshop ended (ctrl+w, asks first); the same key reopens it."""
        if await close_or_reopen(self.app, self.service):
            self.refresh_bindings()

    def action_reopen_workshop(self) -> None:
        self.action_close_workshop()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ctrl+w closes an open workshop and reopens a closed one, and says which."""
        if action in ("close_workshop", "reopen_workshop"):
            closed = bool(self.service.session.info.closed_at)
            return closed == (action == "reopen_workshop")
        return True

    def action_participants(self) -> None:
        open_join_panel(self, self.service)

    def jump_to(self, phase_kind: str, activity_id: str | None, target: str = "") -> None:
        """Show the agenda's first phase of a kind with an activity selected (where to fix it).

        A view with `show_target(activity_id, target)` also puts its cursor on the item
        `target` names (a party, an expectation, a field).
        """
        phase_id = next((p.id for p in self.agenda if p.kind == phase_kind), None)
        if phase_id is None:
            self.notify(self.t("overview.no_phase"), timeout=4)
            return
        if activity_id is not None:  # the view picks it up on show
            self.selected_activity = activity_id
            self._save_selection()
        self._show_phase(phase_id)
        view = self.view_for(phase_kind)
        if activity_id is not None:
            view.call_after_refresh(view.show_target, activity_id, target)  # once it is built

    def on_mismatch_badge_pressed(self, message: MismatchBadge.Pressed) -> None:
        message.stop()
        self.action_overview()

    def palette_commands(self) -> Iterable[SystemCommand]:
        t = self.t
        for step in self.steps():  # named as the stepper names them
            yield SystemCommand(
                t("cmd.go_phase", name=step.label),
                t("cmd.go_phase.help"),
                lambda phase_id=step.phase_id: self.action_go_phase(phase_id),
            )

    # ---------------------------------------------------------------- timer
    def current_timer(self, session: Session | None = None) -> PhaseTimer | None:
        """The shown phase's countdown, as the room has it (session data, shared by every device)."""
        phase = next((p for p in self.agenda if p.id == self.phase_id), None)
        if phase is None:
            return None
        return (session or self.service.session).room.timer(phase.id, phase.minutes)

    def action_timer(self, command: str) -> None:
        timer = self.current_timer()
        if timer is None:
            return
        if command in ("reset", "minutes"):  # these ask first
            self._timer_dialog(command, timer)
            return
        now = time.time()
        phase = next(p for p in self.agenda if p.id == self.phase_id)
        recorded = {"toggle": "pause" if timer.running else "start", "add1": "add", "add5": "add"}
        if command == "toggle":
            timer = timer.toggle(now)
        elif command == "add1":
            timer = timer.add_minutes(1)
        elif command == "add5":
            timer = timer.add_minutes(5)
        elif command == "reset":
            timer = timer.reset(phase.minutes)
        self._set_timer(timer, recorded.get(command, command))

    @work(exclusive=True, group="timer-dialog")
    async def _timer_dialog(self, command: str, timer: PhaseTimer) -> None:
        """Reset asks first; the phase's minutes are typed (1–600)."""
        from facilitator.ui.dialogs.common import ConfirmDialog, TextPromptDialog

        phase = next(p for p in self.agenda if p.id == timer.phase_id)
        if command == "reset":
            reset = timer.reset(phase.minutes)
            message = self.t(
                "timer.reset.confirm", phase=one_line(phase.name), count=round(reset.duration / 60)
            )
            if await self.app.push_screen_wait(ConfirmDialog(message, "timer.reset.button")):
                self._set_timer(reset, "reset")
            return
        planned = round((timer.planned or 60.0 * phase.minutes) / 60)

        def plan(typed: str) -> None:  # a refusal stays in the dialog, with what was typed
            minutes = int(typed.strip()) if typed.strip().isdecimal() else 0
            if not 1 <= minutes <= 600:
                raise UserError.worded("timer.minutes.bad")
            planned_timer = timer.plan(minutes)
            self.service.set_timer(planned_timer, "plan")
            self.query_one("#timer", TimerPanel).timer = planned_timer

        await self.app.push_screen_wait(
            TextPromptDialog(
                "timer.minutes.title", "timer.minutes.label", str(planned), kind=None, attempt=plan
            )
        )

    def _set_timer(self, timer: PhaseTimer, command: str) -> None:
        if self.fapp.attempt(lambda: self.service.set_timer(timer, command)):
            self.query_one("#timer", TimerPanel).timer = timer

    def on_timer_panel_control(self, message: TimerPanel.Control) -> None:
        self.action_timer(message.command)

    # ---------------------------------------------------------------- session changes
    def _save_view(self, **values: Any) -> None:
        """Remember this device's positions (beside the session file, never in it)."""
        self.service.set_view_state(**values)

    def on_activity_selected(self, message: ActivitySelected) -> None:
        """A view's selection: every view follows it, and reopening returns to it."""
        message.stop()
        self.selected_activity = message.activity_id
        if message.chosen:
            self._save_selection()
        else:
            if self._selection_save is not None:
                self._selection_save.stop()
            self._selection_save = self.set_timer(SAVE_SELECTION_SECONDS, self._save_selection)

    def watch_selected_activity(self, activity_id: str | None) -> None:
        for view in self.query(PhaseView):
            view.selection = activity_id

    def _save_selection(self) -> None:
        """The one writer of the selection to this device's state (see `SAVE_SELECTION_SECONDS`)."""
        if self._selection_save is not None:
            self._selection_save.stop()
            self._selection_save = None
        if self.service.view_state.get("selected_activity") != self.selected_activity:
            self._save_view(selected_activity=self.selected_activity)

    def on_unmount(self) -> None:
        if self._selection_save is not None:  # a selection not saved yet is kept for reopening
            self._save_selection()

    def session_changed(self, session: Session) -> None:
        """The watcher's news: follow the room, show the newest state.

        Under a full screen (the placement's) nobody sees the board: the newest news waits
        until the board shows again (at 500 activities 3-6 ms of every placement step and
        reveal, and a redraw of the screen on top). Under a dialog the board shows: at once."""
        if self._covered():
            self._unseen = session
            return
        self._unseen = None
        room_phase = self.room_phase_id(session.room.phase)
        if room_phase != self.phase_id:  # another device moved the room on
            self._show_phase(room_phase, record=False)
        self.query_one("#timer", TimerPanel).timer = self.current_timer(session)
        self._refresh_views(session)

    def _covered(self) -> bool:
        stack = self.app.screen_stack
        above = stack[stack.index(self) + 1 :] if self in stack else []
        return any(not isinstance(screen, ModalScreen) for screen in above)

    def _stack_changed(self, _top: object = None) -> None:
        """Uncovered: the news that waited, now (before a closing screen's result is handled)."""
        super()._stack_changed(_top)
        if self._unseen is not None and not self._covered():
            unseen, self._unseen = self._unseen, None
            self.session_changed(unseen)

    def _refresh_views(self, session: Session) -> None:
        title = self.query_one("#workshop-title", Label)
        shown = titled(session, self.t)
        if not same(title.content, shown):  # an update is a full layout: only on change (style too)
            title.update(shown)
            self.refresh_bindings()  # closed or reopened (here or elsewhere): ctrl+w says which
        self.query_one(MismatchBadge).count_later()
        view = self.query(f"#view-{self.phase_kind(self.phase_id)}")
        if view and view.first(PhaseView).is_mounted:
            view.first(PhaseView).show_newest(party_view(session, None))  # the news, not a re-read
