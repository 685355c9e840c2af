"""A one-line choice: shows the chosen option; a click, enter or space opens the list.

The board's party filter. Textual's Select builds six widgets and a drop-down list up
front; this is one line of text, and the list (`ChoiceDialog`) is built when opened.
"""

from __future__ import annotations

from textual import events
from textual.app import RenderResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from facilitator.ui.host import widget_host_of


class ChoiceField(Widget, can_focus=True):
    """`options` are (label, value); the labels are Content (user text kept literal)."""

    DEFAULT_CSS = """
    ChoiceField {
        height: 1;
        background: $surface;
        color: $text;
        padding: 0 1;
    }
    ChoiceField:focus {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    ChoiceField:hover {
        background: $block-hover-background;
    }
    """
    BINDINGS = [Binding("enter,space", "open", show=False)]

    class Changed(Message):
        """The facilitator chose an option (not sent when the value is set by code)."""

        def __init__(self, field: ChoiceField, value: str) -> None:
            super().__init__()
            self.field = field
            self.value = value

        @property
        def control(self) -> ChoiceField:
            return self.field

    def __init__(self, *, title: str = "", id: str | None = None) -> None:
        super().__init__(id=id)
        self.title = title
        self._options: list[tuple[Content, str]] = []
        self._value: str | None = None

    @property
    def options(self) -> list[tuple[Content, str]]:
        return list(self._options)

    @property
    def value(self) -> str | None:
        return self._value

    @value.setter
    def value(self, value: str | None) -> None:
        if value != self._value:
            self._value = value
            self.refresh()

    def set_options(self, options: list[tuple[Content, str]]) -> None:
        self._options = list(options)
        if self._value not in {value for _label, value in self._options}:
            self._value = self._options[0][1] if self._options else None
        self.refresh()

    @property
    def label(self) -> Content:
        return next((label for label, value in self._options if value == self._value), Content(""))

    def render(self) -> RenderResult:
        width = max(self.content_size.width - 2, 1)
        label = self.label
        if label.cell_length > width:
            label = label.truncate(width, ellipsis=True)
        return Content.assemble(label, " " * max(width - label.cell_length, 0), " ▾")

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.focus()
        self.action_open()

    def action_open(self) -> None:
        def chosen(value: str | None) -> None:
            if value is not None and value != self._value:
                self.value = value
                self.post_message(self.Changed(self, value))

        widget_host_of(self.app).ask_choice(self.title, self._options, self._value, chosen)
