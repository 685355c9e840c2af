"""The roles view says which of a party's words a phone sent, and with which name: the rest the
facilitator entered in the room. The rows keep no author; the log does (`core.authorship`)."""

from __future__ import annotations

from facilitator.core.model import Author
from facilitator.core.service import SessionService
from facilitator.ui.views.agree_items import Item

from .test_agree import MakeApp, build, items, line_for, open_agree


async def test_the_roles_view_says_what_a_phone_sent(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    w = build(empty_session)
    empty_session.set_phase("agree")  # where a phone may speak
    mari = Author("Mari", "d1a2b3c4", w.police)
    jaan = Author("Jaan", "e5f6a7b8", w.town)
    typed = empty_session.add_commitment(w.talks, w.police, "We come to every meeting")
    sent = empty_session.add_commitment(w.talks, w.police, "We bring the figures", actor=mari)
    asked = empty_session.add_expectation(w.talks, w.police, w.town, "Book the hall", actor=mari)
    empty_session.answer_expectation(asked, "accepted", actor=jaan)
    told = empty_session.add_expectation(w.talks, w.town, w.police, "Tell us early")
    empty_session.answer_expectation(told, "declined", "No time")
    app = make_app(session=empty_session)
    async with app.run_test(size=(140, 50)) as pilot:
        listing = items(await open_agree(app, pilot))
        assert line_for(listing, Item("commitment", sent).option_id).endswith(
            "We bring the figures · from a phone (Mari)"
        )
        assert "phone" not in line_for(listing, Item("commitment", typed).option_id)
        from_phone = line_for(listing, Item("expectation", asked).option_id)
        assert "Police → Town · from a phone (Mari)" in from_phone
        assert from_phone.endswith("Book the hall · answered from a phone (Jaan)")
        assert "phone" not in line_for(listing, Item("expectation", told).option_id)
