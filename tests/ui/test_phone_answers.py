"""A party's own word from its phone is never replaced unseen, and the answer form saves what it
says it will (F19): through the real app, the phone a second service on the same file."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Label

from facilitator.core.party import PartyService
from facilitator.core.service import SessionService
from facilitator.ui.dialogs.common import ConfirmDialog
from facilitator.ui.dialogs.expectations import AnswerDialog
from facilitator.ui.dialogs.roles import CommitmentDialog

from .helpers import MakeApp, fresh, screen_shown, until
from .test_agree import Workshop, back_to_view, build, cursor_to, open_agree, plain

ASKED = "Ootame, et te teavitate meid noorte kogunemistest"
AMENDED = "Teavitame kord nädalas; -- mitte iga päev"


def phone(service: SessionService, party_id: str, name: str = "Jüri") -> PartyService:
    """A participant's phone: another process's service, through its party's facade."""
    return SessionService(service.path).for_party(party_id, device="phone-1", name=name)


def amended_from_phone(service: SessionService) -> tuple[Workshop, str]:
    """Police expects something of Town; Town's phone answers with an amendment."""
    w = build(service)
    service.set_phase("agree")
    asked = service.add_expectation(w.talks, w.police, w.town, ASKED)
    phone(service, w.town).answer_expectation(asked, "amended", AMENDED)
    return w, asked


def stored(service: SessionService, asked: str) -> tuple[str, str, str]:
    e = next(e for e in fresh(service).expectations if e.id == asked)
    return e.state, e.text, e.response


