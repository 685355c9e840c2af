"""A row of buttons drawn as one line of text: each a label on its own background.

The board's "▲ Rung up", "▼ Rung down" and "Place & reveal…": a Button each would bring
Textual's Button stylesheet (57 rules, parsed and matched at start-up) and a widget per
button. Each action also has a key; these are its mouse path.
"""

from __future__ import annotations

from textual.app import RenderResult
from textual.content import Content, Span
from textual.message import Message

from facilitator.core.record import record
from facilitator.ui.widgets.pointing import PointableText


@record
class BarAction:
    """One button: what it says (plain text) and the name it is pressed by."""

    name: str
    label: str
    primary: bool = False


class ActionBar(PointableText[int]):
    """Buttons in a row; a click posts `Pressed` with the action's name."""

    DEFAULT_CSS = """
    ActionBar {
        height: 1;
        width: auto;
    }
    ActionBar > .actionbar--button {
        background: $surface-lighten-1;
        color: $text;
        text-style: bold;
    }
    ActionBar > .actionbar--primary {
        background: $primary;
        color: $text;
        text-style: bold;
    }
    ActionBar > .actionbar--hover {
        background: $block-hover-background;
        text-style: bold reverse;
    }
    """
    COMPONENT_CLASSES = {"actionbar--button", "actionbar--primary", "actionbar--hover"}
    GAP = 1

    class Pressed(Message):
        def __init__(self, bar: ActionBar, name: str) -> None:
            super().__init__()
            self.bar = bar
            self.name = name

        @property
        def control(self) -> ActionBar:
            return self.bar

    def __init__(
        self, actions: list[BarAction], *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._actions = list(actions)

    @property
    def actions(self) -> list[BarAction]:
        return list(self._actions)

    def set_labels(self, labels: dict[str, str]) -> None:
        """New labels (a language change); the width follows."""
        actions = [BarAction(a.name, labels.get(a.name, a.label), a.primary) for a in self._actions]
        if actions != self._actions:
            self._actions = actions
            self.refresh(layout=True)

    def _pieces(self) -> list[tuple[int, int]]:
        """Each button's [start, end) in cells."""
        out, x = [], 0
        for action in self._actions:
            width = Content(f" {action.label} ").cell_length
            out.append((x, x + width))
            x += width + self.GAP
        return out

    def get_content_width(self, container: object, viewport: object) -> int:
        pieces = self._pieces()
        return pieces[-1][1] if pieces else 0

    def offset_of(self, name: str) -> int | None:
        """Where (cells) an action's button starts: for tests and tools."""
        index = next((i for i, a in enumerate(self._actions) if a.name == name), None)
        return None if index is None else self._pieces()[index][0] + 1

    def render(self) -> RenderResult:
        styles = {
            False: self.get_visual_style("actionbar--button"),
            True: self.get_visual_style("actionbar--primary"),
        }
        hover = self.get_visual_style("actionbar--hover")
        text, spans = "", []
        for index, action in enumerate(self._actions):
            if index:
                text += " " * self.GAP
            piece = f" {action.label} "
            style = hover if index == self.hovered else styles[action.primary]
            spans.append(Span(len(text), len(text) + len(piece), style))
            text += piece
        return Content(text, spans=spans)

    def part_at(self, x: int, y: int) -> int | None:
        return next((i for i, (start, end) in enumerate(self._pieces()) if start <= x < end), None)

    def press(self, part: int) -> bool:
        self.post_message(self.Pressed(self, self._actions[part].name))
        return True
