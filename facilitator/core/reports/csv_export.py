"""The session as CSV tables, one file per kind of thing, for spreadsheets.

Encoding: UTF-8 with a byte-order mark, so Excel shows õ, ä, ö, ü, š and ž (and emoji)
correctly when the file is opened by double-click; lines end in CRLF. Separator: ";"
for Estonian reports and "," for English ones, matching what Excel expects with those
regional settings (Estonian Excel splits on ";"). Column names are in the report's
language; id columns make the files joinable.

A cell that starts with =, +, -, @, a tab or a carriage return gets a leading `'`, so
a spreadsheet shows it as text instead of running it as a formula. Quotes, separators
and newlines inside cells are quoted by the csv module.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence

from facilitator.core.authorship import FACILITATOR, PHONE
from facilitator.core.i18n import Translator
from facilitator.core.matrices import role_matrix
from facilitator.core.model import EXPECTATION_STATES, Session
from facilitator.core.reports.authors import Authors, said_cell
from facilitator.core.reports.escape import clean
from facilitator.core.reports.labels import Labels

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | None
Row = Sequence[Cell]


def delimiter_for(language: str) -> str:
    return ";" if language == "et" else ","


def neutralise(value: str) -> str:
    """A cell a spreadsheet won't run as a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def _cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return neutralise(clean(value))


