"""Estonian texts address each reader one way: the facilitator as "sina" (here), the participants
as "teie" (`tests/test_i18n_words.py`).

The app and the command line speak to the facilitator (informal: "vajuta n", "anna failinimi");
the phone page, and the projector's join instructions read by the room, speak to participants
who may not know each other (polite: "Avage oma telefonis", "Valige oma osapool"). A tester found
the app mixing them ("kirjuta ... vajuta Enter" beside "Vajutage n"), so every key is checked.
"""

from __future__ import annotations

import re

import pytest

from facilitator.core.i18n import Catalogue
from tests.test_i18n_words import PHONE

# Second person plural (polite) imperatives, as the catalogue's verbs make them.
POLITE = re.compile(
    r"\b(vajutage|kirjutage|valige|sisestage|lisage|proovige|oodake|kasutage|vaadake|"
    r"kontrollige|andke|tehke|pange|märkige|sulgege|minge|looge|avage|muutke|saatke|kinnitage|"
    r"laadige|viige|laske|jälgige|küsige|võtke|lükake|loobuge|salvestage|kustutage|eemaldage|"
    r"käivitage|leppige|lühendage)\b",
    re.IGNORECASE,
)


# Any word shaped like one ("eksportige", "uuendage", "peatage" went past the list above), and the
# polite present ("saate asendada"): the words of that shape the catalogue uses otherwise are
# listed (the singular "sulge", nouns and adjectives, English words in examples).
PLURAL_SHAPED = re.compile(
    r"\b\w+(?:ge|ke)\b|\b(?:saate|võite|peate|soovite|olete|teate|näete|vajate|tahate)\b", re.IGNORECASE
)
NOT_PLURAL = frozenset(
    {"sulge", "kõige", "märke", "käske", "lühike", "väike", "mitteavalike", "change", "message", "language"}
)


def read_by_participants(key: str) -> bool:
    """The phone page's texts, refusals of changes (a phone may get any), and what the projector
    tells the room: `tests/test_i18n_words.py` checks that these say teie."""
    return PHONE.match(key) is not None


CATALOGUE = Catalogue()
ESTONIAN = {key: texts.get("et", "") for key, texts in CATALOGUE.items()}


def test_the_facilitators_texts_say_sina() -> None:
    polite = {key: POLITE.findall(text) for key, text in ESTONIAN.items() if not read_by_participants(key)}
    assert {key: words for key, words in polite.items() if words} == {}


def test_no_facilitators_text_is_shaped_like_a_polite_form() -> None:
    shaped = {
        key: [w for w in PLURAL_SHAPED.findall(text) if w.lower() not in NOT_PLURAL]
        for key, text in ESTONIAN.items()
        if not read_by_participants(key)
    }
    assert {key: words for key, words in shaped.items() if words} == {}


@pytest.mark.parametrize(
    ("text", "polite"), [("Vajutage n", True), ("vajuta n", False), ("Lisage ootus", True)]
)
def test_the_check_tells_the_forms_apart(text: str, polite: bool) -> None:
    assert bool(POLITE.search(text)) is polite
