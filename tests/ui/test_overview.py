"""The overview (F2): mismatches by kind, the role matrix, the partnership matrix."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.command import CommandPalette
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import DataTable, Label, OptionList, Static, TabbedContent

from facilitator.core.demo import create_demo
from facilitator.core.library import SessionLibrary
from facilitator.core.matrices import partnership_matrix, role_matrix
from facilitator.core.mismatches import (
    BOOKKEEPING,
    DISCUSS,
    by_group,
    counts_by_kind,
    kinds_by_group,
    mismatches,
)
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.screens.overview import OverviewScreen
from facilitator.ui.screens.overview_rows import ALL, PARTY_COLUMN
from facilitator.ui.screens.workshop import WorkshopScreen
from facilitator.ui.widgets.mismatch_badge import MismatchBadge

from .helpers import palette_found, row_top, until

MakeApp = Callable[..., FacilitatorApp]
HOSTILE = "[@click=app.quit]x [b]bold[/b] [red]"
CLICKY = "[@click=app.quit]x"  # fits a party column whole
BOLD = "[b]bold[/b]"


def plain(value: object) -> str:
    if isinstance(value, Label | Static):
        value = value.visual
    if isinstance(value, Text | Content):
        return value.plain
    if isinstance(value, str):
        return value
    raise AssertionError(f"not text: {value!r}")


def shortened(shown: str, name: str) -> str:
    """The full name when `shown` is it, or it cut short with "…" to fit its column."""
    return name if shown == name or (shown.endswith("…") and name.startswith(shown[:-1])) else shown


async def open_overview(app: FacilitatorApp, pilot: Pilot[int]) -> OverviewScreen:
    await pilot.pause()
    assert isinstance(app.screen, WorkshopScreen)
    await pilot.press("f2")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, OverviewScreen)
    return screen


def kinds_shown(screen: OverviewScreen) -> list[tuple[str, int]]:
    """The kind filter's options as (kind, count)."""
    kinds = screen.query_one("#ov-kinds", OptionList)
    out = []
    for index in range(kinds.option_count):
        option = kinds.get_option_at_index(index)
        count, _name = plain(option.prompt).split(maxsplit=1)
        out.append((option.id or "", int(count)))
    return out


