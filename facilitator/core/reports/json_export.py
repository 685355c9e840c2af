"""The whole session as JSON, re-importable with `facilitator import`.

The same text as `SessionLibrary.export_json`: the file's tables and its embedded
scenario, sorted keys, two-space indent. The public version is still a valid session
file, meant for sharing: participants, the facilitator's name, notes marked private,
the event log (which records names, every earlier wording of a note and every
placement as it was made), the placements of rounds not revealed yet and the
facilitator's view state are taken out; everything the organisations agreed stays.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from facilitator.core.reports.public import public_data

__all__ = ["public_data", "render"]


def render(data: Mapping[str, Any], *, public: bool = False) -> str:
    """The file's tables as JSON text; `public`: as `reports.public.public_data` keeps them."""
    if public:
        data = public_data(data)
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
