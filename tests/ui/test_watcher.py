"""One watcher: changes by another process show on screen; nothing the app saves reverts them.

Each "other process" here is a real child process writing to the session file, run to its
end just before the app acts; the watcher is checked on demand, never waited for.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.message import Message
from textual.widgets import DataTable, Input

from facilitator.core.library import SessionLibrary
from facilitator.core.model import Session
from facilitator.core.service import SessionService
from facilitator.core.store import SessionFile
from facilitator.core.watcher import POLL_SECONDS
from facilitator.ui.app import FacilitatorApp, create_app
from facilitator.ui.dialogs.common import ConfirmDialog
from facilitator.ui.messages import SessionChanged
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.screens.review import ReviewScreen
from facilitator.ui.screens.workshop import WorkshopScreen
from facilitator.ui.views.collect import CollectView
from facilitator.ui.views.setup import SetupView
from facilitator.ui.widgets.mismatch_badge import COUNT_DELAY, MismatchBadge
from tests.test_watcher import counted_reads

from .helpers import MakeApp, focus, fresh, open_view, screen_shown, until, workshop_shown

ROOT = Path(__file__).resolve().parents[2]


def other_process(service: SessionService, code: str) -> None:
    """Run `code` with `service` bound to the same session file, in a process of its own."""
    script = (
        "import sys\nfrom pathlib import Path\nfrom facilitator.core.service import SessionService\n"
        "service = SessionService(Path(sys.argv[1]), actor='other')\n" + code
    )
    subprocess.run([sys.executable, "-c", script, str(service.path)], check=True, cwd=ROOT, timeout=60)


def watch_now(app: FacilitatorApp) -> None:
    screen = app.screen
    assert isinstance(screen, WorkshopScreen)
    app.sessions.check(screen.service)


async def test_a_change_by_another_process_shows_once_the_watcher_looks(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_view(app, pilot, "setup", SetupView)
        other_process(empty_session, "service.add_party('Naabrivalve')")
        watch_now(app)
        await pilot.pause()
        table = app.screen.query_one("#setup-parties", DataTable)
        assert [str(table.get_row_at(n)[0]) for n in range(table.row_count)] == ["Naabrivalve"]


async def test_our_write_and_anothers_in_the_same_instant_both_show(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_view(app, pilot, "setup", SetupView)
        other_process(empty_session, "service.add_party('Kaitseliit')")
        # Before the watcher has looked, the app writes: the file it writes has both.
        view.service.add_party("Ohvriabi")
        await pilot.pause()
        table = app.screen.query_one("#setup-parties", DataTable)
        shown = {str(table.get_row_at(n)[0]) for n in range(table.row_count)}
        assert shown == {"Kaitseliit", "Ohvriabi"}


async def test_saving_the_details_never_writes_back_what_another_process_changed(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    empty_session.update_session(place="Tartu")
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_view(app, pilot, "setup", SetupView)
        await focus(pilot, app.screen.query_one("#setup-title", Input))
        other_process(empty_session, "service.update_session(place='Tallinn')")
        await pilot.press("end", "ctrl+u", *"Uus pealkiri", "enter")  # saved before the watcher looked
        await pilot.pause()
        info = fresh(empty_session).info
        assert (info.title, info.place) == ("Uus pealkiri", "Tallinn")
        watch_now(app)
        await pilot.pause()
        assert app.screen.query_one("#setup-place", Input).value == "Tallinn"


async def test_a_field_changed_here_and_elsewhere_is_asked_about(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    empty_session.update_session(place="Tartu")
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_view(app, pilot, "setup", SetupView)
        await focus(pilot, app.screen.query_one("#setup-place", Input))
        await pilot.press("end", "ctrl+u", *"Pärnu")
        other_process(empty_session, "service.update_session(place='Tallinn')")
        watch_now(app)  # the other value arrives while the facilitator is typing
        await pilot.pause()
        assert app.screen.query_one("#setup-place", Input).value == "Pärnu"  # typing is not clobbered
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "ConfirmDialog")
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "Tallinn" in dialog.message and "Pärnu" in dialog.message
        assert fresh(empty_session).info.place == "Tallinn"  # nothing written before the answer
        await pilot.press("left", "enter")  # keep mine
        await until(pilot, lambda: fresh(empty_session).info.place == "Pärnu", "the kept value saved")


async def test_moving_the_selection_writes_nothing_to_the_session_file(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    for title in ("One", "Two", "Three"):
        empty_session.add_activity(title)
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_view(app, pilot, "collect", CollectView)
        before = (empty_session.path.read_bytes(), empty_session.path.stat().st_mtime_ns)
        table = view.query_one(DataTable)
        await focus(pilot, table)
        await pilot.press("down", "down", "up")
        second = fresh(empty_session).activities[1].id
        # The selection is reported a moment after the cursor stops.
        await until(pilot, lambda: view.service.view_state.get("selected_activity") == second, "saved")
        assert view.service.device.writes >= 1
        assert (empty_session.path.read_bytes(), empty_session.path.stat().st_mtime_ns) == before
    assert SessionService(empty_session.path).view_state["selected_activity"] == second


async def test_the_review_dashboard_follows_a_session_running_elsewhere(
    ui_library: SessionLibrary, empty_session: SessionService
) -> None:
    app = create_app(ui_library, review_path=empty_session.path, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.data is not None and screen.data.activities == 0
        before = (empty_session.path.read_bytes(), empty_session.path.stat().st_mtime_ns)
        other_process(empty_session, "service.add_activity('Ühised patrullid')")
        after = empty_session.path.read_bytes()
        app.sessions.check(screen.service)
        await pilot.pause()
        assert screen.data is not None and screen.data.activities == 1
        assert empty_session.path.read_bytes() == after != before[0]  # the review itself wrote nothing


async def test_recording_the_agreement_keeps_a_note_written_elsewhere_and_asks_about_the_rung(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    from facilitator.ui.screens.placement import PlacementScreen

    from .test_board import make_session

    service = make_session(ui_library)
    activity = service.session.activities[0]
    for party in activity.party_ids:
        service.place(activity.id, party, "cooperation", "coordination")
    service.reveal(activity.id)
    app = make_app(service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PlacementScreen), "PlacementScreen")
        screen = app.screen
        assert isinstance(screen, PlacementScreen)
        other_process(service, f"service.agree({activity.id!r}, note='Written on another laptop')")
        await pilot.press("a", "a")  # to the controls, then record (the pickers preset to cooperation)
        await until(pilot, lambda: not isinstance(app.screen, PlacementScreen), "leaving PlacementScreen")
        agreed = fresh(service).activity(activity.id)
        assert agreed.agreed_current == "cooperation"
        assert agreed.agreed_note == "Written on another laptop"  # untouched here: not reverted
    # Both sides set the rung: the facilitator is asked.
    service.revote(activity.id)
    for party in activity.party_ids:
        service.place(activity.id, party, "coordination", "coordination")
    service.reveal(activity.id)
    app = make_app(service)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PlacementScreen), "PlacementScreen")
        other_process(service, f"service.agree({activity.id!r}, current='collaboration')")
        await pilot.press("a", "a")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "ConfirmDialog")
        assert isinstance(app.screen, ConfirmDialog)
        assert "4. Collaboration" in app.screen.message and "3. Coordination" in app.screen.message
        await pilot.press("escape")  # keep theirs
        await until(
            pilot,
            lambda: not isinstance(app.screen, ConfirmDialog | PlacementScreen),
            "leaving ConfirmDialog | PlacementScreen",
        )
    assert fresh(service).activity(activity.id).agreed_current == "collaboration"


async def test_with_home_showing_no_session_is_watched_however_often_one_was_opened(
    make_app: MakeApp, demo_session: SessionService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Open a session from home and go back, three times: one watcher while it shows, none after."""
    reads: list[Path] = []
    read = SessionFile.read

    def counted(self: SessionFile) -> Any:
        reads.append(self.path)
        return read(self)

    monkeypatch.setattr(SessionFile, "read", counted)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await screen_shown(pilot, HomeScreen)
        for _ in range(3):
            await pilot.press("o")
            await workshop_shown(pilot)
            assert app.sessions.watched == [demo_session.path.resolve()]
            await pilot.press("escape")
            await screen_shown(pilot, HomeScreen)
        await until(pilot, lambda: app.sessions.watched == [], "no session watched")
        reads.clear()
        await pilot.pause(5 * POLL_SECONDS)
        assert reads == []  # nothing looks at the file


