"""Blind placement, reveal, agreement and re-vote, through the real app."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Input

from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.dialogs.common import ConfirmDialog
from facilitator.ui.screens.placement import PlacementScreen, RungChoice, RungPicker
from facilitator.ui.widgets.actionbar import ActionBar
from facilitator.ui.widgets.ladder import LadderBoard
from facilitator.ui.widgets.ladder_columns import TRAY
from facilitator.ui.widgets.reveal_ladder import RevealLadder

from .helpers import until

MakeApp = Callable[..., FacilitatorApp]
RUNG_NAMES = ("Communication", "Cooperation", "Coordination", "Collaboration")


def make_session(
    library: SessionLibrary,
    *,
    lang: str = "en",
    parties: Sequence[str] = ("Police", "Municipality", "Youth workers"),
    activities: Sequence[tuple[str, Sequence[int]]] = (("Safety round table", (0, 1, 2)),),
) -> SessionService:
    """A session on the place phase; the first activity is selected."""
    scenario = find_scenario("community-safety" if lang == "en" else "kogukondlik-turvalisus")
    service = library.create(scenario, "Placement test")
    party_ids = [service.add_party(name) for name in parties]
    for title, involved in activities:
        service.add_activity(title, party_ids=[party_ids[i] for i in involved])
    place = next(p.id for p in scenario.agenda if p.kind == "place")
    service.set_phase(place)
    service.set_phase(place)
    return service


def fresh(service: SessionService) -> SessionService:
    return SessionService(service.path)


def screen_text(app: FacilitatorApp, *, skip: tuple[type[Widget], ...] = ()) -> str:
    """Everything the room can read on the current screen, except inside `skip` widgets."""
    lines: list[str] = []
    for widget in app.screen.query("*"):
        if widget.children or not widget.region.area:
            continue  # containers draw no text of their own; hidden widgets draw nothing
        if isinstance(widget, skip) or any(isinstance(a, skip) for a in widget.ancestors):
            continue
        lines.extend(widget.render_line(y).text for y in range(widget.size.height))
    return " ".join(" ".join(lines).split())


def placement(app: FacilitatorApp) -> PlacementScreen:
    assert isinstance(app.screen, PlacementScreen), app.screen
    return app.screen


async def open_placement(app: FacilitatorApp, pilot: Pilot[int]) -> PlacementScreen:
    """Enter on the selected card of the board."""
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    return placement(app)


async def test_blind_placement_reveal_and_agreement(make_app: MakeApp, ui_library: SessionLibrary) -> None:
    service = make_session(ui_library)
    activity = service.session.activities[0]
    police, municipality, youth = activity.party_ids
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_placement(app, pilot)
        text = screen_text(app)
        assert "Round 1 · placements hidden until the reveal" in text
        assert "Police: where is this activity now?" in text
        # Each party in turn: now, then wished. Nothing on screen may show the rungs chosen.
        for done, (now, wished) in enumerate((("2", "3"), ("2", "2"), ("1", "3")), start=1):
            await pilot.press(now)
            await pilot.pause()
            text = screen_text(app, skip=(RungChoice,))
            assert "Step 2 of 2" in text and "chosen ✓ (kept hidden)" in text
            assert not any(name in text for name in RUNG_NAMES), text
            await pilot.press(wished)
            await pilot.pause()
            text = screen_text(app, skip=(RungChoice,))
            assert not any(name in text for name in RUNG_NAMES), text
            assert text.count("✓ placed") == done
            assert text.count("○ not yet") == 3 - done
            # The rung choices look exactly alike, whichever was pressed.
            styles = {str(choice.rich_style) for choice in screen.query(RungChoice)}
            assert len(styles) == 1
        assert "All parties have placed" in screen_text(app)
        placed = {
            p.party_id: (p.current, p.wished) for p in fresh(service).session.placements_for(activity.id)
        }
        assert placed == {
            police: ("cooperation", "coordination"),
            municipality: ("cooperation", "cooperation"),
            youth: ("communication", "coordination"),
        }
        # The board gives nothing away either (seen on going back to it; reopened after).
        await pilot.press("escape")
        await pilot.pause()
        board = app.screen.query_one("#board", LadderBoard)
        assert board.column(TRAY).cards[0].status == "• placed 3/3 · hidden"
        screen = await open_placement(app, pilot)
        assert "All parties have placed" in screen_text(app)

        await pilot.press("r")
        await pilot.pause()
        assert fresh(service).session.activity(activity.id).revealed
        text = screen_text(app)
        assert "Round 1 · revealed" in text
        picture = screen.query_one(RevealLadder).plain
        assert "│ 2  Cooperation" in picture and "now: Police" in picture
        assert "now: Youth workers" in picture.split("1  Communication")[1]
        assert "Now: ≠ differ, views: 2, spread 1 (1. Communication … 2. Cooperation)" in text
        assert "Wished: ≠ differ, views: 2, spread 1 (2. Cooperation … 3. Coordination)" in text

        # `a` brings the controls; the current rung by keyboard, the wished rung by mouse, a note typed.
        await pilot.press("a")
        await pilot.pause()
        assert screen.query_one("#agree-current", RungPicker).has_focus
        await pilot.press("down", "down", "enter")
        await pilot.click("#agree-wished", offset=(4, 3))
        await pilot.click("#agree-note")
        await pilot.press(*"ok")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, PlacementScreen)
    agreed = fresh(service).session.activity(activity.id)
    assert (agreed.agreed_current, agreed.agreed_wished, agreed.agreed_note) == (
        "cooperation",
        "coordination",
        "ok",
    )


async def test_the_common_answer_is_preselected_and_the_card_shows_agreed(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service = make_session(ui_library)
    activity = service.session.activities[0]
    for party in activity.party_ids:
        service.place(activity.id, party, "coordination", "collaboration")
    service.reveal(activity.id)
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_placement(app, pilot)
        assert "Now: = all agree (3. Coordination)" in screen_text(app)
        assert screen.query_one("#agree-current", RungPicker).value == "coordination"
        assert screen.query_one("#agree-wished", RungPicker).value == "collaboration"
        await pilot.press("a", "a")  # the controls, then record
        await pilot.pause()
        board = app.screen.query_one("#board", LadderBoard)
        card = board.column("coordination").cards[0]
        assert card.status == "✓ agreed · ↗ 4 (wished)"
        assert board.selected_id == activity.id
    assert fresh(service).session.activity(activity.id).agreed_current == "coordination"


async def test_placement_and_reveal_by_mouse(make_app: MakeApp, ui_library: SessionLibrary) -> None:
    service = make_session(ui_library)
    activity = service.session.activities[0]
    police, municipality, youth = activity.party_ids
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one("#board-place", ActionBar)
        await pilot.click(bar, offset=(bar.offset_of("place") or 0, 0))
        await pilot.pause()
        placement(app)
        # The second party places first: click its name, then two rungs.
        await pilot.click("#party-list", offset=(6, 2))
        await pilot.pause()
        assert "Municipality: where is this activity now?" in screen_text(app)
        await pilot.click("#choice-4")
        await pilot.click("#choice-1")
        await pilot.pause()
        placed = fresh(service).session.placements_for(activity.id)
        assert [(p.party_id, p.current, p.wished) for p in placed] == [
            (municipality, "collaboration", "communication")
        ]
        # Revealing with parties missing asks first; "cancel" keeps it hidden.
        await pilot.click("#reveal")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#cancel")
        await pilot.pause()
        assert not fresh(service).session.activity(activity.id).revealed
        await pilot.click("#reveal")
        await pilot.pause()
        await pilot.click("#confirm")
        await pilot.pause()
        assert fresh(service).session.activity(activity.id).revealed
        text = screen_text(app)
        assert "Not placed in this round: Police · Youth workers" in text
        picture = placement(app).query_one(RevealLadder).plain
        assert "now: Municipality" in picture.split("4  Collaboration")[1].split("3  Coordination")[0]
        assert "wished: Municipality" in picture.split("1  Communication")[1]
        await pilot.click("#close")
        await pilot.pause()
        assert not isinstance(app.screen, PlacementScreen)
        assert fresh(service).session.room.open_activity is None
    del police, youth


async def test_choose_again_before_the_wished_rung(make_app: MakeApp, ui_library: SessionLibrary) -> None:
    service = make_session(ui_library)
    activity = service.session.activities[0]
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_placement(app, pilot)
        await pilot.press("4")
        await pilot.pause()
        assert "Step 2 of 2" in screen_text(app)
        await pilot.press("backspace")
        await pilot.pause()
        assert "Step 1 of 2" in screen_text(app)
        await pilot.press("9")  # no ninth rung: ignored
        await pilot.press("1", "2")
        await pilot.pause()
    placed = fresh(service).session.placements_for(activity.id)
    assert [(p.current, p.wished) for p in placed] == [("communication", "cooperation")]


async def test_revote_clears_and_reopens_the_round(make_app: MakeApp, ui_library: SessionLibrary) -> None:
    service = make_session(ui_library)
    activity = service.session.activities[0]
    for party in activity.party_ids:
        service.place(activity.id, party, "cooperation", "coordination")
    service.reveal(activity.id)
    service.agree(activity.id, current="cooperation", wished="coordination")
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_placement(app, pilot)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # an agreement would be cleared: asked first
        await pilot.press("left", "enter")
        await pilot.pause()
        text = screen_text(app, skip=(RungChoice,))
        assert "Round 2 · placements hidden until the reveal" in text
        assert text.count("○ not yet") == 3
        assert not any(name in text for name in RUNG_NAMES)
        await pilot.press("escape")  # back on the board: the card is in the tray again
        await pilot.pause()
        board = app.screen.query_one("#board", LadderBoard)
        assert board.column_of(activity.id) == TRAY
    session = fresh(service).session
    reopened = session.activity(activity.id)
    assert (reopened.round, reopened.revealed, reopened.agreed_current) == (2, False, None)
    assert session.placements_for(activity.id) == ()
    assert len(session.placements_for(activity.id, round=1)) == 3  # the old round is kept


async def test_reopening_the_app_shows_the_same_revealed_state(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service = make_session(ui_library)
    activity = service.session.activities[0]
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_placement(app, pilot)
        await pilot.press("1", "2", "2", "3")
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("left", "enter")  # one party is missing: confirm
        await pilot.pause()
        assert "Round 1 · revealed" in screen_text(app)
    # Quit with the placement open: reopening returns to it, revealed.
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = placement(app)
        assert screen.activity_id == activity.id
        text = screen_text(app)
        assert "Round 1 · revealed" in text
        assert "now: Police" in screen.query_one(RevealLadder).plain.split("1  Communication")[1]
        assert "Not placed in this round: Youth workers" in text
        await pilot.press("escape")
        await pilot.pause()
    # Closed before quitting: the board, and the card still says what happened.
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, PlacementScreen)
        board = app.screen.query_one("#board", LadderBoard)
        assert board.column(TRAY).cards[0].status == "≠ views: 2"
        await pilot.press("enter")
        await pilot.pause()
        placement(app)
        assert "Round 1 · revealed" in screen_text(app)


async def test_an_activity_without_parties_offers_nothing_to_place(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service = make_session(ui_library, activities=(("Nobody yet", ()),))
    activity = service.session.activities[0]
    app = make_app(session=service)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_placement(app, pilot)
        assert "has no parties yet" in screen_text(app)
        assert not screen.query_one("#reveal", Button).display
        await pilot.press("r", "1", "1")
        await pilot.pause()
        assert isinstance(app.screen, PlacementScreen)
    assert not fresh(service).session.activity(activity.id).revealed


async def test_changes_from_another_process_show_up(make_app: MakeApp, ui_library: SessionLibrary) -> None:
    service = make_session(ui_library)
    activity = service.session.activities[0]
    police, municipality, youth = activity.party_ids
    other = SessionService(service.path, actor="participant")
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_placement(app, pilot)
        await pilot.press("3")  # the police are half-way through placing
        await pilot.pause()
        other.place(activity.id, youth, "coordination", "coordination")
        other.remove_party(police)
        app.sessions.check(screen.service)  # the watcher looks (no waiting for its poll)
        await pilot.pause()
        text = screen_text(app, skip=(RungChoice,))
        assert "Police" not in text
        assert "✓ placed Youth workers" in text
        assert "Municipality: where is this activity now?" in text
        assert screen.party_id == municipality
        other.remove_activity(activity.id)
        app.sessions.check(screen.service)
        await until(pilot, lambda: not isinstance(app.screen, PlacementScreen), "the screen to close")


async def test_markup_like_names_stay_literal_on_the_placement_screen(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service = make_session(
        ui_library,
        parties=("[@click=app.quit]x", "[b]bold[/b]"),
        activities=(("[red]Round table[/red]", (0, 1)),),
    )
    activity = service.session.activities[0]
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_placement(app, pilot)
        text = screen_text(app)
        assert "[red]Round table[/red]" in text
        assert "[@click=app.quit]x: where is this activity now?" in text
        await pilot.click("#party-list", offset=(8, 1))
        await pilot.click("#placement-title")
        await pilot.pause()
        assert app.is_running
        await pilot.press("1", "2", "2", "3", "r")
        await pilot.pause()
        text = screen_text(app)
        picture = placement(app).query_one(RevealLadder).plain
        assert "now: [@click=app.quit]x" in picture.split("1  Communication")[1]
        assert "now: [b]bold[/b]" in picture.split("2  Cooperation")[1]
        assert "now: [b]bold[/b]" in text  # as drawn on the screen, not bold
    assert fresh(service).session.activity(activity.id).revealed


async def test_placement_labels_in_both_languages(make_app: MakeApp, ui_library: SessionLibrary) -> None:
    service = make_session(
        ui_library, lang="et", parties=("Politsei", "Vald"), activities=(("Ümarlaud", (0, 1)),)
    )
    app = make_app(session=service, lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_placement(app, pilot)
        text = screen_text(app)
        assert "1. voor · paigutused on peidus kuni avalikustamiseni" in text
        assert "Politsei: kus see tegevus praegu on?" in text
        assert "○ veel mitte" in text
        assert str(screen.query_one("#reveal", Button).label) == "Avalikusta"
        await pilot.press("f7")
        await pilot.pause()
        assert str(screen.query_one("#reveal", Button).label) == "Reveal"
        assert "Politsei: where is this activity now?" in screen_text(app)
        await pilot.press("1", "2", "2", "2", "r")
        await pilot.pause()
        assert "Now: ≠ differ" in screen_text(app)
        await pilot.press("f7")
        await pilot.pause()
        assert "Praegu: ≠ erinevad, arvamusi: 2" in screen_text(app)
        assert str(screen.query_one("#agree", Button).label) == "Salvesta kokkulepe"
        assert screen.query_one("#agree-note", Input) is not None


async def test_a_brings_the_controls_with_the_spread_whole_above_them_at_80x24(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    """`a` scrolled the agreement's controls to the top as far as the page went: at 80×24 the
    page stopped with half of "Now: ≠ differ … (1. Communication … 2. Cooperation)" above them,
    its first line out of sight. The spread's lines are shown whole with the controls."""
    parties = ("Kaasiku vald", "Politsei", "Kohalikud elanikud", "Metsaküla Külaselts")
    service = make_session(ui_library, lang="et", parties=parties, activities=(("Arutelud", (0, 1, 2, 3)),))
    app = make_app(session=service, lang="et")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_placement(app, pilot)
        await pilot.press("1", "1", "1", "1", "2", "3", "2", "3", "r")
        await until(pilot, lambda: screen.page == "page-revealed", "the reveal")
        await pilot.press("a")
        await until(pilot, lambda: screen.query_one("#agree-current").has_focus, "the controls")
        await pilot.pause()
        page = screen.query_one("#page-revealed")
        top, bottom = page.scroll_y, page.scroll_y + page.scrollable_content_region.height
        for part in page.children:
            if part.display:
                area = part.virtual_region
                assert area.bottom <= top or area.y >= top, f"{part} cut at the top"
        assert screen.query_one("#agree-controls").virtual_region.bottom <= bottom
        assert "Praegu: ≠ erinevad" in screen_text(app)
