"""The demo workshop's activities: modelled on the guide's examples, set in Kaasiku.

Each names its parties by key (see `demo_data.PARTIES`), its placements, agreed rungs
and sign-offs by rung position, and holds its texts in both languages.
"""

from __future__ import annotations

from facilitator.core.demo_data import COMM, COOP, COORD, DemoActivity, Expect, L, Step
from facilitator.core.demo_data import all_placed as _all
from facilitator.core.demo_plans import PLANS

_TALKS = ("police", "youth", "social", "seniors")
_PATROL = ("police", "residents")
_HOMEAREA = ("town", "police", "residents", "society")
_COMMISSION = ("town", "police")
_YOUTH_MEET = ("youth", "child", "school", "police")
_ROUNDTABLE = ("police", "town", "society")
_YARDS = ("flats", "police")

TALKS_AND_TABLES: tuple[DemoActivity, ...] = (
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
                    "Ootame, et üks teemaõhtu oleks telefonipettustest ja sellest, kuhu neist teada anda.",
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
            "Nagu Rapla näites: patrull peatub külateedel ja uurib elanikelt, kuidas neil läheb. Mured "
            "annab patrull edasi piirkonnapolitseinikule, kes tegeleb nendega edasi ja annab "
            "külavanemale teada, mis neist sai.",
            "As in the Rapla example: the patrol stops on village roads and asks residents how they are "
            "doing. The patrol passes their concerns on to the district police officer, who follows them "
            "up and tells the village elder what became of them.",
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
                    "Patrull peatub kord nädalas Metsaküla ja Kaasiku vahelistel teedel ja uurib elanikelt, "
                    "mis neid muretseb; piirkonnapolitseinik tegeleb muredega edasi.",
                    "Once a week the patrol stops on the roads between Metsaküla and Kaasiku and asks "
                    "residents what worries them; the district police officer follows their concerns up.",
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
                    "Ootame, et piirkonnapolitseinik annab külavanemale teada, mis meie murega edasi sai.",
                    "We expect the district police officer to tell the village elder what became of our "
                    "concern.",
                ),
                "accepted",
            ),
        ),
        fields={
            "who_informs_whom": L(
                "Mõlemat pidi: elanikud → patrull (mured), piirkonnapolitseinik → külavanem (mis murega "
                "edasi sai).",
                "Both ways: residents → patrol (concerns), district police officer → village elder (what "
                "became of them).",
            ),
            "how_often": L("Kord nädalas.", "Once a week."),
            "channel": L(
                "Otsesuhtlus tänaval; piirkonnapolitseinik külavanema kaudu.",
                "Face to face on the road; the district police officer through the village elder.",
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
                    "Teha volikogule ettepanek nimetada turvalisuskomisjoni liikmeks ka kooli ja "
                    "noortekeskuse esindaja",
                    "Propose to the council that it appoints a representative of the school and one of the "
                    "youth centre to the safety commission",
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
        # A meeting of equals: no lead (the "no lead?" question of the demo).
        roles={"youth": "partner", "child": "partner", "school": "partner", "police": "partner"},
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
                    "Kutsuda ümarlauda ka kool ja noortekeskus, et vahetada infot oma eesmärkide nimel",
                    "Invite the school and the youth centre to the round table, to exchange information "
                    "towards their own goals",
                ),
                45,
            ),
        ),
    ),
    DemoActivity(
        title=L(
            "Korteriühistute esimeeste kohtumised piirkonnapolitseinikuga",
            "Apartment association chairs' meetings with the district police officer",
        ),
        description=L(
            "Kaks korda aastas kohtuvad korteriühistute esimehed piirkonnapolitseinikuga, et arutada "
            "trepikodade ja hoovide turvalisust (valgustus, lukud, kõrvalised isikud).",
            "Twice a year the chairs of the apartment associations meet the district police officer to "
            "discuss safety in stairwells and yards (lighting, locks, strangers).",
        ),
        parties=_YARDS,
        placements=(("flats", COOP, COOP), ("police", COMM, COOP)),
        reveal=True,
        agreed=(COOP, COOP),
        roles={"police": "lead", "flats": "partner"},
        fields={
            "avoid_overlap": L(
                "Korteriühistud parandavad valgustuse ja lukud, politsei tegeleb rikkumistega.",
                "The associations fix lighting and locks; the police deal with offences.",
            ),
            "meeting_rhythm": L(
                "Kaks korda aastas, kevadel ja sügisel; kokku kutsub piirkonnapolitseinik.",
                "Twice a year, in spring and autumn; the district police officer calls the meeting.",
            ),
        },
        signed=_YARDS,
    ),
)

ACTIVITIES: tuple[DemoActivity, ...] = TALKS_AND_TABLES + PLANS
