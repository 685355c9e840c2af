"""The session file's bytes: each table kept encoded, so a change re-encodes what it touched."""

from __future__ import annotations

from typing import Any

import pytest

from facilitator.core.store import SessionEncoder, dumps


def test_bytes_are_the_json_text_in_utf8_with_other_letters_in_one_table() -> None:
    data: dict[str, Any] = {
        "meta": {"session": {"title": "Tõnis ja Ülle — “kooperatsioon”"}},
        "events": {str(n): {"seq": n, "kind": "x"} for n in range(1, 50)},
    }
    encoder = SessionEncoder()
    assert encoder.encode(data) == dumps(data).encode("utf-8")
    events = {**data["events"], "50": {"seq": 50, "kind": "ä"}}  # appended, as the log grows
    data = {**data, "events": events}
    assert encoder.encode(data) == dumps(data).encode("utf-8")


@pytest.mark.parametrize("where", ["appended", "replaced"])
def test_text_that_cannot_be_encoded_fails_and_leaves_the_encoder_as_it_was(where: str) -> None:
    """A lone surrogate fails the write; the next write is still exactly the data's text."""
    events: dict[str, dict[str, Any]] = {str(n): {"seq": n} for n in range(1, 5)}
    data: dict[str, Any] = {"events": events}
    encoder = SessionEncoder()
    encoder.encode(data)
    bad = {**events, "5": {"seq": 5, "text": "\ud800"}}
    if where == "replaced":
        bad = {**events, "2": {"seq": 2, "text": "\ud800"}}
    with pytest.raises(UnicodeEncodeError):
        encoder.encode({"events": bad})
    good = {**events, "5": {"seq": 5, "text": "fine"}}
    assert encoder.encode({"events": good}) == dumps({"events": good}).encode("utf-8")
