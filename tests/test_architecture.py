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


# ---------------------------------------------------------------- the interface's layers

PACKAGE_DIR = CORE_DIR.parent
UI_DIR = PACKAGE_DIR / "ui"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, known: set[str]) -> set[str]:
    source = path.read_text(encoding="utf-8")
    return imports_in(source, module_name(path), path.name == "__init__.py", known)


def imports_in(source: str, name: str, is_package: bool, known: set[str]) -> set[str]:
    """Every known module a module imports: at the top, under TYPE_CHECKING, inside functions;
    absolute or relative; `from package import module` counts as importing the module."""
    package = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            candidates = [base, *(f"{base}.{alias.name}" for alias in node.names)]
        else:
            continue
        for candidate in candidates:
            # `import a.b.c` imports a.b.c; the nearest known module is the one that counts.
            while candidate and candidate not in known:
                candidate = candidate.rpartition(".")[0]
            if candidate and candidate != name:
                found.add(candidate)
    return found


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module → the facilitator modules it imports, for every module under `root`."""
    files = sorted(root.rglob("*.py"))
    known = {module_name(path) for path in sorted(PACKAGE_DIR.rglob("*.py"))}
    return {module_name(path): imports_of(path, known) for path in files}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle among the graph's own modules, as a path that ends where it starts."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in graph:
                continue
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (cycle := visit(target)) is not None:
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)) is not None:
            return cycle
    return None


def layer_breaches(graph: dict[str, set[str]], layer: str, forbidden: tuple[str, ...]) -> list[str]:
    """Imports from modules of `layer` (a package under facilitator.ui) into `forbidden` ones."""
    prefix = f"facilitator.ui.{layer}"
    banned = tuple(f"facilitator.ui.{name}" for name in forbidden)
    return sorted(
        f"{source} imports {target}"
        for source, targets in graph.items()
        if source == prefix or source.startswith(prefix + ".")
        for target in targets
        if any(target == ban or target.startswith(ban + ".") for ban in banned)
    )


def test_the_interface_has_its_layers() -> None:
    """app → screens → views → dialogs → widgets, each importing only below itself."""
    graph = import_graph(UI_DIR)
    assert {"facilitator.ui.dialogs.common", "facilitator.ui.views.base", "facilitator.ui.host"} <= set(graph)
    assert layer_breaches(graph, "dialogs", ("app", "screens", "views")) == []
    assert layer_breaches(graph, "views", ("app", "screens")) == []
    assert layer_breaches(graph, "widgets", ("app", "screens", "views", "dialogs", "base")) == []
    assert layer_breaches(graph, "base", ("app", "screens", "views", "dialogs", "widgets")) == []
    assert layer_breaches(graph, "host", ("app", "screens", "views", "dialogs", "widgets")) == []


def test_only_the_cli_imports_the_app() -> None:
    graph = import_graph(PACKAGE_DIR)
    importers = sorted(source for source, targets in graph.items() if "facilitator.ui.app" in targets)
    assert importers == ["facilitator.cli"]


def test_no_import_cycle_in_the_interface() -> None:
    assert find_cycle(import_graph(UI_DIR)) is None


def test_no_import_cycle_anywhere_in_the_package() -> None:
    """core, web, ui and the CLI: no module reaches itself through imports (type-only and
    in-function imports count, as above), so each can be read, tested and changed from below."""
    graph = import_graph(PACKAGE_DIR)
    assert {
        "facilitator.cli",
        "facilitator.core.service",
        "facilitator.web.server",
        "facilitator.ui.app",
    } <= set(graph)
    assert find_cycle(graph) is None


def test_the_graph_sees_every_kind_of_import() -> None:
    """Type-only, in-function and relative imports count; a cycle through them is found."""
    source = (
        "from __future__ import annotations\n"
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from facilitator.ui.app import FacilitatorApp\n"
        "def later():\n"
        "    from ..widgets import keybar\n"
        "    from . import home\n"
        "    import facilitator.ui.text.more\n"
    )
    known = {
        "facilitator.ui.app",
        "facilitator.ui.text",
        "facilitator.ui.widgets",
        "facilitator.ui.widgets.keybar",
        "facilitator.ui.screens",
        "facilitator.ui.screens.home",
    }
    assert imports_in(source, "facilitator.ui.screens.overview", False, known) == {
        "facilitator.ui.app",
        "facilitator.ui.text",
        "facilitator.ui.widgets",
        "facilitator.ui.widgets.keybar",
        "facilitator.ui.screens",
        "facilitator.ui.screens.home",
    }
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"outside"}}) is None


# ---------------------------------------------------------------- small modules, short functions

MODULE_LIMIT = 600  # lines in a module
FUNCTION_LIMIT = 80  # lines in a function or method, from `def` to its last line

# Known exceptions, with their size: none left (issue 14 split them). An entry may only shrink;
# one that got under the limit must leave this list, and no new one may join it.
LONG_MODULES: dict[str, int] = {}
LONG_FUNCTIONS: dict[str, int] = {}


def sizes() -> tuple[dict[str, int], dict[str, int]]:
    """Lines per module, and lines per function (nested ones too), over facilitator/."""
    modules: dict[str, int] = {}
    functions: dict[str, int] = {}
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        name = path.relative_to(PACKAGE_DIR).as_posix()
        source = path.read_text(encoding="utf-8")
        modules[name] = len(source.splitlines())
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno is not None:
                key = f"{name}:{node.name}"
                functions[key] = max(functions.get(key, 0), node.end_lineno - node.lineno + 1)
    return modules, functions


def oversized(found: dict[str, int], limit: int, allowed: dict[str, int]) -> list[str]:
    """Sizes over the limit that the allow-list does not cover, and allow-list entries gone stale."""
    problems = [
        f"{name}: {size} lines (limit {limit}, allowed {allowed.get(name, limit)})"
        for name, size in sorted(found.items())
        if size > max(limit, allowed.get(name, 0))
    ]
    problems += [
        f"{name}: now {found.get(name, 0)} lines, take it off the allow-list"
        for name in sorted(allowed)
        if found.get(name, 0) <= limit
    ]
    return problems


def test_modules_are_small() -> None:
    modules, _ = sizes()
    assert len(modules) > 50
    assert oversized(modules, MODULE_LIMIT, LONG_MODULES) == []


def test_functions_are_short() -> None:
    _, functions = sizes()
    assert oversized(functions, FUNCTION_LIMIT, LONG_FUNCTIONS) == []


def test_the_size_check_catches_growth() -> None:
    allowed = {"a.py": 700}
    assert oversized({"a.py": 700, "b.py": 600}, 600, allowed) == []
    assert oversized({"a.py": 701}, 600, allowed) == ["a.py: 701 lines (limit 600, allowed 700)"]
    assert oversized({"a.py": 700, "b.py": 601}, 600, allowed) == ["b.py: 601 lines (limit 600, allowed 600)"]
    assert oversized({"a.py": 550}, 600, allowed) == ["a.py: now 550 lines, take it off the allow-list"]
