"""Plain explanations of mismatches, and their short names."""

MESSAGES = {
    "mismatch.not_placed": {
        "en": "“{activity}”: not placed on the ladder yet by {parties}.",
        "et": "„{activity}”: {parties} ei ole seda veel redelile paigutanud.",
    },
    "mismatch.placements_disagree": {
        "en": "“{activity}”: the parties see it differently ({views}) and have not agreed on a rung yet.",
        "et": "„{activity}”: osapooled näevad seda erinevalt ({views}) ega ole astmes veel kokku leppinud.",
    },
    "mismatch.no_lead": {
        "en": "“{activity}”: nobody has the role “{role}”. Who leads it?",
        "et": "„{activity}”: kellelgi pole rolli „{role}”. Kes seda juhib?",
    },
    "mismatch.several_leads": {
        "en": "“{activity}”: more than one party has the role “{role}” ({parties}). Who leads it?",
        "et": "„{activity}”: rolli „{role}” on mitmel osapoolel ({parties}). Kes seda juhib?",
    },
    "mismatch.no_role": {
        "en": "“{activity}”: {party} takes part but has no role.",
        "et": "„{activity}”: {party} osaleb, kuid tal pole rolli.",
    },
    "mismatch.expectation_outside": {
        "en": "“{activity}”: {from} addressed an expectation to {to} (“{text}”), but {to} is not part of this activity.",
        "et": "„{activity}”: {from} esitas ootuse osapoolele {to} („{text}”), kuid {to} selles tegevuses ei osale.",
    },
    "mismatch.expectation_open": {
        "en": "“{activity}”: {to} has not yet answered the expectation of {from}: “{text}”",
        "et": "„{activity}”: {to} pole veel vastanud ootusele, mille esitas {from}: „{text}”",
    },
    "mismatch.expectation_declined": {
        "en": "“{activity}”: {to} declined the expectation of {from} (“{text}”). Reason: {reason}",
        "et": "„{activity}”: {to} lükkas tagasi ootuse, mille esitas {from} („{text}”). Põhjus: {reason}",
    },
    "mismatch.overlap": {
        "en": "“{activity}”: {parties} all commit to the same thing (“{text}”). Cooperation exists to avoid such overlap: who does it?",
        "et": "„{activity}”: {parties} lubavad teha sama asja („{text}”). Kooperatsioon on just kattuvuse vältimiseks: kes seda teeb?",
    },
    "mismatch.fields_empty": {
        "en": "“{activity}”: agreed as {rung}, but not yet filled in: {fields}.",
        "et": "„{activity}”: kokku lepitud kui {rung}, kuid täitmata on: {fields}.",
    },
    "mismatch.wish_without_action": {
        "en": "“{activity}”: the parties wish to move from {current} to {wished}, but no action leads there.",
        "et": "„{activity}”: osapooled soovivad liikuda astmelt {current} astmele {wished}, kuid selleks pole ühtki tegevust kavandatud.",
    },
    "mismatch.affected_missing": {
        "en": "“{activity}”: it concerns {group}, but {group} is not among its parties. Is this done with them, or only for them?",
        "et": "„{activity}”: see puudutab osapoolt {group}, kuid {group} pole selle osapoolte hulgas. Kas seda tehakse nendega koos või ainult nende jaoks?",
    },
    "mismatch.not_signed": {
        "en": "“{activity}”: not yet signed off by {parties}.",
        "et": "„{activity}”: {parties} pole veel kokkulepet kinnitanud.",
    },
    "mismatch.kind.not_placed": {"en": "Not placed", "et": "Paigutamata"},
    "mismatch.kind.placements_disagree": {"en": "Placements differ", "et": "Paigutused erinevad"},
    "mismatch.kind.no_lead": {"en": "No lead", "et": "Eestvedaja puudub"},
    "mismatch.kind.several_leads": {"en": "Several leads", "et": "Mitu eestvedajat"},
    "mismatch.kind.no_role": {"en": "No role", "et": "Roll puudub"},
    "mismatch.kind.expectation_outside": {
        "en": "Expectation to an outsider",
        "et": "Ootus väljaspool osalejat",
    },
    "mismatch.kind.expectation_open": {"en": "Unanswered expectation", "et": "Vastamata ootus"},
    "mismatch.kind.expectation_declined": {"en": "Declined expectation", "et": "Tagasi lükatud ootus"},
    "mismatch.kind.overlap": {"en": "Overlapping commitments", "et": "Kattuvad lubadused"},
    "mismatch.kind.fields_empty": {"en": "Agreement incomplete", "et": "Kokkulepe poolik"},
    "mismatch.kind.wish_without_action": {"en": "Wish without action", "et": "Soov ilma tegevuseta"},
    "mismatch.kind.affected_missing": {
        "en": "For them, not with them",
        "et": "Nende jaoks, mitte koos nendega",
    },
    "mismatch.kind.not_signed": {"en": "Not signed off", "et": "Kinnitamata"},
}
