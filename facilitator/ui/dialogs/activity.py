"""Dialogs of the collect view: one activity's form, and pulling in the guide's examples.

Both return plain data with `dismiss`; the view makes the changes through the service,
so a dialog never touches the session file.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Checkbox, Input, Label, SelectionList, TextArea
from textual.widgets.selection_list import Selection

from facilitator.core.model import Activity, Session
from facilitator.core.scenario import Example
from facilitator.core.text import LINE
from facilitator.ui.base import BaseModal
from facilitator.ui.text import literal
from facilitator.ui.widgets.button import Button
from facilitator.ui.widgets.keybar import KeyBar
from facilitator.ui.widgets.marked_input import MarkedInput
from facilitator.ui.widgets.tickbox import TickBox, TickList


@dataclass(frozen=True)
class ActivityDraft:
    """What the activity form collected; the view turns it into one service call."""

    title: str
    description: str
    party_ids: tuple[str, ...]
    approaches: tuple[str, ...]
    concerns: tuple[str, ...]
    flows: tuple[str, ...]


def example_title(example: Example) -> str:
    """ "Place: title", the title an example gets as an activity."""
    return f"{example.place}: {example.title}"


class ActivityDialog(BaseModal[ActivityDraft | None]):
    """Add or edit one activity: title, description, parties, concerns, approaches, flows."""

    TEXT_KINDS = {"activity-title": LINE}

    BINDINGS = [
        Binding("escape", "cancel", "button.cancel"),
        Binding("ctrl+s", "save", "collect.dialog.key.save"),
    ]

    def __init__(self, session: Session, activity: Activity | None = None) -> None:
        super().__init__(classes="dialog")
        self.session = session
        self.activity = activity

    def compose(self) -> ComposeResult:
        activity = self.activity
        session = self.session
        chosen = set(activity.party_ids) if activity else set()
        concerns = set(activity.concerns) if activity else set()
        affected = [p for p in session.parties if p.affected]
        with Vertical(classes="dialog-box wide", id="activity-box"):
            yield Label("", id="activity-heading", classes="dialog-title")
            with VerticalScroll(id="activity-form", classes="dialog-body"):
                yield Label("", id="activity-title-label")
                yield MarkedInput(activity.title if activity else "", id="activity-title")
                yield Label("", id="activity-description-label")
                yield TextArea(
                    activity.description if activity else "",
                    id="activity-description",
                    soft_wrap=True,
                    tab_behavior="focus",
                    show_line_numbers=False,
                )
                with Horizontal(id="activity-lists"):
                    with Vertical(id="activity-parties-box"):
                        yield Label("", id="activity-parties-label")
                        yield TickList[str](
                            *(Selection(literal(p.name), p.id, p.id in chosen) for p in session.parties),
                            id="activity-parties",
                        )
                        yield Label("", id="activity-no-parties", classes="dialog-hint")
                    with Vertical(id="activity-concerns-box"):
                        yield Label("", id="activity-concerns-label")
                        yield TickList[str](
                            *(Selection(literal(p.name), p.id, p.id in concerns) for p in affected),
                            id="activity-concerns",
                        )
                        yield Label("", id="activity-no-concerns", classes="dialog-hint")
                approaches = set(activity.approaches) if activity else set()
                flows = set(activity.flows) if activity else set()
                scenario = session.scenario
                with Horizontal(id="activity-lenses"):
                    with Vertical(id="activity-approaches-box"):
                        yield Label("", id="activity-approach-label")
                        yield TickList[str](
                            *(
                                Selection(literal(a.name), a.id, a.id in approaches)
                                for a in scenario.approaches
                            ),
                            id="activity-approaches",
                        )
                    with Vertical(id="activity-flows-box"):
                        yield Label("", id="activity-flows-label")
                        yield TickList[str](
                            *(
                                Selection(literal(scenario.flow_name(f)), f, f in flows)
                                for f in scenario.flow_ids()
                            ),
                            id="activity-flows",
                        )
            yield Label("", id="activity-problem", classes="dialog-problem")
            with Horizontal(classes="dialog-buttons"):
                yield Button("", compact=True, id="activity-save", variant="primary")
                yield Button("", compact=True, id="activity-cancel")
        yield KeyBar()

    def after_mount(self) -> None:
        self.query_one("#activity-parties", SelectionList).display = bool(self.session.parties)
        self.query_one("#activity-no-parties", Label).display = not self.session.parties
        scenario = self.session.scenario
        self.query_one("#activity-approaches-box", Vertical).display = bool(scenario.approaches)
        self.query_one("#activity-flows-box", Vertical).display = bool(scenario.flow_ids())
        has_affected = any(p.affected for p in self.session.parties)
        self.query_one("#activity-concerns", SelectionList).display = has_affected
        self.query_one("#activity-no-concerns", Label).display = not has_affected
        self.query_one("#activity-title", Input).focus()

    def relabel(self) -> None:
        super().relabel()
        t = self.t
        heading = "collect.dialog.edit" if self.activity else "collect.dialog.add"
        for widget_id, key in (
            ("activity-heading", heading),
            ("activity-title-label", "collect.dialog.title"),
            ("activity-description-label", "collect.dialog.description"),
            ("activity-parties-label", "collect.dialog.parties"),
            ("activity-no-parties", "collect.dialog.no_parties"),
            ("activity-concerns-label", "collect.dialog.concerns"),
            ("activity-no-concerns", "collect.dialog.no_concerns"),
            ("activity-approach-label", "collect.dialog.approach"),
            ("activity-flows-label", "collect.dialog.flows"),
        ):
            self.query_one(f"#{widget_id}", Label).update(Content(t(key)))
        self.query_one("#activity-save", Button).label = Content(t("button.save"))
        self.query_one("#activity-cancel", Button).label = Content(t("button.cancel"))

    # ---------------------------------------------------------------- result
    def draft(self) -> ActivityDraft | None:
        """The form's content, or None (with the reason shown) when it can't be saved."""
        title = self.query_one("#activity-title", Input).value.strip()
        if not title:
            problem = self.query_one("#activity-problem", Label)
            self.show_problem(problem, self.t("collect.no_title"), self.query_one("#activity-title", Input))
            return None
        parties: SelectionList[str] = self.query_one("#activity-parties", SelectionList)
        concerns: SelectionList[str] = self.query_one("#activity-concerns", SelectionList)
        approaches: SelectionList[str] = self.query_one("#activity-approaches", SelectionList)
        flows: SelectionList[str] = self.query_one("#activity-flows", SelectionList)
        order = [p.id for p in self.session.parties]
        scenario = self.session.scenario
        return ActivityDraft(
            title=title,
            description=self.query_one("#activity-description", TextArea).text,
            party_ids=tuple(p for p in order if p in set(parties.selected)),
            approaches=tuple(a.id for a in scenario.approaches if a.id in set(approaches.selected)),
            concerns=tuple(p for p in order if p in set(concerns.selected)),
            flows=tuple(f for f in scenario.flow_ids() if f in set(flows.selected)),
        )

    def action_save(self) -> None:
        draft = self.draft()
        if draft is not None:
            self.dismiss(draft)

    def action_cancel(self) -> None:
        self.close_asking(None)

    @on(Input.Submitted, "#activity-title")
    def _title_submitted(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#activity-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#activity-cancel")
    def _cancel_pressed(self) -> None:
        self.close_asking(None)


@dataclass(frozen=True)
class ExamplesChoice:
    """The examples to turn into activities, and whether to add their missing parties."""

    examples: tuple[Example, ...]
    add_missing_parties: bool


class ExamplesDialog(BaseModal[ExamplesChoice | None]):
    """The guide's good examples, labelled by rung, each with a check box."""

    BINDINGS = [
        Binding("escape", "cancel", "button.cancel"),
        Binding("ctrl+s", "add", "collect.examples.key.add"),
        Binding("ctrl+a", "all", "collect.examples.key.all"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__(classes="dialog")
        self.session = session
        self.examples = session.scenario.examples
        titles = {a.title.casefold() for a in session.activities}
        self.already = {i for i, e in enumerate(self.examples) if example_title(e).casefold() in titles}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box wide", id="examples-box"):
            yield Label("", id="examples-heading", classes="dialog-title")
            with VerticalScroll(classes="dialog-body"):
                yield Label("", id="examples-intro")
                yield TickList[int](id="examples-list")
                yield Label("", id="examples-parties", classes="dialog-hint")
                yield TickBox("", True, id="examples-add-parties", compact=True)
                yield Label("", id="examples-problem", classes="dialog-problem")
            with Horizontal(classes="dialog-buttons"):
                yield Button("", compact=True, id="examples-all")
                yield Button("", compact=True, id="examples-add", variant="primary")
                yield Button("", compact=True, id="examples-cancel")
        yield KeyBar()

    def after_mount(self) -> None:
        self.query_one("#examples-list", SelectionList).focus()

    def relabel(self) -> None:
        super().relabel()
        t = self.t
        self.query_one("#examples-heading", Label).update(Content(t("collect.examples.heading")))
        self.query_one("#examples-intro", Label).update(Content(t("collect.examples.intro")))
        self.query_one("#examples-add-parties", Checkbox).label = Content(t("collect.examples.add_parties"))
        self.query_one("#examples-all", Button).label = Content(t("collect.examples.all"))
        self.query_one("#examples-add", Button).label = Content(t("collect.examples.add"))
        self.query_one("#examples-cancel", Button).label = Content(t("button.cancel"))
        listing: SelectionList[int] = self.query_one("#examples-list", SelectionList)
        chosen = set(listing.selected)
        highlighted = listing.highlighted
        listing.clear_options()
        scenario = self.session.scenario
        for index, example in enumerate(self.examples):
            rung = scenario.rung_title(example.rung)
            text = f"{rung} │ {example_title(example)}"
            if index in self.already:
                text += f"  ({t('collect.examples.already')})"
            listing.add_option(Selection(literal(text), index, index in chosen))
        if highlighted is not None and self.examples:
            listing.highlighted = min(highlighted, len(self.examples) - 1)
        self._show_parties()

    def chosen(self) -> tuple[Example, ...]:
        listing: SelectionList[int] = self.query_one("#examples-list", SelectionList)
        return tuple(self.examples[i] for i in sorted(listing.selected))

    def missing_parties(self, examples: tuple[Example, ...]) -> list[str]:
        """Suggested party ids the chosen examples name that this session doesn't have yet."""
        have = {p.suggested_id for p in self.session.parties if p.suggested_id}
        names = {p.name.casefold() for p in self.session.parties}
        missing: list[str] = []
        for example in examples:
            for party_id in example.parties:
                suggested = self.session.scenario.suggested_party(party_id)
                if suggested is None or party_id in have or suggested.name.casefold() in names:
                    continue
                if party_id not in missing:
                    missing.append(party_id)
        return missing

    @on(SelectionList.SelectedChanged, "#examples-list")
    def _show_parties(self) -> None:
        t = self.t
        examples = self.chosen()
        missing = self.missing_parties(examples)
        label = self.query_one("#examples-parties", Label)
        checkbox = self.query_one("#examples-add-parties", Checkbox)
        checkbox.display = bool(missing)
        if not examples:
            label.update(Content(t("collect.examples.none_chosen")))
        elif missing:
            names = ", ".join(
                party.name
                for party in (self.session.scenario.suggested_party(p) for p in missing)
                if party is not None
            )
            label.update(literal(t("collect.examples.missing", count=len(examples), names=names)))
        else:
            label.update(Content(t("collect.examples.all_present", count=len(examples))))

    def action_all(self) -> None:
        listing: SelectionList[int] = self.query_one("#examples-list", SelectionList)
        if len(listing.selected) == len(self.examples):
            listing.deselect_all()
        else:
            listing.select_all()

    def action_add(self) -> None:
        examples = self.chosen()
        if not examples:
            problem = self.query_one("#examples-problem", Label)
            self.show_problem(problem, self.t("collect.examples.pick_one"), self.query_one("#examples-list"))
            return
        add = self.query_one("#examples-add-parties", Checkbox).value
        self.dismiss(ExamplesChoice(examples, add_missing_parties=add))

    def action_cancel(self) -> None:
        self.close_asking(None)

    @on(Button.Pressed, "#examples-all")
    def _all_pressed(self) -> None:
        self.action_all()

    @on(Button.Pressed, "#examples-add")
    def _add_pressed(self) -> None:
        self.action_add()

    @on(Button.Pressed, "#examples-cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)
