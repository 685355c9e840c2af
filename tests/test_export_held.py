"""An open session whose file went away or broke still exports what it shows (`state_and_data`):
the JSON is the data the shown state was built from, so `import` brings the session back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitator.core.errors import SessionFileError
from facilitator.core.library import SessionLibrary
from facilitator.core.reports import export_files
from facilitator.core.service import SessionService
from tests.test_store import make_unreadable


@pytest.mark.parametrize("how", ["deleted", "folder", "corrupt", "newer"])
def test_the_shown_state_exports_when_the_file_is_unreadable(
    service: SessionService, tmp_path: Path, how: str
) -> None:
    police = service.add_party("Police")
    service.add_activity("Night walks", party_ids=[police])
    shown = service.session
    make_unreadable(service.path, how)
    session, data = service.state_and_data()
    assert data["meta"]["session"]["id"] == shown.id
    assert session is shown and service.trouble is not None
    ((name, body),) = export_files(service, "json").items()
    (tmp_path / name).write_bytes(body)
    back = SessionLibrary(tmp_path / "other").import_file(tmp_path / name)
    assert [a.title for a in back.session.activities] == ["Night walks"]
    assert json.loads(body)["events"]  # the whole log, parsed even if it was left for later
    assert b"Night walks" in export_files(service, "md")[f"{shown.id}.md"]


def test_a_file_never_read_is_not_exported_from_nothing(
    library: SessionLibrary, service: SessionService
) -> None:
    fresh = SessionService(service.path)
    service.path.unlink()
    with pytest.raises(SessionFileError):
        fresh.state_and_data()
