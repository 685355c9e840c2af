"""`Button`: Textual's button, laid out again when its label changes.

Textual measures a button's width (`width: auto`) from its label when it lays the screen out,
but a new label only redraws the button inside the width it had: after F7 the placement screen's
"Record agreement" became "Salvesta kokkulepe" in the 18 columns of the English label, drawn as
"Salvesta" (the rest wrapped out of its one row), and so on every screen with buttons. Asking the
button's container or the screen for a layout does not help either: a container's arrangement is
cached until one of its own children asks. The app's buttons are all this one (a test checks).
"""

from __future__ import annotations

from textual import widgets
from textual.content import Content, ContentText
from textual.reactive import reactive


class Button(widgets.Button):
    """A button whose width follows its label (see the module)."""

    label: reactive[ContentText] = reactive[ContentText](Content.empty(), layout=True)
    """The text on the button; a new one lays the button (and its row) out again."""
