"""Showing user text safely in a terminal.

Stored text is kept byte-exact; only its display is changed, so that an escape
sequence typed or pasted into a title can't move the cursor or recolour a screen.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

from facilitator.core.errors import ChangeRejected
from facilitator.core.i18n.numbers import number

_VISIBLE = {"\n": "⏎", "\r": "␍", "\t": " "}


def one_line(text: str, limit: int | None = None) -> str:
    """Text for a single terminal line: newlines shown as ⏎, other controls as �."""
    # The common case first, in C: nothing to replace.
    result = text if text.isprintable() else _replace_controls(text)
    if limit is not None and len(result) > limit:
        return result[: grapheme_start(result, max(limit - 1, 0))] + "…"
    return result


def grapheme_start(text: str, index: int) -> int:
    """`index`, or the nearest before it where a cut splits no letter: not between a letter
    and its accent, an emoji and its skin tone or variation, across a zero-width joiner, nor
    between a flag's two letters."""
    while 0 < index < len(text) and (_joins_previous(text[index]) or text[index - 1] == "\u200d"):
        index -= 1
    if 0 < index < len(text) and _regional(text[index]) and _regional(text[index - 1]):
        before = index - 1
        while before > 0 and _regional(text[before - 1]):
            before -= 1
        if (index - before) % 2:  # flags pair up from the run's start: this is a flag's second half
            index -= 1
    return index


def _regional(char: str) -> bool:
    """A regional indicator: two of them make one flag (🇪🇪), which a cut keeps whole."""
    return "\U0001f1e6" <= char <= "\U0001f1ff"


def _joins_previous(char: str) -> bool:
    code = ord(char)
    return (
        unicodedata.category(char) in ("Mn", "Mc", "Me")
        or char == "\u200d"
        or 0xFE00 <= code <= 0xFE0F  # variation selectors
        or 0x1F3FB <= code <= 0x1F3FF  # skin tones
        or 0xE0020 <= code <= 0xE007F  # tags (subdivision flags)
    )


def _replace_controls(text: str) -> str:
    out = []
    for char in text:
        if char in _VISIBLE:
            out.append(_VISIBLE[char])
        elif unicodedata.category(char) in ("Cc", "Cf") and char not in "\u200d\ufe0f":
            out.append("\ufffd")
        else:
            out.append(char)
    return "".join(out)


def multi_line(text: str) -> str:
    """Text that may span lines: newlines kept, other controls shown as �."""
    return "\n".join(one_line(line) for line in text.split("\n"))


# ----------------------------------------------------------------- cleaning what is typed

NAME_LIMIT = 80
"""A person's, a party's or a facilitator's name."""
LINE_LIMIT = 200
"""A one-line text that is not a name: a title, a place."""
TEXT_LIMIT = 4_000
"""A long text: a description, a commitment, an answer, a note (the phone's text box says so too)."""

NAME, LINE, LONG = "name", "line", "long"
TEXT_FIELDS = {
    "name": NAME,
    "facilitator": NAME,
    "title": LINE,
    "place": LINE,
    "description": LONG,
    "text": LONG,
    "response": LONG,
    "seen_response": LONG,  # compared with a response stored cleaned: cleaned alike
    "note": LONG,
    "value": LONG,
    # What a session made with `new --from` carries (`followup.added`): names and titles as the
    # earlier session had them, and its ids (references there; cleaning leaves an id as it is).
    "party_name": NAME,
    "activity": LINE,
    "source_id": LINE,
    "party_id": LINE,
    "from_party": LINE,
    "activity_id": LINE,
    "action_id": LINE,
}
"""The text fields of a change's payload, by key, whatever the kind: how each is cleaned."""
LIMITS = {NAME: NAME_LIMIT, LINE: LINE_LIMIT, LONG: TEXT_LIMIT}

_BIDI = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
"""Bidi embeddings, overrides and isolates: they make text read other than it is stored."""
_LINE_BREAKS = {"\r\n": "\n", "\r": "\n", "\u2028": "\n", "\u2029": "\n", "\x85": "\n"}


def clean(text: str, kind: str = LONG) -> str:
    """Typed text as it is stored: no control characters (a long text keeps its newlines
    and tabs; a name or title has them as spaces, and no spaces at its ends), no bidi
    overrides or isolates, composed letters (NFC). The length is checked by `checked`."""
    for old, new in _LINE_BREAKS.items():
        if old in text:
            text = text.replace(old, new)
    if kind != LONG:
        text = text.replace("\n", " ").replace("\t", " ")
    text = text.translate(_BIDI)
    if not text.isprintable():
        text = "".join(c for c in text if c in "\n\t" or unicodedata.category(c) != "Cc")
    text = unicodedata.normalize("NFC", text) if not text.isascii() else text
    return text if kind == LONG else text.strip()


class TooLong(ValueError):
    """A typed text over its limit: refused with the limit, never cut silently."""

    def __init__(self, length: int, limit: int) -> None:
        super().__init__(f"{number(length, 'en')} characters; at most {number(limit, 'en')}")
        self.length = length
        self.limit = limit


def checked(text: str, kind: str = LONG) -> str:
    """`clean(text)`, or `TooLong` when it is over the limit of its kind."""
    cleaned = clean(text, kind)
    if len(cleaned) > LIMITS[kind]:
        raise TooLong(len(cleaned), LIMITS[kind])
    return cleaned


def field_label(kind: str, key: str) -> str:
    """How a refusal names a text field (`error.field.<label>` says it in the user's language)."""
    subject = kind.split(".", 1)[0]
    if key == "text" and subject in ("commitment", "expectation", "action"):
        return subject
    return key.replace("_", " ")


def clean_change(kind: str, data: Mapping[str, Any]) -> dict[str, Any]:
    """A change's payload with every text field cleaned (`TEXT_FIELDS`): the one place typed
    text is cleaned, for phones, the app and the CLI alike. Over its limit is refused."""
    payload = dict(data)
    for key, value in payload.items():
        field_kind = TEXT_FIELDS.get(key)
        if field_kind is None or not isinstance(value, str):
            continue
        try:
            payload[key] = checked(value, field_kind)
        except TooLong as error:
            label = field_label(kind, key)
            raise ChangeRejected(
                f"{label} is too long ({error})",
                "error.too_long",
                field=label,
                length=error.length,
                limit=error.limit,
            ) from None
    return payload
