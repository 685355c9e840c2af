"""Commitments and expectations in the roles-and-expectations view: "we will …", and what the
parties expect of each other."""

from __future__ import annotations

from collections.abc import Callable

from facilitator.core.model import Event, Expectation, Session
from facilitator.core.text import one_line
from facilitator.ui.dialogs.expectations import AnswerDialog, ExpectationDialog, answer_words
from facilitator.ui.dialogs.reopen import just
from facilitator.ui.dialogs.roles import CommitmentDialog
from facilitator.ui.views.agree_items import Item
from facilitator.ui.views.agree_panel import Editor
from facilitator.ui.views.phone_words import NAME_LIMIT, from_phone, phone_words, replace_ok


class PromiseEditor(Editor):
    """c adds a commitment, e an expectation; enter edits one or answers one."""

    async def add_commitment(self) -> None:
        view = self.view
        found = view.at_cursor()
        if found is None:
            return
        activity, party = found
        change = "agree.reopen.change.commitment"
        asked = await view.reopen_ok(activity.id, "commitment.added", change)
        if asked is None:
            return
        draft = await view.app.push_screen_wait(CommitmentDialog(view.parties(), activity.party_ids, party))
        if draft is None:
            return
        add = just(lambda: view.service.add_commitment(activity.id, draft.party_id, draft.text))
        added = await view.save(activity.id, "commitment.added", add, asked, change)
        if added is not None:
            view.once_shown(lambda: view.highlight(Item("commitment", added)))

    async def edit_commitment(self, commitment_id: str) -> None:
        view = self.view
        commitment = next((c for c in view.shown.commitments if c.id == commitment_id), None)
        activity = view.current_activity()
        if commitment is None or activity is None:
            return
        change = "agree.reopen.change.commitment_edit"
        asked = await view.reopen_ok(activity.id, "commitment.updated", change)
        if asked is None:
            return
        dialog = CommitmentDialog(
            view.parties(), activity.party_ids, commitment.party_id, commitment.text, editing=True
        )
        draft = await view.app.push_screen_wait(dialog)
        if draft is None:
            return
        label = view.t("agree.key.commitment")
        settling = view.settling({"text": commitment.text}, {"text": draft.text}, label)
        replacing: set[tuple[str, str]] = set()  # the phone's texts already said yes to

        async def plan(session: Session) -> Callable[[], Event] | None:
            now = next((c for c in session.commitments if c.id == commitment_id), None)
            if now is None:  # removed on another device while the dialog was open
                self.gone(label, draft.text)
                return None
            changes = await settling.against({"text": now.text})
            if not changes:
                return None
            who = from_phone(session, "commitment", commitment_id)
            if who is not None and (now.text, changes["text"]) not in replacing:
                party, text = session.party_name(now.party_id), one_line(now.text, NAME_LIMIT)
                mine = one_line(changes["text"], NAME_LIMIT)
                words = phone_words(view.t, "answer.commitment_phone", who, party, text=text, mine=mine)
                if not await replace_ok(view.app, words):
                    return None
                replacing.add((now.text, changes["text"]))  # asked again only if it changes
            return lambda: view.service.update_commitment(commitment_id, changes["text"])

        await view.save(activity.id, "commitment.updated", plan, asked, change)

    async def add_expectation(self) -> None:
        view = self.view
        found = view.at_cursor()
        if found is None:
            return
        activity, source = found
        change = "agree.reopen.change.expectation"
        asked = await view.reopen_ok(activity.id, "expectation.added", change)
        if asked is None:
            return
        target = next((p for p in activity.party_ids if p != source), None)
        from facilitator.ui.views.expectation_keys import QuickExpectationDialog

        dialog: ExpectationDialog = QuickExpectationDialog(view.parties(), activity.party_ids, source, target)
        draft = await view.app.push_screen_wait(dialog)
        if draft is None:
            return
        add = just(
            lambda: view.service.add_expectation(activity.id, draft.from_party, draft.to_party, draft.text)
        )
        added = await view.save(activity.id, "expectation.added", add, asked, change)
        if added is None:
            return
        view.once_shown(lambda: view.highlight(Item("expectation", added)))
        if draft.to_party not in activity.party_ids:
            name = view.session.party_name(draft.to_party)
            view.notify(
                view.t("agree.expectation.outside", party=name), severity="warning", markup=False, timeout=6
            )

    async def answer(self, expectation_id: str) -> None:
        view = self.view
        session = view.shown
        expectation = next((e for e in session.expectations if e.id == expectation_id), None)
        if expectation is None:
            return
        answering, activity_id = "agree.reopen.change.answer", expectation.activity_id
        asked = await view.reopen_ok(activity_id, "expectation.answered", answering)
        if asked is None:
            return
        dialog = AnswerDialog(
            expectation, session.party_name(expectation.from_party), session.party_name(expectation.to_party)
        )
        answer = await view.app.push_screen_wait(dialog)
        if answer is None:
            return
        label = view.t("agree.key.expectation")
        settling = view.settling(
            {"answer": (expectation.state, expectation.response)},
            {"answer": (answer.state, answer.response)},
            label,
            lambda _name, said: answer_words(view.t, expectation.text, *said),
        )
        replacing: set[tuple[str, str, str, str]] = set()  # the phone's answers already said yes to

        async def plan(session: Session) -> Callable[[], Event] | None:
            now = next((e for e in session.expectations if e.id == expectation_id), None)
            if now is None:  # removed on another device while the dialog was open
                self.gone(label, answer.response)
                return None
            changes = await settling.against({"answer": (now.state, now.response)})
            if not changes:
                return None
            state, response = changes["answer"]
            said = (now.state, now.response, state, response)
            if said not in replacing:  # (asked again only if the phone's answer changed since)
                if not await self.replace_phone_answer(session, now, state, response):
                    return None
                replacing.add(said)
            seen = (now.state, now.response)  # refused if the phone answers anew while asked
            return lambda: view.service.answer_expectation(expectation_id, state, response, seen=seen)

        await view.save(activity_id, "expectation.answered", plan, asked, answering)

    async def replace_phone_answer(
        self, session: Session, now: Expectation, state: str, response: str
    ) -> bool:
        """Over the answer the addressee sent from its phone, ask first (Cancel is the default),
        naming the party and the name typed on the phone: its own word is never replaced unseen."""
        who = from_phone(session, "answer", now.id)
        if who is None or (state, response) == (now.state, now.response):
            return True
        t = self.view.t
        question = phone_words(
            t,
            "answer.replace_phone",
            who,
            session.party_name(now.to_party),
            answer=answer_words(t, now.text, now.state, now.response),
            mine=answer_words(t, now.text, state, response),
        )
        return await replace_ok(self.view.app, question)
