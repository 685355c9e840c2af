"""Widgets drawn as text whose parts answer the mouse: the key bar, the stepper, the timer.

Each draws its parts itself and says which part is at a position; this base keeps the
hovered part (so it can be drawn highlighted) and turns a click into `press(part)`.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Generic, TypeVar

from textual import events
from textual.widget import Widget

PartT = TypeVar("PartT", bound=Hashable)


class PointableText(Widget, Generic[PartT]):
    """Subclasses implement `part_at` and `press`, and read `hovered` when drawing."""

    hovered: PartT | None = None

    def part_at(self, x: int, y: int) -> PartT | None:
        """The part drawn at widget cell (x, y), or None."""
        raise NotImplementedError

    def press(self, part: PartT) -> bool:
        """Act on a clicked part; True if it did something."""
        raise NotImplementedError

    def on_mouse_move(self, event: events.MouseMove) -> None:
        hovered = self.part_at(event.x, event.y)
        if hovered != self.hovered:
            self.hovered = hovered
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self.hovered is not None:
            self.hovered = None
            self.refresh()

    def on_click(self, event: events.Click) -> None:
        part = self.part_at(event.x, event.y)
        if part is not None and self.press(part):
            event.stop()
