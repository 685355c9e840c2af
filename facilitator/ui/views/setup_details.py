"""The setup view's first section: what the workshop is (title, date, place, facilitator).

Its own concept beside the lists of parties and people: a form whose fields are saved as
they are left, where a field changed both here and in another window is asked about
(`three_way`), never silently overwritten. It keeps what each field showed last, which is
the base of that comparison.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Label

from facilitator.core.dates import parse_date, shown_date
from facilitator.core.edits import Clash, three_way
from facilitator.core.model import Session
from facilitator.core.service import SessionService
from facilitator.ui.base import SavedOnLeave
from facilitator.ui.dialogs.clashes import keep_mine
from facilitator.ui.host import AppBound
from facilitator.ui.localized import localize_bindings
from facilitator.ui.views.setup_fields import DetailInput
from facilitator.ui.widgets.button import Button

DETAIL_FIELDS = ("title", "date", "place", "facilitator")


class SessionDetails(AppBound, SavedOnLeave, Vertical):
    """Title, date, place and facilitator, each saved when entered or left."""

    def __init__(self, service: SessionService) -> None:
        super().__init__(id="setup-details", classes="setup-section")
        self.service = service
        self._shown: dict[str, str] = dict.fromkeys(DETAIL_FIELDS, "")  # each field as last shown
        self._settling = False

    def compose(self) -> ComposeResult:
        yield Label("", id="setup-details-heading", classes="setup-heading")
        with Grid(id="setup-details-grid"):
            yield Label("", id="setup-title-label", classes="setup-field-label")
            yield DetailInput(id="setup-title", compact=True, select_on_focus=False)
            yield Label("", id="setup-date-label", classes="setup-field-label")
            yield DetailInput(id="setup-date", compact=True, max_length=10, select_on_focus=False)
            yield Label("", id="setup-place-label", classes="setup-field-label")
            yield DetailInput(id="setup-place", compact=True, select_on_focus=False)
            yield Label("", id="setup-facilitator-label", classes="setup-field-label")
            yield DetailInput(id="setup-facilitator", compact=True, select_on_focus=False)
        with Horizontal(id="setup-details-bar", classes="editing"):
            yield Button("", id="setup-save", variant="primary", compact=True)
            yield Label("", id="setup-details-status")

    def relabel(self) -> None:
        """Called by the setup view, on mount and when the language changes."""
        t = self.t
        for widget_id, key in (
            ("setup-details-heading", "setup.details.heading"),
            ("setup-title-label", "setup.details.title"),
            ("setup-date-label", "setup.details.date"),
            ("setup-place-label", "setup.details.place"),
            ("setup-facilitator-label", "setup.details.facilitator"),
        ):
            self.query_one(f"#{widget_id}", Label).update(Content(t(key)))
        self.query_one("#setup-save", Button).label = Content(t("button.save"))
        self.query_one("#setup-date", Input).placeholder = t("setup.details.date_placeholder")
        for widget in self.query(DetailInput):
            localize_bindings(widget, t)
        self.query_one("#setup-details-status", Label).update("")
        date = self.query_one("#setup-date", Input)
        shown = self._shown.get("date", "")
        if shown and parse_date(date.value) == shown:  # the stored date, not an edit: in the new form
            date.value = self._display("date", shown)

    def show(self, session: Session) -> None:
        """Only fields changed in the session are written back, so typing is never clobbered."""
        values = {
            "title": session.info.title,
            "date": session.info.date,
            "place": session.info.place,
            "facilitator": session.info.facilitator,
        }
        for name, value in values.items():
            field = self.query_one(f"#setup-{name}", Input)
            if self._shown[name] != value and field.value == self._display(name, self._shown[name]):
                # Untouched here: show the change. A field being edited keeps what is typed
                # and its old value as the base, so saving it finds the clash and asks.
                self._shown[name] = value
                field.value = self._display(name, value)

    def _display(self, name: str, value: str) -> str:
        """A stored value as the field shows it: the date as people of the interface write it
        (07.12.2026 in Estonian); what is typed is read back with `parse_date`, either form."""
        return shown_date(value, self.t.language) if name == "date" else value

    @on(Input.Submitted, "DetailInput")
    def _details_submitted(self) -> None:
        self.save()

    @on(Input.Blurred, "DetailInput")
    def _details_left(self) -> None:
        self.save()

    def save_typed(self) -> bool:
        return self.save()

    def save(self, explicit: bool = False) -> bool:
        """Save what the facilitator changed here; a refused field keeps its old value and says why.

        Only fields changed since they were shown are written (a change made elsewhere
        meanwhile is never reverted); one changed both here and elsewhere is asked about.
        Whether all that is typed is now stored: not when a field was refused or is asked about.
        """
        if not self.is_mounted or self._settling:
            return not self.is_mounted
        info = self.service.session.info  # the file as it is now, not as last drawn
        t = self.t
        values = {name: self.query_one(f"#setup-{name}", Input).value for name in DETAIL_FIELDS}
        problems: list[str] = []
        mine = dict(values)
        mine["title"] = values["title"].strip()
        if not mine["title"]:
            problems.append(t("setup.details.no_title", title=info.title))
            self.query_one("#setup-title", Input).value = self._shown["title"]
            mine["title"] = self._shown["title"]
        typed = values["date"].strip()
        date = parse_date(typed) if typed else ""
        if date is None:
            problems.append(t("setup.details.bad_date"))
            mine["date"] = self._shown["date"]
        else:
            mine["date"] = date
        theirs = {
            "title": info.title,
            "date": info.date,
            "place": info.place,
            "facilitator": info.facilitator,
        }
        changes, clashes = three_way(self._shown, mine, theirs)
        status = self.query_one("#setup-details-status", Label)
        saved = (
            bool(changes) and self.fapp.attempt(lambda: self.service.update_session(**changes)) is not None
        )
        if saved:
            self._shown.update(changes)
        if clashes:
            self._settle(clashes)
        if problems:
            status.set_class(True, "-problem")
            status.update(Content(" ".join(problems)))
            self.fapp.show_error(" ".join(problems))
        elif saved or (explicit and not status.has_class("-problem")):
            # A refusal stays in view until something is saved (the Save click itself
            # first saves on leaving the field, which is where a refusal shows).
            status.set_class(False, "-problem")
            status.update(Content(t("setup.details.saved")))
            if explicit:
                self.notify(t("notify.saved"), timeout=2)
        return not problems and not clashes and (saved or not changes)

    @work(exclusive=True, group="setup-clash")
    async def _settle(self, clashes: list[Clash]) -> None:
        """Ask about each field changed here and elsewhere; the facilitator's choice is saved."""
        labels = {name: self.t(f"setup.details.{name}") for name in DETAIL_FIELDS}
        self._settling = True  # leaving the field for the question must not ask again
        try:
            chosen = await keep_mine(self.app, self.t, clashes, lambda name: labels.get(name, name))
        finally:
            self._settling = False
        for clash in clashes:
            self._shown[clash.name] = clash.theirs
        if chosen and self.fapp.attempt(lambda: self.service.update_session(**chosen)):
            self._shown.update(chosen)
        self.show(self.service.session)
        for name, value in self._shown.items():  # what was not kept shows the other side's value
            self.query_one(f"#setup-{name}", Input).value = self._display(name, value)
