"""One printable page per party: what it takes home from the workshop.

Each party gets its own A4 page (one self-contained HTML file, no script, the report's
Content-Security-Policy): the activities it takes part in with the agreed rung and its
role, its commitments, what others expect of it and its answers, what it expects of
others and their answers, its next steps with due dates, and what came of last time's
items when the session continues another. A page holds nothing private of another
party: no other party's placements, commitments or people. It reads the view the
export was asked for (public or not), so `--public` leaves people's names out here too.
"""

from __future__ import annotations

import re
import unicodedata

from facilitator import __version__
from facilitator.core.comparison import outcome_key
from facilitator.core.dates import shown_date
from facilitator.core.errors import UserError
from facilitator.core.followup import promises
from facilitator.core.model import Expectation, FollowUp, Party, Session
from facilitator.core.reports.authors import expectation_notes
from facilitator.core.reports.document import (
    Block,
    Bullets,
    Document,
    Facts,
    Heading,
    Inline,
    Para,
    Section,
    Span,
    Table,
    muted,
    strong,
    text,
    user,
)
from facilitator.core.reports.html import STYLE as HTML_STYLE
from facilitator.core.reports.html import render as render_html
from facilitator.core.reports.labels import Labels
from facilitator.core.reports.source import Source

PART = "handout"

STYLE = (
    HTML_STYLE
    + """
body { max-width: 52rem; }
.handout h2 { margin-top: 1.5rem; }
@media print {
  @page { size: A4; margin: 14mm 14mm 16mm; }
  body { font-size: 10pt; }
  h2 { break-after: avoid; }
  section.part + section.part { break-before: auto; }
}
"""
)


def slug(name: str, limit: int = 40) -> str:
    """A file-name-safe form of a party's name: ASCII letters, digits and dashes ("Politsei-ja-...")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^A-Za-z0-9]+", "-", ascii_name).strip("-").lower()
    return cleaned[:limit].strip("-") or "party"


def file_name(base: str, number: int, party: Party) -> str:
    """`ID-handout-03-youth-centre.html`: numbered, so the files sort in the parties' order."""
    return f"{base}-{PART}-{number:02d}-{slug(party.name)}.html"


def file_names(base: str, session: Session | None) -> list[str]:
    """The handouts' names; without a session, one name that stands for them all."""
    if session is None or not session.parties:
        return [f"{base}-{PART}-NN-party.html"]
    return [file_name(base, i + 1, p) for i, p in enumerate(session.parties)]


class _Page:
    """One party's page, built as a `Document` for the HTML writer."""

    def __init__(self, source: Source, party: Party) -> None:
        self.s = source.view
        self.party = party
        self.t = source.t
        self.public = source.public
        self.generated = source.generated
        self.authors = source.authors
        self.labels = Labels(self.s, self.t)

    def date(self, iso: str | None) -> str:
        return shown_date(iso, self.t.language)

    def header(self) -> Section:
        t, info = self.t, self.s.info
        facts: list[tuple[str, Inline]] = [(t("handout.fact.workshop"), text(user(info.title)))]
        if info.date:
            facts.append((t("report.fact.date"), text(user(self.date(info.date)))))
        if info.place:
            facts.append((t("report.fact.place"), text(user(info.place))))
        people = self.s.participants_of(self.party.id)
        if people and not self.public:
            facts.append((t("handout.fact.people"), text(user(", ".join(p.name for p in people)))))
        blocks: list[Block] = [
            Para(text(t("handout.kind")), kind="kicker"),
            Heading(1, text(user(self.party.name))),
            Facts(tuple(facts)),
        ]
        if self.public:
            blocks.append(Para(text(t("handout.public.notice")), kind="notice"))
        if self.authors.known:
            blocks.append(Para(text(muted(t(self.authors.intro("handout")))), kind="authors"))
        return Section(tuple(blocks), kind="header")

    def part(self, heading: str, body: list[Block], empty: str) -> Section:
        blocks: list[Block] = [Heading(2, text(heading))]
        blocks.extend(body or [Para(text(muted(empty)))])
        return Section(tuple(blocks), kind="part")

    def activities(self) -> Section:
        t, labels = self.t, self.labels
        rows = []
        for a in self.s.activities:
            if self.party.id not in a.party_ids:
                continue
            if a.agreed_current is None:
                rung: Inline = text(muted(t("handout.rung.open")))
            elif a.agreed_wished and a.agreed_wished != a.agreed_current:
                rung = text(user(labels.rung(a.agreed_current)), " → ", user(labels.rung(a.agreed_wished)))
            else:
                rung = text(user(labels.rung(a.agreed_current)))
            role = self.s.roles_for(a.id).get(self.party.id)
            others = [labels.party(p) for p in a.party_ids if p != self.party.id]
            rows.append(
                (
                    text(strong(f"#{labels.number[a.id]}"), " ", user(a.title)),
                    rung,
                    text(user(labels.role(role))) if role else text(muted(t("handout.role.none"))),
                    text(user(", ".join(others))) if others else text(muted(t("report.none"))),
                )
            )
        header = tuple(
            text(t(key))
            for key in ("handout.col.activity", "handout.col.rung", "handout.col.role", "handout.col.with")
        )
        body: list[Block] = [Table(header, tuple(rows))] if rows else []
        return self.part(t("handout.activities"), body, t("handout.activities.none"))

    def commitments(self) -> Section:
        items = tuple(
            text(
                strong(f"#{self.labels.number[c.activity_id]}"),
                " ",
                user(c.text),
                *self.authors.note(self.authors.word("commitment", c.id), self.t),
            )
            for c in self.s.commitments
            if c.party_id == self.party.id and c.activity_id in self.labels.number
        )
        body: list[Block] = [Bullets(items)] if items else []
        return self.part(self.t("handout.commitments"), body, self.t("handout.commitments.none"))

    def expectation(self, e: Expectation, other: str) -> Inline:
        number = self.labels.number.get(e.activity_id)
        ref = (strong(f"#{number}"), Span(" ")) if number else ()
        asked, answered = expectation_notes(self.authors, e, self.t, self.party.id)
        return text(
            *ref,
            user(self.labels.party(other)),
            ": ",
            user(e.text),
            *asked,
            " — ",
            *self.labels.expectation_state(e),
            *answered,
        )

    def expected_of(self) -> Section:
        items = tuple(
            self.expectation(e, e.from_party) for e in self.s.expectations if e.to_party == self.party.id
        )
        body: list[Block] = [Bullets(items)] if items else []
        return self.part(self.t("handout.expected_of"), body, self.t("handout.expected_of.none"))

    def expects(self) -> Section:
        items = tuple(
            self.expectation(e, e.to_party) for e in self.s.expectations if e.from_party == self.party.id
        )
        body: list[Block] = [Bullets(items)] if items else []
        return self.part(self.t("handout.expects"), body, self.t("handout.expects.none"))

    def steps(self) -> Section:
        t = self.t
        mine = sorted(
            (x for x in self.s.actions if x.owner == self.party.id), key=lambda x: (x.done, x.due or "9999")
        )
        items = []
        for x in mine:
            parts: list[Span] = [Span("✓ " if x.done else "○ "), user(x.text)]
            if x.due:
                parts += [Span(f" — {t('handout.due')} "), strong(self.date(x.due))]
            if x.done:
                parts.append(muted(f" ({t('report.done')})"))
            items.append(tuple(parts))
        body: list[Block] = [Bullets(tuple(items))] if items else []
        return self.part(t("handout.steps"), body, t("handout.steps.none"))

    def footer(self) -> Section:
        line = self.t(
            "handout.footer", version=__version__, id=self.s.info.id, generated=self.date(self.generated)
        )
        return Section((Para(text(muted(line)), kind="footer"),), kind="footer")

    def build(self, extra: tuple[Section, ...] = ()) -> Document:
        blocks: list[Block] = [
            self.header(),
            self.activities(),
            self.commitments(),
            self.expected_of(),
            self.expects(),
            self.steps(),
            *extra,
            self.footer(),
        ]
        title = f"{self.party.name} — {self.s.info.title}"
        return Document(title, self.t.language, self.s.info.language, tuple(blocks))


