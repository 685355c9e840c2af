"""The reveal, room-size: every party's placement on a picture of the ladder.

The rungs are drawn as a staircase, the highest on top and furthest right (like the
board), each with its number and name, and in each rung the parties who placed the
activity there: "now" and "wished" side by side, in two columns that each say which
they are, so nothing rests on colour. Names wrap onto more lines rather than being cut.
The picture grows to the height it is given (the screen's, less `reserve` lines for what
follows it), so the reveal fills the projector; when the names need more lines than
that, the rungs list them more densely, and past that the page scrolls.

One widget draws every line, from plain data (attributes down): it knows nothing of
sessions, languages or scenarios. Every text is shown literally, never as markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import zip_longest

from rich.cells import cell_len, chop_cells
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from facilitator.core.text import one_line

HEADING = "bold $primary"
EDGE = "$primary"
NAME = "bold"
LABEL = "italic"
SEPARATOR = " · "
TWO_COLUMNS = 36  # text cells a rung needs to show "now" and "wished" side by side
COLUMN_GAP = 3


@dataclass(frozen=True)
class RevealRung:
    """One rung as the reveal draws it: the parties placing the activity there, now and wished."""

    number: int
    name: str
    now: tuple[str, ...] = ()
    wished: tuple[str, ...] = ()


def wrap_words(text: str, width: int) -> list[str]:
    """Text in lines of at most `width` cells, broken between words (inside a word only if it is longer)."""
    width = max(width, 1)
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        while cell_len(word) > width:  # a word wider than the column: its pieces, each on a line
            if current:
                lines.append(current)
                current = ""
            head, *_rest = chop_cells(word, width)
            lines.append(head)
            word = word[len(head) :]
        candidate = f"{current} {word}" if current else word
        if cell_len(candidate) <= width:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current or not lines:
        lines.append(current)
    return lines


def column_lines(label: str, names: Sequence[str], width: int, flow: bool) -> list[Content]:
    """One column of a rung: the label, then the names under each other (or in a flow), wrapped."""
    if not names:
        return []
    lead = cell_len(label) + 1
    room = max(width - lead, 6)
    texts: list[Content] = []
    if flow:  # the names one after another, a name kept on one line where it fits
        line: list[Content] = []
        used = 0
        for name in names:
            size = cell_len(name)
            extra = size + (cell_len(SEPARATOR) if line else 0)
            if line and used + extra > room:
                texts.append(Content.assemble(*line))
                line, used = [], 0
                extra = size
            if size > room:  # even alone it is too wide: it wraps by words
                for piece in wrap_words(name, room)[:-1]:
                    texts.append(Content.styled(piece, NAME))
                name = wrap_words(name, room)[-1]
                extra = cell_len(name)
            if line:
                line.append(Content(SEPARATOR))
            line.append(Content.styled(name, NAME))
            used += extra
        if line:
            texts.append(Content.assemble(*line))
    else:  # one name a line; a long one goes on, indented, on the lines below
        for name in names:
            pieces = wrap_words(name, room)
            texts.append(Content.styled(pieces[0], NAME))
            rest = " ".join(pieces[1:])
            if rest:
                texts.extend(Content.styled("  " + piece, NAME) for piece in wrap_words(rest, room - 2))
    out = [Content.assemble(Content.styled(label, LABEL), " ", texts[0])]
    out += [Content(" " * lead) + text for text in texts[1:]]
    return out


def rung_body(
    rung: RevealRung, labels: tuple[str, str], width: int, flow: bool, split: int | None = None
) -> list[Content]:
    """A rung's lines under its heading: the two columns side by side, or one under the other if narrow.

    `split`: the "now" column's width (so that "wished" starts at the same place on every rung).
    """
    if width >= TWO_COLUMNS:
        half = (
            split if split is not None and 6 < split < width - COLUMN_GAP - 6 else (width - COLUMN_GAP) // 2
        )
        left = column_lines(labels[0], rung.now, half, flow)
        right = column_lines(labels[1], rung.wished, width - half - COLUMN_GAP, flow)
        if not left and not right:
            return []
        rows = []
        for one, two in zip_longest(left, right, fillvalue=Content("")):
            rows.append(one.pad_right(half - one.cell_length) + Content(" " * COLUMN_GAP) + two)
        return rows
    return column_lines(labels[0], rung.now, width, flow) + column_lines(labels[1], rung.wished, width, flow)


def reveal_lines(
    rungs: Sequence[RevealRung],
    labels: tuple[str, str],
    width: int,
    height: int,
    footer: Sequence[Content] = (),
) -> list[Content]:
    """The ladder as lines `width` cells wide, as close to `height` lines as the names allow.

    `rungs` lowest first; `labels` the words for "now" and "wished"; `footer` lines go under
    the ladder (e.g. who has not placed), wrapped to the width.
    """
    count = len(rungs)
    if count == 0 or width < 12:
        return []
    step = min(max(width // 20, 2), 10) if count > 1 else 0
    step = min(step, max((width - 24) // max(count - 1, 1), 0))
    footer_lines = [line for text in footer for line in text.wrap(width)]
    fixed = 2 * count + 1 + len(footer_lines)

    def text_width(index: int) -> int:
        return width - step * index - 4

    top = (text_width(count - 1) - COLUMN_GAP) // 2  # "wished" starts where it does on the top rung

    def bodies(flow: bool) -> list[list[Content]]:
        return [
            rung_body(rung, labels, text_width(i), flow, top + step * (count - 1 - i))
            for i, rung in enumerate(rungs)
        ]

    body = bodies(flow=False)
    if fixed + sum(len(b) for b in body) > height:  # too many names for the room: denser
        body = bodies(flow=True)
    share = max((height - fixed) // count, 0)
    lines: list[Content] = []
    right = width - 1
    for index in range(count - 1, -1, -1):
        rung = rungs[index]
        left = step * index
        margin = " " * left
        if index == count - 1:
            edge = margin + "┌" + "─" * (right - left - 1) + "┐"
        else:
            edge = margin + "┌" + "─" * (step - 1) + "┘" + " " * (right - left - step - 1) + "│"
        lines.append(Content.styled(edge, EDGE))
        inner = text_width(index)
        heading = Content.assemble(
            Content.styled(str(rung.number), HEADING), "  ", Content.styled(one_line(rung.name), HEADING)
        )
        rows = [heading.truncate(inner, ellipsis=True), *body[index]]
        rows += [Content("")] * max(share - len(body[index]), 0)
        for row in rows:
            lines.append(
                Content.assemble(
                    Content.styled(margin + "│", EDGE),
                    " ",
                    row.pad_right(inner - row.cell_length),
                    " ",
                    Content.styled("│", EDGE),
                )
            )
    lines.append(Content.styled("└" + "─" * (width - 2) + "┘", EDGE))
    return lines + footer_lines


class RevealLadder(Widget):
    """The reveal's picture of the ladder; as tall as the screen allows, less `reserve` lines."""

    DEFAULT_CSS = """
    RevealLadder {
        height: auto;
    }
    """

    def __init__(self, *, reserve: int = 0, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.reserve = reserve
        """Lines left under the picture in the space it is given (e.g. for the spread in words)."""
        self.rungs: tuple[RevealRung, ...] = ()
        self.labels = ("", "")
        self.footer: tuple[Content, ...] = ()
        self._target = 0
        self._cache: tuple[tuple[int, int], list[Content]] | None = None

    def show(
        self, rungs: Iterable[RevealRung], labels: tuple[str, str], footer: Iterable[Content] = ()
    ) -> None:
        """Draw these rungs (lowest first), with the words for "now" and "wished", and footer lines."""
        rungs, footer = tuple(rungs), tuple(footer)
        if (rungs, labels, footer) == (self.rungs, self.labels, self.footer):
            return
        self.rungs, self.labels, self.footer = rungs, labels, footer
        self._cache = None
        self.refresh(layout=True)

    def lines(self, width: int, height: int) -> list[Content]:
        if self._cache is None or self._cache[0] != (width, height):
            self._cache = ((width, height), reveal_lines(self.rungs, self.labels, width, height, self.footer))
        return self._cache[1]

    @property
    def plain(self) -> str:
        """The picture as text (for tests)."""
        return "\n".join(line.plain for line in self.lines(self.size.width, self._target))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        self._target = max(container.height - self.reserve, 0)
        return len(self.lines(width, self._target))

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.size.width, self._target))
