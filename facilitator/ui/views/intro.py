"""The intro: the ladder explained rung by rung, paced for presenting.

One page at a time, so the room looks at the same thing: the whole ladder with the
guide's key message, one page per rung (definition, questions, flows, examples), then
the approaches. Everything shown from the scenario is data, so it is shown literally.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Digits, Label

from facilitator.core.i18n.numbers import spelled
from facilitator.core.model import Session
from facilitator.core.scenario import Rung, Scenario
from facilitator.core.service import SessionService
from facilitator.core.text import multi_line, one_line
from facilitator.ui.views.base import PhaseView
from facilitator.ui.widgets.button import Button

OVERVIEW = "overview"
RUNG = "rung"
APPROACHES = "approaches"
MAX_RUNG_KEYS = 9
BULLETS = ("– ", "- ", "• ", "* ")
HEADING_STYLE = "bold $primary"


# --------------------------------------------------------------------------- prose


@dataclass(frozen=True)
class Block:
    """One paragraph or list item; a marker hangs left of every wrapped line."""

    text: Content
    marker: Content | None = None
    indent: int = 0


BLANK = Block(Content(""))


def wrap_blocks(blocks: Sequence[Block], width: int) -> list[Content]:
    """The blocks as lines of at most `width` cells, with hanging indents kept."""
    lines: list[Content] = []
    for block in blocks:
        if not block.text and block.marker is None:
            lines.append(Content(""))
            continue
        lead = block.indent + (block.marker.cell_length + 1 if block.marker is not None else 0)
        wrapped = block.text.wrap(max(width - lead, 8)) or [Content("")]
        for index, line in enumerate(wrapped):
            if index == 0 and block.marker is not None:
                prefix = Content.assemble(" " * block.indent, block.marker, " ")
            else:
                prefix = Content(" " * lead)
            lines.append(prefix + line)
    return lines


def text_blocks(text: str, style: str = "") -> list[Block]:
    """Scenario text as blocks: lines starting with a dash become list items."""
    blocks: list[Block] = []
    for line in multi_line(text.strip()).split("\n"):
        stripped = line.strip()
        if not stripped:
            if blocks and blocks[-1] != BLANK:
                blocks.append(BLANK)
            continue
        bullet = next((b for b in BULLETS if stripped.startswith(b)), None)
        if bullet is not None:
            item = stripped[len(bullet) :].strip()
            blocks.append(Block(Content.styled(item, style), Content(bullet.strip()), indent=2))
        else:
            blocks.append(Block(Content.styled(stripped, style)))
    return blocks


class Prose(Widget):
    """A page of text in one widget: paragraphs and lists wrapped to the width it gets."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.blocks: tuple[Block, ...] = ()
        self._cache: tuple[int, list[Content]] | None = None

    def update(self, blocks: Iterable[Block]) -> None:
        self.blocks = tuple(blocks)
        self._cache = None
        self.refresh(layout=True)

    def lines(self, width: int) -> list[Content]:
        if self._cache is None or self._cache[0] != width:
            self._cache = (width, wrap_blocks(self.blocks, width))
        return self._cache[1]

    @property
    def plain(self) -> str:
        """The text as shown (for tests and screen readers of the source)."""
        return "\n".join(line.plain for line in self.lines(max(self.size.width, 20)))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.size.width))


# --------------------------------------------------------------------------- the staircase


