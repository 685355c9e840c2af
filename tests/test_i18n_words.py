"""One word per concept, *teie* on the phone page, and no English in Estonian text.

A municipality signs what the workshop produced, so the Estonian has to read as one
careful writer wrote it: the same concept always by the same word (an accepted
expectation is "vastu võetud", never also "nõus" or "nõustutud"), the person on the
phone addressed as *teie* (they speak for a party), and no English left in between.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest

from facilitator.core import reports
from facilitator.core.demo import create_demo
from facilitator.core.demo_activities import ACTIVITIES
from facilitator.core.demo_data import PARTIES
from facilitator.core.i18n import CATALOGUE
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario

REPO = Path(__file__).resolve().parent.parent

# concept: (the one Estonian word, forbidden Estonian variants, the one English word, forbidden English ones)
CONCEPTS: dict[str, tuple[str, str, str, str]] = {
    "an accepted expectation": ("vastu võetud", r"nõustu\w*|^nõus$", "accepted", ""),
    "a declined expectation": ("tagasi lükatud", r"keeldu\w*", "declined", r"\brefused\b"),
    "placing again after a reveal": (
        "uus voor",
        r"hääletus\w*|kordus\w*",
        "new round",
        r"re-?vot\w*|\bvote\b",
    ),
    "showing the placements": ("avalikusta", r"ava selle vooru|paigutus\w* ava(b|da|ge|s)?\b", "reveal", ""),
    "the wished rung": (
        "soovitud",
        r"\bsiht\b|\bsoovitakse\b|^Peaks olema$|↗ soov\b|soov: jääda",
        "wished",
        r"^Should be$|\bAiming for\b|↗ wish\b|↗ \S+ \(wish\)",
    ),
    "steps not done yet": ("tegemata", r"\bavatud samm\w*|○ avatud|^avatud$|\bavatud \{open\}", "open", ""),
    "formal steps (bookkeeping)": ("vormistada", r"asjaajami\w*", "bookkeeping", ""),
    "not for public copies": ("mitteavalik", r"privaat\w*", "not public", r"\bprivate\b"),
    "rename": ("Nimeta ümber", r"^Nimeta$", "Rename", ""),
    "a next step (not an 'action')": (
        "samm",
        r"\btoiming\w* \(samm",
        "next step",
        r"\b(an?|new|the|this) actions?\b|^Actions? \(",
    ),
    "a direction of information flow": ("info liikumise", r"infovoo\w*|infovood", "information flow", ""),
    "the room (a calque)": ("osapooled", r"\bRuum\b|\bruum (lepib|otsustab|paigutab)", "", ""),
    "an agreed rung": ("kokkulepitud aste", r"kokku lepitud kui", "agreed rung", ""),
    "including (the guide joins flow directions with „ja“)": ("ja", r"\bsh\b", "and", r"\bincluding\b"),
    "ranking the four forms (the guide does not)": (
        "",
        r"kõige vähem|ühisemani|vähimast|vähem ühis",
        "",
        r"least to most|least joint|most joint",
    ),
    "a party's printable page": ("osapoolte lehed", r"\bhandouts?\b", "handouts", ""),
}
# Texts that legitimately keep a word the table forbids elsewhere.
ALLOWED = {
    ("web.open.label", "avatud"),  # an activity open for placing, not a step
    # the CLI's help names the value of --format, typed as it is
    ("cli.help.export", "handouts"),
    ("cli.help.export.description", "handouts"),
    ("cli.help.export.output", "handouts"),
}
# The review's dashboard is not a second "Ülevaade" (F2's overview is).
OVERVIEW_ONLY = re.compile(r"^(key\.overview|overview\.)")


def estonian_texts() -> list[tuple[str, str]]:
    """Every Estonian text a user reads: catalogue, the Estonian scenario, the demo."""
    texts = [(key, t["et"]) for key, t in CATALOGUE.items()]
    scenario = find_scenario("kogukondlik-turvalisus")
    texts += [
        ("scenario", line)
        for line in (REPO / "scenarios" / "kogukondlik-turvalisus.toml")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    texts += [("scenario.title", scenario.title)]
    for party in PARTIES:
        texts += [("demo.party", party.name["et"])] + [("demo.person", p["et"]) for p in party.people]
    for activity in ACTIVITIES:
        texts += [("demo.title", activity.title["et"]), ("demo.description", activity.description["et"])]
        texts += [("demo.commitment", text["et"]) for _, text in activity.commitments]
        texts += [("demo.expectation", e.text["et"]) for e in activity.expectations]
        texts += [("demo.field", v["et"]) for v in activity.fields.values()]
        texts += [("demo.step", s.text["et"]) for s in activity.steps]
    return texts


def english_texts() -> list[tuple[str, str]]:
    return [(key, t["en"]) for key, t in CATALOGUE.items()]


@pytest.mark.parametrize("concept", CONCEPTS)
def test_one_estonian_word_per_concept(concept: str) -> None:
    _, forbidden, _, _ = CONCEPTS[concept]
    found = [
        (key, text)
        for key, text in estonian_texts()
        for match in [re.search(forbidden, text, re.IGNORECASE | re.MULTILINE)]
        if match and (key, match.group(0).lower()) not in ALLOWED
    ]
    assert found == [], f"{concept}: say „{CONCEPTS[concept][0]}“"


@pytest.mark.parametrize("concept", [c for c, v in CONCEPTS.items() if v[3]])
def test_one_english_word_per_concept(concept: str) -> None:
    forbidden = CONCEPTS[concept][3]
    found = [(key, text) for key, text in english_texts() if re.search(forbidden, text, re.IGNORECASE)]
    assert found == [], f"{concept}: say “{CONCEPTS[concept][2]}”"


def test_the_one_words_are_in_use() -> None:
    """The table names words the catalogue really uses, so it can't drift into fiction."""
    estonian = "\n".join(text for _, text in estonian_texts())
    english = "\n".join(text for _, text in english_texts())
    for concept, (et, _, en, _) in CONCEPTS.items():
        assert et.lower() in estonian.lower(), concept
        assert en.lower() in english.lower(), concept


