"""The Textual application: screens, themes, language and the command palette."""

from __future__ import annotations

import gc
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import platformdirs
from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.content import Content
from textual.markup import escape
from textual.reactive import reactive
from textual.screen import Screen
from textual.theme import ThemeProvider
from textual.widget import Widget

from facilitator.core.errors import UserError
from facilitator.core.i18n import LANGUAGES, Translator, explain
from facilitator.core.library import SessionLibrary
from facilitator.core.plain import take_notices
from facilitator.core.service import SessionService
from facilitator.core.settings import interface_language, save_setting
from facilitator.core.watcher import OpenSessions
from facilitator.ui import collector, css_cache
from facilitator.ui.base import Localized, unsaved_text
from facilitator.ui.host import Done, Host, Result
from facilitator.ui.key_order import KeysInOrder
from facilitator.ui.localized import is_own_binding, key_shown, localize_bindings
from facilitator.ui.themes import ANSI_DARK, ANSI_LIGHT, NORMAL, PROJECTOR, THEMES
from facilitator.ui.views.base import PhaseView

if TYPE_CHECKING:
    from facilitator.web.running import WebServer

UI_DIR = Path(__file__).resolve().parent

# Bindings that are movement, not actions: kept off the command palette.
NOT_IN_PALETTE = {"command_palette", "app.command_palette"}


