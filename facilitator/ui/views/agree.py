"""The agree view (placeholder until it is built)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label

from facilitator.ui.widgets.phase_view import PhaseView


class AgreeView(PhaseView):
    KIND = "agree"

    def compose(self) -> ComposeResult:
        yield Label("agree")
