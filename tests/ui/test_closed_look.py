"""Opening a closed workshop (not review) and moving between its phases writes nothing: the
file does not change on a mere look (a tester's finding: ] wrote phase.changed after the close)."""

from __future__ import annotations

from facilitator.core.service import SessionService

from .helpers import MakeApp, fresh, workshop_shown


async def test_moving_between_phases_of_a_closed_workshop_writes_nothing(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    svc = empty_session
    svc.add_party("Politsei")
    svc.close_session()
    before = svc.path.read_bytes()
    app = make_app(session=svc, lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await workshop_shown(pilot)
        first = screen.phase_id
        await pilot.press("right_square_bracket")
        await pilot.pause()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.phase_id != first  # it moved, by key
        await pilot.press("left_square_bracket")
        await pilot.pause()
    assert fresh(svc).events[-1].kind == "session.closed"
    assert svc.path.read_bytes() == before
