"""Asking the facilitator about fields changed both here and elsewhere (see `core.edits`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual.app import App

from facilitator.core.edits import Clash
from facilitator.core.i18n import Translator
from facilitator.core.text import one_line


async def keep_mine(
    app: App[Any], t: Translator, clashes: Sequence[Clash], label: Callable[[str], str]
) -> dict[str, Any]:
    """One question per clash; the fields whose own value the facilitator chose to save."""
    from facilitator.ui.dialogs.common import ConfirmDialog

    chosen: dict[str, Any] = {}
    for clash in clashes:
        message = t(
            "edit.clash",
            field=label(clash.name),
            theirs=one_line(str(clash.theirs), 120),
            mine=one_line(str(clash.mine), 120),
        )
        if await app.push_screen_wait(ConfirmDialog(message, "edit.clash.mine")):
            chosen[clash.name] = clash.mine
    return chosen
