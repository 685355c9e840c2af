"""Choosing a rung: the rungs to click while placing, and the picker of the agreed rung."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from facilitator.core.scenario import Scenario
from facilitator.ui.text import literal
from facilitator.ui.widgets.choice_list import ChoiceList


class RungChoice(Static):
    """One rung to click while placing: no hover or pressed look, so no choice shows."""

    class Chosen(Message):
        """The rung numbered `number` (1 = the lowest) was clicked."""

        def __init__(self, number: int) -> None:
            super().__init__()
            self.number = number

    def __init__(self, number: int, title: str) -> None:
        super().__init__(literal(title), id=f"choice-{number}", classes="rung-choice")
        self.number = number

    def on_click(self) -> None:
        self.post_message(self.Chosen(self.number))


class RungPicker(ChoiceList):
    """Choose one rung (or none) for the agreement: ● marks the chosen one, not colour.

    Enter, space, a click or the rung's number (1 = the lowest) chooses it.
    """

    BINDINGS = [Binding(str(n), f"pick({n})", show=False) for n in range(1, 10)]

    class Picked(Message):
        def __init__(self, picker: RungPicker) -> None:
            super().__init__()
            self.picker = picker

    def __init__(self, scenario: Scenario, *, id: str) -> None:
        super().__init__(id=id, classes="rung-picker")
        self.scenario = scenario
        self.value: str | None = None
        self._lines_for: Size | None = None

    def on_resize(self, event: events.Resize) -> None:
        """Textual's list forgets its lines at every resize, and is told of one each time it is
        shown again (each reveal): drawn again after the screen was drawn, the same. Its lines
        are kept while its size is the one they were made for."""
        if event.size == self._lines_for:
            event.prevent_default()  # (not `OptionList._on_resize`, next in line)
        self._lines_for = event.size

    def on_mount(self) -> None:
        self.add_options([Option(self._prompt(r), id=r) for r in self.scenario.rung_ids()])

    def _prompt(self, rung_id: str) -> Content:
        mark = "●" if rung_id == self.value else "○"
        return Content.assemble(mark, " ", literal(self.scenario.rung_title(rung_id)))

    def set_value(self, rung_id: str | None) -> None:
        self.value = rung_id
        for option_id in self.scenario.rung_ids():
            self.replace_option_prompt(option_id, self._prompt(option_id))
        if rung_id is not None:
            self.highlighted = self.scenario.rung_index(rung_id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.set_value(event.option.id)
        self.post_message(self.Picked(self))

    def action_pick(self, number: int) -> None:
        rung_ids = self.scenario.rung_ids()
        if 1 <= number <= len(rung_ids):
            self.set_value(rung_ids[number - 1])
            self.post_message(self.Picked(self))
