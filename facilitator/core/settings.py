"""The facilitator's own settings, kept beside the sessions: `<data dir>/settings.json`.

Only what the app should remember between starts (the interface language). A missing or
unreadable file means "no settings yet"; writing is atomic, like the sessions.
"""

from __future__ import annotations

import json
import locale
import os
from pathlib import Path
from typing import Any

from facilitator.core.i18n import LANGUAGES
from facilitator.core.plain import read_json_or_set_aside
from facilitator.core.store import atomic_write_text

SETTINGS_NAME = "settings.json"


MAX_SETTINGS_BYTES = 1_000_000  # a language choice: anything bigger is not ours


def load_settings(data_dir: Path) -> dict[str, Any]:
    """The settings; a file that breaks a session file's limits is set aside with a notice."""
    data = read_json_or_set_aside(data_dir / SETTINGS_NAME, MAX_SETTINGS_BYTES)
    return data if isinstance(data, dict) else {}


def save_setting(data_dir: Path, key: str, value: Any) -> None:
    """Remember one setting; a folder that can't be written is not worth an error."""
    settings = load_settings(data_dir)
    settings[key] = value
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        atomic_write_text(data_dir / SETTINGS_NAME, json.dumps(settings, ensure_ascii=False, indent=2) + "\n")
    except OSError:
        pass


def system_language(environ: dict[str, str] | None = None) -> str:
    """Estonian for an Estonian locale (et_EE, et), else English."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(name, "")
        if value:
            return "et" if value.split(":")[0].lower().startswith("et") else "en"
    if environ is None:
        code = locale.getlocale()[0] or ""
        return "et" if code.lower().startswith("et") else "en"
    return "en"


def interface_language(data_dir: Path, explicit: str | None = None) -> str:
    """--lang if given, else the language chosen last time, else the system's."""
    if explicit in LANGUAGES:
        assert explicit is not None
        return explicit
    remembered = load_settings(data_dir).get("language")
    if isinstance(remembered, str) and remembered in LANGUAGES:
        return remembered
    return system_language()
