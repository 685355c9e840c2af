"""The key bar: the keys that work now, at the bottom of every screen; a click runs one.

It replaces Textual's Footer, which builds a widget per key and rebuilds them all
whenever focus moves or a binding changes (tens of milliseconds each time, a large
part of the workshop's start-up). Here the keys are one line of text, redrawn only
when what they say changed. The line never changes height, so nothing on the screen
moves when focus does.

F1 (help, which lists every key) and ctrl+p (the command palette) come first, so that
they are on screen at any width; then the keys of what has focus, then the screen's,
then the app's, as Textual ranks them. What does not fit is cut at a whole key and
marked "…".
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby

from textual.app import RenderResult
from textual.binding import Binding
from textual.content import Content, Span
from textual.screen import Screen

from facilitator.core.record import record
from facilitator.ui.host import WidgetHost
from facilitator.ui.localized import described
from facilitator.ui.widgets.pointing import PointableText

MORE = " …"
FIRST_ACTIONS = ("help", "app.help")


@record
class KeyPart:
    """One stretch of the bar: a key (clickable unless disabled) or a description."""

    text: str
    key: str | None = None
    enabled: bool = True


Item = tuple[KeyPart, ...]
"""What stays together on a row: a key and its description, or a group's keys and its name."""


def bar_items(bindings: list[tuple[Binding, bool, str]], display: dict[str, str]) -> list[Item]:
    """The bar's items: one per action; a group of actions shows its keys and one name."""
    seen: set[str] = set()
    shown: list[tuple[Binding, bool]] = []
    for binding, enabled, _tooltip in bindings:
        if binding.show and binding.action not in seen:
            seen.add(binding.action)
            shown.append((binding, enabled))
    shown.sort(key=lambda pair: pair[0].action not in FIRST_ACTIONS)  # stable: help first
    items: list[Item] = []
    for group, members_iter in groupby(shown, key=lambda pair: pair[0].group):
        members = list(members_iter)
        if group is not None and len(members) > 1:
            keys = tuple(KeyPart(display[b.key], b.key, enabled) for b, enabled in members)
            items.append((*keys, KeyPart(group.description)))
        else:
            for binding, enabled in members:
                items.append(
                    (KeyPart(display[binding.key], binding.key, enabled), KeyPart(binding.description))
                )
    return items


def typed_here(screen: Screen[object]) -> Callable[[str], bool]:
    """Whether a key typed now is text, not a command: a phase view with a typing field takes
    letters typed on its lists as text (`PhaseView.text_field_for`), so the bar shows them
    struck through rather than offer a key that types."""
    focused = screen.focused
    for node in focused.ancestors_with_self if focused is not None else ():
        text_field_for = getattr(node, "text_field_for", None)
        if text_field_for is not None:
            return lambda key: len(key) == 1 and key.isalnum() and text_field_for(key) is not None
    return lambda key: False


def item_width(item: Item) -> int:
    """Cells: each key padded by a space each side, a description followed by one."""
    return sum(Content(part.text).cell_length + (2 if part.key else 1) for part in item)


def fitting(items: list[Item], width: int) -> tuple[list[int], bool]:
    """The items (indexes) that fit in `width` cells, in order, and whether any were left out."""
    shown: list[int] = []
    used = 0
    for index, item in enumerate(items):
        needed = item_width(item)
        last = index == len(items) - 1
        if used + needed + (0 if last else len(MORE)) > width:
            return shown, True
        shown.append(index)
        used += needed
    return shown, False


class KeyBar(PointableText[tuple[int, int]]):
    """The keys that work now; click one to press it."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-description-foreground;
    }
    KeyBar > .keybar--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyBar > .keybar--disabled {
        color: $text-disabled;
        text-style: strike;
    }
    KeyBar > .keybar--hover {
        color: $footer-key-foreground;
        background: $block-hover-background;
        text-style: bold reverse;
    }
    """
    COMPONENT_CLASSES = {"keybar--key", "keybar--disabled", "keybar--hover"}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._items: list[Item] = []
        self._hits: list[tuple[int, int, int, int]] = []  # start, end (cells), item, part

    @property
    def items(self) -> list[Item]:
        """What the bar offers now (for tests and the help screen)."""
        return list(self._items)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._collect(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self._collect(screen)

    def _collect(self, screen: Screen[object]) -> None:
        bindings = screen.active_bindings
        host = self.app
        t = host.t if isinstance(host, WidgetHost) else None
        typed = typed_here(screen)
        active = [
            (described(b.binding, t) if t else b.binding, b.enabled and not typed(b.binding.key), b.tooltip)
            for b in bindings.values()
        ]
        display = {binding.key: self.app.get_key_display(binding) for binding, _e, _t in active}
        items = bar_items(active, display)
        palette = bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            # Hidden from the bindings (show=False) but the way to every action by name:
            # second, after help, so that both are on screen at any width.
            name = t("key.palette") if t else "Commands"
            key = KeyPart(display[palette.binding.key], palette.binding.key, palette.enabled)
            items.insert(1 if items else 0, (key, KeyPart(name)))
        if items != self._items:  # redraw only when the keys on offer changed
            self._items = items
            self.hovered = None
            self.refresh()

    # ---------------------------------------------------------------- drawing
    def render(self) -> RenderResult:
        if self.app.screen is not self.screen:  # under a dialog: its keys are not these
            self._hits = []
            return Content("")
        key_style = self.get_visual_style("keybar--key")
        disabled_style = self.get_visual_style("keybar--disabled")
        hover_style = self.get_visual_style("keybar--hover")
        shown, more = fitting(self._items, self.size.width)
        text = ""
        spans: list[Span] = []
        self._hits = []
        for item_index in shown:
            item = self._items[item_index]
            # A key that does nothing here is struck through (and dimmed): not colour alone.
            off = all(not part.enabled for part in item if part.key is not None)
            for part_index, part in enumerate(item):
                if part.key is None:
                    if off:
                        spans.append(Span(len(text), len(text) + len(part.text), disabled_style))
                    text += f"{part.text} "
                    continue
                piece = f" {part.text} "
                style = key_style if part.enabled else disabled_style
                if self.hovered == (item_index, part_index) and part.enabled:
                    style = hover_style
                x = Content(text).cell_length
                self._hits.append((x, x + Content(piece).cell_length, item_index, part_index))
                spans.append(Span(len(text), len(text) + len(piece), style))
                text += piece
        if more:
            text += MORE
        return Content(text, spans=spans)

    # ---------------------------------------------------------------- mouse
    def part_at(self, x: int, y: int) -> tuple[int, int] | None:
        for start, end, item_index, part_index in self._hits:
            if start <= x < end:
                return item_index, part_index
        return None

    def press(self, part: tuple[int, int]) -> bool:
        item_index, part_index = part
        key_part = self._items[item_index][part_index]
        if key_part.key is None or not key_part.enabled:
            return False
        self.app.simulate_key(key_part.key)
        return True
