"""The ladder board: every rung at once, each activity a card, moved by key, button or drag.

Moving a card is recording the room's agreed current rung (`service.agree`); a card with
none sits in the "not yet on the ladder" tray. A move that would undo something (skip an
open blind round, reopen sign-offs) is refused or asked about first (`board_moves`). Enter
opens the blind placement and the reveal for the selected card (`PlacementScreen`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.css.scalar import Scalar
from textual.geometry import Size
from textual.layout import DockArrangeResult
from textual.widget import Widget
from textual.widgets import Label

from facilitator.core.followup import is_new_this_year
from facilitator.core.i18n import Translator
from facilitator.core.model import Activity, Placement, Session
from facilitator.core.scenario import Scenario
from facilitator.core.service import SessionService
from facilitator.core.text import one_line
from facilitator.ui.messages import OpenPlacement
from facilitator.ui.one_pass import take_request
from facilitator.ui.text import fitted, literal, show
from facilitator.ui.views.base import PhaseView
from facilitator.ui.views.board_moves import CardMover
from facilitator.ui.widgets.actionbar import ActionBar, BarAction
from facilitator.ui.widgets.choice import ChoiceField
from facilitator.ui.widgets.ladder import LadderBoard
from facilitator.ui.widgets.ladder_columns import TRAY, Card, CardSource

FILTER_WIDTH, FILTER_NARROWEST = 28, 18  # the party filter's cells: as designed, and at the least
ALL = "*"
"""The filter value that shows every party's activities."""

TITLE_LIMIT = 300  # a card shows two lines; no need to carry a 100,000-character title around


def current_placements(session: Session) -> dict[str, list[Placement]]:
    """This round's placements per activity, in one pass (not one scan per activity)."""
    rounds = {a.id: a.round for a in session.activities}
    out: dict[str, list[Placement]] = defaultdict(list)
    for placement in session.placements:
        if rounds.get(placement.activity_id) == placement.round:
            out[placement.activity_id].append(placement)
    return out


def card_status(
    scenario: Scenario, activity: Activity, placements: Sequence[Placement], t: Translator
) -> tuple[str, str]:
    """What a card says about its round, in symbols and words, and the tone it is drawn in.

    Where the card sits is what the room agreed; the status says whether the parties' blind
    placements matched ("✓ agreed", "≠ 2 views") or how far the round has got.
    """
    parts: list[str] = []
    tone = "open"
    involved = set(activity.party_ids)
    placed = [p for p in placements if p.party_id in involved]
    if not involved:
        parts.append(t("board.status.no_parties"))
    elif not activity.revealed:
        if not placed and activity.agreed_current is not None:  # moved with u/d or dragged
            parts.append(t("board.status.direct"))
            tone = "agreed"
        elif not placed:
            parts.append(t("board.status.not_placed"))
        else:
            parts.append(t("board.status.placed", done=len(placed), total=len(involved)))
            if len(placed) == len(involved):
                parts.append(t("board.status.hidden"))
    else:
        views = {p.current for p in placed}
        if not views:
            parts.append(t("board.status.no_views"))
        elif len(views) == 1:
            parts.append(t("board.status.same"))
            tone = "agreed"
        else:
            parts.append(t("board.status.differ", count=len(views)))
            tone = "differ"
    wished = activity.agreed_wished
    if activity.agreed_current is not None and wished is not None and wished != activity.agreed_current:
        parts.append(t("board.status.wish", number=scenario.rung_index(wished) + 1))
    return " · ".join(parts), tone


def card_detail(
    scenario: Scenario,
    activity: Activity,
    placements: Sequence[Placement],
    names: Sequence[str],
    t: Translator,
    new: bool = False,
) -> list[Content]:
    """The selected card whole, under the board: at 120 columns a card shows its title, its
    parties and its status cut short, and a column its rung's summary; here nothing is cut but
    what does not fit the lines under the board (`BoardView._show_detail`).
    `new`: an activity last time's session did not have (a series), said on the status line.
    Its lines: the title and parties, the status, the rung's summary (once agreed)."""
    status, _tone = card_status(scenario, activity, placements, t)
    rung = activity.agreed_current
    where = scenario.rung_title(rung) if rung is not None else t("board.tray")
    parts: list[Content] = [  # the rung's summary, as its column heads it (cut there)
        Content.assemble(Content.styled("▶ ", "bold"), literal(activity.title).stylize("bold")),
        Content.assemble("  ", Content.styled(where, "bold"), " · ", status),
    ]
    if names:
        parts[0] = Content.assemble(parts[0], " — ", literal(", ".join(names)))
    wished = activity.agreed_wished
    if wished is not None and wished != rung:
        parts[1] = Content.assemble(
            parts[1], " · ", t("board.detail.wished", rung=scenario.rung_title(wished))
        )
    if new:
        parts[1] = Content.assemble(parts[1], " · ", Content.styled(t("followup.new_this_year"), "bold"))
    if rung is not None:
        summary = " ".join(scenario.rung(rung).summary.split())  # (scenario text: one paragraph)
        parts.append(Content.assemble("  ", Content.styled(summary, "italic")))
    return parts


