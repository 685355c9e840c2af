"""The intro view: the ladder explained rung by rung, paced for presenting."""

MESSAGES = {
    "intro.key.next": {"en": "Next page", "et": "Järgmine lehekülg"},
    "intro.key.previous": {"en": "Previous page", "et": "Eelmine lehekülg"},
    "intro.key.overview": {"en": "Whole ladder", "et": "Kogu redel"},
    "intro.key.approaches": {"en": "Approaches", "et": "Lähenemised"},
    "intro.key.rungs": {"en": "Rung", "et": "Aste"},
    "intro.key.rung": {"en": "Show {title}", "et": "Näita: {title}"},
    "intro.button.overview": {"en": "Ladder", "et": "Redel"},
    "intro.button.approaches": {"en": "Approaches", "et": "Lähenemised"},
    "intro.page": {"en": "{number} / {total}", "et": "{number} / {total}"},
    "intro.overview.title": {"en": "The ladder of joint activity", "et": "Ühistegevuse redel"},
    "intro.overview.subtitle": {  # {forms}: the scenario's count of rungs, spelled ("Four")
        "en": "{forms} forms of joint activity – click a rung or press its number",
        "et": "{forms} ühistegevuse vormi – klõpsa astmel või vajuta selle numbrit",
    },
    "intro.overview.subtitle.one": {
        "en": "{forms} form of joint activity – click the rung or press its number",
        "et": "{forms} ühistegevuse vorm – klõpsa astmel või vajuta selle numbrit",
    },
    "intro.overview.message": {
        "en": "“Collaboration” is often used for any joint activity, but partners mean quite different things by it.",
        "et": "Sõna „koostöö“ kasutatakse sageli igasuguse ühistegevuse kohta, kuid partnerid mõtlevad selle all üsna erinevaid asju.",
    },
    "intro.overview.forms": {
        "en": "The guide: “Every form of joint activity has its own possibilities – what matters is to be aware of them when organising the activity, and to agree on them.”",
        "et": "Juhend: „Kõigil ühistegevuse vormidel on omad võimalused – tähtis on neid tegevuse korraldamisel teadvustada ja neis kokku leppida.“",
    },
    "intro.overview.agree": {
        "en": "“That helps to avoid conflicts that come from different, un-negotiated expectations. A different understanding of the processes causes different expectations of both the results and the roles.”",
        "et": "„See aitab vältida erinevatest ja läbirääkimata ootustest tulenevaid konflikte. Protsesside erinev mõistmine põhjustab paraku erinevaid ootusi nii tulemustele kui ka rollidele.“",
    },
    "intro.overview.aim": {
        "en": "“According to the community safety model, the aim is to change, preventively, the social environment that affects safety.”",
        "et": "„Kogukondliku turvalisuse mudeli järgi on eesmärk ennetavalt muuta sotsiaalset keskkonda, mis turvalisust mõjutab.“",
    },
    "intro.overview.advice": {
        "en": "This tool's advice: place each activity where it is now, agree on where you want it to be – up, the same or down – and on who does what.",
        "et": "Selle tööriista soovitus: iga tegevus paigutatakse sinna, kus see praegu on, ja lepitakse kokku soovitud astmes – kas üles, samale astmele või alla – ning selles, kes mida teeb.",
    },
    "intro.rung.questions": {"en": "Questions to ask", "et": "Küsimused aruteluks"},
    "intro.rung.flows": {"en": "Directions of information flow", "et": "Info liikumise suunad"},
    "intro.rung.examples": {"en": "Examples from the guide", "et": "Näited juhendist"},
    "intro.approaches.title": {
        "en": "Approaches: how much residents take part",
        "et": "Lähenemised: kui palju kohalikud elanikud osalevad",
    },
    "intro.approaches.subtitle": {
        "en": "The more the community takes part, the stronger the effect on its social environment.",
        "et": "Mida rohkem kogukond osaleb, seda tugevam on mõju selle sotsiaalsele keskkonnale.",
    },
}
