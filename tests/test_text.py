"""User text: cleaned once when it is typed (`clean`), and shown safely on a terminal line."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.core.errors import ChangeRejected
from facilitator.core.i18n import Translator, explain
from facilitator.core.service import SessionService
from facilitator.core.text import (
    NAME,
    TEXT_FIELDS,
    TEXT_LIMIT,
    _replace_controls,
    clean,
    clean_change,
    multi_line,
    one_line,
)


def test_controls_are_shown_not_obeyed() -> None:
    assert one_line("a\nb\tc\rd\x1b[2J\u202e") == "a⏎b c␍d\ufffd[2J\ufffd"


def test_printable_text_is_unchanged_with_estonian_letters_emoji_and_joiners() -> None:
    for text in ("Õueala valgustus", "[b]bold[/b]", "👩\u200d👩\u200d👧 pere", "❤\ufe0f", "no\u00a0break"):
        assert one_line(text) == text


def test_limit_cuts_with_an_ellipsis() -> None:
    assert one_line("abcdef", 4) == "abc…"
    assert one_line("abc", 4) == "abc"


def test_a_cut_splits_no_grapheme() -> None:
    """Not between an emoji and its skin tone, across a ZWJ, or a letter and its accent."""
    assert one_line("ab👍🏽cd", 4) == "ab…"
    assert one_line("a👨\u200d👩\u200d👧b", 4) == "a…"
    assert one_line("ne\u0301e", 3) == "n…"
    assert one_line("❤\ufe0fxyz", 3) == "❤\ufe0f…"


def test_a_cut_keeps_a_flags_two_letters_together() -> None:
    """🇪🇪 is two regional indicators; one alone shows as a stray letter E."""
    flags = "🇪🇪🇫🇮🇱🇻"
    assert one_line("a" + flags, 3) == "a…"
    assert one_line("a" + flags, 4) == "a🇪🇪…"
    assert one_line(flags, 4) == "🇪🇪…"
    assert one_line("🇪" + flags, 3) == "🇪🇪…"  # a stray one first: pairs count from the run's start


def test_multi_line_keeps_newlines() -> None:
    assert multi_line("a\nb\x07") == "a\nb\ufffd"


@given(st.text())
def test_the_fast_path_agrees_with_the_character_by_character_one(text: str) -> None:
    assert one_line(text) == _replace_controls(text)


# ----------------------------------------------------------------- cleaning typed text, once, in the core


def test_clean_removes_controls_and_bidi_overrides_keeps_newlines_and_tabs_in_long_text() -> None:
    typed = "Tere\x1b[31m\x07 \u202eõun\u202c\u2066x\u2069\r\nrida\tkaks\x00"
    assert clean(typed) == "Tere[31m õunx\nrida\tkaks"
    assert clean(typed, NAME) == "Tere[31m õunx rida kaks"


def test_clean_keeps_estonian_letters_emoji_and_joiners_and_composes_letters() -> None:
    for text in (
        "Õun, äri, öö, ülikool, šokolaad, žürii",
        "👩\u200d👩\u200d👧 pere ❤\ufe0f 🇪🇪",
        "[b]x[/b] <i>",
    ):
        assert clean(text) == text
    assert clean("O\u0303un") == "Õun"  # a decomposed õ, as some keyboards send it


def test_names_lose_their_line_breaks_and_outer_spaces() -> None:
    assert clean("  Mari\nTamm\t ", NAME) == "Mari Tamm"


@pytest.mark.parametrize(
    ("kind", "key", "length"),
    [("commitment.added", "text", 31_000), ("party.added", "name", 81), ("activity.added", "title", 201)],
)
def test_over_the_limit_is_refused_with_the_limit_never_cut(kind: str, key: str, length: int) -> None:
    with pytest.raises(ChangeRejected) as error:
        clean_change(kind, {key: "ä" * length})
    assert error.value.key == "error.too_long"
    limit = min(length - 1, TEXT_LIMIT)
    assert error.value.values["limit"] == limit
    said = explain(error.value, Translator("et"))  # 31 000 in Estonian, 31,000 in English
    assert Translator("et").number(limit) in said and "{" not in said
    assert Translator("en").number(limit) in explain(error.value, Translator("en"))


def test_every_text_field_of_a_change_is_cleaned_and_nothing_else() -> None:
    cleaned = clean_change(
        "activity.added",
        {"id": "a\x1b", "title": " Walks\x07 ", "description": "a\x1bb\nc", "party_ids": ["p\x1b"]},
    )
    assert cleaned == {"id": "a\x1b", "title": "Walks", "description": "ab\nc", "party_ids": ["p\x1b"]}


def test_the_service_stores_cleaned_text_for_every_front_end(service: SessionService) -> None:
    party = service.add_party("Police\u202e\x1b")
    activity = service.add_activity("Walks", party_ids=[party])
    service.add_commitment(activity, party, "We will\x07 walk\r\n👣")
    session = service.session
    assert session.party(party).name == "Police"
    assert session.commitments[0].text == "We will walk\n👣"
    assert service.path.read_bytes().count(b"\\u001b") == 0
    with pytest.raises(ChangeRejected):
        service.add_commitment(activity, party, "x" * 31_000)
    assert len(service.session.commitments) == 1


def test_every_free_text_field_of_every_declared_change_is_cleaned() -> None:
    """A new kind of change with a text field is cleaned too, or this test names it."""
    from facilitator.core.schema.events import PAYLOADS
    from facilitator.core.schema.fields import Recorded, fields_of

    typed = {
        (kind, f.name)
        for kind, payload in PAYLOADS.items()
        for f in fields_of(payload)
        if f.shape == "text"
        and f.name != "id"  # a new document's id, chosen by the service
        and not (f.ref or f.known or f.day or any(isinstance(r, Recorded) for r in f.rules))
    }
    assert typed and {(kind, key) for kind, key in typed if key not in TEXT_FIELDS} == set()
