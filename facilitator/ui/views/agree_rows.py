"""The rows of the roles-and-expectations view, built from the session: pure functions.

One function per panel of the selected activity (parties with roles and sign-offs,
commitments, expectations, agreement fields, actions), plus the activity list's entries,
the mismatch lines and the header's status line. They take the session, the activity and
the translator and return `Option`s (or `Content`): no widget, no app, no service, so
tests call them directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual.content import Content
from textual.widgets.option_list import Option

from facilitator.core.authorship import entered_for
from facilitator.core.dates import shown_date
from facilitator.core.i18n import Translator
from facilitator.core.mismatches import Mismatch
from facilitator.core.model import Activity, Expectation, Session
from facilitator.core.reopening import reason_key, reopenings
from facilitator.core.text import one_line
from facilitator.ui.views.agree_items import (
    NAME_LIMIT,
    NAME_WIDTH,
    NARROW_ITEMS,
    ROLE_WIDTH,
    STATE_MARKS,
    STATE_STYLES,
    TEXT_LIMIT,
    Item,
    gap,
    heading,
    hint,
    line_grid,
    party_grid,
    user_text,
)

TITLE_LIMIT = 200  # characters of a title in the list and the header; the whole title is kept


def event_activity(data: Any) -> str | None:
    """The activity an event concerns (its `activity_id`, or the `id` of an activity change)."""
    value = data.get("activity_id") or data.get("id")
    return value if isinstance(value, str) else None


def reopened_parties(session: Session, activity_id: str) -> dict[str, str]:
    """Parties whose sign-off a later change voided and who have not signed again: the change kind."""
    return {party: r.kind for party, r in reopenings(session).get(activity_id, {}).items()}


@dataclass(frozen=True)
class ItemLayout:
    """What every line of one activity's list shares: party names, column widths, how it is drawn."""

    names: dict[str, str]
    name_width: int
    role_width: int
    sign_width: int
    count_width: int
    narrow: bool  # an expectation's answer beside its parties, a field's label above its value
    projector: bool  # "none yet" instead of key hints, a blank line between entries
    gap: int = 2  # cells between the parties table's columns (1 where a name's word needs them)

    def grid(self) -> Table:
        """A line of the parties table (each line is its own table, all with these widths)."""
        return party_grid(self.name_width, self.role_width, self.sign_width, self.count_width, gap=self.gap)


def item_layout(
    session: Session,
    activity: Activity,
    t: Translator,
    width: int,
    projector: bool,
    reopened: Mapping[str, str] | None = None,
) -> ItemLayout:
    """One name width for every line (each line is its own table), narrowed to fit `width` cells.
    The sign-off column is as wide as "sign again" only when a party has to (`reopened`): at 80
    columns its cells are what the party names need."""
    names = {p.id: one_line(p.name, NAME_LIMIT) for p in session.parties}
    commitments = session.commitments_for(activity.id)
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
    sign_width = max(cell_len(t(key)) for key in ("agree.col.signed", "agree.signed.yes", "agree.signed.no"))
    count_width = len(t("agree.col.commitments"))
    if reopened and any(p in reopened for p in activity.party_ids):
        sign_width = max(sign_width, len(t("agree.signed.reopened")))
    shown = [names.get(p, p) for p in [*activity.party_ids, *(c.party_id for c in commitments)]]
    longest = max((cell_len(name) for name in shown), default=8)
    word = min(max((cell_len(w) for name in shown for w in name.split()), default=0), NAME_WIDTH)
    gap = 2
    room = width - role_width - sign_width - count_width - 3 * gap
    if room < word:  # narrower gaps before a name is broken inside a word ("Sotsiaaltööta/jad")
        gap, room = 1, room + 3
    name_width = max(min(longest, NAME_WIDTH, room), len(t("agree.col.party")), 8)
    narrow = width < NARROW_ITEMS
    return ItemLayout(names, name_width, role_width, sign_width, count_width, narrow, projector, gap)


