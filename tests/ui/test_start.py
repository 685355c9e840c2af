"""The start: what the first frame shows, and what is deferred until after it still happens."""

from __future__ import annotations

import gc
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from textual import events
from textual.screen import Screen
from textual.widget import Widget

from facilitator.core.errors import UserError
from facilitator.core.library import SessionLibrary
from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.themes import NORMAL
from facilitator.ui.widgets.ladder import LadderBoard
from facilitator.ui.widgets.mismatch_badge import MismatchBadge
from tests.ui.helpers import until, workshop_shown


def on_the_board(service: SessionService) -> SessionService:
    """The room on the placing phase: the workshop opens on the ladder board."""
    place = next(p.id for p in service.scenario.agenda if p.kind == "place")
    service.set_phase(place)
    return service


class FirstFrame(FacilitatorApp):
    """The app, noting what had the focus when the first frame was drawn and every focus since."""

    focused_at_ready: Widget | None = None
    ready_seen = False
    badge_at_ready = ""
    intervals_at_ready = 0
    focus_events: list[str]

    def on_ready(self) -> None:  # (Textual calls the app's own `on_ready` too)
        self.focused_at_ready = self.focused
        self.ready_seen = True
        badges = self.screen.query(MismatchBadge)
        self.badge_at_ready = str(badges.first().label) if badges else ""
        self.intervals_at_ready = sum(len(widget._timers) for widget in self.screen.walk_children(Widget))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.focus_events.append(type(event.widget).__name__)


async def test_the_board_has_the_focus_in_the_first_frame_and_the_count_comes_after(
    ui_library: SessionLibrary, demo_session: SessionService
) -> None:
    """The board is focused as it is composed: no other widget takes the focus first and gives
    it back after the first frame (each move restyled and redrew the screen once more)."""
    app = FirstFrame(ui_library, session_path=on_the_board(demo_session).path, lang="en")
    app.focus_events = []
    async with app.run_test(size=(160, 50)) as pilot:
        await workshop_shown(pilot)
        await pilot.pause()
        assert isinstance(app.focused_at_ready, LadderBoard)
        assert isinstance(app.focused, LadderBoard)
        assert set(app.focus_events) == {"LadderBoard"}
        # The header's mismatch count comes after the first frame, and then it comes.
        assert app.badge_at_ready == "⚠ …"
        badge = app.screen.query_one(MismatchBadge)
        await until(pilot, lambda: str(badge.label) != "⚠ …", "the mismatch count")


async def test_the_app_starts_in_its_own_theme(ui_library: SessionLibrary) -> None:
    """Set before the first parse (not by Textual's theme watcher): its colours are the stylesheet's."""
    app = FacilitatorApp(ui_library, lang="en")
    assert app.theme == NORMAL
    assert app.stylesheet._variables["background"] == "#15191E"
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.has_class(f"-theme-{NORMAL}", "-dark-mode")
        assert not app.has_class("-light-mode")
        assert str(app.screen.styles.background.hex).upper() == "#15191E"
        app.action_toggle_projector()
        await pilot.pause()
        assert app.has_class("-light-mode") and not app.has_class(f"-theme-{NORMAL}")


def test_a_session_that_cannot_be_reviewed_leaves_the_collector_on(
    ui_library: SessionLibrary, tmp_path: Path
) -> None:
    """The collector is off while the app reads the first screen's session: a refusal turns it back on."""
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(UserError):
        FacilitatorApp(ui_library, review_path=broken, lang="en")
    assert gc.isenabled()


async def test_work_left_for_after_the_first_frame_runs_then_and_at_once_after_it(
    ui_library: SessionLibrary,
) -> None:
    app = FirstFrame(ui_library, lang="en")
    app.focus_events = []
    ran: list[tuple[str, bool]] = []
    app.after_first_frame(lambda: ran.append(("queued", app.ready_seen)))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert ran == [("queued", True)]  # after the first frame, not before
        app.after_first_frame(lambda: ran.append(("later", True)))
        await pilot.pause()
        assert ran == [("queued", True), ("later", True)]


FIRST_FRAME_MODULES = r"""
import json, sys
from pathlib import Path
from facilitator.core.library import SessionLibrary
from facilitator.ui.app import FacilitatorApp

class Noted(FacilitatorApp):
    def on_ready(self) -> None:
        self.modules = sorted(sys.modules)
        self.call_after_refresh(self.exit)

app = Noted(SessionLibrary(Path(sys.argv[1])), session_path=Path(sys.argv[2]), lang="en")
app.run(headless=True, size=(160, 50))
print(json.dumps(app.modules))
"""

