"""A screen whose change is laid out and drawn once: the requests a layout pass answers are
taken by it, not answered again by another pass after it.

Textual lays a screen out and draws what changed; then each widget whose size changed in that
pass asks for another layout and another draw of itself (`virtual_size` is a layout reactive,
set by the pass), and a move of the focus asks for the whole screen to be drawn again. At the
reveal (500 activities, 160x50) that was a second layout and two more draws after the first,
~10 ms of a ~55 ms key, and one or two more ticks of Textual's update timer before it was done.
A new screen's first frame was laid out twice too: its widgets ask to be laid out as they are
mounted, and their messages came after the first layout had answered them.

Taken by a layout pass (not a scroll's): every request to be laid out made before it, as
Textual takes one (the layout caches of the containers the widget sizes cleared), and the
messages they sent before it. Dropped after the pass, for a widget whose geometry it changed
(so its whole visible region was marked to be drawn, and was drawn from a cache its request
had cleared): its request to be drawn again; and its request to be laid out again, which the
pass itself made, except where the pass used what the widget had before it: a scroll
container that shows a scrollbar only when its content overflows (`overflow: auto`) whose
scrollbars or scroll offset the pass changed, and a widget that counts its own lines (a
list, a table: Textual's `ScrollView`) with such a scrollbar. A request of a widget the pass
left where it was stays. A redraw asked for before the pass arrives as a message after it:
dropped too, while the widget has not changed since. The focus moving restyles the widgets
it leaves and enters (Textual's own); the screen is not drawn again for it.

`tests/ui/terminal_mirror.py` applies every update the app sends to a copy of the terminal
and compares it with the screen laid out and drawn from scratch (`test_one_pass.py`, the
placement screen; `test_workshop_drawn.py`, the workshop).
"""

from __future__ import annotations

from typing import Self, TypeVar

from textual import events, messages, on
from textual._time import get_time
from textual.geometry import Region, Size
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget

ResultType = TypeVar("ResultType")


class OnePassScreen(Screen[ResultType]):
    """A screen that lays a change out once and draws it once (see the module)."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    _laid_out_at = float("-inf")
    """When the last layout pass (not a scroll) began (`Message.time`'s clock)."""

    _drawn_whole: frozenset[Widget] = frozenset()
    """The widgets the last layout pass drew whole, until the next draw."""

    _resume: str = ""
    """"resuming" while Textual's handler of a `ScreenResume` runs, "drawn" once a layout pass
    in it drew the screen whole, "" else."""

    @on(events.ScreenResume)  # (before Textual's own handler: that of the base class)
    def _resuming(self) -> None:
        if self.is_attached:  # (Textual's handler then ends with `refresh()`: see `refresh`)
            self._resume = "resuming"

    def refresh(
        self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False
    ) -> Self:
        """Textual draws a screen whole when it is shown (`Screen._on_screen_resume`), also
        right after a layout pass there has drawn it whole (its first frame, each showing at
        another size): that second drawing is left out."""
        if self._resume and not regions and repaint and not layout and not recompose:
            resume, self._resume = self._resume, ""
            if resume == "drawn":
                return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        before = getattr(self._compositor, "_full_map", None)
        if before is None:  # a Textual without the parts this reads: a plain screen's passes
            super()._refresh_layout(size, scroll)
            return
        full = not scroll or bool(self._layout_widgets)  # (else Textual's path for a scroll)
        scrolling: dict[Widget, object] = {}
        for widget in self.walk_children(Widget, with_self=True):
            if _scrollbars_follow_content(widget):
                scrolling[widget] = _scrolling(widget)
            if full and widget._layout_required and widget._is_mounted:
                take_request(widget)
        started = get_time()
        super()._refresh_layout(size, scroll)
        after = self._compositor._full_map
        if after is before:  # a scroll: nothing was laid out anew
            return
        self._laid_out_at = started
        drawn: set[Widget] = set()
        for widget, geometry in after.items():
            if before.get(widget) == geometry:
                continue
            drawn.add(widget)
            widget._repaint_required = False
            if widget not in scrolling or scrolling[widget] == _scrolling(widget):
                widget._layout_required = False
        self._drawn_whole = frozenset(drawn)
        if self._resume and self in drawn:
            self._resume = "drawn"

    async def _on_layout(self, message: messages.Layout) -> None:
        """A request sent before the last layout pass: answered by it (see `take_request`).
        Textual's own `Screen._on_layout` is called next unless this prevents it."""
        if message.time < self._laid_out_at:
            message.stop()
            message.prevent_default()

    def _compositor_refresh(self) -> None:
        self._drawn_whole = frozenset()
        super()._compositor_refresh()

    async def _on_update(self, message: messages.Update) -> None:
        """A redraw asked for before the pass drew the widget whole (its `Update` arrives
        after): dropped, when sent before the pass or the widget has not changed since (its
        cache has no lines to draw again; a `Backdrop` draws without that cache).
        Textual's own `Screen._on_update` is called next unless this prevents it."""
        widget = message.widget
        if widget in self._drawn_whole and (
            message.time < self._laid_out_at or not getattr(widget._styles_cache, "_dirty_lines", True)
        ):
            message.stop()
            message.prevent_default()


def _scrollbars_follow_content(widget: Widget) -> bool:
    styles = widget.styles
    return widget.is_scrollable and "auto" in (styles.overflow_x, styles.overflow_y)


def _scrolling(widget: Widget) -> object:
    """What a pass takes from before it of a widget whose scrollbars follow its content: the
    scrollbars it shows and how far it is scrolled, for a container; for a widget that counts
    its own lines for its width (after the pass), a value equal to no other."""
    if not widget.is_container:
        return object()
    return widget.scrollbars_enabled, widget.scroll_offset


def take_request(widget: Widget) -> None:
    """A widget's request to be laid out, made before a layout pass, taken by it as Textual
    takes it when the widget next idles (`Widget._check_refresh`: the layout caches of the
    containers it sizes cleared), without the message that asks for a pass after this one."""
    widget._layout_required = False
    for ancestor in widget.ancestors:
        if not isinstance(ancestor, Widget):
            break
        ancestor._clear_arrangement_cache()
        ancestor._layout_updates += 1
        if not ancestor.styles.auto_dimensions:
            break
