"""Asking the facilitator about fields changed both here and elsewhere (see `core.edits`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from textual.app import App

from facilitator.core.edits import Clash, three_way
from facilitator.core.i18n import Translator
from facilitator.core.text import one_line

Show = Callable[[str, Any], str]
"""A field's value as the facilitator reads it (a rung's title, party names), by field name."""


def _as_text(_name: str, value: Any) -> str:
    return str(value)


async def keep_mine(
    app: App[Any],
    t: Translator,
    clashes: Sequence[Clash],
    label: Callable[[str], str],
    show: Show = _as_text,
) -> dict[str, Any]:
    """One question per clash; the fields whose own value the facilitator chose to save."""
    from facilitator.ui.dialogs.common import ConfirmDialog

    chosen: dict[str, Any] = {}
    for clash in clashes:
        message = t(
            "edit.clash",
            field=label(clash.name),
            theirs=one_line(show(clash.name, clash.theirs), 120),
            mine=one_line(show(clash.name, clash.mine), 120),
        )
        if await app.push_screen_wait(ConfirmDialog(message, "edit.clash.mine")):
            chosen[clash.name] = clash.mine
    return chosen


async def settle(
    app: App[Any],
    t: Translator,
    base: Mapping[str, Any],
    mine: Mapping[str, Any],
    theirs: Mapping[str, Any],
    label: Callable[[str], str],
    show: Show = _as_text,
) -> dict[str, Any]:
    """What a form should save: its own changes since it opened (`core.edits.three_way`); a
    value also changed elsewhere meanwhile (another window, a phone) is asked about."""
    changes, clashes = three_way(base, mine, theirs)
    if clashes:
        changes |= await keep_mine(app, t, clashes, label, show)
    return changes


class Settling:
    """A form's own changes, carried over what other devices change while it is saved.

    `against` settles them on what holds now (`settle`) and remembers the answer as the new
    starting point: asked again (`reopen.change_asked` plans again after every question) it
    asks only about what changed elsewhere since, never twice about the same thing."""

    def __init__(
        self,
        app: App[Any],
        t: Translator,
        base: Mapping[str, Any],
        mine: Mapping[str, Any],
        label: Callable[[str], str],
        show: Show = _as_text,
    ) -> None:
        self.app, self.t, self.label, self.show = app, t, label, show
        self.base, self.mine = dict(base), dict(mine)

    async def against(self, theirs: Mapping[str, Any]) -> dict[str, Any]:
        """What to write over `theirs` (what the file holds now)."""
        changes = await settle(self.app, self.t, self.base, self.mine, theirs, self.label, self.show)
        self.base = {name: theirs.get(name) for name in self.mine}
        self.mine = self.base | changes
        return changes
