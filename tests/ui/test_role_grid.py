"""Roles and expectations at the speed of a room: the role grid, signing off for everyone
present at once, and an expectation's parties chosen with single keys."""

from __future__ import annotations

import asyncio
from pathlib import Path

import aiohttp
from textual.widgets import Input, Label, OptionList, Select

from facilitator.core.service import SessionService
from facilitator.ui.dialogs.common import ConfirmDialog
from facilitator.ui.dialogs.roles import RoleDialog
from facilitator.ui.views.expectation_keys import QuickExpectationDialog
from facilitator.ui.views.role_grid import RoleGrid, RoleGridScreen, fit, short_name
from facilitator.ui.views.sign_all import present_parties
from facilitator.web.room_file import RoomFile, phone_parties
from tests.web.conftest import Phone
from tests.web.test_serve_cli import serving

from .helpers import burst, phones_joined, screen_shown, until
from .test_agree import (
    HOSTILE,
    MakeApp,
    back_to_view,
    build,
    cursor_to,
    fresh,
    notifications,
    open_agree,
    plain,
)


def grid_text(grid: RoleGrid) -> list[str]:
    return [grid.render_line(y).text for y in range(grid.size.height)]


def row_of(grid: RoleGrid, title: str) -> str:
    return next(line for line in grid_text(grid) if title in line)


async def open_grid(pilot, app) -> tuple[RoleGridScreen, RoleGrid]:  # type: ignore[no-untyped-def]
    screen = await screen_shown(pilot, RoleGridScreen)
    grid = screen.query_one(RoleGrid)
    await until(pilot, lambda: grid.has_focus, "the grid to take the focus")
    return screen, grid


def test_short_names_and_fitted_headers_mark_what_they_cut() -> None:
    assert short_name("Lead", 8) == "Lead"
    assert short_name("Contributor", 6) == "Contr."
    assert fit("Local residents", 9, 3) == ["Local", "residents"]
    assert fit("Child protection", 8, 3) == ["Child", "protect…"]
    assert fit("One two three four", 5, 2) == ["One", "two…"]


