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
        "en": "“{activity}”: nobody has the role “{role}”. Who leads it?",
        "et": "„{activity}“: kellelgi pole rolli „{role}“. Kes seda juhib?",
    },
    "mismatch.several_leads": {
        "en": "“{activity}”: more than one party has the role “{role}” ({parties}). Do they lead it together, and who calls the parties together?",
        "et": "„{activity}“: rolli „{role}“ on mitmel osapoolel ({parties}). Kas nad juhivad seda ühiselt ja kes kutsub osapooled kokku?",
    },
    "mismatch.no_role": {
        "en": "“{activity}”: the party {party} takes part but has no role yet.",
        "et": "„{activity}“: osapool {party} osaleb, kuid rolli pole veel kokku lepitud.",
    },
    "mismatch.expectation_outside": {
        "en": "“{activity}”: the party {from} addressed an expectation to the party {to} (“{text}”), but the party {to} is not part of this activity.",
        "et": "„{activity}“: osapool {from} esitas ootuse osapoolele {to} („{text}“), kuid osapool {to} selles tegevuses ei osale.",
    },
    "mismatch.expectation_open": {
        "en": "“{activity}”: the party {to} has not yet answered the expectation of the party {from}: “{text}”",
        "et": "„{activity}“: osapool {to} pole veel vastanud ootusele, mille esitaja on {from}: „{text}“",
    },
    "mismatch.expectation_declined": {
        "en": "“{activity}”: the party {to} declined the expectation of the party {from} (“{text}”). Reason: {reason}",
        "et": "„{activity}“: osapool {to} lükkas tagasi ootuse, mille esitaja on {from} („{text}“). Põhjus: {reason}",
    },
    "mismatch.overlap": {
        "en": "“{activity}”: the parties {parties} all commit to the same thing (“{text}”). Cooperation is also meant to avoid overlap and duplication: who does it?",
        "et": "„{activity}“: osapooled {parties} lubavad kõik teha sama asja („{text}“). Kooperatsioon on ka tegevuste kattuvusest ja kordamisest hoidumiseks: kes seda teeb?",
    },
    "mismatch.fields_empty": {
        "en": "“{activity}”: agreed as {rung}, but not yet filled in: {fields}.",
        "et": "„{activity}“: kokku lepitud kui {rung}, kuid täitmata on: {fields}.",
    },
    "mismatch.wish_without_action": {
        "en": "“{activity}”: the parties wish to move from {current} to {wished}, but no next step leads there and no note says how.",
        "et": "„{activity}“: osapooled soovivad liikuda astmelt {current} astmele {wished}, kuid selleks pole kavandatud ühtki sammu ega kirja pandud märkust.",
    },
    "mismatch.empowerment_without_affected": {
        "en": "“{activity}”: it follows the community empowerment approach, but no affected group is among its parties. Is it done with them, or only for them?",
        "et": "„{activity}“: tegevus järgib kogukonna võimustamise lähenemist, kuid selle osapoolte hulgas pole ühtki puudutatud rühma. Kas seda tehakse nendega koos või ainult nende jaoks?",
    },
    "mismatch.informed_on_collaboration": {
        "en": "“{activity}”: agreed as {rung}, but the party {party} only has the role “{role}”. Does it also take part in planning the goals and evaluating the results?",
        "et": "„{activity}“: kokku lepitud kui {rung}, kuid osapoolel {party} on ainult roll „{role}“. Kas ka tema osaleb eesmärkide planeerimises ja tulemuste hindamises?",
    },
    "mismatch.cooperation_across_fields": {
        "en": "“{activity}”: agreed as {rung}, but the parties {parties} are of different fields. Is it rather {other}?",
        "et": "„{activity}“: kokku lepitud kui {rung}, kuid osapooled {parties} on eri valdkondadest. Kas see on pigem {other}?",
    },
    "mismatch.affected_missing": {
        "en": "“{activity}”: it concerns the group {group}, but the group {group} is not among its parties. Is this done with them, or only for them?",
        "et": "„{activity}“: see puudutab rühma {group}, kuid rühm {group} pole tegevuse osapoolte hulgas. Kas seda tehakse nendega koos või ainult nende jaoks?",
    },
    "mismatch.not_signed": {
        "en": "“{activity}”: not yet signed off by {parties}.",
        "et": "„{activity}“: kokkulepet pole veel kinnitanud: {parties}.",
    },
    "mismatch.kind.not_placed": {"en": "Not placed", "et": "Paigutamata"},
    "mismatch.kind.placements_disagree": {"en": "Placements differ", "et": "Paigutused erinevad"},
    "mismatch.kind.no_lead": {"en": "No lead", "et": "Eestvedaja puudub"},
    "mismatch.kind.several_leads": {"en": "Several leads?", "et": "Mitu eestvedajat?"},
    "mismatch.kind.no_role": {"en": "No role", "et": "Roll puudub"},
    "mismatch.kind.expectation_outside": {
        "en": "Expectation to an outsider",
        "et": "Ootus kõrvalisele osapoolele",
    },
    "mismatch.kind.expectation_open": {"en": "Unanswered expectation", "et": "Vastamata ootus"},
    "mismatch.kind.expectation_declined": {"en": "Declined expectation", "et": "Tagasilükatud ootus"},
    "mismatch.kind.overlap": {"en": "Overlapping commitments", "et": "Kattuvad lubadused"},
    "mismatch.kind.fields_empty": {"en": "Agreement incomplete", "et": "Kokkulepe poolik"},
    "mismatch.kind.wish_without_action": {"en": "Wish without a next step", "et": "Soov ilma sammuta"},
    "mismatch.kind.affected_missing": {
        "en": "For them, not with them",
        "et": "Nende jaoks, mitte nendega koos",
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
    # ------------------------------------------------------------ the guide's line each rule rests on
    "mismatch.basis.not_placed": {
        "en": "“Every form of joint activity has its own possibilities – what matters is to be aware of them when organising the activity, and to agree on them.”",
        "et": "„Kõigil ühistegevuse vormidel on omad võimalused – tähtis on neid tegevuse korraldamisel teadvustada ja neis kokku leppida.“",
    },
    "mismatch.basis.placements_disagree": {
        "en": "“Every form of joint activity has its own possibilities – what matters is to be aware of them when organising the activity, and to agree on them.”",
        "et": "„Kõigil ühistegevuse vormidel on omad võimalused – tähtis on neid tegevuse korraldamisel teadvustada ja neis kokku leppida.“",
    },
    "mismatch.basis.no_lead": {
        "en": "“A different understanding of the processes causes different expectations of both the results and the roles.”",
        "et": "„Protsesside erinev mõistmine põhjustab paraku erinevaid ootusi nii tulemustele kui ka rollidele.“",
    },
    "mismatch.basis.several_leads": {
        "en": "Collaboration is “joint planning of goals, activities and resources, and joint evaluation of the results”. Leading may be shared; this tool asks who calls the parties together.",
        "et": "Koostöö on „ühine eesmärkide, tegevuste ja ressursside planeerimine ning tulemuste hindamine“. Eestvedamist võib jagada; selle tööriista küsimus on, kes kutsub osapooled kokku.",
    },
    "mismatch.basis.no_role": {
        "en": "“A different understanding of the processes causes different expectations of both the results and the roles.”",
        "et": "„Protsesside erinev mõistmine põhjustab paraku erinevaid ootusi nii tulemustele kui ka rollidele.“",
    },
    "mismatch.basis.expectation_outside": {
        "en": "“That helps to avoid conflicts that come from different, un-negotiated expectations.”",
        "et": "„See aitab vältida erinevatest ja läbirääkimata ootustest tulenevaid konflikte.“",
    },
    "mismatch.basis.expectation_open": {
        "en": "“That helps to avoid conflicts that come from different, un-negotiated expectations.”",
        "et": "„See aitab vältida erinevatest ja läbirääkimata ootustest tulenevaid konflikte.“",
    },
    "mismatch.basis.expectation_declined": {
        "en": "“That helps to avoid conflicts that come from different, un-negotiated expectations.”",
        "et": "„See aitab vältida erinevatest ja läbirääkimata ootustest tulenevaid konflikte.“",
    },
    "mismatch.basis.overlap": {
        "en": "Cooperation is joint activity “to reach a common goal and to avoid overlap and duplication of activities”.",
        "et": "Kooperatsioon on ühistegevus „ühise eesmärgi saavutamiseks ning tegevuste kattuvusest ja kordamisest hoidumiseks“.",
    },
    "mismatch.basis.fields_empty": {
        "en": "“Every form of joint activity has its own possibilities – what matters is to be aware of them when organising the activity, and to agree on them.” The agreement fields are this tool's questions, drawn from the rung's definition.",
        "et": "„Kõigil ühistegevuse vormidel on omad võimalused – tähtis on neid tegevuse korraldamisel teadvustada ja neis kokku leppida.“ Kokkuleppe väljad on selle tööriista küsimused astme määratluse põhjal.",
    },
    "mismatch.basis.wish_without_action": {
        "en": "“Every form of joint activity has its own possibilities – what matters is to be aware of them when organising the activity, and to agree on them.” A wish to move up or down is equally legitimate; this tool's advice is to record a next step or a note.",
        "et": "„Kõigil ühistegevuse vormidel on omad võimalused – tähtis on neid tegevuse korraldamisel teadvustada ja neis kokku leppida.“ Soov liikuda üles või alla on võrdselt õigustatud; selle tööriista soovitus on panna kirja samm või märkus.",
    },
    "mismatch.basis.affected_missing": {
        "en": "Community empowerment: “What do we do with them?”, not “What do we do for them?”",
        "et": "Kogukonna võimustamine: „Mida me nendega koos teeme?“, mitte „Mida me nende jaoks teeme?“",
    },
    "mismatch.basis.empowerment_without_affected": {
        "en": "Community empowerment: “What do we do with them?”, not “What do we do for them?”",
        "et": "Kogukonna võimustamine: „Mida me nendega koos teeme?“, mitte „Mida me nende jaoks teeme?“",
    },
    "mismatch.basis.informed_on_collaboration": {
        "en": "Collaboration is “joint planning of goals, activities and resources, and joint evaluation of the results”.",
        "et": "Koostöö on „ühine eesmärkide, tegevuste ja ressursside planeerimine ning tulemuste hindamine“.",
    },
    "mismatch.basis.cooperation_across_fields": {
        "en": "Cooperation is “joint activity of organisations of the same field or with similar goals”; coordination is “information exchange between organisations of different fields, to better reach their own goals”.",
        "et": "Kooperatsioon on „sama valdkonna või sarnaste eesmärkidega organisatsioonide ühistegevus“, koordinatsioon „erinevate valdkondade organisatsioonide infovahetus oma eesmärkide paremaks saavutamiseks“.",
    },
    "mismatch.basis.not_signed": {
        "en": "“Every form of joint activity has its own possibilities – what matters is to be aware of them when organising the activity, and to agree on them.”",
        "et": "„Kõigil ühistegevuse vormidel on omad võimalused – tähtis on neid tegevuse korraldamisel teadvustada ja neis kokku leppida.“",
    },
}