class FacilitatorApp(KeysInOrder, App[int]):
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
        opened: SessionService | None = None,
    ) -> None:
        super().__init__()
        self.css_rules = css_cache.start()
        """Stylesheets parsed at an earlier start, read back (None: Textual parses as ever)."""
        self.library = library
        self.session_path = session_path
        self.review_path = review_path
        self._opened = opened
        """The first screen's session as the caller (the CLI) read and checked it: used, not read again."""
        self.explicit_language = lang
        # One language at a time: --lang, else the choice made last time, else the system's.
        self.t = Translator(interface_language(library.data_dir, lang))
        self.set_reactive(FacilitatorApp.language, self.t.language)
        self._start_error: UserError | None = None
        self.participants: WebServer | None = None
        """The participants' server (join panel), made when first asked for."""
        self.sessions = OpenSessions()
        """The sessions the screens (and the participants' server) hold open: one watcher each."""
        self._after_first_frame: list[Callable[[], object]] | None = []
        """What waits for the first frame (`after_first_frame`); None once it is on screen."""
        self._init_key_order()
        self._last_input = time.monotonic()
        """When the last key or mouse event came (full collections wait for a quiet moment)."""
        self.crash_log: Path | None = None
        """Where the traceback of an unexpected error went (the app then exits with code 1)."""
        # Building the first screen reads the session into its model: tens of thousands of
        # objects the cyclic collector would walk again and again. It is off from here until
        # the first frame (see `on_load`); back on if the session cannot be opened.
        gc.disable()
        try:
            self._first_screen = self._build_first_screen()
        except BaseException:
            gc.enable()
            raise
        # Themes before the first style pass: setting one later re-styles every widget.
        for theme in THEMES:
            self.register_theme(theme)
        # Named colours ("green", "yellow") pass the contrast bar too; before the theme,
        # whose setting installs the palette that turns them into true colours.
        self.set_reactive(App.ansi_theme_dark, ANSI_DARK)
        self.set_reactive(App.ansi_theme_light, ANSI_LIGHT)
        self._start_in_theme(NORMAL)

    _theme_started = False
    """Whether `_start_in_theme` has run: Textual's `__init__` asks for the variables before."""

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables; none when Textual's `__init__` asks, for its default theme,
        which this app never shows: `_start_in_theme` sets the app's before anything is
        styled (~3 M instructions of the start)."""
        return super().get_css_variables() if self._theme_started else {}

    def _start_in_theme(self, name: str) -> None:
        """What setting `theme` does, less its re-reading of every stylesheet (Textual's
        `_watch_theme` queues `refresh_css`): before the app runs nothing is parsed yet, and
        the one parse at the start then reads the theme's variables. Saves a parse of the
        app's stylesheets (9 ms of the start)."""
        self._theme_started = True
        self.set_reactive(App.theme, name)
        dark = self.current_theme.dark
        classes = {old: False for old in self.classes if old.startswith("-theme-")}
        self.update_classes(
            {**classes, f"-theme-{name}": True, "-dark-mode": dark, "-light-mode": not dark}, update=False
        )
        self._refresh_truecolor_filter(self.ansi_theme)
        self.stylesheet.set_variables(self.get_css_variables())

    # ---------------------------------------------------------------- unexpected errors
    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error: the traceback to a log file, never onto the projector.

        Textual would print the whole traceback (with local variables: session text)
        when the app closes; the CLI prints one line naming the log file instead.
        """
        self.crash_log = write_crash_log(self.library.data_dir, error)
        super()._handle_exception(error)
        self._exit_renderables.clear()  # what Textual prints on exit: the CLI says it in one line
        self._return_code = 1

    # ---------------------------------------------------------------- start
    def on_load(self) -> None:
        """Start-up allocates tens of thousands of objects that live as long as the app.

        Python's cyclic collector walked them again and again before the first frame
        (70 ms of a 500 ms start with 500 activities). It is off until the first frame
        (from `__init__`, where the first screen reads the session);
        shortly after, one collection, and what survived is set aside (`gc.freeze`) so
        that later collections, during the workshop, skip it.
        """
        gc.disable()

    async def on_unmount(self) -> None:
        gc.enable()  # an app closed before its settling timer ran must not leave GC off
        collector.python_collections()
        if self.css_rules is not None:  # what was parsed since the first frame (dialogs, themes)
            self.css_rules.save()
            css_cache.stop(self.css_rules)
        if self.participants is not None:  # closing the app stops the participants' server
            await self.participants.stop()
        for service in self.open_services():  # the next start skips checking what it left
            service.remember_trust()

    def on_ready(self) -> None:
        if collector.start_settled():
            collector.settle_start_garbage()  # only the collector's policy: the start was settled
        else:  # the first collection would land on the frames right after the first
            self.set_timer(collector.SETTLE_SECONDS, collector.settle_start_garbage)
        self.set_interval(collector.QUIET_SECONDS, self._collect_when_quiet)
        waiting, self._after_first_frame = self._after_first_frame or [], None
        if self.css_rules is not None:  # what this start parsed, for the next one
            waiting.append(self.css_rules.save)
        for work in waiting:
            self.call_after_refresh(work)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.InputEvent):
            self._last_input = time.monotonic()  # not quiet: no full collection now (`collector`)
        await super().on_event(event)

    def _collect_when_quiet(self) -> None:
        if gc.isenabled():  # (off while the start loads)
            collector.collect_if_quiet(self._last_input)

    def after_first_frame(self, work: Callable[[], object]) -> None:
        """Run `work` once the first frame is on screen: what the start can leave until then
        (serving a session again, ...) does not hold up what the facilitator sees first."""
        if self._after_first_frame is None:
            self.call_later(work)
        else:
            self._after_first_frame.append(work)

    @property
    def _background_screens(self) -> list[Screen[Any]]:
        """Screens drawn under the top one: none under an opaque one. Textual counts the screen
        just under the top as seen through it whatever the top's background, so each change
        to the board under the placement screen redrew the placement screen (~11 ms a key)."""
        stack = self._screen_stack
        if stack and stack[-1].styles.background.a == 1:
            return []
        screens: list[Screen[Any]] = super()._background_screens
        return screens

    def on_mount(self) -> None:
        localize_bindings(self, self.t)
        if self._start_error is not None:
            self.show_user_error(self._start_error)
        self.show_notices()

    def show_notices(self) -> None:
        """Say which of this device's own files (view state, settings) were set aside as unreadable."""
        for notice in take_notices():
            self.notify(
                self.t("notify.set_aside", detail=notice), severity="warning", markup=False, timeout=8
            )

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

    def _open(self, path: Path) -> SessionService:
        """A session's service, failing here with the file's own error.

        The interface keeps its language: the scenario's names (rungs, roles, phases,
        fields) are shown in it too, from the scenario's counterpart where there is one.
        """
        opened, self._opened = self._opened, None
        service = opened if opened is not None and opened.path == path else self.library.service(path)
        service.show_names_in(self.language, self.scenario_folders)
        service.session  # noqa: B018 - fail here, with the file's own error
        if self.is_running:
            self.show_notices()
        return service

    @property
    def scenario_folders(self) -> tuple[Path, ...]:
        return (self.library.scenarios_dir,)

    def open_services(self) -> list[SessionService]:
        """The sessions the screens on the stack show (each screen keeps its own service)."""
        found: list[SessionService] = []
        for screen in self.screen_stack:
            service = screen.session_service if isinstance(screen, Localized) else None
            if service is not None and service not in found:
                found.append(service)
        return found

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
        return self.attempt(lambda: self.push_screen(self._workshop_screen(path))) is not None

    def open_review(self, path: Path) -> bool:
        """Review a session read-only (dashboard and timeline); nothing is written to it."""
        return self.attempt(lambda: self.push_screen(self._review_screen(path))) is not None

    # ---------------------------------------------------------------- language and looks
    def watch_language(self, language: str) -> None:
        self.t.language = language
        for service in self.open_services():  # names of rungs, roles, phases in the new language
            service.show_names_in(language, self.scenario_folders)
        localize_bindings(self, self.t)
        for screen in self.screen_stack:
            if isinstance(screen, Localized) and screen.is_mounted:  # unmounted: labelled on mount
                screen.relabel()

    def action_toggle_language(self) -> None:
        index = LANGUAGES.index(self.language) if self.language in LANGUAGES else 0
        self.language = LANGUAGES[(index + 1) % len(LANGUAGES)]
        self.explicit_language = self.language
        save_setting(self.library.data_dir, "language", self.language)  # remembered for the next start
        self.notify(self.t("notify.language"), timeout=2)

    def watch_projector(self, projector: bool) -> None:
        self.theme = PROJECTOR if projector else NORMAL
        self.set_class(projector, "-projector")

    def action_toggle_projector(self) -> None:
        self.projector = not self.projector
        self.notify(self.t("notify.projector.on" if self.projector else "notify.projector.off"), timeout=2)

    def action_help(self) -> None:
        from facilitator.ui.dialogs.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_key_display(self, binding: Binding) -> str:
        return key_shown(super().get_key_display(binding), self.t)  # "tühik", not "space"

    def load_styles(self, *paths: Path) -> None:
        """Stylesheets of something shown for the first time: read once, kept from then on."""
        new = [path for path in paths if not self.stylesheet.has_source(str(path), "")]
        if not new:
            return
        for path in new:
            self.stylesheet.read(path)
        self.stylesheet.reparse()
        self.stylesheet.update(self)

    def attempt(self, change: Callable[[], Result]) -> Done[Result] | None:
        """The one way to run a service call from the interface: a refusal (`UserError`) is shown
        to the user and None returned (nothing changed); else what the call returned, as `Done`."""
        try:
            return Done(change())
        except UserError as error:
            self.show_user_error(error)
            return None

    def show_user_error(self, error: Exception) -> None:
        """A refused change in the interface language when the catalogue knows it."""
        self.show_error(explain(error, self.t))

    def show_error(self, message: str) -> None:
        """A user error as a notification; the text is shown literally."""
        self.notify(message, title=self.t("error.title"), severity="error", markup=False, timeout=8)

    def ask_choice(
        self,
        title: str,
        options: Sequence[tuple[Content, str]],
        current: str | None,
        chosen: Callable[[str | None], None],
    ) -> None:
        """A `ChoiceField`'s list, as a dialog (widgets import no dialog)."""
        from facilitator.ui.dialogs.common import ChoiceDialog  # built only when opened

        self.push_screen(ChoiceDialog(title, options, current), chosen)

    def confirm_discard(self, discard: Callable[[], object]) -> None:
        """Ask whether typed text may be thrown away; `discard` runs only on yes."""
        from facilitator.ui.dialogs.common import confirm_discard

        confirm_discard(self.screen, discard)

    # ---------------------------------------------------------------- command palette
    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(cast(App[object], self)):
            from facilitator.ui.palette import Palette  # (a screen class: ~2 M instructions of the start)

            self.push_screen(Palette(self.t, id="--command-palette"))

    def search_themes(self) -> None:
        """Textual's theme search, in the interface's language."""
        from facilitator.ui.palette import Palette

        self.push_screen(Palette(self.t, "palette.themes", providers=[ThemeProvider]))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The screen's commands, their titles and help as text: the palette reads both as
        markup, and names in them (phases, rungs, roles) come from any scenario file."""
        for command in self._palette_commands(screen):
            yield command._replace(title=escape(command.title), help=escape(command.help))

    def _palette_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The screen's own actions (from its bindings and extra commands), then the app's."""
        t = self.t
        if isinstance(screen, Localized):
            yield from screen.palette_commands()
        seen: set[str] = set()
        # A phase view's bindings are active while focus is inside it: offer those that are enabled.
        nodes: list[tuple[Widget | App[int], Binding]] = [
            (node, binding)
            for node, binding, enabled, _tooltip in screen.active_bindings.values()
            if isinstance(node, PhaseView) and enabled
        ]
        nodes += [
            (node, binding)
            for node in (screen, self)
            for _key, binding in node._bindings
            if node.check_action(binding.action, ()) is not False  # e.g. "reopen" while open
        ]
        for node, binding in nodes:
            action = binding.action
            # A dialog's "app.toggle_language" is the app's "toggle_language": offered once.
            same = action.removeprefix("app.")
            if same in seen or action in NOT_IN_PALETTE or not binding.description:
                continue
            if not is_own_binding(node, binding):  # Textual's own (copy, focus next, ...)
                continue
            seen.add(same)
            yield SystemCommand(
                binding.description,
                self.get_key_display(binding),  # "[", not "left_square_bracket"
                lambda node=node, action=action: self._run_palette_action(node, action),
            )
        yield SystemCommand(t("cmd.theme"), t("cmd.theme.help"), self.action_change_theme)
        yield SystemCommand(t("cmd.screenshot"), t("cmd.screenshot.help"), lambda: self.deliver_screenshot())

    def _run_palette_action(self, node: Widget | App[int], action: str) -> None:
        self.call_later(node.run_action, action)

    async def action_quit(self) -> None:
        """ctrl+q: fields saved on leaving are saved; text typed but not stored is asked about."""
        if any([unsaved_text(screen) for screen in self.screen_stack]):  # every screen saves
            self.confirm_discard(self.exit)
        else:
            self.exit()

    def action_help_quit(self) -> None:
        """ctrl+c (copy in a text field) elsewhere: say how to quit, in the interface language."""
        self.notify(self.t("quit.how"), title=self.t("quit.title"))

    # ---------------------------------------------------------------- screenshots
    def export_screenshot(self, *, title: str | None = None, simplify: bool = False) -> str:
        """Textual's SVG with wide letters (CJK, emoji) two cells wide, as on screen."""
        from facilitator.ui.screenshot import as_on_screen  # and `html`: not at every start

        return as_on_screen(super().export_screenshot(title=title, simplify=simplify))

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """Into the Downloads folder, or the data folder's `screenshots` when there is none."""
        if path is None:
            path = str(screenshot_folder(self.library.data_dir))
        return super().deliver_screenshot(filename, path, time_format)

    @on(events.DeliveryComplete)
    def _on_delivery_complete(self, event: events.DeliveryComplete) -> None:
        """Say where the screenshot went, in the interface language (the path shown literally)."""
        if event.name == "screenshot":
            event.prevent_default()  # instead of Textual's English message
            where = str(event.path) if event.path is not None else ""
            self.notify(
                self.t("screenshot.saved", path=where), title=self.t("screenshot.title"), markup=False
            )

    @on(events.DeliveryFailed)
    def _on_delivery_failed(self, event: events.DeliveryComplete) -> None:  # (sic) as Textual types it
        if event.name == "screenshot":
            event.prevent_default()
            self.notify(self.t("screenshot.failed"), title=self.t("screenshot.title"), severity="error")


