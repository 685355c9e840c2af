"""Follow-up of last time: outcomes, the timeline's words, compare's and the reveal's notes."""

MESSAGES = {
    "followup.phase.name": {"en": "Follow-up of last time", "et": "Eelmise korra järelkontroll"},
    "followup.phase.description": {
        "en": "We look at what came of last time's promises: commitments, accepted expectations and open next steps. For each: done, partly, not done or no longer needed. An open step can be carried over into this workshop.",
        "et": "Vaatame üle, mis sai eelmisel korral lubatust: lubadused, vastu võetud ootused ja pooleli jäänud sammud. Iga kohta: tehtud, osaliselt, tegemata või pole enam vaja. Pooleli sammu saab selle töötoa sammuks edasi võtta.",
    },
    "followup.key.done": {"en": "Done", "et": "Tehtud"},
    "followup.key.partly": {"en": "Partly", "et": "Osaliselt"},
    "followup.key.not_done": {"en": "Not done", "et": "Tegemata"},
    "followup.key.dropped": {"en": "No longer needed", "et": "Pole enam vaja"},
    "followup.key.note": {"en": "Note", "et": "Märkus"},
    "followup.key.carry": {"en": "Carry over", "et": "Võta edasi"},
    "followup.key.confirm": {"en": "Confirm", "et": "Kinnita"},
    "followup.button.note": {"en": "e Note", "et": "e Märkus"},
    "followup.button.carry": {"en": "c Carry over", "et": "c Võta edasi"},
    "followup.button.confirm": {"en": "y Confirm", "et": "y Kinnita"},
    "followup.empty": {
        "en": "Nothing to follow up: last time recorded no commitments, accepted expectations or open next steps.",
        "et": "Pole midagi üle vaadata: eelmisel korral ei pandud kirja lubadusi, vastu võetud ootusi ega pooleli samme.",
    },
    "followup.col.kind": {"en": "What", "et": "Mis"},
    "followup.col.party": {"en": "Party", "et": "Osapool"},
    "followup.col.text": {"en": "Last time", "et": "Eelmisel korral"},
    "followup.col.due": {"en": "Due", "et": "Tähtaeg"},
    "followup.col.outcome": {"en": "What came of it", "et": "Mis sellest sai"},
    "followup.col.note": {"en": "Note", "et": "Märkus"},
    "followup.counts": {
        "en": "Last time's promises: {total} · recorded: {recorded} · answered from a phone, to confirm: {waiting}",
        "et": "Eelmise korra lubadusi: {total} · üle vaadatud: {recorded} · telefonist vastatud, kinnitada: {waiting}",
    },
    "followup.to_confirm": {"en": "{outcome}? (to confirm)", "et": "{outcome}? (kinnitada)"},
    "followup.detail.activity": {"en": "Activity: {activity}", "et": "Tegevus: {activity}"},
    "followup.detail.from": {"en": "Expected by: {party}", "et": "Ootaja: {party}"},
    "followup.detail.note": {"en": "Note: {note}", "et": "Märkus: {note}"},
    "followup.replace_phone": {
        "en": "The party {party} answered from a phone ({who}): {answer}. Record {outcome} in its place?",
        "et": "Osapool {party} vastas telefonist ({who}): {answer}. Kas salvestada selle asemel {outcome}?",
    },
    "followup.replace_phone.unnamed": {
        "en": "The party {party} answered from a phone: {answer}. Record {outcome} in its place?",
        "et": "Osapool {party} vastas telefonist: {answer}. Kas salvestada selle asemel {outcome}?",
    },
    "followup.nothing_to_confirm": {
        "en": "Nothing to confirm: no answer has been given for this item yet.",
        "et": "Pole midagi kinnitada: sellele kohale pole veel vastatud.",
    },
    "followup.note.title": {"en": "Note on what came of it", "et": "Märkus selle kohta, mis sellest sai"},
    "followup.note.label": {"en": "A short note:", "et": "Lühike märkus:"},
    "followup.carried_open.done": {
        "en": "This step was carried into this workshop (due {due}) and is still open here: “{text}”. Mark it done here too?",
        "et": "See samm võeti sellesse töötuppa edasi (tähtaeg {due}) ja on siin veel tegemata: „{text}“. Kas märgid selle ka siin tehtuks?",
    },
    "followup.carried_open.done.yes": {"en": "Mark both done", "et": "Märgi mõlemad tehtuks"},
    "followup.carried_open.dropped": {
        "en": "This step was carried into this workshop (due {due}): “{text}”. If it is no longer needed, remove it from this workshop's steps too?",
        "et": "See samm võeti sellesse töötuppa edasi (tähtaeg {due}): „{text}“. Kui seda pole enam vaja, kas eemaldad selle ka selle töötoa sammude seast?",
    },
    "followup.carried_open.dropped.yes": {"en": "Remove the step", "et": "Eemalda samm"},
    "followup.carried_open.no_due": {"en": "none", "et": "puudub"},
    "followup.carry.title": {"en": "Carry the step over", "et": "Võta samm edasi"},
    "followup.carry.due": {
        "en": "New due date (2027-03-01 or 01.03.2027; empty: none):",
        "et": "Uus tähtaeg (01.03.2027 või 2027-03-01; tühi: puudub):",
    },
    "followup.carry.done": {"en": "Carried over: {text}", "et": "Edasi võetud: {text}"},
    "followup.carry.carried": {
        "en": "This step has been carried over already.",
        "et": "See samm on juba edasi võetud.",
    },
    "followup.carry.not_a_step": {
        "en": "Only a next step can be carried over.",
        "et": "Edasi saab võtta ainult järgmise sammu.",
    },
    "followup.carry.party_gone": {
        "en": "The party {party} no longer takes part: give the step to another party in the roles phase.",
        "et": "Osapool {party} enam ei osale: anna samm rollide etapis teisele osapoolele.",
    },
    "followup.outcome.done": {"en": "done", "et": "tehtud"},
    "followup.outcome.partly": {"en": "partly done", "et": "osaliselt tehtud"},
    "followup.outcome.not_done": {"en": "not done", "et": "tegemata"},
    "followup.outcome.dropped": {"en": "no longer needed", "et": "pole enam vaja"},
    "followup.outcome.none": {"en": "not followed up yet", "et": "veel üle vaatamata"},
    "followup.unconfirmed": {
        "en": "answered by the party, not confirmed yet",
        "et": "osapool vastas, veel kinnitamata",
    },
    "followup.kind.commitment": {"en": "commitment", "et": "lubadus"},
    "followup.kind.expectation": {"en": "expectation", "et": "ootus"},
    "followup.kind.action": {"en": "next step", "et": "järgmine samm"},
    "followup.carried": {"en": "carried over into this workshop", "et": "võeti sellesse töötuppa edasi"},
    "followup.last_time": {"en": "last time: {current}", "et": "eelmisel korral: {current}"},
    "followup.last_time.wished": {
        "en": "last time: {current} → wished {wished}",
        "et": "eelmisel korral: {current} → soovitud {wished}",
    },
    "followup.last_time.not_agreed": {
        "en": "last time: no rung agreed",
        "et": "eelmisel korral: aste jäi kokku leppimata",
    },
    "followup.new_this_year": {"en": "new this time", "et": "seekord uus"},
    "followup.not_carried": {
        "en": "Last time's activities not carried over: {titles}",
        "et": "Eelmise korra tegevused, mida edasi ei võetud: {titles}",
    },
    "review.event.followup.added": {
        "en": "To follow up from last time: “{text}”",
        "et": "Eelmisest korrast üle vaadata: „{text}“",
    },
    "review.event.followup.recorded": {
        "en": "Followed up “{text}”: {outcome}",
        "et": "Üle vaadatud „{text}“: {outcome}",
    },
    "review.event.followup.answered": {
        "en": "The party answered for “{text}”: {outcome} (to confirm)",
        "et": "Osapool vastas „{text}“ kohta: {outcome} (kinnitada)",
    },
    "review.event.followup.confirmed": {
        "en": "Confirmed the party's answer for “{text}”",
        "et": "Kinnitas osapoole vastuse „{text}“ kohta",
    },
    "review.event.followup.noted": {
        "en": "Noted on “{text}”",
        "et": "Lisas märkuse „{text}“ kohta",
    },
    "review.event.followup.carried": {
        "en": "Carried over into this workshop: “{text}”",
        "et": "Võeti sellesse töötuppa edasi: „{text}“",
    },
    "handout.followup": {
        "en": "What came of last time's promises",
        "et": "Mis sai eelmise korra lubadustest",
    },
    "handout.followup.intro": {
        "en": "Our commitments, what was expected of us and our open steps from the workshop before ({workshop}), and what came of them.",
        "et": "Meie lubadused, meilt oodatu ja meie pooleli sammud eelmisest töötoast ({workshop}) ning mis neist sai.",
    },
    "handout.followup.report_intro": {
        "en": "The commitments, accepted expectations and open steps of the workshop before ({workshop}), and what came of them.",
        "et": "Eelmise töötoa ({workshop}) lubadused, vastu võetud ootused ja pooleli sammud ning mis neist sai.",
    },
    "handout.followup.session_id": {"en": "session {id}", "et": "töötuba {id}"},
}