def table_rows(table: DataTable[object]) -> list[list[str]]:
    return [[plain(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def aligned_session(library: SessionLibrary) -> SessionService:
    """Two parties fully agreed on one activity: no mismatch at all."""
    service = library.create(find_scenario("community-safety"), "Aligned")
    police = service.add_party("Police")
    town = service.add_party("Town")
    activity = service.add_activity("Round table", party_ids=[police, town])
    service.place(activity, police, "communication", "communication")
    service.place(activity, town, "communication", "communication")
    service.reveal(activity)
    service.agree(activity, current="communication", wished="communication")
    service.set_role(activity, police, "lead")
    service.set_role(activity, town, "partner")
    for field in service.scenario.rung("communication").fields:
        service.set_field(activity, field.id, "agreed")
    service.sign_off(activity, police)
    service.sign_off(activity, town)
    assert mismatches(service.session) == []
    return service


def hostile_session(library: SessionLibrary) -> tuple[SessionService, dict[str, str]]:
    service = library.create(find_scenario("community-safety"), HOSTILE)
    ids = {
        "clicky": service.add_party(CLICKY),
        "bold": service.add_party(BOLD),
        "town": service.add_party("Town"),
    }
    ids["activity"] = service.add_activity(HOSTILE, party_ids=[ids["clicky"], ids["bold"]])
    ids["other"] = service.add_activity("Plain", party_ids=[ids["bold"], ids["town"]])
    service.set_role(ids["activity"], ids["clicky"], "lead")
    service.add_expectation(ids["activity"], ids["clicky"], ids["bold"], HOSTILE)
    return service, ids


# --------------------------------------------------------------------------- opening and closing


async def test_f2_opens_the_overview_and_escape_or_f2_closes_it(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    app = make_app(session=demo_session)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_overview(app, pilot)
        assert screen.query_one("#overview-tabs", TabbedContent).active == "ov-mismatches"
        assert app.focused is screen.query_one("#ov-mismatches-table", DataTable)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)


async def first_count(pilot: Pilot[int], button: MismatchBadge) -> None:
    """The header counts after the first frame (COUNT_DELAY), so that start-up does not wait."""
    await until(pilot, lambda: plain(button.label) != "⚠ …", "the mismatch count")
    await pilot.pause()  # and its new width laid out


async def test_the_header_shows_the_count_and_a_click_opens_the_overview(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    found = mismatches(demo_session.session)
    count = sum(1 for m in found if m.group == DISCUSS)  # the header counts what to discuss
    bookkeeping = len(found) - count
    assert count and bookkeeping
    app = make_app(session=demo_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        button = app.screen.query_one("#workshop-mismatches", MismatchBadge)
        await first_count(pilot, button)
        assert plain(button.label) == f"⚠ {count}"
        assert f"To discuss: {count}; bookkeeping (roles not recorded, sign-offs): {bookkeeping}." in str(
            button.tooltip
        )
        assert button.region.height == 1 and button.region.y == 0  # on the title line
        await pilot.click("#workshop-mismatches")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)
        await pilot.press("escape")
        await pilot.pause()
        # Fixing a mismatch elsewhere (another device, the CLI) updates the count.
        unanswered = next(m for m in mismatches(demo_session.session) if m.kind == "expectation_open")
        SessionService(demo_session.path).answer_expectation(unanswered.target, "accepted")
        workshop = app.screen
        assert isinstance(workshop, WorkshopScreen)
        app.sessions.check(workshop.service)  # the watcher looks (no waiting for its poll)
        await until(pilot, lambda: plain(button.label) == f"⚠ {count - 1}", "the new count")


async def test_the_header_says_when_there_is_nothing_to_fix(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service = aligned_session(ui_library)
    app = make_app(session=service)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        button = app.screen.query_one("#workshop-mismatches", MismatchBadge)
        await first_count(pilot, button)
        assert plain(button.label) == "✓ 0"


async def test_the_palette_opens_the_overview_and_filters_by_kind(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    app = make_app(session=demo_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Overview" in titles
        await pilot.press("ctrl+p")
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        await pilot.press(*"Overview")
        await until(pilot, lambda: palette_found(app, "Overview"), "the palette's search")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, OverviewScreen), "the overview")
        screen = app.screen
        assert isinstance(screen, OverviewScreen)
        titles = [c.title for c in app.get_system_commands(screen)]
        for wanted in ("Back to the workshop", "Mismatches", "Roles", "Partnerships", "Go there"):
            assert wanted in titles
        no_role = sum(1 for m in mismatches(demo_session.session) if m.kind == "no_role")
        assert f"Show mismatches: No role ({no_role})" in titles
        await pilot.press("ctrl+p")
        await pilot.press(*"Show mismatches: No role")
        await until(pilot, lambda: palette_found(app, "Show mismatches: No role"), "the palette's search")
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is screen, "back on the overview")
        assert screen.kind_filter == "no_role"
        kinds = {row[1] for row in table_rows(screen.query_one("#ov-mismatches-table", DataTable))}
        assert kinds == {"No role"}


# --------------------------------------------------------------------------- mismatches


async def test_what_to_discuss_comes_first_and_bookkeeping_can_be_hidden(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    found = mismatches(demo_session.session)
    discuss = [m for m in found if m.group == DISCUSS]
    bookkeeping = [m for m in found if m.group == BOOKKEEPING]
    assert discuss and bookkeeping
    app = make_app(session=demo_session)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_overview(app, pilot)
        table = screen.query_one("#ov-mismatches-table", DataTable)
        t = app.t
        kinds = [row[1] for row in table_rows(table)]
        assert kinds == [t(f"mismatch.kind.{m.kind}") for m in discuss + bookkeeping]
        assert f"To discuss: {len(discuss)} · bookkeeping: {len(bookkeeping)}" in plain(
            screen.query_one("#overview-counts", Label)
        )
        await pilot.press("b")  # hide the bookkeeping
        await pilot.pause()
        assert table.row_count == len(discuss)
        assert {kind for kind, _count in kinds_shown(screen)} <= {ALL} | {m.kind for m in discuss}
        assert "press b to show it" in plain(screen.query_one("#overview-counts", Label))
        assert any("bookkeeping" in c.title.lower() for c in app.get_system_commands(screen))
        await pilot.press("b")  # and back
        await pilot.pause()
        assert table.row_count == len(found)


async def test_counts_by_kind_match_the_core_and_filter_the_list(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    found = by_group(mismatches(demo_session.session))  # what to discuss first
    counts = counts_by_kind(found, kinds_by_group())
    discuss = sum(1 for m in found if m.group == DISCUSS)
    app = make_app(session=demo_session)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_overview(app, pilot)
        assert kinds_shown(screen) == [(ALL, len(found)), *counts.items()]
        tab = screen.query_one("#overview-tabs", TabbedContent).get_tab("ov-mismatches")
        assert plain(tab.label) == f"1 Mismatches ({discuss})"
        table = screen.query_one("#ov-mismatches-table", DataTable)
        assert table.row_count == len(found)
        t = app.t
        assert [row[1] for row in table_rows(table)] == [t(f"mismatch.kind.{m.kind}") for m in found]
        titles = {a.id: a.title for a in demo_session.session.activities}
        assert [row[2] for row in table_rows(table)] == [titles[m.activity_id] for m in found]  # whole
        assert [c.key.value for c in table.ordered_columns] == ["number", "kind", "activity"]
        # Choosing a kind (arrow keys in the filter) shows only that kind...
        kinds = screen.query_one("#ov-kinds", OptionList)
        kinds.focus()
        await pilot.press("down", "down")
        await pilot.pause()
        second = list(counts)[1]
        assert screen.kind_filter == second
        assert table.row_count == counts[second]
        assert {row[1] for row in table_rows(table)} == {t(f"mismatch.kind.{second}")}
        # ...enter goes to the list, a click on "all kinds" shows them all again.
        await pilot.press("enter")
        assert app.focused is table
        await pilot.click("#ov-kinds", offset=(4, 1))
        await pilot.pause()
        assert screen.kind_filter == ALL and table.row_count == len(found)
        # k steps through the kinds (also from another tab), back to all at the end.
        await pilot.press("2", "k")
        await pilot.pause()
        assert screen.query_one("#overview-tabs", TabbedContent).active == "ov-mismatches"
        assert screen.kind_filter == next(iter(counts))
        for _ in counts:
            await pilot.press("k")
        assert screen.kind_filter == ALL


async def test_the_highlighted_mismatch_is_explained_in_full(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    found = mismatches(demo_session.session)
    app = make_app(session=demo_session)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_overview(app, pilot)
        await pilot.press("down")
        await pilot.pause()
        detail = plain(screen.query_one("#ov-mismatch-detail", Static))
        assert found[1].explain(app.t) in detail
        assert app.t(f"mismatch.kind.{found[1].kind}") in detail
        # Where it is fixed, as the core declares it for every view (issue 14).
        phase = next(p for p in demo_session.scenario.agenda if p.kind == found[1].phase_kind)
        assert phase.name in detail
        assert f"(Basis: {found[1].basis(app.t)})" in detail  # the line of the guide it rests on


async def test_choosing_a_mismatch_goes_where_it_is_fixed(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    found = by_group(mismatches(demo_session.session))  # as listed: what to discuss first
    to_agree = [m for m in found if m.kind == "no_role"][-1]  # fixed in the agree phase
    to_place, to_place_too = [m for m in found if m.phase_kind == "place"][:2]  # two activities
    assert to_place.activity_id != to_place_too.activity_id
    app = make_app(session=demo_session)
    async with app.run_test(size=(120, 40)) as pilot:
        # Enter on a mismatch that is fixed on the board (the board is shown for the first time).
        screen = await open_overview(app, pilot)
        table = screen.query_one("#ov-mismatches-table", DataTable)
        table.move_cursor(row=found.index(to_place))
        await pilot.press("enter")
        await pilot.pause()
        workshop = app.screen
        assert isinstance(workshop, WorkshopScreen)
        assert workshop.phase_kind(workshop.phase_id) == "place"
        assert demo_session.view_state["selected_activity"] == to_place.activity_id
        from facilitator.ui.views.board import BoardView

        assert workshop.query_one(BoardView).board.selected_id == to_place.activity_id
        # The board, already shown, follows to another activity.
        screen = await open_overview(app, pilot)
        screen.query_one("#ov-mismatches-table", DataTable).move_cursor(row=found.index(to_place_too))
        await pilot.press("enter")
        await pilot.pause()
        assert workshop.query_one(BoardView).board.selected_id == to_place_too.activity_id
        # A second click on the highlighted row: one that is fixed in the agree phase.
        screen = await open_overview(app, pilot)
        table = screen.query_one("#ov-mismatches-table", DataTable)
        table.move_cursor(row=found.index(to_agree))
        await pilot.pause()
        row_y = row_top(table, table.cursor_row) - int(table.scroll_y) + 1  # below the header
        await pilot.click(table, offset=(3, row_y))
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        assert workshop.phase_kind(workshop.phase_id) == "agree"
        assert demo_session.view_state["selected_activity"] == to_agree.activity_id
        from facilitator.ui.views.agree import AgreeView

        await pilot.pause()
        assert workshop.query_one(AgreeView).activity_id == to_agree.activity_id


async def test_the_go_there_button_and_key(make_app: MakeApp, demo_session: SessionService) -> None:
    from facilitator.core.mismatches import by_group

    found = by_group(mismatches(demo_session.session))  # as listed: what to discuss first
    app = make_app(session=demo_session)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_overview(app, pilot)
        await pilot.click("#ov-mismatch-fix")
        await pilot.pause()
        workshop = app.screen
        assert isinstance(workshop, WorkshopScreen)
        assert workshop.phase_kind(workshop.phase_id) == found[0].phase_kind
        assert demo_session.view_state["selected_activity"] == found[0].activity_id
        screen = await open_overview(app, pilot)
        await pilot.press("down", "down", "g")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopScreen)
        assert demo_session.view_state["selected_activity"] == found[2].activity_id
        assert not screen.is_attached


async def test_a_missing_phase_is_explained_not_crashed(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    app = make_app(session=demo_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        workshop = app.screen
        assert isinstance(workshop, WorkshopScreen)
        before = workshop.phase_id
        workshop.jump_to("no-such-kind", None)
        await pilot.pause()
        assert workshop.phase_id == before
        assert any("no phase" in n.message for n in app._notifications)


async def test_empty_states_in_both_languages(make_app: MakeApp, ui_library: SessionLibrary) -> None:
    empty = ui_library.create(find_scenario("community-safety"), "Empty")
    app = make_app(session=empty)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_overview(app, pilot)
        label = screen.query_one("#ov-mismatches-empty", Label)
        assert label.display and not screen.query_one("#ov-mismatches-body").display
        assert "No activities yet" in plain(label)
        assert screen.query_one("#ov-roles-empty", Label).display
        assert screen.query_one("#ov-partners-empty", Label).display
    aligned = aligned_session(ui_library)
    app = make_app(session=aligned)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_overview(app, pilot)
        label = screen.query_one("#ov-mismatches-empty", Label)
        assert plain(label) == "No mismatches: the parties are aligned on everything recorded so far."
        await pilot.press("f7")
        await pilot.pause()
        assert plain(label) == "Lahknevusi pole: osapooled on kõiges seni kirja pandus ühel meelel."
        await pilot.press("g")  # nothing to go to: says so, stays
        await pilot.pause()
        assert app.screen is screen


async def test_the_list_follows_changes_made_while_it_is_open(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    app = make_app(session=demo_session)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_overview(app, pilot)
        table = screen.query_one("#ov-mismatches-table", DataTable)
        before = table.row_count
        no_role = [m for m in mismatches(demo_session.session) if m.kind == "no_role"]
        # Through the app's own service (it tells its listeners at once)...
        screen.service.set_role(no_role[0].activity_id, no_role[0].target, "partner")
        await pilot.pause()
        assert table.row_count == before - 1
        assert dict(kinds_shown(screen))["no_role"] == len(no_role) - 1
        # ...and in another one (the file is polled).
        SessionService(demo_session.path).set_role(no_role[1].activity_id, no_role[1].target, "partner")
        app.sessions.check(screen.service)
        await until(pilot, lambda: table.row_count == before - 2, "the other window's change")
        # Filtering on a kind whose last mismatch is fixed falls back to all kinds.
        screen.set_kind("overlap")
        overlap = next(m for m in mismatches(demo_session.session) if m.kind == "overlap")
        commitment = next(
            c
            for c in demo_session.session.commitments_for(overlap.activity_id)
            if c.party_id == overlap.party_ids[-1]
        )
        screen.service.remove_commitment(commitment.id)
        await pilot.pause()
        assert screen.kind_filter == ALL
        assert table.row_count == len(mismatches(demo_session.session))


# --------------------------------------------------------------------------- roles


async def test_the_role_matrix_shows_each_partys_role(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    session = demo_session.session
    roles = role_matrix(session)
    names = {r.id: r.name for r in session.scenario.roles}
    app = make_app(session=demo_session)
    async with app.run_test(size=(200, 60)) as pilot:
        screen = await open_overview(app, pilot)
        await pilot.press("2")
        await pilot.pause()
        table = screen.query_one("#ov-roles-table", DataTable)
        assert app.focused is table
        assert table.row_count == len(session.activities)
        headers = [plain(c.label) for c in table.ordered_columns]
        assert [shortened(h, p.name) for h, p in zip(headers[2:], session.parties, strict=True)] == [
            p.name for p in session.parties
        ]
        seen_lead = seen_none = seen_empty = False
        for activity in session.activities:
            for party in session.parties:
                cell = plain(table.get_cell(activity.id, party.id))
                if (party.id, activity.id) not in roles:
                    assert cell == ""
                    seen_empty = True
                elif roles[(party.id, activity.id)] is None:
                    assert cell == "—"
                    seen_none = True
                elif roles[(party.id, activity.id)] == "lead":
                    assert cell == "★ Lead"
                    seen_lead = True
                else:
                    assert cell == names[roles[(party.id, activity.id)] or ""]
        assert seen_lead and seen_none and seen_empty
        detail = plain(screen.query_one("#ov-roles-detail", Static))
        first = session.activities[0]
        assert first.title in detail and "★ Lead" in detail
        assert "Information flows: From the police to people" in detail  # the demo's first: themed talks


async def test_choosing_an_activity_in_the_role_matrix_goes_to_its_roles(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    session = demo_session.session
    app = make_app(session=demo_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_overview(app, pilot)
        await pilot.press("2", "down", "down", "enter")
        await pilot.pause()
        workshop = app.screen
        assert isinstance(workshop, WorkshopScreen)
        assert workshop.phase_kind(workshop.phase_id) == "agree"
        assert demo_session.view_state["selected_activity"] == session.activities[2].id
        screen = await open_overview(app, pilot)
        await pilot.press("2")
        await pilot.click("#ov-roles-fix")
        await pilot.pause()
        assert demo_session.view_state["selected_activity"] == session.activities[0].id
        assert not screen.is_attached


# --------------------------------------------------------------------------- partnerships


async def test_the_partnership_matrix_matches_the_core(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    session = demo_session.session
    matrix = partnership_matrix(session)
    app = make_app(session=demo_session)
    async with app.run_test(size=(200, 60)) as pilot:
        screen = await open_overview(app, pilot)
        await pilot.click("#--content-tab-ov-partners")
        await pilot.pause()
        assert screen.query_one("#overview-tabs", TabbedContent).active == "ov-partners"
        table = screen.query_one("#ov-partners-table", DataTable)
        assert app.focused is table
        assert table.row_count == len(session.parties)
        for a in session.parties:
            assert shortened(plain(table.get_cell(a.id, PARTY_COLUMN)), a.name) == a.name
            for b in session.parties:
                cell = plain(table.get_cell(a.id, b.id))
                pair = matrix.get((a.id, b.id)) or matrix.get((b.id, a.id))
                if a.id == b.id:
                    assert cell == "·"
                elif pair is None:
                    assert cell == ""
                elif pair.highest is None:
                    assert cell == f"– ({pair.activities})"
                else:  # by the rung's number where its name does not fit (every party in view)
                    number = session.scenario.rung_index(pair.highest) + 1
                    named = session.scenario.rung_title(pair.highest)
                    assert cell in (f"{named} ({pair.activities})", f"{number} ({pair.activities})")
        # The cursor starts on the first pair; the detail says it in a sentence.
        first, second = session.parties[0], session.parties[1]
        assert screen.highlighted_pair() == (first.id, second.id)
        pair = matrix[(first.id, second.id)]
        detail = plain(screen.query_one("#ov-partners-detail", Static))
        assert detail.startswith(f"{first.name} – {second.name}: ")
        assert pair.highest is not None
        assert f"Highest agreed: {session.scenario.rung_title(pair.highest)}" in detail
        await pilot.press("right")
        await pilot.pause()
        assert screen.highlighted_pair() == (first.id, session.parties[2].id)


# --------------------------------------------------------------------------- languages, projector, sizes


async def test_both_languages_and_switching_while_open(make_app: MakeApp, ui_library: SessionLibrary) -> None:
    service = create_demo(ui_library, find_scenario("kogukondlik-turvalisus"))
    found = by_group(mismatches(service.session))
    discuss = sum(1 for m in found if m.group == DISCUSS)
    app = make_app(session=service, lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_overview(app, pilot)
        tabs = screen.query_one("#overview-tabs", TabbedContent)
        table = screen.query_one("#ov-mismatches-table", DataTable)
        assert plain(tabs.get_tab("ov-mismatches").label) == f"1 Lahknevused ({discuss})"
        assert plain(tabs.get_tab("ov-partners").label) == "3 Partnerlused"
        assert [plain(c.label) for c in table.ordered_columns][1] == "Liik"
        assert table_rows(table)[0][1] == app.t(f"mismatch.kind.{found[0].kind}")
        descriptions = {b.binding.description for b in screen.active_bindings.values()}
        assert {"Tagasi töötuppa", "Rollid", "Mine sinna"} <= descriptions
        await pilot.press("f7")
        await pilot.pause()
        assert plain(tabs.get_tab("ov-mismatches").label) == f"1 Mismatches ({discuss})"
        assert [plain(c.label) for c in table.ordered_columns][1] == "Kind"
        assert table_rows(table)[0][1] == app.t(f"mismatch.kind.{found[0].kind}")
        assert kinds_shown(screen)[0] == (ALL, len(found))
        assert "All kinds" in plain(screen.query_one("#ov-kinds", OptionList).get_option_at_index(0).prompt)
        descriptions = {b.binding.description for b in screen.active_bindings.values()}
        assert {"Back to the workshop", "Roles", "Go there"} <= descriptions
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#workshop-mismatches", MismatchBadge).tooltip is not None


async def test_projector_mode_and_small_and_large_terminals(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    app = make_app(session=demo_session)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_overview(app, pilot)
        await pilot.press("f8")
        await pilot.pause()
        assert app.has_class("-projector")
        for key, table_id in (
            ("1", "#ov-mismatches-table"),
            ("2", "#ov-roles-table"),
            ("3", "#ov-partners-table"),
        ):
            await pilot.press(key)
            await pilot.pause()
            table = screen.query_one(table_id, DataTable)
            assert table.display and table.region.height >= 3, table_id
            assert app.focused is table
        # The matrices are wider than 80 columns: they scroll sideways, the first column stays.
        for table_id in ("#ov-roles-table", "#ov-partners-table"):
            assert screen.query_one(table_id, DataTable).max_scroll_x > 0, table_id
        await pilot.press("end")
        await pilot.pause()
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert screen.query_one("#ov-partners-table", DataTable).region.width > 150
        assert plain(screen.query_one("#ov-partners-detail", Static))
        await pilot.press("f8")
        await pilot.pause()
        assert not app.has_class("-projector")


async def test_markup_like_names_are_shown_literally_and_never_run(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service, ids = hostile_session(ui_library)
    app = make_app(session=service)
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await open_overview(app, pilot)
        assert HOSTILE in plain(screen.query_one("#overview-title", Label))
        table = screen.query_one("#ov-mismatches-table", DataTable)
        assert table_rows(table)[0][2] == HOSTILE  # whole (wrapped to the column), never parsed
        detail = plain(screen.query_one("#ov-mismatch-detail", Static))
        assert f"“{HOSTILE}”" in detail and CLICKY in detail
        await pilot.click(table, offset=(30, 1))
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        roles = screen.query_one("#ov-roles-table", DataTable)
        headers = [plain(c.label) for c in roles.ordered_columns]
        assert headers[2:] == [CLICKY, BOLD, "Town"]
        assert plain(roles.get_cell(ids["activity"], ids["clicky"])) == "★ Lead"
        assert plain(roles.get_cell(ids["activity"], ids["town"])) == ""
        assert f"{CLICKY}: ★ Lead" in plain(screen.query_one("#ov-roles-detail", Static))
        await pilot.click(roles, offset=(50, 0))  # the header: a party's name
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        partners = screen.query_one("#ov-partners-table", DataTable)
        assert plain(partners.get_cell(ids["clicky"], PARTY_COLUMN)) == CLICKY
        assert plain(partners.get_cell(ids["clicky"], ids["bold"])) == "– (1)"
        detail = plain(screen.query_one("#ov-partners-detail", Static))
        assert detail.startswith(f"{CLICKY} – {BOLD}: 1 activity together")
        assert f"“{HOSTILE}”" in detail
        await pilot.click(partners, offset=(2, 1))
        await pilot.pause()
        assert app.is_running and app.screen is screen


async def test_the_matrices_follow_changes_made_while_they_are_shown(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    app = make_app(session=demo_session)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_overview(app, pilot)
        session = demo_session.session
        no_role = next(m for m in mismatches(session) if m.kind == "no_role")
        await pilot.press("2")
        await pilot.pause()
        roles = screen.query_one("#ov-roles-table", DataTable)
        assert plain(roles.get_cell(no_role.activity_id, no_role.target)) == "—"
        screen.service.set_role(no_role.activity_id, no_role.target, "funder")
        await pilot.pause()
        shown = plain(roles.get_cell(no_role.activity_id, no_role.target))  # narrowed to fit: "Fund…"
        assert shown != "—" and "Funder".startswith(shown.rstrip("…"))
        # A new activity is a new row (and new mismatches, drawn when their tab is shown).
        police, town = session.parties[0].id, session.parties[5].id
        added = screen.service.add_activity(HOSTILE, party_ids=[police, town])
        await pilot.pause()
        assert roles.row_count == len(session.activities) + 1
        assert plain(roles.get_cell(added, police)) == "—"
        await pilot.press("3")
        await pilot.pause()
        partners = screen.query_one("#ov-partners-table", DataTable)
        before = partnership_matrix(screen.service.session)[(police, town)]
        screen.service.place(added, police, "collaboration", "collaboration")
        screen.service.place(added, town, "collaboration", "collaboration")
        screen.service.reveal(added)
        screen.service.agree(added, current="collaboration", wished="collaboration")
        await pilot.pause()
        cell = plain(partners.get_cell(police, town))
        assert cell == f"4 ({before.activities})" == plain(partners.get_cell(town, police))  # 13 parties
        await pilot.press("1")
        await pilot.pause()
        table = screen.query_one("#ov-mismatches-table", DataTable)
        assert table.row_count == len(mismatches(screen.service.session))
        assert dict(kinds_shown(screen)) == {
            ALL: table.row_count,
            **counts_by_kind(mismatches(screen.service.session)),
        }


async def test_jumping_into_a_view_not_built_yet_selects_the_activity_and_item(
    make_app: MakeApp, demo_session: SessionService
) -> None:
    """At 80×24, from a phase whose view is the only one built so far."""
    demo_session.set_phase("collect")
    no_role = next(m for m in mismatches(demo_session.session) if m.kind == "no_role")
    app = make_app(session=demo_session)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_overview(app, pilot)
        workshop = app.screen_stack[-2]
        assert isinstance(workshop, WorkshopScreen)
        from facilitator.ui.views.agree import AgreeView

        assert not workshop.query(AgreeView)
        screen.set_kind("no_role")
        await pilot.press("g")
        await until(
            pilot, lambda: app.screen is workshop and bool(workshop.query(AgreeView)), "the roles view"
        )
        assert app.screen is workshop and app.is_running
        assert workshop.phase_kind(workshop.phase_id) == "agree"
        view = workshop.query_one(AgreeView)
        assert view.activity_id == no_role.activity_id
        if hasattr(view, "show_target"):  # the agree view also puts its cursor on the party
            focused = app.focused
            assert isinstance(focused, OptionList)
            assert focused.highlighted_option is not None
            assert no_role.target in (focused.highlighted_option.id or "")
