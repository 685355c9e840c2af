"""What the overview shows, as plain data and text: the rows of its three tables and the
detail line under each (a mismatch, an activity's roles, a pair of parties). Pure functions
of the session (no widgets).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from textual.content import Content

from facilitator.core.i18n import Translator
from facilitator.core.matrices import Pair, role_matrix
from facilitator.core.mismatches import (
    Mismatch,
)
from facilitator.core.model import Session
from facilitator.core.text import multi_line, one_line
from facilitator.ui.text import cut as cut_cells

ALL = "__all__"  # the kind filter's "all kinds" option
PARTY_COLUMN = "__party__"
TABS = ("mismatches", "roles", "partners")
TITLE_WIDTH = 32  # activity titles in the tables, in terminal cells
PARTY_WIDTH = 18  # party names as column headers
ROLE_WIDTH = 18
TOGETHER_LIMIT = 8  # shared activities named in a pair's detail

Cells = tuple[str, ...]
Rows = list[tuple[str, Cells]]


@dataclass(frozen=True)
class Jump:
    """Where the facilitator chose to go: the first phase of this kind, this activity."""

    phase_kind: str
    activity_id: str | None
    target: str = ""  # the party, expectation or field to put the cursor on, where the view can


@dataclass(frozen=True)
class MismatchRow:
    """One mismatch as the list shows it."""

    key: str
    kind: str
    activity_id: str
    phase_kind: str
    target: str
    number: int
    title: str
    kind_name: str
    explanation: str


@dataclass
class Drawn:
    """What a table shows now, so that the next draw changes only what differs."""

    columns: tuple[tuple[str, str], ...] = ()
    rows: Rows = field(default_factory=list)
    widths: list[int] = field(default_factory=list)  # each column's widest cell (`cell_widths`)


@lru_cache(maxsize=8192)
def cut(text: str, width: int) -> str:
    """User text on one line in `width` terminal cells, "…" where cut (emoji take two cells)."""
    return cut_cells(text, width)


def mismatch_key(m: Mismatch, seen: set[str]) -> str:
    """A key that stays the same while the mismatch does, so the cursor can stay on it."""
    base = "|".join((m.kind, m.activity_id, m.target, ",".join(m.party_ids)))
    key, n = base, 1
    while key in seen:
        n += 1
        key = f"{base}#{n}"
    seen.add(key)
    return key


def mismatch_rows(session: Session, found: Sequence[Mismatch], kind: str, t: Translator) -> list[MismatchRow]:
    """The mismatches the list shows: all of them, or only those of one `kind`."""
    numbers = {a.id: n for n, a in enumerate(session.activities, start=1)}
    titles = {a.id: a.title for a in session.activities}
    names = {m.kind: t(f"mismatch.kind.{m.kind}") for m in found}
    seen: set[str] = set()
    return [
        MismatchRow(
            key=mismatch_key(m, seen),
            kind=m.kind,
            activity_id=m.activity_id,
            phase_kind=m.phase_kind,
            target=m.target,
            number=numbers.get(m.activity_id, 0),
            title=titles.get(m.activity_id, ""),
            kind_name=names[m.kind],
            explanation=m.explain(t),
        )
        for m in found
        if kind in (ALL, m.kind)
    ]


def mismatches_columns(t: Translator) -> tuple[tuple[str, str], ...]:
    """The list's columns: number, kind, activity. The explanation is read in full below the
    list (`mismatch_detail`): as a column it pushed the list wider than a projector's screen."""
    return (
        ("number", t("overview.col.number")),
        ("kind", t("overview.col.kind")),
        ("activity", t("overview.col.activity")),
    )


def mismatches_table(rows: Sequence[MismatchRow]) -> Rows:
    """The mismatches tab's cells: number, kind and title, whole (the table wraps them)."""
    return [(r.key, (str(r.number), r.kind_name, one_line(r.title))) for r in rows]


def mismatch_detail(row: MismatchRow, where: str, t: Translator) -> Content:
    """The highlighted mismatch in full: its kind, where it is fixed, why, and on what basis."""
    basis = t("report.mismatch.basis", basis=Mismatch(row.kind, "").basis(t))
    return Content.assemble(
        Content.styled(row.kind_name, "bold"),
        " · ",
        Content.styled(one_line(where), "italic"),
        "\n",
        Content(multi_line(row.explanation)),
        "\n",
        Content.styled(one_line(basis), "italic"),
    )


def roles_detail(session: Session, activity_id: str, where: str, t: Translator) -> Content:
    """An activity's parties and their roles (the lead marked), its approaches and flows."""
    activity = session.activity(activity_id)
    number = next(n for n, a in enumerate(session.activities, start=1) if a.id == activity_id)
    roles = session.roles_for(activity_id)
    lead = session.scenario.lead_role()
    names = {r.id: r.name for r in session.scenario.roles}
    parts: list[str] = []
    for party_id in activity.party_ids:
        role = roles.get(party_id)
        if role is None:
            shown = t("overview.roles.no_role")
        else:
            name = names.get(role, role)
            shown = t("overview.roles.lead", role=name) if lead and role == lead.id else name
        parts.append(f"{session.party_name(party_id)}: {shown}")
    lens: list[Content | str] = []
    approaches = {a.id: a.name for a in session.scenario.approaches}
    if activity.approaches:
        named = ", ".join(approaches.get(a, a) for a in activity.approaches)
        lens += ["\n", Content(one_line(t("overview.roles.approaches", approaches=named), 500))]
    if activity.flows:
        flows = ", ".join(session.scenario.flow_name(f) for f in activity.flows)
        lens += ["\n", Content(one_line(t("overview.roles.flows", flows=flows), 500))]
    return Content.assemble(
        Content.styled(one_line(f"{number}. {activity.title}", 300), "bold"),
        " · ",
        Content.styled(one_line(where), "italic"),
        "\n",
        Content(one_line(" · ".join(parts), 1000)),
        *lens,
    )


