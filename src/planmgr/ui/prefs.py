"""This user's preferences (window geometry, recent databases) in an ini file.

The file lives in ``planmgr.paths.user_config_dir()``, so tests (``PLANMGR_HOME``) and
portable installs keep it next to their data instead of the registry or ~/.config.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings

from planmgr import paths

ORGANISATION = "planmgr"
SETTINGS_FILE = "planmgr.ini"
RECENT_KEY = "recent/databases"
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
