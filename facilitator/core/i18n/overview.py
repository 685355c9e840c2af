"""The overview: mismatches by kind, the role matrix, the partnership matrix."""

MESSAGES = {
    # ------------------------------------------------------------ opening it
    "overview.header.count": {"en": "⚠ {count}", "et": "⚠ {count}"},
    "overview.header.none": {"en": "✓ 0", "et": "✓ 0"},
    "overview.header.tooltip": {
        "en": "To discuss: {count}; bookkeeping (roles not recorded, sign-offs): {bookkeeping}. Click or press F2 for the overview (mismatches, roles, partnerships).",
        "et": "Arutada: {count}; vormistada (rollid kirja panemata, kinnitused): {bookkeeping}. Klõpsa või vajuta F2, et avada ülevaade (lahknevused, rollid, partnerlused).",
    },
    # ------------------------------------------------------------ the screen
    "overview.title": {"en": "Overview: {title}", "et": "Ülevaade: {title}"},
    "overview.counts": {
        "en": "To discuss: {discuss} · bookkeeping: {bookkeeping} · activities: {activities} · parties: {parties}",
        "et": "Arutada: {discuss} · vormistada: {bookkeeping} · tegevusi: {activities} · osapooli: {parties}",
    },
    "overview.tab.mismatches": {"en": "1 Mismatches ({count})", "et": "1 Lahknevused ({count})"},
    "overview.tab.roles": {"en": "2 Roles", "et": "2 Rollid"},
    "overview.tab.partners": {"en": "3 Partnerships", "et": "3 Partnerlused"},
    "overview.key.close": {"en": "Back to the workshop", "et": "Tagasi töötuppa"},
    "overview.key.mismatches": {"en": "Mismatches", "et": "Lahknevused"},
    "overview.key.roles": {"en": "Roles", "et": "Rollid"},
    "overview.key.partners": {"en": "Partnerships", "et": "Partnerlused"},
    "overview.key.fix": {"en": "Go there", "et": "Mine sinna"},
    "overview.key.kind": {"en": "Next kind", "et": "Järgmine liik"},
    "overview.cmd.kind": {
        "en": "Show mismatches: {kind} ({count})",
        "et": "Näita lahknevusi: {kind} ({count})",
    },
    "overview.cmd.kind.help": {
        "en": "Only this kind of mismatch in the overview's list",
        "et": "Ülevaate loendis ainult seda liiki lahknevused",
    },
    "overview.no_activities": {
        "en": "No activities yet, so there is nothing to compare. Collect the activities first.",
        "et": "Tegevusi veel pole, seega pole midagi võrrelda. Kogu kõigepealt tegevused.",
    },
    "overview.no_phase": {
        "en": "This workshop's agenda has no phase where that is fixed.",
        "et": "Selle töötoa päevakorras pole etappi, kus seda lahendada.",
    },
    "overview.none_selected": {
        "en": "Choose a mismatch or an activity first.",
        "et": "Vali kõigepealt lahknevus või tegevus.",
    },
    "overview.button.fix": {"en": "Go there ▶", "et": "Mine sinna ▶"},
    # ------------------------------------------------------------ mismatches
    "overview.kinds.all": {"en": "All kinds", "et": "Kõik liigid"},
    "overview.group.discuss": {"en": "To discuss", "et": "Arutada"},
    "overview.group.bookkeeping": {"en": "Bookkeeping", "et": "Vormistada"},
    "overview.key.bookkeeping": {"en": "Hide/show bookkeeping", "et": "Peida/näita vormistamist"},
    "overview.cmd.bookkeeping.hide": {
        "en": "Hide bookkeeping mismatches (no role yet, not signed off)",
        "et": "Peida vormistamise lahknevused (roll puudub, kinnitamata)",
    },
    "overview.cmd.bookkeeping.show": {
        "en": "Show bookkeeping mismatches too (no role yet, not signed off)",
        "et": "Näita ka vormistamise lahknevusi (roll puudub, kinnitamata)",
    },
    "overview.cmd.bookkeeping.help": {
        "en": "What to discuss stays listed first either way",
        "et": "Arutamist vajav on igal juhul loendis eespool",
    },
    "overview.bookkeeping.hidden": {
        "en": "Bookkeeping hidden ({count}): press b to show it",
        "et": "Vormistamine peidetud ({count}): näitamiseks vajuta b",
    },
    "overview.col.number": {"en": "#", "et": "#"},
    "overview.col.activity": {"en": "Activity", "et": "Tegevus"},
    "overview.col.kind": {"en": "Kind", "et": "Liik"},
    "overview.col.explanation": {"en": "Explanation", "et": "Selgitus"},
    "overview.mismatches.only_bookkeeping": {
        "en": "Nothing left to discuss. The bookkeeping (roles not recorded, sign-offs) is hidden: press b to show it.",
        "et": "Arutada pole enam midagi. Vormistamine (kirja panemata rollid, kinnitused) on peidetud: näitamiseks vajuta b.",
    },
    "overview.mismatches.empty": {
        "en": "No mismatches: the parties are aligned on everything recorded so far.",
        "et": "Lahknevusi pole: osapooled on kõiges seni kirja pandus ühel meelel.",
    },
    "overview.mismatch.where": {
        "en": "fixed in “{phase}”",
        "et": "lahendatakse etapis „{phase}“",
    },
    # ------------------------------------------------------------ roles
    "overview.roles.legend": {
        "en": "★ leads the activity · — takes part, no role yet · empty: does not take part",
        "et": "★ juhib tegevust · — osaleb, kuid rolli veel pole · tühi: ei osale",
    },
    "overview.roles.none": {"en": "—", "et": "—"},
    "overview.roles.lead": {"en": "★ {role}", "et": "★ {role}"},
    "overview.roles.no_role": {"en": "— no role yet", "et": "— rolli veel pole"},
    "overview.roles.no_parties": {"en": "No parties yet.", "et": "Osapooli veel pole."},
    "overview.roles.approaches": {"en": "Approaches: {approaches}", "et": "Lähenemised: {approaches}"},
    "overview.roles.flows": {"en": "Information flows: {flows}", "et": "Info liikumise suunad: {flows}"},
    "overview.roles.where": {
        "en": "roles are agreed in “{phase}”",
        "et": "rollid lepitakse kokku etapis „{phase}“",
    },
    # ------------------------------------------------------------ partnerships
    "overview.partners.legend": {
        "en": "Each cell: the highest rung agreed in a shared activity (how many activities they share) · –: none agreed yet",
        "et": "Igas lahtris: kõrgeim ühises tegevuses kokkulepitud aste (ühiste tegevuste arv) · –: veel kokku leppimata",
    },
    "overview.partners.col.party": {"en": "Party", "et": "Osapool"},
    "overview.partners.cell": {"en": "{rung} ({activities})", "et": "{rung} ({activities})"},
    "overview.partners.cell.none": {"en": "– ({activities})", "et": "– ({activities})"},
    "overview.partners.self": {"en": "·", "et": "·"},
    "overview.partners.empty": {
        "en": "No two parties share an activity yet.",
        "et": "Ühelgi kahel osapoolel pole veel ühist tegevust.",
    },
    "overview.pair.one": {
        "en": "{a} – {b}: 1 activity together",
        "et": "{a} – {b}: ühiseid tegevusi 1",
    },
    "overview.pair.many": {
        "en": "{a} – {b}: {activities} activities together",
        "et": "{a} – {b}: ühiseid tegevusi {activities}",
    },
    "overview.pair.highest": {
        "en": "Highest agreed: {rung} ({agreed} of them agreed so far)",
        "et": "Kõrgeim kokkulepitud aste: {rung} (neist kokku lepitud: {agreed})",
    },
    "overview.pair.none": {
        "en": "No rung agreed yet in any of them.",
        "et": "Neist ühelgi pole astet veel kokku lepitud.",
    },
    "overview.pair.apart": {
        "en": "{a} – {b}: no shared activity.",
        "et": "{a} – {b}: ühist tegevust pole.",
    },
    "overview.pair.self": {
        "en": "{a} — activities in all: {activities}",
        "et": "{a} — tegevusi kokku: {activities}",
    },
    "overview.pair.activities": {"en": "Together: {titles}", "et": "Koos: {titles}"},
    "overview.pair.title": {"en": "“{title}”", "et": "„{title}“"},
}
