"""The demo workshop's councils, plans and joint services, and the activities not yet agreed:
the second half of `demo_activities.ACTIVITIES`, in the same form."""

from __future__ import annotations

from facilitator.core.demo_data import COLLAB, COMM, COOP, COORD, DemoActivity, Expect, L, Step
from facilitator.core.demo_data import all_placed as _all

_HEALTH = ("health", "town", "school", "social")
_PLAN = ("town", "police", "residents", "society", "youth")
_SERVICE = ("town", "neighbour", "police")
_WATCH = ("residents", "flats", "police")
_MAPPING = ("young", "youth", "town")
_ROUTE = ("town", "school", "police")

PLANS: tuple[DemoActivity, ...] = (
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