async def test_accepting_over_a_phones_amendment_asks_and_saves_what_it_said(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    """F19: ↑ to Accept kept the amendment as a "note" of the original, and nothing asked."""
    _w, asked = amended_from_phone(empty_session)
    app = make_app(session=empty_session, lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        await cursor_to(pilot, view, f"expectation:{asked}")
        await pilot.press("enter")
        answer = await screen_shown(pilot, AnswerDialog)
        will_save = answer.query_one("#answer-will-save", Label)
        assert plain(will_save) == f"Salvestatakse: ✎ muudetud — „{AMENDED}“"
        await pilot.press("up")  # to Accept: the amendment is no note of an acceptance
        assert plain(will_save) == f"Salvestatakse: ✓ vastu võetud nii, nagu oodati — „{ASKED}“"
        await pilot.press("ctrl+s")
        question = await screen_shown(pilot, ConfirmDialog)
        said = plain(question.query_one(".dialog-message", Label))
        assert said.startswith("Osapool Town vastas telefonist (Jüri): ✎ muudetud")
        assert f"sinu vastusega: ✓ vastu võetud nii, nagu oodati — „{ASKED}“?" in said
        await pilot.press("enter")  # Cancel has the focus
        await back_to_view(pilot)
        assert stored(empty_session, asked) == ("amended", ASKED, AMENDED)

        await cursor_to(pilot, view, f"expectation:{asked}")
        await pilot.press("enter")
        await screen_shown(pilot, AnswerDialog)
        await pilot.press("up", "ctrl+s")
        await screen_shown(pilot, ConfirmDialog)
        await pilot.click("#confirm")
        await back_to_view(pilot)
    assert stored(empty_session, asked) == ("accepted", ASKED, "")
    event = fresh(empty_session).events[-1]
    assert (event.kind, event.device) == ("expectation.answered", "")


async def test_an_answer_the_phone_sent_while_the_question_was_open_is_not_overwritten(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    w, asked = amended_from_phone(empty_session)
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        await cursor_to(pilot, view, f"expectation:{asked}")
        await pilot.press("enter")
        await screen_shown(pilot, AnswerDialog)
        await pilot.press("down", "tab", *"No budget", "ctrl+s")
        question = await screen_shown(pilot, ConfirmDialog)
        phone(empty_session, w.town).answer_expectation(asked, "accepted")  # the phone again
        await pilot.click("#confirm")
        await until(pilot, lambda: app.screen is not question, "the next question")
        again = await screen_shown(pilot, ConfirmDialog)
        said = plain(again.query_one(".dialog-message", Label))
        assert f"It is now “✓ accepted as asked — “{ASKED}””" in said
        assert "you wrote “✗ declined — “No budget””" in said
        await pilot.press("enter")  # Cancel: the phone's new answer stays
        await back_to_view(pilot)
    assert stored(empty_session, asked) == ("accepted", ASKED, "")


async def test_replacing_a_phones_answer_is_asked_once_when_a_party_signs_meanwhile(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    """Review: the plan runs again after every question, and the Yes to replacing the phone's
    answer was forgotten: a party signing while the questions were open brought the same
    question back (in a busy room, again and again)."""
    w, asked = amended_from_phone(empty_session)
    empty_session.sign_off(w.talks, w.police)
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        await cursor_to(pilot, view, f"expectation:{asked}")
        await pilot.press("enter")
        await screen_shown(pilot, ConfirmDialog)  # it reopens Police's sign-off
        await pilot.click("#confirm")
        await screen_shown(pilot, AnswerDialog)
        await pilot.press("up", "ctrl+s")
        replace = await screen_shown(pilot, ConfirmDialog)
        assert "Town" in plain(replace.query_one(".dialog-message", Label))
        SessionService(empty_session.path).sign_off(w.talks, w.town)  # Town signs on its phone
        await pilot.click("#confirm")
        await until(pilot, lambda: app.screen is not replace, "the next question")
        meanwhile = await screen_shown(pilot, ConfirmDialog)
        assert "Meanwhile the party Town signed off." in plain(meanwhile.query_one(".dialog-message", Label))
        await pilot.click("#confirm")
        await back_to_view(pilot)  # no third question: the replacing was said yes to
    assert stored(empty_session, asked) == ("accepted", ASKED, "")
    answered = [e for e in fresh(empty_session).events if e.kind == "expectation.answered"]
    assert len(answered) == 2  # the phone's, then the facilitator's once


async def test_the_facilitators_own_answer_changes_without_a_question(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    w = build(empty_session)
    asked = empty_session.add_expectation(w.talks, w.police, w.town, ASKED)
    empty_session.answer_expectation(asked, "amended", AMENDED)
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        await cursor_to(pilot, view, f"expectation:{asked}")
        await pilot.press("enter")
        await screen_shown(pilot, AnswerDialog)
        await pilot.press("up", "ctrl+s")
        await back_to_view(pilot)
        assert not isinstance(app.screen, ConfirmDialog)
    assert stored(empty_session, asked) == ("accepted", ASKED, "")


@pytest.mark.parametrize(
    ("keys", "will_save", "saved"),
    [
        ((), "Save records: ✎ amended — “We share it”", ("amended", "We share it")),
        (("up",), f"Save records: ✓ accepted as asked — “{ASKED}”", ("accepted", "")),
        (
            ("up", "tab", *"from May"),
            f"Save records: ✓ accepted as asked — “{ASKED}”; note: “from May”",
            ("accepted", "from May"),
        ),
        (("down",), "Save records: ✗ declined", None),
        (("down", "tab", *"No staff"), "Save records: ✗ declined — “No staff”", ("declined", "No staff")),
        (("down", "down"), "Save records: ○ open", ("open", "")),
        (("up", "down"), "Save records: ✎ amended — “We share it”", ("amended", "We share it")),
    ],
)
async def test_what_the_answer_form_says_it_saves_is_what_is_stored(
    make_app: MakeApp,
    empty_session: SessionService,
    keys: tuple[str, ...],
    will_save: str,
    saved: tuple[str, str] | None,
) -> None:
    """Every answer state the form can be in: its "Save records" line, then the stored answer."""
    w = build(empty_session)
    asked = empty_session.add_expectation(w.talks, w.police, w.town, ASKED)
    empty_session.answer_expectation(asked, "amended", "We share it")
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        await cursor_to(pilot, view, f"expectation:{asked}")
        await pilot.press("enter")
        answer = await screen_shown(pilot, AnswerDialog)
        await pilot.press(*keys)
        assert plain(answer.query_one("#answer-will-save", Label)) == will_save
        await pilot.press("ctrl+s")
        if saved is None:  # a decline needs its reason: the form stays, nothing saved
            await pilot.pause()
            assert isinstance(app.screen, AnswerDialog)
            assert stored(empty_session, asked) == ("amended", ASKED, "We share it")
            return
        await back_to_view(pilot)
    state, _text, response = stored(empty_session, asked)
    assert (state, response) == saved


# ----------------------------------------------------------------- the party's other words


def phone_words_in(service: SessionService) -> tuple[Workshop, str, str]:
    """Town's phone (Jüri) commits, expects of Police, and signs off Joint plan."""
    w = build(service)
    service.set_phase("agree")
    town = phone(service, w.town)
    promised = town.add_commitment(w.talks, "We open the hall")
    expects = town.add_expectation(w.talks, w.police, "Come on Fridays")
    return w, promised, expects


async def question_text(pilot: Pilot[int]) -> str:
    question = await screen_shown(pilot, ConfirmDialog)
    return plain(question.query_one(".dialog-message", Label))


async def test_editing_a_commitment_sent_from_a_phone_asks_first(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    _w, promised, _expects = phone_words_in(empty_session)
    app = make_app(session=empty_session, lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        await cursor_to(pilot, view, f"commitment:{promised}")
        await pilot.press("enter")
        await screen_shown(pilot, CommitmentDialog)
        await pilot.press("end", *" on Sundays", "ctrl+s")
        said = await question_text(pilot)
        assert said == (
            "Osapool Town kirjutas selle lubaduse telefonist (Jüri): „We open the hall“. "
            "Kas asendada see sinu tekstiga: „We open the hall on Sundays“?"
        )
        await pilot.press("enter")  # Cancel has the focus
        await back_to_view(pilot)
        (kept,) = fresh(empty_session).commitments
        assert kept.text == "We open the hall"
        await cursor_to(pilot, view, f"commitment:{promised}")
        await pilot.press("enter")
        await screen_shown(pilot, CommitmentDialog)
        await pilot.press("end", *" on Sundays", "ctrl+s")
        await screen_shown(pilot, ConfirmDialog)
        await pilot.click("#confirm")
        await back_to_view(pilot)
    (changed,) = fresh(empty_session).commitments
    assert changed.text == "We open the hall on Sundays"


async def test_removing_a_phones_commitment_or_expectation_says_whose_word_it_is(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    w, promised, expects = phone_words_in(empty_session)
    phone(empty_session, w.police, name="Mari").answer_expectation(expects, "declined", "No staff")
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        await cursor_to(pilot, view, f"commitment:{promised}")
        await pilot.press("delete")
        said = await question_text(pilot)
        assert said.endswith("The party Town sent it from a phone (Jüri).")
        await pilot.press("enter")  # Cancel
        await back_to_view(pilot)
        await cursor_to(pilot, view, f"expectation:{expects}")
        await pilot.press("delete")
        said = await question_text(pilot)
        assert said.endswith(
            "The party Town sent it from a phone (Jüri). The party Police sent it from a phone (Mari)."
        )
        await pilot.press("enter")
        await back_to_view(pilot)
    session = fresh(empty_session)
    assert len(session.commitments) == 1 and len(session.expectations) == 1


async def test_withdrawing_a_sign_off_given_from_a_phone_asks_first(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    w, _promised, _expects = phone_words_in(empty_session)
    phone(empty_session, w.town).sign_off(w.talks)
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        await cursor_to(pilot, view, f"party:{w.town}")
        await pilot.press("s")
        said = await question_text(pilot)
        assert said == "The party Town signed off “Joint plan” from a phone (Jüri). Withdraw its sign-off?"
        await pilot.press("enter")  # Cancel
        await back_to_view(pilot)
        assert [s.party_id for s in fresh(empty_session).signoffs_for(w.talks)] == [w.town]
        await pilot.press("s")
        await screen_shown(pilot, ConfirmDialog)
        await pilot.click("#confirm")
        await back_to_view(pilot)
        await until(pilot, lambda: not fresh(empty_session).signoffs_for(w.talks), "the withdrawal")
