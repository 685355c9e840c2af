"""The roles-and-expectations view: who does what, what the parties expect of each other,
and every place where they are not yet aligned.

On the left, the activities; on the right, the selected activity as one line-based list in
sections (parties with role and sign-off, commitments, expectations with their answers,
the agreed rung's agreement fields, actions) and beside or below it the activity's open
mismatches, explained. Keys act on the item under the cursor; every key has a button (or a
click on the item) and a palette entry. Any change to the rung, roles, commitments,
expectations or fields voids the sign-offs given so far: the core records which ones, and
this view says so in a notification and on the party's row until it signs again.

The view is put together from panels, one module each: the activity list
(`agree_activities`), roles (`agree_roles`), commitments and expectations
(`agree_expectations`), agreement fields (`agree_fields`), actions and sign-off
(`agree_actions`). Every row they show is built by a pure function in `agree_rows`.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Label, OptionList
from textual.widgets.button import ButtonVariant
from textual.widgets.option_list import OptionDoesNotExist

from facilitator.core.mismatches import Mismatch, mismatches
from facilitator.core.model import Activity, Session
from facilitator.core.service import SessionService
from facilitator.core.text import one_line
from facilitator.ui.dialogs.actions import AddMenu
from facilitator.ui.dialogs.common import ConfirmDialog
from facilitator.ui.dialogs.fields import FLOWS
from facilitator.ui.localized import localize_bindings
from facilitator.ui.text import literal
from facilitator.ui.views.agree_actions import ActionsPanel
from facilitator.ui.views.agree_activities import SIDE_MAX, ActivitiesPanel
from facilitator.ui.views.agree_expectations import ExpectationsPanel
from facilitator.ui.views.agree_fields import FieldsPanel
from facilitator.ui.views.agree_items import NAME_LIMIT, Item
from facilitator.ui.views.agree_roles import RolesPanel
from facilitator.ui.views.agree_rows import (
    TITLE_LIMIT,
    gap_option,
    item_options,
    reopened_parties,
    status_line,
)
from facilitator.ui.views.agree_widgets import ActivityList, BarButton, GapList, ItemList

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


class AgreeView(ActivitiesPanel, RolesPanel, ExpectationsPanel, FieldsPanel, ActionsPanel):
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
        self._seen_seq = None
        self._shown_gaps: list[Mismatch] = []
        self._list_signature = ()
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
        self.query_one("#agree-status", Label).update(status_line(session, activity, self.t))
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
            listing.add_options(gap_option(gap, index, t) for index, gap in enumerate(gaps))
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
            self.fapp.attempt(change)

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
