"""The setup view: workshop details, parties (suggested and typed), participants."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Checkbox, DataTable, Input, Label, OptionList, Select

from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.dialogs.common import ConfirmDialog, TextPromptDialog
from facilitator.ui.screens.workshop import WorkshopScreen
from facilitator.ui.views.setup import SetupView

from .helpers import (
    HOSTILE,
    MakeApp,
    focus,
    fresh,
    notifications,
    open_view,
    phones_joined,
    settle,
    until,
    workshop_shown,
)
from .terminal_mirror import TerminalMirror
from .test_start import on_the_board


async def open_setup(app: FacilitatorApp, pilot: Pilot[int]) -> SetupView:
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, WorkshopScreen)
    return await open_view(app, pilot, "setup", SetupView)


async def replace_text(pilot: Pilot[int], widget_id: str, text: str) -> None:
    """Focus an input, clear it and type, all from the keyboard."""
    await focus(pilot, pilot.app.screen.query_one(f"#{widget_id}", Input))
    await pilot.pause()
    await pilot.press("end", "ctrl+u", *text)


async def test_details_are_saved_on_enter_and_on_leaving_a_field(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_setup(app, pilot)
        await replace_text(pilot, "setup-title", "Tõrva töötuba ")
        app.screen.query_one("#setup-title", Input).insert_text_at_cursor("🎉")  # pilot can't type emoji
        await pilot.press("tab")  # leaving the title saves it
        await pilot.pause()
        assert fresh(empty_session).info.title == "Tõrva töötuba 🎉"
        await pilot.press("end", "ctrl+u", *"2026-12-03", "enter")
        await replace_text(pilot, "setup-place", "Keila [b]hall[/b]")
        await pilot.press("enter")
        await replace_text(pilot, "setup-facilitator", "Mari Õun")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Saved" in notifications(app)
    info = fresh(empty_session).info
    assert (info.title, info.date, info.place, info.facilitator) == (
        "Tõrva töötuba 🎉",
        "2026-12-03",
        "Keila [b]hall[/b]",
        "Mari Õun",
    )


async def test_an_empty_title_is_refused_and_nothing_else_is_lost(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_setup(app, pilot)
        await replace_text(pilot, "setup-place", "Rapla")
        await replace_text(pilot, "setup-title", "   ")
        await pilot.click("#setup-save")
        await pilot.pause()
        status = str(view.query_one("#setup-details-status", Label).render())
        assert "can't be empty" in status and "Test workshop" in status
        assert view.query_one("#setup-title", Input).value == "Test workshop"  # the old title is back
    info = fresh(empty_session).info
    assert info.title == "Test workshop"
    assert info.place == "Rapla"


async def test_a_date_that_is_not_a_date_is_not_saved(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_setup(app, pilot)
        await replace_text(pilot, "setup-date", "3rd of December")
        await pilot.press("enter")
        await pilot.pause()
        assert "2026-12-03" in str(view.query_one("#setup-details-status", Label).render())
        assert fresh(empty_session).info.date == ""
        await replace_text(pilot, "setup-date", "3.12.2026")  # as Estonians write it: stored as ISO
        await pilot.press("enter")
        await pilot.pause()
    assert fresh(empty_session).info.date == "2026-12-03"


async def test_the_date_shows_as_the_interface_language_writes_it(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    """07.12.2026 in Estonian (the stored 2026-12-07 was shown as it is stored); saving another
    field leaves it as it was, and a change made elsewhere shows in the same form."""
    empty_session.update_session(date="2026-12-07")
    app = make_app(empty_session, lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_setup(app, pilot)
        assert view.query_one("#setup-date", Input).value == "07.12.2026"
        await replace_text(pilot, "setup-place", "Rapla")
        await pilot.press("enter")
        await pilot.pause()
        assert (fresh(empty_session).info.date, fresh(empty_session).info.place) == ("2026-12-07", "Rapla")
        SessionService(empty_session.path).update_session(date="2026-12-24")  # another window
        await until(pilot, lambda: view.query_one("#setup-date", Input).value == "24.12.2026")
        await replace_text(pilot, "setup-date", "31.12.2026")
        await pilot.press("enter")
        await pilot.pause()
    assert fresh(empty_session).info.date == "2026-12-31"


async def test_add_a_suggested_affected_party_by_keyboard(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    suggestions = empty_session.scenario.parties
    target = next(i for i, s in enumerate(suggestions) if s.affected)
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_setup(app, pilot)
        options = view.query_one("#setup-suggestions", OptionList)
        await focus(pilot, options)
        await pilot.pause()
        await pilot.press("home", *["down"] * target, "enter")
        await pilot.pause()
        assert options.get_option_at_index(target).disabled  # ✓: can't be added twice
        assert options.highlighted != target
    parties = fresh(empty_session).parties
    assert [(p.name, p.suggested_id, p.affected) for p in parties] == [
        (suggestions[target].name, suggestions[target].id, True)
    ]


async def test_add_a_suggested_party_by_mouse(make_app: MakeApp, empty_session: SessionService) -> None:
    first = empty_session.scenario.parties[0]
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_setup(app, pilot)
        await pilot.click("#setup-suggestions", offset=(4, 1))
        await pilot.pause()
        table = app.screen.query_one("#setup-parties", DataTable)
        assert table.row_count == 1
    parties = fresh(empty_session).parties
    assert [(p.name, p.suggested_id, p.affected) for p in parties] == [(first.name, first.id, False)]


async def test_typed_party_with_a_markup_like_name_by_mouse(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_setup(app, pilot)
        view.query_one("#setup-party-name", Input).value = HOSTILE
        await pilot.click("#setup-party-affected")
        await pilot.click("#setup-party-add")
        await pilot.pause()
        assert app.is_running
        table = view.query_one("#setup-parties", DataTable)
        assert str(table.get_row_at(0)[0]) == HOSTILE
        assert view.query_one("#setup-party-name", Input).value == ""
        assert not view.query_one("#setup-party-affected", Checkbox).value
        assert f"Added party “{HOSTILE}”" in notifications(app)
        await pilot.click("#setup-parties", offset=(3, 1))  # clicking the name runs nothing
        await pilot.pause()
        assert app.is_running
    parties = fresh(empty_session).parties
    assert [(p.name, p.suggested_id, p.affected) for p in parties] == [(HOSTILE, None, True)]


async def test_typed_party_by_keyboard_and_a_duplicate_is_refused(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_setup(app, pilot)
        await focus(pilot, app.screen.query_one("#setup-party-name", Input))
        await pilot.press(*"Külaselts", "enter")
        await pilot.pause()
        await pilot.press(*"KÜLASELTS", "enter")  # the same name in other letters
        await pilot.pause()
        assert any("already a party" in m for m in notifications(app))
        assert app.screen.query_one("#setup-party-name", Input).value == "KÜLASELTS"  # kept to fix
    assert [p.name for p in fresh(empty_session).parties] == ["Külaselts"]


async def test_rename_and_toggle_affected_by_keyboard_and_mouse(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    police = empty_session.add_party("Police")
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_setup(app, pilot)
        await focus(pilot, view.query_one("#setup-parties", DataTable))
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptDialog)
        await pilot.press("end", "ctrl+u", *"Politsei", "enter")
        await pilot.pause()
        assert fresh(empty_session).party(police).name == "Politsei"
        await pilot.press("space")
        await pilot.pause()
        assert fresh(empty_session).party(police).affected
        await pilot.click("#setup-party-toggle")
        await pilot.pause()
        assert not fresh(empty_session).party(police).affected
        await pilot.click("#setup-party-rename")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptDialog)
        await pilot.click("#cancel")
        await pilot.pause()
    assert fresh(empty_session).party(police).name == "Politsei"


async def test_remove_party_asks_first_and_says_what_goes_with_it(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    keep = empty_session.add_party("Municipality")
    hostile = empty_session.add_party(HOSTILE)
    empty_session.add_participant("Mari", hostile)
    activity = empty_session.add_activity("Round table", party_ids=[keep, hostile])
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_setup(app, pilot)
        table = view.query_one("#setup-parties", DataTable)
        await focus(pilot, table)
        await pilot.press("down", "delete")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        message = str(dialog.query_one(".dialog-message", Label).render())
        assert HOSTILE in message and "activities (1)" in message and "participants (1)" in message
        await pilot.press("escape")  # cancel: nothing happens
        await pilot.pause()
        assert fresh(empty_session).has_party(hostile)
        await pilot.click("#setup-party-remove")
        await pilot.pause()
        await pilot.click("#confirm")
        await pilot.pause()
        assert app.is_running
        assert f"Removed party “{HOSTILE}”" in notifications(app)
    session = fresh(empty_session)
    assert [p.id for p in session.parties] == [keep]
    assert session.participants == ()
    assert session.activity(activity).party_ids == (keep,)


async def test_participants_added_by_keyboard_and_removed_by_key_and_mouse(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    police = empty_session.add_party("Police")
    youth = empty_session.add_party("Noored")
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_setup(app, pilot)
        await focus(pilot, view.query_one("#setup-participant-name", Input))
        await pilot.press(*"Jüri", "enter")  # no party chosen yet: refused
        await pilot.pause()
        assert any("party" in m for m in notifications(app))
        assert app.focused is view.query_one("#setup-participant-party", Select)  # where to fix it
        for key in ("enter", "down", "down", "enter"):  # open; blank, Police, Noored: chosen adds
            await pilot.press(key)
            await pilot.pause()
        select = view.query_one("#setup-participant-party", Select)
        assert select.value == youth
        assert [(p.name, p.party_id) for p in fresh(empty_session).participants] == [("Jüri", youth)]
        assert app.focused is view.query_one("#setup-participant-name", Input)
        view.query_one("#setup-participant-name", Input).value = HOSTILE
        select.value = police
        await pilot.click("#setup-participant-add")
        await pilot.pause()
        table = view.query_one("#setup-participants", DataTable)
        assert [str(table.get_row_at(i)[1]) for i in range(table.row_count)] == ["Jüri", HOSTILE]
        await focus(pilot, table)
        await pilot.press("up", "delete")  # asks first, on Cancel
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("left", "enter")
        await pilot.pause()
        assert [p.name for p in fresh(empty_session).participants] == [HOSTILE]
        await pilot.click("#setup-participant-remove")
        await pilot.pause()
        await pilot.click("#confirm")
        await pilot.pause()
        assert app.is_running
    assert fresh(empty_session).participants == ()


async def test_labels_follow_the_language(make_app: MakeApp, empty_session: SessionService) -> None:
    app = make_app(empty_session, lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_setup(app, pilot)
        assert str(view.query_one("#setup-parties-heading", Label).render()) == "Töötoa osapooled"
        assert str(view.query_one("#setup-party-add", Button).label) == "Lisa"
        table = view.query_one("#setup-parties", DataTable)
        assert [str(c.label) for c in table.columns.values()] == ["Osapool", "◆", "Inimesi"]
        await pilot.press("f7")
        await pilot.pause()
        assert str(view.query_one("#setup-parties-heading", Label).render()) == "Parties in this workshop"
        assert [str(c.label) for c in table.columns.values()] == ["Party", "◆", "People"]


async def test_a_narrow_terminal_stacks_the_lists(make_app: MakeApp, empty_session: SessionService) -> None:
    app = make_app(empty_session)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_setup(app, pilot)
        assert not view.has_class("-wide")
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert view.has_class("-wide")


async def test_at_80x24_setup_opens_with_the_workshop_details_in_view(
    make_app: MakeApp, demo_session: SessionService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Setup starts on the suggestions list, which Textual centres when it cannot show it
    whole: at 80x24 that scrolled the title, date, place and facilitator out of sight, "Save"
    alone at the top. Reached by [ from the board, as the facilitator does."""
    app = make_app(on_the_board(demo_session))
    mirror = TerminalMirror(monkeypatch, (80, 24))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await workshop_shown(pilot)
        while screen.phase_id != "setup":
            await pilot.press("left_square_bracket")
        await settle(pilot, screen.query_one(SetupView))
        await pilot.wait_for_scheduled_animations()
        await until(pilot, lambda: mirror.differences(app) == [], "the terminal")
        shown = "\n".join(mirror.lines())
        for label in ("Title", "Date", "Place", "Facilitator", "Suggested parties"):
            assert label in shown, shown
        assert demo_session.session.info.facilitator in shown, shown
        assert app.focused is screen.query_one("#setup-suggestions", OptionList)


