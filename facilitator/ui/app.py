"""The Textual application: screens, themes, language and the command palette."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget

from facilitator.core.errors import UserError
from facilitator.core.i18n import LANGUAGES, Translator
from facilitator.core.library import SessionLibrary
from facilitator.core.service import SessionService
from facilitator.ui.localized import localize_bindings
from facilitator.ui.themes import NORMAL, PROJECTOR, THEMES
from facilitator.ui.widgets.phase_view import PhaseView

if TYPE_CHECKING:
    from facilitator.ui.watcher import SessionWatch
    from facilitator.web.running import WebServer

UI_DIR = Path(__file__).resolve().parent

SETTLE_SECONDS = 0.5  # after the first frame: tidy up what the start left behind

_start_settled = False
"""The garbage collector's start-up treatment runs once per process (tests start many apps)."""

# Bindings that are movement, not actions: kept off the command palette.
NOT_IN_PALETTE = {"command_palette", "app.command_palette"}


class FacilitatorApp(App[int]):
    """Runs one facilitator's workshop; the core does all the saving."""

    # Absolute, so that subclasses defined elsewhere (benchmarks, tests) find the styles.
    # Only what every screen uses: each screen brings its own stylesheet (CSS_PATH) and the
    # workshop its views' (`load_styles`), read when first shown. Parsing and matching
    # rules nobody sees was a third of the start-up.
    CSS_PATH = [UI_DIR / "app.tcss"]
    TITLE = "facilitator"
    BINDINGS = [
        Binding("f1", "help", "key.help"),
        Binding("f7", "toggle_language", "key.language"),
        Binding("f8", "toggle_projector", "key.projector"),
        Binding("ctrl+q", "quit", "key.quit", priority=True),
    ]

    language: reactive[str] = reactive("et", init=False)
    projector: reactive[bool] = reactive(False, init=False)

    def __init__(
        self,
        library: SessionLibrary,
        *,
        session_path: Path | None = None,
        review_path: Path | None = None,
        lang: str | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.session_path = session_path
        self.review_path = review_path
        self.explicit_language = lang
        self.t = Translator(lang or "et")
        self.set_reactive(FacilitatorApp.language, self.t.language)
        self._start_error: UserError | None = None
        self.participants: WebServer | None = None
        """The participants' server (join panel), made when first asked for."""
        self._watches: dict[int, SessionWatch] = {}
        self._first_screen = self._build_first_screen()
        # Themes before the first style pass: setting one later re-styles every widget.
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = NORMAL

    # ---------------------------------------------------------------- start
    def on_load(self) -> None:
        """Start-up allocates tens of thousands of objects that live as long as the app.

        Python's cyclic collector walked them again and again before the first frame
        (70 ms of a 500 ms start with 500 activities). It is off until the first frame;
        shortly after, one collection, and what survived is set aside (`gc.freeze`) so
        that later collections, during the workshop, skip it.
        """
        gc.disable()

    async def on_unmount(self) -> None:
        gc.enable()  # an app closed before its settling timer ran must not leave GC off
        if self.participants is not None:  # closing the app stops the participants' server
            await self.participants.stop()

    def on_ready(self) -> None:
        if _start_settled:
            gc.enable()
        else:  # the first collection would land on the frames right after the first
            self.set_timer(SETTLE_SECONDS, settle_start_garbage)

    def on_mount(self) -> None:
        localize_bindings(self, self.t)
        if self._start_error is not None:
            self.show_user_error(self._start_error)

    def _build_first_screen(self) -> Screen[Any]:
        """The first screen: the session (or review) asked for, else home.

        Built before the app runs, so that its stylesheets are read with the app's (one
        parse) and Textual's blank default screen is never built: it is the app's first
        screen, not pushed over another. Opening a session directly builds home only when
        the facilitator goes there.
        """
        screen: Screen[Any] | None = None
        try:
            if self.review_path is not None:
                screen = self._review_screen(self.review_path)
            elif self.session_path is not None:
                screen = self._workshop_screen(self.session_path)
        except UserError as error:
            if self.review_path is not None:  # review must not land on home, which can change data
                raise
            self._start_error = error  # shown on home once the app is mounted
        if screen is None:
            from facilitator.ui.screens.home import HomeScreen

            screen = HomeScreen()
        self.css_path = [*self.css_path, *screen.css_path]
        return screen

    def get_default_screen(self) -> Screen[Any]:
        return self._first_screen

    def go_home(self) -> None:
        from facilitator.ui.screens.home import HomeScreen

        if any(isinstance(screen, HomeScreen) for screen in self.screen_stack):
            while not isinstance(self.screen, HomeScreen):
                self.pop_screen()
        elif len(self.screen_stack) > 1:
            self.switch_screen(HomeScreen())
        else:  # the first screen stays underneath (suspended): reopening it is instant
            self.push_screen(HomeScreen())

    def watch_session(self, service: SessionService) -> SessionWatch:
        """The one watcher of a service's session (made when first asked for, while running)."""
        from facilitator.ui.watcher import SessionWatch

        watch = self._watches.get(id(service))
        if watch is None or watch.service is not service:
            watch = self._watches[id(service)] = SessionWatch(self, service)
        return watch

    def _open(self, path: Path) -> SessionService:
        """A session's service, failing here with the file's own error; sets the language."""
        service = self.library.service(path)
        service.session  # noqa: B018 - fail here, with the file's own error
        if self.explicit_language is None:
            if self.is_running:
                self.language = service.scenario.language
            else:  # nothing is built yet that would need relabelling
                self.t.language = service.scenario.language
                self.set_reactive(FacilitatorApp.language, self.t.language)
        return service

    def _workshop_screen(self, path: Path) -> Screen[Any]:
        from facilitator.ui.screens.workshop import WorkshopScreen

        return WorkshopScreen(self._open(path))

    def _review_screen(self, path: Path) -> Screen[Any]:
        from facilitator.ui.screens.review import ReviewScreen

        return ReviewScreen(self._open(path))

    def open_session(self, path: Path) -> bool:
        """Open the workshop screen for a session; errors are shown, nothing is lost."""
        from facilitator.ui.screens.workshop import WorkshopScreen

        stack = self.screen_stack
        for index, screen in enumerate(stack):
            if isinstance(screen, WorkshopScreen) and screen.service.path == path:
                for _ in range(len(stack) - 1 - index):  # back to it, as it was left
                    self.pop_screen()
                return True
        try:
            self.push_screen(self._workshop_screen(path))
        except UserError as error:
            self.show_user_error(error)
            return False
        return True

    def open_review(self, path: Path) -> bool:
        """Review a session read-only (dashboard and timeline); nothing is written to it."""
        try:
            self.push_screen(self._review_screen(path))
        except UserError as error:
            self.show_user_error(error)
            return False
        return True

    # ---------------------------------------------------------------- language and looks
    def watch_language(self, language: str) -> None:
        self.t.language = language
        localize_bindings(self, self.t)
        for screen in self.screen_stack:
            relabel = getattr(screen, "relabel", None)
            if relabel is not None and screen.is_mounted:  # unmounted screens label themselves on mount
                relabel()

    def action_toggle_language(self) -> None:
        index = LANGUAGES.index(self.language) if self.language in LANGUAGES else 0
        self.language = LANGUAGES[(index + 1) % len(LANGUAGES)]
        self.explicit_language = self.language
        self.notify(self.t("notify.language"), timeout=2)

    def watch_projector(self, projector: bool) -> None:
        self.theme = PROJECTOR if projector else NORMAL
        self.set_class(projector, "-projector")

    def action_toggle_projector(self) -> None:
        self.projector = not self.projector
        self.notify(self.t("notify.projector.on" if self.projector else "notify.projector.off"), timeout=2)

    def action_help(self) -> None:
        from facilitator.ui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def load_styles(self, *paths: Path) -> None:
        """Stylesheets of something shown for the first time: read once, kept from then on."""
        new = [path for path in paths if not self.stylesheet.has_source(str(path), "")]
        if not new:
            return
        for path in new:
            self.stylesheet.read(path)
        self.stylesheet.reparse()
        self.stylesheet.update(self)

    def show_user_error(self, error: Exception) -> None:
        """A refused change in the interface language when the catalogue knows it."""
        key = getattr(error, "key", None)
        if key and self.t.has(key):
            values = dict(getattr(error, "values", {}))
            if "field" in values and self.t.has(f"error.field.{values['field'].replace(' ', '_')}"):
                values["field"] = self.t(f"error.field.{values['field'].replace(' ', '_')}")
            self.show_error(self.t(key, **values))
        else:
            self.show_error(str(error))

    def show_error(self, message: str) -> None:
        """A user error as a notification; the text is shown literally."""
        self.notify(message, title=self.t("error.title"), severity="error", markup=False, timeout=8)

    # ---------------------------------------------------------------- command palette
    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(cast(App[object], self)):
            self.push_screen(
                CommandPalette(id="--command-palette", placeholder=self.t("palette.placeholder"))
            )

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The screen's own actions (from its bindings and extra commands), then the app's."""
        t = self.t
        extra = getattr(screen, "palette_commands", None)
        if extra is not None:
            yield from extra()
        seen: set[str] = set()
        # A phase view's bindings are active while focus is inside it: offer those that are enabled.
        nodes: list[tuple[Widget | App[int], Binding]] = [
            (node, binding)
            for node, binding, enabled, _tooltip in screen.active_bindings.values()
            if isinstance(node, PhaseView) and enabled
        ]
        nodes += [(node, binding) for node in (screen, self) for _key, binding in node._bindings]
        for node, binding in nodes:
            action = binding.action
            if action in seen or action in NOT_IN_PALETTE or not binding.description:
                continue
            seen.add(action)
            yield SystemCommand(
                binding.description,
                f"{binding.key_display or binding.key}",
                lambda node=node, action=action: self._run_palette_action(node, action),
            )
        yield SystemCommand(t("cmd.theme"), t("cmd.theme.help"), self.action_change_theme)
        yield SystemCommand(t("cmd.screenshot"), t("cmd.screenshot.help"), lambda: self.deliver_screenshot())

    def _run_palette_action(self, node: Widget | App[int], action: str) -> None:
        self.call_later(node.run_action, action)


def settle_start_garbage() -> None:
    """Collect what the start left behind and freeze the rest (once per process); GC back on."""
    global _start_settled
    if not _start_settled:
        _start_settled = True
        gc.collect()
        gc.freeze()
    gc.enable()


def create_app(
    library: SessionLibrary | None = None,
    *,
    session_path: Path | None = None,
    review_path: Path | None = None,
    lang: str | None = None,
) -> FacilitatorApp:
    """The app without argument parsing: for the CLI, tests and snapshot targets."""
    return FacilitatorApp(
        library or SessionLibrary(), session_path=session_path, review_path=review_path, lang=lang
    )
