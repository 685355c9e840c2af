"""The reveal's parts of the placement screen: the picture's data from the session, and `a`.

Kept apart from the placement screen so that the blind round's code stays about blindness.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget

from facilitator.core.i18n import Translator
from facilitator.core.model import Placement
from facilitator.core.scenario import Scenario
from facilitator.core.text import one_line
from facilitator.ui.widgets.reveal_ladder import RevealRung

REVEAL_RESERVE = 3
"""Lines of the page left under the picture: the spread in words, and a hint of what follows."""


def spread(scenario: Scenario, rung_ids: Iterable[str]) -> tuple[int, str, str] | None:
    """(number of distinct views, lowest rung, highest rung), or None without any view."""
    views = sorted(set(rung_ids), key=scenario.rung_index)
    if not views:
        return None
    return len(views), views[0], views[-1]


def reveal_rungs(
    scenario: Scenario, names: Mapping[str, str], placements: Mapping[str, Placement]
) -> list[RevealRung]:
    """Each rung (lowest first) with the parties that placed the activity on it, now and wished,
    in the activity's order of parties."""
    rungs = []
    for number, rung in enumerate(scenario.rungs, start=1):
        now = tuple(
            one_line(n) for p, n in names.items() if p in placements and placements[p].current == rung.id
        )
        wished = tuple(
            one_line(n) for p, n in names.items() if p in placements and placements[p].wished == rung.id
        )
        rungs.append(RevealRung(number, one_line(rung.name), now, wished))
    return rungs


def reveal_footer(
    t: Translator, names: Mapping[str, str], placements: Mapping[str, Placement], last_time: str | None = None
) -> list[Content]:
    """Under the picture: last time's agreed rungs in a session that continues another (shown only
    now, with the reveal), and who did not place in this round (they are on no rung)."""
    lines = [Content.styled(last_time, "italic")] if last_time else []
    missing = [one_line(n) for p, n in names.items() if p not in placements]
    if missing:
        lines.append(
            Content.assemble(Content.styled(t("reveal.missing"), "bold"), " ", Content(" · ".join(missing)))
        )
    return lines


def fit_box(box: Widget, revealed: bool) -> None:
    """The reveal fills the screen: the picture of the ladder, then the spread in words.
    Set on the box itself: a class on the screen would restyle every widget on it (16 ms)."""
    box.styles.max_width = "100%" if revealed else None
    box.styles.max_height = "100%" if revealed else None


def show_controls(screen: Screen[object] | Widget) -> None:
    """Bring the agreement's controls into view and put the focus on the first rung picker."""
    controls = screen.query_one("#agree-controls")
    screen.query_one("#agree-current").focus(scroll_visible=False)
    page = controls.parent
    if not isinstance(page, Widget):
        return
    # From the highest line of the page that shows the rest down to the controls' last one
    # (the spread in words, for the room to agree by): the controls at the top, as far as the
    # page scrolled, left half a wrapped line above them at 80×24.
    room, end = page.scrollable_content_region.height, controls.virtual_region.bottom
    tops = [part.virtual_region.y for part in page.children if part.display and part is not controls]
    fitting = [top for top in tops if end - top <= room and top <= controls.virtual_region.y]
    page.scroll_to(y=min(fitting, default=controls.virtual_region.y), animate=False, immediate=True)
