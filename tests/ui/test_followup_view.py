"""The follow-up of last time in the app: a session made with `new --from` opens on last time's
promises; keys, buttons and the palette record outcomes, notes, carried steps and confirm a
phone's answer. A session without a predecessor has no such phase."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Label

from facilitator.core.followup import promises
from facilitator.core.library import SessionLibrary
from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.dialogs.common import ConfirmDialog, TextPromptDialog
from facilitator.ui.screens.workshop import WorkshopScreen
from facilitator.ui.views.followup import FollowUpView
from facilitator.ui.widgets.stepper import PhaseStepper
from tests.ui.helpers import screen_shown, until

MakeApp = Callable[..., FacilitatorApp]


def continued(ui_library: SessionLibrary, demo_session: SessionService) -> SessionService:
    service = ui_library.create_from(demo_session.session.id)
    service.set_phase("followup")
    return service


async def test_activities_not_carried_over_are_named(
    make_app: MakeApp, ui_library: SessionLibrary, demo_session: SessionService
) -> None:
    service = continued(ui_library, demo_session)
    gone = service.session.activities[-1]
    service.remove_activity(gone.id)
    app = make_app(service)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await view_of(app, pilot)
        label = view.query_one("#followup-not-carried", Label)
        assert label.display and gone.title in str(label.render())


async def view_of(app: FacilitatorApp, pilot: Pilot[int]) -> FollowUpView:
    await screen_shown(pilot, WorkshopScreen)
    await until(pilot, lambda: bool(app.screen.query(FollowUpView)), "the follow-up view")
    view = app.screen.query_one(FollowUpView)
    view.query_one("#followup-items", DataTable).focus()
    await pilot.pause()
    return view


def item(service: SessionService, index: int):  # type: ignore[no-untyped-def]
    return promises(service.session)[index]


async def test_keys_record_outcomes_notes_and_carry_a_step(
    make_app: MakeApp, ui_library: SessionLibrary, demo_session: SessionService
) -> None:
    service = continued(ui_library, demo_session)
    app = make_app(service)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await view_of(app, pilot)
        table = view.query_one("#followup-items", DataTable)
        assert table.row_count == len(promises(service.session))
        await pilot.press("1")
        await until(pilot, lambda: item(service, 0).outcome == "done", "done recorded")
        assert item(service, 0).confirmed
        await pilot.press("down", "2")
        await until(pilot, lambda: item(service, 1).outcome == "partly", "partly recorded")
        await pilot.press("e")
        dialog = await screen_shown(pilot, TextPromptDialog)
        dialog.query_one(Input).value = "Half the evenings <b>[bold]x[/bold]"
        await pilot.press("enter")
        await until(pilot, lambda: item(service, 1).note.startswith("Half"), "the note")
        assert item(service, 1).outcome == "partly"
        # Carry the first open step over, with a new due date typed the Estonian way.
        steps = [i for i in promises(service.session) if i.kind == "action"]
        table.move_cursor(row=promises(service.session).index(steps[0]))
        await pilot.pause()
        await pilot.press("c")
        dialog = await screen_shown(pilot, TextPromptDialog)
        dialog.query_one(Input).value = "01.03.2027"
        await pilot.press("enter")
        await until(pilot, lambda: promises(service.session)[table.cursor_row].carried_action, "carried")
        carried = next(x for x in service.session.actions if x.text == steps[0].text)
        assert carried.due == "2027-03-01" and not carried.done
        counts = str(view.query_one("#followup-counts", Label).render())
        assert "recorded: 2" in counts


async def test_buttons_palette_and_confirming_a_phone_answer(
    make_app: MakeApp, ui_library: SessionLibrary, demo_session: SessionService
) -> None:
    service = continued(ui_library, demo_session)
    first = item(service, 0)
    service.for_party(first.party_id).answer_followup(first.id, "not_done", "no hall")
    app = make_app(service)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await view_of(app, pilot)
        assert "to confirm: 1" in str(view.query_one("#followup-counts", Label).render())
        await pilot.click("#followup-confirm")
        await until(pilot, lambda: item(service, 0).confirmed, "confirmed")
        assert (item(service, 0).outcome, item(service, 0).note) == ("not_done", "no hall")
        await pilot.press("down")
        await pilot.click("#followup-dropped")
        await until(pilot, lambda: item(service, 1).outcome == "dropped", "button")
        await pilot.press("down", "ctrl+p")
        await pilot.pause()
        await pilot.press(*"Partly")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await until(pilot, lambda: item(service, 2).outcome == "partly", "palette")


async def test_a_session_without_a_predecessor_has_no_follow_up_phase(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    assert "followup" not in [p.id for p in demo_session.scenario.agenda]
    app = make_app(demo_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await screen_shown(pilot, WorkshopScreen)
        steps = [s.phase_id for s in app.screen.query_one(PhaseStepper).steps]
        assert "followup" not in steps and "intro" in steps


async def test_last_time_s_rungs_appear_only_with_the_reveal(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    from facilitator.ui.widgets.reveal_ladder import RevealLadder
    from tests.ui.test_placement import make_session, open_placement, screen_text

    earlier = make_session(ui_library)
    activity = earlier.session.activities[0]
    earlier.agree(activity.id, current="communication", wished="cooperation")
    later = ui_library.create_from(earlier.session.id)
    later.set_phase("place")
    later.set_phase("place")
    app = make_app(session=later)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_placement(app, pilot)
        assert "last time" not in screen_text(app)  # blind: nothing of last year before the reveal
        for party in activity.party_ids:
            later.place(activity.id, party, "cooperation", "coordination")
        later.reveal(activity.id)
        await until(
            pilot, lambda: screen.query(RevealLadder) and screen.query_one(RevealLadder).display, "reveal"
        )
        await until(
            pilot,
            lambda: (
                "last time: 1. Communication → wished 2. Cooperation" in screen.query_one(RevealLadder).plain
            ),
            "last time's rungs beside the reveal",
        )


async def test_a_note_keeps_a_phone_answer_as_it_is_and_unconfirmed(
    make_app: MakeApp, ui_library: SessionLibrary, demo_session: SessionService
) -> None:
    """A note typed while a party's answer waits (even one the party changes meanwhile) is a
    note only: it neither confirms the answer nor puts back the answer shown when it opened."""
    service = continued(ui_library, demo_session)
    first = item(service, 0)
    phone = service.for_party(first.party_id)
    phone.answer_followup(first.id, "not_done", "no hall")
    app = make_app(service)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_of(app, pilot)
        await pilot.press("e")
        dialog = await screen_shown(pilot, TextPromptDialog)
        phone.answer_followup(first.id, "partly", "half of it")  # the phone, while the dialog is open
        dialog.query_one(Input).value = "hall booked for May"
        await pilot.press("enter")
        await until(pilot, lambda: item(service, 0).note == "hall booked for May", "the note")
        assert (item(service, 0).outcome, item(service, 0).confirmed) == ("partly", False)


async def test_y_confirms_the_answer_shown_not_one_the_phone_sent_since(
    make_app: MakeApp,
    ui_library: SessionLibrary,
    demo_session: SessionService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The phone's new answer has not reached the screen yet: y confirms nothing (it would have
    confirmed an answer the facilitator never saw) and says why; the new answer waits."""
    service = continued(ui_library, demo_session)
    first = item(service, 0)
    phone = service.for_party(first.party_id)
    phone.answer_followup(first.id, "done")
    app = make_app(service)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await view_of(app, pilot)
        assert "to confirm: 1" in str(view.query_one("#followup-counts", Label).render())
        monkeypatch.setattr("facilitator.core.watcher.POLL_SECONDS", 60.0)  # the screen stays as it is
        await pilot.pause(0.3)
        phone.answer_followup(first.id, "not_done", "no hall after all")
        await pilot.press("y")
        await pilot.pause(0.3)
        now = item(service, 0)
        assert (now.outcome, now.confirmed) == ("not_done", False)
        assert any("changed its answer meanwhile" in str(n.message) for n in app._notifications)
        app.sessions.check(view.service)  # the screen shows the new answer: y confirms it
        await pilot.pause()
        await pilot.press("y")
        await until(pilot, lambda: item(service, 0).confirmed, "confirmed")
        assert item(service, 0).outcome == "not_done"