# ------------------------------------------------------------------ roles and sign-offs
def _party_row(
    session: Session,
    activity: Activity,
    party: str,
    reopened: dict[str, str],
    count: int,
    t: Translator,
    layout: ItemLayout,
) -> Option:
    """A party's line: name, role, sign-off (given, reopened or not yet), number of commitments."""
    row = layout.grid()
    known_roles = {r.id: r for r in session.scenario.roles}
    role_id = session.roles_for(activity.id).get(party)
    if role_id in known_roles:
        role = known_roles[role_id]
        role_text = Text(one_line(role.name, NAME_LIMIT), style="bold" if role.lead else "")
    else:
        role_text = Text(t("agree.role.missing"), style="yellow")
    if party in {s.party_id for s in session.signoffs_for(activity.id)}:
        sign_text = Text(t("agree.signed.yes"), style="bold green")
    elif party in reopened:
        sign_text = Text(t("agree.signed.reopened"), style="bold yellow")
    else:
        sign_text = Text(t("agree.signed.no"))
    row.add_row(Text(layout.names.get(party, party), style="bold"), role_text, sign_text, Text(str(count)))
    return Option(row, id=Item("party", party).option_id)


def party_rows(
    session: Session, activity: Activity, reopened: dict[str, str], t: Translator, layout: ItemLayout
) -> Iterator[Option]:
    """The parties panel: a header, each party's line, and why sign-offs were reopened."""
    parties = list(activity.party_ids)
    yield heading(t, "agree.section.parties", count=len(parties))
    if not parties:
        yield Option(Content.styled(t("agree.parties.none"), "$text-muted italic"), disabled=True)
        return
    header = layout.grid()
    header.add_row(
        *(
            Text(t(k), style="bright_black")
            for k in ("agree.col.party", "agree.col.role", "agree.col.signed", "agree.col.commitments")
        )
    )
    yield Option(header, disabled=True)
    per_party: dict[str, int] = {}
    for c in session.commitments_for(activity.id):
        per_party[c.party_id] = per_party.get(c.party_id, 0) + 1
    for party in parties:
        yield _party_row(session, activity, party, reopened, per_party.get(party, 0), t, layout)
    # Why the sign-offs were reopened, once per kind of change, under the table.
    signed = {s.party_id for s in session.signoffs_for(activity.id)}
    by_reason: dict[str, list[str]] = {}
    for party in parties:
        if party in reopened and party not in signed:
            reason = reason_key(reopened[party])
            by_reason.setdefault(reason, []).append(layout.names.get(party, party))
    for reason, who in by_reason.items():
        text = t("agree.reopened.line", parties=", ".join(who), reason=t(reason))
        yield Option(Content.styled(text, "bold $warning"), disabled=True)


# ------------------------------------------------------------------ commitments and expectations
def commitment_rows(
    session: Session, activity: Activity, t: Translator, layout: ItemLayout
) -> Iterator[Option]:
    """Commitments, "we will …", by party in the activity's order."""
    commitments = session.commitments_for(activity.id)
    yield heading(t, "agree.section.commitments", count=len(commitments))
    order = {p: i for i, p in enumerate(activity.party_ids)}
    entered = entered_for(session)
    for c in sorted(commitments, key=lambda c: order.get(c.party_id, len(order))):
        row = line_grid(layout.name_width, None)
        said = user_text(c.text).append_text(phone_note(t, entered.by_phone("commitment", c.id)))
        row.add_row(Text(layout.names.get(c.party_id, c.party_id), style="bold"), said)
        yield Option(row, id=Item("commitment", c.id).option_id)
    if not commitments:
        yield hint(t, layout.projector, "commitment", "agree.commitments.none")


def phone_note(t: Translator, who: str, key: str = "agree.from_phone") -> Text:
    """That a phone sent the word beside it, and with which name ("" if none did): the rest the
    facilitator entered (the timeline says who did what, change by change)."""
    return Text(" · " + t(key, who=one_line(who, NAME_LIMIT)), "italic") if who else Text()


def expectation_body(
    e: Expectation, activity: Activity, t: Translator, layout: ItemLayout, phones: tuple[str, str] = ("", "")
) -> Text:
    """From → to, the text, and the answer (an amendment shows the new text over the old);
    `phones`: the names a phone sent the expectation and the answer with ("" for none)."""
    names, narrow = layout.names, layout.narrow
    head = Text.assemble(
        (t(f"agree.state.{e.state}") + " · ", STATE_STYLES[e.state]) if narrow else "",
        (names.get(e.from_party, e.from_party), "bold"),
        " → ",
        (names.get(e.to_party, e.to_party), "bold"),
    )
    if e.to_party not in activity.party_ids:
        head.append("  " + t("agree.expectation.outside.short"), style="italic yellow")
    head.append_text(phone_note(t, phones[0]))
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
    if e.state != "open":
        body.append_text(phone_note(t, phones[1], "agree.answered_from_phone"))
    return body


