"""Setting a party's role in an activity, decided on the session as it is when it is saved.

The roles view's dialog and the role grid's digits both set a role the facilitator chose
on what was shown; another device may have set that party's role meanwhile. The plan
(`reopen.change_asked` runs it right before the write, again after every question) asks
about such a role (`clashes.Settling`) instead of writing over it unseen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App

from facilitator.core.model import Event, Session
from facilitator.core.service import SessionService
from facilitator.ui.dialogs.clashes import Settling
from facilitator.ui.dialogs.reopen import Plan
from facilitator.ui.host import host_of


def role_change(
    app: App[Any],
    service: SessionService,
    activity_id: str,
    party_id: str,
    shown: str | None,
    role: str | None,
) -> Plan[Event]:
    """Set `party_id`'s role to `role`, chosen while `shown` was its role."""
    host = host_of(app)
    t, scenario = host.t, service.scenario

    def name(_field: str, role_id: Any) -> str:
        return scenario.role(role_id).name if role_id else t("review.none")

    settling = Settling(app, t, {"role": shown}, {"role": role}, lambda _field: t("agree.key.role"), name)

    async def plan(now: Session) -> Callable[[], Event] | None:
        if not now.has_activity(activity_id):
            host.show_error(t("agree.gone", what=t("agree.gone.activity")))
            return None
        if "role" not in await settling.against({"role": now.roles_for(activity_id).get(party_id)}):
            return None
        return lambda: service.set_role(activity_id, party_id, role)

    return plan
