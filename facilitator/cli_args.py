"""The command line's arguments, in the interface language: our help texts from the
catalogue, and argparse's own words (usage:, options, its error messages) too.

argparse looks its words up through gettext (`argparse._`); `argparse_speaks` hands it
the catalogue's `argparse.*` texts while the parser is built and the command line read,
and gives the originals back after, so nothing else in the process is touched.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextvars import ContextVar
from pathlib import Path
from typing import NoReturn

from facilitator import __version__
from facilitator.core.i18n import Translator
from facilitator.core.i18n.cli_argparse import MESSAGES as ARGPARSE
from facilitator.core.library import ENV_DATA_DIR, default_data_dir

EXIT_USER_ERROR = 2

_words: ContextVar[Translator | None] = ContextVar("cli_words", default=None)
"""The language usage errors are worded in (set by `argparse_speaks`)."""


@contextlib.contextmanager
def argparse_speaks(t: Translator) -> Iterator[None]:
    """argparse's own words in `t`'s language for the duration (a message not listed stays English)."""
    table: dict[str, str] = {texts["en"]: texts[t.language] for texts in ARGPARSE.values()}

    def gettext(message: str) -> str:
        return table.get(message, message)

    def ngettext(singular: str, plural: str, count: int) -> str:
        return gettext(singular if count == 1 else plural)

    names = vars(argparse)  # where argparse's code finds `_` and `ngettext`
    saved = names["_"], names["ngettext"]
    token = _words.set(t)
    names.update(_=gettext, ngettext=ngettext)
    try:
        yield
    finally:
        names.update(_=saved[0], ngettext=saved[1])
        _words.reset(token)


def language_of(argv: Sequence[str]) -> str:
    """The interface language, read before argparse runs (its words depend on it): --lang and
    --data-dir given (--lang also after the command), else the remembered choice, else the system's."""
    from facilitator.core.settings import interface_language

    given: dict[str, str] = {}
    rest = list(argv[: list(argv).index("--")] if "--" in argv else argv)
    while rest:  # --lang may come after the command too
        name, equals, value = rest.pop(0).partition("=")
        if name in ("--lang", "--data-dir"):
            given[name] = value if equals else (rest.pop(0) if rest else "")  # the last one counts
    data_dir = Path(given["--data-dir"]) if given.get("--data-dir") else default_data_dir()
    return interface_language(data_dir, given.get("--lang"))


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line, like every other user error."""

    def error(self, message: str) -> NoReturn:
        self.exit(
            EXIT_USER_ERROR,
            (_words.get() or Translator("en"))("cli.usage_error", prog=self.prog, message=message) + "\n",
        )


_Commands = argparse._SubParsersAction  # what add_subparsers returns: commands are added to it


def _port_type(t: Translator) -> Callable[[str], int]:
    def port(text: str) -> int:
        try:
            number = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(t("cli.port.not_a_number", value=repr(text))) from None
        if not 0 <= number <= 65535:
            raise argparse.ArgumentTypeError(t("cli.port.out_of_range", value=text.strip()))  # as typed
        return number

    return port


def _add_new(commands: _Commands[_Parser], t: Translator) -> None:
    """new: from a scenario, or from an earlier session."""
    new = commands.add_parser("new", help=t("cli.help.new"), description=t("cli.help.new.description"))
    new.add_argument("--scenario", metavar=t("cli.help.metavar.scenario"), help=t("cli.help.new.scenario"))
    new.add_argument("--from", dest="from_id", metavar="ID", help=t("cli.help.new.from"))
    new.add_argument("--title", metavar=t("cli.help.metavar.title"), help=t("cli.help.new.title"))
    new.add_argument("--date", default="", metavar=t("cli.help.metavar.date"), help=t("cli.help.new.date"))
    new.add_argument("--place", default="", metavar=t("cli.help.metavar.place"), help=t("cli.help.new.place"))
    new.add_argument(
        "--facilitator", default="", metavar=t("cli.help.metavar.name"), help=t("cli.help.new.facilitator")
    )


def _add_output(parser: argparse.ArgumentParser, t: Translator, what: str) -> None:
    """-o, --follow-symlinks and --lang, shared by export and history."""
    parser.add_argument(
        "-o", "--output", type=Path, metavar=t("cli.help.metavar.path"), help=t(f"cli.help.{what}.output")
    )
    parser.add_argument("--follow-symlinks", action="store_true", help=t(f"cli.help.{what}.follow_symlinks"))


def _add_report_language(parser: argparse.ArgumentParser, t: Translator, what: str) -> None:
    parser.add_argument(
        "--lang", choices=("et", "en"), default=argparse.SUPPRESS, help=t(f"cli.help.{what}.lang")
    )


class _FormatNames(Iterable[str]):
    """The export formats' names (`export --format`'s choices), from the formats' table when
    argparse first asks: for an export's option or the help. Every start builds the parser;
    importing the table with its package then was ~5 M instructions of a start that exports nothing."""

    def __iter__(self) -> Iterator[str]:
        from facilitator.core.reports.formats import REGISTRY

        return iter(REGISTRY)

    def __contains__(self, name: object) -> bool:
        return name in set(self)


def _add_export(commands: _Commands[_Parser], t: Translator) -> None:
    """export: the report, tables, drawings or the session itself."""
    export = commands.add_parser(
        "export", help=t("cli.help.export"), description=t("cli.help.export.description")
    )
    export.add_argument("id", metavar="ID", help=t("cli.help.id"))
    # The choices set after: `add_argument` formats the option's usage once, reading them.
    formats = export.add_argument("--format", default="json", help=t("cli.help.export.format"))
    formats.choices = _FormatNames()
    _add_output(export, t, "export")
    export.add_argument("--public", action="store_true", help=t("cli.help.export.public"))
    _add_report_language(export, t, "export")


def _add_compare(commands: _Commands[_Parser], t: Translator) -> None:
    """compare: what changed between two sessions."""
    compare = commands.add_parser(
        "compare", help=t("cli.help.compare"), description=t("cli.help.compare.description")
    )
    compare.add_argument("a", metavar="A", help=t("cli.help.compare.a"))
    compare.add_argument("b", metavar="B", help=t("cli.help.compare.b"))


def _add_history(commands: _Commands[_Parser], t: Translator) -> None:
    """history: a partnership over the years."""
    history = commands.add_parser(
        "history", help=t("cli.help.history"), description=t("cli.help.history.description")
    )
    history.add_argument("id", metavar="ID", help=t("cli.help.history.id"))
    history.add_argument(
        "--format", choices=("md", "html", "csv"), default="md", help=t("cli.help.history.format")
    )
    _add_output(history, t, "history")
    _add_report_language(history, t, "history")


def _add_serve(commands: _Commands[_Parser], t: Translator) -> None:
    """serve: the participants' web page, without the app."""
    serve = commands.add_parser(
        "serve", help=t("cli.help.serve"), description=t("cli.help.serve.description")
    )
    serve.add_argument("id", metavar="ID", help=t("cli.help.id"))
    where = serve.add_mutually_exclusive_group()
    where.add_argument(
        "--host", default="127.0.0.1", metavar=t("cli.help.metavar.host"), help=t("cli.help.serve.host")
    )
    where.add_argument("--lan", action="store_true", help=t("cli.help.serve.lan"))
    serve.add_argument(
        "--port",
        type=_port_type(t),
        default=None,
        metavar=t("cli.help.metavar.port"),
        help=t("cli.help.serve.port"),
    )
    serve.add_argument("--new-code", action="store_true", help=t("cli.help.serve.new_code"))