def test_only_the_overview_is_called_ulevaade() -> None:
    named = [key for key, t in CATALOGUE.items() if t["et"] in ("Ülevaade",) and not OVERVIEW_ONLY.match(key)]
    assert named == []


# --------------------------------------------------------------------------- teie on the phone page

# The second person singular ("sina") and its imperatives, which the phone page never uses.
SINA = re.compile(
    r"\b(sa|sina|sinu|sul|sulle|sind|sinul|oled|saad|soovid|esindad|ootad|vali|kirjuta|proovi|vaata|"
    r"palu|oota|laadi|mine|kasuta|lühenda|liitu|lahku|saada|muuda|nõustu|keeldu|lisa|kinnita|"
    r"sisesta|ava|jälgi|võta|lükka|alusta|sõnasta|anna|vajuta)\b",
    re.IGNORECASE,
)
# What a phone shows: its own texts, refusals of changes, and the join panel read off the projector.
PHONE = re.compile(r"^(web\.|error\.|join\.(open|code)$)")


def test_the_check_finds_sina() -> None:
    assert SINA.search("Vali osapool") and SINA.search("Sinu nimi") and SINA.search("Saad muuta")
    assert not SINA.search("Valige osapool, saatke paigutus; teie nimi; saate muuta")


def test_the_phone_page_says_teie() -> None:
    found = [(key, t["et"]) for key, t in CATALOGUE.items() if PHONE.match(key) and SINA.search(t["et"])]
    assert found == []


# --------------------------------------------------------------------------- no English in Estonian

ENGLISH = re.compile(
    r"\b(the|and|of|with|for|from|not|wrote|activities|activity|party|parties|agreed|placed|round|none|"
    r"yes|open|done|due|step|steps|mismatch\w*|role|roles)\b"
)


def without_code(text: str) -> str:
    """The text without placeholders, command lines (`--from`, 'facilitator new --help') and
    a scenario file's table names (`[[parties]]`)."""
    return re.sub(r"\{\w+\}|--[\w-]+|'facilitator [^']*'|\(facilitator [^)]*\)|\[\[[\w.]+\]\]", "", text)


def test_no_english_in_the_estonian_catalogue() -> None:
    found = [(key, t["et"]) for key, t in CATALOGUE.items() if ENGLISH.search(without_code(t["et"]))]
    assert found == []


def test_no_english_in_the_estonian_report_of_the_demo() -> None:
    with tempfile.TemporaryDirectory() as folder:
        service = create_demo(SessionLibrary(Path(folder)), find_scenario("kogukondlik-turvalisus"))
        for fmt in ("md", "html"):
            text = next(iter(reports.export_files(service, fmt).values())).decode("utf-8")
            if fmt == "html":
                text = re.sub(r"<[^>]*>", " ", re.sub(r"<(style|svg)\b.*?</\1>", " ", text, flags=re.S))
            assert ENGLISH.findall(text) == [], fmt
