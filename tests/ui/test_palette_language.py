"""Textual's command palette speaks the interface's language: its theme search and its
"no matches" line were English on an Estonian screen ("Search for themes…", "No matches found")."""

from __future__ import annotations

from textual.command import CommandInput, CommandList

from facilitator.core.library import SessionLibrary
from facilitator.ui.app import create_app
from facilitator.ui.palette import Palette

from .helpers import until


def shown(palette: Palette) -> list[str]:
    options = palette.query_one(CommandList).options
    return [str(getattr(option.prompt, "renderable", option.prompt)) for option in options]


async def test_no_matches_is_said_in_estonian(ui_library: SessionLibrary) -> None:
    app = create_app(ui_library, lang="et")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await until(pilot, lambda: bool(app.screen.query(CommandInput)), "the palette")
        palette = app.screen
        assert isinstance(palette, Palette)
        assert palette.query_one(CommandInput).placeholder == "Otsi käske…"
        await pilot.press(*"zzqq")
        await until(pilot, lambda: any("Midagi ei leitud" in s for s in shown(palette)), "no matches")
        assert not any("No matches" in s for s in shown(palette))


async def test_the_theme_search_is_in_estonian(ui_library: SessionLibrary) -> None:
    app = create_app(ui_library, lang="et")
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_change_theme()
        await until(pilot, lambda: bool(app.screen.query(CommandInput)), "the theme search")
        assert isinstance(app.screen, Palette)
        assert app.screen.query_one(CommandInput).placeholder == "Otsi teemasid…"
        await pilot.press("escape")
