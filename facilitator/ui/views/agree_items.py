"""The lines of the roles-and-expectations list, for one activity: what each line says.

Parties with their role, sign-off and commitments; commitments; expectations with their
answers; the agreed rung's agreement fields; actions. Each line is an `Option` whose id is
an `Item` (what it stands for), so the view can act on the line under the cursor. Pure
drawing from the session: no widgets, no service.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual.content import Content
from textual.widgets.option_list import Option

from facilitator.core.i18n import Translator
from facilitator.core.model import Activity, Session
from facilitator.core.text import multi_line, one_line

NAME_LIMIT = 60
NARROW_ITEMS = 70  # below this many columns an expectation's answer moves beside its parties
TEXT_LIMIT = 1_000  # characters of one commitment, expectation or field shown in the list
NAME_WIDTH = 26  # cells: the widest the party column gets
ROLE_WIDTH = 16
STATE_MARKS = {"open": "○", "accepted": "✓", "amended": "✎", "declined": "✗"}
STATE_STYLES = {"open": "bold", "accepted": "bold green", "amended": "bold yellow", "declined": "bold red"}

# The kind of change that voided sign-offs, as the room hears it.
REASONS = {
    "activity.agreed": "agree.reason.rung",
    "activity.revote": "agree.reason.revote",
    "role.set": "agree.reason.roles",
    "commitment.added": "agree.reason.commitments",
    "commitment.updated": "agree.reason.commitments",
    "commitment.removed": "agree.reason.commitments",
    "expectation.added": "agree.reason.expectations",
    "expectation.answered": "agree.reason.expectations",
    "expectation.removed": "agree.reason.expectations",
    "field.set": "agree.reason.fields",
}


@dataclass(frozen=True)
class Item:
    """What a line of the item list stands for: a party, a commitment, ..., or a hint."""

    kind: str  # party, commitment, expectation, field, action, add, goto
    key: str

    @property
    def option_id(self) -> str:
        return f"{self.kind}:{self.key}"

    @classmethod
    def parse(cls, option_id: str | None) -> Item | None:
        if not option_id or ":" not in option_id:
            return None
        kind, key = option_id.split(":", 1)
        return cls(kind, key)


def line_grid(*widths: int | None, padding: int = 2) -> Table:
    """A borderless table for one list line: fixed columns, and `None` for the one that takes the rest."""
    grid = Table.grid(padding=(0, padding), expand=True)
    for width in widths:
        if width is None:
            grid.add_column(ratio=1, overflow="fold")
        else:
            grid.add_column(width=width, overflow="fold")
    return grid


def party_grid(*widths: int) -> Table:
    """One line of the parties table; every line gets the same column widths."""
    grid = Table.grid(padding=(0, 2))
    for width in widths:
        grid.add_column(width=width, overflow="fold")
    return grid


def user_text(text: str, style: str = "") -> Text:
    """User text that may span lines, never parsed as markup; very long text is cut for display."""
    shown = text if len(text) <= TEXT_LIMIT else text[:TEXT_LIMIT] + "…"
    return Text(multi_line(shown), style=style)


def heading(t: Translator, key: str, **values: object) -> Option:
    """A section's heading line (not selectable)."""
    return Option(Content.styled(t(key, **values), "bold reverse"), disabled=True)


def gap() -> Option:
    """A blank line between sections (not selectable)."""
    return Option(Content(" "), disabled=True)


def hint(t: Translator, projector: bool, kind: str, key: str) -> Option:
    """An empty section: "none yet", and enter (or a click) adds the first one."""
    text = t("agree.none_yet") if projector else t(key)
    return Option(Content.styled(text, "$text-muted italic"), id=Item("add", kind).option_id)


