"""Comparing two sessions of the same partners (`facilitator compare A B`, the compare view)."""

MESSAGES = {
    "compare.heading": {
        "en": "Comparing “{a}” ({a_date}) with “{b}” ({b_date})",
        "et": "Võrdlus: „{a}“ ({a_date}) ja „{b}“ ({b_date})",
    },
    "compare.basis.index": {
        "en": "The two scenarios have different ladders of the same length: rungs are compared by their place on the ladder.",
        "et": "Stsenaariumide redelid on erinevad, kuid sama pikad: astmeid võrreldakse nende koha järgi redelil.",
    },
    "compare.no_changes": {
        "en": "No changes: the second session says what the first one said.",
        "et": "Muutusi pole: teine töötuba ütleb sama, mida esimene.",
    },
    # ------------------------------------------------------------ sections
    "compare.ladders_differ": {
        "en": "the sessions' ladders differ: {a_rungs} rungs in scenario {first}, {b_rungs} in scenario {second}; "
        "only ladders of the same length can be compared",
        "et": "töötubade redelid erinevad: stsenaariumis {first} on astmeid {a_rungs}, stsenaariumis {second} "
        "{b_rungs}; "
        "võrrelda saab ainult sama pikki redeleid",
    },
    "compare.section.up": {"en": "Moved up the ladder ({count})", "et": "Liikus redelil üles ({count})"},
    "compare.section.down": {"en": "Moved down the ladder ({count})", "et": "Liikus redelil alla ({count})"},
    "compare.section.same": {"en": "Same rung ({count})", "et": "Sama aste ({count})"},
    "compare.section.unrated": {
        "en": "No rung to compare: agreed in one session only, or in neither ({count})",
        "et": "Astet pole võrrelda: kokku lepitud vaid ühes töötoas või kummaski mitte ({count})",
    },
    "compare.section.new": {"en": "New activities ({count})", "et": "Uued tegevused ({count})"},
    "compare.section.dropped": {"en": "Dropped activities ({count})", "et": "Ärajäänud tegevused ({count})"},
    "compare.section.parties_new": {"en": "New parties ({count})", "et": "Uued osapooled ({count})"},
    "compare.section.parties_gone": {
        "en": "Parties no longer taking part ({count})",
        "et": "Osapooled, kes enam ei osale ({count})",
    },
    "compare.section.parties_renamed": {
        "en": "Parties renamed ({count})",
        "et": "Ümbernimetatud osapooled ({count})",
    },
    "compare.section.roles": {"en": "Role changes ({count})", "et": "Rollide muutused ({count})"},
    "compare.section.expectations": {
        "en": "Expectation changes ({count})",
        "et": "Ootuste muutused ({count})",
    },
    "compare.section.commitments": {
        "en": "Commitment changes ({count})",
        "et": "Lubaduste muutused ({count})",
    },
    "compare.section.actions_done": {"en": "Next steps done ({count})", "et": "Tehtud sammud ({count})"},
    "compare.section.actions_open": {
        "en": "Next steps not done yet ({count})",
        "et": "Veel tegemata sammud ({count})",
    },
    "compare.section.actions_dropped": {
        "en": "Next steps dropped, not done ({count})",
        "et": "Ärajäänud, tegemata sammud ({count})",
    },
    "compare.section.actions_new": {"en": "New next steps ({count})", "et": "Uued sammud ({count})"},
    # ------------------------------------------------------------ lines
    "compare.rung.none": {"en": "not agreed", "et": "kokku leppimata"},
    "compare.role.none": {"en": "no role", "et": "rollita"},
    "compare.role.not_set": {"en": "not set yet", "et": "veel määramata"},
    "compare.time_order": {
        "en": "In time order: A is the earlier workshop “{a}” ({a_date}), B the later “{b}” ({b_date}).",
        "et": "Ajalises järjekorras: A on varasem töötuba „{a}“ ({a_date}), B hilisem „{b}“ ({b_date}).",
    },
    "compare.followed": {"en": "followed up: {outcome}", "et": "üle vaadatud: {outcome}"},
    "compare.carried.due": {
        "en": "↪ carried over (due {due})",
        "et": "↪ võeti edasi (tähtaeg {due})",
    },
    "compare.carried": {"en": "↪ carried over", "et": "↪ võeti edasi"},
    "compare.carried.done": {"en": "(done since)", "et": "(nüüdseks tehtud)"},
    "compare.expectation.original": {"en": "(first asked: “{text}”)", "et": "(algselt: „{text}“)"},
    "compare.commitment.followed": {
        "en": "{activity}: commitment of {party}: “{text}”: {outcome}",
        "et": "{activity}: lubadus ({party}): „{text}“: {outcome}",
    },
    "compare.section.actions_followed": {
        "en": "Last time's next steps, as followed up ({count})",
        "et": "Eelmise korra sammud, nagu need üle vaadati ({count})",
    },
    "compare.line.wished": {"en": "wished: {change}", "et": "soovitud: {change}"},
    "compare.line.renamed": {"en": "earlier title: “{title}”", "et": "varasem pealkiri: „{title}“"},
    "compare.line.joined": {"en": "joined: {parties}", "et": "liitusid: {parties}"},
    "compare.line.left": {"en": "left: {parties}", "et": "lahkusid: {parties}"},
    "compare.state.open": {"en": "not answered", "et": "vastamata"},
    "compare.state.accepted": {"en": "accepted", "et": "vastu võetud"},
    "compare.state.amended_to": {"en": "amended to “{text}”", "et": "muudetud: „{text}“"},
    "compare.state.declined": {"en": "declined", "et": "tagasi lükatud"},
    "compare.expectation": {
        "en": "{activity}: {from} → {to}: “{text}”",
        "et": "{activity}: {from} → {to}: „{text}“",
    },
    "compare.expectation.added": {"en": "new, {state}", "et": "uus, {state}"},
    "compare.expectation.removed": {
        "en": "no longer there (was {state})",
        "et": "enam pole (oli {state})",
    },
    "compare.commitment.added": {
        "en": "{activity}: new commitment of {party}: “{text}”",
        "et": "{activity}: uus lubadus ({party}): „{text}“",
    },
    "compare.commitment.removed": {
        "en": "{activity}: commitment of the party {party} no longer there: “{text}”",
        "et": "{activity}: lubadust enam pole ({party}): „{text}“",
    },
    "compare.action": {"en": "{owner}: “{text}”", "et": "{owner}: „{text}“"},
}