async def test_recording_over_a_phone_answer_asks_first(
    make_app: MakeApp, ui_library: SessionLibrary, demo_session: SessionService
) -> None:
    """As with a placement: an outcome the facilitator records over the one a party sent from
    its phone replaces it only when confirmed (Cancel first); the same outcome just confirms it."""
    service = continued(ui_library, demo_session)
    first = item(service, 0)
    service.for_party(first.party_id).answer_followup(first.id, "not_done", "no hall")
    app = make_app(service)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_of(app, pilot)
        await pilot.press("1")
        dialog = await screen_shown(pilot, ConfirmDialog)
        assert "not done" in str(dialog.query_one(".dialog-message", Label).render())
        await pilot.press("enter")  # Cancel
        await until(pilot, lambda: not isinstance(app.screen, ConfirmDialog), "the dialog closed")
        assert (item(service, 0).outcome, item(service, 0).confirmed) == ("not_done", False)
        await pilot.press("1")
        await screen_shown(pilot, ConfirmDialog)
        await pilot.press("left", "enter")  # Replace
        await until(pilot, lambda: item(service, 0).outcome == "done", "replaced")
        assert item(service, 0).confirmed


async def test_the_question_over_a_phone_answer_names_who_sent_it(
    make_app: MakeApp, ui_library: SessionLibrary, demo_session: SessionService
) -> None:
    service = continued(ui_library, demo_session)
    first = item(service, 0)
    service.for_party(first.party_id, device="phone-1", name="Jüri").answer_followup(first.id, "not_done")
    app = make_app(service)
    async with app.run_test(size=(120, 40)) as pilot:
        await view_of(app, pilot)
        await pilot.press("1")
        dialog = await screen_shown(pilot, ConfirmDialog)
        party = service.session.party_name(first.party_id)
        assert dialog.message == (
            f"The party {party} answered from a phone (Jüri): not done. Record done in its place?"
        )
        await pilot.press("enter")  # Cancel
        await until(pilot, lambda: not isinstance(app.screen, ConfirmDialog), "the dialog closed")
    assert (item(service, 0).outcome, item(service, 0).confirmed) == ("not_done", False)


