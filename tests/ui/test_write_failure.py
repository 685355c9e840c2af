"""A change the disk can't take: the app says so and keeps running; nothing is lost."""

from __future__ import annotations

import errno
import os

import pytest
from textual.widgets import Input

from facilitator.core.service import SessionService
from facilitator.ui.screens.workshop import WorkshopScreen
from facilitator.ui.views.setup import SetupView

from .helpers import MakeApp, focus, fresh, notifications, open_view


async def test_a_full_disk_is_shown_and_the_app_keeps_running(
    make_app: MakeApp, empty_session: SessionService, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(empty_session)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_view(app, pilot, "setup", SetupView)
        before = empty_session.path.read_bytes()

        def full(_fd: int) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(os, "fsync", full)
        name = app.screen.query_one("#setup-party-name", Input)
        await focus(pilot, name)
        await pilot.press(*"Külaselts", "enter")
        await pilot.pause()
        assert any("Could not save" in m and "No space left on device" in m for m in notifications(app))
        assert isinstance(app.screen, WorkshopScreen) and app.is_running
        assert empty_session.path.read_bytes() == before  # the old file, untouched
        assert name.value == "Külaselts"  # what was typed is kept, to try again
        monkeypatch.undo()
        await focus(pilot, name)
        await pilot.press("enter")
        await pilot.pause()
    assert [p.name for p in fresh(empty_session).parties] == ["Külaselts"]