def write_table(header: Sequence[str], rows: Iterable[Row], delimiter: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([_cell(h) for h in header])
    writer.writerows([_cell(v) for v in row] for row in rows)
    return (BOM + buffer.getvalue()).encode("utf-8")


class _Tables:
    def __init__(self, session: Session, t: Translator, authors: Authors) -> None:
        self.s = session
        self.t = t
        self.labels = Labels(session, t)
        self.authors = authors

    def col(self, *names: str) -> list[str]:
        return [self.t(f"report.csv.{name}") for name in names]

    def activity_cells(self, activity_id: str | None) -> list[Cell]:
        if activity_id is None or not self.s.has_activity(activity_id):
            return [None, activity_id, None]
        return [self.labels.number[activity_id], activity_id, self.s.activity(activity_id).title]

    def yes_no(self, value: bool) -> str:
        return self.t("report.csv.yes") if value else self.t("report.csv.no")

    def activities(self) -> tuple[list[str], list[Row]]:
        s, labels = self.s, self.labels
        header = self.col(
            "number",
            "activity_id",
            "title",
            "description",
            "parties",
            "approach",
            "concerns",
            "now_number",
            "now_name",
            "wished_number",
            "wished_name",
            "status",
            "round",
            "note",
            "signed",
            "unsigned",
            "flows",
            "signed_by_facilitator",
            "signed_from_phone",
        )  # fmt: skip  (new columns go last, so a spreadsheet built on the old ones still works)
        rows: list[Row] = []
        for a in s.activities:
            signed = {so.party_id for so in s.signoffs_for(a.id)}
            how = {p: self.authors.signoff(a.id, p).how for p in signed}
            rows.append(
                [
                    labels.number[a.id],
                    a.id,
                    a.title,
                    a.description,
                    "; ".join(labels.party(p) for p in a.party_ids),
                    "; ".join(labels.approach(x) for x in a.approaches),
                    "; ".join(labels.party(p) for p in a.concerns),
                    labels.rung_number(a.agreed_current),
                    labels.rung_name(a.agreed_current),
                    labels.rung_number(a.agreed_wished),
                    labels.rung_name(a.agreed_wished),
                    labels.status(a),
                    a.round,
                    a.agreed_note,
                    "; ".join(labels.party(p) for p in a.party_ids if p in signed),
                    "; ".join(labels.party(p) for p in a.party_ids if p not in signed),
                    labels.flows(a.flows),
                    "; ".join(labels.party(p) for p in a.party_ids if how.get(p) == FACILITATOR),
                    "; ".join(labels.party(p) for p in a.party_ids if how.get(p) == PHONE),
                ]
            )
        return header, rows

    def placements(self) -> tuple[list[str], list[Row]]:
        labels = self.labels
        header = self.col(
            "number", "activity_id", "title", "round", "party", "party_id",
            "now_number", "now_name", "wished_number", "wished_name", "placed_at",
            "entered_by", "phone_name",
        )  # fmt: skip
        rows: list[Row] = []
        for a in self.s.activities:
            for r in labels.rounds(a):
                if not r.revealed:  # blind until the reveal, in exports too
                    continue
                for p in r.placements:
                    rows.append(
                        [
                            *self.activity_cells(a.id),
                            r.round,
                            labels.party(p.party_id),
                            p.party_id,
                            labels.rung_number(p.current),
                            labels.rung_name(p.current),
                            labels.rung_number(p.wished),
                            labels.rung_name(p.wished),
                            p.at,
                            *said_cell(self.authors.placement(p), self.t),
                        ]
                    )
        return header, rows

    def roles(self) -> tuple[list[str], list[Row]]:
        labels = self.labels
        header = self.col("number", "activity_id", "title", "party", "party_id", "role_id", "role")
        rows: list[Row] = []
        for (party, activity_id), role in role_matrix(self.s).items():
            rows.append(
                [*self.activity_cells(activity_id), labels.party(party), party, role, labels.role(role)]
            )
        return header, rows

    def commitments(self) -> tuple[list[str], list[Row]]:
        header = self.col(
            "number", "activity_id", "title", "party", "party_id", "commitment", "entered_by", "phone_name"
        )
        rows: list[Row] = [
            [
                *self.activity_cells(c.activity_id),
                self.labels.party(c.party_id),
                c.party_id,
                c.text,
                *said_cell(self.authors.word("commitment", c.id), self.t),
            ]
            for a in self.s.activities
            for c in self.s.commitments_for(a.id)
        ]
        return header, rows

    def expectations(self) -> tuple[list[str], list[Row]]:
        labels = self.labels
        header = self.col(
            "number", "activity_id", "title", "from", "from_id", "to", "to_id", "expectation",
            "state_id", "state", "response", "agreed_text",
            "entered_by", "phone_name", "answer_entered_by", "answer_phone_name",
        )  # fmt: skip
        rows: list[Row] = []
        for a in self.s.activities:
            for e in self.s.expectations_for(a.id):
                rows.append(
                    [
                        *self.activity_cells(a.id),
                        labels.party(e.from_party),
                        e.from_party,
                        labels.party(e.to_party),
                        e.to_party,
                        e.text,
                        e.state,
                        self.t(f"report.csv.state.{e.state}") if e.state in EXPECTATION_STATES else e.state,
                        e.response,
                        e.effective_text if e.state in ("accepted", "amended") else "",
                        *said_cell(self.authors.word("expectation", e.id), self.t),
                        *(
                            said_cell(self.authors.word("answer", e.id), self.t)
                            if e.state != "open"
                            else ("", "")
                        ),
                    ]
                )
        return header, rows

    def agreement_fields(self) -> tuple[list[str], list[Row]]:
        labels = self.labels
        header = self.col(
            "number", "activity_id", "title", "rung_number", "rung_name", "field_id", "field", "value"
        )
        rows: list[Row] = []
        rung_ids = set(self.s.scenario.rung_ids())
        for a in self.s.activities:
            if a.agreed_current not in rung_ids:
                continue
            assert a.agreed_current is not None
            values = self.s.fields_for(a.id)
            for f in self.s.scenario.rung(a.agreed_current).fields:
                rows.append(
                    [
                        *self.activity_cells(a.id),
                        labels.rung_number(a.agreed_current),
                        labels.rung_name(a.agreed_current),
                        f.id,
                        f.label,
                        values.get(f.id, ""),
                    ]
                )
        return header, rows

    def actions(self) -> tuple[list[str], list[Row]]:
        header = self.col(
            "action_id", "action", "owner", "owner_id", "due", "done", "number", "activity_id", "title"
        )
        rows: list[Row] = [
            [
                x.id,
                x.text,
                self.labels.party(x.owner),
                x.owner,
                x.due,
                self.yes_no(x.done),
                *self.activity_cells(x.activity_id),
            ]
            for x in self.s.actions
        ]
        return header, rows


def render(session: Session, t: Translator, authors: Authors) -> dict[str, bytes]:
    """part name → the CSV file's bytes, in the order of `formats.CSV_PARTS` (which names the files)."""
    tables = _Tables(session, t, authors)
    delimiter = delimiter_for(t.language)
    makers: dict[str, Callable[[], tuple[list[str], list[Row]]]] = {
        "activities": tables.activities,
        "placements": tables.placements,
        "roles": tables.roles,
        "commitments": tables.commitments,
        "expectations": tables.expectations,
        "agreement-fields": tables.agreement_fields,
        "actions": tables.actions,
    }
    out: dict[str, bytes] = {}
    for part, make in makers.items():
        header, rows = make()
        out[part] = write_table(header, rows, delimiter)
    return out