def _add_sessions(commands: _Commands[_Parser], t: Translator) -> None:
    """The commands on one session (or file) that take little more than its id."""
    commands.add_parser("list", help=t("cli.help.list"))
    for name in ("open", "review"):
        commands.add_parser(name, help=t(f"cli.help.{name}")).add_argument(
            "id", metavar="ID", help=t("cli.help.id")
        )
    _add_export(commands, t)
    import_ = commands.add_parser("import", help=t("cli.help.import"))
    import_.add_argument("file", type=Path, metavar=t("cli.help.metavar.file"))
    import_.add_argument("--new-id", action="store_true", help=t("cli.help.import.new_id"))
    mismatches = commands.add_parser("mismatches", help=t("cli.help.mismatches"))
    mismatches.add_argument("id", metavar="ID", help=t("cli.help.id"))
    _add_compare(commands, t)
    _add_history(commands, t)
    delete = commands.add_parser("delete", help=t("cli.help.delete"))
    delete.add_argument("id", metavar="ID", help=t("cli.help.id"))
    delete.add_argument("--yes", action="store_true", help=t("cli.help.delete.yes"))


def build_parser(t: Translator | None = None) -> argparse.ArgumentParser:
    """The parser, worded in `t`'s language (build it inside `argparse_speaks(t)`)."""
    t = t or Translator("en")
    parser = _Parser(
        prog="facilitator",
        description=t("cli.help.description"),
        epilog=t("cli.help.epilog", env=ENV_DATA_DIR),
    )
    parser.add_argument(
        "--version", action="version", version=f"facilitator {__version__}", help=t("cli.help.version")
    )
    parser.add_argument(
        "--data-dir", type=Path, metavar=t("cli.help.metavar.folder"), help=t("cli.help.data_dir")
    )
    parser.add_argument("--lang", choices=("et", "en"), help=t("cli.help.lang"))
    command = t("cli.help.command")
    commands = parser.add_subparsers(
        title=t("cli.help.commands"), dest="command", metavar=command, parser_class=_Parser
    )
    commands.add_parser("scenarios", help=t("cli.help.scenarios"))
    scenario = commands.add_parser("scenario", help=t("cli.help.scenario"))
    scenario_commands = scenario.add_subparsers(dest="scenario_command", metavar=command, required=True)
    check = scenario_commands.add_parser("check", help=t("cli.help.scenario.check"))
    check.add_argument("file", type=Path, metavar=t("cli.help.metavar.file"))
    _add_new(commands, t)
    _add_sessions(commands, t)
    _add_serve(commands, t)
    demo = commands.add_parser("demo", help=t("cli.help.demo"))
    demo.add_argument(
        "--scenario",
        default=None,
        metavar=t("cli.help.metavar.scenario"),
        help=t("cli.help.demo.scenario"),
    )
    _lang_after_commands(parser, t)
    return parser


def _lang_after_commands(parser: argparse.ArgumentParser, t: Translator) -> None:
    """--lang after any command too (`facilitator list --lang et`), as README promises;
    export and history have their own (it also picks the report's language)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command in set(action.choices.values()):
                if not any("--lang" in a.option_strings for a in command._actions):
                    command.add_argument(
                        "--lang", choices=("et", "en"), default=argparse.SUPPRESS, help=t("cli.help.lang")
                    )
                _lang_after_commands(command, t)
