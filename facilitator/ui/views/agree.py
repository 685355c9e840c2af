"""The roles-and-expectations view: who does what, what the parties expect of each other,
and every place where they are not yet aligned.

On the left, the activities; on the right, the selected activity as one line-based list in
sections (parties with role and sign-off, commitments, expectations with their answers,
the agreed rung's agreement fields, actions) and beside or below it the activity's open
mismatches, explained. Keys act on the item under the cursor; every key has a button (or a
click on the item) and a palette entry. Any change to the rung, roles, commitments,
expectations or fields voids the sign-offs given so far: the core records which ones, and
this view says so in a notification and on the party's row until it signs again.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Button, Label, OptionList
from textual.widgets.button import ButtonVariant
from textual.widgets.option_list import Option, OptionDoesNotExist

from facilitator.core.mismatches import Mismatch, mismatches
from facilitator.core.model import Activity, Session
from facilitator.core.service import SessionService
from facilitator.core.text import one_line
from facilitator.ui.dialogs.actions import ActionDialog, AddMenu
from facilitator.ui.dialogs.common import ChoiceDialog, ConfirmDialog
from facilitator.ui.dialogs.expectations import AnswerDialog, ExpectationDialog
from facilitator.ui.dialogs.fields import FLOWS, FieldsDialog
from facilitator.ui.dialogs.roles import CommitmentDialog, RoleDialog
from facilitator.ui.localized import localize_bindings
from facilitator.ui.messages import GoToPhase
from facilitator.ui.text import literal
from facilitator.ui.views.agree_items import NAME_LIMIT, REASONS, TEXT_LIMIT, Item, item_options, line_grid
from facilitator.ui.views.base import PhaseView

SELECT_DELAY = 0.3  # seconds of rest on an activity before it is remembered as selected
WIDE = 150  # from this many columns the mismatches stand beside the items, not below them
SHORT = 32  # below this many lines the mismatches get fewer lines and the spacing goes
NARROW = 120  # below this many columns the activity list shows each activity on two short lines
TITLE_LIMIT = 200  # characters of a title in the list and the header; the whole title is kept
SIDE_MAX = 56  # the activity list's widest, as in agree.tcss
BUTTONS: tuple[tuple[str, ButtonVariant], ...] = (
    ("role", "default"),
    ("sign", "default"),
    ("answer", "default"),
    ("edit", "default"),
    ("done", "default"),
    ("remove", "error"),
    ("add", "primary"),
    ("grid", "default"),
)
NOTIFY_LIMIT = 3  # reopened activities announced one by one; more are counted in one notice


def event_activity(data: Any) -> str | None:
    """The activity an event concerns (its `activity_id`, or the `id` of an activity change)."""
    value = data.get("activity_id") or data.get("id")
    return value if isinstance(value, str) else None


def reopened_parties(session: Session, activity_id: str) -> dict[str, str]:
    """Parties whose sign-off a later change voided and who have not signed again: the change kind."""
    out: dict[str, str] = {}
    for event in session.events:
        data = event.data
        if event_activity(data) != activity_id:
            continue
        if event.kind in ("signoff.given", "signoff.withdrawn"):
            out.pop(str(data.get("party_id")), None)
        for party in data.get("reopened", ()):
            out[party] = event.kind
    signed = {s.party_id for s in session.signoffs_for(activity_id)}
    return {party: kind for party, kind in out.items() if party not in signed}


class ActivityList(OptionList):
    """The activities; right (or enter) goes into the selected activity's items."""

    BINDINGS = [Binding("right", "to_items", "agree.key.to_items", show=False)]

    def action_to_items(self) -> None:
        self.screen.query_one("#agree-items", OptionList).focus()


class ItemList(OptionList):
    """The selected activity's parties, commitments, expectations, fields and actions."""

    BINDINGS = [
        Binding("enter", "select", "agree.key.open"),
        Binding("left", "to_activities", "agree.key.to_activities", show=False),
    ]

    def action_to_activities(self) -> None:
        self.screen.query_one("#agree-activities", OptionList).focus()

    async def _on_click(self, event: events.Click) -> None:
        """A click puts the cursor on a line (so the buttons act on it); a click on the cursor's
        line, or a double click, opens it."""
        event.prevent_default()  # instead of the option list's own click: it opens at once
        clicked: int | None = event.style.meta.get("option")
        if clicked is None or self.get_option_at_index(clicked).disabled:
            return
        if clicked == self.highlighted or event.chain > 1:
            self.highlighted = clicked
            self.action_select()
        else:
            self.highlighted = clicked


class BarButton(Button, can_focus=False):
    """A button of the bar: a click acts on the item under the cursor and leaves the focus there."""


class GapList(OptionList):
    """The selected activity's open mismatches; enter goes to the item a mismatch concerns."""

    BINDINGS = [Binding("enter", "select", "agree.key.jump")]


