"""The report as Markdown (CommonMark with GitHub-style tables).

Every span is escaped (`escape.md_inline`): user text renders as exactly the characters
typed, so it can't become a link, heading, list, table, code or raw HTML. Newlines in
user text become hard line breaks (in table cells: " / ").
"""

from __future__ import annotations

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
from facilitator.core.reports.escape import clean, md_inline

_MARKS = {STRONG: "**", EM: "*", MUTED: "*", SAID: "*"}


def _span(span: Span, indent: str, one_line: bool, line_start: bool) -> str:
    if span.user:
        lines = [line.strip() for line in clean(span.text).splitlines() if line.strip()]
        if one_line:
            body = " / ".join(
                md_inline(line, line_start=line_start and i == 0) for i, line in enumerate(lines)
            )
        else:  # every line after a hard break starts a line: escape block markers there too
            body = ("\\\n" + indent).join(
                md_inline(line, line_start=line_start or i > 0) for i, line in enumerate(lines)
            )
        lead = trail = ""
    else:
        value = " ".join(span.text.splitlines())
        stripped = value.strip()
        if not stripped:
            return value
        lead = value[: len(value) - len(value.lstrip())]
        trail = value[len(value.rstrip()) :]
        body = md_inline(stripped, line_start=line_start)
    mark = _MARKS.get(span.style, "")
    if mark and body:
        body = f"{mark}{body}{mark}"
    return f"{lead}{body}{trail}"


def inline(content: Inline, indent: str = "", *, one_line: bool = False, block_start: bool = True) -> str:
    """Inline content as Markdown; `block_start`: it begins a paragraph or a list item."""
    out = []
    at_start = block_start
    for span in content:
        rendered = _span(span, indent, one_line, at_start and not span.style)
        out.append(rendered)
        if rendered.strip():
            at_start = False
    return "".join(out).strip()


def _cell(content: Inline) -> str:
    return inline(content, one_line=True, block_start=False) or " "


def _table(table: Table) -> list[str]:
    head = "| " + " | ".join(_cell(c) for c in table.header) + " |"
    rule = "|" + "|".join("---:" if i in table.numeric else "---" for i in range(len(table.header))) + "|"
    rows = ["| " + " | ".join(_cell(c) for c in row) + " |" for row in table.rows]
    out = []
    if table.caption:
        out += [f"*{md_inline(table.caption, line_start=False)}*", ""]
    return [*out, head, rule, *rows, ""]


def _block(block: Block, out: list[str]) -> None:
    if isinstance(block, Heading):
        body = inline(block.content, one_line=True, block_start=False)
        if body.endswith("#"):  # a trailing # would close the heading and vanish
            body = body[:-1] + "\\#"
        out += ["#" * block.level + " " + body, ""]
    elif isinstance(block, Para):
        body = inline(block.content)
        if body:
            out += [f"> {body}" if block.kind == "notice" else body, ""]
    elif isinstance(block, Facts):
        out += [
            f"- **{md_inline(label, line_start=False)}:** {inline(value, '  ', block_start=False)}"
            for label, value in block.rows
        ]
        out.append("")
    elif isinstance(block, Bullets):
        out += [f"- {inline(item, '  ')}" for item in block.items]
        out.append("")
    elif isinstance(block, Table):
        out += _table(block)
    elif isinstance(block, Figure):
        for inner in block.fallback:
            _block(inner, out)
    elif isinstance(block, Section):
        if block.kind == "footer":
            out += ["---", ""]
        for inner in block.blocks:
            _block(inner, out)


def render(document: Document) -> str:
    out: list[str] = []
    for block in document.blocks:
        _block(block, out)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"
