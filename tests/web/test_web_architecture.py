"""The web package is core-side: it imports no UI toolkit, and the app's start-up imports no web code."""

from __future__ import annotations

import json
import subprocess
import sys


def loaded_after(code: str) -> list[str]:
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return list(json.loads(result.stdout.splitlines()[-1]))


def test_the_web_package_imports_no_ui_toolkit() -> None:
    modules = loaded_after(
        "import facilitator.web.server, facilitator.web.running\n"
        "import facilitator.web.page, facilitator.web.joining"
    )
    assert "facilitator.web.server" in modules
    assert [m for m in modules if m.split(".")[0] in ("textual", "rich")] == []
    assert [m for m in modules if m.startswith("facilitator.ui")] == []


def test_the_app_does_not_load_the_web_server_until_asked() -> None:
    modules = loaded_after(
        "from facilitator.ui.app import create_app\n"
        "import facilitator.ui.screens.workshop, facilitator.ui.screens.home"
    )
    assert "facilitator.ui.screens.workshop" in modules
    assert [m for m in modules if m.split(".")[0] in ("aiohttp", "jinja2", "segno")] == []
    assert [m for m in modules if m.startswith("facilitator.web")] == []
