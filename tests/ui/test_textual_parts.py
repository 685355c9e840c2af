"""The parts of Textual's inside this app leans on (written against textual 8.2.8): a Textual
release that renames one fails here by name, not in a workshop (pyproject allows textual 8)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Label, SelectionList
from textual.widgets._toggle_button import ToggleButton

from facilitator.ui import css_cache
from facilitator.ui.widgets.tickbox import TickList


class Small(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("x")
        yield TickList[int](("one", 1), ("two", 2, True))


async def test_the_parts_the_app_reads_are_there() -> None:
    app = Small()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        screen = app.screen
        label = app.query_one(Label)
        assert isinstance(screen._compositor._full_map, dict)  # ui/one_pass.py
        assert isinstance(label._layout_required, bool) and isinstance(label._repaint_required, bool)
        assert hasattr(label._styles_cache, "_dirty_lines")
        assert callable(Screen._post_register) and callable(app.stylesheet.has_source)  # ui/base.py
        assert isinstance(ToggleButton.BUTTON_INNER, str)  # widgets/tickbox.py
        # ui/css_cache.py: Textual's parse and what its key and check read
        assert css_cache.usable()  # Stylesheet._parse_rules, its parameters as named there
        assert isinstance(app.stylesheet._variables, dict) and app.stylesheet._variables
        assert all(isinstance(rule.errors, list) for rule in app.stylesheet.rules)
        measures = (DataTable._update_column_widths, DataTable._update_dimensions)  # widgets/tables.py
        assert all(callable(measure) for measure in measures)
        ticks = app.query_one(SelectionList)
        marks = [ticks.render_line(y).text.split("▐", 1)[1][0] for y in range(2)]
        assert marks == [" ", "✓"]
