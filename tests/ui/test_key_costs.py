"""A key does its work once: the screen shows the change the key made, the file has it, and the
news of that change arriving afterwards (or a clock tick that changes nothing) lays nothing out
again. A refused change shows the error, not the value."""

from __future__ import annotations

import errno
import os
from typing import Any

import pytest
from textual.widgets import Digits, OptionList, Static

from facilitator.core.library import SessionLibrary
from facilitator.ui.dialogs.common import ConfirmDialog
from facilitator.ui.screens.placement import PlacementScreen
from facilitator.ui.widgets.choice_list import PartyList
from facilitator.ui.widgets.ladder import LadderBoard
from facilitator.ui.widgets.ladder_columns import TRAY
from facilitator.ui.widgets.reveal_ladder import RevealLadder
from facilitator.ui.widgets.timer import TimerPanel

from .helpers import notifications, until
from .test_placement import MakeApp, fresh, make_session, open_placement, screen_text


class Updates:
    """Counts what lays the screen out again: text put into a Static, a list's lines replaced."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        for owner, name in ((Static, "update"), (Digits, "update"), (OptionList, "clear_options")):
            monkeypatch.setattr(owner, name, self.counted(getattr(owner, name)))

    def counted(self, method: Any) -> Any:
        def wrapper(widget: Any, *args: Any, **kwargs: Any) -> Any:
            self.count += 1
            return method(widget, *args, **kwargs)

        return wrapper


async def test_a_placement_is_shown_and_saved_and_its_news_redraws_nothing(
    make_app: MakeApp, ui_library: SessionLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = make_session(ui_library)
    activity = service.session.activities[0]
    police = activity.party_ids[0]
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_placement(app, pilot)
        await pilot.press("2", "3")
        await pilot.pause()
        assert screen_text(app).count("✓ placed") == 1
        placed = fresh(service).session.placements_for(activity.id)
        assert [(p.party_id, p.current, p.wished) for p in placed] == [
            (police, "cooperation", "coordination")
        ]
        updates = Updates(monkeypatch)
        assert isinstance(screen, PlacementScreen)
        screen.session_changed(service.session)  # the watcher's news of our own change, again
        assert updates.count == 0
        await pilot.press("1")  # the next party's first step does change what is asked
        await pilot.pause()
        assert updates.count > 0


async def test_a_refused_placement_shows_the_error_and_not_the_placement(
    make_app: MakeApp, ui_library: SessionLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = make_session(ui_library)
    activity = service.session.activities[0]
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_placement(app, pilot)

        def full(_fd: int) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "fsync", full)
        await pilot.press("2", "3")
        await pilot.pause()
        assert any("No space left on device" in m for m in notifications(app))
        text = screen_text(app)
        assert "✓ placed" not in text and text.count("○ not yet") == 3
        assert "Police: where is this activity now?" in text  # still the same party's turn
        monkeypatch.undo()
    assert fresh(service).session.placements_for(activity.id) == ()


async def test_a_clock_that_shows_the_same_redraws_nothing(
    make_app: MakeApp, ui_library: SessionLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = make_session(ui_library)
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(TimerPanel)
        assert panel.timer is not None and not panel.timer.running
        panel.tick()
        updates = Updates(monkeypatch)
        panel.tick()  # twice a second; a paused clock shows the same
        assert updates.count == 0


async def test_the_reveal_fills_the_screen_and_the_next_round_does_not(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service = make_session(ui_library)
    app = make_app(session=service)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_placement(app, pilot)
        box = screen.query_one("#placement-box")
        assert box.region.width == 150  # the placing page keeps its width (max-width)
        await pilot.press("1", "2", "2", "3", "3", "4", "r")
        await pilot.pause()
        assert isinstance(screen, PlacementScreen) and screen.page == "page-revealed"
        assert box.region.width == 160 and box.region.height == app.screen.region.height - 1  # the key bar
        await pilot.press("v")  # nothing agreed yet: no question
        await pilot.pause()
        assert screen.page == "page-placing"
        assert box.region.width == 150


async def test_a_change_under_the_placement_screen_redraws_nothing_of_it(
    make_app: MakeApp, ui_library: SessionLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The placement screen is opaque: the board under it is not drawn, and its changes
    (after each placement) do not redraw the placement screen. Under a dialog it shows."""
    service = make_session(ui_library)
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_placement(app, pilot)
        board = app.screen_stack[-2].query_one(LadderBoard)
        await pilot.pause()
        redraws: list[object] = []
        real = PlacementScreen.refresh

        def counted(self: PlacementScreen, *args: Any, **kwargs: Any) -> Any:
            redraws.append(args)
            return real(self, *args, **kwargs)

        monkeypatch.setattr(PlacementScreen, "refresh", counted)
        board.refresh()
        await pilot.pause()
        assert redraws == []
        assert app._background_screens == []
        await pilot.press("r")  # nobody placed: it asks first, over the placement screen
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        assert app._background_screens == [screen]


