"""The roles-and-expectations view: roles, commitments, expectations and their answers,
agreement fields, actions, sign-offs (and their reopening), mismatches; keys, mouse and
palette; literal text, both languages, projector mode, small and large terminals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Button, Input, Label, OptionList, RadioSet, SelectionList

from facilitator.core.model import Session
from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.dialogs.actions import ActionDialog, AddMenu
from facilitator.ui.dialogs.common import ConfirmDialog
from facilitator.ui.dialogs.expectations import AnswerDialog, ExpectationDialog
from facilitator.ui.dialogs.fields import FieldsDialog
from facilitator.ui.dialogs.roles import CommitmentDialog, RoleDialog
from facilitator.ui.screens.workshop import WorkshopScreen
from facilitator.ui.views.agree import AgreeView
from facilitator.ui.views.agree_rows import reopened_parties

from .helpers import burst, screen_shown, until, workshop_shown

MakeApp = Callable[..., FacilitatorApp]
HOSTILE = "[@click=app.quit]x [b]bold[/b] [red]"


@dataclass(frozen=True)
class Workshop:
    """A session with known ids."""

    service: SessionService
    police: str
    town: str
    odd: str
    outsider: str
    talks: str  # agreed: collaboration, three parties
    table: str  # no rung agreed yet
    hostile: str  # agreed: communication, titled like markup


def build(service: SessionService) -> Workshop:
    police = service.add_party("Police")
    town = service.add_party("Town")
    odd = service.add_party(HOSTILE)
    outsider = service.add_party("Residents")
    talks = service.add_activity("Joint plan", party_ids=[police, town, odd])
    table = service.add_activity("Round table", party_ids=[police, town])
    hostile = service.add_activity(HOSTILE, party_ids=[town, odd])
    service.agree(talks, current="collaboration", wished="collaboration")
    service.agree(hostile, current="communication")
    return Workshop(service, police, town, odd, outsider, talks, table, hostile)


def fresh(service: SessionService) -> Session:
    """The session as saved on disk, read by a service of its own."""
    return SessionService(service.path).session


def notifications(app: FacilitatorApp) -> list[str]:
    return [n.message for n in app._notifications]


def plain(value: object) -> str:
    """Any prompt or label as plain text, white space squeezed."""
    if isinstance(value, Label):
        value = value.visual
    if isinstance(value, Text | Content):
        return " ".join(value.plain.split())
    console = Console(width=300, force_terminal=False, color_system=None)
    with console.capture() as captured:
        console.print(value)
    return " ".join(captured.get().split())


def lines(listing: OptionList) -> list[str]:
    return [plain(option.prompt) for option in listing.options]


def line_of(listing: OptionList, start: str) -> str:
    return next(text for text in lines(listing) if text.startswith(start))


def line_for(listing: OptionList, option_id: str) -> str:
    return plain(listing.get_option(option_id).prompt)


async def back_to_view(pilot: Pilot[int]) -> None:
    await screen_shown(pilot, WorkshopScreen)
    await pilot.pause()


async def open_agree(app: FacilitatorApp, pilot: Pilot[int]) -> AgreeView:
    screen = await workshop_shown(pilot)
    screen.action_go_phase(next(p.id for p in screen.agenda if p.kind == "agree"))
    await until(pilot, lambda: bool(screen.query(AgreeView)) and screen.query_one(AgreeView).is_mounted)
    view = screen.query_one(AgreeView)
    activities = view.query_one("#agree-activities", OptionList)
    await until(pilot, lambda: app.focused is activities, "the activity list to take the focus")
    return view


def items(view: AgreeView) -> OptionList:
    return view.query_one("#agree-items", OptionList)


async def cursor_to(pilot: Pilot[int], view: AgreeView, option_id: str) -> None:
    """Put the item cursor on a line and the focus in the item list, as arrow keys would."""
    listing = items(view)
    listing.focus()
    listing.highlighted = listing.get_option_index(option_id)
    await pilot.pause()


# --------------------------------------------------------------------------- the pure part


def test_reopened_parties_follow_the_log(empty_session: SessionService) -> None:
    w = build(empty_session)
    service = w.service
    service.sign_off(w.talks, w.police)
    service.sign_off(w.talks, w.town)
    assert reopened_parties(service.session, w.talks) == {}
    service.set_role(w.talks, w.police, "lead")
    assert reopened_parties(service.session, w.talks) == {w.police: "role.set", w.town: "role.set"}
    service.sign_off(w.talks, w.town)  # signing again clears it
    assert reopened_parties(service.session, w.talks) == {w.police: "role.set"}
    assert reopened_parties(service.session, w.table) == {}


# --------------------------------------------------------------------------- roles, commitments, expectations


async def test_roles_commitments_and_expectations_by_keyboard(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    w = build(empty_session)
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        assert plain(view.query_one("#agree-title", Label)) == "Joint plan"
        assert plain(view.query_one("#agree-status", Label)) == (
            "Agreed rung: 4. Collaboration · Signed off: 0 of 3 parties"
        )
        # Right goes into the activity; the cursor starts on the first party.
        await pilot.press("right")
        assert app.focused is items(view)
        assert items(view).highlighted_option.id == f"party:{w.police}"

        # r: the role, picked from the scenario's roles.
        await pilot.press("r")
        role_dialog = await screen_shown(pilot, RoleDialog)
        assert "Lead (leads the activity)" in lines(role_dialog.query_one(OptionList))[0]
        await pilot.press("enter")  # Lead
        await back_to_view(pilot)
        await pilot.press("down", "r")
        role_dialog = await screen_shown(pilot, RoleDialog)
        # Somebody leads now: the cursor starts on the first other role.
        assert role_dialog.query_one(OptionList).highlighted_option.id == "partner"
        await pilot.press("enter")
        await back_to_view(pilot)
        assert fresh(empty_session).roles_for(w.talks) == {w.police: "lead", w.town: "partner"}
        assert line_of(items(view), "Police").startswith("Police Lead ○ not yet 0")
        assert line_of(items(view), "Town").startswith("Town Partner")

        # c: a commitment of the party under the cursor (Town).
        await pilot.press("c")
        commitment = await screen_shown(pilot, CommitmentDialog)
        assert commitment.query_one("#commitment-party").value == w.town
        await pilot.press(*"We will [b]host[/b] it", "enter")
        await back_to_view(pilot)
        (added,) = fresh(empty_session).commitments_for(w.talks)
        assert (added.party_id, added.text) == (w.town, "We will [b]host[/b] it")
        assert items(view).highlighted_option.id == f"commitment:{added.id}"
        assert "Town We will [b]host[/b] it" in lines(items(view))

        # e: an expectation from the cursor's party (Town) to the first other party (Police).
        await pilot.press("e")
        expectation = await screen_shown(pilot, ExpectationDialog)
        assert expectation.query_one("#expectation-from").value == w.town
        assert expectation.query_one("#expectation-to").value == w.police
        assert not expectation.query_one("#expectation-warning").display
        await pilot.press("enter")  # empty: refused in the dialog
        assert plain(expectation.query_one("#form-problem", Label)) == "Write what is expected."
        await pilot.press(*"We expect you to patrol", "enter")
        await back_to_view(pilot)
        (asked,) = fresh(empty_session).expectations_for(w.talks)
        assert (asked.from_party, asked.to_party, asked.state) == (w.town, w.police, "open")
        assert "○ open Town → Police We expect you to patrol" in lines(items(view))

        # Enter on the expectation: the answer dialog; accepting is the default for an open one.
        await pilot.press("enter")
        answer = await screen_shown(pilot, AnswerDialog)
        assert plain(answer.query_one("#form-title", Label)) == "Answer of the party Police to the party Town"
        await pilot.press("ctrl+s")
        await back_to_view(pilot)
        assert fresh(empty_session).expectations_for(w.talks)[0].state == "accepted"
        assert "✓ accepted Town → Police We expect you to patrol" in lines(items(view))

        # The gaps list explains what is still open: HOSTILE has no role, nobody signed off.
        gaps = lines(view.query_one("#agree-gaps", OptionList))
        assert f"⚠ “Joint plan”: the party {HOSTILE} takes part but has no role yet." in gaps
        assert plain(view.query_one("#agree-gaps-heading", Label)).startswith("Mismatches (")


async def test_amend_keeps_the_original_and_decline_needs_a_reason(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    w = build(empty_session)
    first = empty_session.add_expectation(w.talks, w.police, w.town, "Share the figures monthly")
    second = empty_session.add_expectation(w.talks, w.town, w.police, "Fund the hall")
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        # Amend: pick it in the radio set, edit the text (it starts as the original).
        await cursor_to(pilot, view, f"expectation:{first}")
        await pilot.press("enter")
        answer = await screen_shown(pilot, AnswerDialog)
        assert app.focused is answer.query_one(RadioSet)
        await pilot.press("down", "enter")  # from "accept" to "amend"
        response = answer.query_one("#answer-response", Input)
        assert response.value == "Share the figures monthly"
        assert plain(answer.query_one("#answer-response-label", Label)).startswith("The amended text")
        await pilot.click("#save")  # unchanged text: refused
        assert "same as the original" in plain(answer.query_one("#form-problem", Label))
        response.value = "Share the figures [i]twice a year[/i]"
        await pilot.press("ctrl+s")
        await back_to_view(pilot)
        amended = next(e for e in fresh(empty_session).expectations if e.id == first)
        assert (amended.state, amended.text, amended.response) == (
            "amended",
            "Share the figures monthly",
            "Share the figures [i]twice a year[/i]",
        )
        log = [e for e in fresh(empty_session).events if e.data.get("id") == first]
        assert [e.kind for e in log] == ["expectation.added", "expectation.answered"]
        assert log[0].data["text"] == "Share the figures monthly"  # the original, in the log
        shown = line_of(items(view), "✎ amended")
        assert shown == (
            "✎ amended Police → Town Share the figures [i]twice a year[/i] was: Share the figures monthly"
        )

        # Decline: a reason is required.
        await cursor_to(pilot, view, f"expectation:{second}")
        await pilot.press("enter")
        answer = await screen_shown(pilot, AnswerDialog)
        await pilot.press("down", "down", "enter")  # from "accept" to "decline"
        await pilot.press("tab")
        assert app.focused is answer.query_one("#answer-response", Input)
        await pilot.press("enter")
        assert plain(answer.query_one("#form-problem", Label)) == "Give a reason for declining."
        await pilot.press(*"No budget", "enter")
        await back_to_view(pilot)
        declined = next(e for e in fresh(empty_session).expectations if e.id == second)
        assert (declined.state, declined.response) == ("declined", "No budget")
        assert (
            line_of(items(view), "✗ declined") == "✗ declined Town → Police Fund the hall reason: No budget"
        )
        gaps = lines(view.query_one("#agree-gaps", OptionList))
        assert (
            "⚠ “Joint plan”: the party Police declined the expectation of the party Town (“Fund the hall”). "
            "Reason: No budget" in gaps
        )

        # Reopening it ("not answered yet") is possible too.
        await pilot.press("enter")
        await screen_shown(pilot, AnswerDialog)
        await pilot.press("down", "enter", "ctrl+s")  # from "decline" to "not answered yet"
        await back_to_view(pilot)
        assert next(e for e in fresh(empty_session).expectations if e.id == second).state == "open"


async def test_an_expectation_to_an_outsider_is_warned_about_not_refused(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    w = build(empty_session)
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        await pilot.press("e")
        expectation = await screen_shown(pilot, ExpectationDialog)
        expectation.query_one("#expectation-to").value = w.outsider
        await pilot.pause()
        warning = expectation.query_one("#expectation-warning", Label)
        assert warning.display and plain(warning).startswith(
            "The party Residents is not part of this activity"
        )
        expectation.query_one("#expectation-from").value = w.outsider  # the same party: refused
        await pilot.press(*"Come along", "enter")
        assert "make it a commitment" in plain(expectation.query_one("#form-problem", Label))
        expectation.query_one("#expectation-from").value = w.police
        await pilot.click("#save")
        await back_to_view(pilot)
        (asked,) = fresh(empty_session).expectations_for(w.talks)
        assert asked.to_party == w.outsider
        assert "Residents is not part of this activity" in notifications(app)[-1]
        assert "(not in this activity)" in line_of(items(view), "○ open Police → Residents")
        assert any(
            "is not part of this activity" in g for g in lines(view.query_one("#agree-gaps", OptionList))
        )


# --------------------------------------------------------------------------- fields and actions


async def test_a_communication_activity_records_its_flow_directions_with_its_fields(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    w = build(empty_session)
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        assert not any(o.id == "flows:all" for o in items(view).options)  # collaboration: no flows
        await pilot.press("down", "down")  # the communication activity
        await until(pilot, lambda: any(o.id == "flows:all" for o in items(view).options), "the flows line")
        assert line_for(items(view), "flows:all") == "Directions of information flow ○ none chosen yet"
        await cursor_to(pilot, view, "flows:all")
        await pilot.press("enter")
        fields = await screen_shown(pilot, FieldsDialog)
        assert app.focused is fields.query_one("#fields-flows", SelectionList)
        await pilot.press("space", "down", "down", "down", "space", "ctrl+s")  # first and fourth
        await back_to_view(pilot)
        assert fresh(empty_session).activity(w.hostile).flows == ("people-to-police", "police-to-people")
        assert line_for(items(view), "flows:all") == (
            "Directions of information flow From people to the police, From the police to people"
        )
        assert "Saved: Directions of information flow" in notifications(app)


async def test_agreement_fields_typed_in_one_go_go_each_to_its_field(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    """The tester's burst: a field's text, Tab, the next field's text, all arriving together,
    saved the second text into the first field (Tab moved the focus after the keys behind it
    were already routed); the app now holds each key until the one before is handled."""
    w = build(empty_session)
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_agree(app, pilot)
        await pilot.press("f")
        await screen_shown(pilot, FieldsDialog)
        await burst(pilot, [*"Safer park", "tab", *"Two staff", "enter", "enter", *"Each spring", "enter"])
        await back_to_view(pilot)
        assert fresh(empty_session).fields_for(w.talks) == {
            "shared_goals": "Safer park",
            "pooled_resources": "Two staff",
            "when_evaluated": "Each spring",
        }


async def test_agreement_fields_only_with_a_rung_and_saved_from_the_dialog(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    w = build(empty_session)
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        field_lines = [text for text in lines(items(view)) if "○ not filled in yet" in text]
        assert [text.split(" ○")[0] for text in field_lines] == [
            "Shared goals",
            "Pooled resources",
            "Who evaluates the results",
            "When the results are evaluated",
        ]
        # f opens every field of the rung; enter moves on, enter on the last one saves.
        await pilot.press("f")
        fields = await screen_shown(pilot, FieldsDialog)
        assert plain(fields.query_one("#form-title", Label)) == "Agreement fields: 4. Collaboration"
        await pilot.press(*"Safer [b]park[/b]", "enter", *"Two staff", "enter", "enter")
        await pilot.press(*"Each spring", "enter")
        await back_to_view(pilot)
        assert fresh(empty_session).fields_for(w.talks) == {
            "shared_goals": "Safer [b]park[/b]",
            "pooled_resources": "Two staff",
            "when_evaluated": "Each spring",
        }
        assert "Shared goals Safer [b]park[/b]" in lines(items(view))
        assert "Saved: Shared goals, Pooled resources, When the results are evaluated" in notifications(app)

        # Enter on a field line opens the dialog at that field; clearing one asks first.
        await cursor_to(pilot, view, "field:pooled_resources")
        await pilot.press("enter")
        fields = await screen_shown(pilot, FieldsDialog)
        assert app.focused is fields.query_one("#field-pooled_resources", Input)
        await pilot.press("escape")
        await back_to_view(pilot)
        await pilot.press("x")
        confirm = await screen_shown(pilot, ConfirmDialog)
        assert "Clear “Pooled resources”?" in plain(confirm.query_one(Label))
        await pilot.press("left", "enter")
        await back_to_view(pilot)
        assert "pooled_resources" not in fresh(empty_session).fields_for(w.talks)

        # Without an agreed rung: no fields, and the list says what to do first (enter goes there).
        await pilot.press("left", "down")
        await until(pilot, lambda: plain(view.query_one("#agree-title", Label)) == "Round table")
        await pilot.press("f")
        await pilot.pause()
        assert notifications(app)[-1].startswith("No rung agreed yet: the agreement fields follow the rung")
        assert isinstance(app.screen, WorkshopScreen)
        hint = line_of(items(view), "No rung agreed yet.")
        assert "“Place on the ladder”" in hint
        await cursor_to(pilot, view, "goto:place")
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, WorkshopScreen)
        await until(pilot, lambda: screen.phase_id == "place", "the place phase")


async def test_actions_with_owner_due_date_and_done(make_app: MakeApp, empty_session: SessionService) -> None:
    w = build(empty_session)
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        await cursor_to(pilot, view, f"party:{w.town}")
        await pilot.press("n")
        action = await screen_shown(pilot, ActionDialog)
        assert action.query_one("#action-owner").value == w.town
        assert not action.query_one("#action-done").display  # only when editing
        await pilot.press(*"Book the [b]hall[/b]", "enter")
        assert app.focused is action.query_one("#action-due", Input)
        await pilot.press(*"31.02.2026", "enter")  # the right form, no day of the calendar
        assert (
            plain(action.query_one("#form-problem", Label))
            == "“31.02.2026” is not a date (write 2026-12-03 or 03.12.2026)."  # as the CLI says
        )
        await pilot.press("ctrl+u", *"2026-12-01", "enter")
        await back_to_view(pilot)
        (added,) = fresh(empty_session).actions_for(w.talks)
        assert (added.text, added.owner, added.due, added.done) == (
            "Book the [b]hall[/b]",
            w.town,
            "2026-12-01",
            False,
        )
        assert items(view).highlighted_option.id == f"action:{added.id}"
        assert line_of(items(view), "☐").startswith("☐ Book the [b]hall[/b] Town · due 2026-12-01")

        # Space marks it done (and back); the button does the same.
        await pilot.press("space")
        await pilot.pause()
        assert fresh(empty_session).actions_for(w.talks)[0].done
        assert line_of(items(view), "☑").startswith("☑ Book the [b]hall[/b]")
        assert plain(view.query_one("#agree-done", Button).label) == "Not done"
        await pilot.click("#agree-done")
        await pilot.pause()
        assert not fresh(empty_session).actions_for(w.talks)[0].done

        # Enter edits it (owner, due date cleared); delete asks before removing.
        await pilot.press("enter")
        action = await screen_shown(pilot, ActionDialog)
        action.query_one("#action-owner").value = w.police
        action.query_one("#action-due", Input).value = ""
        await pilot.click("#save")
        await back_to_view(pilot)
        edited = fresh(empty_session).actions_for(w.talks)[0]
        assert (edited.owner, edited.due) == (w.police, None)
        assert "Police · no due date" in line_of(items(view), "☐")
        await pilot.press("delete")
        await screen_shown(pilot, ConfirmDialog)
        await pilot.press("escape")  # cancelled: kept
        await back_to_view(pilot)
        assert fresh(empty_session).actions_for(w.talks)
        await pilot.press("delete")
        await screen_shown(pilot, ConfirmDialog)
        await pilot.press("left", "enter")
        await back_to_view(pilot)
        assert not fresh(empty_session).actions_for(w.talks)
        assert "None yet: n (or enter here) adds a next step." in lines(items(view))


# --------------------------------------------------------------------------- sign-offs


async def test_sign_off_and_a_change_reopens_it_visibly(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    w = build(empty_session)
    app = make_app(session=empty_session)
    async with app.run_test(size=(160, 45)) as pilot:
        view = await open_agree(app, pilot)
        await cursor_to(pilot, view, f"party:{w.police}")
        assert view.check_action("sign", ()) and not view.check_action("withdraw", ())
        await pilot.press("s")
        await pilot.pause()
        await cursor_to(pilot, view, f"party:{w.town}")
        await pilot.click("#agree-sign")  # the mouse path
        await pilot.pause()
        assert {s.party_id for s in fresh(empty_session).signoffs_for(w.talks)} == {w.police, w.town}
        assert "The party Town signed off (2 of 3). Mismatches left: 4." in notifications(app)
        assert "✓ signed" in line_of(items(view), "Town")
        assert plain(view.query_one("#agree-sign", Button).label) == "Withdraw sign-off"
        assert plain(view.query_one("#agree-status", Label)).endswith("Signed off: 2 of 3 parties")

        # A role change voids both sign-offs: the core records it, the view says so.
        await pilot.press("r")
        await screen_shown(pilot, RoleDialog)
        await pilot.press("enter")
        await screen_shown(pilot, ConfirmDialog)  # asked first: it reopens both sign-offs
        await pilot.press("left", "enter")
        await back_to_view(pilot)
        session = fresh(empty_session)
        assert session.signoffs_for(w.talks) == ()
        assert session.events[-1].kind == "role.set"
        assert session.events[-1].data["reopened"] == sorted([w.police, w.town])
        assert "Sign-offs reopened: Police, Town — the roles changed (“Joint plan”)" in notifications(app)
        assert "↺ sign again" in line_of(items(view), "Police")
        assert "↺ sign again" in line_of(items(view), "Town")
        assert (
            "↺ Sign-offs reopened (Police, Town): the roles changed. They sign off again once they agree."
            in (lines(items(view)))
        )
        assert "○ not yet" in line_for(items(view), f"party:{w.odd}")

        # A change from elsewhere (the board, another device) is announced the same way.
        await pilot.press("s")
        await pilot.pause()
        view.service.agree(w.talks, current="coordination")
        await pilot.pause()
        assert "Sign-offs reopened: Town — the agreed rung changed (“Joint plan”)" in notifications(app)
        assert plain(view.query_one("#agree-status", Label)).startswith("Agreed rung: 3. Coordination")

        # Signing again clears the mark; everyone signing is celebrated.
        for party in (w.police, w.town, w.odd):
            await cursor_to(pilot, view, f"party:{party}")
            await pilot.press("s")
            await pilot.pause()
        assert (
            f"{HOSTILE} signed off: all parties have now signed off “Joint plan”." in notifications(app)[-1]
        )
        assert plain(view.query_one("#agree-status", Label)).endswith("✓ Signed off by all parties (3)")
        assert "↺" not in " ".join(lines(items(view)))
        await pilot.press("s")  # withdraw
        await pilot.pause()
        assert f"The party {HOSTILE} withdrew its sign-off." in notifications(app)
        assert len(fresh(empty_session).signoffs_for(w.talks)) == 2


# --------------------------------------------------------------------------- mouse, palette, removing


async def test_mouse_add_menu_row_clicks_and_palette(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    w = build(empty_session)
    commitment = empty_session.add_commitment(w.talks, w.police, "We will lead")
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        # "+ Add…" offers what can be added here.
        await pilot.click("#agree-add")
        menu = await screen_shown(pilot, AddMenu)
        assert lines(menu.query_one(OptionList)) == [
            "A commitment: “we will …” (c)",
            "An expectation: “we expect you to …” (e)",
            "A next step, with owner and due date (n)",
            "The agreed rung's agreement fields (f)",
        ]
        await pilot.click("#add-options", offset=(5, 2))  # the border, then one line each
        await screen_shown(pilot, ExpectationDialog)
        await pilot.press("escape")
        await back_to_view(pilot)

        # A click puts the cursor on a line; a second click opens it: a commitment is edited.
        listing = items(view)
        y = next(y for y in range(listing.size.height) if "We will lead" in listing.render_line(y).text)
        await pilot.click(listing, offset=(20, y))
        await pilot.pause()
        assert listing.highlighted_option.id == f"commitment:{commitment}"
        assert isinstance(app.screen, WorkshopScreen)
        assert [b.id for b in view.query(Button) if b.display] == [
            "agree-edit",
            "agree-remove",
            "agree-add",
            "agree-grid",
        ]
        await pilot.click(listing, offset=(20, y))
        edit = await screen_shown(pilot, CommitmentDialog)
        assert edit.query_one("#commitment-party").disabled
        await pilot.press("end", *" and report", "enter")
        await back_to_view(pilot)
        assert fresh(empty_session).commitments_for(w.talks)[0].text == "We will lead and report"
        await pilot.click("#agree-remove")
        await screen_shown(pilot, ConfirmDialog)
        await pilot.click("#confirm")
        await back_to_view(pilot)
        assert fresh(empty_session).commitments_for(w.talks) == ()

        # Which buttons show follows the line under the cursor.
        await cursor_to(pilot, view, f"party:{w.police}")
        shown = [b.id for b in view.query(Button) if b.display]
        assert shown == ["agree-role", "agree-sign", "agree-add", "agree-grid"]

        # The palette offers what the keys do here.
        screen = app.screen
        names = [str(c.title) for c in app.get_system_commands(screen)]
        for name in ("Role", "Sign off", "Commitment", "Expectation", "Agreement fields", "Next step"):
            assert name in names
        assert "Done/not done" not in names  # no action under the cursor


async def test_a_mismatch_leads_to_where_it_is_fixed(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    w = build(empty_session)
    app = make_app(session=empty_session)
    async with app.run_test(size=(160, 45)) as pilot:
        view = await open_agree(app, pilot)
        gaps = view.query_one("#agree-gaps", OptionList)
        texts = lines(gaps)
        index = texts.index("⚠ “Joint plan”: the party Town takes part but has no role yet.")
        gaps.focus()
        gaps.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is items(view)
        assert items(view).highlighted_option.id == f"party:{w.town}"
        # The same through the method the overview calls.
        view.show_target(w.hostile, w.odd)
        await pilot.pause()
        assert plain(view.query_one("#agree-title", Label)) == HOSTILE
        assert items(view).highlighted_option.id == f"party:{w.odd}"
        await until(pilot, lambda: view.service.view_state.get("selected_activity") == w.hostile)
        # Resting on an activity in the list selects it for every view, and for reopening; a change
        # arriving meanwhile (before the selection is saved) doesn't pull the view back.
        await pilot.press("left", "up")
        view.service.add_commitment(w.table, w.police, "We will chair it")
        await pilot.pause()
        assert plain(view.query_one("#agree-title", Label)) == "Round table"
        await until(pilot, lambda: view.service.view_state.get("selected_activity") == w.table, "selection")

    app = make_app(session=empty_session)
    async with app.run_test(size=(160, 45)) as pilot:
        view = await open_agree(app, pilot)
        assert plain(view.query_one("#agree-title", Label)) == "Round table"


# --------------------------------------------------------------------------- text, language, projector, sizes


async def test_markup_like_text_is_shown_literally_in_both_languages(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    w = build(empty_session)
    commitment = empty_session.add_commitment(w.hostile, w.odd, HOSTILE)
    empty_session.add_expectation(w.hostile, w.odd, w.town, HOSTILE)
    empty_session.set_field(w.hostile, "channel", HOSTILE)
    empty_session.add_action(HOSTILE, w.odd, activity_id=w.hostile, due="2020-01-01")
    empty_session.set_view_state(selected_activity=w.hostile)
    app = make_app(session=empty_session)
    async with app.run_test(size=(200, 60)) as pilot:
        view = await open_agree(app, pilot)
        assert plain(view.query_one("#agree-title", Label)) == HOSTILE
        shown = lines(items(view))
        # The commitment line: the party's long name wraps in its column, but nothing is parsed.
        line = line_for(items(view), f"commitment:{commitment}")
        assert line.count("[@click=app.quit]x") == 2 and line.count("[b]bold[/b] [red]") == 2
        assert f"○ open {HOSTILE} → Town {HOSTILE}" in shown
        assert f"Through which channel {HOSTILE}" in shown
        assert f"☐ {HOSTILE} {HOSTILE} · due 2020-01-01 ⚠ overdue" in shown
        assert any(
            text.startswith(HOSTILE) for text in lines(view.query_one("#agree-activities", OptionList))
        )
        assert app.is_running

        await pilot.press("f7")
        await pilot.pause()
        shown = lines(items(view))
        assert "Osapooled (2): roll ja kinnitus" in shown
        assert "Lubadused (1): „teeme …“" in shown
        assert f"○ vastamata {HOSTILE} → Town {HOSTILE}" in shown
        assert "Kokkulepe: 1. Kommunikatsioon" in shown  # one language: the rung from the Estonian twin
        assert plain(view.query_one("#agree-gaps-heading", Label)).startswith("Lahknevused (")
        assert plain(view.query_one("#agree-list-heading", Label)) == "Tegevused"
        assert plain(view.query_one("#agree-add", Button).label) == "+ Lisa…"
        await cursor_to(pilot, view, f"party:{w.town}")
        await pilot.press("s")
        await pilot.pause()
        assert "Kinnitas: Town (1/2). Lahknevusi alles: 4." in notifications(app)
        await pilot.press("r")
        role = await screen_shown(pilot, RoleDialog)
        assert plain(role.query_one("#role-title", Label)) == f"Roll tegevuses „{HOSTILE}“: Town"
        await pilot.press("enter")
        question = await screen_shown(pilot, ConfirmDialog)  # asked first, the title as typed
        assert f"Tegevuse „{HOSTILE}“ kokkuleppe on kinnitanud 1 osapool (Town)" in question.message
        await pilot.press("left", "enter")
        await back_to_view(pilot)
        assert f"Kinnitused avati uuesti: Town — rollid muutusid („{HOSTILE}“)" in notifications(app)
        assert app.is_running


async def test_projector_mode_hides_the_editing_chrome(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    w = build(empty_session)
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        buttons = view.query_one("#agree-buttons")
        assert buttons.display
        assert "None yet: c (or enter here) adds a commitment." in lines(items(view))
        await pilot.click("#agree-role")  # a button click leaves the focus in the lists
        await screen_shown(pilot, RoleDialog)
        await pilot.press("escape")
        await back_to_view(pilot)
        assert app.focused is view.query_one("#agree-activities", OptionList)
        await pilot.press("right", "f8")
        await pilot.pause()
        assert app.has_class("-projector")
        assert not buttons.display
        assert app.focused is items(view)
        assert "None yet." in lines(items(view))  # no key hints for the room
        # The keys still work while projecting.
        await cursor_to(pilot, view, f"party:{w.police}")
        await pilot.press("s")
        await pilot.pause()
        assert fresh(empty_session).signoffs_for(w.talks)


async def test_small_and_large_terminals(make_app: MakeApp, demo_session: SessionService) -> None:
    for size, wide in (((80, 24), False), ((200, 60), True)):
        app = make_app(session=demo_session)
        async with app.run_test(size=size) as pilot:
            view = await open_agree(app, pilot)
            assert view.has_class("-wide") is wide
            listing = items(view)
            assert listing.size.height >= 4  # room for the items even at 80×24
            assert view.query_one("#agree-gaps-box").region.width > 0
            gaps_box, item_box = view.query_one("#agree-gaps-box").region, listing.region
            if wide:  # beside the items
                assert gaps_box.x > item_box.right - 1
            else:  # below them
                assert gaps_box.y >= item_box.bottom
            # Every line of the activity list fits its width when narrow.
            activities = view.query_one("#agree-activities", OptionList)
            if not wide:
                for option in activities.options:
                    prompt = option.prompt
                    assert isinstance(prompt, Content)
                    assert all(cell_len(part) < activities.size.width for part in prompt.plain.split("\n"))
            for _ in range(3):
                await pilot.press("down")
            await pilot.press("right", "down", "down", "down")
            await pilot.pause()
            assert app.is_running
