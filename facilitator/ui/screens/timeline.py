"""The review's timeline: step through the event log and see the board as it was.

The left list has one line per recorded change (local time, who, what) plus a first line
for the session as created; the cursor picks a moment, and the right side shows the
ladder after that change, rebuilt by `facilitator.core.review.Timeline` (replay with
checkpoints) in a worker thread, so holding an arrow key never blocks the screen. Both
sides are `LineList`s: line-based, so a log of 10,000 changes costs no more than a
screenful. Nothing here writes: the timeline only reads the session it was given.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Label, Select
from textual.worker import get_current_worker

from facilitator.core.model import Session
from facilitator.core.review import (
    EventLine,
    PhaseStart,
    Timeline,
    TimelineError,
    board_groups,
    describe_events,
    local_times,
    next_phase_start,
    phase_number,
    phase_starts,
)
from facilitator.core.text import one_line
from facilitator.ui.host import AppBound
from facilitator.ui.text import literal
from facilitator.ui.widgets.button import Button
from facilitator.ui.widgets.linelist import Cell, LineList, Row, fit

WIDE = 120  # from this width the list and the board sit side by side
WHO_WIDTH = (14, 22)  # narrow, wide


# --------------------------------------------------------------------------- the timeline


class TimelinePane(AppBound, Vertical):
    """The event list on one side, the board as it was on the other; read-only."""

    def __init__(self, session: Session, meta: dict[str, object], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session
        self.timeline = Timeline(meta, session.events, session.scenario)
        self.lines: list[EventLine] = []
        self.starts: tuple[PhaseStart, ...] = ()
        self.frame_index = -1  # a row of the list (0: as created); -1 until built: the last one
        self.frame: Session | None = None
        self.built = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="timeline-toolbar"):
            yield Button("", id="timeline-phase-previous", compact=True)
            yield Button("", id="timeline-phase-next", compact=True)
            yield Select[int]([], id="timeline-phases", compact=True)
            yield Button("", id="timeline-first", compact=True)
            yield Button("", id="timeline-last", compact=True)
        with Horizontal(id="timeline-body"):
            with Vertical(id="timeline-events-box"):
                yield Label("", id="timeline-columns")
                yield LineList(id="timeline-events")
                yield Label("", id="timeline-what")
            with Vertical(id="timeline-board-box"):
                yield Label("", id="timeline-position")
                yield Label("", id="timeline-phase")
                yield LineList(id="timeline-board", cursor=False)
        yield Label("", id="timeline-hint")

    # ---------------------------------------------------------------- building
    def build(self) -> None:
        """Fill the list (first time the tab is shown, and on a language change)."""
        t = self.t
        self.lines = describe_events(self.session, t)
        self.starts = phase_starts(self.lines, self.session.scenario)
        if not 0 <= self.frame_index <= len(self.lines):  # opens on the session as it stands
            self.frame_index = len(self.lines)
        self.built = True
        self.relabel()
        events_list = self.query_one("#timeline-events", LineList)
        events_list.set_rows(self._event_rows())
        events_list.move_to(self.frame_index, post=False)
        self.call_after_refresh(events_list.show_row, self.frame_index)
        self.show_frame(self.frame_index)
        self._warm()

    def relabel(self) -> None:
        t = self.t
        self.query_one("#timeline-phase-previous", Button).label = t("review.button.phase_previous")
        self.query_one("#timeline-phase-next", Button).label = t("review.button.phase_next")
        self.query_one("#timeline-first", Button).label = t("review.button.first")
        self.query_one("#timeline-last", Button).label = t("review.button.last")
        self.query_one("#timeline-hint", Label).update(Content(t("review.timeline.hint")))
        select: Select[int] = self.query_one("#timeline-phases", Select)
        if self.starts:
            select.prompt = t("review.phase.prompt")
            number = {s.phase_id: phase_number(self.session.scenario, s.phase_id) for s in self.starts}
            select.set_options(
                (
                    Content(
                        t(
                            "review.phase.option",
                            when=s.when,
                            phase=f"{number[s.phase_id] or ''} {one_line(s.name)}".strip(),
                        )
                    ),
                    s.frame,
                )
                for s in self.starts
            )
        else:
            select.prompt = t("review.phase.none")
            select.set_options([])
        select.disabled = not self.starts
        if self.built:
            self._draw_columns()

    def retranslate(self) -> None:
        """Set the text again (the language changed): events and board too, once built."""
        if self.built:
            self.build()
        else:
            self.relabel()

    def _who_width(self) -> int:
        narrow, wide = WHO_WIDTH
        limit = wide if self.size.width >= WIDE else narrow
        return min(max((cell_len(line.who) for line in self.lines), default=4), limit)

    def _when_width(self) -> int:
        return max((cell_len(line.when) for line in self.lines), default=8)

    def _event_rows(self) -> list[Row]:
        when, who = self._when_width(), self._who_width()
        created = self._created_label()
        rows: list[Row] = [
            (Cell(created, "muted", when), Cell("", "", who), Cell(self.t("review.timeline.start"), "strong"))
        ]
        rows += [
            (Cell(line.when, "muted", when), Cell(line.who, "strong", who), Cell(line.what))
            for line in self.lines
        ]
        return rows

    def _created_label(self) -> str:
        stamps = [self.session.info.created_at, *(e.at for e in self.session.events)]
        return local_times(stamps)[0]

    def _draw_columns(self) -> None:
        t = self.t
        when, who = self._when_width(), self._who_width()
        header = "  " + fit(t("review.col.when"), when) + " " + fit(t("review.col.who"), who) + " "
        header += t("review.col.what")
        self.query_one("#timeline-columns", Label).update(Content(header))

    def on_resize(self) -> None:
        wide = self.size.width >= WIDE
        self.set_class(wide, "-wide")
        if self.built:
            self._draw_columns()
            self.query_one("#timeline-events", LineList).set_rows(self._event_rows())
            self._render_board()

    # ---------------------------------------------------------------- moving
    def on_line_list_moved(self, message: LineList.Moved) -> None:
        if message.line_list.id == "timeline-events":
            message.stop()
            self.show_frame(message.index)

    def go(self, index: int) -> None:
        """Move the cursor (and the board) to a frame: 0 is the session as created."""
        events_list = self.query_one("#timeline-events", LineList)
        events_list.move_to(index, post=False)
        events_list.show_row(events_list.cursor)
        self.show_frame(events_list.cursor)

    def go_phase(self, step: int) -> None:
        target = next_phase_start(self.starts, self.frame_index, step)
        if target is None:
            key = "review.phase.no_earlier" if step < 0 else "review.phase.no_later"
            self.app.notify(self.t(key), timeout=2)
            return
        self.go(target.frame)

    def pick_phase(self) -> None:
        select: Select[int] = self.query_one("#timeline-phases", Select)
        if not select.disabled:
            select.focus()
            select.expanded = True

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        value = event.value
        if isinstance(value, int):
            self.go(value)
            event.select.clear()
            self.query_one("#timeline-events", LineList).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        button = event.button.id
        if button == "timeline-phase-previous":
            self.go_phase(-1)
        elif button == "timeline-phase-next":
            self.go_phase(1)
        elif button == "timeline-first":
            self.go(0)
        elif button == "timeline-last":
            self.go(len(self.lines))

    # ---------------------------------------------------------------- the board as it was
    def events_at(self, index: int) -> int:
        """How many events the session has had at a row of the list (runs of moves are one row)."""
        return self.lines[index - 1].frame if 0 < index <= len(self.lines) else 0

    def show_frame(self, index: int) -> None:
        self.frame_index = index
        self._show_position()
        if index == len(self.lines):
            self._draw_board(index, self.session)  # the session as saved: nothing to replay
            return
        self.query_one("#timeline-phase", Label).update(
            Content(self.t("review.timeline.computing")), layout=False
        )
        self._compute(index)

    @work(thread=True, exclusive=True, group="review-frame")
    def _compute(self, index: int) -> None:
        worker = get_current_worker()
        try:
            session = self.timeline.frame_unless(self.events_at(index), stop=lambda: worker.is_cancelled)
        except TimelineError as error:
            if not worker.is_cancelled:
                self.app.call_from_thread(self._draw_broken, index, error)
            return
        if session is not None and not worker.is_cancelled:
            self.app.call_from_thread(self._draw_board, index, session)

    @work(thread=True, exclusive=True, group="review-warm")
    def _warm(self) -> None:
        """Build the checkpoints ahead of time, so that later jumps are quick too."""
        worker = get_current_worker()
        self.timeline.warm(stop=lambda: worker.is_cancelled)

    def _show_position(self) -> None:
        t = self.t
        index = self.frame_index
        total = len(self.lines)
        if index == 0 or not self.lines:
            text = t("review.timeline.position.start", total=total, when=self._created_label())
        else:
            line = self.lines[index - 1]
            text = t("review.timeline.position", index=index, total=total, when=line.when, who=line.who)
        self.query_one("#timeline-position", Label).update(Content(text), layout=False)
        # The list's "what" column is cut at 120 columns: the selected change, whole.
        what = self.lines[index - 1].what if index and self.lines else t("review.timeline.start")
        self.query_one("#timeline-what", Label).update(literal(what))

    def _draw_board(self, index: int, session: Session) -> None:
        if index != self.frame_index or not self.is_mounted:
            return
        self.frame = session
        t = self.t
        phase = session.info.phase
        if phase:
            number = phase_number(session.scenario, phase)
            name = next((p.name for p in session.scenario.agenda if p.id == phase), phase)
            phase_text = t("review.timeline.phase", phase=f"{number or ''} {one_line(name)}".strip())
        else:
            phase_text = t("review.timeline.phase.none")
        counts = t(
            "review.timeline.counts",
            total=len(session.activities),
            agreed=sum(1 for a in session.activities if a.agreed_current is not None),
            revealed=sum(1 for a in session.activities if a.revealed),
        )
        self.query_one("#timeline-phase", Label).update(Content(f"{phase_text} · {counts}"), layout=False)
        self._render_board(scroll=True)

    def _render_board(self, scroll: bool = False) -> None:
        """The ladder of the shown frame, highest rung first; the changed activity marked "▶"."""
        session = self.frame
        if session is None:
            return
        t = self.t
        index = self.frame_index
        focus = self.lines[index - 1].activity_id if 0 < index <= len(self.lines) else None
        board = self.query_one("#timeline-board", LineList)
        width = board.scrollable_content_region.width or board.size.width or 80
        title_width = max(min(48, (width - 4) // 2), 12)
        rows: list[Row] = []
        marked: int | None = None
        for group in board_groups(session, t):
            rows.append((Cell(group.heading, "heading"),))
            for item in group.items:
                if item.activity_id == focus:
                    marked = len(rows)
                rows.append(
                    (Cell(one_line(item.title, 300), "strong", title_width), Cell(item.status, "muted"))
                )
        if not session.activities:
            rows.append((Cell(t("review.board.empty"), "muted"),))
        board.set_rows(rows, marked=marked)
        if scroll and marked is not None:
            board.show_row(marked)

    def _draw_broken(self, index: int, error: TimelineError) -> None:
        if index != self.frame_index or not self.is_mounted:
            return
        text = self.t(
            "review.timeline.broken", index=error.event, reason=one_line(self.t.text(error.reason), 200)
        )
        self.query_one("#timeline-phase", Label).update(Content(text), layout=False)
        self.query_one("#timeline-board", LineList).set_rows([])
