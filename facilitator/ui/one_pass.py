"""A screen whose change is laid out and drawn once: the requests a layout pass makes of
itself, and has already answered, are dropped.

Textual lays a screen out and draws what changed; then each widget whose size changed in that
pass asks for another layout and another draw of itself (`virtual_size` is a layout reactive,
set by the pass), and a move of the focus asks for the whole screen to be drawn again. At the
reveal (500 activities, 160x50) that was a second layout and two more draws after the first,
~10 ms of a ~55 ms key, and one or two more ticks of Textual's update timer before it was done.

What is dropped, after a pass, for a widget whose geometry the pass changed (so its whole
visible region was marked to be drawn, and was drawn from a cache its request had cleared):
its request to be drawn again; and its request to be laid out again if the pass itself made
it, except for a scroll container that shows a scrollbar only when its content overflows
(`overflow: auto`), which decides that from the size it had before the pass. A request to be
laid out made before the pass, and any request of a widget the pass left where it was, stays.
A redraw asked for before the pass arrives as a message after it: dropped too, while the
widget has not changed since. `tests/ui/test_one_pass.py` applies every update the app sends
to a copy of the terminal and compares it with the screen drawn whole. The focus moving restyles
the widgets it leaves and enters (Textual's own); the screen is not drawn again for it.
"""

from __future__ import annotations

from typing import TypeVar

from textual import messages
from textual.geometry import Size
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget

ResultType = TypeVar("ResultType")


class OnePassScreen(Screen[ResultType]):
    """A screen that lays a change out once and draws it once (see the module)."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    _drawn_whole: frozenset[Widget] = frozenset()
    """The widgets the last layout pass drew whole, until the next draw."""

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        before = getattr(self._compositor, "_full_map", None)
        if before is None:  # a Textual without the parts this reads: a plain screen's passes
            super()._refresh_layout(size, scroll)
            return
        asked = {widget for widget in self.walk_children(Widget) if widget._layout_required}
        super()._refresh_layout(size, scroll)
        after = self._compositor._full_map
        if after is before:  # a scroll: nothing was laid out anew
            return
        drawn: set[Widget] = set()
        for widget, geometry in after.items():
            if before.get(widget) == geometry:
                continue
            drawn.add(widget)
            widget._repaint_required = False
            if widget not in asked and not _scrollbars_follow_content(widget):
                widget._layout_required = False
        self._drawn_whole = frozenset(drawn)

    def _compositor_refresh(self) -> None:
        self._drawn_whole = frozenset()
        super()._compositor_refresh()

    async def _on_update(self, message: messages.Update) -> None:
        """A redraw asked for before the pass drew the widget whole (its `Update` arrives
        after): dropped, unless the widget changed since (its cache has lines to draw again).
        Textual's own `Screen._on_update` is called next unless this prevents it."""
        widget = message.widget
        if widget in self._drawn_whole and not getattr(widget._styles_cache, "_dirty_lines", True):
            message.stop()
            message.prevent_default()


def _scrollbars_follow_content(widget: Widget) -> bool:
    styles = widget.styles
    return widget.is_scrollable and "auto" in (styles.overflow_x, styles.overflow_y)
