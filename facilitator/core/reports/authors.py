"""Who entered each party's word, as the reports and the handouts tell it.

A party's own word (its placement, commitment, expectation, answer, sign-off, what came of
last time's promise) is told as the party's, sent from its phone (with the name typed there),
or as entered by the facilitator for it, so that a reader a year later can tell the two apart.
Nothing is claimed where the log says neither. It is read from the room's view, before a
public cut empties the log and the placements' `by`: a public copy keeps how a word came in,
never the name (`public.public_said`).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property

from facilitator.core.authorship import FACILITATOR, PHONE, REPLACED, EnteredFor, Said, entered_for, placed_by
from facilitator.core.i18n import Translator
from facilitator.core.model import Expectation, Placement, Session
from facilitator.core.reports.document import SAID, Span
from facilitator.core.reports.public import public_said
from facilitator.core.schema.table import pair_id


class Authors:
    """Who entered each party's word in `room` (the room's view, with its log); names left
    out when `public`."""

    def __init__(self, room: Session, *, public: bool) -> None:
        self.public = public
        self.entered: EnteredFor = entered_for(room)

    @cached_property
    def placed(self) -> dict[tuple[str, str, int], Said]:
        """Who entered each placement, by (activity, party, round): made when a format marks
        one, not for every export (json and svg mark nothing)."""
        room = self.entered.session
        return {(p.activity_id, p.party_id, p.round): placed_by(p, room.has_party) for p in room.placements}

    @cached_property
    def known(self) -> bool:
        """Whether the session tells who entered any party's word (then the report says how it
        marks them); an older file or an imported public copy may tell nothing."""
        return any(said.how for said in self.placed.values()) or self.entered.any_said()

    @cached_property
    def by_facilitator_only(self) -> bool:
        """Whether the log says the facilitator entered every party's word the session holds
        (none from a phone, none the log does not tell): a workshop run without phones. The
        report and the handouts then say it once and mark no word (56 marks of "entered by the
        facilitator" in the demo's report said it 56 times); a table keeps the values."""
        return self.known and all(said.how == FACILITATOR for said in self._all_words())

    def _all_words(self) -> Iterator[Said]:
        """Who entered each word the room's session holds and a report or handout marks."""
        room = self.entered.session
        yield from self.placed.values()
        yield from (self.entered.said("commitment", c.id) for c in room.commitments)
        for e in room.expectations:
            yield self.entered.said("expectation", e.id)
            if e.state != "open":
                yield self.entered.said("answer", e.id)
        yield from (self.entered.said("signoff", pair_id(s.activity_id, s.party_id)) for s in room.signoffs)
        yield from (self.entered.said("followup", f.id) for f in room.followups if f.outcome and f.confirmed)

    def intro(self, of: str) -> str:
        """The message key of the paragraph explaining the marks in a "report" or "handout"
        (`of`): what each mark means, or that the facilitator entered every word."""
        return f"{of}.authors.{'facilitator' if self.by_facilitator_only else 'intro'}"

    def note(self, said: Said, t: Translator, *, answer: bool = False) -> tuple[Span, ...]:
        """The note after a word (`said_note`), or none when the facilitator entered them all."""
        return () if self.by_facilitator_only else said_note(said, t, answer=answer)

    def _shown(self, said: Said) -> Said:
        return public_said(said) if self.public else said

    def placement(self, placement: Placement) -> Said:
        key = (placement.activity_id, placement.party_id, placement.round)
        return self._shown(self.placed.get(key, Said()))

    def word(self, word: str, item_id: str) -> Said:
        """Who entered a commitment, expectation, answer or follow-up (`word`) by its id."""
        return self._shown(self.entered.said(word, item_id))

    def signoff(self, activity_id: str, party_id: str) -> Said:
        return self._shown(self.entered.said("signoff", pair_id(activity_id, party_id)))


def said_words(said: Said, t: Translator, *, answer: bool = False) -> str:
    """The words for `said`: "entered by the facilitator", "from a phone: Mari Tamm" (of an
    `answer`: "answer entered by the facilitator", "answered from a phone: …"), or "" when the
    log says neither."""
    key = "report.answer_by" if answer else "report.by"
    if said.how == FACILITATOR:
        return t(f"{key}.facilitator")
    if said.how in (PHONE, REPLACED):
        key += ".phone" if said.how == PHONE else ".replaced"
        return t(key, who=said.name) if said.name else t(f"{key}.unnamed")
    return ""


def said_note(said: Said, t: Translator, *, answer: bool = False) -> tuple[Span, ...]:
    """The words of `said_words` as a muted note after the word: " (entered by the facilitator)".
    The name typed on a phone is escaped with the rest of the span, as all text is."""
    words = said_words(said, t, answer=answer)
    return (Span(f" ({words})", SAID),) if words else ()


def said_cell(said: Said, t: Translator) -> tuple[str, str]:
    """A table's two cells: who entered it ("the facilitator", "the party, from a phone", "the
    facilitator, in place of a phone's") and the name typed on the phone ("" for the
    facilitator, and in a public copy)."""
    if said.how == FACILITATOR:
        return t("report.csv.by.facilitator"), ""
    if said.how == PHONE:
        return t("report.csv.by.phone"), said.name
    if said.how == REPLACED:  # the name is the replaced phone's
        return t("report.csv.by.replaced"), said.name
    return "", ""


def expectation_notes(
    authors: Authors, expectation: Expectation, t: Translator, page_of: str | None = None
) -> tuple[tuple[Span, ...], tuple[Span, ...]]:
    """The notes after an expectation's text (who entered it) and after its answer (who
    answered; nothing while it is not answered). On the page of party `page_of` (a handout),
    the other party's word keeps no name: a page holds none of another party's people."""
    asked = authors.word("expectation", expectation.id)
    if page_of is not None and expectation.from_party != page_of:
        asked = public_said(asked)
    if expectation.state == "open":
        return authors.note(asked, t), ()
    answer = authors.word("answer", expectation.id)
    if page_of is not None and expectation.to_party != page_of:
        answer = public_said(answer)
    return authors.note(asked, t), authors.note(answer, t, answer=True)
