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
    "intro.overview.subtitle": {
        "en": "From least to most joint – click a rung or press its number",
        "et": "Vähimast kõige ühisemani – klõpsa astmel või vajuta selle numbrit",
    },
    "intro.overview.message": {
        "en": "“Collaboration” is often used for any joint activity, but partners mean quite different things by it.",
        "et": "Sõna „koostöö” kasutatakse sageli igasuguse ühistegevuse kohta, kuid partnerid mõtlevad selle all üsna erinevaid asju.",
    },
    "intro.overview.no_better": {
        "en": "No rung is better than another: every form of joint activity has its own possibilities.",
        "et": "Ükski aste ei ole teisest parem: igal ühistegevuse vormil on omad võimalused.",
    },
    "intro.overview.agree": {
        "en": "What matters is to see which form you are in – and to agree on it. That avoids conflicts that come from different, unspoken expectations of the results and of the roles.",
        "et": "Tähtis on näha, millises vormis te olete – ja selles kokku leppida. See aitab vältida konflikte, mis tulenevad erinevatest ja läbirääkimata ootustest nii tulemustele kui ka rollidele.",
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
