"""The room-size reveal: the words on the picture of the ladder."""

MESSAGES = {
    "reveal.now": {"en": "now:", "et": "praegu:"},
    "reveal.wished": {"en": "wished:", "et": "soovitud:"},
    "reveal.missing": {"en": "Not placed in this round:", "et": "Selles voorus paigutamata:"},
}
