"""The new-workshop dialog's scenario list with the facilitator's own scenario files: a copy of a
shipped scenario under a new id (same title) is told apart by its id, and files that could not be
offered (broken, an id already taken) are said, with the command that says why. Before, the two
titles were alike and the refused files silently absent (a tester's finding, F15)."""

from __future__ import annotations

import pytest
from textual.widgets import Label, Select

from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import builtin_scenario_dir
from facilitator.ui.dialogs.common import NewSessionDialog
from facilitator.ui.screens.workshop import WorkshopScreen

from .helpers import MakeApp, until

SAID = {
    "et": "2 stsenaariumifaili ei sobinud: katki.toml, mine2.toml (facilitator scenario check FAIL",
    "en": "2 scenario files were not usable: katki.toml, mine2.toml (facilitator scenario check FILE",
}


def own_scenarios(library: SessionLibrary) -> None:
    """mine.toml: the Estonian scenario as id "minu"; mine2.toml the same id again; katki.toml broken."""
    folder = library.scenarios_dir
    folder.mkdir(parents=True, exist_ok=True)
    text = (builtin_scenario_dir() / "kogukondlik-turvalisus.toml").read_text(encoding="utf-8")
    lines = text.splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("id ="))
    lines[at] = 'id = "minu"'
    (folder / "mine.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "mine2.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "katki.toml").write_text("id = [broken\n", encoding="utf-8")


@pytest.mark.parametrize("lang", ["et", "en"])
async def test_own_scenarios_are_told_apart_and_refused_files_said(
    make_app: MakeApp, ui_library: SessionLibrary, lang: str
) -> None:
    own_scenarios(ui_library)
    app = make_app(lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, NewSessionDialog), "the dialog")
        dialog = app.screen
        select: Select[str] = dialog.query_one("#scenario", Select)
        shown = [str(prompt) for prompt, _value in select._options]
        title = next(p for p in shown if p.endswith("(minu)")).removesuffix(" (minu)")
        assert f"{title} (kogukondlik-turvalisus)" in shown  # the shipped one, by its id too
        assert sum(p.startswith(title) for p in shown) == 2
        assert all("(" not in p for p in shown if not p.startswith(title))  # a unique title alone
        refused = dialog.query_one("#scenario-refused", Label)
        assert refused.display and str(refused.render()).startswith(SAID[lang])
        # The own one is the one made from.
        select.value = "minu"
        await pilot.press(*"Minu oma", "enter")
        await until(pilot, lambda: isinstance(app.screen, WorkshopScreen), "the workshop")
    (made,) = ui_library.list()
    assert ui_library.open(made.id).session.scenario.id == "minu"


async def test_nothing_refused_says_nothing(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, NewSessionDialog), "the dialog")
        assert not app.screen.query_one("#scenario-refused", Label).display
