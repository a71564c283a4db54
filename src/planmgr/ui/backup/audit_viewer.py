"""The audit log (审计日志): who changed what and when, filtered by table, user and date.

Read-only by construction: the model has no editable items and no ``setData``, the view
has no edit triggers, and the dialog offers no delete or edit action. The filters run in
the query service (``services.audit``); the search box and the column sorting run in the
proxy model over the rows shown.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Engine

from planmgr.services.audit import (
    AuditFilter,
    AuditRecord,
    audit_tables,
    audit_users,
    field_label,
    query_audit,
    table_label,
)
from planmgr.ui import theme

type Index = QModelIndex | QPersistentModelIndex

RECORD_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = 6


class AuditTableModel(QAbstractTableModel):
    """Audit entries (``AuditRecord``), newest first; nothing in it can be edited."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._records: list[AuditRecord] = []
        self._headers = [
            self.tr("Time"),
            self.tr("User"),
            self.tr("Table"),
            self.tr("Action"),
            self.tr("Record"),
            self.tr("Changes"),
        ]

    def set_records(self, records: list[AuditRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> AuditRecord:
        return self._records[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < COLUMNS:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                record.local_time,
                record.user,
                record.table_label,
                record.action_label,
                record.row_uid or (str(record.row_id) if record.row_id is not None else ""),
                record.summary,
            )[column]
        if role == SORT_ROLE:
            if column == 0:
                return f"{record.at.isoformat()}#{record.id:012d}"
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ToolTipRole and column == 5:
            return record.summary
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and record.action == "delete":
            return theme.plan_status_colour("abolished")
        if role == RECORD_ROLE:
            return record
        return None


class AuditFilterProxy(QSortFilterProxyModel):
    """Sorting, and a free-text search over user, table, action, record and changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)


def details(record: AuditRecord) -> str:
    """Every changed field on its own line (the full values, not shortened)."""
    lines = [f"{record.local_time}  {record.user}  {record.table_label}  {record.action_label}"]
    if record.row_uid:
        lines.append(f"uid: {record.row_uid}")
    for key, value in record.changes.items():
        lines.append(f"{field_label(key)}: {json.dumps(value, ensure_ascii=False, indent=1)}")
    return "\n".join(lines)


def _qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class AuditLogDialog(QDialog):
    """The audit log of ``engine``; filters re-query, the search box filters what is shown."""

    def __init__(self, engine: Engine, parent: QWidget | None = None, *, limit: int = 2000) -> None:
        super().__init__(parent)
        self.engine = engine
        self.limit = limit
        self.setWindowTitle(self.tr("Audit log"))
        self.setMinimumSize(900, 520)  # explicit: fits 1366×768, stable once shown
        self.resize(1000, 600)

        self.table_combo = QComboBox()
        self.user_combo = QComboBox()
        self.date_check = QCheckBox(self.tr("From"))
        today = QDate.currentDate()
        self.start_edit = QDateEdit(today.addDays(-30))
        self.end_edit = QDateEdit(today)
        for edit in (self.start_edit, self.end_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search the rows shown"))
        self.search_edit.setClearButtonEnabled(True)
        self.refresh_button = QPushButton(theme.icon("refresh"), self.tr("&Refresh"))

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Table:")))
        filters.addWidget(self.table_combo)
        filters.addWidget(QLabel(self.tr("User:")))
        filters.addWidget(self.user_combo)
        filters.addWidget(self.date_check)
        filters.addWidget(self.start_edit)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.end_edit)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.refresh_button)

        self.model = AuditTableModel(self)
        self.proxy = AuditFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        for column in range(COLUMNS - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(self.tr("Choose a row to see every changed field."))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.count_label = QLabel()
        self.count_label.setStyleSheet(f"color: {theme.NEUTRAL};")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        self._fill_choices()
        self.table_combo.currentIndexChanged.connect(self.reload)
        self.user_combo.currentIndexChanged.connect(self.reload)
        self.date_check.toggled.connect(self._dates_toggled)
        self.start_edit.dateChanged.connect(self.reload)
        self.end_edit.dateChanged.connect(self.reload)
        self.search_edit.textChanged.connect(self._search)
        self.refresh_button.clicked.connect(self.refresh)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.reload()

    # ------------------------------------------------------------------ filters

    def _fill_choices(self) -> None:
        for combo, values, labels in (
            (self.table_combo, audit_tables(self.engine), table_label),
            (self.user_combo, audit_users(self.engine), str),
        ):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("All"), None)
            for value in values:
                combo.addItem(labels(value), value)
            found = combo.findData(chosen)
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)

    def current_filter(self) -> AuditFilter:
        dated = self.date_check.isChecked()
        return AuditFilter(
            table=self.table_combo.currentData(),
            user=self.user_combo.currentData(),
            start=_qdate(self.start_edit.date()) if dated else None,
            end=_qdate(self.end_edit.date()) if dated else None,
            limit=self.limit,
        )

    def _dates_toggled(self, on: bool) -> None:
        self.start_edit.setEnabled(on)
        self.end_edit.setEnabled(on)
        self.reload()

    def _search(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self._show_count()

    def refresh(self) -> None:
        self._fill_choices()
        self.reload()

    def reload(self) -> None:
        page = query_audit(self.engine, self.current_filter())
        self.model.set_records(page.records)
        self._total = page.total
        self.detail.clear()
        self._show_count()

    def _show_count(self) -> None:
        shown = self.proxy.rowCount()
        loaded = self.model.rowCount()
        if self._total > loaded:
            text = self.tr("{total} entries match; the newest {loaded} are listed").format(
                total=self._total, loaded=loaded
            )
        else:
            text = self.tr("{total} entries").format(total=self._total)
        if shown != loaded:
            text += self.tr(", {shown} match the search").format(shown=shown)
        self.count_label.setText(text)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record = current.data(RECORD_ROLE) if current.isValid() else None
        self.detail.setPlainText(details(record) if record is not None else "")
