"""Key bindings whose descriptions come from the catalogue and follow the language.

BINDINGS name catalogue keys as descriptions; `localize_bindings` swaps in the
current language's text. The footer, the help screen and the command palette all
read the same bindings, so every action shows the same name everywhere.
"""

from __future__ import annotations

from dataclasses import replace
from weakref import WeakKeyDictionary

from textual.binding import Binding
from textual.dom import DOMNode

from facilitator.core.i18n import Translator

TEXTUAL_DESCRIPTIONS = {
    "Dismiss menu": "key.textual.dismiss_menu",  # an open Select's list
    "Exit the command palette": "key.textual.exit_palette",
    "Open link": "key.textual.open_link",
}
"""The descriptions of the keys Textual's own widgets show, each with its catalogue key (the
bar showed "esc Dismiss menu" in Estonian). `tests/ui/test_key_names.py` checks that every
shown binding of every Textual widget class the app uses is here."""

KEY_NAMES = {"space": "key.name.space"}
"""Key names Textual spells in English that a keyboard does not print (Esc, Del and Enter are
on the keys themselves)."""

_ORIGINALS: WeakKeyDictionary[DOMNode, dict[str, list[Binding]]] = WeakKeyDictionary()
"""Each node's bindings as declared (catalogue keys), before the first translation."""


def localize_bindings(node: DOMNode, t: Translator) -> None:
    originals = _ORIGINALS.get(node)
    if originals is None:
        originals = _ORIGINALS[node] = {key: list(bs) for key, bs in node._bindings.key_to_bindings.items()}
    for key, bindings in originals.items():
        node._bindings.key_to_bindings[key] = [
            replace(b, description=t(b.description)) if t.has(b.description) else b for b in bindings
        ]
    node.refresh_bindings()


def is_own_binding(node: DOMNode, binding: Binding) -> bool:
    """A binding one of this app's classes declares, not one Textual's widgets bring along.

    Help and the command palette list only these: "Focus Next", "Page Left" or "super+c"
    are Textual's internals, not the workshop's keys.
    """
    for cls in type(node).__mro__:
        if not cls.__module__.startswith("facilitator."):
            continue
        for declared in cls.__dict__.get("BINDINGS", ()):
            if isinstance(declared, Binding) and declared.action == binding.action:
                return True
    return False


def described(binding: Binding, t: Translator) -> Binding:
    """A binding of Textual's own widgets with its description in the current language."""
    key = TEXTUAL_DESCRIPTIONS.get(binding.description)
    return replace(binding, description=t(key)) if key is not None else binding


def key_shown(display: str, t: Translator) -> str:
    """A key as shown (`App.get_key_display`) with its English key names in the current language."""
    tokens = display.split("+")
    return "+".join(t(KEY_NAMES[token]) if token in KEY_NAMES else token for token in tokens)
