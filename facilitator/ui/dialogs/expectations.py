"""An expectation one party has of another, and the answer to it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import (
    Input,
    Label,
    RadioButton,
    Select,
    Static,
)

from facilitator.core.model import Expectation
from facilitator.core.text import one_line
from facilitator.ui.dialogs.agree_form import NAME_LIMIT, AgreeForm
from facilitator.ui.text import literal_block
from facilitator.ui.widgets.marked_input import MarkedInput
from facilitator.ui.widgets.radio import ChosenRadioSet

ANSWERS = ("accepted", "amended", "declined", "open")  # the answers first; "not answered yet" undoes one
ANSWER_MARKS = {"open": "○", "accepted": "✓", "amended": "✎", "declined": "✗"}


@dataclass(frozen=True)
class ExpectationDraft:
    """ "We expect X to …" from one party to another."""

    from_party: str
    to_party: str
    text: str


class ExpectationDialog(AgreeForm[ExpectationDraft | None]):
    """From which party, to which, and what. An addressee outside the activity is warned about."""

    def __init__(
        self,
        parties: Sequence[tuple[str, str]],
        involved: Sequence[str],
        from_party: str | None,
        to_party: str | None,
    ) -> None:
        super().__init__(classes="dialog")
        self.parties = tuple(parties)
        self.involved = tuple(involved)
        self.from_party = from_party
        self.to_party = to_party

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide"):
            yield Label("", id="form-title", classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                with Horizontal(id="expectation-parties"):
                    with Vertical():
                        yield Label("", id="expectation-from-label")
                        yield self.party_select("expectation-from", self.from_party)
                    with Vertical():
                        yield Label("", id="expectation-to-label")
                        yield self.party_select("expectation-to", self.to_party)
                yield Label("", id="expectation-warning", classes="form-warning")
                yield Label("", id="expectation-text-label", classes="form-label")
                yield MarkedInput(id="expectation-text", select_on_focus=False)
            yield from self.buttons()

    def relabel(self) -> None:
        super().relabel()
        t = self.t
        self.query_one("#form-title", Label).update(Content(t("agree.expectation.new")))
        self.query_one("#expectation-from-label", Label).update(Content(t("agree.expectation.from")))
        self.query_one("#expectation-to-label", Label).update(Content(t("agree.expectation.to")))
        self.query_one("#expectation-text-label", Label).update(Content(t("agree.expectation.label")))
        self.query_one("#expectation-text", Input).placeholder = t("agree.expectation.placeholder")
        self.relabel_parties("expectation-from", "expectation-to")
        self._warn()

    def after_mount(self) -> None:
        self.query_one("#expectation-text", Input).focus()

    @on(Select.Changed)
    def _party_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._warn()

    def _warn(self) -> None:
        """Expectations to a party outside the activity are allowed, but the room should know."""
        target = self.query_one("#expectation-to", Select).value
        warning = self.query_one("#expectation-warning", Label)
        outside = isinstance(target, str) and target not in self.involved
        if outside:
            name = next((n for pid, n in self.parties if pid == target), "")
            warning.update(Content(self.t("agree.expectation.outside", party=one_line(name, NAME_LIMIT))))
        warning.display = outside

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        source = self.query_one("#expectation-from", Select).value
        target = self.query_one("#expectation-to", Select).value
        text = self.query_one("#expectation-text", Input).value
        if not isinstance(source, str) or not isinstance(target, str):
            self.problem("agree.form.no_party", "#expectation-from")
        elif source == target:
            self.problem("agree.expectation.same", "#expectation-to")
        elif not text.strip():
            self.problem("agree.expectation.empty", "#expectation-text")
        else:
            self.dismiss(ExpectationDraft(source, target, text.strip()))


def answer_words(t: Callable[..., str], asked: str, state: str, response: str) -> str:
    """The answer in words, as stored: an acceptance says the text accepted (what was asked)
    and its note apart, so an amendment never reads as accepted when the original is."""
    mark = f"{ANSWER_MARKS[state]} {t(f'agree.state.{state}')}"
    text = one_line(response, NAME_LIMIT)
    if state == "accepted":
        said = t("answer.words.accepted", state=mark, text=one_line(asked, NAME_LIMIT))
        return said + (t("answer.words.note", note=text) if text else "")
    if state == "open" or not text:
        return mark
    return t("answer.words.with", state=mark, text=text)


@dataclass(frozen=True)
class Answer:
    """The addressee's answer: a state and, for amend or decline, the new text or the reason."""

    state: str
    response: str


