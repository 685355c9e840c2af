"""The Textual interface: a thin layer over the core session service."""
