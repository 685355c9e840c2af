"""The setup view's fields, each saying in the key bar what enter does in it."""

from __future__ import annotations

from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList, Select
from textual.widgets._select import SelectOverlay

from facilitator.ui.base import StoredOnEnter
from facilitator.ui.widgets.marked_input import MarkedInput


class PartyNameInput(StoredOnEnter):
    """The typed-in party's name: enter adds it (shown in the footer)."""

    BINDINGS = [Binding("enter", "submit", "setup.key.add_party")]
    WHAT = "setup.parties.what"


class ParticipantNameInput(StoredOnEnter):
    """A participant's name: enter adds the person to the party shown beside it."""

    BINDINGS = [Binding("enter", "submit", "setup.key.add_participant")]
    WHAT = "setup.participants.what"


class PartySelect(Select[str]):
    """The new participant's party. Enter opens the list, as in any other choice: it once added
    the person at once under the party chosen last, which put people under the wrong party.
    Choosing a party (enter in the list) with a name typed adds the person under it."""

    class Chosen(Message):
        """A party was chosen in the list (the same one as before too)."""

    @on(SelectOverlay.UpdateSelection)
    def _chosen_in_list(self) -> None:
        self.post_message(self.Chosen())  # handled after the Select has taken the value


class DetailInput(MarkedInput):
    """One of the workshop's details: enter saves (leaving the field saves too). Cut, its text
    ends in "…" while another field has the focus (setup's place was clipped unmarked)."""

    BINDINGS = [Binding("enter", "submit", "setup.key.save", show=False)]


class SuggestionList(OptionList):
    """The scenario's suggested parties: enter or a click adds the highlighted one."""

    BINDINGS = [Binding("enter", "select", "setup.key.add_suggested")]
