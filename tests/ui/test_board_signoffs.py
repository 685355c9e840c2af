"""Moving a card on the board never undoes a recorded answer unseen, through the real app.

A move that would reopen sign-offs asks first, naming the parties and the rung (the rung
named is the one recorded), starts on Cancel, and says after what it reopened; a card whose
blind round is open is not given an agreed rung before its reveal (keys, digits, drag)."""

from __future__ import annotations

from textual.pilot import Pilot

from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.dialogs.common import ConfirmDialog
from facilitator.ui.views.board import BoardView
from facilitator.ui.widgets.ladder import LadderBoard
from facilitator.ui.widgets.ladder_columns import TRAY

from .helpers import MakeApp, fresh, notifications, open_view, screen_shown, until

EVENINGS = "District police officer's themed evenings"
REPORTS = "Residents' reports to the police"


def on_place_phase(service: SessionService) -> SessionService:
    place = next(p.id for p in service.scenario.agenda if p.kind == "place")
    service.set_phase(place)
    return service


def activity_id(service: SessionService, title: str) -> str:
    return next(a.id for a in service.session.activities if a.title.startswith(title))


async def board_with(pilot: Pilot[int], app: FacilitatorApp, wanted: str) -> LadderBoard:
    place = next(p.id for p in find_scenario("community-safety").agenda if p.kind == "place")
    view = await open_view(app, pilot, place, BoardView)
    board = view.query_one("#board", LadderBoard)
    board.select(wanted)
    await pilot.pause()
    return board


def card_offset(board: LadderBoard, key: str, wanted: str) -> tuple[int, int]:
    x, y = board.card_offset(key, board.column(key).ids.index(wanted))
    return (x, y + 1)


async def question(pilot: Pilot[int]) -> ConfirmDialog:
    return await screen_shown(pilot, ConfirmDialog)


async def test_moving_a_signed_card_asks_first_and_cancel_or_escape_change_nothing(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    service = on_place_phase(demo_session)
    evenings = activity_id(service, EVENINGS)
    before = fresh(service)
    assert (
        len(before.signoffs_for(evenings)) == 4
        and before.activity(evenings).agreed_current == "communication"
    )
    app = make_app(session=service)
    async with app.run_test(size=(160, 50)) as pilot:
        board = await board_with(pilot, app, evenings)
        await pilot.press("u")
        dialog = await question(pilot)
        text = dialog.message
        assert "4 parties have signed off" in text and "District police officer" in text
        assert "Moving it to 2. Cooperation reopens their sign-offs" in text
        for party in before.activity(evenings).party_ids:
            assert before.party_name(party) in text
        assert app.focused is not None and app.focused.id == "cancel"  # a sign-off does not come back
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, ConfirmDialog), "the question to close")
        await pilot.press("u")
        await question(pilot)
        await pilot.press("enter")  # on Cancel
        await until(pilot, lambda: not isinstance(app.screen, ConfirmDialog), "the question to close")
        await pilot.press("d")  # down: off the ladder, asked too
        dialog = await question(pilot)
        assert "Taking it off the ladder reopens" in dialog.message
        await pilot.click("#cancel")
        await pilot.pause()
        after = fresh(service)
        assert after.activity(evenings).agreed_current == "communication"
        assert len(after.signoffs_for(evenings)) == 4
        assert [e.kind for e in after.events] == [e.kind for e in before.events]
        assert board.column_of(evenings) == "communication"