async def test_the_first_reveal_lays_the_picture_out_once_and_focus_restyles_the_page_alone(
    make_app: MakeApp, ui_library: SessionLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Showing the page's scrollbar only at the reveal laid the screen out and drew it a second
    time, one column narrower; the page taking the focus restyled the whole reveal (6-8 ms at
    500 activities). The page still scrolls with the keys."""
    service = make_session(ui_library)
    app = make_app(session=service)
    async with app.run_test(size=(160, 50)) as pilot:
        screen = await open_placement(app, pilot)
        await pilot.press("1", "2", "2", "3", "3", "4")
        await pilot.pause()
        widths: list[int] = []
        lines = RevealLadder.lines

        def counted(ladder: RevealLadder, width: int, height: int) -> Any:
            widths.append(width)
            return lines(ladder, width, height)

        restyled: list[list[object]] = []
        update_nodes = app.stylesheet.update_nodes

        def restyle(nodes: Any, animate: bool = False) -> None:
            restyled.append(list(nodes))
            update_nodes(nodes, animate=animate)

        monkeypatch.setattr(RevealLadder, "lines", counted)
        monkeypatch.setattr(app.stylesheet, "update_nodes", restyle)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(screen, PlacementScreen) and screen.page == "page-revealed"
        page = screen.query_one("#page-revealed")
        ladder = screen.query_one(RevealLadder)
        assert page.has_focus and set(widths) == {ladder.size.width}
        assert [page] in restyled and not any(page in nodes and len(nodes) > 1 for nodes in restyled)
        await pilot.press("pagedown")
        await pilot.pause()
        assert page.scroll_y > 0


async def test_the_board_under_the_placement_screen_shows_the_news_when_seen_again(
    make_app: MakeApp, ui_library: SessionLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nobody sees the board under the (opaque) placement screen: a placement or the reveal does
    not redraw it (3-6 ms of each at 500 activities); going back shows the newest state."""
    from facilitator.ui.screens.workshop import WorkshopScreen

    service = make_session(ui_library)
    activity = service.session.activities[0].id
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_placement(app, pilot)
        workshop = app.screen_stack[-2]
        assert isinstance(workshop, WorkshopScreen)
        shown: list[object] = []
        real = WorkshopScreen._refresh_views
        monkeypatch.setattr(
            WorkshopScreen, "_refresh_views", lambda s, news: (shown.append(news), real(s, news))
        )
        await pilot.press("1", "2", "2", "3", "3", "4", "r")
        await until(pilot, lambda: fresh(service).session.activity(activity).revealed, "the reveal")
        await pilot.pause()
        assert shown == []
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is workshop, "the board")
        await pilot.pause()
        assert shown  # the news waiting, then that of closing the placement (the room's open activity)
        board = workshop.query_one(LadderBoard)
        assert board.column(TRAY).cards[0].status == "≠ views: 3"  # revealed, not "placed 3/3 · hidden"


async def test_the_party_list_hidden_by_the_reveal_is_restyled_when_shown_again(
    make_app: MakeApp, ui_library: SessionLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reveal hides the placing page and focuses the picture: the party list losing the
    focus was restyled then, hidden (~1.3 ms at 500 activities). It is restyled once shown
    again, and looks as a list restyled from scratch would."""
    service = make_session(ui_library)
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_placement(app, pilot)
        parties = screen.query_one("#party-list", PartyList)
        await pilot.press("1", "2", "2", "3", "3", "4")
        await pilot.pause()
        restyled: list[list[object]] = []
        update_nodes = app.stylesheet.update_nodes

        def restyle(nodes: Any, animate: bool = False) -> None:
            restyled.append(list(nodes))
            update_nodes(nodes, animate=animate)

        monkeypatch.setattr(app.stylesheet, "update_nodes", restyle)
        await pilot.press("r")
        await pilot.pause()
        assert not parties.has_focus and not any(parties in nodes for nodes in restyled)
        await pilot.press("v")  # a re-vote: the placing page again, the list with the focus
        await until(pilot, lambda: screen.page == "page-placing" and parties.has_focus, "the next round")
        await pilot.pause()
        assert any(parties in nodes for nodes in restyled)

        def look() -> tuple[object, ...]:
            return (parties.rich_style, parties.styles.border, parties.styles.background)

        shown = look()
        update_nodes([parties])
        assert look() == shown
        await pilot.press("tab")  # the focus leaves it, shown: restyled at once
        await pilot.pause()
        assert not parties.has_focus
        unfocused = look()
        update_nodes([parties])
        assert look() == unfocused != shown
