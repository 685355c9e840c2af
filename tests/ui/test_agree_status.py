"""The roles view's header at 120x40 in Estonian: a long rung line wraps whole, never leaving
a dangling "·" at a line's end (a tester's finding)."""

from __future__ import annotations

from textual.widgets import Label

from facilitator.core.service import SessionService

from .helpers import MakeApp
from .test_agree import open_agree


async def test_the_status_wraps_without_a_dangling_separator(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    svc = empty_session
    parties = [svc.add_party(name) for name in ("Politsei", "Vallavalitsus", "Kool")]
    svc.add_activity("Ümarlaud", party_ids=parties)
    svc.agree(svc.session.activities[0].id, current="cooperation", wished="coordination")
    app = make_app(session=svc, lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        await pilot.pause()
        label = view.query_one("#agree-status", Label)
        lines = ["".join(s.text for s in strip).rstrip() for strip in label.render_lines(label.size.region)]
        said = " ".join(lines)
        assert "Kooperatsioon → soovitud: 3. Koordinatsioon" in said and "Kinnitanud: 0/3" in said, lines
        assert not any(line.endswith("·") for line in lines), lines