def build_handout(source: Source, party_id: str) -> Document:
    """One party's page of the source's view (already the public view when public)."""
    page = _Page(source, source.view.party(party_id))
    return page.build(followup_sections(source, party_id))


def followup_sections(source: Source, party_id: str) -> tuple[Section, ...]:
    """What came of last time's items of this party; nothing for a session without a predecessor."""
    mine = [f for f in promises(source.view) if f.party_id == party_id]
    return (_followup_section(source, mine, "handout.followup.intro"),) if mine else ()


def report_followup(source: Source) -> tuple[Section, ...]:
    """The report's account of last time's promises, every party's, in the handouts' words."""
    items = list(promises(source.view))
    return (
        (_followup_section(source, items, "handout.followup.report_intro", by_party=True),) if items else ()
    )


def _followup_section(
    source: Source, items: list[FollowUp], intro: str, *, by_party: bool = False
) -> Section:
    session, t = source.view, source.t
    steps = {x.id: x for x in session.actions}
    lines = []
    for f in items:
        parts: list[Span] = [strong(f.party_name + ": ")] if by_party else []
        parts += [muted(t(f"followup.kind.{f.kind}") + ": "), user(f.text)]
        if f.due:
            parts += [Span(f" — {t('handout.due')} "), user(shown_date(f.due, t.language))]
        key = outcome_key(f)
        parts += [Span(" — "), strong(t(f"followup.outcome.{key}"))]
        if f.outcome and f.confirmed:  # who recorded it; confirming a party's answer keeps it the party's
            parts += source.authors.note(source.authors.word("followup", f.id), t)
        if f.outcome and not f.confirmed:
            parts.append(muted(f" ({t('followup.unconfirmed')})"))
        if f.note.strip():
            parts += [Span(" — "), user(f.note)]
        carried = steps.get(f.carried_action or "")
        if carried is not None:  # the step it became here, with its new due date (as compare says it)
            due = shown_date(carried.due, t.language) if carried.due else ""
            parts.append(muted(" " + (t("compare.carried.due", due=due) if due else t("compare.carried"))))
        lines.append(tuple(parts))
    info = session.info
    if info.previous_title:  # named as people know it; a session made before it was kept: by its id
        when = shown_date(info.previous_date, t.language) if info.previous_date else ""
        previous = f"{info.previous_title}, {when}" if when else info.previous_title
    else:
        previous = t("handout.followup.session_id", id=info.previous_id or "")
    blocks: list[Block] = [
        Heading(2, text(t("handout.followup"))),
        Para(text(muted(t(intro, workshop=previous)))),
        Bullets(tuple(lines)),
    ]
    return Section(tuple(blocks), kind="part")


def render(source: Source) -> dict[str, bytes]:
    """Every party's page, by file name, in the parties' order."""
    session = source.view
    if not session.parties:
        raise UserError.worded("handout.no_parties")
    out: dict[str, bytes] = {}
    for name, party in zip(file_names(source.base, session), session.parties, strict=True):
        out[name] = page_html(source, party.id)
    return out


def page_html(source: Source, party_id: str) -> bytes:
    """One party's page as the export writes it (the phone's own-party page serves the same bytes)."""
    document = build_handout(source, party_id)
    return render_html(document, source.t("report.contents"), STYLE).encode("utf-8")
