"""Make the README's pictures of the year after: run from the repository root.

    python docs/pictures_year_after.py

Builds a series of three English workshops from the demo in a temporary folder (each year made
with `new --from`, placed afresh, last year's promises followed up), then writes the history
chart of the series as docs/history.svg and one party's handout of the second year, drawn by
the distribution's Chromium on an A4 page, as docs/handout.png.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from facilitator.core.demo import create_demo
from facilitator.core.followup import promises
from facilitator.core.history import history
from facilitator.core.i18n import Translator
from facilitator.core.library import SessionLibrary
from facilitator.core.reports import export_files
from facilitator.core.reports.history_svg import history_svg
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService

DOCS = Path(__file__).resolve().parent
MOVES = {  # activity number (1-based) → (now, wished) in the second and third year
    2: [("cooperation", "coordination"), ("coordination", "coordination")],
    4: [("cooperation", "coordination"), ("coordination", "collaboration")],
    6: [("coordination", "coordination"), ("coordination", "collaboration")],
    9: [("coordination", "coordination"), ("coordination", "coordination")],
}


def next_year(library: SessionLibrary, earlier: SessionService, year: int, n: int) -> SessionService:
    service = library.create_from(earlier.session.id, date=f"{year}-12-06")
    before = earlier.session
    service.set_phase("followup")
    for i, item in enumerate(promises(service.session)):
        service.record_followup(item.id, ("done", "done", "partly", "not_done")[i % 4])
    service.set_phase("place")
    for number, a in enumerate(before.activities, start=1):
        if a.agreed_current is None:
            continue
        current, wished = MOVES.get(number, [(a.agreed_current, a.agreed_wished)] * 2)[n]
        for party in a.party_ids:
            service.place(a.id, party, current, wished or current)
        service.reveal(a.id)
        service.agree(a.id, current=current, wished=wished)
    service.set_phase("agree")
    for role in before.roles:  # the same roles as last year, and this year's promises
        service.set_role(role.activity_id, role.party_id, role.role_id)
    for c in before.commitments:
        service.add_commitment(c.activity_id, c.party_id, c.text)
    return service


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        library = SessionLibrary(Path(folder))
        first = create_demo(library, find_scenario("community-safety"))
        second = next_year(library, first, 2027, 0)
        third = next_year(library, second, 2028, 1)
        series = library.series(third.session.id)
        (DOCS / "history.svg").write_text(history_svg(history(series), Translator("en")), encoding="utf-8")
        pages = export_files(second, "handouts", lang="en", generated="2027-12-06 16:00")
        page = next(content for name, content in pages.items() if "-01-" in name)  # the police
        html = Path(folder) / "handout.html"
        html.write_bytes(page)
        subprocess.run(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--window-size=794,2100",
                f"--screenshot={DOCS / 'handout.png'}",
                html.as_uri(),
            ],
            check=True,
            capture_output=True,
        )


if __name__ == "__main__":
    main()
