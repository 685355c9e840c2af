"""Every other path that changes a signed agreement asks first, through the real app.

The roles view (a role, a commitment, an expectation, an answer, a field, a removal), the
role grid and the placement screen (record the agreement again, a re-vote) name the parties
whose sign-offs the change would reopen before it is made; Cancel and Escape change nothing,
and a question comes before a dialog to type in, so nothing typed is lost."""

from __future__ import annotations

from textual.pilot import Pilot

from facilitator.core.model import Session
from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.dialogs.common import ConfirmDialog
from facilitator.ui.dialogs.roles import CommitmentDialog, RoleDialog
from facilitator.ui.screens.placement import PlacementScreen
from facilitator.ui.views.board import BoardView
from facilitator.ui.views.role_grid import RoleGridScreen
from facilitator.ui.widgets.ladder import LadderBoard
from facilitator.ui.widgets.rungs import RungPicker

from .helpers import MakeApp, fresh, notifications, open_view, screen_shown, until
from .test_agree import cursor_to, open_agree


def talks_agreed(service: SessionService, *signing: str) -> tuple[str, str, str]:
    """Talks of Police and Town, agreed on communication, in the agree phase; signed off by
    the parties named in `signing` ("police", "town")."""
    police, town = service.add_party("Police"), service.add_party("Town")
    talks = service.add_activity("Talks", party_ids=[police, town])
    service.agree(talks, current="communication")
    service.set_phase(next(p.id for p in service.scenario.agenda if p.kind == "agree"))
    for party in signing:
        service.sign_off(talks, {"police": police, "town": town}[party])
    return talks, police, town


def signed_talks(service: SessionService) -> tuple[str, str, str]:
    """Talks of Police and Town, agreed on communication and signed off by both."""
    return talks_agreed(service, "police", "town")


def unchanged(service: SessionService, before: Session) -> bool:
    after = fresh(service)
    return [e.kind for e in after.events] == [e.kind for e in before.events]


def as_signed(service: SessionService, talks: str) -> bool:
    """Still on its rung, signed off by both (opening the placement screen is an event too)."""
    after = fresh(service)
    return after.activity(talks).agreed_current == "communication" and len(after.signoffs_for(talks)) == 2


def placed_and_signed(service: SessionService, *signing: str) -> tuple[str, str]:
    """Talks of Police and Town, placed, revealed, agreed on communication and signed off by
    both (or by the parties named in `signing`: "police", "town"); the room back on the
    placing phase. The activity and that phase."""
    police, town = service.add_party("Police"), service.add_party("Town")
    talks = service.add_activity("Talks", party_ids=[police, town])
    place = next(p.id for p in service.scenario.agenda if p.kind == "place")
    service.set_phase(place)
    service.place(talks, police, "communication", "cooperation")
    service.reveal(talks)
    service.agree(talks, current="communication")
    service.set_phase(next(p.id for p in service.scenario.agenda if p.kind == "agree"))
    for party in signing or ("police", "town"):
        service.sign_off(talks, {"police": police, "town": town}[party])
    service.set_phase(place)
    return talks, place


async def recorded_as_cooperation(
    pilot: Pilot[int], app: FacilitatorApp, place: str, talks: str
) -> PlacementScreen:
    """The placement screen opened on the card, its agreement set to cooperation and recorded."""
    view = await open_view(app, pilot, place, BoardView)
    view.query_one("#board", LadderBoard).select(talks)
    await pilot.press("enter")
    screen = await screen_shown(pilot, PlacementScreen)
    await pilot.press("a")
    await pilot.pause()
    screen.query_one("#agree-current", RungPicker).value = "cooperation"
    screen.action_record()
    return screen


async def asked(pilot: Pilot[int], *words: str) -> ConfirmDialog:
    dialog = await screen_shown(pilot, ConfirmDialog)
    for word in ("2 parties have signed off “Talks” (Police, Town)", *words):
        assert word in dialog.message, dialog.message
    return dialog


async def closed(pilot: Pilot[int], app: FacilitatorApp) -> None:
    await until(pilot, lambda: not isinstance(app.screen, ConfirmDialog), "the question to close")


