"""Every export format, declared once: its name, one file or a folder, its files' names, its
renderer and the label the app shows. The CLI, the export dialog and `reports` read this table.

Light to import, with the package's `__init__` (the CLI builds its options from it when the
app starts): the renderers' modules, the CSV writer's too, are imported when a format is
rendered; importing them all was ~65 M instructions of every `facilitator` start.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from facilitator.core.model import Session
from facilitator.core.record import record

if TYPE_CHECKING:
    from facilitator.core.reports.source import Source

CSV_PARTS = (  # <id>-<part>.csv, in the order they are written
    "activities",
    "placements",
    "roles",
    "commitments",
    "expectations",
    "agreement-fields",
    "actions",
)
SVG_PARTS = ("ladder", "partnership")

Render = Callable[["Source"], dict[str, bytes]]


@record
class ExportFormat:
    name: str
    folder: bool
    """Several files, written into a folder (else one file, or standard output)."""
    parts: tuple[str, ...]
    """The files of a folder format, named `BASE-PART.NAME`; empty for a one-file format."""
    render: Render
    label_key: str
    """The catalogue's label for the export dialog."""
    per_party: bool = False
    """One file per party of the session (handouts): the names come from the session."""

    def file_names(self, base: str, session: Session | None = None) -> list[str]:
        """The files' names; a per-party format needs the session for them (else a stand-in name)."""
        if self.per_party:
            from facilitator.core.reports.handouts import file_names

            return file_names(base, session)
        if self.folder:
            return [f"{base}-{part}.{self.name}" for part in self.parts]
        return [f"{base}.{self.name}"]


def _markdown(source: Source) -> dict[str, bytes]:
    from facilitator.core.reports.content import build_report
    from facilitator.core.reports.markdown import render

    document = build_report(source)
    return {f"{source.base}.md": render(document).encode("utf-8")}


def _html(source: Source) -> dict[str, bytes]:
    from facilitator.core.reports.content import build_report
    from facilitator.core.reports.html import render

    document = build_report(source)
    return {f"{source.base}.html": render(document, source.t("report.contents")).encode("utf-8")}


def _csv(source: Source) -> dict[str, bytes]:
    from facilitator.core.reports.csv_export import render

    tables = render(source.view, source.t, source.authors)
    return {f"{source.base}-{part}.csv": tables[part] for part in CSV_PARTS}


def _json(source: Source) -> dict[str, bytes]:
    from facilitator.core.reports.json_export import render

    text = render(source.data)  # the file itself (a backup), already cut when public (`reports.public`)
    return {f"{source.base}.json": text.encode("utf-8")}


def _svg(source: Source) -> dict[str, bytes]:
    from facilitator.core.reports.svg import ladder_svg, partnership_svg

    drawings = {"ladder": ladder_svg, "partnership": partnership_svg}
    return {
        f"{source.base}-{part}.svg": drawings[part](source.view, source.t).encode("utf-8")
        for part in SVG_PARTS
    }


def _handouts(source: Source) -> dict[str, bytes]:
    from facilitator.core.reports.handouts import render

    return render(source)


REGISTRY: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("md", False, (), _markdown, "exchange.export.format.md"),
        ExportFormat("html", False, (), _html, "exchange.export.format.html"),
        ExportFormat("csv", True, CSV_PARTS, _csv, "exchange.export.format.csv"),
        ExportFormat("json", False, (), _json, "exchange.export.format.json"),
        ExportFormat("svg", True, SVG_PARTS, _svg, "exchange.export.format.svg"),
        ExportFormat("handouts", True, (), _handouts, "exchange.export.format.handouts", per_party=True),
    )
}