async def test_the_first_screen_left_underneath_home_holds_nothing_until_it_is_back(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    app = make_app(demo_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await workshop_shown(pilot)
        assert app.sessions.watched == [demo_session.path.resolve()]
        await pilot.press("escape")  # home on top; the workshop stays underneath
        await screen_shown(pilot, HomeScreen)
        await until(pilot, lambda: app.sessions.watched == [], "no session watched")
        demo_session.add_party("Naabrivalve")  # meanwhile, elsewhere
        await pilot.press("o")  # back to it: what changed meanwhile is shown
        await workshop_shown(pilot)
        await until(pilot, lambda: app.sessions.watched == [demo_session.path.resolve()], "watched again")
        view = await open_view(app, pilot, "setup", SetupView)
        table = view.query_one("#setup-parties", DataTable)

        def names() -> set[str]:
            return {str(table.get_row_at(n)[0]) for n in range(table.row_count)}

        await until(pilot, lambda: "Naabrivalve" in names(), "the party added meanwhile")


async def test_a_phones_placement_reaches_the_screen_as_a_message_never_inside_the_request(
    make_app: MakeApp, ui_library: SessionLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The phone server runs in the app, on the app's watcher: one look at the file for both."""
    from aiohttp.test_utils import TestServer

    from facilitator.ui.screens.placement import PlacementScreen
    from facilitator.web.server import STATE
    from facilitator.web.server import make_app as make_web_app

    from .test_join_panel import join
    from .test_placement import make_session, open_placement, screen_text

    service = make_session(ui_library)
    activity = service.session.activities[0]
    messages: list[SessionChanged] = []

    def hook(message: Message) -> None:
        if isinstance(message, SessionChanged):
            messages.append(message)

    app = make_app(session=service)
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        screen = await open_placement(app, pilot)
        tasks: list[object] = []
        shown = PlacementScreen.session_changed
        changing: set[int] = set()  # the threads inside a service call now
        told_inside: list[bool] = []  # for each telling: inside a service call on its own thread?

        def heard(self: PlacementScreen, session: Session) -> None:
            tasks.append(asyncio.current_task())
            told_inside.append(threading.get_ident() in changing)
            shown(self, session)

        PlacementScreen.session_changed = heard  # type: ignore[method-assign]
        change = SessionService.change

        def counted(self: SessionService, *args: Any, **kwargs: Any) -> Any:
            # The phone's change runs on a writer thread while the loop goes on: the screen may
            # well be told on the loop before that thread returns, but never from inside it.
            changing.add(threading.get_ident())
            try:
                return change(self, *args, **kwargs)
            finally:
                changing.discard(threading.get_ident())

        monkeypatch.setattr(SessionService, "change", counted)
        web = TestServer(make_web_app(screen.service, sessions=app.sessions))
        await web.start_server()
        try:
            assert app.sessions.watched == [service.path.resolve()]  # the screen's and the server's
            base = str(web.make_url("/"))
            phone, joined, token = await join(base, web.app[STATE].desk.code, activity.party_ids[0], "Mari")
            data = {
                "activity": activity.id,
                "current": "cooperation",
                "wished": "coordination",
                "csrf": token,
            }
            assert joined == 200
            async with phone.post(base + "place", data=data) as response:
                assert response.status == 200
            await until(pilot, lambda: "✓ placed Police" in screen_text(app))
            assert told_inside and not any(told_inside)  # never inside the call (in the request)
            assert tasks and all(task is screen._task for task in tasks)  # on the screen's own turn
            assert any(m.session.last_seq == service.session.last_seq for m in messages)
            await phone.close()
        finally:
            PlacementScreen.session_changed = shown  # type: ignore[method-assign]
            await web.close()
        assert app.sessions.watched == [service.path.resolve()]  # the screen still holds it


async def test_a_room_placing_elsewhere_costs_the_placement_screen_a_few_reads_and_ends_on_the_last(
    make_app: MakeApp, ui_library: SessionLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Phones placing through a server in another process: the screen follows with a few reads
    of the file (each as dear as a big session's), not one per poll and per screen, and shows
    the last placement."""
    import time

    from facilitator.core import watcher

    from .test_placement import make_session, open_placement, screen_text

    monkeypatch.setattr(watcher, "READ_SHARE", 1e9)
    service = make_session(ui_library)
    activity = service.session.activities[0]
    police, municipality, youth = activity.party_ids
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_placement(app, pilot)
        reads = counted_reads(monkeypatch, screen.service)
        elsewhere = SessionService(service.path)  # the server's own file: its writes are another's
        rungs = ("communication", "cooperation", "coordination", "collaboration")
        for n in range(24):  # about a second of changes
            party = (police, municipality)[n % 2]
            await asyncio.to_thread(elsewhere.place, activity.id, party, rungs[n % 4], rungs[(n + 1) % 4])
            await asyncio.sleep(0.03)
        await asyncio.to_thread(elsewhere.place, activity.id, youth, "cooperation", "coordination")
        written = time.monotonic()
        await until(pilot, lambda: "✓ placed Youth workers" in screen_text(app), "the last placement")
        assert time.monotonic() - written < 1.0
        assert len(reads) <= 8, reads  # one poll in ten reads, the screens read nothing more


async def test_the_screens_show_the_watchers_news_without_reading_the_file_again(
    make_app: MakeApp, ui_library: SessionLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A change elsewhere right after the watcher's read is not read by each screen on its
    turn (the workshop and the placement on it): the watcher's next look brings it."""
    from .test_placement import make_session, open_placement, screen_text

    service = make_session(ui_library)
    activity = service.session.activities[0]
    police, municipality, _youth = activity.party_ids
    app = make_app(session=service)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_placement(app, pilot)
        badge = app.screen_stack[-2].query_one(MismatchBadge)
        await until(pilot, lambda: badge._count is not None, "the header's first count")
        reads = counted_reads(monkeypatch, screen.service)
        watch = app.sessions.watch_of(screen.service)
        assert watch is not None
        watch.settled_at = float("inf")  # its polls wait, as while changes keep coming
        elsewhere = SessionService(service.path)
        elsewhere.place(activity.id, police, "cooperation", "coordination")
        app.sessions.check(screen.service)  # the watcher reads it: the screens are told
        elsewhere.place(activity.id, municipality, "cooperation", "coordination")  # before their turn
        await pilot.pause()
        await pilot.pause(COUNT_DELAY + 0.1)  # the header's count too (it read the file, under load)
        assert reads == [1]
        assert "✓ placed Police" in screen_text(app)
        watch.settled_at = 0.0
        await until(pilot, lambda: "✓ placed Municipality" in screen_text(app), "the next look's news")
