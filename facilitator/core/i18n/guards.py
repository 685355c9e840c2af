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
    "answer.commitment_phone": {
        "en": "The party {party} wrote this commitment from a phone ({who}): “{text}”. Replace it with yours: “{mine}”?",
        "et": "Osapool {party} kirjutas selle lubaduse telefonist ({who}): „{text}“. Kas asendada see sinu tekstiga: „{mine}“?",
    },
    "answer.commitment_phone.unnamed": {
        "en": "The party {party} wrote this commitment from a phone: “{text}”. Replace it with yours: “{mine}”?",
        "et": "Osapool {party} kirjutas selle lubaduse telefonist: „{text}“. Kas asendada see sinu tekstiga: „{mine}“?",
    },
    "answer.removes_phone": {
        "en": "The party {party} sent it from a phone ({who}).",
        "et": "Osapool {party} saatis selle telefonist ({who}).",
    },
    "answer.removes_phone.unnamed": {
        "en": "The party {party} sent it from a phone.",
        "et": "Osapool {party} saatis selle telefonist.",
    },
    "answer.withdraw_phone": {
        "en": "The party {party} signed off “{activity}” from a phone ({who}). Withdraw its sign-off?",
        "et": "Osapool {party} kinnitas tegevuse „{activity}“ telefonist ({who}). Kas võtta kinnitus tagasi?",
    },
    "answer.withdraw_phone.unnamed": {
        "en": "The party {party} signed off “{activity}” from a phone. Withdraw its sign-off?",
        "et": "Osapool {party} kinnitas tegevuse „{activity}“ telefonist. Kas võtta kinnitus tagasi?",
    },
}