def pair_detail(
    session: Session, matrix: Mapping[tuple[str, str], Pair], a: str, b: str, t: Translator
) -> Content:
    """Two parties: how many activities they share, the highest rung agreed, which activities."""
    name_a, name_b = one_line(session.party_name(a), 100), one_line(session.party_name(b), 100)
    if a == b:
        count = sum(1 for act in session.activities if a in act.party_ids)
        return Content(t("overview.pair.self", a=name_a, activities=count))
    order = {p.id: i for i, p in enumerate(session.parties)}
    pair = matrix.get((a, b) if order.get(a, 0) < order.get(b, 0) else (b, a))
    if pair is None:
        return Content(t("overview.pair.apart", a=name_a, b=name_b))
    together = [act.title for act in session.activities if a in act.party_ids and b in act.party_ids]
    key = "overview.pair.one" if pair.activities == 1 else "overview.pair.many"
    heading = t(key, a=name_a, b=name_b, activities=pair.activities)
    if pair.highest is None:
        highest = t("overview.pair.none")
    else:
        rung = session.scenario.rung_title(pair.highest)
        highest = t("overview.pair.highest", rung=rung, agreed=pair.agreed)
    titles = ", ".join(t("overview.pair.title", title=one_line(x, 60)) for x in together[:TOGETHER_LIMIT])
    if len(together) > TOGETHER_LIMIT:
        titles += ", …"
    return Content.assemble(
        Content.styled(one_line(heading), "bold"),
        "\n",
        Content(one_line(highest)),
        "\n",
        Content(one_line(t("overview.pair.activities", titles=titles))),
    )


MIN_PARTY_WIDTH = 5  # a party's column never narrower than this: "★ Ee…", "4 (6)"


def party_width(width: int | None, fixed: int, parties: int, widest: int = PARTY_WIDTH) -> int:
    """Cells for each party's column so that every party fits in `width` (a column has a cell
    of padding each side): the fifth and later parties were out of sight at 120 columns.
    Never under MIN_PARTY_WIDTH; then the table scrolls, and the detail line says it all."""
    if width is None or parties == 0:
        return widest
    return max(MIN_PARTY_WIDTH, min(widest, (width - fixed) // parties - 2))


def roles_table(
    session: Session, t: Translator, width: int | None = None
) -> tuple[tuple[tuple[str, str], ...], Rows]:
    """The roles tab: a row per activity, a column per party, the role each has (lead starred).

    With `width`, the party columns narrow (names cut, "…") so that every party is in view."""
    scenario = session.scenario
    roles = role_matrix(session)
    lead = scenario.lead_role()
    lead_id = lead.id if lead is not None else None
    count = len(session.parties)
    column = party_width(width, 16 + 8, count, max(PARTY_WIDTH, ROLE_WIDTH))  # titles give way first
    title_width = (
        TITLE_WIDTH if width is None else max(12, min(TITLE_WIDTH, width - 8 - count * (column + 2)))
    )
    names = {r.id: cut(r.name, ROLE_WIDTH) for r in scenario.roles}
    texts = {
        role_id: t("overview.roles.lead", role=name) if role_id == lead_id else name
        for role_id, name in names.items()
    }
    no_role = t("overview.roles.none")
    parties = [p.id for p in session.parties]

    def cell(party_id: str, activity_id: str) -> str:
        if (party_id, activity_id) not in roles:
            return ""
        role = roles[(party_id, activity_id)]
        return cut(no_role if role is None else texts.get(role, role), column)

    columns = (
        ("number", t("overview.col.number")),
        ("activity", t("overview.col.activity")),
        *((p.id, cut(p.name, min(column, PARTY_WIDTH))) for p in session.parties),
    )
    rows = [
        (a.id, (str(n), cut(a.title, title_width), *(cell(p, a.id) for p in parties)))
        for n, a in enumerate(session.activities, start=1)
    ]
    return columns, rows


def partners_table(
    session: Session, matrix: Mapping[tuple[str, str], Pair], t: Translator, width: int | None = None
) -> tuple[tuple[tuple[str, str], ...], Rows]:
    """The partnerships tab: party by party, the highest rung each pair agreed and how often.

    With `width`, where the names of the rungs don't fit, a cell says the rung by its number
    ("4 (6)"), as the legend and the detail line under the table explain."""
    order = {p.id: i for i, p in enumerate(session.parties)}
    column = party_width(width, PARTY_WIDTH + 2, len(session.parties), 24)
    longest = max((len(session.scenario.rung_title(r)) for r in session.scenario.rung_ids()), default=0)
    numbered = column < longest + 5

    def cell(a: str, b: str) -> str:
        if a == b:
            return t("overview.partners.self")
        pair = matrix.get((a, b) if order[a] < order[b] else (b, a))
        if pair is None:
            return ""
        if pair.highest is None:
            return t("overview.partners.cell.none", activities=pair.activities)
        if numbered:
            rung = str(session.scenario.rung_index(pair.highest) + 1)
        else:
            rung = session.scenario.rung_title(pair.highest)
        return t("overview.partners.cell", rung=rung, activities=pair.activities)

    columns = (
        (PARTY_COLUMN, t("overview.partners.col.party")),
        *((p.id, cut(p.name, min(column, PARTY_WIDTH))) for p in session.parties),
    )
    rows = [
        (a.id, (cut(a.name, PARTY_WIDTH), *(cell(a.id, b.id) for b in session.parties)))
        for a in session.parties
    ]
    return columns, rows