def expectation_rows(
    session: Session, activity: Activity, t: Translator, layout: ItemLayout
) -> Iterator[Option]:
    """Expectations with their answers: in a column of their own, or beside the parties when narrow."""
    expectations = session.expectations_for(activity.id)
    yield heading(t, "agree.section.expectations", count=len(expectations))
    state_width = max(len(t(f"agree.state.{s}")) for s in STATE_MARKS) + 2
    entered = entered_for(session)
    narrow = layout.narrow
    for number, e in enumerate(expectations):
        if layout.projector and number:  # a blank line between entries of several lines, for the room
            yield gap()
        row = line_grid(1 if narrow else state_width, None, padding=1 if narrow else 2)
        state = Text(
            STATE_MARKS[e.state] if narrow else f"{STATE_MARKS[e.state]} {t(f'agree.state.{e.state}')}",
            style=STATE_STYLES[e.state],
        )
        phones = (entered.by_phone("expectation", e.id), entered.by_phone("answer", e.id))
        row.add_row(state, expectation_body(e, activity, t, layout, phones))
        yield Option(row, id=Item("expectation", e.id).option_id)
    if not expectations:
        yield hint(t, layout.projector, "expectation", "agree.expectations.none")


# ------------------------------------------------------------------ agreement fields
def _labelled(label: Text, shown: Text, label_width: int, narrow: bool) -> Table:
    """A label and its value: side by side, or (narrow) the label above, both at full width."""
    if narrow:
        row = line_grid(None, padding=0)
        row.add_row(Text.assemble(label, "\n", shown))
    else:
        row = line_grid(label_width, None)
        row.add_row(label, shown)
    return row


def field_rows(session: Session, activity: Activity, t: Translator, layout: ItemLayout) -> Iterator[Option]:
    """The agreed rung's agreement fields (and flows); before a rung is agreed, where to agree it."""
    current = activity.agreed_current
    if current is None:
        yield heading(t, "agree.section.fields")
        place = next((p for p in session.scenario.agenda if p.kind == "place"), None)
        if place is not None:
            text = t("agree.fields.no_rung.phase", phase=one_line(place.name, NAME_LIMIT))
            yield Option(Content.styled(text, "italic yellow"), id=Item("goto", place.id).option_id)
        else:
            yield Option(Content.styled(t("agree.fields.no_rung"), "italic yellow"), disabled=True)
        return
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
        row = _labelled(label, shown, label_width, layout.narrow)
        yield Option(row, id=Item("field", agreement_field.id).option_id)
    if rung.flows:  # communication: which directions of information flow it uses
        flow_names = ", ".join(session.scenario.flow_name(f) for f in activity.flows)
        shown = user_text(flow_names) if flow_names else Text(t("agree.flows.empty"), style="yellow italic")
        label = Text(one_line(t("agree.fields.flows"), 200), style="bold")
        row = _labelled(label, shown, max(label_width, len(label.plain)), layout.narrow)
        yield Option(row, id=Item("flows", "all").option_id)


# ------------------------------------------------------------------ actions
def action_rows(
    session: Session, activity: Activity, t: Translator, layout: ItemLayout, today: str | None = None
) -> Iterator[Option]:
    """The next steps, with owner and due date; one past `today` (ISO date) and not done is overdue."""
    actions = session.actions_for(activity.id)
    names = layout.names
    yield heading(t, "agree.section.actions", count=len(actions))
    today = today or dt.date.today().isoformat()
    for number, a in enumerate(actions):
        if layout.projector and number:
            yield gap()
        row = line_grid(1, None)
        body = user_text(a.text, "bright_black strike" if a.done else "")
        meta = (
            t("agree.action.owner_due", owner=names.get(a.owner, a.owner), due=shown_date(a.due, t.language))
            if a.due
            else t("agree.action.owner_only", owner=names.get(a.owner, a.owner))
        )
        body.append("\n" + meta, style="bright_black")
        if a.due and a.due < today and not a.done:
            body.append("  " + t("agree.action.overdue"), style="bold red")
        row.add_row(Text("☑" if a.done else "☐", style="bold green" if a.done else "bold"), body)
        yield Option(row, id=Item("action", a.id).option_id)
    if not actions:
        yield hint(t, layout.projector, "action", "agree.actions.none")


