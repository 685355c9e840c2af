"""What the room's phones bring to a screen: the join panel, and which phone sent a placement."""

from __future__ import annotations

from textual.screen import Screen

from facilitator.core.i18n import Translator
from facilitator.core.model import Placement
from facilitator.core.service import SessionService
from facilitator.core.text import one_line


def open_join_panel(screen: Screen[object], service: SessionService) -> None:
    """Let participants join from their phones: the join panel (QR code, address, code).

    From the workshop and from the placement screen: phones often join as the room places."""
    from facilitator.ui.screens.join_panel import JoinPanel

    screen.app.push_screen(JoinPanel(service))


def phone_sender(placement: Placement, party_name: str) -> str:
    """The name typed on the phone that sent a placement (one line); "" when none was typed."""
    return one_line(placement.by, 40) if placement.by and placement.by != party_name else ""


def from_phone(t: Translator, placement: Placement, party_name: str) -> str:
    """The party list's note for a placement sent from a phone, with the name typed there."""
    who = phone_sender(placement, party_name)
    return t("board.place.from_phone", who=who) if who else t("board.place.from_phone.unnamed")
