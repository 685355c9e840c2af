"""Leaf modal screens: they import widgets and the base, never a screen or a view."""
