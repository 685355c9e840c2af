"""What every screen of ours shares: the translator, localized bindings, relabelling."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from textual import events, on
from textual.app import App, SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Size
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Button, Input, Label

from facilitator.core.errors import UserError
from facilitator.core.i18n import explain
from facilitator.core.model import Session
from facilitator.core.service import SessionService
from facilitator.core.text import LIMITS, LONG, clean
from facilitator.ui.host import AppBound
from facilitator.ui.localized import localize_bindings
from facilitator.ui.messages import SessionChanged, SessionTrouble

if TYPE_CHECKING:
    from facilitator.core.watcher import SessionHandle

ResultType = TypeVar("ResultType")

DIALOG_STYLES = Path(__file__).resolve().parent / "dialogs" / "dialogs.tcss"
TINY = 16
"""Below this many rows a dialog's buttons are one row high and its air goes (`BaseModal`)."""
"""What every dialog shares (box, title, buttons), read with the first dialog shown."""


class Localized(AppBound):
    """Mixin: `t` for text, and `relabel()` called on mount and on language change."""

    def relabel(self) -> None:
        """Set every piece of interface text; called again when the language changes."""
        localize_bindings(self, self.t)  # type: ignore[arg-type]

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's own commands for the command palette, beyond its bindings."""
        return ()

    @property
    def session_service(self) -> SessionService | None:
        """The session this screen shows, if it shows one (the app relabels its scenario's names)."""
        service = self.__dict__.get("service")
        return service if isinstance(service, SessionService) else None


