"""Comparing two sessions side by side, and exporting reports, from the app."""

MESSAGES = {
    # ------------------------------------------------------------ keys and buttons
    "exchange.key.compare": {"en": "Compare…", "et": "Võrdle…"},
    "exchange.key.export": {"en": "Export…", "et": "Ekspordi…"},
    "exchange.key.home": {"en": "Home", "et": "Avaleht"},
    "exchange.key.filter": {"en": "Next filter", "et": "Järgmine filter"},
    "exchange.key.filter_back": {"en": "Previous filter", "et": "Eelmine filter"},
    "exchange.key.activities": {"en": "Activities", "et": "Tegevused"},
    "exchange.key.actions": {"en": "Next steps", "et": "Sammud"},
    "exchange.key.parties": {"en": "Parties", "et": "Osapooled"},
    "exchange.key.swap": {"en": "Swap A and B", "et": "Vaheta A ja B"},
    # ------------------------------------------------------------ choosing B
    "exchange.pick.title": {"en": "Compare two workshops", "et": "Võrdle kahte töötuba"},
    "exchange.pick.label": {
        "en": "Choose the one to compare with: the earlier is A, the later B (s swaps them).",
        "et": "Vali töötuba, millega võrrelda: varasem on A, hilisem B (s vahetab need).",
    },
    "exchange.pick.selected": {"en": "Selected:", "et": "Valitud:"},
    "exchange.pick.go": {"en": "Compare", "et": "Võrdle"},
    "exchange.pick.activities": {"en": "{count} activities", "et": "tegevusi {count}"},
    "exchange.pick.activities.one": {"en": "{count} activity", "et": "tegevusi {count}"},
    "exchange.compare.no_other": {
        "en": "There is no other session to compare with: create or import a second one first",
        "et": "Pole teist töötuba, millega võrrelda: loo või impordi enne teine",
    },
    "exchange.compare.unreadable": {
        "en": "Session {id} can't be opened: {error}",
        "et": "Töötuba {id} ei saa avada: {error}",
    },
    "exchange.compare.ladders": {
        "en": "These sessions can't be compared: the ladder of “{a}” has {a_rungs} rungs, that of “{b}” {b_rungs}. Only ladders of the same length can be compared.",
        "et": "Neid töötubasid ei saa võrrelda: töötoa „{a}“ redeli astmeid on {a_rungs}, töötoa „{b}“ redeli astmeid {b_rungs}. Võrrelda saab ainult sama pikki redeleid.",
    },
    # ------------------------------------------------------------ the comparison screen
    "exchange.compare.heading": {
        "en": "Comparison: what changed from A to B",
        "et": "Võrdlus: mis muutus A-st B-ni",
    },
    "exchange.compare.side_a": {"en": " A ", "et": " A "},
    "exchange.compare.side_b": {"en": " B ", "et": " B "},
    "exchange.compare.side_meta": {
        "en": "{when} · activities: {activities} · parties: {parties} · {scenario}",
        "et": "{when} · tegevusi {activities} · osapooli {parties} · {scenario}",
    },
    "exchange.compare.by_position": {
        "en": "Different ladders of the same length: rungs compared by their place",
        "et": "Redelid on erinevad, kuid sama pikad: astmeid võrreldakse koha järgi",
    },
    "exchange.compare.no_changes": {"en": "No changes", "et": "Muutusi pole"},
    "exchange.compare.swapped": {"en": "A and B swapped places", "et": "A ja B vahetasid kohad"},
    "exchange.summary.activities": {
        "en": "↑ {up} up · ↓ {down} down · = {same} same · ? {unrated} no rung to compare · + {new} new · − {dropped} dropped",
        "et": "↑ tõusis: {up} · ↓ langes: {down} · = sama: {same} · ? astmeta: {unrated} · + uued: {new} · − ära jäänud: {dropped}",
    },
    "exchange.summary.inside": {
        "en": "Changed: roles {roles} · expectations {expectations} · commitments {commitments} · parties: {parties_new} new, {parties_gone} gone",
        "et": "Muutunud — rollid: {roles} · ootused: {expectations} · lubadused: {commitments} · osapooled: uued {parties_new}, lahkunud {parties_gone}",
    },
    "exchange.summary.actions": {
        "en": "Steps of A: ✓ {done} done · ○ {open} still open · − {dropped} dropped · + {new} new in B",
        "et": "A sammud — ✓ tehtud: {done} · ○ veel tegemata: {open} · − ära jäänud: {dropped} · + uued B-s: {new}",
    },
    "exchange.summary.actions.series": {
        "en": "Steps of A: ✓ {done} done · ○ {open} still open · ↩ {followed} carried to follow up ({pending} not followed up yet) · − {dropped} dropped · + {new} new in B",
        "et": "A sammud — ✓ tehtud: {done} · ○ veel tegemata: {open} · ↩ üle vaadata: {followed} (veel üle vaatamata: {pending}) · − ära jäänud: {dropped} · + uued B-s: {new}",
    },
    "exchange.tab.activities": {"en": "Activities ({count})", "et": "Tegevused ({count})"},
    "exchange.tab.actions": {"en": "Next steps ({count})", "et": "Sammud ({count})"},
    "exchange.tab.parties": {"en": "Parties ({count})", "et": "Osapooled ({count})"},
    "exchange.filter.label": {"en": "Show:", "et": "Näita:"},
    "exchange.filter.hint": {"en": "f next · shift+f previous", "et": "f järgmine · shift+f eelmine"},
    "exchange.filter.all": {"en": "All", "et": "Kõik"},
    "exchange.filter.option": {"en": "{name} ({count})", "et": "{name} ({count})"},
    "exchange.filter.empty": {
        "en": "No activity with this kind of change. Press f for the next filter.",
        "et": "Sellise muutusega tegevusi pole. Vajuta f, et valida järgmine filter.",
    },
    "exchange.actions.empty": {
        "en": "Neither session has next steps to follow up.",
        "et": "Kummaski töötoas pole samme, mida jälgida.",
    },
    "exchange.parties.empty": {
        "en": "Neither session has parties yet.",
        "et": "Kummaski töötoas pole veel osapooli.",
    },
    # ------------------------------------------------------------ kinds of change (after a symbol)
    "exchange.change.up": {"en": "up", "et": "tõusis"},
    "exchange.change.down": {"en": "down", "et": "langes"},
    "exchange.change.same": {"en": "same", "et": "sama"},
    "exchange.change.unrated": {"en": "no rung", "et": "astmeta"},
    "exchange.change.new": {"en": "new", "et": "uus"},
    "exchange.change.dropped": {"en": "dropped", "et": "ära jäänud"},
    "exchange.change.changed": {"en": "changed", "et": "muutunud"},
    "exchange.action.done": {"en": "done", "et": "tehtud"},
    "exchange.action.open": {"en": "still open", "et": "veel tegemata"},
    "exchange.action.dropped": {"en": "dropped", "et": "ära jäänud"},
    "exchange.action.new": {"en": "new in B", "et": "uus B-s"},
    "exchange.action.followed.done": {"en": "followed up: done", "et": "üle vaadatud: tehtud"},
    "exchange.action.followed.partly": {"en": "followed up: partly", "et": "üle vaadatud: osaliselt"},
    "exchange.action.followed.not_done": {"en": "followed up: not done", "et": "üle vaadatud: tegemata"},
    "exchange.action.followed.dropped": {
        "en": "followed up: no longer needed",
        "et": "üle vaadatud: pole enam vaja",
    },
    "exchange.action.followed.none": {"en": "not followed up yet", "et": "veel üle vaatamata"},
    "exchange.detail.commitment.followed": {
        "en": "last time's commitment of {party}: “{text}”",
        "et": "eelmise korra lubadus ({party}): „{text}“",
    },
    "exchange.party.same": {"en": "same", "et": "sama"},
    "exchange.party.renamed": {"en": "renamed", "et": "ümbernimetatud"},
    "exchange.party.new": {"en": "new in B", "et": "uus B-s"},
    "exchange.party.gone": {"en": "only in A", "et": "ainult A-s"},
    # ------------------------------------------------------------ table columns
    "exchange.col.rung_a": {"en": "Rung in A", "et": "Aste A-s"},
    "exchange.col.activity": {"en": "Activity", "et": "Tegevus"},
    "exchange.col.rung_b": {"en": "Rung in B", "et": "Aste B-s"},
    "exchange.col.change": {"en": "Change", "et": "Muutus"},
    "exchange.col.others": {
        "en": "Other",
        "et": "Muud",
    },
    "exchange.col.status": {"en": "Status", "et": "Seis"},
    "exchange.col.owner": {"en": "Owner", "et": "Vastutaja"},
    "exchange.col.action": {"en": "Step", "et": "Samm"},
    "exchange.col.due": {"en": "Due", "et": "Tähtaeg"},
    "exchange.col.party_change": {"en": "Change", "et": "Muutus"},
    "exchange.col.party_a": {"en": "In A", "et": "A-s"},
    "exchange.col.party_b": {"en": "In B", "et": "B-s"},
    # ------------------------------------------------------------ the selected activity
    "exchange.detail.only_a": {
        "en": "Only in A: B does not have it (dropped).",
        "et": "Ainult A-s: B-s seda pole (ära jäänud).",
    },
    "exchange.detail.only_b": {
        "en": "Only in B: new since A.",
        "et": "Ainult B-s: uus võrreldes A-ga.",
    },
    "exchange.detail.rungs": {
        "en": "Agreed rung: {current} · wished: {wished}",
        "et": "Kokkulepitud aste: {current} · soovitud aste: {wished}",
    },
    "exchange.detail.parties": {"en": "Parties: {parties}", "et": "Osapooled: {parties}"},
    "exchange.detail.no_parties": {"en": "none", "et": "puuduvad"},
    "exchange.detail.roles_are": {"en": "Roles: {roles}", "et": "Rollid: {roles}"},
    "exchange.detail.counts": {
        "en": "Expectations: {expectations} · commitments: {commitments}",
        "et": "Ootusi: {expectations} · lubadusi: {commitments}",
    },
    "exchange.detail.rung_change": {"en": "{before} → {after} ({how})", "et": "{before} → {after} ({how})"},
    "exchange.detail.rung.agreed": {"en": "agreed in B only", "et": "kokku lepitud ainult B-s"},
    "exchange.detail.rung.cleared": {"en": "agreed in A only", "et": "kokku lepitud ainult A-s"},
    "exchange.detail.rung.none": {"en": "agreed in neither", "et": "kummaski kokku leppimata"},
    "exchange.detail.renamed": {
        "en": "Renamed: “{before}” → “{after}”",
        "et": "Ümber nimetatud: „{before}“ → „{after}“",
    },
    "exchange.detail.current": {"en": "Agreed rung: {change}", "et": "Kokkulepitud aste: {change}"},
    "exchange.detail.wished": {"en": "Wished rung: {change}", "et": "Soovitud aste: {change}"},
    "exchange.detail.by_position": {
        "en": "(the ladders differ: rungs are compared by their place on the ladder)",
        "et": "(redelid on erinevad: astmeid võrreldakse nende koha järgi redelil)",
    },
    "exchange.detail.joined": {"en": "Joined: {parties}", "et": "Liitusid: {parties}"},
    "exchange.detail.left": {"en": "Left: {parties}", "et": "Lahkusid: {parties}"},
    "exchange.detail.roles": {"en": "Role changes ({count}):", "et": "Rollide muutused ({count}):"},
    "exchange.detail.role": {"en": "{party}: {before} → {after}", "et": "{party}: {before} → {after}"},
    "exchange.detail.expectations": {
        "en": "Expectation changes ({count}):",
        "et": "Ootuste muutused ({count}):",
    },
    "exchange.detail.expectation": {"en": "{from} → {to}: “{text}”", "et": "{from} → {to}: „{text}“"},
    "exchange.detail.expectation.added": {"en": "new, {state}", "et": "uus, {state}"},
    "exchange.detail.expectation.removed": {
        "en": "no longer there (was {state})",
        "et": "enam pole (oli {state})",
    },
    "exchange.detail.declined_because": {
        "en": "declined (“{reason}”)",
        "et": "tagasi lükatud („{reason}“)",
    },
    "exchange.detail.commitments": {
        "en": "Commitment changes ({count}):",
        "et": "Lubaduste muutused ({count}):",
    },
    "exchange.detail.commitment.added": {
        "en": "new commitment of {party}: “{text}”",
        "et": "uus lubadus ({party}): „{text}“",
    },
    "exchange.detail.commitment.removed": {
        "en": "commitment of the party {party} no longer there: “{text}”",
        "et": "lubadust enam pole ({party}): „{text}“",
    },
    "exchange.detail.nothing_else": {
        "en": "Roles, expectations and commitments: no changes.",
        "et": "Rollid, ootused ja lubadused: muutusi pole.",
    },
    # ------------------------------------------------------------ export
    "exchange.export.title": {"en": "Export “{title}”", "et": "Ekspordi „{title}“"},
    "exchange.export.format": {"en": "Format", "et": "Vorming"},
    "exchange.export.format.md": {"en": "md · the report in Markdown", "et": "md · aruanne Markdownis"},
    "exchange.export.format.html": {
        "en": "html · the report as one web page, with drawings",
        "et": "html · aruanne ühe veebilehena, koos joonistega",
    },
    "exchange.export.format.csv": {
        "en": "csv · 7 tables for a spreadsheet (a folder)",
        "et": "csv · 7 tabelit arvutustabeli jaoks (kaust)",
    },
    "exchange.export.format.json": {
        "en": "json · the whole session, re-importable",
        "et": "json · kogu töötuba, uuesti imporditav",
    },
    "exchange.export.format.svg": {
        "en": "svg · the ladder and partnership drawings (a folder)",
        "et": "svg · redeli ja partnerluse joonised (kaust)",
    },
    "exchange.export.language": {"en": "Language", "et": "Keel"},
    "exchange.export.public_label": {"en": "Version", "et": "Versioon"},
    "exchange.export.public": {
        "en": "Public: no personal names or non-public notes",
        "et": "Avalik: isikunimede ja mitteavalike märkusteta",
    },
    "exchange.export.target": {
        "en": "Write to (a file for md, html and json; a folder for csv, svg and handouts):",
        "et": "Kuhu kirjutada (md, html ja json: fail; csv, svg ja osapoolte lehed: kaust):",
    },
    "exchange.export.hint.file": {
        "en": "One file. A folder given here gets the file {name}; missing folders are made. An existing file is replaced.",
        "et": "Üks fail. Kausta korral kirjutatakse sinna fail {name}; puuduvad kaustad luuakse. Olemasolev fail asendatakse.",
    },
    "exchange.export.from_shown": {
        "en": "The workshop's file can't be read now: what is shown is exported (JSON: all of it; "
        "facilitator import takes it back).",
        "et": "Töötoa faili ei saa praegu lugeda: eksporditakse näidatu (JSON: kõik; "
        "facilitator import toob selle tagasi).",
    },
    "exchange.export.hint.folder": {
        "en": "{count} files into this folder (made if missing): {first} … {last}. Files of the same names are replaced.",
        "et": "Faile sellesse kausta: {count} (kaust luuakse vajadusel): {first} … {last}. Samanimelised failid asendatakse.",
    },
    "exchange.export.no_target": {
        "en": "Give a file or a folder to write to",
        "et": "Anna fail või kaust, kuhu kirjutada",
    },
    "exchange.export.go": {"en": "Export", "et": "Ekspordi"},
    "exchange.export.done": {
        "en": "Exported: {count} files written",
        "et": "Eksporditud: kirjutatud faile: {count}",
    },
    "exchange.export.done.one": {
        "en": "Exported: {count} file written",
        "et": "Eksporditud: kirjutatud faile: {count}",
    },
    "exchange.export.failed": {"en": "Export failed", "et": "Eksport ebaõnnestus"},
}
