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
        "en": "“{activity}”: the parties wish to move from {current} to {wished}, but no next step leads there.",
        "et": "„{activity}“: osapooled soovivad liikuda astmelt {current} astmele {wished}, kuid selleks pole ühtki sammu kavandatud.",
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
    "mismatch.kind.several_leads": {"en": "Several leads", "et": "Mitu eestvedajat"},
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
    "mismatch.kind.not_signed": {"en": "Not signed off", "et": "Kinnitamata"},
}
