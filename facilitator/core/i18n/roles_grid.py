"""The role grid and the quick ways of roles and expectations: signing off for all, parties by key."""

MESSAGES = {
    "grid.title": {
        "en": "Roles: every activity × every party",
        "et": "Rollid: kõik tegevused × kõik osapooled",
    },
    "grid.legend": {
        "en": "Type a role's number: {roles}  ·  0 clears  ·  {none} no role yet  ·  {outside} not in the activity",
        "et": "Vajuta rolli numbrit: {roles}  ·  0 eemaldab  ·  {none} rollita  ·  {outside} pole tegevuses",
    },
    "grid.moves_on": {
        "en": "After a number the cursor moves on to the next party by itself: type the next number, no →.",
        "et": "Pärast numbrit liigub kursor ise järgmisele osapoolele: vajuta kohe järgmist numbrit, → pole vaja.",
    },
    "grid.cell": {
        "en": "The party {party} in “{activity}”: {role}",
        "et": "Tegevus „{activity}“ – {party}: {role}",
    },
    "grid.cell.no_role": {"en": "no role yet", "et": "rolli veel pole"},
    "grid.cell.outside": {
        "en": "The party {party} is not in “{activity}” (add it in the Collect phase)",
        "et": "Tegevuses „{activity}“ ei osale: {party} (lisa see tegevuste kogumise etapis)",
    },
    "grid.empty": {
        "en": "No activities or parties yet.",
        "et": "Tegevusi või osapooli veel pole.",
    },
    "grid.refused.outside": {
        "en": "This party is not in the activity: it can have no role there.",
        "et": "See osapool ei ole tegevuses: tal ei saa seal rolli olla.",
    },
    "grid.refused.number": {
        "en": "There are {count} roles: type 1–{count}, or 0 to clear.",
        "et": "Rolle on {count}: vajuta 1–{count} või 0, et eemaldada.",
    },
    "grid.refused.number.one": {
        "en": "There is {count} role: type 1, or 0 to clear.",
        "et": "Rolle on {count}: vajuta 1 või 0, et eemaldada.",
    },
    "grid.key.close": {"en": "Back", "et": "Tagasi"},
    "grid.cmd.role": {"en": "Role {number}: {role}", "et": "Roll {number}: {role}"},
    "grid.cmd.clear": {"en": "Role 0: none (clear)", "et": "Roll 0: puudub (eemalda)"},
    "grid.cmd.role.help": {
        "en": "for the party and activity of the grid's cursor",
        "et": "tabeli kursori all oleva osapoole ja tegevuse jaoks",
    },
    "grid.key.next": {"en": "Next party's cell", "et": "Järgmise osapoole lahter"},
    "grid.key.previous": {"en": "Previous party's cell", "et": "Eelmise osapoole lahter"},
    "grid.button.close": {"en": "Back", "et": "Tagasi"},
    "agree.key.grid": {"en": "Role grid", "et": "Rollide tabel"},
    "agree.button.grid": {"en": "Role grid", "et": "Rollide tabel"},
    "agree.key.sign_all": {"en": "All present sign off", "et": "Kõik kohalolijad kinnitavad"},
    "signall.confirm": {
        "en": "Sign off “{activity}” for {count} parties present: {parties}?",
        "et": "Kas kinnitada tegevuse „{activity}“ kokkulepe kohalolevate osapoolte ({count}) eest: {parties}?",
    },
    "signall.confirm.one": {
        "en": "Sign off “{activity}” for the one party present: {parties}?",
        "et": "Kas kinnitada tegevuse „{activity}“ kokkulepe ainsa kohaloleva osapoole eest: {parties}?",
    },
    "signall.absent": {
        "en": "Not present (no participant, no phone), not signed: {parties}.",
        "et": "Kohal pole (pole osalejat ega telefoni), ei kinnita: {parties}.",
    },
    "signall.button": {"en": "Sign off", "et": "Kinnita"},
    "signall.none": {
        "en": "Every party present has signed off this activity.",
        "et": "Kõik kohalolevad osapooled on selle tegevuse kinnitanud.",
    },
    "signall.done": {
        "en": "{count} parties signed off “{activity}”.",
        "et": "{count} osapoolt kinnitas tegevuse „{activity}“.",
    },
    "signall.done.one": {
        "en": "{count} party signed off “{activity}”.",
        "et": "{count} osapool kinnitas tegevuse „{activity}“.",
    },
    "expectation.keys": {
        "en": "From and to: a party's number or first letter",
        "et": "Kellelt ja kellele: osapoole number või esitäht",
    },
}
