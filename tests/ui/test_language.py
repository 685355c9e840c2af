"""One language on screen at a time, remembered between starts; Textual's own texts too."""

from __future__ import annotations

import pytest
from textual.widgets import Select

from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.core.settings import load_settings
from facilitator.ui.app import create_app
from facilitator.ui.dialogs.export import ExportDialog
from facilitator.ui.screens.workshop import WorkshopScreen
from facilitator.ui.widgets.stepper import PhaseStepper

from .helpers import notifications, until


@pytest.fixture(autouse=True)
def estonian_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "et_EE.UTF-8")


async def test_first_start_follows_the_system_and_the_choice_is_remembered(
    ui_library: SessionLibrary,
) -> None:
    english = ui_library.create(find_scenario("community-safety"), "Workshop")
    app = create_app(ui_library, session_path=english.path)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WorkshopScreen), "the workshop")
        assert app.language == "et"
        steps = [s.label for s in app.screen.query_one(PhaseStepper).steps]
        assert "1 Sissejuhatus" in steps and not any("Introduction" in s for s in steps)
        await pilot.press("f7")
        await until(pilot, lambda: app.language == "en", "English")
        await until(
            pilot,
            lambda: "1 Introduction" in [s.label for s in app.screen.query_one(PhaseStepper).steps],
            "the phases in English",
        )
    assert load_settings(ui_library.data_dir)["language"] == "en"
    again = create_app(ui_library)
    async with again.run_test() as pilot:
        await pilot.pause()
        assert again.language == "en"  # remembered, although the system is Estonian


async def test_textuals_own_texts_are_translated(ui_library: SessionLibrary) -> None:
    app = create_app(ui_library)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+c")
        await until(pilot, lambda: bool(notifications(app)), "the quit hint")
        assert notifications(app)[-1] == "Rakendusest väljumiseks vajuta ctrl+q"
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Quit" not in titles and "Screenshot" not in titles and "Theme" not in titles


async def test_exports_default_to_the_sessions_language(ui_library: SessionLibrary) -> None:
    english = ui_library.create(find_scenario("community-safety"), "Workshop")
    app = create_app(ui_library, session_path=english.path)  # the interface is Estonian
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WorkshopScreen), "the workshop")
        await pilot.press("ctrl+e")
        await until(pilot, lambda: isinstance(app.screen, ExportDialog), "the export dialog")
        assert app.screen.query_one("#export-lang", Select).value == "en"
