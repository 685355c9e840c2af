"""What a workshop is at now, in words: "closed on 07.12.2026", or the phase it is on, named
in the reader's language (an Estonian session listed in the English interface says
"Roles and expectations", not "Rollid ja ootused").

The session list, the CLI's `list`, the review and the report all say it through here.
"""

from __future__ import annotations

from pathlib import Path

from facilitator.core.counterpart import known_scenarios
from facilitator.core.dates import shown_date
from facilitator.core.i18n import Translator
from facilitator.core.library import SessionSummary
from facilitator.core.model import Session
from facilitator.core.scenario import FOLLOWUP


def closed_on(closed_at: str, t: Translator) -> str:
    """ "closed on 07.12.2026" (the date as the reader's language writes it)."""
    from facilitator.core.kinds.session import closed_day  # the change handlers: not needed to start

    return t("closing.closed_on", date=shown_date(closed_day(closed_at), t.language))


def phase_name_in(summary: SessionSummary, language: str, folders: tuple[Path, ...] = ()) -> str:
    """The listed session's phase as a scenario in `language` with the same agenda names it."""
    if not summary.phase or summary.language == language or not summary.agenda:
        return summary.phase_name
    twin = next(
        (
            s
            for s in known_scenarios(folders)
            # the follow-up of last time is only in sessions that continue another: not compared
            if s.language == language
            and tuple(p.id for p in s.agenda if p.kind != FOLLOWUP)
            == tuple(i for i in summary.agenda if i != FOLLOWUP)
        ),
        None,
    )
    if twin is None:
        return summary.phase_name
    return next((p.name for p in twin.agenda if p.id == summary.phase), summary.phase_name)


def listed_state(summary: SessionSummary, t: Translator, folders: tuple[Path, ...] = ()) -> str:
    """A session list's "where it is" column: closed on …, the phase, or setup before the agenda."""
    if summary.closed_at:
        return closed_on(summary.closed_at, t)
    if not summary.phase:
        return t("phase.setup")
    return phase_name_in(summary, t.language, folders)


def session_state(session: Session, t: Translator) -> str:
    """The same for an open session (whose scenario already names things in `t`'s language)."""
    if session.info.closed_at:
        return closed_on(session.info.closed_at, t)
    if not session.info.phase:
        return t("phase.setup")
    return next((p.name for p in session.scenario.agenda if p.id == session.info.phase), "")
