"""Setup: moving a participant to another party, and removing one (asked first)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "setup.key.move_participant": {"en": "Change party", "et": "Muuda osapoolt"},
    "setup.participants.move": {"en": "Change party…", "et": "Muuda osapoolt…"},
    "setup.participants.move_title": {"en": "The party of {name}", "et": "Osaleja {name} osapool"},
    "setup.participants.moved": {
        "en": "“{name}” is now with {party}",
        "et": "„{name}“ esindab nüüd osapoolt {party}",
    },
    "setup.participants.remove_confirm": {
        "en": "Remove the participant “{name}”?",
        "et": "Kas eemaldada osaleja „{name}“?",
    },
    "review.event.participant.moved": {
        "en": "Moved the participant “{name}” to the party {party}",
        "et": "Osaleja „{name}“ esindab nüüd osapoolt {party}",
    },
}
