"""Every single-letter key, audited: a letter typed where no field has the focus (a name typed
while the field was hidden: the `t` of "Noorte" started the phase timer) never starts, resets
or deletes anything. A letter either does something harmless (opens a dialog or a list, moves
a selection, changes something the same key or its pair undoes) or asks first, on Cancel.

A new letter binding fails this test until it is added below with what it does.
"""

from __future__ import annotations

import importlib
import pkgutil

from textual.binding import Binding

import facilitator.ui

ASKS = "asks first; the question starts on Cancel and no letter confirms it"
AUDITED: dict[str, str] = {
    # workshop screen
    "timer('add1')": "adds a minute (one more key press undoes nothing, but nothing starts)",
    "timer('add5')": "adds five minutes to the plan; nothing starts",
    "timer('reset')": ASKS,
    "timer('minutes')": "opens the minutes dialog",
    "participants": "opens the join panel (phones join on this computer only until n is pressed there)",
    # home
    "new": "opens the new-session dialog",
    "new_from": "opens the new-from dialog",
    "open": "opens the selected session",
    "review": "opens the review, read-only",
    "delete": ASKS,
    "import": "opens the file prompt",
    "demo": "creates a sample session beside the others; nothing is lost",
    "compare": "opens the comparison chooser",
    "export": "opens the export dialog",
    # follow-up of last time
    "record('done')": "records the selected promise as done; another key records another outcome",
    "record('partly')": "records the selected promise as partly done; another key changes it",
    "record('not_done')": "records the selected promise as not done; another key changes it",
    "record('dropped')": "records the selected promise as no longer needed; another key changes it",
    "note": "opens the note dialog",
    "carry": "opens the carry-over dialog (the new step's due date)",
    "confirm": "confirms the answer a phone gave for the selected promise; a key records another",
    # setup
    "rename_party": "opens the rename dialog",
    "remove_party": ASKS,
    "remove_participant": ASKS,
    "move_participant": "opens the party list",
    # intro
    "overview": "shows the ladder page",
    "approaches": "shows the approaches page",
    # collect
    "add": "opens the activity form",
    "edit": "opens the activity form",
    "remove": ASKS,
    "examples": "opens the guide's examples",
    "quick": "puts the focus in the quick-add field",
    # board and placement
    "move(1)": "moves the card a rung up; d moves it back",
    "move(-1)": "moves the card a rung down; u moves it back",
    "filter(1)": "shows one party's cards",
    "filter(-1)": "shows one party's cards",
    "reveal": "shows the placements once every party placed; with one missing it " + ASKS,
    "agree": "records the agreement the screen shows; a new round undoes it",
    "revote": "a new round; the earlier placements stay in the record (with an agreement it " + ASKS + ")",
    # roles and expectations
    "role": "opens the role dialog",
    "sign": "signs off; s again withdraws it",
    "withdraw": "withdraws a sign-off; s again signs",
    "add_commitment": "opens the commitment dialog",
    "add_expectation": "opens the expectation dialog",
    "fields": "opens the agreement fields",
    "add_action": "opens the action dialog",
    "role_grid": "opens the role grid",
    "sign_all": "asks first, on its button (signing off is withdrawn with s)",
    # overview, review, compare, join panel
    "fix": "goes to where to fix the mismatch",
    "next_kind": "shows the next kind of mismatch",
    "toggle_bookkeeping": "hides or shows bookkeeping; b again undoes it",
    "show_tab('review-tab-dashboard')": "shows a tab",
    "show_tab('review-tab-timeline')": "shows a tab",
    "show_tab('review-tab-history')": "shows a tab",
    "pick_phase": "opens the phase list",
    "next_filter(1)": "filters the comparison",
    "next_filter(-1)": "filters the comparison",
    "swap": "swaps the two sides",
    "next_page": "pages the intro on",
    "previous_page": "pages the intro back",
}
JOIN_PANEL = {
    "network": "opens the server to the local network; n again keeps it on this computer",
    "remove": ASKS,
    "admit": "lets the waiting devices take part (they asked to join)",
    "move": "opens the party list",
    "admit_each": "switches admitting each new device; o again switches back",
    "renew": "draws a new join code; joined devices stay",
    "stop": ASKS,
}
"""The join panel's letters (its own screen, no text field)."""
DIGIT_ACTIONS = ("to_rung(", "rung(", "choose(", "pick(", "tab(")
"""Digits choose a rung, a page, a tab or a role: a choice made, undone by another digit."""


def letter_bindings() -> set[tuple[str, str, str]]:
    found: set[tuple[str, str, str]] = set()
    for info in pkgutil.walk_packages(facilitator.ui.__path__, "facilitator.ui."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if not isinstance(value, type) or value.__module__ != module.__name__:
                continue
            for binding in value.__dict__.get("BINDINGS", ()):
                if not isinstance(binding, Binding):
                    continue
                for key in binding.key.split(","):
                    if len(key) == 1 and key.isalnum():
                        found.add((value.__name__, key, binding.action))
    return found


def test_no_letter_starts_resets_or_deletes_anything_unasked() -> None:
    found = letter_bindings()
    assert ("WorkshopScreen", "t", "timer('toggle')") not in found  # the timer starts with ctrl+t
    unaudited = sorted(
        (cls, key, action)
        for cls, key, action in found
        if not (cls == "JoinPanel" and action in JOIN_PANEL)
        and (action not in AUDITED or cls == "JoinPanel")
        and not action.startswith(DIGIT_ACTIONS)
    )
    assert not unaudited, f"single-letter keys not audited yet: {unaudited}"
