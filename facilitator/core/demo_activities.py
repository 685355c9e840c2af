"""The demo workshop's activities: modelled on the guide's examples, set in Kaasiku.

Each names its parties by key (see `demo_data.PARTIES`), its placements, agreed rungs
and sign-offs by rung position, and holds its texts in both languages.
"""

from __future__ import annotations

from facilitator.core.demo_data import DemoActivity, Expect, L, Step


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
