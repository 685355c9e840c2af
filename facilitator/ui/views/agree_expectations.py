"""Commitments and expectations in the roles-and-expectations view: "we will …", and what the
parties expect of each other."""

from __future__ import annotations

from facilitator.ui.dialogs.expectations import AnswerDialog, ExpectationDialog
from facilitator.ui.dialogs.roles import CommitmentDialog
from facilitator.ui.views.agree_panel import Editor


class PromiseEditor(Editor):
    """c adds a commitment, e an expectation; enter edits one or answers one."""

    async def add_commitment(self) -> None:
        view = self.view
        found = view.at_cursor()
        if found is None:
            return
        activity, party = found
        if not await view.reopen_ok(activity.id, "commitment.added", "agree.reopen.change.commitment"):
            return
        draft = await view.app.push_screen_wait(CommitmentDialog(view.parties(), activity.party_ids, party))
        if draft is None:
            return
        view.add_then_highlight(
            "commitment", lambda: view.service.add_commitment(activity.id, draft.party_id, draft.text)
        )

    async def edit_commitment(self, commitment_id: str) -> None:
        view = self.view
        commitment = next((c for c in view.shown.commitments if c.id == commitment_id), None)
        activity = view.current_activity()
        if commitment is None or activity is None:
            return
        if not await view.reopen_ok(activity.id, "commitment.updated", "agree.reopen.change.commitment_edit"):
            return
        dialog = CommitmentDialog(
            view.parties(), activity.party_ids, commitment.party_id, commitment.text, editing=True
        )
        draft = await view.app.push_screen_wait(dialog)
        if draft is None:
            return
        now = next((c for c in view.service.session.commitments if c.id == commitment_id), None)
        if now is None:  # removed on another device while the dialog was open
            self.gone(view.t("agree.key.commitment"), draft.text)
            return
        changes = await view.settled(
            {"text": commitment.text},
            {"text": draft.text},
            {"text": now.text},
            view.t("agree.key.commitment"),
        )
        if "text" in changes:
            view.fapp.attempt(lambda: view.service.update_commitment(commitment.id, changes["text"]))

    async def add_expectation(self) -> None:
        view = self.view
        found = view.at_cursor()
        if found is None:
            return
        activity, source = found
        if not await view.reopen_ok(activity.id, "expectation.added", "agree.reopen.change.expectation"):
            return
        target = next((p for p in activity.party_ids if p != source), None)
        from facilitator.ui.views.expectation_keys import QuickExpectationDialog

        dialog: ExpectationDialog = QuickExpectationDialog(view.parties(), activity.party_ids, source, target)
        draft = await view.app.push_screen_wait(dialog)
        if draft is None:
            return
        if not view.add_then_highlight(
            "expectation",
            lambda: view.service.add_expectation(activity.id, draft.from_party, draft.to_party, draft.text),
        ):
            return
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
        answering = "agree.reopen.change.answer"
        if not await view.reopen_ok(expectation.activity_id, "expectation.answered", answering):
            return
        dialog = AnswerDialog(
            expectation, session.party_name(expectation.from_party), session.party_name(expectation.to_party)
        )
        answer = await view.app.push_screen_wait(dialog)
        if answer is None:
            return
        now = next((e for e in view.service.session.expectations if e.id == expectation_id), None)
        if now is None:  # removed on another device while the dialog was open
            self.gone(view.t("agree.key.expectation"), answer.response)
            return
        said = {"answer": (expectation.state, expectation.response)}
        changes = await view.settled(
            said,
            {"answer": (answer.state, answer.response)},
            {"answer": (now.state, now.response)},
            view.t("agree.key.expectation"),
        )
        if "answer" in changes:
            state, response = changes["answer"]
            view.fapp.attempt(lambda: view.service.answer_expectation(expectation.id, state, response))
