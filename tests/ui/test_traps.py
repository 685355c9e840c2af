"""Keyboard traps: escape keeps typed text, space and digits choose, `s` and enter do what they say."""

from __future__ import annotations

from textual.widgets import Input, Select

from facilitator.core.library import SessionLibrary
from facilitator.core.service import SessionService
from facilitator.ui.base import is_text_field
from facilitator.ui.dialogs.common import ChoiceDialog, ConfirmDialog
from facilitator.ui.dialogs.roles import CommitmentDialog, RoleDialog
from facilitator.ui.screens.placement import PlacementScreen, RungPicker
from facilitator.ui.screens.workshop import WorkshopScreen
from facilitator.ui.views.board import BoardView
from facilitator.ui.views.collect import CollectView
from facilitator.ui.views.setup import SetupView
from facilitator.ui.widgets.stepper import PhaseStepper

from .helpers import MakeApp, focus, fresh, open_view, screen_shown, until
from .test_agree import back_to_view, build, cursor_to, items, open_agree
from .test_placement import make_session


async def reveal_and_open(make_app: MakeApp, ui_library: SessionLibrary) -> tuple[SessionService, object]:
    service = make_session(ui_library)
    activity = service.session.activities[0]
    for party in activity.party_ids:
        service.place(activity.id, party, "cooperation", "coordination")
    service.reveal(activity.id)
    return service, make_app(session=service)


