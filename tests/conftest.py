"""Shared fixtures. Every test runs against a throw-away data folder, never the user's."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator.core.device import ENV_STATE_DIR
from facilitator.core.library import ENV_DATA_DIR, SessionLibrary
from facilitator.core.scenario import Scenario, find_scenario
from facilitator.core.service import SessionService


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    """With pytest-xdist switched off (`-p no:xdist`, as land.sh and quick runs do), the
    `-n auto` of pyproject's addopts is accepted and ignored instead of stopping the run."""
    if pluginmanager.is_blocked("xdist"):
        group = parser.getgroup("xdist-off")
        group._addoption("-n", "--numprocesses", dest="numprocesses", default=None, help="ignored (no xdist)")


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The data folder for this test, also what `FACILITATOR_DATA_DIR` points at.

    Code that falls back to the default data folder (the CLI, the app) lands here too,
    so sessions made with the `library` fixture are the ones it sees.
    """
    path = tmp_path / "data"
    monkeypatch.setenv(ENV_DATA_DIR, str(path))
    monkeypatch.setenv(ENV_STATE_DIR, str(tmp_path / "state"))  # this device's view state, too
    return path


@pytest.fixture
def scenario() -> Scenario:
    """The shipped English scenario."""
    return find_scenario("community-safety")


@pytest.fixture
def library(data_dir: Path) -> SessionLibrary:
    """The sessions of this test's data folder (empty at the start)."""
    return SessionLibrary(data_dir)


@pytest.fixture
def service(library: SessionLibrary, scenario: Scenario) -> SessionService:
    """A new, empty session on the shipped English scenario."""
    return library.create(scenario, "Test workshop")