class BoardView(PhaseView):
    """The place phase: the staircase board, the party filter and the move buttons."""

    KIND = "place"
    FIRST_FOCUS = "#board"

    BINDINGS = [
        Binding("u", "move(1)", "board.key.up"),
        Binding("d", "move(-1)", "board.key.down"),
        Binding("shift+up,shift+right", "move(1)", show=False),
        Binding("shift+down,shift+left", "move(-1)", show=False),
        *(Binding(str(n), f"to_rung({n})", show=False) for n in range(1, 10)),
        Binding("enter", "place", "board.key.place"),
        Binding("p", "filter(1)", "board.key.filter"),
        Binding("P", "filter(-1)", show=False),
    ]

    def __init__(self, service: SessionService) -> None:
        super().__init__(service)
        self.party_filter = ALL
        self._parties: tuple[tuple[str, str], ...] = ()
        self._restored = False
        self._reopened = False
        self._shown = False
        self._cards: dict[tuple[object, ...], Card] = {}
        self._mover = CardMover(self)

    def compose(self) -> ComposeResult:
        # Held for the bar's fit, at every layout pass (queries cost ~2 M instructions there).
        self._filter_label = Label("", id="board-filter-label")
        self._filter_field = ChoiceField(id="board-filter")
        self._bar_actions = (
            ActionBar([BarAction("up", "▲"), BarAction("down", "▼")], id="board-moves", classes="editing"),
            ActionBar([BarAction("place", "…", primary=True)], id="board-place"),
        )
        self._hint = Label("", id="board-hint", classes="editing")
        with Horizontal(id="board-bar") as self._bar:
            yield self._filter_label
            yield self._filter_field
            yield from self._bar_actions
            yield self._hint
        board = LadderBoard(self.service.scenario.rung_ids(), id="board")
        if self.focused_as_composed:
            # Focused before it is first styled: the screen's auto focus (this very widget)
            # changes nothing then, where it restyled the board (its 26 parts) once more.
            board.set_reactive(Widget.has_focus, True)
        yield board
        yield Label("", id="board-detail")

    def arrange(self, size: Size, optimal: bool = False) -> DockArrangeResult:
        """The bar fitted to the width a layout pass gives the view, before the pass arranges
        the bar: fitted after it (each resize, the first frame too), it was a second layout."""
        if not optimal:
            for widget in self._fit_bar(size.width):
                take_request(widget)  # (answered by the arrangement that follows, in this pass)
        return super().arrange(size, optimal)

    def _fit_bar(self, width: int) -> list[Widget]:
        """The bar's buttons whole at 80 columns ("Paiguta ja" was cut): the filter's label goes
        first (the list shows "all parties"), then the filter narrows. The hint only when it
        fits whole: cut ("arrows: choose · u/d or") it reads as broken, and the key bar says
        the same keys. The widgets changed."""
        bar, label, choice, hint = self._bar, self._filter_label, self._filter_field, self._hint
        bar_width = width - bar.styles.gutter.width - bar.styles.margin.width
        buttons = sum(  # (as laid out: width auto, a margin of 1)
            actions.get_content_width(Size(0, 0), Size(0, 0)) + actions.styles.gutter.width + 1
            for actions in self._bar_actions
            if actions.display
        )
        label_width = Content(self.t("board.filter.label")).cell_length + 1
        room = bar_width - buttons
        show_label = room >= label_width + FILTER_WIDTH
        filter_width = min(FILTER_WIDTH, max(FILTER_NARROWEST, room - (label_width if show_label else 0)))
        used = buttons + filter_width + (label_width if show_label else 0)
        show_hint = bar_width - used >= Content(self.t("board.hint")).cell_length + 2
        changed: list[Widget] = []
        for widget, shown in ((label, show_label), (hint, show_hint)):
            if widget.display != shown:  # (set only on a change: each setting asks for a layout)
                widget.display = shown
                changed.append(widget)
        if choice.styles.width != Scalar.from_number(filter_width):
            choice.styles.width = filter_width
            changed.append(choice)
        return changed

    @property
    def board(self) -> LadderBoard:
        return self.query_one("#board", LadderBoard)

    # ---------------------------------------------------------------- text
    def relabel(self) -> None:
        super().relabel()
        t = self.t
        self._filter_label.update(t("board.filter.label"))
        moves = {"up": t("board.button.up"), "down": t("board.button.down")}
        self._bar_actions[0].set_labels(moves)
        self._bar_actions[1].set_labels({"place": t("board.button.place")})
        self._hint.update(t("board.hint"))
        self._parties = ()  # the "all parties" option is in the old language
        self._cards.clear()
        if self._shown:
            self.show_session(self.session)

    # ---------------------------------------------------------------- data
    def show_session(self, session: Session) -> None:
        self._shown = True
        self._update_filter(session)
        board = self.board
        t = self.t
        scenario = session.scenario
        columns: dict[str, list[str]] = {TRAY: [], **{r: [] for r in scenario.rung_ids()}}
        party_filter = self.party_filter
        for activity in session.activities:
            if party_filter != ALL and party_filter not in activity.party_ids:
                continue
            key = activity.agreed_current if activity.agreed_current in columns else TRAY
            columns[key or TRAY].append(activity.id)
        board.set_cards(columns, self._card_source(session))
        headers = {TRAY: (t("board.header", title=t("board.tray"), count=len(columns[TRAY])), "")}
        if party_filter == ALL:
            headers[TRAY] = (headers[TRAY][0], t("board.tray.detail"))
        for rung in scenario.rungs:
            title = t("board.header", title=scenario.rung_title(rung.id), count=len(columns[rung.id]))
            headers[rung.id] = (title, rung.summary)
        board.set_headers(headers)
        board.more_texts = (t("board.more.above"), t("board.more.below"))
        tray_empty = (
            "board.tray.none"
            if not session.activities
            else "board.tray.filtered"
            if party_filter != ALL
            else "board.tray.empty"
        )
        board.set_empty_texts(
            {TRAY: t(tray_empty), **{r: t("board.rung.empty") for r in scenario.rung_ids()}}
        )
        if not self._restored:
            self._restored = True
            self._restore_selection()
        if board.selected_id is None:
            for key in board.keys:
                ids = board.column(key).ids
                if ids:
                    board.select(ids[0])
                    break
        self._show_detail(session)

    def _show_detail(self, session: Session) -> None:
        detail = self.query_one("#board-detail", Label)
        activity_id = self.board.selected_id
        if activity_id is None or not session.has_activity(activity_id):
            show(detail, "")
            return
        activity = session.activity(activity_id)
        placements = [p for p in session.placements_for(activity_id) if p.round == activity.round]
        names = [session.party_name(p) for p in activity.party_ids]
        height = 3 if self.app.size.height < 30 else 5  # at 80×24 the cards need the room
        detail.styles.max_height = height
        new = is_new_this_year(session, activity_id)
        parts = card_detail(session.scenario, activity, placements, names, self.t, new)
        # The status line whole, then the title and parties (cut with "…" where long), then the
        # rung's summary: at 80×24 long names pushed the status out of the three lines unmarked.
        show(detail, fitted(parts, detail.content_region.width, height, (1, 0, 2)))

    def on_resize(self) -> None:
        if self._shown:
            self._show_detail(self.session)  # fitted to the new width

    def _card_source(self, session: Session) -> CardSource:
        """How the board makes a card of this session when it draws it: the columns come from
        the model alone, and only the cards on screen are made (a dozen of 500 at the start)."""
        found: list[tuple[dict[str, list[Placement]], dict[str, str]]] = []

        def card(activity_id: str) -> Card:
            if not found:  # this round's placements and the names, once per session shown
                found.append((current_placements(session), {p.id: p.name for p in session.parties}))
            placements, names = found[0]
            activity = session.activity(activity_id)
            return self._card(session, activity, placements.get(activity_id, ()), names)

        return card

    def _card(
        self, session: Session, activity: Activity, placements: Sequence[Placement], all_names: dict[str, str]
    ) -> Card:
        """One card; cached, because most cards are the same after any one change."""
        names = tuple(all_names.get(p, p) for p in activity.party_ids)
        key = (activity, tuple(placements), names)
        card = self._cards.get(key)
        if card is None:
            status, tone = card_status(session.scenario, activity, placements, self.t)
            card = Card(
                activity_id=activity.id,
                title=one_line(activity.title, TITLE_LIMIT),
                parties=", ".join(names),
                status=status,
                tone=tone,
            )
            if len(self._cards) > 4 * len(session.activities) + 64:
                self._cards.clear()
            self._cards[key] = card
        return card

    def _update_filter(self, session: Session) -> None:
        parties = tuple((p.id, p.name) for p in session.parties)
        if parties == self._parties:
            return
        self._parties = parties
        if self.party_filter != ALL and not session.has_party(self.party_filter):
            self.party_filter = ALL
        field = self._filter_field
        options: list[tuple[Content, str]] = [(Content(self.t("board.filter.all")), ALL)]
        options += [(literal(name, 40), party_id) for party_id, name in parties]
        field.title = self.t("board.key.filter")
        field.set_options(options)
        field.value = self.party_filter

    def _restore_selection(self) -> None:
        """Select the activity selected last, here or in another phase's view."""
        wanted = self.selected_activity_id
        if wanted is not None and self.board.column_of(wanted) is not None:
            self.board.select(wanted)

    def focus_first(self) -> None:
        """Called each time the board is shown: back to the remembered card, and the focus on it."""
        if self._restored:
            self._restore_selection()
        self.board.focus()
        self._reopen_placement()

    # ---------------------------------------------------------------- selection
    def on_ladder_board_selected(self, message: LadderBoard.Selected) -> None:
        """The workshop holds the selection (and saves it once the arrow keys rest)."""
        self._show_detail(self.session)
        self.select_activity(self.board.selected_id)

    def on_ladder_board_opened(self, message: LadderBoard.Opened) -> None:
        self.action_place()

    def on_ladder_board_dropped(self, message: LadderBoard.Dropped) -> None:
        """A drag moves the card; when the parties' placements differ, the room is asked first."""
        activity_id, target = message.activity_id, message.target or None
        session = self.session
        if not session.has_activity(activity_id) or target is None:
            self._move(activity_id, target)
            return
        activity = session.activity(activity_id)
        placed = [p for p in session.placements_for(activity.id) if p.round == activity.round]
        if not activity.revealed or len({p.current for p in placed}) < 2:
            self._move(activity_id, target)
            return
        differ = self.t(
            "board.drag.differ",
            activity=one_line(activity.title, 80),
            count=len({p.current for p in placed}),
            rung=session.scenario.rung_title(target),
        )
        self._move(activity_id, target, differ)

    # ---------------------------------------------------------------- actions
    def on_action_bar_pressed(self, event: ActionBar.Pressed) -> None:
        event.stop()
        actions = {"up": "move(1)", "down": "move(-1)", "place": "place"}
        if event.name in actions:
            self.board.focus()
            self.call_later(self.run_action, actions[event.name])

    def _selected(self) -> Activity | None:
        activity_id = self.board.selected_id
        session = self.session
        if activity_id is None or not session.has_activity(activity_id):
            self.notify(self.t("board.none_selected"), timeout=3)
            return None
        return session.activity(activity_id)

    def action_move(self, step: int) -> None:
        activity = self._selected()
        if activity is None:
            return
        scenario = self.service.scenario
        rungs = scenario.rung_ids()
        if activity.agreed_current is None:
            if step < 0:
                self.notify(self.t("board.bottom"), timeout=2)
                return
            target: str | None = rungs[0]
        else:
            index = scenario.rung_index(activity.agreed_current) + step
            if index >= len(rungs):
                self.notify(self.t("board.top"), timeout=2)
                return
            target = rungs[index] if index >= 0 else None
        self._move(activity.id, target)

    def action_to_rung(self, number: int) -> None:
        """A digit puts the selected card on that rung (1 = the lowest), as u/d would step by step."""
        activity = self._selected()
        rungs = self.service.scenario.rung_ids()
        if activity is not None and 1 <= number <= len(rungs):
            self._move(activity.id, rungs[number - 1])

    def _move(self, activity_id: str, target: str | None, question: str = "") -> None:
        """Move the card (keys, buttons, drag), asking first what it would undo (`CardMover`).
        A plain move says nothing: the card moving, and the selection following it, is the
        feedback; one that reopened sign-offs says whose."""
        self.run_worker(self._mover.move(activity_id, target, question), group="board-move", exclusive=True)

    def action_filter(self, step: int) -> None:
        values = [ALL, *(party_id for party_id, _ in self._parties)]
        index = values.index(self.party_filter) if self.party_filter in values else 0
        value = values[(index + step) % len(values)]
        self._filter_field.value = value
        self._filter(value)

    def on_choice_field_changed(self, event: ChoiceField.Changed) -> None:
        event.stop()
        self._filter(event.value)

    def _filter(self, value: str) -> None:
        if value != self.party_filter:
            self.party_filter = value
            self.show_session(self.session)

    def action_place(self) -> None:
        activity = self._selected()
        if activity is not None:
            self._open_placement(activity.id)

    def _open_placement(self, activity_id: str) -> None:
        def closed() -> None:
            self.show_session(self.session)
            if self.board.column_of(activity_id) is not None:
                self.board.select(activity_id)
            self.board.focus()

        self.post_message(OpenPlacement(activity_id, closed))

    def _reopen_placement(self) -> None:
        """After a restart, go back into the placement that was open (saved as view state)."""
        if self._reopened:
            return
        self._reopened = True
        open_id = self.session.room.open_activity
        if open_id is not None:
            self.app.call_later(self._open_placement, open_id)
