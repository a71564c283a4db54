"""文件 → 备份设置: how many daily and weekly backups to keep, and an optional second folder.

The policy is stored in the open database's settings (``backup_policy``), so it travels
with the database file. Saving goes through ``ops``; a refused policy keeps the dialog open
with what the user typed.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planmgr import paths
from planmgr.services.backups import MAX_DAILY, MAX_WEEKLY, BackupPolicy, load_policy, save_policy
from planmgr.ui import dialogs, theme
from planmgr.ui.backup.daily import BackupHost


class BackupSettingsDialog(QDialog):
    def __init__(
        self, host: BackupHost, parent: QWidget | None = None, *, folder: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.host = host
        self.folder = folder if folder is not None else paths.backups_dir()
        self.setWindowTitle(self.tr("Backup settings"))
        self.setMinimumSize(600, 340)  # explicit: stable once shown
        policy = load_policy(host.database.engine)

        intro = QLabel(
            self.tr(
                "The database is backed up each time it is opened and once a day while planmgr runs. "
                "Older automatic backups are deleted beyond the numbers below; manual backups and "
                "backups made before an upgrade or a restore are always kept."
            )
        )
        intro.setWordWrap(True)
        self.daily_spin = QSpinBox()
        self.daily_spin.setRange(1, MAX_DAILY)
        self.daily_spin.setValue(policy.keep_daily)
        self.daily_spin.setSuffix(self.tr(" days"))
        self.weekly_spin = QSpinBox()
        self.weekly_spin.setRange(0, MAX_WEEKLY)
        self.weekly_spin.setValue(policy.keep_weekly)
        self.weekly_spin.setSuffix(self.tr(" weeks"))
        self.main_label = QLabel(str(self.folder))
        self.main_label.setWordWrap(True)
        self.open_button = QPushButton(theme.icon("folder-outline"), self.tr("Show &folder"))
        self.open_button.clicked.connect(lambda: dialogs.open_folder(self.folder))
        main_row = QHBoxLayout()
        main_row.addWidget(self.main_label, 1)
        main_row.addWidget(self.open_button)
        self.second_edit = QLineEdit(str(policy.second_folder) if policy.second_folder else "")
        self.second_edit.setPlaceholderText(self.tr("Optional, e.g. a folder on a USB drive"))
        self.browse_button = QPushButton(theme.icon("folder-search-outline"), self.tr("&Browse…"))
        self.browse_button.clicked.connect(self.browse)
        second_row = QHBoxLayout()
        second_row.addWidget(self.second_edit, 1)
        second_row.addWidget(self.browse_button)
        hint = QLabel(
            self.tr("When the second folder's drive is not plugged in, the backup there is skipped silently.")
        )
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {theme.NEUTRAL};")

        form = QFormLayout()
        form.addRow(self.tr("Keep daily backups of the last:"), self.daily_spin)
        form.addRow(self.tr("Keep weekly backups of the last:"), self.weekly_spin)
        form.addRow(self.tr("Backup folder:"), main_row)
        form.addRow(self.tr("Second folder:"), second_row)
        form.addRow(hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        if host.database.read_only:
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def policy(self) -> BackupPolicy:
        text = self.second_edit.text().strip()
        return BackupPolicy(
            keep_daily=self.daily_spin.value(),
            keep_weekly=self.weekly_spin.value(),
            second_folder=Path(text) if text else None,
        )

    def browse(self) -> None:
        chosen = dialogs.pick_directory(self, self.tr("Second backup folder"), None)
        if chosen is not None:
            self.second_edit.setText(str(chosen))

    def save(self) -> None:
        self.host.ops.run(
            self.tr("Saving the backup settings"),
            partial(save_policy, self.host.database.engine, self.policy()),
            on_success=lambda _policy: self.accept(),
            cancellable=False,
        )