def item_options(
    session: Session,
    activity: Activity,
    reopened: dict[str, str],
    *,
    t: Translator,
    width: int,
    projector: bool,
) -> Iterable[Option]:
    """The selected activity's lines, section by section; `width`: the list's width in cells."""
    names = {p.id: one_line(p.name, NAME_LIMIT) for p in session.parties}
    parties = list(activity.party_ids)
    roles = session.roles_for(activity.id)
    commitments = session.commitments_for(activity.id)
    signed = {s.party_id for s in session.signoffs_for(activity.id)}
    role_width = min(
        max(
            [
                len(t("agree.col.role")),
                len(t("agree.role.missing")),
                *(len(r.name) for r in session.scenario.roles),
            ]
        ),
        ROLE_WIDTH,
    )
    sign_width = max(len(t("agree.col.signed")), len(t("agree.signed.yes")), len(t("agree.signed.no")), 14)
    count_width = len(t("agree.col.commitments"))
    sign_width = max(sign_width, len(t("agree.signed.reopened")))
    # One name width for every line (each line is its own table), narrowed to fit the list.
    room = width - role_width - sign_width - count_width - 6
    longest = max(
        (cell_len(names.get(p, p)) for p in [*parties, *(c.party_id for c in commitments)]), default=8
    )
    name_width = max(min(longest, NAME_WIDTH, room), len(t("agree.col.party")), 8)

    # Parties: role, sign-off, commitments.
    yield heading(t, "agree.section.parties", count=len(parties))
    if not parties:
        yield Option(Content.styled(t("agree.parties.none"), "$text-muted italic"), disabled=True)
    else:
        header = party_grid(name_width, role_width, sign_width, count_width)
        header.add_row(
            *(
                Text(t(k), style="bright_black")
                for k in (
                    "agree.col.party",
                    "agree.col.role",
                    "agree.col.signed",
                    "agree.col.commitments",
                )
            )
        )
        yield Option(header, disabled=True)
        per_party: dict[str, int] = {}
        for c in commitments:
            per_party[c.party_id] = per_party.get(c.party_id, 0) + 1
        known_roles = {r.id: r for r in session.scenario.roles}
        for party in parties:
            row = party_grid(name_width, role_width, sign_width, count_width)
            role_id = roles.get(party)
            if role_id in known_roles:
                role = known_roles[role_id]
                role_text = Text(one_line(role.name, NAME_LIMIT), style="bold" if role.lead else "")
            else:
                role_text = Text(t("agree.role.missing"), style="yellow")
            if party in signed:
                sign_text = Text(t("agree.signed.yes"), style="bold green")
            elif party in reopened:
                sign_text = Text(t("agree.signed.reopened"), style="bold yellow")
            else:
                sign_text = Text(t("agree.signed.no"))
            row.add_row(
                Text(names.get(party, party), style="bold"),
                role_text,
                sign_text,
                Text(str(per_party.get(party, 0))),
            )
            yield Option(row, id=Item("party", party).option_id)
        # Why the sign-offs were reopened, once per kind of change, under the table.
        by_reason: dict[str, list[str]] = {}
        for party in parties:
            if party in reopened and party not in signed:
                reason = REASONS.get(reopened[party], "agree.reason.other")
                by_reason.setdefault(reason, []).append(names.get(party, party))
        for reason, who in by_reason.items():
            text = t("agree.reopened.line", parties=", ".join(who), reason=t(reason))
            yield Option(Content.styled(text, "bold $warning"), disabled=True)

    # Commitments: "we will …", by party.
    yield gap()
    yield heading(t, "agree.section.commitments", count=len(commitments))
    order = {p: i for i, p in enumerate(parties)}
    for c in sorted(commitments, key=lambda c: order.get(c.party_id, len(order))):
        row = line_grid(name_width, None)
        row.add_row(Text(names.get(c.party_id, c.party_id), style="bold"), user_text(c.text))
        yield Option(row, id=Item("commitment", c.id).option_id)
    if not commitments:
        yield hint(t, projector, "commitment", "agree.commitments.none")

    # Expectations: from → to, the text, the answer.
    expectations = session.expectations_for(activity.id)
    yield gap()
    yield heading(t, "agree.section.expectations", count=len(expectations))
    # The answer in a column of its own when there is room; beside the parties when narrow.
    state_width = max(len(t(f"agree.state.{s}")) for s in STATE_MARKS) + 2
    narrow = width < NARROW_ITEMS
    spaced = projector  # a blank line between entries of several lines, for the room
    for number, e in enumerate(expectations):
        if spaced and number:
            yield gap()
        row = line_grid(1 if narrow else state_width, None, padding=1 if narrow else 2)
        state_style = STATE_STYLES[e.state]
        head = Text.assemble(
            (t(f"agree.state.{e.state}") + " · ", state_style) if narrow else "",
            (names.get(e.from_party, e.from_party), "bold"),
            " → ",
            (names.get(e.to_party, e.to_party), "bold"),
        )
        if e.to_party not in activity.party_ids:
            head.append("  " + t("agree.expectation.outside.short"), style="italic yellow")
        body = Text.assemble(head, "\n")
        if e.state == "amended":
            body.append_text(user_text(e.response))
            body.append("\n" + t("agree.expectation.was") + " ", style="bright_black")
            body.append_text(user_text(e.text, "bright_black strike"))
        else:
            body.append_text(user_text(e.text))
            if e.state == "declined":
                body.append("\n" + t("agree.expectation.reason") + " ", style="red")
                body.append_text(user_text(e.response, "italic"))
            elif e.response:
                body.append("\n" + t("agree.expectation.note") + " ", style="bright_black")
                body.append_text(user_text(e.response, "italic"))
        state = Text(
            STATE_MARKS[e.state] if narrow else f"{STATE_MARKS[e.state]} {t(f'agree.state.{e.state}')}",
            style=state_style,
        )
        row.add_row(state, body)
        yield Option(row, id=Item("expectation", e.id).option_id)
    if not expectations:
        yield hint(t, projector, "expectation", "agree.expectations.none")

    # The agreed rung's agreement fields.
    yield gap()
    current = activity.agreed_current
    if current is None:
        yield heading(t, "agree.section.fields")
        place = next((p for p in session.scenario.agenda if p.kind == "place"), None)
        if place is not None:
            text = t("agree.fields.no_rung.phase", phase=one_line(place.name, NAME_LIMIT))
            yield Option(Content.styled(text, "italic yellow"), id=Item("goto", place.id).option_id)
        else:
            yield Option(Content.styled(t("agree.fields.no_rung"), "italic yellow"), disabled=True)
    else:
        rung = session.scenario.rung(current)
        yield heading(t, "agree.section.fields.rung", rung=session.scenario.rung_title(current))
        if not rung.fields:
            yield Option(Content.styled(t("agree.fields.none"), "$text-muted italic"), disabled=True)
        values = session.fields_for(activity.id)
        label_width = min(max((len(f.label) for f in rung.fields), default=10), 30)
        for agreement_field in rung.fields:
            value = values.get(agreement_field.id, "")
            shown = user_text(value) if value.strip() else Text(t("agree.field.empty"), style="yellow italic")
            label = Text(one_line(agreement_field.label, 200), style="bold")
            if narrow:  # the label above its value, both at full width
                row = line_grid(None, padding=0)
                row.add_row(Text.assemble(label, "\n", shown))
            else:
                row = line_grid(label_width, None)
                row.add_row(label, shown)
            yield Option(row, id=Item("field", agreement_field.id).option_id)
        if rung.flows:  # communication: which directions of information flow it uses
            flow_names = ", ".join(session.scenario.flow_name(f) for f in activity.flows)
            shown = (
                user_text(flow_names) if flow_names else Text(t("agree.flows.empty"), style="yellow italic")
            )
            label = Text(one_line(t("agree.fields.flows"), 200), style="bold")
            if narrow:
                row = line_grid(None, padding=0)
                row.add_row(Text.assemble(label, "\n", shown))
            else:
                row = line_grid(max(label_width, len(label.plain)), None)
                row.add_row(label, shown)
            yield Option(row, id=Item("flows", "all").option_id)

    # Actions: the next steps, with owner and due date.
    actions = session.actions_for(activity.id)
    yield gap()
    yield heading(t, "agree.section.actions", count=len(actions))
    today = dt.date.today().isoformat()
    for number, a in enumerate(actions):
        if spaced and number:
            yield gap()
        row = line_grid(1, None)
        body = user_text(a.text, "bright_black strike" if a.done else "")
        meta = (
            t("agree.action.owner_due", owner=names.get(a.owner, a.owner), due=a.due)
            if a.due
            else t("agree.action.owner_only", owner=names.get(a.owner, a.owner))
        )
        body.append("\n" + meta, style="bright_black")
        if a.due and a.due < today and not a.done:
            body.append("  " + t("agree.action.overdue"), style="bold red")
        row.add_row(Text("☑" if a.done else "☐", style="bold green" if a.done else "bold"), body)
        yield Option(row, id=Item("action", a.id).option_id)
    if not actions:
        yield hint(t, projector, "action", "agree.actions.none")
