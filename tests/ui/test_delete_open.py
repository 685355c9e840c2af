"""`facilitator delete` of a session a workshop runs on: the app showing it on this computer
marks it open (`core.open_marks`), and another process's `delete --yes` refuses in one line
(exit 2); asked in a terminal, it warns before the question. Before, it deleted without a word
and the room had nothing to save into (a tester's finding, F14)."""

from __future__ import annotations

import asyncio
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.cli import EXIT_USER_ERROR, main
from facilitator.core.open_marks import held_elsewhere, mark_open, unmark
from facilitator.core.service import SessionService
from facilitator.ui.screens.workshop import WorkshopScreen

from .helpers import MakeApp, until


def delete_elsewhere(session_id: str, lang: str) -> subprocess.CompletedProcess[str]:
    """`facilitator --lang LANG delete ID --yes` in a process of its own (this one holds the app)."""
    return subprocess.run(
        [sys.executable, "-m", "facilitator", "--lang", lang, "delete", session_id, "--yes"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
    )


@pytest.mark.parametrize(
    ("lang", "said"), [("et", "on selles arvutis avatud"), ("en", "is open on this computer")]
)
async def test_delete_yes_refuses_a_session_open_in_the_app(
    make_app: MakeApp, empty_session: SessionService, lang: str, said: str
) -> None:
    app = make_app(empty_session)
    session_id = empty_session.session.id
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WorkshopScreen), "the workshop")
        result = await asyncio.to_thread(delete_elsewhere, session_id, lang)
        assert result.returncode == EXIT_USER_ERROR, result
        assert result.stdout == "" and len(result.stderr.splitlines()) == 1, result.stderr
        assert said in result.stderr and str(os.getpid()) in result.stderr
        assert empty_session.path.is_file()
    # The app closed: its mark went with it, and delete goes ahead.
    result = await asyncio.to_thread(delete_elsewhere, session_id, lang)
    assert result.returncode == 0, result.stderr
    assert not empty_session.path.exists()


class FakeTty(io.StringIO):
    def isatty(self) -> bool:
        return True


HOLDER = (
    "import sys, time; from pathlib import Path; from facilitator.core.open_marks import mark_open; "
    "print(mark_open(Path(sys.argv[1])), flush=True); time.sleep(30)"
)


def holding(session: SessionService) -> tuple[subprocess.Popen[str], Path]:
    """Another process that holds the session open (its mark, locked while it runs)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(session.path)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None
    return holder, Path(holder.stdout.readline().strip())


def test_a_mark_nobody_holds_is_swept_whatever_its_process_id(empty_session: SessionService) -> None:
    """A mark left by a process that ended (killed, a crash) under an id a live program has now
    (after a restart: here this test's parent process) is stale: the lock says so, not the id."""
    mark = mark_open(empty_session.path)
    assert mark is not None
    left = mark.with_name(mark.name.rsplit(".", 1)[0] + f".{os.getppid()}")
    left.touch()  # nobody holds it
    assert held_elsewhere(empty_session.path) == []
    assert not left.exists()
    unmark(mark)
    assert not mark.exists()


def test_delete_asked_in_a_terminal_warns_first(
    empty_session: SessionService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process holds it (its mark, locked): the question says so first."""
    sleeper, other = holding(empty_session)
    try:
        assert other.exists()
        assert held_elsewhere(empty_session.path) == [sleeper.pid]
        monkeypatch.setattr(sys, "stdin", FakeTty("n\n"))
        err = io.StringIO()
        code = main(["--lang", "et", "delete", empty_session.session.id], out=io.StringIO(), err=err)
        assert code == 0
        assert err.getvalue().startswith(
            f"Hoiatus: töötuba {empty_session.session.id} on selles arvutis avatud"
        )
        assert empty_session.path.is_file()
    finally:
        sleeper.kill()
        sleeper.wait()
    assert held_elsewhere(empty_session.path) == []  # an ended process's mark is swept away
    assert not other.exists()


async def test_the_home_screens_delete_says_the_session_is_open_elsewhere(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    from textual.widgets import Static

    from facilitator.ui.dialogs.common import ConfirmDialog
    from tests.ui.test_placement import screen_text

    sleeper, _mark = holding(empty_session)
    try:
        app = make_app(lang="et")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("d")
            await until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
            said = screen_text(app)
            assert f"See on praegu selles arvutis avatud (protsess {sleeper.pid}" in said, said
            assert app.screen.query(Static)
            await pilot.press("escape")
    finally:
        sleeper.kill()
        sleeper.wait()
    assert empty_session.path.is_file()


def test_delete_yes_refuses_a_session_served_to_phones(service: SessionService, data_dir: Path) -> None:
    """`facilitator serve` holds it too: one line, exit 2, the file kept; after ctrl+c it goes."""
    from tests.web.test_serve_cli import serving

    session_id = service.session.id
    with serving(data_dir, service, "--port", "0") as served:
        err = io.StringIO()
        code = main(["delete", session_id, "--yes"], out=io.StringIO(), err=err)
        assert code == EXIT_USER_ERROR
        assert err.getvalue().count("\n") == 1 and f"process {served.proc.pid}" in err.getvalue()
        assert service.path.is_file()
    assert main(["delete", session_id, "--yes"], out=io.StringIO(), err=io.StringIO()) == 0
    assert not service.path.exists()
