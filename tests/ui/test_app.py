"""The app as a whole: home screen, language, projector mode, help, palette, timer, resume."""

from __future__ import annotations

import dataclasses
import gc
import time
from collections.abc import Callable

import pytest
from textual.command import CommandPalette
from textual.widgets import DataTable, Digits, Input, Label

from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService
from facilitator.core.timer import PhaseTimer
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.dialogs.common import ConfirmDialog, NewSessionDialog, TextPromptDialog
from facilitator.ui.dialogs.help import HelpScreen
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.screens.workshop import WorkshopScreen
from facilitator.ui.themes import NORMAL, PROJECTOR
from facilitator.ui.widgets.stepper import PhaseStepper
from facilitator.ui.widgets.timer import TimerPanel

from .helpers import palette_found, until

MakeApp = Callable[..., FacilitatorApp]
HOSTILE = "[@click=app.quit]x [b]bold[/b] [red]"


def unfocus(app: FacilitatorApp) -> None:
    """Start from no focused widget, so the screen's own keys ([ ] t + *) apply."""
    app.screen.set_focus(None)


async def test_starts_on_home_and_quits_cleanly(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("ctrl+q")
    assert app.return_code in (0, None)


async def test_home_lists_sessions_with_titles_shown_literally(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    ui_library.create(find_scenario("community-safety"), HOSTILE)
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        table = app.screen.query_one("#sessions", DataTable)
        assert table.row_count == 1
        assert str(table.get_row_at(0)[0]) == HOSTILE
        await pilot.click("#sessions", offset=(2, 1))  # a click on the title must not run its "action"
        await pilot.pause()
        assert app.is_running


async def test_new_session_from_the_home_screen_by_keyboard(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, NewSessionDialog)
        await pilot.press(*"Tallinn õhtu ")
        app.screen.query_one("#title", Input).insert_text_at_cursor("🎉")  # pilot can't type emoji
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
    sessions = ui_library.list()
    assert [s.title for s in sessions] == ["Tallinn õhtu 🎉"]


async def test_new_workshop_from_the_selected_one_on_the_home_screen(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    earlier = ui_library.create(find_scenario("community-safety"), "Round table 2026")
    police = earlier.add_party("Police", suggested_id="police")
    town = earlier.add_party("Town")
    talks = earlier.add_activity("Themed talks", party_ids=[police, town], flows=["police-to-people"])
    earlier.agree(talks, current="communication", wished="cooperation")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f")
        await until(pilot, lambda: isinstance(app.screen, TextPromptDialog))
        field = app.screen.query_one("#value", Input)
        assert field.value == "Round table 2026"
        field.value = "Round table 2027"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, WorkshopScreen))
    later = next(s for s in ui_library.list() if s.title == "Round table 2027")
    session = ui_library.open(later.id).session
    assert session.info.previous_id == earlier.session.info.id
    (activity,) = session.activities
    # A fresh blind round: last year's agreed rung is kept aside for the reveal.
    assert (activity.id, activity.flows, activity.agreed_current) == (talks, ("police-to-people",), None)
    (last_time,) = [f for f in session.followups if f.kind == "activity"]
    assert (last_time.source_id, last_time.current) == (talks, "communication")


async def test_new_session_refuses_an_empty_title(make_app: MakeApp, ui_library: SessionLibrary) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#new")
        await pilot.pause()
        await pilot.click("#create")
        await pilot.pause()
        assert isinstance(app.screen, NewSessionDialog)
        assert "title" in str(app.screen.query_one("#problem").render()).lower()
    assert ui_library.list() == []


async def test_delete_asks_and_cancel_keeps_the_session(
    make_app: MakeApp, ui_library: SessionLibrary, empty_session: SessionService
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert empty_session.path.exists()
        await pilot.press("d")
        await pilot.click("#confirm")
        await pilot.pause()
        assert not empty_session.path.exists()
        assert app.screen.query_one("#sessions", DataTable).row_count == 0


async def test_import_from_the_home_screen(
    make_app: MakeApp, ui_library: SessionLibrary, demo_session: SessionService, tmp_path
) -> None:
    exported = tmp_path / "export.json"
    exported.write_text(ui_library.export_json(demo_session.session.id), encoding="utf-8")
    original = demo_session.session
    ui_library.delete(original.id)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("i")
        await pilot.press(*str(exported))
        await pilot.press("enter")
        await pilot.pause()
    assert SessionService(ui_library.path_for(original.id)).session == original


async def test_open_goes_to_the_workshop_and_escape_returns_home(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        await pilot.press("escape")  # leaves a text field if one has focus, else goes home
        if isinstance(app.screen, WorkshopScreen):
            await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_session_opened_directly_is_the_first_screen_and_home_comes_over_it(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        workshop = app.screen
        assert isinstance(workshop, WorkshopScreen)
        assert app.screen_stack == [workshop]  # no blank screen underneath: one less to build
        workshop.set_focus(None)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        # Opening the same session from home goes back to the very same workshop, as left.
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is workshop
        assert app.screen_stack == [workshop]


async def test_a_session_that_cannot_be_opened_starts_on_home_with_the_reason(
    make_app: MakeApp, ui_library: SessionLibrary, empty_session: SessionService
) -> None:
    empty_session.path.write_text("{ not json", encoding="utf-8")
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.screen_stack == [app.screen]
        messages = [n.message for n in app._notifications]
        assert any("corrupt session file" in m for m in messages), messages
    assert empty_session.path.read_text(encoding="utf-8") == "{ not json"  # left as it was


async def test_a_copied_session_file_is_listed_beside_its_original(
    make_app: MakeApp, ui_library: SessionLibrary, empty_session: SessionService
) -> None:
    """`cp ID.json ID-backup.json` keeps the session's id inside the copy: the home screen keyed
    its rows by that id and crashed on start (DuplicateKey); each file is its own row, by name."""
    backup = empty_session.path.with_name(f"{empty_session.path.stem}-backup.json")
    backup.write_bytes(empty_session.path.read_bytes())
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert sorted(s.id for s in home.summaries) == sorted([empty_session.path.stem, backup.stem])
        assert home.query_one("#sessions", DataTable).row_count == 2
        home.query_one("#sessions", DataTable).move_cursor(row=[s.path for s in home.summaries].index(backup))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, WorkshopScreen), "the copy opened")
        workshop = app.screen
        assert isinstance(workshop, WorkshopScreen)
        assert workshop.service.path == backup


async def test_language_switch_relabels_footer_and_screens(make_app: MakeApp) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        assert str(app.screen.query_one("#new").label) == "New"
        await pilot.press("f7")
        await pilot.pause()
        assert app.language == "et"
        assert str(app.screen.query_one("#new").label) == "Uus"
        descriptions = {b.binding.description for b in app.screen.active_bindings.values()}
        assert "Uus" in descriptions and "New" not in descriptions


async def test_opening_a_session_keeps_the_interface_language(
    ui_library: SessionLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    from facilitator.ui.app import create_app

    monkeypatch.setenv("LANG", "en_GB.UTF-8")  # first start: the system's language
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    service = ui_library.create(find_scenario("kogukondlik-turvalisus"), "Töötuba")
    app = create_app(ui_library, session_path=service.path, lang=None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.language == "en"  # one language at a time: the session's names follow it
        assert app.screen.query_one(PhaseStepper).steps[1].label.endswith("Introduction")


async def test_palette_is_in_the_chosen_language_and_lists_screen_actions(make_app: MakeApp) -> None:
    app = make_app(lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        assert palette.query_one(Input).placeholder == "Otsi käske…"
        titles = [command.title for command in app.get_system_commands(app.screen_stack[-2])]
        assert "Uus" in titles and "Välju" in titles and "Projektor" in titles
        assert "Quit" not in titles


async def test_palette_runs_a_screen_action(make_app: MakeApp) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"Projector")
        await until(pilot, lambda: palette_found(app, "Projector"), "the palette's search")
        await pilot.press("enter")
        await until(pilot, lambda: app.projector, "projector mode")


async def test_projector_mode_switches_theme_and_hides_editing_chrome(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        buttons = app.screen.query_one("#timer-buttons")
        assert buttons.display and app.theme == NORMAL
        await pilot.press("f8")
        await pilot.pause()
        assert app.theme == PROJECTOR
        assert app.has_class("-projector")
        assert buttons.styles.display == "none"
        await pilot.press("f8")
        assert app.theme == NORMAL


async def test_projector_mode_survives_resizing(make_app: MakeApp, empty_session: SessionService) -> None:
    app = make_app(session=empty_session)
    async with app.run_test(size=(80, 24)) as pilot:
        unfocus(app)
        await pilot.press("f8", "right_square_bracket")
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.projector
        assert isinstance(app.screen, WorkshopScreen)
        assert app.screen.phase_id == "intro"


async def test_help_lists_the_screens_keys_in_the_current_language(make_app: MakeApp) -> None:
    app = make_app(lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#help-keys", DataTable)
        rows = [tuple(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]
        assert ("n", "New") in rows
        assert any(action == "Projector" for _key, action in rows)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_phase_stepper_by_key_and_click_is_saved(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    app = make_app(session=empty_session)
    async with app.run_test(size=(160, 40)) as pilot:
        screen = app.screen
        assert isinstance(screen, WorkshopScreen)
        unfocus(app)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert screen.phase_id == "collect"
        stepper = screen.query_one(PhaseStepper)
        assert stepper.current == "collect"
        x = stepper.step_x("intro")
        assert x is not None
        await pilot.click(stepper, offset=(x, 0))
        await pilot.pause()
        assert screen.phase_id == "intro"
    reopened = SessionService(empty_session.path)
    assert reopened.session.room.phase == "intro"
    kinds = [e.kind for e in reopened.session.events]
    assert kinds.count("phase.changed") >= 2


async def test_timer_controls_by_key_and_mouse(make_app: MakeApp, empty_session: SessionService) -> None:
    app = make_app(session=empty_session)
    async with app.run_test(size=(160, 40)) as pilot:
        unfocus(app)
        await pilot.press("right_square_bracket")  # intro: 10 minutes
        await pilot.pause()
        unfocus(app)
        digits = app.screen.query_one("#timer-digits", Digits)
        assert digits.value == "10:00"
        await pilot.press("plus")
        assert digits.value == "11:00"
        await pilot.press("asterisk")
        assert digits.value == "16:00"
        await pilot.click("#timer-buttons", offset=(1, 3))  # ↺, the fourth line: asks first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and "10 minutes" in app.screen.message
        await pilot.press("escape")  # no: nothing changes
        await pilot.pause()
        assert digits.value == "16:00"
        await pilot.press("T")
        await pilot.pause()
        await pilot.click("#confirm")
        await pilot.pause()
        assert digits.value == "10:00"
        await pilot.press("ctrl+t")
        panel = app.screen.query_one(TimerPanel)
        assert panel.timer is not None and panel.timer.running
        await pilot.click("#timer-buttons", offset=(1, 0))  # ||, the first line
        await pilot.pause()
        assert panel.timer is not None and not panel.timer.running


async def test_timer_warns_near_the_end_and_at_zero(make_app: MakeApp, empty_session: SessionService) -> None:
    empty_session.set_phase("intro")
    empty_session.set_timer(PhaseTimer("intro", 900, 850))
    app = make_app(session=empty_session)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(TimerPanel)
        assert panel.has_class("-warning")
        assert "⚠" in str(panel.query_one("#timer-state").render())
    empty_session.set_timer(PhaseTimer("intro", 900, 905))
    app = make_app(session=empty_session)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(TimerPanel)
        assert panel.has_class("-over")
        assert panel.query_one("#timer-digits", Digits).value == "-00:05"


async def test_reopening_resumes_phase_and_running_timer(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    app = make_app(session=empty_session)
    async with app.run_test(size=(160, 40)) as pilot:
        unfocus(app)
        await pilot.press("right_square_bracket", "right_square_bracket")
        unfocus(app)
        await pilot.press("ctrl+t")
        await pilot.pause()
    saved = SessionService(empty_session.path).session.room.timers["collect"]
    assert saved.started_at is not None
    # Pretend the app was away for two minutes (quit, crash, laptop lid...).
    empty_session.set_timer(dataclasses.replace(saved, started_at=saved.started_at - 120))
    app = make_app(session=empty_session)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WorkshopScreen)
        assert screen.phase_id == "collect"
        panel = screen.query_one(TimerPanel)
        assert panel.timer is not None and panel.timer.running
        left = panel.timer.remaining(time.time())
        assert 15 * 60 - 125 < left < 15 * 60 - 115  # collect: 15 minutes planned


async def test_refused_changes_are_explained_in_the_interface_language(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    from facilitator.core.errors import ChangeRejected

    empty_session.add_party("Politsei")
    app = make_app(session=empty_session, lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        try:
            empty_session.add_party("politsei")
        except ChangeRejected as error:
            app.show_user_error(error)
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert "Osapool nimega „Politsei“ on juba olemas." in messages
        app.language = "en"
        try:
            empty_session.add_activity("  ")
        except ChangeRejected as error:
            app.show_user_error(error)
        await pilot.pause()
        assert "The title must not be empty." in [n.message for n in app._notifications]


async def test_escape_leaves_a_text_field_for_the_views_list_then_goes_home(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    empty_session.add_activity("Joint patrols")
    empty_session.set_phase("collect")
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        quick = app.screen.query_one("#collect-quick", Input)
        quick.focus()
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        assert not isinstance(app.focused, Input), "still in a text field"
        assert app.focused is not None and app.screen.query_one("#view-collect") in app.focused.ancestors
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_garbage_collection_is_on_again_after_the_start_even_for_a_short_run(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    """GC is off from Load until just after the first frame (start-up speed); never left off."""
    app = make_app(empty_session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()  # the first frame; the settling timer has not run yet
    assert gc.isenabled()


async def test_the_facilitator_plans_a_phases_minutes_by_key_and_by_clicking_the_clock(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    from facilitator.ui.dialogs.common import TextPromptDialog

    empty_session.set_phase("place")
    app = make_app(session=empty_session)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        unfocus(app)
        digits = app.screen.query_one("#timer-digits", Digits)
        assert digits.value == "30:00"
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptDialog)
        await pilot.press("ctrl+u", *"abc", "enter")  # not minutes: refused, nothing changes
        await pilot.pause()
        assert digits.value == "30:00"
        dialog = app.screen  # the refusal is said in the dialog, which keeps what was typed
        assert isinstance(dialog, TextPromptDialog) and dialog.query_one("#value", Input).value == "abc"
        assert "1 to 600" in str(dialog.query_one("#problem", Label).render())
        await pilot.press("ctrl+u", *"20", "enter")
        await until(pilot, lambda: digits.value == "20:00", "the mended minutes")
        await pilot.click("#timer-digits")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptDialog)
        await pilot.press("ctrl+u", *"25", "enter")
        await pilot.pause()
        assert digits.value == "25:00"
        await pilot.press("plus", "T")  # reset goes back to the facilitator's plan, not the agenda's
        await pilot.pause()
        await pilot.press("left", "enter")
        await pilot.pause()
        assert digits.value == "25:00"
    assert SessionService(empty_session.path).session.room.timer("place", 30).planned == 1500.0


async def test_help_lists_the_views_list_keys_and_only_the_ctrl_w_that_works_now(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    """F1 on setup left out r, space and del (they work when a list has the focus) and listed
    both "Close the workshop" and "Reopen the workshop" for ctrl+w."""
    app = make_app(session=empty_session, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WorkshopScreen) and screen.phase_id == "setup"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#help-keys", DataTable)
        rows = [tuple(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]
        keys = {key for key, _action in rows}
        assert {"r", "space", "del"} <= keys
        ctrl_w = [action for key, action in rows if key == "^w"]
        assert ctrl_w == ["Close the workshop"]


async def test_the_palette_over_a_dialog_lists_language_and_projector_once(make_app: MakeApp) -> None:
    """A dialog binds f7/f8 to the app's actions: the palette offered each twice (a tester's finding)."""
    from facilitator.ui.dialogs.common import NewSessionDialog

    from .helpers import screen_shown

    app = make_app(lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        dialog = await screen_shown(pilot, NewSessionDialog)
        titles = [command.title for command in app.get_system_commands(dialog)]
        assert titles.count("Projektor") == 1 and titles.count("English") == 1, titles
        command = next(c for c in app.get_system_commands(dialog) if c.title == "Projektor")
        command.callback()
        await pilot.pause()
        assert app.projector
