"""The report as one self-contained HTML file.

Nothing is fetched: the stylesheet is inline, the drawings are inline SVG, the fonts
are the reader's own, and there is no script at all (a Content-Security-Policy says
so to the browser too). Every text is escaped with `html.escape(quote=True)`. A print
stylesheet drops backgrounds and navigation, starts each part on a new page and keeps
each activity on one page where it fits, so "print to PDF" gives a clean document.
"""

from __future__ import annotations

import re

from facilitator import __version__
from facilitator.core.reports.document import (
    EM,
    MUTED,
    SAID,
    STRONG,
    Block,
    Bullets,
    Document,
    Facts,
    Figure,
    Heading,
    Inline,
    Para,
    Section,
    Span,
    Table,
)
from facilitator.core.reports.escape import markup

STYLE = """
:root { color-scheme: light; }
body {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Helvetica, Arial, sans-serif;
  color: #1f2328; background: #ffffff; line-height: 1.5;
  max-width: 64rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem;
  overflow-wrap: break-word;
}
.long { overflow-wrap: anywhere; }
h1 { font-size: 2rem; line-height: 1.2; margin: .25rem 0 1rem; }
h2 { font-size: 1.45rem; margin: 2.25rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid #d0d7de; }
h3 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1rem 0 .35rem; }
a { color: #0a58ca; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: .85rem; color: #57606a; margin: 0; }
.muted { color: #57606a; }
td .said { display: block; font-size: .9em; }
.counts { font-weight: 600; }
.notice { border-left: 4px solid #9a6700; background: #fff8c5; padding: .5rem .75rem; }
.note { border-left: 3px solid #8c959f; padding-left: .75rem; }
.footer { color: #57606a; font-size: .9rem; }
dl.facts {
  display: grid; grid-template-columns: fit-content(40%) minmax(0, 1fr); /* a long label wraps */
  gap: .15rem 1rem; margin: .5rem 0 1rem;
}
dl.facts dt { font-weight: 600; color: #57606a; }
dl.facts dd { margin: 0; }
ul { padding-left: 1.4rem; }
li { margin: .15rem 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .95rem; }
.wide { overflow-x: auto; } /* a table wider than a phone scrolls sideways, never the page */
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f3f5f8; }
tbody th { font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.matrix td { text-align: center; }
figure { margin: 1rem 0 1.5rem; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { color: #57606a; font-size: .9rem; margin-top: .35rem; }
article.activity { border: 1px solid #d0d7de; border-radius: 8px; padding: .1rem 1rem .6rem; margin: 1rem 0; }
nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
@media print {
  @page { margin: 16mm 14mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; color: #000000; }
  * { background: transparent !important; box-shadow: none !important; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  section.part + section.part { break-before: page; }
  article.activity, figure, tr, li, dl.facts { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  thead { display: table-header-group; }
  .wide { overflow-x: visible; }
  .notice { border: 1px solid #000000; }
  footer { break-before: avoid; }
}
""".strip()

LONG = 30
LONG_WORD = re.compile(rf"\S{{{LONG},}}")
"""A word of LONG characters or more, longer than any ordinary one (Estonian compounds too:
"Piirkonnapolitseiniku" has 21 letters): a pasted address, a name typed without spaces. The
page breaks a word only where it would reach past its edge (`break-word`), but a table sizes a
column to its longest word: such a word alone may break anywhere (`.long`), or it would push
the table off the page. Were every word breakable anywhere, a table would squeeze a column to
a letter's width and break short words ("Partn|er", docs/handout.png before)."""

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

_OPEN = {
    STRONG: ("<strong>", "</strong>"),
    EM: ("<em>", "</em>"),
    MUTED: ('<span class="muted">', "</span>"),
    SAID: ('<span class="muted said">', "</span>"),
}


def _text(line: str) -> str:
    """A line of text as HTML, every word longer than an ordinary one in a `.long` span."""
    if len(line) < LONG or not LONG_WORD.search(line):
        return markup(line)
    parts, at = [], 0
    for found in LONG_WORD.finditer(line):
        parts.append(markup(line[at : found.start()]))
        parts.append(f'<span class="long">{markup(found.group())}</span>')
        at = found.end()
    parts.append(markup(line[at:]))
    return "".join(parts)


