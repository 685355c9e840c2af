"""The reveal's page: the picture, the spread in words and the agreement's controls, scrolling.

A `VerticalScroll` whose focus restyles the page alone. Textual restyles a widget and
everything in it when its focus changes, in case a rule styles the contents by it; no rule
does here, and restyling the whole reveal (picture, pickers, note) took 6-8 ms of the reveal
key at 500 activities, every time the page took the focus.
"""

from __future__ import annotations

from textual.containers import VerticalScroll


class RevealPage(VerticalScroll):
    """The revealed round's page: takes the focus so that the keys scroll it."""

    def watch_has_focus(self, _has_focus: bool) -> None:
        self.app.stylesheet.update_nodes([self], animate=True)

    def on_mount(self) -> None:
        # Its scrollbar from the start (the CSS says always): showing it at the reveal made the
        # first reveal lay the screen out and draw it twice.
        self.show_vertical_scrollbar = True
