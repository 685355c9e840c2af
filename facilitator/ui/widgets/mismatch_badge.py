"""The workshop header's "⚠ 12": open mismatches; a click opens the overview (key: F2)."""

from __future__ import annotations

from textual.content import Content
from textual.timer import Timer
from textual.widgets import Button

from facilitator.core.errors import UserError
from facilitator.core.mismatches import mismatches
from facilitator.core.service import SessionService
from facilitator.ui.screens.base import Localized

COUNT_DELAY = 0.3  # seconds: the header counts once changes come to rest (~10 ms at 500 activities)


class MismatchBadge(Localized, Button):
    """Counts after the first frame and after changes come to rest, never on every key press."""

    def __init__(self, service: SessionService, *, id: str | None = None) -> None:
        super().__init__("⚠ …", id=id, compact=True)  # counted after the first frame
        self.service = service
        self.can_focus = False  # a mouse path beside the key; not a stop on the tab round
        self._count: int | None = None
        self._later: Timer | None = None

    def relabel(self) -> None:
        """Say the count in the current language; the first count waits for the first frame."""
        if self._count is None:
            self.count_later()
        else:
            self._show(self._count)

    def count_later(self) -> None:
        """After a change: count once the changes come to rest, not on every key press."""
        if self._later is not None:
            self._later.stop()
        self._later = self.set_timer(COUNT_DELAY, self.show_count)

    def show_count(self) -> None:
        self._later = None
        try:
            count = len(mismatches(self.service.session))
        except UserError:
            return  # the workshop reports an unreadable file
        if count != self._count:  # a label update is a layout: only when it changed
            self._count = count
            self._show(count)

    def _show(self, count: int) -> None:
        t = self.t
        self.label = Content(t("overview.header.count" if count else "overview.header.none", count=count))
        self.tooltip = t("overview.header.tooltip", count=count)
        self.refresh(layout=True)  # Button's label does not re-measure an auto width itself
