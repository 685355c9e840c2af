"""Typing on a view whose job is typing never runs its letters as commands.

On Collect a title typed on arrival was lost to the list's keys (the g of "Night walk" opened
the guide's examples) and in Estonian "Pool kirjutatud tegevus" opened the join panel (j) and
admitted the waiting devices (a). A view with a main text field (`PhaseView.TYPING_FIELD`)
now takes a sentence whole: on arrival, and typed on its list where no field has the focus.
"""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList

import facilitator.ui.views
from facilitator.core.service import SessionService
from facilitator.ui.screens.workshop import WorkshopScreen
from facilitator.ui.views.base import PhaseView
from facilitator.ui.widgets.keybar import KeyBar

from .helpers import MakeApp, burst, focus, notifications, open_view, until

LISTS = (DataTable, OptionList)
SENTENCES = {
    "en": "Night walk with the youth club, 2 evenings a week; Rapla pr",
    "et": "Pool kirjutatud tegevus: õhtune jalutuskäik, ÕÄÖÜ šž Šž",
}


def typing_views() -> dict[str, type[PhaseView]]:
    """Every phase view with a main text field, by its kind: a new one is tested here too."""
    found: dict[str, type[PhaseView]] = {}
    for info in pkgutil.iter_modules(facilitator.ui.views.__path__, "facilitator.ui.views."):
        for value in vars(importlib.import_module(info.name)).values():
            if isinstance(value, type) and issubclass(value, PhaseView) and value.TYPING_FIELD:
                found[value.KIND] = value
    return found


def test_collect_and_setup_are_typing_views() -> None:
    assert {"collect", "setup"} <= set(typing_views())


async def type_sentence(pilot: Pilot[int], text: str) -> None:
    for character in text:
        await pilot.press(character)


