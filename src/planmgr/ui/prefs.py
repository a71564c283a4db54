"""This user's preferences (window geometry, recent databases, language) in an ini file.

The file lives in ``planmgr.paths.user_config_dir()``, so tests (``PLANMGR_HOME``) and
portable installs keep it next to their data instead of the registry or ~/.config.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings

from planmgr import paths

ORGANISATION = "planmgr"
SETTINGS_FILE = "planmgr.ini"
RECENT_KEY = "recent/databases"
LANGUAGE_KEY = "ui/language"
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
MAX_RECENT = 8


def app_settings(parent: QObject | None = None) -> QSettings:
    return QSettings(str(paths.user_config_dir() / SETTINGS_FILE), QSettings.Format.IniFormat, parent)


def recent_databases(settings: QSettings) -> list[str]:
    value = settings.value(RECENT_KEY, [], list)
    return [str(v) for v in value if v] if isinstance(value, list) else []


def remember_database(settings: QSettings, db: str) -> list[str]:
    """Put ``db`` first in the recent list (without duplicates); returns the new list."""
    recent = [db, *(d for d in recent_databases(settings) if d != db)][:MAX_RECENT]
    settings.setValue(RECENT_KEY, recent)
    return recent


def last_database(settings: QSettings) -> Path | None:
    """The database opened last, if its file still exists (``planmgr gui`` without --db)."""
    for db in recent_databases(settings)[:1]:
        path = Path(db)
        if path.is_file():
            return path
    return None


def language(settings: QSettings) -> str:
    value = str(settings.value(LANGUAGE_KEY, DEFAULT_LANGUAGE))
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def set_language(settings: QSettings, code: str) -> None:
    """The interface language from the next start on (zh_CN or en)."""
    if code not in LANGUAGES:
        raise ValueError(code)
    settings.setValue(LANGUAGE_KEY, code)
