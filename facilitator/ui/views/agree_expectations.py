"""The commitments-and-expectations panel: "we will …", and what the parties expect of each other."""

from __future__ import annotations

from textual import work

from facilitator.ui.dialogs.expectations import AnswerDialog, ExpectationDialog
from facilitator.ui.dialogs.roles import CommitmentDialog
from facilitator.ui.views.agree_items import Item
from facilitator.ui.views.agree_panel import AgreePanel


class ExpectationsPanel(AgreePanel):
    """c adds a commitment, e an expectation; enter edits one or answers one."""

    @work(exclusive=True, group="agree-dialog")
    async def action_add_commitment(self) -> None:
        activity = self.current_activity()
        if activity is None:
            return
        party = self._party_of(self.current_item(), activity)
        draft = await self.app.push_screen_wait(CommitmentDialog(self._parties(), activity.party_ids, party))
        if draft is None:
            return
        added: list[str] = []
        if self.fapp.attempt(
            lambda: added.append(self.service.add_commitment(activity.id, draft.party_id, draft.text))
        ):
            self.once_shown(lambda: self._highlight(Item("commitment", added[0])))  # its line, once drawn

    @work(exclusive=True, group="agree-dialog")
    async def edit_commitment(self, commitment_id: str) -> None:
        commitment = next((c for c in self.shown.commitments if c.id == commitment_id), None)
        activity = self.current_activity()
        if commitment is None or activity is None:
            return
        dialog = CommitmentDialog(
            self._parties(), activity.party_ids, commitment.party_id, commitment.text, editing=True
        )
        draft = await self.app.push_screen_wait(dialog)
        if draft is None:
            return
        now = next((c for c in self.service.session.commitments if c.id == commitment_id), None)
        if now is None:
            return  # removed meanwhile
        changes = await self.settled(
            {"text": commitment.text},
            {"text": draft.text},
            {"text": now.text},
            self.t("agree.key.commitment"),
        )
        if "text" in changes:
            self.fapp.attempt(lambda: self.service.update_commitment(commitment.id, changes["text"]))

    @work(exclusive=True, group="agree-dialog")
    async def action_add_expectation(self) -> None:
        activity = self.current_activity()
        if activity is None:
            return
        source = self._party_of(self.current_item(), activity)
        target = next((p for p in activity.party_ids if p != source), None)
        from facilitator.ui.views.expectation_keys import QuickExpectationDialog

        dialog: ExpectationDialog = QuickExpectationDialog(
            self._parties(), activity.party_ids, source, target
        )
        draft = await self.app.push_screen_wait(dialog)
        if draft is None:
            return
        added: list[str] = []

        def add() -> None:
            added.append(
                self.service.add_expectation(activity.id, draft.from_party, draft.to_party, draft.text)
            )

        if self.fapp.attempt(add):
            self.once_shown(lambda: self._highlight(Item("expectation", added[0])))  # its line, once drawn
            if draft.to_party not in activity.party_ids:
                name = self.session.party_name(draft.to_party)
                self.notify(
                    self.t("agree.expectation.outside", party=name),
                    severity="warning",
                    markup=False,
                    timeout=6,
                )

    @work(exclusive=True, group="agree-dialog")
    async def answer(self, expectation_id: str) -> None:
        session = self.shown
        expectation = next((e for e in session.expectations if e.id == expectation_id), None)
        if expectation is None:
            return
        dialog = AnswerDialog(
            expectation, session.party_name(expectation.from_party), session.party_name(expectation.to_party)
        )
        answer = await self.app.push_screen_wait(dialog)
        if answer is None:
            return
        now = next((e for e in self.service.session.expectations if e.id == expectation_id), None)
        if now is None:
            return  # removed meanwhile
        said = {"answer": (expectation.state, expectation.response)}
        changes = await self.settled(
            said,
            {"answer": (answer.state, answer.response)},
            {"answer": (now.state, now.response)},
            self.t("agree.key.expectation"),
        )
        if "answer" in changes:
            state, response = changes["answer"]
            self.fapp.attempt(lambda: self.service.answer_expectation(expectation.id, state, response))
