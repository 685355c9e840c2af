"""The agenda stepper: the current phase marked by shape, steps around it when narrow."""

from __future__ import annotations

from facilitator.core.service import SessionService
from facilitator.ui.screens.workshop import WorkshopScreen
from facilitator.ui.widgets.stepper import PhaseStepper, visible_window

from .helpers import MakeApp


def test_the_window_holds_the_current_step_and_as_many_others_as_fit() -> None:
    widths = [10, 10, 10, 10, 10]
    assert visible_window(widths, 2, 200) == (0, 5)
    first, end = visible_window(widths, 4, 30)
    assert first <= 4 < end and end == 5  # the last step, and what fits before it
    assert visible_window(widths, 0, 5) == (0, 1)  # too narrow: the current step alone
    assert visible_window([], 0, 80) == (0, 0)


async def test_the_stepper_marks_the_current_phase_and_follows_the_agenda(
    make_app: MakeApp, empty_session: SessionService
) -> None:
    app = make_app(empty_session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WorkshopScreen)
        screen.set_focus(None)
        stepper = screen.query_one(PhaseStepper)
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert stepper.current == screen.phase_id
        names, rule = stepper.render().plain.split("\n")  # type: ignore[union-attr]
        label = next(s.label for s in stepper.steps if s.phase_id == screen.phase_id)
        start = names.index(label)
        # Under the current step a heavy rule: the mark is a shape, not only a colour.
        assert set(rule[start : start + len(label)]) == {"━"}
        assert "━" not in rule[: start - 1]  # (the label is drawn with a space each side)
        # 80 columns do not hold every step: the hidden ones are announced.
        assert names.startswith("‹") or names.endswith("›")
