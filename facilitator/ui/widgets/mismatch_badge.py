"""The workshop header's "⚠ 12": mismatches to discuss; a click opens the overview (key: F2).

Bookkeeping (no role recorded yet, not signed off yet) is counted in the tooltip only:
the header says what the room still has to talk about.
"""

from __future__ import annotations

from textual.app import RenderResult
from textual.content import Content
from textual.message import Message
from textual.timer import Timer

from facilitator.core.errors import UserError
from facilitator.core.i18n import Translator
from facilitator.core.mismatches import BOOKKEEPING, DISCUSS, counts_by_group, mismatches
from facilitator.core.service import SessionService
from facilitator.ui.host import widget_host_of
from facilitator.ui.widgets.pointing import PointableText

COUNT_DELAY = 0.3  # seconds: the header counts once changes come to rest (~10 ms at 500 activities)


class MismatchBadge(PointableText[int]):
    """Counts after the first frame and after changes come to rest, never on every key press.

    A mouse path beside the key (F2), not a stop on the tab round: text, not a Button.
    """

    DEFAULT_CSS = """
    MismatchBadge { width: auto; }
    MismatchBadge:hover { background: $block-hover-background; }
    """

    class Pressed(Message):
        """The badge was clicked: open the overview."""

    def __init__(self, service: SessionService, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.service = service
        self.label = Content("⚠ …")  # counted after the first frame
        self._count: tuple[int, int] | None = None  # to discuss, bookkeeping
        self._later: Timer | None = None

    @property
    def t(self) -> Translator:
        return widget_host_of(self.app).t

    def render(self) -> RenderResult:
        return self.label

    def get_content_width(self, container: object, viewport: object) -> int:
        return self.label.cell_length

    def part_at(self, x: int, y: int) -> int | None:
        return 0

    def press(self, part: int) -> bool:
        self.post_message(self.Pressed())
        return True

    def relabel(self) -> None:
        """Say the count in the current language; the first count waits for the first frame."""
        if self._count is None:  # counting 500 activities took 10-40 ms: not before the first frame
            widget_host_of(self.app).after_first_frame(self.count_later)
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
            groups = counts_by_group(mismatches(self.service.session))
        except UserError:
            return  # the workshop reports an unreadable file
        counts = (groups[DISCUSS], groups[BOOKKEEPING])
        if counts != self._count:  # a label update is a layout: only when it changed
            self._count = counts
            self._show(counts)

    def _show(self, counts: tuple[int, int]) -> None:
        t = self.t
        count, bookkeeping = counts
        self.label = Content(t("overview.header.count" if count else "overview.header.none", count=count))
        self.tooltip = t("overview.header.tooltip", count=count, bookkeeping=bookkeeping)
        self.refresh(layout=True)  # its width follows the label