async def test_a_carried_step_marked_no_longer_needed_asks_to_remove_it_too(
    make_app: MakeApp, ui_library: SessionLibrary, demo_session: SessionService
) -> None:
    """F7: c then 4 on last year's step would leave "no longer needed" beside this workshop's open
    step carried from it; the view asks, Cancel records nothing, Remove removes the step too.
    The carry dialog does not offer last year's due date once it has passed."""
    late = next(x for x in demo_session.session.actions if not x.done)
    demo_session.update_action(late.id, due="2026-01-15")  # passed by the time of the next year
    service = continued(ui_library, demo_session)
    steps = [i for i in promises(service.session) if i.kind == "action"]
    app = make_app(service)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await view_of(app, pilot)
        table = view.query_one("#followup-items", DataTable)
        row = promises(service.session).index(steps[0])
        table.move_cursor(row=row)
        await pilot.pause()
        await pilot.press("c")
        dialog = await screen_shown(pilot, TextPromptDialog)
        assert steps[0].due == "2026-01-15" and dialog.query_one(Input).value == ""  # passed: not offered
        dialog.query_one(Input).value = "01.03.2027"
        await pilot.press("enter")
        await until(pilot, lambda: item(service, row).carried_action, "carried")
        carried = item(service, row).carried_action
        await pilot.press("4")
        question = await screen_shown(pilot, ConfirmDialog)
        assert "2027-03-01" in question.message and steps[0].text[:20] in question.message
        await pilot.press("escape")  # Cancel: nothing recorded, the step stays
        await pilot.pause()
        assert item(service, row).outcome == "" and any(x.id == carried for x in service.session.actions)
        await pilot.press("4")
        await screen_shown(pilot, ConfirmDialog)
        await pilot.click("#confirm")
        await until(pilot, lambda: item(service, row).outcome == "dropped", "no longer needed")
        assert not any(x.id == carried for x in service.session.actions)
        assert "↪" not in str(table.get_row_at(row))  # no longer said to be carried


async def test_a_carried_step_marked_done_is_done_here_too(
    make_app: MakeApp, ui_library: SessionLibrary, demo_session: SessionService
) -> None:
    service = continued(ui_library, demo_session)
    step = next(i for i in promises(service.session) if i.kind == "action")
    row = promises(service.session).index(step)
    carried = service.carry_over(step.id, due="2027-03-01")
    app = make_app(service)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await view_of(app, pilot)
        view.query_one("#followup-items", DataTable).move_cursor(row=row)
        await pilot.pause()
        await pilot.press("1")
        await screen_shown(pilot, ConfirmDialog)
        await pilot.press("enter")  # safe: starts on its button
        await until(pilot, lambda: item(service, row).outcome == "done", "done")
        assert next(x for x in service.session.actions if x.id == carried).done
