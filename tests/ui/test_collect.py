"""The collect view: quick add, the activity form, removing, and the guide's examples."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import (
    Button,
    Checkbox,
    DataTable,
    Input,
    Label,
    SelectionList,
    Static,
    TextArea,
)

from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.dialogs.activity import ActivityDialog, ExamplesDialog
from facilitator.ui.dialogs.common import ConfirmDialog
from facilitator.ui.screens.workshop import WorkshopScreen
from facilitator.ui.views.collect import CollectView

from .helpers import HOSTILE, MakeApp, focus, fresh, notifications, open_view, until


async def open_collect(app: FacilitatorApp, pilot: Pilot[int]) -> CollectView:
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, WorkshopScreen)
    return await open_view(app, pilot, next(p.id for p in screen.agenda if p.kind == "collect"), CollectView)


def cells(view: CollectView, column: int = 1) -> list[str]:
    table = view.query_one("#collect-table", DataTable)
    return [str(table.get_row_at(i)[column]) for i in range(table.row_count)]


async def test_quick_add_by_keyboard_selects_the_new_activity(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_collect(app, pilot)
        quick = view.query_one("#collect-quick", Input)
        assert app.focused is quick  # the facilitator starts typing straight away
        await pilot.press(*"Noorte ümarlaud", "enter")
        await pilot.pause()
        await pilot.press(*"Õueala valgustus ", "enter")
        quick.insert_text_at_cursor("💡")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # empty: refused, nothing added
        await pilot.pause()
        assert "An activity needs a title" in notifications(app)
        assert quick.value == ""
        assert cells(view) == ["Noorte ümarlaud", "Õueala valgustus", "💡"]
        table = view.query_one("#collect-table", DataTable)
        assert table.cursor_row == 2
    session = fresh(empty_session)
    assert [a.title for a in session.activities] == ["Noorte ümarlaud", "Õueala valgustus", "💡"]
    assert SessionService(empty_session.path).view_state["selected_activity"] == session.activities[2].id


async def test_add_with_the_form_by_mouse_with_parties_approaches_and_flows(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    police = empty_session.add_party("Police")
    youth = empty_session.add_party("Young people", affected=True)
    municipality = empty_session.add_party("Municipality")
    scenario = empty_session.scenario
    mobilisation, empowerment = scenario.approaches[1], scenario.approaches[2]
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_collect(app, pilot)
        await pilot.click("#collect-add")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ActivityDialog)
        await pilot.press(*"Joint patrols")
        dialog.query_one("#activity-description", TextArea).text = "Evenings, twice a week."
        await pilot.click("#activity-parties", offset=(4, 1))  # Police
        await pilot.click("#activity-parties", offset=(4, 3))  # Municipality
        await pilot.click("#activity-concerns", offset=(4, 1))  # Young people
        lenses = dialog.query_one("#activity-lenses")
        lenses.scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click("#activity-approaches", offset=(4, 2))  # resource mobilisation
        await pilot.click("#activity-approaches", offset=(4, 3))  # empowerment
        await pilot.click("#activity-flows", offset=(4, 4))  # the fourth: police to people
        await pilot.click("#activity-flows", offset=(4, 2))  # the second: two-way
        await pilot.pause()
        await pilot.click("#activity-save")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        assert cells(view, 2) == ["Police, Municipality"]
        both = f"{mobilisation.name}, {empowerment.name}"
        (shown,) = cells(view, 3)
        assert shown == both or (shown.endswith("…") and both.startswith(shown[:-1]))
        detail = str(view.query_one("#collect-detail").render())
        assert "Information flows: Two-way, From the police to people" in detail
    (activity,) = fresh(empty_session).activities
    assert activity.title == "Joint patrols"
    assert activity.description == "Evenings, twice a week."
    assert activity.party_ids == (police, municipality)
    assert activity.concerns == (youth,)
    assert activity.approaches == (mobilisation.id, empowerment.id)
    assert activity.flows == ("two-way", "police-to-people")  # in the ladder's order, whatever the clicks


async def test_the_form_refuses_an_empty_title(make_app: MakeApp, empty_session: SessionService) -> None:
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_collect(app, pilot)
        await focus(pilot, view.query_one("#collect-table", DataTable))
        await pilot.press("a")
        await pilot.pause()
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ActivityDialog)
        assert "needs a title" in str(app.screen.query_one("#activity-problem", Label).render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
    assert fresh(empty_session).activities == ()


async def test_edit_by_key_and_by_enter_keeps_the_cursor(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    police = empty_session.add_party("Police")
    first = empty_session.add_activity("First")
    second = empty_session.add_activity("Second", party_ids=[police])
    long_text = "Kirjeldus õ😀 " * 300  # 3,900 characters: within the core's limit of 4,000
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_collect(app, pilot)
        table = view.query_one("#collect-table", DataTable)
        await focus(pilot, table)
        await pilot.press("down", "e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ActivityDialog)
        assert dialog.query_one("#activity-title", Input).value == "Second"
        assert dialog.query_one("#activity-parties", SelectionList).selected == [police]
        await pilot.press("end", *" (weekly)")
        description = dialog.query_one("#activity-description", TextArea)
        description.text = long_text * 3  # over the core's limit: refused in the dialog, kept
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog and description.text == long_text * 3
        assert app.screen.focused is description
        assert any("too long" in n.message and n.markup is False for n in app._notifications)
        description.text = long_text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert table.cursor_row == 1  # still on the edited activity
        assert cells(view) == ["First", "Second (weekly)"]
        await pilot.press("up", "enter")  # enter edits too
        await pilot.pause()
        assert isinstance(app.screen, ActivityDialog)
        await pilot.press("end", "!", "enter")  # enter in the title saves
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
    session = fresh(empty_session)
    assert session.activity(first).title == "First!"
    assert session.activity(second).title == "Second (weekly)"
    assert session.activity(second).description == long_text
    assert session.activity(second).party_ids == (police,)


async def test_taking_a_party_off_an_activity_it_placed_asks_first(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    police = empty_session.add_party("Police")
    school = empty_session.add_party("School")
    activity = empty_session.add_activity("Talks", party_ids=[police, school])
    empty_session.place(activity, police, "communication", "cooperation")
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_collect(app, pilot)
        await focus(pilot, view.query_one("#collect-table", DataTable))
        await pilot.press("e")
        await pilot.pause()
        await pilot.click("#activity-parties", offset=(4, 1))  # untick Police
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
    assert fresh(empty_session).activity(activity).party_ids == (police, school)
    assert len(fresh(empty_session).placements) == 1


async def test_remove_asks_and_cancel_keeps_it(make_app: MakeApp, empty_session: SessionService) -> None:
    ids = [empty_session.add_activity(title) for title in ("One", "Two", "Three")]
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_collect(app, pilot)
        table = view.query_one("#collect-table", DataTable)
        await focus(pilot, table)
        await pilot.press("down", "delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#cancel")
        await pilot.pause()
        assert len(fresh(empty_session).activities) == 3
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("left", "enter")
        await pilot.pause()
        assert cells(view) == ["One", "Three"]
        assert table.cursor_row == 1  # on the next one
        await pilot.click("#collect-remove")
        await pilot.pause()
        await pilot.click("#confirm")
        await pilot.pause()
        assert cells(view) == ["One"]
    assert [a.id for a in fresh(empty_session).activities] == [ids[0]]


async def test_pull_in_examples_maps_parties_and_adds_missing_ones(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    scenario = empty_session.scenario
    first, second = scenario.examples[0], scenario.examples[1]
    police = empty_session.add_party("Police", suggested_id="police")
    residents = empty_session.add_party("Residents of Keila")  # typed, no suggestion behind it
    app = make_app(empty_session)
    async with app.run_test(size=(200, 50)) as pilot:
        view = await open_collect(app, pilot)
        await focus(pilot, view.query_one("#collect-table", DataTable))
        await pilot.press("g")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExamplesDialog)
        for key in ("down", "space", "down", "space"):
            await pilot.press(key)
            await pilot.pause()
        hint = str(dialog.query_one("#examples-parties", Label).render())
        assert "Youth workers" in hint and "Police" not in hint
        assert dialog.query_one("#examples-add-parties", Checkbox).value
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        assert cells(view) == [f"{first.place}: {first.title}", f"{second.place}: {second.title}"]
    session = fresh(empty_session)
    by_suggestion = {p.suggested_id: p.id for p in session.parties}
    wanted = [*first.parties, *(p for p in second.parties if p not in first.parties)]
    assert set(by_suggestion) - {None} == set(wanted)
    assert session.party(by_suggestion["young-people"]).affected
    one, two = session.activities
    assert one.title == f"{first.place}: {first.title}" and one.description == first.text
    assert one.party_ids == tuple(by_suggestion[p] for p in first.parties)
    assert one.party_ids[0] == police
    assert two.approach == second.approach
    assert residents not in one.party_ids  # a typed party isn't guessed at


async def test_pull_in_by_mouse_without_adding_parties(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    scenario = empty_session.scenario
    with_approach = 2  # the guide attaches no approach to its examples: none is guessed
    example = scenario.examples[with_approach]
    police = empty_session.add_party("Police", suggested_id="police")
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_collect(app, pilot)
        await pilot.click("#collect-examples")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExamplesDialog)
        await pilot.click("#examples-list", offset=(4, 1 + with_approach))
        await pilot.pause()
        await pilot.click("#examples-add-parties")
        await pilot.click("#examples-add")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
    session = fresh(empty_session)
    (activity,) = session.activities
    assert [p.id for p in session.parties] == [police]
    assert activity.party_ids == ((police,) if "police" in example.parties else ())
    assert activity.approach == example.approach


async def test_selection_is_remembered_across_reopening(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    ids = [empty_session.add_activity(f"Activity {n}") for n in range(1, 6)]
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_collect(app, pilot)
        await focus(pilot, view.query_one("#collect-table", DataTable))
        await pilot.press("down", "down", "down")
        await until(pilot, lambda: view.service.view_state.get("selected_activity") == ids[3], "saved")
        assert "Activity 4" in str(view.query_one("#collect-detail", Static).render())
    assert SessionService(empty_session.path).view_state["selected_activity"] == ids[3]
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_collect(app, pilot)
        assert view.query_one("#collect-table", DataTable).cursor_row == 3


async def test_markup_like_titles_and_names_are_shown_literally(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    party = empty_session.add_party(HOSTILE)
    empty_session.add_activity(HOSTILE, description=HOSTILE, party_ids=[party])
    app = make_app(empty_session)
    async with app.run_test(size=(200, 50)) as pilot:
        view = await open_collect(app, pilot)
        assert cells(view) == [HOSTILE]
        assert cells(view, 2) == [HOSTILE]
        assert str(view.query_one("#collect-detail", Static).render()).count(HOSTILE) == 2
        await pilot.click("#collect-table", offset=(10, 1))
        await pilot.click("#collect-table", offset=(10, 1))  # a second click edits
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ActivityDialog)
        assert dialog.query_one("#activity-title", Input).value == HOSTILE
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#collect-remove")
        await pilot.pause()
        assert HOSTILE in str(app.screen.query_one(".dialog-message", Label).render())
        await pilot.click("#confirm")
        await pilot.pause()
        assert app.is_running
        assert f"Removed “{HOSTILE}”" in notifications(app)


async def test_labels_follow_the_language(make_app: MakeApp, empty_session: SessionService) -> None:
    empty_session.add_activity("Üks")
    app = make_app(empty_session, lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_collect(app, pilot)
        table = view.query_one("#collect-table", DataTable)
        assert [str(c.label) for c in table.columns.values()][1:] == ["Tegevus", "Osapooled", "Lähenemine"]
        assert str(view.query_one("#collect-examples", Button).label) == "Juhendi näited…"
        await pilot.press("f7")
        await pilot.pause()
        assert [str(c.label) for c in table.columns.values()][1:] == ["Activity", "Parties", "Approach"]
        assert cells(view) == ["Üks"]


async def test_projector_mode_keeps_the_field_the_screen_asks_for(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    """Projector mode hid the quick-add field while the screen said "type a title and press enter":
    the letters then fired the workshop's keys."""
    empty_session.add_activity("One")
    app = make_app(empty_session)
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_collect(app, pilot)
        await pilot.press("f8")
        await pilot.pause()
        await focus(pilot, view.query_one("#collect-table", DataTable))  # (the view starts in the field)
        await pilot.press("n")
        quick = view.query_one("#collect-quick", Input)
        assert quick.has_focus and quick.region.height > 0
        await pilot.press(*"Noorte tund", "enter")
        await pilot.pause()
        table = view.query_one("#collect-table", DataTable)
        await focus(pilot, table)
        await pilot.press("t")  # t starts no clock: typed on the list, it is the field's text
        await until(pilot, lambda: quick.has_focus and quick.value == "t", "the t in the field")
        quick.value = ""
        await focus(pilot, table)
        await pilot.press("x")  # x asks to remove, on Cancel
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert table.has_focus
    session = fresh(empty_session)
    assert [a.title for a in session.activities] == ["One", "Noorte tund"]
    assert not any(timer.started_at for timer in session.room.timers.values())  # the t of "Noorte"


