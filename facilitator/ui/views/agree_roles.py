"""The roles panel of the roles-and-expectations view: each party's role in the activity."""

from __future__ import annotations

from textual import work

from facilitator.ui.dialogs.roles import RoleDialog
from facilitator.ui.views.agree_panel import AgreePanel


class RolesPanel(AgreePanel):
    """r: the role of the party under the cursor; g: every activity's roles at once."""

    def action_role_grid(self) -> None:
        """Every activity's roles at once (views/role_grid.py)."""
        from facilitator.ui.views.role_grid import open_role_grid

        open_role_grid(self, self.service, self.activity_id)

    @work(exclusive=True, group="agree-dialog")
    async def action_role(self) -> None:
        activity, item = self.current_activity(), self.current_item()
        if activity is None or item is None or item.kind != "party":
            return
        session = self.shown
        roles = session.roles_for(activity.id)
        current = roles.get(item.key)
        # No role yet: start on the lead role while nobody leads, else on the first other role.
        lead = session.scenario.lead_role()
        others = [r.id for r in session.scenario.roles if not r.lead]
        led = lead is not None and lead.id in roles.values()
        suggested = others[0] if (led or lead is None) and others else (lead.id if lead else None)
        name = session.party_name(item.key)
        dialog = RoleDialog(session.scenario.roles, name, activity.title, current, suggested)
        choice = await self.app.push_screen_wait(dialog)
        if choice is None or choice.role_id == current:
            return
        self.fapp.attempt(lambda: self.service.set_role(activity.id, item.key, choice.role_id))