@pytest.mark.parametrize("lang", ["en", "et"])
@pytest.mark.parametrize("kind", sorted(typing_views()))
@pytest.mark.parametrize("where", ["arrived", "on_a_list"])
@pytest.mark.parametrize("pace", ["key_by_key", "in_one_burst"])
async def test_a_sentence_typed_on_a_typing_view_is_text_only(
    make_app: MakeApp, demo_session: SessionService, lang: str, kind: str, where: str, pace: str
) -> None:
    """Also when the keys arrive together (`burst`): the tester's "Rapla noortekeskus, MTÜ"
    typed on setup's list became "RalanootekeskusMTÜ" (the keys after the first went to the
    list, whose p, r, space and comma are commands), and a burst ending in enter added it."""
    view_type = typing_views()[kind]
    app = make_app(demo_session, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_view(app, pilot, kind, view_type)
        screen = app.screen
        field = view.query_one(view_type.TYPING_FIELD or "", Input)
        if where == "on_a_list":
            lists = [
                w for w in screen.focus_chain if view in w.ancestors and isinstance(w, DataTable | OptionList)
            ]
            await focus(pilot, lists[0])
        shown_before = screen.query_one("ContentSwitcher").current
        before = demo_session.path.read_bytes()  # (going to the phase moved the room there)
        text = SENTENCES[lang]
        await (type_sentence(pilot, text) if pace == "key_by_key" else burst(pilot, text))
        await until(pilot, lambda: field.value == text, f"{text!r} typed into {field}")
        assert app.screen is screen and isinstance(screen, WorkshopScreen)  # no dialog, no join panel
        assert screen.query_one("ContentSwitcher").current == shown_before  # no other phase
        assert app.participants is None  # no server started, nothing admitted
        assert notifications(app) == []
        assert demo_session.path.read_bytes() == before  # nothing stored until enter


@pytest.mark.parametrize("kind", sorted(typing_views()))
async def test_text_pasted_on_a_list_goes_into_the_field(
    make_app: MakeApp, demo_session: SessionService, kind: str
) -> None:
    """A tester's paste (bracketed, as a terminal sends ctrl+shift+v) on setup's or collect's
    list was dropped without a word; typed, the same text went into the field."""
    view_type = typing_views()[kind]
    app = make_app(demo_session, lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_view(app, pilot, kind, view_type)
        lists = [w for w in app.screen.focus_chain if view in w.ancestors and isinstance(w, LISTS)]
        await focus(pilot, lists[0])
        before = demo_session.path.read_bytes()
        app.post_message(events.Paste("\n[b]Naabrivalve[/b] koolitus 🎉\nsecond line"))
        field = view.query_one(view_type.TYPING_FIELD or "", Input)
        await until(pilot, lambda: field.value == "[b]Naabrivalve[/b] koolitus 🎉", "the pasted line")
        assert app.focused is field
        assert demo_session.path.read_bytes() == before  # stored only on enter


async def test_collect_puts_the_focus_in_its_field_and_brackets_still_move_on(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    """The tester's path: [ [ to Collect, whose field has the focus; ] in the empty field goes
    on to the next phase, as on the list; in a field with text it is typed."""
    from facilitator.ui.views.collect import CollectView

    app = make_app(demo_session, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_view(app, pilot, "collect", CollectView)
        field = view.query_one("#collect-quick", Input)
        assert app.focused is field
        await pilot.press("N", "right_square_bracket")
        assert field.value == "N]"
        field.value = ""
        await pilot.press("right_square_bracket")
        screen = app.screen
        await until(
            pilot, lambda: screen.query_one("ContentSwitcher").current == "view-place", "the next phase"
        )


@pytest.mark.parametrize("how", ["click", "n"])
async def test_a_title_may_start_with_a_bracket_and_the_walk_through_collect_goes_on(
    make_app: MakeApp, demo_session: SessionService, how: str
) -> None:
    """A tester's "[Rapla] Noorte ümarlaud", typed in Collect's empty field, went to the previous
    phase and the rest of the title into setup's field. [ and ] pass through the empty field
    the view focused on arrival, but are text once the facilitator chose the field (a click on
    it, or n)."""
    from facilitator.ui.views.collect import CollectView

    app = make_app(demo_session, lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_view(app, pilot, "collect", CollectView)
        screen = app.screen
        field = view.query_one("#collect-quick", Input)
        if how == "click":
            await pilot.click(field)
        else:
            await focus(pilot, view.query_one("#collect-table", DataTable))
            await pilot.press("n")
            await until(pilot, lambda: app.focused is field, "the field chosen with n")
        title = "[Rapla] Noorte ümarlaud"
        await type_sentence(pilot, title)
        assert field.value == title
        assert screen.query_one("ContentSwitcher").current == "view-collect"
        field.value = ""
        await focus(pilot, view.query_one("#collect-table", DataTable))  # from the list: on to placing
        await pilot.press("right_square_bracket")
        shown = screen.query_one("ContentSwitcher")
        await until(pilot, lambda: shown.current == "view-place", "the next phase")
        await pilot.press("left_square_bracket")  # back to Collect: the field takes the focus
        await until(pilot, lambda: app.focused is field, "collect's field focused")
        await pilot.press("left_square_bracket")  # still walking: on to the phase before
        await until(pilot, lambda: screen.query_one("ContentSwitcher").current != "view-collect", "the walk")
        assert field.value == ""


async def test_a_name_typed_on_the_people_list_is_a_persons(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    """On setup a name typed on the participants' list goes into the person's field, not the party's."""
    from facilitator.ui.views.setup import SetupView

    police = empty_session.add_party("Police")
    empty_session.add_participant("Mari", police)
    app = make_app(empty_session, lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_view(app, pilot, "setup", SetupView)
        await focus(pilot, view.query_one("#setup-participants", DataTable))
        await type_sentence(pilot, "Jüri Šmidt")
        person = view.query_one("#setup-participant-name", Input)
        await until(pilot, lambda: person.value == "Jüri Šmidt", "the person's name")
        assert view.query_one("#setup-party-name", Input).value == ""


@pytest.mark.parametrize("kind", sorted(typing_views()))
async def test_the_key_bar_strikes_the_letters_a_list_here_takes_as_text(
    make_app: MakeApp, demo_session: SessionService, kind: str
) -> None:
    """The bar showed j (join) enabled on setup's lists, where a j typed goes into the field:
    a key the bar offers must do what it says. The palette still runs the join panel."""
    view_type = typing_views()[kind]
    app = make_app(demo_session, lang="en")
    async with app.run_test(size=(160, 40)) as pilot:
        view = await open_view(app, pilot, kind, view_type)
        screen = app.screen
        lists = [
            w for w in screen.focus_chain if view in w.ancestors and isinstance(w, DataTable | OptionList)
        ]
        await focus(pilot, lists[0])
        await pilot.pause()
        bar = screen.query_one(KeyBar)
        keys = {part.key: part.enabled for item in bar.items for part in item if part.key}
        assert keys.get("j") is False  # shown struck through, not offered
        for key, enabled in keys.items():
            if enabled and key is not None and len(key) == 1 and key.isalnum():
                assert view.text_field_for(key) is None, key  # every letter offered acts as a key
        offered = [command.title for command in app.get_system_commands(screen)]
        assert "Let participants join" in offered  # the palette still runs it
