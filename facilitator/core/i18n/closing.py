"""Closing a workshop and reopening it: the key, the questions, what lists and reports say."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "closing.closed_on": {"en": "closed on {date}", "et": "lõpetatud {date}"},
    "closing.key.close": {"en": "Close the workshop", "et": "Lõpeta töötuba"},
    "closing.key.reopen": {"en": "Reopen the workshop", "et": "Ava töötuba uuesti"},
    "closing.close.confirm": {
        "en": "Close the workshop “{title}”? Its list line, review and report will say it was closed today. You can reopen it later.",
        "et": "Kas lõpetada töötuba „{title}“? Nimekiri, ülevaade ja aruanne ütlevad siis, et see lõpetati täna. Hiljem saab selle uuesti avada.",
    },
    "closing.close.button": {"en": "Close the workshop", "et": "Lõpeta"},
    "closing.closed": {
        "en": "The workshop is closed. Reopen it with the same key.",
        "et": "Töötuba on lõpetatud. Sama klahv avab selle uuesti.",
    },
    "closing.reopen.confirm": {
        "en": "The workshop “{title}” was {closed}. Reopen it and carry on?",
        "et": "Töötuba „{title}“ on {closed}. Kas avada see uuesti ja jätkata?",
    },
    "closing.reopen.button": {"en": "Reopen", "et": "Ava uuesti"},
    "closing.reopened": {"en": "The workshop is open again.", "et": "Töötuba on jälle avatud."},
    "closing.banner": {
        "en": "This workshop is {closed}. Changes are still saved; ctrl+w reopens it.",
        "et": "See töötuba on {closed}. Muudatused salvestatakse ikka; ctrl+w avab selle uuesti.",
    },
    "error.session_closed": {"en": "The workshop is already closed.", "et": "Töötuba on juba lõpetatud."},
    "error.session_open": {"en": "The workshop is not closed.", "et": "Töötuba pole lõpetatud."},
    "review.event.session.closed": {"en": "Closed the workshop", "et": "Töötuba lõpetati"},
    "review.event.session.reopened": {"en": "Reopened the workshop", "et": "Töötuba avati uuesti"},
}
