"""Backups, restore, the one-writer prompt and the audit log in the GUI (issue 10).

The main window adds ``backup_actions(window)`` to its File menu and calls
``install_daily_backup(window)`` once it is shown; the start-up code and the window's
"open database" call ``acquire_or_ask`` before opening a SQLite file for writing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from planmgr.ui import theme
from planmgr.ui.backup.daily import BackupHost, DailyBackup, install_daily_backup
from planmgr.ui.backup.lock_prompt import READ_ONLY, acquire_or_ask

__all__ = [
    "READ_ONLY",
    "BackupHost",
    "DailyBackup",
    "acquire_or_ask",
    "backup_actions",
    "install_daily_backup",
    "open_audit_log",
    "open_backup_settings",
    "open_restore",
]


def _widget(host: BackupHost) -> QWidget | None:
    return host if isinstance(host, QWidget) else None


def open_restore(host: BackupHost, folder: Path | None = None) -> QWidget:
    """Show the restore dialog (window-modal, not blocking); returns it."""
    from planmgr.ui.backup.restore_dialog import RestoreDialog

    dialog = RestoreDialog(host, _widget(host), folder=folder)
    dialog.open()
    return dialog


def open_backup_settings(host: BackupHost, folder: Path | None = None) -> QWidget:
    from planmgr.ui.backup.settings_dialog import BackupSettingsDialog

    dialog = BackupSettingsDialog(host, _widget(host), folder=folder)
    dialog.open()
    return dialog


def open_audit_log(host: BackupHost) -> QWidget:
    from planmgr.ui.backup.audit_viewer import AuditLogDialog

    dialog = AuditLogDialog(host.database.engine, _widget(host))
    dialog.open()
    return dialog


def backup_actions(window: BackupHost) -> list[QAction]:
    """文件 menu entries: 恢复备份…, 备份设置…, 审计日志… (in that order)."""
    parent = window if isinstance(window, QObject) else None
    restore = QAction(
        theme.icon("backup-restore"), QCoreApplication.translate("backup", "&Restore backup…"), parent
    )
    restore.setObjectName("restore_backup_action")
    restore.triggered.connect(lambda: open_restore(window))
    settings = QAction(
        theme.icon("cog-sync-outline"), QCoreApplication.translate("backup", "Backup &settings…"), parent
    )
    settings.setObjectName("backup_settings_action")
    settings.triggered.connect(lambda: open_backup_settings(window))
    audit = QAction(theme.icon("history"), QCoreApplication.translate("backup", "&Audit log…"), parent)
    audit.setObjectName("audit_log_action")
    audit.triggered.connect(lambda: open_audit_log(window))
    return [restore, settings, audit]
