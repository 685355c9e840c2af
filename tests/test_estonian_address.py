"""Estonian texts address each reader one way: the facilitator as "sina", the participants as "teie".

The app and the command line speak to the facilitator (informal: "vajuta n", "anna failinimi");
the phone page, and the projector's join instructions read by the room, speak to participants
who may not know each other (polite: "Avage oma telefonis", "Valige oma osapool"). A tester found
the app mixing them ("kirjuta ... vajuta Enter" beside "Vajutage n"), so every key is checked.
"""

from __future__ import annotations

import re

import pytest

from facilitator.core.i18n import Catalogue

# Second person plural (polite) imperatives, as the catalogue's verbs make them.
POLITE = re.compile(
    r"\b(vajutage|kirjutage|valige|sisestage|lisage|proovige|oodake|kasutage|vaadake|"
    r"kontrollige|andke|tehke|pange|märkige|sulgege|minge|looge|avage|muutke|saatke|kinnitage|"
    r"laadige|viige|laske|jälgige|küsige|võtke|lükake|loobuge|salvestage|kustutage|eemaldage|"
    r"käivitage|leppige|lühendage)\b",
    re.IGNORECASE,
)
# Second person singular (informal) imperatives of the same verbs.
INFORMAL = re.compile(
    r"\b(vajuta|kirjuta|vali|sisesta|proovi|oota|kasuta|vaata|kontrolli|anna|pane|märgi|"
    r"sulge|mine|ava|muuda|saada|kinnita|laadi|vii|lase|jälgi|küsi|võta|lükka|käivita|"
    r"lühenda)\b",
    re.IGNORECASE,
)
# The projector's join instructions are read by the room, not by the facilitator.
READ_BY_THE_ROOM = {"join.open", "join.code"}


def read_by_participants(key: str) -> bool:
    """The phone page's texts, its refusals, and what the projector tells the room."""
    return key.startswith(("web.", "error.rule.")) or key in READ_BY_THE_ROOM


CATALOGUE = Catalogue()
ESTONIAN = {key: texts.get("et", "") for key, texts in CATALOGUE.items()}


def test_the_facilitators_texts_say_sina() -> None:
    polite = {key: POLITE.findall(text) for key, text in ESTONIAN.items() if not read_by_participants(key)}
    assert {key: words for key, words in polite.items() if words} == {}


def test_the_participants_texts_say_teie() -> None:
    informal = {key: INFORMAL.findall(text) for key, text in ESTONIAN.items() if read_by_participants(key)}
    assert {key: words for key, words in informal.items() if words} == {}


@pytest.mark.parametrize(
    ("text", "polite"), [("Vajutage n", True), ("vajuta n", False), ("Lisage ootus", True)]
)
def test_the_check_tells_the_forms_apart(text: str, polite: bool) -> None:
    assert bool(POLITE.search(text)) is polite
    assert bool(INFORMAL.search(text)) is not polite