NOT_BEFORE_THE_FIRST_FRAME = (
    "facilitator.web",  # the participants' server, the room file
    "facilitator.core.reports",
    "facilitator.core.changes",  # the change handlers: showing a session changes nothing
    "facilitator.core.kinds",
    "facilitator.core.history",
    "facilitator.ui.dialogs.common",
    "facilitator.ui.screens.home",
    "facilitator.ui.screens.placement",
    "facilitator.ui.views.agree",
    "facilitator.ui.screenshot",
    "facilitator.ui.palette",  # the command palette, made when first opened
    "facilitator.core.i18n.agree",  # the catalogue's areas: each loaded when first needed
    "facilitator.core.i18n.report",
    "facilitator.core.i18n.review",
    "facilitator.core.i18n.web",
    "facilitator.core.tables_db",  # TinyDB, the store's interface for a change: reading
    "tinydb",  # and showing a file need none of it
    "filelock",  # the write lock: made by the first write (every write takes it)
    "hmac",  # (the server's join codes, with secrets)
    "secrets",
    "csv",  # (the CSV export)
    "html",  # (the HTML export, the screenshot fixer)
    "aiohttp",
    "jinja2",
    "textual.widgets._text_area",  # no view opens on a TextArea; with Textual's document model
    "textual.document",  # it was ~36 M instructions of the start
)


def test_the_first_frame_imports_only_what_it_shows(
    ui_library: SessionLibrary, demo_session: SessionService
) -> None:
    """Opened on the board, the app has not imported the server, the reports, the change
    handlers, the dialogs or other screens and views by its first frame (a fresh process)."""
    path = on_the_board(demo_session).path
    out = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME_MODULES, str(ui_library.data_dir), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    modules = json.loads(out.stdout.strip().splitlines()[-1])
    assert "facilitator.ui.views.board" in modules
    assert imported_early(modules) == []


AFTER_THE_FIRST_FRAME_MODULES = r"""
import json, sys
from pathlib import Path
from facilitator.core.library import SessionLibrary
from facilitator.ui.app import FacilitatorApp

class Noted(FacilitatorApp):
    def on_ready(self) -> None:
        super().on_ready()  # queues the work left for after the first frame; this comes after it
        self.call_after_refresh(self.note)

    async def note(self) -> None:
        await self.workers.wait_for_complete()  # (looking whether the session was being served)
        self.modules = sorted(sys.modules)
        self.exit()

app = Noted(SessionLibrary(Path(sys.argv[1])), session_path=Path(sys.argv[2]), lang="en")
app.run(headless=True, size=(160, 50))
print(json.dumps(app.modules))
"""


