"""The summary view, and the interim agree view (agreed rung and its agreement fields).

The agree keys live here while the agree view is the small interim one; they keep the
`agree.` prefix so that they can move to their own module with the full phase.
"""

MESSAGES = {
    # ------------------------------------------------------------ summary
    "summary.counts": {
        "en": "Activities: {total} · agreed: {agreed} · not agreed yet: {open} · open actions: {actions}",
        "et": "Tegevusi: {total} · kokku lepitud: {agreed} · veel kokku leppimata: {open} · avatud samme: {actions}",
    },
    "summary.chart.current": {"en": "Agreed: now", "et": "Kokku lepitud: praegu"},
    "summary.chart.wished": {"en": "Agreed: wished", "et": "Kokku lepitud: soovitud"},
    "summary.col.number": {"en": "#", "et": "#"},
    "summary.col.activity": {"en": "Activity", "et": "Tegevus"},
    "summary.col.parties": {"en": "Parties", "et": "Osapooled"},
    "summary.col.current": {"en": "Agreed now", "et": "Praegu"},
    "summary.col.wished": {"en": "Wished", "et": "Soovitud"},
    "summary.col.note": {"en": "Note", "et": "Märkus"},
    "summary.col.status": {"en": "Status", "et": "Olek"},
    "summary.none": {"en": "—", "et": "—"},
    "summary.empty": {
        "en": "No activities yet: collect them in the Collect phase.",
        "et": "Tegevusi veel pole: kogu need tegevuste kogumise etapis.",
    },
    "summary.status.agreed": {"en": "✓ agreed", "et": "✓ kokku lepitud"},
    "summary.status.not_placed": {"en": "○ not placed", "et": "○ paigutamata"},
    "summary.status.placed": {"en": "• placed {placed}/{total}", "et": "• paigutanud {placed}/{total}"},
    "summary.status.same": {"en": "= revealed: same view", "et": "= avalikustatud: sama arvamus"},
    "summary.status.differ": {"en": "≠ revealed: views differ", "et": "≠ avalikustatud: arvamused erinevad"},
    "summary.actions.heading": {"en": "Open actions ({count})", "et": "Avatud sammud ({count})"},
    "summary.actions.none": {"en": "No open actions.", "et": "Avatud samme pole."},
    "summary.actions.col.action": {"en": "Next step", "et": "Järgmine samm"},
    "summary.actions.col.owner": {"en": "Owner", "et": "Vastutaja"},
    "summary.actions.col.due": {"en": "Due", "et": "Tähtaeg"},
    "summary.actions.col.activity": {"en": "Activity", "et": "Tegevus"},
    # ------------------------------------------------------------ agree (interim)
    "agree.activities": {"en": "Activities", "et": "Tegevused"},
    "agree.list.none": {"en": "○ no rung agreed yet", "et": "○ aste veel kokku leppimata"},
    "agree.empty": {
        "en": "No activities yet: collect them in the Collect phase.",
        "et": "Tegevusi veel pole: kogu need tegevuste kogumise etapis.",
    },
    "agree.rung": {"en": "Agreed rung: {current}", "et": "Kokku lepitud aste: {current}"},
    "agree.rung.wished": {
        "en": "Agreed rung: {current} · wished: {wished}",
        "et": "Kokku lepitud aste: {current} · soovitud: {wished}",
    },
    "agree.no_rung": {
        "en": "No rung agreed yet: place and reveal this activity on the ladder, then agree on its rung. The agreement fields follow the agreed rung.",
        "et": "Astet pole veel kokku lepitud: paigutage ja avalikustage see tegevus redelil ning leppige kokku selle aste. Kokkuleppe väljad sõltuvad kokku lepitud astmest.",
    },
    "agree.no_fields": {
        "en": "This rung has no agreement fields in the scenario.",
        "et": "Stsenaariumis pole selle astme jaoks kokkuleppe välju.",
    },
    "agree.fields": {"en": "What the parties agree on", "et": "Milles osapooled kokku lepivad"},
    "agree.saved": {"en": "Saved: {field}", "et": "Salvestatud: {field}"},
    "agree.key.save": {"en": "Save fields", "et": "Salvesta väljad"},
    "agree.button.save": {"en": "Save", "et": "Salvesta"},
}
