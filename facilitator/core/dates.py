"""Dates as people type them: 2026-12-03, or 03.12.2026 as Estonians write it.

Stored as ISO (YYYY-MM-DD) whichever way it was typed; anything else is refused.
"""

from __future__ import annotations

import datetime as dt
import re

ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def parse_date(text: str) -> str | None:
    """The ISO form of a date typed as 2026-12-03 or 03.12.2026 (3.12.2026); None if it is not one."""
    text = text.strip()
    iso, dotted = ISO.match(text), DOTTED.match(text)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    elif dotted:
        day, month, year = (int(part) for part in dotted.groups())
    else:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def is_date(text: str) -> bool:
    return parse_date(text) is not None


def is_stored_date(text: str) -> bool:
    """A date as a file keeps it: yyyy-mm-dd, and a day of the calendar (not 2026-02-31)."""
    return parse_date(text) == text


def is_free_date(text: str) -> bool:
    """The workshop's date as older versions kept it, as typed: any text, except one written
    as a date (2026-02-31, 31.02.2026) that is no day of the calendar."""
    return parse_date(text) is not None or not (ISO.match(text.strip()) or DOTTED.match(text.strip()))


def is_stamp(text: str) -> bool:
    """A moment as the service stamps it (2026-12-07T09:00:00.000+00:00): an ISO time stamp
    whose date and time exist, in yyyy-mm-dd form (what every reader of a stamp parses)."""
    if not is_stored_date(text[:10]):
        return False
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def shown_date(iso: str | None, language: str) -> str:
    """A stored date as people of `language` write it: 07.12.2026 in Estonian, 2026-12-07 in
    English; a timestamp keeps its time (07.12.2026 11:47). Text that is not an ISO date
    (free text from old files) is shown as it is."""
    if not iso:
        return ""
    match = ISO.match(iso[:10])
    if match is None or language != "et":
        return iso
    year, month, day = match.groups()
    return f"{day}.{month}.{year}{iso[10:]}"
