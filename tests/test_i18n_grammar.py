"""Catalogue grammar: party names may be singular or plural, and Estonian quotes are „…“.

Most party names are plural ("Noorsootöötajad", "Youth workers"), some singular
("Politsei", "Town council"). A template that makes a name the subject of a verb is
right for one of them and wrong for the other, so no template may do that: the
subject is "osapool"/"the party" with the name beside it, or the names follow a colon.
"""

from __future__ import annotations

import re
import string

import pytest

from facilitator.core.i18n import CATALOGUE, LANGUAGES

# Placeholders that stand for the name of a party (or a list of party names).
PARTY_PLACEHOLDERS = {"party", "parties", "from", "to", "owner", "group", "a", "b", "names"}
# Where one of those names a number instead.
COUNTS = {"exchange.compare.side_meta": {"parties"}}

# A name may be followed by a word only where it stands beside a head noun ("osapool
# {party} osaleb", "the party {party} takes part") that the verb agrees with instead.
HEAD_NOUNS = {
    "et": re.compile(r"(?i)(osapool\w*|rühm\w*)\s*$"),
    "en": re.compile(r"(?i)(party|parties|group)\s*$"),
}
# Words that may follow a name without making it a subject.
FREE_FOLLOWERS = {"et": {"ja", "või"}, "en": {"and", "or"}}

NAMES = {
    "et": {"plural": "Noorsootöötajad", "singular": "Politsei"},
    "en": {"plural": "Youth workers", "singular": "Town council"},
}
# What a wrong template would print with each kind of name.
FORBIDDEN = {
    ("et", "plural"): [
        "osaleb",
        "lubab",
        "ootab",
        "kinnitas",
        "võttis",
        "paigutas",
        "vastab",
        "lükkas",
        "nõustus",
        "muutis",
        "esitas",
        "vastutab",
        "juhib",
        "liitub",
        "teeb",
        "on",
    ],
    ("et", "singular"): ["osalevad", "lubavad", "ootavad", "kinnitasid", "võtsid", "paigutasid", "vastavad"],
    ("en", "plural"): [
        "takes",
        "has",
        "is",
        "was",
        "commits",
        "expects",
        "answers",
        "owns",
        "leads",
        "withdrew its",
    ],
    ("en", "singular"): ["take", "have", "are", "were", "commit", "expect", "answer", "withdrew their"],
}
# Verbs that, placed right before a name, make it the subject ("vastutab {owner}").
INVERTED = {"et": ["vastutab", "esitas", "lubab", "ootab", "osaleb", "kinnitas"], "en": []}


def _party_templates() -> list[tuple[str, str, str]]:
    found = []
    for key, texts in CATALOGUE.items():
        for language in LANGUAGES:
            names = {n for _, n, _, _ in string.Formatter().parse(texts[language]) if n}
            if names & (PARTY_PLACEHOLDERS - COUNTS.get(key, set())):
                found.append((key, language, texts[language]))
    return found


PARTY_TEMPLATES = _party_templates()


def test_there_are_templates_that_take_a_party() -> None:
    assert len(PARTY_TEMPLATES) > 40


def subject_problems(text: str, language: str, counts: frozenset[str] = frozenset()) -> list[str]:
    """Where a party placeholder is (or may be) the subject of a verb."""
    problems = []
    for match in re.finditer(r"\{(\w+)\}", text):
        if match.group(1) not in PARTY_PLACEHOLDERS - counts:
            continue
        before, after = text[: match.start()], text[match.end() :]
        follower = re.match(r" (\w+)", after)
        word = follower.group(1) if follower else ""
        free = not word or not word[0].islower() or word in FREE_FOLLOWERS[language]
        if not free and not HEAD_NOUNS[language].search(before):
            problems.append(f"{{{match.group(1)}}} {word}")
        name = match.group(1)
        problems += [f"{verb} {{{name}}}" for verb in INVERTED[language] if before.rstrip().endswith(verb)]
    return problems


def test_the_check_finds_a_name_used_as_subject() -> None:
    assert subject_problems("„{activity}“: {party} osaleb, kuid tal pole rolli.", "et") == ["{party} osaleb"]
    assert subject_problems("{to} has not yet answered {from}", "en") == ["{to} has"]
    assert subject_problems("Uus samm, vastutab {owner}", "et") == ["vastutab {owner}"]
    assert subject_problems("osapool {party} osaleb; {a} – {b}: {party} ja {to}", "et") == []


@pytest.mark.parametrize(("key", "language", "text"), PARTY_TEMPLATES, ids=lambda v: str(v)[:40])
def test_no_party_name_is_the_subject_of_a_verb(key: str, language: str, text: str) -> None:
    """A party placeholder followed by a word must be in apposition to a head noun."""
    problems = subject_problems(text, language, frozenset(COUNTS.get(key, set())))
    assert not problems, (
        f"{key} ({language}): {problems}: "
        "say “osapool {…}”/“the party {…}”, or put the names after a colon"
    )


@pytest.mark.parametrize("number", ["plural", "singular"])
@pytest.mark.parametrize(("key", "language", "text"), PARTY_TEMPLATES, ids=lambda v: str(v)[:40])
def test_every_party_template_reads_right_with_plural_and_singular_names(
    key: str, language: str, text: str, number: str
) -> None:
    name = NAMES[language][number]
    values = {
        n: (name if n in PARTY_PLACEHOLDERS - COUNTS.get(key, set()) else "x")
        for _, n, _, _ in string.Formatter().parse(text)
        if n
    }
    rendered = text.format(**values)
    assert "{" not in rendered and "}" not in rendered
    for verb in FORBIDDEN[(language, number)]:
        for hit in re.finditer(rf"\b{re.escape(name)} {verb}\b", rendered):
            in_apposition = HEAD_NOUNS[language].search(rendered[: hit.start()])
            assert in_apposition, f"{key}: {rendered}"
    for verb in INVERTED[language]:
        assert f"{verb} {name}" not in rendered, f"{key}: {rendered}"