class AnswerDialog(AgreeForm[Answer | None]):
    """Accept, amend (new text; the original stays) or decline (with a reason); or reopen."""

    def __init__(self, expectation: Expectation, from_name: str, to_name: str) -> None:
        super().__init__(classes="dialog")
        self.expectation = expectation
        self.from_name = from_name
        self.to_name = to_name
        self.state = "accepted" if expectation.state == "open" else expectation.state
        self.drafts: dict[str, str] = {expectation.state: expectation.response}
        """What was typed for each answer: an amendment is no note of an acceptance, nor a reason."""

    def compose(self) -> ComposeResult:
        e = self.expectation
        with Vertical(classes="dialog-box wide"):
            yield Label("", id="form-title", classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield Static(literal_block(e.text), id="answer-text")
                with ChosenRadioSet(id="answer-state"):
                    for state in ANSWERS:
                        yield RadioButton("", value=state == self.state, id=f"answer-{state}")
                yield Label("", id="answer-response-label", classes="form-label")
                yield MarkedInput(e.response, id="answer-response", select_on_focus=False)
                yield Label("", id="answer-will-save", classes="form-help")
            yield from self.buttons()

    def relabel(self) -> None:
        super().relabel()
        t = self.t
        self.query_one("#form-title", Label).update(
            Content(
                t(
                    "agree.answer.title",
                    to=one_line(self.to_name, NAME_LIMIT),
                    **{"from": one_line(self.from_name, NAME_LIMIT)},
                )
            )
        )
        for state in ANSWERS:
            button = self.query_one(f"#answer-{state}", RadioButton)
            button.label = Content(f"{ANSWER_MARKS[state]} {t(f'agree.answer.{state}')}")
        self._show_state()

    def after_mount(self) -> None:
        radios = self.query_one("#answer-state", ChosenRadioSet)
        radios.focus()
        radios.choose(ANSWERS.index(self.state))  # the arrow keys start from the current answer

    @on(ChosenRadioSet.Changed)
    def _state_changed(self, event: ChosenRadioSet.Changed) -> None:
        event.stop()
        response = self.query_one("#answer-response", Input)
        self.drafts[self.state] = response.value
        self.state = ANSWERS[event.index]
        draft = self.drafts.get(self.state, "")
        if self.state == "amended" and not draft.strip():
            draft = self.expectation.text  # amend by editing what was asked
        response.value = draft  # each answer its own text: what Save records is what is shown
        self.problem(None)
        self._show_state()

    def _show_state(self) -> None:
        label = self.query_one("#answer-response-label", Label)
        response = self.query_one("#answer-response", Input)
        shown = self.state != "open"
        label.display = response.display = shown
        if shown:
            label.update(Content(self.t(f"agree.answer.{self.state}.label")))
            response.placeholder = self.t(f"agree.answer.{self.state}.placeholder")
        self._show_outcome()

    @on(Input.Changed, "#answer-response")
    def _response_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._show_outcome()

    def _show_outcome(self) -> None:
        """What Save will record, in words: the chosen answer and the text that goes with it."""
        response = self.query_one("#answer-response", Input).value.strip()
        self.query_one("#answer-will-save", Label).update(
            Content(
                self.t(
                    "answer.will_save",
                    state=answer_words(self.t, self.expectation.text, self.state, response),
                )
            )
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        response = self.query_one("#answer-response", Input).value.strip()
        if self.state == "amended" and not response:
            self.problem("agree.answer.amended.empty", "#answer-response")
        elif self.state == "amended" and response == self.expectation.text.strip():
            self.problem("agree.answer.amended.same", "#answer-response")
        elif self.state == "declined" and not response:
            self.problem("agree.answer.declined.empty", "#answer-response")
        else:
            self.dismiss(Answer(self.state, "" if self.state == "open" else response))
