"""What the interface says when a change is refused (the CLI keeps the English text)."""

MESSAGES = {
    "error.empty": {"en": "The {field} must not be empty.", "et": "Väli „{field}“ ei tohi olla tühi."},
    "error.too_long": {
        "en": "The {field} is too long ({length} characters; at most {limit}).",
        "et": "Väli „{field}“ on liiga pikk (märke {length}; lubatud kuni {limit}).",
    },
    "error.too_long_here": {
        "en": "This text is too long ({length} characters; at most {limit}). Shorten it: what you typed is kept.",
        "et": "Tekst on liiga pikk (märke {length}; lubatud kuni {limit}). See tuleb lühemaks teha; kirjutatu on alles.",
    },
    "error.invalid_text": {
        "en": "The {field} contains characters that are not valid text.",
        "et": "Väljas „{field}“ on märke, mis ei ole korrektne tekst.",
    },
    "error.not_involved": {
        "en": "The party {party} is not involved in “{activity}”.",
        "et": "Tegevuses „{activity}“ ei osale: {party}.",
    },
    "error.bad_date": {
        "en": "“{value}” is not a date (write 2026-12-03 or 03.12.2026).",
        "et": "„{value}“ ei ole kuupäev (kuju 03.12.2026 või 2026-12-03).",
    },
    "error.duplicate_party": {
        "en": "There is already a party called “{name}”.",
        "et": "Osapool nimega „{name}“ on juba olemas.",
    },
    "error.already_revealed": {
        "en": "This round is already revealed: start a new round to place again.",
        "et": "See voor on juba avalikustatud: uuesti paigutamiseks tuleb alustada uut vooru.",
    },
    "error.self_expectation": {
        "en": "A party can't expect something of itself: make it a commitment.",
        "et": "Osapool ei saa iseendalt midagi oodata: selle saab sõnastada lubadusena.",
    },
    "error.gone": {
        "en": "That was removed in the meantime (perhaps on another device).",
        "et": "See on vahepeal eemaldatud (võib-olla teisest seadmest).",
    },
    "error.write_failed": {
        "en": "Could not save to {path}: {reason}. The file on disk is as it was before this change.",
        "et": "Faili {path} ei õnnestunud salvestada: {reason}. Kettal on fail sellisena, nagu see oli enne seda muudatust.",
    },
    "error.create_failed": {
        "en": "Could not create {path}: {reason}.",
        "et": "Faili {path} ei õnnestunud luua: {reason}.",
    },
    # ------------------------------------------------------------ the room's rules (core.rules)
    "error.rule.own_party": {
        "en": "This device speaks only for its own party.",
        "et": "See seade saab rääkida ainult oma osapoole nimel.",
    },
    "error.rule.closed": {
        "en": "The workshop is closed: no more changes are made.",
        "et": "Töötuba on lõpetatud: muudatusi enam ei tehta.",
    },
    "error.rule.not_placing": {
        "en": "Placements are made in the placement phase: wait until the facilitator opens it.",
        "et": "Paigutada saab paigutamise etapis: oodake, kuni läbiviija selle avab.",
    },
    "error.rule.not_open": {
        "en": "The facilitator has not opened “{activity}” for placement.",
        "et": "Läbiviija ei ole tegevust „{activity}“ paigutamiseks avanud.",
    },
    "error.rule.not_agreeing": {
        "en": "Commitments, expectations, answers and sign-offs are given in the roles and expectations phase.",
        "et": "Lubadusi, ootusi, vastuseid ja kinnitusi saab anda rollide ja ootuste etapis.",
    },
    "error.rule.not_agreed": {
        "en": "“{activity}” has no agreed rung yet: the room agrees on it first.",
        "et": "Tegevusel „{activity}“ pole veel kokkulepitud astet: enne leppige see üheskoos kokku.",
    },
    "error.rule.signed_off": {
        "en": "The party {party} has signed off “{activity}”: to change its answers, withdraw the sign-off first.",
        "et": "Tegevuse „{activity}“ kokkulepe on juba kinnitatud ({party}): vastuste muutmiseks tuleb kinnitus kõigepealt tagasi võtta.",
    },
    "error.rule.not_following_up": {
        "en": "Last time's promises are followed up in the follow-up phase: wait until the facilitator opens it.",
        "et": "Eelmise korra lubadusi vaadatakse üle järelkontrolli etapis: oodake, kuni läbiviija selle avab.",
    },
    "error.rule.followed_up": {
        "en": "The room has already recorded what came of this one.",
        "et": "Selle kohta on ruumis juba kirja pandud, mis sellest sai.",
    },
    "error.rule.answer": {
        "en": "Answer with accept, amend or decline.",
        "et": "Vastuseks valige: võtke vastu, muutke või lükake tagasi.",
    },
    "error.field.title": {"en": "title", "et": "pealkiri"},
    "error.field.name": {"en": "name", "et": "nimi"},
    "error.field.description": {"en": "description", "et": "kirjeldus"},
    "error.field.note": {"en": "note", "et": "märkus"},
    "error.field.response": {"en": "answer", "et": "vastus"},
    "error.field.seen_response": {"en": "answer seen", "et": "nähtud vastus"},
    "error.field.text": {"en": "text", "et": "tekst"},
    "error.field.value": {"en": "value", "et": "väärtus"},
    "error.field.action": {"en": "next step", "et": "samm"},
    "error.field.amended_text": {"en": "amended text", "et": "muudetud tekst"},
    "error.field.commitment": {"en": "commitment", "et": "lubadus"},
    "error.field.expectation": {"en": "expectation", "et": "ootus"},
    "error.field.reason_for_declining": {"en": "reason for declining", "et": "tagasilükkamise põhjus"},
    "error.field.date": {"en": "date", "et": "kuupäev"},
    "error.field.place": {"en": "place", "et": "koht"},
    "error.field.facilitator": {"en": "facilitator", "et": "läbiviija"},
}
