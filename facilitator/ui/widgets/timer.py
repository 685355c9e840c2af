"""The phase countdown, large enough to read from the back of the room."""

from __future__ import annotations

import time

from textual import events
from textual.app import ComposeResult, RenderResult
from textual.containers import Horizontal, Vertical
from textual.content import Content, Span
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Digits, Label

from facilitator.core.timer import PhaseTimer, format_clock
from facilitator.ui.text import show
from facilitator.ui.widgets.backdrop import Backdrop
from facilitator.ui.widgets.pointing import PointableText


class TimerPanel(Backdrop, Horizontal):
    """Shows a `PhaseTimer` and offers its controls; the screen owns and saves the state."""

    class Control(Message):
        """A timer button was pressed: `toggle`, `add1`, `add5` or `reset`."""

        def __init__(self, command: str) -> None:
            super().__init__()
            self.command = command

    timer: reactive[PhaseTimer | None] = reactive(None, init=False)

    def __init__(self, timer: PhaseTimer | None = None, *, id: str | None = None) -> None:
        # The clock as it is, from the start: its state classes set before the first styling
        # (set on the first tick, they restyled the panel and its four widgets once more).
        self._face = face_of(timer)
        super().__init__(id=id, classes=" ".join(self._face[2]))
        self.set_reactive(TimerPanel.timer, timer)

    def compose(self) -> ComposeResult:
        clock, status, _classes, running = self._face
        with Vertical(id="timer-face"):
            yield Digits(clock, id="timer-digits")
            yield Label(Content(status), id="timer-state")
        controls = TimerControls(id="timer-buttons", classes="editing")
        controls.set_reactive(TimerControls.running, running)
        yield controls

    def start_ticking(self) -> None:
        """Tick twice a second from now (the workshop starts it after its first frame)."""
        self.set_interval(0.5, self.tick)

    def on_click(self, event: events.Click) -> None:
        """A click on the clock asks for the phase's minutes (as `m` does)."""
        if event.widget is not None and event.widget.id == "timer-digits":
            event.stop()
            self.post_message(TimerPanel.Control("minutes"))

    def watch_timer(self) -> None:
        self.tick()

    def tick(self) -> None:
        timer = self.timer
        if timer is None:
            return
        clock, status, classes, running = face_of(timer)
        digits = self.query_one("#timer-digits", Digits)
        if digits.value != clock:  # ticks twice a second: a paused clock redraws nothing
            digits.update(clock)
        for name in STATE_CLASSES:
            self.set_class(name in classes, name)
        show(self.query_one("#timer-state", Label), Content(status))  # a label update is a layout
        self.query_one(TimerControls).running = running


STATE_CLASSES = ("-normal", "-warning", "-over", "-running")


Face = tuple[str, str, tuple[str, ...], bool]
"""What the panel shows of a timer: the clock, its state in words, the panel's state classes,
and whether it runs."""


def face_of(timer: PhaseTimer | None) -> Face:
    """The panel's face for a timer now (no timer: a clock at zero, no state)."""
    if timer is None:
        return "00:00", "", (), False
    now = time.time()
    state = timer.state(now)
    # Meaning not by colour alone: the state is also spelled out.
    words = {"normal": "", "warning": "⚠", "over": "⏰"}
    status = ("▶ " if timer.running else "|| ") + words[state]
    classes = (f"-{state}", "-running") if timer.running else (f"-{state}",)
    return format_clock(timer.remaining(now)), status, classes, timer.running


class TimerControls(PointableText[int]):
    """The timer's controls, one per line (start/pause, +1, +5, reset); a click posts `Control`.

    Drawn as four lines of text rather than four Buttons: a widget less to build per
    control before the workshop's first frame. Each control is a symbol and has a key.
    """

    COMMANDS = ("toggle", "add1", "add5", "reset")
    DEFAULT_CSS = """
    TimerControls {
        width: 6;
        height: 4;
        color: $text;
        text-style: bold;
    }
    TimerControls > .timer-controls--hover {
        background: $block-hover-background;
        text-style: bold reverse;
    }
    """
    COMPONENT_CLASSES = {"timer-controls--hover"}

    running: reactive[bool] = reactive(False)

    def render(self) -> RenderResult:
        labels = ["||" if self.running else "▶", "+1", "+5", "↺"]
        lines = [f" {label}".ljust(self.size.width or 4) for label in labels]
        hover = self.get_visual_style("timer-controls--hover")
        return Content("\n").join(
            Content(line, spans=[Span(0, len(line), hover)] if index == self.hovered else [])
            for index, line in enumerate(lines)
        )

    def part_at(self, x: int, y: int) -> int | None:
        return y if 0 <= y < len(self.COMMANDS) else None

    def press(self, part: int) -> bool:
        self.post_message(TimerPanel.Control(self.COMMANDS[part]))
        return True