class AgreeView(PhaseView):
    """Roles, commitments, expectations, agreement fields, actions and sign-offs, per activity."""

    KIND = "agree"
    BINDINGS = [
        Binding("r", "role", "agree.key.role"),
        Binding("s", "sign", "agree.key.sign"),
        Binding("s", "withdraw", "agree.key.withdraw"),
        Binding("c", "add_commitment", "agree.key.commitment"),
        Binding("e", "add_expectation", "agree.key.expectation"),
        Binding("f", "fields", "agree.key.fields"),
        Binding("n", "add_action", "agree.key.action"),
        Binding("space", "toggle_done", "agree.key.done"),
        Binding("delete", "remove", "agree.key.remove"),
        Binding("x", "remove", "agree.key.remove", show=False),
        Binding("g", "role_grid", "agree.key.grid"),
        Binding("S", "sign_all", "agree.key.sign_all"),
    ]

    def __init__(self, service: SessionService) -> None:
        super().__init__(service)
        self.activity_id: str | None = None
        self._session: Session | None = None
        self._ready = False
        self._known_selection: str | None = None  # the selection last saved or reported
        self._stale_selection: str | None = None  # what the file holds until our report is saved
        self._awaiting_save = False
        self._select_timer: Timer | None = None
        self._seen_seq: int | None = None
        self._gaps: dict[str, list[Mismatch]] = {}
        self._shown_gaps: list[Mismatch] = []
        self._list_signature: tuple[object, ...] = ()
        self._items_signature: tuple[object, ...] = ()
        self._items_activity: str | None = None
        self._offered: tuple[bool, ...] = ()
        self._gaps_signature: tuple[object, ...] = ()

    # ---------------------------------------------------------------- layout
    def compose(self) -> ComposeResult:
        with Horizontal(id="agree-body"):
            with Vertical(id="agree-side"):
                yield Label("", id="agree-list-heading", classes="agree-heading")
                yield ActivityList(id="agree-activities", compact=True)
            with Vertical(id="agree-main"):
                with Vertical(id="agree-header"):
                    yield Label("", id="agree-title")
                    yield Label("", id="agree-status")
                with Horizontal(id="agree-panes"):
                    yield ItemList(id="agree-items", compact=True)
                    with Vertical(id="agree-gaps-box"):
                        yield Label("", id="agree-gaps-heading", classes="agree-heading")
                        yield GapList(id="agree-gaps", compact=True)
                with Horizontal(id="agree-buttons", classes="editing"):
                    for button_id, variant in BUTTONS:
                        yield BarButton("", id=f"agree-{button_id}", compact=True, variant=variant)
        yield Label("", id="agree-empty", classes="empty")

    def after_mount(self) -> None:
        self.watch(self.app, "projector", self._projector_changed, init=False)

    def on_resize(self) -> None:
        self._fit_width()
        self.call_after_refresh(self._refit)

    def _refit(self) -> None:
        """Redraw the lists whose lines depend on their width, once the new layout is known."""
        activity = self.current_activity()
        if self._ready and activity is not None:
            self._fill_activities(self.shown)
            self._fill_items(self.shown, activity)

    def _fit_width(self) -> None:
        """Mismatches beside the items when wide; a one-line-per-activity list when narrow.

        From the app's width: a hidden view gets no resize events.
        """
        width = self.app.size.width - self.styles.gutter.width
        self.set_class(width >= WIDE, "-wide")
        self.set_class(self.app.size.height < SHORT, "-short")
        narrow = width < NARROW
        if narrow != self.has_class("-narrow"):
            self.set_class(narrow, "-narrow")
            if self._ready:
                self._fill_activities(self.shown)

    def _projector_changed(self, projector: bool) -> None:
        """Redraw the items for the room: no key hints, more space between entries.

        The buttons that projector mode hides never take the focus, so it stays on a list.
        """
        self._items_signature = ()
        if self._ready:
            self.show_session(self.session)

    # ---------------------------------------------------------------- text
    def relabel(self) -> None:
        super().relabel()
        t = self.t
        for widget in self.query("ActivityList, ItemList, GapList"):
            localize_bindings(widget, t)
        self.query_one("#agree-list-heading", Label).update(Content(t("agree.activities")))
        self.query_one("#agree-empty", Label).update(Content(t("agree.empty")))
        for button_id in ("role", "answer", "edit", "remove", "add", "grid"):
            self.query_one(f"#agree-{button_id}", Button).label = Content(t(f"agree.button.{button_id}"))
        self._list_signature = self._items_signature = self._gaps_signature = ()
        if self._ready:
            self.show_session(self.session)

    def focus_first(self) -> None:
        """The activity list: the workshop's keys ([ ] t + *) keep working there."""
        self.query_one("#agree-activities", OptionList).focus()

    # ---------------------------------------------------------------- showing
    @property
    def shown(self) -> Session:
        """The session as last shown (cheap: key checks run on every refresh)."""
        return self._session if self._session is not None else self.session

    def show_session(self, session: Session) -> None:
        self._session = session
        self._ready = True
        self._fit_width()
        self._announce_reopened(session)
        has_activities = bool(session.activities)
        self.query_one("#agree-body").display = has_activities
        self.query_one("#agree-empty").display = not has_activities
        if not has_activities:
            self.activity_id = None
            self._refresh_keys()
            return
        self._follow_selection()
        if self.activity_id is None or not session.has_activity(self.activity_id):
            self.activity_id = session.activities[0].id
        self._gaps = {}
        for gap in mismatches(session):
            self._gaps.setdefault(gap.activity_id, []).append(gap)
        self._fill_activities(session)
        self._show_activity(session)

    def _follow_selection(self) -> None:
        """Show the activity selected in another view (summary, board, overview…).

        Our own choice is saved by the workshop a moment after we report it; until then the
        file still holds the one before, which must not pull the view back.
        """
        selected = self.selected_activity_id
        if selected == self._known_selection:
            self._awaiting_save = False
        elif not (self._awaiting_save and selected == self._stale_selection):
            self._known_selection = selected
            self._awaiting_save = False
            if selected is not None:
                self.activity_id = selected

    def _report_selection(self, activity_id: str) -> None:
        """Tell the workshop (and so every view, and the next start) which activity is selected."""
        if not self._awaiting_save:
            self._stale_selection = self.selected_activity_id
        self._known_selection = activity_id
        self._awaiting_save = True
        self.select_activity(activity_id)

    def current_activity(self) -> Activity | None:
        session = self.shown
        if self.activity_id is None or not session.has_activity(self.activity_id):
            return None
        return session.activity(self.activity_id)

    def current_item(self) -> Item | None:
        option = self.query_one("#agree-items", OptionList).highlighted_option
        return Item.parse(option.id) if option is not None else None

    # ---------------------------------------------------------------- the activity list
    def _fill_activities(self, session: Session) -> None:
        listing = self.query_one("#agree-activities", OptionList)
        signed: dict[str, int] = {}
        for s in session.signoffs:
            signed[s.activity_id] = signed.get(s.activity_id, 0) + 1
        rows = tuple(
            (
                a.id,
                a.title,
                a.agreed_current,
                signed.get(a.id, 0),
                len(a.party_ids),
                len(self._gaps.get(a.id, ())),
            )
            for a in session.activities
        )
        signature = (self.t.language, self.has_class("-narrow") and self._side_width(), rows)
        if signature != self._list_signature:
            self._list_signature = signature
            with listing.prevent(OptionList.OptionHighlighted):
                listing.clear_options()
                listing.add_options(self._activity_option(session, *row) for row in rows)
        index = next((i for i, a in enumerate(session.activities) if a.id == self.activity_id), None)
        if index is not None and listing.highlighted != index:
            with listing.prevent(OptionList.OptionHighlighted):
                listing.highlighted = index

    def _items_width(self) -> int:
        """The item list's width for text (padding and scrollbar aside): measured, or estimated."""
        width = self.query_one("#agree-items", OptionList).size.width
        if width <= 0:
            usable = self.app.size.width - self.styles.gutter.width
            main = usable - max(min(usable * 30 // 100, SIDE_MAX), 22) - 1
            width = main * 62 // 100 if self.has_class("-wide") else main
        return max(width - 2, 20)

    def _alignment(self, gaps: int, parties: int) -> str:
        """ "⚠ 2 not aligned", "✓ aligned", or, with nobody to align, "no parties yet"."""
        t = self.t
        if gaps:
            return t("agree.list.gaps", count=gaps)
        return t("agree.list.aligned") if parties else t("agree.list.no_parties")

    def _side_width(self) -> int:
        """The activity list's width for text (its scrollbar aside): measured, or estimated before layout."""
        width = self.query_one("#agree-activities", OptionList).size.width
        if width <= 0:
            usable = self.app.size.width - self.styles.gutter.width
            width = max(min(usable * 30 // 100, SIDE_MAX), 22)
        return max(width - 2, 8)

    def _activity_option(
        self,
        session: Session,
        activity_id: str,
        title: str,
        rung: str | None,
        signed: int,
        total: int,
        gaps: int,
    ) -> Option:
        t = self.t
        if self.has_class("-narrow"):  # two lines, cut to the list's width
            number = "○" if rung is None else f"{session.scenario.rung_index(rung) + 1}."
            status = t("agree.list.short", rung=number, signed=signed, total=total)
            status += " · " + self._alignment(gaps, total)
            width = self._side_width()
            prompt = Content.assemble(
                Content.styled(one_line(title, width + 1), "bold").truncate(width, ellipsis=True),
                "\n",
                Content.styled(status, "$text-muted").truncate(width, ellipsis=True),
            )
            return Option(prompt, id=activity_id)
        status = t("agree.list.none") if rung is None else "✓ " + one_line(session.scenario.rung_title(rung))
        status += " · " + t("agree.list.signed", signed=signed, total=total)
        status += " · " + self._alignment(gaps, total)
        prompt = Content.assemble(
            Content.styled(one_line(title, TITLE_LIMIT), "bold"), "\n", Content.styled(status, "$text-muted")
        )
        return Option(prompt, id=activity_id)

    @on(OptionList.OptionHighlighted, "#agree-activities")
    def _activity_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        activity_id = event.option.id
        if activity_id is None or activity_id == self.activity_id:
            return
        self.activity_id = activity_id
        self._show_activity(self.shown)
        if self._select_timer is not None:
            self._select_timer.stop()
        self._select_timer = self.set_timer(SELECT_DELAY, lambda: self._report_selection(activity_id))

    @on(OptionList.OptionSelected, "#agree-activities")
    def _activity_chosen(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click on an activity: go into its items."""
        event.stop()
        self.query_one("#agree-items", OptionList).focus()

    def show_target(self, activity_id: str, target: str = "") -> None:
        """Select an activity and put the cursor on the item `target` names (a party,
        expectation, commitment, action or field id), e.g. from a mismatch elsewhere."""
        session = self.session
        if not session.has_activity(activity_id):
            return
        if self._select_timer is not None:
            self._select_timer.stop()  # an earlier choice in the list must not win later
        self.activity_id = activity_id
        self._report_selection(activity_id)
        self.show_session(session)
        items = self.query_one("#agree-items", OptionList)
        if target:
            for index, option in enumerate(items.options):
                item = Item.parse(option.id)
                if item is not None and item.key == target and not option.disabled:
                    items.highlighted = index
                    break
        items.focus()

    # ---------------------------------------------------------------- the selected activity
    def _show_activity(self, session: Session) -> None:
        activity = self.current_activity()
        if activity is None:
            return
        t = self.t
        scenario = session.scenario
        self.query_one("#agree-title", Label).update(literal(activity.title, TITLE_LIMIT))
        current, wished = activity.agreed_current, activity.agreed_wished
        if current is None:
            rung = Content.styled(t("agree.header.no_rung"), "bold $warning")
        elif wished is not None and wished != current:
            titles = {"current": scenario.rung_title(current), "wished": scenario.rung_title(wished)}
            rung = Content(t("agree.header.rung.wished", **titles))
        else:
            rung = Content(t("agree.header.rung", current=scenario.rung_title(current)))
        signed = {s.party_id for s in session.signoffs_for(activity.id)}
        total = len(activity.party_ids)
        count = sum(1 for p in activity.party_ids if p in signed)
        if total and count == total:
            signoffs = Content.styled(t("agree.header.all_signed", total=total), "bold $success")
        else:
            signoffs = Content(t("agree.header.signed", signed=count, total=total))
        status = Content.assemble(rung, Content.styled("  ·  ", "$text-muted"), signoffs)
        self.query_one("#agree-status", Label).update(status)
        self._fill_items(session, activity)
        self._fill_gaps(session, activity)
        self._update_buttons()

    def _fill_items(self, session: Session, activity: Activity) -> None:
        items = self.query_one("#agree-items", OptionList)
        reopened = reopened_parties(session, activity.id)
        signature: tuple[object, ...] = (
            self.t.language,
            self.fapp.projector,
            self._items_width(),
            activity,
            tuple(sorted(session.roles_for(activity.id).items())),
            session.commitments_for(activity.id),
            session.expectations_for(activity.id),
            tuple(sorted(session.fields_for(activity.id).items())),
            tuple(s.party_id for s in session.signoffs_for(activity.id)),
            session.actions_for(activity.id),
            tuple(sorted(reopened.items())),
            tuple((p.id, p.name) for p in session.parties),
        )
        if signature == self._items_signature:
            return
        same_activity = self._items_activity == activity.id
        self._items_activity = activity.id
        self._items_signature = signature
        previous = items.highlighted_option.id if items.highlighted_option is not None else None
        index = items.highlighted or 0
        options = list(
            item_options(
                session,
                activity,
                reopened,
                t=self.t,
                width=self._items_width(),
                projector=self.fapp.projector,
            )
        )
        with items.prevent(OptionList.OptionHighlighted):
            items.clear_options()
            items.add_options(options)
            target: int | None = None
            if same_activity and previous is not None:
                try:
                    target = items.get_option_index(previous)
                except OptionDoesNotExist:  # the option went away: stay near its place
                    target = None
            if target is None:
                start = index if same_activity else 0
                target = self._enabled_near(items, start)
            if not same_activity:
                items.scroll_home(animate=False)  # another activity: from its first line
            items.highlighted = target

    @staticmethod
    def _enabled_near(items: OptionList, index: int) -> int | None:
        count = items.option_count
        if count == 0:
            return None
        index = min(max(index, 0), count - 1)
        order = [*range(index, count), *range(index - 1, -1, -1)]
        return next((i for i in order if not items.get_option_at_index(i).disabled), None)

    # ---------------------------------------------------------------- the mismatches
    def _fill_gaps(self, session: Session, activity: Activity) -> None:
        gaps = self._gaps.get(activity.id, [])
        t = self.t
        heading = self.query_one("#agree-gaps-heading", Label)
        heading.update(Content(t("agree.gaps.heading", count=len(gaps)) if gaps else t("agree.gaps.none")))
        heading.set_class(not gaps, "-done")
        listing = self.query_one("#agree-gaps", OptionList)
        listing.display = bool(gaps)
        signature = (t.language, activity.id, tuple((g.kind, g.target, g.explain(t)) for g in gaps))
        if signature == self._gaps_signature:
            return
        self._gaps_signature = signature
        self._shown_gaps = list(gaps)
        highlighted = listing.highlighted
        with listing.prevent(OptionList.OptionHighlighted):
            listing.clear_options()
            for index, gap in enumerate(gaps):
                row = line_grid(1, None, padding=1)
                row.add_row(Text("⚠", style="bold yellow"), Text(one_line(gap.explain(t), TEXT_LIMIT)))
                listing.add_option(Option(row, id=f"gap:{index}"))
            if gaps:
                listing.highlighted = min(highlighted or 0, len(gaps) - 1)

    @on(OptionList.OptionSelected, "#agree-gaps")
    def _gap_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = int((event.option.id or "gap:0").split(":", 1)[1])
        if 0 <= index < len(self._shown_gaps):
            self.go_to_gap(self._shown_gaps[index])

    def go_to_gap(self, gap: Mismatch) -> None:
        """Put the cursor where a mismatch is fixed; or open what fixes it."""
        activity = self.current_activity()
        if activity is None:
            return
        session = self.shown
        target: Item | None = None
        if gap.phase_kind != "agree":  # fixed in another phase (declared with the kind, in the core)
            phase = next((p for p in session.scenario.agenda if p.kind == gap.phase_kind), None)
            if phase is not None:
                self.notify(
                    self.t("agree.gap.elsewhere", phase=one_line(phase.name, NAME_LIMIT)),
                    markup=False,
                    timeout=4,
                )
                self._go_phase(phase.id)
            return
        if gap.fix_item == "party":
            party = gap.target or (gap.party_ids[0] if gap.party_ids else None)
            party = party or (activity.party_ids[0] if activity.party_ids else None)
            target = Item("party", party) if party else None
        elif gap.fix_item in ("expectation", "field"):
            target = Item(gap.fix_item, gap.target)
        elif gap.fix_item == "commitment":
            first = next(
                (c for c in session.commitments_for(activity.id) if c.party_id in gap.party_ids), None
            )
            target = Item("commitment", first.id) if first else None
        elif gap.fix_item == "action":
            self.action_add_action()
            return
        if target is not None:
            self._highlight(target)

    def _highlight(self, item: Item) -> None:
        items = self.query_one("#agree-items", OptionList)
        try:
            items.highlighted = items.get_option_index(item.option_id)
        except OptionDoesNotExist:  # gone meanwhile: leave the cursor where it is
            return
        items.focus()

    def _go_phase(self, phase_id: str) -> None:
        self.post_message(GoToPhase(phase_id))

    # ---------------------------------------------------------------- reopened sign-offs
    def _announce_reopened(self, session: Session) -> None:
        """Say which sign-offs a change voided since the last look, and why."""
        events = session.events
        last = events[-1].seq if events else 0
        if self._seen_seq is None or last < self._seen_seq:
            self._seen_seq = last
            return
        found: dict[str, tuple[list[str], list[str]]] = {}
        for event in reversed(events):
            if event.seq <= self._seen_seq:
                break
            parties = event.data.get("reopened")
            activity_id = event_activity(event.data)
            if not parties or activity_id is None:
                continue
            who, why = found.setdefault(activity_id, ([], []))
            who.extend(p for p in parties if p not in who)
            reason = REASONS.get(event.kind, "agree.reason.other")
            if reason not in why:
                why.insert(0, reason)
        self._seen_seq = last
        t = self.t
        shown = 0
        for activity_id, (who, why) in reversed(list(found.items())):
            if not session.has_activity(activity_id):
                continue
            order = {p: i for i, p in enumerate(session.activity(activity_id).party_ids)}
            who.sort(key=lambda p: order.get(p, len(order)))
            shown += 1
            if shown > NOTIFY_LIMIT:
                continue
            message = t(
                "agree.reopened",
                parties=", ".join(session.party_name(p) for p in who),
                reason=", ".join(t(r) for r in why),
                activity=one_line(session.activity(activity_id).title, 120),
            )
            self.notify(message, severity="warning", markup=False, timeout=8)
        if shown > NOTIFY_LIMIT:
            self.notify(t("agree.reopened.more", count=shown - NOTIFY_LIMIT), severity="warning", timeout=8)

    # ---------------------------------------------------------------- keys and buttons
    def _party_of(self, item: Item | None, activity: Activity) -> str | None:
        """The party the cursor's item belongs to: the party itself, the commitment's, ..."""
        session = self.shown
        if item is not None:
            if item.kind == "party":
                return item.key
            if item.kind == "commitment":
                found = next((c for c in session.commitments if c.id == item.key), None)
                return found.party_id if found else None
            if item.kind == "expectation":
                expectation = next((e for e in session.expectations if e.id == item.key), None)
                return expectation.from_party if expectation else None
            if item.kind == "action":
                action = next((a for a in session.actions if a.id == item.key), None)
                return action.owner if action else None
        return activity.party_ids[0] if activity.party_ids else None

    def _has_fields(self) -> bool:
        """Whether the selected activity has an agreed rung with agreement fields to fill in."""
        activity = self.current_activity()
        current = activity.agreed_current if activity is not None else None
        rung = self.shown.scenario.rung(current) if current is not None else None
        return rung is not None and bool(rung.fields or rung.flows)

    def _removable(self, item: Item | None) -> bool:
        if item is None:
            return False
        if item.kind == "field":
            activity = self.current_activity()
            return activity is not None and bool(self.shown.fields_for(activity.id).get(item.key, "").strip())
        return item.kind in ("commitment", "expectation", "action")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys act on the item under the cursor: only the ones that make sense there are offered."""
        activity = self.current_activity()
        if activity is None:
            return action not in _VIEW_ACTIONS
        item = self.current_item()
        session = self.shown
        party = item is not None and item.kind == "party"
        signed = (
            party
            and item is not None
            and any(s.party_id == item.key for s in session.signoffs_for(activity.id))
        )
        if action == "role":
            return party
        if action == "sign":  # from any row: a party row signs that party, another row asks which
            if party:
                return not signed
            return bool(self._unsigned(activity))
        if action == "withdraw":
            return party and signed
        if action in ("add_commitment", "add_action"):
            return bool(session.parties)
        if action == "add_expectation":
            return len(session.parties) >= 2
        if action == "fields":  # offered for every activity, so the footer stays put while browsing
            return True
        if action == "toggle_done":
            return item is not None and item.kind == "action"
        if action == "remove":
            return self._removable(item)
        return True

    @on(OptionList.OptionHighlighted, "#agree-items")
    def _item_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Only the buttons that apply to the item under the cursor; and the footer's keys."""
        item = self.current_item()
        kind = item.kind if item is not None else ""
        activity = self.current_activity()
        signed = (
            kind == "party"
            and activity is not None
            and item is not None
            and any(s.party_id == item.key for s in self.shown.signoffs_for(activity.id))
        )
        shown = {
            "role": kind == "party",
            "sign": kind == "party",
            "answer": kind == "expectation",
            "edit": kind in ("commitment", "field", "action"),
            "done": kind == "action",
            "remove": self._removable(item),
            "add": activity is not None,
            "grid": activity is not None,
        }
        for name, visible in shown.items():
            self.query_one(f"#agree-{name}", Button).display = visible
        t = self.t
        self.query_one("#agree-sign", Button).label = Content(
            t("agree.button.withdraw" if signed else "agree.button.sign")
        )
        done = (
            kind == "action" and any(a.id == item.key and a.done for a in self.shown.actions)
            if item
            else False
        )
        self.query_one("#agree-done", Button).label = Content(
            t("agree.button.undone" if done else "agree.button.done")
        )
        self._refresh_keys()

    def _refresh_keys(self) -> None:
        """Tell the footer only when the keys on offer changed: redrawing it costs tens of ms."""
        offered = tuple(bool(self.check_action(action, ())) for action in _VIEW_ACTIONS)
        if offered != self._offered:
            self._offered = offered
            self.refresh_bindings()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        actions: dict[str, Callable[[], object]] = {
            "agree-role": self.action_role,
            "agree-sign": self._sign_or_withdraw,
            "agree-answer": self.action_open,
            "agree-edit": self.action_open,
            "agree-done": self.action_toggle_done,
            "agree-remove": self.action_remove,
            "agree-add": self.action_add_menu,
            "agree-grid": self.action_role_grid,
        }
        action = actions.get(event.button.id or "")
        if action is not None:
            action()

    @on(OptionList.OptionSelected, "#agree-items")
    def _item_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        """Enter or a click on an item: the main thing to do with it."""
        item = self.current_item()
        activity = self.current_activity()
        if item is None or activity is None:
            return
        if item.kind == "party":
            self.action_role()
        elif item.kind == "commitment":
            self.edit_commitment(item.key)
        elif item.kind == "expectation":
            self.answer(item.key)
        elif item.kind == "field":
            self.action_fields(item.key)
        elif item.kind == "flows":
            self.action_fields(FLOWS)
        elif item.kind == "action":
            self.edit_action(item.key)
        elif item.kind == "add":
            if item.key == "commitment":
                self.action_add_commitment()
            elif item.key == "expectation":
                self.action_add_expectation()
            else:
                self.action_add_action()
        elif item.kind == "goto":
            self._go_phase(item.key)

    # ---------------------------------------------------------------- roles and sign-offs
    def action_role_grid(self) -> None:
        """Every activity's roles at once (views/role_grid.py)."""
        from facilitator.ui.views.role_grid import open_role_grid

        open_role_grid(self, self.service, self.activity_id)

    def action_sign_all(self) -> None:
        """Every present party signs off the activity, after one confirmation (views/sign_all.py)."""
        from facilitator.ui.views.sign_all import sign_all

        sign_all(self, self.activity_id)

    @work(exclusive=True, group="agree-dialog")
    async def action_role(self) -> None:
        activity, item = self.current_activity(), self.current_item()
        if activity is None or item is None or item.kind != "party":
            return
        session = self.shown
        roles = session.roles_for(activity.id)
        current = roles.get(item.key)
        # No role yet: start on the lead role while nobody leads, else on the first other role.
        lead = session.scenario.lead_role()
        others = [r.id for r in session.scenario.roles if not r.lead]
        led = lead is not None and lead.id in roles.values()
        suggested = others[0] if (led or lead is None) and others else (lead.id if lead else None)
        name = session.party_name(item.key)
        dialog = RoleDialog(session.scenario.roles, name, activity.title, current, suggested)
        choice = await self.app.push_screen_wait(dialog)
        if choice is None or choice.role_id == current:
            return
        self.attempt(lambda: self.service.set_role(activity.id, item.key, choice.role_id))

    def _sign_or_withdraw(self) -> None:
        if self.check_action("withdraw", ()):
            self.action_withdraw()
        else:
            self.action_sign()

    def _unsigned(self, activity: Activity) -> list[str]:
        signed = {s.party_id for s in self.shown.signoffs_for(activity.id)}
        return [p for p in activity.party_ids if p not in signed]

    def action_sign(self) -> None:
        """Sign off the party under the cursor; on any other row of the activity, ask which party."""
        activity, item = self.current_activity(), self.current_item()
        if activity is None:
            return
        if item is not None and item.kind == "party":
            self._sign(activity, item.key)
            return
        unsigned = self._unsigned(activity)
        if not unsigned:
            return
        session = self.shown
        options = [(literal(session.party_name(p)), p) for p in unsigned]
        nearest = self._party_of(item, activity)

        def chosen(party_id: str | None) -> None:
            if party_id is not None and self.session.has_activity(activity.id):
                self._sign(self.session.activity(activity.id), party_id)

        title = self.t("agree.sign.which", activity=one_line(activity.title, 120))
        self.app.push_screen(ChoiceDialog(title, options, nearest), chosen)

    def _sign(self, activity: Activity, party_id: str) -> None:
        if not self.attempt(lambda: self.service.sign_off(activity.id, party_id)):
            return
        session = self.session
        t = self.t
        name = session.party_name(party_id)
        signed = {s.party_id for s in session.signoffs_for(activity.id)}
        if all(p in signed for p in activity.party_ids):
            message = t("agree.signed.all", party=name, activity=one_line(activity.title, 120))
        else:
            message = t("agree.signed.one", party=name, signed=len(signed), total=len(activity.party_ids))
        open_gaps = [g for g in self._gaps.get(activity.id, []) if g.kind != "not_signed"]
        if open_gaps:
            message += " " + t("agree.signed.gaps", count=len(open_gaps))
        self.notify(message, markup=False, timeout=4)

    def action_withdraw(self) -> None:
        activity, item = self.current_activity(), self.current_item()
        if activity is None or item is None or item.kind != "party":
            return
        if self.attempt(lambda: self.service.withdraw_sign_off(activity.id, item.key)):
            name = self.session.party_name(item.key)
            self.notify(self.t("agree.signed.withdrawn", party=name), markup=False, timeout=4)

    # ---------------------------------------------------------------- commitments
    def _parties(self) -> list[tuple[str, str]]:
        return [(p.id, p.name) for p in self.shown.parties]

    @work(exclusive=True, group="agree-dialog")
    async def action_add_commitment(self) -> None:
        activity = self.current_activity()
        if activity is None:
            return
        party = self._party_of(self.current_item(), activity)
        draft = await self.app.push_screen_wait(CommitmentDialog(self._parties(), activity.party_ids, party))
        if draft is None:
            return
        added: list[str] = []
        if self.attempt(
            lambda: added.append(self.service.add_commitment(activity.id, draft.party_id, draft.text))
        ):
            self._highlight(Item("commitment", added[0]))

    @work(exclusive=True, group="agree-dialog")
    async def edit_commitment(self, commitment_id: str) -> None:
        commitment = next((c for c in self.shown.commitments if c.id == commitment_id), None)
        activity = self.current_activity()
        if commitment is None or activity is None:
            return
        dialog = CommitmentDialog(
            self._parties(), activity.party_ids, commitment.party_id, commitment.text, editing=True
        )
        draft = await self.app.push_screen_wait(dialog)
        if draft is None or draft.text == commitment.text:
            return
        self.attempt(lambda: self.service.update_commitment(commitment.id, draft.text))

    # ---------------------------------------------------------------- expectations
    @work(exclusive=True, group="agree-dialog")
    async def action_add_expectation(self) -> None:
        activity = self.current_activity()
        if activity is None:
            return
        source = self._party_of(self.current_item(), activity)
        target = next((p for p in activity.party_ids if p != source), None)
        from facilitator.ui.views.expectation_keys import QuickExpectationDialog

        dialog: ExpectationDialog = QuickExpectationDialog(
            self._parties(), activity.party_ids, source, target
        )
        draft = await self.app.push_screen_wait(dialog)
        if draft is None:
            return
        added: list[str] = []

        def add() -> None:
            added.append(
                self.service.add_expectation(activity.id, draft.from_party, draft.to_party, draft.text)
            )

        if self.attempt(add):
            self._highlight(Item("expectation", added[0]))
            if draft.to_party not in activity.party_ids:
                name = self.session.party_name(draft.to_party)
                self.notify(
                    self.t("agree.expectation.outside", party=name),
                    severity="warning",
                    markup=False,
                    timeout=6,
                )

    @work(exclusive=True, group="agree-dialog")
    async def answer(self, expectation_id: str) -> None:
        session = self.shown
        expectation = next((e for e in session.expectations if e.id == expectation_id), None)
        if expectation is None:
            return
        dialog = AnswerDialog(
            expectation, session.party_name(expectation.from_party), session.party_name(expectation.to_party)
        )
        answer = await self.app.push_screen_wait(dialog)
        if answer is None or (answer.state, answer.response) == (expectation.state, expectation.response):
            return
        self.attempt(lambda: self.service.answer_expectation(expectation.id, answer.state, answer.response))

    # ---------------------------------------------------------------- agreement fields
    @work(exclusive=True, group="agree-dialog")
    async def action_fields(self, focus: str | None = None) -> None:
        activity = self.current_activity()
        if activity is None:
            return
        if activity.agreed_current is None:
            self.notify(self.t("agree.fields.first_rung"), severity="warning", timeout=5)
            return
        session = self.shown
        rung = session.scenario.rung(activity.agreed_current)
        if not rung.fields and not rung.flows:
            self.notify(self.t("agree.fields.none"), timeout=4)
            return
        values = session.fields_for(activity.id)
        flows = [(f.id, f.name) for f in rung.flows]
        dialog = FieldsDialog(
            session.scenario.rung_title(rung.id), rung.fields, values, focus, flows, activity.flows
        )
        result = await self.app.push_screen_wait(dialog)
        if result is None or (not result.values and result.flows is None):
            return
        for field_id, value in result.values.items():
            if not self.attempt(partial(self.service.set_field, activity.id, field_id, value)):
                return
        saved = [f.label for f in rung.fields if f.id in result.values]
        if result.flows is not None:
            chosen = list(result.flows)
            if not self.attempt(lambda: self.service.update_activity(activity.id, flows=chosen)):
                return
            saved.append(self.t("agree.fields.flows"))
        self.notify(
            self.t("agree.fields.saved", fields=one_line(", ".join(saved), 200)), markup=False, timeout=3
        )

    # ---------------------------------------------------------------- actions
    @work(exclusive=True, group="agree-dialog")
    async def action_add_action(self) -> None:
        activity = self.current_activity()
        if activity is None:
            return
        owner = self._party_of(self.current_item(), activity)
        draft = await self.app.push_screen_wait(ActionDialog(self._parties(), activity.party_ids, owner))
        if draft is None:
            return
        added: list[str] = []

        def add() -> None:
            added.append(
                self.service.add_action(draft.text, draft.owner, activity_id=activity.id, due=draft.due)
            )

        if self.attempt(add):
            self._highlight(Item("action", added[0]))

    @work(exclusive=True, group="agree-dialog")
    async def edit_action(self, action_id: str) -> None:
        action = next((a for a in self.shown.actions if a.id == action_id), None)
        activity = self.current_activity()
        if action is None or activity is None:
            return
        dialog = ActionDialog(
            self._parties(),
            activity.party_ids,
            action.owner,
            action.text,
            action.due,
            action.done,
            editing=True,
        )
        draft = await self.app.push_screen_wait(dialog)
        if draft is None:
            return
        changes: dict[str, Any] = {}
        for name, old, new in (
            ("text", action.text, draft.text),
            ("owner", action.owner, draft.owner),
            ("due", action.due, draft.due),
            ("done", action.done, draft.done),
        ):
            if old != new:
                changes[name] = new
        if changes:
            self.attempt(lambda: self.service.update_action(action.id, **changes))

    def action_toggle_done(self) -> None:
        item = self.current_item()
        if item is None or item.kind != "action":
            return
        action = next((a for a in self.shown.actions if a.id == item.key), None)
        if action is not None:
            self.attempt(lambda: self.service.update_action(action.id, done=not action.done))

    # ---------------------------------------------------------------- removing
    @work(exclusive=True, group="agree-dialog")
    async def action_remove(self) -> None:
        item, activity = self.current_item(), self.current_activity()
        if item is None or activity is None or not self._removable(item):
            return
        session = self.shown
        t = self.t
        change: Callable[[], object]
        if item.kind == "commitment":
            c = next(c for c in session.commitments if c.id == item.key)
            message = t(
                "agree.remove.commitment", party=session.party_name(c.party_id), text=one_line(c.text, 200)
            )
            change = lambda: self.service.remove_commitment(c.id)  # noqa: E731
        elif item.kind == "expectation":
            e = next(e for e in session.expectations if e.id == item.key)
            message = t(
                "agree.remove.expectation",
                to=session.party_name(e.to_party),
                text=one_line(e.text, 200),
                **{"from": session.party_name(e.from_party)},
            )
            change = lambda: self.service.remove_expectation(e.id)  # noqa: E731
        elif item.kind == "action":
            a = next(a for a in session.actions if a.id == item.key)
            message = t("agree.remove.action", text=one_line(a.text, 200))
            change = lambda: self.service.remove_action(a.id)  # noqa: E731
        else:
            assert activity.agreed_current is not None
            label = next(
                f.label for f in session.scenario.rung(activity.agreed_current).fields if f.id == item.key
            )
            message = t("agree.remove.field", field=one_line(label, 200))
            change = lambda: self.service.set_field(activity.id, item.key, "")  # noqa: E731
        confirm = "agree.remove.clear" if item.kind == "field" else "button.delete"
        if await self.app.push_screen_wait(ConfirmDialog(message, confirm)):
            self.attempt(change)

    # ---------------------------------------------------------------- the add menu (mouse)
    @work(exclusive=True, group="agree-dialog")
    async def action_add_menu(self) -> None:
        choices = [
            name
            for name, action in (
                ("commitment", "add_commitment"),
                ("expectation", "add_expectation"),
                ("action", "add_action"),
                ("fields", "fields"),
            )
            if self.check_action(action, ()) and (name != "fields" or self._has_fields())
        ]
        choice = await self.app.push_screen_wait(AddMenu(choices))
        if choice == "commitment":
            self.action_add_commitment()
        elif choice == "expectation":
            self.action_add_expectation()
        elif choice == "action":
            self.action_add_action()
        elif choice == "fields":
            self.action_fields()


_VIEW_ACTIONS = (
    "role",
    "sign",
    "withdraw",
    "add_commitment",
    "add_expectation",
    "fields",
    "add_action",
    "toggle_done",
    "remove",
)
