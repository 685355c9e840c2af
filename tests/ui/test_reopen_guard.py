"""No sign-off is voided unasked, whatever arrives while a question or a form is open.

A phone (here a second `SessionService` on the same file) signs off while the facilitator's
question or dialog is open. Every path that can reopen sign-offs decides on the session as
it is right before the write (`reopen.change_asked`): the party that signed meanwhile is
asked about by name, Cancel keeps its sign-off, and Yes makes the change exactly once. The
board's own case is in test_board_signoffs (asked again after a sign-off meanwhile)."""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input

from facilitator.core.model import Session
from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.dialogs.common import ConfirmDialog
from facilitator.ui.dialogs.expectations import AnswerDialog
from facilitator.ui.dialogs.fields import FieldsDialog
from facilitator.ui.dialogs.roles import CommitmentDialog, RoleDialog
from facilitator.ui.screens.placement import PlacementScreen
from facilitator.ui.views.role_grid import RoleGridScreen
from facilitator.ui.widgets.rungs import RungPicker

from .helpers import MakeApp, fresh, screen_shown, until
from .test_agree import cursor_to, open_agree
from .test_agree_reopen import closed, placed_and_signed, recorded_as_cooperation, talks_agreed

MEANWHILE = "Meanwhile the party Town signed off."


def talks_signed_by_police(service: SessionService) -> tuple[str, str, str]:
    """Talks of Police and Town, agreed on communication, in the agree phase; Police signed."""
    return talks_agreed(service, "police")


def with_commitment(service: SessionService) -> tuple[str, str, str, str]:
    """As `talks_signed_by_police`, with Police's commitment "We walk" (signed again after it)."""
    talks, police, town = talks_signed_by_police(service)
    commitment = service.add_commitment(talks, police, "We walk")
    service.sign_off(talks, police)
    return talks, police, town, commitment


def town_signs_on_its_phone(service: SessionService, talks: str, town: str) -> None:
    SessionService(service.path).sign_off(talks, town)  # another process, the same file


def signed(service: SessionService, talks: str) -> set[str]:
    return {s.party_id for s in fresh(service).signoffs_for(talks)}


def count(session: Session, kind: str) -> int:
    return sum(1 for e in session.events if e.kind == kind)


async def key_on(pilot: Pilot[int], app: FacilitatorApp, line: str, key: str) -> ConfirmDialog:
    """In the roles view, `key` on a line (a commitment's id, or "expectation:ID"): the
    question it asks."""
    view = await open_agree(app, pilot)
    await cursor_to(pilot, view, line if ":" in line else f"commitment:{line}")
    await pilot.press(key)
    return await screen_shown(pilot, ConfirmDialog)


async def asked_again(pilot: Pilot[int], *words: str) -> ConfirmDialog:
    """The question asked again: who signed meanwhile, and now both parties named."""
    dialog = await screen_shown(pilot, ConfirmDialog)
    await until(pilot, lambda: MEANWHILE in dialog.message, "the question asked again")
    for word in ("2 parties have signed off “Talks” (Police, Town)", *words):
        assert word in dialog.message, dialog.message
    return dialog


