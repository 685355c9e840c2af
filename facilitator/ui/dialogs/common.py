"""Small modal dialogs, each returning its result with `dismiss`."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from facilitator.core.dates import parse_date, shown_date
from facilitator.core.errors import UserError
from facilitator.core.i18n import explain
from facilitator.core.scenario import Scenario
from facilitator.core.text import LINE, NAME, one_line
from facilitator.ui.base import BaseModal, typed_not_stored
from facilitator.ui.host import host_of
from facilitator.ui.text import literal
from facilitator.ui.widgets.button import Button
from facilitator.ui.widgets.choice_list import ChoiceList
from facilitator.ui.widgets.marked_input import MarkedInput


class ConfirmDialog(BaseModal[bool]):
    """Yes or no; the message is plain text (it may quote user text).

    A safe, undoable action (`safe=True`: signing off, moving a card) starts on its button,
    so enter does it; a destructive one (delete, reset, throw away) starts on Cancel, and no
    letter confirms it: a letter typed by mistake never deletes anything.
    """

    BINDINGS = [Binding("escape", "cancel", "button.cancel")]
    SAFE_KEYS = ("y", "j")  # yes / jah, for safe actions only

    def __init__(self, message: str, confirm_key: str = "button.yes", *, safe: bool = False) -> None:
        super().__init__(classes="dialog")
        self.message = message
        self.confirm_key = confirm_key
        self.safe = safe

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            with VerticalScroll(
                classes="dialog-body", can_focus=False
            ):  # a long message scrolls; the buttons stay
                yield Label(Content(self.message), classes="dialog-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button("", id="confirm", variant="primary" if self.safe else "error")
                yield Button("", id="cancel")

    def relabel(self) -> None:
        super().relabel()
        self.query_one("#confirm", Button).label = self.t(self.confirm_key)
        self.query_one("#cancel", Button).label = self.t("button.cancel")

    def after_mount(self) -> None:
        self.query_one("#confirm" if self.safe else "#cancel", Button).focus()

    def on_key(self, event: events.Key) -> None:
        if self.safe and event.character in self.SAFE_KEYS:
            event.stop()
            self.dismiss(True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm")

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)


class ChoiceDialog(BaseModal[str | None]):
    """One option from a list (a `ChoiceField`'s): enter or a click chooses, escape keeps."""

    BINDINGS = [Binding("escape", "cancel", "button.cancel")]

    def __init__(self, title: str, options: Sequence[tuple[Content, str]], current: str | None) -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.options = tuple(options)
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(Content(self.title_text), classes="dialog-title")
            yield ChoiceList(
                *(Option(label, id=value) for label, value in self.options),
                id="choice-options",
                classes="dialog-body",
            )

    def after_mount(self) -> None:
        options = self.query_one("#choice-options", OptionList)
        values = [value for _label, value in self.options]
        options.highlighted = values.index(self.current) if self.current in values else 0
        options.focus()

    @on(OptionList.OptionSelected, "#choice-options")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.close_asking(None)


class TextPromptDialog(BaseModal[str | None]):
    """One line of text; None when cancelled.

    With `attempt`, OK runs it on the text first: a refusal it raises (`UserError`) is shown
    in the dialog, which stays open with the text as typed (an import's mistyped path was lost
    with the dialog)."""

    BINDINGS = [Binding("escape", "cancel", "button.cancel")]

    def __init__(
        self,
        title_key: str,
        label_key: str,
        value: str = "",
        ok_key: str = "button.ok",
        kind: str | None = LINE,
        attempt: Callable[[str], object] | None = None,
    ) -> None:
        super().__init__(classes="dialog")
        self.title_key = title_key
        self.label_key = label_key
        self.value = value
        self.ok_key = ok_key
        self.kind = kind  # how the core stores the answer (`core.text`), None: not stored text
        self.attempt = attempt

    def text_kind(self, widget: Widget) -> str | None:
        return self.kind

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label("", id="title", classes="dialog-title")
            with VerticalScroll(classes="dialog-body", can_focus=False):  # the field has the focus
                yield Label("", id="label")
                yield MarkedInput(self.value, id="value")
            problem = Label("", id="problem", classes="dialog-problem")
            problem.display = False  # until a refusal (see `attempt`)
            yield problem
            with Horizontal(classes="dialog-buttons"):
                yield Button("", id="ok", variant="primary")
                yield Button("", id="cancel")

    def relabel(self) -> None:
        super().relabel()
        self.query_one("#title", Label).update(self.t(self.title_key))
        self.query_one("#label", Label).update(self.t(self.label_key))
        self.query_one("#ok", Button).label = self.t(self.ok_key)
        self.query_one("#cancel", Button).label = self.t("button.cancel")

    def on_input_submitted(self) -> None:
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "ok":
            self.submit()
        else:
            self.close_asking(None)

    def submit(self) -> None:
        if self.answered:  # a second enter queued before the dialog left: the change was made once
            return
        field = self.query_one("#value", Input)
        if self.attempt is not None:
            try:
                self.attempt(field.value)
            except UserError as error:
                problem = self.query_one("#problem", Label)
                problem.update(Content(one_line(explain(error, self.t))))
                problem.display = True
                field.focus()
                return
        self.dismiss(field.value)

    def action_cancel(self) -> None:
        self.close_asking(None)


@dataclass(frozen=True)
class NewSession:
    """What the new-session dialog collected."""

    scenario: Scenario
    title: str
    date: str
    place: str
    facilitator: str


def scenario_options(scenarios: list[Scenario]) -> list[tuple[Content, str]]:
    """Each scenario by its title; titles that are the same (an own copy of a shipped one)
    also by id, so the two can be told apart."""
    titles = Counter(s.title for s in scenarios)
    return [(literal(f"{s.title} ({s.id})" if titles[s.title] > 1 else s.title), s.id) for s in scenarios]


class NewSessionDialog(BaseModal[NewSession | None]):
    """Scenario, title, date, place and facilitator for a new workshop."""

    TEXT_KINDS = {"title": LINE, "date": None, "place": LINE, "facilitator": NAME}

    BINDINGS = [Binding("escape", "cancel", "button.cancel")]

    def __init__(self, scenarios: list[Scenario], language: str, refused: tuple[str, ...] = ()) -> None:
        super().__init__(classes="dialog")
        self.scenarios = scenarios
        self.language = language
        self.refused = refused
        """The scenario files that could not be offered (broken, an id taken): said, not hidden."""
        preferred = next((s for s in scenarios if s.language == language), None)
        self.initial = preferred.id if preferred else (scenarios[0].id if scenarios else None)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide"):
            yield Label("", id="heading", classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield Label("", id="scenario-label")
                yield Select(
                    scenario_options(self.scenarios),
                    value=self.initial if self.initial else Select.NULL,
                    allow_blank=False,
                    id="scenario",
                )
                yield Label("", id="scenario-refused", classes="dialog-problem")
                yield Label("", id="title-label")
                yield MarkedInput(id="title")
                yield Label("", id="date-label")
                yield MarkedInput(shown_date(dt.date.today().isoformat(), self.language), id="date")
                yield Label("", id="place-label")
                yield MarkedInput(id="place")
                yield Label("", id="facilitator-label")
                yield MarkedInput(id="facilitator")
                yield Label("", id="problem", classes="dialog-problem")
            with Horizontal(classes="dialog-buttons"):
                yield Button("", id="create", variant="primary")
                yield Button("", id="cancel")

    def relabel(self) -> None:
        super().relabel()
        for widget_id, key in (
            ("heading", "home.new.title"),
            ("scenario-label", "home.new.scenario"),
            ("title-label", "home.new.name"),
            ("date-label", "home.new.date"),
            ("place-label", "home.new.place"),
            ("facilitator-label", "home.new.facilitator"),
        ):
            self.query_one(f"#{widget_id}", Label).update(self.t(key))
        refused = self.query_one("#scenario-refused", Label)
        refused.display = bool(self.refused)
        names = ", ".join(self.refused)  # file names: the user's text, never markup
        refused.update(Content(self.t("home.new.refused", count=len(self.refused), names=names)))
        self.query_one("#create", Button).label = self.t("home.new.create")
        self.query_one("#cancel", Button).label = self.t("button.cancel")

    def after_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def on_input_submitted(self) -> None:
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "create":
            self.submit()
        else:
            self.close_asking(None)

    def submit(self) -> None:
        title = self.query_one("#title", Input).value
        date = self.query_one("#date", Input).value.strip()
        problem = self.query_one("#problem", Label)
        if not title.strip():
            self.show_problem(problem, self.t("home.new.no_title"), self.query_one("#title", Input))
            return
        if date:
            parsed = parse_date(date)
            if parsed is None:
                said = self.t("error.bad_date", value=date)  # the CLI's words, one rule
                self.show_problem(problem, said, self.query_one("#date", Input))
                return
            date = parsed
        chosen = self.query_one("#scenario", Select).value
        scenario = next(s for s in self.scenarios if s.id == chosen)
        self.dismiss(
            NewSession(
                scenario=scenario,
                title=title,
                date=date,
                place=self.query_one("#place", Input).value,
                facilitator=self.query_one("#facilitator", Input).value,
            )
        )

    def action_cancel(self) -> None:
        self.close_asking(None)


def _phase_of(field: Widget) -> str:
    """The name of the workshop phase whose view holds `field` (the scenario's own words)."""
    label = getattr(field.screen, "phase_label", None)  # (a workshop screen's)
    kinds = (getattr(node, "KIND", None) for node in field.ancestors)
    kind = next((k for k in kinds if isinstance(k, str) and k), "")
    return label(kind) if label is not None and kind else ""


def confirm_discard(screen: Screen[Any], discard: Callable[[], object]) -> None:
    """Ask whether typed text may be thrown away; `discard` runs only on yes."""

    def answered(yes: bool | None) -> None:
        if yes:
            discard()

    t = host_of(screen.app).t
    fields = [field for shown in screen.app.screen_stack for field in typed_not_stored(shown)]
    if fields and not (isinstance(screen, BaseModal) and screen.has_unsaved_text()):
        typed = "; ".join(
            t("dialog.discard.typed", where=_phase_of(f), field=t(f.WHAT), text=one_line(f.value, 60))
            for f in fields
        )
        question = t("dialog.discard.named", typed=typed)
    else:
        question = t("dialog.discard.confirm")
    screen.app.push_screen(ConfirmDialog(question, "dialog.discard.yes"), answered)
