"""What every report format is written from (`reports._source` makes it, once per export)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from facilitator.core.i18n import Translator
from facilitator.core.model import Session
from facilitator.core.reports.authors import Authors


@dataclass(frozen=True)
class Source:
    """What a renderer works from: the session as the room may see it (public or not), the file's
    data (the JSON backup is the file itself), the language, the base of the file names, and
    who entered each party's word (read from the room's log, which a public view has not)."""

    view: Session
    data: Mapping[str, Any]
    t: Translator
    public: bool
    base: str
    generated: str
    authors: Authors