CRASH_LOG_NAME = "crash.log"


_IS_A_HOST: type[Host] = FacilitatorApp  # mypy checks here that the app is what `ui.host` declares


def screenshot_folder(data_dir: Path) -> Path:
    """The user's Downloads folder if it exists, else `<data dir>/screenshots` (made if missing)."""
    downloads = platformdirs.user_downloads_path()
    if downloads.is_dir():
        return downloads
    folder = data_dir / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def write_crash_log(data_dir: Path, error: BaseException) -> Path | None:
    """Append the error's traceback to `<data dir>/crash.log`; None when that can't be written."""
    path = data_dir / CRASH_LOG_NAME
    text = "".join(traceback.format_exception(error))
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {datetime.now().astimezone().isoformat(timespec='seconds')}\n{text}\n")
    except OSError:
        return None
    return path


def create_app(
    library: SessionLibrary | None = None,
    *,
    session_path: Path | None = None,
    review_path: Path | None = None,
    lang: str | None = None,
    opened: SessionService | None = None,
) -> FacilitatorApp:
    """The app without argument parsing: for the CLI, tests and snapshot targets. `opened`:
    the session at `session_path` (or `review_path`) as the caller has read it already."""
    return FacilitatorApp(
        library or SessionLibrary(),
        session_path=session_path,
        review_path=review_path,
        lang=lang,
        opened=opened,
    )
