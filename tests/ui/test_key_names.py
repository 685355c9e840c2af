"""The key bar speaks the interface language, for Textual's own widgets' keys too."""

from __future__ import annotations

import importlib
import pkgutil

import textual.command
import textual.screen
import textual.widgets
from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import Select

from facilitator.core.i18n import Translator
from facilitator.core.service import SessionService
from facilitator.ui.localized import TEXTUAL_DESCRIPTIONS, key_shown
from facilitator.ui.widgets.keybar import KeyBar

from .helpers import MakeApp, focus
from .test_setup import open_setup


def shown_textual_bindings() -> set[str]:
    """The descriptions of every binding a Textual widget class shows in a key bar."""
    modules = [textual.command, textual.screen]
    modules += [
        importlib.import_module(f"textual.widgets.{m.name}")
        for m in pkgutil.iter_modules(textual.widgets.__path__)
    ]
    shown: set[str] = set()
    for module in modules:
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, DOMNode):
                for binding in value.__dict__.get("BINDINGS", []):
                    if isinstance(binding, Binding) and binding.show and binding.description:
                        shown.add(binding.description)
                    elif isinstance(binding, tuple) and len(binding) == 3 and binding[2]:
                        shown.add(binding[2])
    return shown


def test_every_key_textual_shows_has_a_name_in_each_language() -> None:
    """A Textual release that shows one more key of its own fails here by name."""
    assert shown_textual_bindings() - set(TEXTUAL_DESCRIPTIONS) == set()
    for key in TEXTUAL_DESCRIPTIONS.values():
        assert Translator("et")(key) != Translator("en")(key)


def test_key_names_follow_the_language() -> None:
    assert key_shown("space", Translator("et")) == "tühik"
    assert key_shown("shift+space", Translator("et")) == "shift+tühik"
    assert key_shown("space", Translator("en")) == "space"
    assert key_shown("^s", Translator("et")) == "^s"


async def test_an_open_list_says_how_to_close_it_in_estonian(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    """The bar said "esc Dismiss menu" under the open party list of an Estonian setup."""
    empty_session.add_party("Politsei")
    app = make_app(empty_session, lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        view = await open_setup(app, pilot)
        select = view.query_one("#setup-participant-party", Select)
        await focus(pilot, select)
        await pilot.press("enter")
        await pilot.pause()
        assert select.expanded
        said = " ".join(part.text for item in app.screen.query_one(KeyBar).items for part in item)
        assert "Sulge menüü" in said
        assert "Dismiss" not in said


async def test_the_space_key_is_named_in_estonian(make_app: MakeApp, empty_session: SessionService) -> None:
    """Setup's party list offers space (toggle affected): the bar and help said "space"."""
    empty_session.add_party("Politsei")
    app = make_app(empty_session, lang="et")
    async with app.run_test(size=(160, 40)) as pilot:
        view = await open_setup(app, pilot)
        await focus(pilot, view.query_one("#setup-parties"))
        keys = [part.text for item in app.screen.query_one(KeyBar).items for part in item if part.key]
        assert "tühik" in keys
        assert "space" not in keys
