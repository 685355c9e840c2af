"""The collect view (placeholder until it is built)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label

from facilitator.ui.widgets.phase_view import PhaseView


class CollectView(PhaseView):
    KIND = "collect"

    def compose(self) -> ComposeResult:
        yield Label("collect")
