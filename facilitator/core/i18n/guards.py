"""What keeps a wrong answer from being recorded: the lines that say what a dialog will save,
and the questions asked before a reset or a removal."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "board.detail.wished": {"en": "wished rung: {rung}", "et": "soovitud aste: {rung}"},
    "answer.will_save": {"en": "Save records: {state}", "et": "Salvestatakse: {state}"},
    "answer.words.with": {"en": "{state} — “{text}”", "et": "{state} — „{text}“"},
    "answer.words.accepted": {
        "en": "{state} as asked — “{text}”",
        "et": "{state} nii, nagu oodati — „{text}“",
    },
    "answer.words.note": {"en": "; note: “{note}”", "et": "; märkus: „{note}“"},
    "answer.replace_phone": {
        "en": "The party {party} answered from a phone ({who}): {answer}. Replace it with yours: {mine}?",
        "et": "Osapool {party} vastas telefonist ({who}): {answer}. Kas asendada see sinu vastusega: {mine}?",
    },
    "answer.replace_phone.unnamed": {
        "en": "The party {party} answered from a phone: {answer}. Replace it with yours: {mine}?",
        "et": "Osapool {party} vastas telefonist: {answer}. Kas asendada see sinu vastusega: {mine}?",
    },
}
