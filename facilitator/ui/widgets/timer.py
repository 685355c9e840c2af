"""The phase countdown, large enough to read from the back of the room."""

from __future__ import annotations

import time

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Button, Digits, Label

from facilitator.core.timer import PhaseTimer, format_clock


class TimerPanel(Horizontal):
    """Shows a `PhaseTimer` and offers its controls; the screen owns and saves the state."""

    class Control(Message):
        """A timer button was pressed: `toggle`, `add1`, `add5` or `reset`."""

        def __init__(self, command: str) -> None:
            super().__init__()
            self.command = command

    timer: reactive[PhaseTimer | None] = reactive(None, init=False)

    def compose(self) -> ComposeResult:
        with Vertical(id="timer-face"):
            yield Digits("00:00", id="timer-digits")
            yield Label("", id="timer-state")
        with Vertical(id="timer-buttons", classes="editing"):
            yield Button("▶", id="toggle", compact=True)
            yield Button("+1", id="add1", compact=True)
            yield Button("+5", id="add5", compact=True)
            yield Button("↺", id="reset", compact=True)

    def on_mount(self) -> None:
        self.set_interval(0.5, self.tick)

    def watch_timer(self) -> None:
        self.tick()

    def tick(self) -> None:
        timer = self.timer
        if timer is None:
            return
        now = time.time()
        remaining = timer.remaining(now)
        self.query_one("#timer-digits", Digits).update(format_clock(remaining))
        state = timer.state(now)
        for name in ("normal", "warning", "over"):
            self.set_class(state == name, f"-{name}")
        self.set_class(timer.running, "-running")
        # Meaning not by colour alone: the state is also spelled out.
        words = {"normal": "", "warning": "⚠", "over": "⏰"}
        status = ("▶ " if timer.running else "|| ") + words[state]
        self.query_one("#timer-state", Label).update(Content(status))
        self.query_one("#toggle", Button).label = "||" if timer.running else "▶"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id:
            self.post_message(self.Control(event.button.id))
