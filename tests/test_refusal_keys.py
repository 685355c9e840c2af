"""Every refusal has its sentence in the catalogue, in Estonian and English.

A refusal without a key fell back: the app showed its English, a phone the generic
„Muudatust ei saanud teha“ (`web.refused.change`), which says nothing of why. So each
`raise ChangeRejected(...)`, `NotAllowed(...)` and other user error (the core's, the CLI's,
the web's, the app's) names its key: as the second argument, through `Worded(key, ...)` or
`.worded(key, ...)`.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from facilitator.core.errors import ChangeRejected
from facilitator.core.i18n import CATALOGUE, Translator, explain
from facilitator.core.service import SessionService
from tests.test_cli_language import english_words, words

PACKAGE = Path(__file__).resolve().parent.parent / "facilitator"
CORE = PACKAGE / "core"
REFUSALS = {"ChangeRejected", "NotAllowed", "UserError", "SessionFileError", "SessionNotFound", "LockTimeout"}
REFUSALS |= {"LadderMismatch"}
# A ScenarioError carries its problems, each worded by the validator (test_broken_files_language).


PASSED_ON = "(another error's keyed reason)"


def _key_of(call: ast.Call) -> str | None:
    """The catalogue key a refusal's constructor call names, if it names one as a constant."""
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr == "worded" and call.args:
        first = call.args[0]
        return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None
    if len(call.args) >= 2 and isinstance(call.args[1], ast.Constant):
        return str(call.args[1].value)
    if call.args and isinstance(call.args[0], ast.Call):
        inner = call.args[0]
        if isinstance(inner.func, ast.Name) and inner.func.id == "reason":
            return PASSED_ON
        if isinstance(inner.func, ast.Name) and inner.func.id == "Worded" and inner.args:
            first = inner.args[0]
            return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None
    return None


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return _name(func.value) if func.attr == "worded" else func.attr
    return func.id if isinstance(func, ast.Name) else ""


def refusals(path: Path) -> list[tuple[int, str | None]]:
    """(line, key) of every refusal raised in `path`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Raise)
            and isinstance(node.exc, ast.Call)
            and _name(node.exc.func) in REFUSALS
        ):
            found.append((node.lineno, _key_of(node.exc)))
    return found


def test_the_scan_finds_the_refusals_of_the_rules() -> None:
    found = refusals(CORE / "rules.py")
    assert len(found) >= 15
    assert (None in [key for _, key in refusals(CORE / "errors.py")]) is False


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_refusal_has_a_sentence_in_both_languages(path: Path) -> None:
    for line, key in refusals(path):
        assert key is not None, f"{path.name}:{line}: a refusal without a catalogue key"
        if key == PASSED_ON:
            continue
        assert key in CATALOGUE, f"{path.name}:{line}: {key} is not in the catalogue"
        assert CATALOGUE[key]["et"].strip() and CATALOGUE[key]["en"].strip(), key


def no_english(text: str) -> list[str]:
    return sorted(english_words() & words(re.sub(r"'[\w.-]+'", " ", text)))


def test_a_malformed_change_from_a_phone_is_refused_in_estonian(service: SessionService) -> None:
    """What only a tampered request sends still gets its reason, in the phone's language."""
    party = service.add_party("Politsei")
    other = service.add_party("Vald")
    activity = service.add_activity("Ühised jalutuskäigud", party_ids=[party, other])
    phone = service.for_party(party)
    et = Translator("et")
    tries = [
        lambda: phone.do("add_commitment", bogus=1),
        lambda: service.change(
            "placement.recorded", {"activity_id": activity, "party_id": party, "current": 3}
        ),
        lambda: service.change("placement.recorded", {"activity_id": ["x"], "party_id": party}),
        lambda: service.change("activity.added", {"id": "a2", "title": "T", "party_ids": "nope"}),
        lambda: service.change("party.exploded", {}),
        lambda: service.change("activity.updated", {"id": activity, "colour": "blue"}),
        lambda: service.agree(activity, colour="blue"),
        lambda: service.change("session.updated", {"colour": "blue"}),
    ]
    for attempt in tries:
        with pytest.raises(ChangeRejected) as caught:
            attempt()
        assert caught.value.key in CATALOGUE, caught.value
        said = explain(caught.value, et)
        assert said != str(caught.value) and not no_english(said), (said, no_english(said))


def test_every_text_field_a_refusal_names_is_named_in_both_languages() -> None:
    """A text over its limit or empty names its field: „Väli „pealkiri“ on liiga pikk“, never an
    English field name inside the Estonian sentence."""
    from facilitator.core.text import TEXT_FIELDS, field_label

    kinds = ("activity.added", "commitment.added", "expectation.added", "action.added", "followup.added")
    labels = {field_label(kind, key) for kind in kinds for key in TEXT_FIELDS}
    labels |= {"amended text", "reason for declining"}
    missing = sorted(label for label in labels if f"error.field.{label.replace(' ', '_')}" not in CATALOGUE)
    assert missing == []
