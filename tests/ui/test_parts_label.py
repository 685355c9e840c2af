"""Count lines wrap between their " · " parts, never inside one: "kõigi" / "osapoolte
kinnitusega: 6" and "kinnitada:" / "0" split a number from its words at 80 columns."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from facilitator.core.demo import create_demo
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.ui.app import create_app
from facilitator.ui.screens.review import ReviewScreen
from facilitator.ui.views.followup import FollowUpView
from facilitator.ui.widgets.parts import PartsLabel, wrap_parts

from .helpers import MakeApp, open_view, screen_shown, until
from .test_compare_screen import open_by_keyboard, two_workshops

part = st.text(st.sampled_from("abcõüš漢😀: 0123"), min_size=1, max_size=30).map(str.strip).filter(bool)


@given(st.lists(part, min_size=1, max_size=8), st.integers(min_value=8, max_value=120))
def test_a_line_breaks_only_between_parts_and_fits_when_its_parts_do(parts: list[str], width: int) -> None:
    text = " · ".join(parts)
    lines = wrap_parts(text, width).split("\n")
    assert " · ".join(lines) == text  # nothing lost, and breaks only where a separator was
    for line in lines:
        if line not in parts:  # more than one part: they fitted together
            assert cell_len(line) <= width, (line, width)


def lines_of(label: PartsLabel) -> list[str]:
    return [label.render_line(y).text.rstrip() for y in range(label.size.height)]


async def test_the_review_dashboard_keeps_each_count_with_its_words_at_80_columns(tmp_path: Path) -> None:
    library = SessionLibrary(tmp_path / "data")
    demo = create_demo(library, find_scenario("community-safety"))
    app = create_app(library, review_path=demo.path, lang="et")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await screen_shown(pilot, ReviewScreen)
        counts = screen.query_one("#review-counts", PartsLabel)
        meta = screen.query_one("#review-meta", PartsLabel)
        await until(pilot, lambda: len(lines_of(counts)) == 2 and "\n" in str(meta.render()), "wrapped")
        await pilot.pause()
        shown_counts, shown_meta = lines_of(counts), lines_of(meta)
    assert shown_counts[1].strip().startswith("kõigi osapoolte kinnitusega: "), shown_counts
    assert all(re.search(r": \d+$", line) for line in shown_counts), shown_counts  # each ends on its count
    assert len(shown_meta) >= str(meta.render()).count("\n") + 1  # every line shown, none hidden below
    assert any(line.strip().startswith("Viimane etapp: ") for line in shown_meta), shown_meta


async def test_the_follow_up_counts_keep_each_number_with_its_words(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    demo = create_demo(ui_library, find_scenario("community-safety"))
    later = ui_library.create_from(demo.session.id, date="2027-12-06")
    app = make_app(session=later, lang="et")
    async with app.run_test(size=(80, 24)) as pilot:
        view = await open_view(app, pilot, "followup", FollowUpView)
        counts = view.query_one("#followup-counts", PartsLabel)
        await until(pilot, lambda: len(lines_of(counts)) == 2, "the counts on two lines")
        shown = lines_of(counts)
    assert shown[1].strip() == "telefonist vastatud, kinnitada: 0", shown


async def test_the_compare_summary_keeps_each_count_with_its_words_at_80_columns(
    make_app: MakeApp, ui_library: SessionLibrary
) -> None:
    pair = two_workshops(ui_library)
    app = make_app(lang="et")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_by_keyboard(app, pilot, pair)
        labels = list(screen.query(".cmp-summary-part").results(PartsLabel))
        await until(pilot, lambda: all(len(lines_of(label)) > 1 for label in labels[:2]), "wrapped")
        shown = {label.text: [line.strip() for line in lines_of(label)] for label in labels}
    for text, lines in shown.items():  # each line whole parts: joined again, the line as written
        assert " · ".join(lines) == text, lines
