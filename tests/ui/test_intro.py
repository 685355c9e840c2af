"""The intro: the ladder presented page by page, by key and by mouse, in both languages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.content import Content
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Label

from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario, load_scenario
from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.views.intro import IntroView, Prose, Staircase, staircase, text_blocks, wrap_blocks

from .helpers import open_view

MakeApp = Callable[..., FacilitatorApp]
HOSTILE = "[@click=app.quit]x [b]bold[/b] [red]"


def shown(widget: Widget) -> str:
    """The text a label or prose widget shows, as plain text."""
    if isinstance(widget, Prose):
        return widget.plain
    visual = widget.visual if isinstance(widget, Label) else None
    assert isinstance(visual, Content), visual
    return visual.plain


async def open_intro(app: FacilitatorApp, pilot: Pilot[int]) -> IntroView:
    # Built on first visit: it takes the focus once mounted, a refresh or more later.
    view = await open_view(app, pilot, "intro", IntroView)
    assert view.display and app.focused is view.query_one("#intro-scroll")
    return view


def page_text(view: IntroView) -> tuple[str, str, str]:
    """Title, body and page indicator of the page on show."""
    return (
        shown(view.query_one("#intro-title", Label)),
        shown(view.query_one("#intro-body", Prose)),
        shown(view.query_one("#intro-indicator", Label)),
    )


async def test_pages_by_key_are_remembered(make_app: MakeApp, empty_session: SessionService) -> None:
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_intro(app, pilot)
        title, body, indicator = page_text(view)
        assert title == "The ladder of joint activity" and indicator == "1 / 6"
        assert (
            "partners mean quite different things" in body
            and "Every form of joint activity has its own possibilities" in body
        )
        assert view.query_one(Staircase).display
        assert [line.plain for line in staircase(view.query_one(Staircase).labels, 80)][1].strip() == (
            "│ 4  Collaboration  │"
        )

        await pilot.press("right")
        title, body, indicator = page_text(view)
        assert (title, indicator) == ("1. Communication", "2 / 6")
        assert "Who informs whom, and about what?" in body  # a question
        assert "Information flowing from the police to people" in body  # a flow
        assert "Kuressaare" in body and "themed talks at the youth centre" in body  # an example
        assert not view.query_one(Staircase).display

        await pilot.press("n")
        assert page_text(view)[0] == "2. Cooperation"
        await pilot.press("p", "left")
        assert page_text(view)[2] == "1 / 6"
        await pilot.press("left")  # already on the first page
        assert page_text(view)[2] == "1 / 6"

        await pilot.press("3")
        assert page_text(view)[:3:2] == ("3. Coordination", "4 / 6")
        await pilot.press("a")
        title, body, indicator = page_text(view)
        assert indicator == "6 / 6" and title.startswith("Approaches")
        assert "Community empowerment" in body and "What do we do with them, not for them?" in body
        await pilot.press("right")  # already on the last page
        assert page_text(view)[2] == "6 / 6"
        await pilot.press("0")
        assert page_text(view)[2] == "1 / 6"
        await pilot.press("4")

        # Only the scenario's four rungs have keys; the palette offers each rung by name.
        keys = app.screen.active_bindings
        assert {"1", "2", "3", "4"} <= set(keys) and "5" not in keys
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "Next page" in commands and "Show 4. Collaboration" in commands
    assert SessionService(empty_session.path).view_state["intro_page"] == 4

    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_intro(app, pilot)
        assert page_text(view)[0] == "4. Collaboration"


async def test_pages_by_mouse(make_app: MakeApp, empty_session: SessionService) -> None:
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_intro(app, pilot)
        assert view.query_one("#intro-previous", Button).disabled
        await pilot.click("#intro-next")
        assert page_text(view)[0] == "1. Communication"
        await pilot.click("#intro-go-3")
        assert page_text(view)[0] == "3. Coordination"
        assert view.query_one("#intro-go-3").has_class("-current")
        await pilot.click("#intro-previous")
        assert page_text(view)[0] == "2. Cooperation"
        await pilot.click("#intro-go-approaches")
        assert page_text(view)[2] == "6 / 6" and view.query_one("#intro-next", Button).disabled
        await pilot.click("#intro-go-overview")
        assert page_text(view)[2] == "1 / 6"
        # The keyboard still pages after a click: focus returns to the text.
        assert app.focused is view.query_one("#intro-scroll")

        # Clicking a step of the staircase opens that rung; the top step is rung 4.
        ladder = view.query_one(Staircase)
        drawn = staircase(ladder.labels, ladder.size.width, ladder.rows, ladder.notes)
        top = next(y for y, line in enumerate(drawn) if "4" in line.plain)
        await pilot.click(Staircase, offset=(ladder.size.width // 2 + 10, top))
        assert page_text(view)[0] == "4. Collaboration"
        await pilot.click("#intro-go-overview")
        bottom = len(drawn) - 2  # the lowest step's last line, above the base
        await pilot.click(Staircase, offset=(ladder.size.width // 2, bottom))
        assert page_text(view)[0] == "1. Communication"


async def test_estonian_scenario_and_language_switch(make_app: MakeApp, ui_library: SessionLibrary) -> None:
    service = ui_library.create(find_scenario("kogukondlik-turvalisus"), "Töötuba")
    app = make_app(session=service, lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_intro(app, pilot)
        title, body, _ = page_text(view)
        assert title == "Ühistegevuse redel"
        assert shown(view.query_one("#intro-summary", Label)).startswith("Neli ühistegevuse vormi – ")
        assert "„koostöö“" in body and "Kõigil ühistegevuse vormidel on omad võimalused" in body
        assert "1  Kommunikatsioon" in view.query_one(Staircase).labels
        await pilot.press("1")
        title, body, indicator = page_text(view)
        assert (title, indicator) == ("1. Kommunikatsioon", "2 / 6")
        assert "Küsimused aruteluks" in body and "Kes keda teavitab ja millest?" in body
        assert "Näited juhendist" in body
        assert str(view.query_one("#intro-go-overview", Button).label) == "Redel"

        await pilot.press("f7")  # one language at a time: the scenario's text from its English twin
        await pilot.pause()
        title, body, _ = page_text(view)
        assert title == "1. Communication"
        assert "Questions to ask" in body and "Who informs whom, and about what?" in body
        assert "Kes keda teavitab" not in body
        assert str(view.query_one("#intro-go-overview", Button).label) == "Ladder"


SCENARIO = '''
format = 1

[scenario]
id = "hostile"
language = "en"
title = "Markup-like scenario"

[[rungs]]
id = "talk"
name = "[red]Talk[/red]"
summary = "[b]not bold[/b]"
definition = """
Talking [b]together[/b] and [@click=app.quit]quitting[/].
- a dash item with [i]brackets[/i]"""
questions = ["[@click=app.quit]Who?"]

[[rungs.flows]]
id = "flow"
name = "[u]Up[/u]"
description = "[blink]down[/blink]"

[[rungs]]
id = "plan"
name = "Plan"
summary = "Plan together."
definition = "Planning."
questions = ["Who plans?"]

[[approaches]]
id = "with"
name = "[b]With them[/b]"
summary = "[i]summary[/i]"
question = "[@click=app.quit]with them?"

[[roles]]
id = "lead"
name = "Lead"
description = "Leads."

[[agenda]]
id = "intro"
name = "Intro [b]x[/b]"
kind = "intro"
minutes = 5

[[examples]]
rung = "talk"
place = "[b]Place[/b]"
title = "[red]Title[/red]"
text = "Example [link=https://example.com]text[/link]"
'''


async def test_scenario_text_is_shown_literally(
    make_app: MakeApp, ui_library: SessionLibrary, tmp_path: Path
) -> None:
    path = tmp_path / "hostile.toml"
    path.write_text(SCENARIO, encoding="utf-8")
    service = ui_library.create(load_scenario(path), HOSTILE)
    app = make_app(session=service)
    async with app.run_test(size=(100, 40)) as pilot:
        view = await open_intro(app, pilot)
        assert page_text(view)[2] == "1 / 4"
        # The subtitle counts the scenario's own rungs: it said "Four forms" whatever the ladder.
        assert shown(view.query_one("#intro-summary", Label)).startswith("Two forms of joint activity – ")
        assert "1  [red]Talk[/red]" in view.query_one(Staircase).labels
        await pilot.press("1")
        title, body, _ = page_text(view)
        assert title == "1. [red]Talk[/red]"
        assert shown(view.query_one("#intro-summary", Label)) == "[b]not bold[/b]"
        for text in (
            "Talking [b]together[/b] and [@click=app.quit]quitting[/].",
            "- a dash item with [i]brackets[/i]",
            "[@click=app.quit]Who?",
            "→ [blink]down[/blink]",
            "[b]Place[/b]: Example [link=https://example.com]text[/link]",
        ):
            assert text.removeprefix("- ") in body, text
        # Clicking the text does nothing: no action hides in it.
        await pilot.click(Prose, offset=(2, 0))
        await pilot.click(Prose, offset=(20, 8))
        await pilot.press("a")
        title, body, _ = page_text(view)
        assert "1. [b]With them[/b]" in body and "[@click=app.quit]with them?" in body
        assert app.is_running


async def test_projector_mode_keeps_the_page_number_and_fits(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    app = make_app(session=empty_session)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_intro(app, pilot)
        await pilot.press("f8", "2")
        await pilot.pause()
        assert not view.query_one("#intro-next").display  # buttons are editing chrome
        indicator = view.query_one("#intro-indicator", Label)
        assert indicator.region.width > 0 and shown(indicator) == "3 / 6"
        await pilot.press("down", "down", "down")
        assert view.query_one("#intro-scroll").scroll_y > 0  # long pages scroll
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        page = view.query_one("#intro-page")
        assert page.region.width <= 150  # the ladder grows with the screen...
        assert view.query_one(Prose).region.width <= 110  # ...the text keeps a readable measure
        assert abs(page.region.x - (200 - page.region.right)) <= 4  # centred
        await pilot.press("n")
        assert page_text(view)[0] == "3. Coordination"
        assert view.query_one("#intro-scroll").scroll_y == 0  # a new page starts at its top


def test_prose_keeps_hanging_indents() -> None:
    blocks = text_blocks("Intro line.\n\n– first item that is long enough to wrap around\n– second")
    lines = [line.plain for line in wrap_blocks(blocks, 24)]
    assert lines[0] == "Intro line." and lines[1] == ""
    assert lines[2].startswith("  – first")
    assert lines[3].startswith("    ") and not lines[3].startswith("     ")
    assert all(len(line) <= 24 for line in lines)


def test_staircase_fits_narrow_widths() -> None:
    labels = ["1  Communication", "2  Cooperation", "3  Coordination", "4  Collaboration"]
    for width in (30, 60, 96):
        lines = staircase(labels, width)
        assert len(lines) == 2 * len(labels) + 1
        assert all(line.cell_length <= width for line in lines), width
