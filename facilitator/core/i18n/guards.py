"""What keeps a wrong answer from being recorded: the lines that say what a dialog will save,
and the questions asked before a reset or a removal."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "board.detail.wished": {"en": "wished rung: {rung}", "et": "soovitud aste: {rung}"},
    "answer.will_save": {"en": "Save records: {state}", "et": "Salvestatakse: {state}"},
    "answer.will_save.with": {
        "en": "Save records: {state} — “{text}”",
        "et": "Salvestatakse: {state} — „{text}“",
    },
}
