"""The base of the workshop's phase views (setup, intro, collect, board, agree, summary).

A phase view is a part of the workshop screen: it receives the session (attributes
down) through `show_session`, and changes it through the screen's service. Leaf
widgets inside a view post messages instead of calling the service themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual import events
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input

from facilitator.core.model import Session
from facilitator.core.service import SessionService
from facilitator.ui.base import is_text_field
from facilitator.ui.host import AppBound
from facilitator.ui.localized import localize_bindings
from facilitator.ui.messages import ActivitySelected
from facilitator.ui.widgets.backdrop import Backdrop


class PhaseView(AppBound, Backdrop, Vertical):
    """One phase's content. Subclasses set `KIND` and implement `show_session`/`relabel`."""

    KIND = ""
    can_focus = False
    FIRST_FOCUS: ClassVar[str | None] = None
    """A selector for the widget `focus_first` focuses, when it is always the same one: the
    workshop focuses it as the view is composed, so the first frame already shows the focus
    (None: Textual's first focusable widget, then `focus_first` once mounted)."""

    TYPING_FIELD: ClassVar[str | None] = None
    """A selector for the view's main text field (collect's quick-add, setup's party name), or
    None. A letter or digit typed in the view where no text field has the focus goes into it,
    unless the focused widget or the view has that key as a command of its own (shown in the key
    bar): a sentence typed on a list is never taken for the screen's letters (in Estonian, the j
    of "kirjutatud" opened the join panel and its a admitted the waiting devices)."""

    def __init__(self, service: SessionService) -> None:
        super().__init__(id=f"view-{self.KIND}", classes="phase-view")
        self.service = service
        self.selection: str | None = None
        """The workshop's selected activity, passed down (the workshop owns it)."""
        self._after_show: list[Callable[[], object]] = []
        self.focused_as_composed = False
        """Set by the workshop for the view its first frame shows: its `FIRST_FOCUS` widget is
        focused as it is built (Textual's auto focus then finds it so, and styles it only once)."""

    @property
    def session(self) -> Session:
        """The newest state as the room may see it (no placement shown before its reveal)."""
        return self.service.room_view

    def on_mount(self) -> None:
        # Textual calls `on_mount` of every class in the MRO: subclasses override
        # `after_mount`, so that labelling and showing the session happen once.
        self.relabel()
        self.show_session(self.session)
        self.after_mount()

    def after_mount(self) -> None:
        """Once mounted, labelled and showing the session."""

    def relabel(self) -> None:
        """Set interface text; called on mount and when the language changes."""
        localize_bindings(self, self.t)

    def show_session(self, session: Session) -> None:
        """Show the newest state; called after every change and when the view is shown."""

    def show_newest(self, session: Session) -> None:
        """The workshop's news: show it, then do what waited for our own change to be shown."""
        self.show_session(session)
        waiting, self._after_show = self._after_show, []
        for then in waiting:
            then()

    def once_shown(self, then: Callable[[], object]) -> None:
        """Run `then` once the next change (our own, just made) is shown: changes arrive as
        messages on a later turn, so a row just added is not drawn yet when the call returns."""
        self._after_show.append(then)

    @property
    def selected_activity_id(self) -> str | None:
        """The activity selected last, in any view (the workshop's, if it still exists)."""
        value = self.selection
        return value if value is not None and self.session.has_activity(value) else None

    def select_activity(self, activity_id: str | None, *, chosen: bool = False) -> None:
        """Select an activity here, and tell the workshop (which tells every view, and saves it)."""
        self.selection = activity_id
        self.post_message(ActivitySelected(activity_id, chosen=chosen))

    def show_target(self, activity_id: str, target: str = "") -> None:
        """Put the cursor on an activity and, where the view has it, the item `target` names
        (a party, an expectation, a field): where a mismatch is fixed. Views that list such
        items override this; the others pick up the selection (held by the screen) on show."""

    def on_key(self, event: events.Key) -> None:
        """A letter or digit meant as text goes into the view's text field (`TYPING_FIELD`)."""
        if not starts_text(event):
            return
        field = self.text_field_for(event.key)
        if field is None:
            return
        event.stop()
        event.prevent_default()
        assert event.character is not None  # (starts_text)
        field.focus()
        field.insert_text_at_cursor(event.character)

    def on_paste(self, event: events.Paste) -> None:
        """Text pasted on a list goes into the view's text field, as typed text does (a tester's
        paste on setup's list was dropped without a word)."""
        field = self.text_field_for("")
        if field is None or not event.text.strip():
            return
        event.stop()
        event.prevent_default()
        field.focus()
        field.insert_text_at_cursor(next(line for line in event.text.splitlines() if line.strip()))

    def text_field_for(self, key: str) -> Input | None:
        """The field a letter or digit `key` typed now goes into, or None: it acts as a key.

        The key bar asks too, and strikes the screen's letters this view takes as text, so
        that it never offers a key that would type (`j` on setup's list types a j)."""
        if self.TYPING_FIELD is None:
            return None
        focused = self.screen.focused
        if focused is None or is_text_field(focused) or self not in focused.ancestors:
            return None
        if bound_between(focused, self, key):
            return None
        field = self.typing_field(focused)
        if field not in self.screen.focus_chain:  # hidden or disabled: nowhere to type
            return None
        return field

    def typing_field(self, focused: Widget) -> Input:
        """The field a letter typed on `focused` goes into: the view's `TYPING_FIELD`."""
        return self.query_one(self.TYPING_FIELD or "", Input)

    def focus_after_field(self) -> None:
        """Where escape from a text field puts the focus: where the view starts, unless that
        is a field (`CollectView`'s title), then its list."""
        self.focus_first()

    def focus_first(self) -> None:
        """Put the keyboard focus where the facilitator starts in this view."""
        for widget in self.query("*"):
            if widget.focusable:
                widget.focus()
                return


def starts_text(event: events.Key) -> bool:
    """A key that types a letter or a digit (õ, ž, 7 too): what a sentence starts with.

    Not space, punctuation, brackets or + and *, which stay the workshop's keys on a list."""
    return event.character is not None and event.is_printable and event.character.isalnum()


def bound_between(focused: Widget, view: Widget, key: str) -> bool:
    """Whether `focused`, the view or a widget between them has `key` as a command."""
    for node in focused.ancestors_with_self:
        if key in node._bindings.key_to_bindings:
            return True
        if node is view:
            break
    return False
