"""The roles-and-expectations view: who does what, what the parties expect of each other,
and every place where they are not yet aligned.

On the left, the activities; on the right, the selected activity as one line-based list in
sections (parties with role and sign-off, commitments, expectations with their answers,
the agreed rung's agreement fields, actions) and beside or below it the activity's open
mismatches, explained. Keys act on the item under the cursor; every key has a button (or a
click on the item) and a palette entry. Any change to the rung, roles, commitments,
expectations or fields voids the sign-offs given so far: the core records which ones, and
this view says so in a notification and on the party's row until it signs again.

The view is composed of parts, one module each: its lists are widgets that draw what they
are given and post messages (`agree_activities`, `agree_widgets`); the editors of roles
(`agree_roles`), commitments and expectations (`agree_expectations`), agreement fields
(`agree_fields`), actions and sign-off (`agree_actions`) are objects it holds and runs on a
key. Every row they show is built by a pure function in `agree_rows`.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Label, OptionList
from textual.widgets.button import ButtonVariant

from facilitator.core.mismatches import Mismatch, mismatches
from facilitator.core.model import Activity, Session
from facilitator.core.service import SessionService
from facilitator.core.text import one_line
from facilitator.ui.dialogs.actions import AddMenu
from facilitator.ui.dialogs.fields import FLOWS
from facilitator.ui.localized import localize_bindings
from facilitator.ui.text import literal
from facilitator.ui.views.agree_actions import ActionEditor, ReopenedNotices
from facilitator.ui.views.agree_activities import SIDE_MAX, ActivityList
from facilitator.ui.views.agree_expectations import PromiseEditor
from facilitator.ui.views.agree_fields import FieldEditor
from facilitator.ui.views.agree_items import NAME_LIMIT, Item
from facilitator.ui.views.agree_panel import AgreePanel
from facilitator.ui.views.agree_removal import Remover
from facilitator.ui.views.agree_roles import RoleEditor
from facilitator.ui.views.agree_rows import (
    TITLE_LIMIT,
    status_line,
)
from facilitator.ui.views.agree_widgets import BarButton, GapList, ItemList
from facilitator.ui.widgets.button import Button
from facilitator.ui.widgets.button_bar import ButtonBar

WIDE = 150  # from this many columns the mismatches stand beside the items, not below them
SHORT = 32  # below this many lines the mismatches get fewer lines and the spacing goes
NARROW = 120  # below this many columns the activity list shows each activity on two short lines
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


class AgreeView(AgreePanel):
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
        self._ready = False
        self._offered: tuple[bool, ...] = ()
        self.roles = RoleEditor(self)
        self.promises = PromiseEditor(self)
        self.fields = FieldEditor(self)
        self.actions = ActionEditor(self)
        self.reopened = ReopenedNotices(self)
        self.remover = Remover(self)

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
                with ButtonBar(id="agree-buttons", classes="editing"):
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
            self._show_status(self.shown, activity)
            self._fill_items(self.shown, activity)

    def _fill_activities(self, session: Session) -> None:
        usable = self.app.size.width - self.styles.gutter.width
        narrow = self.has_class("-narrow")
        self.query_one(ActivityList).show(session, self.gaps, self.activity_id, narrow=narrow, usable=usable)

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
        self.query_one(ItemList).forget()
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
        for listing in (self.query_one(ActivityList), self.query_one(ItemList), self.query_one(GapList)):
            listing.forget()
        if self._ready:
            self.show_session(self.session)

    def focus_first(self) -> None:
        """The activity list: the workshop's keys ([ ] t + *) keep working there."""
        self.query_one("#agree-activities", OptionList).focus()

    # ---------------------------------------------------------------- showing
    def show_session(self, session: Session) -> None:
        self._session = session
        self._ready = True
        self._fit_width()
        self.reopened.announce(session)
        has_activities = bool(session.activities)
        self.query_one("#agree-body").display = has_activities
        self.query_one("#agree-empty").display = not has_activities
        if not has_activities:
            self.activity_id = None
            self._refresh_keys()
            return
        if self.selected_activity_id is not None:  # selected here or in another view
            self.activity_id = self.selected_activity_id
        if self.activity_id is None or not session.has_activity(self.activity_id):
            self.activity_id = session.activities[0].id
        self.gaps = {}
        for gap in mismatches(session):
            self.gaps.setdefault(gap.activity_id, []).append(gap)
        self._fill_activities(session)
        self._show_activity(session)

    # ---------------------------------------------------------------- the activity list
    def _items_width(self) -> int:
        """The item list's width for text (padding and scrollbar aside): measured, or estimated."""
        width = self.query_one("#agree-items", OptionList).size.width
        if width <= 0:
            usable = self.app.size.width - self.styles.gutter.width
            main = usable - max(min(usable * 30 // 100, SIDE_MAX), 22) - 1
            width = main * 62 // 100 if self.has_class("-wide") else main
        return max(width - 2, 20)

    @on(OptionList.OptionHighlighted, "#agree-activities")
    def _activity_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        activity_id = event.option.id
        if activity_id is None or activity_id == self.activity_id:
            return
        self.activity_id = activity_id
        self._show_activity(self.shown)
        self.select_activity(activity_id)  # the workshop saves it once the cursor rests

    # ---------------------------------------------------------------- the selected activity
    def _show_activity(self, session: Session) -> None:
        activity = self.current_activity()
        if activity is None:
            return
        self.query_one("#agree-title", Label).update(literal(activity.title, TITLE_LIMIT))
        self._show_status(session, activity)
        self._fill_items(session, activity)
        self._fill_gaps(session, activity)
        self._update_buttons()

    def _show_status(self, session: Session, activity: Activity) -> None:
        status = self.query_one("#agree-status", Label)
        status.update(status_line(session, activity, self.t, status.content_region.width))

    def _fill_items(self, session: Session, activity: Activity) -> None:
        width = self._items_width()
        self.query_one(ItemList).show(session, activity, self.t, width=width, projector=self.fapp.projector)

    def show_target(self, activity_id: str, target: str = "") -> None:
        """Select an activity and put the cursor on the item `target` names (a party,
        expectation, commitment, action or field id), e.g. from a mismatch elsewhere."""
        session = self.session
        if not session.has_activity(activity_id):
            return
        self.activity_id = activity_id
        self.select_activity(activity_id, chosen=True)
        self.show_session(session)
        items = self.query_one("#agree-items", OptionList)
        if target:
            for index, option in enumerate(items.options):
                item = Item.parse(option.id)
                if item is not None and item.key == target and not option.disabled:
                    items.highlighted = index
                    break
        items.focus()

    # ---------------------------------------------------------------- the mismatches
    def _fill_gaps(self, session: Session, activity: Activity) -> None:
        gaps = self.gaps.get(activity.id, [])
        t = self.t
        heading = self.query_one("#agree-gaps-heading", Label)
        heading.update(Content(t("agree.gaps.heading", count=len(gaps)) if gaps else t("agree.gaps.none")))
        heading.set_class(not gaps, "-done")
        self.query_one(GapList).show(activity.id, gaps, t)

    def on_gap_list_chosen(self, message: GapList.Chosen) -> None:
        message.stop()
        self.go_to_gap(message.gap)

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
            self.highlight(target)

    # ---------------------------------------------------------------- keys and buttons
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
            return bool(self.unsigned(activity))
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
        self.query_one(ButtonBar).fit()
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

    # ---------------------------------------------------------------- the editors, on a key
    def action_role(self) -> None:
        self.run_dialog(self.roles.choose())

    def action_role_grid(self) -> None:
        self.roles.open_grid()

    def action_add_commitment(self) -> None:
        self.run_dialog(self.promises.add_commitment())

    def edit_commitment(self, commitment_id: str) -> None:
        self.run_dialog(self.promises.edit_commitment(commitment_id))

    def action_add_expectation(self) -> None:
        self.run_dialog(self.promises.add_expectation())

    def answer(self, expectation_id: str) -> None:
        self.run_dialog(self.promises.answer(expectation_id))

    def action_fields(self, focus: str | None = None) -> None:
        self.run_dialog(self.fields.edit(focus))

    def action_add_action(self) -> None:
        self.run_dialog(self.actions.add())

    def edit_action(self, action_id: str) -> None:
        self.run_dialog(self.actions.edit(action_id))

    def action_toggle_done(self) -> None:
        self.actions.toggle_done()

    def action_sign(self) -> None:
        self.actions.sign()

    def action_withdraw(self) -> None:
        self.actions.withdraw()

    def action_sign_all(self) -> None:
        self.actions.sign_all()

    def _sign_or_withdraw(self) -> None:
        if self.check_action("withdraw", ()):
            self.action_withdraw()
        else:
            self.action_sign()

    # ---------------------------------------------------------------- removing
    @work(exclusive=True, group="agree-dialog")
    async def action_remove(self) -> None:
        item, activity = self.current_item(), self.current_activity()
        if item is None or activity is None or not self._removable(item):
            return
        await self.remover.remove(item, activity.id)

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
            if self.check_action(action, ()) and (name != "fields" or self.fields.available())
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
