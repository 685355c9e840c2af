"""Keys needed to set every role of the demo (English scenario), through the real app.

The demo session is created, its roles are noted and cleared, and a pilot sets them again
the shortest way the keyboard allows, counting every key press:

* **list**: the roles-and-expectations view as it was before the grid: in the activity list
  `down` to the activity, `right` into its items, `down` to the party, `r`, arrows to the
  role in the dialog, `enter`; `left` back to the activities.
* **grid**: the role grid (`g` from the view): tab (the next cell that can take a role) or
  the arrows to the cell, whichever is fewer, then the role's digit (which moves the cursor
  on to the next such cell); `escape` closes.

Both start in the roles-and-expectations view with the focus on the activity list, and both
check at the end that the saved session has exactly the demo's roles. A second session,
"room", is the issue's: 7 parties and 8 activities of 4–7 parties each, every party with a
role. Run from the repository root: `python bench/bench_role_keys.py [demo|room] [list|grid]`.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from textual.widgets import OptionList

from facilitator.core.demo import create_demo
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService
from facilitator.ui.app import create_app
from facilitator.ui.dialogs.roles import RoleDialog
from facilitator.ui.screens.workshop import WorkshopScreen
from facilitator.ui.views.agree import AgreeView

SIZE = (120, 40)
SCENE = "demo"


class Counter:
    def __init__(self, pilot) -> None:  # type: ignore[no-untyped-def]
        self.pilot = pilot
        self.keys = 0

    async def press(self, *keys: str) -> None:
        for key in keys:
            self.keys += 1
            await self.pilot.press(key)
        await self.pilot.pause()


def room(library: SessionLibrary) -> SessionService:
    """The issue's room: 7 parties, 8 activities of 4–7 parties each, every party with a role."""
    scenario = find_scenario("community-safety")
    service = library.create(scenario, "A full room")
    parties = [service.add_party(f"Party {n + 1}") for n in range(7)]
    roles = [r.id for r in scenario.roles]
    for n in range(8):
        involved = parties[n % 3 : n % 3 + 4 + n % 4]
        activity = service.add_activity(f"Activity {n + 1}", party_ids=involved)
        for k, party in enumerate(involved):
            service.set_role(activity, party, roles[0] if k == 0 else roles[1 + (n + k) % (len(roles) - 1)])
    return service


def demo(root: Path) -> tuple[SessionLibrary, SessionService, dict[tuple[str, str], str]]:
    library = SessionLibrary(root)
    service = room(library) if SCENE == "room" else create_demo(library, find_scenario("community-safety"))
    session = service.session
    wanted = {(a.id, p): r for a in session.activities for p, r in session.roles_for(a.id).items()}
    for activity_id, party_id in wanted:
        service.set_role(activity_id, party_id, None)
    agree = next(p.id for p in session.scenario.agenda if p.kind == "agree")
    service.set_phase(agree)
    service.set_view_state(selected_activity=session.activities[0].id)
    return library, service, wanted


async def open_agree(app, pilot) -> AgreeView:  # type: ignore[no-untyped-def]
    for _ in range(100):
        await pilot.pause()
        if isinstance(app.screen, WorkshopScreen) and app.screen.query(AgreeView):
            view = app.screen.query_one(AgreeView)
            if app.focused is view.query_one("#agree-activities"):
                return view
    raise SystemExit("the roles-and-expectations view did not open")


async def by_list(root: Path) -> int:
    library, service, wanted = demo(root)
    app = create_app(library, session_path=service.path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        view = await open_agree(app, pilot)
        keys = Counter(pilot)
        session = service.session
        for number, activity in enumerate(session.activities):
            parties = [p for p in activity.party_ids if (activity.id, p) in wanted]
            if not parties:
                continue
            activities = view.query_one("#agree-activities", OptionList)
            while activities.highlighted != number:
                await keys.press("down")
            await keys.press("right")
            items = view.query_one("#agree-items", OptionList)
            for party in parties:
                target = items.get_option_index(f"party:{party}")
                while items.highlighted != target:
                    await keys.press(
                        "down" if items.highlighted is None or items.highlighted < target else "up"
                    )
                await keys.press("r")
                dialog = app.screen
                assert isinstance(dialog, RoleDialog), dialog
                options = dialog.query_one("#role-options", OptionList)
                goal = options.get_option_index(wanted[(activity.id, party)])
                while options.highlighted != goal:
                    await keys.press(
                        "down" if options.highlighted is None or options.highlighted < goal else "up"
                    )
                await keys.press("enter")
            await keys.press("left")
    check(service, wanted)
    return keys.keys


async def by_grid(root: Path) -> int:
    from facilitator.ui.views.role_grid import RoleGrid, RoleGridScreen

    library, service, wanted = demo(root)
    app = create_app(library, session_path=service.path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await open_agree(app, pilot)
        keys = Counter(pilot)
        await keys.press("g")
        screen = app.screen
        assert isinstance(screen, RoleGridScreen), screen
        grid = screen.query_one(RoleGrid)
        roles = [r.id for r in service.scenario.roles]
        session = service.session
        for row, activity in enumerate(session.activities):
            for party in activity.party_ids:
                if (activity.id, party) not in wanted:
                    continue
                column = grid.party_ids.index(party)
                while grid.cursor != (row, column):
                    r, c = grid.cursor
                    arrows = abs(row - r) + abs(column - c)
                    if tabs_to(grid, (row, column)) <= arrows:
                        await keys.press("tab")
                    elif r != row:
                        await keys.press("down" if r < row else "up")
                    else:
                        await keys.press("right" if c < column else "left")
                await keys.press(str(roles.index(wanted[(activity.id, party)]) + 1))
        await keys.press("escape")
    check(service, wanted)
    return keys.keys


def tabs_to(grid, target: tuple[int, int]) -> int:  # type: ignore[no-untyped-def]
    """How many tabs (next cell that can take a role) from the cursor to `target`; large if never."""
    saved, count = grid.cursor, 0
    while grid.cursor != target and count < 1000:
        following = grid.next_involved(1)
        if following is None or following > target:
            count = 1000
            break
        grid.cursor = following
        count += 1
    grid.cursor = saved
    return count


def check(service: SessionService, wanted: dict[tuple[str, str], str]) -> None:
    session = SessionService(service.path).session
    got = {(a.id, p): r for a in session.activities for p, r in session.roles_for(a.id).items()}
    if got != wanted:
        raise SystemExit(f"roles differ: {got} != {wanted}")


async def main() -> None:
    global SCENE
    ways = [a for a in sys.argv[1:] if a in ("list", "grid")] or ["list", "grid"]
    for SCENE in [a for a in sys.argv[1:] if a in ("demo", "room")] or ["demo", "room"]:
        for way in ways:
            with tempfile.TemporaryDirectory() as folder:
                count = await (by_list if way == "list" else by_grid)(Path(folder))
                what = "the demo's roles" if SCENE == "demo" else "every role of 7 parties × 8 activities"
                print(f"{SCENE} {way}: {count} keys for {what}")


if __name__ == "__main__":
    asyncio.run(main())