async def test_a_digit_sets_the_role_of_the_cell_and_moves_on(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    w = build(empty_session)  # parties: Police, Town, HOSTILE, Residents; "Joint plan" has the first three
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        await pilot.press("g")
        screen, grid = await open_grid(pilot, app)
        # On the selected activity's row, on its first party; the header names the parties literally.
        assert grid.cell() == (w.talks, w.police)
        header = "\n".join(grid_text(grid)[:3])
        assert "Police" in header and "[@click=app.qu…" in header and "[b]bold[/b]" in header
        assert "1 Lead" in plain(screen.query_one("#grid-legend", Label))
        # The header says that a digit moves on: no → is needed (one would skip a party).
        said = plain(screen.query_one("#grid-moves-on", Label))
        assert "moves on to the next party" in said and "no →" in said
        assert screen.query_one("#grid-moves-on").region.bottom <= grid.region.y  # above the grid
        # 1 = Lead on Police, then the cursor is on Town: 2 = Partner; then on the odd party.
        await pilot.press("1", "2")
        assert grid.cell() == (w.talks, w.odd)
        await pilot.press("backspace")  # nothing to clear: stays "?" and moves on
        roles = fresh(empty_session).roles_for(w.talks)
        assert roles == {w.police: "lead", w.town: "partner"}
        assert "1 Lead" in row_of(grid, "Joint plan") and "2 Partner" in row_of(grid, "Joint plan")
        assert "?" in row_of(grid, "Joint plan")  # the odd party: no role yet
        assert "·" in row_of(grid, "Joint plan")  # Residents: not in the activity
        # The cursor went on to the next row's first party of that activity (Round table: Police).
        assert grid.cell() == (w.table, w.police)
        # A party not in the activity refuses, and says why; the session is unchanged.
        await pilot.press("right", "right")
        assert grid.cell() == (w.table, w.odd)
        assert "is not in “Round table”" in plain(screen.query_one("#grid-cell", Label))
        await pilot.press("3")
        assert "not in the activity" in notifications(app)[-1]
        assert w.odd not in fresh(empty_session).roles_for(w.table)
        # 0 clears; shift+tab goes back to the previous cell that can take a role.
        await pilot.press("up", "left", "left", "0")
        assert w.police not in fresh(empty_session).roles_for(w.talks)
        await pilot.press("shift+tab")
        assert grid.cell() == (w.talks, w.police)
        await pilot.press("9")  # only five roles
        assert "There are 5 roles" in notifications(app)[-1]
        await pilot.press("escape")
        await back_to_view(pilot)
        assert app.focused is not None and view in app.focused.ancestors


async def test_digits_typed_together_go_one_to_a_cell(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    """The tester's `tmux send-keys 1 2`: the keys arrive together, and each digit goes to the
    cell the one before it moved on to (the app holds a key until the one before is handled,
    `ui/key_order.py`); they all went into the first cell."""
    w = build(empty_session)
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_agree(app, pilot)
        await pilot.press("g")
        _screen, grid = await open_grid(pilot, app)
        assert grid.cell() == (w.talks, w.police)
        await burst(pilot, "12")
        await until(pilot, lambda: grid.cell() == (w.talks, w.odd), "the cursor two parties on")
        assert fresh(empty_session).roles_for(w.talks) == {w.police: "lead", w.town: "partner"}


async def test_the_grid_by_mouse_and_palette(make_app: MakeApp, empty_session: SessionService) -> None:
    w = build(empty_session)
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        titles = [str(c.title) for c in app.get_system_commands(app.screen)]
        assert "Role grid" in titles and "All present sign off" in titles
        await pilot.click("#agree-grid")
        _screen, grid = await open_grid(pilot, app)
        layout = grid.layout_for(grid.size.width, grid.size.height)
        # The second party's column, the second activity's row.
        await pilot.click(grid, offset=(layout.title + layout.cell + 2, layout.header + 1 + layout.row))
        assert grid.cell() == (w.table, w.town)
        await pilot.press("4")
        assert fresh(empty_session).roles_for(w.table) == {w.town: "informed"}
        # A second click on the cursor's cell: the role dialog, each role explained; a click chooses.
        police_cell = (layout.title + 2, layout.header + 1 + layout.row)
        await pilot.click(grid, offset=police_cell)
        assert grid.cell() == (w.table, w.police) and isinstance(app.screen, RoleGridScreen)
        await pilot.click(grid, offset=police_cell)
        role_dialog = await screen_shown(pilot, RoleDialog)
        options = role_dialog.query_one("#role-options", OptionList)
        options.highlighted = options.get_option_index("funder")
        options.action_select()
        await screen_shown(pilot, RoleGridScreen)
        await until(pilot, lambda: fresh(empty_session).roles_for(w.table).get(w.police) == "funder")
        # The palette offers each role for the cursor's cell.
        commands = {str(c.title): c for c in app.get_system_commands(app.screen)}
        assert "Role 1: Lead" in commands and "Role 0: none (clear)" in commands
        commands["Role 2: Partner"].callback()
        await pilot.pause()
        assert fresh(empty_session).roles_for(w.table).get(w.town) == "partner"  # moved on to Town
        await pilot.click("#grid-close")
        await back_to_view(pilot)
        del view


async def test_the_grid_fits_a_small_screen_and_scrolls_sideways(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    names = [f"Party number {n}" for n in range(12)]
    ids = [empty_session.add_party(n) for n in names]
    for n in range(10):
        empty_session.add_activity(f"Activity {n} with a long title that wraps", party_ids=ids[n : n + 3])
    app = make_app(session=empty_session)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_agree(app, pilot)
        await pilot.press("g")
        _screen, grid = await open_grid(pilot, app)
        assert all(len(line) <= grid.size.width for line in grid_text(grid))
        await pilot.press("end")  # the last party's column comes into view
        assert grid.left > 0 and grid.cell() == (grid.activity_ids[0], ids[-1])
        for _ in range(9):
            await pilot.press("down")
        assert any("▶ Activity 9" in line for line in grid_text(grid))  # the last row, in view


async def sign_all_asks(app, pilot) -> str:  # type: ignore[no-untyped-def]
    """Open the roles phase, press S: what the confirmation says."""
    await open_agree(app, pilot)
    await pilot.press("S")
    confirm = await screen_shown(pilot, ConfirmDialog)
    return plain(confirm.query_one(".dialog-message", Label))


async def test_all_present_parties_sign_off_with_one_confirmation(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    w = build(empty_session)
    empty_session.add_participant("Mari", w.police)
    empty_session.add_participant("Jaan", w.odd)
    assert present_parties(empty_session.session, w.talks) == ([w.police, w.odd], [w.town])
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        message = await sign_all_asks(app, pilot)
        assert "for 2 parties present: Police, [@click=app.quit]x [b]bold[/b] [red]?" in message
        assert "Not present (no participant, no phone), not signed: Town." in message
        await pilot.press("y")
        await back_to_view(pilot)
        signed = {s.party_id for s in fresh(empty_session).signoffs_for(w.talks)}
        assert signed == {w.police, w.odd}
        assert "2 parties signed off" in notifications(app)[-1]
        await pilot.press("S")  # nobody left to sign: said, nothing asked
        await pilot.pause()
        assert "Every party present has signed off" in notifications(app)[-1]
        # Cancelled: nothing signed. Without any participants every party counts as present.
        await pilot.press("down")
        await pilot.pause()
        empty_session.remove_participant(fresh(empty_session).participants[0].id)
        empty_session.remove_participant(fresh(empty_session).participants[0].id)
        await pilot.press("S")
        await screen_shown(pilot, ConfirmDialog)
        await pilot.press("escape")
        await back_to_view(pilot)
        assert fresh(empty_session).signoffs_for(w.table) == ()
        await pilot.press("S")
        await screen_shown(pilot, ConfirmDialog)
        await pilot.press("y")
        await back_to_view(pilot)
        assert {s.party_id for s in fresh(empty_session).signoffs_for(w.table)} == {w.police, w.town}


async def test_a_party_whose_only_person_is_on_a_phone_counts_as_present(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    """Town has no participant entered, but a phone joined for it to the app's server."""
    w = build(empty_session)
    empty_session.add_participant("Mari", w.police)
    assert present_parties(empty_session.session, w.talks, {w.town}) == ([w.police, w.town], [w.odd])
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot, phones_joined(app, empty_session, [w.town]):
        message = await sign_all_asks(app, pilot)
        assert "Not present (no participant, no phone), not signed: [@click" in message  # the odd one
        await pilot.press("y")
        await back_to_view(pilot)
        assert {s.party_id for s in fresh(empty_session).signoffs_for(w.talks)} == {w.police, w.town}


async def test_an_expectations_parties_by_single_keys(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    w = build(empty_session)
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_agree(app, pilot)
        await cursor_to(pilot, view, f"party:{w.police}")
        await pilot.press("e")
        form = await screen_shown(pilot, QuickExpectationDialog)
        source, target = (
            form.query_one("#expectation-from", Select),
            form.query_one("#expectation-to", Select),
        )
        assert (source.value, target.value) == (w.police, w.town)  # preset; typing goes into the text
        assert isinstance(app.focused, Input)
        assert "first letter" in plain(form.query_one("#expectation-keys", Label))
        # up: to "From"; 2 = the second party of the list (Town); then "To": r = Residents (outside).
        await pilot.press("up")
        assert app.focused is source
        await pilot.press("2")
        assert source.value == w.town and app.focused is target
        await pilot.press("r")
        assert target.value == w.outsider and isinstance(app.focused, Input)
        await pilot.press(*"Come to the meeting", "enter")
        await back_to_view(pilot)
        (asked,) = fresh(empty_session).expectations_for(w.talks)
        assert (asked.from_party, asked.to_party, asked.text) == (w.town, w.outsider, "Come to the meeting")
        # The lists are numbered and literal; a letter steps through parties starting with it.
        await pilot.press("e")
        form = await screen_shown(pilot, QuickExpectationDialog)
        await pilot.press("up")
        source = form.query_one("#expectation-from", Select)
        assert form.party_for_key("[", source.value) == w.odd  # "[@click…" starts with "["
        assert form.party_for_key("7", source.value) is None
        await pilot.press("escape")
        await back_to_view(pilot)
        assert HOSTILE in [name for _pid, name in form.parties]


async def test_the_grid_follows_a_change_made_elsewhere(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    w = build(empty_session)
    app = make_app(session=empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_agree(app, pilot)
        await pilot.press("g")
        screen, grid = await open_grid(pilot, app)
        SessionService(empty_session.path).set_role(w.table, w.town, "funder")  # another process
        app.sessions.check(screen.service)  # the watcher's poll, now
        await pilot.pause()
        assert "5 Funder" in row_of(grid, "Round table")


async def test_a_phone_joined_to_serve_in_another_process_counts_as_present(
    make_app: MakeApp, empty_session: SessionService, data_dir: Path
) -> None:
    """Town's only person joined from a phone to `facilitator serve`, not to the app's server:
    S counts Town as present all the same (the room file keeps that server's devices)."""
    w = build(empty_session)
    empty_session.add_participant("Mari", w.police)
    with serving(data_dir, empty_session, "--port", "0") as served:
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
            status, _text = await Phone(http, served.address.rstrip("/")).join(served.code, w.town, "Jaan")
            assert status == 200
        for _ in range(100):  # its room file is written a moment after the join
            if w.town in phone_parties(RoomFile(empty_session.path).desk()):
                break
            await asyncio.sleep(0.05)
        assert RoomFile(empty_session.path).served_elsewhere()
        app = make_app(session=empty_session)
        async with app.run_test(size=(120, 40)) as pilot:
            message = await sign_all_asks(app, pilot)
            assert "for 2 parties present: Police, Town?" in message
            assert "Not present (no participant, no phone), not signed: [@click" in message
            await pilot.press("y")
            await back_to_view(pilot)
            assert {s.party_id for s in fresh(empty_session).signoffs_for(w.talks)} == {w.police, w.town}
    # Once that server has stopped, the phones it kept no longer count as in the room.
    assert not RoomFile(empty_session.path).served_elsewhere()