async def test_the_roles_dialog_asks_about_a_party_that_signed_while_it_was_open(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    """Nobody had signed when the role dialog opened; Town signs from its phone meanwhile. The
    save asks, naming Town (it was voided with only a notice after it)."""
    service = empty_session
    talks, police, town = talks_agreed(service)
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        await cursor_to(pilot, view, f"party:{police}")
        await pilot.press("r")
        await screen_shown(pilot, RoleDialog)
        town_signs_on_its_phone(service, talks, town)
        await pilot.press("enter")
        dialog = await screen_shown(pilot, ConfirmDialog)
        assert "1 party has signed off “Talks” (Town). Changing the role of Police" in dialog.message
        await pilot.press("escape")
        await closed(pilot, app)
        assert signed(service, talks) == {town} and fresh(service).roles_for(talks) == {}
        before = count(fresh(service), "role.set")
        await pilot.press("r")
        await screen_shown(pilot, RoleDialog)
        await pilot.press("enter")
        await screen_shown(pilot, ConfirmDialog)
        await pilot.click("#confirm")  # nothing changed since: made, once
        await until(pilot, lambda: fresh(service).roles_for(talks).get(police) is not None)
        assert count(fresh(service), "role.set") == before + 1 and signed(service, talks) == set()


async def test_a_commitment_edited_while_a_party_signs_is_asked_about_again(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    service = empty_session
    talks, police, town, commitment = with_commitment(service)
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await key_on(pilot, app, commitment, "enter")  # Police's sign-off, asked before the dialog
        await pilot.click("#confirm")
        dialog = await screen_shown(pilot, CommitmentDialog)
        dialog.query_one("#commitment-text", Input).value = "We walk every evening"
        town_signs_on_its_phone(service, talks, town)
        await pilot.press("enter")
        await asked_again(pilot, "Changing this commitment reopens their sign-offs")
        await pilot.click("#cancel")
        await closed(pilot, app)
        after = fresh(service)
        assert signed(service, talks) == {police, town} and after.commitments[0].text == "We walk"


async def test_an_answer_given_while_a_party_signs_is_asked_about_again_and_made_once(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    service = empty_session
    talks, police, town = talks_signed_by_police(service)
    expectation = service.add_expectation(talks, town, police, "We expect you to patrol")
    service.sign_off(talks, police)
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await key_on(pilot, app, f"expectation:{expectation}", "enter")
        assert "(Police). Answering this expectation reopens its sign-off" in dialog.message
        await pilot.click("#confirm")
        await screen_shown(pilot, AnswerDialog)
        town_signs_on_its_phone(service, talks, town)
        await pilot.press("ctrl+s")  # accepting: the default for an open expectation
        await asked_again(pilot, "Answering this expectation reopens their sign-offs")
        assert fresh(service).expectations[0].state == "open"
        await pilot.click("#confirm")
        await until(pilot, lambda: fresh(service).expectations[0].state == "accepted")
        after = fresh(service)
        assert count(after, "expectation.answered") == 1 and signed(service, talks) == set()


async def test_fields_saved_after_a_party_signed_meanwhile_ask_first(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    """Nobody had signed when the fields dialog opened (so it opened unasked)."""
    service = empty_session
    talks, police, _town = talks_agreed(service)
    service.agree(talks, current="cooperation")
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_agree(app, pilot)
        await pilot.press("f")
        fields = await screen_shown(pilot, FieldsDialog)
        fields.query_one("#field-shared_goal", Input).value = "Safer park"
        SessionService(service.path).sign_off(talks, police)
        await pilot.press("enter", "enter", "enter")
        dialog = await screen_shown(pilot, ConfirmDialog)
        assert "Meanwhile the party Police signed off." in dialog.message
        assert "1 party has signed off “Talks” (Police). Changing the agreement fields" in dialog.message
        await pilot.press("escape")
        await closed(pilot, app)
        assert signed(service, talks) == {police} and fresh(service).fields_for(talks) == {}


async def test_a_removal_asked_again_when_a_party_signed_and_made_once_on_yes(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    service = empty_session
    talks, police, town, commitment = with_commitment(service)
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await key_on(pilot, app, commitment, "x")
        assert "We walk" in dialog.message and "(Police). Removing it reopens its sign-off" in dialog.message
        town_signs_on_its_phone(service, talks, town)
        await pilot.click("#confirm")
        await asked_again(pilot, "We walk", "Removing it reopens their sign-offs")
        assert fresh(service).commitments and signed(service, talks) == {police, town}
        await pilot.click("#confirm")
        await until(pilot, lambda: not fresh(service).commitments)
        after = fresh(service)
        assert count(after, "commitment.removed") == 1 and signed(service, talks) == set()
        assert sorted(after.events[-1].data["reopened"]) == sorted([police, town])


async def test_a_removal_of_a_commitment_edited_meanwhile_asks_with_the_new_text(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    service = empty_session
    talks, police, _town = talks_signed_by_police(service)
    commitment = service.add_commitment(talks, police, "We walk")
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await key_on(pilot, app, commitment, "x")
        SessionService(service.path).update_commitment(commitment, "We walk and talk")
        await pilot.click("#confirm")
        dialog = await screen_shown(pilot, ConfirmDialog)
        await until(pilot, lambda: "We walk and talk" in dialog.message, "asked with the new text")
        assert dialog.message.startswith("Another device changed this while the question was open")
        await pilot.click("#cancel")
        await closed(pilot, app)
        assert [c.text for c in fresh(service).commitments] == ["We walk and talk"]


async def test_the_role_grid_asks_again_when_a_party_signed_meanwhile(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    service = empty_session
    talks, police, town = talks_signed_by_police(service)
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_agree(app, pilot)
        await pilot.press("g")
        await screen_shown(pilot, RoleGridScreen)
        await pilot.press("1")
        await screen_shown(pilot, ConfirmDialog)
        town_signs_on_its_phone(service, talks, town)
        await pilot.click("#confirm")
        await asked_again(pilot, "Changing the role of Police")
        await pilot.click("#cancel")
        await closed(pilot, app)
        assert signed(service, talks) == {police, town} and fresh(service).roles_for(talks) == {}


async def test_the_placement_screen_asks_again_when_a_party_signed_meanwhile(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    service = empty_session
    talks, place = placed_and_signed(service, "police")
    police, town = fresh(service).activity(talks).party_ids
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await recorded_as_cooperation(pilot, app, place, talks)
        dialog = await screen_shown(pilot, ConfirmDialog)
        assert "(Police). Recording this agreement reopens its sign-off" in dialog.message
        town_signs_on_its_phone(service, talks, town)
        await pilot.click("#confirm")
        await asked_again(pilot, "Recording this agreement reopens their sign-offs")
        await pilot.click("#cancel")
        await closed(pilot, app)
        assert isinstance(app.screen, PlacementScreen) and signed(service, talks) == {police, town}
        assert fresh(service).activity(talks).agreed_current == "communication"
        assert app.screen.query_one("#agree-current", RungPicker).value == "cooperation"  # as chosen


async def test_a_rung_recorded_elsewhere_while_asked_is_asked_about_not_written_over(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    """While the placement screen asked whether to reopen the sign-offs, another device moved
    the card (which reopened them). Yes then asks about that rung by name; "save mine" records
    this form's rung once, over a rung the facilitator has now seen."""
    service = empty_session
    talks, place = placed_and_signed(service, "police")
    app = make_app(session=service, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await recorded_as_cooperation(pilot, app, place, talks)
        await screen_shown(pilot, ConfirmDialog)
        SessionService(service.path).agree(talks, current="collaboration")  # another device, meanwhile
        await pilot.click("#confirm")
        clash = await screen_shown(pilot, ConfirmDialog)
        await until(pilot, lambda: "It is now “4. Collaboration”" in clash.message, "the rung asked about")
        assert fresh(service).activity(talks).agreed_current == "collaboration"
        before = count(fresh(service), "activity.agreed")
        await pilot.click("#confirm")  # save mine
        await until(pilot, lambda: fresh(service).activity(talks).agreed_current == "cooperation")
        assert count(fresh(service), "activity.agreed") == before + 1


async def test_sign_all_asked_again_when_the_agreement_changed_while_asked(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    """All present parties sign off on the agreement the room saw: a role set on another
    device while the question was open is asked about again; a party that signed on its
    phone meanwhile is left out of the question (and not signed twice)."""
    service = empty_session
    talks, police, town = talks_agreed(service)
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_agree(app, pilot)
        await pilot.press("S")
        dialog = await screen_shown(pilot, ConfirmDialog)
        assert "Police, Town" in dialog.message
        SessionService(service.path).set_role(talks, police, "lead")  # another device, meanwhile
        await pilot.click("#confirm")
        dialog = await screen_shown(pilot, ConfirmDialog)
        await until(pilot, lambda: dialog.message.startswith("Another device changed this"), "asked again")
        assert signed(service, talks) == set()
        town_signs_on_its_phone(service, talks, town)
        await pilot.click("#confirm")
        dialog = await screen_shown(pilot, ConfirmDialog)
        await until(pilot, lambda: "Town" not in dialog.message, "asked without Town")
        assert "Sign off “Talks” for the one party present: Police?" in dialog.message
        await pilot.click("#confirm")
        await until(pilot, lambda: signed(service, talks) == {police, town})
        assert count(fresh(service), "signoff.given") == 2


def race_at_sign_off(monkeypatch: object, at: int, meanwhile: Callable[[SessionService, str], None]) -> None:
    """Before the app's `at`-th sign-off is written (after the question was answered yes),
    `meanwhile(a second service on the file, activity)` lands: another process, a phone."""
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    real, calls = SessionService.sign_off, [0]

    def racing(
        self: SessionService, activity_id: str, party_id: str, actor: Any = None, *, mark: int = -1
    ) -> Any:
        calls[0] += 1
        if calls[0] == at:  # in a context of its own: not bound by the app's `reopening_at_most`
            contextvars.Context().run(meanwhile, SessionService(self.path), activity_id)
        return real(self, activity_id, party_id, actor, mark=mark)

    monkeypatch.setattr(SessionService, "sign_off", racing)


async def test_sign_all_signs_nobody_on_a_role_set_between_its_writes(
    make_app: MakeApp, empty_session: SessionService, monkeypatch: object
) -> None:
    """A role set by another process after Yes, between Police's and Town's sign-off: Town's is
    refused under the lock (its agreement is not the one asked about), Police's was voided by
    the change, and the room is asked again; Yes signs both on the agreement it now sees."""
    service = empty_session
    talks, police, town = talks_agreed(service)
    race_at_sign_off(monkeypatch, 2, lambda other, activity: other.set_role(activity, police, "lead"))
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_agree(app, pilot)
        await pilot.press("S")
        await screen_shown(pilot, ConfirmDialog)
        await pilot.click("#confirm")
        dialog = await screen_shown(pilot, ConfirmDialog)
        await until(pilot, lambda: dialog.message.startswith("Another device changed this"), "asked again")
        assert signed(service, talks) == set()  # nobody signed on the changed agreement
        await pilot.click("#confirm")
        await until(pilot, lambda: signed(service, talks) == {police, town})
        events = fresh(service).events
        role_at = next(e.seq for e in events if e.kind == "role.set")
        assert [e.seq > role_at for e in events if e.kind == "signoff.given"] == [False, True, True]


async def test_sign_all_leaves_out_a_party_that_signed_on_its_phone_after_yes(
    make_app: MakeApp, empty_session: SessionService, monkeypatch: object
) -> None:
    """Town signs on its phone after Yes, before the write: no second sign-off in the log."""
    service = empty_session
    talks, police, town = talks_agreed(service)
    phone = SessionService.sign_off
    race_at_sign_off(monkeypatch, 1, lambda other, activity: phone(other, activity, town))
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_agree(app, pilot)
        await pilot.press("S")
        await screen_shown(pilot, ConfirmDialog)
        await pilot.click("#confirm")
        await until(pilot, lambda: signed(service, talks) == {police, town})
        assert count(fresh(service), "signoff.given") == 2