def staircase(labels: Sequence[str], width: int, rows: int = 2, notes: Sequence[str] = ()) -> list[Content]:
    """The ladder as steps rising to the right, lowest rung at the bottom-left.

    `rows` lines per rung (at least two: its top edge and its label) plus a base line;
    taller steps show the rung's note (its definition) under the label, whole: a step
    grows by the lines its note needs (the narrow top step most), since a definition cut
    short is one the room can't read. The step offset shrinks to fit narrow widths and
    labels are cut only when nothing else helps.
    """
    count = len(labels)
    if count == 0 or width < 8:
        return []
    rows = max(rows, 2)
    longest = max(cell_len(label) for label in labels)
    steps = max(count - 1, 1)
    offset = min(longest + 6, max(2, (width - longest - 5) // steps))
    if rows > 2:  # a tall ladder for the room: as wide as the page, the top step wide enough for its note
        top = max(longest + 4, width * 2 // 5)
        offset = max(2, (width - top - 1) // steps)
    room = width - 5 - offset * (count - 1)
    if room < longest or rows > 2:  # cut (narrow), or stretched to the page's right edge (tall)
        longest = max(room, 1)
    right = offset * (count - 1) + longest + 4  # the column of the right-hand border
    margin = " " * max((width - right - 1) // 2, 0)
    lines: list[Content] = []
    for index in range(count - 1, -1, -1):
        left = offset * index
        if index == count - 1:
            edge = " " * left + "┌" + "─" * (right - left - 1) + "┐"
        else:
            edge = " " * left + "┌" + "─" * (offset - 1) + "┘" + " " * (right - left - offset - 1) + "│"
        lines.append(Content(margin + edge))
        inner = right - left - 2
        label = Content(labels[index]).truncate(inner, ellipsis=True)
        number, _, _name = labels[index].partition(" ")
        label = label.stylize("bold").stylize(HEADING_STYLE, 0, len(number))
        body = [label]
        if rows > 3 and index < len(notes) and notes[index]:
            indent = len(number) + 2
            wrapped = Content.styled(notes[index], "italic").wrap(max(inner - indent, 8))
            body += [Content(" " * indent) + line for line in wrapped]
        body += [Content("")] * (rows - 1 - len(body))
        for row in body:
            pad = " " * max(inner - row.cell_length, 0)
            lines.append(Content.assemble(margin, " " * left, "│ ", row.truncate(inner), pad, "│"))
    lines.append(Content(margin + "└" + "─" * (right - 1) + "┘"))
    return lines


INTRO_CHROME = 12
"""Lines of the screen the overview page needs besides the ladder and its text: the app's
header, the page's heading with its margins, the text's margin, the page keys and the footer."""
BODY_WIDTH = 110  # #intro-body's max-width in intro.tcss
MAX_RUNG_ROWS = 9


class Staircase(Widget):
    """The whole ladder drawn as a staircase; clicking a step asks for that rung's page.

    It grows with the screen: each step gets more lines (with the rung's summary) when the
    screen has room, so on a projector the ladder fills the page.
    """

    class Picked(Message):
        """A step was clicked: `index` is the rung's place on the ladder, 0 lowest."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.labels: tuple[str, ...] = ()
        self.notes: tuple[str, ...] = ()
        self.rows = 2
        """Lines per rung, from the screen's height."""
        self.beside: Prose | None = None
        """The text under the ladder: the ladder leaves it room, so the whole page fits."""

    def show(self, labels: Iterable[str], notes: Iterable[str] = ()) -> None:
        self.labels = tuple(labels)
        self.notes = tuple(notes)
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not self.labels:
            return 0
        text = len(self.beside.lines(min(width, BODY_WIDTH))) if self.beside is not None else 13
        # Padding around the page grows in projector mode: the ladder gives up those lines too.
        gutters = sum(w.styles.gutter.height for w in self.ancestors if isinstance(w, Widget))
        room = viewport.height - INTRO_CHROME - gutters - text
        rows = min(max(room // len(self.labels), 2), MAX_RUNG_ROWS)
        drawn = staircase(self.labels, width, rows, self.notes)
        while rows > 2 and len(drawn) > room:  # notes wrap: a step may take more than its rows
            rows -= 1
            drawn = staircase(self.labels, width, rows, self.notes)
        self.rows = rows
        return len(drawn)

    def render(self) -> Content:
        return Content("\n").join(staircase(self.labels, self.size.width, self.rows, self.notes))

    def rung_at(self, y: int) -> int:
        """The rung drawn at content row `y`: each step starts at its top edge (a "┌"), and
        steps differ in height (a note takes the lines it needs)."""
        drawn = staircase(self.labels, self.size.width, self.rows, self.notes)
        edges = sum(1 for line in drawn[: y + 1] if "┌" in line.plain)
        count = len(self.labels)
        return min(max(count - edges, 0), count - 1)

    def on_click(self, event: events.Click) -> None:
        if self.labels:
            event.stop()
            self.post_message(self.Picked(self.rung_at(event.y)))


# --------------------------------------------------------------------------- the view


def nav_button(label: str, button_id: str) -> Button:
    """A page button for the mouse; it never takes the focus, so the keys keep paging the text."""
    classes = "editing" if button_id in ("intro-previous", "intro-next") else "editing intro-go"
    button = Button(label, id=button_id, classes=classes, compact=True)
    button.can_focus = False
    return button


@dataclass(frozen=True)
class Page:
    """One page of the intro: the overview, a rung (by index) or the approaches."""

    kind: str
    index: int = 0


class IntroView(PhaseView):
    """The ladder presented one page at a time."""

    KIND = "intro"
    BINDINGS = [
        Binding("right,n", "next_page", "intro.key.next"),
        Binding("left,p", "previous_page", "intro.key.previous"),
        *(
            Binding(str(n), f"rung({n})", "intro.key.rungs", group=Binding.Group("intro.key.rungs"))
            for n in range(1, MAX_RUNG_KEYS + 1)
        ),
        Binding("0", "overview", "intro.key.overview"),
        Binding("a", "approaches", "intro.key.approaches"),
    ]

    def __init__(self, service: SessionService) -> None:
        super().__init__(service)
        self.scenario: Scenario = service.scenario
        pages = [Page(OVERVIEW)]
        pages += [Page(RUNG, i) for i in range(len(self.scenario.rungs))]
        if self.scenario.approaches:
            pages.append(Page(APPROACHES))
        self.pages: tuple[Page, ...] = tuple(pages)
        saved = service.view_state.get("intro_page")  # where the presenter was
        self.page = saved if isinstance(saved, int) and 0 <= saved < len(self.pages) else 0
        self._ends: tuple[bool, bool] | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="intro-scroll"), Vertical(id="intro-page"):
            with Horizontal(id="intro-heading"):
                yield Digits("", id="intro-number")
                with Vertical(id="intro-heading-text"):
                    yield Label("", id="intro-title")
                    yield Label("", id="intro-summary")
            ladder = Staircase(id="intro-ladder")
            ladder.beside = Prose(id="intro-body")
            yield ladder
            yield ladder.beside
        with Horizontal(id="intro-nav"):
            yield nav_button("◀", "intro-previous")
            yield nav_button("", "intro-go-overview")
            for number in range(1, len(self.scenario.rungs) + 1):
                yield nav_button(str(number), f"intro-go-{number}")
            if self.scenario.approaches:
                yield nav_button("", "intro-go-approaches")
            yield nav_button("▶", "intro-next")
            yield Label("", id="intro-indicator")

    # ---------------------------------------------------------------- text
    def relabel(self) -> None:
        super().relabel()
        self.scenario = self.service.scenario  # its names follow the interface language
        t = self.t
        rung_group = Binding.Group(t("intro.key.rungs"))
        bindings = self._bindings.key_to_bindings
        for number in range(1, MAX_RUNG_KEYS + 1):
            if number <= len(self.scenario.rungs):
                title = self.scenario.rung_title(self.scenario.rungs[number - 1].id)
                description = t("intro.key.rung", title=one_line(title))
            else:
                description = ""
            bindings[str(number)] = [
                replace(b, description=description, group=rung_group) for b in bindings[str(number)]
            ]
        self.refresh_bindings()
        self.query_one("#intro-previous", Button).tooltip = Content(t("intro.key.previous"))
        self.query_one("#intro-next", Button).tooltip = Content(t("intro.key.next"))
        overview = self.query_one("#intro-go-overview", Button)
        overview.label = Content(t("intro.button.overview"))
        overview.tooltip = Content(t("intro.key.overview"))
        for number, rung in enumerate(self.scenario.rungs, start=1):
            button = self.query_one(f"#intro-go-{number}", Button)
            button.tooltip = Content(t("intro.key.rung", title=one_line(self.scenario.rung_title(rung.id))))
        if self.scenario.approaches:
            self.query_one("#intro-go-approaches", Button).label = Content(t("intro.button.approaches"))
        self.show_page()

    def show_session(self, session: Session) -> None:
        """The intro shows the scenario, which a session never changes: nothing to do."""

    # ---------------------------------------------------------------- pages
    def show_page(self) -> None:
        """Draw the current page and the navigation around it."""
        page = self.pages[self.page]
        t = self.t
        number = self.query_one("#intro-number", Digits)
        title = self.query_one("#intro-title", Label)
        summary = self.query_one("#intro-summary", Label)
        ladder = self.query_one("#intro-ladder", Staircase)
        body = self.query_one("#intro-body", Prose)
        number.display = page.kind == RUNG
        ladder.display = page.kind == OVERVIEW
        if page.kind == OVERVIEW:
            title.update(Content(t("intro.overview.title")))
            count = len(self.scenario.rungs)  # a scenario of one's own may have more or fewer
            forms = spelled(count, t.language).capitalize()
            summary.update(Content(t("intro.overview.subtitle", count=count, forms=forms)))
            ladder.show(
                (
                    one_line(self.scenario.rung_title(rung.id).replace(". ", "  ", 1))
                    for rung in self.scenario.rungs
                ),
                (one_line(rung.summary) for rung in self.scenario.rungs),
            )
            body.update(self.overview_blocks())
        elif page.kind == RUNG:
            rung = self.scenario.rungs[page.index]
            number.update(str(page.index + 1))
            title.update(Content(one_line(self.scenario.rung_title(rung.id))))
            summary.update(Content(one_line(rung.summary)))
            body.update(self.rung_blocks(rung))
        else:
            title.update(Content(t("intro.approaches.title")))
            summary.update(Content(t("intro.approaches.subtitle")))
            body.update(self.approach_blocks())
        self.query_one("#intro-indicator", Label).update(
            Content(t("intro.page", number=self.page + 1, total=len(self.pages)))
        )
        for button in self.query(".intro-go").results(Button):
            button.set_class(button.id == self._button_for(page), "-current")
        self.query_one("#intro-previous", Button).disabled = self.page == 0
        self.query_one("#intro-next", Button).disabled = self.page == len(self.pages) - 1
        self.query_one("#intro-scroll", VerticalScroll).scroll_home(animate=False)
        ends = (self.page == 0, self.page == len(self.pages) - 1)
        if ends != self._ends:  # previous/next look disabled at the ends; redrawing the footer costs
            self._ends = ends
            self.refresh_bindings()

    def _button_for(self, page: Page) -> str:
        if page.kind == RUNG:
            return f"intro-go-{page.index + 1}"
        return f"intro-go-{page.kind}"

    def go(self, page: int) -> None:
        """Show page `page` (clamped) and remember it, so reopening returns here."""
        page = min(max(page, 0), len(self.pages) - 1)
        if page == self.page:
            return
        self.page = page
        self.show_page()
        self.fapp.attempt(lambda: self.service.set_view_state(intro_page=page))

    def overview_blocks(self) -> list[Block]:
        t = self.t
        return [
            BLANK,
            Block(Content.styled(t("intro.overview.message"), "bold")),
            # "Up, the same or down" before the quotes: the room must see it (a tester's finding).
            Block(Content.styled(t("intro.overview.advice"), "italic")),
            BLANK,
            Block(Content(t("intro.overview.forms")), Content("•")),
            Block(Content(t("intro.overview.agree")), Content("•")),
        ]

    def rung_blocks(self, rung: Rung) -> list[Block]:
        t = self.t
        blocks = text_blocks(rung.definition)
        blocks += [BLANK, Block(Content.styled(t("intro.rung.questions"), HEADING_STYLE))]
        blocks += [Block(Content(one_line(q)), Content("?"), indent=2) for q in rung.questions]
        if rung.flows:
            blocks += [BLANK, Block(Content.styled(t("intro.rung.flows"), HEADING_STYLE))]
            for flow in rung.flows:
                # The guide's words where the scenario has them; the short name would say it twice.
                text = Content(one_line(flow.description or flow.name))
                blocks.append(Block(text, Content("→"), indent=2))
        examples = self.scenario.examples_for(rung.id)
        if examples:
            blocks += [BLANK, Block(Content.styled(t("intro.rung.examples"), HEADING_STYLE))]
            for example in examples:  # the place and the guide's own words: the title would say it twice
                said = Content.assemble((one_line(example.place), "bold"), ": ", one_line(example.text))
                blocks.append(Block(said, Content("▸"), indent=2))
        return blocks

    def approach_blocks(self) -> list[Block]:
        blocks: list[Block] = [Block(Content.styled(self.t("intro.overview.aim"), "italic"))]
        for number, approach in enumerate(self.scenario.approaches, start=1):
            blocks.append(BLANK)
            name = Content.styled(f"{number}. {one_line(approach.name)}", HEADING_STYLE)
            blocks.append(Block(name))
            summary = one_line(approach.summary)
            description = " ".join(approach.description.split())
            if not description.startswith(" ".join(summary.split()).rstrip(".")):  # said once, not twice
                blocks.append(Block(Content.styled(summary, "italic")))
            if approach.description:
                blocks += text_blocks(approach.description)
            if approach.question:
                blocks.append(Block(Content.styled(one_line(approach.question), "bold"), Content("?"), 2))
        return blocks

    # ---------------------------------------------------------------- actions
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "rung":
            number = parameters[0] if parameters else 0
            return isinstance(number, int) and 1 <= number <= len(self.scenario.rungs)
        if action == "approaches":
            return bool(self.scenario.approaches)
        if action == "previous_page":
            return None if self.page == 0 else True
        if action == "next_page":
            return None if self.page == len(self.pages) - 1 else True
        return True

    def action_next_page(self) -> None:
        self.go(self.page + 1)

    def action_previous_page(self) -> None:
        self.go(self.page - 1)

    def action_rung(self, number: int) -> None:
        if 1 <= number <= len(self.scenario.rungs):
            self.go(self.pages.index(Page(RUNG, number - 1)))

    def action_overview(self) -> None:
        self.go(0)

    def action_approaches(self) -> None:
        if self.scenario.approaches:
            self.go(len(self.pages) - 1)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        target = (event.button.id or "").removeprefix("intro-")
        if target == "previous":
            self.action_previous_page()
        elif target == "next":
            self.action_next_page()
        elif target == "go-overview":
            self.action_overview()
        elif target == "go-approaches":
            self.action_approaches()
        elif target.startswith("go-") and target[3:].isdigit():
            self.action_rung(int(target[3:]))

    def on_staircase_picked(self, message: Staircase.Picked) -> None:
        message.stop()
        self.action_rung(message.index + 1)

    def focus_first(self) -> None:
        """The text has the focus, so arrow keys page and up/down scroll."""
        self.query_one("#intro-scroll", VerticalScroll).focus()
