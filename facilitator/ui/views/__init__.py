"""One view per workshop phase."""
