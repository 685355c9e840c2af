"""The collect view and its dialogs: activities, and the guide's examples."""

MESSAGES = {
    "collect.key.quick_add": {"en": "Add activity", "et": "Lisa tegevus"},
    "collect.key.to_list": {"en": "To the list", "et": "Nimekirja"},
    "collect.key.add": {"en": "Add (form)", "et": "Lisa (vorm)"},
    "collect.key.edit": {"en": "Edit", "et": "Muuda"},
    "collect.key.remove": {"en": "Remove", "et": "Eemalda"},
    "collect.key.examples": {"en": "Guide's examples", "et": "Juhendi näited"},
    "collect.key.quick": {"en": "Quick add", "et": "Kiirlisamine"},
    "collect.quick.what": {"en": "a new activity's title", "et": "uue tegevuse pealkiri"},
    "collect.quick.placeholder": {
        "en": "New activity: type its title and press enter",
        "et": "Uus tegevus: kirjuta pealkiri ja vajuta Enter",
    },
    "collect.empty": {
        "en": "No activities yet. Type a title above and press enter. Outside the typing field (tab), a opens the full form and g the guide's examples; the buttons below do the same.",
        "et": "Tegevusi veel pole. Kirjuta ülal pealkiri ja vajuta Enter. Väljaspool kirjutamisvälja (Tab) avab a kogu vormi ja g juhendi näited; sama teevad all olevad nupud.",
    },
    "collect.button.add": {"en": "Add…", "et": "Lisa…"},
    "collect.button.edit": {"en": "Edit…", "et": "Muuda…"},
    "collect.button.remove": {"en": "Remove", "et": "Eemalda"},
    "collect.button.examples": {"en": "Guide's examples…", "et": "Juhendi näited…"},
    "collect.col.title": {"en": "Activity", "et": "Tegevus"},
    "collect.col.parties": {"en": "Parties", "et": "Osapooled"},
    "collect.col.approach": {"en": "Approach", "et": "Lähenemine"},
    "collect.detail.concerns": {"en": "Concerns: {names}", "et": "Puudutab: {names}"},
    "collect.detail.flows": {"en": "Information flows: {flows}", "et": "Info liikumise suunad: {flows}"},
    "collect.no_title": {
        "en": "An activity needs a title",
        "et": "Tegevusel peab olema pealkiri",
    },
    "collect.added": {"en": "Added “{title}”", "et": "Lisatud „{title}“"},
    "collect.saved": {"en": "Saved “{title}”", "et": "Salvestatud „{title}“"},
    "collect.removed": {"en": "Removed “{title}”", "et": "Eemaldatud „{title}“"},
    "collect.none_selected": {"en": "Select an activity first", "et": "Vali enne tegevus"},
    "collect.gone": {
        "en": "That activity was removed meanwhile; nothing was saved",
        "et": "See tegevus on vahepeal eemaldatud; midagi ei salvestatud",
    },
    "collect.edit.confirm_parties": {
        "en": "Take these parties off “{title}”: {names}? Their placements, roles and sign-offs for this activity are removed too.",
        "et": "Kas võtta tegevusest „{title}“ välja osapooled: {names}? Nende paigutused, rollid ja kinnitused selle tegevuse kohta eemaldatakse samuti.",
    },
    "collect.remove.confirm": {
        "en": "Remove the activity “{title}”? Its placements, roles, commitments, expectations, agreement, sign-offs and next steps are removed too. This can't be undone.",
        "et": "Kas eemaldada tegevus „{title}“? Koos sellega eemaldatakse selle paigutused, rollid, lubadused, ootused, kokkulepe, kinnitused ja järgmised sammud. Seda ei saa tagasi võtta.",
    },
    "collect.remove.yes": {"en": "Remove", "et": "Eemalda"},
    "collect.dialog.key.save": {"en": "Save", "et": "Salvesta"},
    "collect.dialog.add": {"en": "New activity", "et": "Uus tegevus"},
    "collect.dialog.edit": {"en": "Edit activity", "et": "Tegevuse muutmine"},
    "collect.dialog.title": {"en": "Title", "et": "Pealkiri"},
    "collect.dialog.description": {"en": "Description", "et": "Kirjeldus"},
    "collect.dialog.parties": {
        "en": "Parties involved (space ticks)",
        "et": "Osalevad osapooled (tühik märgib)",
    },
    "collect.dialog.no_parties": {
        "en": "No parties yet: add them in Setup.",
        "et": "Osapooli veel pole: lisa need ettevalmistuses.",
    },
    "collect.dialog.concerns": {
        "en": "Affected groups concerned",
        "et": "Keda see puudutab",
    },
    "collect.dialog.no_concerns": {
        "en": "No affected groups in this workshop.",
        "et": "Töötoas pole puudutatud rühmi.",
    },
    "collect.dialog.approach": {
        "en": "Approaches (space ticks; several allowed)",
        "et": "Lähenemised (tühik märgib, võib mitu)",
    },
    "collect.dialog.flows": {
        "en": "Directions of information flow (communication)",
        "et": "Info liikumise suunad (kommunikatsioon)",
    },
    "collect.examples.none": {
        "en": "This scenario has no examples",
        "et": "Selles stsenaariumis pole näiteid",
    },
    "collect.examples.key.add": {"en": "Add chosen", "et": "Lisa valitud"},
    "collect.examples.key.all": {"en": "All / none", "et": "Kõik / mitte ühtegi"},
    "collect.examples.heading": {"en": "Good examples from the guide", "et": "Juhendi head näited"},
    "collect.examples.intro": {
        "en": "Tick the examples to start from (space); each becomes an activity with its description and parties. Set it in your own place: the guide's examples are a starting point. The directions of information flow given to the communication examples are this tool's reading, not the guide's.",
        "et": "Märgi näited, millest alustada (tühik); igast saab tegevus koos kirjelduse ja osapooltega. Kohanda see oma paigale: juhendi näited on lähtekoht. Kommunikatsiooni näidetele antud info liikumise suunad on selle tööriista tõlgendus, mitte juhendi oma.",
    },
    "collect.examples.already": {"en": "already added", "et": "juba lisatud"},
    "collect.examples.all": {"en": "All / none", "et": "Kõik / mitte ühtegi"},
    "collect.examples.add": {"en": "Add chosen", "et": "Lisa valitud"},
    "collect.examples.add_parties": {
        "en": "Also add the missing parties to this workshop",
        "et": "Lisa puuduvad osapooled ka töötuppa",
    },
    "collect.examples.none_chosen": {"en": "Nothing ticked yet.", "et": "Midagi pole veel märgitud."},
    "collect.examples.missing": {
        "en": "Examples ticked: {count}. Parties not in this workshop yet: {names}.",
        "et": "Märgitud näiteid: {count}. Töötoas veel puuduvad osapooled: {names}.",
    },
    "collect.examples.all_present": {
        "en": "Examples ticked: {count}. All their parties are in this workshop.",
        "et": "Märgitud näiteid: {count}. Kõik nende osapooled on töötoas olemas.",
    },
    "collect.examples.pick_one": {"en": "Tick at least one example", "et": "Märgi vähemalt üks näide"},
    "collect.examples.done": {
        "en": "Activities added: {activities}; parties added: {parties}",
        "et": "Lisatud tegevusi: {activities}; lisatud osapooli: {parties}",
    },
}
