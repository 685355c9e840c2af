"""The command palette shows names as written: Textual reads a command's title and help as
markup, and the names in them (phases, rungs, roles) come from scenario files, which may come
from anywhere. A phase named `Intro [@click=app.quit]Q[/]` showed as a clickable "Q" before."""

from __future__ import annotations

from pathlib import Path

from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import builtin_scenario_dir, find_scenario

from .helpers import MakeApp, palette_found, until

PHASE = "Intro [@click=app.quit]Q[/] [bold"


def scenario_with_markup_names(library: SessionLibrary) -> Path:
    shipped = (builtin_scenario_dir() / "community-safety.toml").read_text(encoding="utf-8")
    text = shipped.replace('id = "community-safety"', 'id = "markup-names"', 1)
    text = text.replace('name = "Introduction"', f'name = "{PHASE}"', 1)
    assert PHASE in text
    library.scenarios_dir.mkdir(parents=True, exist_ok=True)
    path = library.scenarios_dir / "markup-names.toml"
    path.write_text(text, encoding="utf-8")
    return path


async def test_a_phase_name_with_markup_shows_as_written(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    scenario = find_scenario(str(scenario_with_markup_names(ui_library)))
    session = ui_library.create(scenario, "Workshop")
    app = make_app(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.screen.set_focus(None)
        await pilot.press("ctrl+p")
        await pilot.press(*"Intro")
        await until(pilot, lambda: palette_found(app, f"Go to phase: 1 {PHASE}"), "the phase, as written")
