"""Estonian text uses Estonian quotes „…“: in the catalogue, the scenario, the demo and
every export. English text keeps “…”. A „ closed by “ (or by ") is the typo this guards."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from facilitator.core import reports
from facilitator.core.demo import create_demo
from facilitator.core.i18n import CATALOGUE
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario

REPO = Path(__file__).resolve().parent.parent
# An Estonian opening quote closed by anything but “, or an English closing quote in Estonian.
WRONG = re.compile(r"„[^“„”\"]*(?:[”\"]|$)|”")


def wrong_quotes(text: str) -> list[str]:
    return [m.group(0)[:60] for m in WRONG.finditer(text)]


def test_the_check_finds_wrong_quotes() -> None:
    assert wrong_quotes("„Turvaline kodukant“ ja „koostöö“") == []
    assert wrong_quotes("„koostöö” on") == ["„koostöö”"]
    assert wrong_quotes("see ” üksi") == ["”"]
    assert wrong_quotes('„koostöö" on') == ['„koostöö"']
    assert wrong_quotes("„koostöö") == ["„koostöö"]


def test_estonian_catalogue_texts_use_estonian_quotes() -> None:
    bad = {key: wrong_quotes(texts["et"]) for key, texts in CATALOGUE.items() if wrong_quotes(texts["et"])}
    assert not bad


def test_english_catalogue_texts_use_english_quotes() -> None:
    bad = [key for key, texts in CATALOGUE.items() if "„" in texts["en"]]
    assert not bad


def test_the_estonian_scenario_uses_estonian_quotes() -> None:
    text = (REPO / "scenarios" / "kogukondlik-turvalisus.toml").read_text(encoding="utf-8")
    assert wrong_quotes(text) == []


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_every_text_of_the_estonian_demo_uses_estonian_quotes(tmp_path: Path) -> None:
    service = create_demo(SessionLibrary(tmp_path), find_scenario("kogukondlik-turvalisus"))
    stored = json.loads(service.path.read_text(encoding="utf-8"))
    texts = _strings(stored)
    assert any("„" in text for text in texts)  # the demo does quote something
    assert [text for text in texts if wrong_quotes(text)] == []


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "svg"])
def test_estonian_exports_of_the_demo_use_estonian_quotes(tmp_path: Path, fmt: str) -> None:
    service = create_demo(SessionLibrary(tmp_path), find_scenario("kogukondlik-turvalisus"))
    for name, data in reports.export_files(service, fmt).items():
        text = data.decode("utf-8-sig")
        if fmt == "html":
            text = text.replace("&quot;", '"')
        # Markup attributes use ASCII quotes; only text between tags is prose.
        prose = re.sub(r"<[^>]*>", " ", text) if fmt in {"html", "svg"} else text
        assert wrong_quotes(prose) == [], name
