"""`show` draws a change of style alone: Content's `==` compares the text only."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult
from textual.content import Content
from textual.widgets import Static
from textual.widgets.option_list import Option

from facilitator.ui.text import same, show
from facilitator.ui.widgets.choice_list import PartyList


class OneLine(App[None]):
    def compose(self) -> ComposeResult:
        yield Static(Content("placed"), id="line")


def test_same_compares_text_and_style() -> None:
    assert Content.styled("x", "bold") == Content("x")  # why `same` exists
    assert not same(Content("x"), Content.styled("x", "bold"))
    assert not same(Content.styled("x", "bold"), Content.styled("x", "italic"))
    assert same(Content.styled("x", "bold"), Content.styled("x", "bold"))
    assert not same(Text("x"), Text("x", style="bold"))
    assert same("x", "x")
    assert not same("x", Content("x"))  # another kind of visual: drawn anew, to be safe


async def test_show_draws_a_change_of_style_only() -> None:
    app = OneLine()
    async with app.run_test(size=(20, 3)) as pilot:
        line = app.query_one("#line", Static)
        assert not line.render_line(0)._segments[0].style.bold  # type: ignore[union-attr]
        show(line, Content.styled("placed", "bold"))
        await pilot.pause()
        assert line.render_line(0).text.startswith("placed")
        assert line.render_line(0)._segments[0].style.bold  # type: ignore[union-attr]
        before = line.content
        show(line, Content.styled("placed", "bold"))  # the same: nothing to update
        assert line.content is before


class Parties(App[None]):
    def compose(self) -> ComposeResult:
        yield PartyList(Option(Content("Police"), id="police"))


async def test_the_party_list_takes_a_line_whose_style_alone_changed() -> None:
    app = Parties()
    async with app.run_test(size=(20, 3)):
        parties = app.query_one(PartyList)
        bold = Option(Content.styled("Police", "bold"), id="police")
        parties.replace([bold])
        assert parties.get_option_at_index(0) is bold
        parties.replace([Option(Content.styled("Police", "bold"), id="police")])  # the same line
        assert parties.get_option_at_index(0) is bold  # kept: nothing redrawn
