"""文件 → 恢复备份: the backups of the open database with a preview, and restore.

The list shows the backups in the main backup folder and the second folder (newest first);
choosing one shows its date, own unit, schema version and row counts, read from the
backup read-only. Restoring asks first, then (as an operation, off the GUI thread)
checks the backup, keeps the current file as a "before restore" backup, copies the backup
in, and reopens the database; the main window then shows the restored data.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planmgr.domain.i18n import commas
from planmgr.services.backups import BackupEntry, BackupPreview, backups_of, load_policy, preview_backup
from planmgr.ui import dialogs, theme
from planmgr.ui.backup.daily import BackupHost

log = logging.getLogger(__name__)

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRY_ROLE = Qt.ItemDataRole.UserRole

type Index = QModelIndex | QPersistentModelIndex


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


class BackupListModel(QAbstractTableModel):
    """Backups (``BackupEntry``), one per row; read-only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[BackupEntry] = []
        self._headers = [self.tr("Made at"), self.tr("Kind"), self.tr("Where"), self.tr("Size")]

    def set_entries(self, entries: list[BackupEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> BackupEntry:
        return self._entries[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                entry.taken.strftime("%Y-%m-%d %H:%M:%S"),
                entry.reason_label,
                self.tr("Second folder") if entry.second_folder else self.tr("This computer"),
                size_text(entry.size),
            )[column]
        if role == SORT_ROLE:
            return (entry.taken.isoformat(), entry.reason_label, int(entry.second_folder), entry.size)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(entry.path)
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return theme.icon("usb-flash-drive-outline" if entry.second_folder else "database-outline")
        return None


class PreviewPanel(QGroupBox):
    """Date, unit, schema version and counts of one backup."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Backup contents"))
        self.form = QFormLayout(self)
        self.taken_label = QLabel()
        self.unit_label = QLabel()
        self.revision_label = QLabel()
        self.counts_label = QLabel()
        self.counts_label.setWordWrap(True)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(f"color: {theme.OVERDUE};")
        self.path_label = QLabel()
        self.path_label.setWordWrap(True)
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path_label.setStyleSheet(f"color: {theme.NEUTRAL};")
        self.form.addRow(self.tr("Made at:"), self.taken_label)
        self.form.addRow(self.tr("Own unit:"), self.unit_label)
        self.form.addRow(self.tr("Schema version:"), self.revision_label)
        self.form.addRow(self.tr("Records:"), self.counts_label)
        self.form.addRow(self.problem_label)
        self.form.addRow(self.path_label)
        self.show_preview(None)

    def show_preview(self, preview: BackupPreview | None) -> None:
        if preview is None:
            for label in (self.taken_label, self.unit_label, self.revision_label, self.counts_label):
                label.setText("—")
            self.problem_label.setText(self.tr("Choose a backup in the list to see what it holds."))
            self.problem_label.setStyleSheet(f"color: {theme.NEUTRAL};")
            self.path_label.setText("")
            return
        self.taken_label.setText(preview.taken.strftime("%Y-%m-%d %H:%M:%S") if preview.taken else "—")
        self.unit_label.setText(preview.unit_name or self.tr("(not registered)"))
        self.revision_label.setText(preview.revision or "—")
        self.counts_label.setText(commas(f"{label} {count}" for label, count in preview.counts) or "—")
        self.problem_label.setStyleSheet(f"color: {theme.OVERDUE if preview.problem else theme.OK};")
        self.problem_label.setText(preview.problem or self.tr("This backup can be restored."))
        self.path_label.setText(str(preview.path))


def _restore_and_reopen(backup: Path, database: Path, keep_dir: Path | None) -> tuple[Any, Any]:
    """The operation's job (worker thread): restore, then open the restored file."""
    from planmgr.services.backups import restore_backup
    from planmgr.store.database import open_database

    result = restore_backup(backup, database, keep_dir)
    return result, open_database(database)


class RestoreDialog(QDialog):
    """Lists the backups of ``host.database``; ``restored`` is emitted after a restore."""

    def __init__(
        self, host: BackupHost, parent: QWidget | None = None, *, folder: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.host = host
        self.folder = folder  # the main backup folder (default: the user data folder's backups)
        self.keep_dir = folder
        self.current: BackupPreview | None = None
        self.setWindowTitle(self.tr("Restore backup"))
        # An explicit minimum (fits 1366×768) keeps the layout from changing it once shown.
        self.setMinimumSize(760, 440)
        self.resize(860, 500)

        intro = QLabel(
            self.tr(
                "Replace the open database with one of its backups. The current file is kept as a "
                "backup first, so a restore can itself be undone."
            )
        )
        intro.setWordWrap(True)
        self.model = BackupListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.view.doubleClicked.connect(lambda _index: self.restore())
        self.empty_label = QLabel(
            self.tr("No backups of this database yet. One is made each time it is opened and once a day.")
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setStyleSheet(f"color: {theme.NEUTRAL};")
        self.preview = PreviewPanel()
        self.preview.setMinimumWidth(320)

        self.other_button = QPushButton(theme.icon("folder-open-outline"), self.tr("Other &file…"))
        self.other_button.clicked.connect(self.choose_other)
        self.restore_button = QPushButton(theme.icon("backup-restore"), self.tr("&Restore"))
        self.restore_button.clicked.connect(self.restore)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet(f"color: {theme.OVERDUE};")

        left = QVBoxLayout()
        left.addWidget(self.view, 1)
        left.addWidget(self.empty_label)
        middle = QHBoxLayout()
        middle.addLayout(left, 3)
        middle.addWidget(self.preview, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(middle, 1)
        layout.addWidget(self.note_label)
        layout.addWidget(buttons)
        self.reload()

    # ------------------------------------------------------------------ data

    def blocked_reason(self) -> str | None:
        """Why nothing can be restored into the open database, or ``None``."""
        database = self.host.database
        if not database.is_sqlite or database.path is None:
            return self.tr("A shared server database is restored by its administrator (pg_restore).")
        if database.read_only:
            return self.tr(
                "The database is open read-only (another program is using it): it cannot be restored."
            )
        return None

    def reload(self) -> None:
        database = self.host.database
        entries: list[BackupEntry] = []
        if database.path is not None:
            entries = backups_of(database.path, load_policy(database.engine), folder=self.folder)
        self.model.set_entries(entries)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.empty_label.setVisible(not entries)
        self.note_label.setText(self.blocked_reason() or "")
        if entries:
            self.view.selectRow(0)
        else:
            self.show_preview(None)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = current.data(ENTRY_ROLE) if current.isValid() else None
        self.show_preview(preview_backup(entry.path) if entry is not None else None)

    def show_preview(self, preview: BackupPreview | None) -> None:
        self.current = preview
        self.preview.show_preview(preview)
        self.restore_button.setEnabled(
            preview is not None
            and preview.restorable
            and self.blocked_reason() is None
            and not self.host.ops.busy
        )

    def choose_other(self) -> None:
        chosen = dialogs.pick_open_file(
            self,
            self.tr("Choose a backup file"),
            self.tr("planmgr databases (*.sqlite *.db);;All files (*)"),
            self.folder,
        )
        if chosen is not None:
            self.view.clearSelection()
            self.show_preview(preview_backup(chosen))

    # ------------------------------------------------------------------ restore

    def restore(self) -> None:
        preview = self.current
        database = self.host.database.path
        if preview is None or not preview.restorable or database is None or self.blocked_reason():
            return
        if self.host.ops.busy:
            dialogs.inform(self, self.tr("Please wait"), self.tr("Another operation is still running."))
            return
        taken = preview.taken.strftime("%Y-%m-%d %H:%M") if preview.taken else str(preview.path)
        question = self.tr(
            "Replace the open database with the backup made at {taken}?\n\n{database}\n\n"
            "Changes made after that time are replaced; the current file is kept as a backup first."
        ).format(taken=taken, database=database)
        if not dialogs.ask(self, self.tr("Restore backup"), question):
            return
        self.restore_button.setEnabled(False)
        self.host.ops.run(
            self.tr("Restoring the backup"),
            lambda: _restore_and_reopen(preview.path, database, self.keep_dir),
            on_success=self._restored,
            on_failure=lambda _error: self.show_preview(self.current),
            cancellable=False,
        )

    def _restored(self, outcome: tuple[Any, Any]) -> None:
        result, reopened = outcome
        self.host.set_database(reopened)
        kept = result.previous_kept_as
        text = self.tr("The database was restored from:\n{backup}").format(backup=result.restored_from)
        if kept is not None:
            text += "\n\n" + self.tr("The replaced file was kept as:\n{kept}").format(kept=kept)
        log.info("restored %s from %s (kept %s)", result.database, result.restored_from, kept)
        dialogs.inform(self, self.tr("Backup restored"), text)
        self.accept()
