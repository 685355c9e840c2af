"""Handouts: one printable page per party (`export --format handouts`)."""

MESSAGES = {
    "handout.kind": {"en": "Our page from the partnership workshop", "et": "Meie leht partnerluse töötoast"},
    "handout.fact.workshop": {"en": "Workshop", "et": "Töötuba"},
    "handout.fact.people": {"en": "Taking part for us", "et": "Meilt osalesid"},
    "handout.public.notice": {
        "en": "Public version: people's names are left out.",
        "et": "Avalik versioon: inimeste nimed on välja jäetud.",
    },
    "handout.authors.intro": {
        "en": "Each commitment, expectation and answer on this page is marked with how it was recorded: “from a phone” — the party sent it itself, from its own phone; “entered by the facilitator” — the facilitator entered it for the party.",
        "et": "Iga selle lehe lubaduse, ootuse ja vastuse juures on märgitud, kuidas see kirja sai: „telefonist“ – osapool saatis selle ise oma telefonist; „sisestas läbiviija“ – läbiviija sisestas selle osapoole eest.",
    },
    "handout.authors.facilitator": {
        "en": "Every commitment, expectation and answer on this page was entered by the facilitator for the parties; none was sent from a phone.",
        "et": "Kõik selle lehe lubadused, ootused ja vastused sisestas osapoolte eest läbiviija; ühtki neist ei saadetud telefonist.",
    },
    "handout.activities": {"en": "Activities we take part in", "et": "Tegevused, milles osaleme"},
    "handout.activities.none": {
        "en": "We take part in no activity of this workshop.",
        "et": "Me ei osale selle töötoa üheski tegevuses.",
    },
    "handout.col.activity": {"en": "Activity", "et": "Tegevus"},
    "handout.col.rung": {"en": "Agreed rung (→ wished)", "et": "Kokkulepitud aste (→ soovitud)"},
    "handout.col.role": {"en": "Our role", "et": "Meie roll"},
    "handout.col.with": {"en": "Together with", "et": "Koos"},
    "handout.rung.open": {"en": "not agreed yet", "et": "veel kokku leppimata"},
    "handout.role.none": {"en": "not set", "et": "määramata"},
    "handout.commitments": {"en": "What we committed to", "et": "Mida me lubasime"},
    "handout.commitments.none": {"en": "No commitments recorded.", "et": "Lubadusi pole kirja pandud."},
    "handout.expected_of": {
        "en": "What others expect of us, and our answers",
        "et": "Mida teised meilt ootavad ja meie vastused",
    },
    "handout.expected_of.none": {
        "en": "No one has recorded an expectation of us.",
        "et": "Keegi pole meilt ootusi kirja pannud.",
    },
    "handout.expects": {
        "en": "What we expect of others, and their answers",
        "et": "Mida meie teistelt ootame ja nende vastused",
    },
    "handout.expects.none": {
        "en": "We recorded no expectations of others.",
        "et": "Me ei pannud teistele ootusi kirja.",
    },
    "handout.steps": {"en": "Our next steps", "et": "Meie järgmised sammud"},
    "handout.steps.none": {"en": "No next steps are ours.", "et": "Meie vastutusel pole järgmisi samme."},
    "handout.due": {"en": "due", "et": "tähtaeg"},
    "handout.footer": {
        "en": "Made with facilitator {version} · session {id} · {generated}",
        "et": "Koostatud programmiga facilitator {version} · töötuba {id} · {generated}",
    },
    "exchange.export.format.handouts": {
        "en": "handouts · one printable page per party (a folder)",
        "et": "osapoolte lehed · iga osapoole prinditav leht (kaust)",
    },
    "web.handout.link": {"en": "Your party's page", "et": "Teie osapoole leht"},
    "web.handout.hint": {
        "en": "A printable page of what your party agreed to.",
        "et": "Prinditav leht sellest, milles teie osapool kokku leppis.",
    },
    "web.refused.handout_open": {
        "en": "Your party's page opens once the workshop is closed.",
        "et": "Teie osapoole leht avaneb, kui töötuba on suletud.",
    },
    "web.refused.handout_party": {
        "en": "Your party's page opens once you have chosen your party.",
        "et": "Teie osapoole leht avaneb, kui olete oma osapoole valinud.",
    },
}
