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
