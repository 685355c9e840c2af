"""Screenshots (SVG) that read as the terminal does.

Rich's SVG export, which Textual's screenshot uses, has two faults that showed
"✓ placed  36 漢字" as "✓ placed36 漢字" (the terminal itself was right):
- a run of text that starts with spaces (a change of style begins a new run) lost them in
  librsvg (rsvg-convert, GNOME's viewers): SVG collapses white space unless told to keep it;
- each run is squeezed into `len(text)` cells (`textLength`), so a run with CJK letters or
  emoji (two cells each) is drawn narrower than on screen and its spaces shrink away.
"""

from __future__ import annotations

import html
import re

from rich.cells import cell_len

CHAR_WIDTH = 0.61 * 20
"""Rich's cell width in its SVG (0.61 of its 20-pixel font), when no run says otherwise."""
_TEXT = re.compile(r'(<text [^>]*?textLength=")([0-9.]+)("[^>]*>)([^<]*)(</text>)')


def as_on_screen(svg: str) -> str:
    """`svg` with its spaces kept and each text run as wide as its cells (cell_len, not len)."""
    char_width = CHAR_WIDTH
    for match in _TEXT.finditer(svg):  # a run of one-cell letters says the cell's width
        text = html.unescape(match.group(4))
        if text and text.isascii():
            char_width = float(match.group(2)) / len(text)
            break

    def fit(match: re.Match[str]) -> str:
        start, _, rest, escaped, end = match.groups()
        text = html.unescape(escaped)
        if text.isascii():  # one cell per character: already right
            return match.group(0)
        return f"{start}{format(char_width * cell_len(text), 'g')}{rest}{escaped}{end}"

    if "xml:space=" not in svg[:500]:
        svg = svg.replace("<svg ", '<svg xml:space="preserve" ', 1)
    return _TEXT.sub(fit, svg)