async def test_a_role_asks_after_the_choice_and_cancel_keeps_the_sign_offs(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    talks, police, _town = signed_talks(empty_session)
    before = fresh(empty_session)
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        await cursor_to(pilot, view, f"party:{police}")
        await pilot.press("r")
        await screen_shown(pilot, RoleDialog)
        await pilot.press("enter")  # the role suggested
        await asked(pilot, "Changing the role of Police reopens their sign-offs")
        await pilot.press("escape")
        await closed(pilot, app)
        assert unchanged(empty_session, before)
        await pilot.press("r")
        await screen_shown(pilot, RoleDialog)
        await pilot.press("enter")
        await asked(pilot)
        await pilot.click("#confirm")
        await until(pilot, lambda: fresh(empty_session).roles_for(talks).get(police) is not None)
        assert fresh(empty_session).signoffs_for(talks) == ()
        await until(pilot, lambda: any("Sign-offs reopened: Police, Town" in n for n in notifications(app)))


async def test_a_commitment_is_asked_about_before_its_dialog_opens(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    talks, police, _town = signed_talks(empty_session)
    empty_session.add_commitment(talks, police, "We walk")  # reopens; sign again
    empty_session.sign_off(talks, police)
    before = fresh(empty_session)
    commitment = before.commitments[0].id
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        await cursor_to(pilot, view, f"party:{police}")
        await pilot.press("c")
        dialog = await screen_shown(pilot, ConfirmDialog)
        assert (
            "1 party has signed off “Talks” (Police). Adding a commitment reopens its sign-off"
            in dialog.message
        )
        await pilot.press("enter")  # starts on Cancel
        await closed(pilot, app)
        assert not isinstance(app.screen, CommitmentDialog) and unchanged(empty_session, before)
        await pilot.press("c")
        await screen_shown(pilot, ConfirmDialog)
        await pilot.press("left", "enter")
        await screen_shown(pilot, CommitmentDialog)  # now the typing, nothing lost
        await pilot.press("escape")
        await cursor_to(pilot, view, f"commitment:{commitment}")
        await pilot.press("x")  # a removal says it in its own question
        dialog = await screen_shown(pilot, ConfirmDialog)
        assert "We walk" in dialog.message and "Removing it reopens its sign-off" in dialog.message
        await pilot.press("escape")
        await closed(pilot, app)
        assert unchanged(empty_session, before)


async def test_the_role_grid_asks_before_a_digit_reopens_sign_offs(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    talks, police, _town = signed_talks(empty_session)
    before = fresh(empty_session)
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_agree(app, pilot)
        await pilot.press("g")
        await screen_shown(pilot, RoleGridScreen)
        await pilot.press("1")
        await asked(pilot, "Changing the role of Police")
        await pilot.press("escape")
        await closed(pilot, app)
        assert unchanged(empty_session, before)
        await pilot.press("1")
        await asked(pilot)
        await pilot.click("#confirm")
        await until(pilot, lambda: fresh(empty_session).roles_for(talks).get(police) == "lead")
        assert fresh(empty_session).signoffs_for(talks) == ()


async def test_recording_a_signed_agreement_again_asks_first(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    service = empty_session
    talks, place = placed_and_signed(service)
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await recorded_as_cooperation(pilot, app, place, talks)
        await asked(pilot, "Recording this agreement reopens their sign-offs")
        await pilot.press("escape")
        await closed(pilot, app)
        assert isinstance(app.screen, PlacementScreen) and as_signed(service, talks)
        assert screen.query_one("#agree-current", RungPicker).value == "cooperation"  # as chosen
        screen.action_revote()
        await asked(pilot, "A new round reopens their sign-offs")
        await pilot.press("escape")
        await closed(pilot, app)
        assert as_signed(service, talks) and fresh(service).activity(talks).round == 1
        screen.action_record()
        await asked(pilot)
        await pilot.click("#confirm")
        await until(pilot, lambda: fresh(service).activity(talks).agreed_current == "cooperation")
        assert fresh(service).signoffs_for(talks) == ()
        await until(pilot, lambda: any("sign-offs reopened for 2 parties" in n for n in notifications(app)))
