"""The command palette in the interface's language, the words Textual builds in included.

Textual's palette says "No matches found" and its theme search "Search for themes…" in
English whatever the app's language; this one takes both from the catalogue.
"""

from __future__ import annotations

from typing import Any

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from facilitator.core.i18n import Translator


class Palette(CommandPalette):
    """Textual's command palette, its own words said by `t`."""

    def __init__(self, t: Translator, placeholder_key: str = "palette.placeholder", **kwargs: Any) -> None:
        super().__init__(placeholder=t(placeholder_key), **kwargs)
        self.no_matches = t("palette.no_matches")

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """As Textual's, in the interface's language: after a moment with no hit, say so."""
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if not search_value:  # discovering, not searching: nothing to say
                self._list_visible = False
                return
            self.query_one(CommandList).add_option(
                Option(
                    Align.center(Text(self.no_matches, style="not bold")), disabled=True, id=self._NO_MATCHES
                )
            )
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