async def test_escape_in_the_agreement_note_leaves_the_field_and_keeps_the_text(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service, app = await reveal_and_open(make_app, ui_library)
    activity_id = service.session.activities[0].id
    async with app.run_test(size=(120, 40)) as pilot:  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("enter")
        screen = await screen_shown(pilot, PlacementScreen)
        note = screen.query_one("#agree-note", Input)
        await focus(pilot, note)
        await pilot.press(*"keep me")
        await pilot.press("escape")  # out of the field, still on the placement screen
        await pilot.pause()
        assert isinstance(app.screen, PlacementScreen) and not is_text_field(app.focused)
        assert note.value == "keep me"
        await pilot.press("escape")  # leaving with the note unsaved asks first
        confirm = await screen_shown(pilot, ConfirmDialog)
        await pilot.press("escape")  # no: back, text kept
        await screen_shown(pilot, PlacementScreen)
        assert note.value == "keep me"
        await pilot.press("a")  # agree saves the note
        await back_to_view(pilot)
        assert confirm is not app.screen
    assert fresh(service).activity(activity_id).agreed_note == "keep me"


async def test_leaving_a_dialog_with_typed_text_asks_first(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    w = build(empty_session)
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        await cursor_to(pilot, view, f"party:{w.police}")
        await pilot.press("c")  # a commitment, typed, then escape twice
        form = await screen_shown(pilot, CommitmentDialog)
        await pilot.press(*"We will patrol")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is form and not is_text_field(app.focused)
        await pilot.press("escape")
        await screen_shown(pilot, ConfirmDialog)
        await pilot.press("escape")  # keep editing
        await until(pilot, lambda: app.screen is form, "the form again")
        assert any(i.value == "We will patrol" for i in form.query(Input)) or "We will patrol" in str(
            [getattr(w, "text", "") for w in form.query("TextArea")]
        )
        await pilot.press("escape")
        await screen_shown(pilot, ConfirmDialog)
        await pilot.press("left", "enter")  # discard
        await back_to_view(pilot)
        assert fresh(empty_session).commitments == ()
        await pilot.press("c")  # nothing typed: escape closes straight away
        await screen_shown(pilot, CommitmentDialog)
        await pilot.press("escape")
        await back_to_view(pilot)


async def test_space_chooses_in_a_choice_list(make_app: MakeApp, empty_session: SessionService) -> None:
    w = build(empty_session)
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        await cursor_to(pilot, view, f"party:{w.police}")
        await pilot.press("r")
        await screen_shown(pilot, RoleDialog)
        await pilot.press("home", "space")  # the first role
        await back_to_view(pilot)
        first_role = empty_session.scenario.roles[0].id
        assert fresh(empty_session).roles_for(w.talks).get(w.police) == first_role


async def test_digits_choose_a_rung_in_the_agreement_and_on_the_board(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service, app = await reveal_and_open(make_app, ui_library)
    first = service.session.activities[0].id
    second = service.add_activity("Second", party_ids=list(service.session.activities[0].party_ids))
    async with app.run_test(size=(120, 40)) as pilot:  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("enter")
        screen = await screen_shown(pilot, PlacementScreen)
        await pilot.press("a")  # the reveal's picture first; `a` brings the agreement controls
        await pilot.pause()
        assert screen.query_one("#agree-current", RungPicker).has_focus
        await pilot.press("4")
        await pilot.pause()
        assert screen.query_one("#agree-current", RungPicker).value == "collaboration"
        await focus(pilot, screen.query_one("#agree-wished", RungPicker))
        await pilot.press("1")
        await pilot.pause()
        assert screen.query_one("#agree-wished", RungPicker).value == "communication"
        await pilot.press("a")
        await back_to_view(pilot)
        board = app.screen.query_one(BoardView).board
        board.select(second, notify=True)
        await focus(pilot, board)
        await pilot.press("3")  # straight onto the third rung
        await pilot.pause()
    session = fresh(service)
    assert (session.activity(first).agreed_current, session.activity(first).agreed_wished) == (
        "collaboration",
        "communication",
    )
    assert session.activity(second).agreed_current == "coordination"


async def test_s_signs_off_from_any_row_of_the_activity(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    w = build(empty_session)
    commitment = empty_session.add_commitment(w.talks, w.town, "We will host")
    app = make_app(session=empty_session)
    async with app.run_test(size=(160, 45)) as pilot:
        view = await open_agree(app, pilot)
        await cursor_to(pilot, view, f"commitment:{commitment}")
        assert view.check_action("sign", ())
        await pilot.press("s")  # which party? the row's own party is offered first
        choice = await screen_shown(pilot, ChoiceDialog)
        assert choice.current == w.town
        await pilot.press("enter")
        await back_to_view(pilot)
        assert {s.party_id for s in fresh(empty_session).signoffs_for(w.talks)} == {w.town}
        assert items(view).highlighted is not None


async def test_enter_in_the_party_field_opens_it_and_choosing_adds_the_participant(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    police = empty_session.add_party("Police")
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_view(app, pilot, "setup", SetupView)
        view.query_one("#setup-participant-name", Input).value = "Mari"
        select = view.query_one("#setup-participant-party", Select)
        select.value = police
        await focus(pilot, select)
        await pilot.press("enter")  # opens the list (it once added at once, under the party chosen last)
        await pilot.pause()
        assert select.expanded and not fresh(empty_session).participants
        await pilot.press("enter")  # the party shown, chosen: added
        await until(pilot, lambda: bool(fresh(empty_session).participants), "the participant")
    assert [(p.name, p.party_id) for p in fresh(empty_session).participants] == [("Mari", police)]


async def test_after_clicking_a_phase_the_keys_work(make_app: MakeApp, empty_session: SessionService) -> None:
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_view(app, pilot, "setup", SetupView)
        screen = app.screen
        assert isinstance(screen, WorkshopScreen)
        await focus(pilot, view.query_one("#setup-title", Input))
        stepper = screen.query_one(PhaseStepper)
        collect = next(p.id for p in screen.agenda if p.kind == "collect")
        for phase_id in (screen.phase_id, collect):  # the phase shown, and one with an empty list
            x = stepper.step_x(phase_id)
            assert x is not None
            await pilot.click(PhaseStepper, offset=(x, 0))
            await until(pilot, lambda p=phase_id: screen.phase_id == p and not is_text_field(app.focused))
        assert screen.query(CollectView)
        await pilot.press("right_square_bracket")  # a single key acts, not typed into a field
        await until(pilot, lambda: screen.phase_id != collect, "the next phase")
