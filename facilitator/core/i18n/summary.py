"""The summary view: counts per rung, the activities, the open actions."""

MESSAGES = {
    # ------------------------------------------------------------ summary
    "summary.counts": {
        "en": "Activities: {total} · agreed: {agreed} · not agreed yet: {open} · open next steps: {actions}",
        "et": "Tegevusi: {total} · kokku lepitud: {agreed} · veel kokku leppimata: {open} · tegemata samme: {actions}",
    },
    "summary.chart.current": {"en": "Agreed: now", "et": "Kokku lepitud: praegu"},
    "summary.chart.wished": {"en": "Agreed: wished", "et": "Kokku lepitud: soovitud"},
    "summary.col.number": {"en": "#", "et": "#"},
    "summary.col.activity": {"en": "Activity", "et": "Tegevus"},
    "summary.col.parties": {"en": "Parties", "et": "Osapooled"},
    "summary.col.current": {"en": "Agreed now", "et": "Praegu"},
    "summary.col.wished": {"en": "Wished", "et": "Soovitud"},
    "summary.col.note": {"en": "Note", "et": "Märkus"},
    "summary.note": {"en": "Note: {note}", "et": "Märkus: {note}"},
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
    "summary.actions.heading": {"en": "Open next steps ({count})", "et": "Tegemata sammud ({count})"},
    "summary.actions.none": {"en": "No open next steps.", "et": "Tegemata samme pole."},
    "summary.actions.col.action": {"en": "Next step", "et": "Järgmine samm"},
    "summary.actions.col.owner": {"en": "Owner", "et": "Vastutaja"},
    "summary.actions.col.due": {"en": "Due", "et": "Tähtaeg"},
    "summary.actions.col.activity": {"en": "Activity", "et": "Tegevus"},
}
