"""The key bar: the keys that work now, one line, help first; a click presses a key."""

from __future__ import annotations

from textual.binding import Binding
from textual.command import CommandPalette
from textual.content import Content

from facilitator.core.service import SessionService
from facilitator.ui.dialogs.help import HelpScreen
from facilitator.ui.screens.workshop import WorkshopScreen
from facilitator.ui.views.board import BoardView
from facilitator.ui.views.intro import IntroView
from facilitator.ui.widgets.keybar import MORE, KeyBar, KeyPart, bar_items, fitting, item_width

from .helpers import MakeApp, open_view, until


def test_items_put_help_first_skip_hidden_keys_and_keep_one_key_per_action() -> None:
    bindings = [
        (Binding("u", "move(1)", "Up"), True, ""),
        (Binding("shift+up", "move(1)", "Up", show=False), True, ""),
        (Binding("d", "move(-1)", "Down"), False, ""),
        (Binding("x", "secret", "Hidden", show=False), True, ""),
        (Binding("f1", "help", "Help"), True, ""),
    ]
    display = {b.key: b.key.upper() for b, _e, _t in bindings}
    items = bar_items(bindings, display)
    assert items == [
        (KeyPart("F1", "f1"), KeyPart("Help")),
        (KeyPart("U", "u"), KeyPart("Up")),
        (KeyPart("D", "d", enabled=False), KeyPart("Down")),
    ]


def test_a_group_shows_its_keys_and_one_name() -> None:
    group = Binding.Group("Rungs")
    bindings = [(Binding(str(n), f"rung({n})", "Rung", group=group), True, "") for n in (1, 2, 3)]
    items = bar_items(bindings, {str(n): str(n) for n in (1, 2, 3)})
    assert items == [(KeyPart("1", "1"), KeyPart("2", "2"), KeyPart("3", "3"), KeyPart("Rungs"))]


def test_what_does_not_fit_is_cut_at_a_whole_key_and_marked() -> None:
    items = [(KeyPart("F1", "f1"), KeyPart("Help")), (KeyPart("Ü", "u"), KeyPart("Üles 🪜"))]
    widths = [item_width(item) for item in items]
    # The emoji takes two cells.
    assert widths == [len(" F1 ") + len("Help "), len(" Ü ") + len("Üles 🪜 ") + 1]
    assert fitting(items, sum(widths)) == ([0, 1], False)
    assert fitting(items, sum(widths) - 1) == ([0], True)
    assert fitting(items, widths[0] + len(MORE) - 1) == ([], True)


async def test_the_bar_follows_focus_and_a_click_presses_the_key(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    app = make_app(demo_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WorkshopScreen)
        place = next(p.id for p in screen.agenda if p.kind == "place")
        await open_view(app, pilot, place, BoardView)
        bar = screen.query_one(KeyBar)

        def keys_now() -> list[str]:
            return [part.key for item in bar.items for part in item if part.key]

        # The board has focus: its keys are on offer (once the bar has redrawn after the focus moved).
        await until(pilot, lambda: "u" in keys_now() and "d" in keys_now(), "the board's keys in the bar")
        keys = keys_now()
        assert keys[:2] == ["f1", "ctrl+p"]  # help and the command palette, first at any width
        assert bar.region.height == 1
        line = bar.render().plain  # type: ignore[union-attr]
        assert line.startswith(" f1 Help  ^p Commands ")
        # Click the middle of "f1": the help screen opens, as if F1 had been pressed.
        await pilot.click(KeyBar, offset=(2, 0))
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help screen")
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen, "back on the workshop")
        # And "^p": the command palette, in the interface language.
        await pilot.click(KeyBar, offset=(line.index("^p") + 1, 0))
        await until(pilot, lambda: isinstance(app.screen, CommandPalette), "the command palette")


async def test_a_key_that_does_nothing_here_is_struck_through_not_only_dimmed(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    app = make_app(demo_session)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WorkshopScreen)
        intro = next(p.id for p in screen.agenda if p.kind == "intro")
        await open_view(app, pilot, intro, IntroView)
        await pilot.press("0")  # the first page (the whole ladder): there is no previous one
        await pilot.pause()
        bar = screen.query_one(KeyBar)
        content = bar.render()
        assert isinstance(content, Content)
        start = content.plain.index("Previous page")
        struck = [span for span in content.spans if span.start <= start < span.end]
        assert struck and all(getattr(span.style, "strike", False) for span in struck)
        nxt = content.plain.index("Next page")
        assert not any(
            getattr(span.style, "strike", False) for span in content.spans if span.start <= nxt < span.end
        )


async def test_under_a_dialog_the_key_bar_beneath_is_blank(make_app: MakeApp) -> None:
    """It offered the keys of the screen beneath ("n New", "d Delete") that the dialog takes."""
    app = make_app(lang="et")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        home = app.screen
        assert "Käsud" in app.export_screenshot()
        await pilot.press("n")
        await until(pilot, lambda: app.screen is not home, "the new workshop dialog")
        await until(pilot, lambda: "Käsud" not in app.export_screenshot(), "the bar beneath blank")
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is home, "home again")
        await until(pilot, lambda: "Käsud" in app.export_screenshot(), "home's keys again")