def test_the_work_after_the_first_frame_reads_the_room_without_the_lock_module(
    ui_library: SessionLibrary, demo_session: SessionService
) -> None:
    """Right after the first frame the app looks whether the session was being served (the
    room file); a session that was not needs no server and no lock, so neither is imported
    (filelock's import alone took ~14 ms, inside the start's second frame)."""
    path = on_the_board(demo_session).path
    out = subprocess.run(
        [sys.executable, "-c", AFTER_THE_FIRST_FRAME_MODULES, str(ui_library.data_dir), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    modules = json.loads(out.stdout.strip().splitlines()[-1])
    assert "facilitator.web.room_file" in modules  # it did look
    assert [m for m in modules if m == "filelock" or m.startswith(("filelock.", "aiohttp"))] == []


def imported_early(modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == n or m.startswith(n + ".") for n in NOT_BEFORE_THE_FIRST_FRAME)]


USERS_START = r"""
import gc, json, sys
from facilitator.core import store
from facilitator.ui.app import FacilitatorApp
from facilitator.cli import main

collector_while_reading = []
read = store.read_limited
def noted_read(*args):
    collector_while_reading.append(gc.isenabled())
    return read(*args)
store.read_limited = noted_read

ready, run = FacilitatorApp.on_ready, FacilitatorApp.run
def on_ready(app):
    ready(app)
    app.modules = sorted(sys.modules)
    app.call_after_refresh(app.exit)
def headless(app, *args, **kwargs):
    run(app, headless=True, size=(160, 50))
    print(json.dumps({"modules": app.modules, "collector_while_reading": collector_while_reading}))
FacilitatorApp.on_ready, FacilitatorApp.run = on_ready, headless
sys.exit(main(["--data-dir", sys.argv[1], "--lang", "en", "open", sys.argv[2]]))
"""


def test_the_users_start_imports_only_what_the_first_frame_shows_and_reads_without_the_collector(
    ui_library: SessionLibrary, demo_session: SessionService
) -> None:
    """`facilitator open ID` (a fresh process) imports no more than the app started directly
    (the export formats' table, the command line's `--format` choices, neither); the session is
    read with the collector already off (the app turns it on after the first frame)."""
    on_the_board(demo_session)
    out = subprocess.run(
        [sys.executable, "-c", USERS_START, str(ui_library.data_dir), demo_session.session.id],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    noted = json.loads(out.stdout.strip().splitlines()[-1])
    assert "facilitator.ui.views.board" in noted["modules"]
    assert imported_early(noted["modules"]) == []
    assert noted["collector_while_reading"] == [False]


async def test_a_screen_is_styled_once_when_first_shown_unless_a_stylesheet_came_since(
    ui_library: SessionLibrary, demo_session: SessionService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual styles a screen's widgets as they are mounted and again when the screen is first
    shown; the second pass is skipped when only widgets' own (scoped) stylesheets came since.
    Dialogs and later showings are as Textual makes them; an app-wide stylesheet that came
    since the screen was styled keeps the second pass."""
    resumes: list[tuple[str, bool]] = []
    original = Screen._on_screen_resume

    def noted(screen: Screen[object], event: events.ScreenResume) -> None:
        resumes.append((type(screen).__name__, event.refresh_styles))
        original(screen, event)

    monkeypatch.setattr(Screen, "_on_screen_resume", noted)
    app = FacilitatorApp(ui_library, session_path=on_the_board(demo_session).path, lang="en")
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await workshop_shown(pilot)
        assert resumes == [("WorkshopScreen", False)]
        board = screen.query_one(LadderBoard)
        assert board.region.height > 30  # styled all the same: its own stylesheet's 1fr
        await pilot.press("f1")
        await until(pilot, lambda: type(app.screen).__name__ == "HelpScreen", "help")
        assert resumes[-1] == ("HelpScreen", True)

        event = events.ScreenResume()
        screen._css_sources_when_styled = len(app.stylesheet.source)  # as if styled just now
        app.stylesheet.add_source("Label { color: red; }", read_from=("test", "app-wide"))
        screen._skip_second_styling(event)
        assert event.refresh_styles


def test_the_command_line_turns_the_collector_back_on_when_the_app_cannot_start(
    ui_library: SessionLibrary, demo_session: SessionService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`facilitator open` keeps the collector off while the app's modules and first screen
    load (the app turns it on after the first frame); a refusal before that turns it on."""
    import facilitator.ui.app as app_module
    from facilitator.cli import main

    def refused(*_args: object, **_kwargs: object) -> FacilitatorApp:
        assert not gc.isenabled()
        raise UserError("not today")

    monkeypatch.setattr(app_module, "create_app", refused)
    err = io.StringIO()
    code = main(["--data-dir", str(ui_library.data_dir), "open", demo_session.session.id], io.StringIO(), err)
    assert code == 2 and "not today" in err.getvalue()
    assert gc.isenabled()
    # The collector goes off before the session is read: a session that cannot be opened too.
    code = main(["--data-dir", str(ui_library.data_dir), "open", "nosuchid"], io.StringIO(), io.StringIO())
    assert code == 2 and gc.isenabled()


def test_the_command_line_reads_the_session_once_and_the_app_takes_it_over(
    ui_library: SessionLibrary, demo_session: SessionService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`facilitator open` checks the file before the interface starts (a bad one is one line,
    exit code 2); the first screen shows that same read, not a second read and model build."""
    from facilitator.cli import main
    from facilitator.core import service as service_module
    from facilitator.core import store
    from facilitator.ui.screens.workshop import WorkshopScreen

    session_id, path = demo_session.session.id, demo_session.path
    reads: list[Path] = []
    builds: list[str] = []
    read, build = store.read_limited, service_module.build_session
    monkeypatch.setattr(store, "read_limited", lambda path, *a: reads.append(path) or read(path, *a))
    monkeypatch.setattr(
        service_module,
        "build_session",
        lambda data, where, *a: builds.append(where) or build(data, where, *a),
    )
    shown: list[Screen[object]] = []
    monkeypatch.setattr(FacilitatorApp, "run", lambda app, *_a, **_k: shown.append(app.get_default_screen()))
    try:
        argv = ["--data-dir", str(ui_library.data_dir), "--lang", "en", "open", session_id]
        code = main(argv, io.StringIO(), io.StringIO())
    finally:
        gc.enable()  # (the app turns it on at its first frame; this one never ran)
    assert code == 0
    assert reads == [path] and builds == [str(path)]
    assert isinstance(shown[0], WorkshopScreen) and shown[0].service.path == path


async def test_no_widget_is_styled_again_before_the_first_frame_and_the_clock_shows_its_state(
    ui_library: SessionLibrary, demo_session: SessionService
) -> None:
    """Each widget is styled once as it is mounted: the board is focused as it is built, and the
    timer's state classes come with the panel (a restyle each cost a widget's whole styling)."""
    import time

    from facilitator.core.timer import PhaseTimer
    from facilitator.ui.widgets.timer import TimerPanel

    service = on_the_board(demo_session)
    phase = service.session.room.phase
    service.set_timer(PhaseTimer(phase, 600, 0.0, time.time() - 590))  # running, in its last minute
    app = FirstFrame(ui_library, session_path=service.path, lang="en")
    app.focus_events = []
    restyled: list[str] = []
    update_nodes = app.stylesheet.update_nodes

    def noted(nodes: object, animate: bool = False) -> None:
        nodes = list(nodes)  # type: ignore[call-overload]
        if not app.ready_seen:
            restyled.extend(type(node).__name__ for node in nodes)
        update_nodes(nodes, animate=animate)

    app.stylesheet.update_nodes = noted  # type: ignore[method-assign]
    async with app.run_test(size=(160, 50)) as pilot:
        await workshop_shown(pilot)
        assert app.ready_seen and restyled == []
        assert app.intervals_at_ready == 0  # the clock ticks from the first frame on
        panel = app.screen.query_one(TimerPanel)
        assert panel.has_class("-warning", "-running") and not panel.has_class("-normal")
        assert str(app.screen.query_one("#timer-state").render()) == "▶ ⚠"
        assert app.screen.query_one("#timer-digits").value.startswith("00:")  # type: ignore[attr-defined]
        assert isinstance(app.focused, LadderBoard) and app.focused.has_focus
        digits = app.screen.query_one("#timer-digits")
        shown = digits.value  # type: ignore[attr-defined]
        await until(pilot, lambda: digits.value != shown, "the clock ticking")  # type: ignore[attr-defined]


async def test_the_first_screen_is_laid_out_once_before_its_first_frame_and_again_at_a_new_size(
    ui_library: SessionLibrary, demo_session: SessionService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual lays a screen out at every resize event, also one of the size it already has:
    the start brought three such, each a full layout of the workshop. A new size still lays
    the screen out (the board takes the room)."""
    layouts: list[bool] = []
    original = Screen._refresh_layout

    def noted(screen: Screen[object], size: object = None, scroll: bool = False) -> None:
        layouts.append(app.ready_seen)
        original(screen, size, scroll)  # type: ignore[arg-type]

    monkeypatch.setattr(Screen, "_refresh_layout", noted)
    app = FirstFrame(ui_library, session_path=on_the_board(demo_session).path, lang="en")
    app.focus_events = []
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await workshop_shown(pilot)
        assert layouts.count(False) == 1  # before the first frame: the first screen's, once
        board = screen.query_one(LadderBoard)
        height = board.region.height
        await pilot.resize_terminal(160, 40)
        await until(pilot, lambda: board.region.height == height - 10, "the board at the new size")


async def test_the_dialogs_stylesheet_comes_with_the_first_dialog_and_styles_it_at_once(
    ui_library: SessionLibrary, demo_session: SessionService
) -> None:
    """The start parses no rule that only dialogs use; the first dialog brings them, and its
    box is drawn by them from its first frame (a border; help's box is a wide one, 90 cells)."""
    from facilitator.ui.base import DIALOG_STYLES

    app = FacilitatorApp(ui_library, session_path=on_the_board(demo_session).path, lang="en")
    async with app.run_test(size=(160, 50)) as pilot:
        await workshop_shown(pilot)
        assert not app.stylesheet.has_source(str(DIALOG_STYLES))
        await pilot.press("f1")
        await until(pilot, lambda: type(app.screen).__name__ == "HelpScreen", "help")
        box = app.screen.query_one(".dialog-box")
        assert box.styles.border_top[0] == "thick" and box.outer_size.width == 90