async def test_a_confirmed_move_records_the_rung_named_and_says_what_it_reopened(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    service = on_place_phase(demo_session)
    evenings = activity_id(service, EVENINGS)
    app = make_app(session=service)
    async with app.run_test(size=(160, 50)) as pilot:
        board = await board_with(pilot, app, evenings)
        await pilot.press("3")  # the third rung: Coordination
        dialog = await question(pilot)
        assert "Moving it to 3. Coordination" in dialog.message
        await pilot.press("left", "enter")  # from Cancel to Move
        await until(pilot, lambda: fresh(service).activity(evenings).agreed_current == "coordination")
        after = fresh(service)
        assert after.signoffs_for(evenings) == ()
        assert sorted(after.events[-1].data["reopened"]) == sorted(after.activity(evenings).party_ids)
        await until(pilot, lambda: any("sign-offs reopened for 4 parties" in n for n in notifications(app)))
        # Moving back asks nothing more (nobody has signed since) and restores nothing unseen.
        await pilot.press("1")
        await until(pilot, lambda: fresh(service).activity(evenings).agreed_current == "communication")
        assert board.column_of(evenings) == "communication"


async def test_dragging_a_signed_card_asks_first_by_mouse(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    service = on_place_phase(demo_session)
    evenings = activity_id(service, EVENINGS)
    app = make_app(session=service)
    async with app.run_test(size=(160, 50)) as pilot:
        board = await board_with(pilot, app, evenings)
        target = board.column("cooperation").ids[0]
        await pilot.mouse_down(board, offset=card_offset(board, "communication", evenings))
        await pilot.mouse_up(board, offset=card_offset(board, "cooperation", target))
        dialog = await question(pilot)
        assert "Moving it to 2. Cooperation" in dialog.message
        await pilot.click("#cancel")
        await pilot.pause()
        assert len(fresh(service).signoffs_for(evenings)) == 4
        await pilot.mouse_down(board, offset=card_offset(board, "communication", evenings))
        await pilot.mouse_up(board, offset=card_offset(board, "cooperation", target))
        await question(pilot)
        await pilot.click("#confirm")
        await until(pilot, lambda: fresh(service).activity(evenings).agreed_current == "cooperation")
        assert fresh(service).signoffs_for(evenings) == ()


async def test_a_party_signing_while_the_question_is_open_is_asked_about_again(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service = ui_library.create(find_scenario("community-safety"), "Signing meanwhile")
    police, town = service.add_party("Police"), service.add_party("Town")
    talks = service.add_activity("Talks", party_ids=[police, town])
    service.agree(talks, current="communication")
    agree = next(p.id for p in service.scenario.agenda if p.kind == "agree")
    service.set_phase(agree)
    service.sign_off(talks, police)
    on_place_phase(service)
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await board_with(pilot, app, talks)
        await pilot.press("u")
        dialog = await question(pilot)
        assert "1 party has signed off" in dialog.message and "(Police)" in dialog.message
        other = SessionService(service.path)
        other.set_phase(agree)
        other.sign_off(talks, town)  # another device, while the question is open
        on_place_phase(other)
        await pilot.click("#confirm")
        dialog = await question(pilot)  # asked again: Town signed meanwhile
        assert "2 parties have signed off" in dialog.message and "Police, Town" in dialog.message
        await pilot.click("#cancel")
        await pilot.pause()
        assert len(fresh(service).signoffs_for(talks)) == 2
        assert fresh(service).activity(talks).agreed_current == "communication"


async def test_the_question_in_estonian(make_app: MakeApp, ui_library: SessionLibrary) -> None:
    from facilitator.core.demo import create_demo

    service = on_place_phase(create_demo(ui_library, find_scenario("kogukondlik-turvalisus")))
    first = next(a for a in service.session.activities if len(service.session.signoffs_for(a.id)) == 4)
    app = make_app(session=service, lang="et")
    async with app.run_test(size=(160, 50)) as pilot:
        await board_with(pilot, app, first.id)
        await pilot.press("u")
        dialog = await question(pilot)
        assert "kokkuleppe on kinnitanud 4 osapoolt" in dialog.message
        assert "avab nende kinnitused uuesti" in dialog.message
        assert str(dialog.query_one("#confirm").label) == "Liiguta"  # type: ignore[attr-defined]


async def test_an_unrevealed_round_gets_no_agreed_rung_by_key_digit_or_drag(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    service = on_place_phase(demo_session)
    reports = activity_id(service, REPORTS)
    session = fresh(service)
    assert not session.activity(reports).revealed and len(session.placements_for(reports)) == 2
    app = make_app(session=service)
    async with app.run_test(size=(160, 50)) as pilot:
        board = await board_with(pilot, app, reports)
        assert board.column_of(reports) == TRAY
        await pilot.press("u")
        await until(pilot, lambda: any("still open: reveal it first" in n for n in notifications(app)))
        await pilot.press("2")
        target = board.column("cooperation").ids[0]
        await pilot.mouse_down(board, offset=card_offset(board, TRAY, reports))
        await pilot.mouse_up(board, offset=card_offset(board, "cooperation", target))
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        after = fresh(service)
        assert after.activity(reports).agreed_current is None
        assert [e.kind for e in after.events] == [e.kind for e in session.events]
        assert board.column_of(reports) == TRAY
