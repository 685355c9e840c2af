"""Keys of the view state (where the facilitator was) that more than one screen reads.

Here, not on the screens, so that reading one does not import the screen: the board
checks at start-up whether the placement was open, without loading the placement screen.
"""

PLACEMENT = "placement"
"""The activity whose blind placement was open, to reopen it after a restart."""
