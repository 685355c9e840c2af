"""Nothing overwritten unseen: the placement screen with phones placing too, through the real app.

The screen marks the parties that placed from a phone (with the name typed there) and moves on
to the next party that has not; entering a placement over a phone's asks first (Cancel is the
default); the log keeps both, and the phone's page then says the facilitator changed it.
"""

from __future__ import annotations

from facilitator.core.library import SessionLibrary
from facilitator.core.party import PartyService
from facilitator.core.service import SessionService
from facilitator.ui.dialogs.common import ConfirmDialog
from facilitator.ui.screens.placement import RungChoice
from facilitator.web.page import own_placement, party_page, replaced_phone

from .helpers import until
from .test_placement import MakeApp, fresh, make_session, open_placement, screen_text


def phone(service: SessionService, party_id: str, name: str = "Mari Tamm") -> PartyService:
    """A participant's phone: another process's service, through its party's facade."""
    return SessionService(service.path).for_party(party_id, device="phone-1", name=name)


async def test_a_phones_placement_is_marked_and_the_screen_moves_on(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service = make_session(ui_library)
    activity = service.session.activities[0]
    police, municipality, _youth = activity.party_ids
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_placement(app, pilot)
        assert "Police: where is this activity now?" in screen_text(app)
        phone(service, police).place(activity.id, "communication", "cooperation")
        app.sessions.check(screen.service)
        await pilot.pause()
        text = screen_text(app, skip=(RungChoice,))
        assert "✓ placed Police from a phone: Mari Tamm" in text
        assert "Municipality: where is this activity now?" in text  # on to the next who has not
        assert screen.party_id == municipality
        phone(service, municipality, name="").place(activity.id, "cooperation", "cooperation")
        app.sessions.check(screen.service)
        await pilot.pause()
        assert "✓ placed Municipality from a phone" in screen_text(app, skip=(RungChoice,))
        assert "Youth workers: where is this activity now?" in screen_text(app)


async def test_entering_over_a_phones_placement_asks_first_and_cancel_keeps_it(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service = make_session(ui_library)
    activity = service.session.activities[0]
    police = activity.party_ids[0]
    service.open_placement(activity.id)
    phone(service, police).place(activity.id, "communication", "cooperation")
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_placement(app, pilot)
        assert screen.party_id != police  # the screen starts with a party that has not placed
        await pilot.press("home", "enter")  # the facilitator picks Police to place again
        await pilot.pause()
        assert "Police: where is this activity now?" in screen_text(app)
        await pilot.press("3", "4")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        assert "The party Police placed from a phone (Mari Tamm): replace it?" in screen_text(app)
        await pilot.press("enter")  # Cancel has the focus
        await until(pilot, lambda: not isinstance(app.screen, ConfirmDialog), "the answer")
        (kept,) = fresh(service).session.placements
        assert (kept.current, kept.by, kept.device) == ("communication", "Mari Tamm", "phone-1")

        await pilot.press("home", "enter", "3", "4")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question again")
        await pilot.press("y")  # a letter never confirms a replacement
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#confirm")
        await until(pilot, lambda: not _phone_is_last(service), "save")
    session = fresh(service).session
    (replaced,) = session.placements
    assert (replaced.current, replaced.wished, replaced.device) == ("coordination", "collaboration", "")
    assert replaced.replaced_by == "Mari Tamm"
    placed = [(e.device, e.data["current"]) for e in session.events if e.kind == "placement.recorded"]
    assert placed == [("phone-1", "communication"), ("", "coordination")]  # the log keeps both
    # The phone's page says the facilitator changed it.
    view = party_page(
        session, police, session.room.phase, activity.id, 1, "", own_placement(session, activity.id, police)
    )
    assert view.open is not None and view.open.changed_by_facilitator == "Mari Tamm"
    assert replaced_phone(replaced) == "Mari Tamm"


def _phone_is_last(service: SessionService) -> bool:
    events = [e for e in fresh(service).session.events if e.kind == "placement.recorded"]
    return events[-1].device == "phone-1"


async def test_the_question_in_estonian(make_app: MakeApp, ui_library: SessionLibrary) -> None:
    service = make_session(
        ui_library, lang="et", parties=("Politsei", "Vald"), activities=(("Ümarlaud", (0, 1)),)
    )
    activity = service.session.activities[0]
    police = activity.party_ids[0]
    service.open_placement(activity.id)
    phone(service, police).place(activity.id, "communication", "cooperation")
    app = make_app(session=service, lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        await open_placement(app, pilot)
        assert "✓ paigutanud Politsei telefonist: Mari Tamm" in screen_text(app, skip=(RungChoice,))
        await pilot.press("home", "enter", "2", "2")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        question = "Selle osapoole paigutus on telefonist (Mari Tamm): Politsei. Kas asendada see?"
        assert question in screen_text(app)
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, ConfirmDialog), "the answer")
    assert fresh(service).session.placements[0].device == "phone-1"
