"""What the parts of the interface need from the app, declared as protocols.

Widgets, dialogs, views and screens talk to the running app through these, never by
importing `FacilitatorApp`: `ui/app.py` sits on top and is imported by the CLI and the
tests only, so the interface has no import cycle. `app.py` checks statically that
`FacilitatorApp` is a `Host`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, cast, runtime_checkable

from textual.app import App
from textual.content import Content

from facilitator.core.i18n import Translator
from facilitator.core.library import SessionLibrary
from facilitator.core.record import record
from facilitator.core.watcher import OpenSessions

if TYPE_CHECKING:
    from facilitator.web.running import WebServer


Result = TypeVar("Result")


@record
class Done(Generic[Result]):
    """A service call that went through, with what it returned (true even when that is None)."""

    value: Result


@runtime_checkable
class WidgetHost(Protocol):
    """What a widget needs: the interface language, a way to show an error, a list to choose from."""

    @property
    def t(self) -> Translator: ...

    def attempt(self, change: Callable[[], Result]) -> Done[Result] | None:
        """Run a service call: what it returned (`Done`, true), or None (false) when it was
        refused, after telling the user why."""

    def show_user_error(self, error: Exception) -> None:
        """A refused change, in the interface language when the catalogue knows it."""

    def show_error(self, message: str) -> None:
        """A message shown literally as an error."""

    def ask_choice(
        self,
        title: str,
        options: Sequence[tuple[Content, str]],
        current: str | None,
        chosen: Callable[[str | None], None],
    ) -> None:
        """Offer `options` (label, value) in a dialog; `chosen` gets the value, None if kept."""

    def after_first_frame(self, work: Callable[[], object]) -> None:
        """Run `work` once the app's first frame is on screen (soon, if it already is)."""


class Host(WidgetHost, Protocol):
    """What screens, views and dialogs use of the app beyond Textual's `App`."""

    participants: WebServer | None
    sessions: OpenSessions

    @property
    def language(self) -> str: ...

    @property
    def projector(self) -> bool: ...

    @property
    def library(self) -> SessionLibrary: ...

    @property
    def review_path(self) -> Path | None: ...

    @property
    def scenario_folders(self) -> tuple[Path, ...]: ...

    def open_session(self, path: Path) -> bool:
        """Open the workshop screen for a session; False (error shown) if it cannot be read."""

    def open_review(self, path: Path) -> bool:
        """Review a session read-only; False (error shown) if it cannot be read."""

    def go_home(self) -> None:
        """Back to the home screen."""

    def load_styles(self, *paths: Path) -> None:
        """Read stylesheets of something shown for the first time."""

    def confirm_discard(self, discard: Callable[[], object]) -> None:
        """Ask whether typed text may be thrown away; `discard` runs only on yes."""


def widget_host_of(app: App[Any]) -> WidgetHost:
    """The running app as far as a widget needs it (see `host_of`)."""
    return cast(WidgetHost, app)


def host_of(app: App[Any]) -> Host:
    """The running app as a `Host` (it is one: `app.py` declares it so, mypy checks)."""
    return cast(Host, app)


class AppBound:
    """Mixin for our screens and widgets: the app as a `Host`, and its translator."""

    @property
    def fapp(self) -> Host:
        """The app, through what screens and widgets may use of it."""
        return host_of(self.app)  # type: ignore[attr-defined]

    @property
    def t(self) -> Translator:
        return self.fapp.t
