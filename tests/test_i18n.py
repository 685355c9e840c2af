"""The interface catalogue: both languages complete, and screens use it."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

from facilitator.core.i18n import AREAS, CATALOGUE, LANGUAGES, Catalogue, Translator, placeholders

UI_DIR = Path(__file__).resolve().parent.parent / "facilitator" / "ui"

# Widgets and calls whose first argument is text shown to people.
TEXT_CALLS = {"Label", "Static", "Button", "notify", "Tab", "Input", "Checkbox", "Option"}
# Symbols are not language: arrows, timer glyphs and the like may be literal.
ALLOWED_LITERALS = {"", " ", "▶", "||", "+1", "+5", "↺", "◀", "▲", "▼", "✓", "≠", "•", "00:00", "…", "×"}


def test_every_catalogue_module_is_listed() -> None:
    """The catalogue loads the modules `AREAS` names: a new one left out would be missed."""
    folder = UI_DIR.parent / "core" / "i18n"
    modules = sorted(p.stem for p in folder.glob("*.py") if p.stem != "__init__")
    assert sorted(AREAS) == modules


def test_every_key_begins_as_its_area_says() -> None:
    """A key is looked for in the areas whose beginnings it starts with: a key its area does
    not announce would be found only once something else had loaded that area."""
    wrong = []
    for area, beginnings in AREAS.items():
        for key in importlib.import_module(f"facilitator.core.i18n.{area}").MESSAGES:
            first, _, rest = key.partition(".")
            if first not in beginnings and f"{first}.{rest.partition('.')[0]}" not in beginnings:
                wrong.append(f"{area}: {key}")
    assert wrong == []


def test_an_area_is_loaded_when_one_of_its_keys_is_first_looked_up() -> None:
    """A fresh catalogue imports nothing until asked; `board.tray` loads the board's texts
    only; a text that is nobody's (Textual's own binding descriptions) loads nothing."""
    catalogue = Catalogue()
    assert catalogue._loaded == set()
    assert "Focus Next" not in catalogue and catalogue._loaded == set()
    assert catalogue["board.tray"]["en"] == CATALOGUE["board.tray"]["en"]
    assert catalogue._loaded == {"board"}
    assert "key.quit" in catalogue and catalogue._loaded == {"board", "common", "home", "workshop"}
    assert "board.no.such.key" not in catalogue
    with pytest.raises(KeyError):
        catalogue["no.such.key"]
    assert len(catalogue) == len(CATALOGUE) and catalogue._loaded == set(AREAS)


def test_every_key_has_both_languages() -> None:
    for key, texts in CATALOGUE.items():
        assert set(texts) == set(LANGUAGES), key
        for language in LANGUAGES:
            assert texts[language].strip(), f"{key} is empty in {language}"


def test_both_languages_use_the_same_placeholders() -> None:
    for key, texts in CATALOGUE.items():
        assert placeholders(texts["et"]) == placeholders(texts["en"]), key


def test_translator_formats_and_switches() -> None:
    t = Translator("et")
    assert t("key.quit") == "Välju"
    t.language = "en"
    assert t("key.quit") == "Quit"
    assert t("cmd.go_phase", name="Intro") == "Go to phase: Intro"


def test_unknown_language_falls_back_to_english_and_unknown_key_is_a_bug() -> None:
    t = Translator("fr")
    assert t.language == "en"
    with pytest.raises(KeyError):
        t("no.such.key")


def _ui_sources() -> list[Path]:
    return sorted(UI_DIR.rglob("*.py"))


def _literal_text_arguments(path: Path) -> list[str]:
    found: list[str] = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name not in TEXT_CALLS or not node.args:
            continue
        first = node.args[0]
        literal_text = isinstance(first, ast.Constant) and isinstance(first.value, str)
        if literal_text and first.value not in ALLOWED_LITERALS:  # type: ignore[attr-defined]
            found.append(f"{path.name}:{node.lineno}: {name}({first.value!r})")  # type: ignore[attr-defined]
    return found


def test_screens_take_their_text_from_the_catalogue() -> None:
    """No interface text is written into the UI code; it all comes through `t(...)`."""
    offenders = [hit for path in _ui_sources() for hit in _literal_text_arguments(path)]
    assert not offenders, "\n".join(offenders)


def test_catalogue_keys_used_in_bindings_exist() -> None:
    """A binding's description names a catalogue key; a typo would show the raw key."""
    missing: list[str] = []
    for path in _ui_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            is_binding = isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Binding"
            if is_binding and len(node.args) >= 3 and isinstance(node.args[2], ast.Constant):  # type: ignore[attr-defined]
                key = node.args[2].value  # type: ignore[attr-defined]
                if key not in CATALOGUE:
                    missing.append(f"{path.name}:{node.lineno}: {key}")
    assert not missing, "\n".join(missing)
