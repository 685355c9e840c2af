"""`PartsLabel`: a line of "label: n · label: n" parts that wraps between parts, not inside one.

A count line such as "Tegevusi: 13 · aste kokku lepitud: 10 · … · kõigi osapoolte kinnitusega: 9"
is wider than 80 columns; wrapped at any space it split a part over two lines ("kõigi" /
"osapoolte kinnitusega: 9", "kinnitada:" / "0"), and the number was read with the wrong words.
Here a line breaks in place of a " · " when the next part does not fit; only a part wider than
the whole line wraps inside itself. The text is data (shown literally), worked out again on each resize.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.widgets import Label

SEPARATOR = " · "


def wrap_parts(text: str, width: int) -> str:
    """`text` with a line break in place of each " · " where the next part does not fit (greedy, by cells)."""
    parts = text.split(SEPARATOR)
    if width <= 0 or len(parts) < 2 or cell_len(text) <= width:
        return text
    lines = [parts[0]]
    for part in parts[1:]:
        joined = lines[-1] + SEPARATOR + part
        if cell_len(joined) <= width:
            lines[-1] = joined
        else:  # a new line: its "label: n" starts it, no separator left hanging at an end
            lines.append(part)
    return "\n".join(lines)


class PartsLabel(Label):
    """A label of " · "-separated parts (`show`), wrapped between parts at its width."""

    DEFAULT_CSS = """
    PartsLabel {
        width: 1fr;
    }
    """

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes, markup=False)
        self.text = text
        self._wrapped: tuple[str, int] | None = None

    def show(self, text: str) -> None:
        self.text = text
        self._wrap()

    def on_resize(self, _event: events.Resize) -> None:
        self.call_after_refresh(self._wrap)  # (a layout asked for while one is settling is lost)

    def _wrap(self) -> None:
        width = self.content_size.width
        if self._wrapped == (self.text, width):
            return
        self._wrapped = (self.text, width)
        self.update(Content(wrap_parts(self.text, width)))
