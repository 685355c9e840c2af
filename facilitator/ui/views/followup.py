"""The follow-up of last time: what came of the earlier session's promises.

Only a session that continues another (`new --from`) has this phase. It lists last time's
commitments, accepted and amended expectations and open next steps (wording, party, due
date); for each the room records done, partly, not done or no longer needed (1–4, or the
buttons), with a short note (e); an open step can be carried over into this workshop (c).
A party may answer for its own items from a phone: its answer shows as "to confirm" until
the facilitator confirms it (y). One line per item in a `DataTable`: a long list costs what
a screenful does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import DataTable, Label, Static

from facilitator.core.comparison import outcome_key
from facilitator.core.dates import shown_date
from facilitator.core.followup import not_carried_over, promises
from facilitator.core.model import OUTCOMES, Action, FollowUp, Session
from facilitator.core.text import multi_line, one_line
from facilitator.ui.dialogs.common import ConfirmDialog, TextPromptDialog
from facilitator.ui.text import literal_cell
from facilitator.ui.views.base import PhaseView
from facilitator.ui.views.phone_words import from_phone, phone_words
from facilitator.ui.widgets.button import Button
from facilitator.ui.widgets.parts import PartsLabel
from facilitator.ui.widgets.tables import Table, key_at_cursor, move_to

PARTY_WIDTH = 18
NOTE_WIDTH = 24
FIXED = 14 + PARTY_WIDTH + 11 + 20 + 10  # every column but the wording and the note, and gaps
WIDE = 120  # from this width the note has a column of its own (else it shows under the list)
NARROW = 100  # below it the kind of item shows under the list only
ACTIONS = ("followup-note", "followup-carry", "followup-confirm")


class FollowUpView(PhaseView):
    """Last time's promises and what the room records of each."""

    KIND = "followup"
    _outcomes_shown: dict[str, str] = {}  # each item's answer as the list shows it (replaced whole)

    BINDINGS = [
        Binding("1", "record('done')", "followup.key.done"),
        Binding("2", "record('partly')", "followup.key.partly"),
        Binding("3", "record('not_done')", "followup.key.not_done"),
        Binding("4", "record('dropped')", "followup.key.dropped"),
        Binding("e", "note", "followup.key.note"),
        Binding("c", "carry", "followup.key.carry"),
        Binding("y", "confirm", "followup.key.confirm"),
    ]

    def compose(self) -> ComposeResult:
        yield PartsLabel(id="followup-counts")
        yield Label("", id="followup-not-carried")
        yield Table(id="followup-items", cursor_type="row", zebra_stripes=True)
        yield Label("", id="followup-empty", classes="empty")
        yield Static("", id="followup-detail")
        with Horizontal(classes="followup-buttons editing"):
            for outcome in OUTCOMES:
                yield Button("", id=f"followup-{outcome}", compact=True)
        with Horizontal(classes="followup-buttons editing"):
            for button_id in ACTIONS:
                yield Button("", id=button_id, compact=True)

    def relabel(self) -> None:
        super().relabel()
        t = self.t
        for outcome in OUTCOMES:
            label = f"{OUTCOMES.index(outcome) + 1} {t(f'followup.outcome.{outcome}')}"
            self.query_one(f"#followup-{outcome}", Button).label = Content(label)
        self.query_one("#followup-note", Button).label = Content(t("followup.button.note"))
        self.query_one("#followup-carry", Button).label = Content(t("followup.button.carry"))
        self.query_one("#followup-confirm", Button).label = Content(t("followup.button.confirm"))
        self.query_one("#followup-empty", Label).update(Content(t("followup.empty")))
        if self.is_mounted:
            self.show_session(self.session)

    def focus_first(self) -> None:
        self.query_one("#followup-items", DataTable).focus()

    # ---------------------------------------------------------------- showing
    def outcome_text(self, item: FollowUp) -> str:
        t = self.t
        said = t(f"followup.outcome.{outcome_key(item)}" if item.confirmed else "followup.outcome.none")
        if item.outcome and not item.confirmed:
            said = t("followup.to_confirm", outcome=t(f"followup.outcome.{item.outcome}"))
        if self.carried_step(item) is not None:
            said += " ↪"
        return said

    def carried_step(self, item: FollowUp) -> Action | None:
        """The step of this workshop the item was carried over as, while it is still there."""
        if not item.carried_action:
            return None
        return next((x for x in self.session.actions if x.id == item.carried_action), None)

    def show_session(self, session: Session) -> None:
        t = self.t
        items = promises(session)
        table: DataTable[object] = self.query_one("#followup-items", DataTable)
        keep, index = key_at_cursor(table), table.cursor_row
        width = self.size.width or self.app.size.width
        wide, narrow = width >= WIDE, width < NARROW
        table.clear(columns=True)
        columns = (
            *(() if narrow else ("kind",)),
            "party",
            "text",
            "due",
            "outcome",
            *(("note",) if wide else ()),
        )
        for key in columns:
            table.add_column(Text(t(f"followup.col.{key}")), key=key)
        text_width = max(width - FIXED - (NOTE_WIDTH + 2 if wide else 0) + (16 if narrow else 0), 16)
        for item in items:
            party = session.party_name(item.party_id) if session.has_party(item.party_id) else item.party_name
            cells = [
                *(() if narrow else (Text(t(f"followup.kind.{item.kind}")),)),
                literal_cell(party, PARTY_WIDTH),
                literal_cell(item.text, text_width),
                Text(shown_date(item.due, t.language)),
                Text(self.outcome_text(item), style="bold" if item.outcome else "italic"),
            ]
            if wide:
                cells.append(literal_cell(item.note, NOTE_WIDTH))
            table.add_row(*cells, key=item.id)
        move_to(table, keep, index)
        self._outcomes_shown = {item.id: item.outcome for item in items}
        recorded = sum(1 for i in items if i.outcome and i.confirmed)
        waiting = sum(1 for i in items if i.outcome and not i.confirmed)
        self.query_one("#followup-counts", PartsLabel).show(
            t("followup.counts", total=len(items), recorded=recorded, waiting=waiting)
        )
        table.display = bool(items)
        self.query_one("#followup-empty", Label).display = not items
        gone = not_carried_over(session)  # last time's activities this workshop left out
        left_out = self.query_one("#followup-not-carried", Label)
        left_out.update(
            Content(t("followup.not_carried", titles=", ".join(one_line(f.text, 60) for f in gone)))
        )
        left_out.display = bool(gone)
        self._show_detail(session)

    def on_resize(self) -> None:
        if self.is_mounted:
            self.show_session(self.session)

    def selected(self) -> FollowUp | None:
        key = key_at_cursor(self.query_one("#followup-items", DataTable))
        return next((i for i in promises(self.session) if i.id == key), None)

    def _show_detail(self, session: Session) -> None:
        item = self.selected()
        detail = self.query_one("#followup-detail", Static)
        detail.display = item is not None
        if item is None:
            return
        t = self.t
        parts: list[Content | str] = [Content.styled(t(f"followup.kind.{item.kind}") + ": ", "bold")]
        parts.append(Content(multi_line(item.text)))
        if item.activity:
            parts += [
                "\n",
                Content.styled(one_line(t("followup.detail.activity", activity=item.activity)), "italic"),
            ]
        if item.kind == "expectation" and item.from_party:
            who = session.party_name(item.from_party)
            parts += ["\n", Content(one_line(t("followup.detail.from", party=who)))]
        if item.note.strip():
            parts += ["\n", Content(one_line(t("followup.detail.note", note=item.note), 300))]
        if self.carried_step(item) is not None:
            parts += ["\n", Content.styled(t("followup.carried"), "italic")]
        detail.update(Content.assemble(*parts))

    @on(DataTable.RowHighlighted, "#followup-items")
    def _highlighted(self) -> None:
        self._show_detail(self.session)

    # ---------------------------------------------------------------- recording
    @work(exclusive=True, group="followup-record")
    async def action_record(self, outcome: str) -> None:
        """Record what came of the item; over another outcome a party sent from its phone, ask
        first (as over a phone's placement): Cancel is the default."""
        item = self.selected()
        if item is None:
            return
        if item.outcome and not item.confirmed and item.outcome != outcome:  # the party's own answer
            t, session = self.t, self.session
            party = session.party_name(item.party_id) if session.has_party(item.party_id) else ""
            question = phone_words(  # naming the person too when the phone gave a name
                t,
                "followup.replace_phone",
                from_phone(session, "followup", item.id) or "",
                party or item.party_name,
                answer=t(f"followup.outcome.{item.outcome}"),
                outcome=t(f"followup.outcome.{outcome}"),
            )
            if not await self.app.push_screen_wait(ConfirmDialog(question, "board.place.replace")):
                return
        await self._record_with_carried(item, outcome, lambda: self.service.record_followup(item.id, outcome))

    async def _record_with_carried(self, item: FollowUp, outcome: str, record: Callable[[], object]) -> None:
        """Done or no longer needed, of a step carried into this workshop and still open here:
        ask to mark it done here too (or remove it); Cancel records nothing, so the two never
        contradict each other."""
        step = self.carried_step(item) if outcome in ("done", "dropped") else None
        if step is None or step.done:
            self.fapp.attempt(record)
            return
        t = self.t
        due = shown_date(step.due, t.language) if step.due else t("followup.carried_open.no_due")
        question = t(f"followup.carried_open.{outcome}", text=one_line(step.text, 60), due=due)
        if not await self.app.push_screen_wait(
            ConfirmDialog(question, f"followup.carried_open.{outcome}.yes", safe=outcome == "done")
        ):
            return

        def both() -> None:
            record()
            if outcome == "done":
                self.service.update_action(step.id, done=True)
            else:
                self.service.remove_action(step.id)

        self.fapp.attempt(both)

    def action_confirm(self) -> None:
        """Confirm what a party answered from its phone."""
        item = self.selected()
        if item is None:
            return
        if not item.outcome:
            self.fapp.show_error(self.t("followup.nothing_to_confirm"))
            return
        seen = self._outcomes_shown.get(item.id, item.outcome)  # the answer on screen, not one sent since
        self._confirm_with_carried(item, seen)

    @work(exclusive=True, group="followup-record")
    async def _confirm_with_carried(self, item: FollowUp, seen: str) -> None:
        await self._record_with_carried(item, seen, lambda: self.service.confirm_followup(item.id, seen))

    @work
    async def action_note(self) -> None:
        item = self.selected()
        if item is None:
            return
        await self.app.push_screen_wait(  # a refusal stays in the dialog, with the note as typed
            TextPromptDialog(
                "followup.note.title",
                "followup.note.label",
                item.note,
                attempt=lambda note: self.service.note_followup(item.id, note.strip()),
            )
        )

    @work
    async def action_carry(self) -> None:
        """Carry last time's open step over: a step of this workshop, linked to the item."""
        item = self.selected()
        if item is None:
            return
        t = self.t
        if item.kind != "action" or item.carried_action:
            key = "followup.carry.carried" if item.carried_action else "followup.carry.not_a_step"
            self.fapp.show_error(t(key))
            return
        if not self.session.has_party(item.party_id):
            self.fapp.show_error(t("followup.carry.party_gone", party=item.party_name))
            return
        due = await self.app.push_screen_wait(  # a date it can't read stays in the dialog, to mend
            TextPromptDialog(
                "followup.carry.title",
                "followup.carry.due",
                shown_date(item.due, t.language) if self._still_ahead(item.due) else "",
                attempt=lambda due: self.service.carry_over(item.id, due=due.strip() or None),
            )
        )
        if due is not None:
            self.notify(t("followup.carry.done", text=one_line(item.text, 60)), markup=False, timeout=3)

    def _still_ahead(self, due: str | None) -> bool:
        """A due date after today and this workshop's day: worth offering as the new one (last
        year's, passed, would carry the step over already late)."""
        now = max(dt.date.today().isoformat(), self.session.info.date or "")
        return bool(due) and str(due) > now

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        name = (event.button.id or "").removeprefix("followup-")
        event.stop()
        self.query_one("#followup-items", DataTable).focus()  # the list keeps the keys working
        if name in OUTCOMES:
            self.action_record(name)
        elif name == "note":
            self.action_note()
        elif name == "carry":
            self.action_carry()
        elif name == "confirm":
            self.action_confirm()
