"""What the terminal shows: every update the app sent, applied in order to a grid of cells.

A snapshot is drawn afresh from the widgets, so it cannot see a region the app changed and
never sent to the terminal; this can. `differences()` compares the terminal's picture with
the screen drawn whole from its widgets now.
"""

from __future__ import annotations

from typing import Any

import pytest
from rich.cells import cell_len
from rich.style import Style
from textual._compositor import ChopsUpdate, LayoutUpdate
from textual.app import App
from textual.strip import Strip

Cell = tuple[str, str]


class TerminalMirror:
    def __init__(self, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]) -> None:
        self.width, self.height = size
        self.cells: list[list[Cell]] = [[(" ", "")] * self.width for _ in range(self.height)]
        self.updates = 0
        display = App._display

        def shown(app: App[Any], screen: Any, renderable: Any) -> None:
            self.apply(renderable)
            display(app, screen, renderable)

        monkeypatch.setattr(App, "_display", shown)

    def resize(self, size: tuple[int, int]) -> None:
        """The terminal resized: what it showed is gone until the app draws again."""
        self.width, self.height = size
        self.cells = [[(" ", "")] * self.width for _ in range(self.height)]

    def apply(self, update: object) -> None:
        if isinstance(update, LayoutUpdate):
            self.updates += 1
            for y, line in enumerate(update.strips, update.region.y):
                x = update.region.x
                for strip in line:
                    self._put(x, y, strip)
                    x += strip.cell_length
        elif isinstance(update, ChopsUpdate):  # as ChopsUpdate.render_segments writes it
            self.updates += 1
            for y, x1, x2 in update.spans:
                for end, (x, strip) in zip(update.chop_ends[y], update.chops[y].items(), strict=False):
                    if strip is None or x > x2 or end <= x1:
                        continue
                    if not (x2 > x >= x1 and end <= x2):
                        strip = strip.crop(0, min(end, x2) - x)
                    self._put(x, y, strip)

    def _put(self, x: int, y: int, strip: Strip) -> None:
        row = self.cells[y]
        for text, style, control in strip:
            if control:
                continue
            for character in text:
                if x < self.width:
                    row[x] = (character, _look(style))
                width = cell_len(character)
                if width == 2 and x + 1 < self.width:
                    row[x + 1] = ("", _look(style))
                x += width

    def differences(self, app: App[Any]) -> list[str]:
        """The terminal's lines that differ from the screen drawn whole now (empty: none)."""
        whole = TerminalMirror.__new__(TerminalMirror)
        whole.width, whole.height = self.width, self.height
        whole.cells = [[(" ", "")] * self.width for _ in range(self.height)]
        for y, strip in enumerate(app.screen._compositor.render_strips()):
            whole._put(0, y, strip)
        return [
            f"line {y}: terminal {_text(mine)!r}, screen {_text(theirs)!r}"
            for y, (mine, theirs) in enumerate(zip(self.cells, whole.cells, strict=True))
            if mine != theirs
        ]


def _look(style: Style | None) -> str:
    return str(style) if style is not None else ""


def _text(cells: list[Cell]) -> str:
    return "".join(character for character, _ in cells).rstrip()
