"""Review mode: the read-only dashboard and the timeline of recorded changes."""

MESSAGES = {
    # ------------------------------------------------------------ keys and tabs
    "review.key.review": {"en": "Review", "et": "Vaata üle"},
    "review.key.back": {"en": "Home", "et": "Avaleht"},
    "review.key.quit": {"en": "Close", "et": "Sulge"},
    "review.key.dashboard": {"en": "Dashboard", "et": "Koondvaade"},
    "review.key.timeline": {"en": "Timeline", "et": "Ajajoon"},
    "review.key.history": {"en": "History", "et": "Ajalugu"},
    "review.key.phase_previous": {"en": "Previous phase", "et": "Eelmine etapp"},
    "review.key.phase_next": {"en": "Next phase", "et": "Järgmine etapp"},
    "review.key.phase_pick": {"en": "Phases", "et": "Etapid"},
    "review.key.first": {"en": "First", "et": "Algus"},
    "review.key.last": {"en": "Last", "et": "Lõpp"},
    "review.button.phase_previous": {"en": "◀ Phase", "et": "◀ Etapp"},
    "review.button.phase_next": {"en": "Phase ▶", "et": "Etapp ▶"},
    "review.button.first": {"en": "⏮ First", "et": "⏮ Algus"},
    "review.button.last": {"en": "Last ⏭", "et": "Lõpp ⏭"},
    "review.tab.dashboard": {"en": "Dashboard", "et": "Koondvaade"},
    "review.tab.history": {"en": "History", "et": "Ajalugu"},
    "review.tab.timeline": {"en": "Timeline ({count})", "et": "Ajajoon ({count})"},
    "review.none": {"en": "—", "et": "—"},
    # ------------------------------------------------------------ header
    "review.badge": {"en": "READ-ONLY REVIEW", "et": "AINULT VAATAMISEKS"},
    "review.badge.help": {
        "en": "Nothing you do here changes the workshop.",
        "et": "Siin tehtu töötuba ei muuda.",
    },
    "review.meta.date": {"en": "Date: {date}", "et": "Kuupäev: {date}"},
    "review.meta.place": {"en": "Place: {place}", "et": "Koht: {place}"},
    "review.meta.facilitator": {"en": "Facilitator: {name}", "et": "Läbiviija: {name}"},
    "review.meta.scenario": {"en": "Scenario: {scenario}", "et": "Stsenaarium: {scenario}"},
    "review.meta.phase": {"en": "Last phase: {phase}", "et": "Viimane etapp: {phase}"},
    "review.meta.phase.none": {"en": "Not started", "et": "Pole alustatud"},
    # ------------------------------------------------------------ dashboard
    "review.counts": {
        "en": "Activities: {total} · rung agreed: {agreed} · not agreed yet: {open} · fully signed off: {signed}",
        "et": "Tegevusi: {total} · aste kokku lepitud: {agreed} · veel kokku leppimata: {open} · kõigi osapoolte kinnitusega: {signed}",
    },
    "review.rungs.heading": {
        "en": "Activities per rung: agreed now and wished",
        "et": "Tegevused astmete kaupa: praegu ja soovitud (kokku lepitud)",
    },
    "review.chart.current": {"en": "█ Agreed: now", "et": "█ Kokku lepitud: praegu"},
    "review.chart.wished": {"en": "▒ Agreed: wished", "et": "▒ Kokku lepitud: soovitud"},
    "review.rungs.not_agreed": {
        "en": "Not agreed yet: {count}",
        "et": "Veel kokku leppimata: {count}",
    },
    "review.approaches.heading": {"en": "Approaches", "et": "Lähenemised"},
    "review.approaches.unset": {"en": "No approach chosen", "et": "Lähenemine valimata"},
    "review.pairs.heading": {
        "en": "Partnership matrix: who does what with whom",
        "et": "Partnerluse maatriks: kes teeb kellega mida",
    },
    "review.pairs.col.a": {"en": "Party", "et": "Osapool"},
    "review.pairs.col.b": {"en": "With", "et": "Koos osapoolega"},
    "review.pairs.col.activities": {"en": "Activities", "et": "Tegevusi"},
    "review.pairs.col.agreed": {"en": "Rung agreed", "et": "Aste kokku lepitud"},
    "review.pairs.col.highest": {"en": "Highest rung", "et": "Kõrgeim aste"},
    "review.pairs.empty": {
        "en": "No two parties share an activity yet.",
        "et": "Ühelgi kahel osapoolel pole veel ühist tegevust.",
    },
    "review.mismatches.heading": {
        "en": "Mismatches: {count}",
        "et": "Lahknevusi: {count}",
    },
    "review.mismatches.none": {
        "en": "No mismatches: the parties are aligned on everything recorded.",
        "et": "Lahknevusi pole: osapooled on kõiges kirja pandus ühel meelel.",
    },
    "review.mismatches.col.kind": {"en": "Kind", "et": "Liik"},
    "review.mismatches.col.explanation": {"en": "What is not aligned", "et": "Milles pole kokku lepitud"},
    "review.actions.heading": {
        "en": "Next steps by owner and due date: open {open} (overdue {overdue}), done {done}",
        "et": "Sammud vastutaja ja tähtaja järgi: tegemata {open} (tähtaeg möödas: {overdue}), tehtud {done}",
    },
    "review.actions.none": {"en": "No next steps recorded.", "et": "Samme pole kirja pandud."},
    "review.actions.col.owner": {"en": "Owner", "et": "Vastutaja"},
    "review.actions.col.due": {"en": "Due", "et": "Tähtaeg"},
    "review.actions.col.status": {"en": "Status", "et": "Olek"},
    "review.actions.col.action": {"en": "Next step", "et": "Järgmine samm"},
    "review.actions.col.activity": {"en": "Activity", "et": "Tegevus"},
    "review.actions.overdue": {"en": "⚠ overdue", "et": "⚠ tähtaeg möödas"},
    "review.actions.open": {"en": "○ open", "et": "○ tegemata"},
    "review.actions.done": {"en": "✓ done", "et": "✓ tehtud"},
    "review.actions.no_due": {"en": "no date", "et": "tähtajata"},
    "review.signoff.heading": {
        "en": "Sign-off per activity: signed off by every party: {complete} of {total}",
        "et": "Kinnitused tegevuste kaupa: kõigi osapoolte kinnitusega {complete}/{total}",
    },
    "review.signoff.col.activity": {"en": "Activity", "et": "Tegevus"},
    "review.signoff.col.signed": {"en": "Signed", "et": "Kinnitanud"},
    "review.signoff.col.status": {"en": "Status", "et": "Olek"},
    "review.signoff.count": {"en": "{signed}/{total}", "et": "{signed}/{total}"},
    "review.signoff.complete": {"en": "✓ signed by all", "et": "✓ kõik kinnitanud"},
    "review.signoff.missing": {"en": "○ waiting for: {parties}", "et": "○ ootab: {parties}"},
    "review.signoff.no_parties": {"en": "no parties yet", "et": "osapooli veel pole"},
    "review.empty": {
        "en": "No activities in this workshop.",
        "et": "Selles töötoas pole tegevusi.",
    },
    # ------------------------------------------------------------ timeline
    "review.col.when": {"en": "When", "et": "Aeg"},
    "review.col.who": {"en": "Who", "et": "Kes"},
    "review.col.what": {"en": "What", "et": "Mida"},
    "review.timeline.start": {"en": "Workshop created", "et": "Töötuba loodud"},
    "review.timeline.position": {
        "en": "After change {index} of {total} · {when} · {who}",
        "et": "Pärast muudatust {index}/{total} · {when} · {who}",
    },
    "review.timeline.position.start": {
        "en": "Before the first change (of {total}) · {when}",
        "et": "Enne esimest muudatust (muudatusi kokku: {total}) · {when}",
    },
    "review.timeline.phase": {"en": "Phase then: {phase}", "et": "Etapp toona: {phase}"},
    "review.timeline.phase.none": {
        "en": "Phase then: setup (no phase started)",
        "et": "Etapp toona: ettevalmistus (ükski etapp polnud alanud)",
    },
    "review.timeline.counts": {
        "en": "Activities: {total} · rung agreed: {agreed} · revealed: {revealed}",
        "et": "Tegevusi: {total} · aste kokku lepitud: {agreed} · avalikustatud: {revealed}",
    },
    "review.timeline.computing": {"en": "Rebuilding the board…", "et": "Taastan tahvlit…"},
    "review.timeline.broken": {
        "en": "The board can't be rebuilt from change {index} on: {reason}",
        "et": "Tahvlit ei saa taastada alates muudatusest {index}: {reason}",
    },
    "review.timeline.hint": {
        "en": "↑↓ or a click: one change at a time · [ ] phase starts · Home/End: first/last",
        "et": "↑↓ või klõps: muudatus haaval · [ ] etappide algused · Home/End: algus/lõpp",
    },
    "review.board.rung": {"en": "{rung} ({count})", "et": "{rung} ({count})"},
    "review.board.tray": {
        "en": "Not yet on the ladder ({count})",
        "et": "Veel redelil pole ({count})",
    },
    "review.board.empty": {"en": "No activities yet.", "et": "Tegevusi veel pole."},
    "review.board.agreed": {"en": "✓ agreed", "et": "✓ kokku lepitud"},
    "review.board.wished": {"en": "wished: {rung}", "et": "soovitud: {rung}"},
    "review.board.not_placed": {"en": "○ not placed", "et": "○ paigutamata"},
    "review.board.placed": {
        "en": "◐ placed {placed}/{total} · hidden",
        "et": "◐ paigutanud {placed}/{total} · peidus",
    },
    "review.board.same": {
        "en": "= revealed, same view: {views}",
        "et": "= avalikustatud, sama arvamus: {views}",
    },
    "review.board.differ": {
        "en": "≠ revealed, views differ: {views}",
        "et": "≠ avalikustatud, arvamused erinevad: {views}",
    },
    "review.board.no_parties": {"en": "no parties yet", "et": "osapooli veel pole"},
    "review.board.round": {"en": "round {round}", "et": "{round}. voor"},
    "review.phase.prompt": {"en": "Phase starts…", "et": "Etappide algused…"},
    "review.phase.none": {"en": "No phase changes recorded", "et": "Etapivahetusi pole salvestatud"},
    "review.phase.option": {"en": "{when} · {phase}", "et": "{when} · {phase}"},
    "review.phase.no_earlier": {"en": "No earlier phase start.", "et": "Varasemat etapi algust pole."},
    "review.phase.no_later": {"en": "No later phase start.", "et": "Hilisemat etapi algust pole."},
    "review.actor.facilitator": {"en": "facilitator", "et": "läbiviija"},
    # ------------------------------------------------------------ events in words
    "review.field.title": {"en": "title", "et": "pealkiri"},
    "review.field.date": {"en": "date", "et": "kuupäev"},
    "review.field.place": {"en": "place", "et": "koht"},
    "review.field.facilitator": {"en": "facilitator", "et": "läbiviija"},
    "review.event.session.updated": {
        "en": "Changed the workshop details ({fields})",
        "et": "Muutis töötoa andmeid ({fields})",
    },
    "review.event.phase.changed": {"en": "Moved to the phase “{phase}”", "et": "Liikus etappi „{phase}“"},
    "review.event.party.added": {"en": "Added the party “{party}”", "et": "Lisas osapoole „{party}“"},
    "review.event.party.updated": {"en": "Changed the party “{party}”", "et": "Muutis osapoolt „{party}“"},
    "review.event.party.renamed": {
        "en": "Renamed the party “{old}” to “{party}”",
        "et": "Nimetas osapoole „{old}“ ümber: „{party}“",
    },
    "review.event.party.removed": {"en": "Removed the party “{party}”", "et": "Eemaldas osapoole „{party}“"},
    "review.event.participant.added": {
        "en": "Added the participant “{name}” ({party})",
        "et": "Lisas osaleja „{name}“ ({party})",
    },
    "review.event.participant.removed": {
        "en": "Removed the participant “{name}”",
        "et": "Eemaldas osaleja „{name}“",
    },
    "review.event.activity.added": {
        "en": "Added the activity “{activity}”",
        "et": "Lisas tegevuse „{activity}“",
    },
    "review.event.activity.updated": {
        "en": "Changed the activity “{activity}”",
        "et": "Muutis tegevust „{activity}“",
    },
    "review.event.activity.renamed": {
        "en": "Renamed the activity “{old}” to “{activity}”",
        "et": "Nimetas tegevuse „{old}“ ümber: „{activity}“",
    },
    "review.event.activity.removed": {
        "en": "Removed the activity “{activity}”",
        "et": "Eemaldas tegevuse „{activity}“",
    },
    "review.event.activity.reordered": {
        "en": "Moved “{activity}” in the list",
        "et": "Tõstis tegevuse „{activity}“ loetelus ümber",
    },
    "review.event.placement.recorded": {
        "en": "The placement of the party {party} for “{activity}” (hidden until the reveal)",
        "et": "„{activity}“ – osapoole {party} paigutus (peidus kuni avalikustamiseni)",
    },
    "review.event.activity.revealed": {
        "en": "Revealed the placements of “{activity}”: {views}",
        "et": "Avalikustas tegevuse „{activity}“ paigutused: {views}",
    },
    "review.event.activity.revealed.none": {
        "en": "Revealed “{activity}” (nobody had placed it)",
        "et": "Avalikustas tegevuse „{activity}“ (keegi polnud seda paigutanud)",
    },
    "review.event.agreed": {
        "en": "Agreed “{activity}”: {current}",
        "et": "Kokkulepe: „{activity}“ – {current}",
    },
    "review.event.agreed.wished": {
        "en": "Agreed “{activity}”: {current}, wished {wished}",
        "et": "Kokkulepe: „{activity}“ – praegu {current}, soovitud aste {wished}",
    },
    "review.event.agreed.wish_only": {
        "en": "Agreed the wished rung of “{activity}”: {wished}",
        "et": "Kokkulepe: „{activity}“ – soovitud aste {wished}",
    },
    "review.event.agreed.cleared": {
        "en": "Took “{activity}” off the ladder (no agreed rung)",
        "et": "Võttis tegevuse „{activity}“ redelilt maha (aste kokku leppimata)",
    },
    "review.event.agreed.note": {
        "en": "Changed the agreement note of “{activity}”",
        "et": "Muutis tegevuse „{activity}“ kokkuleppe märkust",
    },
    "review.event.activity.revote": {
        "en": "Started a new round of placements for “{activity}”",
        "et": "Alustas tegevuse „{activity}“ paigutamise uut vooru",
    },
    "review.event.role.set": {
        "en": "{party}: role “{role}” in “{activity}”",
        "et": "{party}: roll „{role}“ tegevuses „{activity}“",
    },
    "review.event.role.cleared": {
        "en": "{party}: no role in “{activity}” any more",
        "et": "{party}: tegevuses „{activity}“ enam rolli pole",
    },
    "review.event.commitment.added": {
        "en": "New commitment in “{activity}” ({party}): “{text}”",
        "et": "Uus lubadus tegevuses „{activity}“ ({party}): „{text}“",
    },
    "review.event.commitment.updated": {
        "en": "Changed a commitment in “{activity}” ({party}): “{text}”",
        "et": "Muutis lubadust tegevuses „{activity}“ ({party}): „{text}“",
    },
    "review.event.commitment.removed": {
        "en": "Removed a commitment in “{activity}” ({party}): “{text}”",
        "et": "Eemaldas lubaduse tegevuses „{activity}“ ({party}): „{text}“",
    },
    "review.event.expectation.added": {
        "en": "New expectation in “{activity}” ({from} → {to}): “{text}”",
        "et": "Uus ootus tegevuses „{activity}“ ({from} → {to}): „{text}“",
    },
    "review.event.expectation.accepted": {
        "en": "Expectation accepted ({from} → {to}): “{text}”",
        "et": "Ootus võeti vastu ({from} → {to}): „{text}“",
    },
    "review.event.expectation.amended": {
        "en": "Expectation amended ({from} → {to}): “{response}”",
        "et": "Ootust muudeti ({from} → {to}): „{response}“",
    },
    "review.event.expectation.declined": {
        "en": "Expectation declined ({from} → {to}): “{text}”; reason: {response}",
        "et": "Ootus lükati tagasi ({from} → {to}): „{text}“; põhjus: {response}",
    },
    "review.event.expectation.open": {
        "en": "Expectation not answered again ({from} → {to}): “{text}”",
        "et": "Ootus on taas vastamata ({from} → {to}): „{text}“",
    },
    "review.event.expectation.removed": {
        "en": "Removed an expectation in “{activity}” ({from} → {to})",
        "et": "Eemaldas ootuse tegevuses „{activity}“ ({from} → {to})",
    },
    "review.event.field.set": {
        "en": "“{activity}”: filled in “{field}”",
        "et": "„{activity}“: täitis välja „{field}“",
    },
    "review.event.field.cleared": {
        "en": "“{activity}”: emptied “{field}”",
        "et": "„{activity}“: tühjendas välja „{field}“",
    },
    "review.event.signoff.given": {
        "en": "“{activity}”: signed off ({party})",
        "et": "„{activity}“: kokkuleppe kinnitus ({party})",
    },
    "review.event.signoff.withdrawn": {
        "en": "“{activity}”: sign-off withdrawn ({party})",
        "et": "„{activity}“: kinnitus võeti tagasi ({party})",
    },
    "review.event.action.added": {
        "en": "New next step, owner {owner}: “{text}”",
        "et": "Uus samm, vastutaja {owner}: „{text}“",
    },
    "review.event.action.added.due": {
        "en": "New next step, owner {owner}, due {due}: “{text}”",
        "et": "Uus samm, vastutaja {owner}, tähtaeg {due}: „{text}“",
    },
    "review.event.action.updated": {"en": "Changed the next step “{text}”", "et": "Muutis sammu „{text}“"},
    "review.event.action.done": {"en": "✓ Next step done: “{text}”", "et": "✓ Samm tehtud: „{text}“"},
    "review.event.action.reopened": {
        "en": "Next step not done after all: “{text}”",
        "et": "Samm polnudki tehtud: „{text}“",
    },
    "review.event.action.removed": {"en": "Removed the next step “{text}”", "et": "Eemaldas sammu „{text}“"},
    "review.event.unknown": {"en": "Change “{kind}”", "et": "Muudatus „{kind}“"},
    "review.event.entered_for": {
        "en": " · entered by the facilitator for the party {party}",
        "et": " · sisestas läbiviija osapoole {party} eest",
    },
    "review.event.from_phone": {"en": " · from a phone ({device})", "et": " · telefonist ({device})"},
    "review.event.reopened": {
        "en": " (sign-offs to sign again: {parties})",
        "et": " (uuesti kinnitada tuleb: {parties})",
    },
}