async def test_the_workshop_keys_still_work_from_setup(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    """Setup starts on a list, so [ and ] change phase instead of being typed into the title."""
    app = make_app(empty_session)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_setup(app, pilot)
        assert app.focused is view.query_one("#setup-suggestions", OptionList)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WorkshopScreen)
        assert screen.phase_id != "setup"
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert screen.phase_id == "setup"
        assert view.query_one("#setup-title", Input).value == "Test workshop"
    assert fresh(empty_session).info.title == "Test workshop"


async def test_enter_on_the_party_picker_opens_it_and_a_person_can_change_party(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    """Enter on the picker added the person at once under the party chosen last (4 of 5 people
    landed under the police), and a person's party could not be changed afterwards."""
    police = empty_session.add_party("Police")
    youth = empty_session.add_party("Noored")
    app = make_app(empty_session, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_setup(app, pilot)
        name = view.query_one("#setup-participant-name", Input)
        select = view.query_one("#setup-participant-party", Select)
        select.value = police
        await focus(pilot, name)
        await pilot.press(*"Mari", "tab")
        assert app.focused is select
        await pilot.press("enter")  # opens the list: nothing added yet
        await pilot.pause()
        assert select.expanded and fresh(empty_session).participants == ()
        await pilot.press("down", "enter")  # Noored, chosen: added under it
        await pilot.pause()
        assert [(p.name, p.party_id) for p in fresh(empty_session).participants] == [("Mari", youth)]
        table = view.query_one("#setup-participants", DataTable)
        await focus(pilot, table)
        await pilot.press("enter")  # the person's party, to change
        await pilot.pause()
        await pilot.press("up", "enter")
        await pilot.pause()
        assert [(p.name, p.party_id) for p in fresh(empty_session).participants] == [("Mari", police)]
        assert str(table.get_row_at(0)[0]) == "Police"


async def test_projector_mode_shows_the_fields_the_screen_asks_for_and_letters_start_nothing(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    empty_session.set_phase("intro")
    empty_session.set_phase("")
    app = make_app(empty_session, lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_setup(app, pilot)
        await pilot.press("f8")
        await pilot.pause()
        for field in ("#setup-party-name", "#setup-participant-name", "#setup-suggestions"):
            assert view.query_one(field).region.height > 0, field
        await focus(pilot, view.query_one("#setup-parties", DataTable))
        await pilot.press(*"Noorte")  # typed where no field has the focus
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
    assert not any(timer.started_at for timer in fresh(empty_session).room.timers.values())


async def test_remove_party_says_how_many_phones_joined_for_it(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    """Two phones joined for the party to the app's participants' server, one for another
    party: the question says participants and phones. A server in another process is read from
    its room file, where a device not admitted yet does not count."""
    from facilitator.web.room_file import phones_by_party

    keep = empty_session.add_party("Municipality")
    police = empty_session.add_party("Police")
    empty_session.add_participant("Mari", police)
    app = make_app(empty_session)
    async with (
        app.run_test(size=(120, 40)) as pilot,
        phones_joined(app, empty_session, [police, police, keep]),
    ):
        view = await open_setup(app, pilot)
        await focus(pilot, view.query_one("#setup-parties", DataTable))
        await pilot.press("down", "delete")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        message = str(dialog.query_one(".dialog-message", Label).render())
        assert "participants (1)" in message and "Phones joined for it (2)" in message
        await pilot.press("escape")
    listed = {
        "devices": [{"party_id": police}, {"party_id": police}, {"party_id": keep, "admitted": False}, 3]
    }
    assert phones_by_party(listed) == {police: 2}  # as the room file of a server elsewhere keeps them


async def test_the_date_field_follows_the_language(make_app: MakeApp, empty_session: SessionService) -> None:
    """F7 relabelled the field but left 03.12.2026 in it on an English screen (whose label asks
    for 2026-12-03); the stored date, untouched, now shows in the new language's form."""
    empty_session.update_session(date="2026-12-03")
    app = make_app(empty_session, lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_view(app, pilot, "setup", SetupView)
        date = view.query_one("#setup-date", Input)
        await until(pilot, lambda: date.value == "03.12.2026", "the Estonian date")
        await pilot.press("f7")
        await until(pilot, lambda: date.value == "2026-12-03", "the English date")
        await pilot.press("f7")
        await until(pilot, lambda: date.value == "03.12.2026", "the Estonian date again")
    assert fresh(empty_session).info.date == "2026-12-03"
