"""The room-size reveal: every party's placement on a picture of the ladder, the agreement after it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widgets import Input

from facilitator.core.library import SessionLibrary
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.screens.placement import PlacementScreen, RungPicker
from facilitator.ui.widgets.reveal_ladder import RevealLadder, RevealRung, reveal_lines, wrap_words

from .test_placement import fresh, make_session, open_placement

MakeApp = Callable[..., FacilitatorApp]
ROOM = (
    "Police",
    "Town government",
    "Youth workers",
    "Residents' association of the old town",
    "[b]x[/b]",
    "[@click=app.quit]",
)
LABELS = ("now:", "wished:")


def rungs(now: dict[int, tuple[str, ...]], wished: dict[int, tuple[str, ...]]) -> list[RevealRung]:
    names = ("Communication", "Cooperation", "Coordination", "Collaboration")
    return [RevealRung(n, name, now.get(n, ()), wished.get(n, ())) for n, name in enumerate(names, start=1)]


def test_the_picture_is_a_staircase_that_fills_the_height_it_is_given() -> None:
    picture = rungs({1: ("Police",), 3: ("Youth workers",)}, {4: ("Police", "Youth workers")})
    for width, height in ((114, 29), (194, 49), (74, 14)):
        lines = [line.plain for line in reveal_lines(picture, LABELS, width, height)]
        assert len(lines) == height
        assert all(len(line) == width for line in lines)
        # Highest on top and furthest right: each rung's top-left corner further left going down.
        corners = [line.index("┌") for line in lines if "┌" in line]
        assert corners == sorted(corners, reverse=True) and len(set(corners)) == 4
        headings = [line for line in lines if "│ " in line and line.split("│ ")[1][:1].isdigit()]
        assert [h.split("│ ")[1][:1] for h in headings] == ["4", "3", "2", "1"]


def test_now_and_wished_stand_side_by_side_and_names_wrap_instead_of_being_cut() -> None:
    long = "Residents' association of the old town and the villages around it"
    picture = rungs({2: ("Police", long)}, {2: ("Town government",)})
    lines = [line.plain for line in reveal_lines(picture, LABELS, 80, 20)]
    row = next(line for line in lines if "now: Police" in line)
    assert "wished: Town government" in row  # side by side
    text = " ".join(" ".join(line.strip("│ ┌┘─") for line in lines).split())
    assert all(word in text for word in long.split())
    assert "…" not in "".join(lines)
    # Narrow: the two columns one under the other, still labelled.
    narrow = [line.plain for line in reveal_lines(picture, LABELS, 30, 10)]
    assert any("now:" in line for line in narrow) and any("wished:" in line for line in narrow)


def test_too_many_names_for_the_height_are_listed_densely() -> None:
    many = tuple(f"Party {n}" for n in range(12))
    lines = reveal_lines(rungs({1: many}, {1: many}), LABELS, 100, 16)
    assert any(" · " in line.plain for line in lines)


def test_wrap_words_breaks_between_words() -> None:
    assert wrap_words("Youth workers of the town", 13) == ["Youth workers", "of the town"]
    assert wrap_words("Kogukonnaturvalisus", 8) == ["Kogukonn", "aturvali", "sus"]


@pytest.mark.parametrize(("size", "share"), [((120, 40), 0.6), ((200, 60), 0.7)])
async def test_the_reveal_fills_the_screen(
    make_app: MakeApp, ui_library: SessionLibrary, size: tuple[int, int], share: float
) -> None:
    service = make_session(ui_library, parties=ROOM, activities=(("Safety walks", tuple(range(6))),))
    activity = service.session.activities[0]
    views = ("communication", "cooperation", "coordination", "collaboration", "cooperation")
    for party, rung in zip(activity.party_ids, views, strict=False):  # the last party does not place
        service.place(activity.id, party, rung, "collaboration")
    service.reveal(activity.id)
    app = make_app(session=service)
    async with app.run_test(size=size) as pilot:
        screen = await open_placement(app, pilot)
        ladder = screen.query_one(RevealLadder)
        assert ladder.region.height >= share * size[1]
        assert ladder.region.width >= 0.9 * size[0]
        picture = ladder.plain
        # Every party's name, literally, on the rung it chose; who did not place is said.
        for name in ROOM[:5]:
            assert f"wished: {name}" in picture or f" {name}" in picture.split("4  Collaboration")[1]
        top = picture.split("4  Collaboration")[1].split("3  Coordination")[0]
        assert "now: Residents' association of the old town" in top
        assert "[b]x[/b]" in picture.split("2  Cooperation")[1].split("1  Communication")[0]
        assert "Not placed in this round: [@click=app.quit]" in picture
        assert app.is_running
        # The spread in words follows the picture, in view.
        spread = screen.query_one("#reveal-current")
        assert spread.region.y + spread.region.height <= size[1]


async def test_a_brings_the_agreement_into_view_then_records_it(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    service = make_session(ui_library, parties=ROOM)
    activity = service.session.activities[0]
    for party in activity.party_ids:
        service.place(activity.id, party, "cooperation", "coordination")
    service.reveal(activity.id)
    app = make_app(session=service)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_placement(app, pilot)
        page = screen.query_one("#page-revealed")
        picker = screen.query_one("#agree-current", RungPicker)
        assert page.has_focus and page.scroll_y == 0  # the picture first
        assert not page.region.contains_region(picker.region)
        await pilot.press("a")
        await pilot.pause()
        assert picker.has_focus
        assert page.region.contains_region(picker.region)  # scrolled into view
        await pilot.press("tab", "tab")
        assert isinstance(app.focused, Input), app.focused
        note = screen.query_one("#agree-note", Input)
        await pilot.press(*"ok")
        assert note.value == "ok", (note.value, app.screen)
        await pilot.press("a")  # typed into the note, not a key
        assert note.value == "oka", (note.value, app.screen)
        await pilot.press("shift+tab", "a")  # among the controls: records
        await pilot.pause()
        assert not isinstance(app.screen, PlacementScreen)
    agreed = fresh(service).session.activity(activity.id)
    assert (agreed.agreed_current, agreed.agreed_wished, agreed.agreed_note) == (
        "cooperation",
        "coordination",
        "oka",
    )
