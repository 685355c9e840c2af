"""Command line: thin commands over the core, and the entry point that starts the app.

User errors print one line on stderr and exit 2; nothing here prints a traceback
for something the user can fix.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from facilitator.cli_args import argparse_speaks, build_parser, language_of
from facilitator.core.closing import listed_state
from facilitator.core.dates import shown_date
from facilitator.core.errors import ScenarioError, UserError, os_reason
from facilitator.core.i18n import Translator, explain
from facilitator.core.library import SessionLibrary, SessionSummary, link_state
from facilitator.core.plain import take_notices
from facilitator.core.scenario import discover, find_scenario, load_scenario
from facilitator.core.text import one_line

if TYPE_CHECKING:
    from facilitator.core.service import SessionService

EXIT_OK = 0
EXIT_CRASH = 1
EXIT_USER_ERROR = 2
EXIT_PIPE_CLOSED = 128 + 13  # what a shell reports for `ls | head` when ls meets the closed pipe (SIGPIPE)


class Cli:
    """One invocation: parsed arguments plus where output goes (tests pass StringIO)."""

    def __init__(
        self, args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO, t: Translator | None = None
    ) -> None:
        self.args = args
        self.out = out
        self.err = err
        self.stdin = stdin
        self.library = SessionLibrary(args.data_dir)
        self._t = t

    @property
    def t(self) -> Translator:
        """What the CLI prints is in the interface language (--lang, else the one chosen last)."""
        if self._t is None:
            from facilitator.core.settings import interface_language

            self._t = Translator(interface_language(self.library.data_dir, self.args.lang))
        return self._t

    def fail(self, key: str, **values: str) -> UserError:
        """A user error worded by the catalogue (English in the message, for logs)."""
        return UserError(Translator("en")(key, **values), key, **values)

    def error_line(self, error: Exception) -> str:
        return self.t("cli.error", message=one_line(explain(error, self.t)))

    @property
    def scenario_dirs(self) -> tuple[Path, ...]:
        return (self.library.scenarios_dir,)

    def say(self, text: str = "") -> None:
        print(text, file=self.out)

    def say_notices(self) -> None:
        """One line on stderr per file of this device set aside as unreadable (view state, settings)."""
        for notice in take_notices():
            print(self.t("cli.notice", message=one_line(self.t.text(notice))), file=self.err)

    # ---------------------------------------------------------------- commands
    def cmd_scenarios(self) -> int:
        for entry in discover(self.scenario_dirs):
            if entry.scenario is None:
                assert entry.error is not None
                for problem in self._problems(entry.error):  # each names the file already
                    print(f"! {problem}", file=self.err)
                continue
            sc = entry.scenario
            self.say(f"{sc.id:<28} {sc.language}  {one_line(sc.title)}  ({entry.path})")
        return EXIT_OK

    def _problems(self, error: ScenarioError) -> list[str]:
        """A scenario's problems in the interface language: each of several, else the one."""
        if len(error.problems) > 1 or not error.key:
            return [self.t.text(problem) for problem in error.problems]
        return [explain(error, self.t)]

    def cmd_scenario(self) -> int:
        path: Path = self.args.file
        try:
            sc = load_scenario(path)
            clash = next(  # in a scenarios folder: its id must be its own (see `discover`)
                (e.error for e in discover(self.scenario_dirs) if e.error and _same_file(e.path, path)),
                None,
            )
            if clash is not None:
                raise clash
        except ScenarioError as error:
            for problem in self._problems(error):
                print(problem, file=self.err)
            return EXIT_USER_ERROR
        self.say(
            self.t(
                "cli.scenario.ok",
                path=str(path),
                id=sc.id,
                language=sc.language,
                rungs=len(sc.rungs),
                roles=len(sc.roles),
                parties=len(sc.parties),
                phases=len(sc.agenda),
                examples=len(sc.examples),
            )
        )
        return EXIT_OK

    def cmd_new(self) -> int:
        a = self.args
        if a.from_id is not None:
            if a.scenario:
                raise self.fail("cli.new.both")
            service = self.library.create_from(
                a.from_id, title=a.title or "", date=a.date, place=a.place, facilitator=a.facilitator
            )
            self.say(service.session.id)
            service.remember_trust()  # made and read here: the app's first start reads it unchecked
            return EXIT_OK
        if not a.scenario:
            raise self.fail("cli.new.no_scenario")
        if a.title is None:
            raise self.fail("cli.new.no_title")
        scenario = find_scenario(a.scenario, self.scenario_dirs)
        service = self.library.create(
            scenario, a.title, date=a.date, place=a.place, facilitator=a.facilitator
        )
        self.say(service.session.id)
        service.remember_trust()  # made and read here: the app's first start reads it unchecked
        return EXIT_OK

    def cmd_list(self) -> int:
        sessions = self.library.list()
        if not sessions:
            print(self.t("cli.list.none", folder=str(self.library.sessions_dir)), file=self.err)
            return EXIT_OK
        t = self.t
        for s in sessions:
            if s.error:
                self.say(f"{s.id:<10} ! {one_line(self.t.text(s.error))}")
                continue
            # Every column is text from the file (the date is free text from --date).
            when = one_line(shown_date(s.date or s.created_at[:10], t.language))
            state = listed_state(s, t, self.scenario_dirs) or "-"
            activities = t("cli.list.activities", count=f"{t.number(s.activities):>4}")
            self.say(
                f"{one_line(s.id):<10} {when:<10}  {one_line(s.scenario_id):<24} "
                f"{one_line(state, 24):<24} {activities}  {one_line(s.title, 60)}"
                + (f"  {self._continues(s.previous_id, sessions)}" if s.previous_id else "")
            )
        return EXIT_OK

    def _continues(self, previous_id: str, sessions: list[SessionSummary]) -> str:
        state = link_state(previous_id, sessions)
        return self.t("cli.list.continues" + (f".{state}" if state else ""), id=one_line(previous_id))

    def cmd_export(self) -> int:
        from facilitator.core import reports

        fmt: str = self.args.format
        reports.check_format(fmt)
        service = self.library.open(self.args.id)
        public: bool = self.args.public
        lang: str | None = self.args.lang
        output: Path | None = self.args.output
        if output is None and fmt not in reports.MULTI_FILE:  # one file: standard output
            (content,) = reports.export_files(service, fmt, public=public, lang=lang).values()
            self.out.write(content.decode("utf-8"))
            return EXIT_OK
        # Several files (csv, svg) go into a folder: -o, else the current one.
        target = output if output is not None else Path.cwd()
        written = reports.write_export(
            service,
            fmt,
            target,
            public=public,
            lang=lang,
            data_dir=self.library.data_dir,
            follow_symlinks=self.args.follow_symlinks,
        )
        for path in written:
            print(self.t("cli.wrote", path=str(path)), file=self.err)
        return EXIT_OK

    def cmd_import(self) -> int:
        service = self.library.import_file(self.args.file, new_id_on_clash=self.args.new_id)
        self.say(service.session.id)
        service.remember_trust()  # made and read here: the app's first start reads it unchecked
        return EXIT_OK

    def cmd_delete(self) -> int:
        path = self.library.resolve(self.args.id)
        try:
            title = one_line(self.library.open(path.stem).session.info.title, 60)
        except UserError:  # a corrupt file (shown with "!" by list) can still be deleted
            title = self.t("cli.delete.unreadable")
        from facilitator.core.open_marks import held_elsewhere

        holders = ", ".join(map(str, held_elsewhere(path)))
        if holders and self.args.yes:  # a workshop running on it: not without a look
            raise self.fail("cli.delete.open", id=path.stem, pids=holders)
        if not self.args.yes:
            if not self.stdin.isatty():
                raise self.fail("cli.delete.no_terminal")
            if holders:
                print(self.t("cli.delete.open_warning", id=path.stem, pids=holders), file=self.err)
            self.err.write(self.t("cli.delete.ask", id=path.stem, title=title))
            self.err.flush()
            answer = self.stdin.readline().strip().casefold()
            if answer not in ("y", "yes", "j", "jah"):
                print(self.t("cli.delete.kept"), file=self.err)
                return EXIT_OK
        self.library.delete(path.stem)
        print(self.t("cli.delete.done", id=path.stem), file=self.err)
        return EXIT_OK

    def cmd_mismatches(self) -> int:
        from facilitator.core.i18n import Translator
        from facilitator.core.mismatches import counts_by_kind, mismatches

        session = self.library.open(self.args.id).session
        t = Translator(self.args.lang or session.info.language)
        found = mismatches(session)
        self.say(one_line(t("cli.mismatches.heading", title=session.info.title, count=len(found))))
        if not found:
            return EXIT_OK
        counts = counts_by_kind(found)
        self.say(", ".join(f"{t(f'mismatch.kind.{kind}')}: {n}" for kind, n in counts.items()))
        current = None
        for m in found:
            if m.activity_id != current:
                current = m.activity_id
                self.say()
                self.say(one_line(session.activity(m.activity_id).title))
            self.say(f"  - [{t(f'mismatch.kind.{m.kind}')}] {one_line(m.explain(t))}")
        return EXIT_OK

    def cmd_compare(self) -> int:
        from facilitator.core.compare import compare, report
        from facilitator.core.comparison import dated as _dated
        from facilitator.core.comparison import later_first
        from facilitator.core.i18n import Translator

        services = self.library.open(self.args.a), self.library.open(self.args.b)
        t = Translator(self.args.lang or services[0].session.info.language)
        for service in services:  # rung and role names in the report's language, from the twin
            service.show_names_in(t.language, self.scenario_dirs)
        a, b = (service.session for service in services)
        if later_first(_dated(a), _dated(b)):  # A is the earlier one, B the later: say so
            a, b = b, a
            when = {k: shown_date(_dated(s)[2], t.language) for k, s in (("a_date", a), ("b_date", b))}
            self.say(one_line(t("compare.time_order", a=a.info.title, b=b.info.title, **when)))
        for line in report(compare(a, b), t):
            self.say(one_line(line))
        return EXIT_OK

    def cmd_history(self) -> int:
        from facilitator.core import reports
        from facilitator.core.history import history
        from facilitator.core.i18n import Translator
        from facilitator.core.reports.history_report import render_history

        newest = self.library.open(self.args.id).session
        language = reports.report_language(newest, self.args.lang)
        series = self.library.series(newest.id, language, self.scenario_dirs)
        content = render_history(history(series), self.args.format, Translator(language), reports._now())
        output: Path | None = self.args.output
        if output is None:
            self.out.write(content.decode("utf-8"))
            return EXIT_OK
        protected = [self.library.data_dir, self.library.sessions_dir]
        reports.write_file(output, content, protected, follow_symlinks=self.args.follow_symlinks)
        print(self.t("cli.wrote", path=str(output)), file=self.err)
        return EXIT_OK

    def cmd_demo(self) -> int:
        from facilitator.core.demo import create_demo, demo_scenario

        if self.args.scenario is not None:
            scenario = find_scenario(self.args.scenario, self.scenario_dirs)
        else:  # in the interface language, as the app's `m` makes it
            found = [e.scenario for e in discover(self.scenario_dirs) if e.scenario is not None]
            scenario = demo_scenario(found, self.t.language) or find_scenario("kogukondlik-turvalisus")
        service = create_demo(self.library, scenario)
        self.say(service.session.id)
        service.remember_trust()  # made and read here: the app's first start reads it unchecked
        return EXIT_OK

    def cmd_open(self) -> int:
        service = self._open_for_app()
        return self.run_app(service.path, opened=service)

    def cmd_review(self) -> int:
        service = self._open_for_app()
        return self.run_app(None, review_path=service.path, opened=service)

    def _open_for_app(self) -> SessionService:
        """The session checked here (a bad file: one line, exit code 2, no interface), its
        model built with names in the interface language, as the app shows it: the app takes
        this service over instead of reading the file and building the model a second time
        (~40 ms of the start at 500 activities).

        The collector goes off here already, as `run_app` turns it off: the file's data and
        the model live as long as the app (at 500 activities the collector spent ~16 M
        instructions walking them while they were made)."""
        with _collector_off_for_the_app():
            service = self.library.service(self.library.resolve(self.args.id))
            service.show_names_in(self.t.language, (self.library.scenarios_dir,))
            service.session  # noqa: B018 - fail now, with a clear error, if the file is bad
        return service

    def cmd_serve(self) -> int:
        service = self.library.open(self.args.id)
        self.say_notices()
        from facilitator.web.running import serve_forever

        try:
            serve_forever(
                service,
                self.args.host,
                self.args.port,
                self.args.lan,
                lambda text: print(text, file=self.out, flush=True),
                self.t,
                new_code=self.args.new_code,
            )
        except KeyboardInterrupt:  # ctrl+c is how a server is stopped
            self.say(self.t("cli.serve.stopped"))
        return EXIT_OK

    def cmd_app(self) -> int:
        return self.run_app(None)

    def run_app(
        self,
        session_path: Path | None,
        review_path: Path | None = None,
        opened: SessionService | None = None,
    ) -> int:
        # The interface's modules and the first screen allocate tens of thousands of objects
        # that live as long as the app: the cyclic collector is off until the first frame
        # (the app turns it on again then, and when it closes).
        with _collector_off_for_the_app():
            from facilitator.ui.app import create_app

            app = create_app(
                self.library,
                session_path=session_path,
                review_path=review_path,
                lang=self.args.lang,
                opened=opened,
            )
        app.run()
        if app.return_code:  # an unexpected error: one line here, the traceback in the log
            if app.crash_log:
                print(self.t("cli.crashed", log=str(app.crash_log)), file=self.err)
            else:
                print(self.t("cli.crashed.no_log"), file=self.err)
            return app.return_code
        return EXIT_OK


