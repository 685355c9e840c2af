"""What the terminal shows: every update the app sent, applied in order to a grid of cells.

A snapshot is drawn afresh from the widgets, so it cannot see a region the app changed and
never sent to the terminal; this can. `differences()` compares the terminal's picture with
the screen laid out and drawn from scratch now:

- the layout: each shown screen is laid out again by a new compositor, with none of the
  widgets' arrangement or box-model caches (what a dropped re-layout leaves stale: Textual
  clears them when a widget's request to be laid out is handled), and every widget shown
  must be where, and as large, as the screen has it (a dropped re-layout: a widget that
  changed size drawn in its old place);
- the picture: the screen drawn whole in that layout, every widget's line caches set aside
  (a dropped redraw: a change the terminal never got).

The layout compared is the screen's own only when the two agree, so together they say the
terminal shows what a layout and a drawing from scratch would.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest
from rich.cells import cell_len
from rich.style import Style
from textual._compositor import ChopsUpdate, Compositor, LayoutUpdate
from textual._context import visible_screen_stack
from textual._styles_cache import StylesCache
from textual.app import App
from textual.cache import FIFOCache, LRUCache
from textual.geometry import NULL_SIZE, Region, Size
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget, _RenderCache

Cell = tuple[str, str]
LAYOUT_CACHES = ("_arrangement_cache", "_box_model_cache")
DRAWING_CACHES = ("_styles_cache", "_render_cache", "_layout_cache", "_dirty_regions")


class TerminalMirror:
    def __init__(self, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]) -> None:
        self.width, self.height = size
        self.cells: list[list[Cell]] = _blank(size)
        self.updates = 0
        display = App._display

        def shown(app: App[Any], screen: Any, renderable: Any) -> None:
            # As Textual's own: nothing reaches the terminal in a batch or once closed.
            if renderable is not None and not app._batch_count and app._running and not app._closed:
                self._follow(tuple(app.size))
                self.apply(renderable)
            display(app, screen, renderable)

        monkeypatch.setattr(App, "_display", shown)

    def resize(self, size: tuple[int, int]) -> None:
        """The terminal resized: what it showed is gone until the app draws again."""
        self.width, self.height = size
        self.cells = _blank(size)

    def _follow(self, size: tuple[int, int]) -> None:
        if size != (self.width, self.height):
            self.resize(size)

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
        """A line written at (x, y); what falls outside the terminal is lost, as there (an
        update made for the size before a resize can arrive after it)."""
        if not 0 <= y < self.height:
            return
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

    def lines(self) -> list[str]:
        """What the terminal shows, line by line, as text."""
        return [_text(row) for row in self.cells]

    def differences(self, app: App[Any]) -> list[str]:
        """Where the terminal differs from the screen laid out and drawn from scratch (see
        the module): the widgets out of place first, then the lines (empty: none)."""
        if tuple(app.size) != (self.width, self.height):
            return [f"the terminal is {self.width}x{self.height}, the app {app.size}"]
        size = Size(self.width, self.height)
        misplaced = [line for screen in shown_screens(app) for line in layout_differences(screen, size)]
        whole = TerminalMirror.__new__(TerminalMirror)
        whole.width, whole.height = self.width, self.height
        whole.cells = _blank((self.width, self.height))
        for y, strip in enumerate(drawn_whole(app)):
            whole._put(0, y, strip)
        return misplaced + [
            f"line {y}: terminal {_text(mine)!r}, screen {_text(theirs)!r}"
            for y, (mine, theirs) in enumerate(zip(self.cells, whole.cells, strict=True))
            if mine != theirs
        ]


def layouts_counted(monkeypatch: pytest.MonkeyPatch) -> list[Screen[Any]]:
    """The screens laid out from now on, one entry per layout pass (Textual's, not a scroll's
    alone), in order."""
    layouts: list[Screen[Any]] = []
    real = Screen._refresh_layout

    def counted(self: Screen[Any], *args: Any, **kwargs: Any) -> None:
        layouts.append(self)
        real(self, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", counted)
    return layouts


def shown_screens(app: App[Any]) -> list[Screen[Any]]:
    """The top screen and those seen through it (under a dialog)."""
    return [*app._background_screens, app.screen]


def layout_differences(screen: Screen[Any], size: Size) -> list[str]:
    """Each widget shown whose place, size, scrollable size or clip differs from a layout of
    the screen from scratch at the terminal's size, or whose own size does (what it draws
    itself at)."""
    compositor = screen._compositor
    current = compositor._visible_map if compositor._visible_map is not None else compositor._full_map
    shown = showing(compositor.visible_widgets)
    fresh = Compositor()
    with _set_aside(screen, LAYOUT_CACHES):
        fresh.reflow(screen, size)
    fresh_shown = showing(fresh.visible_widgets)
    found = [f"{_name(screen)}: laid out at {compositor.size}, the terminal is {size}"]
    found = found if compositor.size != size else []
    found += [f"{_name(w)}: shown, not in a layout from scratch" for w in shown if w not in fresh_shown]
    found += [f"{_name(w)}: not shown, in a layout from scratch" for w in fresh_shown if w not in shown]
    for widget in shown & fresh_shown:
        mine, theirs = current[widget], fresh._full_map[widget]
        if (mine.region, mine.clip, mine.virtual_size, mine.container_size) != (
            theirs.region,
            theirs.clip,
            theirs.virtual_size,
            theirs.container_size,
        ):
            found.append(f"{_name(widget)}: laid out {_geometry(mine)}, from scratch {_geometry(theirs)}")
        elif widget is not screen and _own_size(widget) != _own_size(widget, theirs):
            found.append(f"{_name(widget)}: draws itself {_own_size(widget)}, laid out {_geometry(theirs)}")
    return found


def showing(visible: dict[Widget, tuple[Region, Region]]) -> set[Widget]:
    """The widgets with at least one cell inside their clip: what can show on the terminal.

    Not Textual's `Compositor.visible_widgets` as it is: a widget scrolled out of its
    container is given an empty clip (`Region.intersection` of two regions that do not meet
    is an empty region on the edge of one), and `Region.overlaps(clip, region)` is true of
    an empty clip lying on the widget's bottom or right edge (its clause `oy < y and oy2 >=
    y2`). So a full layout (`Compositor.reflow`) counts the last row of a grid scrolled just
    out of view as visible, where the scrolling layout (`reflow_visible`, culled by
    `DockArrangeResult.get_visible_placements`) leaves it out; it draws nothing either way
    (setup's facilitator field at 80x24, as of Textual 8.2.8)."""
    return {widget for widget, (region, clip) in visible.items() if clip.intersection(region).area}


def _own_size(widget: Widget, geometry: Any = None) -> tuple[Size, ...]:
    """What a widget draws itself at: its size, and what it scrolls in what (a `ScrollView`
    keeps its own count of what it scrolls, and its inside as what it scrolls in)."""
    if geometry is None:
        size, virtual, container = widget.outer_size, widget.virtual_size, widget.container_size
    else:
        size, virtual, container = geometry.region.size, geometry.virtual_size, geometry.container_size
    return (size,) if isinstance(widget, ScrollView) else (size, virtual, container)


def drawn_whole(app: App[Any]) -> list[Strip]:
    """The top screen drawn whole from its layout, no widget's drawn lines reused."""
    widgets = [w for screen in shown_screens(app) for w in screen.walk_children(Widget, with_self=True)]
    with _set_aside_all(widgets, DRAWING_CACHES):
        visible_screen_stack.set(app._background_screens)
        return app.screen._compositor.render_strips()


@contextlib.contextmanager
def _set_aside(screen: Screen[Any], names: tuple[str, ...]) -> Iterator[None]:
    with _set_aside_all(list(screen.walk_children(Widget, with_self=True)), names):
        yield


@contextlib.contextmanager
def _set_aside_all(widgets: list[Widget], names: tuple[str, ...]) -> Iterator[None]:
    """The widgets' caches `names` empty for the block, then as they were (nothing changed)."""
    kept = [(widget, name, getattr(widget, name)) for widget in widgets for name in names]
    for widget, name, _ in kept:
        setattr(widget, name, _empty(widget, name))
    try:
        yield
    finally:
        for widget, name, value in kept:
            setattr(widget, name, value)


def _empty(widget: Widget, name: str) -> object:
    """A cache as a new widget has it; the regions to draw again: the whole widget."""
    empty: dict[str, object] = {
        "_arrangement_cache": FIFOCache(4),
        "_box_model_cache": LRUCache(16),
        "_styles_cache": StylesCache(),
        "_render_cache": _RenderCache(NULL_SIZE, []),
        "_layout_cache": {},
        "_dirty_regions": {widget.outer_size.region},
    }
    return empty[name]


def _name(widget: Widget) -> str:
    return f"{type(widget).__name__}#{widget.id}" if widget.id else repr(widget)


def _geometry(geometry: Any) -> str:
    region, clip = geometry.region, geometry.clip
    return f"at {region}, scrolls {geometry.virtual_size} in {geometry.container_size}, clip {clip}"


def _blank(size: tuple[int, int]) -> list[list[Cell]]:
    width, height = size
    return [[(" ", "")] * width for _ in range(height)]


def _look(style: Style | None) -> str:
    return str(style) if style is not None else ""


def _text(cells: list[Cell]) -> str:
    return "".join(character for character, _ in cells).rstrip()
