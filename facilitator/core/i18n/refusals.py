"""Refusals of a change whose data is not what the kind of change needs.

The app and the phone page never send such data, but a tampered request, a script or an
old front end can: each is still one sentence in the reader's language (a phone's
generic „Muudatust ei saanud teha“ said nothing of why). A field named in quotes is the
change's own field name, as sent.
"""

MESSAGES = {
    "error.change.unknown": {"en": "unknown change {kind}", "et": "tundmatu muudatus {kind}"},
    "error.change.required": {"en": "{field} is required", "et": "väli {field} on kohustuslik"},
    "error.change.not_text": {"en": "{field} must be text", "et": "väli {field} peab olema tekst"},
    "error.change.not_flag": {
        "en": "{field} must be true or false",
        "et": "väli {field} peab olema tõeväärtus (true või false)",
    },
    "error.change.not_whole": {
        "en": "{field} must be a whole number",
        "et": "väli {field} peab olema täisarv",
    },
    "error.change.not_list": {"en": "{field} must be a list", "et": "väli {field} peab olema loend"},
    "error.change.not_ids": {"en": "expected a list of {what} ids", "et": "oodati id-de loendit ({what})"},
    "error.change.id_not_text": {"en": "{what} id must be text", "et": "id peab olema tekst ({what})"},
    "error.change.unknown_choice": {
        "en": "no {what} {value} in this scenario",
        "et": "selles stsenaariumis puudub {value} ({what})",
    },
    "error.change.unknown_at": {
        "en": "{field}: no {what} {value} in this scenario",
        "et": "{field}: selles stsenaariumis puudub {value} ({what})",
    },
    "error.change.unknown_rung": {
        "en": "{field}: no rung {value} in this scenario",
        "et": "{field}: selles stsenaariumis pole astet {value}",
    },
    "error.change.no_field": {"en": "{what} has no field {field}", "et": "väli {field} puudub ({what})"},
    "error.change.seconds": {
        "en": "timer {field} must be a number of seconds",
        "et": "taimeri väli {field} peab olema sekundite arv",
    },
    "error.change.seconds_range": {
        "en": "timer {field} must be between 0 and {most} seconds",
        "et": "taimeri väli {field} peab olema 0 kuni {most} sekundit",
    },
    "error.change.timer_zero": {
        "en": "a timer's duration must be more than 0 seconds",
        "et": "taimeri kestus peab olema üle 0 sekundi",
    },
    "error.change.details": {
        "en": "{action}: wrong or missing details",
        "et": "päringu {action} andmed on vigased või puudu",
    },
    "error.change.followup_kind": {
        "en": "follow-up kind must be one of {kinds}",
        "et": "järelkontrolli kirje liik peab olema üks neist: {kinds}",
    },
    "error.change.followup_id": {
        "en": "a follow-up item needs a new id",
        "et": "järelkontrolli kirjel peab olema uus id",
    },
    "error.change.signed_meanwhile": {
        "en": "A party signed off meanwhile: nothing was changed, so its sign-off is not voided unasked.",
        "et": "Osapool kinnitas vahepeal: midagi ei muudetud, nii et tema kinnitus ei kao küsimata.",
    },
    "error.change.agreement_changed": {
        "en": "The agreement changed after it was shown, so nothing was recorded: look at it as it is now and sign off again.",
        "et": "Kokkulepet muudeti pärast selle näitamist, nii et midagi ei salvestatud: vaadake see üle nii, nagu see nüüd on, ja kinnitage uuesti.",
    },
    "error.change.signed_already": {
        "en": "This party has signed off already: nothing more to record.",
        "et": "See osapool on juba kinnitanud: rohkem pole midagi salvestada.",
    },
    "error.change.followup_rungs": {
        "en": "last time's rungs are not an item to follow up",
        "et": "eelmise korra astmed ei ole järelkontrolli kirje",
    },
    "error.change.answer_changed": {
        "en": "The answer was changed meanwhile (now: {state}): look at it again, then answer.",
        "et": "Vastust muudeti vahepeal (nüüd: {state}): see tuleb enne uut vastust üle vaadata.",
    },
    "error.change.followup_changed": {
        "en": "The party changed its answer meanwhile (now: {outcome}): look at it again, then confirm.",
        "et": "Osapool muutis vahepeal oma vastust (nüüd: {outcome}): see tuleb enne kinnitamist üle vaadata.",
    },
    "error.change.outcome": {
        "en": "outcome must be one of {outcomes}",
        "et": "tulemus peab olema üks neist: {outcomes}",
    },
    "error.change.note_long": {
        "en": "The note is longer than {limit} characters: shorten it.",
        "et": "Märkus on pikem kui {limit} märki: see tuleb lühemaks teha.",
    },
    "error.change.carry_step": {
        "en": "only a next step can be carried over",
        "et": "edasi saab võtta ainult sammu",
    },
    "error.change.carried": {
        "en": "this step has been carried over already",
        "et": "see samm on juba edasi võetud",
    },
    "error.change.carry_id": {
        "en": "a carried step needs a new id",
        "et": "edasi võetud sammul peab olema uus id",
    },
    "error.change.owner": {
        "en": "a next step needs an owner party",
        "et": "sammul peab olema vastutav osapool",
    },
    "error.field.current_rung": {"en": "current rung", "et": "praegune aste"},
    "error.field.wished_rung": {"en": "wished rung", "et": "soovitud aste"},
    "error.field.agreed_current_rung": {"en": "agreed current rung", "et": "kokkulepitud praegune aste"},
    "error.field.agreed_wished_rung": {"en": "agreed wished rung", "et": "kokkulepitud soovitud aste"},
    "error.field.last_time_s_rung": {"en": "last time's rung", "et": "eelmise korra aste"},
    "error.field.last_time_s_wished_rung": {
        "en": "last time's wished rung",
        "et": "eelmise korra soovitud aste",
    },
    "error.field.due_date": {"en": "due date", "et": "tähtaeg"},
    "error.field.party_name": {"en": "party name", "et": "osapoole nimi"},
    "error.field.activity": {"en": "activity", "et": "tegevus"},
    "error.field.source_id": {"en": "source id", "et": "lähte-id"},
    "error.field.party_id": {"en": "party id", "et": "osapoole id"},
    "error.field.from_party": {"en": "from party", "et": "kellelt"},
    "error.field.activity_id": {"en": "activity id", "et": "tegevuse id"},
    "error.field.action_id": {"en": "next step id", "et": "sammu id"},
    "cli.demo.short_ladder": {
        "en": "scenario {id} can't make a demo: the demo workshop needs a ladder of at least 4 rungs "
        "(this one has {rungs})",
        "et": "stsenaariumist {id} ei saa näidistöötuba teha: selleks on vaja vähemalt 4 astmega redelit "
        "(sellel on {rungs})",
    },
    "handout.no_parties": {
        "en": "handouts: this session has no parties yet, so there is no page to make",
        "et": "osapoolte lehed: selles töötoas pole veel osapooli, seega pole ühtegi lehte teha",
    },
    # what a change refers to (a document of the session), as a refusal names it
    "thing.actions": {"en": "next step", "et": "samm"},
    "thing.activities": {"en": "activity", "et": "tegevus"},
    "thing.commitments": {"en": "commitment", "et": "lubadus"},
    "thing.expectations": {"en": "expectation", "et": "ootus"},
    "thing.followups": {"en": "follow-up item", "et": "järelkontrolli kirje"},
    "thing.participants": {"en": "participant", "et": "osaleja"},
    "thing.parties": {"en": "party", "et": "osapool"},
    "thing.session": {"en": "session", "et": "töötuba"},
    "thing.agreement": {"en": "agreement", "et": "kokkulepe"},
}
