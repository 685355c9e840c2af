"""facilitator: run live partnership workshops on the ladder of joint activity."""

__version__ = "0.1.0"
