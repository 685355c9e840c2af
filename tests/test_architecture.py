"""The core stays free of the UI toolkit: it imports nothing from Textual (or Rich)."""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import facilitator.core

UI_PACKAGES = ("textual", "rich")
CORE_DIR = Path(facilitator.core.__file__).parent


def core_modules() -> list[str]:
    """Every module of facilitator.core, found on disk rather than listed by hand."""
    found = [
        info.name for info in pkgutil.walk_packages(facilitator.core.__path__, prefix="facilitator.core.")
    ]
    return ["facilitator.core", *sorted(found)]


def core_files() -> list[Path]:
    return sorted(CORE_DIR.rglob("*.py"))


def test_module_discovery_matches_the_files() -> None:
    modules = set(core_modules())
    from_files = set()
    for path in core_files():
        parts = path.relative_to(CORE_DIR.parent.parent).with_suffix("").parts
        from_files.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    assert modules == from_files
    assert len(modules) > 1


def test_importing_the_core_loads_no_ui_package() -> None:
    modules = core_modules()
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {UI_PACKAGES!r})))\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('facilitator.'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    ui_loaded, facilitator_loaded = (json.loads(line) for line in result.stdout.splitlines())
    assert ui_loaded == []
    assert set(modules) <= set(facilitator_loaded)  # the imports really ran
    # Nothing outside the core came along either (the UI or the CLI would bring Textual).
    assert {m for m in facilitator_loaded if not m.startswith("facilitator.core")} == set()


def imported_names(tree: ast.AST) -> list[tuple[int, str]]:
    names: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append((node.lineno, node.module))
    return names


def test_no_core_source_imports_textual() -> None:
    offending = []
    checked = 0
    for path in core_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, name in imported_names(tree):
            checked += 1
            if name.split(".")[0] in UI_PACKAGES:
                offending.append(f"{path.relative_to(CORE_DIR.parent)}:{line}: import {name}")
    assert checked > 0
    assert offending == []


def test_the_import_check_catches_a_textual_import() -> None:
    """The walker itself works: it sees imports at any depth, in any form."""
    source = (
        "import os\n"
        "from textual.app import App\n"
        "def f():\n"
        "    import rich.text as t\n"
        "    from . import sibling\n"
    )
    names = [name for _, name in imported_names(ast.parse(source))]
    assert sorted(names) == ["os", "rich.text", "textual.app"]
