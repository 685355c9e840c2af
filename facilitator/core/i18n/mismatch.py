"""Plain explanations of mismatches, and their short names.

A party's name may be singular ("Politsei") or plural ("Noorsootöötajad"), so no
template makes a name the subject of a verb: the subject is "osapool"/"the party",
with the name beside it, or the names follow a colon.
"""

MESSAGES = {
    "mismatch.not_placed": {
        "en": "“{activity}”: not placed on the ladder yet by {parties}.",
        "et": "„{activity}“: redelile pole veel paigutanud: {parties}.",
    },
    "mismatch.placements_disagree": {
        "en": "“{activity}”: the parties see it differently ({views}) and have not agreed on a rung yet.",
        "et": "„{activity}“: osapooled näevad seda erinevalt ({views}) ega ole astmes veel kokku leppinud.",
    },
    "mismatch.no_lead": {
        "en": "“{activity}”: nobody has the role “{role}”. Does anyone lead it, or do the parties take part as equals?",
        "et": "„{activity}“: kellelgi pole rolli „{role}“. Kas keegi juhib seda või osalevad osapooled võrdsetena?",
    },
    "mismatch.several_leads": {
        "en": "“{activity}”: more than one party has the role “{role}” ({parties}). Do they lead it together, and who calls the parties together?",
        "et": "„{activity}“: rolli „{role}“ on mitmel osapoolel ({parties}). Kas nad juhivad seda ühiselt ja kes kutsub osapooled kokku?",
    },
    "mismatch.no_role": {
        "en": "“{activity}”: the party {party} takes part but has no role yet.",
        "et": "„{activity}“: rolli pole veel kokku lepitud: {party}.",
    },
    "mismatch.expectation_outside": {
        "en": "“{activity}”: the party {from} addressed an expectation to the party {to} (“{text}”), but the party {to} is not part of this activity.",
        "et": "„{activity}“: ootus „{text}“ ({from} → {to}) on esitatud osapoolele, kes selles tegevuses ei osale.",
    },
    "mismatch.expectation_open": {
        "en": "“{activity}”: the party {to} has not yet answered the expectation of the party {from}: “{text}”",
        "et": "„{activity}“: ootusele „{text}“ ({from} → {to}) pole veel vastatud.",
    },
    "mismatch.expectation_declined": {
        "en": "“{activity}”: the party {to} declined the expectation of the party {from} (“{text}”). Reason: {reason}",
        "et": "„{activity}“: ootus „{text}“ ({from} → {to}) lükati tagasi. Põhjus: {reason}",
    },
    "mismatch.overlap": {
        "en": "“{activity}”: several parties made the same commitment (“{text}”): {parties}. Which of them does it, so that the activities do not overlap or repeat?",
        "et": "„{activity}“: sama lubaduse („{text}“) andsid mitu osapoolt: {parties}. Kes neist seda teeb, et tegevused ei kattuks ega korduks?",
    },
    "mismatch.fields_empty": {
        "en": "“{activity}”: agreed as {rung}, but not yet filled in: {fields}.",
        "et": "„{activity}“: kokkulepitud aste on {rung}, kuid täitmata on: {fields}.",
    },
    "mismatch.wish_without_action": {
        "en": "“{activity}”: the parties wish to move from {current} to {wished}, but no next step leads there and no note says how.",
        "et": "„{activity}“: kokkulepitud aste on {current} ja soovitud aste {wished}, kuid sinna jõudmiseks pole kavandatud ühtki sammu ega kirja pandud märkust.",
    },
    "mismatch.empowerment_without_affected": {
        "en": "“{activity}”: it follows the community empowerment approach, but no affected group is among its parties. Is it done with them, or only for them?",
        "et": "„{activity}“: tegevus järgib kogukonna võimustamise lähenemist, kuid selle osapoolte hulgas pole ühtki puudutatud rühma. Kas seda tehakse nendega koos või ainult nende jaoks?",
    },
    "mismatch.informed_on_collaboration": {
        "en": "“{activity}”: agreed as {rung}, but the party {party} only has the role “{role}”. Does it also take part in planning the goals and evaluating the results?",
        "et": "„{activity}“: kokkulepitud aste on {rung}, kuid osapoolel {party} on ainult roll „{role}“. Kas ka see osapool osaleb eesmärkide planeerimises ja tulemuste hindamises?",
    },
    "mismatch.cooperation_across_fields": {
        "en": "“{activity}”: agreed as {rung}, but the parties are of different fields ({parties}) and no shared goal is written down. Do they have similar goals, or is it rather {other}?",
        "et": "„{activity}“: kokkulepitud aste on {rung}, kuid osapooled on eri valdkondadest ({parties}) ja ühist eesmärki pole kirja pandud. Kas neil on sarnased eesmärgid või on see pigem {other}?",
    },
    "mismatch.affected_missing": {
        "en": "“{activity}”: it concerns a group that is not among its parties: {group}. Should the group take part itself?",
        "et": "„{activity}“: tegevus puudutab rühma, mis pole selle osapoolte hulgas: {group}. Kas see rühm peaks ise osalema?",
    },
    "mismatch.not_signed": {
        "en": "“{activity}”: not yet signed off by {parties}.",
        "et": "„{activity}“: kokkulepet pole veel kinnitanud: {parties}.",
    },
    "mismatch.kind.not_placed": {"en": "Not placed", "et": "Paigutamata"},
    "mismatch.kind.placements_disagree": {"en": "Placements differ", "et": "Paigutused erinevad"},
    "mismatch.kind.no_lead": {"en": "No lead?", "et": "Eestvedaja puudub?"},
    "mismatch.kind.several_leads": {"en": "Several leads?", "et": "Mitu eestvedajat?"},
    "mismatch.kind.no_role": {"en": "No role", "et": "Roll puudub"},
    "mismatch.kind.expectation_outside": {
        "en": "Expectation to an outsider",
        "et": "Ootus kõrvalisele osapoolele",
    },
    "mismatch.kind.expectation_open": {"en": "Unanswered expectation", "et": "Vastamata ootus"},
    "mismatch.kind.expectation_declined": {"en": "Declined expectation", "et": "Tagasi lükatud ootus"},
    "mismatch.kind.overlap": {"en": "Overlapping commitments", "et": "Kattuvad lubadused"},
    "mismatch.kind.fields_empty": {"en": "Agreement incomplete", "et": "Kokkulepe poolik"},
    "mismatch.kind.wish_without_action": {"en": "Wish without a next step", "et": "Soov ilma sammuta"},
    "mismatch.kind.affected_missing": {
        "en": "Affected group not taking part?",
        "et": "Puudutatud rühm ei osale?",
    },
    "mismatch.kind.empowerment_without_affected": {
        "en": "Empowerment without the affected",
        "et": "Võimustamine puudutatud rühmata",
    },
    "mismatch.kind.informed_on_collaboration": {
        "en": "Only informed in collaboration",
        "et": "Koostöös ainult teavitatav",
    },
    "mismatch.kind.cooperation_across_fields": {
        "en": "Cooperation across fields?",
        "et": "Kooperatsioon eri valdkondade vahel?",
    },
    "mismatch.kind.not_signed": {"en": "Not signed off", "et": "Kinnitamata"},
    # ------------------------------------------------------------ what the tool asks beyond the guide
    "mismatch.tool.no_lead": {
        "en": "The guide asks that roles be agreed; it does not say that every joint activity needs a lead (communication between agencies or a round table of equals often has none). The question is this tool's own.",
        "et": "Juhend palub rollides kokku leppida, kuid ei ütle, et igal ühistegevusel peab olema eestvedaja (ametkondade infovahetusel või võrdsete ümarlaual sageli polegi). Küsimus on selle tööriista oma.",
    },
    "mismatch.tool.overlap": {
        "en": "The guide names avoiding overlap and duplication as an aim of cooperation; asking it of every rung is this tool's question.",
        "et": "Tegevuste kattuvusest ja kordamisest hoidumist nimetab juhend kooperatsiooni eesmärgina; teistel astmetel on küsimus selle tööriista oma.",
    },
    "mismatch.tool.several_leads": {
        "en": "Leading may be shared; who calls the parties together is this tool's question.",
        "et": "Eestvedamist võib jagada; kes kutsub osapooled kokku, on selle tööriista küsimus.",
    },
    "mismatch.tool.fields_empty": {
        "en": "The agreement fields are this tool's questions, drawn from the rung's definition.",
        "et": "Kokkuleppe väljad on selle tööriista küsimused astme määratluse põhjal.",
    },
    "mismatch.tool.wish_without_action": {
        "en": "The guide does not rank the forms: a wish to move to another rung is as legitimate either way. Recording a next step or a note is this tool's advice.",
        "et": "Juhend ühistegevuse vorme ei järjesta: soov liikuda teisele astmele on mõlemas suunas võrdselt õigustatud. Sammu või märkuse kirjapanek on selle tööriista soovitus.",
    },
    "mismatch.tool.affected_missing": {
        "en": "Whether the group should take part itself is this tool's question; the guide asks “What do we do with them?” of the community empowerment approach.",
        "et": "Kas rühm peaks ise osalema, on selle tööriista küsimus; „Mida me nendega koos teeme?“ küsib juhend kogukonna võimustamise lähenemise puhul.",
    },
    "mismatch.tool.cooperation_across_fields": {
        "en": "The question is this tool's own; once a shared goal is written down, it is not asked.",
        "et": "Küsimus on selle tööriista oma; kui ühine eesmärk on kirja pandud, seda enam ei küsita.",
    },
    # ------------------------------------------------------------ the guide's sentences the rules rest on
    "guide.cite": {"en": "{quote} ({where})", "et": "{quote} ({where})"},
    "guide.quote.forms": {
        "en": "“Every form of joint activity has its own possibilities – what matters is to be aware of them when organising the activity, and to agree on them.”",
        "et": "„Kõigil ühistegevuse vormidel on omad võimalused – tähtis on neid tegevuse korraldamisel teadvustada ja neis kokku leppida.“",
    },
    "guide.quote.expectations": {
        "en": "“That helps to avoid conflicts that come from different, un-negotiated expectations.”",
        "et": "„See aitab vältida erinevatest ja läbirääkimata ootustest tulenevaid konflikte.“",
    },
    "guide.quote.roles": {
        "en": "“A different understanding of the processes causes different expectations of both the results and the roles.”",
        "et": "„Protsesside erinev mõistmine põhjustab paraku erinevaid ootusi nii tulemustele kui ka rollidele.“",
    },
    "guide.quote.cooperation": {
        "en": "Cooperation: “joint activity of organisations of the same field or with similar goals, to reach a common goal and to avoid overlap and duplication of activities”",
        "et": "Kooperatsioon ehk „sama valdkonna või sarnaste eesmärkidega organisatsioonide ühistegevus ühise eesmärgi saavutamiseks ning tegevuste kattuvusest ja kordamisest hoidumiseks“",
    },
    "guide.quote.coordination": {
        "en": "Coordination: “information exchange between organisations of different fields, to better reach their own goals”",
        "et": "Koordinatsioon ehk „erinevate valdkondade organisatsioonide infovahetus oma eesmärkide paremaks saavutamiseks“",
    },
    "guide.quote.collaboration": {
        "en": "Collaboration: “joint planning of goals, activities and resources, and joint evaluation of the results”",
        "et": "Koostöö ehk „ühine eesmärkide, tegevuste ja ressursside planeerimine ning tulemuste hindamine“",
    },
    "guide.quote.empowerment": {
        "en": "Community empowerment: “In this approach, planning the activities answers the question ‘What do we do with them?’, not the question ‘What do we do for them?’.”",
        "et": "Kogukonna võimustamine: „Selle lähenemise puhul vastatakse tegevuste planeerimisel küsimusele „Mida me nendega koos teeme?“, mitte küsimusele „Mida me nende jaoks teeme?“.“",
    },
    "guide.quote.community": {
        "en": "“Community safety means joint activity in which the people whose safety is at stake take part.”",
        "et": "„Kogukondliku turvalisuse all peetakse silmas sellist ühistegevust, milles osalevad inimesed, kelle turvalisus on kõne all.“",
    },
    "guide.where.forms": {
        "en": "the guide's paragraph on the forms of joint activity, “More participation in the community …”",
        "et": "juhendi lõik ühistegevuse vormidest „Rohkem osalust kogukonnas …“",
    },
    "guide.where.expectations": {
        "en": "the guide's paragraph on the forms of joint activity, “More participation in the community …”",
        "et": "juhendi lõik ühistegevuse vormidest „Rohkem osalust kogukonnas …“",
    },
    "guide.where.roles": {
        "en": "the guide's paragraph on the forms of joint activity, “More participation in the community …”",
        "et": "juhendi lõik ühistegevuse vormidest „Rohkem osalust kogukonnas …“",
    },
    "guide.where.cooperation": {
        "en": "the guide's definition of cooperation",
        "et": "juhendi kooperatsiooni määratlus",
    },
    "guide.where.coordination": {
        "en": "the guide's definition of coordination",
        "et": "juhendi koordinatsiooni määratlus",
    },
    "guide.where.collaboration": {
        "en": "the guide's definition of collaboration",
        "et": "juhendi koostöö määratlus",
    },
    "guide.where.empowerment": {
        "en": "the guide's third approach, community empowerment",
        "et": "juhendi kolmas lähenemine, kogukonna võimustamine",
    },
    "guide.where.community": {
        "en": "the guide's opening: what community safety is",
        "et": "juhendi algus: mis on kogukondlik turvalisus",
    },
}
