"""A `Backdrop` container draws the very cells Textual would, at the cost of one line."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label

from facilitator.ui.widgets.backdrop import Backdrop

CASES = {
    "padding on a tinted background": "#outer { padding: 1 2; background: $primary 30%; }",
    "margins show the parent": "#outer { margin: 1 3; background: red; } #inner { margin: 1; }",
    "padding on one side": "#outer { padding: 2 0 0 3; } #inner { padding: 0 4 0 0; background: blue; }",
    "wider than the screen": "#outer { width: 40; padding: 0 2; background: $panel; }",
    "keylines: Textual draws them": "#inner { keyline: heavy green; }",
    "a border: Textual draws it": "#outer { border: round $accent; padding: 0 1; }",
    "hatching: Textual draws it": "#outer { hatch: cross $accent 40%; }",
}


class BackdropVertical(Backdrop, Vertical):
    pass


class BackdropHorizontal(Backdrop, Horizontal):
    pass


class Nested(App[None]):
    CSS = "#outer { height: 8; } #inner { height: auto; width: 1fr; }"

    def __init__(self, backdrop: bool) -> None:
        super().__init__()
        self.backdrop = backdrop

    def compose(self) -> ComposeResult:
        outer, inner = (BackdropVertical, BackdropHorizontal) if self.backdrop else (Vertical, Horizontal)
        with outer(id="outer"), inner(id="inner"):
            yield Label("left", id="left")
            yield Label("right")


def nested(css: str, backdrop: bool) -> Nested:
    class Case(Nested):
        CSS = Nested.CSS + "\n" + css

    return Case(backdrop)


async def screenshot(css: str, backdrop: bool) -> str:
    app = nested(css, backdrop)
    async with app.run_test(size=(30, 12)) as pilot:
        await pilot.pause()
        return app.export_screenshot()


@pytest.mark.parametrize("css", CASES.values(), ids=CASES.keys())
async def test_a_backdrop_draws_what_textual_draws(css: str) -> None:
    assert await screenshot(css, backdrop=True) == await screenshot(css, backdrop=False)


async def test_the_layout_of_the_container_it_extends_stays() -> None:
    """The mixin is no widget class: Textual's default CSS (Horizontal's `layout: horizontal`)
    still reaches the container; a Widget subclass first in the bases would cut it off."""
    app = Nested(backdrop=True)
    async with app.run_test(size=(30, 12)) as pilot:
        await pilot.pause()
        layout = app.query_one("#inner").styles.layout
        assert layout is not None and layout.name == "horizontal"
        assert app.query_one("#left").region.y == app.query_one("#inner").region.y
