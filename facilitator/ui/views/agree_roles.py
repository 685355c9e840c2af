"""Roles in the roles-and-expectations view: each party's role in the activity."""

from __future__ import annotations

from facilitator.ui.dialogs.roles import RoleDialog
from facilitator.ui.views.agree_panel import Editor
from facilitator.ui.views.role_change import role_change


class RoleEditor(Editor):
    """r: the role of the party under the cursor; g: every activity's roles at once."""

    def open_grid(self) -> None:
        """Every activity's roles at once (views/role_grid.py)."""
        from facilitator.ui.views.role_grid import open_role_grid

        open_role_grid(self.view, self.view.service, self.view.activity_id)

    async def choose(self) -> None:
        view = self.view
        activity, item = view.current_activity(), view.current_item()
        if activity is None or item is None or item.kind != "party":
            return
        session = view.shown
        roles = session.roles_for(activity.id)
        current = roles.get(item.key)
        # No role yet: start on the lead role while nobody leads, else on the first other role.
        lead = session.scenario.lead_role()
        others = [r.id for r in session.scenario.roles if not r.lead]
        led = lead is not None and lead.id in roles.values()
        suggested = others[0] if (led or lead is None) and others else (lead.id if lead else None)
        name = session.party_name(item.key)
        dialog = RoleDialog(session.scenario.roles, name, activity.title, current, suggested)
        choice = await view.app.push_screen_wait(dialog)
        if choice is None or choice.role_id == current:
            return
        plan = role_change(view.app, view.service, activity.id, item.key, current, choice.role_id)
        await view.save(activity.id, "role.set", plan, None, "agree.reopen.change.role", party=name)
