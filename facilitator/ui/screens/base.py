"""What every screen of ours shares: the translator, localized bindings, relabelling."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from textual.screen import ModalScreen, Screen

from facilitator.core.i18n import Translator
from facilitator.ui.localized import localize_bindings

if TYPE_CHECKING:
    from facilitator.ui.app import FacilitatorApp

ResultType = TypeVar("ResultType")


class Localized:
    """Mixin: `t` for text, and `relabel()` called on mount and on language change."""

    @property
    def fapp(self) -> FacilitatorApp:
        return self.app  # type: ignore[attr-defined, no-any-return]

    @property
    def t(self) -> Translator:
        return self.fapp.t

    def relabel(self) -> None:
        """Set every piece of interface text; called again when the language changes."""
        localize_bindings(self, self.t)  # type: ignore[arg-type]


class BaseScreen(Localized, Screen[Any]):
    # Textual calls `on_mount` of every class in the MRO: subclasses override
    # `after_mount` instead, so that the base's work runs once and first.
    def on_mount(self) -> None:
        self.relabel()
        self.after_mount()

    def after_mount(self) -> None:
        """Once mounted and labelled."""


class BaseModal(Localized, ModalScreen[ResultType]):
    def on_mount(self) -> None:
        self.relabel()
        self.after_mount()

    def after_mount(self) -> None:
        """Once mounted and labelled."""
