"""A count reads right for one as for many: "1 party", "1 osapool", never "1 parties".

A text that counts things says how many by `count` (or, "n of total", by `total`); where the
noun after it changes with the number, the catalogue has the text's `.one` twin, and the
translator takes it when the number is 1 (`i18n.one_of`)."""

from __future__ import annotations

import re

import pytest

from facilitator.core.i18n import CATALOGUE, Translator

PLURAL_AFTER_NUMBER = re.compile(r"\{(\w+)\} (?:more )?(?:[a-z]+ )?(?:[a-z]+s)\b(?! of\b)")
"""A number followed by a plural noun in English ("{count} devices", "{total} parties")."""
NEVER_ONE = {
    "board.drag.differ",  # different rungs: two at least
    "exchange.export.hint.folder",  # only a format of several files asks for a folder
}


def test_every_english_count_before_a_plural_has_a_wording_for_one() -> None:
    missing = []
    for key, texts in CATALOGUE.items():
        if key.endswith(".one") or key in NEVER_ONE:
            continue
        for name in PLURAL_AFTER_NUMBER.findall(texts["en"]):
            if name in ("count", "total") and key + ".one" not in CATALOGUE:
                missing.append(key)
    assert missing == []


def test_a_twin_for_one_has_its_text_and_its_placeholders() -> None:
    from facilitator.core.i18n import placeholders

    for key in (k for k in CATALOGUE if k.endswith(".one") and k[:-4] in CATALOGUE):
        base = CATALOGUE[key[:-4]]
        for language in ("en", "et"):
            assert placeholders(CATALOGUE[key][language]) <= placeholders(base[language]), key


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        (
            "en",
            "Sign off “Talks” for the one party present: Police?",
            "Sign off “Talks” for 2 parties present: Police, Town?",
        ),
        (
            "et",
            "Kas kinnitada tegevuse „Talks“ kokkulepe ainsa kohaloleva osapoole eest: Police?",
            "Kas kinnitada tegevuse „Talks“ kokkulepe kohalolevate osapoolte (2) eest: Police, Town?",
        ),
    ],
)
def test_the_sign_off_dialog_counts_one_party_as_one(language: str, one: str, two: str) -> None:
    t = Translator(language)
    assert t("signall.confirm", activity="Talks", count=1, parties="Police") == one
    assert t("signall.confirm", activity="Talks", count=2, parties="Police, Town") == two


def test_counted_words_for_one_and_many() -> None:
    en, et = Translator("en"), Translator("et")
    assert en("signall.done", count=1, activity="Talks") == "1 party signed off “Talks”."
    assert et("signall.done", count=1, activity="Talks") == "1 osapool kinnitas tegevuse „Talks“."
    assert et("signall.done", count=3, activity="Talks") == "3 osapoolt kinnitas tegevuse „Talks“."
    assert en("cli.serve.devices", count=1) == "Still joined from last time: 1 device."
    assert et("cli.serve.devices", count=1) == "Eelmisest korrast on endiselt liitunud 1 seade."
    assert en("web.placed_count", count=0, total=1) == "Placed: 0 of 1 party"
    assert en("web.placed_count", count=1, total=2) == "Placed: 1 of 2 parties"  # "of total" decides
    assert en.size(1) == "1 byte" and en.size(2) == "2 bytes"
