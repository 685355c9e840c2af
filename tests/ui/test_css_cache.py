"""Stylesheets parsed at one start are read back at the next: the same rules, never stale ones."""

from __future__ import annotations

import importlib
import os
import pickle
import pkgutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet, StylesheetParseError
from textual.css.types import CSSLocation
from textual.layout import Layout
from textual.widget import Widget

import facilitator.ui
from facilitator.core.device import cache_folder
from facilitator.core.library import SessionLibrary
from facilitator.core.service import SessionService
from facilitator.ui import css_cache
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.css_cache import FILE_NAME, RuleCache
from facilitator.ui.themes import NORMAL, PROJECTOR
from facilitator.ui.widgets.mismatch_badge import MismatchBadge
from tests.ui.helpers import until, workshop_shown

CSS = "Label { color: $text; background: $panel; padding: 1 2; layout: horizontal; }\n.wide { width: 1fr; }"
COLOURS = {"text": "#E0E0E0", "panel": "#202020"}
PROJECTOR_COLOURS = {"text": "#000000", "panel": "#FFFFFF"}


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """A cache folder of this test's own; the wrapper stands down after it."""
    yield tmp_path / "cache"
    if css_cache._active is not None:
        css_cache.stop(css_cache._active)


def parsed(css: str = CSS, variables: dict[str, str] = COLOURS, where: str = "test.tcss") -> list[RuleSet]:
    """What a stylesheet makes of `css` (through the active cache, if any)."""
    sheet = Stylesheet(variables=dict(variables))
    sheet.add_source(css, read_from=(where, ""))
    sheet.parse()
    return sheet.rules


def plain(rules: list[RuleSet]) -> list[object]:
    """What rule sets say, to compare (a layout is an object of its own at every parse)."""
    return [
        (
            rule.selectors,
            rule.selector_set,
            {k: v.name if isinstance(v, Layout) else v for k, v in rule.styles._rules.items()},
            rule.styles.important,
            rule.is_default_rules,
            rule.tie_breaker,
            rule.selector_names,
            rule.pseudo_classes,
        )
        for rule in rules
    ]


def started(folder: Path) -> RuleCache:
    cache = css_cache.start(folder)
    assert cache is not None
    return cache


def a_start(
    folder: Path, css: str = CSS, variables: dict[str, str] = COLOURS
) -> tuple[RuleCache, list[RuleSet]]:
    """One start: the cache read, the stylesheet parsed, the file written."""
    cache = started(folder)
    rules = parsed(css, variables)
    cache.save()
    return cache, rules


def test_the_second_start_reads_the_rules_the_first_parsed(folder: Path) -> None:
    first, made = a_start(folder)
    assert (first.parsed, first.read) == (1, 0)
    second, read = a_start(folder)
    assert (second.parsed, second.read) == (0, 1)
    assert plain(read) == plain(made) and read is not made  # the same rules, built from the file
    assert read[0].styles.get_rule("padding") == made[0].styles.get_rule("padding")


def test_the_file_and_its_folder_are_private(folder: Path) -> None:
    a_start(folder)
    assert stat.S_IMODE((folder / FILE_NAME).stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_the_cache_lives_in_the_state_folder_the_tests_set(tmp_path: Path) -> None:
    assert cache_folder() == tmp_path / "state" / "cache"  # (conftest's FACILITATOR_STATE_DIR)


@pytest.mark.parametrize(
    ("css", "variables"),
    [
        (CSS.replace("1 2", "1 3"), COLOURS),  # the text changed
        (CSS, PROJECTOR_COLOURS),  # another theme: the same text makes other colours
        (CSS, {**COLOURS, "unused": "#123456"}),  # any variable: the key does not guess which are read
    ],
)
def test_a_changed_text_or_theme_is_parsed(folder: Path, css: str, variables: dict[str, str]) -> None:
    a_start(folder)
    cache, rules = a_start(folder, css, variables)
    assert (cache.parsed, cache.read) == (1, 0)
    css_cache.stop(cache)
    assert plain(rules) == plain(parsed(css, variables))  # as Textual parses it
    third, _ = a_start(folder, css, variables)  # both are kept
    fourth, _ = a_start(folder)
    assert (third.read, fourth.read) == (1, 1)


def test_another_textual_makes_the_file_foreign_and_it_is_replaced(folder: Path) -> None:
    a_start(folder)
    other = RuleCache(folder / FILE_NAME, b"another textual")
    css_cache._active = other
    parsed()
    assert (other.parsed, other.read) == (1, 0)
    other.save()
    assert (folder / FILE_NAME).read_bytes().startswith(css_cache.FORMAT + b"another textual\n")
    cache, _ = a_start(folder)  # and back: parsed again
    assert cache.parsed == 1


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",  # empty
        lambda data: data[: len(data) // 2],  # torn
        lambda data: data[:-40] + b"\x00" * 40,  # its last bytes lost
        lambda data: b"\x80\x05garbage" * 100,  # not ours
        lambda data: data.replace(b"SelectorSet", b"SelectorSex"),  # an entry that builds nothing
    ],
)
def test_a_damaged_file_is_parsed_over_and_replaced(folder: Path, damage: object) -> None:
    _, made = a_start(folder)
    path = folder / FILE_NAME
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    cache, rules = a_start(folder)
    assert (cache.parsed, cache.read) == (1, 0)
    assert plain(rules) == plain(made)
    again, _ = a_start(folder)  # the file was written anew
    assert (again.parsed, again.read) == (0, 1)


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_something_else_where_the_file_should_be_is_not_read(folder: Path, kind: str) -> None:
    """A folder costs the cache; a pipe is not waited on (and a file takes its place)."""
    folder.mkdir(mode=0o700)
    if kind == "folder":
        (folder / FILE_NAME).mkdir()
    else:
        os.mkfifo(folder / FILE_NAME)
    cache, made = a_start(folder)
    assert cache.parsed == 1 and plain(made) == plain(parsed())
    again, _ = a_start(folder)
    assert again.read == (kind == "fifo")