def _ignore_file_size_signal() -> None:
    """Past a file-size limit (ulimit -f) a write should fail with EFBIG, not kill the process.

    CPython ignores SIGXFSZ at start-up already; an embedding program might not.
    """
    if hasattr(signal, "SIGXFSZ"):
        with contextlib.suppress(ValueError, OSError):  # not the main thread: leave it
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def _silence_stdout(out: TextIO) -> None:
    """After standard output failed, send what is still buffered nowhere.

    Otherwise Python tries to flush it again at exit and prints its own error (and exit
    code 120) after ours.
    """
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, out.fileno())
        os.close(devnull)


def _os_error_line(error: OSError, t: Translator) -> str:
    """One line for an I/O error that no command turned into a user error itself.

    The core names the file in every error of its own reads and writes; one without a
    file name is standard output (or error) failing: > /dev/full, a closed pipe.
    """
    if error.filename is None:
        return t("cli.stdout_failed", reason=os_reason(error))
    return f"{error.filename}: {os_reason(error)}"


ONE_SHOT = frozenset(
    {
        "scenarios",
        "scenario",
        "new",
        "list",
        "export",
        "import",
        "delete",
        "demo",
        "mismatches",
        "compare",
        "history",
    }
)
"""Commands that read, print or write and end (not the app, not the server)."""


