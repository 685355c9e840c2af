"""What the room is on (phase, timers, the open placement), participants' limits, and edit clashes."""

MESSAGES = {
    # ------------------------------------------------------------ the timeline
    "room.event.placement.opened": {
        "en": "Opened “{activity}” for placement",
        "et": "Avas tegevuse „{activity}“ paigutamiseks",
    },
    "room.event.placement.closed": {"en": "Closed the placement", "et": "Sulges paigutamise"},
    "room.event.timer.start": {
        "en": "Started the timer of “{phase}”",
        "et": "Käivitas etapi „{phase}“ taimeri",
    },
    "room.event.timer.pause": {"en": "Paused the timer of “{phase}”", "et": "Peatas etapi „{phase}“ taimeri"},
    "room.event.timer.add": {
        "en": "Timer of “{phase}”: now {minutes} min",
        "et": "Etapi „{phase}“ taimer: nüüd {minutes} min",
    },
    "room.event.timer.reset": {
        "en": "Reset the timer of “{phase}”",
        "et": "Lähtestas etapi „{phase}“ taimeri",
    },
    "room.event.timer.set": {"en": "Set the timer of “{phase}”", "et": "Seadis etapi „{phase}“ taimeri"},
    "room.event.timer.plan": {
        "en": "Planned {minutes} min for “{phase}”",
        "et": "Kavandas etapile „{phase}“ {minutes} min",
    },
    # ------------------------------------------------------------ the timer in the app
    "timer.minutes.title": {"en": "Minutes planned for this phase", "et": "Selle etapi kavandatud minutid"},
    "timer.minutes.label": {"en": "Minutes (1–600)", "et": "Minutid (1–600)"},
    "timer.minutes.bad": {
        "en": "Give the minutes as a whole number from 1 to 600.",
        "et": "Anna minutid täisarvuna 1 kuni 600.",
    },
    "timer.reset.confirm": {
        "en": "Reset the timer of “{phase}” to {count} minutes? The time run so far is dropped.",
        "et": "Kas lähtestada etapi „{phase}“ taimer {count} minutile? Seni kulunud aeg jäetakse kõrvale.",
    },
    "timer.reset.confirm.one": {
        "en": "Reset the timer of “{phase}” to {count} minute? The time run so far is dropped.",
        "et": "Kas lähtestada etapi „{phase}“ taimer {count} minutile? Seni kulunud aeg jäetakse kõrvale.",
    },
    "timer.reset.button": {"en": "Reset", "et": "Lähtesta"},
    # ------------------------------------------------------------ the board: cards out of sight
    "board.more.above": {"en": "▲ {n} more above", "et": "▲ veel {n} üleval"},
    "board.more.below": {"en": "▼ {n} more below", "et": "▼ veel {n} all"},
    # ------------------------------------------------------------ refusals
    "error.round_open": {
        "en": "Placement for “{activity}” is still open: reveal it first (Enter), then agree on its rung.",
        "et": "Tegevuse „{activity}“ paigutamine on veel pooleli: enne tuleb see avalikustada (Enter), siis saab astme kokku leppida.",
    },
    "error.revote_unrevealed": {
        "en": "Reveal this round before starting a new round.",
        "et": "Enne uut vooru tuleb selle vooru paigutused avalikustada.",
    },
    "error.not_yours": {
        "en": "Only the party an expectation is addressed to can answer it.",
        "et": "Ootusele saab vastata ainult osapool, kellele see on suunatud.",
    },
    "error.not_involved_to": {
        "en": "An expectation goes to another party of the same activity.",
        "et": "Ootuse saab esitada ainult sama tegevuse teisele osapoolele.",
    },
    "error.not_allowed": {
        "en": "Only the facilitator can do that.",
        "et": "Seda saab teha ainult läbiviija.",
    },
    # ------------------------------------------------------------ a form saved over a change elsewhere
    "edit.clash": {
        "en": "“{field}” was changed elsewhere while you edited it. It is now “{theirs}”; you wrote “{mine}”. Save yours?",
        "et": "Välja „{field}“ muudeti vahepeal mujal. Nüüd on seal „{theirs}“, sina kirjutasid „{mine}“. Kas salvestada sinu oma?",
    },
    "edit.clash.mine": {"en": "Save mine", "et": "Salvesta minu oma"},
    "edit.changed_meanwhile": {
        "en": "Another device changed this while the question was open; this is how it is now.",
        "et": "Teine seade muutis seda küsimuse ajal; nüüd on see nii.",
    },
    "edit.field.parties": {"en": "Parties", "et": "Osapooled"},
    "edit.field.approach": {"en": "Approaches", "et": "Lähenemised"},
    "edit.field.flows": {"en": "Information flows", "et": "Info liikumise suunad"},
    "edit.field.concerns": {"en": "Affected groups concerned", "et": "Keda see puudutab"},
}
