"""The agenda as a stepper: every phase on one line, the current one marked; click to go.

One widget drawing text, where Textual's Tabs mounts a widget per tab and an animated
underline (a dozen widgets to style and lay out before the first frame). The current
phase is marked by shape and weight as well as colour: reversed, bold, and a "━" rule
under it. When the line is too narrow, the steps around the current one are shown and
"‹"/"›" say that more are off to the side.
"""

from __future__ import annotations

from textual.app import RenderResult
from textual.content import Content, Span
from textual.message import Message

from facilitator.core.record import record
from facilitator.ui.widgets.pointing import PointableText

GAP = 2  # cells between steps


@record
class Step:
    """One phase as the stepper shows it (`label` is plain text, never markup)."""

    phase_id: str
    label: str


def visible_window(widths: list[int], current: int, width: int) -> tuple[int, int]:
    """The steps [first, end) to show in `width` cells: as many as fit, the current included.

    Room is left for the "‹ " and " ›" markers when steps are hidden on that side.
    """
    if not widths:
        return 0, 0
    current = min(max(current, 0), len(widths) - 1)
    first, end = current, current + 1
    used = widths[current]

    def cost(first: int, end: int, used: int) -> int:
        return used + GAP * (end - first - 1) + (2 if first > 0 else 0) + (2 if end < len(widths) else 0)

    grown = True
    while grown:
        grown = False
        if end < len(widths) and cost(first, end + 1, used + widths[end]) <= width:
            used += widths[end]
            end += 1
            grown = True
        if first > 0 and cost(first - 1, end, used + widths[first - 1]) <= width:
            first -= 1
            used += widths[first]
            grown = True
    return first, end


class PhaseStepper(PointableText[int]):
    """The phases in agenda order; `current` is marked; a click posts `Chosen`."""

    DEFAULT_CSS = """
    PhaseStepper {
        height: 2;
        padding: 0 1;
        color: $text-muted;
    }
    PhaseStepper > .stepper--current {
        color: $text;
        background: $primary 40%;
        text-style: bold;
    }
    PhaseStepper > .stepper--rule {
        color: $primary;
    }
    PhaseStepper > .stepper--hover {
        color: $text;
        text-style: underline;
    }
    """
    COMPONENT_CLASSES = {"stepper--current", "stepper--rule", "stepper--hover"}

    class Chosen(Message):
        """The facilitator clicked a phase."""

        def __init__(self, phase_id: str) -> None:
            super().__init__()
            self.phase_id = phase_id

    def __init__(self, steps: list[Step], current: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._steps = list(steps)
        self._current = current
        self._hits: list[tuple[int, int, int]] = []  # start, end (cells), step index

    @property
    def current(self) -> str:
        return self._current

    @property
    def steps(self) -> list[Step]:
        return list(self._steps)

    def show(self, steps: list[Step] | None = None, current: str | None = None) -> None:
        """New labels (a language change) and/or a new current phase; a repaint, no layout."""
        changed = False
        if steps is not None and steps != self._steps:
            self._steps, changed = list(steps), True
        if current is not None and current != self._current:
            self._current, changed = current, True
        if changed:
            self.refresh()

    def render(self) -> RenderResult:
        current_style = self.get_visual_style("stepper--current")
        rule_style = self.get_visual_style("stepper--rule")
        hover_style = self.get_visual_style("stepper--hover")
        labels = [f" {step.label} " for step in self._steps]
        widths = [Content(label).cell_length for label in labels]
        index = next((i for i, s in enumerate(self._steps) if s.phase_id == self._current), 0)
        first, end = visible_window(widths, index, self.content_size.width)
        text, rule = "", ""
        spans: list[Span] = []
        self._hits = []
        if first > 0:
            text += "‹ "
        for position in range(first, end):
            if position > first:
                text += " " * GAP
            x = Content(text).cell_length
            label = labels[position]
            if position == index:
                spans.append(Span(len(text), len(text) + len(label), current_style))
            elif position == self.hovered:
                spans.append(Span(len(text), len(text) + len(label), hover_style))
            self._hits.append((x, x + widths[position], position))
            text += label
            rule += " " * (x - len(rule)) + ("━" if position == index else "─") * widths[position]
        if end < len(self._steps):
            text += " ›"
        rule_content = Content(rule, spans=[Span(0, len(rule), rule_style)])
        return Content("\n").join([Content(text, spans=spans), rule_content])

    def step_x(self, phase_id: str) -> int | None:
        """Where (widget cells) a phase's step is drawn, if it is on screen: for tests and tools."""
        self.render()
        index = next((i for i, s in enumerate(self._steps) if s.phase_id == phase_id), None)
        hit = next((start for start, _end, i in self._hits if i == index), None)
        return None if hit is None else hit + self.styles.padding.left + 1

    # ---------------------------------------------------------------- mouse
    def part_at(self, x: int, y: int) -> int | None:
        offset = x - self.styles.padding.left
        return next((i for start, end, i in self._hits if start <= offset < end), None)

    def press(self, part: int) -> bool:
        self.post_message(self.Chosen(self._steps[part].phase_id))
        return True