@contextlib.contextmanager
def _collector_off_for_the_app() -> Iterator[None]:
    """The cyclic collector off from here until the app's first frame turns it on again (what
    is read and built now lives as long as the app); on again at once if this part fails."""
    gc.disable()
    try:
        yield
    except BaseException:
        gc.enable()
        raise


@contextlib.contextmanager
def _collector_off(off: bool) -> Iterator[None]:
    """A one-shot command runs without the cyclic garbage collector.

    Loading a big session allocates millions of objects that live until the command ends;
    each full collection walks all of them again. At 32,000 activities that was more than half
    of `export --format html` (15 full collections, 16.5 s CPU against 7.7 s without) and
    nearly half of `mismatches`. What they build is freed by reference counting; the cyclic
    garbage left (~40,000 objects at 8,000 activities) does not raise the peak memory.
    """
    was_on = gc.isenabled()
    if off:
        gc.disable()
    try:
        yield
    finally:
        if off and was_on:  # in-process callers (tests) get their collector back
            gc.enable()


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    _ignore_file_size_signal()
    take_notices()  # what this command meets is what it tells (an earlier call in this process told its own)
    argv = sys.argv[1:] if argv is None else list(argv)
    t = Translator(language_of(argv))
    with argparse_speaks(t):  # --help, usage and usage errors in the interface language too
        args = build_parser(t).parse_args(argv)
    cli = Cli(args, out or sys.stdout, err or sys.stderr, sys.stdin, t)
    commands: dict[str | None, Callable[[], int]] = {
        None: cli.cmd_app,
        "scenarios": cli.cmd_scenarios,
        "scenario": cli.cmd_scenario,
        "new": cli.cmd_new,
        "list": cli.cmd_list,
        "open": cli.cmd_open,
        "review": cli.cmd_review,
        "export": cli.cmd_export,
        "import": cli.cmd_import,
        "delete": cli.cmd_delete,
        "demo": cli.cmd_demo,
        "mismatches": cli.cmd_mismatches,
        "compare": cli.cmd_compare,
        "history": cli.cmd_history,
        "serve": cli.cmd_serve,
    }
    try:
        if args.command != "scenario":  # (checks a file; needs no data folder)
            cli.library.check_folders()  # the real cause, one way for every command
        with _collector_off(args.command in ONE_SHOT):
            code = commands[args.command]()
        cli.say_notices()
        cli.out.flush()  # a full disk or a closed pipe shows here, while we can still say so
        return code
    except UserError as error:
        cli.say_notices()
        print(cli.error_line(error), file=cli.err)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except OSError as error:  # standard output failed (> /dev/full, a closed pipe), or I/O elsewhere
        if error.filename is None:
            _silence_stdout(cli.out)
            if isinstance(error, BrokenPipeError):  # the reader left (`| head`): like ls or cat, quietly
                return EXIT_PIPE_CLOSED
        with contextlib.suppress(OSError):
            print(cli.t("cli.error", message=one_line(_os_error_line(error, cli.t))), file=cli.err)
        return EXIT_USER_ERROR


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.samefile(other)
    except OSError:
        return False
