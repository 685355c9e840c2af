"""A command that makes a session in several writes (demo, new --from) is all or nothing: a
failure part-way leaves no session behind, and says so in one line (CLI: exit 2)."""

from __future__ import annotations

import io
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from facilitator.cli import EXIT_USER_ERROR, main
from facilitator.core.demo import create_demo, demo_title, find_demo
from facilitator.core.errors import SessionWriteError
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import Scenario
from facilitator.core.service import SessionService

REPO = Path(__file__).resolve().parent.parent

FSIZE_CHILD = textwrap.dedent(
    """
    import resource, sys
    from facilitator.cli import main
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))  # `ulimit -f 20`
    sys.exit(main(sys.argv[1:]))
    """
)


def files_left(data_dir: Path) -> list[str]:
    """Everything in the sessions folder but lock files (harmless, as after `delete`)."""
    folder = data_dir / "sessions"
    if not folder.exists():
        return []
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if not p.name.endswith(".lock"))


def fail_after(monkeypatch: pytest.MonkeyPatch, writes: int) -> None:
    """Every session write after the first `writes` fails, as on a full disk."""
    real = SessionService.change
    done = {"n": 0}

    def change(self: SessionService, *args: Any, **kwargs: Any) -> Any:
        done["n"] += 1
        if done["n"] > writes:
            raise SessionWriteError(self.path, "No space left on device")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(SessionService, "change", change)


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_demo_past_a_file_size_limit_leaves_no_session(data_dir: Path) -> None:
    child = subprocess.run(
        [sys.executable, "-c", FSIZE_CHILD, "--data-dir", str(data_dir), "demo"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )
    assert child.returncode == EXIT_USER_ERROR, child.stderr
    lines = child.stderr.splitlines()
    assert len(lines) == 1 and "File too large" in lines[0], child.stderr
    assert ".drafts" not in lines[0] and "as it was before" not in lines[0]  # names what was asked for
    assert files_left(data_dir) == []
    err = io.StringIO()
    assert main(["--data-dir", str(data_dir), "list"], out=io.StringIO(), err=err) == 0
    assert "no sessions" in err.getvalue()


def test_a_demo_failing_part_way_leaves_nothing(
    library: SessionLibrary, scenario: Scenario, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    fail_after(monkeypatch, 30)
    with pytest.raises(SessionWriteError) as caught:
        create_demo(library, scenario)
    assert ".drafts" not in str(caught.value)
    assert library.list() == [] and files_left(data_dir) == []
    monkeypatch.undo()
    made = create_demo(library, scenario)  # and the next try makes a whole one
    assert [s.id for s in library.list()] == [made.session.id]
    assert len(made.session.activities) > 10 and made.path.parent == library.sessions_dir
    assert made.file.trust_note() is not None  # as read here: the app's first start need not check it again


def test_new_from_failing_part_way_leaves_nothing(
    library: SessionLibrary, scenario: Scenario, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    earlier = create_demo(library, scenario).session.id
    before = files_left(data_dir)
    fail_after(monkeypatch, 5)
    code_err = io.StringIO()
    code = main(["new", "--from", earlier, "--title", "Next year"], out=io.StringIO(), err=code_err)
    assert code == EXIT_USER_ERROR
    assert len(code_err.getvalue().splitlines()) == 1 and "No space left" in code_err.getvalue()
    assert files_left(data_dir) == before
    assert [s.id for s in library.list()] == [earlier]


def test_find_demo_passes_over_an_empty_or_broken_demo(library: SessionLibrary, scenario: Scenario) -> None:
    """An older version's failed demo (0 activities, the demo's title) is not the demo `m` opens."""
    library.create(scenario, demo_title(scenario))
    broken = library.create(scenario, demo_title(scenario))
    broken.path.write_text("{not json", encoding="utf-8")
    assert find_demo(library, scenario) is None
    made = create_demo(library, scenario)
    found = find_demo(library, scenario)
    assert found is not None and found.id == made.session.id
