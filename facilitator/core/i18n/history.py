"""The history of a partnership (`facilitator history`, review mode's History view)."""

MESSAGES = {
    "history.kind": {"en": "History of a partnership", "et": "Partnerluse ajalugu"},
    "history.fact.sessions": {"en": "Workshops in the series", "et": "Töötubasid sarjas"},
    "history.fact.span": {"en": "From – to", "et": "Alates – kuni"},
    "history.single": {
        "en": "This is the first workshop of its series: there is no earlier one to compare it with yet. A workshop made from it (facilitator new --from ID) continues the series.",
        "et": "See on sarja esimene töötuba: varasemat, millega võrrelda, veel pole. Sellest tehtud töötuba (facilitator new --from ID) jätkab sarja.",
    },
    "history.end.gone": {
        "en": "Workshop {first} continues workshop {id}, which is gone: it is no longer among the saved sessions (deleted or moved). The series before it can't be followed, so the history starts with {first}.",
        "et": "Töötuba {first} jätkab töötuba {id}, mida enam pole: see pole enam salvestatud töötubade seas (kustutatud või teisaldatud). Sellele eelnenud sarja ei saa jälgida, seega algab ajalugu töötoaga {first}.",
    },
    "history.end.unreadable": {
        "en": "Workshop {first} continues workshop {id}, which can't be read, so the series before it can't be followed and the history starts with {first}: {reason}",
        "et": "Töötuba {first} jätkab töötuba {id}, mida ei õnnestu lugeda, seega ei saa sellele eelnenud sarja jälgida ja ajalugu algab töötoaga {first}: {reason}",
    },
    "history.end.loop": {
        "en": "Workshop {first} names workshop {id} as the one it continues, which is already in this history (the files name each other in a circle), so the history starts with {first}.",
        "et": "Töötuba {first} nimetab jätkatavaks töötoaks töötoa {id}, mis on selles ajaloos juba olemas (failid viitavad üksteisele ringiratast), seega algab ajalugu töötoaga {first}.",
    },
    "history.end.too_long": {
        "en": "The series is longer than the history shows: workshop {first} continues workshop {id}, and earlier ones are left out.",
        "et": "Sari on pikem, kui ajalugu näitab: töötuba {first} jätkab töötuba {id} ning varasemad jäävad välja.",
    },
    "history.unreadable": {
        "en": "The series could not be read: {reason}",
        "et": "Sarja ei õnnestunud lugeda: {reason}",
    },
    "history.col.n": {"en": "No.", "et": "Nr"},
    "history.col.date": {"en": "Date", "et": "Kuupäev"},
    "history.col.title": {"en": "Workshop", "et": "Töötuba"},
    "history.col.parties": {"en": "Parties", "et": "Osapooli"},
    "history.col.activities": {"en": "Activities", "et": "Tegevusi"},
    "history.col.agreed": {"en": "Rung agreed", "et": "Aste kokku lepitud"},
    "history.col.activity": {"en": "Activity", "et": "Tegevus"},
    "history.col.session": {"en": "Workshop", "et": "Töötuba"},
    # Short, so that the table's four headers fit 80 columns whole (the lost pairs' was cut).
    "history.col.pairs": {"en": "Pairs together", "et": "Paare koos"},
    "history.col.gained": {"en": "New pairs", "et": "Uued paarid"},
    "history.col.lost": {"en": "No longer together", "et": "Enam mitte koos"},
    "history.col.party": {"en": "Party", "et": "Osapool"},
    "history.col.approach": {"en": "Approach", "et": "Lähenemine"},
    "history.col.flow": {"en": "Information flow", "et": "Info liikumise suund"},
    "history.absent": {"en": "not in this workshop", "et": "selles töötoas polnud"},
    "history.not_agreed": {"en": "not agreed", "et": "kokku leppimata"},
    "history.ladder.heading": {
        "en": "The activities on the ladder over the years",
        "et": "Tegevused redelil aastate jooksul",
    },
    "history.ladder.intro": {
        "en": "Each activity's agreed rung (and → the rung wished) in every workshop of the series. Rungs: {rungs}.",
        "et": "Iga tegevuse kokkulepitud aste (ja → soovitud aste) sarja igas töötoas. Astmed: {rungs}.",
    },
    "history.partners.heading": {"en": "Who works with whom", "et": "Kes kellega koos tegutseb"},
    "history.partners.intro": {
        "en": "Two parties work together when they share an activity. New pairs and pairs no longer together are counted against the workshop before.",
        "et": "Kaks osapoolt tegutsevad koos, kui neil on ühine tegevus. Uusi ja lõppenud paare võrreldakse eelmise töötoaga.",
    },
    "history.parties.heading": {
        "en": "Steps done and promises kept",
        "et": "Tehtud sammud ja peetud lubadused",
    },
    "history.steps.heading": {"en": "Next steps done", "et": "Tehtud järgmised sammud"},
    "history.steps.intro": {
        "en": "Per party and workshop: the party's next steps done, of all (a step the next follow-up found no longer needed is left out), and in brackets how many were done by their due date. — : no steps.",
        "et": "Osapoolte ja töötubade kaupa: osapoole tehtud järgmised sammud kõigist (samm, mida järgmine järelkontroll enam vajalikuks ei pidanud, jääb välja) ning sulgudes, mitu neist tehti tähtajaks. — : samme polnud.",
    },
    "history.kept.heading": {"en": "Promises kept", "et": "Peetud lubadused"},
    "history.kept.intro": {
        "en": "Per party and workshop: the party's promises kept, of all (its commitments and the expectations it accepted or amended), as the next workshop's follow-up recorded them. ? : not followed up yet. — : no promises.",
        "et": "Osapoolte ja töötubade kaupa: osapoole peetud lubadused kõigist (tema lubadused ja ootused, mille ta vastu võttis või mida muutis), nagu järgmise töötoa järelkontroll need kirja pani. ? : veel üle vaatamata. — : lubadusi polnud.",
    },
    "history.approaches.heading": {
        "en": "Approaches and information flows",
        "et": "Lähenemised ja info liikumise suunad",
    },
    "history.counts.none": {"en": "None recorded.", "et": "Pole kirja pandud."},
    "history.activities.none": {
        "en": "No activities in this series yet.",
        "et": "Selles sarjas pole veel tegevusi.",
    },
    "history.chart.title": {"en": "Agreed rungs over the years", "et": "Kokkulepitud astmed aastate jooksul"},
    "history.chart.agreed": {"en": "agreed rung now", "et": "kokkulepitud aste praegu"},
    "history.chart.wished": {"en": "wished rung", "et": "soovitud aste"},
    "history.chart.rungs": {"en": "Rungs:", "et": "Astmed:"},
    "history.chart.sessions": {"en": "Workshops:", "et": "Töötoad:"},
    "history.chart.none": {"en": "no rung agreed", "et": "aste kokku leppimata"},
    "history.footer": {
        "en": "Made with facilitator {version} · the series up to workshop {id}",
        "et": "Koostatud programmiga facilitator {version} · sari kuni töötoani {id}",
    },
    "history.csv.n": {"en": "No.", "et": "Nr"},
    "history.csv.session": {"en": "Workshop id", "et": "Töötoa id"},
    "history.csv.date": {"en": "Date", "et": "Kuupäev"},
    "history.csv.activity_id": {"en": "Activity id", "et": "Tegevuse id"},
    "history.csv.activity": {"en": "Activity", "et": "Tegevus"},
    "history.csv.now": {"en": "Agreed rung now", "et": "Kokkulepitud aste praegu"},
    "history.csv.wished": {"en": "Wished rung", "et": "Soovitud aste"},
}
