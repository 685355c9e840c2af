"""Command line: thin commands over the core, and the entry point that starts the app.

User errors print one line on stderr and exit 2; nothing here prints a traceback
for something the user can fix.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from facilitator import __version__
from facilitator.core.closing import listed_state
from facilitator.core.dates import shown_date
from facilitator.core.errors import ScenarioError, UserError, os_reason
from facilitator.core.i18n import Translator, explain
from facilitator.core.library import ENV_DATA_DIR, SessionLibrary
from facilitator.core.plain import take_notices
from facilitator.core.reports.formats import REGISTRY
from facilitator.core.scenario import discover, find_scenario, load_scenario
from facilitator.core.text import one_line

EXIT_OK = 0
EXIT_CRASH = 1
EXIT_USER_ERROR = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line, like every other user error."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USER_ERROR, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


_Commands = argparse._SubParsersAction  # what add_subparsers returns: commands are added to it


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"port must be a number, not {text!r}") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"port must be 0-65535, not {port}")
    return port


def _add_new(commands: _Commands[_Parser]) -> None:
    """new: from a scenario, or from an earlier session."""
    new = commands.add_parser(
        "new",
        help="create a session and print its id",
        description="Create a session: from a scenario (--scenario and --title), or from an earlier "
        "session (--from ID): its parties, activities and agreed rungs are the starting point, and "
        "'compare' shows what changed.",
    )
    new.add_argument("--scenario", help="scenario id (see 'scenarios') or a .toml file")
    new.add_argument(
        "--from",
        dest="from_id",
        metavar="ID",
        help="start from an earlier session (a unique prefix of its id is enough); runs its scenario",
    )
    new.add_argument("--title", help="required with --scenario; with --from, default: the earlier title")
    new.add_argument("--date", default="", help="workshop date: 2026-12-03 or 03.12.2026")
    new.add_argument("--place", default="")
    new.add_argument("--facilitator", default="", help="the facilitator's name")


def _add_export(commands: _Commands[_Parser]) -> None:
    """export: the report, tables, drawings or the session itself."""
    export = commands.add_parser(
        "export",
        help="export a session: report (md, html), tables (csv), drawings (svg), a page per party "
        "(handouts) or the session (json)",
        description="Export a session. md, html and json are one file: -o FILE, else standard output. "
        "csv (7 tables), svg (ladder and partnership matrix) and handouts (one printable HTML page "
        "per party, ID-handout-NN-NAME.html) are several files: -o FOLDER (made if missing), else "
        "the current folder.",
    )
    export.add_argument("id", help="session id (a unique prefix is enough)")
    export.add_argument("--format", choices=tuple(REGISTRY), default="json")
    export.add_argument(
        "-o", "--output", type=Path, help="file (md, html, json) or folder (csv, svg, handouts) to write"
    )
    export.add_argument(
        "--follow-symlinks",
        action="store_true",
        help="if -o (or a file in the -o folder) is a symbolic link, replace the file it points to "
        "(without it, a link is refused)",
    )
    export.add_argument(
        "--public",
        action="store_true",
        help="leave out participants' and the facilitator's names and private notes",
    )
    export.add_argument(
        "--lang",
        choices=("et", "en"),
        default=argparse.SUPPRESS,
        help="language of the report (default: the session's)",
    )


def _add_compare(commands: _Commands[_Parser]) -> None:
    """compare: what changed between two sessions."""
    compare = commands.add_parser(
        "compare",
        help="compare two sessions of the same partners (e.g. a year apart)",
        description="What changed from session A to session B: activities moved up or down the "
        "ladder, new and dropped activities, roles, expectations, commitments, and which of A's "
        "actions B shows done. Activities are matched by id, else by title.",
    )
    compare.add_argument("a", metavar="A", help="the earlier session's id (a unique prefix is enough)")
    compare.add_argument("b", metavar="B", help="the later session's id")


def _add_history(commands: _Commands[_Parser]) -> None:
    """history: a partnership over the years."""
    history = commands.add_parser(
        "history",
        help="the history of a partnership: a session and the ones it was made from (new --from)",
        description="Follow the series back from session ID (each session made with 'new --from' names "
        "the one before) and show each activity's agreed and wished rung over the years (a chart in "
        "html), who works with whom per workshop, steps done and promises kept per party, approaches "
        "and information flows. md and html: the report; csv: one row per activity per workshop.",
    )
    history.add_argument("id", help="the newest session of the series (a unique prefix is enough)")
    history.add_argument("--format", choices=("md", "html", "csv"), default="md")
    history.add_argument("-o", "--output", type=Path, help="file to write (else standard output)")
    history.add_argument("--follow-symlinks", action="store_true", help="write through a symbolic link -o")
    history.add_argument(
        "--lang",
        choices=("et", "en"),
        default=argparse.SUPPRESS,
        help="language of the history (default: the newest session's)",
    )


def _add_serve(commands: _Commands[_Parser]) -> None:
    """serve: the participants' web page, without the app."""
    serve = commands.add_parser(
        "serve",
        help="let participants join a session from their phones (web page), without the app",
        description="Serve the participants' web page for a session: people open the address, "
        "enter the join code and take part from their own phone. Listens on 127.0.0.1 (this "
        "computer only) unless --lan or --host says otherwise. Stop with ctrl+c.",
    )
    serve.add_argument("id", help="session id (a unique prefix is enough)")
    where = serve.add_mutually_exclusive_group()
    where.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    where.add_argument(
        "--lan", action="store_true", help="listen on the local network, so phones on the same Wi-Fi can join"
    )
    serve.add_argument(
        "--port",
        type=_port,
        default=None,
        help="port (default: the session's port from last time, else 8765; 0 picks a free one)",
    )
    serve.add_argument(
        "--new-code",
        action="store_true",
        help="a new join code (the old one stops working; joined devices stay), e.g. after "
        "too many wrong codes were tried",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="facilitator",
        description=(
            "Run live partnership workshops: partners place their joint activities on the "
            "ladder communication → cooperation → coordination → collaboration, blind, "
            "then agree on the rung, their roles and what they expect from each other. "
            "Without a command, starts the app."
        ),
        epilog=f"Sessions are kept in the data folder: --data-dir, else ${ENV_DATA_DIR}, "
        "else the platform's user data folder. Your own scenarios go in <data folder>/scenarios/.",
    )
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}")
    parser.add_argument("--data-dir", type=Path, help="folder for sessions and your own scenarios")
    parser.add_argument(
        "--lang",
        choices=("et", "en"),
        help="interface language (default: the one chosen last time, else the system's)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    commands.add_parser("scenarios", help="list the scenarios you can start a session from")

    scenario = commands.add_parser("scenario", help="work with scenario files")
    scenario_commands = scenario.add_subparsers(dest="scenario_command", metavar="COMMAND", required=True)
    check = scenario_commands.add_parser("check", help="validate a scenario file (exit 0 if valid, 2 if not)")
    check.add_argument("file", type=Path)

    _add_new(commands)

    commands.add_parser("list", help="list saved sessions, newest first")

    open_ = commands.add_parser("open", help="open a session in the app")
    open_.add_argument("id", help="session id (a unique prefix is enough)")

    review = commands.add_parser(
        "review", help="review a session read-only: dashboard and timeline (nothing is written)"
    )
    review.add_argument("id", help="session id (a unique prefix is enough)")

    _add_export(commands)

    import_ = commands.add_parser("import", help="import an exported session (JSON)")
    import_.add_argument("file", type=Path)
    import_.add_argument("--new-id", action="store_true", help="give it a new id if its id is taken")

    mism = commands.add_parser("mismatches", help="list where the parties are not yet aligned, by activity")
    mism.add_argument("id")

    _add_compare(commands)

    _add_history(commands)

    delete = commands.add_parser("delete", help="delete a session (asks first)")
    delete.add_argument("id")
    delete.add_argument("--yes", action="store_true", help="don't ask")

    _add_serve(commands)

    demo = commands.add_parser("demo", help="create a complete sample session and print its id")
    demo.add_argument("--scenario", default="kogukondlik-turvalisus", help="scenario id or file")
    return parser


class Cli:
    """One invocation: parsed arguments plus where output goes (tests pass StringIO)."""

    def __init__(self, args: argparse.Namespace, out: TextIO, err: TextIO, stdin: TextIO) -> None:
        self.args = args
        self.out = out
        self.err = err
        self.stdin = stdin
        self.library = SessionLibrary(args.data_dir)
        self._t: Translator | None = None

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
            print(self.t("cli.notice", message=one_line(notice)), file=self.err)

    # ---------------------------------------------------------------- commands
    def cmd_scenarios(self) -> int:
        for entry in discover(self.scenario_dirs):
            if entry.scenario is None:
                assert entry.error is not None
                for problem in entry.error.problems:  # each names the file already
                    print(f"! {problem}", file=self.err)
                continue
            sc = entry.scenario
            self.say(f"{sc.id:<28} {sc.language}  {one_line(sc.title)}  ({entry.path})")
        return EXIT_OK

    def cmd_scenario(self) -> int:
        path: Path = self.args.file
        try:
            sc = load_scenario(path)
        except ScenarioError as error:
            for problem in error.problems:
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
                self.say(f"{s.id:<10} ! {one_line(s.error)}")
                continue
            # Every column is text from the file (the date is free text from --date).
            when = one_line(shown_date(s.date or s.created_at[:10], t.language))
            state = listed_state(s, t, self.scenario_dirs) or "-"
            activities = t("cli.list.activities", count=f"{s.activities:>4}")
            self.say(
                f"{one_line(s.id):<10} {when:<10}  {one_line(s.scenario_id):<24} "
                f"{one_line(state, 24):<24} {activities}  {one_line(s.title, 60)}"
                + (f"  {t('cli.list.continues', id=one_line(s.previous_id))}" if s.previous_id else "")
            )
        return EXIT_OK

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
        if not self.args.yes:
            if not self.stdin.isatty():
                raise self.fail("cli.delete.no_terminal")
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
        from facilitator.core.i18n import Translator

        services = self.library.open(self.args.a), self.library.open(self.args.b)
        t = Translator(self.args.lang or services[0].session.info.language)
        for service in services:  # rung and role names in the report's language, from the twin
            service.show_names_in(t.language, self.scenario_dirs)
        a, b = (service.session for service in services)
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
        from facilitator.core.demo import create_demo

        scenario = find_scenario(self.args.scenario, self.scenario_dirs)
        service = create_demo(self.library, scenario)
        self.say(service.session.id)
        service.remember_trust()  # made and read here: the app's first start reads it unchecked
        return EXIT_OK

    def cmd_open(self) -> int:
        service = self.library.open(self.args.id)
        return self.run_app(service.path)

    def cmd_review(self) -> int:
        service = self.library.open(self.args.id)
        return self.run_app(None, review_path=service.path)

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

    def run_app(self, session_path: Path | None, review_path: Path | None = None) -> int:
        from facilitator.ui.app import create_app

        app = create_app(
            self.library, session_path=session_path, review_path=review_path, lang=self.args.lang
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


def _os_error_line(error: OSError) -> str:
    """One line for an I/O error that no command turned into a user error itself.

    The core names the file in every error of its own reads and writes; one without a
    file name is standard output (or error) failing: > /dev/full, a closed pipe.
    """
    if error.filename is None:
        return f"cannot write to standard output: {os_reason(error)}"
    return f"{error.filename}: {os_reason(error)}"


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    _ignore_file_size_signal()
    parser = build_parser()
    args = parser.parse_args(argv)
    cli = Cli(args, out or sys.stdout, err or sys.stderr, sys.stdin)
    take_notices()  # what this command meets is what it tells (an earlier call in this process told its own)
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
        with contextlib.suppress(OSError):
            print(cli.t("cli.error", message=one_line(_os_error_line(error))), file=cli.err)
        return EXIT_USER_ERROR


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