class StoredOnEnter(Input):
    """A field whose text is stored only on enter (a new party's or person's name, a new
    activity's title): closing the app with text typed in it asks first.

    Focusing it keeps its text unselected: a view puts the first letter typed on its list
    here (`PhaseView.TYPING_FIELD`), and the next letter must follow it, not replace it."""

    WHAT: ClassVar[str] = "dialog.discard.field"
    """The catalogue key of what the field holds ("Another party's name"): the question before
    closing names the field, which may be in a phase not shown."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(*args, **kwargs)


class SavedOnLeave:
    """Mixin for a group of fields saved when focus leaves them (the workshop's details):
    closing the app saves them first, as leaving them would."""

    def save_typed(self) -> bool:
        """Save what the fields hold now; False when some of it could not be (refused, asked about)."""
        raise NotImplementedError


def unsaved_text(screen: Screen[Any]) -> bool:
    """Text typed on `screen` that closing it would throw away: a dialog's changed fields, or
    a field stored on enter. Fields saved on leaving are saved first (`SavedOnLeave`)."""
    if isinstance(screen, BaseScreen | BaseModal) and screen.has_unsaved_text():
        return True  # a dialog's changed fields, or a screen's own (the agreement's note)
    refused = [
        group for group in screen.query("*") if isinstance(group, SavedOnLeave) and not group.save_typed()
    ]
    return bool(refused) or bool(typed_not_stored(screen))


def typed_not_stored(screen: Screen[Any]) -> list[StoredOnEnter]:
    """Fields on `screen` holding text that enter would store and closing would throw away."""
    return [field for field in screen.query(StoredOnEnter) if field.value.strip()]


class BaseScreen(Localized, Screen[Any]):
    """A screen. One that shows a session (`FOLLOWS_SESSION`, a `service` attribute) holds it
    open while it is in view: on top, or under dialogs and screens of the same session (the
    board under its placement). Every change, whoever made it, then reaches `session_changed`
    as a message on a later turn. Under anything else (home), or gone, it holds nothing; in
    view again, what changed meanwhile arrives at once."""

    FOLLOWS_SESSION: ClassVar[bool] = False
    _session_handle: SessionHandle | None = None
    _shown_seq: int | None = None  # the newest change this screen has shown
    _css_sources_when_styled: int | None = None  # until the first resume (see `on_screen_resume`)

    def _post_register(self, app: App[Any]) -> None:
        super()._post_register(app)  # (adds the screen's own default CSS; it is styled next)
        self._css_sources_when_styled = len(app.stylesheet.source)

    @on(events.ScreenResume)  # (before Textual's own handler: that of the base class)
    def _skip_second_styling(self, event: events.ScreenResume) -> None:
        """The first time the screen is shown, Textual styles every widget on it once more
        (a third of the CSS work of the workshop's first frame). That is needed only when
        a stylesheet arrived after the screen was styled that could restyle what is already
        there: stylesheets that widgets bring (scoped default CSS) cannot, since they match
        only widgets of their own type and their children, styled after they arrived."""
        styled, self._css_sources_when_styled = self._css_sources_when_styled, None
        if styled is not None:
            since = list(self.app.stylesheet.source.values())[styled:]
            if all(source.is_defaults and source.scope for source in since):
                event.refresh_styles = False

    @on(events.ScreenSuspend)
    @on(events.ScreenResume)
    def _key_bar_for_the_top(self, event: events.ScreenSuspend | events.ScreenResume) -> None:
        """Under a dialog the key bar goes blank (`KeyBar.render`): it offered the keys of the
        screen beneath, which the dialog takes (it has its buttons)."""
        for bar in self.query("KeyBar"):
            bar.refresh()

    def _screen_resized(self, size: Size) -> None:
        """Textual lays the whole screen out again at every resize event, also one of the size
        it is laid out for: the start brings three of those (the app passes on the driver's
        size twice, and the first layout sends the screen its own), three full layouts of the
        first screen for nothing, ~10 M instructions of the start. A new size lays it out."""
        if size != self._compositor.size:
            super()._screen_resized(size)

    # Textual calls `on_mount` of every class in the MRO: subclasses override
    # `after_mount` instead, so that the base's work runs once and first.
    def on_mount(self) -> None:
        self.relabel()
        self.after_mount()
        if self.FOLLOWS_SESSION:
            self.app.screen_change_signal.subscribe(self, self._stack_changed)
            self._stack_changed()

    def after_mount(self) -> None:
        """Once mounted and labelled."""

    def has_unsaved_text(self) -> bool:
        """Text typed here that closing the screen (or the app) would throw away."""
        return False

    def session_changed(self, session: Session) -> None:
        """The session changed (here or elsewhere): show it."""

    def _in_view(self) -> bool:
        """On top, or under only dialogs and screens that show the same session."""
        service = self.session_service
        stack = self.app.screen_stack
        if service is None or self not in stack:
            return False
        above = stack[stack.index(self) + 1 :]
        return all(isinstance(screen, ModalScreen) or shows(screen, service) for screen in above)

    def _stack_changed(self, _top: object = None) -> None:
        if self._in_view():
            self.hold_session()
        else:
            self.release_session()

    def hold_session(self) -> None:
        service = self.session_service
        if service is None or self._session_handle is not None:
            return
        handle = self.fapp.sessions.open(service, self._shown_seq)
        self._shown_seq = handle.seen
        handle.on_change(self._tell_changed)
        handle.on_trouble(self._tell_trouble)
        self._session_handle = handle

    def _tell_changed(self, session: Session) -> None:
        self.post_message(SessionChanged(session))  # handled on this screen's own turn

    def _tell_trouble(self, error: UserError | None) -> None:
        self.post_message(SessionTrouble(error))

    def release_session(self) -> None:
        handle, self._session_handle = self._session_handle, None
        if handle is not None:
            handle.close()

    def on_session_changed(self, message: SessionChanged) -> None:
        if self._session_handle is None:
            return  # out of view since: told again when in view (see `hold_session`)
        self._shown_seq = message.session.last_seq
        self.session_changed(message.session)

    def on_session_trouble(self, message: SessionTrouble) -> None:
        """Said at once, not at the next change someone tries: the file went away or broke.
        By the top screen of those holding the session (the board under its placement hears
        it too): one notice, not one per screen."""
        stack, service = self.app.screen_stack, self.session_service
        if service is not None and self in stack:
            above = stack[stack.index(self) + 1 :]
            if any(isinstance(s, BaseScreen) and s._session_handle and shows(s, service) for s in above):
                return
        t = self.fapp.t
        if message.error is None:
            self.app.notify(t("file.readable_again"), markup=False, timeout=8)
            return
        text = t("file.cannot_save_now", reason=explain(message.error, t))
        self.app.notify(text, title=t("error.title"), severity="error", markup=False, timeout=30)

    def on_unmount(self) -> None:
        self.release_session()


def shows(screen: object, service: SessionService) -> bool:
    """Whether a screen shows the same session file."""
    other = screen.session_service if isinstance(screen, Localized) else None
    return other is not None and other.path == service.path


class BaseModal(Localized, ModalScreen[ResultType]):
    """A dialog. With typed text, escape leaves the text field first and closing asks first.
    Left and right move between the buttons of a row, as in any desktop dialog. F7 and F8
    (language, projector) work here too: Textual stops the app's keys at a modal screen."""

    VERTICAL_BREAKPOINTS = [(0, "-tiny"), (TINY, "-short"), (20, "-tall")]
    """Below 20 rows (-short) the box gives up its padding above and below: two rows more for the
    form; below `TINY` rows (-tiny, down to 40×12) the air around its heading and buttons too,
    and the buttons are one row high (`fit_body`): the body keeps rows to scroll in."""

    BINDINGS = [
        Binding("left", "step_button(-1)", show=False),
        Binding("right", "step_button(1)", show=False),
        Binding("f7", "app.toggle_language", "key.language", show=False),
        Binding("f8", "app.toggle_projector", "key.projector", show=False),
    ]

    _texts_at_open: dict[Widget, str] | None = None
    answered = False
    """Closed with its answer: a second Enter or click queued before the dialog left (a double
    press) neither acts again nor closes the screen below it (`submit` methods check this)."""

    def _post_register(self, app: App[Any]) -> None:
        super()._post_register(app)
        # The dialogs' stylesheet when the first dialog comes, not in the app's (~7 M instructions
        # of every start). Its rules match only dialogs' widgets, none of which were on screen
        # before: nothing drawn is styled again; the other sources come from Textual's cache.
        if not app.stylesheet.has_source(str(DIALOG_STYLES)):
            css = DIALOG_STYLES.read_text(encoding="utf-8")
            app.stylesheet.add_source(css, read_from=(str(DIALOG_STYLES), ""))

    TEXT_KINDS: ClassVar[dict[str, str | None]] = {}
    """How the core stores each text field, by widget id (`core.text.NAME`, `LINE`, `LONG`; None:
    not stored text, e.g. a file's path). Unlisted fields are long text, the largest limit."""

    def dismiss(self, result: ResultType | None = None) -> AwaitComplete:
        """Closing with a result first checks every text field against the core's limits: a
        text the service would refuse keeps the dialog open with a message, so nothing typed
        is lost."""
        if self.answered or (result is not None and not self._texts_fit()):
            return AwaitComplete(asyncio.sleep(0))
        self.answered = True
        return super().dismiss(result)

    def text_kind(self, widget: Widget) -> str | None:
        """How the core stores what this field holds (see `TEXT_KINDS`)."""
        return self.TEXT_KINDS.get(widget.id or "", LONG)

    def _texts_fit(self) -> bool:
        for widget in self._text_fields():
            kind = self.text_kind(widget)
            if kind is None:
                continue
            length = len(clean(field_text(widget), kind))
            if length > LIMITS[kind]:
                widget.focus()
                message = self.t("error.too_long_here", length=length, limit=LIMITS[kind])
                self.notify(message, severity="error", markup=False)
                return False
        return True

    def show_problem(self, label: Label, text: str, field: Widget | None = None) -> None:
        """Say on the dialog's problem line what is wrong, focus the field it is about, and bring
        the line into view: under the last field, it is below the fold of a small terminal. The
        field stays in view too where both fit."""
        label.update(Content(text))
        if field is not None:
            field.focus(scroll_visible=False)

        def into_view() -> None:
            label.scroll_visible(animate=False, immediate=True)
            if field is not None:
                field.scroll_visible(animate=False, immediate=True)

        self.call_after_refresh(into_view)

    def action_step_button(self, step: int) -> None:
        """From a focused button to its neighbour in the same row (text fields keep their arrows)."""
        focused = self.focused
        if not isinstance(focused, Button) or focused.parent is None:
            return
        row = [b for b in focused.parent.query_children(Button) if b.display and not b.disabled]
        if focused in row:
            index = row.index(focused) + step
            if 0 <= index < len(row):
                row[index].focus()

    def on_mount(self) -> None:
        self.relabel()
        self.after_mount()
        self.call_after_refresh(self._remember_texts)  # values that after_mount set count as "as opened"
        self.screen_layout_refresh_signal.subscribe(self, self._laid_out)

    def _laid_out(self, _screen: Screen[Any]) -> None:
        self.fit_body()

    def fit_body(self) -> None:
        """A long form scrolls between its heading and its buttons, which stay in view: its body
        (`.dialog-body`) gets the rows of the box's height that they leave. When the box
        scrolled as a whole, the heading went off the top of an 80×24 terminal.

        Run after every layout of the dialog (a resize, F7's new texts, a problem line shown), when
        the heights it reads are the new ones; it changes the body only when they changed. Run on
        a timer after a resize or a relabel, it read the heights of before: after F7 the body kept
        the rows the other language's texts had left it, and the box scrolled as a whole again."""
        tiny = self.app.size.height < TINY
        for button in self.query(".dialog-buttons Button, .dialog-box > Button").results(Button):
            if button.compact != tiny:
                button.compact = tiny  # (a layout, which calls this again with the new heights)
        bars = [bar for bar in self.displayed_children if bar.styles.dock in ("top", "bottom")]
        docked = sum(bar.outer_size.height for bar in bars)
        room = Size(self.size.width, self.size.height - docked)  # what the box's % heights are of
        for body in self.query(".dialog-body"):
            box = body.parent
            if not isinstance(box, Widget):
                continue
            height = box.styles.height
            limits = [
                int(scalar.resolve(room, self.app.size))
                for scalar in (box.styles.max_height, None if height is None or height.is_auto else height)
                if scalar is not None
            ]
            if not limits:
                continue
            others = [child for child in box.displayed_children if child is not body]
            taken = sum(child.outer_size.height + child.styles.margin.height for child in others)
            rows = min(limits) - box.styles.gutter.height - taken - body.styles.margin.height
            body.styles.max_height = max(rows, 1)

    def after_mount(self) -> None:
        """Once mounted and labelled."""

    def _text_fields(self) -> list[Widget]:
        return [widget for widget in self.query("Input, TextArea") if is_text_field(widget)]

    def _remember_texts(self) -> None:
        self._texts_at_open = {widget: field_text(widget) for widget in self._text_fields()}

    def has_unsaved_text(self) -> bool:
        """Text typed (or changed) since the dialog opened; spaces alone are nothing to lose."""
        opened = self._texts_at_open or {}
        return any(
            field_text(widget).strip() != opened.get(widget, "").strip() for widget in self._text_fields()
        )

    def leave_text_field(self) -> bool:
        """Escape in a text field: focus moves on to the next control, the text stays. True if it did."""
        focused = self.focused
        if not is_text_field(focused):
            return False
        chain = self.focus_chain
        index = chain.index(focused) if focused in chain else 0
        following = chain[index + 1 :] + chain[:index]
        target = next((widget for widget in following if not is_text_field(widget)), None)
        if target is not None:
            target.focus()
        else:
            self.set_focus(None)
        return True

    def close_asking(self, result: ResultType | None) -> None:
        """Escape or Cancel: closes a dialog with nothing typed in it at once. With typed text,
        escape in a field leaves the field (the text stays) and closing asks first."""
        if not self.has_unsaved_text():
            self.dismiss(result)
        elif not self.leave_text_field():
            self.fapp.confirm_discard(lambda: self.dismiss(result))


def is_text_field(widget: object) -> bool:
    """An Input or a TextArea: escape leaves it, letters typed are text.

    TextArea is not imported for the question (its module and Textual's document model were
    ~36 M instructions of a start): no widget can be one before its module is imported."""
    if isinstance(widget, Input):
        return True
    text_area = sys.modules.get("textual.widgets._text_area")
    return text_area is not None and isinstance(widget, text_area.TextArea)


def field_text(widget: Widget) -> str:
    """The text in an Input or a TextArea."""
    from textual.widgets import TextArea

    if isinstance(widget, Input):
        return widget.value
    return widget.text if isinstance(widget, TextArea) else ""
