"""A session file deleted, moved or broken while the workshop shows it: the whole session is on
screen, and the export (ctrl+e) saves it from there, in every format; the JSON is what
`facilitator import` takes back. Before, every export failed with "session file not found"
and nothing that was shown could be got out (a tester's finding, F14)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitator.core.library import SessionLibrary
from facilitator.core.service import SessionService
from facilitator.ui.screens.workshop import WorkshopScreen
from tests.test_store import make_unreadable

from .helpers import MakeApp, notifications, until
from .test_export_dialog import errors, export, open_from_workshop, plain


@pytest.mark.parametrize("how", ["deleted", "corrupt", "newer"])
async def test_what_is_shown_is_exported_when_the_file_is_gone(
    make_app: MakeApp, empty_session: SessionService, ui_library: SessionLibrary, tmp_path: Path, how: str
) -> None:
    party = empty_session.add_party("Police")
    empty_session.add_party("Town")
    empty_session.add_activity("Night walks", party_ids=[party])
    app = make_app(empty_session, lang="et")
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WorkshopScreen), "the workshop")
        app.screen.set_focus(None)
        make_unreadable(empty_session.path, how)
        after_break = empty_session.path.read_bytes() if empty_session.path.is_file() else None
        said = app.t("file.cannot_save_now", reason="")
        await until(pilot, lambda: any(n.startswith(said) for n in notifications(app)), "the notice")
        assert "ctrl+e → JSON" in said
        await pilot.press("]")
        for fmt, name in [("md", "x.md"), ("html", "x.html"), ("csv", "tables"), ("json", "x.json")]:
            dialog = await open_from_workshop(app, pilot)
            assert app.t("exchange.export.from_shown") in plain(dialog.query_one("#export-hint"))
            await export(app, pilot, dialog, fmt, tmp_path / name)
            assert isinstance(app.screen, WorkshopScreen), plain(dialog.query_one("#export-problem"))
        assert not [n for n in errors(app) if "ksport" in n], notifications(app)
        assert "Night walks" in (tmp_path / "x.html").read_text(encoding="utf-8")
        assert "Night walks" in (tmp_path / "x.md").read_text(encoding="utf-8")
        assert any("Night walks" in p.read_text(encoding="utf-8") for p in (tmp_path / "tables").iterdir())
        # The file left as the world left it: nothing written over it.
        assert (empty_session.path.read_bytes() if empty_session.path.is_file() else None) == after_break
    saved = json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))
    assert saved["meta"]["session"]["schema"] != 99
    other = SessionLibrary(tmp_path / "elsewhere")
    back = other.import_file(tmp_path / "x.json")
    assert [a.title for a in back.session.activities] == ["Night walks"]
    assert [p.name for p in back.session.parties] == ["Police", "Town"]