def item_options(
    session: Session,
    activity: Activity,
    reopened: dict[str, str],
    *,
    t: Translator,
    width: int,
    projector: bool,
    today: str | None = None,
) -> Iterator[Option]:
    """The selected activity's lines, panel by panel; `width`: the list's width in cells."""
    layout = item_layout(session, activity, t, width, projector, reopened)
    yield from party_rows(session, activity, reopened, t, layout)
    yield gap()
    yield from commitment_rows(session, activity, t, layout)
    yield gap()
    yield from expectation_rows(session, activity, t, layout)
    yield gap()
    yield from field_rows(session, activity, t, layout)
    yield gap()
    yield from action_rows(session, activity, t, layout, today)


# ------------------------------------------------------------------ the activity list, header, mismatches
def alignment(t: Translator, gaps: int, parties: int) -> str:
    """ "⚠ 2 not aligned", "✓ aligned", or, with nobody to align, "no parties yet"."""
    if gaps:
        return t("agree.list.gaps", count=gaps)
    return t("agree.list.aligned") if parties else t("agree.list.no_parties")


@dataclass(frozen=True)
class ActivityRow:
    """What an entry of the activity list shows (and what it is compared by, to skip a redraw)."""

    activity_id: str
    title: str
    rung: str | None
    signed: int
    total: int
    gaps: int


def activity_rows(session: Session, gaps: dict[str, list[Mismatch]]) -> tuple[ActivityRow, ...]:
    """Each activity with its agreed rung, sign-offs and open mismatches, in the session's order."""
    signed: dict[str, int] = {}
    for s in session.signoffs:
        signed[s.activity_id] = signed.get(s.activity_id, 0) + 1
    return tuple(
        ActivityRow(
            a.id, a.title, a.agreed_current, signed.get(a.id, 0), len(a.party_ids), len(gaps.get(a.id, ()))
        )
        for a in session.activities
    )


def activity_option(session: Session, row: ActivityRow, t: Translator, narrow_width: int | None) -> Option:
    """An activity's entry: title over its status; `narrow_width` (cells) cuts both to one short line."""
    if narrow_width is not None:  # two lines, cut to the list's width
        number = "○" if row.rung is None else f"{session.scenario.rung_index(row.rung) + 1}."
        status = t("agree.list.short", rung=number, signed=row.signed, total=row.total)
        status += " · " + alignment(t, row.gaps, row.total)
        width = narrow_width
        prompt = Content.assemble(
            Content.styled(one_line(row.title, width + 1), "bold").truncate(width, ellipsis=True),
            "\n",
            Content.styled(status, "$text-muted").truncate(width, ellipsis=True),
        )
        return Option(prompt, id=row.activity_id)
    rung = row.rung
    status = t("agree.list.none") if rung is None else "✓ " + one_line(session.scenario.rung_title(rung))
    status += " · " + t("agree.list.signed", signed=row.signed, total=row.total)
    status += " · " + alignment(t, row.gaps, row.total)
    prompt = Content.assemble(
        Content.styled(one_line(row.title, TITLE_LIMIT), "bold"), "\n", Content.styled(status, "$text-muted")
    )
    return Option(prompt, id=row.activity_id)


def status_line(session: Session, activity: Activity, t: Translator, width: int = 0) -> Content:
    """The header's status: the agreed rung (and the wished one), and how many have signed;
    on two lines where one `width` is too narrow (a "·" left at a line's end says nothing)."""
    scenario = session.scenario
    current, wished = activity.agreed_current, activity.agreed_wished
    if current is None:
        rung = Content.styled(t("agree.header.no_rung"), "bold $warning")
    elif wished is not None and wished != current:
        titles = {"current": scenario.rung_title(current), "wished": scenario.rung_title(wished)}
        rung = Content(t("agree.header.rung.wished", **titles))
    else:
        rung = Content(t("agree.header.rung", current=scenario.rung_title(current)))
    signed = {s.party_id for s in session.signoffs_for(activity.id)}
    total = len(activity.party_ids)
    count = sum(1 for p in activity.party_ids if p in signed)
    if total and count == total:
        signoffs = Content.styled(t("agree.header.all_signed", total=total), "bold $success")
    else:
        signoffs = Content(t("agree.header.signed", signed=count, total=total))
    if width and rung.cell_length + 5 + signoffs.cell_length > width:
        return Content.assemble(rung, "\n", signoffs)
    return Content.assemble(rung, Content.styled("  ·  ", "$text-muted"), signoffs)


def gap_option(gap_: Mismatch, index: int, t: Translator) -> Option:
    """A mismatch, explained, on one line; its id is its place in the list."""
    row = line_grid(1, None, padding=1)
    row.add_row(Text("⚠", style="bold yellow"), Text(one_line(gap_.explain(t), TEXT_LIMIT)))
    return Option(row, id=f"gap:{index}")