class Planted:
    """What a planted file would make: a call of something that is not a style."""

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("touch planted",))


@pytest.mark.parametrize(
    "payload",
    [
        [Planted()],
        [RuleSet(errors=[(Planted(), "x")])],  # (the call inside a rule set)
        pickle.dumps(Path.home()),  # a class from elsewhere
    ],
)
def test_a_planted_file_runs_nothing_and_is_parsed_over(
    folder: Path, payload: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    cache, _ = a_start(folder)
    digest = next(iter(cache._stored or {}))
    blob = payload if isinstance(payload, bytes) else pickle.dumps(payload)
    (folder / FILE_NAME).write_bytes(cache.header + pickle.dumps({digest: blob}))
    again, rules = a_start(folder)
    assert (again.parsed, again.read) == (1, 0)
    assert not (tmp_path / "planted").exists()
    assert plain(rules) == plain(parsed())


def test_a_folder_that_cannot_be_written_costs_only_the_next_parse(tmp_path: Path) -> None:
    in_the_way = tmp_path / "a file"
    in_the_way.write_text("not a folder", encoding="utf-8")
    cache, rules = a_start(in_the_way / "cache")  # cannot be made: no error
    assert cache.parsed == 1 and plain(rules) == plain(parsed())
    css_cache.stop(cache)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_read_and_not_written(folder: Path) -> None:
    a_start(folder)
    folder.chmod(0o500)
    try:
        cache, _ = a_start(folder, CSS.replace("1 2", "2 2"))  # something new: the write fails
        assert cache.parsed == 1
        again, _ = a_start(folder)
        assert again.read == 1
    finally:
        folder.chmod(0o700)


def test_the_file_keeps_to_its_bound_and_drops_the_rules_not_used_lately(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [CSS.replace("1 2", f"1 {n}") for n in range(8)]
    for text in texts:
        a_start(folder, text)
    size = (folder / FILE_NAME).stat().st_size
    monkeypatch.setattr(css_cache, "MAX_BYTES", size // 3)
    cache = started(folder)
    parsed(texts[0])  # used at this start: kept first
    parsed(CSS.replace("1 2", "3 3"))  # new: the file is written
    cache.save()
    assert (folder / FILE_NAME).stat().st_size <= size // 3 + 200
    kept = started(folder)
    parsed(texts[0])
    parsed(texts[1])  # the oldest, dropped
    assert (kept.read, kept.parsed) == (1, 1)


def test_two_starts_writing_at_once_leave_one_whole_file(folder: Path) -> None:
    one, two = started(folder), RuleCache(folder / FILE_NAME, css_cache.textual_fingerprint())
    parsed()
    css_cache._active = two
    parsed(CSS, PROJECTOR_COLOURS)
    one.save()
    two.save()  # the last writer's file stays; it had not read the first one's
    cache = started(folder)
    parsed(CSS, PROJECTOR_COLOURS)
    parsed()
    assert (cache.read, cache.parsed) == (1, 1)


def test_a_stylesheet_with_errors_is_refused_as_before_and_not_kept(folder: Path) -> None:
    cache = started(folder)
    for _ in range(2):
        with pytest.raises(StylesheetParseError):
            parsed("Label { colour: red; }")
    cache.save()
    assert not (folder / FILE_NAME).exists()


def test_another_textual_parse_is_left_alone(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def other_parse(self: Stylesheet, css: str, location: object) -> list[RuleSet]:
        return []

    monkeypatch.setattr(css_cache, "_textual_parse", other_parse)
    assert not css_cache.usable()
    assert css_cache.start(folder) is None


def test_the_rules_are_hashed_once_per_variables_and_the_same_text_once_per_start(folder: Path) -> None:
    cache = started(folder)
    sheet = Stylesheet(variables=dict(COLOURS))
    sheet.add_source(CSS, read_from=("test.tcss", ""))
    sheet.parse()
    sheet.reparse()  # Textual's reparse: a new stylesheet, which parsed everything again
    sheet.reparse()
    assert (cache.parsed, cache.read) == (1, 0)


# ---------------------------------------------------------------- through the real app
def on_the_board(service: SessionService) -> SessionService:
    place = next(p.id for p in service.scenario.agenda if p.kind == "place")
    service.set_phase(place)
    return service


async def looks(
    library: SessionLibrary, path: Path, projector: bool = False
) -> tuple[str, list[str], RuleCache]:
    """The screen as drawn, every widget's computed styles, and the start's cache."""
    app = FacilitatorApp(library, session_path=path, lang="en")
    async with app.run_test(size=(160, 50)) as pilot:
        await workshop_shown(pilot)
        badge = app.screen.query_one(MismatchBadge)
        await until(pilot, lambda: str(badge.label) != "⚠ …", "the mismatch count (after the first frame)")
        if projector:
            await pilot.press("f8")
            await pilot.pause()
        assert app.theme == (PROJECTOR if projector else NORMAL)
        await pilot.pause()
        styles = [f"{node!r} {node.styles.css}" for node in app.screen.walk_children(with_self=True)]
        screenshot = app.export_screenshot()
    assert app.css_rules is not None
    return screenshot, styles, app.css_rules


async def test_the_second_start_of_the_app_styles_and_draws_as_the_first(
    ui_library: SessionLibrary, demo_session: SessionService
) -> None:
    path = on_the_board(demo_session).path
    screenshot, styles, first = await looks(ui_library, path)
    assert first.parsed > 10 and first.read == 0
    assert (cache_folder() / FILE_NAME).exists()
    again, again_styles, second = await looks(ui_library, path)
    assert second.parsed == 0 and second.read == first.parsed
    assert again_styles == styles
    assert again == screenshot


async def test_the_projector_theme_gets_its_own_rules(
    ui_library: SessionLibrary, demo_session: SessionService
) -> None:
    path = on_the_board(demo_session).path
    await looks(ui_library, path)  # the normal theme's rules only
    screenshot, styles, first = await looks(ui_library, path, projector=True)
    assert first.parsed > 10  # the projector's colours: parsed, not the normal theme's read back
    again, again_styles, second = await looks(ui_library, path, projector=True)
    assert second.parsed == 0
    assert (again_styles, again) == (styles, screenshot)


def every_stylesheet() -> list[tuple[str, CSSLocation, bool, int, str]]:
    """Every stylesheet the app may show: its `.tcss` files, and the default CSS and CSS of every
    widget and screen class its modules define or import (Textual's among them)."""
    for module in pkgutil.walk_packages(facilitator.ui.__path__, "facilitator.ui."):
        importlib.import_module(module.name)
    sources: list[tuple[str, CSSLocation, bool, int, str]] = [
        (path.read_text(encoding="utf-8"), (str(path), ""), False, 0, "")
        for path in sorted(Path(facilitator.ui.__file__).parent.rglob("*.tcss"))
    ]
    classes, seen = [Widget], set()
    while classes:
        kind = classes.pop()
        if kind in seen:
            continue
        seen.add(kind)
        classes += kind.__subclasses__()
        where = f"{kind.__module__}.{kind.__qualname__}"
        if default := kind.__dict__.get("DEFAULT_CSS", ""):
            scope = kind._css_type_name if kind.__dict__.get("SCOPED_CSS", True) else ""
            sources.append((default, (where, "DEFAULT_CSS"), True, 0, scope))
        if own := kind.__dict__.get("CSS", ""):
            sources.append((own, (where, "CSS"), False, 0, ""))
    return sources


def test_every_stylesheet_of_the_app_reads_back_as_parsed_in_both_themes(ui_library: SessionLibrary) -> None:
    """The unpickler builds every style class the app's stylesheets hold (a Textual release with
    a new one fails here, not as a cache that never hits)."""
    app = FacilitatorApp(ui_library, lang="en")
    assert app.css_rules is not None
    css_cache.stop(app.css_rules)
    themes = [app.get_css_variables()]
    app._start_in_theme(PROJECTOR)
    themes.append(app.get_css_variables())
    sources = every_stylesheet()
    assert len(sources) > 40
    for variables in themes:
        for css, where, default, tie, scope in sources:
            rules = Stylesheet(variables=variables)._parse_rules(css, where, default, tie, scope)
            assert plain(css_cache._load(pickle.dumps(rules))) == plain(rules), where
