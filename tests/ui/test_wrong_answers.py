"""No trap records the wrong answer: what is highlighted is what is chosen, what a dialog
will save is in view, and Enter on a picker opens it rather than adding with an old choice."""

from __future__ import annotations

from textual.widgets import Button, Label

from facilitator.core.service import SessionService
from facilitator.ui.dialogs.common import ConfirmDialog
from facilitator.ui.dialogs.expectations import AnswerDialog

from .helpers import MakeApp, fresh, notifications, screen_shown, until
from .test_agree import back_to_view, build, cursor_to, open_agree, plain


async def test_the_answer_highlighted_is_the_answer_saved(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    """Down, Down, Tab, a reason and Enter saved "accepted" once: the arrows only moved a highlight."""
    w = build(empty_session)
    asked = empty_session.add_expectation(w.talks, w.town, w.police, "Fund the hall")
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        await cursor_to(pilot, view, f"expectation:{asked}")
        await pilot.press("enter")
        answer = await screen_shown(pilot, AnswerDialog)
        will_save = answer.query_one("#answer-will-save", Label)
        assert plain(will_save) == "Save records: ✓ accepted as asked — “Fund the hall”"
        await pilot.press("down", "down")  # accept → amend → decline
        assert plain(will_save) == "Save records: ✗ declined"
        await pilot.press("tab", *"No budget")
        assert plain(will_save) == "Save records: ✗ declined — “No budget”"
        await pilot.press("enter")
        await back_to_view(pilot)
    declined = next(e for e in fresh(empty_session).expectations if e.id == asked)
    assert (declined.state, declined.response) == ("declined", "No budget")


async def test_amend_is_chosen_by_the_arrow_alone(make_app: MakeApp, empty_session: SessionService) -> None:
    w = build(empty_session)
    asked = empty_session.add_expectation(w.talks, w.police, w.town, "Share the figures monthly")
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        await cursor_to(pilot, view, f"expectation:{asked}")
        await pilot.press("enter")
        answer = await screen_shown(pilot, AnswerDialog)
        await pilot.press("down", "tab")  # amend, then to the text (it starts as the original)
        await pilot.press("end", *" twice a year")
        assert plain(answer.query_one("#answer-will-save", Label)) == (
            "Save records: ✎ amended — “Share the figures monthly twice a year”"
        )
        await pilot.press("enter")
        await back_to_view(pilot)
    amended = next(e for e in fresh(empty_session).expectations if e.id == asked)
    assert (amended.state, amended.response) == ("amended", "Share the figures monthly twice a year")


async def test_sign_off_then_enter_signs(make_app: MakeApp, empty_session: SessionService) -> None:
    """`S` then Enter did nothing: the confirmation started on Cancel, for a step that can be withdrawn."""
    w = build(empty_session)
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_agree(app, pilot)
        await pilot.press("S")
        await screen_shown(pilot, ConfirmDialog)
        await pilot.press("enter")
        await back_to_view(pilot)
    assert {s.party_id for s in fresh(empty_session).signoffs_for(w.talks)} == set(
        empty_session.session.activity(w.talks).party_ids
    )


async def test_a_destructive_question_starts_on_cancel_and_no_letter_confirms_it(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    app = make_app()
    answers: list[bool | None] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(ConfirmDialog("Delete it?", "button.delete"), answers.append)
        confirm = await screen_shown(pilot, ConfirmDialog)
        await until(pilot, lambda: isinstance(app.focused, Button), "the dialog's focus")
        assert app.focused is confirm.query_one("#cancel", Button)
        await pilot.press("y", "j", "x")  # letters typed by mistake
        assert app.screen is confirm
        await pilot.press("left")  # left and right move between the buttons
        assert app.focused is confirm.query_one("#confirm", Button)
        await pilot.press("right")
        assert app.focused is confirm.query_one("#cancel", Button)
        await pilot.press("enter")
        await until(pilot, lambda: answers == [False], "the answer")
        app.push_screen(ConfirmDialog("Delete it?", "button.delete"), answers.append)
        await screen_shown(pilot, ConfirmDialog)
        await pilot.press("left", "enter")
        await until(pilot, lambda: answers == [False, True], "the answer")


async def test_an_answer_to_an_expectation_removed_meanwhile_is_not_lost_unseen(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    """Another device removed the expectation while the answer was typed: Save said nothing and
    the text was gone. Now the notice says nothing was saved, with what was typed."""
    w = build(empty_session)
    asked = empty_session.add_expectation(w.talks, w.town, w.police, "Fund the hall")
    app = make_app(session=empty_session, lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        await cursor_to(pilot, view, f"expectation:{asked}")
        await pilot.press("enter")
        await screen_shown(pilot, AnswerDialog)
        await pilot.press("down", "down", "tab", *"Raha pole")
        SessionService(empty_session.path).remove_expectation(asked)  # another device
        await until(pilot, lambda: all(e.id != asked for e in view.service.session.expectations))
        await pilot.press("enter")
        await until(pilot, lambda: any("eemaldati vahepeal" in n for n in notifications(app)))
        said = next(n for n in notifications(app) if "eemaldati vahepeal" in n)
        assert said.startswith("Ootus: ") and "midagi ei salvestatud" in said
        assert "Kirjutasid: Raha pole" in said
    assert all(e.id != asked for e in fresh(empty_session).expectations)
