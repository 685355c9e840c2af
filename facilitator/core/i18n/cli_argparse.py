"""argparse's own words (usage, option groups, its error messages) in the interface language.

The English side is argparse's gettext message id, exactly; `facilitator.cli_args` hands
argparse the Estonian side while it builds the parser and reads the command line. A
message missing here stays English, so every message this CLI can meet is listed.
"""

MESSAGES = {
    "argparse.usage": {"en": "usage: ", "et": "kasutus: "},
    "argparse.positionals": {"en": "positional arguments", "et": "kohustuslikud argumendid"},
    "argparse.options": {"en": "options", "et": "valikud"},
    "argparse.help": {"en": "show this help message and exit", "et": "näita seda abiteksti ja välju"},
    "argparse.argument": {
        "en": "argument %(argument_name)s: %(message)s",
        "et": "argument %(argument_name)s: %(message)s",
    },
    "argparse.required": {
        "en": "the following arguments are required: %s",
        "et": "puuduvad kohustuslikud argumendid: %s",
    },
    "argparse.one_required": {
        "en": "one of the arguments %s is required",
        "et": "üks argumentidest %s on kohustuslik",
    },
    "argparse.invalid_choice": {
        "en": "invalid choice: %(value)r (choose from %(choices)s)",
        "et": "vigane valik: %(value)r (vali üks: %(choices)s)",
    },
    "argparse.invalid_value": {
        "en": "invalid %(type)s value: %(value)r",
        "et": "vigane väärtus: %(value)r",
    },
    "argparse.unrecognized": {"en": "unrecognized arguments: %s", "et": "tundmatud argumendid: %s"},
    "argparse.expected_one": {"en": "expected one argument", "et": "väärtus puudub"},
    "argparse.expected_at_most_one": {
        "en": "expected at most one argument",
        "et": "lubatud on kõige rohkem üks väärtus",
    },
    "argparse.expected_at_least_one": {
        "en": "expected at least one argument",
        "et": "vaja on vähemalt üht väärtust",
    },
    "argparse.expected_n": {"en": "expected %s argument", "et": "vajalik väärtuste arv: %s"},
    "argparse.expected_n_plural": {"en": "expected %s arguments", "et": "vajalik väärtuste arv: %s"},
    "argparse.ambiguous": {
        "en": "ambiguous option: %(option)s could match %(matches)s",
        "et": "mitmeti mõistetav valik: %(option)s võib olla %(matches)s",
    },
    "argparse.not_allowed_with": {
        "en": "not allowed with argument %s",
        "et": "ei saa kasutada koos argumendiga %s",
    },
    "argparse.ignored_explicit": {"en": "ignored explicit argument %r", "et": "liigne väärtus %r"},
    "argparse.unexpected_option": {"en": "unexpected option string: %s", "et": "ootamatu valik: %s"},
    "argparse.unknown_parser": {
        "en": "unknown parser %(parser_name)r (choices: %(choices)s)",
        "et": "tundmatu käsk %(parser_name)r (valikud: %(choices)s)",
    },
}