class _Writer:
    def __init__(self, document: Document, style: str = STYLE) -> None:
        self.doc = document
        self.style = style
        # User text in another language than the labels is tagged, for screen readers.
        self.user_lang = document.content_language if document.content_language != document.language else ""
        self.out: list[str] = []
        self.heading = ""  # the last heading's text: what the table after it is about

    def span(self, span: Span) -> str:
        raw = span.text  # most spans are one line: no split and join (the most called function)
        body = _text(raw) if "\n" not in raw else "<br>".join(_text(line) for line in raw.split("\n"))
        if span.user and self.user_lang:
            body = f'<span lang="{markup(self.user_lang)}">{body}</span>'
        tags = _OPEN.get(span.style)
        if tags:
            body = tags[0] + body + tags[1]
        if span.anchor:
            body = f'<a href="#{markup(span.anchor)}">{body}</a>'
        return body

    def inline(self, content: Inline) -> str:
        return "".join(self.span(s) for s in content)

    def table(self, table: Table) -> None:
        w = self.out.append
        kind = f' class="{markup(table.kind)}"' if table.kind else ""
        # The box that scrolls a table wider than a phone sideways: reached with the keyboard
        # (and its arrow keys scroll it) and named for a screen reader, by the table's caption or
        # the heading it is under (axe-core's "scrollable-region-focusable").
        label = table.caption or self.heading or self.doc.title
        w(f'<div class="wide" role="region" tabindex="0" aria-label="{markup(" ".join(label.split()))}">')
        w(f"<table{kind}>")
        if table.caption:
            w(f"<caption>{markup(table.caption)}</caption>")
        w(
            "<thead><tr>"
            + "".join(f'<th scope="col">{self.inline(c)}</th>' for c in table.header)
            + "</tr></thead>"
        )
        w("<tbody>")
        for row in table.rows:
            cells = []
            for i, cell in enumerate(row):
                if i == 0 and table.row_headers:
                    cells.append(f'<th scope="row">{self.inline(cell)}</th>')
                elif i in table.numeric:
                    cells.append(f'<td class="num">{self.inline(cell)}</td>')
                else:
                    cells.append(f"<td>{self.inline(cell)}</td>")
            w("<tr>" + "".join(cells) + "</tr>")
        w("</tbody></table></div>")

    def block(self, block: Block) -> None:
        w = self.out.append
        if isinstance(block, Heading):
            self.heading = "".join(span.text for span in block.content)
            anchor = f' id="{markup(block.anchor)}"' if block.anchor else ""
            w(f"<h{block.level}{anchor}>{self.inline(block.content)}</h{block.level}>")
        elif isinstance(block, Para):
            kind = f' class="{markup(block.kind)}"' if block.kind else ""
            w(f"<p{kind}>{self.inline(block.content)}</p>")
        elif isinstance(block, Facts):
            w('<dl class="facts">')
            for label, value in block.rows:
                w(f"<dt>{markup(label)}</dt><dd>{self.inline(value)}</dd>")
            w("</dl>")
        elif isinstance(block, Bullets):
            kind = f' class="{markup(block.kind)}"' if block.kind else ""
            w(f"<ul{kind}>" + "".join(f"<li>{self.inline(item)}</li>" for item in block.items) + "</ul>")
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Figure):
            # The SVG is ours: built by svg.py with every text escaped.
            caption = f"<figcaption>{markup(block.caption)}</figcaption>"
            w(f'<figure class="drawing">\n{block.svg}{caption}\n</figure>')
        elif isinstance(block, Section):
            tag = {"header": "header", "footer": "footer", "activity": "article"}.get(block.kind, "section")
            attrs = f' class="{markup(block.kind)}"' if block.kind else ""
            if block.anchor:
                attrs += f' id="{markup(block.anchor)}"'
            w(f"<{tag}{attrs}>")
            for inner in block.blocks:
                self.block(inner)
            w(f"</{tag}>")

    def nav(self, contents_label: str) -> None:
        links = []
        for block in self.doc.blocks:
            if isinstance(block, Section) and block.blocks:
                first = block.blocks[0]
                if isinstance(first, Heading) and first.level == 2 and first.anchor:
                    links.append(
                        f'<li><a href="#{markup(first.anchor)}">{self.inline(first.content)}</a></li>'
                    )
        if links:
            self.out.append(f'<nav aria-label="{markup(contents_label)}"><ul>{"".join(links)}</ul></nav>')

    def render(self, contents_label: str) -> str:
        w = self.out.append
        w("<!DOCTYPE html>")
        w(f'<html lang="{markup(self.doc.language)}">')
        w("<head>")
        w('<meta charset="utf-8">')
        w(f'<meta http-equiv="Content-Security-Policy" content="{CSP}">')
        w('<meta name="viewport" content="width=device-width, initial-scale=1">')
        w(f'<meta name="generator" content="facilitator {markup(__version__)}">')
        w(f"<title>{markup(' '.join(self.doc.title.split()))}</title>")
        w(f"<style>\n{self.style}\n</style>")
        w("</head>")
        w("<body>")
        blocks = list(self.doc.blocks)
        if blocks and isinstance(blocks[0], Section) and blocks[0].kind == "header":
            self.block(blocks.pop(0))
        self.nav(contents_label)
        w("<main>")
        footer = [b for b in blocks if isinstance(b, Section) and b.kind == "footer"]
        for block in blocks:
            if not any(block is f for f in footer):
                self.block(block)
        w("</main>")
        for block in footer:
            self.block(block)
        w("</body>")
        w("</html>")
        return "\n".join(self.out) + "\n"


def render(document: Document, contents_label: str, style: str = STYLE) -> str:
    """The document as one HTML page; `style` replaces the report's stylesheet (handouts: A4)."""
    return _Writer(document, style).render(contents_label)