def marks(listing: SelectionList[Any]) -> list[str]:
    """The mark drawn in each line's box (the cell between ▐ and ▌)."""
    return [listing.render_line(y).text.split("▐", 1)[1][0] for y in range(listing.option_count)]


async def test_ticked_lines_show_a_tick_not_only_a_colour(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    """Textual's SelectionList drew the same "X" on every line, ticked or not: the examples
    dialog looked all ticked while it said "Nothing ticked yet", and so did the parties."""
    empty_session.add_party("Police", suggested_id="police")
    empty_session.add_party("Residents", suggested_id="residents")
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_collect(app, pilot)
        await pilot.click("#collect-examples")
        await until(pilot, lambda: isinstance(app.screen, ExamplesDialog), "the examples dialog")
        listing: SelectionList[int] = app.screen.query_one("#examples-list", SelectionList)
        await pilot.pause()
        assert set(marks(listing)) == {" "}
        await pilot.click("#examples-list", offset=(4, 2))
        await pilot.pause()
        shown = marks(listing)
        assert shown[1] == "✓" and shown.count("✓") == 1 == len(listing.selected), shown
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, WorkshopScreen), "back")
        await pilot.click("#collect-add")
        await until(pilot, lambda: isinstance(app.screen, ActivityDialog), "the activity dialog")
        parties: SelectionList[str] = app.screen.query_one("#activity-parties", SelectionList)
        await pilot.pause()
        assert marks(parties) == [" ", " "]
        parties.select(parties.get_option_at_index(1).value)
        await pilot.pause()
        assert marks(parties) == [" ", "✓"]
