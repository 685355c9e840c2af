"""Fixtures for pilot-driven tests through the real app."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from facilitator.core.demo import create_demo
from facilitator.core.library import SessionLibrary
from facilitator.core.scenario import find_scenario
from facilitator.core.service import SessionService
from facilitator.ui.app import FacilitatorApp, create_app


@pytest.fixture
def ui_library(tmp_path: Path) -> SessionLibrary:
    return SessionLibrary(tmp_path / "data")


@pytest.fixture
def empty_session(ui_library: SessionLibrary) -> SessionService:
    """A new English session with no parties or activities."""
    return ui_library.create(find_scenario("community-safety"), "Test workshop")


@pytest.fixture
def demo_session(ui_library: SessionLibrary) -> SessionService:
    """The English demo session: parties, activities, placements, agreements."""
    return create_demo(ui_library, find_scenario("community-safety"))


@pytest.fixture
def make_app(ui_library: SessionLibrary) -> Callable[..., FacilitatorApp]:
    """Build the real app; pass `session=` to open a session straight away."""

    def build(session: SessionService | None = None, lang: str | None = "en") -> FacilitatorApp:
        return create_app(ui_library, session_path=session.path if session else None, lang=lang)

    return build
