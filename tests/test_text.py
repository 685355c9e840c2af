"""User text on a terminal line: controls made visible, everything else exactly as typed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from facilitator.core.text import _replace_controls, multi_line, one_line


def test_controls_are_shown_not_obeyed() -> None:
    assert one_line("a\nb\tc\rd\x1b[2J\u202e") == "a⏎b c␍d\ufffd[2J\ufffd"


def test_printable_text_is_unchanged_with_estonian_letters_emoji_and_joiners() -> None:
    for text in ("Õueala valgustus", "[b]bold[/b]", "👩\u200d👩\u200d👧 pere", "❤\ufe0f", "no\u00a0break"):
        assert one_line(text) == text


def test_limit_cuts_with_an_ellipsis() -> None:
    assert one_line("abcdef", 4) == "abc…"
    assert one_line("abc", 4) == "abc"


def test_multi_line_keeps_newlines() -> None:
    assert multi_line("a\nb\x07") == "a\nb\ufffd"


@given(st.text())
def test_the_fast_path_agrees_with_the_character_by_character_one(text: str) -> None:
    assert one_line(text) == _replace_controls(text)
