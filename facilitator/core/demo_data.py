"""The demo workshop's content, in both languages: Kaasiku's parties, people and activities.

Pure data for `facilitator.core.demo`, which writes it into a session. Rungs are given by
position (0 = the first rung), roles as ids or "lead"/"other", so any scenario with a
ladder of at least four rungs can take it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Text = dict[str, str]


# Rungs by position, so the demo fits any ladder of at least four rungs.
COMM, COOP, COORD, COLLAB = 0, 1, 2, 3


def all_placed(parties: tuple[str, ...], current: int, wished: int) -> tuple[tuple[str, int, int], ...]:
    """Every party placed the activity the same way."""
    return tuple((p, current, wished) for p in parties)


def L(et: str, en: str) -> Text:
    """One text in both languages."""
    return {"et": et, "en": en}


TEXTS: dict[str, dict[str, str]] = {
    "et": {
        "title": "Kaasiku valla turvalisuse partnerid: näidistöötuba",
        "place": "Kaasiku vallamaja (Kaasiku vald on väljamõeldud näide)",
        "facilitator": "Tiina Kuusk",
    },
    "en": {
        "title": "Kaasiku community safety partners: demo workshop",
        "place": "Kaasiku municipal building (Kaasiku is a made-up example municipality)",
        "facilitator": "Tiina Kuusk",
    },
}


@dataclass(frozen=True)
class DemoParty:
    """A party of the example municipality, linked to a suggested party of the scenario."""

    key: str
    suggested_id: str
    name: Text
    people: tuple[Text, ...]
    affected: bool = False


PARTIES: tuple[DemoParty, ...] = (
    DemoParty(
        "police",
        "police",
        L("Politsei", "Police"),
        (
            L("Andres Kivi, piirkonnapolitseinik", "Andres Kivi, district police officer"),
            L("Kristjan Rand, noorsoopolitseinik", "Kristjan Rand, juvenile police officer"),
        ),
    ),
    DemoParty(
        "town",
        "local-government",
        L("Kaasiku vald", "Kaasiku Municipality"),
        (
            L("Kersti Mägi, abivallavanem", "Kersti Mägi, deputy mayor"),
            L(
                "Toomas Lepp, volikogu turvalisuskomisjoni esimees",
                "Toomas Lepp, chair of the council's safety commission",
            ),
        ),
    ),
    DemoParty(
        "neighbour",
        "local-government",
        L("Kasevälja vald", "Kasevälja Municipality"),
        (L("Urmas Kallas, Kasevälja vallasekretär", "Urmas Kallas, Kasevälja municipal secretary"),),
    ),
    DemoParty(
        "youth",
        "youth-workers",
        L("Kaasiku Noortekeskus", "Kaasiku Youth Centre"),
        (L("Liis Mets, noortekeskuse juhataja", "Liis Mets, head of the youth centre"),),
    ),
    DemoParty(
        "child",
        "child-protection",
        L("Lastekaitse", "Child protection"),
        (L("Katrin Saar, lastekaitsespetsialist", "Katrin Saar, child protection specialist"),),
    ),
    DemoParty(
        "social",
        "social-worker",
        L("Sotsiaaltöötajad", "Social workers"),
        (L("Helle Pärn, eakate päevakeskuse juhataja", "Helle Pärn, head of the seniors' day centre"),),
    ),
    DemoParty(
        "school",
        "school",
        L("Kaasiku Kool", "Kaasiku School"),
        (L("Margit Kask, sotsiaalpedagoog", "Margit Kask, social pedagogue"),),
    ),
    DemoParty(
        "health",
        "health-council",
        L("Tervisenõukogu", "Health council"),
        (L("Marje Ilves, valla tervisedenduse spetsialist", "Marje Ilves, health promotion officer"),),
    ),
    DemoParty(
        "society",
        "ngo",
        L("Metsaküla Külaselts", "Metsaküla Village Society"),
        (L("Piret Oja, külaseltsi juhatuse liige", "Piret Oja, board member of the village society"),),
    ),
    DemoParty(
        "flats",
        "apartment-association",
        L("Korteriühistud", "Apartment associations"),
        (
            L(
                "Raivo Sepp, KÜ Pargi 4 juhatuse esimees",
                "Raivo Sepp, chair of the Pargi 4 apartment association",
            ),
        ),
    ),
    DemoParty(
        "residents",
        "residents",
        L("Kohalikud elanikud", "Local residents"),
        (L("Jaan Tamm, Metsaküla külavanem", "Jaan Tamm, village elder of Metsaküla"),),
        affected=True,
    ),
    DemoParty(
        "young",
        "young-people",
        L("Noored", "Young people"),
        (L("Mia Rebane, noortevolikogu esimees", "Mia Rebane, chair of the youth council"),),
        affected=True,
    ),
    DemoParty(
        "seniors",
        "seniors",
        L("Eakad", "Seniors"),
        (
            L(
                "Ülle Karu, pensionäride ühenduse juhatuse liige",
                "Ülle Karu, board member of the pensioners' club",
            ),
        ),
        affected=True,
    ),
)


@dataclass(frozen=True)
class Expect:
    """An expectation and how it was answered ("open", "accepted", "amended", "declined")."""

    source: str
    target: str
    text: Text
    state: str = "open"
    response: Text | None = None


@dataclass(frozen=True)
class Step:
    """A next step: its owner, text, due in how many days, and whether it is done."""

    owner: str
    text: Text
    due_days: int
    done: bool = False


@dataclass(frozen=True)
class DemoActivity:
    """One activity of the workshop and everything the room recorded about it.

    `placements` is (party, current rung index, wished rung index) per party that has
    placed; `agreed` the agreed (current, wished) indexes, if the room agreed.
    """

    title: Text
    description: Text
    parties: tuple[str, ...]
    placements: tuple[tuple[str, int, int], ...] = ()
    reveal: bool = False
    agreed: tuple[int, int] | None = None
    note: Text | None = None
    approaches: tuple[str, ...] = ()
    flows: tuple[str, ...] = ()
    concerns: tuple[str, ...] = ()
    roles: dict[str, str] = field(default_factory=dict)
    commitments: tuple[tuple[str, Text], ...] = ()
    expectations: tuple[Expect, ...] = ()
    fields: dict[str, Text] = field(default_factory=dict)
    signed: tuple[str, ...] = ()
    steps: tuple[Step, ...] = ()
