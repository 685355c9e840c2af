"""The setup's lists fit their width: a long party name is cut with a mark, and the columns
beside it (◆, the number of people) stay in view at 80×24 and at 120×40.

A party named in full ("... lastekaitse- ja perenõustamistalitus", 80 characters) made the
name column 60 cells wide: the party table scrolled sideways and its "Inimesi" column, the
count the facilitator checks the room against, was out of sight."""

from __future__ import annotations

import pytest

from facilitator.core.service import SessionService
from facilitator.ui.views.setup import SetupView
from facilitator.ui.widgets.tables import Table

from .helpers import MakeApp, open_view, until

LONG_PARTY = "Kaasiku valla sotsiaal- ja tervishoiuosakonna lastekaitse- ja perenõustamistalitus"[:80]
LONG_PERSON = "Mari-Liis Maasikas-Vaarikas, lastekaitse- ja perenõustamistalituse juhataja"


def shown(table: Table) -> list[str]:
    """The table's lines as drawn, at the width it has on screen."""
    return [table.render_line(y).text.rstrip() for y in range(table.size.height)]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_long_names_are_cut_with_a_mark_and_the_count_stays_in_view(
    make_app: MakeApp, demo_session: SessionService, size: tuple[int, int]
) -> None:
    party = demo_session.add_party(LONG_PARTY)
    person = demo_session.add_participant(LONG_PERSON, party)
    app = make_app(demo_session, lang="et")
    async with app.run_test(size=size) as pilot:
        view = await open_view(app, pilot, "setup", SetupView)
        parties = view.query_one("#setup-parties", Table)
        people = view.query_one("#setup-participants", Table)
        count = len(demo_session.session.parties)
        await until(pilot, lambda: parties.row_count == count, "the parties listed")
        await pilot.pause()
        for table in (parties, people):
            assert table.max_scroll_x == 0, f"{table.id} scrolls sideways at {size}"
        lines = shown(parties)
        assert lines[0].split()[-1] == "Inimesi", lines[0]  # the header's last column, in view
        row = parties.get_row_index(party)
        parties.move_cursor(row=row)
        await pilot.pause()
        line = next(line for line in shown(parties) if "Kaasiku valla sots" in line)
        assert "…" in line and line.endswith("1"), line  # cut, with its one person counted
        assert all(len(line) <= parties.size.width for line in shown(parties))
        people.move_cursor(row=people.get_row_index(person))
        await pilot.pause()
        line = next(line for line in shown(people) if "Mari-Liis" in line)
        assert line.endswith("…") or line.endswith("juhataja"), line
        assert len(line) <= people.size.width
