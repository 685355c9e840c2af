"""Why a file is not accepted: plain-data checks, scenario problems, a session file's fields.

These are the reasons inside `file.corrupt`, `file.cannot_read` and a scenario check's lines
(the core raises them as `Worded`, so each is said in the reader's language). Ids, key
paths, table and field names are the file's own and stay as written.
"""

MESSAGES = {
    # ------------------------------------------------------------ what a value is
    "kind.null": {"en": "nothing (null)", "et": "tühi väärtus (null)"},
    "kind.flag": {"en": "true or false", "et": "tõeväärtus (true või false)"},
    "kind.text": {"en": "text", "et": "tekst"},
    "kind.whole": {"en": "a whole number", "et": "täisarv"},
    "kind.number": {"en": "a number", "et": "arv"},
    "kind.list": {"en": "a list", "et": "loend"},
    "kind.table": {"en": "a table", "et": "tabel"},
    "kind.other": {"en": "a value of another kind ({name})", "et": "muu väärtus ({name})"},
    # ------------------------------------------------------------ plain data (any file)
    "plain.not_regular": {"en": "not a regular file", "et": "see ei ole tavaline fail"},
    "plain.too_big": {
        "en": "too big ({size}; at most {limit})",
        "et": "liiga suur ({size}; lubatud kuni {limit})",
    },
    "plain.grew": {"en": "too big (more than {limit})", "et": "liiga suur (üle {limit})"},
    "plain.constant": {
        "en": "{name} is not a number JSON allows",
        "et": "{name} ei ole arv, mida JSON lubab",
    },
    "plain.too_large": {"en": "number too large ({number})", "et": "liiga suur arv ({number})"},
    "plain.too_large_here": {"en": "{where}: number too large", "et": "{where}: liiga suur arv"},
    "plain.not_utf8": {"en": "not UTF-8 text (byte {byte})", "et": "see ei ole UTF-8 tekst (bait {byte})"},
    "plain.not_json": {
        "en": "not valid JSON (line {line}, column {column})",
        "et": "see ei ole korrektne JSON (rida {line}, veerg {column})",
    },
    "plain.not_json_bare": {"en": "not valid JSON", "et": "see ei ole korrektne JSON"},
    "plain.too_deep": {
        "en": "nested more than {depth} levels deep",
        "et": "pesastatud sügavamale kui {depth} taset",
    },
    "plain.too_deep_here": {
        "en": "{where}: nested more than {depth} levels deep",
        "et": "{where}: pesastatud sügavamale kui {depth} taset",
    },
    "plain.not_finite": {
        "en": "{where}: {value} is not a number allowed here",
        "et": "{where}: {value} ei ole siin lubatud arv",
    },
    "plain.key_not_text": {"en": "{where}: a key that is not text", "et": "{where}: võti, mis ei ole tekst"},
    "plain.unexpected": {
        "en": "{where}: unexpected {kind} value",
        "et": "{where}: ootamatu väärtus ({kind})",
    },
    "plain.surrogates": {
        "en": "{where}: text with characters that are not valid (lone surrogates)",
        "et": "{where}: tekstis on märke, mis ei ole korrektsed (üksikud asendusmärgid)",
    },
    "plain.top_level": {"en": "the top level", "et": "ülemine tase"},
    "plain.set_aside": {
        "en": "{path}: {reason}; set aside as {aside} (only this device's own state is lost)",
        "et": "{path}: {reason}; pandi kõrvale nimega {aside} (kaob ainult selle seadme enda olek)",
    },
    "plain.ignored": {
        "en": "{path}: {reason}; ignored (only this device's own state is lost)",
        "et": "{path}: {reason}; jäeti kõrvale (kaob ainult selle seadme enda olek)",
    },
    # ------------------------------------------------------------ a scenario file
    "scenario.problem": {"en": "{where}: {path}: {problem}", "et": "{where}: {path}: {problem}"},
    "scenario.problem_file": {"en": "{where}: {problem}", "et": "{where}: {problem}"},
    "scenario.more": {"en": "{first} (and {count} more)", "et": "{first} (ja veel {count})"},
    "scenario.top_level": {"en": "(top level)", "et": "(ülemine tase)"},
    "scenario.toml": {"en": "TOML syntax error: {detail}", "et": "TOML-i süntaksiviga: {detail}"},
    "scenario.embedded": {
        "en": "{source} (embedded scenario)",
        "et": "{source} (kaasa salvestatud stsenaarium)",
    },
    "scenario.expected_table": {"en": "expected a table, got {kind}", "et": "oodati tabelit, kuid on {kind}"},
    "scenario.unknown_key": {
        "en": "unknown key {key} (allowed: {allowed})",
        "et": "tundmatu võti {key} (lubatud: {allowed})",
    },
    "scenario.missing_key": {"en": "missing required key {key}", "et": "kohustuslik võti {key} puudub"},
    "scenario.expected_text": {"en": "expected text, got {kind}", "et": "oodati teksti, kuid on {kind}"},
    "scenario.empty": {"en": "must not be empty", "et": "ei tohi olla tühi"},
    "scenario.too_long": {
        "en": "is too long ({length} characters; at most {limit})",
        "et": "on liiga pikk (märke {length}; lubatud kuni {limit})",
    },
    "scenario.bad_id": {
        "en": "{value} is not a valid id (lower-case letters, digits, '-' and '_')",
        "et": "{value} ei ole sobiv id (väiketähed, numbrid, '-' ja '_')",
    },
    "scenario.expected_flag": {
        "en": "expected true or false, got {kind}",
        "et": "oodati tõeväärtust (true või false), kuid on {kind}",
    },
    "scenario.expected_whole": {
        "en": "expected a whole number, got {kind}",
        "et": "oodati täisarvu, kuid on {kind}",
    },
    "scenario.between": {
        "en": "must be between {lo} and {hi}, got {value}",
        "et": "peab olema vahemikus {lo}–{hi}, kuid on {value}",
    },
    "scenario.expected_texts": {
        "en": "expected a list of text, got {kind}",
        "et": "oodati tekstide loendit, kuid on {kind}",
    },
    "scenario.expected_nonempty": {"en": "expected non-empty text", "et": "oodati mittetühja teksti"},
    "scenario.expected_array": {
        "en": "expected an array of tables ([[{key}]]), got {kind}",
        "et": "oodati tabelite massiivi ([[{key}]]), kuid on {kind}",
    },
    "scenario.needs_one": {
        "en": "needs at least one [[{key}]] entry",
        "et": "vaja on vähemalt üht kirjet [[{key}]]",
    },
    "scenario.duplicate": {
        "en": "duplicate {what} id {id} (first at {first})",
        "et": "id {id} kordub ({what}; esimest korda kohas {first})",
    },
    "scenario.what.field": {"en": "field", "et": "väli"},
    "scenario.what.flow": {"en": "flow", "et": "info liikumise suund"},
    "scenario.what.rung": {"en": "rung", "et": "aste"},
    "scenario.what.approach": {"en": "approach", "et": "lähenemine"},
    "scenario.what.party": {"en": "party", "et": "osapool"},
    "scenario.what.role": {"en": "role", "et": "roll"},
    "scenario.what.phase": {"en": "phase", "et": "etapp"},
    "scenario.format_newer": {
        "en": "format {format} is newer than this version of facilitator understands ({known}); upgrade facilitator",
        "et": "vorming {format} on uuem, kui see facilitatori versioon mõistab ({known}); uuenda facilitatorit",
    },
    "scenario.format_unknown": {"en": "unknown format {format}", "et": "tundmatu vorming {format}"},
    "scenario.one_of": {
        "en": "must be one of {choices}, got {value}",
        "et": "peab olema üks neist: {choices}; on {value}",
    },
    "scenario.no_question": {"en": "needs at least one question", "et": "vaja on vähemalt üht küsimust"},
    "scenario.one_lead": {
        "en": "only one role may have lead = true",
        "et": "ainult ühel rollil võib olla lead = true",
    },
    "scenario.no_rung": {
        "en": "no rung with id {id} (rungs: {ids})",
        "et": "astet id-ga {id} ei ole (astmed: {ids})",
    },
    "scenario.no_party": {
        "en": "no party with id {id} in [[parties]]",
        "et": "osapoolt id-ga {id} loetelus [[parties]] ei ole",
    },
    "scenario.no_approach": {
        "en": "no approach with id {id} in [[approaches]]",
        "et": "lähenemist id-ga {id} loetelus [[approaches]] ei ole",
    },
    "scenario.no_flow": {
        "en": "no flow with id {id} in [[rungs.flows]]",
        "et": "info liikumise suunda id-ga {id} loetelus [[rungs.flows]] ei ole",
    },
    # tomllib's reasons, the common ones; any other is said as a bare syntax error
    "toml.expected_equals": {"en": "expected '=' after a key", "et": "võtme järel peab olema '='"},
    "toml.expected": {"en": "expected {what}", "et": "oodati märki {what}"},
    "toml.invalid_value": {"en": "invalid value", "et": "vigane väärtus"},
    "toml.invalid_statement": {"en": "invalid statement", "et": "vigane rida"},
    "toml.unterminated": {"en": "unterminated string", "et": "tekst on lõpetamata (puudub lõpujutumärk)"},
    "toml.twice": {"en": "a key or table defined twice", "et": "võti või tabel on kaks korda"},
    "toml.unclosed": {"en": "unclosed array or table", "et": "loend või tabel on sulgemata"},
    "toml.key_start": {"en": "invalid first character of a key", "et": "võtme esimene märk on vigane"},
    "toml.character": {
        "en": "a character not allowed here ({character})",
        "et": "siin lubamatu märk ({character})",
    },
    "toml.escape": {"en": "invalid escape in a string", "et": "vigane paomärk tekstis"},
    "toml.date": {"en": "invalid date or time", "et": "vigane kuupäev või kellaaeg"},
    "toml.other": {"en": "invalid syntax", "et": "süntaks on vigane"},
    # ------------------------------------------------------------ a session file's tables
    "corrupt.table": {"en": "table {table}", "et": "tabel {table}"},
    "corrupt.at_table": {"en": "table {table}: {problem}", "et": "tabel {table}: {problem}"},
    "corrupt.at_table_field": {
        "en": "table {table}, field {field}: {problem}",
        "et": "tabel {table}, väli {field}: {problem}",
    },
    "corrupt.at_document": {
        "en": "table {table}, document {document}: {problem}",
        "et": "tabel {table}, dokument {document}: {problem}",
    },
    "corrupt.at_field": {
        "en": "table {table}, document {document}, field {field}: {problem}",
        "et": "tabel {table}, dokument {document}, väli {field}: {problem}",
    },
    "corrupt.no_scenario": {"en": "no embedded scenario", "et": "stsenaariumi koopia puudub"},
    "corrupt.not_table": {"en": "is not a table of a session file", "et": "ei ole töötoa faili tabel"},
    "corrupt.not_meta": {"en": "is not a document of the meta table", "et": "ei ole tabeli meta dokument"},
    "corrupt.not_view": {"en": "is not a document of the view table", "et": "ei ole tabeli view dokument"},
    "corrupt.session_id": {
        "en": "{id} is not valid: a session id has letters, digits, '-' and '_'",
        "et": "{id} ei sobi: töötoa tunnuses on tähed, numbrid, '-' ja '_'",
    },
    "corrupt.scenario_id": {
        "en": "must be the embedded scenario's id {id}",
        "et": "peab olema kaasa salvestatud stsenaariumi id {id}",
    },
    "corrupt.not_table_value": {"en": "must be a table, not {kind}", "et": "peab olema tabel, mitte {kind}"},
    "corrupt.not_text_field": {"en": "is not a text field of the session", "et": "ei ole töötoa tekstiväli"},
    "corrupt.not_phase": {
        "en": "{value} is not a phase of the scenario's agenda",
        "et": "{value} ei ole stsenaariumi päevakorra etapp",
    },
    "corrupt.timers": {"en": "must be a table of timers", "et": "peab olema taimerite tabel"},
    "corrupt.seq": {
        "en": "the log has {count} events, numbered from 1 without gaps",
        "et": "logis on {count} sündmust, nummerdatud alates 1-st ilma vahedeta",
    },
    "corrupt.seq.one": {
        "en": "the log has {count} event, numbered 1",
        "et": "logis on {count} sündmus, numbriga 1",
    },
    "corrupt.event_number": {
        "en": "must be the event's number {seq}",
        "et": "peab olema sündmuse number {seq}",
    },
    "corrupt.event_kind": {"en": "{kind} is not a kind of change", "et": "{kind} ei ole muudatuse liik"},
    "corrupt.not_involved": {
        "en": "party {party} is not involved in activity {activity}",
        "et": "osapool {party} ei osale tegevuses {activity}",
    },
    "corrupt.own_id": {"en": "must be the document's own id {id}", "et": "peab olema dokumendi enda id {id}"},
    "corrupt.must_be": {"en": "must be {expected}", "et": "peab olema {expected}"},
    "corrupt.later_round": {
        "en": "is later than the activity's round {round}",
        "et": "on hilisem kui tegevuse voor {round}",
    },
    "corrupt.self_expectation": {
        "en": "is the party the expectation comes from",
        "et": "on sama osapool, kellelt ootus tuleb",
    },
    # a field's value against its declaration (`schema.stored`, `schema.fields`)
    "problem.missing": {"en": "is missing", "et": "puudub"},
    "problem.empty": {"en": "must not be empty", "et": "ei tohi olla tühi"},
    "problem.too_long": {
        "en": "is too long ({length} characters; at most {limit})",
        "et": "on liiga pikk (märke {length}; lubatud kuni {limit})",
    },
    "problem.not_in_table": {
        "en": "names {value}, which is not in table {table}",
        "et": "nimetab väärtust {value}, mida tabelis {table} ei ole",
    },
    "problem.unknown": {
        "en": "{value} is not a {what} of this session's scenario",
        "et": "{value} ei ole selle töötoa stsenaariumis ({what})",
    },
    "problem.not_date": {
        "en": "{value} is not a date (YYYY-MM-DD)",
        "et": "{value} ei ole kuupäev (AAAA-KK-PP)",
    },
    "problem.not_stamp": {
        "en": "{value} is not a moment (YYYY-MM-DDTHH:MM:SS)",
        "et": "{value} ei ole ajahetk (AAAA-KK-PPTtt:mm:ss)",
    },
    "problem.at_least": {
        "en": "must be at least {lowest}, not {value}",
        "et": "peab olema vähemalt {lowest}, mitte {value}",
    },
    "problem.seconds": {
        "en": "must be a number of seconds, not {value}",
        "et": "peab olema sekundite arv, mitte {value}",
    },
    "problem.ref": {
        "en": "must be the id of a document in {table}, not {kind}",
        "et": "peab olema tabeli {table} dokumendi id, mitte {kind}",
    },
    "problem.ids": {"en": "must be a list of ids, not {kind}", "et": "peab olema id-de loend, mitte {kind}"},
    "problem.shape": {"en": "must be {shape}, not {kind}", "et": "peab olema {shape}, mitte {kind}"},
    "problem.item": {"en": "has an item that {problem}", "et": "sisaldab väärtust, mis {problem}"},
    "problem.twice": {"en": "names {value} twice", "et": "nimetab väärtust {value} kaks korda"},
    # what one of a vocabulary is called (`schema.vocabulary`)
    "vocab.rung": {"en": "rung", "et": "aste"},
    "vocab.role": {"en": "role", "et": "roll"},
    "vocab.approach": {"en": "approach", "et": "lähenemine"},
    "vocab.flow": {"en": "direction of information flow", "et": "info liikumise suund"},
    "vocab.phase": {"en": "phase", "et": "etapp"},
    "vocab.agreement_field": {"en": "agreement field", "et": "kokkuleppe väli"},
    "vocab.suggested_party": {"en": "suggested party", "et": "soovitatud osapool"},
    "vocab.answer": {"en": "answer", "et": "vastus"},
    "vocab.timer_command": {"en": "timer command", "et": "taimeri käsk"},
    "vocab.language": {"en": "language", "et": "keel"},
    "vocab.followup_kind": {"en": "kind of follow-up item", "et": "järelkontrolli kirje liik"},
    "vocab.outcome": {"en": "outcome", "et": "tulemus"},
}
