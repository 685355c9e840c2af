"""A party's own word from its phone (GUIDE §6): the app changes, replaces or removes it only
after a question that names the party and the name typed on the phone, Cancel by default."""

from __future__ import annotations

from typing import Any

from textual.app import App

from facilitator.core.authorship import PHONE, entered_for
from facilitator.core.i18n import Translator
from facilitator.core.model import Session
from facilitator.core.text import one_line

NAME_LIMIT = 120


def from_phone(session: Session, word: str, item_id: str) -> str | None:
    """The name the item's word as it stands was sent with from a phone ("" if none was typed),
    or None when no phone sent it. `word`: "commitment", "expectation", "answer", "signoff"."""
    said = entered_for(session).said(word, item_id)
    return said.name if said.how == PHONE else None


def phone_words(t: Translator, key: str, who: str, party: str, **values: str) -> str:
    """The question's words: `key` names the person, `key`.unnamed when the phone gave no name."""
    party = one_line(party, NAME_LIMIT)
    if not who:
        return t(f"{key}.unnamed", party=party, **values)
    return t(key, party=party, who=one_line(who, NAME_LIMIT), **values)


def removes_phone(t: Translator, session: Session, *words: tuple[str, str, str]) -> str:
    """What a removal question adds for the parties' words sent from phones among `words`
    ((word, item id, party id): a commitment, an expectation, the answer to it), else ""."""
    said = []
    for word, item_id, party in words:
        who = from_phone(session, word, item_id)
        if who is not None:
            said.append(phone_words(t, "answer.removes_phone", who, session.party_name(party)))
    return "".join(f"\n{line}" for line in said)


async def replace_ok(app: App[Any], question: str, confirm_key: str = "board.place.replace") -> bool:
    """Ask before the party's word is replaced: a destructive question, so Cancel has the focus."""
    from facilitator.ui.dialogs.common import ConfirmDialog

    replace: bool = await app.push_screen_wait(ConfirmDialog(question, confirm_key))
    return replace
