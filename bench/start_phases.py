"""Instructions of each step of the start, for the user's start and for hello world.

`bench_app.py --instructions` counts a whole start; this says which step the count is in, so a
change can be aimed at the step that is over hello world's. Each step's end is a point where
the child leaves at once (`os._exit`); valgrind's callgrind counts the instructions up to it,
and a step is the difference between two such starts. Load-independent, about half a minute
per step on this machine.

Steps of `facilitator open ID` (the user's start, `bench_app.CHILD_CLI`): the interpreter; `import
textual.app` (hello world's largest step too); the CLI imported; the CLI's work until it
imports the interface (arguments, the session opened and checked); the interface imported; the
app built; running until the first frame (`Ready`); one refresh more. Hello world's: the
interpreter, Textual imported, mounted, first frame, one refresh more.

The user's start is counted as on a user's machine after its first start: this device's files
(view state, the CSS cache) are in the run's own folder, and one start (not counted) has
written the CSS cache. `--cold` counts the first start instead (no CSS cache: every stylesheet
parsed, and the cache written after the first frame, in "one refresh more").

Run: `python bench/start_phases.py [--sizes 10,500] [--cold]`.
"""

from __future__ import annotations

import argparse
import compileall
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_app

from facilitator.core.device import ENV_STATE_DIR, cache_folder
from facilitator.core.library import SessionLibrary
from facilitator.ui.css_cache import FILE_NAME

STOP = r"""
import os as _os, sys as _sys
def stop(name):
    if _os.environ.get("STOP_AT") == name:
        _sys.stdout.flush()
        _os._exit(0)
"""

APP_STEPS = (
    "interpreter",
    "import textual.app",
    "import the CLI",
    "CLI: until the interface",
    "import the interface",
    "app built",
    "first frame",
    "one refresh more",
)
HELLO_STEPS = ("interpreter", "import textual.app", "mounted", "first frame", "one refresh more")


def _edit(code: str, edits: list[tuple[str, str]]) -> str:
    for old, new in edits:
        if old not in code:
            raise SystemExit(f"start_phases: the child changed, no {old!r} in it")
        code = code.replace(old, new, 1)
    return STOP + code


def cli_child() -> str:
    return _edit(
        bench_app.CHILD_CLI,
        [
            (
                "from facilitator.cli import main\n",
                "stop('interpreter')\nimport textual.app\nstop('import textual.app')\n"
                "from facilitator.cli import main\nstop('import the CLI')\n",
            ),
            (
                "    def find_spec(name, path=None, target=None):\n",
                "    def find_spec(name, path=None, target=None):\n"
                "        if name == 'facilitator.ui.app':\n            stop('CLI: until the interface')\n",
            ),
            (
                "            execute(module)\n",
                "            execute(module)\n            stop('import the interface')\n",
            ),
            (
                "    def headless_run(self, *args, **kwargs):\n",
                "    def headless_run(self, *args, **kwargs):\n        stop('app built')\n",
            ),
            ("    def on_ready(self):\n", "    def on_ready(self):\n        stop('first frame')\n"),
            ("        self.exit()", "        _sys.stdout.flush(); _os._exit(0)"),
        ],
    )


def hello_child() -> str:
    return _edit(
        bench_app.CHILD_HELLO,
        [
            (
                "from textual.app import App, ComposeResult\n",
                "stop('interpreter')\nfrom textual.app import App, ComposeResult\n",
            ),
            ("from textual import events\n", "from textual import events\nstop('import textual.app')\n"),
            (
                "    def compose(self) -> ComposeResult:\n",
                "    def on_mount(self) -> None:\n        stop('mounted')\n\n"
                "    def compose(self) -> ComposeResult:\n",
            ),
            (
                "    def on_ready(self, event: events.Ready) -> None:\n",
                "    def on_ready(self, event: events.Ready) -> None:\n        stop('first frame')\n",
            ),
            ("        self.exit()", "        _sys.stdout.flush(); _os._exit(0)"),
        ],
    )


def instructions(code: str, args: list[str], stop_at: str, cold: bool = False) -> int:
    if cold:
        (cache_folder() / FILE_NAME).unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        out = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={scratch}/cg.out",
                sys.executable,
                "-c",
                code,
                *args,
            ],
            capture_output=True,
            text=True,
            env=dict(os.environ, STOP_AT=stop_at),
            timeout=600,
            check=False,
        )
    for line in out.stderr.splitlines():
        if "Collected :" in line:
            return int(line.split(":")[-1].strip())
    raise SystemExit(f"start_phases: no count for {stop_at!r}:\n{out.stderr[-2000:]}")


def print_steps(title: str, code: str, args: list[str], steps: tuple[str, ...], cold: bool = False) -> int:
    print(title)
    previous = 0
    for step in steps:
        total = instructions(code, args, "" if step == steps[-1] else step, cold)
        print(f"  {total / 1e6:7.0f} M  (+{(total - previous) / 1e6:5.0f} M)  {step}", flush=True)
        previous = total
    return previous


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,500", help="activity counts, comma-separated")
    parser.add_argument("--cold", action="store_true", help="count the first start (no CSS cache)")
    options = parser.parse_args()
    compileall.compile_dir(Path(__file__).resolve().parent.parent / "facilitator", quiet=1)
    hello = print_steps("hello world", hello_child(), [], HELLO_STEPS)
    with tempfile.TemporaryDirectory() as folder:
        os.environ[ENV_STATE_DIR] = f"{folder}/state"  # kept for the run's starts, as on a user's machine
        library = SessionLibrary(Path(folder))
        for size in (int(size) for size in options.sizes.split(",")):
            service = bench_app.prepare(library, size)
            args = [folder, service.session.id]
            bench_app.start_once(bench_app.CHILD_CLI, *args)  # the first start: the CSS cache written
            which = "first start, no CSS cache" if options.cold else "a start after the first"
            total = print_steps(
                f"facilitator open, {size} activities ({which})", cli_child(), args, APP_STEPS, options.cold
            )
            print(f"  {total / hello:.2f}x hello world")


if __name__ == "__main__":
    main()
