"""A complete sample workshop in a made-up municipality, Kaasiku.

Newcomers, the review and export features and the benchmarks all need real data, and a
practitioner should recognise it: one (clearly made-up) municipality with its own
parties and people, activities modelled on the guide's examples but set there, and
roles, commitments, expectations and next steps that fit each activity. Wishes go up for
some activities, stay for others and go down for one. Every mismatch kind appears at
least once, each for a reason a facilitator could explain (see `WHY` in the tests).

The activities are placed on rungs by position (0 = the first rung, …), so the demo
works with any scenario whose ladder has at least four rungs; role and field ids the
scenario lacks are skipped.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from facilitator.core.errors import UserError
from facilitator.core.library import SessionLibrary, SessionSummary
from facilitator.core.scenario import Scenario
from facilitator.core.service import SessionService

Text = dict[str, str]


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
        L("Kaasiku Vallavalitsus", "Kaasiku Municipality"),
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
        L("Kasevälja Vallavalitsus", "Kasevälja Municipality"),
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


def _all(parties: tuple[str, ...], current: int, wished: int) -> tuple[tuple[str, int, int], ...]:
    return tuple((p, current, wished) for p in parties)


COMM, COOP, COORD, COLLAB = 0, 1, 2, 3

_TALKS = ("police", "youth", "social", "seniors")
_PATROL = ("police", "residents")
_HOMEAREA = ("town", "police", "residents", "society")
_COMMISSION = ("town", "police")
_YOUTH_MEET = ("youth", "child", "school", "police")
_ROUNDTABLE = ("police", "town", "society")
_HEALTH = ("health", "town", "school", "social")
_PLAN = ("town", "police", "residents", "society", "youth")
_SERVICE = ("town", "neighbour", "police")
_WATCH = ("residents", "flats", "police")
_MAPPING = ("young", "youth", "town")
_ROUTE = ("town", "school", "police")

ACTIVITIES: tuple[DemoActivity, ...] = (
    DemoActivity(
        title=L(
            "Piirkonnapolitseiniku teemaõhtud noortekeskuses ja eakate päevakeskuses",
            "District police officer's themed evenings at the youth centre and the seniors' day centre",
        ),
        description=L(
            "Juhendi Kuressaare näite eeskujul: piirkonnapolitseinik räägib kord kuus noortekeskuses ja "
            "eakate päevakeskuses turvalisuse teemadel (telefonipettused, liiklus, kiusamine).",
            "After the guide's Kuressaare example: once a month the district police officer talks about "
            "safety topics (phone scams, traffic, bullying) at the youth centre and the seniors' day centre.",
        ),
        parties=_TALKS,
        flows=("police-to-people",),
        placements=_all(_TALKS, COMM, COMM),
        reveal=True,
        agreed=(COMM, COMM),
        concerns=("young",),
        roles={"police": "lead", "youth": "contributor", "social": "contributor", "seniors": "partner"},
        commitments=(
            (
                "police",
                L(
                    "Peame kord kuus mõlemas keskuses teemaõhtu; järgmise teema valime koos kuulajatega.",
                    "We hold a themed evening in both centres once a month; the next topic is chosen with "
                    "the audience.",
                ),
            ),
            (
                "youth",
                L(
                    "Anname noortekeskuse saali teemaõhtuks ja kutsume noored kohale.",
                    "We make the youth centre's hall free for the evening and invite the young people.",
                ),
            ),
            (
                "social",
                L(
                    "Kutsume päevakeskuse külastajad kohale ja tuletame kuupäeva päev varem meelde.",
                    "We invite the day centre's visitors and remind them of the date the day before.",
                ),
            ),
        ),
        expectations=(
            Expect(
                "seniors",
                "police",
                L(
                    "Ootame, et üks teemaõhtu räägiks telefonipettustest ja sellest, kuhu neist teada anda.",
                    "We expect one evening to be about phone scams and where to report them.",
                ),
                "accepted",
            ),
        ),
        fields={
            "who_informs_whom": L(
                "Piirkonnapolitseinik → noortekeskuse noored ja päevakeskuse eakad; kuulajate küsimused "
                "ja mured → politsei.",
                "District police officer → young people at the youth centre and seniors at the day centre; "
                "the audience's questions and worries → police.",
            ),
            "how_often": L("Kord kuus kummaski keskuses.", "Once a month in each centre."),
            "channel": L(
                "Teemaõhtu kohapeal; kuulutus vallalehes ja noortekeskuse sotsiaalmeedias.",
                "The evening on site; a notice in the municipal paper and the youth centre's social media.",
            ),
        },
        signed=_TALKS,
    ),
    DemoActivity(
        title=L("Patrullpolitseinike jutuajamised külateedel", "Patrol officers' chats on the village roads"),
        description=L(
            "Nagu Rapla näites: patrull peatub külateedel, küsib elanikelt, kuidas läheb, ja annab "
            "järgmisel korral teada, mis nende murega edasi sai.",
            "As in the Rapla example: the patrol stops on village roads, asks residents how they are "
            "doing, and next time tells them what became of their concern.",
        ),
        parties=_PATROL,
        flows=("two-way",),
        placements=_all(_PATROL, COMM, COMM),
        reveal=True,
        agreed=(COMM, COMM),
        roles={"police": "lead", "residents": "partner"},
        commitments=(
            (
                "police",
                L(
                    "Patrull peatub kord nädalas Metsaküla ja Kaasiku vahelistel teedel ja küsib elanike "
                    "muresid.",
                    "Once a week the patrol stops on the roads between Metsaküla and Kaasiku and asks about "
                    "residents' concerns.",
                ),
            ),
            (
                "residents",
                L(
                    "Külavanem kogub küla mured kokku ja annab need patrullile üle.",
                    "The village elder collects the village's concerns and hands them to the patrol.",
                ),
            ),
        ),
        expectations=(
            Expect(
                "residents",
                "police",
                L(
                    "Ootame, et patrull annab järgmisel korral teada, mis meie murega edasi sai.",
                    "We expect the patrol to tell us next time what became of our concern.",
                ),
                "accepted",
            ),
        ),
        fields={
            "who_informs_whom": L(
                "Mõlemat pidi: elanikud → patrull (mured), patrull → elanikud (mis murega edasi sai).",
                "Both ways: residents → patrol (concerns), patrol → residents (what became of them).",
            ),
            "how_often": L("Kord nädalas.", "Once a week."),
            "channel": L(
                "Otsesuhtlus tänaval ja külavanema kaudu.", "Face to face, and through the village elder."
            ),
        },
        signed=_PATROL,
    ),
    DemoActivity(
        title=L(
            "Kodukandi arutelud: politsei, elanikud ja vald",
            "Home area discussions: police, residents and the municipality",
        ),
        description=L(
            "Raplamaa projekti „Turvaline kodukant“ eeskujul: kaks korda aastas arutavad politsei, "
            "külade elanikud ja vallaametnikud seltsimajas küla turvalisust.",
            "After Raplamaa's project “Turvaline kodukant” (Safe home area): twice a year the police, "
            "the villages' residents and municipal officials discuss safety in the village hall.",
        ),
        parties=_HOMEAREA,
        flows=("people-to-police", "two-way"),
        placements=(
            ("town", COMM, COMM),
            ("police", COMM, COMM),
            ("residents", COOP, COORD),
            ("society", COOP, COORD),
        ),
        reveal=True,
        approaches=("resource-mobilisation",),
        roles={"town": "lead", "police": "partner", "residents": "partner", "society": "contributor"},
        commitments=(
            (
                "society",
                L(
                    "Anname seltsimaja aruteludeks tasuta kasutada ja keedame kohvi.",
                    "We let the discussions use the village hall for free, and make the coffee.",
                ),
            ),
        ),
    ),
    DemoActivity(
        title=L(
            "Piirkonnapolitseinik volikogu turvalisuskomisjonis",
            "District police officer on the council's safety commission",
        ),
        description=L(
            "Keila näite eeskujul osaleb piirkonnapolitseinik volikogu turvalisuskomisjoni koosolekutel.",
            "After the Keila example, the district police officer attends the meetings of the council's "
            "safety commission.",
        ),
        parties=_COMMISSION,
        flows=("between-agencies",),
        placements=_all(_COMMISSION, COMM, COORD),
        reveal=True,
        agreed=(COMM, COORD),
        roles={"town": "lead", "police": "partner"},
        expectations=(
            Expect(
                "town",
                "police",
                L(
                    "Ootame, et piirkonnapolitseinik toob igale koosolekule ülevaate piirkonna sündmustest.",
                    "We expect the district police officer to bring an overview of local incidents to "
                    "every meeting.",
                ),
                "amended",
                L(
                    "Toome ülevaate kord kvartalis; kiireloomulisest anname teada kohe e-kirjaga.",
                    "We bring an overview once a quarter; anything urgent we report at once by e-mail.",
                ),
            ),
        ),
        fields={
            "who_informs_whom": L(
                "Ametkondade vahel: politsei ↔ volikogu turvalisuskomisjon.",
                "Between agencies: police ↔ the council's safety commission.",
            ),
            "how_often": L(
                "Komisjoni koosolekul kord kvartalis.", "At the commission's meeting once a quarter."
            ),
            "channel": L(
                "Koosolek ja protokoll; vahepeal e-kiri.", "The meeting and its minutes; e-mail between."
            ),
        },
        signed=_COMMISSION,
        steps=(
            Step(
                "town",
                L(
                    "Teha komisjonile ettepanek kutsuda liikmeks ka kool ja noortekeskus",
                    "Propose that the commission invites the school and the youth centre as members",
                ),
                30,
            ),
        ),
    ),
    DemoActivity(
        title=L(
            "Noortega töötavate spetsialistide kuukohtumine",
            "Monthly meeting of the professionals working with young people",
        ),
        description=L(
            "Nagu Keila näites: noorsootöötaja, lastekaitsespetsialist, sotsiaalpedagoog ja "
            "noorsoopolitseinik kohtuvad kord kuus, et igapäevatööd paremini korraldada.",
            "As in the Keila example: the youth worker, the child protection specialist, the social "
            "pedagogue and the juvenile police officer meet once a month to organise their daily work "
            "better.",
        ),
        parties=_YOUTH_MEET,
        placements=_all(_YOUTH_MEET, COOP, COOP),
        reveal=True,
        agreed=(COOP, COOP),
        roles={"youth": "lead", "child": "partner", "school": "partner", "police": "partner"},
        commitments=(
            (
                "youth",
                L(
                    "Saadame kohtumise järel kokkuvõtte kõigile osalejatele.",
                    "We send a summary to everyone after the meeting.",
                ),
            ),
            (
                "child",
                L(
                    "Saadame kohtumise järel kokkuvõtte kõigile osalejatele.",
                    "We send a summary to everyone after the meeting.",
                ),
            ),
            (
                "school",
                L(
                    "Toome igale kohtumisele ülevaate põhjuseta puudumistest (ilma nimedeta).",
                    "We bring an overview of unexplained absences to every meeting (without names).",
                ),
            ),
        ),
        expectations=(
            Expect(
                "child",
                "school",
                L(
                    "Ootame, et kool annab lastekaitsele teada, kui õpilane on mitu päeva põhjuseta "
                    "puudunud.",
                    "We expect the school to tell child protection when a pupil has been absent for several "
                    "days without a reason.",
                ),
            ),
        ),
        fields={
            "shared_goal": L(
                "Kaasiku noor saab abi kiiresti, ükskõik kelle poole ta esmalt pöördub.",
                "A young person in Kaasiku gets help quickly, whoever they turn to first.",
            ),
            "avoid_overlap": L(
                "Igal juhtumil on üks juhtumikorraldaja; ühine tegevuskalender.",
                "Each case has one case manager; one shared calendar of activities.",
            ),
            "meeting_rhythm": L(
                "Kord kuus, iga kuu esimesel teisipäeval; kokku kutsub noortekeskus.",
                "Once a month, on the first Tuesday; the youth centre calls the meeting.",
            ),
        },
        signed=("youth", "police"),
    ),
    DemoActivity(
        title=L("Turvalisuse ümarlaud", "Safety round table"),
        description=L(
            "Ida-Harju näite eeskujul: politsei, vald ja külaselts kogunevad ümarlauda, kui on tekkinud "
            "probleeme, mida arutada.",
            "After the Ida-Harju example: the police, the municipality and the village society meet at a "
            "round table when problems have come up.",
        ),
        parties=_ROUNDTABLE,
        placements=_all(_ROUNDTABLE, COOP, COORD),
        reveal=True,
        agreed=(COOP, COORD),
        roles={"police": "lead", "town": "lead", "society": "partner"},
        commitments=(
            (
                "society",
                L(
                    "Kogume enne ümarlauda külaelanike küsimused kokku.",
                    "Before each round table we collect the villagers' questions.",
                ),
            ),
        ),
        fields={
            "shared_goal": L(
                "Külades tekkinud probleemid jõuavad kiiresti õige lahendajani.",
                "Problems that come up in the villages reach the right people quickly.",
            ),
            "avoid_overlap": L(
                "Iga probleemi puhul lepitakse kokku, kes sellega tegeleb.",
                "For every problem the table agrees who deals with it.",
            ),
            "meeting_rhythm": L(
                "Vajaduse korral, vähemalt kaks korda aastas.", "When needed, at least twice a year."
            ),
        },
        signed=("society",),
        steps=(
            Step(
                "police",
                L(
                    "Saata järgmise ümarlaua kutse ja päevakord",
                    "Send the invitation and agenda of the next round table",
                ),
                -10,
                done=True,
            ),
            Step(
                "town",
                L(
                    "Kutsuda ümarlauale ka kool ja noortekeskus, et vahetada infot oma eesmärkide nimel",
                    "Invite the school and the youth centre to the round table, to exchange information "
                    "towards their own goals",
                ),
                45,
            ),
        ),
    ),
    DemoActivity(
        title=L("Valla tervisenõukogu", "The municipal health council"),
        description=L(
            "Rõuge valla tervisenõukogu eeskujul: vald, kool ja sotsiaaltöötajad vahetavad infot, et "
            "saavutada rahvatervise alal ühiseid eesmärke.",
            "After the Rõuge health council: the municipality, the school and the social workers exchange "
            "information to reach shared public-health goals.",
        ),
        parties=_HEALTH,
        placements=_all(_HEALTH, COORD, COLLAB),
        reveal=True,
        agreed=(COORD, COLLAB),
        approaches=("resource-mobilisation",),
        roles={"health": "lead", "town": "partner", "school": "contributor", "social": "contributor"},
        expectations=(
            Expect(
                "health",
                "school",
                L(
                    "Ootame, et kool korraldab igal sügisel õpilaste tervisekäitumise küsitluse.",
                    "We expect the school to run a pupils' health behaviour survey every autumn.",
                ),
                "declined",
                L(
                    "Meil pole selleks sel aastal inimesi; jagame riikliku uuringu meie kooli tulemusi.",
                    "We have nobody for it this year; we will share our school's results from the national "
                    "survey.",
                ),
            ),
        ),
        fields={
            "information_exchanged": L(
                "Tervisestatistika, koolist puudumiste ülevaade, eakate kodukülastuste vajadus.",
                "Health statistics, an overview of school absences, the need for home visits to seniors.",
            ),
            "whose_goals": L(
                "Valla rahvatervise eesmärgid; kooli ja sotsiaaltöö oma eesmärgid.",
                "The municipality's public-health goals; the school's and social work's own goals.",
            ),
            "forum": L(
                "Tervisenõukogu koosolek kord kvartalis.", "The health council's meeting once a quarter."
            ),
        },
    ),
    DemoActivity(
        title=L(
            "Kaasiku valla turvalisuse arengukava 2026–2030",
            "Kaasiku safety development plan 2026–2030",
        ),
        description=L(
            "Järvamaa näite eeskujul tahetakse koostada ühine turvalisuse arengukava, mida ka koos ellu "
            "viiakse ja hinnatakse. Praegu kirjutab kava vald ja teised kommenteerivad.",
            "After the Järvamaa example, the parties want a joint safety development plan that they also "
            "carry out and evaluate together. For now, the municipality writes it and the others comment.",
        ),
        parties=_PLAN,
        placements=(
            ("town", COLLAB, COLLAB),
            ("police", COORD, COLLAB),
            ("residents", COORD, COLLAB),
            ("society", COORD, COLLAB),
            ("youth", COORD, COLLAB),
        ),
        reveal=True,
        agreed=(COORD, COLLAB),
        note=L(
            "Vald kirjutab kava ja teised kommenteerivad: praegu on see koordinatsioon. Koostööks tuleb "
            "eesmärgid seada ja tulemusi hinnata koos.",
            "The municipality writes the plan and the others comment: for now it is coordination. For "
            "collaboration the goals must be set and the results evaluated together.",
        ),
        approaches=("resource-mobilisation",),
        roles={"town": "lead", "police": "partner", "society": "partner", "youth": "informed"},
        expectations=(
            Expect(
                "town",
                "flats",
                L(
                    "Ootame, et korteriühistud kaardistavad oma hoovide valgustuse probleemid.",
                    "We expect the apartment associations to map the lighting problems in their yards.",
                ),
            ),
        ),
        fields={
            "information_exchanged": L(
                "Kava mustand, osapoolte kommentaarid, politsei ja päästjate statistika.",
                "The draft plan, the parties' comments, police and rescue statistics.",
            ),
            "whose_goals": L(
                "Praegu valla eesmärgid; teised toovad sisse oma valdkonna eesmärgid.",
                "For now the municipality's goals; the others bring in their own field's goals.",
            ),
            "forum": L(
                "Volikogu turvalisuskomisjon ja kaks avalikku arutelu.",
                "The council's safety commission and two public discussions.",
            ),
            "who_directs_resources": L(
                "Vallavalitsus eelarve kaudu; politsei oma tööplaani kaudu.",
                "The municipality through its budget; the police through its work plan.",
            ),
        },
        steps=(
            Step(
                "town",
                L(
                    "Kutsuda kõik osapooled kahte töötuppa, et arengukava eesmärgid koos sõnastada",
                    "Invite all parties to two workshops to word the plan's goals together",
                ),
                60,
            ),
        ),
    ),
    DemoActivity(
        title=L(
            "Ühine menetlusteenistus Kasevälja vallaga",
            "Joint proceedings service with Kasevälja municipality",
        ),
        description=L(
            "Illuka, Mäetaguse, Jõhvi, Vaivara ja Toila valla näite eeskujul loodi eelmisel aastal "
            "Kasevälja vallaga ühine menetlusteenistus.",
            "After the example of Illuka, Mäetaguse, Jõhvi, Vaivara and Toila, a joint proceedings "
            "service was set up with Kasevälja municipality last year.",
        ),
        parties=_SERVICE,
        placements=(("town", COLLAB, COORD), ("neighbour", COLLAB, COORD), ("police", COLLAB, COLLAB)),
        reveal=True,
        agreed=(COLLAB, COORD),
        note=L(
            "Koordinatsioonist piisab: ühine teenistus on kahe väikese valla jaoks liiga kulukas, "
            "aga infot vahetame edasi.",
            "Coordination is enough here: a joint service costs too much for two small municipalities, "
            "but we keep exchanging information.",
        ),
        roles={"town": "lead", "neighbour": "partner", "police": "informed"},
        fields={
            "shared_goals": L(
                "Heakorra- ja liiklusrikkumiste menetlemine mõlemas vallas.",
                "Dealing with public order and traffic offences in both municipalities.",
            ),
            "pooled_resources": L(
                "Kaks menetlejat, kellest üks kummastki vallast; ühine auto.",
                "Two officers, one from each municipality; a shared car.",
            ),
            "who_evaluates": L("Mõlema valla volikogu.", "Both municipal councils."),
            "when_evaluated": L(
                "Kord aastas, eelarve koostamisel.", "Once a year, when the budget is drawn up."
            ),
        },
        signed=_SERVICE,
        steps=(
            Step(
                "town",
                L(
                    "Leppida Kasevälja vallaga kokku, kuidas edaspidi infot vahetatakse",
                    "Agree with Kasevälja how information will be exchanged from now on",
                ),
                90,
            ),
        ),
    ),
    DemoActivity(
        title=L("Koolitee ohtlike kohtade kaardistus", "Mapping the dangerous spots on the way to school"),
        description=L(
            "Vald, kool ja politsei kaardistavad koolitee ohtlikud kohad (valgustus, ülekäigurajad), "
            "et neid parandada. Kokku lepiti, et õpilased märgivad kohad ise.",
            "The municipality, the school and the police map the dangerous spots on the way to school "
            "(lighting, crossings) to fix them. It was agreed that the pupils mark the spots themselves.",
        ),
        parties=_ROUTE,
        placements=_all(_ROUTE, COORD, COORD),
        reveal=True,
        agreed=(COORD, COORD),
        approaches=("situational", "empowerment"),
        roles={"town": "lead", "school": "partner", "police": "contributor"},
        commitments=(
            (
                "school",
                L(
                    "Iga klass märgib oma koolitee ohtlikud kohad ühisele kaardile.",
                    "Each class marks the dangerous spots on its way to school on a shared map.",
                ),
            ),
        ),
        fields={
            "information_exchanged": L(
                "Ohtlike kohtade kaart, liiklusõnnetuste statistika, valla teehoiukava.",
                "The map of dangerous spots, traffic accident statistics, the municipality's road plan.",
            ),
            "whose_goals": L(
                "Valla teehoiu, kooli ja politsei liiklusjärelevalve eesmärgid.",
                "The municipality's road maintenance, the school's and the police's traffic goals.",
            ),
            "forum": L("Kaks ühist koosolekut sügisel.", "Two joint meetings in the autumn."),
            "who_directs_resources": L(
                "Vallavalitsus teehoiu eelarve kaudu.",
                "The municipality, through the road maintenance budget.",
            ),
        },
        signed=_ROUTE,
    ),
    DemoActivity(
        title=L("Elanike teated politseile", "Residents' reports to the police"),
        description=L(
            "Elanikud ja korteriühistud annavad politseile teada kahtlastest sõidukitest ja lõhutud "
            "tänavavalgustusest.",
            "Residents and apartment associations tell the police about suspicious vehicles and broken "
            "street lights.",
        ),
        parties=_WATCH,
        flows=("people-to-police",),
        placements=(("residents", COMM, COOP), ("police", COMM, COMM)),
        roles={"police": "lead", "residents": "partner", "flats": "partner"},
    ),
    DemoActivity(
        title=L(
            "Noored kaardistavad ise, kus nad end ebaturvaliselt tunnevad",
            "Young people map for themselves where they feel unsafe",
        ),
        description=L(
            "Noortevolikogu idee: noored käivad noorsootöötaja toel Kaasiku läbi ja märgivad kaardile "
            "kohad, kus nad end ebaturvaliselt tunnevad; vald arutab tulemusi nendega koos.",
            "The youth council's idea: with a youth worker's support, young people walk through Kaasiku "
            "and mark the places where they feel unsafe; the municipality discusses the results with them.",
        ),
        parties=_MAPPING,
        approaches=("empowerment",),
        concerns=("young",),
    ),
)


def _check(scenario: Scenario) -> None:
    rungs = len(scenario.rungs)
    if rungs < 4:
        raise UserError(
            f"scenario {scenario.id!r} can't make a demo: the demo workshop needs a ladder of at "
            f"least 4 rungs (this one has {rungs})"
        )


def demo_title(scenario: Scenario) -> str:
    return str(TEXTS.get(scenario.language, TEXTS["en"])["title"])


def find_demo(library: SessionLibrary, scenario: Scenario) -> SessionSummary | None:
    """The newest demo session already made from this scenario, if any (`m` opens it again)."""
    title = demo_title(scenario)
    return next(
        (s for s in library.list() if not s.error and s.scenario_id == scenario.id and s.title == title),
        None,
    )


def create_demo(library: SessionLibrary, scenario: Scenario) -> SessionService:
    """Create the demo workshop in the library and return its service."""
    _check(scenario)  # before anything is written
    lang = scenario.language if scenario.language in TEXTS else "en"
    t = TEXTS[lang]
    today = dt.date.today()
    service = library.create(
        scenario, t["title"], date=today.isoformat(), place=t["place"], facilitator=t["facilitator"]
    )
    rungs = scenario.rung_ids()
    role_ids = {r.id for r in scenario.roles}
    lead = scenario.lead_role()
    others = [r.id for r in scenario.roles if not r.lead]
    approach_ids = {a.id for a in scenario.approaches}
    flow_ids = set(scenario.flow_ids())

    def rung(index: int) -> str:
        return rungs[min(index, len(rungs) - 1)]

    def role(role_id: str) -> str | None:
        if role_id in role_ids:
            return role_id
        if role_id == "lead":
            return lead.id if lead else None
        return others[0] if others else None

    party: dict[str, str] = {}
    for p in PARTIES:
        suggested = scenario.suggested_party(p.suggested_id)
        party[p.key] = service.add_party(
            p.name[lang], suggested_id=suggested.id if suggested else None, affected=p.affected
        )
        for person in p.people:
            service.add_participant(person[lang], party[p.key])

    for spec in ACTIVITIES:
        activity = service.add_activity(
            spec.title[lang],
            description=spec.description[lang],
            party_ids=[party[k] for k in spec.parties],
            approaches=[a for a in spec.approaches if a in approach_ids],
            flows=[f for f in spec.flows if f in flow_ids],
            concerns=[party[k] for k in spec.concerns],
        )
        for key, current, wished in spec.placements:
            service.place(activity, party[key], rung(current), rung(wished))
        if spec.reveal:
            service.reveal(activity)
        if spec.agreed is not None:
            current, wished = spec.agreed
            note = spec.note[lang] if spec.note else ""
            service.agree(activity, current=rung(current), wished=rung(wished), note=note)
        for key, role_id in spec.roles.items():
            chosen = role(role_id)
            if chosen is not None:
                service.set_role(activity, party[key], chosen)
        for key, text in spec.commitments:
            service.add_commitment(activity, party[key], text[lang])
        for e in spec.expectations:
            expectation = service.add_expectation(activity, party[e.source], party[e.target], e.text[lang])
            if e.state != "open":
                response = e.response[lang] if e.response else ""
                service.answer_expectation(expectation, e.state, response)
        if spec.agreed is not None:
            rung_fields = {f.id for f in scenario.rung(rung(spec.agreed[0])).fields}
            for field_id, value in spec.fields.items():
                if field_id in rung_fields:
                    service.set_field(activity, field_id, value[lang])
        for step in spec.steps:
            action = service.add_action(
                step.text[lang],
                party[step.owner],
                activity_id=activity,
                due=(today + dt.timedelta(days=step.due_days)).isoformat(),
            )
            if step.done:
                service.update_action(action, done=True)
        for key in spec.signed:
            service.sign_off(activity, party[key])

    phase = next((p.id for p in scenario.agenda if p.kind == "agree"), None)
    if phase:
        service.set_phase(phase)
    return service
